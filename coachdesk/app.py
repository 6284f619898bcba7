"""The desktop app's composition root: builds the Qt application, the worker, the window; opens the notebook.

Nothing here is global: each object is made once here and handed to what needs it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from coachdesk import __version__
from coachdesk.config import APP_NAME, notebook_path
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import ThreadTaskRunner


def run_app(folder: Path) -> int:
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    errors = ErrorReporter(folder)
    errors.install()
    tasks = ThreadTaskRunner()
    sync_tasks = ThreadTaskRunner("coachdesk-sync")
    window = MainWindow(tasks, errors, notebook_path(folder), UiSettings(QSettings()), sync_tasks=sync_tasks)
    window.show()
    window.open_notebook()
    try:
        return app.exec()
    finally:
        tasks.shutdown()
        sync_tasks.shutdown()
        window.close_notebook()
