"""The main window. For now it opens the notebook off the GUI thread and says what it holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QVBoxLayout, QWidget

from coachdesk.config import APP_NAME
from coachdesk.errors import CoachDeskError
from coachdesk.services import Services, build_services
from coachdesk.services.summary import NotebookSummary
from coachdesk.storage import open_notebook
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.tasks import TaskRunner


class MainWindow(QMainWindow):
    def __init__(self, tasks: TaskRunner, errors: ErrorReporter, notebook_file: Path) -> None:
        super().__init__()
        self._tasks = tasks
        self._errors = errors
        self._notebook_file = notebook_file
        self.services: Services | None = None
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName("CoachDesk main window")
        self.resize(900, 600)
        self.heading = QLabel("Opening your notebook…")
        self.heading.setAccessibleName("Notebook status")
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.8)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.details = QLabel("")
        self.details.setAccessibleName("Notebook contents")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setCentralWidget(self._card(self.heading, self.details))
        self.statusBar().showMessage(f"Notebook: {notebook_file}")

    def open_notebook(self) -> None:
        """Opens (creating or upgrading) the notebook on the worker, so a slow disk never freezes the window."""
        self._tasks.submit(self._open_and_summarise, self._show_ready, self._show_refused)

    def close_notebook(self) -> None:
        if self.services is not None:
            self.services.notebook.close()
            self.services = None

    def _open_and_summarise(self) -> tuple[Services, NotebookSummary]:
        services = build_services(open_notebook(self._notebook_file))
        return services, services.summary.summary()

    def _show_ready(self, opened: tuple[Services, NotebookSummary]) -> None:
        self.services, summary = opened
        self.heading.setText("Your notebook is ready")
        if summary.empty:
            contents = (
                "It is empty. Import your team with <b>coachdesk import-roster FILE</b>, or explore a sample "
                "team first with <b>coachdesk demo</b>."
            )
        else:
            contents = (
                f"It holds {summary.people} people ({summary.agents} active agents), "
                f"{summary.log_entries} leader-log entries, {summary.open_commitments} open commitments "
                f"and {summary.plans} development plans."
            )
        self.details.setText(f"{contents}<br><br>Stored at {self._notebook_file}")
        self.statusBar().showMessage(f"Notebook: {self._notebook_file} — saved")

    def _show_refused(self, error: BaseException) -> None:
        self.heading.setText("The notebook could not be opened")
        self.details.setText(self._errors.message_for(error))
        self.statusBar().showMessage("No notebook open")
        if not isinstance(error, CoachDeskError):
            self._errors.show(self, error)

    @staticmethod
    def _card(*widgets: QWidget) -> QWidget:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(16)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        return card
