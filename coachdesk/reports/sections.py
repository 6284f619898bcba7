"""Each section of a pack as Platypus flowables; a section with nothing to show says so in a sentence."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from coachdesk.models import RATING_MAX, CommitmentStatus
from coachdesk.reports.charts import kpi_chart
from coachdesk.reports.content import PackContent, Section, long_date
from coachdesk.reports.fonts import REGULAR, PackFonts
from coachdesk.reports.styles import RULE, SHADE, PackStyles
from coachdesk.services.commitments import CommitmentView
from coachdesk.services.log import FIELD_LABELS, EntryView
from coachdesk.services.reminders import counted

GRID = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)


class SectionWriter:
    """Writes the flowables of each section of one pack."""

    def __init__(self, content: PackContent, styles: PackStyles, fonts: PackFonts, width: float) -> None:
        self.content = content
        self.styles = styles
        self.fonts = fonts
        self.width = width

    def paragraph(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(self.fonts.markup(text), getattr(self.styles, style))

    def labelled(self, label: str, text: str) -> list[Flowable]:
        """A field of a record: its label, then the text as written, which may run over pages."""
        if not text.strip():
            return []
        return [self.paragraph(label, "label"), self.paragraph(text.strip(), "field_text")]

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        row_height: float | None = None,
    ) -> Table:
        """A table of wrapped text; `row_height` leaves room to write by hand (signatures, dates)."""
        cells = [[self.paragraph(h, "label") for h in header]]
        cells += [[self.paragraph(cell) for cell in row] for row in rows]
        heights = [None] + [row_height] * len(rows)
        table = Table(cells, colWidths=[w * self.width for w in widths], rowHeights=heights, repeatRows=1)
        table.setStyle(GRID)
        return table

    def flowables(self, section: Section) -> list[Flowable]:
        writers: dict[Section, Callable[[], list[Flowable]]] = {
            Section.SUMMARY: self.summary,
            Section.PLAN: self.plan,
            Section.KPIS: self.kpis,
            Section.LOG: self.log,
            Section.ACKNOWLEDGEMENTS: self.acknowledgements,
            Section.RECOGNITION: self.recognition,
            Section.MENTORING: self.mentoring,
            Section.ONE_ON_ONES: self.one_on_ones,
            Section.SIGN_OFF: self.sign_off,
            Section.RESPONSE: self.response,
        }
        return writers[section]()

    def summary(self) -> list[Flowable]:
        s = self.content.summary
        rows = [
            (
                "Sessions held",
                f"{s.sessions_held}, against a target of {s.sessions_expected} (one every {s.cadence_days} days)",
            ),
            ("Longest gap without a session", counted(s.longest_gap_days, "day")),
            ("One-on-ones", f"{s.one_on_ones_held} held, {s.one_on_ones_missed} missed"),
            ("Commitments made in sessions", str(s.commitments_made)),
            ("… kept", str(s.commitments_kept)),
            ("… missed", str(s.commitments_missed)),
            ("… still open", str(s.commitments_open)),
            ("Recognition given", str(s.recognition_count)),
        ]
        return [self.table(("Measure", "In this period"), rows, (0.45, 0.55))]

    def plan(self) -> list[Flowable]:
        plan = self.content.plan
        if plan is None:
            return [self.paragraph(f"{self.content.agent.name} has no development plan.", "empty")]
        started = f", started {long_date(plan.started_on)}" if plan.started_on else ""
        review = f", review due {long_date(plan.review_on)}" if plan.review_on else ""
        story: list[Flowable] = [
            self.paragraph(plan.title, "subheading"),
            self.paragraph(
                f"Status: {plan.status.value}{started}{review}; revision {plan.revision}. "
                f"The plan as it stands on {long_date(self.content.generated_on)}.",
                "small",
            ),
        ]
        if not plan.goals:
            story.append(self.paragraph("The plan has no goals yet.", "empty"))
        for goal in plan.goals:
            measure = [f"KPI {goal.kpi_name}"] if goal.kpi_name else []
            if goal.baseline_value is not None:
                measure.append(f"from {goal.baseline_value:g}")
            if goal.target_value is not None:
                measure.append(f"target {goal.target_value:g}")
            if goal.due_on:
                measure.append(f"due {long_date(goal.due_on)}")
            story.append(self.paragraph(f"Goal: {goal.title} ({goal.status.value})", "label"))
            if measure:
                story.append(self.paragraph(", ".join(measure), "field_text"))
            current = goal.current_step
            story.append(
                self.paragraph(
                    f"{goal.steps_done} of {len(goal.steps)} steps done"
                    + (f"; now on: {current.text}" if current else ""),
                    "field_text",
                )
            )
            story.extend(
                self.paragraph(f"{step_mark(s.completed_on, s.is_current)} {s.text}", "item") for s in goal.steps
            )
        story += self.labelled("Training needs", plan.training_needs) or [
            self.paragraph("No training needs are recorded.", "empty")
        ]
        return story

    def kpis(self) -> list[Flowable]:
        trends = self.content.kpis
        if not trends:
            return [self.paragraph("No KPI values are recorded for this agent.", "empty")]
        story: list[Flowable] = []
        for trend in trends:
            heading = self.paragraph(trend.name, "subheading")
            if not trend.points:
                story.append(KeepTogether([heading, self.paragraph(trend.change, "empty")]))
                continue
            story.append(KeepTogether([heading, kpi_chart(trend, self.width), self.paragraph(trend.change)]))
        return story

    def log(self) -> list[Flowable]:
        if not self.content.sessions:
            return [self.paragraph("No sessions were logged with this agent in the period.", "empty")]
        story: list[Flowable] = [
            self.paragraph(
                f"{counted(len(self.content.sessions), 'session')} in date order, as written at the time; changes made "
                "after sign-off are shown as amendments beneath the original.",
                "small",
            )
        ]
        for session in self.content.sessions:
            story += self.session(session)
        return story

    def session(self, session: EntryView) -> list[Flowable]:
        heading = (
            f"{long_date(session.held_on)} · {session.kind.name} with {session.coach_name} "
            f"({session.duration_minutes} min)"
        )
        signed = (
            f"Signed off {long_date(session.signed_off_at.date())}." if session.signed_off_at else "Not signed off."
        )
        rating = (
            f"Rating {session.performance_rating} of {RATING_MAX}. " if session.performance_rating is not None else ""
        )
        story: list[Flowable] = [self.paragraph(heading, "subheading"), self.paragraph(rating + signed, "small")]
        story += self.labelled(FIELD_LABELS["what_happened"], session.what_happened)
        story += self.labelled(FIELD_LABELS["performance_notes"], session.performance_notes)
        story += self.labelled(FIELD_LABELS["agent_view"], session.agent_view)
        story += self.labelled(FIELD_LABELS["barriers"], session.barriers)
        story += self.labelled(FIELD_LABELS["next_steps"], session.next_steps)
        story += self.labelled("Private notes (included at the manager's request)", session.private_notes)
        if session.commitments:
            story.append(self.paragraph("Next steps agreed and their follow-through", "label"))
            story += [self.paragraph("• " + follow_through(c), "item") for c in session.commitments]
        story += [self.paragraph(amendment, "field_text") for amendment in amendment_lines(session)]
        story += [self.paragraph(line, "field_text") for line in acknowledgement_lines(session)]
        return story

    def acknowledgements(self) -> list[Flowable]:
        story: list[Flowable] = []
        for session in self.content.sessions:
            lines = acknowledgement_lines(session) + amendment_lines(session)
            if lines:
                story.append(self.paragraph(f"Session of {long_date(session.held_on)}", "label"))
                story += [self.paragraph(line, "field_text") for line in lines]
        unacknowledged = sum(not s.acknowledgements for s in self.content.sessions)
        if self.content.sessions:
            story.append(
                self.paragraph(
                    f"{unacknowledged} of {counted(len(self.content.sessions), 'session')} in the period "
                    "have no acknowledgement from the agent.",
                    "small",
                )
            )
        return story or [self.paragraph("No sessions were acknowledged or amended in the period.", "empty")]

    def recognition(self) -> list[Flowable]:
        if not self.content.recognition:
            return [self.paragraph("No recognition was recorded in the period.", "empty")]
        rows = [
            (
                long_date(r.given_on),
                r.given_by_name or "—",
                f"{r.behaviour}: {r.reason}" if r.behaviour else r.reason,
            )
            for r in self.content.recognition
        ]
        return [self.table(("Date", "From", "For"), rows, (0.2, 0.22, 0.58))]

    def mentoring(self) -> list[Flowable]:
        if not self.content.mentoring:
            return [self.paragraph("No mentoring pairing covers the period.", "empty")]
        story: list[Flowable] = []
        for pairing in self.content.mentoring:
            is_mentee = pairing.mentee_id == self.content.request.agent_id
            role = f"Mentored by {pairing.mentor_name}" if is_mentee else f"Mentor to {pairing.mentee_name}"
            until = f" to {long_date(pairing.ended_on)}" if pairing.ended_on else ""
            story.append(
                self.paragraph(f"{role}, from {long_date(pairing.started_on)}{until} ({pairing.status.value})", "label")
            )
            story += self.labelled("Scope", pairing.scope) + self.labelled("Goals", pairing.goals)
        return story

    def one_on_ones(self) -> list[Flowable]:
        if not self.content.one_on_ones:
            return [self.paragraph("No one-on-ones fell in the period.", "empty")]
        rows = [
            (
                f"{long_date(m.scheduled_at.date())}, {m.scheduled_at:%H:%M}",
                m.manager,
                m.status,
                f"{m.duration_minutes} min",
            )
            for m in self.content.one_on_ones
        ]
        return [self.table(("Date", "With", "How it went", "Length"), rows, (0.32, 0.3, 0.2, 0.18))]

    def sign_off(self) -> list[Flowable]:
        agent = self.content.agent
        rows = [("Manager", agent.manager or "", "", ""), ("Agent", agent.name, "", "")]
        table = self.table(("", "Name", "Signature", "Date"), rows, (0.16, 0.34, 0.3, 0.2), row_height=14 * mm)
        table.setStyle(TableStyle([("VALIGN", (0, 1), (-1, -1), "MIDDLE")]))
        comments = Table([[self.paragraph("Comments", "label")]], colWidths=[self.width], rowHeights=[55 * mm])
        comments.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        intro = (
            "Signing confirms that the manager and the agent have gone through this pack together; it does not mean "
            "the agent agrees with all of it. The agent's own view goes on the next page."
        )
        return [self.paragraph(intro), Spacer(1, 4 * mm), table, Spacer(1, 6 * mm), comments]

    def response(self) -> list[Flowable]:
        intro = (
            f"This page is for {self.content.agent.name}'s own response to this pack and to the period it covers. "
            "It is kept with the pack as part of the record."
        )
        lines = Table([[""] for _ in range(18)], colWidths=[self.width], rowHeights=[9 * mm] * 18)
        lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]))
        signed = self.table(("Signed", "Date"), [("", "")], (0.6, 0.4), row_height=12 * mm)
        return [self.paragraph(intro), Spacer(1, 2 * mm), lines, Spacer(1, 6 * mm), signed]


def step_mark(completed_on: date | None, is_current: bool) -> str:
    if completed_on is not None:
        return f"✓ done {long_date(completed_on)}:"
    return "▶ current:" if is_current else "○ to come:"


def follow_through(commitment: CommitmentView) -> str:
    owner = "the agent" if commitment.owned_by_coachee else commitment.owner_name
    due = f", due {long_date(commitment.due_on)}" if commitment.due_on else ""
    if commitment.status is CommitmentStatus.DONE:
        outcome = "followed through" + (f" on {long_date(commitment.resolved_on)}" if commitment.resolved_on else "")
    elif commitment.status is CommitmentStatus.OPEN:
        outcome = "still open, overdue" if commitment.overdue else "still open"
    else:
        outcome = {CommitmentStatus.MISSED: "not followed through", CommitmentStatus.DROPPED: "dropped"}[
            commitment.status
        ]
    note = f" ({commitment.follow_up_note})" if commitment.follow_up_note else ""
    return f"{commitment.text} — {owner}{due}: {outcome}{note}"


def amendment_lines(session: EntryView) -> list[str]:
    return [
        f"Amendment of {long_date(a.amended_at.date())}"
        + (f" by {a.author_name}" if a.author_name else "")
        + f" — {FIELD_LABELS.get(a.field, a.field)} changed from “{a.original_value}” to “{a.new_value}”"
        + (f". Reason: {a.reason}" if a.reason else "")
        for a in session.amendments
    ]


def acknowledgement_lines(session: EntryView) -> list[str]:
    return [
        f"Acknowledged by {a.agent_name} on {long_date(a.acknowledged_at.date())}"
        + (f": “{a.comment}”" if a.comment else ".")
        for a in session.acknowledgements
    ]
