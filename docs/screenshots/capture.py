"""`python docs/screenshots/capture.py`: the README's screenshots, taken from the real app on a fresh demo notebook.

Run it under a display (for instance `xvfb-run -s "-screen 0 1400x900x24" python docs/screenshots/capture.py`);
it builds a demo notebook in a temporary folder, opens the main window as `coachdesk` does, walks through the
screens and saves a PNG of each next to this file.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from coachdesk.demo import generate_demo
from coachdesk.services import build_services
from coachdesk.services.tracker import CoachingStatus
from coachdesk.storage import open_notebook
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import ThreadTaskRunner

HERE = Path(__file__).resolve().parent
SIZE = (1280, 800)


def settle(app: QApplication, tasks: ThreadTaskRunner) -> None:
    """Waits until the worker has finished what the screens asked of it, then lets them paint."""
    loop = QEventLoop()
    tasks.submit(lambda: None, lambda _none: loop.quit(), lambda _error: loop.quit())
    loop.exec()
    for _ in range(3):
        QTimer.singleShot(60, loop.quit)
        loop.exec()
        app.processEvents()


def save(widget: QWidget, name: str) -> None:
    path = HERE / f"{name}.png"
    widget.grab().save(str(path))
    print(f"saved {path.relative_to(HERE.parents[1])}")


def main() -> int:
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        notebook_file = Path(folder) / "notebook.sqlite3"
        notebook = open_notebook(notebook_file)
        generate_demo(notebook, agents=24, years=1, seed=7, today=date.today())
        overdue = next(a for a in build_services(notebook).tracker.agents() if a.status is CoachingStatus.OVERDUE)
        notebook.close()

        tasks = ThreadTaskRunner()
        settings = UiSettings(QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(tasks, ErrorReporter(Path(folder)), notebook_file, settings)
        window.resize(*SIZE)
        window.show()
        window.open_notebook()
        loop = QEventLoop()
        window.notebook_opened.connect(loop.quit)
        loop.exec()
        settle(app, tasks)
        save(window, "today")

        window.show_page("team")
        settle(app, tasks)
        save(window, "team")

        window.open_agent(overdue.person_id)
        settle(app, tasks)
        save(window, "agent")

        window.new_session(overdue.person_id)
        editor = window.editors[0]
        settle(app, tasks)
        editor.focus.setText("Call control")
        editor.target.setText("Average handling time under 6 minutes within two weeks")
        editor.texts["what_happened"].setPlainText(
            "Listened to four calls together. Strong rapport on every call; on two she let the customer "
            "steer the call back to old complaints and ran over time."
        )
        editor.rating.setCurrentIndex(3)
        editor.texts["performance_notes"].setPlainText("Took the feedback well and tried the summary technique.")
        editor.commitments.add_row(text="Use the three-step summary on every call this week")
        editor.commitments.add_row(text="Send two model calls on call control")
        editor.commitments.rows[1].owner.setCurrentIndex(1)
        editor.texts["private_notes"].setPlainText("Mentioned childcare trouble; check in next week.")
        settle(app, tasks)
        save(editor, "editor")
        editor.discard()

        window.search()
        window.pages["search"].box.setText("adherence")  # type: ignore[attr-defined]
        settle(app, tasks)
        settle(app, tasks)
        save(window, "search")

        tasks.shutdown()
        window.close_notebook()
    return 0


if __name__ == "__main__":
    sys.exit(main())
