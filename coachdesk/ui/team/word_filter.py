"""A filter box's proxy: every word typed must appear in a row, and accents or case never get in the way.

Shared by the Team and Plans screens; a model opts in by answering `FILTER_ROLE` (the text a row is found by,
asked of its first column) and `SORT_ROLE` (a value that sorts as people expect: dates by date, numbers by size).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from coachdesk.services.people import folded_name

FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class WordFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_words(self, text: str) -> None:
        self.beginFilterChange()
        self._words = folded_name(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        found_by = self.sourceModel().index(source_row, 0, source_parent).data(FILTER_ROLE)
        text = folded_name(found_by if isinstance(found_by, str) else "")
        return all(word in text for word in self._words)
