"""The issue's "done when", by keyboard in the real main window: open today's one-on-one from Today, run it from the
agenda view (tick, note, capture a commitment, defer), end it, and find its summary in the leader log, its leftover
on the next agenda and its commitment on Today; and a meeting interrupted mid-way resumes where it was.

The clock stands at Monday 23 November 2026, 09:30; Dana Whitfield owns the notebook.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from coachdesk.models import Cadence, MeetingStatus
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.meetings import MeetingView
from coachdesk.ui.agenda import meeting_clock
from coachdesk.ui.agenda.page import AgendaPage
from coachdesk.ui.agent.page import AgentPage
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.meetings.page import OneOnOnesPage
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import ImmediateTaskRunner, ThreadTaskRunner
from coachdesk.ui.today.page import TodayPage
from tests.conftest import NOW, Team
from tests.ui.conftest import column_texts, press, show_active, type_into_focus

CTRL = Qt.KeyboardModifier.ControlModifier
ROTA = "Rota for December"
HEADSET = "Headset keeps cutting out"


class FakeMonotonic:
    """The seconds the meeting's clock reads, moved on by the test instead of waited for."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def monotonic(monkeypatch: pytest.MonkeyPatch) -> FakeMonotonic:
    fake = FakeMonotonic()
    monkeypatch.setattr(meeting_clock, "monotonic", fake)
    return fake


@pytest.fixture
def meeting(services: Services, team: Team) -> MeetingView:
    """Priya's weekly one-on-one at 10:00 today, with a talking point of hers and a commitment waiting on it."""
    series = services.meetings.create_series(
        team.leader.id, team.priya.id, Cadence.WEEKLY, weekday=0, usual_time=time(10, 0)
    )
    services.meetings.add_agenda_item(series.id, ROTA, added_by_id=team.priya.id)
    services.meetings.add_agenda_item(series.id, HEADSET, added_by_id=team.priya.id)
    services.commitments.add(CommitmentDraft("Listen back to two calls", team.priya.id, date(2026, 11, 20)))
    return services.meetings.schedule(series.id, datetime(2026, 11, 23, 10, 0))


def run_for(page: AgendaPage, monotonic: FakeMonotonic, seconds: int) -> None:
    """The meeting goes on for a while, the display ticking every second as the page's timer would."""
    for _ in range(seconds):
        monotonic.now += 1
        page.count_second()


OpenWindow = Callable[[], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, notebook_file: Path, ui_settings: UiSettings) -> OpenWindow:
    """Opens a main window on the test's notebook, as starting CoachDesk does; again for a second window."""

    def opened() -> MainWindow:
        window = MainWindow(
            ImmediateTaskRunner(), ErrorReporter(notebook_file.parent), notebook_file, ui_settings, clock=lambda: NOW
        )
        qtbot.addWidget(window)
        show_active(qtbot, window)
        window.open_notebook()
        return window

    return opened


def agenda_of(window: MainWindow) -> AgendaPage:
    page = window.pages["agenda"]
    assert isinstance(page, AgendaPage)
    return page


def texts(page: AgendaPage) -> list[str]:
    return [entry.text for entry in page.model.entries]


