"""The sync dialogs driven from the keyboard on a real notebook: "Needs review" with real conflict copies (taken
from the portal's answers as a sync takes them), and "What leaves this laptop" before and after enrolling."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from coachdesk.models import SharingLevel
from coachdesk.services import Services
from coachdesk.services.log import EntryView, SessionDraft
from coachdesk.sync.level import sharing_level
from coachdesk.ui.context import UiContext
from coachdesk.ui.sync.preview_dialog import WhatLeavesDialog
from coachdesk.ui.sync.review_dialog import NOTHING_TO_REVIEW, ReviewDialog
from tests.conftest import Team
from tests.sync.conftest import enrolled, outbox_rows
from tests.sync.test_review import answered, clash, on_the_portal
from tests.ui.conftest import RecordingNavigator, press, show_active, type_into_focus

__all__ = ["enrolled"]

ALT = Qt.KeyboardModifier.AltModifier


def logged(services: Services, team: Team) -> EntryView:
    """A session already on the portal."""
    entry = services.log.record_session(
        SessionDraft((team.priya.id,), "Listened to two calls.", private_notes="Mentioned a house move")
    )
    on_the_portal(services)
    return entry


def review_dialog(qtbot: QtBot, context: UiContext) -> ReviewDialog:
    dialog = ReviewDialog(context, None)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def test_with_nothing_to_review_the_dialog_says_every_edit_reached_the_portal(
    qtbot: QtBot, ui_context: UiContext, enrolled: Services
) -> None:
    dialog = review_dialog(qtbot, ui_context)
    assert dialog.empty.isVisible()
    assert dialog.empty.text() == NOTHING_TO_REVIEW
    assert not dialog.copies.isVisible()


def test_each_copy_is_resolved_from_the_keyboard_and_the_choice_is_queued_for_the_portal(
    qtbot: QtBot, ui_context: UiContext, enrolled: Services, team: Team, navigator: RecordingNavigator
) -> None:
    entry = logged(enrolled, team)
    clash(enrolled, "log_entries", entry.id, "what_happened", kept="From the desktop", lost="From the laptop")
    clash(enrolled, "log_entries", entry.id, "next_steps", kept="Shadow Ana", lost="Shadow Tom")
    clash(enrolled, "log_entries", entry.id, "barriers", kept="Noise", lost="Headset")
    dialog = review_dialog(qtbot, ui_context)
    assert dialog.summary.text() == "3 values to review."
    assert QApplication.focusWidget() is dialog.copies
    assert "Session with Priya Shah on 23 Nov 2026" in dialog.record.text()
    assert (dialog.in_place.toPlainText(), dialog.other.toPlainText()) == ("From the desktop", "From the laptop")

    press(qtbot, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: dialog.summary.text() == "2 values to review.")
    assert enrolled.log.get(entry.id).what_happened == "From the laptop"
    assert navigator.messages[-1] == "Took the other value for What happened."
    assert dialog.summary.text() == "2 values to review."
    assert dialog.in_place.toPlainText() == "Shadow Ana"

    press(qtbot, Qt.Key.Key_W, ALT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.own_text)
    assert dialog.own_text.toPlainText() == "Shadow Ana"
    type_into_focus(qtbot, "Shadow Ana, then Tom")
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: dialog.summary.text() == "1 value to review.")
    assert enrolled.log.get(entry.id).next_steps == "Shadow Ana, then Tom"

    press(qtbot, Qt.Key.Key_K, ALT)
    qtbot.waitUntil(dialog.empty.isVisible)
    assert enrolled.log.get(entry.id).barriers == "Noise"
    sent = [json.loads(row.fields) for row in outbox_rows(enrolled.notebook)][-2:]
    assert sent == [{"what_happened": "From the laptop"}, {"next_steps": "Shadow Ana, then Tom"}]


def test_an_empty_third_text_is_refused_beside_the_box_and_nothing_is_lost(
    qtbot: QtBot, ui_context: UiContext, enrolled: Services, team: Team
) -> None:
    entry = logged(enrolled, team)
    clash(enrolled, "log_entries", entry.id, "next_steps", kept="Shadow Ana", lost="Shadow Tom")
    dialog = review_dialog(qtbot, ui_context)
    press(qtbot, Qt.Key.Key_W, ALT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.own_text)
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.problem.isVisible)
    assert dialog.problem.text().startswith("Write the text to keep")
    assert dialog.summary.text() == "1 value to review."
    press(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: not dialog.own_text.isVisible())
    assert dialog.keep_button.isVisible()


def test_a_refused_change_is_sent_again_from_the_keyboard(
    qtbot: QtBot, ui_context: UiContext, enrolled: Services, team: Team
) -> None:
    entry = logged(enrolled, team)
    refusal = {"result": "rejected", "reason": "field", "message": "The portal does not know the field mood."}
    answered(enrolled, "log_entries", entry.id, refusal, {"next_steps": "Call Friday"})
    dialog = review_dialog(qtbot, ui_context)
    assert dialog.in_place_title.text() == "Why the portal refused it"
    assert not dialog.keep_button.isVisible()
    waiting = len(outbox_rows(enrolled.notebook))
    press(qtbot, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(dialog.empty.isVisible)
    [queued] = outbox_rows(enrolled.notebook)[waiting:]
    assert json.loads(queued.fields) == {"next_steps": "Call Friday"}


def top_rows(dialog: WhatLeavesDialog) -> list[str]:
    return [dialog.tree.topLevelItem(row).text(0) for row in range(dialog.tree.topLevelItemCount())]


def test_before_enrolling_the_preview_follows_the_chosen_level_and_hands_it_back(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    logged(services, team)
    services.recognition.recognise(team.priya.id, "Calm under pressure")
    dialog = WhatLeavesDialog(ui_context, None, enrolled=False)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    assert "Sessions (1)" in top_rows(dialog)
    assert "Recognition (1)" in top_rows(dialog)
    assert dialog.private.text() == "1 private note stays on this laptop and is never sent."
    press(qtbot, Qt.Key.Key_C, ALT)
    qtbot.waitUntil(lambda: dialog.level is SharingLevel.AGGREGATE_ONLY)
    assert "Recognition (1)" not in top_rows(dialog)
    sessions = dialog.tree.topLevelItem(top_rows(dialog).index("Sessions (1)"))
    assert "What happened" not in sessions.text(1)
    press(qtbot, Qt.Key.Key_U, ALT)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)


def test_once_enrolled_lowering_the_level_asks_the_portal_to_erase_the_text(
    qtbot: QtBot, ui_context: UiContext, enrolled: Services, team: Team
) -> None:
    logged(enrolled, team)
    dialog = WhatLeavesDialog(ui_context, None, enrolled=True)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    assert not dialog.use_button.isEnabled()
    press(qtbot, Qt.Key.Key_C, ALT)
    qtbot.waitUntil(dialog.change_note.isVisible)
    press(qtbot, Qt.Key.Key_U, ALT)
    qtbot.waitUntil(lambda: not dialog.change_note.isVisible())
    assert sharing_level(enrolled.notebook) is SharingLevel.AGGREGATE_ONLY
    sessions = dialog.tree.topLevelItem(top_rows(dialog).index("Sessions (1)"))
    children = [sessions.child(n).text(0) for n in range(sessions.childCount())]
    assert "Erased from the portal" in children
