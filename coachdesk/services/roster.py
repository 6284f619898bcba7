"""Importing a roster: every row checked, then all of it imported or none of it.

People are matched by employee id, so importing this month's roster again updates people instead of duplicating
them. Managers may be named by employee id or by full name, in the file or already in the notebook.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from coachdesk.errors import ImportRejected, RowProblem
from coachdesk.models import Person, new_id
from coachdesk.services.base import Service, alive
from coachdesk.services.people import MAX_CADENCE_DAYS, looks_like_email, team_named
from coachdesk.services.tabular import NewAndReplacedCounts, Table, TableRow, parse_date, read_table

COLUMN_ALIASES = {
    "name": ("name", "full_name", "agent", "employee_name", "agent_name"),
    "employee_id": ("employee_id", "emp_id", "staff_id", "id", "employee_number", "payroll_id"),
    "role": ("role", "job_title", "title", "position"),
    "team": ("team", "team_name"),
    "site": ("site", "location", "centre"),
    "reports_to": ("reports_to", "manager", "manager_id", "team_leader", "line_manager"),
    "start_date": ("start_date", "start", "hire_date", "hired", "joined"),
    "email": ("email", "e_mail", "email_address"),
    "type": ("type", "kind", "person_type"),
    "cadence_days": ("cadence_days", "cadence", "coaching_cadence_days"),
}
PERSON_TYPES = {"agent": (True, False), "manager": (False, True), "both": (True, True)}


@dataclass(frozen=True)
class RosterRow:
    row: int
    person_id: str
    is_new: bool
    full_name: str
    employee_id: str
    values: dict[str, str]
    reports_to_id: str | None = None
    start_date: date | None = None


@dataclass(frozen=True)
class RosterPreview(NewAndReplacedCounts):
    source: str
    rows: tuple[RosterRow, ...]
    problems: tuple[RowProblem, ...]
    unused_columns: tuple[str, ...] = field(default=())


class RosterService(Service):
    def preview(self, path: Path) -> RosterPreview:
        """What an import would do, and every row that stops it; changes nothing."""
        table = read_table(path)
        with self._notebook.read() as session:
            return plan_roster(session, table)

    def import_file(self, path: Path) -> RosterPreview:
        """Imports every row, or raises `ImportRejected` listing each bad row and imports nothing."""
        table = read_table(path)
        with self._notebook.write() as session:
            preview = plan_roster(session, table)
            if preview.problems:
                raise ImportRejected(table.source, list(preview.problems))
            apply_roster(session, preview)
            return preview


def column_map(headers: tuple[str, ...]) -> tuple[dict[str, str], tuple[str, ...]]:
    """Which file column feeds which field, and the columns nothing reads."""
    mapping = {}
    for name, aliases in COLUMN_ALIASES.items():
        match = next((h for h in aliases if h in headers), None)
        if match:
            mapping[name] = match
    used = set(mapping.values())
    return mapping, tuple(h for h in headers if h and h not in used)


def plan_roster(session: Session, table: Table) -> RosterPreview:
    mapping, unused = column_map(table.headers)
    missing = [name for name in ("name", "employee_id") if name not in mapping]
    if missing:
        words = " and ".join(f"“{m.replace('_', ' ')}”" for m in missing)
        return RosterPreview(table.source, (), (RowProblem(1, f"the header row has no {words} column"),), unused)
    if not table.rows:
        return RosterPreview(table.source, (), (RowProblem(2, "the file has a header row but no people"),), unused)
    existing = {p.employee_id: p for p in session.scalars(select(Person).where(alive(Person))) if p.employee_id}
    by_name: dict[str, list[str]] = {}
    for person in existing.values():
        by_name.setdefault(person.full_name.casefold(), []).append(person.id)
    problems: list[RowProblem] = []
    rows: list[RosterRow] = []
    first_row_of: dict[str, int] = {}
    for raw in table.rows:
        values = {name: raw.values.get(column, "") for name, column in mapping.items()}
        row = _check_row(raw, values, existing, first_row_of, problems)
        if row is not None:
            rows.append(row)
            by_name.setdefault(row.full_name.casefold(), []).append(row.person_id)
    by_employee_id = {p.employee_id: p.id for p in existing.values() if p.employee_id}
    by_employee_id.update({r.employee_id: r.person_id for r in rows})
    resolved = [_resolve_manager(r, by_employee_id, by_name, problems) for r in rows]
    problems.extend(_cycles(session, resolved))
    return RosterPreview(table.source, tuple(resolved), tuple(sorted(problems, key=lambda p: p.row)), unused)


def _check_row(
    raw: TableRow,
    values: dict[str, str],
    existing: dict[str, Person],
    first_row_of: dict[str, int],
    problems: list[RowProblem],
) -> RosterRow | None:
    """Notes every problem of a row; the row still takes part in resolving managers unless it has no identity."""
    found: list[str] = []
    name, employee_id = values["name"], values["employee_id"]
    if not name:
        found.append("the name is empty")
    if not employee_id:
        found.append("the employee id is empty")
    elif employee_id in first_row_of:
        found.append(f"employee id {employee_id} is also on row {first_row_of[employee_id]}")
    else:
        first_row_of[employee_id] = raw.number
    has_identity = not found
    start = None
    if values.get("start_date"):
        start = parse_date(values["start_date"])
        if start is None:
            found.append(
                f"the start date “{values['start_date']}” is not a date (write it as 2024-03-31 or 31/03/2024)"
            )
    email = values.get("email", "")
    if email and not looks_like_email(email):
        found.append(f"“{email}” is not an email address")
    kind = values.get("type", "").casefold()
    if kind and kind not in PERSON_TYPES:
        found.append(f"the type “{values['type']}” should be agent, manager or both")
    cadence = values.get("cadence_days", "")
    if cadence and not (cadence.isdigit() and 1 <= int(cadence) <= MAX_CADENCE_DAYS):
        found.append(f"the cadence “{cadence}” should be a number of days from 1 to {MAX_CADENCE_DAYS}")
    problems.extend(RowProblem(raw.number, message) for message in found)
    if not has_identity:
        return None
    person = existing.get(employee_id)
    return RosterRow(
        row=raw.number,
        person_id=person.id if person else new_id(),
        is_new=person is None,
        full_name=name,
        employee_id=employee_id,
        values=values,
        start_date=start,
    )


def _resolve_manager(
    row: RosterRow, by_employee_id: dict[str, str], by_name: dict[str, list[str]], problems: list[RowProblem]
) -> RosterRow:
    wanted = row.values.get("reports_to", "")
    if not wanted:
        return row
    manager_id = by_employee_id.get(wanted)
    if manager_id is None:
        named = by_name.get(wanted.casefold(), [])
        if len(named) > 1:
            problems.append(RowProblem(row.row, f"several people are called “{wanted}”: give their employee id"))
            return row
        manager_id = named[0] if named else None
    if manager_id is None:
        problems.append(RowProblem(row.row, f"reports to “{wanted}”, who is neither in this file nor in the notebook"))
    elif manager_id == row.person_id:
        problems.append(RowProblem(row.row, f"{row.full_name} cannot report to themselves"))
    return replace(row, reports_to_id=manager_id if manager_id != row.person_id else None)


def _cycles(session: Session, rows: list[RosterRow]) -> list[RowProblem]:
    """Reporting loops the import would create, between file rows and people already in the notebook."""
    manager_of = dict(session.execute(select(Person.id, Person.reports_to_id).where(alive(Person))).all())
    manager_of.update({r.person_id: r.reports_to_id for r in rows if "reports_to" in r.values})
    problems = []
    for row in rows:
        seen, current = {row.person_id}, manager_of.get(row.person_id)
        while current is not None:
            if current in seen:
                problems.append(
                    RowProblem(
                        row.row, f"{row.full_name} would end up reporting to themselves through a loop of managers"
                    )
                )
                break
            seen.add(current)
            current = manager_of.get(current)
    return problems


def apply_roster(session: Session, preview: RosterPreview) -> None:
    """Writes the rows; references are checked at commit, since a row may name a manager on a later row."""
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    managers = {r.reports_to_id for r in preview.rows if r.reports_to_id}
    people = {
        p.id: p for p in session.scalars(select(Person).where(Person.id.in_([r.person_id for r in preview.rows])))
    }
    for row in preview.rows:
        person = people.get(row.person_id) or Person(id=row.person_id)
        values = row.values
        person.full_name = row.full_name
        person.employee_id = row.employee_id
        if "role" in values:
            person.role = values["role"]
        if "email" in values:
            person.email = values["email"]
        if values.get("team"):
            person.team_id = team_named(session, values["team"], values.get("site", "")).id
        if "reports_to" in values:
            person.reports_to_id = row.reports_to_id
        if "start_date" in values:
            person.start_date = row.start_date
        if values.get("cadence_days"):
            person.cadence_days = int(values["cadence_days"])
        kind = values.get("type", "").casefold()
        if kind:
            person.is_agent, person.is_manager = PERSON_TYPES[kind]
        elif row.is_new:
            person.is_manager = row.person_id in managers
            person.is_agent = not person.is_manager
        else:
            person.is_manager = person.is_manager or row.person_id in managers
        session.add(person)
    session.flush()
