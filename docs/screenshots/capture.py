"""`python docs/screenshots/capture.py`: the README's screenshots, taken from the real app on a fresh demo notebook.

Run it under a display (for instance `xvfb-run -s "-screen 0 1400x900x24" python docs/screenshots/capture.py`);
it builds a demo notebook in a temporary folder, opens the main window as `coachdesk` does, walks through the
screens and saves a PNG of each next to this file.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sync_shots import capture_sync

from coachdesk.demo import generate_demo
from coachdesk.models import AgendaSource, MeetingStatus
from coachdesk.services import Services, build_services
from coachdesk.services.agenda import AgendaEntry
from coachdesk.services.kpi_spread import SpreadBasis
from coachdesk.services.kpi_trends import TrendWord
from coachdesk.services.plans import PlanView
from coachdesk.services.today import week_of
from coachdesk.services.tracker import CoachingStatus
from coachdesk.storage import open_notebook
from coachdesk.ui.agenda.page import AgendaPage
from coachdesk.ui.agent.page import AgentPage
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.kpi_chart.agent_tab import KPI_ROLE
from coachdesk.ui.kpis.page import KpisPage
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.mentoring.page import MentoringPage
from coachdesk.ui.packs.page import ReviewPacksPage
from coachdesk.ui.recognition.recognise_dialog import RecogniseDialog
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import ThreadTaskRunner
from coachdesk.ui.today.page import TodayPage

HERE = Path(__file__).resolve().parent
SIZE = (1280, 800)


def settle(app: QApplication, tasks: ThreadTaskRunner) -> None:
    """Waits until the worker has finished what the screens asked of it, then lets them paint."""
    loop = QEventLoop()
    tasks.submit(lambda: None, lambda _none: loop.quit(), lambda _error: loop.quit())
    loop.exec()
    for _ in range(3):
        QTimer.singleShot(60, loop.quit)
        loop.exec()
        app.processEvents()


def save(widget: QWidget, name: str) -> None:
    path = HERE / f"{name}.png"
    widget.grab().save(str(path))
    print(f"saved {path.relative_to(HERE.parents[1])}")


def due_meeting(services: Services) -> str:
    """The one-on-one due first (today, in the demo) whose agenda gathers most kinds of item: a leftover, a
    commitment, a plan step, a KPI change; so the screenshot shows what an agenda brings together."""
    today = services.settings.today()
    owner = services.people.owner()
    coming = [
        meeting
        for meeting in services.meetings.between(today, week_of(today)[1], under_manager_id=owner.id if owner else None)
        if meeting.status is MeetingStatus.SCHEDULED
    ]
    first_day = [meeting for meeting in coming if meeting.scheduled_at.date() == coming[0].scheduled_at.date()]

    def kinds(meeting_id: str) -> int:
        items = services.agenda.prepare(meeting_id).items
        return len({item.source for item in items}) + any(item.carried for item in items)

    return max(first_day, key=lambda meeting: kinds(meeting.id)).id


def showcase_plan(services: Services) -> PlanView:
    """An agent's active plan that shows most of what a plan holds: several goals, steps done and ahead, a barrier,
    sessions as evidence."""

    def richness(plan: PlanView) -> tuple[int, ...]:
        goals = plan.goals
        climbing = sum(1 for g in goals if 0 < g.steps_done < len(g.steps))
        return (min(len(goals), 2), bool(plan.barriers), climbing, sum(g.evidence_count for g in goals))

    return max(services.plans.active_plans(), key=richness)


def coached_kpi(services: Services) -> tuple[str, str]:
    """An agent and a KPI that coaching moved: improving, with the most sessions focused on it."""

    def focus_sessions(person_id: str, kpi_id: str) -> int:
        return sum(mark.on_this_kpi for mark in services.kpi_trends.chart(person_id, kpi_id).sessions)

    improving = [
        (agent.person_id, choice.latest.kpi.id)
        for agent in services.tracker.agents()
        for choice in services.kpi_trends.choices(agent.person_id)
        if choice.trend.word is TrendWord.IMPROVING
    ]
    return max(improving, key=lambda pair: focus_sessions(*pair))


def run_for_a_while(services: Services, meeting_id: str) -> str:
    """Starts the meeting and runs it part way: two items ticked off with notes, a commitment agreed, notes being
    written on a third, a private talking point, a plan goal ticked as worked on, a quarter of an hour on the
    clock. Returns the item under discussion."""
    agenda = services.agenda
    items = list(agenda.start(meeting_id).items)
    done = [pick(items, AgendaSource.COMMITMENT), pick(items, AgendaSource.TALKING_POINT, AgendaSource.CARRIED_OVER)]
    talking = pick(items, AgendaSource.PLAN_STEP, AgendaSource.KPI)
    for entry, notes in zip(done, DONE_NOTES, strict=True):
        agenda.tick(entry.id, True)
        agenda.write_notes(entry.id, notes)
    agenda.write_notes(talking.id, TALKING_NOTES)
    series = agenda.agenda(meeting_id).series
    agenda.capture_commitment(
        meeting_id,
        "Listen back to one call together on Friday",
        series.manager_id,
        agenda.today() + timedelta(days=4),
        item_id=talking.id,
    )
    agenda.add_item(meeting_id, PRIVATE_POINT, is_private=True)
    agenda.work_on_goals(meeting_id, [goal.id for goal in agenda.agenda(meeting_id).goals[:1]])
    agenda.save_time(meeting_id, 14 * 60 + 32, {done[0].id: 6 * 60 + 5, done[1].id: 4 * 60 + 40, talking.id: 3 * 60})
    return talking.id


PRIVATE_POINT = "Childcare changes from January"
DONE_NOTES = ("Kept: done every time this fortnight, and it shows.", "Covered; nothing more to add.")
TALKING_NOTES = "Started: about half done, the rest is booked for this week.\nAgreed to look at it again next time."


def kpi_export(services: Services, path: Path) -> Path:
    """This week's adherence and handle time for every agent, as a contact-centre tool would export them."""
    monday = week_of(services.settings.today())[0]
    lines = ["Employee ID,Agent,Week commencing,Adherence,Average handle time"]
    for person in services.people.list_people():
        latest = {kpi.kpi.name: kpi.value for kpi in services.kpis.latest_for(person.id)}
        if person.employee_id and {"Adherence", "Average handle time"} <= latest.keys():
            adherence, handle = latest["Adherence"] + 0.4, latest["Average handle time"] - 6
            lines.append(f"{person.employee_id},{person.full_name},{monday:%d/%m/%Y},{adherence:.1f}%,{handle:.0f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def pick(items: list[AgendaEntry], *sources: AgendaSource) -> AgendaEntry:
    """The first item from the first of `sources` on the agenda, else the first item not picked yet."""
    found = (next((item for item in items if item.source is source), None) for source in sources)
    chosen = next((item for item in found if item is not None), items[0])
    items.remove(chosen)
    return chosen


def capture_recognition_and_mentoring(app: QApplication, tasks: ThreadTaskRunner, window: MainWindow) -> None:
    """The Mentoring screen on the pairing with the most feedback, and Recognise opened from a Today prompt."""
    window.show_page("mentoring")
    settle(app, tasks)
    mentoring = window.pages["mentoring"]
    assert isinstance(mentoring, MentoringPage)
    rows = mentoring.pairings.model.rows
    rated = max(range(len(rows)), key=lambda row: sum(s.has_feedback for s in rows[row].sessions))
    mentoring.pairings.table.setCurrentIndex(mentoring.pairings.model.index(rated, 0))
    settle(app, tasks)
    save(window, "mentoring")

    window.show_page("today")
    settle(app, tasks)
    today = window.pages["today"]
    assert isinstance(today, TodayPage)
    prompts = today.recognition
    prompts.recognise_person(prompts.section.model.rows[0].person_id)
    settle(app, tasks)
    dialog = prompts.findChildren(RecogniseDialog)[0]
    dialog.behaviour.setText("Persistence")
    settle(app, tasks)
    save(dialog, "recognise")
    dialog.reject()


def capture_review_packs(app: QApplication, tasks: ThreadTaskRunner, window: MainWindow, agent_id: str) -> None:
    """Arrives from the agent's page, as a manager would, and previews the first page."""
    window.open_agent(agent_id)
    settle(app, tasks)
    agent_page = window.pages["agent"]
    assert isinstance(agent_page, AgentPage)
    agent_page.review_pack.click()
    settle(app, tasks)
    packs = window.pages["packs"]
    assert isinstance(packs, ReviewPacksPage)
    packs.organisation.setText("Northwind Contact Centre")
    packs.show_preview()
    settle(app, tasks)
    save(window, "review-packs")


def main() -> int:
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        notebook_file = Path(folder) / "notebook.sqlite3"
        notebook = open_notebook(notebook_file)
        generate_demo(notebook, agents=24, years=1, seed=7, today=date.today())
        services = build_services(notebook)
        overdue = next(a for a in services.tracker.agents() if a.status is CoachingStatus.OVERDUE)
        meeting_id = due_meeting(services)
        plan = showcase_plan(services)
        export = kpi_export(services, Path(folder) / "wfm-export-week.csv")
        adherence = next(kpi.id for kpi in services.kpis.list_kpis() if kpi.name == "Adherence")
        coached_agent, coached_kpi_id = coached_kpi(services)
        notebook.close()

        tasks = ThreadTaskRunner()
        settings = UiSettings(QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(tasks, ErrorReporter(Path(folder)), notebook_file, settings)
        window.resize(*SIZE)
        window.show()
        window.open_notebook()
        loop = QEventLoop()
        window.notebook_opened.connect(loop.quit)
        loop.exec()
        settle(app, tasks)
        save(window, "today")

        window.show_page("team")
        settle(app, tasks)
        save(window, "team")

        window.open_agent(overdue.person_id)
        settle(app, tasks)
        save(window, "agent")

        window.open_plan(plan.person_id)
        settle(app, tasks)
        plan_tab = window.pages["agent"].plan_tab  # type: ignore[attr-defined]
        plan_tab.goals.setCurrentRow(max(range(len(plan.goals)), key=lambda i: plan.goals[i].evidence_count))
        settle(app, tasks)
        save(window, "plan-tab")
        plan_tab.edit_plan()
        settle(app, tasks)
        plan_editor = plan_tab.dialog
        plan_editor.reason.setText("Reached the first target early; raised the bar")
        settle(app, tasks)
        save(plan_editor, "plan-editor")
        plan_editor.done(0)  # closes without asking whether to discard the reason typed above
        window.open_agent(coached_agent)
        agent_page = window.pages["agent"]
        assert isinstance(agent_page, AgentPage)
        agent_page.tabs.setCurrentWidget(agent_page.kpis)
        settle(app, tasks)
        kpi_rows = agent_page.kpis.choices
        kpi_ids = [kpi_rows.item(row).data(KPI_ROLE) for row in range(kpi_rows.count())]
        kpi_rows.setCurrentRow(kpi_ids.index(coached_kpi_id))
        settle(app, tasks)
        save(window, "kpi-chart")
        agent_page.tabs.setCurrentWidget(agent_page.details)

        window.new_session(overdue.person_id)
        editor = window.editors[0]
        settle(app, tasks)
        editor.focus.setText("Call control")
        editor.target.setText("Average handling time under 6 minutes within two weeks")
        editor.texts["what_happened"].setPlainText(
            "Listened to four calls together. Strong rapport on every call; on two she let the customer "
            "steer the call back to old complaints and ran over time."
        )
        editor.rating.setCurrentIndex(3)
        editor.texts["performance_notes"].setPlainText("Took the feedback well and tried the summary technique.")
        editor.commitments.add_row(text="Use the three-step summary on every call this week")
        editor.commitments.add_row(text="Send two model calls on call control")
        editor.commitments.rows[1].owner.setCurrentIndex(1)
        editor.texts["private_notes"].setPlainText("Mentioned childcare trouble; check in next week.")
        settle(app, tasks)
        save(editor, "editor")
        editor.discard()

        window.search()
        window.pages["search"].box.setText("adherence")  # type: ignore[attr-defined]
        settle(app, tasks)
        settle(app, tasks)
        save(window, "search")

        window.show_page("kpis")
        kpis = window.pages["kpis"]
        assert isinstance(kpis, KpisPage)
        settle(app, tasks)
        kpis.tabs.setCurrentWidget(kpis.spread)
        kpis.spread.choose(adherence, SpreadBasis.RECENT_MEAN)
        settle(app, tasks)
        save(window, "kpis")

        importer = kpis.import_values()
        importer.resize(960, 760)
        importer.preview_file(export)
        settle(app, tasks)
        save(importer, "kpi-import")
        importer.reject()

        window.open_meeting(meeting_id)
        settle(app, tasks)
        save(window, "agenda-before")

        assert window.services is not None
        talking = run_for_a_while(window.services, meeting_id)
        window.open_meeting(meeting_id)
        settle(app, tasks)
        agenda = window.pages["agenda"]
        assert isinstance(agenda, AgendaPage)
        agenda.list.setCurrentIndex(agenda.model.index(agenda.model.row_of(talking) or 0, 0))
        settle(app, tasks)
        save(window, "agenda-during")

        capture_recognition_and_mentoring(app, tasks, window)
        capture_review_packs(app, tasks, window, coached_agent)
        capture_sync(window, lambda: settle(app, tasks), save)

        window.close()
        tasks.shutdown()
        window.close_notebook()
    return 0


if __name__ == "__main__":
    sys.exit(main())
