"""The padlock drawn beside what is locked or kept to the manager, in whatever colour the row's text uses."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen


def draw_padlock(painter: QPainter, box: QRect, colour: QColor) -> int:
    """A small padlock at the right of `box`: a signed-off entry, a private agenda item. Returns its left edge."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = 10.0
    body_height = 7.0
    left = box.right() - width
    body_top = box.center().y() - 1.0
    pen = QPen(colour, 1.4)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(left + 2, body_top - 5.5, width - 4, 9), 0, 180 * 16)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(left, body_top, width, body_height), 1.5, 1.5)
    return int(left)
