"""Unsaved sessions kept on disk while they are typed, so a crash, a killed process or a closed lid loses nothing.

Each draft is one small JSON file in the data folder, written to a temporary file, flushed to disk and renamed over
the old one: at any moment the file on disk is either the previous draft or the new one, never half of each.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SUFFIX = ".json"


class DraftStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def new_key() -> str:
        return uuid.uuid4().hex

    def save(self, key: str, content: Mapping[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._path(key)
        partial = target.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as file:
            json.dump(content, file, ensure_ascii=False, indent=1)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, target)

    def load(self, key: str) -> dict[str, Any] | None:
        """The draft, or None when it is gone or unreadable (an unreadable one is set aside, not deleted)."""
        path = self._path(key)
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            path.replace(path.with_suffix(".unreadable"))
            return None
        return content if isinstance(content, dict) else None

    def keys(self) -> list[str]:
        """Every draft waiting to be finished, oldest first."""
        if not self.folder.is_dir():
            return []
        drafts = sorted(self.folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
        return [path.stem for path in drafts]

    def discard(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def _path(self, key: str) -> Path:
        if not key.isalnum():
            raise ValueError(f"Not a draft key: {key!r}")
        return self.folder / f"{key}{SUFFIX}"
