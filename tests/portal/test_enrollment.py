"""An administrator builds the organisation and hands out one-time codes; a device trades one for its token."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk_portal.cli import main
from coachdesk_portal.organisation import Device, EnrollmentCode
from tests.portal.conftest import Organisation, enroll, notebooks, token_of


def run_portal(capsys: pytest.CaptureFixture[str], database: str, *arguments: str) -> tuple[int, str, str]:
    status = main(["--db", database, "org", *arguments])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_org_commands_build_the_tree_and_the_printed_code_enrolls_a_device(
    portal_db: str, portal_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_portal(capsys, portal_db, "add", "lee@example.org", "Lee Park")[0] == 0
    assert run_portal(capsys, portal_db, "add", "Dana@Example.org", "Dana Reyes", "--reports-to", "lee@example.org")[
        1
    ] == ("Added Dana Reyes <dana@example.org>.\n")
    status, printed, _ = run_portal(capsys, portal_db, "code", "dana@example.org")
    assert status == 0
    code = printed.split()[4]

    answer = enroll(portal_url, code)

    assert answer.status_code == 200
    assert answer.json()["person_name"] == "Dana Reyes"
    assert notebooks(portal_url, answer.json()["token"]).json()["notebooks"][0]["owner_name"] == "Dana Reyes"
    tree = run_portal(capsys, portal_db, "list")[1].splitlines()
    assert tree[0] == "Lee Park <lee@example.org>"
    assert tree[1] == "  Dana Reyes <dana@example.org>"
    assert tree[2].startswith("    device Laptop (device-laptop), enrolled ")
    assert tree[2].endswith(", active")


def test_the_org_commands_say_in_words_what_is_wrong(portal_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert "add people with" in run_portal(capsys, portal_db, "list")[1]
    status, _, said = run_portal(capsys, portal_db, "add", "dana@example.org", "Dana", "--reports-to", "x@example.org")
    assert status == 1
    assert said == "Nobody with the email address x@example.org is in the organisation; add them first.\n"
    run_portal(capsys, portal_db, "add", "dana@example.org", "Dana")
    assert run_portal(capsys, portal_db, "add", "dana@example.org", "Dana")[2] == (
        "dana@example.org is already in the organisation.\n"
    )
    assert "No device gone is enrolled" in run_portal(capsys, portal_db, "revoke", "gone")[2]


def test_a_code_works_once_however_it_is_typed(portal_url: str, organisation: Organisation) -> None:
    code = organisation.code_for("dana@example.org")

    first = enroll(portal_url, code.lower().replace("-", " "))
    again = enroll(portal_url, code, device_id="device-desktop")

    assert first.status_code == 200
    assert again.status_code == 403
    assert again.json() == {"error": "code", "message": "This enrollment code was already used; ask for a new one."}


def test_an_expired_or_unknown_code_is_refused_saying_why(portal_url: str, organisation: Organisation) -> None:
    issued = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=8)
    expired = enroll(portal_url, organisation.code_for("dana@example.org", now=issued))
    unknown = enroll(portal_url, "ABCD-EFGH-JKLM-NPQR")

    assert expired.status_code == 403
    assert expired.json()["message"].startswith(f"This enrollment code expired on {issued + timedelta(days=7):%d %b}")
    assert unknown.status_code == 403
    assert "does not know this enrollment code" in unknown.json()["message"]


def test_an_already_enrolled_device_id_is_refused_and_the_code_stays_usable(
    portal_url: str, organisation: Organisation
) -> None:
    token_of(portal_url, organisation, "dana@example.org")
    code = organisation.code_for("dana@example.org")

    clash = enroll(portal_url, code)

    assert clash.status_code == 409
    assert clash.json()["error"] == "device"
    assert enroll(portal_url, code, device_id="device-desktop").status_code == 200


def test_codes_and_tokens_are_kept_only_as_hashes(portal_url: str, organisation: Organisation) -> None:
    code = organisation.code_for("dana@example.org")
    token = enroll(portal_url, code).json()["token"]

    with Session(organisation.engine) as session:
        stored = [row.code_hash for row in session.scalars(select(EnrollmentCode))]
        stored += [row.token_hash for row in session.scalars(select(Device))]
    assert len(stored) == 2
    assert all(len(value) == 64 for value in stored)
    assert not any(code.replace("-", "") in value or token in value for value in stored)


def test_a_request_without_a_known_token_is_refused_in_words(portal_url: str, organisation: Organisation) -> None:
    missing = httpx.get(f"{portal_url}/v1/notebooks")
    unknown = notebooks(portal_url, "not-a-token")

    assert (missing.status_code, unknown.status_code) == (401, 401)
    assert missing.json()["message"] == "This request needs the device's token; enroll the device first."
    assert unknown.json() == {
        "error": "unauthorised",
        "message": "The portal does not know this device's token; enroll it again with a new code.",
    }


def test_a_revoked_device_is_refused_on_its_next_request_and_the_persons_other_device_is_not(
    portal_db: str, portal_url: str, organisation: Organisation, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = token_of(portal_url, organisation, "dana@example.org", "device-laptop")
    desktop = token_of(portal_url, organisation, "dana@example.org", "device-desktop")
    assert notebooks(portal_url, laptop).status_code == 200

    status, printed, _ = run_portal(capsys, portal_db, "revoke", "device-laptop")

    assert status == 0
    assert printed == "Revoked Laptop (device-laptop): the portal refuses it from its next request.\n"
    refused = notebooks(portal_url, laptop)
    assert refused.status_code == 401
    assert refused.json()["error"] == "revoked"
    assert refused.json()["message"].startswith("This device (Laptop) was revoked on the portal on ")
    assert notebooks(portal_url, desktop).status_code == 200
    assert "revoked" in run_portal(capsys, portal_db, "list")[1]


def test_devices_racing_for_one_code_get_one_token_between_them(portal_url: str, organisation: Organisation) -> None:
    code = organisation.code_for("dana@example.org")

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda n: enroll(portal_url, code, f"device-{n}").status_code, range(6)))

    assert sorted(answers) == [200, 403, 403, 403, 403, 403]


def test_the_openapi_document_describes_enrollment_and_the_bearer_token(portal_url: str) -> None:
    document = httpx.get(f"{portal_url}/openapi.json").json()

    assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert document["paths"]["/v1/notebooks"]["get"]["security"] == [{"HTTPBearer": []}]
    assert set(document["paths"]["/v1/enroll"]["post"]["responses"]) == {"200", "400", "403", "409", "422"}
