"""What the Mentoring screen's lists show, column by column: pairings, a pairing's sessions, and suggestions."""

from __future__ import annotations

from coachdesk.models import MentorshipStatus
from coachdesk.services.mentor_matching import Suggestion
from coachdesk.services.mentoring import STATUS_ORDER, MentoringSession, Pairing
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.formatting import first_line, rating_stars
from coachdesk.ui.today.rows_table_model import Column
from coachdesk.ui.today.wording import short_day

STATUS_WORDS = {
    MentorshipStatus.PROPOSED: "Proposed",
    MentorshipStatus.ACTIVE: "Active",
    MentorshipStatus.ENDED: "Ended",
}
STATUS_COLOURS = {MentorshipStatus.PROPOSED: CoachingStatus.DUE_SOON, MentorshipStatus.ACTIVE: CoachingStatus.ON_TRACK}


def span_words(pairing: Pairing) -> str:
    """ "since Mon 3 Aug", "Mon 3 Aug – Fri 5 Feb", or "from Mon 30 Nov" for one still to start."""
    start = short_day(pairing.started_on)
    if pairing.ended_on is not None:
        return f"{start} – {short_day(pairing.ended_on)}"
    return f"from {start}" if pairing.status is MentorshipStatus.PROPOSED else f"since {start}"


def feedback_words(session: MentoringSession) -> str:
    if session.rating is None:
        return "No feedback yet"
    return f"{rating_stars(session.rating)}  {session.comment}".rstrip()


PAIRING_COLUMNS: tuple[Column[Pairing], ...] = (
    Column("Mentor", lambda p: p.mentor.name, bold=True),
    Column("Mentee", lambda p: p.mentee.name, bold=True),
    Column(
        "Status",
        lambda p: STATUS_WORDS[p.status],
        sort_key=lambda p: STATUS_ORDER[p.status],
        status=lambda p: STATUS_COLOURS.get(p.status),
    ),
    Column("Dates", span_words, sort_key=lambda p: p.started_on),
    Column("Sessions", lambda p: str(len(p.sessions)), sort_key=lambda p: len(p.sessions), number=True),
    Column("Scope", lambda p: p.scope, tooltip=lambda p: f"{p.mentor.where} → {p.mentee.where}", stretch=True),
)

SESSION_COLUMNS: tuple[Column[MentoringSession], ...] = (
    Column("Date", lambda s: short_day(s.held_on), sort_key=lambda s: s.held_on),
    Column("What happened", lambda s: first_line(s.what_happened), tooltip=lambda s: s.what_happened, stretch=True),
    Column("Mentee's feedback", feedback_words, tooltip=lambda s: s.comment or feedback_words(s)),
)

SUGGESTION_COLUMNS: tuple[Column[Suggestion], ...] = (
    Column("Mentee", lambda s: s.mentee.name, bold=True),
    Column("Mentor", lambda s: s.mentor.name, bold=True),
    Column("To grow", lambda s: s.area),
    Column("Why", lambda s: s.reason, tooltip=lambda s: s.reason, stretch=True),
    Column("", lambda _s: ""),
)
