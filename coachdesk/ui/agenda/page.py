"""The agenda view: a one-on-one prepared, run item by item, and ended into the leader log, all by keyboard.

Before the meeting it shows the prepared agenda, to add talking points and set the order. Once started, a clock
runs for the meeting and for the item on screen; the times are kept in the notebook every few seconds, whenever
another item is chosen and when the page is left, so a crash or a closed lid loses at most a few seconds and the
meeting resumes where it was. Ending it writes the leader-log entry and carries what is left to the next meeting.
A meeting that is over opens read-only.

Every write carries the meeting it was made for: a result arriving after the manager has opened another meeting is
dropped, never shown under the wrong name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from itertools import pairwise
from typing import TypeVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.models import MeetingStatus
from coachdesk.services.agenda import AgendaEntry, AgendaView, EndedMeeting
from coachdesk.services.agenda_goals import GoalWorkedOn
from coachdesk.ui.agenda.agenda_data import AgendaData, load_agenda
from coachdesk.ui.agenda.agenda_list import AgendaList
from coachdesk.ui.agenda.agenda_model import ENTRY_ROLE, AgendaModel
from coachdesk.ui.agenda.capture_bar import CaptureBar
from coachdesk.ui.agenda.ending_bar import EndingBar
from coachdesk.ui.agenda.goals_panel import GoalsPanel
from coachdesk.ui.agenda.header import AgendaHeader
from coachdesk.ui.agenda.meeting_clock import MeetingClock
from coachdesk.ui.agenda.notes_panel import NotesPanel
from coachdesk.ui.agenda.outcome_panel import OutcomePanel
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.page import EmptyOrContent, Page
from coachdesk.ui.today.empty_state import empty_state
from coachdesk.ui.widgets import muted

T = TypeVar("T")

SPLITTER = "agenda"
SAVE_EVERY_SECONDS = 10
"""How often the running times are kept in the notebook: the most a crash can lose."""

HINTS = {
    MeetingStatus.SCHEDULED: (
        "↑↓ choose an item · Ctrl+↑/↓ move it · Ctrl+T add a talking point · Ctrl+Shift+P private · "
        "Ctrl+Return start the meeting"
    ),
    MeetingStatus.IN_PROGRESS: (
        "↑↓ choose · Space tick · Enter notes, Esc back · Ctrl+↑/↓ move · Ctrl+D defer · Ctrl+Shift+P private · "
        "Ctrl+K commitment · Ctrl+R recognition · Ctrl+T talking point · Alt+P plan goals · Ctrl+E end"
    ),
}
CLOSED_HINT = "↑↓ choose an item to read its notes"
NOTES_PLACEHOLDERS = {
    MeetingStatus.SCHEDULED: "Notes are written during the meeting: start it with Ctrl+Return.",
    MeetingStatus.IN_PROGRESS: "What was said and agreed on this item. Esc goes back to the agenda.",
}
CLOSED_NOTES = "No notes were written on this item."
NO_ITEMS = "Nothing on the agenda yet. Add a talking point with Ctrl+T."

PAGE_KEYS = {
    "ctrl+up": "Ctrl+Up",
    "ctrl+down": "Ctrl+Down",
    "defer": "Ctrl+D",
    "private": "Ctrl+Shift+P",
    "commitment": "Ctrl+K",
    "recognition": "Ctrl+R",
    "talking_point": "Ctrl+T",
    "start": "Ctrl+Return",
    "start_keypad": "Ctrl+Enter",
    "end": "Ctrl+E",
}


class AgendaPage(Page):
    key = "agenda"
    title = "One-on-one"
    topics = frozenset({Topic.MEETINGS, Topic.COMMITMENTS, Topic.PEOPLE})

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.meeting_id: str | None = None
        self.data: AgendaData | None = None
        self.ended: EndedMeeting | None = None
        self._prepare = False
        self._current_id: str | None = None
        self._wanted_id: str | None = None
        self._moves = 0
        self.clock = MeetingClock()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.count_second)

        self.header = AgendaHeader()
        self.header.start.clicked.connect(self.start_meeting)
        self.header.end.clicked.connect(self.end_meeting)
        self.ending = EndingBar()
        self.ending.confirmed.connect(self._end)
        self.ending.cancelled.connect(self._keep_going)
        self.outcome = OutcomePanel()
        self.outcome.entry_wanted.connect(context.navigator.open_entry)
        self.outcome.meeting_wanted.connect(context.navigator.open_meeting)

        self.model = AgendaModel()
        self.list = AgendaList(self.model)
        self.list.tick_pressed.connect(self.tick_current)
        self.list.notes_wanted.connect(self.focus_notes)
        self.list.delegate.tick_clicked.connect(self.toggle_tick)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.no_items = muted(NO_ITEMS)
        self.no_items.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(self.no_items)
        self.new_point = QLineEdit()
        self.new_point.setAccessibleName("New talking point")
        self.new_point.setPlaceholderText("Add a talking point (Ctrl+T), Enter adds it")
        self.new_point.returnPressed.connect(self.add_talking_point)
        agenda_label = QLabel("&Agenda")
        agenda_label.setBuddy(self.list)
        agenda_label.setAccessibleName("Agenda")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(agenda_label)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addWidget(self.new_point)

        self.notes = NotesPanel()
        self.notes.edited.connect(self._save_notes)
        self.goals = GoalsPanel()
        self.goals.ticked.connect(self.work_on_goals)
        self.capture = CaptureBar()
        self.capture.commitment_captured.connect(self.capture_commitment)
        self.capture.recognised.connect(self.recognise)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.setSpacing(14)
        right_layout.addWidget(self.notes, 1)
        right_layout.addWidget(self.goals)
        right_layout.addWidget(self.capture)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 560])
        if state := context.settings.splitter(SPLITTER):
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(
            lambda _pos, _index: context.settings.set_splitter(SPLITTER, self.splitter.saveState())
        )
        self.hint = muted("")
        self.hint.setAccessibleName("Keyboard shortcuts")

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addWidget(self.ending)
        layout.addWidget(self.outcome)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.hint)
        self.stack = EmptyOrContent(
            content,
            empty_state(
                "No one-on-one open",
                "Open a one-on-one from Today or the One-on-ones screen (choose a meeting and press Enter). Its "
                "agenda opens here, prepared with what is due: start it, tick items off, write notes and capture "
                "commitments as you go, and end it into the leader log.",
            ),
        )
        page_layout = QHBoxLayout(self)
        page_layout.setContentsMargins(16, 12, 16, 12)
        page_layout.addWidget(self.stack)
        self.stack.show_empty(True)
        self._build_keys()
        self.setTabOrder(self.header.start, self.header.end)
        self.setTabOrder(self.header.end, self.list)
        self.setTabOrder(self.list, self.new_point)
        self.setTabOrder(self.new_point, self.notes.editor)
        self._chain_goals()
        context.notices.failed.connect(self.mark_stale)

    def _build_keys(self) -> None:
        actions: dict[str, Callable[[], object]] = {
            "ctrl+up": lambda: self.move_item(-1),
            "ctrl+down": lambda: self.move_item(1),
            "defer": self.defer,
            "private": self.toggle_private,
            "commitment": self.focus_commitment,
            "recognition": self.focus_recognition,
            "talking_point": self.focus_new_point,
            "start": self.start_meeting,
            "start_keypad": self.start_meeting,
            "end": self.end_meeting,
        }
        for name, keys in PAGE_KEYS.items():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(actions[name])
        self._page_keys = {QKeySequence(keys).toString() for keys in PAGE_KEYS.values()}
        for box in (self.notes, self.capture, self.new_point):
            back = QShortcut(QKeySequence(Qt.Key.Key_Escape), box)
            back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            back.activated.connect(self.focus_list)
        for text_box in (
            self.new_point,
            self.notes.editor,
            self.capture.commitment,
            self.capture.reason,
            self.ending.summary,
        ):
            text_box.installEventFilter(self)

    # Opening ---------------------------------------------------------------

    def show_meeting(self, meeting_id: str) -> None:
        """Opens a meeting's agenda, prepared with what is due when the meeting is still to be held."""
        if meeting_id != self.meeting_id:
            self._leave_meeting()
            self.meeting_id = meeting_id
            self.header.show_loading()
            self.stack.show_empty(False)
        self._prepare = True
        self.mark_stale()

    def refresh(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            self.stack.show_empty(True)
            return
        prepare, self._prepare = self._prepare, False
        services = self.context.services
        self.context.load(self, lambda: load_agenda(services, meeting_id, prepare=prepare), self._show)

    @property
    def running(self) -> bool:
        return self.data is not None and self.data.view.status is MeetingStatus.IN_PROGRESS

    @property
    def editable(self) -> bool:
        return self.data is not None and self.data.editable

    def current_entry(self) -> AgendaEntry | None:
        index = self.list.currentIndex()
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        return entry if isinstance(entry, AgendaEntry) else None

    # Showing ---------------------------------------------------------------

    def _show(self, data: AgendaData) -> None:
        if data.view.meeting.id != self.meeting_id:
            return
        first = self.data is None
        if self.data is None or self.data.view.status is not data.view.status:
            self._rescue_focus()
        self.data = data
        view = data.view
        self._run_clock(view)
        self.model.show(view.items, data.today, self._live_seconds(view))
        self.list_stack.setCurrentWidget(self.list if view.items else self.no_items)
        self.header.show_view(view, data.today)
        if self.clock.running:
            self.header.set_time(self.clock.elapsed())
        self.capture.set_meeting(view, data.today)
        self.goals.show_goals(view)
        self._chain_goals()
        self._show_state(view.status)
        wanted = self._wanted_id or self._current_id
        self._wanted_id = None
        row = self.model.row_of(wanted) if wanted else None
        if row is None and view.items:
            row = 0
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row, 0))
            self.list.scrollTo(self.model.index(row, 0))
        else:
            self._choose(None)
        self.notes.update_entry(self.current_entry(), data.today)
        self.notes.set_editable(self.running and self._current_id is not None, self._placeholder())
        if first and self.isVisible():
            self.focus_list()

    def _chain_goals(self) -> None:
        """Tab goes from the notes through the goals' boxes (made anew when the goals change) to the capture bar."""
        chain = [self.notes.editor, *self.goals.checklist.boxes, self.capture.commitment]
        for before, after in pairwise(chain):
            self.setTabOrder(before, after)

    def _show_view(self, view: AgendaView) -> None:
        if self.data is not None:
            self._show(replace(self.data, view=view))

    def _show_state(self, status: MeetingStatus) -> None:
        editable, running = self.editable, status is MeetingStatus.IN_PROGRESS
        self.new_point.setVisible(editable)
        self.capture.setVisible(editable)
        self.capture.setEnabled(running)
        if not running:
            self.ending.reset()
        self.header.set_confirming(not self.ending.isHidden())
        if editable:
            self.outcome.hide()
        elif self.data is not None:
            if self.ended is not None:
                self.outcome.show_ended(self.ended, self.data.today)
            else:
                self.outcome.show_closed(self.data.view, self.data.next_meeting, self.data.today)
        hint = HINTS.get(status) or " · ".join([CLOSED_HINT, *self.outcome.keys()])
        self.hint.setText(hint)
        self.hint.setAccessibleName(f"Keyboard shortcuts: {hint}")

    def _current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: QModelIndex | QPersistentModelIndex
    ) -> None:
        """A reload keeps the same item chosen: only a real change of item saves the notes and the times."""
        if not current.isValid():
            return
        entry = current.data(ENTRY_ROLE)
        if isinstance(entry, AgendaEntry) and entry.id != self._current_id:
            self._choose(entry)

    def _choose(self, entry: AgendaEntry | None) -> None:
        self._current_id = entry.id if entry else None
        if self.clock.running:
            self.clock.focus(self._current_id)
            self._save_time()
        self.notes.show_entry(
            entry, self.data.today if self.data else date.min, editable=self.running, placeholder=self._placeholder()
        )

    def _placeholder(self) -> str:
        status = self.data.view.status if self.data else MeetingStatus.SCHEDULED
        return NOTES_PLACEHOLDERS.get(status, CLOSED_NOTES)

    # The clock -------------------------------------------------------------

    def _run_clock(self, view: AgendaView) -> None:
        """Runs the clock while the meeting is in progress, from the time the notebook kept for it."""
        if view.status is MeetingStatus.IN_PROGRESS:
            if not (self.clock.running and self.clock.meeting_id == view.meeting.id):
                self.clock.resume(view.meeting.id, view.elapsed_seconds, {e.id: e.seconds_spent for e in view.items})
                self.clock.focus(self._current_id)
                self.ticker.start()
            self.clock.keep_only({e.id for e in view.items})
        elif self.clock.running:
            self.clock.stop()
            self.ticker.stop()

    def _live_seconds(self, view: AgendaView) -> dict[str, int]:
        if not self.clock.running:
            return {}
        return {e.id: self.clock.item_seconds(e.id) for e in view.items}

    def count_second(self) -> None:
        """One second of the meeting: the clocks on screen move on, and every few seconds they are saved."""
        if not self.clock.running:
            return
        self.header.set_time(self.clock.elapsed())
        if self._current_id is not None:
            self.model.set_seconds(self._current_id, self.clock.item_seconds(self._current_id))
        if self.clock.unsaved_seconds() >= SAVE_EVERY_SECONDS:
            self._save_time()

    def _save_time(self) -> None:
        meeting_id = self.clock.meeting_id
        if not self.clock.running or meeting_id is None:
            return
        elapsed, items = self.clock.snapshot()
        agenda = self.context.services.agenda
        self.context.tasks.submit(
            lambda: agenda.save_time(meeting_id, elapsed, items), lambda _meeting: None, self._time_not_saved
        )

    def _time_not_saved(self, error: BaseException) -> None:
        """Stops the clock (the meeting may have been ended elsewhere) rather than failing again every few seconds;
        the reload shows how the meeting stands and runs the clock again if it is still in progress."""
        self.clock.stop()
        self.ticker.stop()
        self.context.errors.show(self, error)
        self.mark_stale()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page keeps the notes and the times; the meeting's clock runs on meanwhile."""
        self.notes.flush()
        self._save_time()
        super().hideEvent(event)

    def _leave_meeting(self) -> None:
        self._rescue_focus()
        self.notes.flush()
        self._save_time()
        self.clock.stop()
        self.ticker.stop()
        self.data = None
        self.ended = None
        self._current_id = None
        self._wanted_id = None
        self.model.clear()
        self.ending.reset()
        self.outcome.hide()

    # Keys that move the focus ------------------------------------------------

    def _rescue_focus(self) -> None:
        """Moves the focus to the agenda before the control holding it is hidden (Start once started, the ending
        bar once ended), so it never falls to the next widget in the window, such as the list of screens."""
        focused = QApplication.focusWidget()
        if focused is not None and focused is not self.list and self.isAncestorOf(focused):
            self.list.setFocus()

    def focus_list(self) -> None:
        self.list.setFocus()

    def focus_notes(self) -> None:
        if self.current_entry() is not None:
            self.notes.editor.setFocus()

    def focus_new_point(self) -> None:
        if self.editable:
            self.new_point.setFocus()

    def focus_commitment(self) -> None:
        if self._needs_running("capture a commitment"):
            self.capture.commitment.setFocus()

    def focus_recognition(self) -> None:
        if self._needs_running("record recognition"):
            self.capture.reason.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The page's keys win over a text box's own (Ctrl+K and Ctrl+D delete text in some desktops' boxes)."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()).toString() in self._page_keys
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    # Writes ----------------------------------------------------------------

    def _write(self, work: Callable[[], T], done: Callable[[T], None], *topics: str) -> None:
        """Saves on the worker; the result is shown only if this meeting is still the one on screen."""
        meeting_id = self.meeting_id

        def arrived(result: T) -> None:
            if meeting_id == self.meeting_id:
                done(result)

        self.context.change(self, work, arrived, *topics)

    def _needs_running(self, what: str) -> bool:
        if self.running:
            return True
        if self.data is not None and self.data.view.status is MeetingStatus.SCHEDULED:
            self.context.navigator.show_saved(f"Start the meeting (Ctrl+Return) to {what}.")
        return False

    def start_meeting(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None or self.data is None or self.data.view.status is not MeetingStatus.SCHEDULED:
            return
        agenda = self.context.services.agenda
        self._write(lambda: agenda.start(meeting_id), self._started, Topic.MEETINGS)

    def _started(self, view: AgendaView) -> None:
        self._show_view(view)
        self.focus_list()
        self.context.navigator.show_saved(f"Started the one-on-one with {view.report_name}.")

    def tick_current(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.toggle_tick(entry.id)

    def toggle_tick(self, item_id: str) -> None:
        """Ticks the item off, or back on; a deferred item ticked is done after all."""
        row = self.model.row_of(item_id)
        if row is None or not self._needs_running("tick items off"):
            return
        entry = self.model.entry(row)
        agenda = self.context.services.agenda
        self._write(lambda: agenda.tick(entry.id, not entry.done), self._entry_saved)

    def defer(self) -> None:
        """Leaves the item for next time; on an item already deferred, takes it back."""
        entry = self.current_entry()
        if entry is None or not self._needs_running("defer items"):
            return
        agenda = self.context.services.agenda
        if entry.deferred:
            self._write(lambda: agenda.tick(entry.id, False), self._entry_saved)
        else:
            self._write(lambda: agenda.defer(entry.id), self._entry_saved)

    def toggle_private(self) -> None:
        """Keeps the chosen item to the manager (out of exports, sync and review packs), or shares it again."""
        entry = self.current_entry()
        if entry is None or not self.editable:
            return
        agenda = self.context.services.agenda
        self._write(
            lambda: agenda.set_private(entry.id, not entry.is_private), self._privacy_changed, Topic.COMMITMENTS
        )

    def _privacy_changed(self, entry: AgendaEntry) -> None:
        self._entry_saved(entry)
        if entry.is_private:
            self.context.navigator.show_saved(f"“{entry.text}” is private: kept out of exports and review packs.")
        else:
            self.context.navigator.show_saved(f"“{entry.text}” is shared again.")

    def work_on_goals(self, goal_ids: tuple[str, ...]) -> None:
        """Keeps the ticks with the meeting at once; the boxes already show them, so nothing is redrawn."""
        meeting_id = self.meeting_id
        if meeting_id is None or not self.running:
            return
        agenda = self.context.services.agenda
        self._write(lambda: agenda.work_on_goals(meeting_id, goal_ids), self._goals_saved)

    def _goals_saved(self, goals: tuple[GoalWorkedOn, ...]) -> None:
        if self.data is not None:
            self.data = replace(self.data, view=replace(self.data.view, goals=goals))

    def _save_notes(self, item_id: str, notes: str) -> None:
        if not self.running:
            return
        agenda = self.context.services.agenda
        self._write(lambda: agenda.write_notes(item_id, notes), self._entry_saved)

    def _entry_saved(self, entry: AgendaEntry) -> None:
        self.model.update(entry)
        if entry.id == self._current_id and self.data is not None:
            self.notes.update_entry(entry, self.data.today)

    def move_item(self, step: int) -> None:
        """Moves the chosen item up or down at once; the notebook's order follows on the worker."""
        entry, row = self.current_entry(), self.list.currentIndex().row()
        if entry is None or not self.editable or not self.model.move_row(row, row + step):
            return
        self.list.scrollTo(self.list.currentIndex())
        self._moves += 1
        move, agenda = self._moves, self.context.services.agenda
        self._write(lambda: agenda.move(entry.id, row + step), lambda view: self._moved(view, move))

    def _moved(self, view: AgendaView, move: int) -> None:
        """Shows the notebook's order once the last of several quick moves is saved, so the list never jumps."""
        if move == self._moves:
            self._show_view(view)

    def add_talking_point(self) -> None:
        text, meeting_id = self.new_point.text().strip(), self.meeting_id
        if not text or meeting_id is None or not self.editable:
            return
        agenda = self.context.services.agenda

        def add() -> tuple[str, AgendaView]:
            return agenda.add_item(meeting_id, text).id, agenda.agenda(meeting_id)

        self._write(add, self._point_added)

    def _point_added(self, added: tuple[str, AgendaView]) -> None:
        item_id, view = added
        self.new_point.clear()
        self._wanted_id = item_id
        self._show_view(view)

    def capture_commitment(self, text: str, owner_id: str, due_on: date, private: bool) -> None:
        meeting_id, after = self.meeting_id, self._current_id
        if meeting_id is None or not self._needs_running("capture a commitment"):
            return
        agenda = self.context.services.agenda

        def capture() -> AgendaView:
            agenda.capture_commitment(meeting_id, text, owner_id, due_on, item_id=after, is_private=private)
            return agenda.agenda(meeting_id)

        self._write(capture, lambda view: self._captured(view, text), Topic.COMMITMENTS, Topic.MEETINGS)

    def _captured(self, view: AgendaView, text: str) -> None:
        self.capture.clear_commitment()
        self._show_view(view)
        self.context.navigator.show_saved(f"Commitment added: “{text}”.")

    def recognise(self, reason: str, private: bool) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None or not self._needs_running("record recognition"):
            return
        agenda = self.context.services.agenda

        def record() -> AgendaView:
            agenda.recognise(meeting_id, reason, is_private=private)
            return agenda.agenda(meeting_id)

        self._write(record, lambda view: self._recognised(view, reason), Topic.RECOGNITION, Topic.MEETINGS)

    def _recognised(self, view: AgendaView, reason: str) -> None:
        self.capture.clear_recognition()
        self._show_view(view)
        self.context.navigator.show_saved(f"Recognition recorded: “{reason}”.")

    # Ending ------------------------------------------------------------------

    def end_meeting(self) -> None:
        """The first Ctrl+E asks (with a line for a summary); the second, or Enter, ends the meeting."""
        if not self.running:
            return
        if not self.ending.isHidden():
            self.ending.confirm()
            return
        self.header.set_confirming(True)
        self.ending.ask()

    def _keep_going(self) -> None:
        self.header.set_confirming(False)
        self.focus_list()

    def _end(self, summary: str) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None or not self.running:
            return
        self.focus_list()
        self.notes.flush()
        self._save_time()
        self.clock.stop()
        self.ticker.stop()
        agenda = self.context.services.agenda

        def end() -> tuple[EndedMeeting, AgendaView]:
            return agenda.end(meeting_id, summary), agenda.agenda(meeting_id)

        self._write(end, self._ended, Topic.MEETINGS, Topic.LOG, Topic.COMMITMENTS)

    def _ended(self, result: tuple[EndedMeeting, AgendaView]) -> None:
        """Shows where everything went, and offers the log entry first (Enter opens it)."""
        self.ended, view = result
        self._show_view(view)
        self.outcome.entry_button.setFocus()
        self.context.navigator.show_saved("Meeting ended; its summary is in the leader log.")
