"""The portal merges pushed changes field by field, answers a replay as before, and feeds other devices in order;
it knows each device by its token and lets a leader read, never write, a report's notebook."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coachdesk_portal.organisation import revoke_device
from coachdesk_portal.records import history_of
from tests.portal.conftest import Organisation, token_of

Device = dict[str, str]
ENTRY = "0b6c1f0e-0000-4000-8000-000000000001"


def change(change_id: str, base: int, **fields: Any) -> dict[str, Any]:
    return {"change_id": change_id, "table": "log_entries", "record_id": ENTRY, "base_version": base, "fields": fields}


def device_of(portal_url: str, organisation: Organisation, email: str, device_id: str) -> Device:
    """The headers of a device enrolled with a code for the person: its token and nothing else."""
    return {"Authorization": f"Bearer {token_of(portal_url, organisation, email, device_id)}"}


@pytest.fixture
def laptop(portal_url: str, organisation: Organisation) -> Device:
    return device_of(portal_url, organisation, "dana@example.org", "laptop")


@pytest.fixture
def desktop(portal_url: str, organisation: Organisation) -> Device:
    return device_of(portal_url, organisation, "dana@example.org", "desktop")


def push(url: str, device: Device, *changes: dict[str, Any]) -> list[dict[str, Any]]:
    response = httpx.post(f"{url}/v1/push", json={"changes": list(changes)}, headers=device)
    assert response.status_code == 200, response.text
    answers: list[dict[str, Any]] = response.json()["answers"]
    return answers


def test_edits_of_different_fields_merge_and_the_same_field_keeps_the_portals_value_and_returns_the_other(
    portal_url: str, portal_engine: Engine, organisation: Organisation, laptop: Device, desktop: Device
) -> None:
    created = push(portal_url, laptop, change("c1", 0, what_happened="Call review", next_steps="", deleted=False))
    assert created[0]["result"] == "applied"
    base = created[0]["version"]
    assert push(portal_url, laptop, change("c2", base, what_happened="Laptop text"))[0]["result"] == "applied"
    merged, clashed = push(
        portal_url,
        desktop,
        change("d1", base, next_steps="Shadow Priya"),
        change("d2", base, what_happened="Desk text"),
    )
    assert merged["result"] == "applied"
    assert clashed["result"] == "conflict"
    assert clashed["fields"] == {"what_happened": "Laptop text"}
    assert clashed["lost"] == {"what_happened": "Desk text"}
    with Session(portal_engine) as session:
        pushed = [
            values.get("what_happened") for values in history_of(session, organisation.ids["dana@example.org"], ENTRY)
        ]
    assert {"Call review", "Laptop text", "Desk text"} <= set(pushed)


def test_a_replayed_push_gets_the_same_answers_and_applies_nothing_twice(
    portal_url: str, laptop: Device, desktop: Device
) -> None:
    batch = [change("c1", 0, what_happened="Once"), change("c2", 0, table_typo=1)]
    first = push(portal_url, laptop, *batch)
    assert [a["result"] for a in first] == ["applied", "rejected"]
    assert "table_typo" in first[1]["message"]
    assert push(portal_url, laptop, *batch) == first
    page = httpx.get(f"{portal_url}/v1/pull", headers=desktop).json()
    assert len(page["changes"]) == 1


def test_edit_beats_delete_both_ways(portal_url: str, laptop: Device, desktop: Device) -> None:
    base = push(portal_url, laptop, change("c1", 0, what_happened="Start", deleted=False))[0]["version"]
    push(portal_url, laptop, change("c2", base, what_happened="Edited"))
    refused = push(portal_url, desktop, change("d1", base, deleted=True))[0]
    assert refused["result"] == "conflict"
    assert refused["fields"] == {"deleted": False}
    deleted = push(portal_url, desktop, change("d2", refused["version"], deleted=True))[0]
    assert deleted["result"] == "applied"
    revived = push(portal_url, laptop, change("c3", base, next_steps="Still coaching"))[0]
    assert revived["result"] == "applied"
    assert revived["fields"] == {"deleted": False}


def test_a_pull_pages_other_devices_changes_after_a_cursor_and_leaves_out_the_callers_own(
    portal_url: str, laptop: Device, desktop: Device
) -> None:
    for number in range(5):
        push(portal_url, laptop, change(f"c{number}", 0, duration_minutes=number))
    push(portal_url, desktop, change("d1", 0, next_steps="From the desktop"))
    first = httpx.get(f"{portal_url}/v1/pull", params={"limit": 3}, headers=desktop).json()
    assert first["more"] is True
    rest = httpx.get(f"{portal_url}/v1/pull", params={"after": first["cursor"]}, headers=desktop).json()
    assert rest["more"] is False
    durations = [c["fields"]["duration_minutes"] for c in first["changes"] + rest["changes"]]
    assert durations == [0, 1, 2, 3, 4]
    mine = httpx.get(f"{portal_url}/v1/pull", headers=laptop).json()["changes"]
    assert [c["fields"] for c in mine] == [{"next_steps": "From the desktop"}]


def test_pushes_from_several_devices_at_once_get_counters_a_pull_never_skips(
    portal_url: str, organisation: Organisation
) -> None:
    devices = {name: device_of(portal_url, organisation, "dana@example.org", name) for name in "abcd"}

    def push_twenty(device: str) -> None:
        for number in range(20):
            record = f"{device}-{number}"
            change = {"change_id": record, "table": "teams", "record_id": record, "base_version": 0}
            push(portal_url, devices[device], {**change, "fields": {"name": record}})

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(push_twenty, ["a", "b", "c", "d"]))
    reader = device_of(portal_url, organisation, "dana@example.org", "reader")
    seen, cursor, more = [], "", True
    while more:
        page = httpx.get(f"{portal_url}/v1/pull", params={"after": cursor, "limit": 7}, headers=reader).json()
        seen += [change["version"] for change in page["changes"]]
        cursor, more = page["cursor"], page["more"]
    assert seen == list(range(1, 81))


def pull(url: str, device: Device, notebook: str | None = None) -> httpx.Response:
    return httpx.get(f"{url}/v1/pull", params={} if notebook is None else {"notebook": notebook}, headers=device)


@pytest.mark.parametrize("path", ["/v1/push", "/v1/pull"])
def test_a_request_without_a_token_or_with_a_revoked_one_is_refused(
    portal_url: str, organisation: Organisation, laptop: Device, path: str
) -> None:
    def send(headers: Device) -> httpx.Response:
        if path == "/v1/push":
            return httpx.post(
                f"{portal_url}{path}", json={"changes": [change("c1", 0, what_happened="x")]}, headers=headers
            )
        return httpx.get(f"{portal_url}{path}", headers=headers)

    assert send(laptop).status_code == 200
    nameless = send({})
    assert (nameless.status_code, nameless.json()["error"]) == (401, "unauthorised")
    assert send({"X-CoachDesk-Device": "laptop", "X-CoachDesk-Notebook": "dana"}).status_code == 401
    with Session(organisation.engine) as session, session.begin():
        revoke_device(session, "laptop", datetime.now(UTC).replace(tzinfo=None))
    revoked = send(laptop)
    assert (revoked.status_code, revoked.json()["error"]) == (401, "revoked")


def test_a_leader_pulls_a_managers_notebook_but_may_not_push_to_it_or_read_a_peers(
    portal_url: str, organisation: Organisation, laptop: Device
) -> None:
    push(portal_url, laptop, change("c1", 0, what_happened="Call review"))
    dana = organisation.ids["dana@example.org"]
    leader = device_of(portal_url, organisation, "lee@example.org", "lee-laptop")
    read = pull(portal_url, leader, dana)
    assert read.status_code == 200, read.text
    assert [c["fields"] for c in read.json()["changes"]] == [{"what_happened": "Call review"}]
    assert pull(portal_url, leader).json()["changes"] == []
    written = httpx.post(
        f"{portal_url}/v1/push",
        params={"notebook": dana},
        json={"changes": [change("l1", 1, what_happened="Overwritten by the leader")]},
        headers=leader,
    )
    assert (written.status_code, written.json()["error"]) == (403, "forbidden")
    assert "read-only" in written.json()["message"]
    assert pull(portal_url, leader, dana).json()["changes"][0]["fields"] == {"what_happened": "Call review"}
    peer = device_of(portal_url, organisation, "sam@example.org", "sam-laptop")
    assert pull(portal_url, peer, dana).status_code == 403
