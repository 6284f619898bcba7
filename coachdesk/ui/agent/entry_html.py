"""One leader-log entry as a readable page: every field, its amendments beside the original, private notes marked.

Colours come from the palette and `status_colour`, so the page reads the same in light and dark mode; it is
rebuilt when the palette changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from html import escape

from PySide6.QtGui import QPalette

from coachdesk.models import CommitmentStatus
from coachdesk.services.commitments import CommitmentView
from coachdesk.services.log import FIELD_LABELS, AmendmentView, EntryView, FocusView
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.formatting import day_text, due_text, moment_text, plural, rating_stars, rating_words
from coachdesk.ui.widgets import status_colour

PRIVATE_NOTICE = "Private — only you see this"
BODY_FIELDS = ("what_happened", "performance_notes", "agent_view", "barriers", "next_steps")


class EntryPage:
    """Builds the HTML of an entry with the palette's colours."""

    def __init__(self, palette: QPalette, today: date, kpi_names: Mapping[str, str]) -> None:
        self._today = today
        self._kpi_names = kpi_names
        self._muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        self._panel = palette.color(QPalette.ColorRole.AlternateBase).name()
        self._rule = palette.color(QPalette.ColorRole.Mid).name()
        self._red = status_colour(CoachingStatus.OVERDUE, palette).name()
        self._amber = status_colour(CoachingStatus.DUE_SOON, palette).name()
        self._green = status_colour(CoachingStatus.ON_TRACK, palette).name()

    def html(self, entry: EntryView) -> str:
        parts = [self._title(entry)]
        if entry.is_private:
            parts.append(self._private_box("Private entry", "The whole session stays on this laptop."))
        for name in BODY_FIELDS:
            parts.append(self._field(entry, name))
        if entry.commitments:
            parts.append(self._commitments(entry.commitments))
        if entry.focuses:
            parts.append(self._focuses(entry.focuses))
        parts.append(self._acknowledgements(entry))
        other = [a for a in entry.amendments if a.field not in BODY_FIELDS]
        if other:
            parts.append(self._other_amendments(other))
        if entry.private_notes:
            parts.append(self._private_box("Private notes", entry.private_notes))
        return "".join(parts)

    def _title(self, entry: EntryView) -> str:
        heading = f"{day_text(entry.held_on, self._today)} · {entry.kind.name}"
        meta = [f"{entry.duration_minutes} min" if entry.duration_minutes else "", f"with {entry.coach_name}"]
        if len(entry.agents) > 1:
            meta.append("group session: " + ", ".join(name for _id, name in entry.agents))
        if entry.started_at is not None:
            meta.insert(0, f"{entry.started_at:%H:%M}")
        rating = rating_words(entry.performance_rating).capitalize()
        if entry.performance_rating is not None:
            rating = f"{rating_stars(entry.performance_rating)} {rating}"
        lines = [
            f"<h2 style='margin-bottom:2px'>{escape(heading)}</h2>",
            f"<p style='color:{self._muted}; margin-top:0'>{escape(' · '.join(m for m in meta if m))}"
            f" &nbsp;·&nbsp; {escape(rating)}</p>",
        ]
        if entry.signed_off_at is not None:
            lines.append(
                f"<p><b>Signed off</b> {escape(moment_text(entry.signed_off_at, self._today))}"
                f" <span style='color:{self._muted}'>— changes are kept as dated amendments.</span></p>"
            )
        return "".join(lines)

    def _field(self, entry: EntryView, name: str) -> str:
        value: str = getattr(entry, name)
        amendments = [a for a in entry.amendments if a.field == name]
        if not value and not amendments:
            return ""
        label = section(FIELD_LABELS[name])
        original = text_html(value) if value else f"<span style='color:{self._muted}'>(empty)</span>"
        if not amendments:
            return label + f"<p>{original}</p>"
        changes = "".join(
            f"<p style='color:{self._amber}'><b>{escape(self._amended_line(a))}</b></p><p>{text_html(a.new_value)}</p>"
            for a in amendments
        )
        return label + (
            f"<table width='100%' cellspacing='0' cellpadding='6' style='border-color:{self._rule}' border='1'>"
            f"<tr><td width='50%' valign='top'><p style='color:{self._muted}'><b>As signed off</b></p>"
            f"<p>{original}</p></td>"
            f"<td width='50%' valign='top'>{changes}</td></tr></table>"
        )

    def _amended_line(self, amendment: AmendmentView) -> str:
        line = f"Amended {moment_text(amendment.amended_at, self._today)}"
        if amendment.author_name:
            line += f" by {amendment.author_name}"
        return f"{line}: {amendment.reason}" if amendment.reason else line

    def _commitments(self, commitments: Iterable[CommitmentView]) -> str:
        items = "".join(
            f"<li>{escape(c.text)}<br><span style='color:{self._muted}'>{escape(c.owner_name)} · </span>"
            f"{self._status(c)}</li>"
            for c in commitments
        )
        return section("Commitments made in this session") + f"<ul>{items}</ul>"

    def _status(self, commitment: CommitmentView) -> str:
        resolved = f" {day_text(commitment.resolved_on, self._today)}" if commitment.resolved_on else ""
        if commitment.status is CommitmentStatus.DONE:
            return f"<span style='color:{self._green}'><b>✓ Done{escape(resolved)}</b></span>"
        if commitment.status is CommitmentStatus.MISSED:
            return f"<span style='color:{self._red}'><b>✗ Missed{escape(resolved)}</b></span>"
        if commitment.status is CommitmentStatus.DROPPED:
            return f"<span style='color:{self._muted}'>Dropped{escape(resolved)}</span>"
        colour = self._red if commitment.overdue else self._muted
        return f"<span style='color:{colour}'>Open, {escape(due_text(commitment.due_on, self._today))}</span>"

    def _focuses(self, focuses: Iterable[FocusView]) -> str:
        items = []
        for focus in focuses:
            what = focus.skill or self._kpi_names.get(focus.kpi_id or "", "")
            parts = [f"<b>{escape(what or 'Focus')}</b>"]
            if focus.kpi_id and focus.skill and focus.kpi_id in self._kpi_names:
                parts.append(f"KPI: {escape(self._kpi_names[focus.kpi_id])}")
            value = f"{focus.target_value:g}" if focus.target_value is not None else ""
            target = focus.target_text or value
            if target:
                parts.append(f"target {escape(target)}")
            if focus.follow_up_on:
                parts.append(f"follow up {escape(day_text(focus.follow_up_on, self._today))}")
            items.append("<li>" + " — ".join(parts) + "</li>")
        return section("Focus and follow-up") + f"<ul>{''.join(items)}</ul>"

    def _acknowledgements(self, entry: EntryView) -> str:
        if not entry.acknowledgements:
            who = "The agent has" if len(entry.agents) == 1 else "No agent has"
            return section("Acknowledgement") + f"<p style='color:{self._muted}'>{who} not acknowledged it yet.</p>"
        lines = "".join(
            f"<p>✓ {escape(a.agent_name)} acknowledged it {escape(moment_text(a.acknowledged_at, self._today))}"
            + (f": “{escape(a.comment)}”" if a.comment else ".")
            + "</p>"
            for a in entry.acknowledgements
        )
        return section("Acknowledgement") + lines

    def _other_amendments(self, amendments: Sequence[AmendmentView]) -> str:
        lines = "".join(
            f"<p><b>{escape(FIELD_LABELS.get(a.field, a.field))}</b>: {escape(a.original_value or '(none)')}"
            f" → {escape(a.new_value or '(none)')}"
            f"<br><span style='color:{self._amber}'>{escape(self._amended_line(a))}</span></p>"
            for a in amendments
        )
        return section(f"Other amendments ({plural(len(amendments), 'change')})") + lines

    def _private_box(self, title: str, body: str) -> str:
        """A framed box that cannot be mistaken for what the agent sees or signs."""
        return (
            f"<table width='100%' cellspacing='0' cellpadding='8' border='1'"
            f" style='margin-top:12px; background-color:{self._panel}; border-color:{self._amber}'>"
            f"<tr><td><p style='color:{self._amber}'><b>{escape(title)}</b> &nbsp;·&nbsp; {PRIVATE_NOTICE}</p>"
            f"<p>{text_html(body)}</p></td></tr></table>"
        )


def section(title: str) -> str:
    return f"<h4 style='margin-top:14px; margin-bottom:4px'>{escape(title)}</h4>"


def text_html(text: str) -> str:
    return escape(text).replace("\n", "<br>")
