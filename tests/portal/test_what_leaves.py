"""What leaves this laptop, checked against what a real portal on loopback receives; the sharing level changed
after the fact; a conflict resolved in "Needs review" reaching the other device."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from coachdesk.models import LogEntry, SharingLevel, SyncState
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import SessionDraft
from coachdesk.sync import review
from coachdesk.sync.level import set_sharing_level
from coachdesk.sync.preview import Outgoing, what_leaves
from coachdesk.sync.run import sync_once
from coachdesk_portal.records import PortalChange, PortalRecord, PushedChange
from tests.conftest import Team
from tests.portal.conftest import Organisation
from tests.portal.test_sync_run import Connect, connect, desktop, entry_on_both

__all__ = ["connect", "desktop"]

Received = dict[str, dict[str, set[str]]]
"""Per table, per record, the field names the portal was sent."""


def busy_notebook(services: Services, team: Team) -> None:
    """Sessions with words in them, a private note, a private session, a next step and some recognition."""
    services.log.record_session(
        SessionDraft(
            (team.priya.id,),
            "Talked through a complaint call.",
            private_notes="Worried about her commute",
            commitments=(CommitmentDraft("Re-listen to the call", team.priya.id),),
        )
    )
    services.log.record_session(SessionDraft((team.tomas.id,), "Private chat about a family matter.", is_private=True))
    services.recognition.recognise(team.priya.id, "Calm under pressure")


def received_since(engine: Engine, after: int) -> tuple[Received, int]:
    """What the portal was pushed after a mark in its history, and the new mark."""
    received: Received = defaultdict(lambda: defaultdict(set))
    with Session(engine) as session:
        pushed = list(session.scalars(select(PushedChange).where(PushedChange.id > after)))
        mark = session.scalar(select(func.max(PushedChange.id))) or 0
    for change in pushed:
        received[change.table_name][change.record_id].update(json.loads(change.fields))
    return received, mark


def agrees(preview: Outgoing, received: Received) -> None:
    assert {t: set(records) for t, records in received.items()} == {t.table: set(t.record_ids) for t in preview.tables}
    for table in preview.tables:
        assert set().union(*received[table.table].values()) == {*table.fields, *table.erased}, table.table


@pytest.mark.parametrize("level", list(SharingLevel))
def test_the_preview_before_enrolling_names_exactly_the_records_and_fields_the_first_sync_sends(
    services: Services, team: Team, connect: Connect, portal_engine: Engine, level: SharingLevel
) -> None:
    busy_notebook(services, team)
    preview = what_leaves(services.notebook, level)
    assert not preview.enrolled
    portal = connect(services.notebook, "laptop")
    with services.notebook.write(capture_changes=False) as session:
        session.get(SyncState, 1).sharing = level  # type: ignore[union-attr]
    sync_once(services.notebook, portal)
    received, _mark = received_since(portal_engine, 0)
    agrees(preview, received)
    with services.notebook.read() as session:
        private_entry = session.scalars(select(LogEntry.id).where(LogEntry.is_private.is_(True))).one()
    assert private_entry not in received["log_entries"]
    assert "private_notes" not in set().union(*received["log_entries"].values())
    assert (preview.private_records, preview.private_notes) == (2, 1)
    assert preview.private_line().startswith("2 private records and 1 private note")
    if level is SharingLevel.AGGREGATE_ONLY:
        assert "recognition" not in received
        assert "What happened" in next(t for t in preview.tables if t.table == "log_entries").kept_labels


def test_the_preview_once_enrolled_names_exactly_what_the_next_sync_sends(
    services: Services, team: Team, connect: Connect, portal_engine: Engine
) -> None:
    busy_notebook(services, team)
    portal = connect(services.notebook, "laptop")
    sync_once(services.notebook, portal)
    _received, mark = received_since(portal_engine, 0)
    assert what_leaves(services.notebook).tables == ()
    entry = services.log.record_session(SessionDraft((team.tomas.id,), "Went through the new script."))
    services.log.edit(entry.id, {"next_steps": "Try it on Monday", "private_notes": "Seemed tired"})
    services.people.set_archived(team.new_starter.id, True)
    preview = what_leaves(services.notebook)
    sync_once(services.notebook, portal)
    received, _mark = received_since(portal_engine, mark)
    agrees(preview, received)
    sessions = next(table for table in preview.tables if table.table == "log_entries")
    assert sessions.words == "Sessions"
    assert "Next steps" in sessions.labels
    assert sessions.examples[0].record.startswith("Session with Tomás Ruiz on")


def portal_text(engine: Engine, scope: str) -> str:
    """Everything the portal keeps of one notebook: its records, its feed and its history, as one text."""
    with Session(engine) as session:
        parts = [
            *session.scalars(select(PortalRecord.fields).where(PortalRecord.scope == scope)),
            *session.scalars(select(PortalChange.fields).where(PortalChange.scope == scope)),
            *session.scalars(select(PushedChange.fields).where(PushedChange.scope == scope)),
        ]
    return "\n".join(parts)


def test_lowering_to_aggregate_erases_the_text_on_the_portal_and_raising_it_sends_the_text_again(
    services: Services, team: Team, connect: Connect, portal_engine: Engine, organisation: Organisation
) -> None:
    busy_notebook(services, team)
    portal = connect(services.notebook, "laptop")
    sync_once(services.notebook, portal)
    _received, mark = received_since(portal_engine, 0)
    scope = organisation.ids["dana@example.org"]
    assert "complaint call" in portal_text(portal_engine, scope)

    assert set_sharing_level(services.notebook, SharingLevel.AGGREGATE_ONLY) > 0
    lowered = what_leaves(services.notebook)
    sessions = next(table for table in lowered.tables if table.table == "log_entries")
    assert sessions.withdrawn == sessions.count == 1
    assert {"What happened", "Next steps"} <= set(sessions.erased_labels)
    sync_once(services.notebook, portal)
    received, _mark = received_since(portal_engine, mark)
    agrees(lowered, received)
    kept = portal_text(portal_engine, scope)
    assert [words for words in ("complaint", "Re-listen", "Calm under") if words in kept] == []
    assert '"held_on"' in kept

    set_sharing_level(services.notebook, SharingLevel.EVERYTHING_BUT_PRIVATE)
    sync_once(services.notebook, portal)
    shared = portal_text(portal_engine, scope)
    assert all(words in shared for words in ("complaint call", "Re-listen", "Calm under pressure"))
    assert "commute" not in shared
    assert "family matter" not in shared


def test_a_clash_resolved_in_needs_review_reaches_the_other_device_as_an_ordinary_edit(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    services.log.edit(entry.id, {"what_happened": "Written on the laptop"})
    desktop.log.edit(entry.id, {"what_happened": "Written on the desktop"})
    sync_once(services.notebook, laptop_portal)
    sync_once(desktop.notebook, desktop_portal)
    [item] = review.open_copies(desktop.notebook)
    assert item.record.startswith("Session with Priya Shah on")
    assert (item.field, item.in_place, item.other) == (
        "What happened",
        "Written on the laptop",
        "Written on the desktop",
    )

    review.take_other(desktop.notebook, item.copy_id)
    sync_once(desktop.notebook, desktop_portal)
    sync_once(services.notebook, laptop_portal)
    for device in (services, desktop):
        assert device.log.get(entry.id).what_happened == "Written on the desktop"
        assert review.open_copies(device.notebook) == []


def test_lowering_the_level_on_the_laptop_leaves_the_text_on_the_managers_desktop(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    set_sharing_level(services.notebook, SharingLevel.AGGREGATE_ONLY)
    sync_once(services.notebook, laptop_portal)
    sync_once(desktop.notebook, desktop_portal)
    assert desktop.log.get(entry.id).what_happened == "Call review."
