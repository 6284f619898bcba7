"""Mentoring suggestions: a mentee's growth areas matched to a mentor's strengths, each with its reason in words.

An area is a KPI or a skill (matched by name, whatever the case). A mentee is growing it when:
- the KPI's latest value is below their target,
- the KPI is measured by an open goal of their active development plan,
- the skill was the focus of a coaching session in the last `FOCUS_DAYS` days, or is noted as a growth area.

A mentor is strong in it when:
- they met the KPI's target in each of the last `STRONG_RUN` periods,
- they were recognised for that KPI or behaviour in the last year, or the skill is noted as a strength.

Mentees are the notebook owner's people (everyone without an owner); mentors may be anyone, and mentors from
another site, then another team, come first: the programme is there to cross those lines. Pairs that exist
already (proposed or active) are left out, and so is a mentee's own manager, who coaches them anyway.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.models import (
    DevelopmentPlan,
    GoalStatus,
    Kpi,
    LogEntry,
    LogEntryAgent,
    Mentorship,
    MentorshipStatus,
    Person,
    PersonSkill,
    PlanGoal,
    PlanStatus,
    Recognition,
    SessionFocus,
    SkillKind,
)
from coachdesk.services.base import alive
from coachdesk.services.kpi_standing import KpiStanding, kpi_standings
from coachdesk.services.mentoring import Side, people_sides
from coachdesk.services.recognition_prompts import in_scope
from coachdesk.services.settings import ServiceWithSettings

FOCUS_DAYS = 90
RECOGNITION_DAYS = 365
STRONG_RUN = 4
MOST = 12

Area = tuple[str, str]
"""("kpi", its id) or ("skill", its name folded)."""


@dataclass(frozen=True)
class Suggestion:
    mentor: Side
    mentee: Side
    area: str
    """What the mentee would grow: a KPI's name or a skill."""
    reason: str

    @property
    def scope(self) -> str:
        """What the pairing would be about, to start the New pairing form with."""
        return f"Growing {self.area}"


class MentorMatchingService(ServiceWithSettings):
    def suggestions(self, *, most: int = MOST) -> list[Suggestion]:
        """The best mentor for each mentee with a match, the mentees with the most in common first."""
        today = self.today()
        with self._notebook.read() as session:
            managers: dict[str, str | None] = dict(
                session.execute(
                    select(Person.id, Person.reports_to_id).where(alive(Person), Person.archived.is_(False))
                ).all()
            )
            areas = Areas(people_sides(session), set(in_scope(session, self._settings.owner_id())), set(managers))
            kpi_names: dict[str, str] = dict(session.execute(select(Kpi.id, Kpi.name)).all())
            for standing in kpi_standings(session, today, STRONG_RUN + 2, managers):
                areas.note_kpi(standing)
            for person_id, kpi_id, title in plan_goal_kpis(session):
                area, name = ("kpi", kpi_id), kpi_names[kpi_id]
                areas.grows(person_id, area, name, f"{areas.first(person_id)}'s plan has a goal on {name}: “{title}”")
            for person_id, skill in recent_focus_skills(session, today - timedelta(days=FOCUS_DAYS)):
                areas.grows(person_id, skill_area(skill), skill, f"{areas.first(person_id)} was coached on “{skill}”")
            for person_id, skill, kind in session.execute(
                select(PersonSkill.person_id, PersonSkill.name, PersonSkill.kind).where(alive(PersonSkill))
            ):
                who = areas.first(person_id)
                if kind is SkillKind.GROWTH_AREA:
                    areas.grows(person_id, skill_area(skill), skill, f"{who} is growing “{skill}”")
                else:
                    areas.strong(person_id, skill_area(skill), skill, f"{who} is strong at “{skill}”")
            for person_id, recognised_kpi, behaviour in session.execute(
                select(Recognition.person_id, Recognition.kpi_id, Recognition.behaviour)
                .where(Recognition.given_on >= today - timedelta(days=RECOGNITION_DAYS), alive(Recognition))
                .order_by(Recognition.given_on.desc())
            ):
                recognised = f"{areas.first(person_id)} was recognised for"
                if recognised_kpi in kpi_names:
                    name = kpi_names[recognised_kpi]
                    areas.strong(person_id, ("kpi", recognised_kpi), name, f"{recognised} {name}")
                if behaviour.strip():
                    label = behaviour.strip()
                    areas.strong(person_id, skill_area(label), label, f"{recognised} “{label}”")
            paired = existing_pairs(session)
        left_out = paired | {(manager, mentee) for mentee, manager in managers.items() if manager}
        return areas.matches(left_out)[:most]


