"""The device token is kept by a real keyring, or by a file the user chose, and never by the notebook."""

from __future__ import annotations

import gc
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, null

from coachdesk.db import Notebook
from coachdesk.errors import ValidationError
from coachdesk.sync.credentials import SERVICE, KeyringTokens, NoKeyring, TokenFile, token_store_for
from tests.conftest import keyring_in_use
from tests.secret_service import start_secret_service

TOKEN = "t0ken-that-must-never-reach-the-notebook"


@pytest.fixture
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder away from the notebook's, as a person would choose for their token file."""
    return tmp_path_factory.mktemp("elsewhere")


def test_the_real_keyring_keeps_the_token_under_the_device_id_and_forgets_it(
    notebook: Notebook, secret_service: KeyringBackend
) -> None:
    tokens = token_store_for(notebook)
    assert isinstance(tokens, KeyringTokens)

    tokens.save("device-laptop", TOKEN)

    assert SecretService.Keyring().get_password(SERVICE, "device-laptop") == TOKEN
    assert tokens.load("device-laptop") == TOKEN
    assert tokens.load("device-desktop") is None
    tokens.forget("device-laptop")
    tokens.forget("device-laptop")
    assert SecretService.Keyring().get_password(SERVICE, "device-laptop") is None


@pytest.fixture
def locked_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[KeyringBackend]:
    """A keyring daemon nobody unlocked: the Secret Service is there, but it refuses every lookup."""
    bus = start_secret_service(tmp_path / "locked", unlocked=False)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    with keyring_in_use(SecretService.Keyring()) as backend:
        yield backend
    bus.stop()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()  # keyring leaves a refused lookup's D-Bus connection for the garbage collector to close


def test_a_locked_keyring_is_refused_in_words_before_anything_is_stored(
    notebook: Notebook, locked_keyring: KeyringBackend
) -> None:
    with pytest.raises(NoKeyring, match=r"^No keyring is available on this computer .*Prompt dismissed"):
        token_store_for(notebook)


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_the_words_say_so_and_offer_a_token_file(notebook: Notebook) -> None:
    with pytest.raises(NoKeyring) as refused:
        token_store_for(notebook)

    assert refused.value.message.startswith("No keyring is available on this computer to keep")
    assert refused.value.message.endswith("coachdesk sync --portal URL --code CODE --token-file PATH")


def test_the_null_keyring_that_would_drop_the_token_is_refused_too() -> None:
    with pytest.raises(NoKeyring, match="no keyring service was found"):
        KeyringTokens(null.Keyring())


@pytest.mark.usefixtures("no_keyring")
def test_a_token_file_is_readable_by_its_owner_alone_and_the_notebook_remembers_only_its_path(
    notebook: Notebook, elsewhere: Path
) -> None:
    path = elsewhere / "portal-token"

    TokenFile(notebook, path).save("device-laptop", TOKEN)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    remembered = token_store_for(notebook)
    assert isinstance(remembered, TokenFile)
    assert remembered.path == path
    assert remembered.load("device-laptop") == TOKEN
    assert remembered.load("device-desktop") is None
    notebook.close()
    assert TOKEN.encode() not in notebook.path.read_bytes()


@pytest.mark.usefixtures("no_keyring")
def test_forgetting_the_token_deletes_its_file_and_the_notebook_goes_back_to_the_keyring(
    notebook: Notebook, elsewhere: Path
) -> None:
    path = elsewhere / "portal-token"
    tokens = TokenFile(notebook, path)
    tokens.save("device-laptop", TOKEN)

    tokens.forget("device-laptop")

    assert not path.exists()
    with pytest.raises(NoKeyring):
        token_store_for(notebook)


def test_a_token_file_in_the_notebooks_folder_or_over_another_file_is_refused(
    notebook: Notebook, elsewhere: Path
) -> None:
    with pytest.raises(ValidationError, match="cannot be kept in the notebook's folder") as beside:
        TokenFile(notebook, notebook.path.parent / "token")
    someone_elses = elsewhere / "notes.txt"
    someone_elses.write_text("my own notes")

    with pytest.raises(ValidationError, match="is not a CoachDesk token file, so it was left alone"):
        TokenFile(notebook, someone_elses).save("device-laptop", TOKEN)

    assert beside.value.field == "token_file"
    assert someone_elses.read_text() == "my own notes"
