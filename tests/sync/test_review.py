"""Needs review: conflict copies read in words, and each decision is an ordinary edit the next sync sends."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import delete, select

from coachdesk.errors import ValidationError
from coachdesk.models import ChangeKind, Commitment, ConflictCopy, OutboxChange, new_id
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import EntryView, SessionDraft
from coachdesk.sync import review
from coachdesk.sync.outbox import PendingChange
from coachdesk.sync.run import take_answers
from tests.conftest import NOW, Team
from tests.sync.conftest import outbox_rows


def answered(services: Services, table: str, record_id: str, answer: dict[str, Any], fields: dict[str, Any]) -> None:
    """The portal's answer to a change this device pushed, taken as a sync takes it."""
    change = PendingChange(new_id(), table, record_id, ChangeKind.EDIT, 1, fields, NOW)
    with services.notebook.write(capture_changes=False) as session:
        take_answers(session, {change.change_id: change}, [{"change_id": change.change_id, **answer}])


def clash(services: Services, table: str, record_id: str, field: str, *, kept: Any, lost: Any) -> str:
    """Another device's value reached the portal first; this device's value comes back as a conflict copy."""
    answer = {"result": "conflict", "version": 2, "fields": {field: kept}, "lost": {field: lost}}
    before = {item.copy_id for item in review.open_copies(services.notebook)}
    answered(services, table, record_id, answer, {field: lost})
    [made] = {item.copy_id for item in review.open_copies(services.notebook)} - before
    return made


def on_the_portal(services: Services) -> None:
    """Everything waiting was sent and answered, as after a sync."""
    with services.notebook.write(capture_changes=False) as session:
        session.execute(delete(OutboxChange))


@pytest.fixture
def entry(enrolled: Services, team: Team) -> EntryView:
    """A session with a next step, already on the portal."""
    made = enrolled.log.record_session(
        SessionDraft(
            (team.priya.id,),
            "Listened to two calls.",
            held_on=date(2026, 11, 12),
            commitments=(CommitmentDraft("Call back the customer about the refund she was promised", team.priya.id),),
        )
    )
    on_the_portal(enrolled)
    return made


def test_a_copy_reads_as_the_session_the_field_and_both_values_in_words(enrolled: Services, entry: EntryView) -> None:
    clash(
        enrolled, "log_entries", entry.id, "what_happened", kept="Written on the desktop", lost="Written on the laptop"
    )
    clash(enrolled, "log_entries", entry.id, "held_on", kept="2026-11-13", lost="2026-11-12")
    clash(enrolled, "log_entries", entry.id, "deleted", kept=False, lost=True)
    [text, day, deleted] = review.open_copies(enrolled.notebook)
    assert (text.record, text.field) == ("Session with Priya Shah on 13 Nov 2026", "What happened")
    assert (text.in_place, text.other) == ("Written on the desktop", "Written on the laptop")
    assert text.writable
    assert (day.field, day.in_place, day.other) == ("Date", "13 Nov 2026", "12 Nov 2026")
    assert not day.writable
    assert (deleted.field, deleted.in_place, deleted.other) == ("Deleted or kept", "Kept", "Deleted")


def test_a_commitment_is_named_by_its_wording(enrolled: Services, entry: EntryView) -> None:
    with enrolled.notebook.read() as session:
        commitment_id = session.scalars(select(Commitment.id)).one()
    clash(enrolled, "commitments", commitment_id, "due_on", kept="2026-12-01", lost="2026-11-30")
    [item] = review.open_copies(enrolled.notebook)
    assert item.record == "Commitment: Call back the customer about the refund she was… (Priya Shah)"
    assert (item.field, item.in_place, item.other) == ("Due", "1 Dec 2026", "30 Nov 2026")


