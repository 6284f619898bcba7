"""The Mentoring screen's forms: a new pairing, a mentoring session, and the mentee's feedback on one.

Each is a `FormDialog`: a refusal keeps the form open with the reason beside the field it is about.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from coachdesk.models import RATING_MAX, RATING_MIN
from coachdesk.services.mentoring import MentoringSession, Pairing, PairingDraft
from coachdesk.services.people import PersonView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.meetings.form_dialog import FormDialog, Work
from coachdesk.ui.meetings.time_fields import date_field
from coachdesk.ui.today.wording import short_day
from coachdesk.ui.widgets import as_date

DEFAULT_DAYS = 182
"""A pairing with an end in sight runs about six months by default."""
RATING_WORDS = {5: "very useful", 4: "useful", 3: "somewhat useful", 2: "not very useful", 1: "not useful"}


def text_box(name: str, placeholder: str, height: int = 80) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def person_choice(name: str, people: Sequence[PersonView]) -> QComboBox:
    """Everyone active, by name, with their team to tell namesakes and sites apart."""
    choice = QComboBox()
    choice.setAccessibleName(name)
    choice.addItem("Choose…", None)
    for person in people:
        choice.addItem(f"{person.full_name} · {person.team_name}" if person.team_name else person.full_name, person.id)
    return choice


class NewPairingDialog(FormDialog):
    """Anyone may mentor anyone: a manager can be a mentor here and a mentee in another pairing."""

    topics = (Topic.MENTORING,)

    def __init__(
        self, context: UiContext, people: Sequence[PersonView], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "New mentoring pairing", "&Create pairing", parent)
        self.set_intro("Pair a mentor with a mentee, across teams and sites if you can; the pairing starts active.")
        self.mentor = person_choice("Mentor", people)
        self.mentee = person_choice("Mentee", people)
        self.scope = QLineEdit()
        self.scope.setAccessibleName("Scope")
        self.scope.setPlaceholderText("e.g. Handling complaint calls")
        self.goals = text_box("Goals", "What the mentee wants from it, e.g. calmer complaint calls by spring")
        self.starts_on = date_field("Starts", today)
        self.has_end = QCheckBox("&Ends:")
        self.has_end.setAccessibleName("Has an end date")
        self.ends_on = date_field("Ends", today + timedelta(days=DEFAULT_DAYS))
        self.ends_on.setEnabled(False)
        self.has_end.toggled.connect(self.ends_on.setEnabled)
        self.add_row("Men&tor:", self.mentor, "mentor_id")
        self.add_row("Ment&ee:", self.mentee, "mentee_id")
        self.add_row("&Scope:", self.scope, "scope")
        self.add_row("&Goals:", self.goals, "goals")
        self.add_row("St&arts:", self.starts_on, "starts_on")
        self.add_row(self.has_end, self.ends_on, "ends_on")
        self.mentor.setFocus()

    def work(self) -> Work | None:
        draft = PairingDraft(
            self.mentor.currentData(),
            self.mentee.currentData(),
            self.scope.text(),
            self.goals.toPlainText(),
            as_date(self.starts_on.date()),
            as_date(self.ends_on.date()) if self.has_end.isChecked() else None,
        )
        mentoring = self.context.services.mentoring
        return lambda: mentoring.create(draft)

    def saved_message(self, result: Pairing) -> str:
        return f"{result.mentor.name} now mentors {result.mentee.name}."


class LogSessionDialog(FormDialog):
    """A mentoring session, written to the leader log as the mentor's session with the mentee."""

    topics = (Topic.MENTORING, Topic.LOG)

    def __init__(self, context: UiContext, pairing: Pairing, today: date, parent: QWidget | None = None) -> None:
        super().__init__(context, "Log a mentoring session", "&Log session", parent)
        self.pairing = pairing
        self.set_intro(
            f"{pairing.mentor.name} with {pairing.mentee.name}" + (f": {pairing.scope}" if pairing.scope else "")
        )
        self.what_happened = text_box("What happened", "What you worked on together and how it went", 100)
        self.next_steps = text_box("Next steps", "What the mentee will try before you next meet")
        self.held_on = date_field("Date", today)
        self.add_row("&What happened:", self.what_happened, "what_happened")
        self.add_row("&Next steps:", self.next_steps, "next_steps")
        self.add_row("&Date:", self.held_on, "held_on")
        self.what_happened.setFocus()

    def work(self) -> Work | None:
        mentoring, pairing_id = self.context.services.mentoring, self.pairing.id
        what, steps, day = self.what_happened.toPlainText(), self.next_steps.toPlainText(), as_date(self.held_on.date())
        return lambda: mentoring.log_session(pairing_id, what, steps, held_on=day)

    def saved_message(self, result: MentoringSession) -> str:
        return f"Mentoring session of {short_day(result.held_on)} logged. Ask {self.pairing.mentee.name} for feedback."


class FeedbackDialog(FormDialog):
    """The mentee's word on one session: how useful it was, from 1 to 5, and a short comment."""

    topics = (Topic.MENTORING,)

    def __init__(
        self, context: UiContext, pairing: Pairing, session: MentoringSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "Mentee's feedback", "&Save feedback", parent)
        self.session = session
        self.set_intro(
            f"How useful was the session of {short_day(session.held_on)} with {pairing.mentor.name}? "
            f"{pairing.mentee.name.split(maxsplit=1)[0]}'s own words, in a line."
        )
        self.rating = QComboBox()
        self.rating.setAccessibleName("Rating")
        self.rating.addItem("Choose…", None)
        for rating in range(RATING_MAX, RATING_MIN - 1, -1):
            self.rating.addItem(f"{rating} — {RATING_WORDS[rating]}", rating)
        self.rating.setCurrentIndex(max(0, self.rating.findData(session.rating)))
        self.comment = QLineEdit(session.comment)
        self.comment.setAccessibleName("Comment")
        self.comment.setPlaceholderText("e.g. Listening to real calls together helped most")
        self.add_row("&Rating:", self.rating, "rating")
        self.add_row("&Comment:", self.comment, "comment")
        self.rating.setFocus()

    def work(self) -> Work | None:
        mentoring, entry_id = self.context.services.mentoring, self.session.entry_id
        rating, comment = self.rating.currentData(), self.comment.text()
        return lambda: mentoring.give_feedback(entry_id, rating, comment)

    def saved_message(self, result: MentoringSession) -> str:
        return f"Feedback saved: {result.rating} of {RATING_MAX}."
