"""The Team screen: the whole roster with each person's coaching at a glance, and where people are added and kept.

Enter (or a double-click) opens a person, because looking someone up is what the roster is for most of the day;
F2 edits them. Archiving is immediate and can be undone from the bar that appears, so it never needs a question.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.services import Services
from coachdesk.services.people import PersonView, TeamView
from coachdesk.services.roster_view import RosterLine
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.page import Page
from coachdesk.ui.team.person_dialog import PersonDialog
from coachdesk.ui.team.roster_filter_model import RosterFilterModel
from coachdesk.ui.team.roster_import_dialog import RosterImportDialog
from coachdesk.ui.team.roster_table_model import Column, RosterTableModel
from coachdesk.ui.widgets import heading, muted

ALL_TEAMS = "All teams"
NO_TEAM = "No team"
EMPTY_ROSTER = (
    "Nobody is on your roster yet. Add people one at a time with Add person, or bring your whole team in at "
    "once with Import roster: a CSV or Excel file with a name and an employee id for each person."
)
COLUMN_WIDTHS = {
    Column.NAME: 155,
    Column.TEAM: 135,
    Column.MANAGER: 120,
    Column.LAST_SESSION: 94,
    Column.DAYS_SINCE: 84,
    Column.SESSIONS_4W: 66,
    Column.OPEN: 48,
    Column.OVERDUE: 64,
}


@dataclass(frozen=True)
class TeamData:
    lines: list[RosterLine]
    teams: list[TeamView]
    today: date


def team_data(services: Services, include_archived: bool) -> TeamData:
    return TeamData(
        services.roster_view.lines(include_archived=include_archived),
        services.people.list_teams(),
        services.people.today(),
    )


class TeamPage(Page):
    key = "team"
    title = "Team"
    topics = frozenset({Topic.PEOPLE, Topic.LOG, Topic.COMMITMENTS, Topic.PLANS})

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.dialog: PersonDialog | RosterImportDialog | None = None
        self._teams: list[str] = []
        self._select_after_load: str | None = None
        self._undo: Callable[[], None] | None = None
        self.model = RosterTableModel(self)
        self.proxy = RosterFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._build_toolbar()
        self._build_undo_bar()
        self._build_table()
        self.count = muted("")
        self.count.setAccessibleName("People shown")
        self.empty = muted(EMPTY_ROSTER)
        self.empty.setAccessibleName("Empty roster")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 12)
        layout.addLayout(self.title_row)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.count)
        self._shortcut("Ctrl+L", self.focus_filter)
        self._shortcut("Ctrl+Shift+N", self.add_person)
        self._shortcut("Insert", self.add_person)
        self._shortcut("F2", self.edit_person)
        self._shortcut("Delete", self.archive_or_restore, self.table)
        self._shortcut("Ctrl+Z", self.undo)
        self._update_buttons()

    # Building --------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.filter_box = QLineEdit()
        self.filter_box.setAccessibleName("Filter people")
        self.filter_box.setPlaceholderText("Filter by name, team or manager (Ctrl+L)")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter_typed)
        self.filter_box.returnPressed.connect(self._open_first)
        self.team_box = QComboBox()
        self.team_box.setAccessibleName("Team shown")
        self.team_box.setMinimumContentsLength(18)
        self.team_box.currentIndexChanged.connect(self._team_chosen)
        team_label = QLabel("&Team:")
        team_label.setBuddy(self.team_box)
        self.show_archived = QCheckBox("Show arc&hived")
        self.show_archived.setAccessibleName("Show archived people")
        self.show_archived.setToolTip("Archived people keep their history but leave the tracker.")
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.add_button = self._button(
            "&Add person…", "Add person", "Add someone to the roster (Insert or Ctrl+Shift+N)"
        )
        self.add_button.clicked.connect(self.add_person)
        self.edit_button = self._button("&Edit…", "Edit person", "Change the selected person's details (F2)")
        self.edit_button.clicked.connect(self.edit_person)
        self.archive_button = self._button("A&rchive", "Archive person", "")
        self.archive_button.clicked.connect(self.archive_or_restore)
        self.import_button = self._button(
            "&Import roster…", "Import roster", "Add or update many people at once from a CSV or Excel file"
        )
        self.import_button.clicked.connect(self.import_roster)
        self.title_row = QHBoxLayout()
        self.title_row.addWidget(heading(self.title))
        self.title_row.addStretch(1)
        for button in (self.add_button, self.edit_button, self.archive_button, self.import_button):
            self.title_row.addWidget(button)
        self.filter_row = QHBoxLayout()
        self.filter_row.addWidget(self.filter_box, 1)
        self.filter_row.addWidget(team_label)
        self.filter_row.addWidget(self.team_box)
        self.filter_row.addWidget(self.show_archived)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setAccessibleName("Roster")
        self.table.setToolTip("Enter or double-click opens a person; F2 edits them.")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DAYS_SINCE, Qt.SortOrder.DescendingOrder)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        self.table.activated.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _build_undo_bar(self) -> None:
        self.undo_message = QLabel("")
        self.undo_message.setAccessibleName("Last change")
        self.undo_button = self._button("&Undo", "Undo", "Undo this change (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo)
        self.undo_bar = QFrame()
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_bar.setAutoFillBackground(True)
        self.undo_bar.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(12, 6, 6, 6)
        bar.addWidget(self.undo_message, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()

    def _button(self, text: str, name: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(tooltip)
        return button

    def _shortcut(self, keys: str, slot: Callable[[], object], within: QWidget | None = None) -> None:
        """A key that works while the focus is on this page (or on `within` only), never on another screen."""
        shortcut = QShortcut(QKeySequence(keys), within or self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # Loading ---------------------------------------------------------------

    def refresh(self) -> None:
        include_archived = self.show_archived.isChecked()
        services = self.context.services
        self.context.load(self, lambda: team_data(services, include_archived), self._show)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_filter()

    def _show(self, data: TeamData) -> None:
        keep = self._select_after_load or self.selected_id()
        self._select_after_load = None
        self.model.set_lines(data.lines, data.today)
        self._set_teams([t.name for t in data.teams], any(line.team_name is None for line in data.lines))
        self.body.setCurrentWidget(self.table if data.lines else self.empty)
        self.count.setVisible(bool(data.lines))
        if keep is not None:
            self.select(keep)
        self._update_count()
        self._update_buttons()

    def _set_teams(self, teams: list[str], anyone_without: bool) -> None:
        self._teams = teams
        chosen = self.team_box.currentText()
        self.team_box.blockSignals(True)
        self.team_box.clear()
        self.team_box.addItem(ALL_TEAMS, None)
        for team in teams:
            self.team_box.addItem(team, team)
        if anyone_without:
            self.team_box.addItem(NO_TEAM, "")
        self.team_box.setCurrentIndex(max(0, self.team_box.findText(chosen)))
        self.team_box.blockSignals(False)
        self._team_chosen()

    # Finding and choosing people ------------------------------------------

    def focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def selected_line(self) -> RosterLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.line(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def selected_id(self) -> str | None:
        line = self.selected_line()
        return line.person_id if line else None

    def select(self, person_id: str) -> None:
        row = self.model.row_of(person_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _filter_typed(self, text: str) -> None:
        self.proxy.set_words(text)
        self._update_count()

    def _team_chosen(self) -> None:
        self.proxy.set_team(self.team_box.currentData())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total and not shown:
            self.count.setText("Nobody matches this filter. Clear the filter box or choose All teams.")
            return
        people = "1 person" if shown == 1 else f"{shown} people"
        self.count.setText(f"{people} shown" + (f" of {total}" if shown != total else ""))

    def _open(self, index: QModelIndex) -> None:
        self.context.navigator.open_agent(self.model.line(self.proxy.mapToSource(index).row()).person_id)

    def _open_first(self) -> None:
        """Enter in the filter box opens the person when the filter has narrowed the roster to one."""
        if self.proxy.rowCount() == 1:
            self._open(self.proxy.index(0, 0))
        elif self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        line = self.selected_line()
        self.edit_button.setEnabled(line is not None)
        self.archive_button.setEnabled(line is not None)
        restoring = line is not None and line.archived
        self.archive_button.setText("Resto&re" if restoring else "A&rchive")
        self.archive_button.setAccessibleName("Restore person" if restoring else "Archive person")
        self.archive_button.setToolTip(
            "Bring the selected person back to the roster and the tracker (Delete)"
            if restoring
            else "Take the selected person off the roster, keeping their history; you can undo it (Delete)"
        )

    # Changing people -------------------------------------------------------

    def add_person(self) -> PersonDialog:
        return self._person_dialog(None)

    def edit_person(self) -> PersonDialog | None:
        person_id = self.selected_id()
        return self._person_dialog(person_id) if person_id else None

    def _person_dialog(self, person_id: str | None) -> PersonDialog:
        managers = [(line.person_id, line.full_name) for line in self._lines() if line.is_manager and not line.archived]
        dialog = PersonDialog(self.context, self._teams, managers, person_id, self)
        dialog.saved.connect(self._person_saved)
        self._open_dialog(dialog)
        return dialog

    def _person_saved(self, person: PersonView) -> None:
        """Selects the person saved, now if the roster already shows them, else once the reload arrives."""
        if self.model.row_of(person.id) is None:
            self._select_after_load = person.id
        else:
            self.select(person.id)

    def import_roster(self) -> RosterImportDialog:
        dialog = RosterImportDialog(self.context, self)
        self._open_dialog(dialog)
        return dialog

    def _open_dialog(self, dialog: PersonDialog | RosterImportDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def archive_or_restore(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        archiving = not line.archived
        self._set_archived(line, archiving)
        if archiving:
            self._offer_undo(
                f"{line.full_name} is archived: their history stays in the notebook, and they have left the "
                "roster and the tracker.",
                lambda: self._set_archived(line, False),
            )

    def undo(self) -> None:
        undo, self._undo = self._undo, None
        self.undo_bar.hide()
        if undo is not None:
            undo()

    def _set_archived(self, line: RosterLine, archived: bool) -> None:
        people = self.context.services.people
        self._select_after_load = line.person_id
        self.context.change(
            self,
            lambda: people.set_archived(line.person_id, archived),
            lambda person: self.context.navigator.show_saved(
                f"{person.full_name} archived." if archived else f"{person.full_name} is back on the roster."
            ),
            Topic.PEOPLE,
        )

    def _offer_undo(self, message: str, undo: Callable[[], None]) -> None:
        self._undo = undo
        self.undo_message.setText(message)
        self.undo_bar.show()

    def _lines(self) -> list[RosterLine]:
        return [self.model.line(row) for row in range(self.model.rowCount())]
