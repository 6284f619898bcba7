"""Draws an agenda item in two rows: its tick, its text and the time spent; then where it came from and when due.

A ticked item is struck through, a deferred one shows a dash in its box and a private one a padlock, so the state
of the meeting reads at a glance. The box is drawn here, in the text colour, rather than by the style: some styles
draw it too faintly on a dark palette's alternating rows. A click on the box ticks the item, as Space does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from coachdesk.services.agenda import AgendaEntry
from coachdesk.ui.agenda.agenda_model import ENTRY_ROLE, PARTS_ROLE, SECONDS_ROLE
from coachdesk.ui.agenda.item_words import Part, clock_text
from coachdesk.ui.padlock import draw_padlock
from coachdesk.ui.widgets import status_colour

PADDING = 8
GAP = 8
SEPARATOR = " · "

Index = QModelIndex | QPersistentModelIndex


class AgendaItemDelegate(QStyledItemDelegate):
    tick_clicked = Signal(str)
    """The id of the item whose box was clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(280, 2 * line + GAP // 2 + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, AgendaEntry):
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = text_colour if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        box = check_rect(option)

        painter.save()
        draw_box(painter, box, entry, text_colour if selected else palette.color(QPalette.ColorRole.Text))

        left = box.right() + GAP
        top = option.rect.top() + PADDING
        right = option.rect.right() - PADDING
        seconds = index.data(SECONDS_ROLE) or 0
        if seconds:
            time = clock_text(seconds)
            width = metrics.horizontalAdvance(time)
            painter.setFont(option.font)
            painter.setPen(muted)
            painter.drawText(QRect(right - width, top, width, line), Qt.AlignmentFlag.AlignVCenter, time)
            right -= width + GAP
        if entry.is_private:
            right = draw_padlock(painter, QRect(right - 10, top, 10, line), muted) - GAP
        font = QFont(option.font)
        font.setStrikeOut(entry.done and not entry.made_here)
        painter.setFont(font)
        painter.setPen(muted if entry.done and not entry.made_here else text_colour)
        title = QRect(left, top, max(0, right - left), line)
        shown = metrics.elidedText(entry.text, Qt.TextElideMode.ElideRight, title.width())
        painter.drawText(title, Qt.AlignmentFlag.AlignVCenter, shown)
        draw_parts(
            painter,
            QRect(left, top + line + GAP // 2, max(0, option.rect.right() - PADDING - left), line),
            index.data(PARTS_ROLE) or [],
            option,
            selected,
        )
        painter.restore()

    def editorEvent(self, event: QEvent, model: object, option: QStyleOptionViewItem, index: Index) -> bool:
        """A click on the box ticks the item; anywhere else it only chooses it."""
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            entry = index.data(ENTRY_ROLE)
            if isinstance(entry, AgendaEntry) and check_rect(option).contains(event.position().toPoint()):
                self.tick_clicked.emit(entry.id)
                return True
        return False


def check_rect(option: QStyleOptionViewItem) -> QRect:
    widget = option.widget
    style = widget.style() if widget is not None else QApplication.style()
    width = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, widget)
    height = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, option, widget)
    line = QFontMetrics(option.font).height()
    top = option.rect.top() + PADDING + (line - height) // 2
    return QRect(QPoint(option.rect.left() + PADDING, top), QSize(width, height))


def draw_box(painter: QPainter, box: QRect, entry: AgendaEntry, colour: QColor) -> None:
    """The item's box in the text colour, readable on any palette: a tick when done, a dash when deferred."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QRectF(box).adjusted(1.5, 1.5, -1.5, -1.5)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour, 1.3))
    painter.drawRoundedRect(frame, 2.5, 2.5)
    mark = QPen(colour, 2.0)
    mark.setCapStyle(Qt.PenCapStyle.RoundCap)
    mark.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(mark)
    width, height, left, top = frame.width(), frame.height(), frame.left(), frame.top()
    if entry.deferred:
        painter.drawLine(QPointF(left + width * 0.25, top + height / 2), QPointF(left + width * 0.75, top + height / 2))
    elif entry.done:
        tick = QPainterPath(QPointF(left + width * 0.22, top + height * 0.52))
        tick.lineTo(QPointF(left + width * 0.43, top + height * 0.74))
        tick.lineTo(QPointF(left + width * 0.8, top + height * 0.28))
        painter.drawPath(tick)


def draw_parts(painter: QPainter, area: QRect, parts: list[Part], option: QStyleOptionViewItem, selected: bool) -> None:
    """The line under an item, part by part in its status colour, cut short with an ellipsis when too long."""
    palette = option.palette
    plain = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
    font = QFont(option.font)
    font.setPointSizeF(font.pointSizeF() * 0.92)
    metrics = QFontMetrics(font)
    painter.setFont(font)
    x = area.left()
    for number, part in enumerate(parts):
        text = (SEPARATOR if number else "") + part.text
        room = area.right() - x
        if room <= 0:
            break
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.setPen(plain if selected or part.status is None else status_colour(part.status, palette))
        painter.drawText(QRect(x, area.top(), room, area.height()), Qt.AlignmentFlag.AlignVCenter, shown)
        x += metrics.horizontalAdvance(shown)
