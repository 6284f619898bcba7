"""Exporting the one-on-one schedule from the app: the file is written and the status bar says what was saved."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
import vobject
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.ui.calendar_export import export_schedule, export_schedule_to
from coachdesk.ui.context import UiContext
from tests.conftest import Team
from tests.ui.conftest import RecordingNavigator


def test_the_schedule_is_saved_and_the_status_bar_says_where(
    qtbot: QtBot,
    ui_context: UiContext,
    navigator: RecordingNavigator,
    team: Team,
    tmp_path: Path,
) -> None:
    meetings = ui_context.services.meetings
    series = meetings.create_series(team.leader.id, team.priya.id, weekday=3, usual_time=time(10))
    meetings.create_series(team.leader.id, team.tomas.id)
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "one-on-ones.ics"
    export_schedule_to(ui_context, parent, target)
    calendar = vobject.readOne(target.read_text(encoding="utf-8"))
    assert [event.uid.value for event in calendar.vevent_list] == [f"{series.id}@coachdesk"]
    assert navigator.messages == [
        f"Saved 1 one-on-one series to {target}. Left out, with no meeting booked and no usual time to repeat from: "
        "Dana Whitfield ↔ Tomás Ruiz. Book their next meeting or give them a usual time."
    ]


def test_a_file_that_cannot_be_written_is_explained_and_nothing_is_announced(
    qtbot: QtBot, ui_context: UiContext, navigator: RecordingNavigator, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    export_schedule_to(ui_context, parent, tmp_path / "missing" / "one-on-ones.ics")
    assert navigator.messages == []
    assert len(ui_context.errors.shown) == 1
    assert ui_context.errors.shown[0].startswith(f"Could not write {tmp_path / 'missing' / 'one-on-ones.ics'}")


def test_the_save_dialog_offers_one_on_ones_ics_in_the_home_folder_and_adds_the_extension(
    qtbot: QtBot,
    ui_context: UiContext,
    navigator: RecordingNavigator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    parent = QWidget()
    qtbot.addWidget(parent)
    offered: list[list[str]] = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        offered.append(dialog.selectedFiles())
        dialog.selectFile("team")
        dialog.accept()

    QTimer.singleShot(0, choose)
    export_schedule(ui_context, parent)
    assert offered == [[str(tmp_path / "one-on-ones.ics")]]
    assert (tmp_path / "team.ics").exists()
    assert navigator.messages == [f"Saved 0 one-on-one series to {tmp_path / 'team.ics'}."]
