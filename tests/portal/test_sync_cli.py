"""`coachdesk sync` as a manager uses it against a real portal: enroll with a code, sync, ask what is waiting, leave;
and every way it can fail said in words, with a non-zero exit and nothing lost."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, fail
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coachdesk.cli import main
from coachdesk.config import notebook_path
from coachdesk.models import SyncState
from coachdesk.services import Services, build_services
from coachdesk.services.log import SessionDraft
from coachdesk.services.people import PersonDraft
from coachdesk.storage import open_notebook
from coachdesk.sync.credentials import SERVICE
from coachdesk.sync.device import SyncStatus, sync_status
from coachdesk_portal.app import create_app
from coachdesk_portal.organisation import revoke_device
from tests.conftest import keyring_in_use
from tests.portal.conftest import Organisation, serving
from tests.portal.conftest import enroll as enroll_elsewhere

DANA = "dana@example.org"


def coachdesk(folder: Path, *arguments: str) -> int:
    return main(["--data-dir", str(folder), *arguments])


def enroll(folder: Path, portal_url: str, code: str, *more: str) -> int:
    return coachdesk(folder, "sync", "--portal", portal_url, "--code", code, *more)


@contextmanager
def notebook_in(folder: Path) -> Iterator[Services]:
    notebook = open_notebook(notebook_path(folder))
    try:
        yield build_services(notebook)
    finally:
        notebook.close()


def log_session(folder: Path, what_happened: str) -> str:
    """A session logged in the app on this notebook, with its owner and an agent made the first time."""
    with notebook_in(folder) as services:
        people = services.people
        if services.settings.owner_id() is None:
            owner = people.add(PersonDraft("Dana Reyes", "L1", is_agent=False, is_manager=True))
            people.set_owner(owner.id)
            people.add(PersonDraft("Priya Shah", "A1", reports_to_id=owner.id))
        priya = people.find("A1")
        return services.log.record_session(SessionDraft((priya.id,), what_happened)).id


def status_of(folder: Path) -> SyncStatus:
    with notebook_in(folder) as services:
        return sync_status(services.notebook)


def device_of(folder: Path) -> str:
    with notebook_in(folder) as services, services.notebook.read() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        return state.device_id


def files_hold(folder: Path, secret: str) -> bool:
    return any(secret.encode() in path.read_bytes() for path in folder.iterdir() if path.is_file())


@pytest.fixture
def laptop(tmp_path: Path) -> Path:
    return tmp_path / "laptop"


@pytest.fixture
def desktop(tmp_path: Path) -> Path:
    return tmp_path / "desktop"


@pytest.mark.usefixtures("secret_service")
def test_a_manager_enrolls_two_desks_and_each_receives_the_others_work(
    portal_url: str,
    organisation: Organisation,
    laptop: Path,
    desktop: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    entry_id = log_session(laptop, "Call review with Priya.")

    assert enroll(laptop, portal_url, organisation.code_for(DANA), "--device-name", "Laptop") == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith(f"Enrolled this notebook with the Coaching Portal at {portal_url}; ")
    assert said[1].startswith(f"Synced with the Coaching Portal at {portal_url}: sent ")
    assert enroll(desktop, portal_url, organisation.code_for(DANA)) == 0
    with notebook_in(desktop) as on_desktop:
        assert on_desktop.log.get(entry_id).what_happened == "Call review with Priya."
        on_desktop.log.edit(entry_id, {"next_steps": "Shadow a senior adviser"})
    assert coachdesk(desktop, "sync") == 0
    capsys.readouterr()
    assert coachdesk(laptop, "sync") == 0

    assert capsys.readouterr().out == (
        f"Synced with the Coaching Portal at {portal_url}: sent no changes, received 1 change.\n"
    )
    with notebook_in(laptop) as on_laptop:
        assert on_laptop.log.get(entry_id).next_steps == "Shadow a senior adviser"
    for folder in (laptop, desktop):
        token = SecretService.Keyring().get_password(SERVICE, device_of(folder))
        assert token
        assert not files_hold(folder, token)


def test_the_status_says_whether_the_notebook_syncs_and_what_waits(
    portal_url: str,
    organisation: Organisation,
    secret_service: KeyringBackend,
    laptop: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    log_session(laptop, "Call review with Priya.")
    assert coachdesk(laptop, "sync", "--status") == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "Sync is off: this notebook is not enrolled with a Coaching Portal."
    )
    enroll(laptop, portal_url, organisation.code_for(DANA), "--sharing", "aggregate")
    log_session(laptop, "Side-by-side on escalations.")
    capsys.readouterr()

    assert coachdesk(laptop, "sync", "--status") == 0

    said = capsys.readouterr().out.splitlines()
    assert said[:2] == [
        f"Enrolled with the Coaching Portal at {portal_url}.",
        "Sharing: aggregate only (counts and dates).",
    ]
    assert said[2].startswith(f"Last synced: {datetime.now(UTC).astimezone():%d %b %Y} ")
    assert said[3:] == ["2 changes waiting to be sent.", "no values to review."]


def test_leaving_forgets_the_token_and_keeps_every_record(
    portal_url: str,
    organisation: Organisation,
    secret_service: KeyringBackend,
    laptop: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    entry_id = log_session(laptop, "Call review with Priya.")
    enroll(laptop, portal_url, organisation.code_for(DANA))
    device = device_of(laptop)
    capsys.readouterr()

    assert coachdesk(laptop, "sync", "--leave") == 0

    assert capsys.readouterr().out.startswith(
        f"This notebook no longer syncs with the Coaching Portal at {portal_url}; every record stays here."
    )
    assert SecretService.Keyring().get_password(SERVICE, device) is None
    assert not status_of(laptop).enrolled
    with notebook_in(laptop) as services:
        assert services.log.get(entry_id).what_happened == "Call review with Priya."
    assert coachdesk(laptop, "sync") == 1
    assert "not enrolled with a Coaching Portal" in capsys.readouterr().err


def test_leaving_works_after_the_keyring_stopped_working(
    portal_url: str,
    organisation: Organisation,
    secret_service: KeyringBackend,
    laptop: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    log_session(laptop, "Call review with Priya.")
    enroll(laptop, portal_url, organisation.code_for(DANA))
    capsys.readouterr()

    with keyring_in_use(fail.Keyring()):
        assert coachdesk(laptop, "sync", "--leave") == 0

    assert "no longer syncs" in capsys.readouterr().out
    assert not status_of(laptop).enrolled


REFUSED_CODES = {
    "used": "This enrollment code was already used; ask for a new one.",
    "expired": "This enrollment code expired on ",
}


@pytest.mark.usefixtures("secret_service")
@pytest.mark.parametrize("spent", list(REFUSED_CODES))
def test_a_used_or_expired_code_is_refused_in_the_portals_words_and_the_notebook_stays_unenrolled(
    portal_url: str, organisation: Organisation, laptop: Path, capsys: pytest.CaptureFixture[str], spent: str
) -> None:
    issued = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=8 if spent == "expired" else 0)
    code = organisation.code_for(DANA, issued)
    if spent == "used":
        assert enroll_elsewhere(portal_url, code, "device-desktop").status_code == 200

    assert enroll(laptop, portal_url, code) == 1

    assert capsys.readouterr().err.startswith(f"coachdesk: {REFUSED_CODES[spent]}")
    assert status_of(laptop) == SyncStatus(False, None, None, 0, 0, None)


def test_a_sync_while_the_portal_is_down_says_offline_and_keeps_every_change(
    portal_engine: Engine,
    organisation: Organisation,
    secret_service: KeyringBackend,
    laptop: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with serving(create_app(portal_engine)) as portal_url:
        assert enroll(laptop, portal_url, organisation.code_for(DANA)) == 0
    log_session(laptop, "Logged on the train.")
    waiting = status_of(laptop).waiting
    capsys.readouterr()

    assert coachdesk(laptop, "sync") == 3

    said = capsys.readouterr().err
    assert said.startswith(f"coachdesk: offline. The Coaching Portal at {portal_url} cannot be reached (")
    assert said.endswith("Nothing was lost: sync again once this computer is online and the portal is up.\n")
    assert status_of(laptop).waiting == waiting > 0


def test_a_revoked_device_is_told_so_and_keeps_its_changes(
    portal_url: str,
    organisation: Organisation,
    secret_service: KeyringBackend,
    laptop: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    enroll(laptop, portal_url, organisation.code_for(DANA), "--device-name", "Work laptop")
    log_session(laptop, "Call review with Priya.")
    with Session(organisation.engine) as session, session.begin():
        revoke_device(session, device_of(laptop), datetime.now(UTC).replace(tzinfo=None))
    waiting = status_of(laptop).waiting
    capsys.readouterr()

    assert coachdesk(laptop, "sync") == 1

    assert capsys.readouterr().err.startswith("coachdesk: This device (Work laptop) was revoked on the portal on ")
    assert status_of(laptop).waiting == waiting > 0


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_enrolling_offers_a_token_file_and_the_same_code_then_works(
    portal_url: str,
    organisation: Organisation,
    laptop: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = organisation.code_for(DANA)
    assert enroll(laptop, portal_url, code) == 1
    refused = capsys.readouterr().err
    assert refused.startswith("coachdesk: No keyring is available on this computer")
    assert "--token-file PATH" in refused
    assert not status_of(laptop).enrolled
    token_file = tmp_path_factory.mktemp("keys") / "portal-token"

    assert enroll(laptop, portal_url, code, "--token-file", str(token_file)) == 0
    log_session(laptop, "Call review with Priya.")
    assert coachdesk(laptop, "sync") == 0

    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert status_of(laptop).waiting == 0
    assert not files_hold(laptop, json.loads(token_file.read_text())["token"])
    assert coachdesk(laptop, "sync", "--leave") == 0
    assert not token_file.exists()


def test_a_plain_http_portal_beyond_this_computer_is_refused_in_words(
    laptop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert enroll(laptop, "http://portal.example.com", "ABCD-EFGH-JKLM-NPQR") == 1

    assert capsys.readouterr().err == (
        "coachdesk: portal.example.com must be reached over https://: plain http:// is only for a portal on this "
        "computer.\n"
    )
    assert not status_of(laptop).enrolled


def test_enrollment_options_without_a_portal_or_a_portal_without_a_code_are_a_wrong_command_line(
    laptop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert coachdesk(laptop, "sync", "--sharing", "aggregate") == 2
    assert capsys.readouterr().err.startswith("coachdesk: --code, --sharing, --token-file and --device-name go with")
    assert coachdesk(laptop, "sync", "--portal", "https://portal.example.org") == 2
    assert capsys.readouterr().err == "coachdesk: enrolling needs the one-time code: add --code CODE.\n"
    assert not notebook_path(laptop).exists()
