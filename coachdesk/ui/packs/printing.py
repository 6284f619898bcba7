"""Printing a saved pack through Qt's printing: PDFium draws each page on the worker, the GUI thread paints it.

Only one page's picture is held at a time, so a long pack prints in little memory; painting stays on the GUI
thread because native print engines expect it there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from coachdesk.errors import CoachDeskError
from coachdesk.reports.pictures import PagePicture, page_picture, page_sizes
from coachdesk.ui.packs.preview import page_image
from coachdesk.ui.tasks import TaskRunner

MOST_DPI = 300
"""Text and charts are as sharp as a laser printer prints them; more only makes the job slower and larger."""


def set_paper(printer: QPrinter, size: tuple[float, float]) -> None:
    """Proposes the pack's own paper, edge to edge, so each page prints at its true size."""
    width, height = size
    paper = QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageLayout(QPageLayout(paper, QPageLayout.Orientation.Portrait, QMarginsF()))
    printer.setFullPage(True)


class PackPrinter(QObject):
    """Sends one PDF to a printer page by page; says how far it got, and when it is done or why it stopped."""

    advanced = Signal(int, int)
    finished = Signal(int)
    failed = Signal(object)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._painter: QPainter | None = None
        self._printer: QPrinter | None = None
        self._pdf = Path()
        self._pages = 0

    @property
    def busy(self) -> bool:
        return self._painter is not None

    def paper_of(self, pdf: Path, on_size: Callable[[tuple[float, float]], object]) -> None:
        """Reads the pack's paper on the worker and hands it to `on_size`, before the print dialog opens."""
        self._tasks.submit(lambda: page_sizes(pdf)[0], on_size, self.failed.emit)

    def print_pdf(self, pdf: Path, printer: QPrinter) -> None:
        self._pdf, self._printer = pdf, printer
        self._tasks.submit(lambda: len(page_sizes(pdf)), self._begin, self._stop)

    def _begin(self, pages: int) -> None:
        assert self._printer is not None
        painter = QPainter()
        if not painter.begin(self._printer):
            self._stop(CoachDeskError("The printer could not be started. Check that it is connected and on."))
            return
        self._painter, self._pages = painter, pages
        self._draw(0)

    def _draw(self, index: int) -> None:
        pdf, dpi = self._pdf, min(self._printer.resolution() if self._printer else MOST_DPI, MOST_DPI)
        self._tasks.submit(lambda: page_picture(pdf, index, dpi), lambda p: self._paint(index, p), self._stop)

    def _paint(self, index: int, picture: PagePicture) -> None:
        painter, printer = self._painter, self._printer
        if painter is None or printer is None:
            return
        if index:
            printer.newPage()
        room = QRectF(painter.viewport())
        size = QSizeF(picture.width, picture.height).scaled(room.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRectF(room.topLeft(), size), page_image(picture))
        self.advanced.emit(index + 1, self._pages)
        if index + 1 < self._pages:
            self._draw(index + 1)
            return
        self._end()
        self.finished.emit(self._pages)

    def _stop(self, error: BaseException) -> None:
        if self._printer is not None and self._painter is not None:
            self._printer.abort()
        self._end()
        self.failed.emit(error)

    def _end(self) -> None:
        if self._painter is not None:
            self._painter.end()
        self._painter = None
        self._printer = None
