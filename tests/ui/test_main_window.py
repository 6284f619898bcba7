"""The window a person sees on start: the notebook opens off the GUI thread and says what it holds."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from coachdesk.cli import main
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.tasks import ImmediateTaskRunner, ThreadTaskRunner


def open_window(qtbot: QtBot, folder: Path, tasks: ImmediateTaskRunner | ThreadTaskRunner) -> MainWindow:
    window = MainWindow(tasks, ErrorReporter(folder), folder / "notebook.sqlite3")
    qtbot.addWidget(window)
    window.show()
    window.open_notebook()
    return window


def test_a_new_notebook_opens_empty_and_says_how_to_fill_it(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path, ImmediateTaskRunner())
    assert window.heading.text() == "Your notebook is ready"
    assert "It is empty" in window.details.text()
    assert "coachdesk import-roster" in window.details.text()
    assert (tmp_path / "notebook.sqlite3").exists()
    window.close_notebook()


def test_the_window_opens_the_notebook_on_the_worker_thread(qtbot: QtBot, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,employee_id,reports_to\nDana,L1,\nPriya,A1,L1\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "import-roster", str(roster)]) == 0
    tasks = ThreadTaskRunner()
    window = open_window(qtbot, tmp_path, tasks)
    assert window.heading.text() == "Opening your notebook…"
    qtbot.waitUntil(lambda: window.heading.text() == "Your notebook is ready")
    assert "2 people (1 active agents)" in window.details.text()
    assert window.statusBar().currentMessage().endswith("— saved")
    tasks.shutdown()
    window.close_notebook()


def test_a_file_that_is_not_a_notebook_is_explained_without_a_traceback(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "notebook.sqlite3").write_text("a shopping list", encoding="utf-8")
    window = open_window(qtbot, tmp_path, ImmediateTaskRunner())
    assert window.heading.text() == "The notebook could not be opened"
    assert "is not a CoachDesk notebook" in window.details.text()
    assert "Traceback" not in window.details.text()
    assert (tmp_path / "notebook.sqlite3").read_text(encoding="utf-8") == "a shopping list"


def test_an_unexpected_failure_is_logged_and_shown_as_an_apology(tmp_path: Path) -> None:
    reporter = ErrorReporter(tmp_path)
    try:
        raise KeyError("boom")
    except KeyError as error:
        message = reporter.message_for(error)
    assert message.startswith("Something went wrong that should not have. Your notebook is safe")
    assert "KeyError: 'boom'" in (tmp_path / "coachdesk.log").read_text(encoding="utf-8")
