"""One pairing in full beside the list: who with whom and from where, its scope, goals and dates, the actions its
state allows, and its sessions with the mentee's feedback on each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coachdesk.models import MentorshipStatus
from coachdesk.services.mentoring import MentoringSession, Pairing, Side
from coachdesk.ui.formatting import plural
from coachdesk.ui.mentoring.columns import SESSION_COLUMNS, STATUS_WORDS, span_words
from coachdesk.ui.today.table_section import TableSection, section_heading, set_heading
from coachdesk.ui.widgets import muted

NO_CHOICE = "Choose a pairing to see its goals, sessions and the mentee's feedback."
NO_SESSIONS = "No mentoring sessions logged yet. After they meet, press Log session… (Ctrl+L)."


def side_words(side: Side) -> str:
    return f"{side.name} ({side.where})" if side.where else side.name


def plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PairingPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Chosen pairing")
        self.pairing: Pairing | None = None
        self.title = section_heading("Pairing")
        self.where = muted(NO_CHOICE)
        self.scope = plain()
        self.goals = plain()
        self.dates = muted("")
        self.accept = QPushButton("&Accept")
        self.accept.setToolTip("Both have agreed: the pairing becomes active")
        self.end = QPushButton("En&d pairing")
        self.log_session = QPushButton("&Log session…")
        self.log_session.setToolTip("Log a mentoring session of this pairing (Ctrl+L)")
        self.feedback = QPushButton("Give &feedback…")
        self.feedback.setToolTip("The mentee's rating and comment on the chosen session (or the latest without one)")
        actions = QHBoxLayout()
        for button in (self.accept, self.end, self.log_session, self.feedback):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            actions.addWidget(button)
        actions.addStretch(1)
        self.sessions = TableSection("Sessions", SESSION_COLUMNS, NO_SESSIONS, single_click=False, max_rows=6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.where, self.scope, self.goals, self.dates):
            layout.addWidget(widget)
        layout.addLayout(actions)
        layout.addWidget(self.sessions)
        layout.addStretch(1)
        self.show_pairing(None)

    def show_pairing(self, pairing: Pairing | None) -> None:
        self.pairing = pairing
        for widget in (self.scope, self.goals, self.dates, self.sessions):
            widget.setVisible(pairing is not None)
        if pairing is None:
            set_heading(self.title, "Pairing")
            self.where.setText(NO_CHOICE)
            for button in (self.accept, self.end, self.log_session, self.feedback):
                button.setEnabled(False)
            return
        set_heading(self.title, f"{pairing.mentor.name} mentoring {pairing.mentee.name}")
        crossing = f" · {pairing.crosses}" if pairing.crosses else ""
        self.where.setText(f"{side_words(pairing.mentor)} → {side_words(pairing.mentee)}{crossing}")
        self.scope.setText(f"Scope: {pairing.scope or 'not written down yet'}")
        self.goals.setText(f"Goals: {pairing.goals or 'not written down yet'}")
        self.dates.setText(f"{STATUS_WORDS[pairing.status]} · {span_words(pairing)}")
        self.accept.setEnabled(pairing.status is MentorshipStatus.PROPOSED)
        self.end.setEnabled(pairing.status is not MentorshipStatus.ENDED)
        self.log_session.setEnabled(pairing.status is MentorshipStatus.ACTIVE)
        self.feedback.setEnabled(bool(pairing.sessions))
        rated = sum(s.has_feedback for s in pairing.sessions)
        self.sessions.show_rows(
            pairing.sessions,
            f"Sessions — {plural(len(pairing.sessions), 'session')}, {rated} with the mentee's feedback",
        )

    def session_for_feedback(self) -> MentoringSession | None:
        """The chosen session, or else the latest one still without feedback, or else the latest."""
        if self.pairing is None or not self.pairing.sessions:
            return None
        current = self.sessions.table.currentIndex()
        if current.isValid():
            chosen: MentoringSession = self.sessions.model.row_at(current)
            return chosen
        waiting = [s for s in self.pairing.sessions if not s.has_feedback]
        return (waiting or list(self.pairing.sessions))[0]
