"""A meeting's agenda as a list: each item with its tick, where it came from, and the time spent on it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from coachdesk.services.agenda import AgendaEntry
from coachdesk.ui.agenda.item_words import item_parts, minutes_words, parts_text, state_words

ENTRY_ROLE = Qt.ItemDataRole.UserRole
"""The row's `AgendaEntry`."""
PARTS_ROLE = Qt.ItemDataRole.UserRole + 1
"""The line under the item, in coloured parts (`item_words.Part`)."""
SECONDS_ROLE = Qt.ItemDataRole.UserRole + 2
"""Seconds spent on the item, counting the running clock."""

Index = QModelIndex | QPersistentModelIndex


class AgendaModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._entries: list[AgendaEntry] = []
        self._seconds: dict[str, int] = {}
        self._today = date.min

    @property
    def entries(self) -> tuple[AgendaEntry, ...]:
        return tuple(self._entries)

    def show(self, entries: Sequence[AgendaEntry], today: date, seconds: Mapping[str, int]) -> None:
        """Shows an agenda; `seconds` are the running clock's times, which are ahead of the notebook's."""
        self.beginResetModel()
        self._entries = list(entries)
        self._today = today
        self._seconds = {entry.id: seconds.get(entry.id, entry.seconds_spent) for entry in entries}
        self.endResetModel()

    def clear(self) -> None:
        self.show((), date.min, {})

    def entry(self, row: int) -> AgendaEntry:
        return self._entries[row]

    def row_of(self, item_id: str) -> int | None:
        return next((row for row, entry in enumerate(self._entries) if entry.id == item_id), None)

    def update(self, entry: AgendaEntry) -> None:
        """Replaces one item as the notebook now has it (ticked, deferred, noted)."""
        row = self.row_of(entry.id)
        if row is None:
            return
        self._entries[row] = entry
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def set_seconds(self, item_id: str, seconds: int) -> None:
        row = self.row_of(item_id)
        if row is None or self._seconds.get(item_id) == seconds:
            return
        self._seconds[item_id] = seconds
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [SECONDS_ROLE])

    def move_row(self, row: int, to: int) -> bool:
        """Moves an item up or down at once, before the notebook confirms, so the order follows the keys."""
        if not (0 <= row < len(self._entries) and 0 <= to < len(self._entries)) or row == to:
            return False
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if to > row else to)
        self._entries.insert(to, self._entries.pop(row))
        self.endMoveRows()
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if entry.done else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            seconds = self._seconds.get(entry.id, 0)
            spent = f" · {minutes_words(seconds)}" if seconds else ""
            return f"{state_words(entry)}: {entry.text}. {parts_text(item_parts(entry, self._today))}{spent}"
        if role == ENTRY_ROLE:
            return entry
        if role == PARTS_ROLE:
            return item_parts(entry, self._today)
        if role == SECONDS_ROLE:
            return self._seconds.get(entry.id, 0)
        return None
