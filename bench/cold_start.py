"""One cold start, in its own process: `python bench/cold_start.py app NOTEBOOK` or `python bench/cold_start.py bare`.

Prints "interactive" once the main window is on screen and its event loop answers, then "ready <peak RSS in KiB>"
and quits. For the app, ready is when the notebook is open and the Today screen's data has arrived (the worker
runs work in order, so a no-op submitted after the notebook opened comes back only after that load); for the floor,
a bare QMainWindow, both lines at once.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from peak import peak_kib
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def interactive() -> None:
    print("interactive", flush=True)


def ready(app: QApplication) -> None:
    print(f"ready {peak_kib()}", flush=True)
    app.quit()


def bare(app: QApplication) -> None:
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1200, 780)
    window.show()
    QTimer.singleShot(0, interactive)
    QTimer.singleShot(0, lambda: ready(app))
    app.exec()


def coachdesk(app: QApplication, notebook_file: Path) -> None:
    from coachdesk.ui.errors import ErrorReporter
    from coachdesk.ui.main_window import MainWindow
    from coachdesk.ui.settings import UiSettings
    from coachdesk.ui.tasks import ThreadTaskRunner

    tasks = ThreadTaskRunner()
    with tempfile.TemporaryDirectory() as scratch:
        settings = UiSettings(QSettings(str(Path(scratch) / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(tasks, ErrorReporter(Path(scratch)), notebook_file, settings)
        window.notebook_opened.connect(lambda: tasks.submit(lambda: None, lambda _none: ready(app), print))
        window.show()
        window.open_notebook()
        QTimer.singleShot(0, interactive)
        app.exec()
        tasks.shutdown()
        window.close_notebook()


def main() -> None:
    app = QApplication([])
    if sys.argv[1] == "bare":
        bare(app)
    else:
        coachdesk(app, Path(sys.argv[2]))


if __name__ == "__main__":
    main()
