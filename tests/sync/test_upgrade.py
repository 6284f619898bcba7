"""A notebook from before sync is backed up, then upgraded with an empty outbox, and is not enrolled."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coachdesk import migrations
from coachdesk.config import backups_dir
from coachdesk.db import create_notebook_engine
from coachdesk.services import build_services
from coachdesk.services.log import SessionDraft
from coachdesk.storage import open_notebook, upgrade_schema
from coachdesk.sync.outbox import enroll, pending_changes, waiting_count
from tests.conftest import NOW
from tests.sync.conftest import ENROLLMENT

BEFORE_SYNC = "0002_search"


def notebook_before_sync(path: Path) -> None:
    engine = create_notebook_engine(path)
    with engine.connect() as connection:
        upgrade_schema(connection, BEFORE_SYNC)
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO people (id, full_name, email, role, is_agent, is_manager, archived, notes, "
            "created_at, updated_at, deleted) VALUES ('p1', 'Priya Shah', '', '', 1, 0, 0, '', '2026-01-01', "
            "'2026-01-01', 0)"
        )
        connection.execute(
            "INSERT INTO people (id, full_name, email, role, is_agent, is_manager, archived, notes, "
            "created_at, updated_at, deleted) VALUES ('m1', 'Dana Whitfield', '', '', 0, 1, 0, '', '2026-01-01', "
            "'2026-01-01', 0)"
        )


def test_a_notebook_from_before_sync_is_backed_up_then_upgraded_without_an_outbox_backlog(
    notebook_file: Path,
) -> None:
    notebook_before_sync(notebook_file)

    notebook = open_notebook(notebook_file)

    [backup] = backups_dir(notebook_file).iterdir()
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (BEFORE_SYNC,)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "sync_outbox" not in tables
    with sqlite3.connect(notebook_file) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (migrations.HEAD,)
        assert connection.execute("SELECT count(*) FROM sync_outbox").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM sync_state").fetchone() == (0,)
    services = build_services(notebook, clock=lambda: NOW)
    services.people.set_owner("m1")
    entry = services.log.record_session(SessionDraft(("p1",), "Call review after the upgrade."))
    with notebook.read() as session:
        assert waiting_count(session) == 0
    with notebook.write(capture_changes=False) as session:
        queued = enroll(session, ENROLLMENT, NOW)
    with notebook.read() as session:
        queued_ids = [change.record_id for change in pending_changes(session)]
    assert len(queued_ids) == len(set(queued_ids)) == queued
    assert {"p1", "m1", entry.id} <= set(queued_ids)
    notebook.close()
