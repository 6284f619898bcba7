"""A KPI's values over the period as a line, with its target as a dashed line, drawn with reportlab.graphics."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from coachdesk.reports.content import KpiTrend
from coachdesk.reports.fonts import REGULAR

VALUES_COLOUR = colors.HexColor("#1f5f99")
TARGET_COLOUR = colors.HexColor("#b5462d")


def kpi_chart(trend: KpiTrend, width: float, height: float = 120) -> Drawing:
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 40, 22
    plot.width, plot.height = width - 50, height - 36
    days = [day.toordinal() for day, _value in trend.points]
    values = [value for _day, value in trend.points]
    series = [list(zip(days, values, strict=True))]
    if trend.target is not None:
        series.append([(days[0], trend.target), (days[-1], trend.target)])
    plot.data = series
    plot.lines[0].strokeColor = VALUES_COLOUR
    plot.lines[0].strokeWidth = 1.5
    if trend.target is not None:
        plot.lines[1].strokeColor = TARGET_COLOUR
        plot.lines[1].strokeDashArray = (4, 3)
        plot.lines[1].strokeWidth = 1
    low = min([*values, trend.target if trend.target is not None else values[0]])
    high = max([*values, trend.target if trend.target is not None else values[0]])
    margin = (high - low) * 0.1 or abs(high) * 0.1 or 1
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = low - margin, high + margin
    if days[0] == days[-1]:
        plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = days[0] - 1, days[0] + 1
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = REGULAR
        axis.labels.fontSize = 7
    plot.xValueAxis.labelTextFormat = month_label
    plot.yValueAxis.labelTextFormat = f"%.{trend.decimals}f"
    drawing.add(plot)
    legend = "— values" + ("    - - target" if trend.target is not None else "")
    drawing.add(String(plot.x, height - 8, legend, fontName=REGULAR, fontSize=7, fillColor=colors.grey))
    return drawing


def month_label(ordinal: float) -> str:
    return date.fromordinal(int(ordinal)).strftime("%d %b %y")
