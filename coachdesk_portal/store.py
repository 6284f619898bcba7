"""The portal's database: SQLite embedded by default, PostgreSQL (psycopg 3) in production.

Several portal processes may share one PostgreSQL database, so whatever must be made once (the portal's identity,
the schema's upgrade) is made by whichever process gets there first, and read by all. The schema is the portal's own
Alembic migrations (`coachdesk_portal/migrations/`), run as the portal opens its database; a database written by a
newer portal is refused untouched.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import CheckConstraint, Connection, Engine, String, create_engine, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from coachdesk_portal import migrations


class PortalBase(DeclarativeBase):
    pass


class PortalIdentity(PortalBase):
    """One row: the id clients remember at enrollment, so a restored or replaced database is noticed."""

    __tablename__ = "portal_identity"
    __table_args__ = (CheckConstraint("slot = 1", name="ck_portal_identity_single_row"),)

    slot: Mapped[int] = mapped_column(primary_key=True, default=1)
    server_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime]


class NewerPortalDatabase(RuntimeError):
    """The database was written by a newer portal; it is left exactly as it is."""


BEFORE_MIGRATIONS = "portal_identity"
"""A table every portal database has had since before the portal had migrations: with no version table beside it,
the database holds the first revision's schema."""

SCHEMA_LOCK = 7_340_122_810
"""The PostgreSQL advisory lock portal processes starting together take, so one of them upgrades the schema."""


def open_portal_database(url: str) -> Engine:
    engine = create_engine(url, pool_pre_ping=True)
    try:
        upgrade_portal_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def upgrade_portal_schema(engine: Engine) -> None:
    """Brings the schema to this portal's head in one transaction, stamping a database made before migrations."""
    from alembic.runtime.migration import MigrationContext

    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": SCHEMA_LOCK})
        context = MigrationContext.configure(connection, opts={"version_table": migrations.VERSION_TABLE})
        current = context.get_current_revision()
        if current == migrations.HEAD:
            return
        if current is not None and current not in migrations.REVISIONS:
            raise NewerPortalDatabase(
                f"This portal database was written by a newer Coaching Portal (schema {current}); update "
                "coachdesk-portal to use it. The database was not changed."
            )
        if current is None and inspect(connection).has_table(BEFORE_MIGRATIONS):
            run_alembic(connection, "stamp", migrations.REVISIONS[0])
        run_alembic(connection, "upgrade", "head")


def run_alembic(connection: Connection, verb: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.attributes["connection"] = connection
    getattr(command, verb)(config, revision)


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
