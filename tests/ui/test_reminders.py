"""Reminders on the desktop: shown once, remembered across a restart, switched and timed from their dialog."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.services import Services
from coachdesk.ui.context import UiContext
from coachdesk.ui.reminders import Reminders, ReminderSettingsDialog
from coachdesk.ui.settings import UiSettings
from tests.conftest import Team
from tests.ui.conftest import RecordingNavigator

PRIYA_AT_TEN = "One-on-one with Priya Shah at 10:00 — prepare the agenda: no talking points, no open commitments"


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def priya_at_ten(services: Services, team: Team) -> None:
    services.meetings.create_series(team.leader.id, team.priya.id, first_meeting_at=datetime(2026, 11, 23, 10, 0))


@pytest.fixture
def meeting_at_ten(priya_at_ten: None, ui_settings: UiSettings) -> None:
    """Priya's one-on-one at 10:00, half an hour from now, with reminders 45 minutes ahead."""
    ui_settings.set_reminder_lead_minutes(45)


@pytest.mark.usefixtures("meeting_at_ten")
def test_without_a_system_tray_the_reminder_shows_in_the_status_bar_once(
    ui_context: UiContext, navigator: RecordingNavigator, window: QWidget
) -> None:
    reminders = Reminders(ui_context, window)

    reminders.check_now()
    reminders.check_now()

    assert reminders.tray is None
    assert navigator.messages == [PRIYA_AT_TEN]


@pytest.mark.usefixtures("meeting_at_ten")
def test_a_restart_on_the_same_day_does_not_repeat_a_reminder(
    ui_context: UiContext, navigator: RecordingNavigator, window: QWidget
) -> None:
    Reminders(ui_context, window).check_now()

    Reminders(ui_context, window).check_now()

    assert navigator.messages == [PRIYA_AT_TEN]


@pytest.mark.usefixtures("meeting_at_ten")
def test_keys_from_days_gone_by_are_forgotten(ui_context: UiContext, ui_settings: UiSettings, window: QWidget) -> None:
    ui_settings.set_sent_reminders({"commitments:2026-11-20": date(2026, 11, 20)})

    Reminders(ui_context, window).check_now()

    assert list(ui_settings.sent_reminders().values()) == [date(2026, 11, 23)]


@pytest.mark.usefixtures("meeting_at_ten")
def test_reminders_switched_off_say_nothing(
    ui_context: UiContext, ui_settings: UiSettings, navigator: RecordingNavigator, window: QWidget
) -> None:
    ui_settings.set_reminders_enabled(False)

    Reminders(ui_context, window).check_now()

    assert navigator.messages == []


def test_several_reminders_at_once_share_one_message(
    services: Services, team: Team, ui_context: UiContext, navigator: RecordingNavigator, window: QWidget
) -> None:
    services.meetings.create_series(team.leader.id, team.priya.id, first_meeting_at=datetime(2026, 11, 23, 9, 40))
    services.meetings.create_series(team.leader.id, team.tomas.id, first_meeting_at=datetime(2026, 11, 23, 9, 44))

    Reminders(ui_context, window).check_now()

    assert [message.split("  ·  ") for message in navigator.messages] == [
        [
            "One-on-one with Priya Shah at 09:40 — prepare the agenda: no talking points, no open commitments",
            "One-on-one with Tomás Ruiz at 09:44 — prepare the agenda: no talking points, no open commitments",
        ]
    ]


@pytest.mark.usefixtures("meeting_at_ten")
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")  # the offscreen platform has no tray to follow
def test_clicking_a_meeting_reminder_opens_its_agenda(
    monkeypatch: pytest.MonkeyPatch, ui_context: UiContext, navigator: RecordingNavigator, team: Team, window: QWidget
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    reminders = Reminders(ui_context, window)
    reminders.check_now()
    assert reminders.tray is not None
    assert reminders.tray.toolTip() == "CoachDesk"

    reminders.tray.messageClicked.emit()

    assert navigator.messages == []
    [series] = ui_context.services.meetings.list_series(manager_id=team.leader.id)
    next_meeting = ui_context.services.agenda.next_meeting(series.id)
    assert next_meeting is not None
    assert navigator.opened_meetings == [next_meeting.id]


def test_the_settings_dialog_saves_the_lead_time(qtbot: QtBot, ui_settings: UiSettings) -> None:
    dialog = ReminderSettingsDialog(ui_settings)
    qtbot.addWidget(dialog)
    assert (dialog.lead.text(), dialog.enabled.isChecked()) == ("15 minutes", True)

    dialog.lead.setValue(30)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert ui_settings.reminder_lead_minutes() == 30
    assert ReminderSettingsDialog(ui_settings).lead.value() == 30


def test_unticking_the_switch_turns_reminders_off_once_saved(qtbot: QtBot, ui_settings: UiSettings) -> None:
    dialog = ReminderSettingsDialog(ui_settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    qtbot.keyClick(dialog.enabled, Qt.Key.Key_Space)
    assert not dialog.lead.isEnabled()
    assert ui_settings.reminders_enabled()
    qtbot.keyClick(dialog.enabled, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    assert not ui_settings.reminders_enabled()


@pytest.mark.usefixtures("priya_at_ten")
def test_saving_a_longer_lead_time_reminds_at_once(
    qtbot: QtBot, ui_context: UiContext, navigator: RecordingNavigator, window: QWidget
) -> None:
    reminders = Reminders(ui_context, window)
    reminders.check_now()
    assert navigator.messages == []

    reminders.edit_settings()
    dialog = window.findChild(ReminderSettingsDialog)
    assert dialog is not None
    dialog.lead.setValue(45)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert navigator.messages == [PRIYA_AT_TEN]
