"""Keeping one-on-ones on track from the One-on-ones screen: schedule the next, move, cancel, mark missed, start,
and change the cadence, acting on the chosen line.

The clock stands at Monday 23 November 2026, 09:30; Dana Whitfield owns the notebook.
"""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coachdesk.models import Cadence, MeetingStatus
from coachdesk.services import Services
from coachdesk.services.meetings import SeriesView
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.context import UiContext
from coachdesk.ui.meetings.cadence_dialog import CadenceDialog
from coachdesk.ui.meetings.meeting_time_dialog import MeetingTimeDialog
from coachdesk.ui.meetings.page import OneOnOnesPage
from coachdesk.ui.widgets import status_colour
from tests.conftest import Team, past_meeting
from tests.ui.conftest import RecordingNavigator, column_texts, press, show_active

PRIYA, TOMAS = 0, 1
NEXT, ATTENTION = 2, 6


@pytest.fixture
def priya(services: Services, team: Team) -> SeriesView:
    """Fortnightly on Wednesdays at 10:00, last held a fortnight ago, nothing scheduled."""
    series = services.meetings.create_series(team.leader.id, team.priya.id, weekday=2, usual_time=time(10, 0))
    past_meeting(services, series.id, datetime(2026, 11, 11, 10, 0))
    return series


@pytest.fixture
def tomas(services: Services, team: Team) -> SeriesView:
    """Weekly on Mondays at 09:00: last week's meeting never recorded, this Thursday's scheduled."""
    series = services.meetings.create_series(
        team.leader.id, team.tomas.id, Cadence.WEEKLY, weekday=0, usual_time=time(9, 0)
    )
    past_meeting(services, series.id, datetime(2026, 11, 9, 9, 0))
    services.meetings.schedule(series.id, datetime(2026, 11, 16, 9, 0))
    services.meetings.schedule(series.id, datetime(2026, 11, 26, 9, 0))
    return series


@pytest.fixture
def page(qtbot: QtBot, ui_context: UiContext, priya: SeriesView, tomas: SeriesView) -> OneOnOnesPage:
    shown = OneOnOnesPage(ui_context)
    qtbot.addWidget(shown)
    shown.resize(1100, 750)
    show_active(qtbot, shown)
    return shown


def choose(page: OneOnOnesPage, table: QTableView, row: int) -> None:
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, 0))
    table.selectRow(row)


def time_dialog(qtbot: QtBot, page: OneOnOnesPage) -> MeetingTimeDialog:
    qtbot.waitUntil(lambda: page.dialog is not None)  # a button's mnemonic clicks it after a short animation
    dialog = page.dialog
    assert isinstance(dialog, MeetingTimeDialog)
    qtbot.waitUntil(dialog.day.hasFocus)
    return dialog


def test_a_series_shows_what_needs_attention_and_why(page: OneOnOnesPage) -> None:
    table = page.series.table
    assert page.series.heading.text() == "Series — 2, 1 not recorded, 1 with nothing scheduled"
    assert column_texts(table, NEXT) == ["none scheduled", "Thu 26 Nov, 09:00"]
    assert column_texts(table, ATTENTION) == ["", "Overdue"]
    reason = "The meeting on Mon 16 Nov at 09:00 is still marked scheduled: start it, move it or mark it missed."
    assert table.model().index(TOMAS, ATTENTION).data(Qt.ItemDataRole.ToolTipRole) == reason
    assert table.model().index(TOMAS, ATTENTION).data(Qt.ItemDataRole.ForegroundRole) == status_colour(
        CoachingStatus.OVERDUE, page.palette()
    )
    choose(page, table, TOMAS)
    assert (
        page.chosen_label.text()
        == "Tomás Ruiz with Dana Whitfield · weekly, Mondays at 09:00 · Mon 16 Nov, 09:00, not recorded"
    )
    assert page.chosen_reason.text() == reason


def test_nothing_chosen_leaves_every_action_off(page: OneOnOnesPage) -> None:
    buttons = (page.start_button, page.move_button, page.cancel_button, page.missed_button, page.schedule_button)
    assert [b.isEnabled() for b in (*buttons, page.cadence_button)] == [False] * 6
    assert page.chosen_label.text().startswith("Choose a meeting or a series")


