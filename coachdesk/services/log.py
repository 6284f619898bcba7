"""The leader log: record a session with its next steps, read an agent's timeline, amend signed-off entries."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, literal, select, tuple_
from sqlalchemy.orm import Session

from coachdesk.errors import AmbiguousName, NotFound, ValidationError
from coachdesk.models import (
    Acknowledgement,
    Amendment,
    Commitment,
    DevelopmentPlan,
    LogEntry,
    LogEntryAgent,
    LogEntryGoal,
    Person,
    PlanGoal,
    SessionFocus,
    SessionKind,
    Synced,
    Template,
    TemplateKind,
)
from coachdesk.services.base import alive, live, optional_rating, person_names, required_text
from coachdesk.services.commitments import CommitmentDraft, CommitmentView, add_commitment, commitment_views
from coachdesk.services.settings import ServiceWithSettings

MAX_DURATION_MINUTES = 8 * 60
TEXT_FIELDS = ("what_happened", "performance_notes", "agent_view", "barriers", "next_steps")
PRIVATE_FIELDS = ("private_notes", "is_private")
EDITABLE_FIELDS = (*TEXT_FIELDS, *PRIVATE_FIELDS, "performance_rating", "held_on", "duration_minutes", "kind")
FIELD_LABELS = {
    "what_happened": "What happened",
    "performance_notes": "How they performed and responded",
    "agent_view": "The agent's view",
    "barriers": "Barriers",
    "next_steps": "Next steps",
    "private_notes": "Private notes",
    "is_private": "Private entry",
    "performance_rating": "Rating",
    "held_on": "Date",
    "duration_minutes": "Duration",
    "kind": "Kind of session",
}


@dataclass(frozen=True)
class FocusDraft:
    skill: str = ""
    kpi_id: str | None = None
    target_value: float | None = None
    target_text: str = ""
    follow_up_on: date | None = None


@dataclass(frozen=True)
class SessionDraft:
    agent_ids: tuple[str, ...]
    what_happened: str
    kind: str = "coaching"
    held_on: date | None = None
    started_at: time | None = None
    duration_minutes: int = 30
    performance_notes: str = ""
    performance_rating: int | None = None
    agent_view: str = ""
    barriers: str = ""
    next_steps: str = ""
    private_notes: str = ""
    is_private: bool = False
    focuses: tuple[FocusDraft, ...] = ()
    commitments: tuple[CommitmentDraft, ...] = ()
    coach_id: str | None = None
    meeting_id: str | None = None
    mentorship_id: str | None = None
    template_id: str | None = None
    goal_ids: tuple[str, ...] = ()
    acknowledgement: str | None = None
    """The agents' comment when they acknowledged the session on the manager's laptop; None when they did not."""


@dataclass(frozen=True)
class KindView:
    id: str
    key: str
    name: str
    counts_toward_cadence: bool


@dataclass(frozen=True)
class TemplateView:
    """The prompts shown in an empty session form, per field, for one kind of session."""

    id: str
    name: str
    prompts: Mapping[str, str]


@dataclass(frozen=True)
class FocusView:
    skill: str
    kpi_id: str | None
    target_value: float | None
    target_text: str
    follow_up_on: date | None


@dataclass(frozen=True)
class AcknowledgementView:
    agent_id: str
    agent_name: str
    acknowledged_at: datetime
    comment: str


@dataclass(frozen=True)
class AmendmentView:
    field: str
    original_value: str
    new_value: str
    reason: str
    amended_at: datetime
    author_name: str | None


@dataclass(frozen=True)
class EntrySummary:
    """One line of a timeline: enough to scan years of sessions without loading everything."""

    id: str
    held_on: date
    kind_name: str
    coach_id: str
    coach_name: str
    agent_names: tuple[str, ...]
    performance_rating: int | None
    what_happened: str
    next_steps: str
    is_private: bool
    signed_off: bool


@dataclass(frozen=True)
class EntryView:
    id: str
    held_on: date
    started_at: time | None
    duration_minutes: int
    kind: KindView
    coach_id: str
    coach_name: str
    agents: tuple[tuple[str, str], ...]
    what_happened: str
    performance_notes: str
    performance_rating: int | None
    agent_view: str
    barriers: str
    next_steps: str
    private_notes: str
    is_private: bool
    focuses: tuple[FocusView, ...]
    commitments: tuple[CommitmentView, ...]
    acknowledgements: tuple[AcknowledgementView, ...]
    amendments: tuple[AmendmentView, ...]
    signed_off_at: datetime | None
    meeting_id: str | None
    goal_ids: tuple[str, ...] = field(default=())

    @property
    def locked(self) -> bool:
        return self.signed_off_at is not None

    def amended(self, field_name: str) -> str | None:
        """The latest amended value of a field, or None when it stands as first written."""
        values = [a.new_value for a in self.amendments if a.field == field_name]
        return values[-1] if values else None


class LogService(ServiceWithSettings):
    def kinds(self) -> list[KindView]:
        with self._notebook.read() as session:
            query = select(SessionKind).where(alive(SessionKind)).order_by(SessionKind.position, SessionKind.name)
            return [kind_view(k) for k in session.scalars(query)]

    def session_templates(self) -> dict[str, TemplateView]:
        """Each session kind's template, by the kind's key."""
        with self._notebook.read() as session:
            rows = session.execute(
                select(SessionKind.key, Template)
                .join(Template, Template.session_kind_id == SessionKind.id)
                .where(alive(Template), alive(SessionKind), Template.kind == TemplateKind.SESSION)
                .order_by(Template.builtin.desc(), Template.created_at)
            )
            return {key: template_view(template) for key, template in rows}

    def add_kind(self, name: str, *, counts_toward_cadence: bool = True) -> KindView:
        label = required_text(name, "name", "A session kind's name")
        key = "_".join(label.casefold().split())
        with self._notebook.write() as session:
            if session.scalar(select(SessionKind.id).where(SessionKind.key == key)):
                raise ValidationError(f"There is already a session kind called {label}.", "name")
            position = len(session.scalars(select(SessionKind.id)).all())
            kind = SessionKind(key=key, name=label, counts_toward_cadence=counts_toward_cadence, position=position)
            session.add(kind)
            session.flush()
            return kind_view(kind)

    def record_session(self, draft: SessionDraft) -> EntryView:
        """Saves a session, its focus, and its next steps as commitments, in one transaction."""
        with self._notebook.write() as session:
            coach_id = draft.coach_id or self._settings.owner_id()
            if coach_id is None:
                raise ValidationError("Choose who held the session (the notebook has no owner yet).", "coach_id")
            agents = self._agents(session, draft.agent_ids)
            live(session, Person, coach_id, "coach")
            if coach_id in draft.agent_ids:
                raise ValidationError("A coach cannot log a session with themselves as the agent.", "agent_ids")
            entry = LogEntry(
                coach_id=coach_id,
                kind_id=kind_by_key(session, draft.kind).id,
                held_on=self._session_date(draft.held_on),
                started_at=draft.started_at,
                duration_minutes=valid_duration(draft.duration_minutes),
                what_happened=required_text(draft.what_happened, "what_happened", "What happened"),
                performance_notes=draft.performance_notes.strip(),
                performance_rating=optional_rating(draft.performance_rating),
                agent_view=draft.agent_view.strip(),
                barriers=draft.barriers.strip(),
                next_steps=draft.next_steps.strip(),
                private_notes=draft.private_notes.strip(),
                is_private=draft.is_private,
                meeting_id=draft.meeting_id,
                mentorship_id=draft.mentorship_id,
                template_id=draft.template_id,
            )
            session.add(entry)
            session.flush()
            session.add_all(LogEntryAgent(entry_id=entry.id, agent_id=agent.id) for agent in agents)
            session.add_all(
                SessionFocus(
                    entry_id=entry.id,
                    skill=focus.skill.strip(),
                    kpi_id=focus.kpi_id,
                    target_value=focus.target_value,
                    target_text=focus.target_text.strip(),
                    follow_up_on=focus.follow_up_on,
                )
                for focus in draft.focuses
            )
            for goal_id in plan_goals_of(session, draft.goal_ids, draft.agent_ids):
                session.add(LogEntryGoal(entry_id=entry.id, goal_id=goal_id))
            for commitment in draft.commitments:
                coachee = commitment.coachee_id or (
                    commitment.owner_id if commitment.owner_id in draft.agent_ids else agents[0].id
                )
                add_commitment(
                    session,
                    CommitmentDraft(
                        commitment.text,
                        commitment.owner_id,
                        commitment.due_on,
                        coachee,
                        commitment.is_private or draft.is_private,
                    ),
                    self.today(),
                    origin="session",
                    entry_id=entry.id,
                )
            if draft.acknowledgement is not None:
                session.add_all(
                    Acknowledgement(
                        entry_id=entry.id,
                        agent_id=agent.id,
                        acknowledged_at=self._clock(),
                        comment=draft.acknowledgement.strip(),
                    )
                    for agent in agents
                )
            session.flush()
            return entry_view(session, entry, self.today())

    def get(self, entry_id: str) -> EntryView:
        with self._notebook.read() as session:
            return entry_view(session, live(session, LogEntry, entry_id, "leader-log entry"), self.today())

    def get_many(self, entry_ids: Sequence[str]) -> list[EntryView]:
        """Several entries in full, in the order given, read in one transaction (a review pack's year of sessions)."""
        with self._notebook.read() as session:
            names = person_names(session)
            return [
                entry_view(session, live(session, LogEntry, entry_id, "leader-log entry"), self.today(), names)
                for entry_id in entry_ids
            ]

    def resolve_id(self, id_or_prefix: str) -> str:
        """The full id of the one entry whose id starts with what was typed (lists show eight characters)."""
        prefix = id_or_prefix.strip().lower()
        if len(prefix) < 4:
            raise ValidationError("Give at least the first four characters of the entry's id.", "id")
        with self._notebook.read() as session:
            ids = session.scalars(
                select(LogEntry.id).where(LogEntry.id.startswith(prefix, autoescape=True), alive(LogEntry)).limit(2)
            ).all()
        if not ids:
            raise NotFound(f"No leader-log entry has an id starting with {prefix}.")
        if len(ids) > 1:
            raise AmbiguousName(f"Several entries have ids starting with {prefix}; give more characters.")
        return ids[0]

    def timeline(
        self, agent_id: str, *, limit: int = 100, before: date | None = None, after: str | None = None
    ) -> list[EntrySummary]:
        """An agent's sessions, newest first, a page at a time.

        `after` is the id of the last line already shown: the page goes on from it without skipping or repeating
        entries that share a day. `before` jumps to the sessions held before a day.
        """
        return self.list_entries(
            agent_id=agent_id, until=before - timedelta(days=1) if before else None, limit=limit, after=after
        )

    def list_entries(
        self,
        *,
        agent_id: str | None = None,
        coach_id: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        after: str | None = None,
    ) -> list[EntrySummary]:
        """Entries newest first, each as a timeline line: only the columns a line shows, names joined in.

        `after` (an entry's id) starts the list below that entry, for paging.
        """
        query = (
            select(*SUMMARY_COLUMNS, SessionKind.name.label("kind_name"), Person.full_name.label("coach_name"))
            .join(SessionKind, SessionKind.id == LogEntry.kind_id)
            .join(Person, Person.id == LogEntry.coach_id)
            .where(alive(LogEntry))
            .order_by(*TIMELINE_ORDER)
        )
        if agent_id:
            query = query.join(LogEntryAgent, LogEntryAgent.entry_id == LogEntry.id).where(
                LogEntryAgent.agent_id == agent_id, alive(LogEntryAgent)
            )
        if coach_id:
            query = query.where(LogEntry.coach_id == coach_id)
        if since:
            query = query.where(LogEntry.held_on >= since)
        if until:
            query = query.where(LogEntry.held_on <= until)
        if limit:
            query = query.limit(limit)
        with self._notebook.read() as session:
            if after:
                query = query.where(below_in_timeline(session, after))
            return entry_summaries(session, session.execute(query).all())

    def edit(self, entry_id: str, changes: Mapping[str, Any], *, reason: str = "") -> EntryView:
        """Changes an entry; once signed off, changes become dated amendments and the original stays as it was.

        Private notes are the manager's alone and never part of what was signed, so they change in place.
        """
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValidationError(f"These cannot be edited: {', '.join(sorted(unknown))}.", sorted(unknown)[0])
        with self._notebook.write() as session:
            entry = live(session, LogEntry, entry_id, "leader-log entry")
            values = {name: self._checked(session, name, value) for name, value in changes.items()}
            if entry.signed_off_at is None:
                for name, value in values.items():
                    setattr(entry, "kind_id" if name == "kind" else name, value)
            else:
                self._amend(session, entry, values, reason)
            session.flush()
            return entry_view(session, entry, self.today())

    def delete(self, entry_id: str) -> None:
        """Soft-deletes an entry and what hangs off it; a signed-off entry is evidence and stays."""
        with self._notebook.write() as session:
            entry = live(session, LogEntry, entry_id, "leader-log entry")
            if entry.signed_off_at is not None:
                raise ValidationError(
                    "This session was signed off and cannot be deleted; add an amendment instead.", "entry"
                )
            parts: list[Synced] = [entry]
            for model in (LogEntryAgent, SessionFocus, Acknowledgement, LogEntryGoal):
                parts.extend(session.scalars(select(model).where(model.entry_id == entry_id)))
            parts.extend(session.scalars(select(Commitment).where(Commitment.source_entry_id == entry_id)))
            for part in parts:
                part.deleted = True

    def acknowledge(self, entry_id: str, agent_id: str, comment: str = "") -> EntryView:
        """The agent's acknowledgement, given on the manager's laptop; given again, it replaces the comment."""
        with self._notebook.write() as session:
            entry = live(session, LogEntry, entry_id, "leader-log entry")
            agent_ids = {
                a.agent_id
                for a in session.scalars(
                    select(LogEntryAgent).where(LogEntryAgent.entry_id == entry_id, alive(LogEntryAgent))
                )
            }
            if agent_id not in agent_ids:
                raise ValidationError("Only an agent who was in the session can acknowledge it.", "agent_id")
            existing = session.scalar(
                select(Acknowledgement).where(
                    Acknowledgement.entry_id == entry_id, Acknowledgement.agent_id == agent_id
                )
            )
            acknowledgement = existing or Acknowledgement(entry_id=entry_id, agent_id=agent_id)
            acknowledgement.acknowledged_at = self._clock()
            acknowledgement.comment = comment.strip()
            acknowledgement.deleted = False
            session.add(acknowledgement)
            session.flush()
            return entry_view(session, entry, self.today())

    def sign_off(self, entry_id: str, by_id: str | None = None) -> EntryView:
        """Locks an entry as evidence: from now on, changes are amendments."""
        with self._notebook.write() as session:
            entry = live(session, LogEntry, entry_id, "leader-log entry")
            if entry.signed_off_at is None:
                entry.signed_off_at = self._clock()
                entry.signed_off_by_id = by_id or self._settings.owner_id() or entry.coach_id
            return entry_view(session, entry, self.today())

    def _agents(self, session: Session, agent_ids: tuple[str, ...]) -> list[Person]:
        if not agent_ids:
            raise ValidationError("Choose the agent (or agents) the session was with.", "agent_ids")
        if len(set(agent_ids)) != len(agent_ids):
            raise ValidationError("The same agent is named twice.", "agent_ids")
        agents = [live(session, Person, agent_id, "agent") for agent_id in agent_ids]
        archived = [a.full_name for a in agents if a.archived]
        if archived:
            raise ValidationError(f"{', '.join(archived)} is archived; restore them first.", "agent_ids")
        return agents

    def _session_date(self, held_on: date | None) -> date:
        day = held_on or self.today()
        if day > self.today():
            raise ValidationError("A session cannot be logged for a date in the future.", "held_on")
        return day

    def _checked(self, session: Session, name: str, value: Any) -> Any:
        if name == "what_happened":
            return required_text(str(value), name, "What happened")
        if name in TEXT_FIELDS or name == "private_notes":
            return str(value).strip()
        if name == "performance_rating":
            return optional_rating(None if value in (None, "") else int(value))
        if name == "held_on":
            return self._session_date(value if isinstance(value, date) else date.fromisoformat(str(value)))
        if name == "duration_minutes":
            return valid_duration(int(value))
        if name == "kind":
            return kind_by_key(session, str(value)).id
        return bool(value)

    def _amend(self, session: Session, entry: LogEntry, values: dict[str, Any], reason: str) -> None:
        author = self._settings.owner_id()
        for name, value in values.items():
            if name in PRIVATE_FIELDS:
                setattr(entry, name, value)
                continue
            current = latest_value(session, entry, name)
            new = display_value(session, name, value)
            if new != current:
                session.add(
                    Amendment(
                        entry_id=entry.id,
                        field=name,
                        original_value=current,
                        new_value=new,
                        reason=reason.strip(),
                        amended_at=self._clock(),
                        author_id=author,
                    )
                )


def valid_duration(minutes: int) -> int:
    if not 0 <= minutes <= MAX_DURATION_MINUTES:
        raise ValidationError(
            f"A session lasts between 0 and {MAX_DURATION_MINUTES // 60} hours; {minutes} minutes is out of range.",
            "duration_minutes",
        )
    return minutes


def kind_by_key(session: Session, key_or_name: str) -> SessionKind:
    wanted = key_or_name.strip().casefold().replace("-", "_").replace(" ", "_")
    for kind in session.scalars(select(SessionKind).where(alive(SessionKind))):
        if wanted in (kind.key, kind.id, "_".join(kind.name.casefold().replace("-", "_").split())):
            return kind
    known = ", ".join(k.key for k in session.scalars(select(SessionKind).where(alive(SessionKind))))
    raise ValidationError(f"“{key_or_name}” is not a kind of session. Known kinds: {known}.", "kind")


def template_view(template: Template) -> TemplateView:
    try:
        body = json.loads(template.body)
    except ValueError:
        body = {}
    prompts = body.get("prompts") if isinstance(body, dict) else None
    return TemplateView(template.id, template.name, dict(prompts) if isinstance(prompts, dict) else {})


def plan_goals_of(session: Session, goal_ids: Sequence[str], agent_ids: Sequence[str]) -> list[str]:
    """The goals a session worked on, each checked to be a goal of a plan of someone in the session."""
    goals = []
    for goal_id in dict.fromkeys(goal_ids):
        goal = live(session, PlanGoal, goal_id, "plan goal")
        plan = session.get(DevelopmentPlan, goal.plan_id)
        if plan is None or plan.person_id not in agent_ids:
            raise ValidationError(
                f"“{goal.title}” is a goal of someone else's plan, not of this session's.", "goal_ids"
            )
        goals.append(goal.id)
    return goals


def kind_view(kind: SessionKind) -> KindView:
    return KindView(kind.id, kind.key, kind.name, kind.counts_toward_cadence)


def display_value(session: Session, name: str, value: Any) -> str:
    if name == "kind":
        kind = session.get(SessionKind, value)
        return kind.name if kind else str(value)
    return "" if value is None else str(value)


def latest_value(session: Session, entry: LogEntry, name: str) -> str:
    amendments = session.scalars(
        select(Amendment.new_value)
        .where(Amendment.entry_id == entry.id, Amendment.field == name, alive(Amendment))
        .order_by(Amendment.amended_at.desc())
        .limit(1)
    ).all()
    if amendments:
        return amendments[0]
    return display_value(session, name, entry.kind_id if name == "kind" else getattr(entry, name))


TIMELINE_ORDER = (LogEntry.held_on.desc(), LogEntry.created_at.desc(), LogEntry.id.desc())
"""Newest first; the id settles entries written at the same moment, so every entry has one place to page from."""


def below_in_timeline(session: Session, entry_id: str) -> ColumnElement[bool]:
    """The entries after `entry_id` in `TIMELINE_ORDER`: a keyset, so a page never splits a day's entries wrongly."""
    cursor = session.execute(select(LogEntry.held_on, LogEntry.created_at).where(LogEntry.id == entry_id)).first()
    if cursor is None:
        raise NotFound(f"There is no leader-log entry with id {entry_id}.")
    return tuple_(LogEntry.held_on, LogEntry.created_at, LogEntry.id) < tuple_(
        literal(cursor.held_on, LogEntry.held_on.type),
        literal(cursor.created_at, LogEntry.created_at.type),
        literal(entry_id, LogEntry.id.type),
    )


SUMMARY_COLUMNS = (
    LogEntry.id,
    LogEntry.held_on,
    LogEntry.coach_id,
    LogEntry.performance_rating,
    LogEntry.what_happened,
    LogEntry.next_steps,
    LogEntry.is_private,
    LogEntry.signed_off_at,
)


def entry_summaries(session: Session, rows: Sequence[Any]) -> list[EntrySummary]:
    """Timeline lines from rows of `SUMMARY_COLUMNS` plus the kind's and the coach's names."""
    agents: dict[str, list[str]] = defaultdict(list)
    for entry_id, name in session.execute(
        select(LogEntryAgent.entry_id, Person.full_name)
        .join(Person, Person.id == LogEntryAgent.agent_id)
        .where(LogEntryAgent.entry_id.in_([row.id for row in rows]), alive(LogEntryAgent))
    ):
        agents[entry_id].append(name)
    return [
        EntrySummary(
            id=row.id,
            held_on=row.held_on,
            kind_name=row.kind_name,
            coach_id=row.coach_id,
            coach_name=row.coach_name,
            agent_names=tuple(sorted(agents[row.id])),
            performance_rating=row.performance_rating,
            what_happened=row.what_happened,
            next_steps=row.next_steps,
            is_private=row.is_private,
            signed_off=row.signed_off_at is not None,
        )
        for row in rows
    ]


def entry_view(session: Session, entry: LogEntry, today: date, names: Mapping[str, str] | None = None) -> EntryView:
    names = names if names is not None else person_names(session)
    kind = session.get(SessionKind, entry.kind_id)
    assert kind is not None
    agent_ids = session.scalars(
        select(LogEntryAgent.agent_id).where(LogEntryAgent.entry_id == entry.id, alive(LogEntryAgent))
    ).all()
    focuses = session.scalars(select(SessionFocus).where(SessionFocus.entry_id == entry.id, alive(SessionFocus)))
    acknowledgements = session.scalars(
        select(Acknowledgement).where(Acknowledgement.entry_id == entry.id, alive(Acknowledgement))
    )
    amendments = session.scalars(
        select(Amendment).where(Amendment.entry_id == entry.id, alive(Amendment)).order_by(Amendment.amended_at)
    )
    commitments = session.scalars(
        select(Commitment)
        .where(Commitment.source_entry_id == entry.id, alive(Commitment))
        .order_by(Commitment.created_at)
    )
    goal_ids = session.scalars(
        select(LogEntryGoal.goal_id).where(LogEntryGoal.entry_id == entry.id, alive(LogEntryGoal))
    ).all()
    return EntryView(
        id=entry.id,
        held_on=entry.held_on,
        started_at=entry.started_at,
        duration_minutes=entry.duration_minutes,
        kind=kind_view(kind),
        coach_id=entry.coach_id,
        coach_name=names.get(entry.coach_id, "?"),
        agents=tuple(sorted(((a, names.get(a, "?")) for a in agent_ids), key=lambda pair: pair[1])),
        what_happened=entry.what_happened,
        performance_notes=entry.performance_notes,
        performance_rating=entry.performance_rating,
        agent_view=entry.agent_view,
        barriers=entry.barriers,
        next_steps=entry.next_steps,
        private_notes=entry.private_notes,
        is_private=entry.is_private,
        focuses=tuple(FocusView(f.skill, f.kpi_id, f.target_value, f.target_text, f.follow_up_on) for f in focuses),
        commitments=tuple(commitment_views(session, list(commitments), today, names)),
        acknowledgements=tuple(
            AcknowledgementView(a.agent_id, names.get(a.agent_id, "?"), a.acknowledged_at, a.comment)
            for a in acknowledgements
        ),
        amendments=tuple(
            AmendmentView(a.field, a.original_value, a.new_value, a.reason, a.amended_at, names.get(a.author_id or ""))
            for a in amendments
        ),
        signed_off_at=entry.signed_off_at,
        meeting_id=entry.meeting_id,
        goal_ids=tuple(goal_ids),
    )
