"""The SQLite engine and units of work.

Reads and writes each get a session that lives for one user action. Writes begin with `BEGIN IMMEDIATE`, so two
writers wait for each other (up to the busy timeout) instead of failing half-way through; reads see one snapshot.
Every write session comes from one factory, `Notebook.write_sessions`, so the sync outbox can watch them all in one
place (`coachdesk.sync.capture`); a write that must not be captured, such as applying a pull, says so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from coachdesk.errors import NotebookBusy

APPLICATION_ID = 0x43444B31
"""`PRAGMA application_id` of every CoachDesk notebook ("CDK1"), so a stranger's database is never taken for one."""

BUSY_TIMEOUT_MS = 5000

CAPTURE_CHANGES = "capture_changes"
"""`Session.info` key: False for a unit of work whose writes are not local edits (a pull being applied)."""


def create_notebook_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False},
        pool_pre_ping=False,
    )
    event.listen(engine, "connect", partial(_configure_connection, busy_timeout_ms))
    event.listen(engine, "begin", _begin)
    return engine


def _configure_connection(busy_timeout_ms: int, dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _begin(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


class Notebook:
    """An open notebook file: the engine and the units of work the services run in."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.write_sessions = sessionmaker(engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with busy_in_plain_words(), Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self, *, capture_changes: bool = True) -> Iterator[Session]:
        """One transaction of local edits; `capture_changes=False` keeps them out of the sync outbox."""
        sessions = self.write_sessions
        with busy_in_plain_words(), sessions(info={CAPTURE_CHANGES: capture_changes}) as session, session.begin():
            yield session

    def backup_to(self, target: Path) -> None:
        """A consistent copy even while another process writes, through SQLite's online backup."""
        copy_database(self.path, target)

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def busy_in_plain_words() -> Iterator[None]:
    """Turns SQLite's "database is locked", after the busy timeout, into a sentence a person can act on."""
    try:
        yield
    except OperationalError as error:
        if "locked" in str(error.orig) or "busy" in str(error.orig):
            raise NotebookBusy(
                "The notebook is busy in another CoachDesk window or command. Try again in a moment."
            ) from error
        raise


def copy_database(source: Path, target: Path) -> None:
    """Copies through the backup API into a temporary file, then renames, so the target is never half-written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
