"""The KPI chart's geometry, worked out on the worker thread beside the data so that painting only scales it.

Everything here is in the unit square: x runs from the first day shown (0) to the last (1), y from the bottom of the
value axis (0) to its top (1). The widget maps the square onto its plot area with one transform, whatever its size,
so five years of values cost one polygon map per resize and nothing per hover.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPolygonF

from coachdesk.services.kpi_trends import PERIOD_DAYS, KpiChartData

VALUE_TICKS = 4
"""About how many gridlines the value axis gets."""
DATE_TICKS = 7
"""At most how many dates the time axis names."""
MONTH_STEPS = (1, 2, 3, 6, 12, 24)
WEEK_STEPS = (1, 2, 4)


@dataclass(frozen=True)
class Tick:
    position: float
    """Along the axis, from 0 to 1."""
    label: str


@dataclass(frozen=True)
class Axes:
    """Where the unit square's edges fall in data terms: the first and last day shown, the lowest and highest value."""

    first_day: date
    days: int
    low: float
    high: float

    def x_of(self, day: date) -> float:
        return (day - self.first_day).days / self.days

    def y_of(self, value: float) -> float:
        return (value - self.low) / (self.high - self.low)

    def day_at(self, x: float) -> date:
        return self.first_day + timedelta(days=round(x * self.days))

    def value_at(self, y: float) -> float:
        return self.low + y * (self.high - self.low)


@dataclass(frozen=True)
class ChartLayout:
    data: KpiChartData
    axes: Axes
    value_ticks: tuple[Tick, ...]
    date_ticks: tuple[Tick, ...]
    line: QPolygonF
    """The values in the unit square, oldest first."""
    target_y: float | None
    session_xs: tuple[float, ...]


def chart_layout(data: KpiChartData) -> ChartLayout:
    """Picks the time and value ranges and their ticks, and places every value, the target and each session."""
    days = [p.period_start for p in data.points] + [s.held_on for s in data.sessions]
    first, last = (min(days), max(days)) if days else (date.today(), date.today())
    if first == last:
        pad = timedelta(days=math.ceil(PERIOD_DAYS[data.kpi.period]))
        first, last = first - pad, last + pad
    low, high, step = value_range([p.value for p in data.points], data.target, data.kpi.decimals)
    axes = Axes(first, (last - first).days, low, high)
    return ChartLayout(
        data=data,
        axes=axes,
        value_ticks=tuple(
            Tick(axes.y_of(value), tick_label(value, step, data.kpi.unit)) for value in frange(low, high, step)
        ),
        date_ticks=tuple(Tick(axes.x_of(day), label) for day, label in date_ticks(first, last)),
        line=QPolygonF([QPointF(axes.x_of(p.period_start), axes.y_of(p.value)) for p in data.points]),
        target_y=None if data.target is None else axes.y_of(data.target),
        session_xs=tuple(axes.x_of(s.held_on) for s in data.sessions),
    )


def value_range(values: list[float], target: float | None, decimals: int) -> tuple[float, float, float]:
    """The value axis: from a round number below everything drawn to one above, and the step between gridlines."""
    shown = values + ([] if target is None else [target])
    smallest, largest = (min(shown), max(shown)) if shown else (0.0, 1.0)
    spread = max(largest - smallest, 10.0**-decimals * 10, abs(largest) * 0.02)
    step = nice_step(spread / VALUE_TICKS)
    low = math.floor(smallest / step) * step
    high = math.ceil(largest / step) * step
    if high - largest < step * 0.15:
        high += step
    stays_positive = smallest < 0 or low - step >= 0
    if smallest - low < step * 0.15 and stays_positive:
        low -= step
    return low, high, step


def nice_step(rough: float) -> float:
    """1, 2 or 5 times a power of ten: gridlines a person can read at a glance."""
    power = 10 ** math.floor(math.log10(rough))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= rough))


def frange(low: float, high: float, step: float) -> list[float]:
    count = round((high - low) / step)
    return [low + step * n for n in range(count + 1)]


def tick_label(value: float, step: float, unit: str) -> str:
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    return f"{value:,.{decimals}f}{'%' if unit == '%' else ''}"


def date_ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Mondays for a few weeks' span, the first of the month (every one, two, three… months) for longer spans."""
    span = (last - first).days
    if span <= 7 * 10:
        weeks = next((w for w in WEEK_STEPS if span / (7 * w) <= DATE_TICKS), WEEK_STEPS[-1])
        monday = first + timedelta(days=(7 - first.weekday()) % 7)
        days = [monday + timedelta(weeks=weeks * n) for n in range(span // (7 * weeks) + 1)]
        return [(day, f"{day.day} {day:%b}") for day in days if day <= last]
    months = next((m for m in MONTH_STEPS if span / 30.44 / m <= DATE_TICKS), MONTH_STEPS[-1])
    result = []
    year, month = first.year, first.month
    while (day := date(year, month, 1)) <= last:
        if day >= first and (month - 1) % months == 0:
            result.append((day, str(year) if months >= 12 else f"{day:%b} {year}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result
