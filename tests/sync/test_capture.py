"""Every local edit of a synced record reaches the outbox in its own transaction, with only what changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import Table, select, update

from coachdesk.db import Notebook
from coachdesk.models import ChangeKind, Commitment, CommitmentStatus, LogEntry, Person, SyncRecord
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.jsonable import jsonable
from coachdesk.services.kpis import KpiValueInput
from coachdesk.services.log import FocusDraft, SessionDraft
from coachdesk.services.mentoring import PairingDraft
from coachdesk.services.people import PersonDraft
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from coachdesk.services.privacy import private_columns, references_to_private, shareable_tables
from coachdesk.sync.capture import OutboxBypassed
from tests.conftest import Team
from tests.sync.conftest import captured_fields, outbox_rows

Snapshot = dict[str, tuple[Table, dict[str, Any]]]
Write = Callable[[Services, Team], Callable[[], object]]
"""Prepares what a write needs (not captured under test), and returns the write itself."""


def snapshot(notebook: Notebook) -> Snapshot:
    """Every synced row, private and deleted ones too, with values as they travel."""
    with notebook.read() as session:
        return {
            row["id"]: (table, {name: jsonable(value) for name, value in row.items()})
            for table in shareable_tables()
            for row in session.execute(select(table)).mappings()
        }


def withheld(snap: Snapshot, record_id: str) -> bool:
    table, row = snap[record_id]
    if row.get("is_private"):
        return True
    return any(row[column] is not None and withheld(snap, row[column]) for column, _ in references_to_private(table))


def expected_fields(before: Snapshot, after: Snapshot) -> dict[str, dict[str, Any]]:
    """What the portal must be told: new shareable records whole, changed ones by their changed shareable fields."""
    expected = {}
    for record_id, (table, row) in after.items():
        if withheld(after, record_id):
            continue
        hidden = private_columns(table) | {"updated_at"}
        old = before.get(record_id, (table, {}))[1]
        changed = {
            name: value for name, value in row.items() if name not in hidden and old.get(name, object()) != value
        }
        if changed:
            expected[record_id] = changed
    return expected


def add_person(services: Services, team: Team) -> Callable[[], object]:
    return lambda: services.people.add(PersonDraft("Ines Moreau", "A9", reports_to_id=team.leader.id, notes="shy"))


def change_a_role(services: Services, team: Team) -> Callable[[], object]:
    draft = services.people.draft_of(team.priya.id)
    return lambda: services.people.update(team.priya.id, replace(draft, role="Senior adviser"))


def archive_a_person(services: Services, team: Team) -> Callable[[], object]:
    return lambda: services.people.set_archived(team.tomas.id, True)


def record_a_session(services: Services, team: Team) -> Callable[[], object]:
    draft = SessionDraft(
        (team.priya.id, team.tomas.id),
        "Listened to two calls together.",
        private_notes="Going through a hard time at home.",
        focuses=(FocusDraft("Hold times"),),
        commitments=(CommitmentDraft("Use the hold script", team.priya.id, date(2026, 12, 1)),),
        acknowledgement="Agreed.",
    )
    return lambda: services.log.record_session(draft)


def edit_an_entry(services: Services, team: Team) -> Callable[[], object]:
    entry = services.log.record_session(SessionDraft((team.priya.id,), "Call review."))
    return lambda: services.log.edit(entry.id, {"what_happened": "Call review of a complaint.", "barriers": "Tools"})


def delete_an_entry(services: Services, team: Team) -> Callable[[], object]:
    entry = services.log.record_session(
        SessionDraft((team.priya.id,), "Logged twice.", commitments=(CommitmentDraft("Re-listen", team.priya.id),))
    )
    return lambda: services.log.delete(entry.id)


def sign_off_and_amend(services: Services, team: Team) -> Callable[[], object]:
    entry = services.log.record_session(SessionDraft((team.priya.id,), "Side by side."))
    services.log.sign_off(entry.id)
    return lambda: services.log.edit(entry.id, {"next_steps": "Shadow a senior."}, reason="Forgot it")


def follow_up_a_commitment(services: Services, team: Team) -> Callable[[], object]:
    commitment = services.commitments.add(CommitmentDraft("Send the rota", team.leader.id, coachee_id=team.priya.id))
    return lambda: services.commitments.follow_up(commitment.id, CommitmentStatus.DONE, "Sent on Monday")


def make_and_advance_a_plan(services: Services, team: Team) -> Callable[[], object]:
    steps = (StepDraft("Shadow Tomás"), StepDraft("Take calls alone"))
    plan = services.plans.create_plan(team.priya.id, PlanDraft("First quarter", (GoalDraft("Handle", steps=steps),)))
    return lambda: services.plans.advance(plan.goals[0].id)


def hold_a_one_on_one(services: Services, team: Team) -> Callable[[], object]:
    series = services.meetings.create_series(team.leader.id, team.priya.id)
    return lambda: services.meetings.add_agenda_item(series.id, "Shift swap")


def recognise(services: Services, team: Team) -> Callable[[], object]:
    return lambda: services.recognition.recognise(team.tomas.id, "Calmed an angry caller")


def import_kpi_values_again(services: Services, team: Team) -> Callable[[], object]:
    kpi = services.kpis.define("Adherence", unit="%", target=90)
    week = date(2026, 11, 16)
    services.kpis.record_values([KpiValueInput(kpi.id, p.id, week, 88.0) for p in (team.priya, team.tomas)])
    again = [KpiValueInput(kpi.id, team.priya.id, week, 88.0), KpiValueInput(kpi.id, team.tomas.id, week, 91.5)]
    return lambda: services.kpis.record_values(again)


def import_new_kpi_values(services: Services, team: Team) -> Callable[[], object]:
    kpi = services.kpis.define("Quality", unit="%", target=85)
    weeks = (date(2026, 11, 9), date(2026, 11, 16))
    values = [
        KpiValueInput(kpi.id, p.id, week, 80.0 + i) for i, p in enumerate((team.priya, team.tomas)) for week in weeks
    ]
    return lambda: services.kpis.record_values(values)


def pair_a_mentor(services: Services, team: Team) -> Callable[[], object]:
    return lambda: services.mentoring.create(PairingDraft(team.tomas.id, team.new_starter.id, "Systems"))


WRITES: list[Write] = [
    add_person,
    change_a_role,
    archive_a_person,
    record_a_session,
    edit_an_entry,
    delete_an_entry,
    sign_off_and_amend,
    follow_up_a_commitment,
    make_and_advance_a_plan,
    hold_a_one_on_one,
    recognise,
    import_kpi_values_again,
    import_new_kpi_values,
    pair_a_mentor,
]


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__ for w in WRITES])
def test_each_write_queues_exactly_the_fields_it_changed(enrolled: Services, team: Team, write: Write) -> None:
    act = write(enrolled, team)
    queued_before = {row.change_id for row in outbox_rows(enrolled.notebook)}
    before = snapshot(enrolled.notebook)

    act()

    after = snapshot(enrolled.notebook)
    new_rows = [row for row in outbox_rows(enrolled.notebook) if row.change_id not in queued_before]
    assert new_rows, "the write queued nothing"
    queued: dict[str, dict[str, Any]] = {}
    for row in new_rows:
        queued.setdefault(row.record_id, {}).update(json.loads(row.fields))
    assert queued == expected_fields(before, after)
    assert {row.table_name for row in new_rows} <= {t.name for t in shareable_tables()}


def test_an_edit_names_only_the_field_that_changed(enrolled: Services, team: Team) -> None:
    draft = enrolled.people.draft_of(team.priya.id)
    enrolled.people.update(team.priya.id, replace(draft, email="priya@example.com"))
    [row] = outbox_rows(enrolled.notebook)
    assert (row.table_name, row.record_id, row.kind) == ("people", team.priya.id, ChangeKind.EDIT)
    assert json.loads(row.fields) == {"email": "priya@example.com"}


def test_an_edit_carries_the_portal_version_it_was_made_on(enrolled: Services, team: Team) -> None:
    with enrolled.notebook.write(capture_changes=False) as session:
        session.add(SyncRecord(record_id=team.priya.id, table_name="people", version=7))
    enrolled.people.set_archived(team.priya.id, True)
    enrolled.people.add(PersonDraft("Ines Moreau", "A9"))
    assert [row.base_version for row in outbox_rows(enrolled.notebook)] == [7, 0]


def test_saving_the_same_values_again_queues_nothing(enrolled: Services, team: Team) -> None:
    draft = enrolled.people.draft_of(team.priya.id)
    enrolled.people.update(team.priya.id, draft)
    assert outbox_rows(enrolled.notebook) == []


SECRET = "SECRET-7f3a"


def test_private_notes_never_reach_the_outbox(enrolled: Services, team: Team) -> None:
    entry = enrolled.log.record_session(SessionDraft((team.priya.id,), "Shared part.", private_notes=SECRET))
    enrolled.log.edit(entry.id, {"private_notes": SECRET + " and more"})
    draft = enrolled.people.draft_of(team.priya.id)
    enrolled.people.update(team.priya.id, replace(draft, notes=SECRET, role="Adviser"))

    texts = [row.fields for row in outbox_rows(enrolled.notebook)]
    assert texts
    assert [text for text in texts if SECRET in text or "private_notes" in text or '"notes"' in text] == []
    assert captured_fields(enrolled.notebook)[team.priya.id] == {"role": "Adviser"}


def test_private_records_and_what_hangs_off_them_are_never_queued(enrolled: Services, team: Team) -> None:
    enrolled.log.record_session(
        SessionDraft(
            (team.tomas.id,),
            SECRET,
            is_private=True,
            focuses=(FocusDraft(SECRET),),
            commitments=(CommitmentDraft(SECRET, team.tomas.id),),
            acknowledgement=SECRET,
        )
    )
    enrolled.recognition.recognise(team.priya.id, SECRET, is_private=True)
    assert outbox_rows(enrolled.notebook) == []


def test_a_record_made_private_is_withdrawn_and_made_shared_again_is_sent_whole(enrolled: Services, team: Team) -> None:
    entry = enrolled.log.record_session(SessionDraft((team.priya.id,), "Talked about a complaint."))
    with enrolled.notebook.write() as session:
        session.get_one(LogEntry, entry.id).is_private = True
    with enrolled.notebook.write() as session:
        stored = session.get_one(LogEntry, entry.id)
        stored.is_private, stored.what_happened = False, "Talked about a complaint, kindly."

    rows = [row for row in outbox_rows(enrolled.notebook) if row.record_id == entry.id]
    assert [row.kind for row in rows] == [ChangeKind.EDIT, ChangeKind.WITHDRAW, ChangeKind.EDIT]
    assert json.loads(rows[1].fields) == {}
    resent = json.loads(rows[2].fields)
    assert resent["what_happened"] == "Talked about a complaint, kindly."
    assert resent["is_private"] is False
    assert {"coach_id", "held_on", "kind_id", "created_at"} <= set(resent)
    assert "private_notes" not in resent


def test_what_hangs_off_a_record_goes_private_and_shared_with_it(enrolled: Services, team: Team) -> None:
    entry = enrolled.log.record_session(
        SessionDraft(
            (team.priya.id,),
            "Talked about a complaint.",
            focuses=(FocusDraft("Empathy"),),
            commitments=(CommitmentDraft("Re-listen", team.priya.id),),
        )
    )
    queued_when_logged = {row.record_id for row in outbox_rows(enrolled.notebook)}
    hanging_off = queued_when_logged - {entry.id}
    assert len(hanging_off) == 3  # the agent's place in the session, the focus and the commitment

    with enrolled.notebook.write() as session:
        session.get_one(LogEntry, entry.id).is_private = True
    withdrawn = [row for row in outbox_rows(enrolled.notebook) if row.kind is ChangeKind.WITHDRAW]
    assert {row.record_id for row in withdrawn} == queued_when_logged

    with enrolled.notebook.write() as session:
        session.get_one(LogEntry, entry.id).is_private = False
    resent = outbox_rows(enrolled.notebook)[len(queued_when_logged) + len(withdrawn) :]
    assert {row.record_id for row in resent} == queued_when_logged
    commitment = next(json.loads(row.fields) for row in resent if row.table_name == "commitments")
    assert commitment["text"] == "Re-listen"


def edit_then_fail(notebook: Notebook, person_id: str) -> None:
    with notebook.write() as session:
        session.get_one(Person, person_id).role = "Adviser"
        session.flush()
        raise RuntimeError("changed my mind")


def test_a_rolled_back_write_leaves_no_outbox_row(enrolled: Services, team: Team) -> None:
    with pytest.raises(RuntimeError, match="changed my mind"):
        edit_then_fail(enrolled.notebook, team.priya.id)
    assert outbox_rows(enrolled.notebook) == []
    assert enrolled.people.get(team.priya.id).role == ""


def test_a_write_refused_by_validation_leaves_no_outbox_row(enrolled: Services, team: Team) -> None:
    with pytest.raises(Exception, match="agent"):
        enrolled.log.record_session(SessionDraft((team.leader.id,), "With myself?", coach_id=team.leader.id))
    assert outbox_rows(enrolled.notebook) == []


def test_an_applied_pull_leaves_no_outbox_row(enrolled: Services, team: Team) -> None:
    with enrolled.notebook.write(capture_changes=False) as session:
        session.get_one(Person, team.priya.id).role = "Adviser (from the portal)"
        session.add(Commitment(text="From the desktop", owner_id=team.leader.id, coachee_id=team.priya.id))
    assert outbox_rows(enrolled.notebook) == []
    assert enrolled.people.get(team.priya.id).role == "Adviser (from the portal)"


def test_nothing_is_queued_while_the_notebook_is_not_enrolled(services: Services, team: Team) -> None:
    services.log.record_session(SessionDraft((team.priya.id,), "Call review."))
    assert outbox_rows(services.notebook) == []


def test_enrolling_queues_every_shareable_record_once(services: Services, team: Team) -> None:
    from coachdesk.sync.outbox import Enrollment, enroll, pending_changes

    services.log.record_session(SessionDraft((team.priya.id,), "Shared.", private_notes=SECRET))
    services.log.record_session(SessionDraft((team.tomas.id,), SECRET, is_private=True))
    with services.notebook.write(capture_changes=False) as session:
        queued = enroll(session, Enrollment("device", "http://127.0.0.1:1", "portal"), datetime(2026, 11, 23))
    with services.notebook.read() as session:
        pending = pending_changes(session)
    assert queued == len(pending) == len({change.record_id for change in pending})
    assert team.priya.id in {change.record_id for change in pending}
    assert [change for change in pending if SECRET in json.dumps(change.fields)] == []
    assert {change.base_version for change in pending} == {0}


def test_a_bulk_statement_on_synced_records_is_refused_while_enrolled(enrolled: Services, team: Team) -> None:
    with pytest.raises(OutboxBypassed, match="people"), enrolled.notebook.write() as session:
        session.execute(update(Person).where(Person.id == team.priya.id).values(role="Sneaky"))
    assert enrolled.people.get(team.priya.id).role == ""
