"""Fixtures for screen tests: a real notebook, the real services, work run on the spot, navigation recorded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QTableView, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.drafts import DraftStore
from coachdesk.services import Services
from coachdesk.ui.context import ChangeNotices, UiContext
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import ImmediateTaskRunner


class RecordingNavigator:
    """Stands in for the main window when a screen is tested alone: remembers where a click would lead."""

    def __init__(self) -> None:
        self.opened_agents: list[str] = []
        self.opened_entries: list[str] = []
        self.opened_plans: list[str] = []
        self.new_sessions: list[str | None] = []
        self.opened_meetings: list[str] = []
        self.review_packs: list[str] = []
        self.messages: list[str] = []

    def open_agent(self, person_id: str) -> None:
        self.opened_agents.append(person_id)

    def open_entry(self, entry_id: str) -> None:
        self.opened_entries.append(entry_id)

    def open_plan(self, person_id: str) -> None:
        self.opened_plans.append(person_id)

    def new_session(self, agent_id: str | None = None) -> None:
        self.new_sessions.append(agent_id)

    def open_meeting(self, meeting_id: str) -> None:
        self.opened_meetings.append(meeting_id)

    def review_pack(self, person_id: str) -> None:
        self.review_packs.append(person_id)

    def show_saved(self, message: str) -> None:
        self.messages.append(message)


class ManualTaskRunner:
    """Holds work until the test runs it, so results can arrive after the person has moved on."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def submit(self, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Any) -> None:
        self.waiting.append((work, on_done))

    def run_next(self) -> None:
        work, on_done = self.waiting.pop(0)
        on_done(work())

    def run_all(self) -> None:
        while self.waiting:
            self.run_next()

    def shutdown(self) -> None:
        self.waiting.clear()


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def navigator() -> RecordingNavigator:
    return RecordingNavigator()


@pytest.fixture
def ui_context(services: Services, tmp_path: Path, ui_settings: UiSettings, navigator: RecordingNavigator) -> UiContext:
    return UiContext(services, ImmediateTaskRunner(), ErrorReporter(tmp_path), ChangeNotices(), ui_settings, navigator)


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Shows a window and makes it the active one, as a person's click would, so keyboard focus lands in it."""
    window.show()
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def drafts(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


def type_into_focus(qtbot: QtBot, text: str) -> None:
    """Types where the keyboard focus is, as a person would, wherever the app has put it."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def column_texts(table: QTableView, column: int) -> list[str]:
    """What one column of a table shows, top to bottom."""
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def tree_lines(tree: QTreeWidget) -> list[list[str]]:
    """What a flat tree widget shows, row by row, column by column."""
    return [
        [tree.topLevelItem(row).text(column) for column in range(tree.columnCount())]
        for row in range(tree.topLevelItemCount())
    ]
