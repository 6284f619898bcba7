"""The top of the agenda view: with whom and when, how the meeting stands, its running time, Start and End."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coachdesk.models import MeetingStatus
from coachdesk.services.agenda import AgendaView
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.agenda.item_words import clock_text
from coachdesk.ui.formatting import day_text, moment_text
from coachdesk.ui.today.columns import MEETING_STATUS_COLOURS
from coachdesk.ui.today.wording import MEETING_STATUS_WORDS
from coachdesk.ui.widgets import heading, muted, status_colour, titled_block

STATUS_COLOURS = {**MEETING_STATUS_COLOURS, MeetingStatus.IN_PROGRESS: CoachingStatus.ON_TRACK}
END = "&End meeting…"
END_AGAIN = "Press Ctrl+E again to end"


class AgendaHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = heading("One-on-one", 1.6)
        self.name.setAccessibleName("One-on-one")
        self.status = QLabel()
        self.status.setAccessibleName("Meeting status")
        self.status.hide()
        self.details = muted("")
        self.details.setAccessibleName("Manager, time and last meeting")
        self.timer = QLabel("")
        self.timer.setAccessibleName("Time in the meeting")
        self.timer.setToolTip("Time in the meeting; the time spent on each item shows beside it in the agenda")
        timer_font = QFont(self.timer.font())
        timer_font.setPointSizeF(timer_font.pointSizeF() * 1.8)
        timer_font.setStyleHint(QFont.StyleHint.Monospace)
        timer_font.setFeature(QFont.Tag("tnum"), 1)
        self.timer.setFont(timer_font)
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.planned = muted("")
        self.planned.setAccessibleName("Planned length")
        self.planned.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.planned.setWordWrap(False)
        self.start = QPushButton("&Start meeting")
        self.start.setAccessibleName("Start meeting")
        self.start.setToolTip("Start the meeting and its timer (Ctrl+Return)")
        self.end = QPushButton(END)
        self.end.setAccessibleName("End meeting")
        self.end.setToolTip("End the meeting: its summary goes to the leader log, open items to the next (Ctrl+E)")
        self._view: AgendaView | None = None
        self._seconds = 0

        text = titled_block(self.name, self.status, self.details)
        clock = QVBoxLayout()
        clock.setSpacing(0)
        clock.addWidget(self.timer)
        clock.addWidget(self.planned)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(text, 1)
        layout.addLayout(clock)
        layout.addWidget(self.start, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.end, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_loading(self) -> None:
        self._view = None
        self.name.setText("One-on-one")
        self.details.setText("Loading the agenda…")
        for widget in (self.status, self.timer, self.planned, self.start, self.end):
            widget.hide()

    def show_view(self, view: AgendaView, today: date) -> None:
        self._view = view
        name = f"One-on-one with {view.report_name}"
        self.name.setText(name)
        self.name.setAccessibleName(name)
        meeting = view.meeting
        parts = [f"Manager: {view.manager_name}", f"{moment_text(meeting.scheduled_at, today)}"]
        if view.last_held_at is not None:
            parts.append(f"last met {day_text(view.last_held_at.date(), today)}")
        else:
            parts.append("their first one-on-one")
        self.details.setText(" · ".join(parts))
        self.details.setAccessibleName(self.details.text())
        running = view.status is MeetingStatus.IN_PROGRESS
        self.start.setVisible(view.status is MeetingStatus.SCHEDULED)
        self.end.setVisible(running)
        self.timer.setVisible(running or view.status is MeetingStatus.HELD)
        self.planned.setVisible(self.timer.isVisible())
        self.planned.setText(f"of {meeting.duration_minutes} min planned")
        self.set_time(view.elapsed_seconds)
        self._show_status()

    def set_time(self, seconds: int) -> None:
        """The meeting's running time, in amber once it runs over the planned length."""
        self._seconds = seconds
        self.timer.setText(clock_text(seconds))
        self.timer.setAccessibleName(f"Time in the meeting: {clock_text(seconds)}")
        over = self._view is not None and seconds > self._view.meeting.duration_minutes * 60
        colour = status_colour(CoachingStatus.DUE_SOON, self.palette()).name() if over else ""
        self.timer.setStyleSheet(f"QLabel {{ color: {colour}; }}" if colour else "")

    def set_confirming(self, confirming: bool) -> None:
        self.end.setText(END_AGAIN if confirming else END)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._view is not None:
            self._show_status()
            self.set_time(self._seconds)

    def _show_status(self) -> None:
        if self._view is None:
            return
        status = self._view.status
        words = MEETING_STATUS_WORDS[status]
        colour_status = STATUS_COLOURS.get(status)
        colour = status_colour(colour_status, self.palette()).name() if colour_status else None
        border = colour or self.palette().placeholderText().color().name()
        self.status.setText(words)
        self.status.setAccessibleName(f"Meeting status: {words}")
        self.status.setStyleSheet(
            f"QLabel {{ {f'color: {colour};' if colour else ''} border: 1px solid {border}; border-radius: 10px; "
            "padding: 2px 10px; }"
        )
        self.status.show()
