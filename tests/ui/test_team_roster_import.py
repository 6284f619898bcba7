"""Importing a roster from the Team screen: a preview first, every bad row named, all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coachdesk.services import Services
from coachdesk.ui.context import UiContext
from coachdesk.ui.team.page import TeamPage
from coachdesk.ui.team.roster_import_dialog import RosterImportDialog
from coachdesk.ui.team.roster_table_model import Column
from tests.conftest import Team
from tests.ui.conftest import RecordingNavigator, tree_lines

HEADER = "Name,Employee ID,Team,Reports To,Start Date,Email,Shoe size\n"
GOOD_ROW = "Ana Lopez,A9,Harbour,Dana Whitfield,2026-01-05,ana@example.com,38\n"


def roster(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def open_dialog(qtbot: QtBot, context: UiContext) -> tuple[TeamPage, RosterImportDialog]:
    page = TeamPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, RosterImportDialog)
    return page, page.dialog


def shown(page: TeamPage) -> list[object]:
    return [page.proxy.index(row, Column.NAME).data() for row in range(page.proxy.rowCount())]


def test_a_bad_roster_lists_each_problem_by_row_and_imports_nothing(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, tmp_path: Path
) -> None:
    _page, dialog = open_dialog(qtbot, ui_context)

    dialog.preview_file(roster(tmp_path, GOOD_ROW, "Ben Stone,,Harbour,Nobody Known,2026-02-30,ben.example.com,41\n"))

    assert dialog.problems.isVisible()
    assert tree_lines(dialog.problems) == [
        ["3", "the employee id is empty"],
        ["3", "the start date “2026-02-30” is not a date (write it as 2024-03-31 or 31/03/2024)"],
        ["3", "“ben.example.com” is not an email address"],
    ]
    assert dialog.summary.text() == (
        "roster.csv: 3 problems found. Nothing was imported. Fix these rows in the file and try again."
    )
    assert not dialog.import_button.isEnabled()
    assert not dialog.rows.isVisible()
    assert "Ana Lopez" not in [p.full_name for p in services.people.list_people()]


def test_a_good_roster_is_previewed_then_imported_and_the_table_shows_the_new_people(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path, navigator: RecordingNavigator
) -> None:
    services = ui_context.services
    page, dialog = open_dialog(qtbot, ui_context)

    dialog.preview_file(roster(tmp_path, GOOD_ROW, "Priya Shah,A1,Harbour,L1,2025-12-01,priya@example.com,39\n"))

    assert tree_lines(dialog.rows) == [
        ["2", "Ana Lopez", "A9", "New", "Dana Whitfield"],
        ["3", "Priya Shah", "A1", "Update", "L1"],
    ]
    assert dialog.summary.text() == (
        "roster.csv: 1 person to add and 1 person to update. Nothing is changed until you press Import."
    )
    assert dialog.unused.text() == "Not read (no field takes them): shoe_size."
    assert "Ana Lopez" not in shown(page)

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert dialog.summary.text() == "Imported 1 new, updated 1."
    assert navigator.messages == ["Imported 1 new, updated 1."]
    assert "Ana Lopez" in shown(page)
    assert page.team_box.findText("Harbour") >= 0
    assert services.people.find("A9").reports_to_name == "Dana Whitfield"
    assert services.people.get(team.priya.id).email == "priya@example.com"


def test_a_file_that_is_not_a_roster_is_explained_in_the_dialog(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path
) -> None:
    _page, dialog = open_dialog(qtbot, ui_context)
    picture = tmp_path / "team.png"
    picture.write_bytes(b"\x89PNG")

    dialog.preview_file(picture)

    assert dialog.summary.text() == "team.png is not a CSV or XLSX file."
    assert not dialog.import_button.isEnabled()
    assert ui_context.errors.shown == []


def test_a_roster_fixed_after_the_preview_can_be_checked_again(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path
) -> None:
    _page, dialog = open_dialog(qtbot, ui_context)
    path = roster(tmp_path, ",A9,Harbour,,,,\n")
    dialog.preview_file(path)
    assert tree_lines(dialog.problems) == [["2", "the name is empty"]]

    roster(tmp_path, GOOD_ROW)
    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)

    assert tree_lines(dialog.rows) == [["2", "Ana Lopez", "A9", "New", "Dana Whitfield"]]
    assert dialog.import_button.isEnabled()