def test_taking_the_other_value_edits_the_record_queues_it_and_resolves_the_copy(
    enrolled: Services, entry: EntryView
) -> None:
    copy_id = clash(enrolled, "log_entries", entry.id, "what_happened", kept="Desktop words", lost="Laptop words")
    waiting = len(outbox_rows(enrolled.notebook))
    assert review.take_other(enrolled.notebook, copy_id) == "Took the other value for What happened."
    assert enrolled.log.get(entry.id).what_happened == "Laptop words"
    [queued] = outbox_rows(enrolled.notebook)[waiting:]
    assert (queued.record_id, json.loads(queued.fields)) == (entry.id, {"what_happened": "Laptop words"})
    assert review.open_copies(enrolled.notebook) == []


def test_writing_a_third_text_replaces_both_and_an_empty_one_is_refused(enrolled: Services, entry: EntryView) -> None:
    copy_id = clash(enrolled, "log_entries", entry.id, "next_steps", kept="Shadow Ana", lost="Shadow Tom")
    with pytest.raises(ValidationError, match="Write the text to keep") as refused:
        review.write_own(enrolled.notebook, copy_id, "  ")
    assert refused.value.field == "text"
    review.write_own(enrolled.notebook, copy_id, "Shadow Ana, then Tom")
    assert enrolled.log.get(entry.id).next_steps == "Shadow Ana, then Tom"
    assert json.loads(outbox_rows(enrolled.notebook)[-1].fields) == {"next_steps": "Shadow Ana, then Tom"}


def test_keeping_the_value_in_place_sends_nothing_and_a_second_decision_says_it_was_made(
    enrolled: Services, entry: EntryView
) -> None:
    copy_id = clash(enrolled, "log_entries", entry.id, "barriers", kept="Tools", lost="Tiredness")
    waiting = len(outbox_rows(enrolled.notebook))
    review.keep_in_place(enrolled.notebook, copy_id)
    assert len(outbox_rows(enrolled.notebook)) == waiting
    assert enrolled.log.get(entry.id).barriers == "Tools"
    with pytest.raises(review.ReviewGone, match="already resolved on"):
        review.take_other(enrolled.notebook, copy_id)
    assert enrolled.log.get(entry.id).barriers == "Tools"


def test_taking_a_value_for_a_session_deleted_meanwhile_says_so_and_changes_nothing(
    enrolled: Services, entry: EntryView
) -> None:
    copy_id = clash(enrolled, "log_entries", entry.id, "what_happened", kept="Desktop words", lost="Laptop words")
    enrolled.log.delete(entry.id)
    with pytest.raises(review.ReviewGone, match="Session with Priya Shah on 12 Nov 2026 was deleted since"):
        review.take_other(enrolled.notebook, copy_id)
    assert [item.copy_id for item in review.open_copies(enrolled.notebook)] == [copy_id]
    review.keep_in_place(enrolled.notebook, copy_id)
    assert review.open_copies(enrolled.notebook) == []


def test_a_rejected_change_shows_the_portals_reason_and_can_be_sent_again_or_set_aside(
    enrolled: Services, entry: EntryView
) -> None:
    refusal = {"result": "rejected", "reason": "field", "message": "The portal does not know the field mood."}
    answered(enrolled, "log_entries", entry.id, refusal, {"next_steps": "Call Friday"})
    answered(enrolled, "log_entries", entry.id, refusal, {"barriers": "Noise"})
    retried, dismissed = review.open_copies(enrolled.notebook)
    assert (retried.field, retried.rejected) == ("The whole change", True)
    assert retried.in_place == "The portal refused it: The portal does not know the field mood."
    assert retried.other == "Next steps: Call Friday"
    waiting = len(outbox_rows(enrolled.notebook))
    review.retry(enrolled.notebook, retried.copy_id)
    review.dismiss(enrolled.notebook, dismissed.copy_id)
    [queued] = outbox_rows(enrolled.notebook)[waiting:]
    assert (queued.kind, json.loads(queued.fields)) == (ChangeKind.EDIT, {"next_steps": "Call Friday"})
    with enrolled.notebook.read() as session:
        assert all(copy.resolved_at is not None for copy in session.scalars(select(ConflictCopy)))
