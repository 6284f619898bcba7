"""The agenda view's plan goals and private items: a goal ticked in the meeting becomes its evidence on the Plan
tab once the meeting ends, and items, commitments and recognition are kept private by keyboard.

The clock stands at Monday 23 November 2026, 09:30; Dana Whitfield owns the notebook.
"""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coachdesk.models import Cadence
from coachdesk.services import Services
from coachdesk.services.meetings import MeetingView
from coachdesk.services.plans import PlanView
from coachdesk.ui.agenda.page import AgendaPage
from coachdesk.ui.context import UiContext
from tests.conftest import Team
from tests.ui.conftest import press, show_active, type_into_focus
from tests.ui.test_agenda_page import open_page
from tests.ui.test_agent_plan_tab import escalations_plan, open_plan_tab, stairway_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
ROTA = "Rota for December"


@pytest.fixture
def meeting(services: Services, team: Team) -> MeetingView:
    series = services.meetings.create_series(
        team.leader.id, team.priya.id, Cadence.WEEKLY, weekday=0, usual_time=time(10, 0)
    )
    services.meetings.add_agenda_item(series.id, ROTA, added_by_id=team.priya.id)
    return services.meetings.schedule(series.id, datetime(2026, 11, 23, 10, 0))


@pytest.fixture
def plan(services: Services, team: Team) -> PlanView:
    return services.plans.create_plan(team.priya.id, escalations_plan())


def goal_boxes(page: AgendaPage) -> list[tuple[str, bool]]:
    return [(box.text(), box.isChecked()) for box in page.goals.checklist.boxes]


@pytest.mark.usefixtures("plan")
def test_a_goal_ticked_in_the_meeting_is_on_the_plan_tab_as_evidence_once_it_ends(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, meeting: MeetingView
) -> None:
    page = open_page(qtbot, ui_context, meeting.id)
    assert goal_boxes(page) == [("Adherence at 85 %", False), ("Handle escalations", False)]
    assert not page.goals.checklist.isEnabled(), "goals are ticked once the meeting has started"

    press(qtbot, Qt.Key.Key_Return, CTRL)
    press(qtbot, Qt.Key.Key_P, ALT)
    assert page.goals.checklist.boxes[0].hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    assert [g.ticked for g in services.agenda.agenda(meeting.id).goals] == [False, True]

    resumed = open_page(qtbot, ui_context, meeting.id)
    assert goal_boxes(resumed) == [("Adherence at 85 %", False), ("Handle escalations", True)]
    resumed.close()

    show_active(qtbot, page)
    page.focus_list()
    press(qtbot, Qt.Key.Key_E, CTRL)
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert goal_boxes(page) == [("Handle escalations", True)], "a meeting over shows the goals it worked on"

    agent = open_plan_tab(qtbot, ui_context, team.priya.id)
    assert "Evidence (0)" in stairway_text(agent), "the first goal was not worked on"
    agent.plan_tab.goals.setCurrentRow(1)
    assert "Evidence (1)" in stairway_text(agent)
    assert "One-on-one with Dana Whitfield" in stairway_text(agent)


def test_the_chosen_item_is_made_private_and_back_with_ctrl_shift_p(
    qtbot: QtBot, ui_context: UiContext, services: Services, meeting: MeetingView
) -> None:
    page = open_page(qtbot, ui_context, meeting.id)
    assert page.notes.title.text() == ROTA
    shift = CTRL | Qt.KeyboardModifier.ShiftModifier

    press(qtbot, Qt.Key.Key_P, shift)
    assert services.agenda.agenda(meeting.id).items[0].is_private
    assert page.model.entries[0].is_private
    assert "private" in page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)

    press(qtbot, Qt.Key.Key_P, shift)
    assert not services.agenda.agenda(meeting.id).items[0].is_private
    assert "private" not in page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_the_private_tick_keeps_a_commitment_and_recognition_to_the_manager(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, meeting: MeetingView
) -> None:
    page = open_page(qtbot, ui_context, meeting.id)
    press(qtbot, Qt.Key.Key_Return, CTRL)

    press(qtbot, Qt.Key.Key_K, CTRL)
    type_into_focus(qtbot, "See the GP about the headaches")
    press(qtbot, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(page.capture.private.isChecked)  # a box's mnemonic clicks it after a short animation
    page.capture.commitment.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert not page.capture.private.isChecked(), "the next one is shared unless ticked again"

    press(qtbot, Qt.Key.Key_R, CTRL)
    type_into_focus(qtbot, "Stayed calm on a hard call")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_R, CTRL)
    type_into_focus(qtbot, "Came back after a rough week")
    press(qtbot, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(page.capture.private.isChecked)
    page.capture.reason.setFocus()
    press(qtbot, Qt.Key.Key_Return)

    [commitment] = services.commitments.open_for(team.priya.id)
    assert commitment.is_private
    made = next(e for e in page.model.entries if e.commitment_id == commitment.id)
    assert made.is_private
    recognition = {r.reason: r.is_private for r in services.recognition.for_person(team.priya.id)}
    assert recognition == {"Stayed calm on a hard call": False, "Came back after a rough week": True}
