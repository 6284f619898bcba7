"""At the aggregate-only level the portal gets the tracker's counts and dates, and no note text."""

from __future__ import annotations

from sqlalchemy import Text

from coachdesk.models import SharingLevel
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import SessionDraft
from coachdesk.services.privacy import shareable_tables
from coachdesk.sync.outbox import pending_changes
from coachdesk.sync.sharing import shared_fields
from tests.conftest import Team

AGGREGATE = SharingLevel.AGGREGATE_ONLY


def sent_at(services: Services, level: SharingLevel) -> dict[str, list[dict[str, object]]]:
    tables = {table.name: table for table in shareable_tables()}
    sent: dict[str, list[dict[str, object]]] = {}
    with services.notebook.read() as session:
        for change in pending_changes(session):
            fields = shared_fields(tables[change.table], change.fields, level)
            if fields is not None:
                sent.setdefault(change.table, []).append(fields)
    return sent


def test_aggregate_only_sends_who_when_and_how_long_but_no_words(enrolled: Services, team: Team) -> None:
    enrolled.log.record_session(
        SessionDraft(
            (team.priya.id,),
            "Talked through a complaint call.",
            barriers="Tired after nights",
            duration_minutes=45,
            commitments=(CommitmentDraft("Re-listen to the call", team.priya.id),),
        )
    )
    enrolled.recognition.recognise(team.priya.id, "Calm under pressure")

    aggregate = sent_at(enrolled, AGGREGATE)
    everything = sent_at(enrolled, SharingLevel.EVERYTHING_BUT_PRIVATE)

    [entry] = aggregate["log_entries"]
    assert entry["duration_minutes"] == 45
    assert {"coach_id", "kind_id", "held_on"} <= set(entry)
    assert {"what_happened", "barriers", "next_steps"}.isdisjoint(entry)
    [commitment] = aggregate["commitments"]
    assert "text" not in commitment
    assert "due_on" in commitment
    assert "recognition" not in aggregate
    text = repr(aggregate)
    assert [words for words in ("complaint", "Tired", "Re-listen", "Calm") if words in text] == []
    assert "Talked through a complaint call." in repr(everything)
    assert "Calm under pressure" in repr(everything)


def test_no_free_text_column_of_any_table_is_sent_at_aggregate_level() -> None:
    for table in shareable_tables():
        every_field = {column.name: "x" for column in table.columns}
        sent = shared_fields(table, every_field, AGGREGATE) or {}
        assert [name for name in sent if isinstance(table.c[name].type, Text)] == [], table.name
