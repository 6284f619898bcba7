"""Writing packs to disk without ever leaving half a file: render beside the target, then rename over it."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from coachdesk.errors import CoachDeskError

UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def writable_folder(folder: Path) -> Path:
    """The folder, checked before any work starts, so a long team run does not fail at the end."""
    if folder.exists() and not folder.is_dir():
        raise CoachDeskError(f"{folder} is a file, not a folder; give a folder for the packs.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CoachDeskError(f"Cannot create the folder {folder}: {error.strerror or error}.") from None
    if not os.access(folder, os.W_OK):
        raise CoachDeskError(f"Cannot write in {folder}: permission denied.")
    return folder


def writable_file(path: Path) -> Path:
    if path.is_dir():
        raise CoachDeskError(f"{path} is a folder; give a file name ending in .pdf.")
    if not path.parent.is_dir():
        raise CoachDeskError(f"The folder {path.parent} does not exist.")
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CoachDeskError(f"Cannot write {path}: permission denied.")
    return path


def write_atomically(path: Path, render: Callable[[BinaryIO], int]) -> int:
    """Renders into a temporary file in the same folder and moves it into place; returns what `render` returned."""
    writable_file(path)
    handle, temporary = tempfile.mkstemp(prefix=".coachdesk-pack-", suffix=".pdf", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            result = render(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        raise CoachDeskError(f"Cannot write {path}: {error.strerror or error}.") from None
    finally:
        Path(temporary).unlink(missing_ok=True)
    return result


def pack_file_name(name: str, employee_id: str | None) -> str:
    """A file name that names the person and works on every file system."""
    label = f"{name} ({employee_id})" if employee_id else name
    return UNSAFE_IN_NAMES.sub("-", label).strip(" .") + ".pdf"
