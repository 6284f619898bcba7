"""The agenda view on its own: reordering, adding and capturing by keyboard, meetings that are over opening
read-only, late results for another meeting dropped, and Today's meeting lines opening the agenda.

The clock stands at Monday 23 November 2026, 09:30; Dana Whitfield owns the notebook.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coachdesk.models import AgendaSource, Cadence, MeetingStatus
from coachdesk.services import Services
from coachdesk.services.meetings import MeetingView, SeriesView
from coachdesk.ui.agenda.item_delegate import check_rect
from coachdesk.ui.agenda.page import AgendaPage
from coachdesk.ui.context import ChangeNotices, UiContext
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import OnError
from coachdesk.ui.today.page import TodayPage
from tests.conftest import Team, past_meeting
from tests.ui.conftest import RecordingNavigator, press, show_active, type_into_focus

CTRL = Qt.KeyboardModifier.ControlModifier
ROTA, HEADSET = "Rota for December", "Headset keeps cutting out"


@pytest.fixture
def series(services: Services, team: Team) -> SeriesView:
    made = services.meetings.create_series(
        team.leader.id, team.priya.id, Cadence.WEEKLY, weekday=0, usual_time=time(10, 0)
    )
    services.meetings.add_agenda_item(made.id, ROTA, added_by_id=team.priya.id)
    services.meetings.add_agenda_item(made.id, HEADSET, added_by_id=team.priya.id)
    return made


@pytest.fixture
def meeting(services: Services, series: SeriesView) -> MeetingView:
    return services.meetings.schedule(series.id, datetime(2026, 11, 23, 10, 0))


def open_page(qtbot: QtBot, context: UiContext, meeting_id: str) -> AgendaPage:
    page = AgendaPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 750)
    show_active(qtbot, page)
    page.show_meeting(meeting_id)
    return page


def texts(page: AgendaPage) -> list[str]:
    return [entry.text for entry in page.model.entries]


def test_before_the_meeting_the_agenda_is_prepared_and_reordered_by_keyboard(
    qtbot: QtBot, ui_context: UiContext, services: Services, meeting: MeetingView
) -> None:
    page = open_page(qtbot, ui_context, meeting.id)
    assert texts(page)[:3] == [ROTA, HEADSET, "Recognise: what has Priya done well since last time?"]
    assert page.header.status.text() == "Scheduled"
    assert page.hint.text().endswith("Ctrl+Return start the meeting")
    assert page.list.hasFocus()

    press(qtbot, Qt.Key.Key_Down, CTRL)
    assert texts(page)[:2] == [HEADSET, ROTA]
    assert page.notes.title.text() == ROTA, "the moved item stays chosen"
    assert [item.text for item in services.agenda.agenda(meeting.id).items][:2] == [HEADSET, ROTA]
    press(qtbot, Qt.Key.Key_Down, CTRL)
    press(qtbot, Qt.Key.Key_Up, CTRL)
    assert [item.text for item in services.agenda.agenda(meeting.id).items][:3] == [
        HEADSET,
        ROTA,
        "Recognise: what has Priya done well since last time?",
    ]

    press(qtbot, Qt.Key.Key_T, CTRL)
    assert page.new_point.hasFocus()
    type_into_focus(qtbot, "Training dates for January")
    press(qtbot, Qt.Key.Key_Return)
    assert texts(page)[-1] == "Training dates for January"
    assert page.notes.title.text() == "Training dates for January"
    assert page.new_point.text() == ""


def test_before_the_meeting_ticking_and_capturing_say_to_start_it_first(
    qtbot: QtBot, ui_context: UiContext, services: Services, meeting: MeetingView, navigator: RecordingNavigator
) -> None:
    page = open_page(qtbot, ui_context, meeting.id)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_K, CTRL)
    assert navigator.messages == [
        "Start the meeting (Ctrl+Return) to tick items off.",
        "Start the meeting (Ctrl+Return) to capture a commitment.",
    ]
    assert not any(item.done for item in services.agenda.agenda(meeting.id).items)
    assert page.notes.editor.isReadOnly()
    assert not page.capture.isEnabled()


def test_during_the_meeting_the_page_keys_work_from_inside_the_notes(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, meeting: MeetingView
) -> None:
    page = open_page(qtbot, ui_context, meeting.id)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    press(qtbot, Qt.Key.Key_F2)
    assert page.notes.editor.hasFocus()
    type_into_focus(qtbot, "Wants Tuesdays off")
    press(qtbot, Qt.Key.Key_D, CTRL)
    assert page.notes.editor.toPlainText() == "Wants Tuesdays off", "Ctrl+D defers instead of deleting a letter"
    rota = services.agenda.agenda(meeting.id).items[0]
    assert (rota.text, rota.deferred) == (ROTA, True)
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("Deferred: Rota for December.")

    press(qtbot, Qt.Key.Key_R, CTRL)
    assert page.capture.reason.hasFocus()
    type_into_focus(qtbot, "Calm with an angry caller")
    press(qtbot, Qt.Key.Key_Return)
    assert [r.reason for r in services.recognition.for_person(team.priya.id)] == ["Calm with an angry caller"]
    prompt = next(e for e in page.model.entries if e.source is AgendaSource.RECOGNITION)
    assert prompt.done
    assert page.capture.reason.text() == ""
    assert services.agenda.agenda(meeting.id).items[0].notes == "Wants Tuesdays off", "leaving the notes saves them"

    press(qtbot, Qt.Key.Key_Escape)
    assert page.list.hasFocus()
    press(qtbot, Qt.Key.Key_D, CTRL)
    assert not services.agenda.agenda(meeting.id).items[0].deferred, "Ctrl+D again takes the deferral back"


def test_a_click_on_an_items_box_ticks_it(
    qtbot: QtBot, ui_context: UiContext, services: Services, meeting: MeetingView
) -> None:
    page = open_page(qtbot, ui_context, meeting.id)
    page.start_meeting()
    option = QStyleOptionViewItem()
    option.initFrom(page.list)
    option.rect = page.list.visualRect(page.model.index(1, 0))
    option.widget = page.list
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=check_rect(option).center())
    assert [item.done for item in services.agenda.agenda(meeting.id).items][:2] == [False, True]
    assert page.model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_a_held_meeting_opens_read_only_with_its_log_entry(
    qtbot: QtBot, ui_context: UiContext, services: Services, meeting: MeetingView, navigator: RecordingNavigator
) -> None:
    started = services.agenda.start(meeting.id)
    services.agenda.write_notes(started.items[0].id, "Swap Tuesdays with Tomás")
    services.agenda.save_time(meeting.id, 25 * 60, {})
    ended = services.agenda.end(meeting.id, "A good first one")
    page = open_page(qtbot, ui_context, meeting.id)

    assert page.header.status.text() == "Held"
    assert page.header.timer.text() == "25:00"
    assert not page.header.start.isVisible()
    assert not page.header.end.isVisible()
    assert not page.new_point.isVisible()
    assert not page.capture.isVisible()
    assert page.notes.editor.isReadOnly()
    assert page.notes.editor.toPlainText() == "Swap Tuesdays with Tomás"
    assert page.outcome.message.text() == "Held on Mon 23 Nov for 25 minutes; its summary is in the leader log."
    assert page.outcome.summary.text() == "A good first one"

    before = services.agenda.agenda(meeting.id).items
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Down, CTRL)
    assert services.agenda.agenda(meeting.id).items == before
    assert texts(page)[0] == ROTA
    page.outcome.entry_button.click()
    assert navigator.opened_entries == [ended.entry_id]
    page.outcome.next_button.click()
    assert ended.next_meeting is not None
    assert navigator.opened_meetings == [ended.next_meeting.id]


def test_a_cancelled_meeting_says_where_its_items_went(
    qtbot: QtBot, ui_context: UiContext, services: Services, series: SeriesView, navigator: RecordingNavigator
) -> None:
    cancelled = services.meetings.schedule(series.id, datetime(2026, 11, 24, 10, 0))
    following = services.meetings.schedule(series.id, datetime(2026, 11, 30, 10, 0))
    services.agenda.prepare(cancelled.id)
    services.meetings.cancel_meeting(cancelled.id)
    page = open_page(qtbot, ui_context, cancelled.id)
    assert page.header.status.text() == "Cancelled"
    assert page.outcome.message.text() == (
        "This one-on-one was cancelled. Its open items go to the next meeting (Mon 30 Nov)."
    )
    assert not page.outcome.entry_button.isVisible()
    page.outcome.next_button.click()
    assert navigator.opened_meetings == [following.id]


def test_with_no_meeting_chosen_the_page_says_how_to_open_one(qtbot: QtBot, ui_context: UiContext) -> None:
    page = AgendaPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    assert page.stack.shows_empty


class QueuedTasks:
    """A worker that runs nothing until told, so a result can arrive after the manager has moved on."""

    def __init__(self) -> None:
        self.queue: list[Callable[[], None]] = []

    def submit(self, work: Callable[[], Any], on_done: Callable[[Any], object], on_error: OnError) -> None:
        def run() -> None:
            try:
                result = work()
            except BaseException as error:
                on_error(error)
            else:
                on_done(result)

        self.queue.append(run)

    def run_all(self) -> None:
        while self.queue:
            self.queue.pop(0)()

    def shutdown(self) -> None:
        return None


@pytest.fixture
def tasks() -> QueuedTasks:
    return QueuedTasks()


@pytest.fixture
def queued_context(
    services: Services, tasks: QueuedTasks, tmp_path: Path, ui_settings: UiSettings, navigator: RecordingNavigator
) -> UiContext:
    return UiContext(services, tasks, ErrorReporter(tmp_path), ChangeNotices(), ui_settings, navigator)


@pytest.fixture
def tomas_meeting(services: Services, team: Team) -> MeetingView:
    tomas = services.meetings.create_series(team.leader.id, team.tomas.id, Cadence.WEEKLY)
    return services.meetings.schedule(tomas.id, datetime(2026, 11, 24, 11, 0))


def test_a_result_for_another_meeting_than_the_one_shown_is_dropped(
    qtbot: QtBot, queued_context: UiContext, tasks: QueuedTasks, meeting: MeetingView, tomas_meeting: MeetingView
) -> None:
    page = open_page(qtbot, queued_context, meeting.id)
    tasks.run_all()
    page.start_meeting()
    page.show_meeting(tomas_meeting.id)
    tasks.run_all()
    assert page.header.name.text() == "One-on-one with Tomás Ruiz"
    assert page.header.status.text() == "Scheduled"
    assert ROTA not in texts(page)
    assert queued_context.services.agenda.agenda(meeting.id).status is MeetingStatus.IN_PROGRESS


def test_the_agenda_is_a_sound_item_model(
    qtbot: QtBot, ui_context: UiContext, services: Services, meeting: MeetingView, qtmodeltester: ModelTester
) -> None:
    page = open_page(qtbot, ui_context, meeting.id)
    page.start_meeting()
    qtmodeltester.check(page.model)
    page.move_item(1)
    page.model.set_seconds(page.model.entry(0).id, 75)
    qtmodeltester.check(page.model)
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).endswith("· 1 minute")


def test_todays_meeting_lines_open_the_agenda(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    priya = services.meetings.create_series(team.leader.id, team.priya.id, Cadence.WEEKLY)
    tomas = services.meetings.create_series(team.leader.id, team.tomas.id, Cadence.WEEKLY)
    this_week = services.meetings.schedule(priya.id, datetime(2026, 11, 26, 14, 0))
    unrecorded = past_meeting(services, tomas.id, datetime(2026, 11, 16, 9, 0), MeetingStatus.SCHEDULED)
    page = TodayPage(ui_context)
    qtbot.addWidget(page)
    page.resize(1100, 750)
    show_active(qtbot, page)

    meetings = page.meetings.table
    meetings.setFocus()
    meetings.setCurrentIndex(meetings.model().index(0, 0))
    press(qtbot, Qt.Key.Key_Return)
    assert navigator.opened_meetings == [this_week.id]
    flags = page.one_on_ones.table
    rect = flags.visualRect(flags.model().index(0, 0))
    qtbot.mouseClick(flags.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert navigator.opened_meetings == [this_week.id, unrecorded]
    assert navigator.opened_agents == []
