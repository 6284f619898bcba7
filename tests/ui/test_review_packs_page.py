"""The Review packs screen: choose who, the period and the sections, save, and see where the PDFs went."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from coachdesk.reports.content import Section
from coachdesk.services import Services
from coachdesk.services.log import SessionDraft
from coachdesk.ui.context import ChangeNotices, UiContext
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.packs.page import ReviewPacksPage
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.widgets import as_date
from tests.conftest import TODAY, Team
from tests.reports.pdf_tools import bookmarks_of, check_structure, info_of, page_count, text_of
from tests.ui.conftest import ManualTaskRunner, RecordingNavigator, show_active


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


def ink_share(image: QImage) -> float:
    """The share of sampled pixels that are not white paper."""
    samples = [(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)]
    return sum(image.pixelColor(x, y).lightness() < 200 for x, y in samples) / len(samples)


@pytest.mark.parametrize("paper_shape", [("A4", 297 / 210), ("Letter", 11 / 8.5)], ids=["A4", "Letter"])
def test_preview_shows_the_first_page_on_the_chosen_paper(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path, paper_shape: tuple[str, float]
) -> None:
    paper, height_per_width = paper_shape
    page = packs_page(qtbot, ui_context, tmp_path / "p.pdf")
    page.resize(1200, 800)
    choose(page, "Priya Shah")
    page.paper.setCurrentText(paper)
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.preview.page is not None)
    full = page.preview.page
    assert full is not None
    assert full.height() / full.width() == pytest.approx(height_per_width, abs=0.005)
    shown = page.preview.pixmap()
    assert shown.height() / shown.width() == pytest.approx(height_per_width, abs=0.01)
    assert shown.height() < full.height(), "scaled down to fit the screen"
    assert shown.height() <= page.preview.height()
    assert ink_share(full.toImage()) > 0.01, "the page has print on it"
    assert page.preview_caption.text().startswith("Page 1 of ")
    assert "Priya Shah" in page.preview_caption.text()
    assert not list(tmp_path.glob("*.pdf")), "a preview saves nothing"
    page.private.setChecked(True)
    assert "changed since this preview" in page.preview_caption.text()


def test_a_preview_that_cannot_be_made_says_why_in_its_place(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, tmp_path: Path
) -> None:
    page = packs_page(qtbot, ui_context, tmp_path / "p.pdf")
    choose(page, "Priya Shah")
    page.first_day.setDate(QDate(2026, 6, 1))
    page.last_day.setMinimumDate(QDate(2000, 1, 1))
    page.last_day.setDate(QDate(2026, 3, 1))
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert page.preview.page is None
    assert page.preview.text() == "No preview: The period ends (2026-03-01) before it starts (2026-06-01)."


def test_print_sends_every_page_of_the_saved_pack_to_the_printer(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path
) -> None:
    saved, printed = tmp_path / "priya.pdf", tmp_path / "printed.pdf"
    page = packs_page(qtbot, ui_context, saved)
    choose(page, "Priya Shah")
    page.paper.setCurrentText("Letter")
    assert not page.print_button.isVisible(), "nothing to print before a pack is saved"
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.outcome.text().startswith("Saved 1 pack"))

    def to_file(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    page.ask_printer = to_file  # type: ignore[method-assign]
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.outcome.text().startswith("Sent "), timeout=60_000)
    pages = page_count(saved)
    assert page.outcome.text() == f"Sent {pages} pages to the printer."
    assert page_count(printed) == pages
    assert info_of(printed)["Page size"].startswith("612 x 792 pts"), "printed on the pack's own Letter paper"


def test_arriving_from_a_persons_page_chooses_them_even_when_they_are_not_an_agent(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path
) -> None:
    page = packs_page(qtbot, ui_context, tmp_path / "dana.pdf")
    page.first_day.setDate(QDate(2026, 9, 1))
    page.choose_agent(team.leader.id)
    assert page.who.currentText() == "Dana Whitfield"
    assert (as_date(page.first_day.date()), as_date(page.last_day.date())) == (TODAY - timedelta(days=365), TODAY)
    page.choose_agent(team.tomas.id)
    assert page.who.currentText() == "Tomás Ruiz"


def test_private_notes_reach_the_pack_only_when_ticked(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, tmp_path: Path
) -> None:
    services.log.record_session(
        SessionDraft(
            (team.priya.id,), "Reviewed calls", held_on=TODAY - timedelta(days=3), private_notes="Health matter"
        )
    )
    shared, private = tmp_path / "shared.pdf", tmp_path / "private.pdf"
    page = packs_page(qtbot, ui_context, shared)
    choose(page, "Priya Shah")
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)
    page.ask_target = lambda suggested, folder: private  # type: ignore[method-assign]
    page.private.setChecked(True)
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)
    assert "Reviewed calls" in text_of(shared)
    assert "Health matter" not in text_of(shared)
    assert "Health matter" in text_of(private)


@pytest.mark.parametrize("paper_setting", [("", "A4"), ("en_US.UTF-8", "Letter")], ids=["desktop", "LC_PAPER"])
def test_paper_follows_the_desktops_locale_unless_the_environment_names_one(
    qtbot: QtBot,
    ui_context: UiContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    paper_setting: tuple[str, str],
) -> None:
    lc_paper, expected = paper_setting
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(name, raising=False)
    if lc_paper:
        monkeypatch.setenv("LC_PAPER", lc_paper)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        page = ReviewPacksPage(ui_context)
        qtbot.addWidget(page)
    finally:
        QLocale.setDefault(previous)
    assert page.paper.currentText() == expected


def test_a_preview_that_arrives_after_the_choices_changed_says_so(
    qtbot: QtBot, services: Services, team: Team, tmp_path: Path, ui_settings: UiSettings
) -> None:
    held = ManualTaskRunner()
    context = UiContext(services, held, ErrorReporter(tmp_path), ChangeNotices(), ui_settings, RecordingNavigator())
    page = ReviewPacksPage(context)
    qtbot.addWidget(page)
    page.show()
    held.run_all()
    choose(page, "Priya Shah")
    page.show_preview()
    assert page.preview.text() == "Drawing the first page…"
    choose(page, "Tomás Ruiz")
    held.run_all()
    assert page.preview.page is not None
    assert page.preview_caption.text().startswith("The choices have changed since this preview")


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_a_printer_that_cannot_start_is_explained(
    qtbot: QtBot, ui_context: UiContext, team: Team, tmp_path: Path
) -> None:
    page = packs_page(qtbot, ui_context, tmp_path / "priya.pdf")
    choose(page, "Priya Shah")
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)

    def to_nowhere(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "no such folder" / "printed.pdf"))
        return True

    page.ask_printer = to_nowhere  # type: ignore[method-assign]
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert page.outcome.text() == "The pack was not printed."
    assert ui_context.errors.shown[-1].startswith("The printer could not be started.")
    assert page.make.isEnabled()
