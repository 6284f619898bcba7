"""Small pieces every screen shares: headings, empty states, the colours of coaching status."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTreeWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from coachdesk.services.tracker import CoachingStatus

# Keyed by the statuses' values (CoachingStatus is a StrEnum, so its members find these keys): the main window
# imports this module before the service layer is loaded, and must not wait for it.
STATUS_WORDS: dict[str, str] = {"overdue": "Overdue", "due_soon": "Due soon", "on_track": "On track"}
_STATUS_COLOURS = {
    "overdue": ("#b3261e", "#f2b8b5"),
    "due_soon": ("#8a5300", "#ffb95c"),
    "on_track": ("#1e6b34", "#8fd6a0"),
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def status_colour(status: CoachingStatus, palette: QPalette) -> QColor:
    """Red, amber or green that stays readable on both light and dark palettes."""
    light, dark = _STATUS_COLOURS[status]
    return QColor(dark if is_dark(palette) else light)


def heading(text: str, scale: float = 1.5, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def muted(text: str, parent: QWidget | None = None) -> QLabel:
    """Secondary text in the palette's placeholder colour: explanations, empty states, dates."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setAccessibleName(text)
    return label


def as_date(day: QDate) -> date:
    """A QDate as a Python date (PySide's own conversion is typed as `object`)."""
    return date(day.year(), day.month(), day.day())


def as_qdate(day: date) -> QDate:
    """A Python date as a QDate, field by field: not every PySide release accepts a date in QDate's constructor."""
    return QDate(day.year, day.month, day.day)


def days_ago(days: int | None) -> str:
    if days is None:
        return "never"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def column(*widgets: QWidget, margin: int = 0, spacing: int = 16, stretch: bool = False) -> QWidget:
    """Widgets stacked top to bottom in a plain holder; with `stretch`, they keep to the top."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return holder


def titled_block(name: QLabel, status: QWidget, details: QWidget) -> QVBoxLayout:
    """A page header's text: the name with its status chip beside it, and a line of details under them."""
    name_row = QHBoxLayout()
    name_row.setSpacing(12)
    name_row.addWidget(name)
    name_row.addWidget(status, 0, Qt.AlignmentFlag.AlignVCenter)
    name_row.addStretch(1)
    block = QVBoxLayout()
    block.setSpacing(2)
    block.addLayout(name_row)
    block.addWidget(details)
    return block


def row_list(name: str, headers: list[str]) -> QTreeWidget:
    """A flat list of rows with columns, as a file's rows or its problems are shown; the first column is narrow."""
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setColumnWidth(0, 60)
    return tree
