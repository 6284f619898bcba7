"""One person's KPI over time: the values as a line, the target dashed, and the coaching sessions on the time axis.

A manager reads it to see whether coaching moved the number, so sessions with this KPI as their focus stand out
with a line up through the values. The geometry arrives ready from the worker (`layout.py`); painting maps it onto
the widget with one transform. The chart is also given in words as its accessible description.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from coachdesk.models import KpiPeriod
from coachdesk.services.kpi_trends import KpiChartData, SessionMark
from coachdesk.ui.formatting import kpi_value, plural
from coachdesk.ui.kpi_chart.layout import ChartLayout
from coachdesk.ui.widgets import is_dark

FOCUS_COLOURS = ("#8a3ffc", "#d4bbff")
"""Sessions on this KPI, in a violet that stands apart from the value line in light and dark palettes."""
POINTS_FROM = 5.0
"""Values get a dot when they are at least this many pixels apart; closer, the line alone reads better."""
# Painting draws many marks with one call each (drawLines, drawPoints) rather than one call a mark: fewer calls
# into Qt for five years of values, and fewer of the per-call costs the bindings add.
HOVER_DISTANCE = 12.0
MARK_HEIGHT = 9.0
SWATCH = 1.8
"""A legend swatch and the gap after it, in lines of text."""
LEGEND_ROW = 1.4


@dataclass(frozen=True)
class Plotted:
    """The layout mapped onto the widget at its current size."""

    plot: QRectF
    transform: QTransform
    line: QPolygonF


def period_text(day: date, period: KpiPeriod) -> str:
    if period is KpiPeriod.MONTH:
        return f"{day:%B %Y}"
    if period is KpiPeriod.WEEK:
        return f"Week of {day.day} {day:%b %Y}"
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def describe(data: KpiChartData) -> str:
    """The chart in words: the span, the latest value against the target, the trend, and the sessions marked."""
    kpi = data.kpi
    if not data.points:
        return f"{kpi.name}: no values yet."
    first, last = data.points[0], data.points[-1]
    target = ""
    if data.target is not None:
        whose = "a personal target" if data.personal_target else "the team target"
        target = f" against {whose} of {kpi_value(data.target, kpi)}"
    focused = sum(mark.on_this_kpi for mark in data.sessions)
    return (
        f"{kpi.name}, {plural(len(data.points), 'value')} from {short_day(first.period_start)} to "
        f"{short_day(last.period_start)}; latest {kpi_value(last.value, kpi)}{target}. {data.trend.sentence} "
        f"{plural(len(data.sessions), 'coaching session')} marked, {focused} with {kpi.name} as their focus."
    )


class KpiChart(QWidget):
    session_clicked = Signal(str)
    """A session's entry id, when its mark is clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("KPI chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._layout: ChartLayout | None = None
        self._plotted: Plotted | None = None

    @property
    def layout_shown(self) -> ChartLayout | None:
        return self._layout

    def show_layout(self, layout: ChartLayout | None) -> None:
        self._layout = layout
        self._plotted = None
        self.setAccessibleDescription(describe(layout.data) if layout else "")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, self.fontMetrics().height() * 20)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.fontMetrics().height() * 12)

    # What is drawn, read back in data terms --------------------------------

    def plotted_points(self) -> list[QPointF]:
        """Where each value is drawn, in the widget's pixels, oldest first."""
        plotted = self._geometry()
        return [] if plotted is None else [plotted.line.at(i) for i in range(plotted.line.size())]

    def plotted_series(self) -> list[tuple[date, float]]:
        """Each value as drawn, turned back from pixels into its period and value."""
        plotted, layout = self._geometry(), self._layout
        if plotted is None or layout is None:
            return []
        inverse, _ = plotted.transform.inverted()
        return [
            (layout.axes.day_at(p.x()), layout.axes.value_at(p.y())) for p in map(inverse.map, self.plotted_points())
        ]

    def plotted_target(self) -> float | None:
        plotted, layout = self._geometry(), self._layout
        if plotted is None or layout is None or layout.target_y is None:
            return None
        pixel_y = self._target_pixel_y(plotted, layout.target_y)
        return layout.axes.value_at((plotted.plot.bottom() - pixel_y) / plotted.plot.height())

    def plotted_session_points(self) -> list[QPointF]:
        """Where each session is marked: its place on the time axis, in the widget's pixels, oldest first."""
        plotted, layout = self._geometry(), self._layout
        if plotted is None or layout is None:
            return []
        return [QPointF(x, plotted.plot.bottom()) for x in self._session_pixel_xs(plotted, layout)]

    def plotted_sessions(self) -> list[tuple[date, bool]]:
        """Each session mark's day, read back from where it is drawn, and whether it stands out as a focus."""
        plotted, layout = self._geometry(), self._layout
        if plotted is None or layout is None:
            return []
        return [
            (layout.axes.day_at((point.x() - plotted.plot.left()) / plotted.plot.width()), mark.on_this_kpi)
            for point, mark in zip(self.plotted_session_points(), layout.data.sessions, strict=True)
        ]

    def tooltip_at(self, position: QPointF) -> str:
        """A session's date and title near the time axis; elsewhere the nearest value's period and value."""
        plotted, layout = self._geometry(), self._layout
        if plotted is None or layout is None or not layout.data.points:
            return ""
        session = self.session_at(position)
        if session is not None:
            focus = f" (focus: {layout.data.kpi.name})" if session.on_this_kpi else ""
            return f"{short_day(session.held_on)} — {session.title}{focus}. Click to read it."
        xs = [point.x() for point in self.plotted_points()]
        index = min(
            (i for i in (bisect_left(xs, position.x()) - 1, bisect_left(xs, position.x())) if 0 <= i < len(xs)),
            key=lambda i: abs(xs[i] - position.x()),
        )
        if abs(xs[index] - position.x()) > max(HOVER_DISTANCE, self._spacing(plotted)):
            return ""
        point, kpi = layout.data.points[index], layout.data.kpi
        text = f"{period_text(point.period_start, kpi.period)}: {kpi_value(point.value, kpi)}"
        if layout.data.target is not None:
            text += f" (target {kpi_value(layout.data.target, kpi)})"
        return text

    def session_at(self, position: QPointF) -> SessionMark | None:
        """The session whose mark is under `position`, if any."""
        plotted, layout = self._geometry(), self._layout
        if plotted is None or layout is None or abs(position.y() - plotted.plot.bottom()) > MARK_HEIGHT * 1.5:
            return None
        return self._nearest_session(plotted, layout, position.x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        text = self.tooltip_at(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        over_mark = self.session_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over_mark else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        session = self.session_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and session is not None:
            self.session_clicked.emit(session.entry_id)
        super().mouseReleaseEvent(event)

    # Geometry ------------------------------------------------------------------

    def _geometry(self) -> Plotted | None:
        """The layout mapped onto the current size, kept until the size or the layout changes."""
        layout = self._layout
        if layout is None:
            return None
        plot = self._plot_rect(layout)
        if self._plotted is None or self._plotted.plot != plot:
            transform = QTransform(plot.width(), 0, 0, -plot.height(), plot.left(), plot.bottom())
            self._plotted = Plotted(plot, transform, transform.map(layout.line))
        return self._plotted

    def _plot_rect(self, layout: ChartLayout) -> QRectF:
        metrics = self.fontMetrics()
        line = metrics.height()
        widest = max((metrics.horizontalAdvance(tick.label) for tick in layout.value_ticks), default=0)
        left = widest + line * 0.8
        top = self._legend_height(layout) + line * 1.2
        return QRectF(left, top, max(self.width() - left - line, 1.0), max(self.height() - top - line * 2.2, 1.0))

    @staticmethod
    def _target_pixel_y(plotted: Plotted, target_y: float) -> float:
        return plotted.transform.map(QPointF(0, target_y)).y()

    @staticmethod
    def _session_pixel_xs(plotted: Plotted, layout: ChartLayout) -> list[float]:
        return [plotted.transform.map(QPointF(x, 0)).x() for x in layout.session_xs]

    @staticmethod
    def _spacing(plotted: Plotted) -> float:
        """The average distance between neighbouring values, in pixels."""
        count = plotted.line.size()
        return plotted.plot.width() / (count - 1) if count > 1 else plotted.plot.width()

    def _nearest_session(self, plotted: Plotted, layout: ChartLayout, x: float) -> SessionMark | None:
        xs = self._session_pixel_xs(plotted, layout)
        near = [(abs(sx - x), i) for i, sx in enumerate(xs) if abs(sx - x) <= MARK_HEIGHT]
        if not near:
            return None
        return layout.data.sessions[min(near)[1]]

    # Painting --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        plotted, layout = self._geometry(), self._layout
        if plotted is None or layout is None or not layout.data.points:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No values to chart yet.")
            return
        focus = QColor(FOCUS_COLOURS[is_dark(palette)])
        self._draw_axes(painter, plotted, layout, text)
        self._draw_sessions(painter, plotted, layout, palette, focus)
        if layout.target_y is not None:
            y = self._target_pixel_y(plotted, layout.target_y)
            painter.setPen(QPen(text, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plotted.plot.left(), y), QPointF(plotted.plot.right(), y))
        value = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(value, 2))
        painter.drawPolyline(plotted.line)
        if self._spacing(plotted) >= POINTS_FROM:
            dots = QPen(value, 5.5)
            dots.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(dots)
            painter.drawPoints(plotted.line)
        self._draw_legend(painter, layout, text, value, focus)

    def _draw_axes(self, painter: QPainter, plotted: Plotted, layout: ChartLayout, text: QColor) -> None:
        plot, line = plotted.plot, self.fontMetrics().height()
        grid = QColor(text)
        grid.setAlphaF(0.15)
        for tick in layout.value_ticks:
            y = plot.bottom() - tick.position * plot.height()
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - line / 2, plot.left() - line * 0.4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                tick.label,
            )
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.9)
        metrics = QFontMetrics(small)
        painter.setFont(small)
        room = max((metrics.horizontalAdvance(tick.label) for tick in layout.date_ticks), default=0) * 1.3
        drawn_until = -room
        for tick in layout.date_ticks:
            x = plot.left() + tick.position * plot.width()
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            if x - drawn_until >= room:
                painter.setPen(text)
                box = QRectF(x - room / 2, plot.bottom() + MARK_HEIGHT * 0.6, room, line)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, tick.label)
                drawn_until = x
        painter.setFont(self.font())
        painter.setPen(QPen(text, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

    def _draw_sessions(
        self, painter: QPainter, plotted: Plotted, layout: ChartLayout, palette: QPalette, focus: QColor
    ) -> None:
        """Every session as a tick under the time axis; those on this KPI as a triangle with a line up the chart."""
        plot = plotted.plot
        other = palette.color(QPalette.ColorRole.PlaceholderText)
        faint = QColor(focus)
        faint.setAlphaF(0.45)
        marks = list(zip(self._session_pixel_xs(plotted, layout), layout.data.sessions, strict=True))
        focused = [x for x, mark in marks if mark.on_this_kpi]
        painter.setPen(QPen(other, 1.5))
        painter.drawLines(
            [
                QLineF(x, plot.bottom() - MARK_HEIGHT * 0.7, x, plot.bottom())
                for x, mark in marks
                if not mark.on_this_kpi
            ]
        )
        painter.setPen(QPen(faint, 1, Qt.PenStyle.DotLine))
        painter.drawLines([QLineF(x, plot.top(), x, plot.bottom()) for x in focused])
        for x in focused:
            self._draw_focus_mark(painter, QPointF(x, plot.bottom()), focus)

    @staticmethod
    def _draw_focus_mark(painter: QPainter, tip: QPointF, colour: QColor) -> None:
        half = MARK_HEIGHT * 0.6
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(
            QPolygonF(
                [tip, QPointF(tip.x() - half, tip.y() - MARK_HEIGHT), QPointF(tip.x() + half, tip.y() - MARK_HEIGHT)]
            )
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _legend(self, layout: ChartLayout) -> list[tuple[QPointF, str, str]]:
        """What the line, the dashes and the marks are: each swatch's place, its kind and its words, wrapped to fit."""
        metrics, line = self.fontMetrics(), self.fontMetrics().height()
        data, kpi = layout.data, layout.data.kpi
        items = [("value", f"{kpi.name}{'' if kpi.unit in {'', '%'} else f' ({kpi.unit})'}")]
        if data.target is not None:
            items.append(
                ("target", f"{'Own target' if data.personal_target else 'Target'} {kpi_value(data.target, kpi)}")
            )
        items += [("session", "Session"), ("focus", f"Session on {kpi.name}")]
        placed, x, y = [], 0.0, 0.0
        for kind, words in items:
            width = SWATCH * line + metrics.horizontalAdvance(words)
            if x and x + width > self.width():
                x, y = 0.0, y + line * LEGEND_ROW
            placed.append((QPointF(x, y), kind, words))
            x += width + line * 1.2
        return placed

    def _legend_height(self, layout: ChartLayout) -> float:
        rows = len({point.y() for point, _, _ in self._legend(layout)})
        return rows * self.fontMetrics().height() * LEGEND_ROW

    def _draw_legend(self, painter: QPainter, layout: ChartLayout, text: QColor, value: QColor, focus: QColor) -> None:
        line = self.fontMetrics().height()
        muted_pen = QPen(self.palette().color(QPalette.ColorRole.PlaceholderText), 1.5)
        for at, kind, words in self._legend(layout):
            middle = at.y() + line * LEGEND_ROW / 2
            start, end = QPointF(at.x(), middle), QPointF(at.x() + line * 1.4, middle)
            if kind == "value":
                painter.setPen(QPen(value, 2))
                painter.drawLine(start, end)
                painter.setBrush(value)
                painter.drawEllipse(QPointF(at.x() + line * 0.7, middle), 2.5, 2.5)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            elif kind == "target":
                painter.setPen(QPen(text, 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(start, end)
            elif kind == "session":
                painter.setPen(muted_pen)
                tick_x = at.x() + line * 0.7
                painter.drawLine(QPointF(tick_x, middle - MARK_HEIGHT / 2), QPointF(tick_x, middle + MARK_HEIGHT / 2))
            else:
                self._draw_focus_mark(painter, QPointF(at.x() + line * 0.7, middle + MARK_HEIGHT / 2), focus)
            painter.setPen(text)
            box = QRectF(at.x() + SWATCH * line, at.y(), self.width(), line * LEGEND_ROW)
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, words)
