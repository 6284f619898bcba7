"""A portal whose certificate this computer does not trust is refused in words, never mistaken for being offline."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from coachdesk.db import Notebook
from coachdesk.sync.device import enroll_device, sync_status
from coachdesk.sync.transport import PortalUnreachable, SyncRefused
from coachdesk_portal.app import create_app
from tests.portal.conftest import opened, serving


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no authority signed: what an impostor on the network would show."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    certfile, keyfile = folder / "portal.pem", folder / "portal.key"
    certfile.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    keyfile.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return certfile, keyfile


@pytest.fixture
def untrusted_portal(tmp_path: Path) -> Iterator[str]:
    with (
        opened(f"sqlite:///{tmp_path / 'portal.sqlite3'}") as engine,
        serving(create_app(engine), self_signed(tmp_path)) as url,
    ):
        yield url


def test_an_untrusted_certificate_stops_enrollment_in_words(notebook: Notebook, untrusted_portal: str) -> None:
    with pytest.raises(SyncRefused) as refused:
        enroll_device(notebook, untrusted_portal, "ABCD-EFGH-JKLM-NPQR", tokens=NoTokens())

    assert not isinstance(refused.value, PortalUnreachable)
    assert refused.value.message.startswith(f"The Coaching Portal at {untrusted_portal} showed a certificate")
    assert "self-signed certificate" in refused.value.message
    assert not sync_status(notebook).enrolled


class NoTokens:
    def load(self, device_id: str) -> str | None:
        raise AssertionError("nothing may be read before the portal is trusted")

    def save(self, device_id: str, token: str) -> None:
        raise AssertionError("nothing may be saved before the portal is trusted")

    def forget(self, device_id: str) -> None:
        raise AssertionError("nothing may be forgotten before the portal is trusted")
