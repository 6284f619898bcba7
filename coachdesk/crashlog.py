"""Where unexpected failures are written, so a person sees a sentence and a developer gets the traceback."""

from __future__ import annotations

import logging
from pathlib import Path

LOG_FILE_NAME = "coachdesk.log"


def log_file_in(folder: Path) -> Path:
    return folder / LOG_FILE_NAME


def log_exception(folder: Path, error: BaseException) -> Path:
    """Appends the error and its traceback to the log beside the notebook; returns the log's path."""
    log_file = log_file_in(folder)
    logger = logging.getLogger("coachdesk")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError:
        return log_file
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.error("unexpected failure", exc_info=(type(error), error, error.__traceback__))
    logger.removeHandler(handler)
    handler.close()
    return log_file
