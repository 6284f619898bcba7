"""The Plan tab of the agent page: the stairway per goal, moving to the next step, the history, the evidence."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.services import Services
from coachdesk.services.log import SessionDraft
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from coachdesk.ui.agent.page import AgentPage
from coachdesk.ui.context import UiContext
from coachdesk.ui.plans.editor.dialog import PlanEditor
from coachdesk.ui.plans.history_dialog import PlanHistoryDialog
from tests.conftest import Team
from tests.ui.conftest import RecordingNavigator, press, show_active, type_into_focus


def escalations_plan() -> PlanDraft:
    return PlanDraft(
        "Ready for the escalations desk",
        training_needs="De-escalation workshop",
        goals=(
            GoalDraft(
                "Adherence at 85 %",
                baseline_value=78,
                target_value=85,
                steps=(
                    StepDraft("Know the schedule", completed_on=date(2026, 11, 9)),
                    StepDraft("Use reminders", started_on=date(2026, 11, 9)),
                    StepDraft("Plan breaks"),
                ),
            ),
            GoalDraft("Handle escalations", steps=(StepDraft("Shadow a senior"),)),
        ),
    )


def open_plan_tab(qtbot: QtBot, context: UiContext, person_id: str) -> AgentPage:
    page = AgentPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 750)
    show_active(qtbot, page)
    page.show_agent(person_id)
    page.tabs.setCurrentWidget(page.plan_tab)
    return page


def stairway_text(page: AgentPage) -> str:
    return page.plan_tab.page.toPlainText()


def test_the_plan_tab_shows_each_goal_as_a_stairway(qtbot: QtBot, ui_context: UiContext, team: Team) -> None:
    ui_context.services.plans.create_plan(team.priya.id, escalations_plan())
    page = open_plan_tab(qtbot, ui_context, team.priya.id)
    tab = page.plan_tab

    assert tab.summary.text() == "Ready for the escalations desk · version 1"
    assert [tab.goals.item(i).text() for i in range(tab.goals.count())] == [
        "Adherence at 85 %\n1 of 3 steps",
        "Handle escalations\n0 of 1 step",
    ]
    text = stairway_text(page)
    assert "Measured by" not in text
    assert "from 78 to 85 · no due date · Open" in text
    assert "✓\n1.\nKnow the schedule · done Mon 9 Nov" in text
    assert "▶\n2.\nUse reminders — on this step now" in text
    assert "3.\nPlan breaks" in text
    assert "De-escalation workshop" in text


def test_next_step_moves_the_selected_goal_up_its_stairway(
    qtbot: QtBot, ui_context: UiContext, team: Team, navigator: RecordingNavigator
) -> None:
    ui_context.services.plans.create_plan(team.priya.id, escalations_plan())
    page = open_plan_tab(qtbot, ui_context, team.priya.id)
    tab = page.plan_tab
    tab.goals.setFocus()

    press(qtbot, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)

    qtbot.waitUntil(lambda: "▶\n3.\nPlan breaks" in stairway_text(page))
    assert "✓\n2.\nUse reminders · done Mon 23 Nov" in stairway_text(page)
    assert tab.goals.currentRow() == 0
    assert navigator.messages == ["“Use reminders” done: Priya is on to “Plan breaks”."]

    tab.goals.setCurrentRow(1)
    tab.next_step.click()
    qtbot.waitUntil(lambda: tab.goals.item(1).text() == "Handle escalations\n1 of 1 step")
    assert not tab.next_step.isEnabled()
    assert navigator.messages[-1] == "“Shadow a senior” done: that was the last step of “Handle escalations”."


def test_revising_from_the_tab_then_the_history_shows_what_changed(
    qtbot: QtBot, ui_context: UiContext, team: Team
) -> None:
    ui_context.services.plans.create_plan(team.priya.id, escalations_plan())
    page = open_plan_tab(qtbot, ui_context, team.priya.id)
    tab = page.plan_tab

    tab.edit.click()
    editor = tab.dialog
    assert isinstance(editor, PlanEditor)
    show_active(qtbot, editor)
    qtbot.waitUntil(lambda: editor.title.text() == "Ready for the escalations desk")
    editor.goal_list.setCurrentRow(1)
    editor.goal_form.new_step.setText("Take escalations with a senior listening")
    editor.goal_form.new_step.returnPressed.emit()
    editor.reason.setFocus()
    type_into_focus(qtbot, "Shadowing went well")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    qtbot.waitUntil(lambda: tab.summary.text() == "Ready for the escalations desk · version 2")

    tab.history.click()
    history = tab.dialog
    assert isinstance(history, PlanHistoryDialog)
    assert history.summary.text() == "1 revision, newest first."
    text = history.revisions.toPlainText()
    assert "Version 2 · Mon 23 Nov at 09:30 by Dana Whitfield" in text
    assert "Shadowing went well" in text
    assert "“Handle escalations”: step added: “Take escalations with a senior listening”" in text


def test_a_session_linked_to_a_goal_is_its_evidence_and_opens(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    plan = services.plans.create_plan(team.priya.id, escalations_plan())
    entry = services.log.record_session(
        SessionDraft((team.priya.id,), "Set up break reminders together.", goal_ids=(plan.goals[0].id,))
    )
    page = open_plan_tab(qtbot, ui_context, team.priya.id)

    assert "Evidence (1)" in stairway_text(page)
    assert "Mon 23 Nov · Session with Dana Whitfield — Set up break reminders together." in stairway_text(page)
    page.plan_tab.page.anchorClicked.emit(QUrl(f"entry:{entry.id}"))
    assert navigator.opened_entries == [entry.id]


def test_with_no_plan_the_tab_says_how_to_start_one(qtbot: QtBot, ui_context: UiContext, team: Team) -> None:
    page = open_plan_tab(qtbot, ui_context, team.tomas.id)
    tab = page.plan_tab

    assert tab.body.shows_empty
    assert tab.empty.text().startswith("No development plan for Tomás yet.")
    assert tab.start.isVisible()
    assert not tab.edit.isVisible()
    tab.start.click()
    editor = tab.dialog
    assert isinstance(editor, PlanEditor)
    assert not editor.reason.isVisible()
    show_active(qtbot, editor)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.title)
    type_into_focus(qtbot, "First steps")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: not tab.body.shows_empty)
    assert tab.summary.text() == "First steps · version 1"
