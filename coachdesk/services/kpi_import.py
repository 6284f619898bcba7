"""Importing KPI values exported by contact-centre tools: every row checked, then all of it imported or none of it.

A file is either "long" (one row per person, KPI and period, with a KPI column and a value column) or "wide" (one
column per KPI next to the person and the date); the column mapping says which. The mapping is guessed from the
headers, may be corrected by the caller, and once a file imports it is remembered for that header row, so next
month's export from the same tool maps itself. Values land on the KPI's period start and replace what was there,
so importing a corrected file again updates values instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import ImportRejected, RowProblem, ValidationError
from coachdesk.models import Kpi, KpiPeriod, KpiValue, Person
from coachdesk.services.base import alive
from coachdesk.services.kpis import KpiValueInput, KpiView, kpi_view, upsert_kpi_values
from coachdesk.services.people import folded_name
from coachdesk.services.settings import ServiceWithSettings
from coachdesk.services.tabular import (
    NewAndReplacedCounts,
    Table,
    TableRow,
    header_key,
    parse_date,
    parse_number,
    read_table,
)

PERSON, PERIOD, KPI, VALUE, IGNORE = "person", "period", "kpi", "value", "ignore"
ROLES = (PERSON, PERIOD, KPI, VALUE)
COLUMN_ALIASES = {
    PERSON: (
        "employee_id",
        "emp_id",
        "staff_id",
        "agent_id",
        "employee_number",
        "payroll_id",
        "employee",
        "agent",
        "agent_name",
        "employee_name",
        "full_name",
        "name",
    ),
    PERIOD: ("date", "period_start", "period", "week_start", "week_commencing", "week", "month", "day"),
    KPI: ("kpi", "kpi_name", "metric", "metric_name", "measure"),
    VALUE: ("value", "score", "result", "actual"),
}
SETTINGS_PREFIX = "kpi_import.mapping."


@dataclass(frozen=True)
class KpiColumnMapping:
    """What each file column (by its header key) feeds: person, period, kpi, value, ignore, or a KPI's name."""

    columns: dict[str, str]

    def column_for(self, role: str) -> str | None:
        return next((column for column, target in self.columns.items() if target == role), None)

    @property
    def kpi_columns(self) -> tuple[tuple[str, str], ...]:
        """The wide columns: (column, KPI name) for each column that holds one KPI's values."""
        return tuple((c, t) for c, t in self.columns.items() if t not in (*ROLES, IGNORE))

    @property
    def unused_columns(self) -> tuple[str, ...]:
        return tuple(c for c, t in self.columns.items() if t == IGNORE)


@dataclass(frozen=True)
class KpiImportRow:
    row: int
    person_id: str
    person_name: str
    kpi_id: str
    kpi_name: str
    period_start: date
    value: float
    previous: float | None

    @property
    def is_new(self) -> bool:
        return self.previous is None


@dataclass(frozen=True)
class KpiImportPreview(NewAndReplacedCounts):
    source: str
    rows: tuple[KpiImportRow, ...]
    problems: tuple[RowProblem, ...]
    mapping: KpiColumnMapping
    unused_columns: tuple[str, ...] = field(default=())
    column_titles: dict[str, str] = field(default_factory=dict)
    """Each column of the mapping as headed in the file."""


class KpiImportService(ServiceWithSettings):
    def preview(self, path: Path, mapping: Mapping[str, str] | None = None) -> KpiImportPreview:
        """What an import would do, and every row that stops it; changes nothing.

        `mapping` maps columns (as headed in the file) to fields, over the remembered or guessed mapping."""
        table = read_table(path)
        remembered = self._remembered(table)
        with self._notebook.read() as session:
            return plan_kpi_import(session, table, remembered, mapping or {})

    def import_file(self, path: Path, mapping: Mapping[str, str] | None = None) -> KpiImportPreview:
        """Imports every value, or raises `ImportRejected` listing each bad row and imports nothing.

        On success the mapping is remembered for files with the same header row."""
        table = read_table(path)
        remembered = self._remembered(table)
        with self._notebook.write() as session:
            preview = plan_kpi_import(session, table, remembered, mapping or {})
            if preview.problems:
                raise ImportRejected(table.source, list(preview.problems))
            upsert_kpi_values(
                session,
                [KpiValueInput(r.kpi_id, r.person_id, r.period_start, r.value, table.source) for r in preview.rows],
            )
        self._settings.put(settings_key(table.headers), preview.mapping.columns)
        return preview

    def _remembered(self, table: Table) -> dict[str, str] | None:
        stored = self._settings.get(settings_key(table.headers))
        return dict(stored) if isinstance(stored, dict) else None


