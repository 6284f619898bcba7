"""`coachdesk import-kpis`: the preview it prints, its exit status, and what it leaves in the notebook."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.config import notebook_path
from coachdesk.models import KpiPeriod
from coachdesk.services import build_services
from coachdesk.storage import open_notebook
from tests.cli.test_cli import coachdesk

WIDE = "Agent ID,Week,AHT,CSAT\nA1,2026-11-18,312,91\nA2,19/11/2026,280,\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A notebook with two agents and two weekly KPIs, made the way a user would: a roster, then KPI definitions."""
    data = tmp_path / "data"
    roster = tmp_path / "roster.csv"
    roster.write_text("name,employee_id\nPriya Shah,A1\nTomás Ruiz,A2\n", encoding="utf-8")
    assert coachdesk(data, "import-roster", str(roster)) == 0
    notebook = open_notebook(notebook_path(data))
    try:
        services = build_services(notebook)
        services.kpis.define("AHT", period=KpiPeriod.WEEK)
        services.kpis.define("CSAT", period=KpiPeriod.WEEK)
    finally:
        notebook.close()
    return data


def write(tmp_path: Path, text: str, name: str = "weekly.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_wide_export_is_previewed_and_imported(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert coachdesk(folder, "import-kpis", str(write(tmp_path, WIDE))) == 0
    out = capsys.readouterr().out
    assert "Columns: agent_id → person, week → period, aht → AHT, csat → CSAT" in out
    assert "row    2  new     Priya Shah  AHT  2026-11-16  312" in out
    assert "row    3  new     Tomás Ruiz  AHT  2026-11-16  280" in out
    assert "Imported weekly.csv: added 3 values, updated 0." in out

    assert coachdesk(folder, "import-kpis", "--dry-run", str(write(tmp_path, WIDE.replace("312", "299")))) == 0
    out = capsys.readouterr().out
    assert "row    2  update  Priya Shah  AHT  2026-11-16  299 (was 312)" in out
    assert "Dry run: would add no values and update 3. Nothing changed." in out
    assert coachdesk(folder, "import-kpis", "--dry-run", str(write(tmp_path, WIDE))) == 0
    assert "update  Priya Shah  AHT  2026-11-16  312 (was 312)" in capsys.readouterr().out


def test_a_bad_export_is_refused_with_row_numbers_and_imports_nothing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    bad = write(tmp_path, WIDE + "Z9,2026-11-18,300,90\nA2,someday,1,2\n", "bad.csv")
    assert coachdesk(folder, "import-kpis", str(bad)) == 1
    error = capsys.readouterr().err
    assert "bad.csv was not imported: 2 problems found. Nothing was changed." in error
    assert "row 4: nobody in the notebook has the employee id or name “Z9”" in error
    assert "row 5: the date “someday” is not a date" in error
    assert coachdesk(folder, "import-kpis", "--dry-run", str(write(tmp_path, WIDE))) == 0
    assert "would add 3 values and update 0" in capsys.readouterr().out


def test_columns_are_mapped_on_the_command_line_and_remembered(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = write(tmp_path, "Ref,Shift,Handle\nA1,2026-11-18,312\n", "odd.csv")
    assert coachdesk(folder, "import-kpis", str(export)) == 1
    assert "row 1: no column names the person" in capsys.readouterr().err

    assert (
        coachdesk(
            folder, "import-kpis", str(export), "--map", "Ref=person", "--map", "Shift=period", "--map", "Handle=AHT"
        )
        == 0
    )
    assert "added 1 value, updated 0" in capsys.readouterr().out
    assert coachdesk(folder, "import-kpis", "--dry-run", str(export)) == 0
    assert "Columns: ref → person, shift → period, handle → AHT" in capsys.readouterr().out


def test_a_malformed_map_or_unknown_field_is_refused(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = write(tmp_path, WIDE)
    with pytest.raises(SystemExit):
        coachdesk(folder, "import-kpis", str(export), "--map", "Agent ID")
    assert "should be COLUMN=FIELD" in capsys.readouterr().err
    assert coachdesk(folder, "import-kpis", str(export), "--map", "Week=Occupancy") == 1
    assert "“Occupancy” is not something a column can hold" in capsys.readouterr().err
