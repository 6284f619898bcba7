"""Agenda items as the notebook keeps them: a meeting's items in order, and the leftovers owed to the next one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.models import AgendaItem, AgendaSource, Meeting
from coachdesk.services.agenda_points import REMADE
from coachdesk.services.base import alive

GROUP_ORDER = {
    AgendaSource.CARRIED_OVER: 0,
    AgendaSource.TALKING_POINT: 1,
    AgendaSource.COMMITMENT: 2,
    AgendaSource.PLAN_STEP: 3,
    AgendaSource.KPI: 4,
    AgendaSource.RECOGNITION: 5,
    AgendaSource.TEMPLATE: 6,
}
"""The order a prepared agenda follows: leftovers first, the template's standing lines last."""

LINK_COLUMN = {
    AgendaSource.COMMITMENT: "commitment_id",
    AgendaSource.PLAN_STEP: "step_id",
    AgendaSource.KPI: "kpi_id",
}


def data_key(item: AgendaItem) -> str | None:
    """The commitment, step or KPI an item stands for; None for free text, the prompt and template lines."""
    if item.source in LINK_COLUMN:
        key: str | None = getattr(item, LINK_COLUMN[item.source])
        return key
    return None


def raised_from_data(item: AgendaItem) -> bool:
    """An item standing for a commitment, step or KPI: raised afresh from the data instead of copied."""
    return data_key(item) is not None


def series_meetings(session: Session, series_id: str) -> list[Meeting]:
    query = (
        select(Meeting)
        .where(Meeting.series_id == series_id, alive(Meeting))
        .order_by(Meeting.scheduled_at, Meeting.created_at, Meeting.id)
    )
    return list(session.scalars(query))


def live_items(session: Session, meeting_id: str) -> list[AgendaItem]:
    query = (
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id, alive(AgendaItem))
        .order_by(AgendaItem.position, AgendaItem.created_at, AgendaItem.id)
    )
    return list(session.scalars(query))


def pending_items(session: Session, series_id: str, window: list[Meeting]) -> list[AgendaItem]:
    """The unfinished items of `window` that no later item continues yet, oldest meeting first."""
    if not window:
        return []
    order = {m.id: index for index, m in enumerate(window)}
    continued = set(
        session.scalars(
            select(AgendaItem.carried_from_id).where(
                AgendaItem.series_id == series_id, AgendaItem.carried_from_id.is_not(None)
            )
        )
    )
    items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id.in_(list(order)), alive(AgendaItem)))
    pending = [
        item
        for item in items
        if (not item.done or item.deferred) and item.id not in continued and item.source not in REMADE
    ]
    return sorted(pending, key=lambda item: (order[item.meeting_id or ""], item.position, item.created_at))


def carry(item: AgendaItem, meeting: Meeting) -> AgendaItem:
    return AgendaItem(
        series_id=item.series_id,
        meeting_id=meeting.id,
        text=item.text,
        added_by_id=item.added_by_id,
        source=AgendaSource.CARRIED_OVER,
        carried_from_id=item.id,
        is_private=item.is_private,
    )


def waiting_points(session: Session, series_id: str, meeting: Meeting) -> list[AgendaItem]:
    """The series' talking points waiting for a meeting, now given to this one."""
    query = (
        select(AgendaItem)
        .where(
            AgendaItem.series_id == series_id,
            AgendaItem.meeting_id.is_(None),
            AgendaItem.done.is_(False),
            alive(AgendaItem),
        )
        .order_by(AgendaItem.position, AgendaItem.created_at)
    )
    points = list(session.scalars(query))
    for point in points:
        point.meeting_id = meeting.id
    return points


def group_of(item: AgendaItem) -> int:
    return GROUP_ORDER[AgendaSource.CARRIED_OVER] if item.carried_from_id else GROUP_ORDER[item.source]


def place(current: list[AgendaItem], new: Iterable[AgendaItem]) -> None:
    """Puts each new item after the last one of its group or an earlier group, keeping the manager's order."""
    ordered = list(current)
    for item in new:
        group = group_of(item)
        index = max((i + 1 for i, other in enumerate(ordered) if group_of(other) <= group), default=0)
        ordered.insert(index, item)
    renumber(ordered)


def renumber(items: Sequence[AgendaItem]) -> None:
    for position, item in enumerate(items):
        item.position = position
