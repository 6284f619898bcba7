"""The Plans screen: every active plan, the step each goal is on, found by typing and opened with Enter."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coachdesk.models import GoalStatus
from coachdesk.services import Services
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from coachdesk.ui.context import UiContext
from coachdesk.ui.plans.page import PlansPage
from coachdesk.ui.plans.plan_list_model import Column, PlanListModel
from tests.conftest import TODAY, Team
from tests.ui.conftest import RecordingNavigator, show_active


def escalations_plan() -> PlanDraft:
    return PlanDraft(
        "Ready for the escalations desk",
        review_on=date(2026, 12, 14),
        goals=(
            GoalDraft(
                "Adherence at 85 %",
                due_on=date(2026, 11, 20),
                steps=(
                    StepDraft("Know the schedule", completed_on=date(2026, 11, 2)),
                    StepDraft("Use reminders"),
                ),
            ),
            GoalDraft(
                "Handle escalations",
                due_on=date(2027, 1, 31),
                status=GoalStatus.ACHIEVED,
                steps=(StepDraft("Shadow a senior", completed_on=date(2026, 11, 10)),),
            ),
        ),
    )


def texts(page: PlansPage, parent: QModelIndex | None = None) -> list[list[str]]:
    root = parent or QModelIndex()
    return [
        [str(page.proxy.index(row, column, root).data()) for column in Column]
        for row in range(page.proxy.rowCount(root))
    ]


def open_page(qtbot: QtBot, context: UiContext) -> PlansPage:
    page = PlansPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


@pytest.fixture
def planned(services: Services, team: Team) -> Team:
    services.plans.create_plan(team.priya.id, escalations_plan())
    services.plans.create_plan(
        team.tomas.id, PlanDraft("Coach a new starter", goals=(GoalDraft("Buddy Zoë for a month"),))
    )
    return team


def test_the_plan_list_model_is_a_well_behaved_tree(
    qtmodeltester: ModelTester, services: Services, planned: Team
) -> None:
    model = PlanListModel()
    model.set_plans(services.plans.active_plans(), TODAY)
    qtmodeltester.check(model, force_py=True)


def test_each_plan_shows_its_goals_their_current_step_and_due_dates(
    qtbot: QtBot, ui_context: UiContext, planned: Team
) -> None:
    page = open_page(qtbot, ui_context)

    assert texts(page) == [
        [
            "Priya Shah",
            "Ready for the escalations desk",
            "2 goals · 2 of 3 steps",
            "Use reminders",
            "Fri 20 Nov",
            "Review Mon 14 Dec",
        ],
        ["Tomás Ruiz", "Coach a new starter", "1 goal · no steps yet", "no steps yet", "", "Active since Mon 23 Nov"],
    ]
    assert texts(page, page.proxy.index(0, 0)) == [
        ["", "Adherence at 85 %", "1 of 2 steps", "Use reminders", "Fri 20 Nov", "Overdue"],
        ["", "Handle escalations", "1 of 1 step", "all steps done", "Sun 31 Jan 2027", "Achieved"],
    ]
    assert page.tree.isExpanded(page.proxy.index(0, 0))
    assert page.count.text() == "2 active plans. Enter opens the plan."


def test_typing_a_goal_or_a_name_narrows_the_list(qtbot: QtBot, ui_context: UiContext, planned: Team) -> None:
    page = open_page(qtbot, ui_context)

    qtbot.keyClicks(page.filter_box, "ruiz")
    assert [row[0] for row in texts(page)] == ["Tomás Ruiz"]
    assert len(texts(page, page.proxy.index(0, 0))) == 1
    assert page.count.text() == "1 active plan of 2. Enter opens the plan."

    page.filter_box.clear()
    qtbot.keyClicks(page.filter_box, "reminders")
    assert [row[0] for row in texts(page)] == ["Priya Shah"]
    assert [row[1] for row in texts(page, page.proxy.index(0, 0))] == ["Adherence at 85 %"]


def test_enter_on_a_goal_opens_its_persons_plan(
    qtbot: QtBot, ui_context: UiContext, planned: Team, navigator: RecordingNavigator
) -> None:
    page = open_page(qtbot, ui_context)
    goal = page.proxy.index(1, Column.TITLE, page.proxy.index(0, 0))
    page.tree.setCurrentIndex(goal)

    qtbot.keyClick(page.tree, Qt.Key.Key_Return)

    assert navigator.opened_plans == [planned.priya.id]


def test_a_new_plan_appears_when_plans_change(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    page = open_page(qtbot, ui_context)
    assert page.body.currentWidget() is page.empty

    services.plans.create_plan(team.new_starter.id, escalations_plan())
    ui_context.notices.announce("plans")

    assert [row[0] for row in texts(page)] == ["Zoë Álvarez"]
    assert page.body.currentWidget() is page.tree


def test_stalled_steps_and_goals_due_are_flagged(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    draft = escalations_plan()
    adherence = replace(
        draft.goals[0],
        steps=(
            StepDraft("Know the schedule", completed_on=date(2026, 10, 5)),
            StepDraft("Use reminders", started_on=date(2026, 10, 5)),
        ),
    )
    briefing = GoalDraft("Brief the team on the new script", due_on=date(2026, 12, 1), steps=(StepDraft("Draft it"),))
    services.plans.create_plan(team.priya.id, replace(draft, goals=(adherence, briefing)))

    page = open_page(qtbot, ui_context)

    (plan_row,) = texts(page)
    assert plan_row[Column.STATUS] == "Review Mon 14 Dec · 1 stalled step"
    goal_rows = texts(page, page.proxy.index(0, 0))
    assert [(row[Column.TITLE], row[Column.STEP], row[Column.STATUS]) for row in goal_rows] == [
        ("Adherence at 85 %", "Use reminders — stalled 7 weeks", "Overdue"),
        ("Brief the team on the new script", "Draft it", "Due soon"),
    ]
    assert page.attention.text() == (
        "1 stalled step (no movement for 4+ weeks) · 1 goal overdue · 1 goal due within two weeks"
    )


def test_next_step_on_a_goal_moves_it_and_keeps_the_cursor_there(
    qtbot: QtBot, ui_context: UiContext, planned: Team
) -> None:
    page = open_page(qtbot, ui_context)
    show_active(qtbot, page)
    assert not page.next_button.isEnabled()
    goal = page.proxy.index(0, Column.TITLE, page.proxy.index(0, 0))
    page.tree.setCurrentIndex(goal)
    page.tree.setFocus()

    qtbot.keyClick(page.tree, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)

    qtbot.waitUntil(lambda: page.tree.currentIndex().siblingAtColumn(Column.PROGRESS).data() == "2 of 2 steps")
    assert page.tree.currentIndex().siblingAtColumn(Column.STEP).data() == "all steps done"


def test_edit_plan_opens_the_editor_on_the_chosen_plan(qtbot: QtBot, ui_context: UiContext, planned: Team) -> None:
    page = open_page(qtbot, ui_context)
    page.tree.setCurrentIndex(page.proxy.index(1, Column.TITLE))

    page.edit_button.click()

    assert page.editor is not None
    assert page.editor.person_id == planned.tomas.id
    assert page.editor.title.text() == "Coach a new starter"
