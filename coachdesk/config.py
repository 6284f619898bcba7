"""Where the notebook lives: the user data dir, unless `--data-dir` or `COACHDESK_DATA_DIR` says otherwise."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "CoachDesk"
DATA_DIR_VARIABLE = "COACHDESK_DATA_DIR"
NOTEBOOK_FILE_NAME = "notebook.sqlite3"
BACKUPS_DIR_NAME = "backups"


def data_dir(override: str | os.PathLike[str] | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    if override:
        return Path(override).expanduser()
    if environ.get(DATA_DIR_VARIABLE):
        return Path(environ[DATA_DIR_VARIABLE]).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def notebook_path(folder: Path) -> Path:
    return folder / NOTEBOOK_FILE_NAME


def backups_dir(notebook: Path) -> Path:
    return notebook.parent / BACKUPS_DIR_NAME
