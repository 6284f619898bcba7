"""Reading the tables people bring: CSV from any spreadsheet (comma, semicolon or tab; UTF-8 or Windows text) and
XLSX workbooks. Rows keep the number a spreadsheet shows, so error messages point at the right line."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from coachdesk.errors import CoachDeskError, ValidationError

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d")


@dataclass(frozen=True)
class TableRow:
    number: int
    values: dict[str, str]


@dataclass(frozen=True)
class Table:
    source: str
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]
    titles: dict[str, str] = field(default_factory=dict)
    """Each header's key as the file writes it ("Employee ID"), for showing columns in the person's own words."""


def header_key(header: str) -> str:
    """`Employee ID`, `employee_id` and `Employee-Id` all become `employee_id`."""
    return re.sub(r"[^0-9a-z]+", "_", header.strip().casefold()).strip("_")


def read_table(path: Path) -> Table:
    if not path.is_file():
        raise CoachDeskError(f"There is no file at {path}.")
    suffix = path.suffix.casefold()
    if suffix in SPREADSHEET_SUFFIXES:
        grid = _read_workbook(path)
    elif suffix in TEXT_SUFFIXES:
        grid = _read_delimited(path)
    else:
        raise ValidationError(f"{path.name} is not a CSV or XLSX file.", "file")
    if not grid or not any(cell.strip() for cell in grid[0]):
        raise ValidationError(f"{path.name} is empty: the first row should name the columns.", "file")
    headers = tuple(header_key(cell) for cell in grid[0])
    rows = tuple(
        TableRow(number, {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(headers) if h})
        for number, cells in enumerate(grid[1:], start=2)
        if any(cell.strip() for cell in cells)
    )
    titles = {key: cell.strip() for key, cell in zip(headers, grid[0], strict=True) if key}
    return Table(path.name, headers, rows, titles)


def _read_delimited(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(content), dialect))


def _read_workbook(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:
        raise ValidationError(f"{path.name} could not be read as a workbook ({error}).", "file") from error
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_date(text: str) -> date | None:
    """A date as spreadsheets write it (ISO or day first); None if it is not one."""
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def parse_number(text: str) -> float | None:
    """A number as exports write it: "92%", "3,5" (a decimal comma), "1,234.5" or "1.234,5"; None if it is not one."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").removesuffix("%")
    if "," in cleaned and "." in cleaned:
        thousands = "," if cleaned.rfind(",") < cleaned.rfind(".") else "."
        cleaned = cleaned.replace(thousands, "")
    cleaned = cleaned.replace(",", ".")
    return float(cleaned) if NUMBER.fullmatch(cleaned) else None


class ImportedRow(Protocol):
    @property
    def is_new(self) -> bool: ...


class NewAndReplacedCounts:
    """What an import preview says first: how many rows are new and how many replace what the notebook holds."""

    rows: Sequence[ImportedRow]

    @property
    def new_count(self) -> int:
        return sum(r.is_new for r in self.rows)

    @property
    def update_count(self) -> int:
        return sum(not r.is_new for r in self.rows)
