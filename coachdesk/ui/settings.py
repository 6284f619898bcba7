"""Window layout and view preferences, kept in `QSettings` behind one typed wrapper.

Only this machine's look lives here; anything that belongs to the notebook lives in the notebook.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


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

    def last_view(self) -> str | None:
        value = self._settings.value("window/last_view")
        return value if isinstance(value, str) and value else None

    def set_last_view(self, key: str) -> None:
        self._settings.setValue("window/last_view", key)

    def sync(self) -> None:
        self._settings.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None
