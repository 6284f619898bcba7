"""The portal merges pushed changes field by field, answers a replay as before, and feeds other devices in order."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coachdesk_portal.records import history_of

LAPTOP = {"X-CoachDesk-Device": "laptop", "X-CoachDesk-Notebook": "dana"}
DESKTOP = {"X-CoachDesk-Device": "desktop", "X-CoachDesk-Notebook": "dana"}
ENTRY = "0b6c1f0e-0000-4000-8000-000000000001"


def change(change_id: str, base: int, **fields: Any) -> dict[str, Any]:
    return {"change_id": change_id, "table": "log_entries", "record_id": ENTRY, "base_version": base, "fields": fields}


def push(url: str, device: dict[str, str], *changes: dict[str, Any]) -> list[dict[str, Any]]:
    response = httpx.post(f"{url}/v1/push", json={"changes": list(changes)}, headers=device)
    assert response.status_code == 200, response.text
    answers: list[dict[str, Any]] = response.json()["answers"]
    return answers


def test_edits_of_different_fields_merge_and_the_same_field_keeps_the_portals_value_and_returns_the_other(
    portal_url: str, portal_engine: Engine
) -> None:
    created = push(portal_url, LAPTOP, change("c1", 0, what_happened="Call review", next_steps="", deleted=False))
    assert created[0]["result"] == "applied"
    base = created[0]["version"]
    assert push(portal_url, LAPTOP, change("c2", base, what_happened="Laptop text"))[0]["result"] == "applied"
    merged, clashed = push(
        portal_url,
        DESKTOP,
        change("d1", base, next_steps="Shadow Priya"),
        change("d2", base, what_happened="Desk text"),
    )
    assert merged["result"] == "applied"
    assert clashed["result"] == "conflict"
    assert clashed["fields"] == {"what_happened": "Laptop text"}
    assert clashed["lost"] == {"what_happened": "Desk text"}
    with Session(portal_engine) as session:
        pushed = [values.get("what_happened") for values in history_of(session, "dana", ENTRY)]
    assert {"Call review", "Laptop text", "Desk text"} <= set(pushed)


def test_a_replayed_push_gets_the_same_answers_and_applies_nothing_twice(portal_url: str) -> None:
    batch = [change("c1", 0, what_happened="Once"), change("c2", 0, table_typo=1)]
    first = push(portal_url, LAPTOP, *batch)
    assert [a["result"] for a in first] == ["applied", "rejected"]
    assert "table_typo" in first[1]["message"]
    assert push(portal_url, LAPTOP, *batch) == first
    page = httpx.get(f"{portal_url}/v1/pull", headers=DESKTOP).json()
    assert len(page["changes"]) == 1


def test_edit_beats_delete_both_ways(portal_url: str) -> None:
    base = push(portal_url, LAPTOP, change("c1", 0, what_happened="Start", deleted=False))[0]["version"]
    push(portal_url, LAPTOP, change("c2", base, what_happened="Edited"))
    refused = push(portal_url, DESKTOP, change("d1", base, deleted=True))[0]
    assert refused["result"] == "conflict"
    assert refused["fields"] == {"deleted": False}
    deleted = push(portal_url, DESKTOP, change("d2", refused["version"], deleted=True))[0]
    assert deleted["result"] == "applied"
    revived = push(portal_url, LAPTOP, change("c3", base, next_steps="Still coaching"))[0]
    assert revived["result"] == "applied"
    assert revived["fields"] == {"deleted": False}


def test_a_pull_pages_other_devices_changes_after_a_cursor_and_leaves_out_the_callers_own(portal_url: str) -> None:
    for number in range(5):
        push(portal_url, LAPTOP, change(f"c{number}", 0, duration_minutes=number))
    push(portal_url, DESKTOP, change("d1", 0, next_steps="From the desktop"))
    first = httpx.get(f"{portal_url}/v1/pull", params={"limit": 3}, headers=DESKTOP).json()
    assert first["more"] is True
    rest = httpx.get(f"{portal_url}/v1/pull", params={"after": first["cursor"]}, headers=DESKTOP).json()
    assert rest["more"] is False
    durations = [c["fields"]["duration_minutes"] for c in first["changes"] + rest["changes"]]
    assert durations == [0, 1, 2, 3, 4]
    mine = httpx.get(f"{portal_url}/v1/pull", headers=LAPTOP).json()["changes"]
    assert [c["fields"] for c in mine] == [{"next_steps": "From the desktop"}]


def test_pushes_from_several_devices_at_once_get_counters_a_pull_never_skips(portal_url: str) -> None:
    def push_twenty(device: str) -> None:
        headers = {"X-CoachDesk-Device": device, "X-CoachDesk-Notebook": "dana"}
        for number in range(20):
            record = f"{device}-{number}"
            change = {"change_id": record, "table": "teams", "record_id": record, "base_version": 0}
            push(portal_url, headers, {**change, "fields": {"name": record}})

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(push_twenty, ["a", "b", "c", "d"]))
    reader = {"X-CoachDesk-Device": "reader", "X-CoachDesk-Notebook": "dana"}
    seen, cursor, more = [], "", True
    while more:
        page = httpx.get(f"{portal_url}/v1/pull", params={"after": cursor, "limit": 7}, headers=reader).json()
        seen += [change["version"] for change in page["changes"]]
        cursor, more = page["cursor"], page["more"]
    assert seen == list(range(1, 81))
