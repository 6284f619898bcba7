"""The demo notebook: the same for the same seed, never mixed into real records, and as sound as a real notebook."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from coachdesk.cli import main
from coachdesk.demo import DemoSummary, generate_demo
from coachdesk.errors import ValidationError
from coachdesk.models import LogEntry
from coachdesk.services import Services, build_services
from coachdesk.services.integrity import Severity
from coachdesk.services.tracker import CoachingStatus
from coachdesk.storage import open_notebook
from tests.conftest import NOW, TODAY, Team

SEED = 7


@dataclass(frozen=True)
class Demo:
    services: Services
    summary: DemoSummary


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """One default-sized demo shared by the tests that only read it: building it is the slow part."""
    notebook = open_notebook(tmp_path_factory.mktemp("demo") / "notebook.sqlite3")
    summary = generate_demo(notebook, seed=SEED, today=TODAY)
    yield Demo(build_services(notebook, clock=lambda: NOW), summary)
    notebook.close()


def names(services: Services) -> list[str]:
    return [person.full_name for person in services.people.list_people()]


def small_demo(seed: int, file: Path) -> tuple[list[str], DemoSummary]:
    notebook = open_notebook(file)
    try:
        summary = generate_demo(notebook, agents=6, years=0.3, seed=seed, today=TODAY)
        return names(build_services(notebook, clock=lambda: NOW)), summary
    finally:
        notebook.close()


def test_the_same_seed_makes_the_same_notebook_and_another_seed_a_different_one(tmp_path: Path) -> None:
    first = small_demo(SEED, tmp_path / "first.sqlite3")
    assert small_demo(SEED, tmp_path / "again.sqlite3") == first
    other_names, _ = small_demo(SEED + 1, tmp_path / "other.sqlite3")
    assert other_names != first[0]


def test_a_notebook_that_holds_people_is_refused_and_left_as_it_was(services: Services, team: Team) -> None:
    before = services.export.document()["export"]["counts"]
    with pytest.raises(ValidationError, match="already holds people"):
        generate_demo(services.notebook, agents=6, years=0.3, seed=SEED, today=TODAY)
    assert services.export.document()["export"]["counts"] == before
    assert names(services) == ["Dana Whitfield", "Grace Okafor", "Priya Shah", "Tomás Ruiz", "Zoë Álvarez"]
    owner = services.people.owner()
    assert owner is not None
    assert owner.full_name == "Dana Whitfield"


def test_a_demo_notebook_passes_every_integrity_check(demo: Demo) -> None:
    assert {finding.severity for finding in demo.services.integrity.check()} == {Severity.OK}


def test_the_tracker_shows_agents_overdue_and_agents_due_soon(demo: Demo) -> None:
    statuses = {row.status for row in demo.services.tracker.agents()}
    assert {CoachingStatus.OVERDUE, CoachingStatus.DUE_SOON} <= statuses


def test_private_notes_and_entries_are_kept_but_never_exported_for_others(demo: Demo) -> None:
    with demo.services.notebook.read() as session:
        notes = set(session.scalars(select(LogEntry.private_notes).where(LogEntry.private_notes != "")))
        private_entries = set(session.scalars(select(LogEntry.id).where(LogEntry.is_private)))
    assert notes
    assert private_entries
    document = demo.services.export.document()
    exported = json.dumps(document, ensure_ascii=False)
    assert [note for note in notes if note in exported] == []
    assert private_entries.isdisjoint(entry["id"] for entry in document["log_entries"])


def test_the_demo_command_fills_a_notebook_whose_people_are_then_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "data")
    assert main(["--data-dir", folder, "demo", "--agents", "6", "--years", "0.3"]) == 0
    assert "9 people (6 agents, 3 managers)" in capsys.readouterr().out
    assert main(["--data-dir", folder, "people", "--format", "json"]) == 0
    listed = [person["full_name"] for person in json.loads(capsys.readouterr().out)]
    assert main(["--data-dir", folder, "people"]) == 0
    table = capsys.readouterr().out
    assert len(listed) == 9
    assert [name for name in listed if name not in table] == []
    assert table.endswith("9 people.\n")
