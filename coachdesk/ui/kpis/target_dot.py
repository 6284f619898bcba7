"""Where one agent's value sits against their target, painted in a table cell: a dot on a shared scale, a tick for
the target, and a line between them showing the gap, coloured green when on target and red when short of it.

Every row shares one scale, so the column reads as the team's spread at a glance. Drawn with QPainter from the
palette (as the Today chart is), so it reads in light and dark themes; the cell's text says the same in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.widgets import status_colour

DOT_ROLE = Qt.ItemDataRole.UserRole + 7
MARGIN = 10


@dataclass(frozen=True)
class DotFigures:
    value: float
    target: float | None
    meets: bool | None
    low: float
    high: float
    """The scale every row shares, so the dots line up as a spread."""

    def x_of(self, number: float, left: float, width: float) -> float:
        span = self.high - self.low or 1.0
        return left + width * (number - self.low) / span


def shared_scale(numbers: list[float]) -> tuple[float, float]:
    """A little room either side of the lowest and highest value or target."""
    if not numbers:
        return 0.0, 1.0
    low, high = min(numbers), max(numbers)
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
    return low - pad, high + pad


class TargetDotDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(max(size.width(), 220), size.height())

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        figures = index.data(DOT_ROLE)
        if not isinstance(figures, DotFigures):
            super().paint(painter, option, index)
            return
        palette: QPalette = option.palette
        rect = QRectF(option.rect)
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, width, middle = rect.left() + MARGIN, rect.width() - 2 * MARGIN, rect.center().y()
        text = palette.color(QPalette.ColorRole.Text)
        track = QColor(text)
        track.setAlphaF(0.2)
        painter.setPen(QPen(track, 1))
        painter.drawLine(QPointF(left, middle), QPointF(left + width, middle))
        x = figures.x_of(figures.value, left, width)
        if figures.meets is None:
            colour = palette.color(QPalette.ColorRole.Highlight)
        else:
            colour = status_colour(CoachingStatus.ON_TRACK if figures.meets else CoachingStatus.OVERDUE, palette)
        if figures.target is not None:
            target_x = figures.x_of(figures.target, left, width)
            painter.setPen(QPen(colour, 3))
            painter.drawLine(QPointF(target_x, middle), QPointF(x, middle))
            painter.setPen(QPen(text, 2, Qt.PenStyle.DashLine))
            half = rect.height() * 0.35
            painter.drawLine(QPointF(target_x, middle - half), QPointF(target_x, middle + half))
        radius = max(3.0, rect.height() * 0.2)
        painter.setPen(QPen(text, 1))
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(x, middle), radius, radius)
        painter.restore()
