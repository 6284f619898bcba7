"""The Review packs screen: choose who, the period and the sections, save, and see where the PDFs went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from coachdesk.reports.content import Section
from coachdesk.services import Services
from coachdesk.ui.context import UiContext
from coachdesk.ui.packs.page import ReviewPacksPage
from tests.conftest import Team
from tests.reports.pdf_tools import bookmarks_of, check_structure, text_of
from tests.ui.conftest import RecordingNavigator, show_active


def packs_page(qtbot: QtBot, ui_context: UiContext, target: Path) -> ReviewPacksPage:
    page = ReviewPacksPage(ui_context)
    page.ask_target = lambda suggested, folder: target  # type: ignore[method-assign]
    qtbot.addWidget(page)
    show_active(qtbot, page)
    qtbot.waitUntil(lambda: page.who.count() > 0)
    return page


def billing_team_page(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, target: Path
) -> ReviewPacksPage:
    """The screen with "Whole team: Billing" chosen, a team of Priya and Tomás."""
    for person in (team.priya, team.tomas):
        services.people.save(person.id, services.people.draft_of(person.id), "Billing")
    page = packs_page(qtbot, ui_context, target)
    page.refresh()
    qtbot.waitUntil(lambda: page.who.findText("Whole team: Billing") >= 0)
    choose(page, "Whole team: Billing")
    return page


def choose(page: ReviewPacksPage, text: str) -> None:
    index = page.who.findText(text)
    assert index >= 0, f"{text} is offered"
    page.who.setCurrentIndex(index)


def test_one_agents_pack_is_saved_with_the_ticked_sections_and_the_organisation_remembered(
    qtbot: QtBot, ui_context: UiContext, team: Team, navigator: RecordingNavigator, tmp_path: Path
) -> None:
    target = tmp_path / "priya.pdf"
    page = packs_page(qtbot, ui_context, target)
    choose(page, "Priya Shah")
    for section, check in page.sections.items():
        check.setChecked(section in (Section.SUMMARY, Section.SIGN_OFF))
    page.organisation.setText("Northwind")
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.outcome.text().startswith("Saved 1 pack"))
    check_structure(target)
    assert [b.title for b in bookmarks_of(target)] == ["Cover", "Summary in numbers", "Sign-off"]
    assert "Northwind" in text_of(target)
    assert str(target) in navigator.messages[-1]
    assert page.open_button.isVisible()
    again = packs_page(qtbot, ui_context, target)
    assert again.organisation.text() == "Northwind", "the organisation line is remembered in the notebook"


def test_with_no_section_ticked_there_is_nothing_to_make(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path
) -> None:
    page = packs_page(qtbot, ui_context, tmp_path / "p.pdf")
    for check in page.sections.values():
        check.setChecked(False)
    assert not page.make.isEnabled()
    page.sections[Section.LOG].setChecked(True)
    assert page.make.isEnabled()


def test_the_period_cannot_end_before_it_starts(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path
) -> None:
    page = packs_page(qtbot, ui_context, tmp_path / "p.pdf")
    page.last_day.setDate(QDate(2026, 3, 1))
    page.first_day.setDate(QDate(2026, 6, 1))
    assert page.last_day.date() == QDate(2026, 6, 1)


def test_a_whole_team_gets_one_file_per_agent(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, tmp_path: Path
) -> None:
    page = billing_team_page(qtbot, ui_context, services, team, tmp_path)
    assert page.combined.isEnabled()
    page.sections[Section.LOG].setChecked(False)
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.outcome.text().startswith("Saved 2 packs"), timeout=60_000)
    names = sorted(path.name for path in tmp_path.glob("*.pdf"))
    assert names == ["Priya Shah (A1).pdf", "Tomás Ruiz (A2).pdf"]
    assert (page.progress.value(), page.progress.maximum()) == (2, 2)


def test_a_team_run_can_be_cancelled_and_says_how_far_it_got(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, tmp_path: Path
) -> None:
    page = billing_team_page(qtbot, ui_context, services, team, tmp_path)
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)
    assert page.cancel.isVisible()
    qtbot.mouseClick(page.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.outcome.text() == "Stopped after 0 of 2 packs.", timeout=60_000)
    assert page.make.isEnabled()
    assert not page.cancel.isVisible()
