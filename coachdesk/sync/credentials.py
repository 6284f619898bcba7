"""Where a device's portal token is kept: the operating system's keyring, or a file the user chose, never the notebook.

The notebook can be copied, backed up and mailed; the token lets whoever holds it write the manager's notebook on
the portal, so it stays out of it. Where no keyring works (a headless box, a locked or missing Secret Service) the
person is told so and offered a token file of their own choosing, readable by them alone; only that file's path is
remembered, in the notebook's local-only settings (docs/sync-protocol.md, section 3).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Protocol

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from coachdesk.db import Notebook
from coachdesk.errors import ValidationError
from coachdesk.models import Setting
from coachdesk.sync.transport import SyncRefused

SERVICE = "CoachDesk Coaching Portal"
"""The keyring's service name for device tokens; the user name is the device id."""

TOKEN_FILE_KEY = "sync_token_file"
"""The setting holding the path of the token file the user chose instead of the keyring."""


class NoKeyring(SyncRefused):
    """No keyring can keep the token here; the words offer the token file instead."""

    code = "no_keyring"


class TokenStore(Protocol):
    def load(self, device_id: str) -> str | None: ...

    def save(self, device_id: str, token: str) -> None: ...

    def forget(self, device_id: str) -> None: ...


class KeyringTokens:
    """Tokens in the operating system's keyring, refused at once when no working keyring is there."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = working(backend or keyring.get_keyring())

    def load(self, device_id: str) -> str | None:
        try:
            return self._backend.get_password(SERVICE, device_id)
        except KeyringError as error:
            raise no_keyring(error) from error

    def save(self, device_id: str, token: str) -> None:
        try:
            self._backend.set_password(SERVICE, device_id, token)
        except KeyringError as error:
            raise no_keyring(error) from error
        if self.load(device_id) != token:
            raise no_keyring("it did not give the token back")

    def forget(self, device_id: str) -> None:
        try:
            self._backend.delete_password(SERVICE, device_id)
        except PasswordDeleteError:
            return
        except KeyringError as error:
            raise no_keyring(error) from error


def working(backend: KeyringBackend) -> KeyringBackend:
    """The backend, once it has answered a lookup: keyring picks its fail or null backend, or a Secret Service
    that is locked or absent, without complaint, and each would lose the token or fail only when it is needed."""
    if isinstance(backend, fail.Keyring | null.Keyring):
        raise no_keyring("no keyring service was found")
    try:
        backend.get_password(SERVICE, "coachdesk-keyring-check")
    except KeyringError as error:
        raise no_keyring(error) from error
    return backend


def no_keyring(reason: object) -> NoKeyring:
    return NoKeyring(
        f"No keyring is available on this computer to keep the Coaching Portal's device token ({reason}). Unlock or "
        "start your keyring (GNOME Keyring, KWallet, the macOS Keychain or Windows Credential Manager) and try "
        "again, or keep the token in a file that only you can read, outside the notebook's folder: "
        "coachdesk sync --portal URL --code CODE --token-file PATH"
    )


class TokenFile:
    """The token in a file the user chose, created readable by them alone; the notebook remembers only its path."""

    def __init__(self, notebook: Notebook, path: Path) -> None:
        self._notebook = notebook
        self.path = path.expanduser().absolute()
        refuse_notebook_folder(notebook, self.path)

    def load(self, device_id: str) -> str | None:
        held = self.held()
        return held.get("token") if held.get("device_id") == device_id else None

    def save(self, device_id: str, token: str) -> None:
        """Writes a new file readable by its owner alone (mkstemp's mode 0600), renamed over the old one whole."""
        self.held()  # refuses to replace a file that is not a token file
        if not self.path.parent.is_dir():
            raise ValidationError(f"The folder {self.path.parent} does not exist; create it first.", "token_file")
        written = json.dumps({"device_id": device_id, "token": token}).encode()
        try:
            descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".coachdesk-token-")
            try:
                os.write(descriptor, written)
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            os.replace(temporary, self.path)
        except OSError as error:
            raise ValidationError(
                f"The token file {self.path} cannot be written ({error.strerror}); choose another place.", "token_file"
            ) from error
        with self._notebook.write(capture_changes=False) as session:
            session.merge(Setting(key=TOKEN_FILE_KEY, value=json.dumps(str(self.path))))

    def forget(self, device_id: str) -> None:
        """Deletes the file and the notebook's memory of it, unless it already holds another device's token."""
        if self.held().get("device_id", device_id) != device_id:
            return
        self.path.unlink(missing_ok=True)
        with self._notebook.write(capture_changes=False) as session:
            setting = session.get(Setting, TOKEN_FILE_KEY)
            if setting is not None:
                session.delete(setting)

    def held(self) -> dict[str, str]:
        """The file's device id and token; nothing for a missing file, and a refusal for a file that is not one."""
        try:
            held = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            held = None
        if not isinstance(held, dict) or set(held) != {"device_id", "token"}:
            raise ValidationError(
                f"{self.path} is not a CoachDesk token file, so it was left alone; choose a new file name.",
                "token_file",
            )
        return {str(key): str(value) for key, value in held.items()}


def refuse_notebook_folder(notebook: Notebook, path: Path) -> None:
    """Whatever copies, backs up or shares the notebook's folder must not carry the token with it."""
    folder = notebook.path.parent.resolve()
    if path.resolve().is_relative_to(folder):
        raise ValidationError(
            f"The token file cannot be kept in the notebook's folder ({folder}): the token must never travel with "
            "the notebook. Choose a file elsewhere, for example in your home folder.",
            "token_file",
        )


def token_store_for(notebook: Notebook) -> TokenStore:
    """The token file this notebook was enrolled with, else the keyring, refused in words when none works."""
    with notebook.read() as session:
        setting = session.get(Setting, TOKEN_FILE_KEY)
    if setting is not None:
        return TokenFile(notebook, Path(json.loads(setting.value)))
    return KeyringTokens()


def held_token_store(notebook: Notebook) -> TokenStore | None:
    """Where this notebook's token would be held; None where no keyring works, as then none can be held in one."""
    try:
        return token_store_for(notebook)
    except NoKeyring:
        return None