def settings_key(headers: Iterable[str]) -> str:
    """One setting per header row; hashed, since a wide export's headers outgrow a settings key."""
    digest = hashlib.sha256("\x1f".join(headers).encode("utf-8")).hexdigest()
    return f"{SETTINGS_PREFIX}{digest[:32]}"


def guess_mapping(headers: tuple[str, ...], kpis: Iterable[KpiView]) -> KpiColumnMapping:
    """Each role takes the first alias found; a column named exactly like a KPI holds that KPI's values."""
    columns = dict.fromkeys((h for h in headers if h), IGNORE)
    for role, aliases in COLUMN_ALIASES.items():
        match = next((a for a in aliases if columns.get(a) == IGNORE), None)
        if match:
            columns[match] = role
    for kpi in kpis:
        column = header_key(kpi.name)
        if columns.get(column) == IGNORE:
            columns[column] = kpi.name
    return KpiColumnMapping(columns)


def plan_kpi_import(
    session: Session, table: Table, remembered: Mapping[str, str] | None, overrides: Mapping[str, str]
) -> KpiImportPreview:
    kpis = {k.name.casefold(): k for k in (kpi_view(k) for k in session.scalars(select(Kpi).where(alive(Kpi))))}
    base = _still_valid(remembered, table.headers) or guess_mapping(table.headers, kpis.values())
    mapping = _overridden(base, overrides, kpis)
    problems = _mapping_problems(mapping, kpis)
    if not problems and not table.rows:
        problems = [RowProblem(2, "the file has a header row but no values")]
    if problems:
        return KpiImportPreview(table.source, (), tuple(problems), mapping, mapping.unused_columns, table.titles)
    people = _PersonIndex(session)
    rows: list[KpiImportRow] = []
    first_row_of: dict[tuple[str, str, date], int] = {}
    for raw in table.rows:
        for row in _check_row(raw, mapping, kpis, people, problems):
            key = (row.person_id, row.kpi_id, row.period_start)
            if key in first_row_of:
                problems.append(
                    RowProblem(
                        raw.number,
                        f"{row.kpi_name} for {row.person_name} for the period starting {row.period_start} "
                        f"is also on row {first_row_of[key]}",
                    )
                )
            else:
                first_row_of[key] = raw.number
                rows.append(row)
    rows = _with_previous(session, rows)
    problems.sort(key=lambda p: p.row)
    return KpiImportPreview(table.source, tuple(rows), tuple(problems), mapping, mapping.unused_columns, table.titles)


def _still_valid(remembered: Mapping[str, str] | None, headers: tuple[str, ...]) -> KpiColumnMapping | None:
    if remembered is None or set(remembered) != {h for h in headers if h}:
        return None
    return KpiColumnMapping(dict(remembered))


def _overridden(base: KpiColumnMapping, overrides: Mapping[str, str], kpis: dict[str, KpiView]) -> KpiColumnMapping:
    """The caller's corrections; a column or field that does not exist is the caller's mistake, said at once."""
    columns = dict(base.columns)
    for column, target in overrides.items():
        key = header_key(column)
        if key not in columns:
            raise ValidationError(
                f"The file has no column “{column}”; its columns are {', '.join(columns)}.", "mapping"
            )
        wanted = target.strip().casefold()
        if wanted in (*ROLES, IGNORE):
            columns[key] = wanted
        elif wanted in kpis:
            columns[key] = kpis[wanted].name
        else:
            raise ValidationError(
                f"“{target}” is not something a column can hold: use {', '.join(ROLES)}, {IGNORE} "
                f"or a KPI's name ({_known(kpis)}).",
                "mapping",
            )
        if columns[key] in ROLES:
            named = {header_key(c) for c in overrides}
            for other, other_target in columns.items():
                if other not in named and other_target == columns[key]:
                    columns[other] = IGNORE
    return KpiColumnMapping(columns)


def _mapping_problems(mapping: KpiColumnMapping, kpis: dict[str, KpiView]) -> list[RowProblem]:
    found: list[str] = []
    for role in ROLES:
        chosen = [c for c, t in mapping.columns.items() if t == role]
        if len(chosen) > 1:
            found.append(f"the columns {' and '.join(chosen)} both hold the {role}")
    if mapping.column_for(PERSON) is None:
        found.append("no column names the person (an employee id, agent or name column)")
    if mapping.column_for(PERIOD) is None:
        found.append("no column gives the period (a date, week or period column)")
    has_kpi, has_value = mapping.column_for(KPI) is not None, mapping.column_for(VALUE) is not None
    if has_kpi != has_value:
        found.append("a KPI column needs a value column beside it, and a value column a KPI column")
    if not (has_kpi and has_value) and not mapping.kpi_columns:
        found.append(f"no column holds KPI values: add KPI and value columns, or one column per KPI ({_known(kpis)})")
    found.extend(
        f"the column {column} holds the KPI “{name}”, which is not in the notebook ({_known(kpis)})"
        for column, name in mapping.kpi_columns
        if name.casefold() not in kpis
    )
    return [RowProblem(1, message) for message in found]


