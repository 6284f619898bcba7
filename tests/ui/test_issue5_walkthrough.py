"""The "done when" of plans, KPIs and recognition, by keyboard in the real main window on a demo notebook: open an
agent, read their KPI chart with the coaching sessions marked, move them to the next step of their plan, recognise
it, and import a month of KPI values from a contact-centre export, then see the month on the chart.

The demo is built as of four weeks before today, so its figures stop a month short: the month the export brings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.demo import generate_demo
from coachdesk.services import Services
from coachdesk.services.people import PersonView
from coachdesk.services.plans import GoalView
from coachdesk.ui.agent.page import AgentPage
from coachdesk.ui.kpis.import_dialog import KpiImportDialog
from coachdesk.ui.recognition.recognise_dialog import RecogniseDialog
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import ImmediateTaskRunner
from tests.conftest import TODAY
from tests.ui.conftest import press, show_active, type_into_focus
from tests.ui.test_main_window import open_window

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
DEMO_UNTIL = TODAY - timedelta(weeks=4)
MONTH = [DEMO_UNTIL + timedelta(weeks=week) for week in range(4)]
"""The four weeks the demo has no figures for, Monday to Monday: 26 Oct to 16 Nov."""
HEADERS = "Employee ID,Agent,Week commencing,Adherence,AHT,CSAT,First contact resolution"
KPI_COLUMNS = {"Adherence": 3, "Average handle time": 4, "CSAT": 5, "First contact resolution": 6}
"""Where each KPI sits in an export row; the tool calls handle time "AHT", which the notebook does not."""
REASON = "Listened to the model calls and cut her holds in half"


@dataclass(frozen=True)
class Coached:
    """An agent whose plan has a goal part-way up its stairway, on a KPI their sessions focused on."""

    person: PersonView
    goal: GoalView
    goal_row: int


def coached_agent(services: Services) -> Coached:
    for person in services.people.list_people():
        plan = services.plans.active_plan_for(person.id)
        for row, goal in enumerate(plan.goals if plan else ()):
            step = goal.current_step
            if goal.kpi_id is None or step is None or step == goal.steps[-1] or not person.employee_id:
                continue
            if any(mark.on_this_kpi for mark in services.kpi_trends.chart(person.id, goal.kpi_id).sessions):
                return Coached(person, goal, row)
    raise AssertionError("the demo always has someone coached on the KPI their plan works on")


def month_of_values(services: Services) -> dict[tuple[str, str, date], float]:
    """Each agent's figures for the month, a little better each week than their last in the notebook."""
    values = {}
    for person in services.people.list_people():
        for latest in services.kpis.latest_for(person.id) if person.employee_id else ():
            for week, monday in enumerate(MONTH, start=1):
                step = -4.0 if latest.kpi.name == "Average handle time" else 0.5
                values[person.employee_id or "", latest.kpi.name, monday] = round(latest.value + step * week, 1)
    return values


def write_export(path: Path, values: dict[tuple[str, str, date], float], services: Services) -> Path:
    """The month as a workforce tool exports it: one row per agent and week, a column per KPI, percentages with a
    sign and dates day first."""
    names = {person.employee_id: person.full_name for person in services.people.list_people()}
    rows: dict[tuple[str, date], list[str]] = {}
    for (employee_id, kpi_name, monday), value in values.items():
        row = rows.setdefault((employee_id, monday), [employee_id, names[employee_id], f"{monday:%d/%m/%Y}", *"    "])
        row[KPI_COLUMNS[kpi_name]] = f"{value:g}" if kpi_name == "Average handle time" else f"{value:g}%"
    path.write_text("\n".join([HEADERS, *(",".join(row) for row in rows.values())]) + "\n", encoding="utf-8")
    return path


