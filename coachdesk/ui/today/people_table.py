"""A read-only table whose lines are about people: a line opens its person, and the table is only as tall as it
needs to be, so several fit on one scrolling page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from coachdesk.ui.today.rows_table_model import PERSON_ROLE, RowsTableModel

COLUMN_GAP = 18


class SpacedDelegate(QStyledItemDelegate):
    """Asks for a little more width than the text needs, so columns sized to their contents do not touch."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + COLUMN_GAP, size.height())


class PeopleTable(QTableView):
    """Emits `opened` with the line's person id.

    On a dashboard each line is a link: one click opens it (`single_click`). In a list worth browsing, a click
    selects and Enter or a double-click opens, as in any desktop list.
    """

    opened = Signal(str)

    def __init__(
        self,
        model: RowsTableModel[Any],
        name: str,
        *,
        max_rows: int | None = 8,
        single_click: bool = True,
        sortable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(name)
        self._max_rows = max_rows
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setItemDelegate(SpacedDelegate(self))
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for section, column in enumerate(model.columns):
            mode = QHeaderView.ResizeMode.Stretch if column.stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(section, mode)
        if not any(column.stretch for column in model.columns):
            header.setStretchLastSection(True)
        if sortable:
            self.setSortingEnabled(True)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        if single_click:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            self.clicked.connect(self._open)
        else:
            self.doubleClicked.connect(self._open)
        if max_rows is not None:
            model.modelReset.connect(self._fit)
            self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the current line on every platform (`activated` also fires on a click on some styles)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open(self, index: QModelIndex | QPersistentModelIndex) -> None:
        person_id = index.data(PERSON_ROLE)
        if person_id:
            self.opened.emit(person_id)

    def _fit(self) -> None:
        """As tall as its lines, up to `max_rows`; beyond that the table scrolls on its own."""
        assert self._max_rows is not None
        rows = min(max(self.model().rowCount(), 1), self._max_rows)
        height = (
            self.horizontalHeader().sizeHint().height()
            + rows * self.verticalHeader().defaultSectionSize()
            + 2 * self.frameWidth()
        )
        self.setFixedHeight(height)
