"""Ticking the plan goals a session worked on in the session editor: saved with it, kept in its draft."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coachdesk.drafts import DraftStore
from coachdesk.services import Services
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from coachdesk.ui.context import UiContext
from coachdesk.ui.editor.dialog import SessionEditor
from tests.conftest import Team
from tests.ui.conftest import press, type_into_focus
from tests.ui.test_agent_plan_tab import open_plan_tab, stairway_text
from tests.ui.test_editor import open_editor


def plan_for(services: Services, team: Team) -> list[str]:
    plan = services.plans.create_plan(
        team.priya.id,
        PlanDraft(
            "Ready for the escalations desk",
            goals=(
                GoalDraft("Adherence at 85 %", steps=(StepDraft("Use reminders"),)),
                GoalDraft("Handle escalations", steps=(StepDraft("Shadow a senior"),)),
            ),
        ),
    )
    return [g.id for g in plan.goals]


def test_a_session_ticked_against_a_goal_becomes_its_evidence(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, drafts: DraftStore
) -> None:
    adherence, escalations = plan_for(services, team)
    editor = open_editor(qtbot, ui_context, drafts, team.priya.id)
    assert [box.text() for box in editor.plan_goals.boxes] == ["Adherence at 85 %", "Handle escalations"]
    type_into_focus(qtbot, "Set up break reminders together.")
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert not editor.isVisible(), editor.notice.text()
    [entry] = services.log.timeline(team.priya.id)
    assert services.log.get(entry.id).goal_ids == (adherence,)
    assert [e.entry_id for e in services.plans.evidence(adherence)] == [entry.id]
    assert services.plans.evidence(escalations) == []
    page = open_plan_tab(qtbot, ui_context, team.priya.id)
    assert "Evidence (1)" in stairway_text(page)
    assert "Set up break reminders together." in stairway_text(page)


def test_the_goals_ticked_are_kept_in_the_draft(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, drafts: DraftStore
) -> None:
    _adherence, escalations = plan_for(services, team)
    editor = open_editor(qtbot, ui_context, drafts, team.priya.id)
    type_into_focus(qtbot, "Listened to an escalation together.")
    editor.plan_goals.boxes[1].setChecked(True)
    editor.keep_draft_and_close()

    restored = SessionEditor.restore(ui_context, drafts, editor.draft_key)
    qtbot.addWidget(restored)

    assert restored.plan_goals.checked_ids() == (escalations,)


def test_an_agent_without_a_plan_is_told_where_to_start_one(
    qtbot: QtBot, ui_context: UiContext, team: Team, drafts: DraftStore
) -> None:
    editor = open_editor(qtbot, ui_context, drafts, team.tomas.id)

    assert editor.plan_goals.boxes == []
    assert editor.plan_goals.note.text() == "No development plan yet; start one on the Plan tab."
