"""The Mentoring screen: every pairing across teams and sites, one in full, and suggested pairings.

Suggestions match a mentee's growth areas to a mentor's strengths (services/mentor_matching.py says how); "Propose"
makes a proposed pairing, which is accepted once both agree, and ended when it has done its work. Sessions are logged
against an active pairing, and the mentee's feedback is recorded after each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout

from coachdesk.models import MentorshipStatus
from coachdesk.services import Services
from coachdesk.services.mentor_matching import Suggestion
from coachdesk.services.mentoring import Pairing, PairingDraft
from coachdesk.services.people import PersonView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.formatting import plural
from coachdesk.ui.mentoring.columns import PAIRING_COLUMNS, SUGGESTION_COLUMNS
from coachdesk.ui.mentoring.dialogs import FeedbackDialog, LogSessionDialog, NewPairingDialog
from coachdesk.ui.mentoring.pairing_panel import PairingPanel
from coachdesk.ui.page import Page
from coachdesk.ui.row_buttons import put_row_buttons
from coachdesk.ui.today.table_section import TableSection
from coachdesk.ui.widgets import heading, muted

SPLITTER = "mentoring"
PROPOSE_COLUMN = len(SUGGESTION_COLUMNS) - 1
NO_PAIRINGS = (
    "No mentoring pairings yet. Press New pairing… to pair a mentor with a mentee, or propose one of the "
    "suggestions below."
)
NO_SUGGESTIONS = (
    "No suggestions now. They come from KPIs below target, plan goals and coaching focuses on one side, and KPIs "
    "kept on target and recognition on the other."
)


@dataclass(frozen=True)
class MentoringData:
    pairings: list[Pairing]
    suggestions: list[Suggestion]
    people: list[PersonView]
    today: date


def mentoring_data(services: Services) -> MentoringData:
    return MentoringData(
        services.mentoring.pairings(),
        services.mentor_matching.suggestions(),
        services.people.list_people(),
        services.mentoring.today(),
    )


class MentoringPage(Page):
    key = "mentoring"
    title = "Mentoring"
    topics = frozenset({Topic.MENTORING, Topic.PEOPLE, Topic.KPIS, Topic.PLANS, Topic.RECOGNITION, Topic.LOG})

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.data: MentoringData | None = None
        self._chosen_id: str | None = None
        self.subtitle = muted("")
        self.subtitle.setAccessibleName("Pairings in numbers")
        self.new_pairing = QPushButton("&New pairing…")
        self.new_pairing.setAccessibleName("New pairing")
        self.new_pairing.setToolTip("Pair a mentor with a mentee (Insert)")
        self.new_pairing.setEnabled(False)
        self.new_pairing.clicked.connect(self._new_pairing)
        self.pairings = TableSection(
            "Pairings",
            PAIRING_COLUMNS,
            NO_PAIRINGS,
            person_of=lambda p: p.mentee.id,
            max_rows=None,
            single_click=False,
            sortable=True,
        )
        self.pairings.table.setToolTip("Enter or a double-click opens the mentee's page")
        self.pairings.table.opened.connect(context.navigator.open_agent)
        self.pairings.table.selectionModel().currentChanged.connect(self._on_chosen)
        self.panel = PairingPanel()
        self.panel.accept.clicked.connect(lambda: self._act("accept"))
        self.panel.end.clicked.connect(lambda: self._act("end"))
        self.panel.log_session.clicked.connect(self._log_session)
        self.panel.feedback.clicked.connect(self._give_feedback)
        for keys, button in (("Ctrl+L", self.panel.log_session), ("Insert", self.new_pairing)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(button.click)
        self.suggestions = TableSection(
            "Suggested pairings",
            SUGGESTION_COLUMNS,
            NO_SUGGESTIONS,
            person_of=lambda s: s.mentee.id,
            single_click=False,
        )
        self.suggestions.table.setToolTip("Enter or a double-click opens the mentee's page; Propose makes a pairing")
        self.suggestions.table.opened.connect(context.navigator.open_agent)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.pairings)
        self.splitter.addWidget(self.panel)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 460])
        if state := context.settings.splitter(SPLITTER):
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(
            lambda _pos, _index: context.settings.set_splitter(SPLITTER, self.splitter.saveState())
        )
        top = QHBoxLayout()
        top.addWidget(heading(self.title), 1)
        top.addWidget(self.new_pairing, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.splitter, 3)
        layout.addWidget(self.suggestions, 2)

    def refresh(self) -> None:
        services = self.context.services
        self.context.load(self, lambda: mentoring_data(services), self._show)

    def _show(self, data: MentoringData) -> None:
        self.data = data
        self.new_pairing.setEnabled(True)
        pairings = data.pairings
        counts = {status: sum(p.status is status for p in pairings) for status in MentorshipStatus}
        self.subtitle.setText(
            f"Mentors and mentees across teams and sites · {plural(len(pairings), 'pairing')}: "
            f"{counts[MentorshipStatus.ACTIVE]} active, {counts[MentorshipStatus.PROPOSED]} proposed, "
            f"{counts[MentorshipStatus.ENDED]} ended"
        )
        self.pairings.show_rows(pairings, "Pairings")
        self._choose(self._chosen_id)
        self.suggestions.show_rows(data.suggestions, f"Suggested pairings — {len(data.suggestions)}")
        put_row_buttons(
            self.suggestions.table,
            PROPOSE_COLUMN,
            data.suggestions,
            text="Propose",
            name=lambda s: f"Propose {s.mentor.name} as {s.mentee.name}'s mentor",
            act=self.propose,
        )

    def _choose(self, pairing_id: str | None) -> None:
        """Selects the pairing (the first when it is gone or none was chosen) and shows it beside the list."""
        model, table = self.pairings.model, self.pairings.table
        rows = model.rows
        row = next((i for i, p in enumerate(rows) if p.id == pairing_id), 0)
        if rows:
            table.setCurrentIndex(model.index(row, 0))
        self.panel.show_pairing(rows[row] if rows else None)

    def _on_chosen(self, current: QModelIndex | QPersistentModelIndex, _previous: object) -> None:
        if current.isValid():
            pairing: Pairing = self.pairings.model.row_at(current)
            self._chosen_id = pairing.id
            self.panel.show_pairing(pairing)

    # Actions -------------------------------------------------------------

    def propose(self, suggestion: Suggestion) -> None:
        mentoring = self.context.services.mentoring
        draft = PairingDraft(suggestion.mentor.id, suggestion.mentee.id, suggestion.scope, suggestion.reason)
        self.context.change(self, lambda: mentoring.create(draft, proposed=True), self._proposed, Topic.MENTORING)

    def _proposed(self, pairing: Pairing) -> None:
        self._chosen_id = pairing.id
        self.context.navigator.show_saved(
            f"Proposed: {pairing.mentor.name} to mentor {pairing.mentee.name}. Accept it once both agree."
        )

    def _act(self, action: str) -> None:
        pairing = self.panel.pairing
        if pairing is None:
            return
        mentoring = self.context.services.mentoring
        work = {"accept": mentoring.accept, "end": mentoring.end}[action]
        done = {"accept": "is active", "end": "has ended"}[action]
        self.context.change(
            self,
            lambda: work(pairing.id),
            lambda result: self.context.navigator.show_saved(
                f"{result.mentor.name} mentoring {result.mentee.name} {done}."
            ),
            Topic.MENTORING,
        )

    def _new_pairing(self) -> None:
        if self.data is not None:
            NewPairingDialog(self.context, self.data.people, self.data.today, parent=self).open()

    def _log_session(self) -> None:
        pairing = self.panel.pairing
        if self.data is not None and pairing is not None and pairing.status is MentorshipStatus.ACTIVE:
            LogSessionDialog(self.context, pairing, self.data.today, parent=self).open()

    def _give_feedback(self) -> None:
        pairing, session = self.panel.pairing, self.panel.session_for_feedback()
        if pairing is not None and session is not None:
            FeedbackDialog(self.context, pairing, session, parent=self).open()
