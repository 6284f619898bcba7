"""Ending a meeting asks once, without a dialog in the way: a line for an optional summary, then Enter or Ctrl+E.

Esc keeps the meeting going, so a stray Ctrl+E never closes a meeting in mid-conversation.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from coachdesk.ui.widgets import muted


class EndingBar(QFrame):
    confirmed = Signal(str)
    """The summary line (possibly empty): end the meeting."""
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("End the meeting")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.summary = QLineEdit()
        self.summary.setAccessibleName("Summary for the leader log")
        self.summary.setPlaceholderText("A line for the leader log, if you like: how did it go overall?")
        label = QLabel("&Summary")
        label.setBuddy(self.summary)
        self.end_button = QPushButton("En&d meeting now")
        self.end_button.setAccessibleName("End meeting now")
        self.end_button.setToolTip("End the meeting (Enter or Ctrl+E)")
        self.end_button.setAutoDefault(False)
        self.keep_button = QPushButton("&Keep going")
        self.keep_button.setAccessibleName("Keep the meeting going")
        self.keep_button.setToolTip("Back to the agenda (Esc)")
        self.keep_button.setAutoDefault(False)
        question = QLabel("End the meeting? Its summary goes to the leader log and open items to the next meeting.")
        question.setWordWrap(True)
        question.setAccessibleName(question.text())
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.summary, 1)
        row.addWidget(self.end_button)
        row.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(question)
        layout.addLayout(row)
        layout.addWidget(muted("Enter or Ctrl+E ends it · Esc keeps the meeting going"))
        self.summary.returnPressed.connect(self.confirm)
        self.end_button.clicked.connect(self.confirm)
        self.keep_button.clicked.connect(self.cancel)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel)
        self.hide()

    def ask(self) -> None:
        self.show()
        self.summary.setFocus()

    def confirm(self) -> None:
        self.confirmed.emit(self.summary.text().strip())

    def cancel(self) -> None:
        """Says so before hiding, so the page can take the focus back first."""
        self.cancelled.emit()
        self.hide()

    def reset(self) -> None:
        self.summary.clear()
        self.hide()
