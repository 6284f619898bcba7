"""How the GUI shows problems: known ones in their own words, bugs as a short apology with the details logged."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from coachdesk.crashlog import log_exception
from coachdesk.errors import CoachDeskError


class ErrorReporter:
    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self.shown: list[str] = []

    def install(self) -> None:
        """Catches exceptions that escape a slot, so no traceback is ever shown to a person."""
        sys.excepthook = self._excepthook

    def message_for(self, error: BaseException) -> str:
        if isinstance(error, CoachDeskError):
            return error.message
        log_file = log_exception(self._folder, error)
        return (
            "Something went wrong that should not have. Your notebook is safe: everything saved before this "
            f"is still there. Details for a bug report are in {log_file}."
        )

    def show(self, parent: QWidget | None, error: BaseException, title: str = "CoachDesk") -> QMessageBox:
        """Opens the message without blocking the event loop, so the worker's results keep arriving meanwhile."""
        message = self.message_for(error)
        self.shown.append(message)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setAccessibleName("Problem")
        box.open()
        return box

    def _excepthook(self, _kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        self.show(None, error.with_traceback(trace))
