"""Alt letters on the agent page, in the main window: with the Session, KPIs and Plan tabs and the Recognise… and New
session buttons side by side, each letter must lead to one control, whichever tab is open and whether or not the
person has a plan. A letter used twice makes Qt cycle between the two, and the key no longer does what it says."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.services import Services
from coachdesk.services.kpis import KpiValueInput
from coachdesk.ui.agent.page import AgentPage
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import ImmediateTaskRunner
from tests.conftest import Team
from tests.ui.test_agent_plan_tab import escalations_plan
from tests.ui.test_main_window import open_window

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" ("&&" is an ampersand shown as such)."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def visible_mnemonics(window: MainWindow) -> list[tuple[str, str]]:
    """(letter, control) for the menu bar, every tab and each visible button, buddied label and group box."""
    texts = [(action.text(), "menu") for action in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QTabBar):
            texts += [(widget.tabText(i), "tab") for i in range(widget.count()) if widget.isTabVisible(i)]
        elif isinstance(widget, QAbstractButton):
            texts.append((widget.text(), "button"))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append((widget.text(), "label"))
        elif isinstance(widget, QGroupBox):
            texts.append((widget.title(), "group"))
    return [(letter, f"{kind} {text!r}") for text, kind in texts if (letter := mnemonic(text))]


def duplicates(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    counts = Counter(letter for letter, _ in found)
    return {letter: [control for other, control in found if other == letter] for letter in counts if counts[letter] > 1}


@pytest.mark.parametrize("with_plan", [True, False], ids=["with a plan", "without a plan"])
def test_every_alt_letter_on_the_agent_page_leads_to_one_control(
    qtbot: QtBot, services: Services, team: Team, notebook_file: Path, ui_settings: UiSettings, *, with_plan: bool
) -> None:
    if with_plan:
        services.plans.create_plan(team.priya.id, escalations_plan())
    adherence = services.kpis.define("Adherence", unit="%", target=85)
    services.kpis.record_values([KpiValueInput(adherence.id, team.priya.id, date(2026, 11, 16), 86.0)])
    window = open_window(qtbot, notebook_file, ui_settings, ImmediateTaskRunner())
    window.open_agent(team.priya.id)
    page = window.pages["agent"]
    assert isinstance(page, AgentPage)

    for tab in (page.details, page.kpis, page.plan_tab):
        page.tabs.setCurrentWidget(tab)
        found = visible_mnemonics(window)
        shown = {control for _, control in found}
        assert {"button '&Recognise…'", "button '&New session'", "tab '&KPIs'", "tab '&Plan'"} <= shown
        assert duplicates(found) == {}, f"on the {page.tabs.tabText(page.tabs.currentIndex())} tab"
    assert ("button 'Ne&xt step'" in shown) is with_plan
    assert ("button 'S&tart a plan…'" in shown) is not with_plan
    window.close_notebook()