def test_a_newcomer_reads_the_kpi_chart_moves_a_step_recognises_it_and_imports_a_month(
    qtbot: QtBot, services: Services, notebook_file: Path, ui_settings: UiSettings, tmp_path: Path
) -> None:
    generate_demo(services.notebook, agents=6, years=0.5, seed=7, today=DEMO_UNTIL)
    coached = coached_agent(services)
    person, goal = coached.person, coached.goal
    assert goal.kpi_id is not None
    assert goal.current_step is not None
    window = open_window(qtbot, notebook_file, ui_settings, ImmediateTaskRunner())
    agent = window.pages["agent"]
    assert isinstance(agent, AgentPage)

    # Find the agent on the Team screen and open them.
    press(qtbot, Qt.Key.Key_2, CTRL)
    type_into_focus(qtbot, person.full_name)
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is agent
    assert agent.header.name.text() == person.full_name

    # Their KPIs tab: the KPI their plan works on, charted with the sessions marked and those on it standing out.
    press(qtbot, Qt.Key.Key_K, ALT)
    assert agent.tabs.currentWidget() is agent.kpis
    press(qtbot, Qt.Key.Key_C, ALT)
    choices = agent.kpis.choices
    assert QApplication.focusWidget() is choices
    names = [choices.item(row).text().split(" — ")[0] for row in range(choices.count())]
    for _ in range(names.index(goal.kpi_name or "") - choices.currentRow()):
        press(qtbot, Qt.Key.Key_Down)
    data = services.kpi_trends.chart(person.id, goal.kpi_id)
    chart = agent.kpis.chart
    assert chart.plotted_series() == [(point.period_start, pytest.approx(point.value)) for point in data.points]
    assert chart.plotted_sessions() == [(mark.held_on, mark.on_this_kpi) for mark in data.sessions]
    assert any(on_this_kpi for _, on_this_kpi in chart.plotted_sessions())
    assert agent.kpis.sentence.text() == data.trend.sentence

    # The Plan tab: choose the goal, move them to its next step.
    press(qtbot, Qt.Key.Key_P, ALT)
    plan_tab = agent.plan_tab
    assert agent.tabs.currentWidget() is plan_tab
    press(qtbot, Qt.Key.Key_G, ALT)
    assert QApplication.focusWidget() is plan_tab.goals
    for _ in range(coached.goal_row - plan_tab.goals.currentRow()):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_X, ALT)
    done, now_on = goal.current_step, goal.steps[goal.steps.index(goal.current_step) + 1]
    qtbot.waitUntil(lambda: f"{now_on.text} — on this step now" in plan_tab.page.toPlainText().replace("\n", " "))
    plan = services.plans.active_plan_for(person.id)
    assert plan is not None
    moved = next(g for g in plan.goals if g.id == goal.id)
    assert moved.current_step is not None
    assert moved.current_step.id == now_on.id
    assert moved.steps_done == goal.steps_done + 1
    assert f"\n{goal.steps_done + 1} of {len(goal.steps)} steps" in plan_tab.goals.currentItem().text()
    first = person.full_name.split()[0]
    assert window.statusBar().currentMessage() == f"“{done.text}” done: {first} is on to “{now_on.text}”."

    # Recognise it: Ctrl+R, the reason typed, Enter.
    press(qtbot, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecogniseDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, RecogniseDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason)
    type_into_focus(qtbot, REASON)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert REASON in [recognition.reason for recognition in services.recognition.for_person(person.id)]
    assert agent.panels.recognition.lines()[0].accessibleName() == f"{REASON}. Mon 23 Nov"

    # A month of figures from the workforce tool: File → Import KPI values (Ctrl+I), the file's path, a preview.
    values = month_of_values(services)
    export = write_export(tmp_path / "wfm-weekly-export.csv", values, services)
    show_active(qtbot, window)
    press(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), KpiImportDialog))
    importer = QApplication.activeModalWidget()
    assert isinstance(importer, KpiImportDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is importer.path_box)
    type_into_focus(qtbot, str(export))
    press(qtbot, Qt.Key.Key_Return)
    handle_times = sum(kpi == "Average handle time" for _, kpi, _ in values)
    assert importer.summary.text().startswith(f"wfm-weekly-export.csv: {len(values) - handle_times} new values and 0")

    # The tool's "AHT" is not a KPI the notebook knows: say once that it holds handle time.
    press(qtbot, Qt.Key.Key_H, ALT)
    while QApplication.focusWidget() is not importer.column_boxes["aht"]:
        press(qtbot, Qt.Key.Key_Tab)
    for _ in range(importer.column_boxes["aht"].count()):
        if importer.column_boxes["aht"].currentText() == "Values of Average handle time":
            break
        press(qtbot, Qt.Key.Key_Down)
        assert QApplication.focusWidget() is importer.column_boxes["aht"]
    assert importer.summary.text() == (
        f"wfm-weekly-export.csv: {len(values)} new values and 0 updates to stored values. "
        "Nothing is changed until you press Import."
    )
    assert importer.rows.topLevelItemCount() == len(values)
    press(qtbot, Qt.Key.Key_I, ALT)
    qtbot.waitUntil(importer.import_button.isHidden)
    assert importer.summary.text().startswith(f"Imported {len(values)} values from wfm-weekly-export.csv")
    press(qtbot, Qt.Key.Key_Return)
    assert not importer.isVisible()

    # Back on the agent's chart, the month is there.
    show_active(qtbot, window)
    press(qtbot, Qt.Key.Key_Left, ALT)
    assert window.stack.currentWidget() is agent
    press(qtbot, Qt.Key.Key_K, ALT)
    month = [(monday, pytest.approx(values[person.employee_id or "", goal.kpi_name or "", monday])) for monday in MONTH]
    assert chart.plotted_series()[-4:] == month
    window.close_notebook()
