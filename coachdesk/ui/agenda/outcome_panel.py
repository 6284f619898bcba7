"""What became of a meeting: once ended, where its summary, leftovers and commitments went; once closed, why.

Its buttons lead on: to the leader-log entry the meeting became, and to the next meeting's agenda.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coachdesk.models import MeetingStatus
from coachdesk.services.agenda import AgendaView, EndedMeeting
from coachdesk.services.meetings import MeetingView
from coachdesk.ui.agenda.item_words import minutes_words
from coachdesk.ui.formatting import day_text, plural
from coachdesk.ui.widgets import muted

CLOSED_WORDS = {
    MeetingStatus.CANCELLED: "This one-on-one was cancelled",
    MeetingStatus.MISSED: "This one-on-one was marked missed",
    MeetingStatus.POSTPONED: "This one-on-one was postponed",
}


class OutcomePanel(QFrame):
    entry_wanted = Signal(str)
    meeting_wanted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("What became of the meeting")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        self.summary = muted("")
        self.summary.setAccessibleName("Summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.entry_button = QPushButton("Open the &log entry")
        self.entry_button.setAccessibleName("Open the log entry")
        self.entry_button.setToolTip("The meeting as the leader log keeps it (Alt+L)")
        self.next_button = QPushButton("Open the &next agenda")
        self.next_button.setAccessibleName("Open the next meeting's agenda")
        self.next_button.setToolTip("Prepare the next one-on-one, with this one's leftovers on it (Alt+N)")
        self._entry_id: str | None = None
        self._next_id: str | None = None
        self.entry_button.clicked.connect(self._open_entry)
        self.next_button.clicked.connect(self._open_next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.entry_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.hide()

    def show_ended(self, ended: EndedMeeting, today: date) -> None:
        """ "Summary saved to the leader log · 2 items carried to Thu 10 Dec · 1 commitment kept"."""
        parts = ["Meeting ended. Summary saved to the leader log"]
        following = ended.next_meeting
        if following is None:
            parts.append("no next meeting: the series is paused")
        elif ended.carried:
            parts.append(f"{plural(len(ended.carried), 'item')} carried to {self._day(following, today)}")
        else:
            parts.append("nothing left over")
        if ended.kept:
            parts.append(f"{plural(len(ended.kept), 'commitment')} kept")
        if ended.made:
            parts.append(f"{plural(len(ended.made), 'new commitment')} agreed")
        self._show(" · ".join(parts), "", ended.entry_id, following)

    def show_closed(self, view: AgendaView, following: MeetingView | None, today: date) -> None:
        """A meeting opened after the fact: when it was held and where its record is, or why it did not happen."""
        if view.status is MeetingStatus.HELD:
            held = view.meeting.ended_at or view.meeting.scheduled_at
            message = (
                f"Held on {day_text(held.date(), today)} for {minutes_words(view.elapsed_seconds)}; "
                "its summary is in the leader log."
            )
        else:
            where = f" ({self._day(following, today)})" if following else ""
            message = f"{CLOSED_WORDS[view.status]}. Its open items go to the next meeting{where}."
        self._show(message, view.summary, view.entry_id, following)

    def _show(self, message: str, summary: str, entry_id: str | None, following: MeetingView | None) -> None:
        self.message.setText(message)
        self.message.setAccessibleName(message)
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self._entry_id = entry_id
        self._next_id = following.id if following else None
        self.entry_button.setVisible(entry_id is not None)
        self.next_button.setVisible(following is not None)
        self.show()

    def keys(self) -> list[str]:
        """The keys of the buttons on show, for the page's hint line."""
        shown = [
            (self.entry_button, "Alt+L opens the log entry"),
            (self.next_button, "Alt+N the next agenda"),
        ]
        return [words for button, words in shown if not button.isHidden()]

    def _open_entry(self) -> None:
        if self._entry_id is not None:
            self.entry_wanted.emit(self._entry_id)

    def _open_next(self) -> None:
        if self._next_id is not None:
            self.meeting_wanted.emit(self._next_id)

    @staticmethod
    def _day(meeting: MeetingView, today: date) -> str:
        return day_text(meeting.scheduled_at.date(), today)
