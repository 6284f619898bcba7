"""One box that searches everything: FTS5 over the notebook's text, with highlighted snippets."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from coachdesk.models import (
    Acknowledgement,
    AgendaItem,
    Amendment,
    Commitment,
    DevelopmentPlan,
    LogEntry,
    LogEntryAgent,
    Mentorship,
    OneOnOneSeries,
    Person,
    PlanBarrier,
    PlanGoal,
    PlanStep,
    Recognition,
    SessionKind,
)
from coachdesk.services.base import Service, person_names

HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"
"""Snippet markers from the Unicode private-use area: they cannot occur in typed text, so any view can render them."""

KIND_LABELS = {
    "log_entry": "Leader log",
    "person": "People",
    "commitment": "Commitments",
    "agenda_item": "Agenda items",
    "plan": "Development plans",
    "goal": "Development plans",
    "step": "Development plans",
    "barrier": "Development plans",
    "recognition": "Recognition",
    "amendment": "Leader log",
    "acknowledgement": "Leader log",
    "mentorship": "Mentoring",
}


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: str
    title: str
    snippet: str
    on: date | None
    open_kind: str
    open_id: str
    person_id: str | None

    @property
    def group(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def snippet_parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, highlighted) runs, for any view to draw."""
        parts: list[tuple[str, bool]] = []
        for index, piece in enumerate(re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", self.snippet)):
            if piece:
                parts.append((piece, index % 2 == 1))
        return parts


@dataclass(frozen=True)
class _Label:
    title: str
    on: date | None
    open_kind: str
    open_id: str
    person_id: str | None


def fts_query(typed: str) -> str | None:
    """Turns what a person typed into a safe FTS5 query: every word must match as the start of a word.

    Quoting each word makes FTS5 operators (AND, NEAR, *, quotes) plain text, so no input is a syntax error.
    """
    words = re.findall(r"\w+", typed)
    return " ".join(f'"{word}"*' for word in words) if words else None


class SearchService(Service):
    def search(self, typed: str, *, limit: int = 50) -> list[SearchHit]:
        query = fts_query(typed)
        if query is None:
            return []
        with self._notebook.read() as session:
            rows = session.execute(
                text(
                    "SELECT k.kind, k.record_id, snippet(search_index, 0, :start, :end, '…', 12) "
                    "FROM search_index JOIN search_keys AS k ON k.doc = search_index.rowid "
                    "WHERE search_index MATCH :query ORDER BY rank LIMIT :limit"
                ),
                {"start": HIGHLIGHT_START, "end": HIGHLIGHT_END, "query": query, "limit": limit},
            ).all()
            by_labeller: dict[Labeller, list[str]] = defaultdict(list)
            for kind, record_id, _snippet in rows:
                by_labeller[LABELLERS[kind]].append(record_id)
            names = person_names(session)
            labels: dict[str, _Label] = {}
            for labeller, ids in by_labeller.items():
                labels.update(labeller(session, ids, names))
            return [
                SearchHit(
                    kind, record_id, label.title, snippet, label.on, label.open_kind, label.open_id, label.person_id
                )
                for kind, record_id, snippet in rows
                if (label := labels.get(record_id)) is not None
            ]


Labeller = Callable[[Session, list[str], dict[str, str]], dict[str, _Label]]


def _entries(session: Session, ids: list[str], names: dict[str, str]) -> dict[str, _Label]:
    kinds = dict(session.execute(select(SessionKind.id, SessionKind.name)).all())
    agents: dict[str, list[str]] = defaultdict(list)
    for entry_id, agent_id in session.execute(
        select(LogEntryAgent.entry_id, LogEntryAgent.agent_id).where(LogEntryAgent.entry_id.in_(ids))
    ):
        agents[entry_id].append(agent_id)
    labels = {}
    for entry in session.scalars(select(LogEntry).where(LogEntry.id.in_(ids))):
        who = ", ".join(sorted(names.get(a, "?") for a in agents[entry.id]))
        first = agents[entry.id][0] if agents[entry.id] else None
        title = f"{kinds.get(entry.kind_id, 'Session')} with {who}"
        labels[entry.id] = _Label(title, entry.held_on, "log_entry", entry.id, first)
    return labels


def _entry_children(model: type[Amendment] | type[Acknowledgement], what: str) -> Labeller:
    def label(session: Session, ids: list[str], names: dict[str, str]) -> dict[str, _Label]:
        rows = session.execute(select(model.id, model.entry_id).where(model.id.in_(ids))).all()
        entries = _entries(session, [entry_id for _id, entry_id in rows], names)
        return {
            record_id: replace(entries[entry_id], title=f"{what} · {entries[entry_id].title}")
            for record_id, entry_id in rows
            if entry_id in entries
        }

    return label


def _people(session: Session, ids: list[str], names: dict[str, str]) -> dict[str, _Label]:
    rows = session.execute(select(Person.id, Person.full_name, Person.role).where(Person.id.in_(ids)))
    return {pid: _Label(f"{name} · {role}" if role else name, None, "person", pid, pid) for pid, name, role in rows}


def _commitments(session: Session, ids: list[str], names: dict[str, str]) -> dict[str, _Label]:
    rows = session.execute(
        select(Commitment.id, Commitment.owner_id, Commitment.coachee_id, Commitment.due_on).where(
            Commitment.id.in_(ids)
        )
    )
    return {
        cid: _Label(f"Commitment of {names.get(owner, '?')}", due, "commitment", cid, coachee)
        for cid, owner, coachee, due in rows
    }


def _agenda_items(session: Session, ids: list[str], names: dict[str, str]) -> dict[str, _Label]:
    rows = session.execute(
        select(AgendaItem.id, AgendaItem.series_id, OneOnOneSeries.manager_id, OneOnOneSeries.report_id)
        .join(OneOnOneSeries, OneOnOneSeries.id == AgendaItem.series_id)
        .where(AgendaItem.id.in_(ids))
    )
    return {
        item_id: _Label(
            f"One-on-one: {names.get(manager, '?')} and {names.get(report, '?')}", None, "series", series, report
        )
        for item_id, series, manager, report in rows
    }


def _plan_parts(session: Session, ids: list[str], names: dict[str, str]) -> dict[str, _Label]:
    """Plans, goals, steps and barriers all open their plan."""
    plan_of: dict[str, str] = dict(
        session.execute(
            select(DevelopmentPlan.id, DevelopmentPlan.id.label("plan_id")).where(DevelopmentPlan.id.in_(ids))
        ).all()
    )
    plan_of.update(session.execute(select(PlanGoal.id, PlanGoal.plan_id).where(PlanGoal.id.in_(ids))).all())
    plan_of.update(session.execute(select(PlanBarrier.id, PlanBarrier.plan_id).where(PlanBarrier.id.in_(ids))).all())
    plan_of.update(
        session.execute(
            select(PlanStep.id, PlanGoal.plan_id)
            .join(PlanGoal, PlanGoal.id == PlanStep.goal_id)
            .where(PlanStep.id.in_(ids))
        ).all()
    )
    plans = {
        p.id: p for p in session.scalars(select(DevelopmentPlan).where(DevelopmentPlan.id.in_(set(plan_of.values()))))
    }
    return {
        record_id: _Label(
            f"Plan for {names.get(plans[plan_id].person_id, '?')}: {plans[plan_id].title}",
            plans[plan_id].review_on,
            "plan",
            plan_id,
            plans[plan_id].person_id,
        )
        for record_id, plan_id in plan_of.items()
        if plan_id in plans
    }


def _recognition(session: Session, ids: list[str], names: dict[str, str]) -> dict[str, _Label]:
    rows = session.execute(
        select(Recognition.id, Recognition.person_id, Recognition.given_on).where(Recognition.id.in_(ids))
    )
    return {
        rid: _Label(f"Recognition for {names.get(person, '?')}", given_on, "recognition", rid, person)
        for rid, person, given_on in rows
    }


def _mentorships(session: Session, ids: list[str], names: dict[str, str]) -> dict[str, _Label]:
    rows = session.execute(
        select(Mentorship.id, Mentorship.mentor_id, Mentorship.mentee_id, Mentorship.started_on).where(
            Mentorship.id.in_(ids)
        )
    )
    return {
        mid: _Label(f"Mentoring: {names.get(mentor, '?')} → {names.get(mentee, '?')}", on, "mentorship", mid, mentee)
        for mid, mentor, mentee, on in rows
    }


LABELLERS: dict[str, Labeller] = {
    "log_entry": _entries,
    "amendment": _entry_children(Amendment, "Amendment"),
    "acknowledgement": _entry_children(Acknowledgement, "Acknowledgement"),
    "person": _people,
    "commitment": _commitments,
    "agenda_item": _agenda_items,
    "plan": _plan_parts,
    "goal": _plan_parts,
    "step": _plan_parts,
    "barrier": _plan_parts,
    "recognition": _recognition,
    "mentorship": _mentorships,
}
