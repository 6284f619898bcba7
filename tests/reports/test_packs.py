"""Review packs built from the notebook and read back with qpdf and poppler, as a reviewer's tools would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from coachdesk.demo import generate_demo
from coachdesk.errors import ValidationError
from coachdesk.models import CommitmentStatus, MeetingStatus
from coachdesk.reports.content import ALL_SECTIONS, PackContent, PackRequest, Section
from coachdesk.reports.fonts import fallback_font_file
from coachdesk.reports.gather import gather_pack
from coachdesk.reports.layout import PackLayout, Paper, paper_for_locale
from coachdesk.reports.render import render_pack
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import SessionDraft
from coachdesk.services.people import PersonDraft
from tests.conftest import TODAY, Team, past_meeting
from tests.reports.pdf_tools import bookmarks_of, check_structure, info_of, page_count, text_of

YEAR = (date(2025, 11, 24), TODAY)
A4 = PackLayout(Paper.A4, "Northwind Contact Centre")


def build(services: Services, request: PackRequest, path: Path, layout: PackLayout = A4) -> PackContent:
    content = gather_pack(services, request)
    pages = render_pack(content, layout, path)
    check_structure(path)
    assert page_count(path) == pages
    return content


def flat(text: str) -> str:
    """The text with line breaks and runs of spaces as single spaces, so wrapped phrases can be found."""
    return " ".join(text.split())


@pytest.fixture
def demo(services: Services) -> Services:
    generate_demo(services.notebook, agents=6, years=1.0, seed=7, today=TODAY)
    return services


def busiest_agent(services: Services) -> str:
    agents = [p for p in services.people.list_people() if p.is_agent]
    return max(agents, key=lambda p: len(services.log.list_entries(agent_id=p.id, since=YEAR[0]))).id


def test_a_demo_pack_is_sound_and_holds_every_section_with_its_figures(demo: Services, tmp_path: Path) -> None:
    path = tmp_path / "pack.pdf"
    content = build(demo, PackRequest(busiest_agent(demo), *YEAR), path)
    text = flat(text_of(path))
    for section in ALL_SECTIONS:
        assert section.heading in text
    summary = content.summary
    assert content.sessions, "the demo agent has sessions to show"
    assert f"Sessions held {summary.sessions_held}, against a target of {summary.sessions_expected}" in text
    assert f"One-on-ones {summary.one_on_ones_held} held, {summary.one_on_ones_missed} missed" in text
    assert f"Commitments made in sessions {summary.commitments_made}" in text
    assert content.agent.name in text
    assert "24 November 2025 to 23 November 2026" in text
    assert "CONFIDENTIAL" in text
    pages = page_count(path)
    assert f"page {pages} of {pages}" in text
    info = info_of(path)
    assert info["Title"] == f"Review pack: {content.agent.name}, 24 November 2025 to 23 November 2026"
    assert info["Subject"].startswith(f"Performance review evidence for {content.agent.name}")
    assert info["Author"] == demo.people.owner().full_name  # type: ignore[union-attr]


def test_each_section_has_a_bookmark_on_the_page_where_it_starts(demo: Services, tmp_path: Path) -> None:
    path = tmp_path / "pack.pdf"
    build(demo, PackRequest(busiest_agent(demo), *YEAR), path)
    bookmarks = bookmarks_of(path)
    assert [b.title for b in bookmarks] == ["Cover", *(s.heading for s in ALL_SECTIONS)]
    assert bookmarks[0].page == 1
    pages = [b.page for b in bookmarks]
    assert pages == sorted(pages)
    assert bookmarks[-1].page == page_count(path), "the agent's response is the last page"
    page_texts = text_of(path).split("\f")
    for bookmark in bookmarks[1:]:
        assert bookmark.title in flat(page_texts[bookmark.page - 1])


def test_only_the_chosen_sections_are_printed_and_the_cover_says_which(demo: Services, tmp_path: Path) -> None:
    path = tmp_path / "pack.pdf"
    build(demo, PackRequest(busiest_agent(demo), *YEAR, sections=(Section.SUMMARY, Section.SIGN_OFF)), path)
    text = flat(text_of(path))
    assert [b.title for b in bookmarks_of(path)] == ["Cover", "Summary in numbers", "Sign-off"]
    assert "Leader-log evidence" not in text.split("Left out at the manager's choice")[0]
    assert "Left out at the manager's choice Development plan, KPI trends, Leader-log evidence" in text


def test_an_agent_with_no_sessions_still_gets_a_pack_whose_sections_say_they_are_empty(
    services: Services, team: Team, tmp_path: Path
) -> None:
    path = tmp_path / "pack.pdf"
    content = build(services, PackRequest(team.new_starter.id, *YEAR), path)
    text = flat(text_of(path))
    assert content.sessions == ()
    assert "No sessions were logged with this agent in the period." in text
    assert "has no development plan" in text
    assert "No KPI values are recorded for this agent." in text
    assert "No recognition was recorded in the period." in text
    assert "No one-on-ones fell in the period." in text
    assert f"Sessions held 0, against a target of {content.summary.sessions_expected}" in text


def test_names_in_any_script_print_as_written(services: Services, team: Team, tmp_path: Path) -> None:
    names = ["Nguyễn Thị Hồng Nhung", "Дмитрий Соколов", "Σωκράτης Παπαδόπουλος", "Zoë Ångström-Łukasiewicz"]
    people = [services.people.add(PersonDraft(name, reports_to_id=team.leader.id)) for name in names]
    services.log.record_session(
        SessionDraft(tuple(p.id for p in people), "Group huddle: " + ", ".join(names), held_on=date(2026, 6, 1))
    )
    for person in people:
        path = tmp_path / f"{person.id}.pdf"
        build(services, PackRequest(person.id, *YEAR), path)
        text = flat(text_of(path))
        assert person.full_name in text
        assert "Group huddle: " + ", ".join(names) in text


@pytest.mark.skipif(fallback_font_file() is None, reason="no CJK font installed (fonts-droid-fallback)")
def test_chinese_names_print_through_the_fallback_font(services: Services, team: Team, tmp_path: Path) -> None:
    person = services.people.add(PersonDraft("王小明", reports_to_id=team.leader.id))
    path = tmp_path / "pack.pdf"
    build(services, PackRequest(person.id, *YEAR), path)
    assert "王小明" in text_of(path)


def test_text_that_looks_like_markup_prints_as_typed(services: Services, team: Team, tmp_path: Path) -> None:
    typed = 'Said <b>"I quit"</b> & left; <font size="40">huge</font> <br/> &amp; 5 < 6 > 4'
    services.log.record_session(SessionDraft((team.priya.id,), typed, held_on=date(2026, 5, 4), next_steps=typed))
    path = tmp_path / "pack.pdf"
    build(services, PackRequest(team.priya.id, *YEAR), path)
    assert flat(text_of(path)).count(typed) == 2


def test_a_long_note_wraps_and_runs_over_pages_without_losing_words(
    services: Services, team: Team, tmp_path: Path
) -> None:
    words = [f"word{n}" for n in range(4000)]
    services.log.record_session(SessionDraft((team.priya.id,), " ".join(words), held_on=date(2026, 5, 4)))
    path = tmp_path / "pack.pdf"
    build(services, PackRequest(team.priya.id, *YEAR, sections=(Section.LOG,)), path)
    text = flat(text_of(path))
    assert page_count(path) >= 5
    assert all(word in text for word in (words[0], words[1999], words[-1]))
    assert text.index(words[0]) < text.index(words[1999]) < text.index(words[-1])


def test_private_notes_and_private_sessions_are_left_out_unless_asked_for(
    services: Services, team: Team, tmp_path: Path
) -> None:
    services.log.record_session(
        SessionDraft((team.priya.id,), "Open session", held_on=date(2026, 5, 4), private_notes="Health matter")
    )
    services.log.record_session(
        SessionDraft((team.priya.id,), "Hidden session", held_on=date(2026, 5, 5), is_private=True)
    )
    request = PackRequest(team.priya.id, *YEAR)
    shared, private = tmp_path / "shared.pdf", tmp_path / "private.pdf"
    build(services, request, shared)
    build(services, replace(request, include_private=True), private)
    shared_text, private_text = flat(text_of(shared)), flat(text_of(private))
    assert "Open session" in shared_text
    assert "Health matter" not in shared_text
    assert "Hidden session" not in shared_text
    assert "Private notes and private records are left out." in shared_text
    assert "Health matter" in private_text
    assert "Hidden session" in private_text
    assert "Private notes and private records are included at the manager's request." in private_text


def test_sessions_show_follow_through_acknowledgements_and_amendments_in_date_order(
    services: Services, team: Team, tmp_path: Path
) -> None:
    later = services.log.record_session(
        SessionDraft(
            (team.priya.id,),
            "Second session",
            held_on=date(2026, 6, 10),
            commitments=(CommitmentDraft("Shadow Tomás on two calls", team.priya.id, due_on=date(2026, 6, 17)),),
        )
    )
    earlier = services.log.record_session(SessionDraft((team.priya.id,), "First session", held_on=date(2026, 3, 2)))
    services.commitments.follow_up(later.commitments[0].id, CommitmentStatus.DONE, "both calls done")
    services.log.acknowledge(earlier.id, team.priya.id, "Fair summary")
    services.log.sign_off(earlier.id, team.leader.id)
    services.log.edit(earlier.id, {"what_happened": "First session, on holds"}, reason="Wrong topic")
    path = tmp_path / "pack.pdf"
    content = build(services, PackRequest(team.priya.id, *YEAR), path)
    text = flat(text_of(path))
    log = text.split("Leader-log evidence")[2]
    assert log.index("2 March 2026") < log.index("10 June 2026")
    assert "Shadow Tomás on two calls — the agent, due 17 June 2026: followed through on 23 November 2026" in text
    assert "(both calls done)" in text
    assert "Acknowledged by Priya Shah on 23 November 2026: “Fair summary”" in text
    assert "What happened changed from “First session” to “First session, on holds”. Reason: Wrong topic" in text
    assert content.summary.commitments_made == 1
    assert content.summary.commitments_kept == 1


def test_paper_follows_the_locale_unless_chosen(services: Services, team: Team, tmp_path: Path) -> None:
    assert paper_for_locale("en_US.UTF-8") is Paper.LETTER
    assert paper_for_locale("fr_CA") is Paper.LETTER
    assert paper_for_locale("en_GB.UTF-8") is Paper.A4
    assert paper_for_locale("C") is Paper.A4
    assert paper_for_locale("English_United States.1252") is Paper.LETTER, "as Windows names it"
    assert paper_for_locale("English_United Kingdom.1252") is Paper.A4
    path = tmp_path / "pack.pdf"
    build(services, PackRequest(team.priya.id, *YEAR), path, PackLayout(Paper.LETTER))
    assert "letter" in info_of(path)["Page size"]
    assert "CoachDesk review pack" in text_of(path), "without an organisation name the header says what this is"


def test_a_period_that_ends_before_it_starts_is_refused(services: Services, team: Team) -> None:
    with pytest.raises(ValidationError, match=r"The period ends \(2026-01-01\) before it starts \(2026-02-01\)"):
        gather_pack(services, PackRequest(team.priya.id, date(2026, 2, 1), date(2026, 1, 1)))


def test_one_on_one_history_holds_only_this_agents_meetings_with_how_each_went(
    services: Services, team: Team, tmp_path: Path
) -> None:
    mine = services.meetings.create_series(team.leader.id, team.priya.id)
    theirs = services.meetings.create_series(team.leader.id, team.tomas.id)
    past_meeting(services, mine.id, datetime(2026, 9, 7, 10))
    past_meeting(services, mine.id, datetime(2026, 9, 21, 10), MeetingStatus.MISSED)
    past_meeting(services, theirs.id, datetime(2026, 9, 8, 11))
    path = tmp_path / "pack.pdf"
    build(services, PackRequest(team.priya.id, *YEAR), path)
    text = flat(text_of(path))
    assert "One-on-ones 1 held, 1 missed" in text
    assert "7 September 2026, 10:00 Dana Whitfield held 30 min" in text
    assert "21 September 2026, 10:00 Dana Whitfield missed 30 min" in text
    assert "8 September 2026" not in text
