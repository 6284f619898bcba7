"""The main window: a sidebar of screens, the screen itself, and a status bar that says where the notebook is.

The notebook opens on the worker; until it has, the window shows that it is opening (or, if the file is refused,
why). Once open, the window builds the screens and hands each the same `UiContext`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
)

from coachdesk.config import APP_NAME
from coachdesk.drafts import DraftStore
from coachdesk.errors import CoachDeskError
from coachdesk.ui.column_memory import remember_column_widths
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.reminders import Reminders
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import TaskRunner
from coachdesk.ui.widgets import column, heading, muted

if TYPE_CHECKING:
    from coachdesk.services import Services
    from coachdesk.services.base import Clock
    from coachdesk.ui.context import UiContext
    from coachdesk.ui.editor.dialog import SessionEditor
    from coachdesk.ui.page import Page
    from coachdesk.ui.sync.desk import SyncDesk

TODAY, AGENT, AGENDA, SEARCH, ONE_ON_ONES = "today", "agent", "agenda", "search", "one_on_ones"
NOT_REMEMBERED = (AGENT, AGENDA)
"""Pages about one record: the window does not reopen them on the next start."""
SAVED = "All changes saved"


@dataclass(frozen=True)
class Opened:
    services: Services
    drafts: list[str]
    meeting_in_progress: str | None
    """A one-on-one left running (the app closed or crashed mid-meeting): it reopens where it was."""


class MainWindow(QMainWindow):
    notebook_opened = Signal()
    """The screens are built and the notebook is ready to work in."""

    def __init__(
        self,
        tasks: TaskRunner,
        errors: ErrorReporter,
        notebook_file: Path,
        settings: UiSettings,
        *,
        clock: Clock = datetime.now,
        sync_tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__()
        self._tasks = tasks
        self._sync_tasks = sync_tasks or tasks
        self._errors = errors
        self._settings = settings
        self._clock = clock
        self._notebook_file = notebook_file
        self.drafts = DraftStore(notebook_file.parent / "drafts")
        self.services: Services | None = None
        self.context: UiContext | None = None
        self.pages: dict[str, Page] = {}
        self.editors: list[SessionEditor] = []
        self.reminders: Reminders | None = None
        self.sync: SyncDesk | None = None
        self._history: list[tuple[str, str | None]] = []
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName("CoachDesk main window")
        self.resize(1200, 780)
        self.heading = heading("Opening your notebook…", 1.8)
        self.heading.setAccessibleName("Notebook status")
        self.details = muted("")
        self.details.setAccessibleName("Notebook details")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Screens")
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 7px 10px; }")
        sidebar_font = QFont(self.sidebar.font())
        sidebar_font.setPointSizeF(sidebar_font.pointSizeF() * 1.15)
        self.sidebar.setFont(sidebar_font)
        hint = muted("Ctrl+N  new session\nCtrl+F  search\nAlt+←  back")
        hint.setAccessibleName("Keyboard shortcuts")
        self.stack = QStackedWidget()
        self.stack.addWidget(column(self.heading, self.details, margin=48, stretch=True))
        self.splitter = QSplitter()
        self.splitter.addWidget(column(heading(APP_NAME, 1.3), self.sidebar, hint, margin=10, spacing=10))
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 1020])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.where = QLabel(f"Notebook: {notebook_file}")
        self.where.setAccessibleName("Notebook file")
        self.resume_button = QPushButton("")
        self.resume_button.setAccessibleName("Resume unfinished sessions")
        self.resume_button.setFlat(True)
        self.resume_button.hide()
        self.resume_button.clicked.connect(self.resume_drafts)
        self.save_state = QLabel("")
        self.save_state.setAccessibleName("Save state")
        self.statusBar().addWidget(self.where, 1)
        self.statusBar().addPermanentWidget(self.resume_button)
        self.statusBar().addPermanentWidget(self.save_state)
        self._restore_layout()

    # Opening and closing -------------------------------------------------

    def open_notebook(self) -> None:
        """Opens (creating or upgrading) the notebook on the worker, so a slow disk never freezes the window."""
        self._tasks.submit(self._open, self._show_ready, self._show_refused)

    def close_notebook(self) -> None:
        if self.services is not None:
            self.services.notebook.close()
            self.services = None

    def _open(self) -> Opened:
        """On the worker: loads the screens' code (and with it the service layer), then opens the notebook."""
        from coachdesk.storage import open_notebook
        from coachdesk.ui import screens

        services = screens.build_services(open_notebook(self._notebook_file), self._clock)
        running = services.agenda.in_progress()
        return Opened(services, self.drafts.keys(), running.id if running else None)

    def _show_ready(self, opened: Opened) -> None:
        from coachdesk.ui import screens

        self.services = opened.services
        notices = screens.ChangeNotices(self)
        notices.saving.connect(lambda: self.save_state.setText("Saving…"))
        notices.changed.connect(lambda _topics: self.save_state.setText(SAVED))
        notices.failed.connect(lambda: self.save_state.setText("Not saved"))
        self.context = screens.UiContext(opened.services, self._tasks, self._errors, notices, self._settings, self)
        self.reminders = Reminders(self.context, self)
        self._build_menu(self.reminders)
        self.sync = screens.SyncDesk(self, self.context, self._sync_tasks, self._clock)
        self.statusBar().insertPermanentWidget(1, self.sync.status_button)
        for page_type in (*screens.SIDEBAR_PAGES, screens.AgentPage, screens.AgendaPage):
            page = page_type(self.context)
            remember_column_widths(page, page.key, self._settings)
            self.pages[page.key] = page
            self.stack.addWidget(page)
        one_on_ones = self.pages[ONE_ON_ONES]
        if isinstance(one_on_ones, screens.OneOnOnesPage):
            one_on_ones.start_requested.connect(self.open_meeting)
        for number, page_type in enumerate(screens.SIDEBAR_PAGES, start=1):
            item = QListWidgetItem(page_type.title)
            item.setData(Qt.ItemDataRole.UserRole, page_type.key)
            item.setToolTip(f"{page_type.title} (Ctrl+{number})")
            self.sidebar.addItem(item)
            self._shortcut(f"Ctrl+{number}", lambda key=page_type.key: self.show_page(key))
        self.sidebar.currentItemChanged.connect(self._on_sidebar)
        self.sidebar.itemClicked.connect(self._on_sidebar)
        self._shortcut(QKeySequence.StandardKey.Find, self.search)
        self._shortcut(QKeySequence.StandardKey.Back, self.go_back)
        self._shortcut(QKeySequence.StandardKey.Refresh, self._refresh_current)
        self.save_state.setText(SAVED)
        self.show_page(self._settings.last_view() or TODAY)
        if opened.meeting_in_progress is not None:
            self.open_meeting(opened.meeting_in_progress)
        self._resume(opened.drafts)
        self.notebook_opened.emit()

    def resume_drafts(self) -> None:
        """Reopens every unfinished session that is not already open in an editor."""
        self._tasks.submit(self.drafts.keys, self._resume, lambda error: self._errors.show(self, error))

    def _resume(self, keys: list[str]) -> None:
        if self.context is None:
            return
        open_keys = {editor.draft_key for editor in self.editors}
        for key in keys:
            if key not in open_keys:
                self._open_editor(self._editor_type().restore(self.context, self.drafts, key))
        self.resume_button.hide()

    def _count_waiting_drafts(self) -> None:
        self._tasks.submit(self.drafts.keys, self._show_waiting_drafts, lambda error: self._errors.show(self, error))

    def _show_waiting_drafts(self, keys: list[str]) -> None:
        waiting = len(set(keys) - {editor.draft_key for editor in self.editors})
        self.resume_button.setText(f"Resume unfinished session{'s' if waiting > 1 else ''} ({waiting})")
        self.resume_button.setVisible(waiting > 0)

    def _show_refused(self, error: BaseException) -> None:
        self.heading.setText("The notebook could not be opened")
        self.details.setText(self._errors.message_for(error))
        self.where.setText("No notebook open")
        if not isinstance(error, CoachDeskError):
            self._errors.show(self, error)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Keeps every unsaved session as a draft, so closing mid-entry loses nothing."""
        for editor in list(self.editors):
            editor.keep_draft_and_close()
        if self.reminders is not None:
            self.reminders.stop()
        if self.sync is not None:
            self.sync.stop()
        self._settings.set_geometry(self.saveGeometry())
        self._settings.set_window_state(self.saveState())
        self._settings.set_splitter("main", self.splitter.saveState())
        self._settings.sync()
        super().closeEvent(event)

    # Navigation ----------------------------------------------------------

    def show_page(self, key: str) -> None:
        page = self.pages.get(key) or self.pages[TODAY]
        if key not in NOT_REMEMBERED:
            self._settings.set_last_view(page.key)
        current = self._current_page()
        if current is not None and current is not page:
            self._history.append((current.key, getattr(current, "person_id", None)))
        self.stack.setCurrentWidget(page)
        self._select_in_sidebar(page.key)

    def open_agent(self, person_id: str) -> None:
        self._show_agent(person_id, None)

    def open_entry(self, entry_id: str) -> None:
        services = self._require_services()
        self._tasks.submit(
            lambda: services.log.get(entry_id),
            lambda entry: self._show_agent(entry.agents[0][0], entry.id),
            lambda error: self._errors.show(self, error),
        )

    def open_plan(self, person_id: str) -> None:
        from coachdesk.ui import screens

        page = self.pages[AGENT]
        assert isinstance(page, screens.AgentPage)
        self._show_agent(person_id, None)
        page.tabs.setCurrentWidget(page.plan_tab)

    def open_meeting(self, meeting_id: str) -> None:
        """Opens a one-on-one in the agenda view: prepared before it starts, running once started."""
        from coachdesk.ui import screens

        page = self.pages.get(AGENDA)
        if isinstance(page, screens.AgendaPage):
            page.show_meeting(meeting_id)
            self.show_page(AGENDA)

    def review_pack(self, person_id: str) -> None:
        """The Review packs screen with this agent chosen, over the default period."""
        from coachdesk.ui import screens

        page = self.pages[screens.ReviewPacksPage.key]
        assert isinstance(page, screens.ReviewPacksPage)
        page.choose_agent(person_id)
        self.show_page(page.key)

    def new_session(self, agent_id: str | None = None) -> None:
        if self.context is None:
            return
        self._open_editor(self._editor_type()(self.context, self.drafts, agent_id=agent_id))

    def show_saved(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def import_kpis(self) -> None:
        """Opens the import on the KPIs screen, so the imported values are in view when it closes."""
        from coachdesk.ui import screens

        page = self.pages.get(screens.KpisPage.key)
        if isinstance(page, screens.KpisPage):
            self.show_page(page.key)
            page.import_values()

    def search(self) -> None:
        from coachdesk.ui import screens

        page = self.pages.get(SEARCH)
        if isinstance(page, screens.SearchPage):
            self.show_page(SEARCH)
            page.focus_box()

    def go_back(self) -> None:
        if not self._history:
            return
        key, person_id = self._history.pop()
        if key == AGENT and person_id:
            self._show_agent(person_id, None, remember=False)
        else:
            page = self.pages[key]
            self.stack.setCurrentWidget(page)
            self._select_in_sidebar(key)

    def _show_agent(self, person_id: str, entry_id: str | None, *, remember: bool = True) -> None:
        from coachdesk.ui import screens

        page = self.pages[AGENT]
        assert isinstance(page, screens.AgentPage)
        if remember:
            self.show_page(AGENT)
        else:
            self.stack.setCurrentWidget(page)
            self._select_in_sidebar(AGENT)
        page.show_agent(person_id, entry_id)

    def _open_editor(self, editor: SessionEditor) -> None:
        self.editors.append(editor)
        editor.finished.connect(lambda _result, e=editor: self._editor_closed(e))
        editor.show()
        editor.raise_()
        editor.activateWindow()

    def _editor_closed(self, editor: SessionEditor) -> None:
        self.editors.remove(editor)
        self._count_waiting_drafts()

    def _build_menu(self, reminders: Reminders) -> None:
        menu = self.menuBar().addMenu("&File")
        new = menu.addAction("&New session", QKeySequence.StandardKey.New, self.new_session)
        import_kpis = menu.addAction("&Import KPI values…", QKeySequence("Ctrl+I"), self.import_kpis)
        menu.addAction("&Reminders…", reminders.edit_settings)
        menu.addSeparator()
        quit_action = menu.addAction("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.addActions([new, import_kpis, quit_action])

    def _on_sidebar(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            key = item.data(Qt.ItemDataRole.UserRole)
            if self.stack.currentWidget() is not self.pages.get(key):
                self.show_page(key)

    def _select_in_sidebar(self, key: str) -> None:
        """Marks the screen in the sidebar. A screen not listed there (an agent, a meeting) clears the mark but keeps
        the current item, so focus entering the list never makes Qt pick an item and leave the page."""
        rows = [
            row for row in range(self.sidebar.count()) if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key
        ]
        self.sidebar.blockSignals(True)
        if rows:
            self.sidebar.setCurrentRow(rows[0])
        else:
            self.sidebar.clearSelection()
        self.sidebar.blockSignals(False)

    def _refresh_current(self) -> None:
        current = self._current_page()
        if current is not None:
            current.mark_stale()

    def _current_page(self) -> Page | None:
        shown = self.stack.currentWidget()
        return next((page for page in self.pages.values() if page is shown), None)

    @staticmethod
    def _editor_type() -> type[SessionEditor]:
        from coachdesk.ui import screens

        return screens.SessionEditor

    def _require_services(self) -> Services:
        if self.services is None:
            raise CoachDeskError("The notebook is not open yet.")
        return self.services

    def _shortcut(self, keys: str | QKeySequence | QKeySequence.StandardKey, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.activated.connect(slot)

    def _restore_layout(self) -> None:
        if geometry := self._settings.geometry():
            self.restoreGeometry(geometry)
        if state := self._settings.window_state():
            self.restoreState(state)
        if splitter := self._settings.splitter("main"):
            self.splitter.restoreState(splitter)
