"""What a one-on-one raises from the notebook's data: plan steps due, KPI changes worth raising, recognition.

Each function reads what one meeting needs and says it in words a manager would use on the agenda.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from coachdesk.models import (
    AgendaItem,
    AgendaSource,
    Commitment,
    CommitmentStatus,
    DevelopmentPlan,
    GoalStatus,
    Kpi,
    KpiTarget,
    KpiValue,
    Meeting,
    MeetingStatus,
    OneOnOneSeries,
    Person,
    PlanGoal,
    PlanStatus,
    PlanStep,
    Recognition,
    Template,
    TemplateKind,
)
from coachdesk.services.base import alive, person_names

PLAN_STEP_HORIZON_DAYS = 14
"""Plan steps due this soon (or overdue) come up in the meeting."""
KPI_CHANGE = 0.05
"""A KPI moving by this share of its previous value is worth raising."""
KPI_RECENT_DAYS = 92
"""A KPI whose latest value is older than this has nothing new to say."""
KPI_HISTORY_DAYS = 366
"""How far back the period before the latest is looked for."""
REMADE = (AgendaSource.RECOGNITION, AgendaSource.TEMPLATE)
"""Items every meeting gets afresh, so an unfinished one is never carried."""


class DataPoint(NamedTuple):
    """Something the data says should come up: a commitment, a plan step or a KPI change, by its id."""

    source: AgendaSource
    key: str
    text: str
    is_private: bool


def data_points(session: Session, series_id: str, report_id: str, meeting_id: str, today: date) -> list[DataPoint]:
    """The report's open commitments (but those made in this meeting), plan steps due and KPI changes to raise."""
    names = person_names(session)
    commitments = session.scalars(
        select(Commitment)
        .where(
            alive(Commitment),
            Commitment.status == CommitmentStatus.OPEN,
            Commitment.coachee_id == report_id,
            or_(Commitment.source_meeting_id.is_(None), Commitment.source_meeting_id != meeting_id),
        )
        .order_by(Commitment.due_on.is_(None), Commitment.due_on, Commitment.created_at)
    )
    points = [
        DataPoint(AgendaSource.COMMITMENT, c.id, commitment_line(names.get(c.owner_id, "?"), c.text), c.is_private)
        for c in commitments
    ]
    points.extend(
        DataPoint(AgendaSource.PLAN_STEP, step.id, f"{step.text} — {goal_title}", False)
        for step, goal_title in due_steps(session, report_id, today)
    )
    already = raised_kpi_points(session, series_id)
    points.extend(
        DataPoint(AgendaSource.KPI, kpi_id, text, False)
        for kpi_id, text in kpi_changes(session, report_id, today)
        if (kpi_id, text) not in already
    )
    return points


def due_steps(session: Session, person_id: str, today: date) -> list[tuple[PlanStep, str]]:
    """Steps of the person's active plans not yet done and due within the horizon (or overdue), with goals."""
    query = (
        select(PlanStep, PlanGoal.title)
        .join(PlanGoal, PlanGoal.id == PlanStep.goal_id)
        .join(DevelopmentPlan, DevelopmentPlan.id == PlanGoal.plan_id)
        .where(
            DevelopmentPlan.person_id == person_id,
            DevelopmentPlan.status == PlanStatus.ACTIVE,
            PlanGoal.status == GoalStatus.OPEN,
            PlanStep.completed_on.is_(None),
            PlanStep.due_on <= today + timedelta(days=PLAN_STEP_HORIZON_DAYS),
            alive(DevelopmentPlan),
            alive(PlanGoal),
            alive(PlanStep),
        )
        .order_by(PlanStep.due_on, PlanGoal.position, PlanStep.position)
    )
    return [(step, title) for step, title in session.execute(query)]


def kpi_changes(session: Session, person_id: str, today: date) -> list[tuple[str, str]]:
    """(KPI id, words) for each KPI whose latest value moved enough from the period before, or crossed its target."""
    targets = dict(
        session.execute(
            select(KpiTarget.kpi_id, KpiTarget.target).where(KpiTarget.person_id == person_id, alive(KpiTarget))
        ).all()
    )
    values: dict[str, list[float]] = {}
    latest_on: dict[str, date] = {}
    for kpi_id, period_start, value in session.execute(
        select(KpiValue.kpi_id, KpiValue.period_start, KpiValue.value)
        .where(
            KpiValue.person_id == person_id,
            KpiValue.period_start >= today - timedelta(days=KPI_HISTORY_DAYS),
            alive(KpiValue),
        )
        .order_by(KpiValue.kpi_id, KpiValue.period_start.desc())
    ):
        latest_on.setdefault(kpi_id, period_start)
        values.setdefault(kpi_id, []).append(value)
    changes = []
    recent = today - timedelta(days=KPI_RECENT_DAYS)
    for kpi in session.scalars(select(Kpi).where(alive(Kpi), Kpi.active.is_(True)).order_by(Kpi.name)):
        found = values.get(kpi.id, [])
        if len(found) < 2 or latest_on[kpi.id] < recent:
            continue
        after, before = found[0], found[1]
        target = targets.get(kpi.id, kpi.target)
        if worth_raising(before, after, target, higher_is_better=kpi.higher_is_better):
            changes.append((kpi.id, kpi_words(kpi, before, after, target)))
    return changes


