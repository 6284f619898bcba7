"""The Agent screen: one agent's workspace, their sessions on the left, the chosen one in full, the rest at a glance.

Every read goes through `context.load`, and every result carries the person (or entry) it was asked for: when the
manager has moved on to another agent before it arrives, it is dropped rather than shown under the wrong name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from coachdesk.models import CommitmentStatus
from coachdesk.services.commitments import CommitmentView
from coachdesk.services.log import EntryView
from coachdesk.services.workspace import AgentOverview, TimelinePage
from coachdesk.ui.agent.entry_html import EntryPage
from coachdesk.ui.agent.header import AgentHeader
from coachdesk.ui.agent.plan_tab import PlanTab
from coachdesk.ui.agent.side_panels import SidePanels
from coachdesk.ui.agent.timeline_delegate import TimelineDelegate
from coachdesk.ui.agent.timeline_model import ENTRY_ROLE, TimelineModel
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.kpi_chart.agent_tab import AgentKpis
from coachdesk.ui.page import Page
from coachdesk.ui.recognition.recognise_dialog import RecogniseDialog
from coachdesk.ui.widgets import column, muted

SPLITTER = "agent"
NO_AGENT = "Choose an agent on the Today or Team screen to open their workspace."
FOLLOWED_UP = {CommitmentStatus.DONE: "done", CommitmentStatus.MISSED: "missed"}


class AgentPage(Page):
    key = "agent"
    title = "Agent"
    topics = Topic.ALL

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.person_id: str | None = None
        self.entry_id: str | None = None
        self.overview: AgentOverview | None = None
        self._entry: EntryView | None = None
        self._seeking = False

        self.header = AgentHeader()
        self.header.show_loading("Agent")
        self.header.details.setText(NO_AGENT)
        self.header.new_session.clicked.connect(self._new_session)
        self.recognise = self.header.add_action(
            "&Recognise…", "Record recognition for good work", "Ctrl+R", self._recognise
        )
        self.review_pack = self.header.add_action(
            "Re&view pack…",
            "Make a review pack of this agent's evidence for performance reviews",
            "Ctrl+P",
            self._review_pack,
        )

        self.details = QTextBrowser()
        self.details.setAccessibleName("Session details")
        self.details.setOpenLinks(False)
        self.details.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.details.document().setDocumentMargin(12)

        self.model = TimelineModel()
        self.model.older_wanted.connect(self._load_older)
        self.timeline = QListView()
        self.timeline.setAccessibleName("Sessions, newest first")
        self.timeline.setModel(self.model)
        self.timeline.setItemDelegate(TimelineDelegate(self.model))
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setUniformItemSizes(True)
        self.timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.timeline.selectionModel().currentChanged.connect(self._on_current_changed)
        self.timeline.activated.connect(lambda _index: self._read_session())
        self.no_sessions = muted("")
        self.no_sessions.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.no_sessions.setAccessibleName("No sessions")
        self.timeline_stack = QStackedWidget()
        self.timeline_stack.addWidget(self.timeline)
        self.timeline_stack.addWidget(self.no_sessions)
        sessions_label = QLabel("&Sessions")
        sessions_label.setBuddy(self.timeline)
        sessions_label.setAccessibleName("Sessions")
        left = column(sessions_label, self.timeline_stack, spacing=6)

        self.panels = SidePanels()
        self.panels.commitments.followed_up.connect(self._follow_up)
        context.notices.failed.connect(self.panels.commitments.release_all)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Agent workspace")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.details, "S&ession")
        self.kpis = AgentKpis(context)
        self.kpis.session_chosen.connect(self._open_session)
        self.tabs.addTab(self.kpis, "&KPIs")
        self.plan_tab = PlanTab(context)
        self.tabs.addTab(self.plan_tab, "&Plan")
        self.kpis.setFocusProxy(self.kpis.choices)
        self.plan_tab.setFocusProxy(self.plan_tab.goals)
        self.tabs.currentChanged.connect(lambda _index: self.tabs.currentWidget().setFocus())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.panels)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 440, 330])
        if state := context.settings.splitter(SPLITTER):
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(
            lambda _pos, _index: context.settings.set_splitter(SPLITTER, self.splitter.saveState())
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.recognise, self.header.new_session)
        self.setTabOrder(self.header.new_session, self.timeline)
        self.setTabOrder(self.timeline, self.tabs)
        self.setTabOrder(self.tabs, self.panels)

    def show_agent(self, person_id: str, entry_id: str | None = None) -> None:
        """Shows one agent's workspace; with `entry_id`, that session is selected on the timeline."""
        if person_id != self.person_id:
            self._clear("Loading…")
        self.person_id = person_id
        self.entry_id = entry_id
        self.kpis.show_person(person_id)
        self.mark_stale()

    def refresh(self) -> None:
        person_id = self.person_id
        if person_id is None:
            return
        workspace = self.context.services.workspace
        self.context.load(self, lambda: workspace.overview(person_id), self._show_overview)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._entry is not None:
            self._show_entry(self._entry)

    # What arrives from the worker --------------------------------------

    def _show_overview(self, overview: AgentOverview) -> None:
        if overview.person.id != self.person_id:
            return
        self.overview = overview
        self.header.show_overview(overview)
        self.recognise.setEnabled(not overview.person.archived)
        self.review_pack.setEnabled(True)
        self.panels.show_overview(overview)
        self.plan_tab.show_person(overview.person.id)
        self.model.show_first_page(overview.person.id, overview.today, overview.timeline)
        first = overview.person.full_name.split()[0]
        if overview.timeline.entries:
            self.timeline_stack.setCurrentWidget(self.timeline)
            self._select_wanted()
        else:
            self.timeline_stack.setCurrentWidget(self.no_sessions)
            self.no_sessions.setText(f"No sessions with {first} yet.\n\nPress New session (Ctrl+N) to log the first.")
            self._entry = None
            self.details.clear()

    def _load_older(self, person_id: str, after: str) -> None:
        workspace = self.context.services.workspace
        self.context.load(
            self,
            lambda: workspace.timeline_page(person_id, after=after),
            lambda page: self._older_arrived(person_id, after, page),
        )

    def _older_arrived(self, person_id: str, after: str, page: TimelinePage) -> None:
        self.model.append_page(person_id, after, page)
        if self._seeking and person_id == self.person_id:
            self._select_wanted()

    def _show_entry(self, entry: EntryView) -> None:
        if entry.id != self.entry_id or self.overview is None:
            return
        self._entry = entry
        page = EntryPage(self.details.palette(), self.overview.today, self.overview.kpi_names)
        self.details.setHtml(page.html(entry))

    # Selection -----------------------------------------------------------

    def _select_wanted(self) -> None:
        """Selects the entry asked for, loading older pages until it turns up; otherwise the newest."""
        wanted = self.entry_id
        row = self.model.row_of(wanted) if wanted else 0
        if row is None and self.model.canFetchMore(QModelIndex()):
            self._seeking = True
            self.model.fetchMore(QModelIndex())
            return
        self._seeking = False
        if row is None:
            row = 0
        index = self.model.index(row, 0)
        self.timeline.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.timeline.scrollTo(index)

    def _on_current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: QModelIndex | QPersistentModelIndex
    ) -> None:
        entry = current.data(ENTRY_ROLE) if current.isValid() else None
        if entry is None:
            return
        entry_id: str = entry.id
        self.entry_id = entry_id
        log = self.context.services.log
        self.context.load(self, lambda: log.get(entry_id), self._show_entry)

    # Actions ---------------------------------------------------------------

    def _open_session(self, entry_id: str) -> None:
        self.entry_id = entry_id
        self._select_wanted()
        self._read_session()

    def _read_session(self) -> None:
        self.tabs.setCurrentWidget(self.details)
        self.details.setFocus()

    def _new_session(self) -> None:
        if self.person_id is not None:
            self.context.navigator.new_session(self.person_id)

    def _recognise(self) -> None:
        if self.overview is not None:
            person = self.overview.person
            RecogniseDialog(self.context, person.id, person.full_name, parent=self).open()

    def _review_pack(self) -> None:
        if self.overview is not None:
            self.context.navigator.review_pack(self.overview.person.id)

    def _follow_up(self, commitment: CommitmentView, status: CommitmentStatus) -> None:
        commitments = self.context.services.commitments
        self.context.change(
            self,
            lambda: commitments.follow_up(commitment.id, status),
            self._followed_up,
            Topic.COMMITMENTS,
        )

    def _followed_up(self, commitment: CommitmentView) -> None:
        self.panels.commitments.remove(commitment.id)
        self.context.navigator.show_saved(f"“{commitment.text}” marked {FOLLOWED_UP[commitment.status]}.")

    def _clear(self, message: str) -> None:
        self.overview = None
        self._entry = None
        self._seeking = False
        self.header.show_loading(message)
        self.recognise.setEnabled(False)
        self.review_pack.setEnabled(False)
        self.model.clear()
        self.panels.clear()
        self.details.clear()
        self.plan_tab.clear()
