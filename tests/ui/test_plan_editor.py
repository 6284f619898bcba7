"""The plan editor: goals with their stairways and barriers built from the keyboard, revisions with a reason."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from coachdesk.services import Services
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from coachdesk.ui.context import UiContext
from coachdesk.ui.plans.editor.dialog import PlanEditor
from tests.conftest import TODAY, Team
from tests.ui.conftest import RecordingNavigator, press, show_active, type_into_focus


def open_editor(qtbot: QtBot, context: UiContext, person_id: str, plan_id: str | None = None) -> PlanEditor:
    editor = PlanEditor(context, person_id, plan_id)
    qtbot.addWidget(editor)
    show_active(qtbot, editor)
    return editor


def add_goal(qtbot: QtBot, editor: PlanEditor, title: str, steps: list[str]) -> None:
    """Alt+A (a button's mnemonic clicks it after a short animation, hence the wait), the goal's title, then Alt+E
    and each step followed by Enter."""
    goals = len(editor.goals)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(editor.goals) == goals + 1)
    type_into_focus(qtbot, title)
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    for step in steps:
        type_into_focus(qtbot, step)
        press(qtbot, Qt.Key.Key_Return)


def test_a_plan_with_two_goals_and_their_steps_is_built_from_the_keyboard(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    services.kpis.define("Adherence", unit="%", target=85)
    editor = open_editor(qtbot, ui_context, team.priya.id)
    assert QApplication.focusWidget() is editor.title
    type_into_focus(qtbot, "Ready for the escalations desk")
    add_goal(qtbot, editor, "Adherence at 85 %", ["Know the schedule", "Plan breaks", "Use reminders"])
    form = editor.goal_form
    form.kpi.setCurrentIndex(form.kpi.findText("Adherence"))
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    type_into_focus(qtbot, "78")
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    type_into_focus(qtbot, "85 %")
    form.steps.setCurrentRow(2)
    form.steps.setFocus()
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    add_goal(qtbot, editor, "Handle escalations", ["Shadow a senior"])
    editor.barriers.add_barrier()
    type_into_focus(qtbot, "No quiet room for call reviews")
    editor.barriers.goal.setCurrentIndex(editor.barriers.goal.findText("Adherence at 85 %"))
    editor.barriers.owner.setCurrentIndex(editor.barriers.owner.findText("Dana Whitfield"))
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert not editor.isVisible(), editor.general_problem.text()
    plan = services.plans.active_plan_for(team.priya.id)
    assert plan is not None
    assert plan.title == "Ready for the escalations desk"
    adherence, escalations = plan.goals
    assert (adherence.title, adherence.kpi_name, adherence.baseline_value, adherence.target_value) == (
        "Adherence at 85 %",
        "Adherence",
        78,
        85,
    )
    assert [s.text for s in adherence.steps] == ["Know the schedule", "Use reminders", "Plan breaks"]
    assert [s.text for s in escalations.steps] == ["Shadow a senior"]
    [barrier] = plan.barriers
    assert (barrier.text, barrier.goal_title, barrier.owner_name) == (
        "No quiet room for call reviews",
        "Adherence at 85 %",
        "Dana Whitfield",
    )
    assert navigator.messages == ["Priya Shah's plan “Ready for the escalations desk” saved."]


def test_a_baseline_that_is_not_a_number_is_shown_beside_it_and_nothing_typed_is_lost(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    editor = open_editor(qtbot, ui_context, team.leader.id)
    type_into_focus(qtbot, "Lead the quality forum")
    add_goal(qtbot, editor, "Run the forum monthly", ["Draft the agenda"])
    add_goal(qtbot, editor, "Calibrate scores", [])
    editor.goal_list.setCurrentRow(0)
    editor.goal_form.baseline.setText("about half")

    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert editor.isVisible()
    assert services.plans.active_plan_for(team.leader.id) is None
    assert editor.goal_form.numbers_problem.isVisible()
    assert "must be a number" in editor.goal_form.numbers_problem.text()
    assert QApplication.focusWidget() is editor.goal_form.baseline
    assert editor.goal_form.baseline.text() == "about half"
    assert [editor.goal_list.item(i).text() for i in range(2)] == ["Run the forum monthly", "Calibrate scores"]
    assert [s.text for s in editor.goal_form.steps.steps()] == ["Draft the agenda"]

    editor.goal_form.baseline.setText("50")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    plan = services.plans.active_plan_for(team.leader.id)
    assert plan is not None
    assert [g.baseline_value for g in plan.goals] == [50, None]


def test_revising_asks_why_and_keeps_the_previous_version(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    plan = services.plans.create_plan(
        team.priya.id,
        PlanDraft(
            "Ready for the escalations desk",
            goals=(GoalDraft("Adherence at 85 %", target_value=85, steps=(StepDraft("Know the schedule"),)),),
        ),
    )
    editor = open_editor(qtbot, ui_context, team.priya.id, plan.id)
    assert editor.title.text() == "Ready for the escalations desk"
    editor.goal_form.target.setText("88")
    editor.goal_form.due.set_day(date(2027, 2, 26), TODAY)

    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.isVisible()
    assert editor.reason_problem.text() == "Say in a few words why the plan is being revised."
    assert QApplication.focusWidget() is editor.reason
    type_into_focus(qtbot, "Reached 85 early")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert not editor.isVisible()
    [revision] = services.plans.history(plan.id)
    assert revision.reason == "Reached 85 early"
    assert revision.changes == (
        "“Adherence at 85 %”: target changed from 85 to 88",
        "“Adherence at 85 %”: due date changed from none to 2027-02-26",
    )


def test_esc_asks_before_throwing_away_what_was_typed(
    qtbot: QtBot, ui_context: UiContext, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_buttons: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    editor = open_editor(qtbot, ui_context, team.priya.id)
    press(qtbot, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert asked == []

    editor = open_editor(qtbot, ui_context, team.priya.id)
    type_into_focus(qtbot, "Ready for the escalations desk")
    press(qtbot, Qt.Key.Key_Escape)
    assert editor.isVisible()
    assert editor.title.text() == "Ready for the escalations desk"
    press(qtbot, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert asked == ["Close the plan without saving what you changed?"] * 2
