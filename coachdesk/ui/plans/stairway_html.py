"""A goal as a page: its measure, the stairway of steps (done, the one the person is on, the ones ahead), its
evidence, and the plan's barriers and training needs.

Colours come from the palette, so the page reads the same in light and dark mode. Evidence links are `entry:<id>`,
opened by whoever shows the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from PySide6.QtGui import QPalette

from coachdesk.services.plans import BarrierView, EvidenceView, GoalView, PlanView, StepView
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.formatting import day_text, due_text, first_line, plural
from coachdesk.ui.plans.editor.editor_data import number_text
from coachdesk.ui.plans.plan_list_model import GOAL_WORDS
from coachdesk.ui.widgets import status_colour

ENTRY_LINK = "entry:"


class StairwayPage:
    def __init__(self, palette: QPalette, today: date, stall_weeks: int) -> None:
        self._today = today
        self._stall_weeks = stall_weeks
        self._muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        self._current = palette.color(QPalette.ColorRole.Highlight).name()
        self._current_text = palette.color(QPalette.ColorRole.HighlightedText).name()
        self._red = status_colour(CoachingStatus.OVERDUE, palette).name()
        self._green = status_colour(CoachingStatus.ON_TRACK, palette).name()

    def html(self, plan: PlanView, goal: GoalView | None, evidence: Sequence[EvidenceView]) -> str:
        parts = [self._goal(goal, evidence)] if goal is not None else []
        parts.append(self._barriers(plan.barriers))
        parts.append(self._section("Training needs", escape(plan.training_needs) or self._quiet("None noted.")))
        return "".join(parts)

    def _goal(self, goal: GoalView, evidence: Sequence[EvidenceView]) -> str:
        measure = [f"Measured by {escape(goal.kpi_name)}"] if goal.kpi_name else []
        if goal.baseline_value is not None:
            measure.append(f"from {number_text(goal.baseline_value)}")
        if goal.target_value is not None:
            measure.append(f"to {number_text(goal.target_value)}")
        overdue = goal.is_due(self._today, within_days=-1)
        due = due_text(goal.due_on, self._today)
        due_html = f'<span style="color:{self._red}">{due}</span>' if overdue else due
        line = " ".join(measure) + (" · " if measure else "") + due_html + f" · {GOAL_WORDS[goal.status]}"
        stalled = goal.stalled_weeks(self._today, self._stall_weeks)
        warning = ""
        if stalled is not None:
            still = f"No movement for {plural(stalled, 'week')}: talk about what is in the way."
            warning = f'<p style="color:{self._red}">{still}</p>'

        notes = f"<p>{escape(goal.notes)}</p>" if goal.notes else ""
        return (
            f"<h2>{escape(goal.title)}</h2><p>{line}</p>{warning}{notes}"
            + self._section("Stairway", self._steps(goal.steps))
            + self._section(f"Evidence ({len(evidence)})", self._evidence(evidence))
        )

    def _steps(self, steps: Sequence[StepView]) -> str:
        if not steps:
            return self._quiet("No steps yet. Edit the plan to add the steps toward this goal.")
        rows = "".join(self._step(number, step) for number, step in enumerate(steps, start=1))
        return f'<table cellspacing="0" cellpadding="4" width="100%">{rows}</table>'

    def _step(self, number: int, step: StepView) -> str:
        text = escape(step.text)
        due = f" · {due_text(step.due_on, self._today)}" if step.due_on and step.completed_on is None else ""
        if step.completed_on is not None:
            mark = f'<span style="color:{self._green}">✓</span>'
            words = f'<span style="color:{self._muted}">{text} · done {day_text(step.completed_on, self._today)}</span>'
            return f"<tr><td>{mark}</td><td>{number}.</td><td>{words}</td></tr>"
        if step.is_current:
            style = f'style="background:{self._current}; color:{self._current_text}"'
            return f"<tr {style}><td>▶</td><td>{number}.</td><td><b>{text}</b> — on this step now{due}</td></tr>"
        return f"<tr><td></td><td>{number}.</td><td>{text}{due}</td></tr>"

    def _evidence(self, evidence: Sequence[EvidenceView]) -> str:
        if not evidence:
            return self._quiet(
                "No sessions linked yet. Tick this goal under Plan goals worked on when logging a session or "
                "during a one-on-one."
            )
        items = "".join(
            f'<li><a href="{ENTRY_LINK}{e.entry_id}">{day_text(e.held_on, self._today)}</a> · '
            f"{'One-on-one' if e.is_one_on_one else 'Session'} with {escape(e.coach_name)} — "
            f"{escape(first_line(e.what_happened))}</li>"
            for e in evidence
        )
        return f"<ul>{items}</ul>"

    def _barriers(self, barriers: Sequence[BarrierView]) -> str:
        if not barriers:
            return self._section("Barriers", self._quiet("Nothing in the way has been noted."))
        items = []
        for barrier in barriers:
            who = f"{escape(barrier.owner_name)} removes it" if barrier.owner_name else "nobody has taken it on yet"
            goal = f" (blocks “{escape(barrier.goal_title)}”)" if barrier.goal_title else ""
            text = f"{escape(barrier.text)}{goal} — {who}"
            if barrier.removed_on is not None:
                removed = f"removed {day_text(barrier.removed_on, self._today)}"
                text = f'<s>{text}</s> <span style="color:{self._green}">{removed}</span>'
            items.append(f"<li>{text}</li>")
        return self._section("Barriers", f"<ul>{''.join(items)}</ul>")

    def _section(self, title: str, body: str) -> str:
        return f"<h3>{title}</h3>{body if body.startswith('<') else f'<p>{body}</p>'}"

    def _quiet(self, text: str) -> str:
        return f'<p style="color:{self._muted}">{text}</p>'
