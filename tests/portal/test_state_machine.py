"""No edit is ever lost: three notebooks of one manager and a real portal on loopback, driven by Hypothesis.

The devices edit, delete, record KPI values and acknowledgements (natural keys two devices can both make), go
offline, lose a request before it is sent or its answer after the portal committed, crash between applying a pulled
page and saving its cursor, run with a clock minutes off, and the portal forgets old feed entries so devices must
resync. After every step no captured change may have vanished unanswered; at the end every device syncs until all
are quiet, and then every replica must be equal, every outbox empty, and every value ever written must be in the
notebooks, in a conflict copy or in the portal's history.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import shutil
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, Phase, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from sqlalchemy import Engine, func, literal_column, select
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.errors import ValidationError
from coachdesk.models import Base, Commitment, CommitmentStatus, ConflictCopy, LogEntry, OutboxChange
from coachdesk.services import Services, build_services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.jsonable import jsonable
from coachdesk.services.kpis import KpiValueInput
from coachdesk.services.log import SessionDraft
from coachdesk.services.people import PersonDraft
from coachdesk.services.privacy import private_columns, shareable_tables
from coachdesk.storage import open_notebook
from coachdesk.sync import run
from coachdesk.sync.outbox import Enrollment, enroll
from coachdesk.sync.run import REJECTED, sync_once
from coachdesk.sync.transport import SyncRefused, negotiate, portal_client
from coachdesk_portal.organisation import add_person
from coachdesk_portal.records import PortalScope, PushedChange, forget_feed
from tests.conftest import NOW
from tests.portal.conftest import Organisation, token_of

DEVICES = ("laptop", "desktop", "tablet")
DEVICE = st.integers(0, len(DEVICES) - 1)
WEEKS = (date(2026, 11, 9), date(2026, 11, 16))
EMPLOYEE_IDS = ("E1", "E2")
KIND_NAMES = ("Side by side", "Floor walk")
SKEWS = st.sampled_from([-90, -6, 6, 45])
"""Minutes a device clock is off by: always more than the five minutes sync allows."""

PATHS = ("/v1/hello", "/v1/pull", "/v1/records")
"""The requests a sync makes besides the push (which has a rule of its own), any of which the network may lose."""

LOST_CONNECTION = re.compile("cannot be reached|stopped answering")

EXAMPLES = {"sqlite": 50, "postgresql": 10}
"""Runs per portal database in CI. For a longer hunt: `SYNC_MACHINE_EXAMPLES`, `SYNC_MACHINE_STEPS`, and
`SYNC_MACHINE_NO_SHRINK=1` to report the first failure as found."""

LOCAL_LABELS = {"updated_at", "created_at"}
"""Fields every device stamps for itself: built-in records are made on each device, at its own time."""


class Faults(httpx.HTTPTransport):
    """The device's network: cut off entirely, or losing one request (before it leaves, or its answer after)."""

    def __init__(self) -> None:
        super().__init__()
        self.offline = False
        self.plan()

    def plan(self, path: str = "", *, after_sending: bool = False) -> None:
        """Loses the next request to `path`; no path, no loss."""
        self.path, self.after_sending = path, after_sending

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.offline:
            raise httpx.ConnectError("network is unreachable", request=request)
        losing = request.url.path == self.path
        if losing:
            self.path = ""
        if losing and not self.after_sending:
            raise httpx.ConnectError("connection refused", request=request)
        response = super().handle_request(request)
        if losing:
            response.read()
            raise httpx.ReadError("connection reset after the portal answered", request=request)
        return response


@dataclass
class Device:
    name: str
    device_id: str
    services: Services = field(repr=False)
    network: Faults = field(repr=False)
    portal: httpx.Client = field(repr=False)
    captured: set[str] = field(default_factory=set, repr=False)

    @property
    def notebook(self) -> Notebook:
        return self.services.notebook


@dataclass
class World:
    """What outlives one example: the portal, its organisation, and notebooks to copy devices from."""

    portal_url: str
    organisation: Organisation
    folder: Path
    team_template: Path
    blank_template: Path
    runs: Iterator[int] = field(default_factory=itertools.count)


