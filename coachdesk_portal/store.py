"""The portal's database: SQLite embedded by default, PostgreSQL (psycopg 3) in production.

Several portal processes may share one PostgreSQL database, so whatever must be made once (the portal's identity)
is made by whichever process gets there first, and read by all.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Engine, String, create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class PortalBase(DeclarativeBase):
    pass


class PortalIdentity(PortalBase):
    """One row: the id clients remember at enrollment, so a restored or replaced database is noticed."""

    __tablename__ = "portal_identity"
    __table_args__ = (CheckConstraint("slot = 1", name="ck_portal_identity_single_row"),)

    slot: Mapped[int] = mapped_column(primary_key=True, default=1)
    server_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime]


def open_portal_database(url: str) -> Engine:
    engine = create_engine(url, pool_pre_ping=True)
    PortalBase.metadata.create_all(engine)
    return engine


def portal_identity(engine: Engine, now: datetime) -> str:
    """The portal's id, made on first use; a process racing another one keeps the winner's."""
    with Session(engine) as session:
        existing: str | None = session.scalar(select(PortalIdentity.server_id))
        if existing is not None:
            return existing
        session.add(PortalIdentity(server_id=str(uuid.uuid4()), created_at=now))
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
        return session.scalars(select(PortalIdentity.server_id)).one()