def test_a_whole_meeting_is_run_by_keyboard_from_today_to_the_leader_log(
    qtbot: QtBot, open_window: OpenWindow, services: Services, meeting: MeetingView
) -> None:
    window = open_window()
    today = window.pages["today"]
    assert isinstance(today, TodayPage)
    table = today.meetings.table
    assert column_texts(table, 1) == ["Priya Shah"]
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    press(qtbot, Qt.Key.Key_Return)

    page = agenda_of(window)
    assert window.stack.currentWidget() is page
    assert page.header.name.text() == "One-on-one with Priya Shah"
    assert texts(page)[:3] == [ROTA, HEADSET, "Priya Shah: Listen back to two calls"]
    assert page.header.start.isVisible()
    assert page.notes.editor.isReadOnly()

    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert services.agenda.agenda(meeting.id).status is MeetingStatus.IN_PROGRESS
    assert page.header.end.isVisible()
    assert page.list.hasFocus()
    assert page.notes.title.text() == ROTA

    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)
    assert page.notes.editor.hasFocus()
    type_into_focus(qtbot, "Swap Tuesdays with Tomas")
    press(qtbot, Qt.Key.Key_Escape)
    assert page.list.hasFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert page.notes.title.text() == HEADSET
    press(qtbot, Qt.Key.Key_D, CTRL)

    press(qtbot, Qt.Key.Key_K, CTRL)
    assert page.capture.commitment.hasFocus()
    type_into_focus(qtbot, "Book the refunds refresher")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert page.capture.due.hasFocus()
    assert page.capture.due.date() == QDate(2026, 11, 30)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert page.capture.due.date() == QDate(2026, 11, 27)
    press(qtbot, Qt.Key.Key_Return)
    assert "Priya Shah: Book the refunds refresher" in texts(page)

    ticked = {entry.text: (entry.done, entry.deferred) for entry in services.agenda.agenda(meeting.id).items}
    assert ticked[ROTA] == (True, False)
    assert ticked[HEADSET] == (False, True)

    page.focus_list()
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert page.ending.summary.hasFocus()
    assert page.header.end.text() == "Press Ctrl+E again to end"
    type_into_focus(qtbot, "Good progress on the rota")
    press(qtbot, Qt.Key.Key_E, CTRL)

    ended = services.agenda.agenda(meeting.id)
    assert ended.status is MeetingStatus.HELD
    assert page.outcome.isVisible()
    assert page.outcome.message.text() == (
        "Meeting ended. Summary saved to the leader log · 2 items carried to Mon 30 Nov · 1 new commitment agreed"
    )
    assert page.notes.editor.isReadOnly()
    assert not page.capture.isVisible()

    assert ended.entry_id is not None
    entry = services.log.get(ended.entry_id)
    assert entry.what_happened.startswith("Good progress on the rota")
    assert f"- {ROTA} — Swap Tuesdays with Tomas" in entry.what_happened
    assert "Priya Shah: Book the refunds refresher" in entry.next_steps

    [following] = [m for m in services.meetings.meetings(meeting.series_id) if m.status is MeetingStatus.SCHEDULED]
    carried = [item for item in services.agenda.agenda(following.id).items if item.carried]
    assert [item.text for item in carried] == [HEADSET, "Priya Shah: Listen back to two calls"]

    assert page.outcome.entry_button.hasFocus()
    press(qtbot, Qt.Key.Key_Space)
    agent = window.pages["agent"]
    assert isinstance(agent, AgentPage)
    assert window.stack.currentWidget() is agent
    assert agent.entry_id == ended.entry_id

    press(qtbot, Qt.Key.Key_1, CTRL)
    assert window.stack.currentWidget() is today
    assert "Book the refunds refresher" in column_texts(today.commitments.table, 2)
    window.close_notebook()


def test_the_next_agenda_opens_from_the_end_of_a_meeting_with_its_leftovers(
    qtbot: QtBot, open_window: OpenWindow, services: Services, meeting: MeetingView
) -> None:
    window = open_window()
    window.open_meeting(meeting.id)
    page = agenda_of(window)
    page.start_meeting()
    page.list.setFocus()
    press(qtbot, Qt.Key.Key_D, CTRL)
    page.end_meeting()
    page.end_meeting()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.meeting_id != meeting.id)  # a button's mnemonic clicks it after a short animation
    assert page.data is not None
    assert page.data.view.meeting.scheduled_at == datetime(2026, 11, 30, 10, 0)
    assert page.header.start.isVisible()
    assert texts(page)[0] == ROTA
    assert page.model.entries[0].carried
    window.close_notebook()


