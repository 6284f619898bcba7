"""Team packs on worker processes: progress as each pack lands, and a cancel that stops the run in plain words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coachdesk.reports.content import PackRequest, Section
from coachdesk.reports.layout import PackLayout, Paper
from coachdesk.reports.team import PacksCancelled, TeamRun, build_team_packs
from tests.conftest import NOW, Team
from tests.reports.pdf_tools import check_structure, text_of


def team_run(notebook_file: Path) -> TeamRun:
    request = PackRequest("", date(2026, 1, 1), date(2026, 11, 23), (Section.SUMMARY,))
    return TeamRun(notebook_file, NOW, request, PackLayout(Paper.A4))


def test_each_agent_gets_a_file_and_progress_counts_every_pack(team: Team, notebook_file: Path, tmp_path: Path) -> None:
    agents = [team.priya, team.tomas, team.new_starter]
    seen: list[tuple[int, int]] = []
    built = build_team_packs(
        team_run(notebook_file),
        [a.id for a in agents],
        tmp_path,
        workers=2,
        progress=lambda *p: seen.append(p),
    )
    assert [pack.agent_name for pack in built] == [a.full_name for a in agents]
    assert seen == [(1, 3), (2, 3), (3, 3)]
    for pack, agent in zip(built, agents, strict=True):
        assert pack.path.name == f"{agent.full_name} ({agent.employee_id}).pdf"
        check_structure(pack.path)
        assert agent.full_name in text_of(pack.path)


def test_a_cancelled_run_stops_and_says_how_far_it_got(team: Team, notebook_file: Path, tmp_path: Path) -> None:
    ids = [team.priya.id, team.tomas.id, team.new_starter.id]
    with pytest.raises(PacksCancelled, match=r"Stopped after 0 of 3 packs\."):
        build_team_packs(team_run(notebook_file), ids, tmp_path, workers=1, cancelled=lambda: True)
