"""The One-on-ones screen: this week's meetings and every series, with the next meeting and the last one held."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coachdesk.models import Cadence, MeetingStatus
from coachdesk.services import Services
from coachdesk.services.people import PersonDraft
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.meetings.page import OneOnOnesPage, load_one_on_ones
from coachdesk.ui.widgets import status_colour
from tests.conftest import Team, past_meeting
from tests.ui.conftest import RecordingNavigator, column_texts


@pytest.fixture
def series(services: Services, team: Team) -> None:
    """Priya fortnightly with a meeting this week; Tomás weekly, slipping, with nothing scheduled."""
    priya = services.meetings.create_series(team.leader.id, team.priya.id, weekday=2)
    tomas = services.meetings.create_series(team.leader.id, team.tomas.id, Cadence.WEEKLY)
    past_meeting(services, priya.id, datetime(2026, 11, 9, 10, 0), MeetingStatus.HELD)
    past_meeting(services, priya.id, datetime(2026, 10, 26, 10, 0), MeetingStatus.MISSED)
    past_meeting(services, priya.id, datetime(2026, 5, 4, 10, 0), MeetingStatus.MISSED)
    past_meeting(services, priya.id, datetime(2026, 11, 25, 10, 0), MeetingStatus.SCHEDULED)
    past_meeting(services, tomas.id, datetime(2026, 10, 30, 15, 0), MeetingStatus.HELD)
    past_meeting(services, tomas.id, datetime(2026, 11, 23, 8, 0), MeetingStatus.CANCELLED)


@pytest.fixture
def page(qtbot: QtBot, ui_context: UiContext, series: None) -> OneOnOnesPage:
    shown = OneOnOnesPage(ui_context)
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.show()
    return shown


def test_each_series_shows_its_rhythm_next_meeting_last_held_and_misses(page: OneOnOnesPage) -> None:
    table = page.series.table
    assert page.series.heading.text() == "Series — 2, 1 with nothing scheduled"
    assert [column_texts(table, column) for column in range(6)] == [
        ["Priya Shah", "Tomás Ruiz"],
        ["Fortnightly, Wednesdays", "Weekly"],
        ["Wed 25 Nov, 10:00", "none scheduled"],
        ["14 days ago", "24 days ago"],
        ["1", "0"],
        ["Dana Whitfield", "Dana Whitfield"],
    ]
    model = page.series.model
    assert model.index(1, 2).data(Qt.ItemDataRole.ForegroundRole) == status_colour(
        CoachingStatus.DUE_SOON, page.palette()
    )
    assert model.index(1, 3).data(Qt.ItemDataRole.ForegroundRole) == status_colour(
        CoachingStatus.OVERDUE, page.palette()
    )
    assert model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) is None


def test_this_week_lists_every_meeting_with_how_it_went(page: OneOnOnesPage) -> None:
    table = page.this_week.table
    assert page.this_week.heading.text() == "This week — 2 meetings, 0 held so far"
    assert column_texts(table, 0) == ["Mon 23 Nov, 08:00", "Wed 25 Nov, 10:00"]
    assert column_texts(table, 1) == ["Tomás Ruiz", "Priya Shah"]
    assert column_texts(table, 4) == ["Cancelled", "Scheduled"]


def test_enter_or_a_double_click_opens_the_person_and_a_click_only_selects(
    qtbot: QtBot, page: OneOnOnesPage, team: Team, navigator: RecordingNavigator
) -> None:
    table = page.series.table
    centre = table.visualRect(table.model().index(1, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert navigator.opened_agents == []
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert navigator.opened_agents == [team.tomas.id]
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert navigator.opened_agents == [team.tomas.id, team.priya.id]


def test_a_scheduled_meeting_shows_after_the_change_is_announced(
    page: OneOnOnesPage, services: Services, ui_context: UiContext
) -> None:
    [tomas] = [s for s in page.series.model.rows if s.series.report_name == "Tomás Ruiz"]
    services.meetings.schedule(tomas.series.id, datetime(2026, 11, 27, 9, 0))
    ui_context.notices.announce(Topic.MEETINGS)
    assert column_texts(page.series.table, 2) == ["Wed 25 Nov, 10:00", "Fri 27 Nov, 09:00"]
    assert page.series.heading.text() == "Series — 2"
    assert len(column_texts(page.this_week.table, 0)) == 3


def test_only_the_owners_people_are_listed(services: Services, team: Team) -> None:
    elsewhere = services.people.add(PersonDraft("Ola Nordmann", "L2", is_agent=False, is_manager=True))
    kofi = services.people.add(PersonDraft("Kofi Mensah", "A9", reports_to_id=elsewhere.id))
    services.meetings.create_series(elsewhere.id, kofi.id)
    services.meetings.create_series(team.leader.id, team.priya.id)
    assert [s.series.report_name for s in load_one_on_ones(services).series] == ["Priya Shah"]
    services.people.set_owner(team.senior.id)
    services.meetings.create_series(team.senior.id, team.leader.id)
    listed = load_one_on_ones(services)
    assert [s.series.report_name for s in listed.series] == ["Dana Whitfield", "Priya Shah"]
    assert listed.owner_name == "Grace Okafor"


def test_the_lists_are_sound_item_models(page: OneOnOnesPage, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(page.series.model)
    qtmodeltester.check(page.this_week.model)


def test_without_series_the_screen_explains_what_one_on_ones_are(qtbot: QtBot, ui_context: UiContext) -> None:
    page = OneOnOnesPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    assert page.stack.shows_empty
