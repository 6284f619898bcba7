"""The top of an agent's page: who they are, where they sit, how their coaching stands, and "New session"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from coachdesk.services.workspace import AgentOverview
from coachdesk.ui.formatting import day_text, span_text, status_sentence
from coachdesk.ui.widgets import heading, muted, status_colour, titled_block


class AgentHeader(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.name = heading("Agent", 1.6)
        self.name.setAccessibleName("Agent name")
        self.details = muted("")
        self.details.setAccessibleName("Role, team and manager")
        self.status = QLabel()
        self.status.setAccessibleName("Coaching status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        self.new_session = QPushButton("&New session")
        self.new_session.setAccessibleName("New session")
        self.new_session.setDefault(False)
        self.new_session.setEnabled(False)
        self._overview: AgentOverview | None = None

        text = titled_block(self.name, self.status, self.details)
        self._actions = QHBoxLayout()
        self._actions.addWidget(self.new_session)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(text, 1)
        layout.addLayout(self._actions)
        layout.setAlignment(self._actions, Qt.AlignmentFlag.AlignTop)

    def add_action(self, text: str, tooltip: str, keys: str, act: Callable[[], object]) -> QPushButton:
        """Puts another of the page's actions beside "New session" (which stays last, nearest the corner), with its
        key; it is enabled once an agent is shown."""
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").removesuffix("…"))
        button.setToolTip(f"{tooltip} ({keys})")
        button.setEnabled(False)
        button.clicked.connect(act)
        self._actions.insertWidget(self._actions.count() - 1, button)
        QShortcut(QKeySequence(keys), self, button.click)
        return button

    def show_loading(self, message: str) -> None:
        self._overview = None
        self.name.setText(message)
        self.details.setText("")
        self.status.hide()
        self.new_session.setEnabled(False)

    def show_overview(self, overview: AgentOverview) -> None:
        self._overview = overview
        person = overview.person
        self.name.setText(person.full_name)
        self.name.setAccessibleName(f"Agent: {person.full_name}")
        parts = [person.role or ("Agent" if person.is_agent else "Manager")]
        if person.team_name:
            parts.append(person.team_name)
        if person.reports_to_name:
            parts.append(f"reports to {person.reports_to_name}")
        if person.start_date:
            parts.append(
                f"started {day_text(person.start_date, overview.today)}"
                f" ({span_text(person.start_date, overview.today)}, {person.tenure.value})"
            )
        if person.archived:
            parts.append("archived")
        self.details.setText(" · ".join(parts))
        self.details.setAccessibleName(self.details.text())
        first = person.full_name.split()[0]
        self.new_session.setToolTip(f"Log a new session with {first} (Ctrl+N)")
        self.new_session.setEnabled(not person.archived)
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._show_status()

    def _show_status(self) -> None:
        tracker = self._overview.tracker if self._overview else None
        if tracker is None:
            self.status.hide()
            return
        colour = status_colour(tracker.status, self.palette()).name()
        self.status.setText(status_sentence(tracker))
        self.status.setAccessibleName(f"Coaching status: {self.status.text()}")
        self.status.setStyleSheet(
            f"QLabel {{ color: {colour}; border: 1px solid {colour}; border-radius: 10px; padding: 2px 10px; }}"
        )
        self.status.show()
