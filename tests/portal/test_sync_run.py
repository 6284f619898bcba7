"""Two notebooks of one manager sync through a real portal on loopback: work travels both ways, a clash keeps both
texts, and a dropped answer or a crash mid-pull costs nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.models import (
    ConflictCopy,
    KpiValue,
    LogEntry,
    LogEntryAgent,
    OutboxChange,
    Person,
    SharingLevel,
    SyncState,
)
from coachdesk.services import Services, build_services
from coachdesk.services.jsonable import jsonable
from coachdesk.services.kpis import KpiValueInput
from coachdesk.services.log import EntryView, SessionDraft
from coachdesk.services.people import PersonDraft, PersonView
from coachdesk.services.privacy import shareable_tables
from coachdesk.storage import open_notebook
from coachdesk.sync import run
from coachdesk.sync.outbox import Enrollment, enroll, waiting_count
from coachdesk.sync.run import MassDeleteRefused, Pulled, apply_page, sync_once
from coachdesk.sync.transport import SyncRefused, negotiate, portal_client
from coachdesk_portal.organisation import revoke_device
from coachdesk_portal.records import PortalChange, PortalRecord, PushedChange, forget_feed, history_of
from tests.conftest import NOW, Team
from tests.portal.conftest import Organisation, token_of

Connect = Callable[..., httpx.Client]


@pytest.fixture
def connect(portal_url: str, organisation: Organisation) -> Iterator[Connect]:
    """Enrolls a notebook with a code as one device of Dana's and gives its connection to the portal, with its token."""
    with ExitStack() as opened:

        def enrolled_client(
            notebook: Notebook, device: str, transport: httpx.BaseTransport | None = None
        ) -> httpx.Client:
            with portal_client(portal_url) as hello, notebook.write(capture_changes=False) as session:
                if session.get(SyncState, 1) is None:
                    enroll(session, Enrollment(device, portal_url, negotiate(hello).server_id), NOW)
            token = token_of(portal_url, organisation, "dana@example.org", device)
            return opened.enter_context(portal_client(portal_url, token, transport))

        yield enrolled_client


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Services]:
    notebook = open_notebook(tmp_path / "desktop.sqlite3")
    yield build_services(notebook, clock=lambda: NOW)
    notebook.close()


def replica(notebook: Notebook) -> dict[str, dict[str, Any]]:
    """Every synced record as the portal would hold it: what two devices must agree on."""
    with notebook.read() as session:
        return {
            row["id"]: {
                k: jsonable(v)
                for k, v in row.items()
                if k not in {"updated_at", "created_at", "notes", "private_notes"}
            }
            for table in shareable_tables()
            for row in session.execute(select(table)).mappings()
        }


