"""Notebook settings kept in the file: who the notebook belongs to and the coaching cadence policy."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from coachdesk.db import Notebook
from coachdesk.models import Setting
from coachdesk.services.base import Clock, Service

OWNER_KEY = "owner_id"
CADENCE_KEY = "cadence_policy"
ORGANISATION_KEY = "organisation_name"


@dataclass(frozen=True)
class CadencePolicy:
    """Target days between sessions by tenure: new agents weekly, developing fortnightly, established monthly."""

    new_days: int = 7
    developing_days: int = 14
    established_days: int = 30
    new_until_days: int = 90
    developing_until_days: int = 365


class SettingsService(Service):
    def get(self, key: str, default: Any = None) -> Any:
        with self._notebook.read() as session:
            setting = session.get(Setting, key)
            return default if setting is None else json.loads(setting.value)

    def put(self, key: str, value: Any) -> None:
        with self._notebook.write() as session:
            session.merge(Setting(key=key, value=json.dumps(value)))

    def cadence_policy(self) -> CadencePolicy:
        return CadencePolicy(**self.get(CADENCE_KEY, {}))

    def set_cadence_policy(self, policy: CadencePolicy) -> None:
        self.put(CADENCE_KEY, asdict(policy))

    def organisation(self) -> str:
        """The organisation's name as review packs print it on every page; empty until someone sets it."""
        return str(self.get(ORGANISATION_KEY, ""))

    def set_organisation(self, name: str) -> None:
        self.put(ORGANISATION_KEY, name.strip())

    def owner_id(self) -> str | None:
        value = self.get(OWNER_KEY)
        return str(value) if value else None


class ServiceWithSettings(Service):
    """A service that needs the notebook's settings: its owner or its cadence policy."""

    def __init__(self, notebook: Notebook, clock: Clock, settings: SettingsService) -> None:
        super().__init__(notebook, clock)
        self._settings = settings
