"""A button on each line of a list, for the one thing that line is there to do ("Recognise…", "Propose")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QHeaderView, QPushButton, QTableView, QWidget

MARGIN = 8


def put_row_buttons(
    table: QTableView,
    column: int,
    rows: Sequence[Any],
    *,
    text: str,
    name: Callable[[Any], str],
    act: Callable[[Any], None],
) -> None:
    """Puts a button in `column` of each row, named for its row (for screen readers), acting on it when pressed.

    The column is as wide as the button: a header sized to its contents would not see it. Tab goes from the table
    through its buttons, top to bottom, before leaving it; left alone, Qt would put them after the whole page.
    """
    model = table.model()
    width = 0
    before: QWidget = table
    for row, item in enumerate(rows):
        button = QPushButton(text)
        button.setAccessibleName(name(item))
        button.clicked.connect(lambda _checked=False, chosen=item: act(chosen))
        table.setIndexWidget(model.index(row, column), button)
        QWidget.setTabOrder(before, button)
        before = button
        width = max(width, button.sizeHint().width())
    header = table.horizontalHeader()
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(column, width + MARGIN)
