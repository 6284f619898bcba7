"""The `coachdesk` command as a script would use it: output, exit status, and what it leaves in the notebook."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.cli import main

ROSTER = """name,employee_id,role,reports_to,start_date
Dana Whitfield,L1,Team leader,,2021-06-14
Priya Shah,A1,Adviser,L1,2025-12-01
Tomás Ruiz,A2,Adviser,L1,2022-03-14
"""


def coachdesk(data_dir: Path, *arguments: str) -> int:
    return main(["--data-dir", str(data_dir), *arguments])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def roster_folder(folder: Path, tmp_path: Path) -> Path:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert coachdesk(folder, "import-roster", str(roster)) == 0
    assert coachdesk(folder, "owner", "Dana") == 0
    return folder


def test_a_roster_is_imported_and_listed(roster_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert coachdesk(roster_folder, "people", "--format", "json") == 0
    people = json.loads(capsys.readouterr().out)
    assert sorted(p["full_name"] for p in people) == ["Dana Whitfield", "Priya Shah", "Tomás Ruiz"]


def test_a_bad_roster_is_refused_with_row_numbers_and_imports_nothing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "bad.csv"
    roster.write_text(ROSTER + "Kofi Mensah,A3,Adviser,Someone Else,2024-02-30\n", encoding="utf-8")
    assert coachdesk(folder, "import-roster", str(roster)) == 1
    error = capsys.readouterr().err
    assert "bad.csv was not imported: 2 problems found. Nothing was changed." in error
    assert "row 5: reports to “Someone Else”, who is neither in this file nor in the notebook" in error
    assert "row 5: the start date “2024-02-30” is not a date" in error
    assert coachdesk(folder, "people") == 0
    assert capsys.readouterr().out.strip() == "0 people."


def test_a_dry_run_changes_nothing(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert coachdesk(folder, "import-roster", "--dry-run", str(roster)) == 0
    assert "would add 3 people" in capsys.readouterr().out
    coachdesk(folder, "people")
    assert capsys.readouterr().out.strip() == "0 people."


def test_a_session_is_logged_listed_shown_edited_and_deleted(
    roster_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    status = coachdesk(
        roster_folder,
        "log",
        "add",
        "--agent",
        "priya",
        "--what",
        "Reviewed three calls on adherence.",
        "--rating",
        "4",
        "--commit",
        "Set a reminder after lunch",
        "--my-commit",
        "Change the break rota",
        "--private-notes",
        "Childcare worries",
        "--date",
        "2026-11-20",
        "--format",
        "json",
    )
    assert status == 0
    entry = json.loads(capsys.readouterr().out)
    assert (entry["coach_name"], entry["performance_rating"]) == ("Dana Whitfield", 4)
    assert {(c["owner_name"], c["text"]) for c in entry["commitments"]} == {
        ("Priya Shah", "Set a reminder after lunch"),
        ("Dana Whitfield", "Change the break rota"),
    }

    assert coachdesk(roster_folder, "log", "list", "--agent", "Priya Shah", "--format", "json") == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["id"] == entry["id"]

    short = entry["id"][:8]
    assert coachdesk(roster_folder, "log", "show", short) == 0
    shown = capsys.readouterr().out
    assert "Reviewed three calls on adherence." in shown
    assert "Private notes (yours alone):\n  Childcare worries" in shown

    assert coachdesk(roster_folder, "log", "edit", short, "--rating", "5") == 0
    assert "Changed entry" in capsys.readouterr().out
    assert coachdesk(roster_folder, "log", "delete", short) == 0
    assert capsys.readouterr().out.strip() == f"Deleted entry {short}."
    coachdesk(roster_folder, "log", "list")
    assert capsys.readouterr().out.strip() == "0 entries."


def test_log_add_refuses_unknown_people_and_future_dates(
    roster_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert coachdesk(roster_folder, "log", "add", "--agent", "Wanda", "--what", "x") == 1
    assert "Nobody in the notebook matches “Wanda”." in capsys.readouterr().err
    assert coachdesk(roster_folder, "log", "add", "--agent", "A1", "--what", "x", "--date", "2999-01-01") == 1
    assert "cannot be logged for a date in the future" in capsys.readouterr().err


def test_export_check_and_backup(roster_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    coachdesk(roster_folder, "log", "add", "--agent", "A2", "--what", "Side-by-side.", "--private-notes", "PRIVATE")
    export = tmp_path / "out.json"
    assert coachdesk(roster_folder, "export", "-o", str(export)) == 0
    document = json.loads(export.read_text(encoding="utf-8"))
    assert len(document["people"]) == 3
    assert "PRIVATE" not in export.read_text(encoding="utf-8")

    assert coachdesk(roster_folder, "check") == 0
    assert "is healthy" in capsys.readouterr().out

    copy = tmp_path / "copy.sqlite3"
    assert coachdesk(roster_folder, "backup", "-o", str(copy)) == 0
    assert coachdesk(roster_folder, "backup", "-o", str(copy)) == 1
    assert "already exists" in capsys.readouterr().err
    assert coachdesk(tmp_path / "copy-folder", "check") == 0


def test_a_refused_notebook_is_explained_and_left_alone(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder.mkdir()
    stranger = folder / "notebook.sqlite3"
    stranger.write_text("these are not the notes you are looking for", encoding="utf-8")
    assert coachdesk(folder, "people") == 1
    assert "is not a CoachDesk notebook" in capsys.readouterr().err
    assert stranger.read_text(encoding="utf-8") == "these are not the notes you are looking for"


def test_the_installed_command_reports_usage_errors_with_status_2(tmp_path: Path) -> None:
    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "coachdesk", "--data-dir", str(tmp_path), *arguments],
            capture_output=True,
            text=True,
            check=False,
        )

    assert run("--help").returncode == 0
    assert run("log", "add", "--help").returncode == 0
    wrong = run("log", "add", "--agent", "x", "--what", "y", "--date", "yesterday")
    assert wrong.returncode == 2
    assert "“yesterday” is not a date; write it as YYYY-MM-DD" in wrong.stderr
    assert run("frobnicate").returncode == 2
