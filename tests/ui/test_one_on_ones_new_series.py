"""Setting up a one-on-one series from the One-on-ones screen, by keyboard, refused in plain words in the dialog.

The clock stands at Monday 23 November 2026, 09:30; Dana Whitfield owns the notebook.
"""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from coachdesk.models import Cadence
from coachdesk.services import Services
from coachdesk.ui.context import UiContext
from coachdesk.ui.meetings.page import OneOnOnesPage
from coachdesk.ui.meetings.series_dialog import NewSeriesDialog
from tests.conftest import Team
from tests.ui.conftest import RecordingNavigator, press, show_active, type_into_focus


@pytest.fixture
def page(qtbot: QtBot, ui_context: UiContext, team: Team) -> OneOnOnesPage:
    shown = OneOnOnesPage(ui_context)
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    show_active(qtbot, shown)
    return shown


def open_dialog(qtbot: QtBot, page: OneOnOnesPage) -> NewSeriesDialog:
    page.new_button.setFocus()
    press(qtbot, Qt.Key.Key_Insert)
    dialog = page.dialog
    assert isinstance(dialog, NewSeriesDialog)
    qtbot.waitUntil(dialog.report.hasFocus)
    return dialog


def items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_series_typed_into_the_dialog_is_saved_with_its_first_meeting_and_chosen(
    qtbot: QtBot, page: OneOnOnesPage, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    assert page.stack.shows_empty
    dialog = open_dialog(qtbot, page)
    assert dialog.manager.currentText() == "Dana Whitfield", "the notebook owner runs it unless changed"
    assert items(dialog.report)[:3] == ["Priya Shah", "Tomás Ruiz", "Zoë Álvarez"], "Dana's own people first"

    type_into_focus(qtbot, "T")  # Tomás Ruiz
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "W")  # weekly
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "We")  # Wednesday
    press(qtbot, Qt.Key.Key_Tab)
    type_into_focus(qtbot, "1430")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_into_focus(qtbot, "45")
    assert dialog.first.date().toString("ddd d MMM") == "Wed 25 Nov", "the first Wednesday to come"
    press(qtbot, Qt.Key.Key_Return)

    [series] = services.meetings.list_series()
    assert (series.report_name, series.cadence, series.weekday, series.usual_time, series.duration_minutes) == (
        "Tomás Ruiz",
        Cadence.WEEKLY,
        2,
        time(14, 30),
        45,
    )
    assert [m.scheduled_at for m in services.meetings.meetings(series.id)] == [datetime(2026, 11, 25, 14, 30)]
    assert navigator.messages == ["One-on-ones set up for Dana Whitfield and Tomás Ruiz, first on Wed 25 Nov at 14:30."]
    assert page.dialog is None
    assert not page.stack.shows_empty
    assert page.chosen_label.text() == (
        "Tomás Ruiz with Dana Whitfield · weekly, Wednesdays at 14:30 · Wed 25 Nov, 14:30, scheduled"
    )


def test_choosing_another_manager_lists_their_people_first_and_leaves_out_pairs_that_meet(
    qtbot: QtBot, page: OneOnOnesPage, services: Services, team: Team
) -> None:
    services.meetings.create_series(team.senior.id, team.leader.id)
    page.refresh()
    dialog = open_dialog(qtbot, page)
    dialog.manager.setCurrentIndex(dialog.manager.findText("Grace Okafor"))
    assert items(dialog.report) == ["Priya Shah", "Tomás Ruiz", "Zoë Álvarez"], "Dana already meets Grace"
    dialog.manager.setCurrentIndex(dialog.manager.findText("Dana Whitfield"))
    assert items(dialog.report) == ["Priya Shah", "Tomás Ruiz", "Zoë Álvarez", "", "Grace Okafor"]


def test_a_first_meeting_in_the_past_is_refused_beside_its_field_and_nothing_is_lost(
    qtbot: QtBot, page: OneOnOnesPage, services: Services
) -> None:
    dialog = open_dialog(qtbot, page)
    dialog.weekday.setCurrentIndex(dialog.weekday.findText("Monday"))
    dialog.usual_time.setTime(dialog.usual_time.time().fromString("08:00", "HH:mm"))
    assert dialog.first.date().toString("ddd d MMM") == "Mon 30 Nov", "08:00 today has gone"
    dialog.first.setDate(dialog.first.date().addDays(-7))
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    problem = dialog.errors["first_meeting_at"]
    assert problem.isVisible()
    assert problem.text() == "Mon 23 Nov at 08:00 has passed: choose a time still to come."
    assert QApplication.focusWidget() is dialog.first
    assert dialog.isVisible()
    assert dialog.report.currentText() == "Priya Shah"
    assert services.meetings.list_series() == []


def test_with_nobody_left_to_meet_the_dialog_says_so(
    qtbot: QtBot, page: OneOnOnesPage, services: Services, team: Team
) -> None:
    for person in (team.priya, team.tomas, team.new_starter, team.senior):
        services.meetings.create_series(team.leader.id, person.id)
    page.refresh()
    dialog = open_dialog(qtbot, page)
    assert dialog.report.count() == 0
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["report_id"].text() == "Choose who the one-on-ones are with."
    assert len(services.meetings.list_series()) == 4
