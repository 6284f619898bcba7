"""The portal's database follows its own migrations: made at the latest schema, upgraded when older (a database from
before migrations included), and refused untouched when a newer portal wrote it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.orm import Session

from coachdesk_portal import migrations
from coachdesk_portal.cli import main
from coachdesk_portal.organisation import Person, add_person
from coachdesk_portal.store import (
    NewerPortalDatabase,
    PortalBase,
    open_portal_database,
    portal_identity,
    run_alembic,
)
from tests.portal.conftest import opened

NOW = datetime(2026, 11, 23, 9, 30)


def revision_of(engine: Engine) -> str | None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": migrations.VERSION_TABLE})
        return context.get_current_revision()


def test_a_new_database_is_made_at_the_latest_schema_exactly_as_the_models_describe(portal_engine: Engine) -> None:
    assert revision_of(portal_engine) == migrations.HEAD
    with portal_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": migrations.VERSION_TABLE})
        assert compare_metadata(context, PortalBase.metadata) == []


def test_the_known_revisions_are_the_scripts_own_chain() -> None:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    chain = [revision.revision for revision in ScriptDirectory.from_config(config).walk_revisions()]
    assert tuple(reversed(chain)) == migrations.REVISIONS


def test_a_database_from_before_migrations_is_upgraded_and_keeps_its_people_and_identity(portal_db: str) -> None:
    legacy = create_engine(portal_db)
    with legacy.begin() as connection:
        run_alembic(connection, "upgrade", migrations.REVISIONS[0])
        connection.execute(text(f"DROP TABLE {migrations.VERSION_TABLE}"))
    identity = portal_identity(legacy, NOW)
    with Session(legacy) as session, session.begin():
        add_person(session, "lee@example.org", "Lee Park", None, NOW)
    legacy.dispose()
    with opened(portal_db) as engine:
        assert revision_of(engine) == migrations.HEAD
        assert portal_identity(engine, NOW) == identity
        with Session(engine) as session:
            assert session.scalars(select(Person.name)).all() == ["Lee Park"]


def test_a_database_a_newer_portal_wrote_is_refused_and_left_as_it_was(portal_db: str) -> None:
    with opened(portal_db) as engine, engine.begin() as connection:
        connection.execute(text(f"UPDATE {migrations.VERSION_TABLE} SET version_num = '0099_future'"))
        connection.execute(text("CREATE TABLE portal_future (id INTEGER PRIMARY KEY)"))
    with pytest.raises(NewerPortalDatabase, match=r"newer Coaching Portal \(schema 0099_future\)"):
        open_portal_database(portal_db)
    untouched = create_engine(portal_db)
    with untouched.connect() as connection:
        assert connection.execute(text(f"SELECT version_num FROM {migrations.VERSION_TABLE}")).scalar() == (
            "0099_future"
        )
        assert connection.execute(text("SELECT count(*) FROM portal_future")).scalar() == 0
    untouched.dispose()


def test_the_portal_command_says_in_words_that_it_is_older_than_its_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    with opened(database) as engine, engine.begin() as connection:
        connection.execute(text(f"UPDATE {migrations.VERSION_TABLE} SET version_num = '0099_future'"))
    assert main(["--db", database, "org", "list"]) == 2
    assert "update coachdesk-portal" in capsys.readouterr().err
