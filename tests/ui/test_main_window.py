"""The main window: opening the notebook off the GUI thread, moving between screens, remembering the layout."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coachdesk.cli import main
from coachdesk.drafts import DraftStore
from coachdesk.services import Services
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.packs.page import ReviewPacksPage
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import ImmediateTaskRunner, ThreadTaskRunner
from coachdesk.ui.widgets import as_date
from tests.conftest import NOW, TODAY, Team
from tests.ui.conftest import show_active


def open_window(
    qtbot: QtBot, notebook_file: Path, settings: UiSettings, tasks: ImmediateTaskRunner | ThreadTaskRunner
) -> MainWindow:
    window = MainWindow(tasks, ErrorReporter(notebook_file.parent), notebook_file, settings, clock=lambda: NOW)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.open_notebook()
    return window


def test_the_window_opens_the_notebook_on_the_worker_thread_then_shows_today(
    qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,employee_id,reports_to\nDana,L1,\nPriya,A1,L1\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "import-roster", str(roster)]) == 0
    tasks = ThreadTaskRunner()
    window = open_window(qtbot, tmp_path / "notebook.sqlite3", ui_settings, tasks)
    assert window.heading.text() == "Opening your notebook…"
    qtbot.waitUntil(lambda: "today" in window.pages)
    assert window.stack.currentWidget() is window.pages["today"]
    assert window.save_state.text() == "All changes saved"
    assert window.where.text() == f"Notebook: {tmp_path / 'notebook.sqlite3'}"
    tasks.shutdown()
    window.close_notebook()


def test_a_file_that_is_not_a_notebook_is_explained_without_a_traceback(
    qtbot: QtBot, tmp_path: Path, ui_settings: UiSettings
) -> None:
    (tmp_path / "notebook.sqlite3").write_text("a shopping list", encoding="utf-8")
    window = open_window(qtbot, tmp_path / "notebook.sqlite3", ui_settings, ImmediateTaskRunner())
    assert window.heading.text() == "The notebook could not be opened"
    assert "is not a CoachDesk notebook" in window.details.text()
    assert "Traceback" not in window.details.text()
    assert window.pages == {}
    assert (tmp_path / "notebook.sqlite3").read_text(encoding="utf-8") == "a shopping list"


def test_an_unexpected_failure_is_logged_and_shown_as_an_apology(tmp_path: Path) -> None:
    reporter = ErrorReporter(tmp_path)
    try:
        raise KeyError("boom")
    except KeyError as error:
        message = reporter.message_for(error)
    assert message.startswith("Something went wrong that should not have. Your notebook is safe")
    assert "KeyError: 'boom'" in (tmp_path / "coachdesk.log").read_text(encoding="utf-8")


def test_screens_are_reached_by_keyboard_and_back_returns(
    qtbot: QtBot, notebook_file: Path, team: Team, ui_settings: UiSettings
) -> None:
    window = open_window(qtbot, notebook_file, ui_settings, ImmediateTaskRunner())
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["team"]
    assert window.sidebar.currentItem().text() == "Team"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["search"]
    assert window.pages["search"].box.hasFocus()
    window.open_agent(team.priya.id)
    assert window.stack.currentWidget() is window.pages["agent"]
    window.go_back()
    assert window.stack.currentWidget() is window.pages["search"]
    assert all(window.sidebar.item(row).text() for row in range(window.sidebar.count()))
    window.close_notebook()


def test_the_window_remembers_its_size_and_last_screen(
    qtbot: QtBot, notebook_file: Path, team: Team, ui_settings: UiSettings
) -> None:
    first = open_window(qtbot, notebook_file, ui_settings, ImmediateTaskRunner())
    first.resize(760, 560)
    remembered = first.size()
    first.show_page("plans")
    first.close()
    first.close_notebook()
    second = open_window(qtbot, notebook_file, ui_settings, ImmediateTaskRunner())
    assert second.stack.currentWidget() is second.pages["plans"]
    assert second.size() == remembered
    assert remembered.height() == 560
    second.close_notebook()


def test_ctrl_n_opens_the_editor_and_closing_the_window_mid_entry_keeps_it_for_next_time(
    qtbot: QtBot, notebook_file: Path, team: Team, ui_settings: UiSettings, services: Services
) -> None:
    window = open_window(qtbot, notebook_file, ui_settings, ImmediateTaskRunner())
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [editor] = window.editors
    editor.agents.setText("Priya Shah")
    editor.texts["what_happened"].setPlainText("We were interrupted by a fire drill")
    window.close()
    window.close_notebook()
    assert len(DraftStore(notebook_file.parent / "drafts").keys()) == 1

    reopened = open_window(qtbot, notebook_file, ui_settings, ImmediateTaskRunner())
    [restored] = reopened.editors
    assert restored.texts["what_happened"].toPlainText() == "We were interrupted by a fire drill"
    restored.save()
    assert [e.what_happened for e in services.log.timeline(team.priya.id)] == ["We were interrupted by a fire drill"]
    assert reopened.statusBar().currentMessage() == "Session with Priya Shah saved to the leader log."
    assert DraftStore(notebook_file.parent / "drafts").keys() == []
    reopened.close_notebook()


def test_every_control_on_every_screen_has_a_name_for_screen_readers(
    qtbot: QtBot, notebook_file: Path, team: Team, ui_settings: UiSettings
) -> None:
    window = open_window(qtbot, notebook_file, ui_settings, ImmediateTaskRunner())
    window.open_agent(team.priya.id)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    inputs = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QAbstractSpinBox, QTextEdit)
    unnamed = [
        f"{type(widget).__name__} in {type(widget.window()).__name__}"
        for top in (window, *window.editors)
        for widget in top.findChildren(QWidget)
        if isinstance(widget, inputs)
        and widget.window() is top
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not widget.accessibleName()
        and not (isinstance(widget, QAbstractButton) and widget.text())
        and not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox))
    ]
    assert unnamed == []
    window.close_notebook()


def test_ctrl_p_on_an_agents_page_opens_their_review_pack_over_the_last_year(
    qtbot: QtBot, notebook_file: Path, team: Team, ui_settings: UiSettings
) -> None:
    window = open_window(qtbot, notebook_file, ui_settings, ImmediateTaskRunner())
    packs = window.pages["packs"]
    assert isinstance(packs, ReviewPacksPage)
    window.show_page("packs")
    packs.first_day.setDate(QDate(2026, 9, 1))
    window.open_agent(team.tomas.id)

    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    assert window.stack.currentWidget() is packs
    assert packs.who.currentText() == "Tomás Ruiz"
    assert (as_date(packs.first_day.date()), as_date(packs.last_day.date())) == (TODAY - timedelta(days=365), TODAY)
    window.close_notebook()


def test_a_column_widened_by_hand_keeps_its_width_at_the_next_start(
    qtbot: QtBot, notebook_file: Path, team: Team, ui_settings: UiSettings
) -> None:
    first = open_window(qtbot, notebook_file, ui_settings, ImmediateTaskRunner())
    first.show_page("team")
    header = first.pages["team"].table.horizontalHeader()  # type: ignore[attr-defined]
    header.resizeSection(0, 333)
    first.close()
    first.close_notebook()
    second = open_window(qtbot, notebook_file, ui_settings, ImmediateTaskRunner())
    second.show_page("team")
    assert second.pages["team"].table.horizontalHeader().sectionSize(0) == 333  # type: ignore[attr-defined]
    second.close_notebook()