def worth_raising(before: float, after: float, target: float | None, *, higher_is_better: bool) -> bool:
    if after == before:
        return False
    moved = before == 0 or abs(after - before) / abs(before) >= KPI_CHANGE
    if target is None:
        return moved
    met_before = before >= target if higher_is_better else before <= target
    met_after = after >= target if higher_is_better else after <= target
    return moved or met_before != met_after


def kpi_words(kpi: Kpi, before: float, after: float, target: float | None) -> str:
    """ "CSAT fell from 82 % to 74 % (target 80 %)"."""

    def amount(value: float) -> str:
        number = f"{value:.{max(kpi.decimals, 0)}f}"
        if "." in number:
            number = number.rstrip("0").rstrip(".")
        return f"{number} {kpi.unit}" if kpi.unit else number

    words = f"{kpi.name} {'rose' if after > before else 'fell'} from {amount(before)} to {amount(after)}"
    return f"{words} (target {amount(target)})" if target is not None else words


def raised_kpi_points(session: Session, series_id: str) -> set[tuple[str, str]]:
    """KPI changes already ticked off at a meeting held: raising the same change again is noise."""
    query = (
        select(AgendaItem.kpi_id, AgendaItem.text)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(
            AgendaItem.series_id == series_id,
            AgendaItem.source == AgendaSource.KPI,
            AgendaItem.done.is_(True),
            Meeting.status == MeetingStatus.HELD,
            alive(AgendaItem),
        )
    )
    return {(kpi_id, text) for kpi_id, text in session.execute(query) if kpi_id}


def recognition_prompt(session: Session, report: Person, since: date, last_held: Meeting | None) -> tuple[str, bool]:
    """(words, private): the latest recognition since `since`, else the commitments kept since, else a question."""
    recognition = session.scalar(
        select(Recognition)
        .where(
            Recognition.person_id == report.id,
            Recognition.given_on >= since,
            or_(Recognition.meeting_id.is_(None), Recognition.meeting_id != (last_held.id if last_held else "")),
            alive(Recognition),
        )
        .order_by(Recognition.given_on.desc(), Recognition.created_at.desc())
        .limit(1)
    )
    if recognition is not None:
        return f"Recognise: {recognition.reason} (noted {day_words(recognition.given_on)})", recognition.is_private
    kept = session.scalars(
        select(Commitment.text)
        .where(
            Commitment.owner_id == report.id,
            Commitment.status == CommitmentStatus.DONE,
            Commitment.resolved_on >= since,
            or_(
                Commitment.followed_up_meeting_id.is_(None),
                Commitment.followed_up_meeting_id != (last_held.id if last_held else ""),
            ),
            Commitment.is_private.is_(False),
            alive(Commitment),
        )
        .order_by(Commitment.resolved_on, Commitment.created_at)
    ).all()
    if kept:
        return f"Recognise: kept {quoted_list(list(kept))} since {day_words(since)}", False
    return f"Recognise: what has {report.full_name.split()[0]} done well since last time?", False


def quoted_list(texts: list[str], most: int = 3) -> str:
    """ "“A”, “B” and “C”", or "“A”, “B”, “C” and 2 more"."""
    quoted = [f"“{text}”" for text in texts[:most]]
    rest = len(texts) - most
    if rest > 0:
        return f"{', '.join(quoted)} and {rest} more"
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def template_lines(session: Session, series: OneOnOneSeries, report: Person) -> list[str]:
    """The series' agenda template, or the built-in one for the relationship (agent or team leader)."""
    template = session.get(Template, series.template_id) if series.template_id else None
    if template is None or template.deleted:
        relationship = "team_leader" if report.is_manager else "agent"
        template = session.scalar(
            select(Template)
            .where(Template.kind == TemplateKind.AGENDA, Template.relationship == relationship, alive(Template))
            .order_by(Template.builtin.desc(), Template.created_at)
            .limit(1)
        )
    if template is None:
        return []
    try:
        body = json.loads(template.body)
    except ValueError:
        return []
    lines = body.get("items") if isinstance(body, dict) else None
    return [str(line).strip() for line in lines if str(line).strip()] if isinstance(lines, list) else []


def commitment_line(owner_name: str, text: str) -> str:
    return f"{owner_name}: {text}"


def day_words(day: date) -> str:
    """ "Fri 27 Nov"."""
    return f"{day:%a} {day.day} {day:%b}"
