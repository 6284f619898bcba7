"""Changing the sharing level queues what the portal needs to match it, and never a private record."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from coachdesk.models import ChangeKind, LogEntry, SharingLevel
from coachdesk.services import Services
from coachdesk.services.log import SessionDraft
from coachdesk.sync.level import set_sharing_level, sharing_level
from coachdesk.sync.preview import what_leaves
from coachdesk.sync.transport import SyncRefused
from tests.conftest import Team
from tests.sync.conftest import outbox_rows
from tests.sync.test_review import on_the_portal


def test_lowering_withdraws_the_text_of_each_shared_session_and_raising_sends_it_again(
    enrolled: Services, team: Team
) -> None:
    enrolled.log.record_session(SessionDraft((team.priya.id,), "Talked through a complaint call."))
    enrolled.log.record_session(SessionDraft((team.tomas.id,), "A private chat.", is_private=True))
    on_the_portal(enrolled)
    with enrolled.notebook.read() as session:
        shared, private = (
            session.scalars(select(LogEntry.id).where(LogEntry.is_private.is_(flag))).one() for flag in (False, True)
        )

    set_sharing_level(enrolled.notebook, SharingLevel.AGGREGATE_ONLY)
    assert sharing_level(enrolled.notebook) is SharingLevel.AGGREGATE_ONLY
    withdrawals = {row.record_id: row for row in outbox_rows(enrolled.notebook) if row.table_name == "log_entries"}
    assert set(withdrawals) == {shared}
    assert withdrawals[shared].kind is ChangeKind.WITHDRAW
    assert set(json.loads(withdrawals[shared].fields)) == {
        "what_happened",
        "performance_notes",
        "agent_view",
        "barriers",
        "next_steps",
    }
    assert private not in {row.record_id for row in outbox_rows(enrolled.notebook)}

    on_the_portal(enrolled)
    assert set_sharing_level(enrolled.notebook, SharingLevel.AGGREGATE_ONLY) == 0
    set_sharing_level(enrolled.notebook, SharingLevel.EVERYTHING_BUT_PRIVATE)
    [again] = [row for row in outbox_rows(enrolled.notebook) if row.record_id == shared]
    assert again.kind is ChangeKind.EDIT
    assert json.loads(again.fields)["what_happened"] == "Talked through a complaint call."
    assert private not in {row.record_id for row in outbox_rows(enrolled.notebook)}


def test_a_notebook_not_enrolled_has_no_level_to_change(services: Services) -> None:
    with pytest.raises(SyncRefused, match="not enrolled"):
        set_sharing_level(services.notebook, SharingLevel.AGGREGATE_ONLY)


def test_before_enrolling_the_preview_says_which_kinds_of_record_the_aggregate_level_keeps_here(
    services: Services, team: Team
) -> None:
    services.recognition.recognise(team.priya.id, "Calm under pressure")
    outgoing = what_leaves(services.notebook, SharingLevel.AGGREGATE_ONLY)
    assert outgoing.summary().endswith("At this level 10 records stay here: Templates, Recognition.")