def _known(kpis: dict[str, KpiView]) -> str:
    names = sorted(k.name for k in kpis.values())
    return "known KPIs: " + ", ".join(names) if names else "the notebook has no KPIs yet"


class _PersonIndex:
    """People by employee id or full name, as typed on any keyboard; read once per file, not once per row."""

    def __init__(self, session: Session) -> None:
        self._by_employee_id: dict[str, list[Person]] = {}
        self._by_name: dict[str, list[Person]] = {}
        for person in session.scalars(select(Person).where(alive(Person))):
            if person.employee_id:
                self._by_employee_id.setdefault(folded_name(person.employee_id), []).append(person)
            self._by_name.setdefault(folded_name(person.full_name), []).append(person)

    def find(self, wanted: str) -> Person | str:
        """The person, or why there is none."""
        folded = folded_name(wanted)
        for found in (self._by_employee_id.get(folded, []), self._by_name.get(folded, [])):
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                return f"several people match “{wanted}”: give their employee id"
        return f"nobody in the notebook has the employee id or name “{wanted}”"


def _check_row(
    raw: TableRow,
    mapping: KpiColumnMapping,
    kpis: dict[str, KpiView],
    people: _PersonIndex,
    problems: list[RowProblem],
) -> list[KpiImportRow]:
    """The values a row holds, noting every problem it has; a wide row's empty cells are simply not measured."""
    found: list[str] = []
    person_text = raw.values.get(mapping.column_for(PERSON) or "", "")
    person = people.find(person_text) if person_text else "the person is empty"
    if isinstance(person, str):
        found.append(person)
    period_text = raw.values.get(mapping.column_for(PERIOD) or "", "")
    day = parse_date(period_text) if period_text else None
    if not period_text:
        found.append("the date is empty")
    elif day is None:
        found.append(f"the date “{period_text}” is not a date (write it as 2026-11-23 or 23/11/2026)")
    cells: list[tuple[KpiView, str, str]] = []
    kpi_column, value_column = mapping.column_for(KPI), mapping.column_for(VALUE)
    if kpi_column and value_column:
        name = raw.values.get(kpi_column, "")
        kpi = kpis.get(name.casefold())
        if not name:
            found.append("the KPI is empty")
        elif kpi is None:
            found.append(f"there is no KPI called “{name}” ({_known(kpis)})")
        elif not raw.values.get(value_column, ""):
            found.append(f"the {kpi.name} value is empty")
        else:
            cells.append((kpi, value_column, raw.values[value_column]))
    cells.extend(
        (kpis[name.casefold()], column, raw.values[column])
        for column, name in mapping.kpi_columns
        if raw.values.get(column, "")
    )
    values: list[tuple[KpiView, float]] = []
    for kpi, column, text in cells:
        number = parse_number(text)
        if number is None:
            found.append(f"the {kpi.name} value “{text}” in column {column} is not a number")
        else:
            values.append((kpi, number))
    problems.extend(RowProblem(raw.number, message) for message in found)
    if found or isinstance(person, str) or day is None:
        return []
    return [
        KpiImportRow(raw.number, person.id, person.full_name, kpi.id, kpi.name, period_start(day, kpi.period), v, None)
        for kpi, v in values
    ]


def period_start(day: date, period: KpiPeriod) -> date:
    """The first day of the KPI's period holding `day`: weeks start on Monday, months on the 1st."""
    if period is KpiPeriod.WEEK:
        return day - timedelta(days=day.weekday())
    if period is KpiPeriod.MONTH:
        return day.replace(day=1)
    return day


def _with_previous(session: Session, rows: list[KpiImportRow]) -> list[KpiImportRow]:
    """Each row with the value it would replace, so the preview can say new or update."""
    if not rows:
        return rows
    query = select(KpiValue.person_id, KpiValue.kpi_id, KpiValue.period_start, KpiValue.value).where(
        alive(KpiValue),
        KpiValue.kpi_id.in_({r.kpi_id for r in rows}),
        KpiValue.person_id.in_({r.person_id for r in rows}),
        KpiValue.period_start.between(min(r.period_start for r in rows), max(r.period_start for r in rows)),
    )
    stored = {(p, k, d): v for p, k, d, v in session.execute(query)}
    return [replace(r, previous=stored.get((r.person_id, r.kpi_id, r.period_start))) for r in rows]
