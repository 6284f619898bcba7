"""The issue's "done when", by keyboard in the real main window: find who is overdue, open them, log a session
with two commitments, see it on their timeline and on the tracker, and find it again by searching."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coachdesk.demo import generate_demo
from coachdesk.services import Services
from coachdesk.ui.agent.page import AgentPage
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.search.page import SearchPage
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import ImmediateTaskRunner
from coachdesk.ui.today.page import TodayPage
from tests.conftest import NOW, TODAY
from tests.ui.conftest import press, show_active, type_into_focus

WHAT = "Reviewed three calls about the new tariff; she explained the tariff clearly every time."


def test_a_newcomer_finds_an_overdue_agent_logs_a_session_and_finds_it_again(
    qtbot: QtBot, services: Services, notebook_file: Path, ui_settings: UiSettings
) -> None:
    generate_demo(services.notebook, agents=6, years=0.3, seed=7, today=TODAY)
    window = MainWindow(
        ImmediateTaskRunner(), ErrorReporter(notebook_file.parent), notebook_file, ui_settings, clock=lambda: NOW
    )
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.open_notebook()
    today = window.pages["today"]
    assert isinstance(today, TodayPage)
    overdue = [row for row in services.tracker.agents() if row.status == "overdue"]
    assert overdue, "the demo always has someone overdue"

    table = today.needs_coaching.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    first_name = table.model().index(0, 0).data()
    press(qtbot, Qt.Key.Key_Return)
    agent = window.pages["agent"]
    assert isinstance(agent, AgentPage)
    assert window.stack.currentWidget() is agent
    person = services.people.find(first_name)
    assert person.id in {row.person_id for row in overdue}

    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [editor] = window.editors
    show_active(qtbot, editor)
    type_into_focus(qtbot, person.full_name)
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    type_into_focus(qtbot, WHAT)
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_into_focus(qtbot, "Quote the tariff sheet on every call")
    press(qtbot, Qt.Key.Key_Return)
    type_into_focus(qtbot, "Ask a colleague to listen to one call")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.editors == []

    assert agent.model.entry(0).what_happened == WHAT
    assert {row.person_id: row.status for row in services.tracker.agents()}[person.id] == "on_track"
    show_active(qtbot, window)
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is today
    shown = [table.model().index(row, 0).data() for row in range(table.model().rowCount())]
    assert first_name not in shown

    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.pages["search"]
    assert isinstance(search, SearchPage)
    type_into_focus(qtbot, "tariff sheet")
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is agent
    assert agent.model.entry(agent.timeline.currentIndex().row()).what_happened == WHAT
    window.close_notebook()
