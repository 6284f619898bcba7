"""Sync's records and fields in a manager's words: "Session with Rania Haddad on 12 Nov 2026", "Next steps".

"Needs review" and "What leaves this laptop" speak of the same things, so they share one vocabulary; the log's own
field labels are reused, so a field is called the same here as in the session editor.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table, select
from sqlalchemy.orm import Session

from coachdesk.models import Base, LogEntryAgent, Person
from coachdesk.services.log import FIELD_LABELS as LOG_FIELD_LABELS
from coachdesk.sync.run import from_json

TABLE_WORDS: dict[str, tuple[str, str]] = {
    "session_kinds": ("Kinds of session", "Kind of session"),
    "teams": ("Teams", "Team"),
    "kpis": ("KPIs", "KPI"),
    "people": ("People", "Person"),
    "templates": ("Templates", "Template"),
    "development_plans": ("Development plans", "Development plan"),
    "kpi_targets": ("KPI targets", "KPI target"),
    "kpi_values": ("KPI figures", "KPI figure"),
    "mentorships": ("Mentorships", "Mentorship"),
    "one_on_one_series": ("One-on-one series", "One-on-one series"),
    "person_skills": ("Skills", "Skill"),
    "meetings": ("One-on-ones", "One-on-one"),
    "plan_goals": ("Plan goals", "Plan goal"),
    "plan_revisions": ("Plan revisions", "Plan revision"),
    "log_entries": ("Sessions", "Session"),
    "meeting_goals": ("Goals ticked in one-on-ones", "Goal ticked in a one-on-one"),
    "plan_barriers": ("Plan barriers", "Plan barrier"),
    "plan_steps": ("Plan steps", "Plan step"),
    "acknowledgements": ("Acknowledgements", "Acknowledgement"),
    "amendments": ("Amendments", "Amendment"),
    "commitments": ("Commitments", "Commitment"),
    "log_entry_agents": ("Who was in each session", "Person in a session"),
    "log_entry_goals": ("Plan goals worked on in sessions", "Plan goal worked on in a session"),
    "recognition": ("Recognition", "Recognition"),
    "session_feedback": ("Session feedback", "Session feedback"),
    "session_focuses": ("Session focus", "Session focus"),
    "agenda_items": ("Talking points", "Talking point"),
}

FIELD_WORDS: dict[str, str] = {
    "id": "Identifier",
    "deleted": "Deleted or kept",
    "builtin": "Built in",
    "kpi_id": "KPI",
    "employee_id": "Employee id",
    "created_at": "Made on",
    "full_name": "Name",
    "text": "Wording",
    "kind_id": LOG_FIELD_LABELS["kind"],
    "held_on": LOG_FIELD_LABELS["held_on"],
    "due_on": "Due",
    "follow_up_note": "Follow-up note",
    "is_private": "Private",
    "period_start": "Period",
}
"""Labels for columns whose own name says little; any other column reads as its name in words."""

NAME_COLUMNS = ("full_name", "name", "title", "text", "reason", "skill")
"""The first of these a record has names it in a sentence."""

SHORT = 48


def table_words(table_name: str) -> str:
    return TABLE_WORDS.get(table_name, (table_name.replace("_", " ").capitalize(), ""))[0]


def record_kind(table_name: str) -> str:
    return TABLE_WORDS.get(table_name, ("", table_name.replace("_", " ").capitalize()))[1]


def field_label(table_name: str, column: str) -> str:
    """ "What happened" for `what_happened`; a reference reads as what it points at ("Owner" for `owner_id`)."""
    if table_name == "log_entries" and column in LOG_FIELD_LABELS:
        return LOG_FIELD_LABELS[column]
    if column in FIELD_WORDS:
        return FIELD_WORDS[column]
    return column.removesuffix("_id").replace("_", " ").capitalize()


def day_words(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def moment_words(moment: datetime) -> str:
    return f"{day_words(moment.date())} at {moment:%H:%M}"


def value_words(session: Session, table: Table, column: str, value: Any) -> str:
    """A travelled (JSON) value as a person reads it: dates spelled out, references by name, empty said so."""
    if value is None or value == "":
        return "(empty)"
    column_type = table.c[column].type if column in table.c else None
    if column == "deleted":
        return "Deleted" if value else "Kept"
    if isinstance(column_type, Boolean):
        return "Yes" if value else "No"
    typed = from_json(table, column, value) if column_type is not None else value
    if isinstance(column_type, DateTime) and isinstance(typed, datetime):
        return moment_words(typed)
    if isinstance(column_type, Date) and isinstance(typed, date):
        return day_words(typed)
    target = referenced_table(table, column)
    if target is not None and isinstance(value, str):
        return record_name(session, target, value) or "(a record no longer here)"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def describe_record(session: Session, table_name: str, record_id: str) -> str | None:
    """The record in one sentence, from its own table; None when it is not in this notebook."""
    row = fetched(session, table_name, record_id)
    return None if row is None else describe_row(session, Base.metadata.tables[table_name], row)


def fetched(session: Session, table_name: str, record_id: str) -> dict[str, Any] | None:
    table = Base.metadata.tables[table_name]
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return None if row is None else dict(row)


def row_name(row: Mapping[str, Any]) -> str:
    return next((str(row[c]) for c in NAME_COLUMNS if row.get(c)), "")


def describe_row(session: Session, table: Table, row: Mapping[str, Any]) -> str:
    kind = record_kind(table.name)
    if table.name == "log_entries":
        return f"{kind} with {session_people(session, row['id'], row['deleted'])} on {day_words(row['held_on'])}"
    if table.name == "meetings":
        return f"{kind} on {moment_words(row['scheduled_at'])}"
    name = row_name(row)
    person = next((row[c] for c in ("person_id", "coachee_id", "agent_id", "mentee_id") if row.get(c)), None)
    about = record_name(session, "people", person) if person and table.name != "people" else None
    words = kind
    if name:
        words += f": {shortened(name)}"
    if about:
        words += f" ({about})"
    return words


def session_people(session: Session, entry_id: str, entry_deleted: bool) -> str:
    """Who was in a session: those still in it, or, for a deleted session, everyone it had."""
    query = (
        select(Person.full_name)
        .join(LogEntryAgent, LogEntryAgent.agent_id == Person.id)
        .where(LogEntryAgent.entry_id == entry_id)
        .order_by(Person.full_name)
    )
    if not entry_deleted:
        query = query.where(LogEntryAgent.deleted.is_(False))
    names = list(session.scalars(query))
    if not names:
        return "nobody"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def record_name(session: Session, table_name: str, record_id: str) -> str | None:
    """What a reference points at, in a word or two: a person's name, a kind's name, else the record's sentence."""
    row = fetched(session, table_name, record_id)
    if row is None:
        return None
    name = row_name(row)
    return shortened(name) if name else describe_row(session, Base.metadata.tables[table_name], row)


def referenced_table(table: Table, column: str) -> str | None:
    foreign = next(iter(table.c[column].foreign_keys), None) if column in table.c else None
    return None if foreign is None else foreign.column.table.name


def shortened(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SHORT else line[: SHORT - 1].rstrip() + "…"
