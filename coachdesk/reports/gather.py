"""Gathering one agent's pack from the services: what the period holds, with privacy applied before rendering."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from coachdesk.errors import ValidationError
from coachdesk.models import CommitmentStatus, MeetingStatus, PlanStatus
from coachdesk.reports.content import (
    KpiTrend,
    OneOnOne,
    PackContent,
    PackPerson,
    PackRequest,
    SummaryFigures,
)
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentView
from coachdesk.services.kpis import KpiView
from coachdesk.services.log import EntryView
from coachdesk.services.plans import PlanView
from coachdesk.services.recognition import MentorshipView

MEETING_WORDS = {
    MeetingStatus.HELD: "held",
    MeetingStatus.MISSED: "missed",
    MeetingStatus.CANCELLED: "cancelled",
    MeetingStatus.POSTPONED: "postponed",
    MeetingStatus.SCHEDULED: "scheduled",
    MeetingStatus.IN_PROGRESS: "under way",
}


def checked_period(first_day: date, last_day: date) -> None:
    if last_day < first_day:
        raise ValidationError(
            f"The period ends ({last_day.isoformat()}) before it starts ({first_day.isoformat()}).", "last_day"
        )


def gather_pack(services: Services, request: PackRequest) -> PackContent:
    """Everything the pack prints, read through the same services the app uses, so the pack shows what they show."""
    checked_period(request.first_day, request.last_day)
    person = services.people.get(request.agent_id)
    today = services.log.today()
    entries = [entry for entry in logged_entries(services, request) if request.include_private or not entry.is_private]
    sessions = tuple(logged_session(entry, request) for entry in entries)
    recognition = tuple(
        r
        for r in reversed(services.recognition.for_person(request.agent_id))
        if request.first_day <= r.given_on <= request.last_day and (request.include_private or not r.is_private)
    )
    one_on_ones = tuple(
        OneOnOne(m.scheduled_at, m.manager_name, MEETING_WORDS[m.status], m.duration_minutes)
        for m in services.meetings.between(request.first_day, request.last_day, report_id=request.agent_id)
    )
    counted_days = [e.held_on for e in entries if e.kind.counts_toward_cadence]
    end = min(request.last_day, today)
    owner = services.people.owner()
    return PackContent(
        request=request,
        generated_on=today,
        prepared_by=owner.full_name if owner else None,
        agent=PackPerson(person.full_name, person.employee_id, person.role, person.team_name, person.reports_to_name),
        summary=SummaryFigures(
            sessions_held=len(counted_days),
            sessions_expected=expected_sessions(request.first_day, end, person.cadence_days),
            cadence_days=person.cadence_days,
            longest_gap_days=longest_gap(request.first_day, end, counted_days),
            one_on_ones_held=sum(m.status == "held" for m in one_on_ones),
            one_on_ones_missed=sum(m.status == "missed" for m in one_on_ones),
            commitments_made=len(commitments := [c for s in sessions for c in s.commitments]),
            commitments_kept=sum(c.status is CommitmentStatus.DONE for c in commitments),
            commitments_missed=sum(c.status is CommitmentStatus.MISSED for c in commitments),
            commitments_open=sum(c.status is CommitmentStatus.OPEN for c in commitments),
            recognition_count=len(recognition),
        ),
        plan=plan_of_period(services.plans.plans_for(request.agent_id), request.last_day),
        kpis=kpi_trends(services, request),
        sessions=sessions,
        recognition=recognition,
        mentoring=mentoring_in_period(services.recognition.mentorships_of(request.agent_id), request),
        one_on_ones=one_on_ones,
    )


def logged_entries(services: Services, request: PackRequest) -> list[EntryView]:
    lines = services.log.list_entries(agent_id=request.agent_id, since=request.first_day, until=request.last_day)
    return services.log.get_many([line.id for line in reversed(lines)])


def logged_session(entry: EntryView, request: PackRequest) -> EntryView:
    """The session as the agent's evidence: private notes only when asked for, and in a group session only the
    commitments in this agent's coaching."""
    include_private = request.include_private
    return replace(
        entry,
        private_notes=entry.private_notes if include_private else "",
        commitments=tuple(
            c for c in shareable(entry.commitments, include_private) if request.agent_id in (c.coachee_id, c.owner_id)
        ),
    )


def shareable(commitments: Sequence[CommitmentView], include_private: bool) -> list[CommitmentView]:
    return [c for c in commitments if include_private or not c.is_private]


def expected_sessions(first_day: date, last_day: date, cadence_days: int) -> int:
    days = (last_day - first_day).days + 1
    return max(0, math.ceil(days / cadence_days)) if days > 0 else 0


def longest_gap(first_day: date, last_day: date, held: Sequence[date]) -> int:
    """The most days without a session, counting from the period's start and up to its end (or today)."""
    marks = [first_day, *sorted(held), max(first_day, last_day)]
    return max((later - earlier).days for earlier, later in itertools.pairwise(marks))


def plan_of_period(plans: Sequence[PlanView], last_day: date) -> PlanView | None:
    """The active plan, else the latest one started by the period's end."""
    active = next((p for p in plans if p.status is PlanStatus.ACTIVE), None)
    started = (p for p in plans if p.started_on is None or p.started_on <= last_day)
    return active or next(started, None)


def mentoring_in_period(pairings: Sequence[MentorshipView], request: PackRequest) -> tuple[MentorshipView, ...]:
    return tuple(
        m
        for m in sorted(pairings, key=lambda m: m.started_on)
        if m.started_on <= request.last_day and (m.ended_on is None or m.ended_on >= request.first_day)
    )


def kpi_trends(services: Services, request: PackRequest) -> tuple[KpiTrend, ...]:
    trends = []
    for latest in services.kpis.latest_for(request.agent_id):
        points = tuple(
            (p.period_start, p.value)
            for p in services.kpis.series(request.agent_id, latest.kpi.id, since=request.first_day)
            if p.period_start <= request.last_day
        )
        trends.append(
            KpiTrend(
                name=latest.kpi.name,
                unit=latest.kpi.unit,
                decimals=latest.kpi.decimals,
                higher_is_better=latest.kpi.higher_is_better,
                target=latest.target,
                points=points,
                change=change_in_words(latest.kpi, latest.target, [value for _day, value in points]),
            )
        )
    return tuple(trends)


def figure(kpi: KpiView, value: float) -> str:
    unit = kpi.unit if kpi.unit in ("%", "") else f" {kpi.unit}"
    return f"{value:.{kpi.decimals}f}{unit}"


def change_in_words(kpi: KpiView, target: float | None, values: Sequence[float]) -> str:
    if not values:
        return "No values were recorded in this period."
    first, last = values[0], values[-1]
    if len(values) == 1:
        words = f"One value in this period: {figure(kpi, last)}."
    elif round(last - first, kpi.decimals) == 0:
        words = f"Unchanged at {figure(kpi, last)} from the first value of the period to the last."
    else:
        better = (last > first) == kpi.higher_is_better
        verb = "Rose" if last > first else "Fell"
        words = (
            f"{verb} from {figure(kpi, first)} to {figure(kpi, last)} "
            f"({'an improvement' if better else 'a decline'}) over {len(values)} values."
        )
    if target is None:
        return words
    meets = kpi.meets_target(last, target)
    return f"{words} The last value {'meets' if meets else 'misses'} the target of {figure(kpi, target)}."