def entry_on_both(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> tuple[EntryView, httpx.Client, httpx.Client]:
    """A session logged on the laptop, both devices enrolled and synced: each device's copy of one entry."""
    entry = services.log.record_session(SessionDraft((team.priya.id,), "Call review."))
    laptop_portal = connect(services.notebook, "laptop")
    desktop_portal = connect(desktop.notebook, "desktop")
    sync_once(services.notebook, laptop_portal)
    sync_once(desktop.notebook, desktop_portal)
    return entry, laptop_portal, desktop_portal


def conflicts(notebook: Notebook) -> list[ConflictCopy]:
    with notebook.read() as session:
        return list(session.scalars(select(ConflictCopy)))


def test_two_notebooks_exchange_a_session_both_ways(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    assert desktop.log.get(entry.id).what_happened == "Call review."
    desktop.log.edit(entry.id, {"next_steps": "Shadow a senior adviser"})
    sync_once(desktop.notebook, desktop_portal)
    sync_once(services.notebook, laptop_portal)
    assert services.log.get(entry.id).next_steps == "Shadow a senior adviser"
    assert replica(services.notebook) == replica(desktop.notebook)
    assert waiting_count_of(services.notebook) == waiting_count_of(desktop.notebook) == 0
    assert conflicts(services.notebook) == conflicts(desktop.notebook) == []


def test_the_same_field_edited_on_both_yields_one_conflict_and_loses_neither_text(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    services.log.edit(entry.id, {"what_happened": "Written on the laptop", "barriers": "Tools"})
    desktop.log.edit(entry.id, {"what_happened": "Written on the desktop"})
    sync_once(services.notebook, laptop_portal)
    tally = sync_once(desktop.notebook, desktop_portal)
    sync_once(services.notebook, laptop_portal)
    assert tally.conflicts == 1
    [copy] = conflicts(desktop.notebook)
    assert (copy.record_id, copy.field) == (entry.id, "what_happened")
    assert json.loads(copy.kept_value) == "Written on the laptop"
    assert json.loads(copy.other_value) == "Written on the desktop"
    for notebook_services in (services, desktop):
        kept = notebook_services.log.get(entry.id)
        assert (kept.what_happened, kept.barriers) == ("Written on the laptop", "Tools")
    assert replica(services.notebook) == replica(desktop.notebook)


class DropsTheFirstAnswer(httpx.HTTPTransport):
    """Delivers the first push to the portal, then loses the portal's answer on the way back."""

    def __init__(self) -> None:
        super().__init__()
        self.dropped = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path == "/v1/push" and not self.dropped:
            response.read()
            self.dropped = True
            raise httpx.ReadError("connection lost", request=request)
        return response


def test_a_push_whose_answer_was_lost_is_sent_again_and_applied_once(
    services: Services, team: Team, connect: Connect, portal_engine: Engine
) -> None:
    entry = services.log.record_session(SessionDraft((team.priya.id,), "Call review."))
    flaky = connect(services.notebook, "laptop", transport=DropsTheFirstAnswer())
    with pytest.raises(SyncRefused, match="stopped answering"):
        sync_once(services.notebook, flaky)
    waiting = waiting_count_of(services.notebook)
    assert waiting > 0
    sync_once(services.notebook, flaky)
    assert waiting_count_of(services.notebook) == 0
    with Session(portal_engine) as portal:
        applied = portal.scalar(
            select(func.count()).select_from(PortalChange).where(PortalChange.record_id == entry.id)
        )
    assert applied == 1
    assert conflicts(services.notebook) == []


def test_a_crash_between_applying_a_page_and_saving_the_cursor_rolls_both_back_and_the_next_sync_reapplies(
    services: Services, team: Team, desktop: Services, connect: Connect, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = services.log.record_session(SessionDraft((team.priya.id,), "Call review."))
    sync_once(services.notebook, connect(services.notebook, "laptop"))
    desktop_portal = connect(desktop.notebook, "desktop")
    real_apply = run.apply_page

    def crash_after_applying(session: Session, changes: list[Pulled]) -> None:
        real_apply(session, changes)
        raise RuntimeError("power cut")

    monkeypatch.setattr(run, "apply_page", crash_after_applying)
    with pytest.raises(RuntimeError, match="power cut"):
        sync_once(desktop.notebook, desktop_portal)
    with desktop.notebook.read() as session:
        assert session.get(LogEntry, entry.id) is None
        assert session.get(SyncState, 1).cursor == ""  # type: ignore[union-attr]
    monkeypatch.setattr(run, "apply_page", real_apply)
    sync_once(desktop.notebook, desktop_portal)
    assert desktop.log.get(entry.id).what_happened == "Call review."
    assert replica(services.notebook) == replica(desktop.notebook)


def test_a_page_deleting_most_of_the_notebook_is_refused_and_nothing_of_it_applied(
    services: Services, team: Team, connect: Connect
) -> None:
    connect(services.notebook, "laptop")
    with services.notebook.write(capture_changes=False) as session:
        session.add_all(Person(full_name=f"Agent {n}", employee_id=f"B{n}") for n in range(80))
    with services.notebook.read() as session:
        ids = list(session.scalars(select(Person.id)))
    page = [Pulled("people", person_id, 99, {"deleted": True}, False) for person_id in ids]
    refused = pytest.raises(MassDeleteRefused, match=r"says 85 of your \d+ records were deleted")
    with refused, services.notebook.write(capture_changes=False) as session:
        apply_page(session, page)
    with services.notebook.read() as session:
        assert session.scalar(select(func.count()).select_from(Person).where(Person.deleted.is_(False))) == 85


def waiting_count_of(notebook: Notebook) -> int:
    with notebook.read() as session:
        return waiting_count(session)


def test_an_edit_made_offline_revives_an_entry_deleted_on_the_other_device_on_both(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    services.log.delete(entry.id)
    desktop.log.edit(entry.id, {"next_steps": "Follow up on Friday"})
    sync_once(services.notebook, laptop_portal)
    sync_once(desktop.notebook, desktop_portal)
    sync_once(services.notebook, laptop_portal)
    for notebook_services in (services, desktop):
        assert notebook_services.log.get(entry.id).next_steps == "Follow up on Friday"
    assert replica(services.notebook) == replica(desktop.notebook)


def test_a_revoked_device_stops_syncing_with_the_portals_words_and_keeps_its_outbox(
    services: Services, team: Team, connect: Connect, organisation: Organisation
) -> None:
    services.log.record_session(SessionDraft((team.priya.id,), "Call review."))
    portal = connect(services.notebook, "laptop")
    with Session(organisation.engine) as session, session.begin():
        revoke_device(session, "laptop", NOW.replace(tzinfo=None))
    waiting = waiting_count_of(services.notebook)
    with pytest.raises(SyncRefused, match=r"Laptop\) was revoked on the portal"):
        sync_once(services.notebook, portal)
    assert waiting_count_of(services.notebook) == waiting > 0


def test_a_portal_whose_database_was_replaced_stops_the_sync_before_anything_moves(
    services: Services, team: Team, connect: Connect
) -> None:
    portal = connect(services.notebook, "laptop")
    with services.notebook.write(capture_changes=False) as session:
        state = session.get(SyncState, 1)
        assert state is not None
        state.server_id = "another-portal"
    waiting = waiting_count_of(services.notebook)
    with pytest.raises(SyncRefused, match="not the one this notebook was enrolled with"):
        sync_once(services.notebook, portal)
    assert waiting_count_of(services.notebook) == waiting


@pytest.mark.parametrize("level", list(SharingLevel))
def test_the_portal_receives_no_private_note_and_at_aggregate_level_no_text_at_all(
    services: Services,
    team: Team,
    connect: Connect,
    organisation: Organisation,
    level: SharingLevel,
) -> None:
    draft = SessionDraft((team.priya.id,), "Listened to two calls.", private_notes="Hard time at home.")
    entry = services.log.record_session(draft)
    portal = connect(services.notebook, "laptop")
    with services.notebook.write(capture_changes=False) as session:
        state = session.get(SyncState, 1)
        assert state is not None
        state.sharing = level
    sync_once(services.notebook, portal)
    with Session(organisation.engine) as stored:
        [received] = history_of(stored, organisation.ids["dana@example.org"], entry.id)
    assert received["held_on"] == "2026-11-23"
    assert "private_notes" not in received
    assert ("what_happened" in received) is (level is SharingLevel.EVERYTHING_BUT_PRIVATE)
    assert waiting_count_of(services.notebook) == 0


def test_an_entry_made_private_leaves_the_portal_and_the_other_device(
    services: Services,
    team: Team,
    desktop: Services,
    connect: Connect,
    organisation: Organisation,
) -> None:
    entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    services.log.edit(entry.id, {"is_private": True})
    sync_once(services.notebook, laptop_portal)
    sync_once(desktop.notebook, desktop_portal)
    with Session(organisation.engine) as stored:
        kept = [
            *history_of(stored, organisation.ids["dana@example.org"], entry.id),
            *stored.scalars(select(PortalChange.fields).where(PortalChange.record_id == entry.id)),
            *stored.scalars(select(PortalRecord.fields).where(PortalRecord.record_id == entry.id)),
        ]
    assert "Call review." not in json.dumps(kept)
    with desktop.notebook.read() as session:
        copy = session.get(LogEntry, entry.id)
        assert copy is not None
        assert copy.deleted
    assert services.log.get(entry.id).what_happened == "Call review."


def kpi_values_of(notebook: Notebook) -> list[tuple[str, float, bool]]:
    with notebook.read() as session:
        return [(v.id, v.value, v.deleted) for v in session.scalars(select(KpiValue).order_by(KpiValue.id))]


def test_a_kpi_value_recorded_on_both_devices_for_one_week_becomes_one_record_and_keeps_both_figures(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    kpi = services.kpis.define("Adherence", unit="%")
    _entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    week = date(2026, 11, 16)
    services.kpis.record_values([KpiValueInput(kpi.id, team.priya.id, week, 82.0)])
    desktop.kpis.record_values([KpiValueInput(kpi.id, team.priya.id, week, 85.0)])
    sync_once(services.notebook, laptop_portal)
    tally = sync_once(desktop.notebook, desktop_portal)
    sync_once(services.notebook, laptop_portal)
    assert tally.conflicts == 1
    [(laptop_id, figure, deleted)] = kpi_values_of(services.notebook)
    assert kpi_values_of(desktop.notebook) == [(laptop_id, figure, deleted)] == [(laptop_id, 82.0, False)]
    [copy] = conflicts(desktop.notebook)
    assert (copy.record_id, copy.field, json.loads(copy.other_value)) == (laptop_id, "value", 85.0)
    assert replica(services.notebook) == replica(desktop.notebook)
    assert waiting_count_of(services.notebook) == waiting_count_of(desktop.notebook) == 0


def test_a_person_added_on_both_devices_under_one_employee_id_is_one_person_and_sessions_follow_them(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    _entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    desktop.people.set_owner(team.leader.id)
    on_laptop = services.people.add(PersonDraft("Ama Boateng", "A9", reports_to_id=team.leader.id))
    on_desktop = desktop.people.add(PersonDraft("Ama Boateng", "A9", reports_to_id=team.leader.id))
    session = desktop.log.record_session(SessionDraft((on_desktop.id,), "First call listened to."))
    sync_once(services.notebook, laptop_portal)
    sync_once(desktop.notebook, desktop_portal)
    sync_once(services.notebook, laptop_portal)
    for notebook_services in (services, desktop):
        assert notebook_services.log.get(session.id).agents == ((on_laptop.id, "Ama Boateng"),)
        assert [p.id for p in notebook_services.people.list_people() if p.employee_id == "A9"] == [on_laptop.id]
    assert replica(services.notebook) == replica(desktop.notebook)
    assert conflicts(desktop.notebook) == []


def test_an_employee_id_changed_to_one_another_person_holds_keeps_its_old_value_and_the_new_one_for_review(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    _entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    services.people.update(team.priya.id, replace(services.people.draft_of(team.priya.id), employee_id="X7"))
    desktop.people.update(team.tomas.id, replace(desktop.people.draft_of(team.tomas.id), employee_id="X7"))
    sync_once(services.notebook, laptop_portal)
    sync_once(desktop.notebook, desktop_portal)
    assert desktop.people.get(team.tomas.id).employee_id == "A2"
    [copy] = conflicts(desktop.notebook)
    assert (copy.record_id, copy.field, json.loads(copy.other_value)) == (team.tomas.id, "employee_id", "X7")
    sync_once(services.notebook, laptop_portal)
    assert replica(services.notebook) == replica(desktop.notebook)


class RecordsPaths(httpx.HTTPTransport):
    """Remembers the path of every request the device made."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        return super().handle_request(request)


def forget_the_feed(organisation: Organisation) -> None:
    scope = organisation.ids["dana@example.org"]
    with Session(organisation.engine) as session, session.begin():
        forget_feed(session, scope, 10**9)


def test_a_device_whose_cursor_the_portal_forgot_compares_the_notebook_and_keeps_its_waiting_edit(
    services: Services, team: Team, desktop: Services, connect: Connect, organisation: Organisation
) -> None:
    entry, laptop_portal, _desktop_portal = entry_on_both(services, team, desktop, connect)
    desktop.log.edit(entry.id, {"next_steps": "Written offline on the desktop"})
    services.log.edit(entry.id, {"what_happened": "Rewritten on the laptop"})
    added = services.log.record_session(SessionDraft((team.tomas.id,), "Side by side."))
    sync_once(services.notebook, laptop_portal)
    forget_the_feed(organisation)
    recorder = RecordsPaths()
    desktop_portal = connect(desktop.notebook, "desktop-2", transport=recorder)
    sync_once(desktop.notebook, desktop_portal)
    assert "/v1/records" in recorder.paths
    kept = desktop.log.get(entry.id)
    assert (kept.what_happened, kept.next_steps) == ("Rewritten on the laptop", "Written offline on the desktop")
    assert desktop.log.get(added.id).what_happened == "Side by side."
    sync_once(services.notebook, laptop_portal)
    assert replica(services.notebook) == replica(desktop.notebook)
    assert waiting_count_of(desktop.notebook) == 0


def test_a_cursor_the_portal_never_issued_makes_a_resync_that_sends_only_what_the_portal_lacks(
    services: Services, team: Team, desktop: Services, connect: Connect, portal_engine: Engine
) -> None:
    entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    with services.notebook.write(capture_changes=False) as session:
        lacking = LogEntry(
            coach_id=team.leader.id, kind_id=session.scalar(select(LogEntry.kind_id)), held_on=date(2026, 11, 20)
        )
        lacking.what_happened = "Logged before the notebook was enrolled."
        session.add(lacking)
        session.flush()
        session.add(LogEntryAgent(entry_id=lacking.id, agent_id=team.priya.id))
        state = session.get(SyncState, 1)
        assert state is not None
        state.cursor = "999999"
    with Session(portal_engine) as portal:
        pushed_before = portal.scalar(select(func.count()).select_from(PushedChange))
    sync_once(services.notebook, laptop_portal)
    with Session(portal_engine) as portal:
        pushed = list(portal.scalars(select(PushedChange.record_id).order_by(PushedChange.id)))
    assert len(pushed) - (pushed_before or 0) == 2
    assert lacking.id in pushed
    sync_once(desktop.notebook, desktop_portal)
    assert desktop.log.get(lacking.id).what_happened == "Logged before the notebook was enrolled."
    assert desktop.log.get(entry.id).what_happened == "Call review."
    assert replica(services.notebook) == replica(desktop.notebook)


def test_the_portal_answers_a_forgotten_cursor_with_resync_and_serves_the_records_a_page_at_a_time(
    services: Services, team: Team, desktop: Services, connect: Connect, organisation: Organisation
) -> None:
    _entry, laptop_portal, _desktop_portal = entry_on_both(services, team, desktop, connect)
    forget_the_feed(organisation)
    expired = laptop_portal.get("/v1/pull", params={"after": "1"})
    assert (expired.status_code, expired.json()["error"]) == (410, "resync")
    first = laptop_portal.get("/v1/records", params={"limit": 2}).json()
    second = laptop_portal.get("/v1/records", params={"limit": 500, "after": first["records"][-1]["record_id"]})
    ids = [r["record_id"] for r in first["records"] + second.json()["records"]]
    assert first["more"]
    assert not second.json()["more"]
    assert ids == sorted(set(ids))
    assert len(ids) == len(replica(services.notebook))


def test_a_value_arriving_for_a_week_recorded_here_since_the_push_takes_the_local_ones_place_and_its_figure_waits(
    services: Services, team: Team, connect: Connect
) -> None:
    kpi = services.kpis.define("Adherence", unit="%")
    connect(services.notebook, "laptop")
    services.kpis.record_values([KpiValueInput(kpi.id, team.priya.id, date(2026, 11, 16), 85.0)])
    fields = {"kpi_id": kpi.id, "person_id": team.priya.id, "period_start": "2026-11-16", "value": 82.0}
    arriving = Pulled("kpi_values", "7e1f0a52-0000-4000-8000-000000000002", 7, fields, withdrawn=False)
    with services.notebook.write(capture_changes=False) as session:
        apply_page(session, [arriving])
    assert kpi_values_of(services.notebook) == [(arriving.record_id, 82.0, False)]
    with services.notebook.read() as session:
        waiting = session.scalars(select(OutboxChange.fields).where(OutboxChange.record_id == arriving.record_id))
        assert [json.loads(change)["value"] for change in waiting] == [85.0]


def test_employee_ids_moved_between_people_on_two_devices_settle_on_the_portals_and_keep_the_others_for_review(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    _entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)

    def give(people: Services, person: PersonView, employee_id: str) -> None:
        people.people.update(person.id, replace(people.people.draft_of(person.id), employee_id=employee_id))

    give(services, team.new_starter, "X1")
    sync_once(services.notebook, laptop_portal)
    give(desktop, team.tomas, "X1")
    give(desktop, team.priya, "A2")
    sync_once(desktop.notebook, desktop_portal)
    sync_once(services.notebook, laptop_portal)
    ids = {person.full_name: person.employee_id for person in desktop.people.list_people()}
    assert [ids[name] for name in ("Priya Shah", "Tomás Ruiz", "Zoë Álvarez")] == ["A1", "A2", "X1"]
    lost = {(copy.record_id, json.loads(copy.other_value)) for copy in conflicts(desktop.notebook)}
    assert lost == {(team.tomas.id, "X1"), (team.priya.id, "A2")}
    assert replica(services.notebook) == replica(desktop.notebook)


def test_a_person_added_under_an_employee_id_another_device_gave_to_a_colleague_folds_into_that_colleague(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    """The laptop made Priya's record, yet its new person's name does not replace hers: the duplicate knew nothing
    of her, so every field it differs in is kept for review."""
    _entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    desktop.people.update(team.priya.id, replace(desktop.people.draft_of(team.priya.id), employee_id="N5"))
    sync_once(desktop.notebook, desktop_portal)
    added = services.people.add(PersonDraft("Nia Kowalski", "N5", reports_to_id=team.leader.id))
    sync_once(services.notebook, laptop_portal)
    sync_once(desktop.notebook, desktop_portal)
    with services.notebook.read() as session:
        assert session.get(Person, added.id) is None
    assert (services.people.get(team.priya.id).full_name, services.people.get(team.priya.id).employee_id) == (
        "Priya Shah",
        "N5",
    )
    names = {json.loads(copy.other_value) for copy in conflicts(services.notebook) if copy.field == "full_name"}
    assert names == {"Nia Kowalski"}
    assert replica(services.notebook) == replica(desktop.notebook)


def test_an_employee_id_given_here_keeps_it_when_the_pull_replays_another_person_holding_it_before(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    _entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    for passing in ("E2", "E3"):
        services.people.update(team.tomas.id, replace(services.people.draft_of(team.tomas.id), employee_id=passing))
        sync_once(services.notebook, laptop_portal)
    desktop.people.update(team.priya.id, replace(desktop.people.draft_of(team.priya.id), employee_id="E2"))
    sync_once(desktop.notebook, desktop_portal)
    sync_once(services.notebook, laptop_portal)
    assert desktop.people.get(team.priya.id).employee_id == "E2"
    assert replica(services.notebook) == replica(desktop.notebook)


def test_an_entry_edited_then_deleted_offline_after_the_other_device_deleted_it_ends_deleted_on_both(
    services: Services, team: Team, desktop: Services, connect: Connect
) -> None:
    """The edit revives the entry on the portal and the deletion that follows it in the same push deletes it again:
    neither the revival's answer nor its place in the feed may bring it back on the device that deleted it last."""
    entry, laptop_portal, desktop_portal = entry_on_both(services, team, desktop, connect)
    desktop.log.delete(entry.id)
    sync_once(desktop.notebook, desktop_portal)
    services.log.edit(entry.id, {"next_steps": "Call back on Monday"})
    services.log.delete(entry.id)
    sync_once(services.notebook, laptop_portal)
    sync_once(desktop.notebook, desktop_portal)
    for notebook in (services.notebook, desktop.notebook):
        with notebook.read() as session:
            stored = session.get(LogEntry, entry.id)
            assert stored is not None
            assert stored.deleted
    assert replica(services.notebook) == replica(desktop.notebook)
