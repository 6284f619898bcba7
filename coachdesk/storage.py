"""Opening a notebook file safely: refuse strangers and newer files, back up, then upgrade.

A file is only ever written once it is known to be a CoachDesk notebook this version understands. Before an
upgrade the file is copied with SQLite's backup API, so a failed migration leaves the copy to go back to.
"""

from __future__ import annotations

import enum
import sqlite3
from pathlib import Path

from sqlalchemy import Connection

from coachdesk import migrations
from coachdesk.config import backups_dir
from coachdesk.db import APPLICATION_ID, BUSY_TIMEOUT_MS, Notebook, copy_database, create_notebook_engine
from coachdesk.errors import NewerNotebook, NotANotebook
from coachdesk.models import utcnow

SQLITE_HEADER = b"SQLite format 3\x00"


class FileState(enum.Enum):
    NEW = "new"
    CURRENT = "current"
    OLDER = "older"


def open_notebook(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Notebook:
    """Opens (creating or upgrading as needed) the notebook at `path`, its edits watched by the sync outbox."""
    from coachdesk.sync.capture import install_capture

    state = inspect_notebook_file(path)
    if state is FileState.OLDER:
        back_up_before_upgrade(path)
    if state is FileState.NEW:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_notebook_engine(path, busy_timeout_ms)
    if state is not FileState.CURRENT:
        with engine.connect() as connection:
            upgrade_schema(connection)
    notebook = Notebook(path, engine)
    install_capture(notebook)
    return notebook


def inspect_notebook_file(path: Path) -> FileState:
    """Reads the file without writing to it and says whether it is new, current or older; refuses anything else."""
    if not path.exists() or path.stat().st_size == 0:
        return FileState.NEW
    if path.is_dir():
        raise NotANotebook(f"{path} is a folder, not a CoachDesk notebook.")
    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotANotebook(f"{path} is not a CoachDesk notebook (it is not a database file). It was not changed.")
    try:
        revision = _read_revision(path)
    except sqlite3.DatabaseError as error:
        raise NotANotebook(
            f"{path} is damaged and cannot be read ({error}). It was not changed; "
            "restore it from a copy in the backups folder."
        ) from error
    if revision is None:
        return FileState.NEW
    if revision not in migrations.REVISIONS:
        raise NewerNotebook(
            f"{path} was written by a newer version of CoachDesk (schema {revision}). "
            "Update CoachDesk to open it; the file was not changed."
        )
    return FileState.CURRENT if revision == migrations.HEAD else FileState.OLDER


def _read_revision(path: Path) -> str | None:
    """The schema revision, or None for an empty database; raises NotANotebook for someone else's database."""
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if application_id != APPLICATION_ID or "alembic_version" not in tables:
            raise NotANotebook(f"{path} is a database, but not a CoachDesk notebook. It was not changed.")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    finally:
        connection.close()


def back_up_before_upgrade(path: Path) -> Path:
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    target = backups_dir(path) / f"{path.stem}-before-upgrade-{stamp}{path.suffix}"
    copy_database(path, target)
    return target


def upgrade_schema(connection: Connection, revision: str = "head") -> None:
    """Runs Alembic (to head unless told) with foreign keys off, as batch migrations rebuild tables; then checks."""
    from alembic import command
    from alembic.config import Config

    connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)
    connection.commit()
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    connection.exec_driver_sql("PRAGMA foreign_keys = ON")
    if problems:
        raise RuntimeError(f"migration left {len(problems)} broken references")
