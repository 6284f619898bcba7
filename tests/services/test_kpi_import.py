from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from coachdesk.errors import ImportRejected, ValidationError
from coachdesk.models import KpiPeriod
from coachdesk.services import Services
from coachdesk.services.kpi_import import parse_number, period_start
from coachdesk.services.kpis import KpiPoint, KpiView
from tests.conftest import Team

LONG = """Employee ID,Name,KPI,Date,Value
A1,Priya Shah,AHT,2026-11-18,312
A2,Tomás Ruiz,csat,19/11/2026,"91,5%"
A3,Zoë Álvarez,Sales,2026-11-12,"1,234.5"
"""


@pytest.fixture
def kpis(services: Services, team: Team) -> dict[str, KpiView]:
    define = services.kpis.define
    return {
        "AHT": define("AHT", unit="s", target=300, higher_is_better=False, period=KpiPeriod.WEEK),
        "CSAT": define("CSAT", unit="%", target=90, period=KpiPeriod.WEEK),
        "Sales": define("Sales", period=KpiPeriod.MONTH),
    }


def write(tmp_path: Path, text: str, name: str = "kpis.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_long_csv_imports_one_value_per_row_on_each_kpis_period_start(
    services: Services, team: Team, kpis: dict[str, KpiView], tmp_path: Path
) -> None:
    preview = services.kpi_import.import_file(write(tmp_path, LONG))

    assert preview.problems == ()
    assert preview.mapping.columns == {
        "employee_id": "person",
        "name": "ignore",
        "kpi": "kpi",
        "date": "period",
        "value": "value",
    }
    assert preview.unused_columns == ("name",)
    assert [(r.row, r.person_name, r.kpi_name, r.period_start, r.value, r.is_new) for r in preview.rows] == [
        (2, "Priya Shah", "AHT", date(2026, 11, 16), 312.0, True),
        (3, "Tomás Ruiz", "CSAT", date(2026, 11, 16), 91.5, True),
        (4, "Zoë Álvarez", "Sales", date(2026, 11, 1), 1234.5, True),
    ]
    assert services.kpis.series(team.priya.id, kpis["AHT"].id) == [KpiPoint(date(2026, 11, 16), 312.0)]
    assert services.kpis.series(team.tomas.id, kpis["CSAT"].id) == [KpiPoint(date(2026, 11, 16), 91.5)]
    assert services.kpis.series(team.new_starter.id, kpis["Sales"].id) == [KpiPoint(date(2026, 11, 1), 1234.5)]


