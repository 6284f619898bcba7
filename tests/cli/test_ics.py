"""`coachdesk ics`: the one-on-one schedule written to a file a calendar program imports."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
import vobject

from coachdesk.services import Services
from tests.cli.test_cli import coachdesk
from tests.conftest import Team


@pytest.fixture
def folder(services: Services, team: Team, notebook_file: Path) -> Path:
    """The test notebook's folder, holding Dana's series with Priya and Grace's with Dana, both on a usual time."""
    services.meetings.create_series(
        team.leader.id, team.priya.id, weekday=3, usual_time=time(10), timezone="Europe/London"
    )
    services.meetings.create_series(team.senior.id, team.leader.id, weekday=1, usual_time=time(15))
    return notebook_file.parent


def summaries(target: Path) -> list[str]:
    calendar = vobject.readOne(target.read_text(encoding="utf-8"))
    return sorted(event.summary.value for event in calendar.vevent_list)


def test_the_schedule_is_written_and_counted(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "one-on-ones.ics"
    assert coachdesk(folder, "ics", "-o", str(target)) == 0
    assert capsys.readouterr().out == f"Wrote 2 one-on-one series to {target}.\n"
    assert summaries(target) == ["One-on-one: Dana Whitfield ↔ Priya Shah", "One-on-one: Grace Okafor ↔ Dana Whitfield"]


def test_an_existing_file_is_kept_unless_forced(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "one-on-ones.ics"
    target.write_text("my own calendar", encoding="utf-8")
    assert coachdesk(folder, "ics", "-o", str(target)) == 1
    assert f"{target} already exists; choose another name or add --force." in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "my own calendar"
    assert coachdesk(folder, "ics", "-o", str(target), "--force") == 0
    assert len(summaries(target)) == 2


def test_one_managers_series_only(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "grace.ics"
    assert coachdesk(folder, "ics", "-o", str(target), "--manager", "Grace") == 0
    assert capsys.readouterr().out == f"Wrote 1 one-on-one series to {target}.\n"
    assert summaries(target) == ["One-on-one: Grace Okafor ↔ Dana Whitfield"]
    assert coachdesk(folder, "ics", "-o", str(tmp_path / "nobody.ics"), "--manager", "Nobody") == 1
    assert "Nobody in the notebook matches “Nobody”." in capsys.readouterr().err
    assert not (tmp_path / "nobody.ics").exists()


def test_a_series_that_cannot_be_placed_is_named(
    folder: Path, services: Services, team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services.meetings.create_series(team.leader.id, team.tomas.id)
    assert coachdesk(folder, "ics", "-o", str(tmp_path / "one-on-ones.ics")) == 0
    assert "Left out, with no meeting booked and no usual time to repeat from: Dana Whitfield ↔ Tomás Ruiz." in (
        capsys.readouterr().out
    )


def test_the_file_is_required(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        coachdesk(folder, "ics")
    assert exited.value.code == 2
    assert "-o/--output" in capsys.readouterr().err
