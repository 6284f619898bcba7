"""`coachdesk check`: the file's health in plain words."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from coachdesk.models import LogEntry, LogEntryAgent, Person
from coachdesk.services.base import Service, alive


class Severity(enum.StrEnum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    message: str


class IntegrityService(Service):
    def check(self) -> list[Finding]:
        """Runs in a write transaction (writing nothing): FTS5's own check needs the write lock, so it waits its
        turn behind the app instead of failing."""
        with self._notebook.write() as session:
            return [
                *_storage(session),
                *_references(session),
                *_search_index(session),
                *_hierarchy(session),
                *_entries_without_agents(session),
            ]


def _storage(session: Session) -> list[Finding]:
    result = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
    if result == ["ok"]:
        return [Finding(Severity.OK, "The file's structure is sound.")]
    return [Finding(Severity.PROBLEM, f"The file is damaged: {line}") for line in result[:10]]


def _references(session: Session) -> list[Finding]:
    broken = session.execute(text("PRAGMA foreign_key_check")).all()
    if not broken:
        return [Finding(Severity.OK, "Every record points at records that exist.")]
    tables = sorted({row[0] for row in broken})
    return [
        Finding(Severity.PROBLEM, f"{len(broken)} records point at records that do not exist (in {', '.join(tables)}).")
    ]


def _search_index(session: Session) -> list[Finding]:
    try:
        session.execute(text("INSERT INTO search_index (search_index) VALUES ('integrity-check')"))
    except DatabaseError:
        return [Finding(Severity.PROBLEM, "The search index is damaged; search may miss records.")]
    tables = [
        row[0].removeprefix("search_").removesuffix("_insert")
        for row in session.execute(
            text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%\\_insert' ESCAPE '\\'"
            )
        )
    ]
    missing = sum(
        session.execute(
            text(
                f"SELECT count(*) FROM {table} AS t WHERE t.deleted = 0 "
                "AND NOT EXISTS (SELECT 1 FROM search_keys AS k WHERE k.record_id = t.id)"
            )
        ).scalar_one()
        for table in tables
    )
    if missing:
        return [Finding(Severity.PROBLEM, f"{missing} records are missing from the search index.")]
    return [Finding(Severity.OK, f"The search index covers all {len(tables)} kinds of searchable record.")]


def _hierarchy(session: Session) -> list[Finding]:
    manager_of = dict(session.execute(select(Person.id, Person.reports_to_id).where(alive(Person))).all())
    names = dict(session.execute(select(Person.id, Person.full_name)).all())
    looped = set()
    for person_id in manager_of:
        seen, current = {person_id}, manager_of.get(person_id)
        while current is not None and current not in seen:
            seen.add(current)
            current = manager_of.get(current)
        if current is not None:
            looped.add(names.get(person_id, person_id))
    if looped:
        return [Finding(Severity.PROBLEM, f"The reporting tree has a loop through: {', '.join(sorted(looped))}.")]
    return [Finding(Severity.OK, f"The reporting tree of {len(manager_of)} people has no loops.")]


def _entries_without_agents(session: Session) -> list[Finding]:
    orphans = session.scalars(
        select(LogEntry.id).where(
            alive(LogEntry),
            ~select(LogEntryAgent.id).where(LogEntryAgent.entry_id == LogEntry.id, alive(LogEntryAgent)).exists(),
        )
    ).all()
    if orphans:
        return [Finding(Severity.WARNING, f"{len(orphans)} leader-log entries name no agent.")]
    return [Finding(Severity.OK, "Every leader-log entry names its agents.")]