class Areas:
    """What each person is growing and what each is strong in, with the first words found for each area."""

    def __init__(self, sides: dict[str, Side], mentees: set[str], everyone: set[str]) -> None:
        self.sides = sides
        self.mentees = mentees
        self.everyone = everyone
        self.growth: dict[str, dict[Area, str]] = defaultdict(dict)
        self.strengths: dict[str, dict[Area, str]] = defaultdict(dict)
        self.labels: dict[Area, str] = {}

    def first(self, person_id: str) -> str:
        side = self.sides.get(person_id)
        return side.name.split()[0] if side else "?"

    def grows(self, person_id: str, area: Area, label: str, words: str) -> None:
        if person_id in self.mentees:
            self.labels.setdefault(area, label)
            self.growth[person_id].setdefault(area, words)

    def strong(self, person_id: str, area: Area, label: str, words: str) -> None:
        if person_id in self.everyone:
            self.labels.setdefault(area, label)
            self.strengths[person_id].setdefault(area, words)

    def note_kpi(self, standing: KpiStanding) -> None:
        person, kpi, area = standing.person_id, standing.kpi.name, ("kpi", standing.kpi.id)
        if standing.below_target and standing.target is not None:
            value, target = standing.amount(standing.latest.value), standing.amount(standing.target)
            self.grows(person, area, kpi, f"{self.first(person)}'s {kpi} is {value}, target {target}")
        if standing.run_on_target >= STRONG_RUN:
            run = standing.periods(standing.run_on_target)
            self.strong(person, area, kpi, f"{self.first(person)} has met the {kpi} target {run} running")

    def matches(self, left_out: set[tuple[str, str]]) -> list[Suggestion]:
        """For each mentee, the mentor sharing the most areas, another site first, then another team."""
        strong_in: dict[Area, list[str]] = defaultdict(list)
        for mentor_id, areas in self.strengths.items():
            for area in areas:
                strong_in[area].append(mentor_id)
        ranked = []
        for mentee_id, areas in self.growth.items():
            shared: dict[str, list[Area]] = defaultdict(list)
            for area in areas:
                for mentor_id in strong_in[area]:
                    if mentor_id != mentee_id and (mentor_id, mentee_id) not in left_out:
                        shared[mentor_id].append(area)
            if not shared:
                continue
            mentee = self.sides[mentee_id]
            best = min(shared, key=lambda m: preference(self.sides[m], mentee, len(shared[m])))
            area, mentor = shared[best][0], self.sides[best]
            reason = f"{areas[area]}; {self.strengths[best][area]}{crossing_words(mentor, mentee)}."
            ranked.append((-len(shared[best]), mentee.name, Suggestion(mentor, mentee, self.labels[area], reason)))
        return [suggestion for *_order, suggestion in sorted(ranked, key=lambda r: (r[0], r[1]))]


def preference(mentor: Side, mentee: Side, shared: int) -> tuple[bool, bool, int, str]:
    """Sorts mentors best first: from another site, from another team, with the most in common, then by name."""
    other_site = bool(mentor.site and mentee.site and mentor.site != mentee.site)
    return (not other_site, mentor.team == mentee.team, -shared, mentor.name)


def skill_area(name: str) -> Area:
    return ("skill", " ".join(name.casefold().split()))


def crossing_words(mentor: Side, mentee: Side) -> str:
    if mentor.site and mentee.site and mentor.site != mentee.site:
        return f" · {mentor.site} and {mentee.site}"
    if mentor.team != mentee.team:
        return f" · {mentor.team or 'no team'} and {mentee.team or 'no team'}"
    return ""


def plan_goal_kpis(session: Session) -> list[tuple[str, str, str]]:
    """(person, KPI, goal title) for the open goals with a KPI of every active plan."""
    query = (
        select(DevelopmentPlan.person_id, PlanGoal.kpi_id, PlanGoal.title)
        .join(PlanGoal, PlanGoal.plan_id == DevelopmentPlan.id)
        .where(
            DevelopmentPlan.status == PlanStatus.ACTIVE,
            PlanGoal.status == GoalStatus.OPEN,
            PlanGoal.kpi_id.is_not(None),
            alive(DevelopmentPlan),
            alive(PlanGoal),
        )
    )
    return [(person_id, kpi_id, title) for person_id, kpi_id, title in session.execute(query) if kpi_id]


def recent_focus_skills(session: Session, since: date) -> list[tuple[str, str]]:
    """(agent, skill) for the skills coaching sessions focused on since `since`, the newest first."""
    query = (
        select(LogEntryAgent.agent_id, SessionFocus.skill)
        .join(LogEntry, LogEntry.id == SessionFocus.entry_id)
        .join(LogEntryAgent, LogEntryAgent.entry_id == LogEntry.id)
        .where(LogEntry.held_on >= since, SessionFocus.skill != "", alive(SessionFocus), alive(LogEntry))
        .order_by(LogEntry.held_on.desc())
    )
    return [(agent_id, skill) for agent_id, skill in session.execute(query)]


def existing_pairs(session: Session) -> set[tuple[str, str]]:
    query = select(Mentorship.mentor_id, Mentorship.mentee_id).where(
        Mentorship.status != MentorshipStatus.ENDED, alive(Mentorship)
    )
    return {(mentor, mentee) for mentor, mentee in session.execute(query)}
