"""Logging a session from the keyboard, with commitments, follow-ups, templates and drafts that survive closing."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.drafts import DraftStore
from coachdesk.models import CommitmentStatus
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import SessionDraft
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.context import UiContext
from coachdesk.ui.editor.dialog import SessionEditor
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import ImmediateTaskRunner
from tests.conftest import TODAY, Team
from tests.ui.conftest import RecordingNavigator, press, show_active, type_into_focus


def open_editor(qtbot: QtBot, context: UiContext, drafts: DraftStore, agent_id: str | None = None) -> SessionEditor:
    editor = SessionEditor(context, drafts, agent_id=agent_id)
    qtbot.addWidget(editor)
    show_active(qtbot, editor)
    return editor


def test_a_session_with_two_commitments_is_logged_by_keyboard_alone(
    qtbot: QtBot, ui_context: UiContext, team: Team, drafts: DraftStore, navigator: RecordingNavigator
) -> None:
    services = ui_context.services
    assert {row.full_name: row.status for row in services.tracker.agents()}["Priya Shah"] is CoachingStatus.OVERDUE
    editor = open_editor(qtbot, ui_context, drafts)
    assert QApplication.focusWidget() is editor.agents
    qtbot.keyClicks(editor.agents, "pri")
    popup = editor.agents.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "Priya Shah"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.agents.text() == "Priya Shah"
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    type_into_focus(qtbot, "Listened to three calls together; she rushed the close on two.")
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    type_into_focus(qtbot, "Took the feedback well.")
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_into_focus(qtbot, "Summarise before closing every call")
    press(qtbot, Qt.Key.Key_Return)
    type_into_focus(qtbot, "Send her two model calls")
    editor.commitments.rows[1].owner.setCurrentIndex(1)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert editor.notice.text() == "", editor.notice.text()
    assert not editor.isVisible()
    [entry] = services.log.timeline(team.priya.id)
    assert entry.what_happened.startswith("Listened to three calls together")
    made = {c.text: c.owner_name for c in services.commitments.made_in(entry.id)}
    assert made == {"Summarise before closing every call": "Priya Shah", "Send her two model calls": "Dana Whitfield"}
    due = {c.due_on for c in services.commitments.made_in(entry.id)}
    assert due == {TODAY + timedelta(days=7)}
    assert {row.full_name: row.status for row in services.tracker.agents()}["Priya Shah"] is CoachingStatus.ON_TRACK
    assert navigator.messages == ["Session with Priya Shah saved to the leader log."]


def test_a_missing_required_field_is_pointed_at_and_nothing_is_saved(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, tmp_path: Path
) -> None:
    editor = open_editor(qtbot, ui_context, DraftStore(tmp_path / "drafts"), agent_id=team.tomas.id)
    assert editor.agents.text() == "Tomás Ruiz"
    editor.save()
    assert editor.isVisible()
    assert editor.notice.text() == "⚠ What happened cannot be empty."
    assert QApplication.focusWidget() is editor.texts["what_happened"]
    assert services.log.timeline(team.tomas.id) == []


def test_an_unknown_agent_name_is_refused_in_plain_words(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path
) -> None:
    editor = open_editor(qtbot, ui_context, DraftStore(tmp_path / "drafts"))
    editor.agents.setText("Prya Sha")
    editor.texts["what_happened"].setPlainText("Call review.")
    editor.save()
    assert "There is no agent called Prya Sha" in editor.notice.text()
    assert QApplication.focusWidget() is editor.agents


def test_open_commitments_are_shown_for_follow_up_and_closed_in_one_click(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, tmp_path: Path
) -> None:
    earlier = services.log.record_session(
        SessionDraft(
            (team.priya.id,),
            "Adherence review.",
            held_on=TODAY - timedelta(days=10),
            next_steps="Log breaks on time",
            commitments=(CommitmentDraft("Log breaks on time", team.priya.id),),
        )
    )
    [commitment] = services.commitments.made_in(earlier.id)
    editor = open_editor(qtbot, ui_context, DraftStore(tmp_path / "drafts"), agent_id=team.priya.id)
    assert "Last session 10 days ago" in editor.last_session.text()
    assert "Log breaks on time" in editor.last_session.text()
    [line] = editor.follow_ups.open_lines()
    assert line.commitment.id == commitment.id
    qtbot.mouseClick(line.done, Qt.MouseButton.LeftButton)
    assert services.commitments.open_for(team.priya.id) == []
    assert services.commitments.made_in(earlier.id)[0].status is CommitmentStatus.DONE
    assert editor.follow_ups.open_lines() == []


def test_the_kind_of_session_brings_its_template_prompts(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path
) -> None:
    editor = open_editor(qtbot, ui_context, DraftStore(tmp_path / "drafts"), agent_id=team.priya.id)
    assert editor.kind.currentText() == "Coaching"
    assert editor.texts["barriers"].placeholderText() == "What is in their way, and who will remove it?"


def test_private_notes_and_the_agents_acknowledgement_are_saved_with_the_session(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, tmp_path: Path
) -> None:
    editor = open_editor(qtbot, ui_context, DraftStore(tmp_path / "drafts"), agent_id=team.priya.id)
    editor.texts["what_happened"].setPlainText("Side-by-side on the phones.")
    editor.texts["private_notes"].setPlainText("Mentioned a family illness; go gently.")
    editor.acknowledged.setChecked(True)
    editor.acknowledgement.setText("Fair summary.")
    editor.save()
    [summary] = services.log.timeline(team.priya.id)
    entry = services.log.get(summary.id)
    assert entry.private_notes == "Mentioned a family illness; go gently."
    assert [(a.agent_name, a.comment) for a in entry.acknowledgements] == [("Priya Shah", "Fair summary.")]


def test_typing_is_kept_as_a_draft_and_a_closed_editor_comes_back_whole(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, tmp_path: Path
) -> None:
    drafts = DraftStore(tmp_path / "drafts")
    editor = open_editor(qtbot, ui_context, drafts, agent_id=team.tomas.id)
    editor.texts["what_happened"].setPlainText("Half-way through writing this up")
    editor.commitments.add_row(text="Shadow Priya on Friday")
    with qtbot.waitSignal(editor.draft_saved, timeout=5000):
        pass
    assert drafts.keys() == [editor.draft_key]
    editor.texts["barriers"].setPlainText("Headset keeps dropping")
    editor.close()
    assert not editor.isVisible()
    [key] = drafts.keys()
    restored = SessionEditor.restore(ui_context, drafts, key)
    qtbot.addWidget(restored)
    assert restored.agents.text() == "Tomás Ruiz"
    assert restored.texts["what_happened"].toPlainText() == "Half-way through writing this up"
    assert restored.texts["barriers"].toPlainText() == "Headset keeps dropping"
    assert [row.text.text() for row in restored.commitments.rows] == ["Shadow Priya on Friday"]
    assert "Restored from a session you had not saved" in restored.notice.text()
    restored.save()
    assert drafts.keys() == []
    assert len(services.log.timeline(team.tomas.id)) == 1


def test_closing_an_empty_editor_leaves_no_draft(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path
) -> None:
    drafts = DraftStore(tmp_path / "drafts")
    editor = open_editor(qtbot, ui_context, drafts)
    editor.close()
    assert drafts.keys() == []


def test_a_killed_app_leaves_the_session_being_typed_as_a_draft_that_reopens(
    qtbot: QtBot, notebook_file: Path, team: Team, ui_settings: UiSettings
) -> None:
    text = "Coaching on call control, written just before the laptop died"
    with subprocess.Popen(
        [sys.executable, "-m", "tests.ui.typing_process", str(notebook_file), team.priya.id, text],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    ) as child:
        guard = threading.Timer(60, child.kill)
        guard.start()
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "draft kept"
        finally:
            guard.cancel()
            child.kill()
    assert child.returncode == -signal.SIGKILL

    window = MainWindow(ImmediateTaskRunner(), ErrorReporter(notebook_file.parent), notebook_file, ui_settings)
    qtbot.addWidget(window)
    window.show()
    window.open_notebook()
    [restored] = window.editors
    assert restored.agents.text() == "Priya Shah"
    assert restored.texts["what_happened"].toPlainText() == text
    window.close_notebook()
