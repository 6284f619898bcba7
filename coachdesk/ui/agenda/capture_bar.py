"""What a meeting agrees, captured without leaving the agenda: a commitment (whose, by when) and recognition.

Enter in either line records it; the line empties for the next one, so several are typed in a row. "Private"
keeps the next one to the manager: it is left out of exports, sync and review packs.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from coachdesk.services.agenda import AgendaView
from coachdesk.services.commitments import DEFAULT_DUE_DAYS
from coachdesk.ui.widgets import as_date, as_qdate

OWNER_CHARACTERS = 16
STEPS = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1, Qt.Key.Key_PageUp: 7, Qt.Key.Key_PageDown: -7}


class DayEdit(QDateEdit):
    """A date stepped a day at a time (↑↓) or a week (Page Up/Down), across months; Enter submits it.

    Qt steps the section under the cursor, which for "Mon 30 Nov" is the weekday: it stops at the week's ends.
    """

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        step = STEPS.get(Qt.Key(event.key()))
        if plain and step is not None:
            self.setDate(self.date().addDays(step))
            return
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class CaptureBar(QWidget):
    commitment_captured = Signal(str, str, object, bool)
    """(text, owner id, due date, private)."""
    recognised = Signal(str, bool)
    """What the report is recognised for, and whether it is private."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Capture a commitment or recognition")
        self.commitment = QLineEdit()
        self.commitment.setAccessibleName("Commitment")
        self.commitment.setPlaceholderText("What will they do? Enter adds it")
        self.commitment.setToolTip("A commitment agreed now, listed after the chosen item (Ctrl+K)")
        self.owner = QComboBox()
        self.owner.setAccessibleName("Commitment owner")
        self.owner.setMinimumContentsLength(OWNER_CHARACTERS)
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.due = DayEdit()
        self.due.setAccessibleName("Commitment due date")
        self.due.setToolTip("When it is due: ↑↓ a day, Page Up/Down a week; Enter adds the commitment")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("ddd d MMM yyyy")
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add commitment")
        self.add_button.setToolTip("Add the commitment (Enter)")
        self.add_button.setAutoDefault(False)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Recognition")
        self.reason.setPlaceholderText("What did they do well? Enter records it")
        self.reason.setToolTip("Recognition given in this meeting; it ticks off the recognition prompt (Ctrl+R)")
        self.recognise_button = QPushButton("Recognise")
        self.recognise_button.setAccessibleName("Record recognition")
        self.recognise_button.setToolTip("Record the recognition (Enter)")
        self.recognise_button.setAutoDefault(False)
        self.private = QCheckBox("Pri&vate")
        self.private.setAccessibleName("Private")
        self.private.setToolTip(
            "The next commitment or recognition stays on this device and out of what is shared; "
            "Ctrl+Shift+P makes the chosen agenda item private"
        )
        commitment_label = QLabel("Commit&ment")
        commitment_label.setBuddy(self.commitment)
        reason_label = QLabel("Reco&gnition")
        reason_label.setBuddy(self.reason)
        details = QHBoxLayout()
        details.setSpacing(8)
        details.addWidget(QLabel("by"))
        details.addWidget(self.owner, 1)
        details.addWidget(QLabel("due"))
        details.addWidget(self.due)
        details.addWidget(self.add_button)
        recognition = QHBoxLayout()
        recognition.setSpacing(8)
        recognition.addWidget(self.reason, 1)
        recognition.addWidget(self.recognise_button)
        self.add_button.setMinimumWidth(self.recognise_button.sizeHint().width())
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.addWidget(commitment_label, 0, 0)
        grid.addWidget(self.commitment, 0, 1)
        grid.addLayout(details, 1, 1)
        grid.addWidget(reason_label, 2, 0)
        grid.addLayout(recognition, 2, 1)
        grid.addWidget(self.private, 3, 1)
        for before, after in zip(self._tab_order(), self._tab_order()[1:], strict=False):
            self.setTabOrder(before, after)
        self.commitment.returnPressed.connect(self._capture)
        self.add_button.clicked.connect(self._capture)
        self.due.submitted.connect(self._capture)
        self.reason.returnPressed.connect(self._recognise)
        self.recognise_button.clicked.connect(self._recognise)
        self._today = date.min
        self._meeting_id: str | None = None

    def set_meeting(self, view: AgendaView, today: date) -> None:
        """Starts afresh for another meeting: the report first among the owners, due in a week."""
        if view.meeting.id == self._meeting_id:
            return
        self._meeting_id, self._today = view.meeting.id, today
        series = view.series
        self.owner.clear()
        self.owner.addItem(series.report_name, series.report_id)
        self.owner.addItem(f"Me — {series.manager_name}", series.manager_id)
        self.due.setMinimumDate(as_qdate(today))
        self.clear_recognition()
        self.clear_commitment()

    def _tab_order(self) -> list[QWidget]:
        return [
            self.commitment,
            self.owner,
            self.due,
            self.add_button,
            self.reason,
            self.recognise_button,
            self.private,
        ]

    def clear_commitment(self) -> None:
        """Ready for the next commitment: due in a week, and shared unless ticked private again."""
        self.commitment.clear()
        self.due.setDate(as_qdate(self._today + timedelta(days=DEFAULT_DUE_DAYS)))
        self.private.setChecked(False)

    def clear_recognition(self) -> None:
        self.reason.clear()
        self.private.setChecked(False)

    def _capture(self) -> None:
        text = self.commitment.text().strip()
        if text:
            self.commitment_captured.emit(
                text, self.owner.currentData(), as_date(self.due.date()), self.private.isChecked()
            )

    def _recognise(self) -> None:
        reason = self.reason.text().strip()
        if reason:
            self.recognised.emit(reason, self.private.isChecked())
