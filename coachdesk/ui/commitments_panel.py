"""Open commitments in the agent's coaching, each with one-click "Done" and "Missed"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coachdesk.models import CommitmentStatus
from coachdesk.services.commitments import CommitmentView
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.formatting import due_text
from coachdesk.ui.section import Section
from coachdesk.ui.widgets import muted, status_colour


class CommitmentLine(QWidget):
    followed_up = Signal(object, object)
    """(CommitmentView, CommitmentStatus): the manager clicked "Done" or "Missed"."""

    def __init__(self, commitment: CommitmentView, today: date) -> None:
        super().__init__()
        self.commitment = commitment
        due = due_text(commitment.due_on, today)
        self.setAccessibleName(f"{commitment.text}, {commitment.owner_name}, {due}")
        text = QLabel(commitment.text)
        text.setWordWrap(True)
        text.setAccessibleName(commitment.text)
        self.meta = muted(f"{commitment.owner_name} · {due}")
        self.done = QPushButton("Done")
        self.done.setAccessibleName(f"Mark “{commitment.text}” done")
        self.done.setToolTip("Kept: mark it done")
        self.missed = QPushButton("Missed")
        self.missed.setAccessibleName(f"Mark “{commitment.text}” missed")
        self.missed.setToolTip("Not kept: mark it missed")
        for button, status in ((self.done, CommitmentStatus.DONE), (self.missed, CommitmentStatus.MISSED)):
            button.clicked.connect(lambda _checked=False, s=status: self._follow_up(s))
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.meta, 1)
        actions.addWidget(self.done)
        actions.addWidget(self.missed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(text)
        layout.addLayout(actions)
        self._colour_overdue()

    def set_busy(self, busy: bool) -> None:
        self.done.setEnabled(not busy)
        self.missed.setEnabled(not busy)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_overdue()

    def _colour_overdue(self) -> None:
        if self.commitment.overdue:
            palette = self.meta.palette()
            palette.setColor(QPalette.ColorRole.WindowText, status_colour(CoachingStatus.OVERDUE, self.palette()))
            self.meta.setPalette(palette)
            self.meta.setForegroundRole(QPalette.ColorRole.WindowText)

    def _follow_up(self, status: CommitmentStatus) -> None:
        self.set_busy(True)
        self.followed_up.emit(self.commitment, status)


class CommitmentsSection(Section):
    followed_up = Signal(object, object)
    """(CommitmentView, CommitmentStatus), passed on from a line."""

    def __init__(self) -> None:
        super().__init__("Open commitments")

    def show_commitments(self, commitments: tuple[CommitmentView, ...], today: date, first_name: str) -> None:
        lines = [CommitmentLine(c, today) for c in commitments]
        for line in lines:
            line.followed_up.connect(self.followed_up)
        self.set_lines(
            lines, f"Nothing open. Next steps agreed with {first_name} in a session appear here to follow up."
        )
        self._count_in_title()

    def clear(self) -> None:
        super().clear()
        self._count_in_title()

    def remove(self, commitment_id: str) -> None:
        """Takes a followed-up line off the list at once, before the page reloads."""
        for line in self.open_lines():
            if line.commitment.id == commitment_id:
                self.remove_line(line)
        self._count_in_title()

    def open_lines(self) -> list[CommitmentLine]:
        return [line for line in self.lines() if isinstance(line, CommitmentLine)]

    def _count_in_title(self) -> None:
        count = len(self.open_lines())
        self.set_title(f"Open commitments ({count})" if count else "Open commitments")

    def release_all(self) -> None:
        """Makes every line clickable again: a save failed, and the error says which."""
        for line in self.open_lines():
            line.set_busy(False)
