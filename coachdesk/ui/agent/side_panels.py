"""The right-hand column of an agent's page: commitments to follow up, then what to glance at before a session."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from coachdesk.models import GoalStatus, KpiPeriod, MentorshipStatus
from coachdesk.services.kpis import LatestKpi
from coachdesk.services.plans import GoalView, PlanView
from coachdesk.services.tracker import CoachingStatus
from coachdesk.services.workspace import AgentOverview, NextOneOnOne
from coachdesk.ui.commitments_panel import CommitmentsSection
from coachdesk.ui.formatting import day_text, kpi_value, moment_text, plural
from coachdesk.ui.section import Section, text_line
from coachdesk.ui.widgets import muted, status_colour

PERIOD_WORDS = {KpiPeriod.DAY: "Day of", KpiPeriod.WEEK: "Week starting", KpiPeriod.MONTH: "Month starting"}


class SidePanels(QScrollArea):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Agent summary")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.commitments = CommitmentsSection()
        self.one_on_one = Section("Next one-on-one")
        self.plan = Section("Development plan")
        self.kpis = Section("KPIs against target")
        self.recognition = Section("Recognition")
        self.mentoring = Section("Mentoring")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 0, 12, 0)
        for section in (self.commitments, self.one_on_one, self.plan, self.kpis, self.recognition, self.mentoring):
            layout.addWidget(section)
        layout.addStretch(1)
        self.setWidget(body)

    def show_overview(self, overview: AgentOverview) -> None:
        today = overview.today
        first = overview.person.full_name.split()[0]
        self.commitments.show_commitments(overview.commitments, today, first)
        self.one_on_one.set_lines(
            one_on_one_lines(overview.one_on_one, today),
            f"No one-on-ones with {first} yet. Set up a series on the One-on-ones screen.",
        )
        self.plan.set_lines(
            plan_lines(overview.plan, today),
            f"{first} has no active development plan. Agree one on the Plans screen.",
        )
        self.kpis.set_lines(kpi_lines(overview.kpis, today), f"No KPI values recorded for {first} yet.")
        self.recognition.set_lines(
            [
                text_line(r.reason, " · ".join(p for p in (day_text(r.given_on, today), r.behaviour) if p))
                for r in overview.recognition
            ],
            f"No recognition recorded yet. When {first} does something well, say so and note it here.",
        )
        self.mentoring.set_lines(
            [
                text_line(
                    f"Mentored by {m.mentor_name}" if m.mentee_id == overview.person.id else f"Mentors {m.mentee_name}",
                    " · ".join(
                        p
                        for p in (
                            "proposed" if m.status is MentorshipStatus.PROPOSED else "",
                            f"since {day_text(m.started_on, today)}",
                            m.scope,
                        )
                        if p
                    ),
                )
                for m in overview.mentorships
            ],
            f"{first} is not mentoring or being mentored.",
        )

    def clear(self) -> None:
        for section in (self.commitments, self.one_on_one, self.plan, self.kpis, self.recognition, self.mentoring):
            section.clear()


def one_on_one_lines(next_one: NextOneOnOne | None, today: date) -> list[QWidget]:
    if next_one is None:
        return []
    series = next_one.series
    cadence = f"{series.cadence.value} with {series.manager_name}"
    waiting = f"{plural(next_one.waiting_points, 'talking point')} waiting" if next_one.waiting_points else ""
    if next_one.meeting is None:
        return [text_line("Nothing scheduled", " · ".join(p for p in (cadence.capitalize(), waiting) if p))]
    meeting = next_one.meeting
    details = (f"{meeting.duration_minutes} min", cadence, waiting)
    return [text_line(meeting_text(meeting.scheduled_at, today), " · ".join(p for p in details if p))]


def meeting_text(moment: datetime, today: date) -> str:
    """ "Today at 15:30" or "Tomorrow at 09:00" when it is that close; otherwise the day."""
    days = (moment.date() - today).days
    if days in (0, 1):
        return f"{'Today' if days == 0 else 'Tomorrow'} at {moment:%H:%M}"
    return moment_text(moment, today)


def plan_lines(plan: PlanView | None, today: date) -> list[QWidget]:
    if plan is None:
        return []
    review = f"review {day_text(plan.review_on, today)}" if plan.review_on else ""
    goals = plural(len(plan.goals), "goal")
    lines = [text_line(plan.title, " · ".join(p for p in (goals, review) if p))]
    lines.extend(text_line(goal_title(g, today), goal_progress(g, today)) for g in plan.goals)
    return lines


def goal_title(goal: GoalView, today: date) -> str:
    return f"• {goal.title}" + (f" — by {day_text(goal.due_on, today)}" if goal.due_on else "")


def goal_progress(goal: GoalView, today: date) -> str:
    """ "Step 3 of 5: Shadow a senior agent (due Fri 4 Dec)", or how the goal ended."""
    if goal.status is not GoalStatus.OPEN:
        return goal.status.value.capitalize()
    if not goal.steps:
        return "No steps yet"
    step = goal.current_step
    if step is None:
        return f"All {len(goal.steps)} steps done"
    due = f" (due {day_text(step.due_on, today)})" if step.due_on else ""
    return f"Step {goal.steps.index(step) + 1} of {len(goal.steps)}: {step.text}{due}"


def kpi_lines(kpis: tuple[LatestKpi, ...], today: date) -> list[QWidget]:
    if not kpis:
        return []
    return [KpiTable(kpis, today)]


class KpiTable(QWidget):
    """Each KPI's latest value beside its target, with a tick or a cross in the status colours."""

    def __init__(self, kpis: tuple[LatestKpi, ...], today: date) -> None:
        super().__init__()
        self.setAccessibleName("Latest KPI values against target")
        self._marks: list[tuple[QLabel, bool | None]] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for column, title in enumerate(("", "Latest", "Target")):
            header = muted(title)
            header.setAlignment(Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(header, 0, column)
        for row, latest in enumerate(kpis, start=1):
            period = f"{PERIOD_WORDS[latest.kpi.period]} {day_text(latest.period_start, today)}"
            target = kpi_value(latest.target, latest.kpi) if latest.target is not None else "—"
            value = kpi_value(latest.value, latest.kpi)
            verdict = {True: "meets target", False: "below target", None: "no target"}[latest.meets_target]
            cells = (QLabel(latest.kpi.name), QLabel(value), QLabel(target))
            for column, cell in enumerate(cells):
                cell.setToolTip(period)
                cell.setAccessibleName(f"{latest.kpi.name}: {value}, target {target}, {verdict}")
                if column:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                grid.addWidget(cell, row, column)
            mark = QLabel({True: "✓", False: "✗", None: ""}[latest.meets_target])
            mark.setAccessibleName(verdict)
            mark.setToolTip(verdict.capitalize())
            grid.addWidget(mark, row, 3)
            self._marks.append((mark, latest.meets_target))
        grid.setColumnStretch(0, 1)
        periods = {(k.kpi.period, k.period_start) for k in kpis}
        if len(periods) == 1:
            [(period, start)] = periods
            grid.addWidget(muted(f"{PERIOD_WORDS[period]} {day_text(start, today)}"), len(kpis) + 1, 0, 1, 4)
        self._colour_marks()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_marks()

    def _colour_marks(self) -> None:
        for mark, meets in self._marks:
            if meets is not None:
                status = CoachingStatus.ON_TRACK if meets else CoachingStatus.OVERDUE
                colour = status_colour(status, self.palette()).name()
                mark.setStyleSheet(f"QLabel {{ color: {colour}; font-weight: bold; }}")