def test_schedule_next_proposes_the_cadence_and_saves_the_time_chosen(
    qtbot: QtBot, page: OneOnOnesPage, services: Services, priya: SeriesView, navigator: RecordingNavigator
) -> None:
    choose(page, page.series.table, PRIYA)
    assert (page.move_button.isEnabled(), page.schedule_button.isEnabled()) == (False, True)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    dialog = time_dialog(qtbot, page)
    assert dialog.chosen() == datetime(2026, 11, 25, 10, 0)
    assert "fortnightly, Wednesdays at 10:00" in dialog.intro.text()
    dialog.at.setFocus()
    dialog.at.setTime(QTime(11, 15))
    press(qtbot, Qt.Key.Key_Return)

    assert services.meetings.meetings(priya.id)[0].scheduled_at == datetime(2026, 11, 25, 11, 15)
    assert navigator.messages == ["One-on-one with Priya Shah on Wed 25 Nov at 11:15."]
    assert column_texts(page.series.table, NEXT)[PRIYA] == "Wed 25 Nov, 11:15"
    assert page.chosen_label.text().endswith("Wed 25 Nov, 11:15, scheduled"), "the series stays chosen"
    assert "Priya Shah" in column_texts(page.this_week.table, 1)


def test_moving_a_meeting_keeps_its_line_chosen_and_refuses_the_past_in_the_dialog(
    qtbot: QtBot, page: OneOnOnesPage, services: Services, tomas: SeriesView
) -> None:
    assert column_texts(page.this_week.table, 0) == ["Thu 26 Nov, 09:00"]
    choose(page, page.this_week.table, 0)
    press(qtbot, Qt.Key.Key_F2)
    dialog = time_dialog(qtbot, page)
    assert dialog.chosen() == datetime(2026, 11, 26, 9, 0)
    dialog.day.setDate(QDate(2026, 11, 20))
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.errors["to"].text() == "Fri 20 Nov at 09:00 has passed: choose a time still to come."
    assert QApplication.focusWidget() is dialog.day

    dialog.day.setDate(QDate(2026, 11, 27))
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [moved] = [m for m in services.meetings.meetings(tomas.id) if m.original_scheduled_at]
    assert (moved.scheduled_at, moved.original_scheduled_at) == (
        datetime(2026, 11, 27, 9, 0),
        datetime(2026, 11, 26, 9, 0),
    )
    assert column_texts(page.this_week.table, 0) == ["Fri 27 Nov, 09:00"]
    assert page.chosen_label.text().endswith("Fri 27 Nov, 09:00, scheduled")


def test_a_meeting_is_cancelled_only_once_confirmed(
    qtbot: QtBot, page: OneOnOnesPage, services: Services, tomas: SeriesView, navigator: RecordingNavigator
) -> None:
    choose(page, page.this_week.table, 0)
    press(qtbot, Qt.Key.Key_Delete)
    box = page.confirmation
    assert isinstance(box, QMessageBox)
    assert box.text().startswith("Cancel the one-on-one with Tomás Ruiz on Thu 26 Nov at 09:00?")
    press(qtbot, Qt.Key.Key_Escape)
    assert column_texts(page.this_week.table, 4) == ["Scheduled"]

    page.cancel_button.click()
    box = page.confirmation
    assert isinstance(box, QMessageBox)
    [confirm] = [b for b in box.buttons() if b.text() == "Cance&l meeting"]
    confirm.click()
    assert column_texts(page.this_week.table, 4) == ["Cancelled"]
    assert navigator.messages == ["Cancelled the one-on-one with Tomás Ruiz on Thu 26 Nov at 09:00."]
    assert not page.cancel_button.isEnabled()
    assert not page.move_button.isEnabled()
    assert column_texts(page.series.table, NEXT)[TOMAS] == "Mon 16 Nov, 09:00, not recorded"


