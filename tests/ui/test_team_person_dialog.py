"""Adding and editing people from the Team screen: typed into the dialog, refused in plain words beside the field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from coachdesk.services import Services
from coachdesk.ui.context import UiContext
from coachdesk.ui.team.page import TeamPage
from coachdesk.ui.team.person_dialog import PersonDialog
from coachdesk.ui.team.roster_table_model import Column
from tests.conftest import Team
from tests.ui.conftest import RecordingNavigator


def open_page(qtbot: QtBot, context: UiContext) -> TeamPage:
    page = TeamPage(context)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def shown(page: TeamPage) -> list[object]:
    return [page.proxy.index(row, Column.NAME).data() for row in range(page.proxy.rowCount())]


def person_dialog(page: TeamPage) -> PersonDialog:
    assert isinstance(page.dialog, PersonDialog)
    return page.dialog


def add_dialog(qtbot: QtBot, page: TeamPage) -> PersonDialog:
    dialog = page.add_person()
    qtbot.waitUntil(dialog.name.hasFocus)
    return dialog


def save(qtbot: QtBot, dialog: PersonDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_a_person_typed_into_the_dialog_is_saved_and_appears_in_the_roster(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    page = open_page(qtbot, ui_context)
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    dialog = person_dialog(page)
    qtbot.waitUntil(dialog.name.hasFocus)

    qtbot.keyClicks(dialog.name, "Ana Lopez")
    qtbot.keyClicks(dialog.employee_id, "A9")
    qtbot.keyClicks(dialog.email, "ana@example.com")
    qtbot.keyClicks(dialog.role, "Customer adviser")
    qtbot.keyClicks(dialog.team, "Harbour")
    dialog.reports_to.setCurrentIndex(dialog.reports_to.findText("Dana Whitfield"))
    dialog.has_start.setChecked(True)
    dialog.start_date.setDate(dialog.start_date.date().addDays(-30))
    dialog.cadence.setValue(10)
    save(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    ana = services.people.find("A9")
    assert (ana.full_name, ana.email, ana.role, ana.team_name) == (
        "Ana Lopez",
        "ana@example.com",
        "Customer adviser",
        "Harbour",
    )
    assert (ana.reports_to_name, ana.start_date, ana.cadence_days) == ("Dana Whitfield", date(2026, 10, 24), 10)
    assert "Ana Lopez" in shown(page)
    assert page.selected_id() == ana.id
    assert navigator.messages == ["Ana Lopez added to the roster."]
    assert page.team_box.findText("Harbour") >= 0


def test_a_duplicate_employee_id_is_shown_beside_its_field_and_nothing_is_saved(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    page = open_page(qtbot, ui_context)
    dialog = add_dialog(qtbot, page)
    qtbot.keyClicks(dialog.name, "Another Priya")
    qtbot.keyClicks(dialog.employee_id, "A1")

    save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.errors["employee_id"].isVisible()
    assert dialog.errors["employee_id"].text() == "Employee id A1 already belongs to someone else."
    assert dialog.employee_id.hasFocus()
    assert not dialog.errors["full_name"].isVisible()
    assert len(services.people.list_people()) == 5
    assert ui_context.errors.shown == []


def test_an_empty_name_is_refused_and_fixing_it_saves(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    page = open_page(qtbot, ui_context)
    dialog = add_dialog(qtbot, page)
    qtbot.keyClicks(dialog.employee_id, "A9")

    save(qtbot, dialog)
    assert dialog.errors["full_name"].text() == "A person's name cannot be empty."
    assert len(services.people.list_people()) == 5

    qtbot.keyClicks(dialog.name, "Ana Lopez")
    save(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "Ana Lopez" in shown(page)


def test_f2_edits_the_selected_person_with_their_details_filled_in(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    page = open_page(qtbot, ui_context)
    page.select(team.priya.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    dialog = person_dialog(page)

    assert (dialog.name.text(), dialog.employee_id.text()) == ("Priya Shah", "A1")
    assert dialog.reports_to.currentText() == "Dana Whitfield"
    assert dialog.has_start.isChecked()
    assert dialog.cadence.text() == "Default by tenure (now every 14 days)"
    assert dialog.reports_to.findText("Priya Shah") < 0

    dialog.role.clear()
    qtbot.keyClicks(dialog.role, "Senior adviser")
    qtbot.keyClicks(dialog.notes, "Wants to move to the escalations desk.")
    save(qtbot, dialog)

    priya = services.people.get(team.priya.id)
    assert (priya.role, priya.notes, priya.cadence_overridden) == (
        "Senior adviser",
        "Wants to move to the escalations desk.",
        False,
    )
    assert page.selected_id() == team.priya.id


def test_a_person_who_is_neither_agent_nor_manager_is_refused_at_the_kind(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    page = open_page(qtbot, ui_context)
    dialog = add_dialog(qtbot, page)
    qtbot.keyClicks(dialog.name, "Ana Lopez")
    dialog.is_agent.setChecked(False)

    save(qtbot, dialog)

    assert dialog.errors["is_agent"].text() == "A person is an agent, a manager, or both."
    assert dialog.is_agent.hasFocus()