class NoEditLost(RuleBasedStateMachine):
    world: World

    def __init__(self) -> None:
        super().__init__()
        run_number = next(self.world.runs)
        self.folder = self.world.folder / f"run{run_number}"
        self.folder.mkdir()
        self.portal_engine: Engine = self.world.organisation.engine
        with Session(self.portal_engine) as session, session.begin():
            manager = add_person(
                session, f"manager{run_number}@example.org", f"Manager {run_number}", "lee@example.org", naive_now()
            )
            self.scope = manager.id
        self.written: defaultdict[tuple[str, str], set[Any]] = defaultdict(set)
        self.fresh = itertools.count()
        self.devices = [self.device(name, run_number) for name in DEVICES]
        for device in self.devices:
            sync_once(device.notebook, device.portal)
        for device in self.devices[1:]:
            sync_once(device.notebook, device.portal)
            device.services.people.set_owner(self.leader_id)

    def device(self, name: str, run_number: int) -> Device:
        path = self.folder / f"{name}.sqlite3"
        shutil.copy(self.world.team_template if name == DEVICES[0] else self.world.blank_template, path)
        notebook = open_notebook(path)
        device_id = f"{name}-{run_number}"
        url = self.world.portal_url
        with portal_client(url) as hello, notebook.write(capture_changes=False) as session:
            enroll(session, Enrollment(device_id, url, negotiate(hello).server_id), NOW)
        email = f"manager{run_number}@example.org"
        network = Faults()
        portal = portal_client(url, token_of(url, self.world.organisation, email, device_id), network)
        return Device(name, device_id, build_services(notebook, clock=lambda: NOW), network, portal)

    @property
    def leader_id(self) -> str:
        owner = self.devices[0].services.people.owner()
        assert owner is not None
        return owner.id

    def agents(self, device: Device) -> list[str]:
        return [p.id for p in device.services.people.reports_of(self.leader_id)]

    def text(self, device: Device, what: str) -> str:
        return f"{what} {next(self.fresh)} on the {device.name}"

    # Edits, through the services so that capture is exercised.

    @rule(index=DEVICE, data=st.data())
    def log_a_session(self, index: int, data: st.DataObject) -> None:
        device = self.devices[index]
        agent = data.draw(st.sampled_from(self.agents(device)))
        text = self.text(device, "Session")
        device.services.log.record_session(SessionDraft((agent,), text))
        self.written["log_entries", "what_happened"].add(text)

    @rule(index=DEVICE, data=st.data(), column=st.sampled_from(["what_happened", "next_steps"]))
    def edit_a_session(self, index: int, data: st.DataObject, column: str) -> None:
        device = self.devices[index]
        entries = live_ids(device.notebook, LogEntry)
        if entries:
            text = self.text(device, column)
            device.services.log.edit(data.draw(st.sampled_from(entries)), {column: text})
            self.written["log_entries", column].add(text)

    @rule(index=DEVICE, data=st.data())
    def delete_a_session(self, index: int, data: st.DataObject) -> None:
        device = self.devices[index]
        entries = live_ids(device.notebook, LogEntry)
        if entries:
            device.services.log.delete(data.draw(st.sampled_from(entries)))

    @rule(index=DEVICE, data=st.data())
    def add_a_commitment(self, index: int, data: st.DataObject) -> None:
        device = self.devices[index]
        agent = data.draw(st.sampled_from(self.agents(device)))
        text = self.text(device, "Commitment")
        device.services.commitments.add(CommitmentDraft(text, agent, coachee_id=agent))
        self.written["commitments", "text"].add(text)

    @rule(index=DEVICE, data=st.data())
    def follow_up_a_commitment(self, index: int, data: st.DataObject) -> None:
        device = self.devices[index]
        commitments = live_ids(device.notebook, Commitment)
        if commitments:
            note = self.text(device, "Follow-up")
            status = data.draw(st.sampled_from([CommitmentStatus.OPEN, CommitmentStatus.DONE]))
            device.services.commitments.follow_up(data.draw(st.sampled_from(commitments)), status, note)
            self.written["commitments", "follow_up_note"].add(note)

    @rule(index=DEVICE, data=st.data(), week=st.sampled_from(WEEKS))
    def record_a_kpi_value(self, index: int, data: st.DataObject, week: date) -> None:
        """Two devices recording a value for one person, KPI and week make one natural key under two ids."""
        device = self.devices[index]
        agent = data.draw(st.sampled_from(self.agents(device)))
        [kpi] = device.services.kpis.list_kpis()
        value = float(next(self.fresh))
        device.services.kpis.record_values([KpiValueInput(kpi.id, agent, week, value)])
        self.written["kpi_values", "value"].add(value)

    @rule(index=DEVICE, data=st.data())
    def acknowledge_a_session(self, index: int, data: st.DataObject) -> None:
        device = self.devices[index]
        entries = live_ids(device.notebook, LogEntry)
        if entries:
            entry = device.services.log.get(data.draw(st.sampled_from(entries)))
            comment = self.text(device, "Acknowledged")
            device.services.log.acknowledge(entry.id, entry.agents[0][0], comment)
            self.written["acknowledgements", "comment"].add(comment)

    @rule(index=DEVICE, employee_id=st.sampled_from(EMPLOYEE_IDS))
    def add_an_agent(self, index: int, employee_id: str) -> None:
        device = self.devices[index]
        name = self.text(device, "Agent")
        try:
            device.services.people.add(PersonDraft(name, employee_id, reports_to_id=self.leader_id))
        except ValidationError:
            return
        self.written["people", "full_name"].add(name)

    @rule(index=DEVICE, data=st.data(), employee_id=st.sampled_from(EMPLOYEE_IDS))
    def change_an_employee_id(self, index: int, data: st.DataObject, employee_id: str) -> None:
        """Two people given one employee id on two devices: the second to reach the portal keeps its old one."""
        people = self.devices[index].services.people
        person = data.draw(st.sampled_from(self.agents(self.devices[index])))
        try:
            people.update(person, replace(people.draft_of(person), employee_id=employee_id))
        except ValidationError:
            return

    @rule(index=DEVICE, name=st.sampled_from(KIND_NAMES))
    def add_a_session_kind(self, index: int, name: str) -> None:
        try:
            self.devices[index].services.log.add_kind(name)
        except ValidationError:
            return

    # The network, the clock and the portal misbehaving.

    @rule(index=DEVICE)
    def go_offline_or_back_online(self, index: int) -> None:
        network = self.devices[index].network
        network.offline = not network.offline

    @rule(index=DEVICE)
    def sync(self, index: int) -> None:
        device = self.devices[index]
        if device.network.offline:
            with pytest.raises(SyncRefused, match="cannot be reached"):
                sync_once(device.notebook, device.portal)
        else:
            sync_once(device.notebook, device.portal)

    @precondition(lambda self: self.online())
    @rule(data=st.data(), path=st.sampled_from(PATHS), after_sending=st.booleans())
    def sync_losing_one_request(self, data: st.DataObject, path: str, after_sending: bool) -> None:
        """A request of the sync never reaches the portal, or reaches it and its answer is lost on the way back."""
        self.sync_losing(data.draw(st.sampled_from(self.online())), path, after_sending=after_sending)

    @precondition(lambda self: self.online(waiting=True))
    @rule(data=st.data(), after_sending=st.booleans())
    def sync_losing_a_push(self, data: st.DataObject, after_sending: bool) -> None:
        """The push of a device with changes waiting is lost before the portal sees it, or after it committed."""
        self.sync_losing(data.draw(st.sampled_from(self.online(waiting=True))), "/v1/push", after_sending=after_sending)

    def sync_losing(self, device: Device, path: str, *, after_sending: bool) -> None:
        device.network.plan(path, after_sending=after_sending)
        lost = "answer" if after_sending else "request"
        try:
            sync_once(device.notebook, device.portal)
            event(f"sync finished without {path}")
        except SyncRefused as refused:
            if not LOST_CONNECTION.search(str(refused)):
                raise
            event(f"sync stopped: {path} {lost} lost")
        finally:
            device.network.plan()

    def online(self, *, waiting: bool = False) -> list[Device]:
        return [d for d in self.devices if not d.network.offline and (not waiting or outbox_ids(d.notebook))]

    @precondition(lambda self: self.online())
    @rule(data=st.data())
    def crash_between_applying_a_page_and_saving_its_cursor(self, data: st.DataObject) -> None:
        device = data.draw(st.sampled_from(self.online()))
        real_apply = run.apply_page

        def power_cut(session: Session, changes: list[run.Pulled]) -> None:
            real_apply(session, changes)
            raise PowerCut

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(run, "apply_page", power_cut)
            with contextlib.suppress(PowerCut):
                sync_once(device.notebook, device.portal)

    @rule(index=DEVICE, minutes=SKEWS)
    def sync_with_a_clock_minutes_off(self, index: int, minutes: int) -> None:
        device = self.devices[index]
        if device.network.offline:
            return
        before, pushed = everything_in(device.notebook), self.pushed_count()
        skewed = datetime.now(UTC) + timedelta(minutes=minutes)
        direction = "ahead of" if minutes > 0 else "behind"
        with pytest.raises(SyncRefused, match=rf"clock is {abs(minutes)} minutes {direction}"):
            sync_once(device.notebook, device.portal, clock=lambda: skewed)
        assert everything_in(device.notebook) == before, "a sync refused for clock skew changed the notebook"
        assert self.pushed_count() == pushed, "a sync refused for clock skew sent changes"

    @rule(share=st.sampled_from([0.5, 1.0]))
    def portal_forgets_old_feed_entries(self, share: float) -> None:
        with Session(self.portal_engine) as session, session.begin():
            counter = session.scalar(select(PortalScope.counter).where(PortalScope.scope == self.scope)) or 0
            forget_feed(session, self.scope, int(counter * share))

    # What must hold.

    @invariant()
    def no_captured_change_vanishes_unanswered(self) -> None:
        for device in self.devices:
            waiting = outbox_ids(device.notebook)
            device.captured |= waiting
            lost = device.captured - waiting - self.answered(device)
            assert not lost, f"{device.name}: changes left the outbox without a portal answer: {sorted(lost)}"

    def teardown(self) -> None:
        try:
            if hasattr(self, "devices"):
                self.sync_until_quiet()
                self.check_nothing_was_lost()
        finally:
            for device in getattr(self, "devices", []):
                device.portal.close()
                device.notebook.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def sync_until_quiet(self) -> None:
        for device in self.devices:
            device.network.offline = False
        for _round in range(8):
            tallies = [sync_once(device.notebook, device.portal) for device in self.devices]
            if not any(tally.pushed or tally.pulled for tally in tallies):
                return
        pytest.fail("eight rounds of syncing every device never settled")

    def check_nothing_was_lost(self) -> None:
        for device in self.devices:
            assert not outbox_ids(device.notebook), f"the {device.name}'s outbox is not empty after syncing"
            refused = [c for c in conflict_copies(device.notebook) if c.field == REJECTED]
            assert not refused, f"the portal refused changes from the {device.name}: {refused[0].kept_value}"
        first = replica(self.devices[0].notebook)
        for device in self.devices[1:]:
            assert_same(first, replica(device.notebook), self.devices[0].name, device.name)
        kept_aside = {
            json.loads(value)
            for device in self.devices
            for copy in conflict_copies(device.notebook)
            for value in (copy.kept_value, copy.other_value)
        }
        history = self.history()
        for (table, column), values in self.written.items():
            final = {record.get(column) for (kind, _id), record in first.items() if kind == table}
            missing = sorted(v for v in values if v not in final and v not in kept_aside and v not in history)
            assert not missing, f"{table}.{column}: written, then found nowhere: {missing}"
            unsent = sorted(v for v in values if v not in history)
            assert not unsent, f"{table}.{column}: written, never reached the portal: {unsent}"

    def answered(self, device: Device) -> set[str]:
        with Session(self.portal_engine) as session:
            query = select(PushedChange.change_id).where(PushedChange.device_id == device.device_id)
            return set(session.scalars(query))

    def pushed_count(self) -> int:
        with Session(self.portal_engine) as session:
            query = select(func.count()).select_from(PushedChange).where(PushedChange.scope == self.scope)
            return session.scalar(query) or 0

    def history(self) -> set[Any]:
        with Session(self.portal_engine) as session:
            pushed = session.scalars(select(PushedChange.fields).where(PushedChange.scope == self.scope))
            return {value for fields in pushed for value in json.loads(fields).values() if not isinstance(value, list)}


