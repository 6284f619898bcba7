"""Column widths the manager sets by hand, kept between runs for every table and tree of a screen.

Only headers with a column the manager can drag are remembered: the others size themselves to their contents.
A header is known by its screen and its view's accessible name, which every view has for screen readers.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView, QWidget

from coachdesk.ui.settings import UiSettings


def remember_column_widths(screen: QWidget, screen_key: str, settings: UiSettings) -> None:
    for view in screen.findChildren(QAbstractItemView):
        header = column_header(view)
        if header is None or not view.accessibleName() or not has_draggable_column(header):
            continue
        name = f"{screen_key}/{view.accessibleName()}"
        if state := settings.header(name):
            header.restoreState(state)
        header.sectionResized.connect(lambda *_sizes, h=header, n=name: settings.set_header(n, h.saveState()))


def column_header(view: QAbstractItemView) -> QHeaderView | None:
    if isinstance(view, QTreeView):
        return view.header()
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    return None


def has_draggable_column(header: QHeaderView) -> bool:
    interactive = QHeaderView.ResizeMode.Interactive
    return any(header.sectionResizeMode(column) == interactive for column in range(header.count()))
