"""The One-on-ones screen: this week's meetings and every series, and where they are set up and kept on track.

Choose a line, then act on it with the buttons above the lists: a meeting of this week starts with Enter (the
agenda view opens it), a series' next meeting is scheduled from its cadence, moved, cancelled or marked missed.
Enter or a double-click on a series opens the person. Each series says what needs attention, and why in its
tooltip: the same flags Today shows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.models import MeetingStatus
from coachdesk.services import Services
from coachdesk.services.meetings import CalendarMeeting, SeriesSummary
from coachdesk.services.one_on_one_health import Attention, AttentionFlag, needing_attention
from coachdesk.services.people import PersonView
from coachdesk.services.today import week_of
from coachdesk.ui.calendar_export import export_schedule
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.formatting import plural
from coachdesk.ui.meetings.cadence_dialog import CadenceDialog
from coachdesk.ui.meetings.chosen import Chosen, chosen_meeting, chosen_series
from coachdesk.ui.meetings.meeting_time_dialog import move_dialog, schedule_next_dialog, when
from coachdesk.ui.meetings.series_columns import series_columns
from coachdesk.ui.meetings.series_dialog import NewSeriesDialog
from coachdesk.ui.page import EmptyOrContent, Page
from coachdesk.ui.today.columns import MEETING_COLUMNS
from coachdesk.ui.today.empty_state import empty_state
from coachdesk.ui.today.table_section import TableSection
from coachdesk.ui.today.wording import long_day
from coachdesk.ui.widgets import heading, muted

NOTHING_CHOSEN = "Choose a meeting or a series below to schedule, move or cancel its meetings."


@dataclass(frozen=True)
class OneOnOnes:
    today: date
    now: datetime
    owner_id: str | None
    owner_name: str | None
    this_week: tuple[CalendarMeeting, ...]
    series: tuple[SeriesSummary, ...]
    attention: tuple[AttentionFlag, ...]
    people: tuple[PersonView, ...]
    """Everyone on the roster, to choose a new series' manager and report from."""
    pairs: frozenset[tuple[str, str]]
    """Every (manager, report) that has a series, anyone's: a pair meets in one series only."""


def load_one_on_ones(services: Services) -> OneOnOnes:
    """This week's meetings and every series of the notebook owner's people (everyone's, with no owner)."""
    now = services.meetings.now()
    owner = services.people.owner()
    scope = owner.id if owner else None
    monday, sunday = week_of(now.date())
    summaries = services.meetings.summaries(under_manager_id=scope)
    managers = services.tracker.managers(under_manager_id=scope)
    return OneOnOnes(
        today=now.date(),
        now=now,
        owner_id=scope,
        owner_name=owner.full_name if owner else None,
        this_week=tuple(services.meetings.between(monday, sunday, under_manager_id=scope)),
        series=tuple(summaries),
        attention=tuple(needing_attention(services, summaries, managers)),
        people=tuple(services.people.list_people()),
        pairs=frozenset((s.manager_id, s.report_id) for s in services.meetings.list_series()),
    )


def series_heading(series: Sequence[SeriesSummary]) -> str:
    """ "Series — 26, 4 not recorded, 1 with nothing scheduled": the series whose next step is unclear."""
    active = [s for s in series if s.series.active]
    counts = []
    if unrecorded := sum(s.unrecorded is not None for s in active):
        counts.append(f"{unrecorded} not recorded")
    if unscheduled := sum(s.unrecorded is None and s.next_meeting is None for s in active):
        counts.append(f"{unscheduled} with nothing scheduled")
    return ", ".join([f"Series — {len(series)}", *counts])


