"""Sync in the desktop window against a real portal: set up from the Sync menu, and the status bar says where sync
stands as a manager works, syncs, and loses the network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from coachdesk.services import Services, build_services
from coachdesk.services.log import SessionDraft
from coachdesk.storage import open_notebook
from coachdesk.sync.credentials import TokenFile, token_store_for
from coachdesk.sync.device import enroll_device, sync_now
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.sync.enroll_dialog import EnrollDialog
from coachdesk.ui.sync.review_dialog import ReviewDialog
from coachdesk.ui.tasks import ImmediateTaskRunner
from coachdesk_portal.app import create_app
from tests.conftest import NOW, Team
from tests.portal.conftest import Organisation, serving
from tests.ui.conftest import press, show_active, ui_settings  # noqa: F401 (a fixture)

pytestmark = pytest.mark.parametrize("portal_db", ["sqlite"], indirect=True)
DANA = "dana@example.org"


@pytest.fixture
def window(qtbot: QtBot, services: Services, team: Team, ui_settings: UiSettings) -> Iterator[MainWindow]:  # noqa: F811
    notebook_file = services.notebook.path
    window = MainWindow(
        ImmediateTaskRunner(), ErrorReporter(notebook_file.parent), notebook_file, ui_settings, clock=lambda: NOW
    )
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.open_notebook()
    yield window
    window.close_notebook()


@pytest.fixture
def token_file(no_keyring: KeyringBackend, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A laptop without a keyring: the device token goes to a file the manager chose, away from the notebook."""
    return tmp_path_factory.mktemp("home") / "coachdesk.token"


def enroll_from_the_menu(qtbot: QtBot, window: MainWindow, portal_url: str, code: str, token_file: Path) -> None:
    """Sync ▸ Sync now on a notebook that never enrolled opens Set up sync; with no keyring, a token file is chosen."""
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(EnrollDialog)
    assert isinstance(dialog, EnrollDialog)
    qtbot.waitExposed(dialog)
    dialog.portal.setText(portal_url)
    dialog.code.setText(code)
    dialog.enroll_button.click()
    assert "no keyring" in dialog.problem.text().lower()
    assert dialog.token_row.isVisible()
    dialog.token_file.setText(str(token_file))
    dialog.enroll_button.click()
    assert not dialog.isVisible(), dialog.problem.text()


@pytest.fixture
def enrolled_window(
    qtbot: QtBot, window: MainWindow, portal_url: str, organisation: Organisation, token_file: Path
) -> MainWindow:
    """Dana's laptop, enrolled from the Sync menu and synced once."""
    enroll_from_the_menu(qtbot, window, portal_url, organisation.code_for(DANA), token_file)
    assert window.sync is not None
    window.sync.controller.sync_now(asked=True)
    return window


@pytest.fixture
def desktop(
    portal_url: str, organisation: Organisation, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Services]:
    """Dana's desktop, enrolled after the laptop's first sync, so its first sync brings the laptop's notebook."""
    folder = tmp_path_factory.mktemp("desktop")
    services = build_services(open_notebook(folder / "notebook.sqlite3"), lambda: NOW)
    tokens = TokenFile(services.notebook, tmp_path_factory.mktemp("desktop-home") / "coachdesk.token")
    enroll_device(services.notebook, portal_url, organisation.code_for(DANA), tokens=tokens)
    sync_now(services.notebook, tokens)
    yield services
    services.notebook.close()


def test_a_manager_sets_up_sync_from_the_menu_and_the_status_bar_follows_it(
    qtbot: QtBot,
    window: MainWindow,
    portal_url: str,
    organisation: Organisation,
    token_file: Path,
) -> None:
    assert window.sync is not None
    button = window.sync.status_button
    assert not button.isVisible(), "a notebook that never enrolled says nothing about sync"
    enroll_from_the_menu(qtbot, window, portal_url, organisation.code_for(DANA), token_file)
    assert token_file.exists()
    assert button.isVisible()
    assert button.text().endswith("changes waiting")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert button.text().startswith("Synced ")
    assert window.sync.controller.view.status is not None
    assert window.sync.controller.view.status.waiting == 0
    assert not window.sync.menu.set_up.isEnabled()


def test_a_pulled_cable_shows_offline_and_keeps_the_work_waiting(
    qtbot: QtBot,
    window: MainWindow,
    portal_engine: Engine,
    organisation: Organisation,
    token_file: Path,
) -> None:
    assert window.sync is not None
    with serving(create_app(portal_engine)) as portal_url:
        enroll_from_the_menu(qtbot, window, portal_url, organisation.code_for(DANA), token_file)
    waiting = window.sync.status_button.text()
    window.sync.controller.sync_now()
    assert window.sync.status_button.text() == f"Offline · {waiting}"
    assert "Your work is kept here" in window.sync.status_button.toolTip()


def test_one_entry_edited_on_two_desks_shows_one_to_review_and_a_click_shows_both_texts(
    qtbot: QtBot, enrolled_window: MainWindow, desktop: Services, services: Services, team: Team
) -> None:
    assert enrolled_window.sync is not None
    controller = enrolled_window.sync.controller
    entry = services.log.record_session(SessionDraft((team.priya.id,), "Call review"))
    controller.sync_now(asked=True)
    sync_now(desktop.notebook, token_store_for(desktop.notebook))
    desktop.log.edit(entry.id, {"what_happened": "Desktop: listened to three calls together."})
    sync_now(desktop.notebook, token_store_for(desktop.notebook))
    services.log.edit(entry.id, {"what_happened": "Laptop: role-played the refund call."})
    button = enrolled_window.sync.status_button
    controller.sync_now(asked=True)
    assert button.text().endswith(" · 1 to review"), button.text()
    button.click()
    review = enrolled_window.findChild(ReviewDialog)
    assert isinstance(review, ReviewDialog)
    qtbot.waitUntil(lambda: review.copies.count() == 1)
    shown = {review.in_place.toPlainText(), review.other.toPlainText()}
    assert shown == {"Desktop: listened to three calls together.", "Laptop: role-played the refund call."}
