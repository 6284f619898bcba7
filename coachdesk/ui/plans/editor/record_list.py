"""A list of records edited one at a time in fields beside it, as the plan editor does with goals and barriers.

The fields are written back into the record they show before another is shown, so switching loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QListWidget

T = TypeVar("T")


class RecordList(Generic[T]):
    def __init__(
        self,
        widget: QListWidget,
        make: Callable[[], T],
        store: Callable[[T], None],
        load: Callable[[T | None], None],
        placeholder: str,
    ) -> None:
        self.widget = widget
        self.records: list[T] = []
        self._make, self._store, self._load, self._placeholder = make, store, load, placeholder
        self._shown: int | None = None
        widget.currentRowChanged.connect(self._show)

    def set_records(self, records: list[T], titles: list[str]) -> None:
        self._shown = None
        self.records = records
        self.widget.blockSignals(True)
        self.widget.clear()
        self.widget.addItems(titles)
        self.widget.blockSignals(False)
        self.widget.setCurrentRow(0 if records else -1)
        self._show(self.widget.currentRow())

    def shown(self) -> T | None:
        return self.records[self._shown] if self._shown is not None else None

    def add(self) -> T:
        record = self._make()
        self.records.append(record)
        self.widget.addItem(self._placeholder)
        self.widget.setCurrentRow(len(self.records) - 1)
        return record

    def remove_shown(self) -> None:
        row = self._shown
        if row is None:
            return
        self._shown = None
        del self.records[row]
        self.widget.takeItem(row)
        self._show(self.widget.currentRow())

    def store(self) -> None:
        """Writes the fields into the record they show."""
        record = self.shown()
        if record is not None:
            self._store(record)

    def reload(self) -> None:
        """Shows the record again, after what its fields offer has changed."""
        self._load(self.shown())

    def rename_shown(self, text: str) -> None:
        item = self.widget.item(self._shown) if self._shown is not None else None
        if item is not None:
            item.setText(text or self._placeholder)

    def _show(self, row: int) -> None:
        self.store()
        self._shown = row if 0 <= row < len(self.records) else None
        self._load(self.shown())