class OneOnOnesPage(Page):
    key = "one_on_ones"
    title = "One-on-ones"
    topics = frozenset({Topic.MEETINGS, Topic.PEOPLE, Topic.LOG})

    start_requested = Signal(str)
    """The id of a meeting to run in the agenda view; the main window connects it."""

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.data: OneOnOnes | None = None
        self.dialog: QDialog | None = None
        self.confirmation: QMessageBox | None = None
        self._flags: dict[str, list[AttentionFlag]] = {}
        self._keep: tuple[str, str] | None = None
        self.subtitle = muted("")
        self.subtitle.setAccessibleName("Date and whose people")
        self.this_week = TableSection(
            "This week",
            MEETING_COLUMNS,
            "No one-on-ones fall in this week.",
            person_of=lambda meeting: meeting.person_id,
            single_click=False,
            sortable=True,
        )
        self.this_week.table.setToolTip(
            "Enter or a double-click starts a meeting still to hold; on a past one it opens the person."
        )
        self.series = TableSection(
            "Series",
            series_columns(lambda: self.data.today if self.data else date.min, self.flags_of),
            "",
            person_of=lambda summary: summary.series.report_id,
            max_rows=None,
            single_click=False,
            sortable=True,
        )
        self.series.table.setToolTip("Enter or a double-click opens the person; hover “Needs attention” for why.")
        self.this_week.table.opened.connect(self._meeting_opened)
        self.series.table.opened.connect(context.navigator.open_agent)
        for section, other in ((self.this_week, self.series), (self.series, self.this_week)):
            section.table.selectionModel().selectionChanged.connect(
                lambda selected, _old, other=other: self._chose(selected, other)
            )
        self._build_buttons()
        self.action_bar = self._action_bar()
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 4, 0, 0)
        lists_layout.setSpacing(18)
        lists_layout.addWidget(self.action_bar)
        lists_layout.addWidget(self.this_week)
        lists_layout.addWidget(self.series, 1)
        self.empty_state = empty_state(
            "No one-on-ones yet",
            "A one-on-one series is a regular meeting between a manager and one of their people. Choose New "
            "series (Insert) to set one up: how often you meet, on which day and at what time. This screen then "
            "lists each series with its next meeting and the last one held, and who you are meeting this week.",
        )
        self.stack = EmptyOrContent(lists, self.empty_state)
        title_row = QHBoxLayout()
        title_row.addWidget(heading(self.title), 1)
        title_row.addWidget(self.new_button)
        title_row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.stack, 1)
        self._shortcut("Insert", self.new_series)
        self._shortcut("Ctrl+Shift+N", self.new_series)
        self._shortcut("F2", self.move_meeting)
        self._shortcut("Delete", self.cancel_meeting)
        self._update_actions()

    # Building --------------------------------------------------------------

    def _build_buttons(self) -> None:
        self.new_button = self._button(
            "&New series…", "New series", "Set up regular one-on-ones with someone (Insert or Ctrl+Shift+N)"
        )
        self.new_button.clicked.connect(self.new_series)
        self.export_button = self._button(
            "&Export calendar…",
            "Export calendar",
            "Save the one-on-one schedule as an iCalendar file that calendar programs import",
        )
        self.export_button.clicked.connect(self.export_calendar)
        self.start_button = self._button("S&tart", "Start meeting", "Run this week's meeting from its agenda (Enter)")
        self.start_button.clicked.connect(self.start_meeting)
        self.move_button = self._button("&Move…", "Move meeting", "Give the meeting a new day or time (F2)")
        self.move_button.clicked.connect(self.move_meeting)
        self.cancel_button = self._button(
            "Cance&l meeting", "Cancel meeting", "Call this meeting off; the series carries on (Delete)"
        )
        self.cancel_button.clicked.connect(self.cancel_meeting)
        self.missed_button = self._button(
            "Mar&k missed", "Mark meeting missed", "Record that the meeting did not take place"
        )
        self.missed_button.clicked.connect(self.mark_missed)
        self.schedule_button = self._button(
            "&Schedule next…", "Schedule next meeting", "Book the series' next meeting, proposed by its cadence"
        )
        self.schedule_button.clicked.connect(self.schedule_next)
        self.cadence_button = self._button(
            "C&hange cadence…", "Change cadence", "Meet weekly, fortnightly, monthly or every so many days"
        )
        self.cadence_button.clicked.connect(self.change_cadence)

    def _action_bar(self) -> QFrame:
        """The chosen line in words, with what can be done to its meeting and to its series."""
        self.chosen_label = QLabel(NOTHING_CHOSEN)
        self.chosen_label.setAccessibleName("Chosen meeting or series")
        self.chosen_label.setWordWrap(True)
        self.chosen_reason = muted("")
        self.chosen_reason.setAccessibleName("Why it needs attention")
        self.chosen_reason.hide()
        bar = QFrame()
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar.setAutoFillBackground(True)
        bar.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.chosen_reason)
        meeting_actions = (self.start_button, self.move_button, self.cancel_button, self.missed_button)
        for row in (meeting_actions, (self.schedule_button, self.cadence_button)):
            buttons = QHBoxLayout()
            buttons.setSpacing(6)
            for button in row:
                buttons.addWidget(button)
            buttons.addStretch(1)
            layout.addLayout(buttons)
        return bar

    def _button(self, text: str, name: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(tooltip)
        return button

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        """A key that works while the focus is on this page, never on another screen."""
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # Loading ---------------------------------------------------------------

    def refresh(self) -> None:
        services = self.context.services
        self.context.load(self, lambda: load_one_on_ones(services), self._show)

    def _show(self, data: OneOnOnes) -> None:
        keep = self._keep or self._chosen_key()
        self._keep = None
        self.data = data
        self._flags = defaultdict(list)
        for flag in data.attention:
            self._flags[flag.series_id].append(flag)
        whose = f"the people below {data.owner_name}" if data.owner_name else "everyone in this notebook"
        self.subtitle.setText(f"{long_day(data.today)} · {whose}")
        self.stack.show_empty(not data.series)
        held = sum(m.status is MeetingStatus.HELD for m in data.this_week)
        self.this_week.show_rows(
            data.this_week, f"This week — {plural(len(data.this_week), 'meeting')}, {held} held so far"
        )
        self.series.show_rows(data.series, series_heading(data.series))
        if keep is not None:
            self._select(*keep)
        self._update_actions()

    def flags_of(self, summary: SeriesSummary) -> list[AttentionFlag]:
        return self._flags.get(summary.series.id, [])

    # Choosing a line -------------------------------------------------------

    def chosen(self) -> Chosen | None:
        if self.data is None:
            return None
        meeting_rows = self.this_week.table.selectionModel().selectedRows()
        if meeting_rows:
            return chosen_meeting(self.this_week.model.row_at(meeting_rows[0]), self.data.series)
        series_rows = self.series.table.selectionModel().selectedRows()
        return chosen_series(self.series.model.row_at(series_rows[0])) if series_rows else None

    def select_series(self, series_id: str) -> None:
        self._select("series", series_id)

    def select_meeting(self, meeting_id: str) -> None:
        self._select("meeting", meeting_id)

    def _chosen_key(self) -> tuple[str, str] | None:
        """Which line is chosen, by what it is about, so a reload can choose it again."""
        meeting_rows = self.this_week.table.selectionModel().selectedRows()
        if meeting_rows:
            return "meeting", self.this_week.model.row_at(meeting_rows[0]).id
        series_rows = self.series.table.selectionModel().selectedRows()
        return ("series", self.series.model.row_at(series_rows[0]).series.id) if series_rows else None

    def _select(self, kind: str, record_id: str) -> bool:
        section = self.this_week if kind == "meeting" else self.series
        rows = section.model.rows
        ids = [row.id for row in rows] if kind == "meeting" else [row.series.id for row in rows]
        if record_id not in ids:
            return False
        row = ids.index(record_id)
        section.table.selectRow(row)
        section.table.scrollTo(section.model.index(row, 0))
        return True

    def _chose(self, selected: QItemSelection, other: TableSection) -> None:
        """One line is chosen at a time, in either list, so the buttons are never in doubt about which."""
        if not selected.isEmpty():
            other.table.clearSelection()
        self._update_actions()

    def _update_actions(self) -> None:
        chosen, data = self.chosen(), self.data
        self.chosen_label.setText(chosen.describe() if chosen else NOTHING_CHOSEN)
        self.chosen_label.setAccessibleName(self.chosen_label.text())
        reasons = " ".join(f.reason for f in self.flags_of(chosen.summary)) if chosen else ""
        self.chosen_reason.setText(reasons)
        self.chosen_reason.setAccessibleName(reasons or "Nothing needs attention")
        self.chosen_reason.setVisible(bool(reasons))
        active = chosen is not None and chosen.summary.series.active
        monday, sunday = week_of(data.today) if data else (date.min, date.min)
        self.start_button.setEnabled(chosen is not None and chosen.can_start(monday, sunday))
        resume = chosen is not None and chosen.status is MeetingStatus.IN_PROGRESS
        self.start_button.setText("Res&ume" if resume else "S&tart")
        for button in (self.move_button, self.cancel_button):
            button.setEnabled(chosen is not None and chosen.pending)
        self.missed_button.setEnabled(chosen is not None and data is not None and chosen.can_mark_missed(data.now))
        self.schedule_button.setEnabled(active)
        self.cadence_button.setEnabled(active)

    # Acting ----------------------------------------------------------------

    def _meeting_opened(self, person_id: str) -> None:
        """Enter on a meeting still to hold this week starts it; on any other it opens the person."""
        if self.start_button.isEnabled():
            self.start_meeting()
        else:
            self.context.navigator.open_agent(person_id)

    def start_meeting(self) -> None:
        chosen = self.chosen()
        if chosen is not None and chosen.meeting_id is not None and self.start_button.isEnabled():
            self.start_requested.emit(chosen.meeting_id)

    def new_series(self) -> NewSeriesDialog | None:
        data = self.data
        if data is None:
            return None
        dialog = NewSeriesDialog(
            self.context, data.people, data.pairs, owner_id=data.owner_id, now=data.now, parent=self
        )
        dialog.saved.connect(lambda series: self._choose("series", series.id))
        self._open_dialog(dialog)
        return dialog

    def export_calendar(self) -> None:
        export_schedule(self.context, self)

    def schedule_next(self) -> None:
        chosen = self.chosen()
        if chosen is None or not self.schedule_button.isEnabled():
            return
        summary, meetings = chosen.summary, self.context.services.meetings
        self.context.load(
            self,
            lambda: meetings.propose_next(summary.series.id),
            lambda proposed: self._open_dialog(schedule_next_dialog(self.context, summary, proposed, self)),
        )

    def move_meeting(self) -> None:
        chosen = self.chosen()
        if chosen is None or chosen.meeting_id is None or chosen.meeting_at is None or not chosen.pending:
            return
        self._open_dialog(move_dialog(self.context, chosen.meeting_id, chosen.person_name, chosen.meeting_at, self))

    def cancel_meeting(self) -> None:
        """Asks first: a cancelled meeting cannot be brought back, only a new one scheduled."""
        chosen = self.chosen()
        if chosen is None or chosen.meeting_id is None or chosen.meeting_at is None or not chosen.pending:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Cancel meeting — CoachDesk",
            f"Cancel the one-on-one with {chosen.person_name} on {when(chosen.meeting_at)}? The series carries on; "
            "schedule its next meeting when you are ready.",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setAccessibleName("Cancel meeting?")
        confirm = box.addButton("Cance&l meeting", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Keep it", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        meeting_id, words = chosen.meeting_id, f"{chosen.person_name} on {when(chosen.meeting_at)}"
        box.finished.connect(lambda _result: self._confirmed(box.clickedButton() is confirm, meeting_id, words))
        self.confirmation = box
        box.open()

    def _confirmed(self, cancel: bool, meeting_id: str, words: str) -> None:
        self.confirmation = None
        if cancel:
            meetings = self.context.services.meetings
            self._change(lambda: meetings.cancel_meeting(meeting_id), f"Cancelled the one-on-one with {words}.")

    def mark_missed(self) -> None:
        chosen = self.chosen()
        if (
            chosen is None
            or chosen.meeting_id is None
            or chosen.meeting_at is None
            or not self.missed_button.isEnabled()
        ):
            return
        meetings, meeting_id = self.context.services.meetings, chosen.meeting_id
        words = f"{chosen.person_name} on {when(chosen.meeting_at)}"
        self._change(lambda: meetings.mark_missed(meeting_id), f"Marked the one-on-one with {words} as missed.")

    def change_cadence(self) -> None:
        chosen = self.chosen()
        if chosen is None or not self.cadence_button.isEnabled():
            return
        suggestion = next(
            (f.reason for f in self.flags_of(chosen.summary) if f.kind is Attention.GO_WEEKLY),
            None,
        )
        self._open_dialog(CadenceDialog(self.context, chosen.summary, suggestion, self))

    def _change(self, work: Callable[[], object], message: str) -> None:
        self.context.change(self, work, lambda _result: self.context.navigator.show_saved(message), Topic.MEETINGS)

    def _choose(self, kind: str, record_id: str) -> None:
        """Chooses a line now if it is listed, or once the reload that brings it (a new series) arrives."""
        if not self._select(kind, record_id):
            self._keep = (kind, record_id)

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
