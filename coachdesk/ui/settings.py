"""Window layout, view preferences and reminders, kept in `QSettings` behind one typed wrapper.

Only this machine's look and habits live here; anything that belongs to the notebook lives in the notebook.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QByteArray, QSettings

REMINDER_LEAD_MINUTES = 15
REMINDER_LEAD_RANGE = range(1, 241)
"""From a minute to four hours before a one-on-one."""


class UiSettings:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(f"splitters/{name}", value)

    def header(self, name: str) -> QByteArray | None:
        return self._bytes(f"headers/{name}")

    def set_header(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(f"headers/{name}", value)

    def last_view(self) -> str | None:
        value = self._settings.value("window/last_view")
        return value if isinstance(value, str) and value else None

    def set_last_view(self, key: str) -> None:
        self._settings.setValue("window/last_view", key)

    def reminders_enabled(self) -> bool:
        return str(self._settings.value("reminders/enabled", True)).lower() != "false"

    def set_reminders_enabled(self, enabled: bool) -> None:
        self._settings.setValue("reminders/enabled", enabled)

    def reminder_lead_minutes(self) -> int:
        """How long before a one-on-one to remind; a value edited out of range by hand falls back to the default."""
        try:
            minutes = int(str(self._settings.value("reminders/lead_minutes", REMINDER_LEAD_MINUTES)))
        except ValueError:
            return REMINDER_LEAD_MINUTES
        return minutes if minutes in REMINDER_LEAD_RANGE else REMINDER_LEAD_MINUTES

    def set_reminder_lead_minutes(self, minutes: int) -> None:
        self._settings.setValue("reminders/lead_minutes", minutes)

    def sent_reminders(self) -> dict[str, date]:
        """The keys of reminders already shown, with the day each is about, so a restart does not repeat them."""
        try:
            stored = json.loads(str(self._settings.value("reminders/sent", "{}")))
            return {str(key): date.fromisoformat(day) for key, day in stored.items()}
        except (ValueError, TypeError, AttributeError):
            return {}

    def set_sent_reminders(self, sent: Mapping[str, date]) -> None:
        self._settings.setValue("reminders/sent", json.dumps({key: day.isoformat() for key, day in sent.items()}))

    def sync(self) -> None:
        self._settings.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None
