"""Opening notebook files: new, current, older (backed up, then upgraded), and the files that must be refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from coachdesk import migrations
from coachdesk.config import backups_dir
from coachdesk.db import APPLICATION_ID, create_notebook_engine
from coachdesk.errors import NewerNotebook, NotANotebook, NotebookBusy
from coachdesk.models import Base
from coachdesk.services import build_services
from coachdesk.services.people import PersonDraft
from coachdesk.storage import open_notebook, upgrade_schema
from tests.conftest import NOW


def pragma(path: Path, name: str) -> object:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_a_new_notebook_is_created_at_the_latest_schema(notebook_file: Path) -> None:
    notebook = open_notebook(notebook_file)
    with notebook.engine.connect() as connection:
        settings = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("foreign_keys", "journal_mode", "busy_timeout")
        }
    notebook.close()
    assert settings == {"foreign_keys": 1, "journal_mode": "wal", "busy_timeout": 5000}
    assert pragma(notebook_file, "application_id") == APPLICATION_ID
    assert revision_of(notebook_file) == migrations.HEAD
    assert not backups_dir(notebook_file).exists()


def test_the_folder_is_made_when_missing(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "inside" / "notebook.sqlite3"
    open_notebook(path).close()
    assert revision_of(path) == migrations.HEAD


def test_reopening_a_current_notebook_keeps_its_data_and_makes_no_backup(notebook_file: Path) -> None:
    open_notebook(notebook_file).close()
    with sqlite3.connect(notebook_file) as connection:
        connection.execute(
            "INSERT INTO teams (id, name, site, setting, archived, created_at, updated_at, deleted) "
            "VALUES ('t1', 'Harbour', '', 'field', 0, '2026-01-01', '2026-01-01', 0)"
        )
    open_notebook(notebook_file).close()
    with sqlite3.connect(notebook_file) as connection:
        assert connection.execute("SELECT name FROM teams").fetchall() == [("Harbour",)]
    assert not backups_dir(notebook_file).exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"name,employee_id\nPriya,A1\n", "not a database file"),
        (b"SQLite format 3\x00" + b"\x13" * 4000, "damaged"),
    ],
)
def test_a_file_that_is_not_a_notebook_is_refused_and_left_untouched(
    notebook_file: Path, content: bytes, words: str
) -> None:
    notebook_file.write_bytes(content)
    with pytest.raises(NotANotebook, match=words):
        open_notebook(notebook_file)
    assert notebook_file.read_bytes() == content


def test_another_programs_database_is_refused_and_left_untouched(notebook_file: Path) -> None:
    with sqlite3.connect(notebook_file) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Ada')")
    before = notebook_file.read_bytes()
    with pytest.raises(NotANotebook, match="not a CoachDesk notebook"):
        open_notebook(notebook_file)
    assert notebook_file.read_bytes() == before


def test_a_notebook_from_a_newer_version_is_refused_and_left_untouched(notebook_file: Path) -> None:
    open_notebook(notebook_file).close()
    connection = sqlite3.connect(notebook_file)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = notebook_file.read_bytes()
    with pytest.raises(NewerNotebook, match="newer version of CoachDesk"):
        open_notebook(notebook_file)
    assert notebook_file.read_bytes() == before


def test_an_older_notebook_is_backed_up_before_it_is_upgraded(notebook_file: Path) -> None:
    engine = create_notebook_engine(notebook_file)
    with engine.connect() as connection:
        upgrade_schema(connection, migrations.REVISIONS[0])
    engine.dispose()
    with sqlite3.connect(notebook_file) as connection:
        connection.execute(
            "INSERT INTO people (id, full_name, email, role, is_agent, is_manager, archived, notes, "
            "created_at, updated_at, deleted) VALUES ('p1', 'Zoë Álvarez', '', '', 1, 0, 0, '', '2026-01-01', "
            "'2026-01-01', 0)"
        )

    notebook = open_notebook(notebook_file)

    backups = list(backups_dir(notebook_file).iterdir())
    assert len(backups) == 1
    assert revision_of(backups[0]) == migrations.REVISIONS[0]
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT full_name FROM people").fetchall() == [("Zoë Álvarez",)]
    assert revision_of(notebook_file) == migrations.HEAD
    from coachdesk.services import build_services

    hits = build_services(notebook).search.search("alvarez")
    notebook.close()
    assert [h.title for h in hits] == ["Zoë Álvarez"]


def test_the_migrations_build_exactly_the_models_schema(notebook_file: Path) -> None:
    notebook = open_notebook(notebook_file)
    with notebook.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_name": lambda name, kind, _parent: not (kind == "table" and name.startswith("search_"))},
        )
        differences = compare_metadata(context, Base.metadata)
    notebook.close()
    assert differences == []


def test_the_known_revisions_are_the_scripts_own_chain() -> None:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    script = ScriptDirectory.from_config(config)
    chain = [revision.revision for revision in script.walk_revisions()]
    assert tuple(reversed(chain)) == migrations.REVISIONS


def test_a_backup_is_a_consistent_copy_while_another_connection_writes(notebook_file: Path, tmp_path: Path) -> None:
    notebook = open_notebook(notebook_file)
    writer = sqlite3.connect(notebook_file)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO teams (id, name, site, setting, archived, created_at, updated_at, deleted) "
        "VALUES ('t1', 'Uncommitted', '', 'field', 0, '2026-01-01', '2026-01-01', 0)"
    )
    copy = tmp_path / "copy.sqlite3"
    notebook.backup_to(copy)
    writer.rollback()
    writer.close()
    notebook.close()
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM teams").fetchone() == (0,)
    assert revision_of(copy) == migrations.HEAD


def test_a_write_while_another_program_holds_the_notebook_says_so_and_changes_nothing(notebook_file: Path) -> None:
    notebook = open_notebook(notebook_file, busy_timeout_ms=50)
    people = build_services(notebook, clock=lambda: NOW).people
    blocker = sqlite3.connect(notebook_file, isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        with pytest.raises(NotebookBusy, match="busy in another CoachDesk window"):
            people.add(PersonDraft("Priya Shah", "A1"))
        blocker.execute("ROLLBACK")
        assert people.list_people() == []
        people.add(PersonDraft("Priya Shah", "A1"))
        assert [person.full_name for person in people.list_people()] == ["Priya Shah"]
    finally:
        blocker.close()
        notebook.close()
