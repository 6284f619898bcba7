"""Reminders on the desktop: before each one-on-one, prepare the agenda; once a day, the commitments due.

The notebook is asked on the worker every minute; what to say is decided by `services.reminders`. This module
only decides how to say it, and remembers (here and in `QSettings`) what was already said.

Importing it does not load the service layer, so the main window may import it at start-up.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.settings import REMINDER_LEAD_RANGE, UiSettings
from coachdesk.ui.widgets import muted

if TYPE_CHECKING:
    from coachdesk.services.reminders import Reminder
    from coachdesk.ui.context import UiContext

CHECK_EVERY_MS = 60_000
FIRST_CHECK_MS = 5_000
"""Soon after the window opens, once the screens have loaded what they show first."""
SHOWN_FOR_MS = 20_000
SEPARATOR = "  ·  "


class Reminders(QObject):
    """Checks every minute for reminders and shows each new one once, across restarts on the same day.

    Reminders appear as notifications from an icon in the system tray; clicking a one-on-one's reminder opens
    the person it is with. Where there is no system tray (headless sessions, offscreen tests, some Linux desktops)
    they appear in the main window's status bar instead, through `navigator.show_saved`.
    """

    def __init__(self, context: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._window = parent
        self._sent = context.settings.sent_reminders()
        self._checking = False
        self._failing = False
        self._shown: list[Reminder] = []
        self.tray = self._make_tray() if QSystemTrayIcon.isSystemTrayAvailable() else None
        self._first_check = QTimer(self)
        self._first_check.setSingleShot(True)
        self._first_check.timeout.connect(self.check_now)
        self._first_check.start(FIRST_CHECK_MS)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check_now)
        self._timer.start()

    def stop(self) -> None:
        """No more checks: the window is closing and its worker is about to stop taking work."""
        self._first_check.stop()
        self._timer.stop()

    def check_now(self) -> None:
        """Asks the notebook now, with the lead time and on/off switch as they are set at this moment."""
        settings = self._context.settings
        enabled = settings.reminders_enabled()
        if self.tray is not None:
            self.tray.setVisible(enabled)
        if not enabled or self._checking:
            return
        self._checking = True
        service = self._context.services.reminders
        lead, sent = settings.reminder_lead_minutes(), frozenset(self._sent)
        self._context.tasks.submit(lambda: service.due(lead, sent), self._arrived, self._failed)

    def edit_settings(self) -> None:
        """Opens the reminder preferences; saving them checks again at once, with the new lead time."""
        dialog = ReminderSettingsDialog(self._context.settings, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.check_now)
        dialog.open()

    def _arrived(self, found: Collection[Reminder]) -> None:
        self._checking = self._failing = False
        new = [reminder for reminder in found if reminder.key not in self._sent]
        today = self._context.services.reminders.today()
        kept = {key: day for key, day in self._sent.items() if day >= today}
        if new or kept != self._sent:
            self._sent = kept | {reminder.key: reminder.day for reminder in new}
            self._context.settings.set_sent_reminders(self._sent)
        if new:
            self._show(new)

    def _failed(self, error: BaseException) -> None:
        """Says once that checking failed, not every minute while it goes on failing."""
        self._checking = False
        if not self._failing:
            self._failing = True
            self._context.errors.show(self._window, error)

    def _show(self, reminders: list[Reminder]) -> None:
        """Several reminders at once make one notification: a second would hide the first on many desktops."""
        if self.tray is None:
            self._context.navigator.show_saved(SEPARATOR.join(reminder.text for reminder in reminders))
            return
        self._shown = reminders
        if len(reminders) == 1:
            self.tray.showMessage(reminders[0].title, reminders[0].message, self.tray.icon(), SHOWN_FOR_MS)
        else:
            lines = "\n".join(reminder.text for reminder in reminders)
            self.tray.showMessage(f"{len(reminders)} reminders", lines, self.tray.icon(), SHOWN_FOR_MS)

    def _make_tray(self) -> QSystemTrayIcon:
        icon = QApplication.windowIcon()
        if icon.isNull():
            icon = self._window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        tray = QSystemTrayIcon(icon, self)
        tray.setToolTip("CoachDesk")
        tray.messageClicked.connect(self._open_shown)
        tray.activated.connect(self._bring_forward)
        return tray

    def _open_shown(self) -> None:
        """A click on a one-on-one's reminder opens its agenda to prepare; on several reminders, just the window."""
        self._bring_forward()
        if len(self._shown) == 1 and self._shown[0].meeting_id is not None:
            self._context.navigator.open_meeting(self._shown[0].meeting_id)

    def _bring_forward(self) -> None:
        window = self._window.window()
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()


class ReminderSettingsDialog(QDialog):
    """Whether to be reminded, and how long before a one-on-one; kept on this computer, not in the notebook."""

    def __init__(self, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle("Reminders — CoachDesk")
        self.setAccessibleName("Reminders")
        intro = muted(
            "CoachDesk reminds you before each of your one-on-ones to prepare the agenda, and once a day of the "
            "commitments due or overdue. It needs to be running to remind you."
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(380)
        intro.setAccessibleName("About reminders")
        self.enabled = QCheckBox("Show &reminders")
        self.enabled.setAccessibleName("Show reminders")
        self.enabled.setChecked(settings.reminders_enabled())
        self.lead = QSpinBox()
        self.lead.setAccessibleName("Minutes before a one-on-one")
        self.lead.setRange(REMINDER_LEAD_RANGE.start, REMINDER_LEAD_RANGE.stop - 1)
        self.lead.setSuffix(" minutes")
        self.lead.setValue(settings.reminder_lead_minutes())
        self.lead.setEnabled(self.enabled.isChecked())
        self.enabled.toggled.connect(self.lead.setEnabled)
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow("Remind me &before a one-on-one:", self.lead)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)

    def accept(self) -> None:
        self._settings.set_reminders_enabled(self.enabled.isChecked())
        self._settings.set_reminder_lead_minutes(self.lead.value())
        super().accept()
