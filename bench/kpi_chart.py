"""Opening a KPI chart of five years of weekly values, against a bare widget painting a polyline of as many points.

Both sides read the series from the notebook, build a widget, show it and paint it once; the floor reads with one
hand-written query on the raw `sqlite3` module and paints nothing but the line, so the ratio is what the chart adds:
the service's views, the trend, the sessions, the layout, the axes, the marks and the legend.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import date

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPointF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QApplication, QWidget

from coachdesk.services import Services
from coachdesk.ui.kpi_chart.chart import KpiChart
from coachdesk.ui.kpi_chart.layout import chart_layout

SIZE = (640, 400)

SERIES = """
SELECT period_start, value FROM kpi_values
WHERE person_id = :person_id AND kpi_id = :kpi_id AND deleted = 0
ORDER BY period_start
"""


class Polyline(QWidget):
    """The floor's widget: the values as one polyline scaled to the widget, and nothing else."""

    def __init__(self, values: list[tuple[str, float]]) -> None:
        super().__init__()
        self.resize(*SIZE)
        days = [date.fromisoformat(day).toordinal() for day, _ in values]
        numbers = [value for _, value in values]
        first, span = days[0], max(days[-1] - days[0], 1)
        low, spread = min(numbers), max(max(numbers) - min(numbers), 1e-9)
        width, height = SIZE
        self.line = QPolygonF(
            [
                QPointF((day - first) / span * width, height - (value - low) / spread * height)
                for day, value in zip(days, numbers, strict=True)
            ]
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawPolyline(self.line)


def application() -> QApplication:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


def open_chart(services: Services, person_id: str, kpi_id: str) -> None:
    """What the agent page does when a KPI is chosen: the data and layout (on the worker), then show and paint."""
    layout = chart_layout(services.kpi_trends.chart(person_id, kpi_id))
    chart = KpiChart()
    chart.resize(*SIZE)
    chart.show_layout(layout)
    shown_and_painted(chart)


def open_polyline(connection: sqlite3.Connection, person_id: str, kpi_id: str) -> None:
    values = connection.execute(SERIES, {"person_id": person_id, "kpi_id": kpi_id}).fetchall()
    shown_and_painted(Polyline(values))


class PaintWatcher(QObject):
    """Says when a widget has painted: a new window first paints when the platform exposes it, not on `show()`."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def shown_and_painted(widget: QWidget) -> None:
    """Shows the widget and waits for its first paint, then closes and deletes it so runs do not pile up windows."""
    watcher = PaintWatcher()
    widget.installEventFilter(watcher)
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget.show()
    while not watcher.painted:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    widget.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
