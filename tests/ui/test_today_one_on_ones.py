"""Today flags the one-on-ones needing attention: overdue and missed ones, advice to go weekly, and repeated misses
further down the line. The clock stands at Monday 23 November 2026, 09:30; Dana Whitfield owns the notebook.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coachdesk.models import Cadence, MeetingStatus
from coachdesk.services import Services
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.today.page import TodayPage
from coachdesk.ui.widgets import status_colour
from tests.conftest import Team, past_meeting
from tests.ui.conftest import RecordingNavigator, column_texts


def open_today(qtbot: QtBot, context: UiContext) -> TodayPage:
    page = TodayPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 750)
    page.show()
    return page


def test_overdue_and_missed_one_on_ones_are_flagged_with_why_and_open_the_person(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    tomas = services.meetings.create_series(team.leader.id, team.tomas.id, Cadence.WEEKLY)
    priya = services.meetings.create_series(team.leader.id, team.priya.id)
    past_meeting(services, tomas.id, datetime(2026, 11, 2, 10, 0))
    past_meeting(services, priya.id, datetime(2026, 11, 4, 10, 0))
    past_meeting(services, priya.id, datetime(2026, 11, 18, 10, 0), MeetingStatus.MISSED)
    services.meetings.schedule_next(priya.id)
    page = open_today(qtbot, ui_context)

    section = page.one_on_ones
    assert section.heading.text() == "One-on-ones needing attention — 1 overdue, 1 more"
    assert column_texts(section.table, 0) == ["Tomás Ruiz", "Priya Shah"]
    assert column_texts(section.table, 1) == ["Overdue", "Missed"]
    assert column_texts(section.table, 2) == ["Dana Whitfield", "Dana Whitfield"]
    assert column_texts(section.table, 3) == [
        "Last held 21 days ago, on Mon 2 Nov, and nothing is scheduled; the series meets weekly.",
        "Missed on Wed 18 Nov, and not held since.",
    ]
    assert section.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) == status_colour(
        CoachingStatus.OVERDUE, page.palette()
    )
    rect = section.table.visualRect(section.model.index(1, 0))
    qtbot.mouseClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert navigator.opened_agents == [team.priya.id]

    services.meetings.schedule_next(tomas.id)
    ui_context.notices.announce(Topic.MEETINGS)
    assert column_texts(section.table, 0) == ["Priya Shah"]
    assert section.heading.text() == "One-on-ones needing attention — 0 overdue, 1 more"


def test_a_manager_of_managers_sees_advice_to_go_weekly_and_repeated_misses_below(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, qtmodeltester: ModelTester
) -> None:
    dana = services.meetings.create_series(team.senior.id, team.leader.id)
    past_meeting(services, dana.id, datetime(2026, 11, 18, 10, 0))
    services.meetings.schedule_next(dana.id)
    priya = services.meetings.create_series(team.leader.id, team.priya.id)
    past_meeting(services, priya.id, datetime(2026, 10, 21, 10, 0), MeetingStatus.MISSED)
    past_meeting(services, priya.id, datetime(2026, 11, 4, 10, 0), MeetingStatus.MISSED)
    past_meeting(services, priya.id, datetime(2026, 11, 18, 10, 0))
    services.meetings.schedule_next(priya.id)
    services.people.set_owner(team.senior.id)
    page = open_today(qtbot, ui_context)

    table = page.one_on_ones.table
    assert column_texts(table, 0) == ["Priya Shah", "Dana Whitfield"]
    assert column_texts(table, 1) == ["Missed repeatedly", "Suggest weekly"]
    assert column_texts(table, 2) == ["Dana Whitfield", "Grace Okafor"]
    assert column_texts(table, 3)[0] == "2 meetings missed in 13 weeks, the last on Wed 4 Nov."
    assert column_texts(table, 3)[1].startswith(
        "Dana Whitfield's people had 0 coaching sessions in the last four weeks"
    )
    assert table.model().index(1, 3).data(Qt.ItemDataRole.ToolTipRole) == column_texts(table, 3)[1]
    qtmodeltester.check(page.one_on_ones.model)


def test_with_every_series_on_schedule_the_section_says_so(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    series = services.meetings.create_series(team.leader.id, team.priya.id)
    past_meeting(services, series.id, datetime(2026, 11, 16, 10, 0))
    services.meetings.schedule_next(series.id)
    page = open_today(qtbot, ui_context)
    assert page.one_on_ones.table.isHidden()
    assert page.one_on_ones.empty.isVisible()
    assert page.one_on_ones.empty.text().startswith("Every one-on-one series is on schedule")
