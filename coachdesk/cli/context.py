"""What a command runs against: the notebook folder, opened on first use, and the services built on it.

The service layer is imported on first use too, so `coachdesk` starting the desktop app, or `--help`, does not
wait for the database machinery to load.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.config import data_dir, notebook_path

if TYPE_CHECKING:
    from coachdesk.db import Notebook
    from coachdesk.services import Services


class CommandContext:
    def __init__(self, data_dir_override: str | None) -> None:
        self.folder = data_dir(data_dir_override)
        self._notebook: Notebook | None = None
        self._services: Services | None = None

    @property
    def notebook_file(self) -> Path:
        return notebook_path(self.folder)

    @property
    def services(self) -> Services:
        if self._services is None:
            from coachdesk.services import build_services
            from coachdesk.storage import open_notebook

            self._notebook = open_notebook(self.notebook_file)
            self._services = build_services(self._notebook)
        return self._services

    def close(self) -> None:
        if self._notebook is not None:
            self._notebook.close()
