"""Sessions per week as bars, with the target as a dashed line: whether coaching is steady or comes in bursts.

Drawn with QPainter from the palette, so it reads in light and dark themes; the figures are also given in words
as the accessible description, for screen readers and for anyone who prefers numbers to bars.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coachdesk.services.trends import WeeklyTrend
from coachdesk.ui.formatting import plural

GAP = 0.3
"""The share of each week's slot left empty between bars."""
TICKS = 4


@dataclass(frozen=True)
class ChartFigures:
    label: str
    weeks: tuple[date, ...]
    """The Monday of each week, oldest first; the last is the current week, so far."""
    counts: tuple[int, ...]
    target: float
    agents: int


def nice_step(largest: float, ticks: int = TICKS) -> int:
    """A whole step of 1, 2 or 5 times a power of ten giving about `ticks` gridlines up to `largest`."""
    rough = max(largest / ticks, 1.0)
    power = 10 ** math.floor(math.log10(rough))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= rough))


def week_label(monday: date) -> str:
    return f"{monday.day} {monday:%b}"


def describe(figures: ChartFigures) -> str:
    """The chart in words: the average, the target, how many weeks met it, this week so far, then every week."""
    if not figures.agents:
        return f"{figures.label}: no agents, so no sessions to count."
    complete = figures.counts[:-1]
    average = sum(complete) / len(complete) if complete else 0.0
    on_target = sum(count >= figures.target for count in complete)
    weeks = ", ".join(
        f"week of {week_label(monday)}: {count}" for monday, count in zip(figures.weeks, figures.counts, strict=True)
    )
    return (
        f"{figures.label}, {plural(figures.agents, 'agent')}: {average:.1f} coaching sessions a week on average over "
        f"the last {plural(len(complete), 'complete week')}, against a target of {round(figures.target, 1):g} a week; "
        f"{on_target} of {len(complete)} weeks met the target. This week so far: {figures.counts[-1]}. "
        f"Week by week: {weeks}."
    )


class SessionsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Coaching sessions per week")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._figures = ChartFigures("All teams", (), (), 0.0, 0)

    @property
    def figures(self) -> ChartFigures:
        return self._figures

    def show_trend(self, weeks: tuple[date, ...], trend: WeeklyTrend) -> None:
        self._figures = ChartFigures(trend.label, weeks, trend.counts, trend.target_per_week, trend.agents)
        self.setAccessibleDescription(describe(self._figures))
        self.setToolTip(describe(self._figures))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, self.fontMetrics().height() * 17)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette, metrics = self.palette(), self.fontMetrics()
        text = palette.color(QPalette.ColorRole.WindowText)
        figures = self._figures
        if not figures.counts or not figures.agents:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No agents to chart here yet.")
            return
        top = max(*figures.counts, figures.target, 1.0)
        step = nice_step(top)
        ceiling = step * math.ceil(top * 1.1 / step)
        line = metrics.height()
        left = metrics.horizontalAdvance(str(ceiling)) + line
        plot = QRectF(left, line * 2.2, self.width() - left - line * 0.5, self.height() - line * 5.2)

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * value / ceiling

        self._draw_legend(painter, text, palette, figures.target)
        grid = QColor(text)
        grid.setAlphaF(0.15)
        for value in range(0, ceiling + 1, step):
            y = y_of(value)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - line / 2, left - line * 0.4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )

        slot = plot.width() / len(figures.counts)
        bar_colour = palette.color(QPalette.ColorRole.Highlight)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        labels_every = max(1, math.ceil(QFontMetrics(small).horizontalAdvance("This week") * 1.2 / slot))
        painter.setFont(small)
        last = len(figures.counts) - 1
        for week, (monday, count) in enumerate(zip(figures.weeks, figures.counts, strict=True)):
            x = plot.left() + slot * week
            bar = QRectF(x + slot * GAP / 2, y_of(count), slot * (1 - GAP), plot.bottom() - y_of(count))
            colour = QColor(bar_colour)
            if week == last:
                colour.setAlphaF(0.45)
            painter.fillRect(bar, colour)
            painter.setPen(text)
            painter.drawText(QRectF(x, bar.top() - line * 1.1, slot, line), Qt.AlignmentFlag.AlignCenter, str(count))
            if week == last or (last - week) % labels_every == 0:
                painter.drawText(
                    QRectF(x - slot, plot.bottom() + line * 0.3, slot * 3, line),
                    Qt.AlignmentFlag.AlignCenter,
                    "This week" if week == last else week_label(monday),
                )
        painter.setFont(self.font())

        target = QPen(text, 2, Qt.PenStyle.DashLine)
        painter.setPen(target)
        painter.drawLine(QPointF(plot.left(), y_of(figures.target)), QPointF(plot.right(), y_of(figures.target)))

        axis = QPen(text, 1)
        painter.setPen(axis)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + line * 1.5, plot.width(), line * 1.2),
            Qt.AlignmentFlag.AlignCenter,
            "Week starting (Monday)",
        )

    def _draw_legend(self, painter: QPainter, text: QColor, palette: QPalette, target: float) -> None:
        """Says what the axis counts, then what the bars and the dashed line are."""
        line = self.fontMetrics().height()
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), line * 1.2), Qt.AlignmentFlag.AlignLeft, "Sessions")
        x = self.fontMetrics().horizontalAdvance("Sessions") + line * 2.0
        swatch = QRectF(x, line * 0.25, line * 0.8, line * 0.8)
        painter.fillRect(swatch, palette.color(QPalette.ColorRole.Highlight))
        x = swatch.right() + line * 0.4
        held = "Coaching sessions held"
        painter.drawText(QRectF(x, 0, self.width(), line * 1.2), Qt.AlignmentFlag.AlignLeft, held)
        x += self.fontMetrics().horizontalAdvance(held) + line * 1.5
        painter.setPen(QPen(text, 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, line * 0.65), QPointF(x + line * 1.6, line * 0.65))
        painter.setPen(text)
        painter.drawText(
            QRectF(x + line * 2.0, 0, self.width(), line * 1.2),
            Qt.AlignmentFlag.AlignLeft,
            f"Target: {round(target, 1):g} a week",
        )
