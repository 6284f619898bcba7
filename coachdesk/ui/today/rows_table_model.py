"""A read-only table of frozen service rows, described by its columns, so each list on a screen is a few lines.

The Today and One-on-ones screens show many small lists of people; rather than a model class per list, each list
declares its columns (what text, how it sorts, which status colour) and shares this one model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication

from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.widgets import status_colour

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
PERSON_ROLE = Qt.ItemDataRole.UserRole
"""The id of the person a row is about: what a click opens."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None
    """How the column sorts; its text when None."""
    status: Callable[[Row], CoachingStatus | None] | None = None
    """The status whose colour the cell takes (red, amber, green), so trouble stands out; None keeps the text colour."""
    tooltip: Callable[[Row], str] | None = None
    number: bool = False
    """Right-aligned, as figures are."""
    stretch: bool = False
    """Takes the width the others leave: long text such as a commitment."""
    bold: bool = False


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(
        self,
        columns: Sequence[Column[Row]],
        person_of: Callable[[Row], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._person_of = person_of
        self._rows: list[Row] = []

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(self._rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, index: Index) -> Row:
        return self._rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else None
        if role == Qt.ItemDataRole.ForegroundRole:
            status = column.status(row) if column.status else None
            return status_colour(status, QGuiApplication.palette()) if status else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == PERSON_ROLE:
            return self._person_of(row) if self._person_of else None
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.text(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts by the column's own key (dates as dates, rates as numbers), missing values last either way."""
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort_key or self.columns[column].text
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        rows_before = [index.row() for index in before]
        keys = [key(row) for row in self._rows]
        present = sorted(
            (i for i, value in enumerate(keys) if value is not None),
            key=lambda i: folded(keys[i]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        order_of = present + [i for i, value in enumerate(keys) if value is None]
        self._rows = [self._rows[i] for i in order_of]
        moved_to = {old: new for new, old in enumerate(order_of)}
        after = [self.index(moved_to[row], index.column()) for row, index in zip(rows_before, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()


def folded(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value
