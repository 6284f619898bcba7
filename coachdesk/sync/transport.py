"""Reaching the portal: plain HTTP for a loopback portal only, verified TLS for any other; the protocol negotiated
first, and the clocks compared before anything is sent (docs/sync-protocol.md, sections 4 and 9).
"""

from __future__ import annotations

import ipaddress
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import httpx

from coachdesk import __version__
from coachdesk.errors import CoachDeskError

PROTOCOLS = (1,)
"""The sync protocol versions this CoachDesk speaks."""

MAX_CLOCK_SKEW = timedelta(minutes=5)
TIMEOUT = httpx.Timeout(20.0, connect=5.0)


class SyncRefused(CoachDeskError):
    """Sync cannot go ahead; nothing was sent or changed, and the words say what to do."""

    code = "sync_refused"


class PortalUnreachable(SyncRefused):
    """The portal could not be reached at all: this computer is offline, or the portal is down. Try later."""

    code = "portal_unreachable"


def connection_failed(error: httpx.TransportError, portal: httpx.URL | str, words: str) -> SyncRefused:
    """The failure in plain words: a certificate this computer does not trust is a refusal, anything else offline."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return SyncRefused(
                f"The Coaching Portal at {portal} showed a certificate this computer does not trust "
                f"({cause.verify_message}); nothing was sent. Ask whoever runs the portal."
            )
        cause = cause.__cause__ or cause.__context__
    return PortalUnreachable(
        f"The Coaching Portal at {portal} {words} ({error or type(error).__name__}). Nothing was lost: sync again "
        "once this computer is online and the portal is up."
    )


@dataclass(frozen=True)
class PortalHello:
    protocol: int
    server_id: str
    server_time: datetime


def checked_portal_url(url: str) -> str:
    """The portal's address, refused when it would send a notebook over plain HTTP beyond this computer."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise SyncRefused(f"“{url}” is not a portal address: write it as https://portal.example.com.")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise SyncRefused(
            f"{parts.hostname} must be reached over https://: plain http:// is only for a portal on this computer."
        )
    return url.strip().rstrip("/")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def portal_client(url: str, token: str | None = None, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """An HTTP client for the portal, checking certificates against the system's trust store.

    The device token is handed in and held in memory only: it never belongs in the notebook (section 3). Without
    one, only `/v1/hello` and `/v1/enroll` answer.
    """
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    return httpx.Client(
        base_url=checked_portal_url(url), headers=headers, timeout=TIMEOUT, verify=True, transport=transport
    )


def negotiate(client: httpx.Client, device_id: str | None = None) -> PortalHello:
    """Agrees on the protocol version before anything else is said."""
    hello = {"client": f"coachdesk {__version__}", "protocols": list(PROTOCOLS), "device_id": device_id}
    try:
        response = client.post("/v1/hello", json=hello)
    except httpx.TransportError as error:
        raise connection_failed(error, client.base_url, "cannot be reached") from error
    except httpx.HTTPError as error:
        raise SyncRefused(f"The Coaching Portal at {client.base_url} cannot be reached ({error}).") from error
    if response.status_code == 409:
        raise SyncRefused(str(response.json().get("message", "The portal speaks another sync protocol.")))
    if response.status_code != 200:
        raise SyncRefused(f"The Coaching Portal at {client.base_url} answered {response.status_code}; try later.")
    answer = response.json()
    if answer["protocol"] not in PROTOCOLS:
        raise SyncRefused(f"The Coaching Portal chose sync protocol {answer['protocol']}, which this CoachDesk lacks.")
    return PortalHello(answer["protocol"], answer["server_id"], datetime.fromisoformat(answer["server_time"]))


def check_clock(server_time: datetime, now: datetime) -> None:
    """Refuses to sync while this computer's clock and the portal's differ by minutes, saying by how much."""
    skew = now.astimezone(UTC) - server_time.astimezone(UTC)
    if abs(skew) <= MAX_CLOCK_SKEW:
        return
    minutes = round(abs(skew).total_seconds() / 60)
    direction = "ahead of" if skew > timedelta(0) else "behind"
    raise SyncRefused(
        f"This computer's clock is {minutes} minutes {direction} the Coaching Portal's. "
        "Set the clock right (or turn on automatic time), then sync again."
    )