def test_a_meeting_whose_time_passed_is_marked_missed_from_its_series(
    page: OneOnOnesPage, services: Services, tomas: SeriesView
) -> None:
    choose(page, page.this_week.table, 0)
    assert not page.missed_button.isEnabled(), "Thursday has not come yet"
    choose(page, page.series.table, TOMAS)
    assert page.missed_button.isEnabled()
    page.missed_button.click()
    statuses = [(m.scheduled_at.day, m.status) for m in services.meetings.meetings(tomas.id)]
    assert statuses == [(26, MeetingStatus.SCHEDULED), (16, MeetingStatus.MISSED), (9, MeetingStatus.HELD)]
    assert column_texts(page.series.table, ATTENTION)[TOMAS] == "Missed"
    assert column_texts(page.series.table, 4)[TOMAS] == "1"


def test_enter_on_a_meeting_to_hold_this_week_asks_to_start_it_and_on_a_past_one_opens_the_person(
    qtbot: QtBot, page: OneOnOnesPage, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    priya, tomas = (summary.series.id for summary in page.series.model.rows)
    past_meeting(services, priya, datetime(2026, 11, 23, 8, 0))
    page.refresh()
    table = page.this_week.table
    assert column_texts(table, 1) == ["Priya Shah", "Tomás Ruiz"]
    choose(page, table, 1)
    with qtbot.waitSignal(page.start_requested) as started:
        press(qtbot, Qt.Key.Key_Return)
    [thursday] = [m for m in services.meetings.meetings(tomas) if m.scheduled_at.day == 26]
    assert started.args == [thursday.id]
    assert navigator.opened_agents == []

    choose(page, table, 0)
    assert not page.start_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    assert navigator.opened_agents == [team.priya.id]


def test_change_cadence_offers_weekly_with_the_reason_when_the_reports_coaching_lags(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    series = services.meetings.create_series(team.senior.id, team.leader.id)
    services.meetings.schedule_next(series.id)
    services.people.set_owner(team.senior.id)
    page = OneOnOnesPage(ui_context)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    row = [s.series.report_name for s in page.series.model.rows].index("Dana Whitfield")
    assert column_texts(page.series.table, ATTENTION)[row] == "Suggest weekly"
    choose(page, page.series.table, row)
    press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.dialog is not None)
    dialog = page.dialog
    assert isinstance(dialog, CadenceDialog)
    assert dialog.intro.text().startswith(
        "Dana Whitfield and Grace Okafor meet fortnightly. Weekly is suggested: Dana Whitfield's people had 0 "
        "coaching sessions in the last four weeks against 7 due (0 %, below 70 %)."
    )
    assert dialog.cadence.cadence() is Cadence.WEEKLY
    qtbot.waitUntil(dialog.cadence.choice.hasFocus)
    press(qtbot, Qt.Key.Key_Return)
    assert services.meetings.list_series(manager_id=team.senior.id)[0].cadence is Cadence.WEEKLY
    assert navigator.messages == ["One-on-ones with Dana Whitfield are now weekly."]
    assert column_texts(page.series.table, ATTENTION)[row] == ""


def test_a_custom_cadence_takes_the_days_typed(
    qtbot: QtBot, page: OneOnOnesPage, services: Services, priya: SeriesView
) -> None:
    choose(page, page.series.table, PRIYA)
    page.cadence_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CadenceDialog)
    assert (dialog.cadence.cadence(), dialog.cadence.days.isEnabled()) == (Cadence.FORTNIGHTLY, False)
    dialog.cadence.choice.setCurrentIndex(dialog.cadence.choice.findData(Cadence.CUSTOM))
    assert dialog.cadence.days.isEnabled()
    dialog.cadence.days.setValue(21)
    dialog.save_button.click()
    [changed] = [s for s in services.meetings.list_series() if s.id == priya.id]
    assert (changed.cadence, changed.interval_days) == (Cadence.CUSTOM, 21)
    assert column_texts(page.series.table, 1)[PRIYA] == "Every 21 days, Wednesdays at 10:00"


def test_the_lists_are_sound_item_models(page: OneOnOnesPage, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(page.series.model)
    qtmodeltester.check(page.this_week.model)


def test_export_calendar_hands_over_to_the_calendar_export(
    page: OneOnOnesPage, monkeypatch: pytest.MonkeyPatch, ui_context: UiContext
) -> None:
    asked: list[tuple[UiContext, object]] = []
    monkeypatch.setattr(
        "coachdesk.ui.meetings.page.export_schedule", lambda context, parent: asked.append((context, parent))
    )
    page.export_button.click()
    assert asked == [(ui_context, page)]