def test_a_wide_workbook_imports_one_value_per_kpi_column_and_skips_empty_cells(
    services: Services, team: Team, kpis: dict[str, KpiView], tmp_path: Path
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Agent", "Week", "AHT", "CSAT %", "Site"])
    sheet.append(["priya shah", datetime(2026, 11, 20), 305, 93.5, "Leeds"])
    sheet.append(["A2", datetime(2026, 11, 20), 280, None, "Leeds"])
    path = tmp_path / "weekly.xlsx"
    workbook.save(path)

    preview = services.kpi_import.import_file(path)

    assert preview.mapping.columns == {
        "agent": "person",
        "week": "period",
        "aht": "AHT",
        "csat": "CSAT",
        "site": "ignore",
    }
    assert preview.unused_columns == ("site",)
    assert [(r.row, r.person_name, r.kpi_name, r.value) for r in preview.rows] == [
        (2, "Priya Shah", "AHT", 305.0),
        (2, "Priya Shah", "CSAT", 93.5),
        (3, "Tomás Ruiz", "AHT", 280.0),
    ]
    week = date(2026, 11, 16)
    assert services.kpis.series(team.priya.id, kpis["CSAT"].id) == [KpiPoint(week, 93.5)]
    assert services.kpis.series(team.tomas.id, kpis["AHT"].id) == [KpiPoint(week, 280.0)]
    assert services.kpis.series(team.tomas.id, kpis["CSAT"].id) == []


def test_a_half_valid_file_imports_nothing_and_names_every_bad_row(
    services: Services, team: Team, kpis: dict[str, KpiView], tmp_path: Path
) -> None:
    bad = LONG + (
        "Z9,Nobody Known,AHT,2026-11-18,300\n"
        "A1,Priya Shah,Occupancy,2026-11-18,80\n"
        "A2,Tomás Ruiz,AHT,2026-11-18,fast\n"
        "A3,Zoë Álvarez,AHT,31/02/2026,300\n"
        "A1,Priya Shah,AHT,2026-11-20,310\n"
    )
    with pytest.raises(ImportRejected) as rejected:
        services.kpi_import.import_file(write(tmp_path, bad, "half.csv"))

    assert [str(p) for p in rejected.value.problems] == [
        "row 5: nobody in the notebook has the employee id or name “Z9”",
        "row 6: there is no KPI called “Occupancy” (known KPIs: AHT, CSAT, Sales)",
        "row 7: the AHT value “fast” in column value is not a number",
        "row 8: the date “31/02/2026” is not a date (write it as 2026-11-23 or 23/11/2026)",
        "row 9: AHT for Priya Shah for the period starting 2026-11-16 is also on row 2",
    ]
    assert rejected.value.message == "half.csv was not imported: 5 problems found. Nothing was changed."
    assert all(services.kpis.latest_for(p.id) == [] for p in (team.priya, team.tomas, team.new_starter))


def test_importing_again_updates_values_instead_of_duplicating_them(
    services: Services, team: Team, kpis: dict[str, KpiView], tmp_path: Path
) -> None:
    services.kpi_import.import_file(write(tmp_path, LONG))
    corrected = write(tmp_path, LONG.replace("312", "298"), "corrected.csv")

    preview = services.kpi_import.preview(corrected)
    assert (preview.new_count, preview.update_count) == (0, 3)
    assert (preview.rows[0].previous, preview.rows[0].value) == (312.0, 298.0)

    services.kpi_import.import_file(corrected)
    assert services.kpis.series(team.priya.id, kpis["AHT"].id) == [KpiPoint(date(2026, 11, 16), 298.0)]
    assert len(services.kpis.series(team.tomas.id, kpis["CSAT"].id)) == 1


def test_a_confirmed_mapping_is_remembered_for_files_with_the_same_headers(
    services: Services, team: Team, kpis: dict[str, KpiView], tmp_path: Path
) -> None:
    export = "Ref,Shift Date,Handle\nA1,2026-11-18,312\n"
    first = write(tmp_path, export, "november.csv")
    guessed = services.kpi_import.preview(first)
    assert [str(p) for p in guessed.problems] == [
        "row 1: no column names the person (an employee id, agent or name column)",
        "row 1: no column gives the period (a date, week or period column)",
        "row 1: no column holds KPI values: add KPI and value columns, or one column per KPI "
        "(known KPIs: AHT, CSAT, Sales)",
    ]

    services.kpi_import.import_file(first, {"Ref": "person", "Shift Date": "period", "Handle": "aht"})

    december = services.kpi_import.preview(write(tmp_path, export.replace("11-18", "12-02"), "december.csv"))
    assert december.problems == ()
    assert december.mapping.columns == {"ref": "person", "shift_date": "period", "handle": "AHT"}
    assert [(r.kpi_name, r.period_start) for r in december.rows] == [("AHT", date(2026, 11, 30))]
    other_headers = services.kpi_import.preview(write(tmp_path, "Ref,Shift Date,Handle,Site\nA1,2026-11-18,1,x\n"))
    assert other_headers.problems != ()


def test_a_refused_import_remembers_no_mapping(
    services: Services, team: Team, kpis: dict[str, KpiView], tmp_path: Path
) -> None:
    path = write(tmp_path, "Ref,Shift Date,Handle\nZ9,2026-11-18,312\n")
    with pytest.raises(ImportRejected):
        services.kpi_import.import_file(path, {"Ref": "person", "Shift Date": "period", "Handle": "AHT"})
    assert services.kpi_import.preview(path).mapping.column_for("person") is None


def test_an_override_naming_a_missing_column_or_an_unknown_field_is_refused_at_once(
    services: Services, team: Team, kpis: dict[str, KpiView], tmp_path: Path
) -> None:
    path = write(tmp_path, LONG)
    with pytest.raises(ValidationError, match="The file has no column “Agent”"):
        services.kpi_import.preview(path, {"Agent": "person"})
    with pytest.raises(ValidationError, match="“Occupancy” is not something a column can hold"):
        services.kpi_import.preview(path, {"Value": "Occupancy"})


def test_an_override_takes_a_role_from_the_guessed_column(
    services: Services, team: Team, kpis: dict[str, KpiView], tmp_path: Path
) -> None:
    preview = services.kpi_import.preview(write(tmp_path, LONG), {"Name": "person"})
    assert (preview.mapping.column_for("person"), preview.unused_columns) == ("name", ("employee_id",))
    assert [r.person_name for r in preview.rows] == ["Priya Shah", "Tomás Ruiz", "Zoë Álvarez"]


@pytest.mark.parametrize(
    ("text", "number"),
    [("92%", 92.0), ("3,5", 3.5), ("1,234.5", 1234.5), ("1.234,5", 1234.5), (" -2 ", -2.0), ("n/a", None), ("", None)],
)
def test_numbers_are_read_as_exports_write_them(text: str, number: float | None) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize(
    ("period", "start"),
    [(KpiPeriod.DAY, date(2026, 11, 19)), (KpiPeriod.WEEK, date(2026, 11, 16)), (KpiPeriod.MONTH, date(2026, 11, 1))],
)
def test_a_date_lands_on_its_kpis_period_start(period: KpiPeriod, start: date) -> None:
    assert period_start(date(2026, 11, 19), period) == start