class PowerCut(Exception):
    """The computer lost power with the pulled page applied and its cursor not yet saved."""


def naive_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def live_ids(notebook: Notebook, model: type[LogEntry] | type[Commitment]) -> list[str]:
    """In the order the device came to hold them, so that a run replays the same whatever ids it made."""
    with notebook.read() as session:
        return list(session.scalars(select(model.id).where(model.deleted.is_(False)).order_by(literal_column("rowid"))))


def outbox_ids(notebook: Notebook) -> set[str]:
    with notebook.read() as session:
        return set(session.scalars(select(OutboxChange.change_id)))


def conflict_copies(notebook: Notebook) -> list[ConflictCopy]:
    with notebook.read() as session:
        return list(session.scalars(select(ConflictCopy)))


def everything_in(notebook: Notebook) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sync tables included: what a refused sync must leave exactly as it was."""
    with notebook.read() as session:
        return {
            table.name: sorted(tuple(map(repr, row)) for row in session.execute(select(table)))
            for table in Base.metadata.sorted_tables
        }


def replica(notebook: Notebook) -> dict[tuple[str, str], dict[str, Any]]:
    """Every synced record's shareable fields, by table and id: what all devices must end up agreeing on."""
    with notebook.read() as session:
        return {
            (table.name, row["id"]): {
                name: jsonable(value)
                for name, value in row.items()
                if name not in LOCAL_LABELS and name not in private_columns(table)
            }
            for table in shareable_tables()
            for row in session.execute(select(table)).mappings()
        }


