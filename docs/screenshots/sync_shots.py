"""The sync screenshots: a real Coaching Portal on loopback, the demo notebook enrolled from Sync ▸ Set up sync…,
a clash made by the manager's other device, and the leader's view with a second manager beside the first.

Needs the portal (`pip install -e '.[portal,sync]'`). Called by `capture.py` once the main window is open.
"""

from __future__ import annotations

import socket
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import uvicorn
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from coachdesk.models import LogEntry
from coachdesk.services import Services, build_services
from coachdesk.services.log import SessionDraft
from coachdesk.services.people import PersonDraft
from coachdesk.storage import open_notebook
from coachdesk.sync.credentials import TokenFile
from coachdesk.sync.device import enroll_device, sync_now
from coachdesk.ui.context import UiContext
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.sync.enroll_dialog import EnrollDialog
from coachdesk.ui.sync.leader_dialog import LeaderDialog
from coachdesk.ui.sync.preview_dialog import WhatLeavesDialog
from coachdesk.ui.sync.review_dialog import ReviewDialog
from coachdesk_portal.app import create_app
from coachdesk_portal.organisation import add_person, create_enrollment_code
from coachdesk_portal.records import PortalRecord
from coachdesk_portal.store import open_portal_database

Settle = Callable[[], None]
Save = Callable[[QWidget, str], None]
ORGANISATION = (
    ("elif.kohler@example.com", "Elif Köhler", None),
    ("anjali.sharma@example.com", "Anjali Sharma", "elif.kohler@example.com"),
    ("marcus.bell@example.com", "Marcus Bell", "elif.kohler@example.com"),
)


@contextmanager
def running_portal(folder: Path) -> Iterator[tuple[str, Engine]]:
    engine = open_portal_database(f"sqlite:///{folder / 'portal.sqlite3'}")
    now = datetime.now(UTC).replace(tzinfo=None)
    with Session(engine) as session, session.begin():
        for email, name, boss in ORGANISATION:
            add_person(session, email, name, boss, now)
    listener = socket.create_server(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(engine), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", engine
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
        engine.dispose()


def code_for(engine: Engine, email: str) -> str:
    with Session(engine) as session, session.begin():
        return create_enrollment_code(session, email, datetime.now(UTC).replace(tzinfo=None))


def second_manager(folder: Path, url: str, engine: Engine) -> None:
    """Marcus Bell's small team and this week's coaching, synced, so the leader's view has two rows."""
    services = build_services(open_notebook(folder / "marcus" / "notebook.sqlite3"))
    owner = services.people.add(PersonDraft("Marcus Bell", "M1", is_agent=False, is_manager=True))
    services.people.set_owner(owner.id)
    today = date.today()
    for number, name in enumerate(("Ines Duarte", "Tom Becker", "Yuki Mori")):
        agent = services.people.add(PersonDraft(name, f"M1{number}", reports_to_id=owner.id))
        services.log.record_session(SessionDraft((agent.id,), "Call review.", held_on=today - timedelta(days=number)))
    tokens = TokenFile(services.notebook, folder / "marcus-token")
    enroll_device(services.notebook, url, code_for(engine, "marcus.bell@example.com"), tokens=tokens)
    sync_now(services.notebook, tokens)
    services.notebook.close()


def clash_from_the_desktop(window_services: Services, url: str, engine: Engine) -> None:
    """The manager's desktop, up to date, rewrites what happened in the latest session not yet signed off (signed
    ones change by amendment); the laptop, not yet up to date, then rewrites it too."""
    with window_services.notebook.read() as session:
        open_entries = select(LogEntry).where(LogEntry.signed_off_at.is_(None), LogEntry.is_private.is_(False))
        entry = session.scalars(open_entries.order_by(LogEntry.held_on.desc())).first()
        assert entry is not None
    with Session(engine) as session:
        base = session.scalars(select(PortalRecord.version).where(PortalRecord.record_id == entry.id)).one()
    enrolled = httpx.post(
        f"{url}/v1/enroll",
        json={"code": code_for(engine, "anjali.sharma@example.com"), "device_id": "desktop", "device_name": "Desk"},
    ).json()
    change = {
        "change_id": "desktop-edit-1",
        "table": "log_entries",
        "record_id": entry.id,
        "kind": "edit",
        "base_version": base,
        "fields": {"what_happened": "Listened to three calls together; agreed to try the summary technique."},
        "made_at": datetime.now(UTC).replace(tzinfo=None).isoformat(),
    }
    headers = {"Authorization": f"Bearer {enrolled['token']}"}
    httpx.post(f"{url}/v1/push", json={"changes": [change]}, headers=headers).raise_for_status()
    window_services.log.edit(entry.id, {"what_happened": "Role-played the refund call twice; much calmer the second."})


def capture_sync(window: MainWindow, settle: Settle, save: Save) -> None:
    """Each notebook and token file in a folder of its own: a token is never kept beside its notebook."""
    with tempfile.TemporaryDirectory() as scratch:
        take_sync_shots(window, Path(scratch), settle, save)


def take_sync_shots(window: MainWindow, folder: Path, settle: Settle, save: Save) -> None:
    assert window.sync is not None
    assert window.context is not None
    assert window.services is not None
    with running_portal(folder) as (url, engine):
        window.sync.menu.set_up_sync()
        dialog = window.findChild(EnrollDialog)
        assert isinstance(dialog, EnrollDialog)
        dialog.portal.setText(url)
        dialog.code.setText(code_for(engine, "anjali.sharma@example.com"))
        settle()
        save(dialog, "sync-set-up")
        dialog.token_file.setText(str(folder / "home-token"))
        dialog.enroll()
        settle()
        settle()
        clash_from_the_desktop(window.services, url, engine)
        window.sync.controller.sync_now(asked=True)
        window.show_page("today")
        settle()
        save(window, "sync-status")

        review = ReviewDialog(window.context, window)
        review.open()
        settle()
        save(review, "sync-review")
        review.reject()

        leaves = WhatLeavesDialog(window.context, window, enrolled=True)
        leaves.open()
        settle()
        save(leaves, "sync-what-leaves")
        leaves.reject()

        second_manager(folder, url, engine)
        leader = leader_context(window.context, folder, url, engine)
        dialog_for_leader = LeaderDialog(leader, leader.tasks, window)
        dialog_for_leader.open()
        settle()
        save(dialog_for_leader, "sync-leader")
        dialog_for_leader.reject()
        leader.services.notebook.close()


def leader_context(context: UiContext, folder: Path, url: str, engine: Engine) -> UiContext:
    """Elif Köhler's own notebook, enrolled, with the window's worker and settings: what her CoachDesk would hold."""
    services = build_services(open_notebook(folder / "elif" / "notebook.sqlite3"))
    tokens = TokenFile(services.notebook, folder / "elif-token")
    enroll_device(services.notebook, url, code_for(engine, "elif.kohler@example.com"), tokens=tokens)
    return UiContext(services, context.tasks, context.errors, context.notices, context.settings, context.navigator)
