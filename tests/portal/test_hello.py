"""The portal starts on loopback and negotiates the protocol with the sync client before anything else."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from coachdesk.sync.transport import SyncRefused, check_clock, checked_portal_url, negotiate, portal_client
from coachdesk_portal.app import create_app
from coachdesk_portal.store import portal_identity
from tests.portal.conftest import opened


def test_the_client_and_the_portal_agree_on_protocol_1_and_the_portal_says_who_it_is(portal_url: str) -> None:
    with portal_client(portal_url) as client:
        first = negotiate(client, device_id=None)
        again = negotiate(client, device_id="device-laptop")
    assert first.protocol == 1
    assert first.server_id == again.server_id
    assert abs(first.server_time - datetime.now(UTC)) < timedelta(minutes=1)
    check_clock(first.server_time, datetime.now(UTC))


def test_the_portal_keeps_its_identity_across_restarts_and_a_new_database_has_another(
    portal_db: str, tmp_path: Path
) -> None:
    now = datetime(2026, 11, 23)
    with opened(portal_db) as engine:
        create_app(engine)
        kept = portal_identity(engine, now)
    with opened(portal_db) as restarted:
        assert portal_identity(restarted, now) == kept
    with opened(f"sqlite:///{tmp_path / 'other.sqlite3'}") as other:
        assert portal_identity(other, now) != kept


def test_a_client_with_no_protocol_in_common_is_told_in_words_what_to_update(portal_url: str) -> None:
    response = httpx.post(f"{portal_url}/v1/hello", json={"client": "coachdesk 9", "protocols": [7, 8]})
    assert response.status_code == 409
    answer = response.json()
    assert answer["error"] == "protocol"
    assert answer["supported"] == [1]
    assert "Update whichever is older" in answer["message"]


def test_the_portal_serves_its_openapi_document(portal_url: str) -> None:
    document = httpx.get(f"{portal_url}/openapi.json").json()
    assert document["info"]["title"] == "Coaching Portal"
    assert "/v1/hello" in document["paths"]


def test_the_portal_command_starts_on_a_free_loopback_port_and_answers(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    command = [sys.executable, "-m", "coachdesk_portal", "--db", database, "--host", "127.0.0.1", "--port", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            assert line.startswith("Coaching Portal listening on http://127.0.0.1:")
            with portal_client(line.split()[-1]) as client:
                assert negotiate(client).protocol == 1
        finally:
            process.terminate()
    assert (tmp_path / "portal.sqlite3").exists()


def test_an_unreachable_portal_is_said_in_words(tmp_path: Path) -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
    with portal_client(f"http://127.0.0.1:{port}") as client, pytest.raises(SyncRefused, match="cannot be reached"):
        negotiate(client)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8765", "http://localhost:8765/", "http://[::1]:8765", "https://p.org"]
)
def test_plain_http_is_accepted_for_a_portal_on_this_computer_and_tls_anywhere(url: str) -> None:
    assert checked_portal_url(url) == url.rstrip("/")


@pytest.mark.parametrize("url", ["http://portal.example.com", "http://10.0.0.5:8765", "ftp://portal.example.com"])
def test_a_portal_elsewhere_must_be_reached_over_tls(url: str) -> None:
    with pytest.raises(SyncRefused, match="https://"):
        checked_portal_url(url)


def test_clocks_minutes_apart_stop_the_sync_saying_by_how_much() -> None:
    portal_time = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    check_clock(portal_time, portal_time + timedelta(minutes=4))
    with pytest.raises(SyncRefused, match="7 minutes ahead of"):
        check_clock(portal_time, portal_time + timedelta(minutes=7))
    with pytest.raises(SyncRefused, match="12 minutes behind"):
        check_clock(portal_time, portal_time - timedelta(minutes=12))