def assert_same(
    first: dict[tuple[str, str], dict[str, Any]], other: dict[tuple[str, str], dict[str, Any]], a: str, b: str
) -> None:
    """Fails naming the records and fields two replicas disagree on, not with a wall of dictionaries."""
    problems = [f"{key[0]} {key[1]}: only on the {a}" for key in first.keys() - other.keys()]
    problems += [f"{key[0]} {key[1]}: only on the {b}" for key in other.keys() - first.keys()]
    for key in first.keys() & other.keys():
        for name in first[key].keys() | other[key].keys():
            if first[key].get(name) != other[key].get(name):
                problems.append(f"{key[0]} {key[1]} {name}: {first[key].get(name)!r} / {other[key].get(name)!r}")
    assert not problems, f"the {a} and the {b} differ after syncing:\n" + "\n".join(sorted(problems)[:20])


@pytest.fixture
def world(portal_url: str, organisation: Organisation, tmp_path: Path) -> World:
    """Notebooks to copy: the laptop's, with Dana's team and a KPI, and a blank one for the other two devices."""
    team_path, blank_path = tmp_path / "team.sqlite3", tmp_path / "blank.sqlite3"
    notebook = open_notebook(team_path)
    services = build_services(notebook, clock=lambda: NOW)
    leader = services.people.add(PersonDraft("Dana Reyes", "L1", is_agent=False, is_manager=True))
    services.people.set_owner(leader.id)
    for name, employee_id in (("Priya Shah", "A1"), ("Tomás Ruiz", "A2")):
        services.people.add(PersonDraft(name, employee_id, reports_to_id=leader.id))
    services.kpis.define("Adherence", unit="%", target=85)
    notebook.close()
    open_notebook(blank_path).close()
    return World(portal_url, organisation, tmp_path, team_path, blank_path)


def test_no_edit_is_ever_lost_whatever_the_network_clocks_and_crashes_do(world: World, portal_db: str) -> None:
    database = "postgresql" if portal_db.startswith("postgresql") else "sqlite"
    examples = int(os.environ.get("SYNC_MACHINE_EXAMPLES", EXAMPLES[database]))
    machine = type("NoEditLostHere", (NoEditLost,), {"world": world})
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=examples,
            stateful_step_count=int(os.environ.get("SYNC_MACHINE_STEPS", "25")),
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
            database=None,
            phases=[Phase.explicit, Phase.generate] if os.environ.get("SYNC_MACHINE_NO_SHRINK") else list(Phase),
        ),
    )
