"""A titled list on a dashboard: a heading that carries the counts, the table, and what to say when it is empty."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coachdesk.ui.today.people_table import PeopleTable
from coachdesk.ui.today.rows_table_model import Column, RowsTableModel
from coachdesk.ui.widgets import heading, muted

SECTION_SCALE = 1.15


def section_heading(text: str) -> QLabel:
    return heading(text, SECTION_SCALE)


def set_heading(label: QLabel, text: str) -> None:
    """Changes a heading and what a screen reader says for it together."""
    label.setText(text)
    label.setAccessibleName(text)


class TableSection(QWidget):
    def __init__(
        self,
        title: str,
        columns: Sequence[Column[Any]],
        empty_text: str,
        *,
        person_of: Callable[[Any], str] | None = None,
        max_rows: int | None = 8,
        single_click: bool = True,
        sortable: bool = False,
        heading_scale: float = SECTION_SCALE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.heading = heading(title, heading_scale)
        self.model: RowsTableModel[Any] = RowsTableModel(columns, person_of, self)
        self.table = PeopleTable(
            self.model, title, max_rows=max_rows, single_click=single_click, sortable=sortable, parent=self
        )
        self.empty = muted(empty_text)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 0 if max_rows else 1)

    def show_rows(self, rows: Sequence[Any], title: str) -> None:
        set_heading(self.heading, title)
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
