"""A CoachDesk window in its own process, typing a session until its draft is kept; the test then kills it.

Run as `python -m tests.ui.typing_process NOTEBOOK_FILE AGENT_ID TEXT`; prints "draft kept" once the draft is on disk.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import ThreadTaskRunner


def main() -> int:
    notebook_file, agent_id, text = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QApplication([])
    settings = UiSettings(QSettings(str(notebook_file.parent / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ThreadTaskRunner(), ErrorReporter(notebook_file.parent), notebook_file, settings)
    window.show()

    def type_a_session() -> None:
        window.new_session(agent_id)
        editor = window.editors[0]
        editor.draft_saved.connect(lambda: print("draft kept", flush=True))
        editor.texts["what_happened"].setPlainText(text)

    window.notebook_opened.connect(type_a_session)
    window.open_notebook()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
