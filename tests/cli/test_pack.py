"""`coachdesk pack` as a manager would run it before a review: one agent, a whole team, and plain-word refusals."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coachdesk.cli import main
from coachdesk.cli.pack_commands import SECTION_WORDS
from coachdesk.reports.content import Section
from coachdesk.services import build_services
from coachdesk.services.people import PersonView
from coachdesk.storage import open_notebook
from tests.reports.pdf_tools import bookmarks_of, check_structure, text_of


def coachdesk(data_dir: Path, *arguments: str) -> int:
    return main(["--data-dir", str(data_dir), *arguments])


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pack-cli") / "data"
    assert coachdesk(folder, "demo", "--agents", "6") == 0
    return folder


@pytest.fixture(scope="module")
def agents(demo_folder: Path) -> list[PersonView]:
    notebook = open_notebook(demo_folder / "notebook.sqlite3")
    try:
        return [p for p in build_services(notebook).people.list_people() if p.is_agent]
    finally:
        notebook.close()


def test_one_agents_pack_is_written_with_the_chosen_sections(
    demo_folder: Path, agents: list[PersonView], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pack.pdf"
    agent = agents[0].full_name
    arguments = ["--agent", agent, "--from", "2026-01-01", "--to", "2026-06-30", "--sections", "summary,log"]
    assert coachdesk(demo_folder, "pack", *arguments, "--paper", "letter", "-o", str(target)) == 0
    assert f"Wrote the review pack for {agent} (1 January 2026 to 30 June 2026" in capsys.readouterr().out
    check_structure(target)
    assert [b.title for b in bookmarks_of(target)] == ["Cover", "Summary in numbers", "Leader-log evidence"]
    assert agent in text_of(target)


def test_a_teams_packs_are_one_file_per_agent_or_one_combined_file(
    demo_folder: Path, agents: list[PersonView], tmp_path: Path
) -> None:
    team = agents[0].team_name or ""
    members = sorted(a.full_name for a in agents if a.team_name == team)
    folder = tmp_path / "packs"
    assert coachdesk(demo_folder, "pack", "--team", team.upper(), "--sections", "summary", "-o", str(folder)) == 0
    files = sorted(folder.glob("*.pdf"))
    assert [f.name.rsplit(" (", 1)[0] for f in files] == members
    for file in files:
        check_structure(file)
    combined = tmp_path / "team.pdf"
    assert coachdesk(demo_folder, "pack", "--team", team, "--combined", "--jobs", "2", "-o", str(combined)) == 0
    check_structure(combined)
    bookmarks = bookmarks_of(combined)
    assert [b.title for b in bookmarks] == members
    assert all(len(b.children) == len(Section) for b in bookmarks)
    assert text_of(combined).count("page 1 of ") == len(members), "each agent's pack is numbered on its own"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--agent", "Nobody Atall"], "Nobody in the notebook matches “Nobody Atall”."),
        (["--team", "Nowhere"], "There is no team called “Nowhere”. Teams in the notebook: "),
        (
            ["--agent", "a", "--from", "2026-05-01", "--to", "2026-04-01"],
            "The period ends (2026-04-01) before it starts",
        ),
        (["--agent", "a", "--combined"], "--combined goes with --team"),
    ],
)
def test_mistakes_are_refused_in_plain_words(
    demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    assert coachdesk(demo_folder, "pack", *arguments, "-o", str(tmp_path / "pack.pdf")) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "pack.pdf").exists()


def test_bad_dates_and_sections_are_usage_errors(demo_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        coachdesk(demo_folder, "pack", "--agent", "a", "--from", "2026-02-30", "-o", "x.pdf")
    assert stopped.value.code == 2
    assert "“2026-02-30” is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        coachdesk(demo_folder, "pack", "--agent", "a", "--sections", "summary,gossip", "-o", "x.pdf")
    assert "“gossip” is not a section" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_place_is_refused_before_any_work(
    demo_folder: Path, agents: list[PersonView], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert coachdesk(demo_folder, "pack", "--agent", agents[0].full_name, "-o", str(locked / "p.pdf")) == 1
    assert f"Cannot write {locked / 'p.pdf'}: permission denied." in capsys.readouterr().err


def test_a_missing_folder_is_named(
    demo_folder: Path, agents: list[PersonView], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "pack.pdf"
    assert coachdesk(demo_folder, "pack", "--agent", agents[0].full_name, "-o", str(target)) == 1
    assert f"The folder {target.parent} does not exist." in capsys.readouterr().err


def test_the_command_line_knows_every_section() -> None:
    assert tuple(s.value for s in Section) == SECTION_WORDS


def test_the_organisation_line_comes_from_the_notebook_unless_given(
    demo_folder: Path, agents: list[PersonView], tmp_path: Path
) -> None:
    notebook = open_notebook(demo_folder / "notebook.sqlite3")
    try:
        build_services(notebook).settings.set_organisation("Acme Care")
    finally:
        notebook.close()
    remembered, given = tmp_path / "remembered.pdf", tmp_path / "given.pdf"
    arguments = ("pack", "--agent", agents[0].full_name, "--sections", "summary")
    assert coachdesk(demo_folder, *arguments, "-o", str(remembered)) == 0
    assert coachdesk(demo_folder, *arguments, "--organisation", "Other Co", "-o", str(given)) == 0
    assert "Acme Care" in text_of(remembered)
    assert "Other Co" in text_of(given)
    assert "Acme Care" not in text_of(given)
