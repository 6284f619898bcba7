"""Recognising someone from their page: Ctrl+R, a refusal beside the empty field, then the recognition shown there
and raised on their next one-on-one's agenda."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.models import AgendaSource
from coachdesk.services import Services
from coachdesk.services.meetings import Cadence
from coachdesk.ui.agent.page import AgentPage
from coachdesk.ui.context import UiContext
from coachdesk.ui.recognition.recognise_dialog import RecogniseDialog
from tests.conftest import TODAY, Team
from tests.ui.conftest import RecordingNavigator, press, show_active, type_into_focus


def open_dialog(qtbot: QtBot, page: AgentPage) -> RecogniseDialog:
    qtbot.waitUntil(page.recognise.isEnabled)
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(page.findChildren(RecogniseDialog)))
    dialog = page.findChildren(RecogniseDialog)[0]
    qtbot.waitUntil(lambda: dialog.isEnabled() and QApplication.focusWidget() is dialog.reason)
    return dialog


def recognition_lines(page: AgentPage) -> list[str]:
    return [line.accessibleName() for line in page.panels.recognition.lines()]


def test_recognition_is_refused_without_a_reason_then_saved_and_shown(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    kpi = services.kpis.define("CSAT", unit="%", target=85)
    page = AgentPage(ui_context)
    qtbot.addWidget(page)
    page.resize(1100, 750)
    show_active(qtbot, page)
    page.show_agent(team.priya.id)
    page.timeline.setFocus()

    dialog = open_dialog(qtbot, page)
    assert dialog.given_by.currentText() == "Dana Whitfield"
    press(qtbot, Qt.Key.Key_Return)

    problem = dialog.errors["reason"]
    assert problem.isVisible()
    assert problem.text() == "What the recognition is for cannot be empty."
    assert QApplication.focusWidget() is dialog.reason

    type_into_focus(qtbot, "Calmed an angry caller and kept the account")
    dialog.kpi.setCurrentIndex(dialog.kpi.findData(kpi.id))
    dialog.given_by.setCurrentIndex(dialog.given_by.findData(team.senior.id))
    dialog.save_button.click()

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert recognition_lines(page) == ["Calmed an angry caller and kept the account. Mon 23 Nov"]
    [saved] = services.recognition.for_person(team.priya.id)
    assert (saved.kpi_id, saved.given_by_name, saved.given_on) == (kpi.id, "Grace Okafor", TODAY)
    assert (
        navigator.messages[-1] == "Recognition recorded for Priya Shah: “Calmed an angry caller and kept the account”."
    )


def test_a_date_in_the_future_is_refused_beside_the_date(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    dialog = RecogniseDialog(ui_context, team.tomas.id, "Tomás Ruiz")
    qtbot.addWidget(dialog)
    dialog.reason.setText("Covered the late shift")
    dialog.given_on.setDate(dialog.given_on.date().addDays(1))

    dialog.save()

    assert dialog.errors["given_on"].text() == "Recognition is for what was already done: choose today or earlier."
    assert services.recognition.for_person(team.tomas.id) == []


def test_new_recognition_is_raised_on_the_next_one_on_one_agenda(services: Services, team: Team) -> None:
    series = services.meetings.create_series(team.leader.id, team.priya.id, Cadence.WEEKLY)
    meeting = services.meetings.schedule(series.id, datetime.combine(TODAY + timedelta(days=2), datetime.min.time()))
    services.recognition.recognise(team.priya.id, "Calmed an angry caller")

    agenda = services.agenda.prepare(meeting.id)

    prompts = [item.text for item in agenda.items if item.source is AgendaSource.RECOGNITION]
    assert prompts == ["Recognise: Calmed an angry caller (noted Mon 23 Nov)"]


def test_enter_saves_after_tabbing_past_the_save_button_and_back(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    """Tabbing onto a button makes it the one Enter presses; leaving it must hand Enter back to Recognise."""
    page = AgentPage(ui_context)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page.show_agent(team.priya.id)
    dialog = open_dialog(qtbot, page)
    while QApplication.focusWidget() is not dialog.save_button:
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    type_into_focus(qtbot, "Covered the late shift")

    press(qtbot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [r.reason for r in services.recognition.for_person(team.priya.id)] == ["Covered the late shift"]
