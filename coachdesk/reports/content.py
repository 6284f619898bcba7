"""What a review pack holds, as frozen data: gathered once, rendered many ways, compared in tests."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from coachdesk.services.log import EntryView
from coachdesk.services.plans import PlanView
from coachdesk.services.recognition import MentorshipView, RecognitionView


class Section(enum.StrEnum):
    """The sections a manager may pick, in the order the pack prints them; the value is the CLI's word."""

    SUMMARY = "summary"
    PLAN = "plan"
    KPIS = "kpis"
    LOG = "log"
    ACKNOWLEDGEMENTS = "acknowledgements"
    RECOGNITION = "recognition"
    MENTORING = "mentoring"
    ONE_ON_ONES = "one-on-ones"
    SIGN_OFF = "sign-off"
    RESPONSE = "response"

    @property
    def heading(self) -> str:
        return SECTION_TITLES[self]


SECTION_TITLES = {
    Section.SUMMARY: "Summary in numbers",
    Section.PLAN: "Development plan",
    Section.KPIS: "KPI trends",
    Section.LOG: "Leader-log evidence",
    Section.ACKNOWLEDGEMENTS: "Acknowledgements and amendments",
    Section.RECOGNITION: "Recognition",
    Section.MENTORING: "Mentoring",
    Section.ONE_ON_ONES: "One-on-one history",
    Section.SIGN_OFF: "Sign-off",
    Section.RESPONSE: "The agent's response",
}

ALL_SECTIONS = tuple(Section)


def default_first_day(last_day: date) -> date:
    """A review looks back over a year unless the manager says otherwise."""
    return last_day - timedelta(days=365)


@dataclass(frozen=True)
class PackRequest:
    agent_id: str
    first_day: date
    last_day: date
    sections: tuple[Section, ...] = ALL_SECTIONS
    include_private: bool = False


@dataclass(frozen=True)
class PackPerson:
    name: str
    employee_id: str | None
    role: str
    team: str | None
    manager: str | None


@dataclass(frozen=True)
class SummaryFigures:
    sessions_held: int
    sessions_expected: int
    cadence_days: int
    longest_gap_days: int
    one_on_ones_held: int
    one_on_ones_missed: int
    commitments_made: int
    commitments_kept: int
    commitments_missed: int
    commitments_open: int
    recognition_count: int


@dataclass(frozen=True)
class KpiTrend:
    name: str
    unit: str
    decimals: int
    higher_is_better: bool
    target: float | None
    points: tuple[tuple[date, float], ...]
    change: str
    """The start-to-end change in words, judged against the direction that counts as better."""


@dataclass(frozen=True)
class OneOnOne:
    scheduled_at: datetime
    manager: str
    status: str
    duration_minutes: int


@dataclass(frozen=True)
class PackContent:
    request: PackRequest
    generated_on: date
    prepared_by: str | None
    """The notebook's owner, named as the pack's author."""
    agent: PackPerson
    summary: SummaryFigures
    plan: PlanView | None
    kpis: tuple[KpiTrend, ...]
    sessions: tuple[EntryView, ...]
    """In date order, oldest first: evidence reads as a story; private notes emptied unless asked for."""
    recognition: tuple[RecognitionView, ...]
    mentoring: tuple[MentorshipView, ...]
    one_on_ones: tuple[OneOnOne, ...]

    @property
    def period_words(self) -> str:
        return period_words(self.request.first_day, self.request.last_day)


def period_words(first_day: date, last_day: date) -> str:
    return f"{long_date(first_day)} to {long_date(last_day)}"


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