def test_the_one_on_ones_screen_starts_a_meeting_in_the_agenda_view(
    open_window: OpenWindow, meeting: MeetingView
) -> None:
    window = open_window()
    one_on_ones = window.pages["one_on_ones"]
    assert isinstance(one_on_ones, OneOnOnesPage)
    window.show_page("one_on_ones")
    one_on_ones.start_requested.emit(meeting.id)
    page = agenda_of(window)
    assert window.stack.currentWidget() is page
    assert page.meeting_id == meeting.id
    window.go_back()
    assert window.stack.currentWidget() is one_on_ones
    window.close_notebook()


def test_a_meeting_interrupted_mid_way_resumes_with_its_time_and_notes(
    qtbot: QtBot, open_window: OpenWindow, services: Services, meeting: MeetingView, monotonic: FakeMonotonic
) -> None:
    first = open_window()
    first.open_meeting(meeting.id)
    page = agenda_of(first)
    page.start_meeting()
    run_for(page, monotonic, 95)
    assert page.header.timer.text() == "1:35"
    press(qtbot, Qt.Key.Key_Return)
    type_into_focus(qtbot, "Agreed to swap Tuesdays")
    page.notes.flush()
    monotonic.now += 3
    page.count_second()
    saved = services.agenda.agenda(meeting.id)
    assert saved.elapsed_seconds == 90, "kept every ten seconds: a crash now loses the last eight"
    assert saved.items[0].notes == "Agreed to swap Tuesdays"

    second = open_window()
    second.open_meeting(meeting.id)
    resumed = agenda_of(second)
    assert resumed.header.timer.text() == "1:30"
    assert resumed.header.status.text() == "In progress"
    assert resumed.notes.title.text() == ROTA
    assert resumed.notes.editor.toPlainText() == "Agreed to swap Tuesdays"
    assert resumed.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).endswith("· 1 minute")
    run_for(resumed, monotonic, 60)
    assert resumed.header.timer.text() == "2:30"
    monotonic.now += 45 * 60
    resumed.count_second()
    assert resumed.header.timer.text() == "2:30", "a closed lid is not meeting time"
    first.close_notebook()
    second.close_notebook()


def test_on_the_worker_thread_ending_keeps_the_agenda_on_screen_and_offers_the_log_entry(
    qtbot: QtBot, notebook_file: Path, ui_settings: UiSettings, meeting: MeetingView
) -> None:
    tasks = ThreadTaskRunner()
    window = MainWindow(tasks, ErrorReporter(notebook_file.parent), notebook_file, ui_settings, clock=lambda: NOW)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.open_notebook()
    qtbot.waitUntil(lambda: "agenda" in window.pages)
    window.open_meeting(meeting.id)
    page = agenda_of(window)
    qtbot.waitUntil(lambda: page.data is not None)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.running)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_E, CTRL)
    press(qtbot, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(page.outcome.entry_button.hasFocus)
    qtbot.waitUntil(lambda: page.data is not None and page.data.next_meeting is not None)  # the reload after ending
    assert window.stack.currentWidget() is page
    assert page.outcome.entry_button.hasFocus()
    assert page.header.status.text() == "Held"
    assert page.model.entries[0].done
    window.close()
    tasks.shutdown()
    window.close_notebook()


def test_a_meeting_left_in_progress_reopens_by_itself_when_the_app_starts_again(
    open_window: OpenWindow, services: Services, meeting: MeetingView
) -> None:
    services.agenda.start(meeting.id)
    services.agenda.write_notes(services.agenda.agenda(meeting.id).items[0].id, "Agreed to swap Tuesdays")

    window = open_window()

    page = agenda_of(window)
    assert window.stack.currentWidget() is page
    assert page.meeting_id == meeting.id
    assert page.header.status.text() == "In progress"
    assert page.notes.editor.toPlainText() == "Agreed to swap Tuesdays"
    assert page.clock.running
    window.close_notebook()


def test_a_meeting_only_scheduled_leaves_the_app_on_its_usual_first_screen(
    open_window: OpenWindow, meeting: MeetingView
) -> None:
    window = open_window()

    assert isinstance(window.stack.currentWidget(), TodayPage)
    assert agenda_of(window).meeting_id is None
    window.close_notebook()
