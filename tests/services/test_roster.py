from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk.errors import ImportRejected, ValidationError
from coachdesk.services import Services
from tests.conftest import Team

GOOD_ROSTER = """Name,Employee ID,Role,Team,Site,Reports To,Start Date,Email
Grace Okafor,S1,Senior leader,,,,2019-04-01,grace@example.com
Dana Whitfield,L1,Team leader,Harbour,Leeds contact centre,S1,2021-06-14,dana@example.com
Priya Shah,A1,Customer adviser,Harbour,Leeds contact centre,Dana Whitfield,01/12/2025,priya@example.com
Tomás Ruiz,A2,Customer adviser,Harbour,Leeds contact centre,L1,2022-03-14,
"""


def write(tmp_path: Path, text: str, name: str = "roster.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_a_good_roster_imports_everyone_with_teams_and_managers(services: Services, tmp_path: Path) -> None:
    preview = services.roster.import_file(write(tmp_path, GOOD_ROSTER))
    assert (preview.new_count, preview.update_count, preview.problems) == (4, 0, ())
    people = {p.full_name: p for p in services.people.list_people()}
    assert people["Priya Shah"].reports_to_name == "Dana Whitfield"
    assert people["Priya Shah"].start_date == date(2025, 12, 1)
    assert people["Priya Shah"].team_name == "Harbour"
    assert people["Dana Whitfield"].reports_to_name == "Grace Okafor"
    assert (people["Dana Whitfield"].is_manager, people["Dana Whitfield"].is_agent) == (True, False)
    assert (people["Tomás Ruiz"].is_manager, people["Tomás Ruiz"].is_agent) == (False, True)
    assert [t.name for t in services.people.list_teams()] == ["Harbour"]


def test_a_half_valid_roster_imports_nothing_and_names_every_bad_row(services: Services, tmp_path: Path) -> None:
    bad = GOOD_ROSTER + (
        "Kofi Mensah,A3,Adviser,Harbour,,Nobody Known,2024-01-01,\n"
        ",A4,Adviser,Harbour,,L1,2024-01-01,\n"
        "Ola Nordmann,A2,Adviser,Harbour,,L1,31/02/2024,ola.example.com\n"
    )
    with pytest.raises(ImportRejected) as rejected:
        services.roster.import_file(write(tmp_path, bad))
    assert [str(p) for p in rejected.value.problems] == [
        "row 6: reports to “Nobody Known”, who is neither in this file nor in the notebook",
        "row 7: the name is empty",
        "row 8: employee id A2 is also on row 5",
        "row 8: the start date “31/02/2024” is not a date (write it as 2024-03-31 or 31/03/2024)",
        "row 8: “ola.example.com” is not an email address",
    ]
    assert "Nothing was changed" in rejected.value.message
    assert services.people.list_people() == []
    assert services.people.list_teams() == []


def test_a_roster_without_the_required_columns_is_refused(services: Services, tmp_path: Path) -> None:
    with pytest.raises(ImportRejected) as rejected:
        services.roster.import_file(write(tmp_path, "Full Name,Team\nPriya Shah,Harbour\n"))
    assert [str(p) for p in rejected.value.problems] == ["row 1: the header row has no “employee id” column"]


def test_reporting_loops_are_refused(services: Services, tmp_path: Path) -> None:
    loop = "name,employee_id,reports_to\nAda,E1,E2\nBea,E2,E1\n"
    with pytest.raises(ImportRejected, match="2 problems") as rejected:
        services.roster.import_file(write(tmp_path, loop))
    assert all("loop of managers" in str(p) for p in rejected.value.problems)


def test_importing_the_same_people_again_updates_them(services: Services, team: Team, tmp_path: Path) -> None:
    update = "employee_id,name,role,reports_to\nA1,Priya Shah-Khan,Senior adviser,L1\nA7,Lena Berg,Adviser,L1\n"
    preview = services.roster.import_file(write(tmp_path, update))
    assert (preview.new_count, preview.update_count) == (1, 1)
    priya = services.people.get(team.priya.id)
    assert (priya.full_name, priya.role, priya.start_date) == ("Priya Shah-Khan", "Senior adviser", date(2025, 12, 1))
    assert len(services.people.list_people()) == 6


def test_spreadsheet_exports_in_semicolons_and_windows_text_are_read(services: Services, tmp_path: Path) -> None:
    text = "Name;Employee ID;Reports to\nRenée Faure;E1;\nJosé Núñez;E2;E1\n"
    services.roster.import_file(write(tmp_path, text, encoding="cp1252"))
    assert [p.full_name for p in services.people.list_people()] == ["José Núñez", "Renée Faure"]


def test_an_xlsx_roster_is_read_like_a_csv(services: Services, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Name", "Employee ID", "Start date", "Cadence"])
    sheet.append(["Nguyễn Thị Lan", 10023, date(2026, 9, 1), 10])
    path = tmp_path / "roster.xlsx"
    workbook.save(path)
    services.roster.import_file(path)
    [lan] = services.people.list_people()
    assert (lan.full_name, lan.employee_id, lan.start_date, lan.cadence_days) == (
        "Nguyễn Thị Lan",
        "10023",
        date(2026, 9, 1),
        10,
    )


def test_a_file_that_is_not_a_table_is_refused(services: Services, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="not a CSV or XLSX"):
        services.roster.preview(write(tmp_path, "x", name="roster.pdf"))
    with pytest.raises(ValidationError, match="could not be read as a workbook"):
        services.roster.preview(write(tmp_path, "not a zip", name="roster.xlsx"))


rows = st.lists(
    st.tuples(
        st.sampled_from(["Ana", "Ben", "", "Chloé"]),
        st.sampled_from(["E1", "E2", "E3", "", "E4"]),
        st.sampled_from(["", "E1", "Nobody", "E4"]),
        st.sampled_from(["", "2024-01-31", "31/01/2024", "soon"]),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=rows)
def test_a_roster_imports_all_of_its_rows_or_none(
    services: Services, tmp_path: Path, rows: list[tuple[str, ...]]
) -> None:
    before = {(p.full_name, p.employee_id) for p in services.people.list_people()}
    text = "name,employee_id,reports_to,start_date\n" + "".join(",".join(row) + "\n" for row in rows)
    try:
        preview = services.roster.import_file(write(tmp_path, text))
    except ImportRejected:
        assert {(p.full_name, p.employee_id) for p in services.people.list_people()} == before
    else:
        after = {(p.full_name, p.employee_id) for p in services.people.list_people()}
        assert {(r.full_name, r.employee_id) for r in preview.rows} <= after
