"""Today's "Recognise this week": a prompt opens Recognise… with its reason filled in, and once recognised the
person leaves the list."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from coachdesk.services import Services
from coachdesk.services.kpis import KpiValueInput
from coachdesk.ui.context import UiContext
from coachdesk.ui.recognition.prompts_section import ACTION_COLUMN
from coachdesk.ui.recognition.recognise_dialog import RecogniseDialog
from coachdesk.ui.today.page import TodayPage
from tests.conftest import TODAY, Team
from tests.ui.conftest import column_texts, press, show_active

MONDAY = TODAY - timedelta(days=TODAY.weekday())


def back_on_target(services: Services, team: Team) -> None:
    """Priya and Tomás both brought CSAT back on target this week."""
    csat = services.kpis.define("CSAT", unit="%", target=85, decimals=0)
    services.kpis.record_values(
        [
            KpiValueInput(csat.id, person.id, MONDAY - timedelta(weeks=weeks_ago), value)
            for person in (team.priya, team.tomas)
            for weeks_ago, value in ((1, 80), (0, 90))
        ]
    )


def prompted_today(qtbot: QtBot, context: UiContext, team: Team) -> TodayPage:
    """Today, active, once its prompts to recognise Priya and Tomás have arrived."""
    back_on_target(context.services, team)
    page = TodayPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 750)
    show_active(qtbot, page)
    qtbot.waitUntil(lambda: page.recognition.section.model.rowCount() == 2)
    return page


def test_a_prompt_opens_recognise_prefilled_and_the_person_then_leaves_the_list(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    page = prompted_today(qtbot, ui_context, team)
    section = page.recognition.section
    assert section.heading.text() == "Recognise this week — 2 people"
    assert column_texts(section.table, 1) == ["CSAT back on target at 90 %, from 80 % (target 85 %)"] * 2

    button = section.table.indexWidget(section.model.index(0, ACTION_COLUMN))
    assert isinstance(button, QPushButton)
    assert button.accessibleName() == "Recognise Priya Shah"
    dashboard = page.view
    button.click()
    dialog = page.findChildren(RecogniseDialog)[0]
    assert dialog.reason.text() == "CSAT back on target at 90 %, from 80 % (target 85 %)"
    assert dialog.kpi.currentText() == "CSAT"
    dialog.save_button.click()

    qtbot.waitUntil(lambda: section.model.rowCount() == 1)
    assert column_texts(section.table, 0) == ["Tomás Ruiz"]
    assert section.heading.text() == "Recognise this week — 1 person"
    assert page.view is dashboard, "recognising someone reloads the prompts alone, not the whole of Today"
    [given] = services.recognition.for_person(team.priya.id)
    assert given.reason == "CSAT back on target at 90 %, from 80 % (target 85 %)"


def test_nobody_to_recognise_says_what_would_appear(qtbot: QtBot, ui_context: UiContext, team: Team) -> None:
    page = TodayPage(ui_context)
    qtbot.addWidget(page)
    page.show()

    section = page.recognition.section
    qtbot.waitUntil(section.empty.isVisible)
    assert section.empty.text().startswith("Nobody new to recognise this week")


def test_tab_goes_from_the_prompts_through_their_buttons_before_leaving_them(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    page = prompted_today(qtbot, ui_context, team)
    section = page.recognition.section
    section.table.setFocus()

    names = []
    for _ in range(2):
        press(qtbot, Qt.Key.Key_Tab)
        names.append(QApplication.focusWidget().accessibleName())

    assert names == ["Recognise Priya Shah", "Recognise Tomás Ruiz"]
