"""The organisation on the portal: people and the reporting tree, one-time enrollment codes, enrolled devices.

Codes and tokens are secrets, so only their SHA-256 hashes are stored: a copy of the database enrolls nothing and
impersonates no device. A code is spent by one conditional UPDATE, so two processes racing for it cannot both win.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, String, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from coachdesk_portal.store import PortalBase

CODE_LIFETIME = timedelta(days=7)
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""No 0/O or 1/I: a code is read off a screen and typed."""


class Person(PortalBase):
    __tablename__ = "people"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    reports_to: Mapped[str | None] = mapped_column(ForeignKey("people.id"), index=True)
    created_at: Mapped[datetime]


class EnrollmentCode(PortalBase):
    __tablename__ = "enrollment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class Device(PortalBase):
    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class OrganisationError(Exception):
    """Something the administrator or the enrolling device asked for cannot be done; the words say why."""

    def __init__(self, message: str, error: str = "organisation") -> None:
        super().__init__(message)
        self.error = error


@dataclass(frozen=True)
class PersonView:
    id: str
    email: str
    name: str
    reports_to: str | None


@dataclass(frozen=True)
class DeviceView:
    id: str
    person_id: str
    name: str
    enrolled_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True)
class Enrolled:
    token: str
    person: PersonView


def hashed(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def add_person(session: Session, email: str, name: str, reports_to: str | None, now: datetime) -> PersonView:
    """Adds someone under an existing manager (or at the top); the tree can only grow downwards, so it has no loops."""
    email = email.strip().lower()
    if not email or not name.strip():
        raise OrganisationError("A person needs an email address and a name.")
    if person_by_email(session, email) is not None:
        raise OrganisationError(f"{email} is already in the organisation.")
    manager_id = None
    if reports_to is not None:
        manager = required_person(session, reports_to)
        manager_id = manager.id
    person = Person(id=str(uuid.uuid4()), email=email, name=name.strip(), reports_to=manager_id, created_at=now)
    session.add(person)
    session.flush()
    return person_view(person)


def people(session: Session) -> list[PersonView]:
    return [person_view(person) for person in session.scalars(select(Person).order_by(Person.name))]


def devices(session: Session) -> list[DeviceView]:
    return [device_view(device) for device in session.scalars(select(Device).order_by(Device.enrolled_at))]


def person_by_email(session: Session, email: str) -> Person | None:
    return session.scalar(select(Person).where(Person.email == email.strip().lower()))


def required_person(session: Session, email: str) -> Person:
    person = person_by_email(session, email)
    if person is None:
        raise OrganisationError(f"Nobody with the email address {email} is in the organisation; add them first.")
    return person


def create_enrollment_code(session: Session, email: str, now: datetime) -> str:
    """A new code for the person's next device; shown once, as only its hash is kept."""
    person = required_person(session, email)
    code = "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(4))
    session.add(
        EnrollmentCode(
            code_hash=hashed(normalised(code)),
            person_id=person.id,
            created_at=now,
            expires_at=now + CODE_LIFETIME,
            used_at=None,
        )
    )
    return code


def normalised(code: str) -> str:
    """Codes are compared without case, spaces or dashes, as people type them."""
    return "".join(character for character in code.upper() if character.isalnum())


def enroll_device(session: Session, code: str, device_id: str, device_name: str, now: datetime) -> Enrolled:
    """Spends the code and returns the new device's token, which exists nowhere else once this answer is sent."""
    found = session.get(EnrollmentCode, hashed(normalised(code)))
    if found is None:
        raise OrganisationError("The portal does not know this enrollment code; check it or ask for a new one.", "code")
    if found.used_at is not None:
        raise OrganisationError("This enrollment code was already used; ask for a new one.", "code")
    if found.expires_at <= now:
        raise OrganisationError(
            f"This enrollment code expired on {found.expires_at:%d %b %Y}; ask for a new one.", "code"
        )
    if session.get(Device, device_id) is not None:
        raise OrganisationError("A device with this id is already enrolled; leave the old enrollment first.", "device")
    spent = session.execute(
        update(EnrollmentCode)
        .where(EnrollmentCode.code_hash == found.code_hash, EnrollmentCode.used_at.is_(None))
        .values(used_at=now)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        raise OrganisationError("This enrollment code was already used; ask for a new one.", "code")
    token = secrets.token_urlsafe(32)
    session.add(
        Device(
            id=device_id,
            person_id=found.person_id,
            name=device_name.strip() or "unnamed device",
            token_hash=hashed(token),
            enrolled_at=now,
            revoked_at=None,
        )
    )
    session.flush()
    person = session.get_one(Person, found.person_id)
    return Enrolled(token, person_view(person))


def revoke_device(session: Session, device_id: str, now: datetime) -> DeviceView:
    device = session.get(Device, device_id)
    if device is None:
        raise OrganisationError(f"No device {device_id} is enrolled; `org list` shows the enrolled devices.")
    if device.revoked_at is None:
        device.revoked_at = now
    return device_view(device)


def device_for_token(session: Session, token: str) -> DeviceView | None:
    device = session.scalar(select(Device).where(Device.token_hash == hashed(token)))
    return None if device is None else device_view(device)


def person_view(person: Person) -> PersonView:
    return PersonView(person.id, person.email, person.name, person.reports_to)


def device_view(device: Device) -> DeviceView:
    return DeviceView(device.id, device.person_id, device.name, device.enrolled_at, device.revoked_at)
