"""Draws a timeline line in two rows: the day, kind, rating and a padlock; then the first line of what happened."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from coachdesk.services.log import EntrySummary
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.agent.timeline_model import ENTRY_ROLE, TimelineModel
from coachdesk.ui.formatting import day_text, first_line, rating_stars
from coachdesk.ui.padlock import draw_padlock
from coachdesk.ui.widgets import status_colour

PADDING = 8
GAP = 6
PRIVATE = "Private"


class TimelineDelegate(QStyledItemDelegate):
    def __init__(self, model: TimelineModel) -> None:
        super().__init__(model)
        self._model = model

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(240, 2 * line + GAP // 2 + 2 * PADDING)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, EntrySummary):
            super().paint(painter, option, index)
            return
        today = self._model.today
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = text if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        box: QRect = option.rect.adjusted(PADDING + 2, PADDING, -PADDING - 2, -PADDING)
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.height()
        top = QRect(box.left(), box.top(), box.width(), line)
        bottom = QRect(box.left(), box.top() + line + GAP // 2, box.width(), line)

        painter.save()
        right = top.right()
        if entry.signed_off:
            right = draw_padlock(painter, QRect(right - 9, top.top(), 10, line), muted) - GAP
        stars = rating_stars(entry.performance_rating)
        if stars:
            painter.setFont(font)
            painter.setPen(muted)
            width = metrics.horizontalAdvance(stars)
            painter.drawText(QRect(right - width, top.top(), width, line), Qt.AlignmentFlag.AlignVCenter, stars)
            right -= width + GAP
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        day = day_text(entry.held_on, today)
        day_width = QFontMetrics(bold).horizontalAdvance(day)
        painter.drawText(QRect(top.left(), top.top(), day_width, line), Qt.AlignmentFlag.AlignVCenter, day)
        painter.setFont(font)
        painter.setPen(muted)
        kind_box = QRect(top.left() + day_width + GAP, top.top(), max(0, right - top.left() - day_width - GAP), line)
        kind = metrics.elidedText(f"· {entry.kind_name}", Qt.TextElideMode.ElideRight, kind_box.width())
        painter.drawText(kind_box, Qt.AlignmentFlag.AlignVCenter, kind)

        summary_right = bottom.right()
        if entry.is_private:
            summary_right = draw_badge(painter, bottom, PRIVATE, palette, selected) - GAP
        painter.setFont(font)
        painter.setPen(text)
        summary_box = QRect(bottom.left(), bottom.top(), summary_right - bottom.left(), line)
        summary = metrics.elidedText(first_line(entry.what_happened), Qt.TextElideMode.ElideRight, summary_box.width())
        painter.drawText(summary_box, Qt.AlignmentFlag.AlignVCenter, summary)
        painter.restore()


def draw_badge(painter: QPainter, row: QRect, text: str, palette: QPalette, selected: bool) -> int:
    """A rounded label at the right of a row, in the amber of "look twice"; returns the left edge it used."""
    font = QFont(painter.font())
    font.setPointSizeF(font.pointSizeF() * 0.85)
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance(text) + 12
    badge = QRect(row.right() - width, row.top() + 1, width, row.height() - 2)
    colour = (
        palette.color(QPalette.ColorRole.HighlightedText)
        if selected
        else status_colour(CoachingStatus.DUE_SOON, palette)
    )
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
    painter.setFont(font)
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    return badge.left()
