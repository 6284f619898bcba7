"""An agent's sessions as a list, newest first, that asks for older pages only when the view scrolls to them."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from coachdesk.services.log import EntrySummary
from coachdesk.services.workspace import TimelinePage
from coachdesk.ui.formatting import day_text, first_line, rating_words

ENTRY_ROLE = Qt.ItemDataRole.UserRole
"""The row's `EntrySummary`."""

Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractListModel):
    older_wanted = Signal(str, str)
    """(person id, id of the last entry shown): the view scrolled to the end and older entries exist."""

    def __init__(self) -> None:
        super().__init__()
        self._person_id: str | None = None
        self._today = date.min
        """The notebook's today, which every page brings; nothing is drawn before the first page."""
        self._entries: list[EntrySummary] = []
        self._has_more = False
        self._fetching = False

    @property
    def today(self) -> date:
        return self._today

    def show_first_page(self, person_id: str, today: date, page: TimelinePage) -> None:
        self.beginResetModel()
        self._person_id, self._today = person_id, today
        self._entries = list(page.entries)
        self._has_more, self._fetching = page.has_more, False
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._person_id, self._entries, self._has_more, self._fetching = None, [], False, False
        self.endResetModel()

    def append_page(self, person_id: str, after: str, page: TimelinePage) -> None:
        """Adds an older page, unless the list moved on (another agent, a reload) since it was asked for."""
        if person_id != self._person_id or not self._entries or self._entries[-1].id != after:
            return
        self._fetching = False
        self._has_more = page.has_more
        if page.entries:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(page.entries) - 1)
            self._entries.extend(page.entries)
            self.endInsertRows()

    def row_of(self, entry_id: str) -> int | None:
        return next((row for row, entry in enumerate(self._entries) if entry.id == entry_id), None)

    def entry(self, row: int) -> EntrySummary:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's name and default
        return 0 if parent.isValid() else len(self._entries)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._has_more and not self._fetching and bool(self._entries)

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent) and self._person_id is not None:
            self._fetching = True
            self.older_wanted.emit(self._person_id, self._entries[-1].id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{day_text(entry.held_on, self._today)} · {entry.kind_name} — {first_line(entry.what_happened)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe(entry, self._today)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.what_happened[:400]
        return None


def describe(entry: EntrySummary, today: date) -> str:
    """The whole line in words, for screen readers: the delegate draws marks a reader cannot see."""
    marks = [rating_words(entry.performance_rating)]
    if entry.signed_off:
        marks.append("signed off")
    if entry.is_private:
        marks.append("private")
    return f"{day_text(entry.held_on, today)}, {entry.kind_name}, {', '.join(marks)}: {first_line(entry.what_happened)}"
