"""The chosen agenda item in full: its text, where it came from, last meeting's notes on it, and this meeting's.

Notes are saved a moment after typing stops, when the notes box or the item is left, so nothing typed depends on
pressing save; the panel says which item the notes belong to, so a late save never lands on the wrong one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from coachdesk.services.agenda import AgendaEntry
from coachdesk.ui.agenda.item_words import item_parts, parts_text
from coachdesk.ui.formatting import day_text
from coachdesk.ui.widgets import heading, muted

SAVE_AFTER_MS = 800
"""Typing that pauses this long is saved."""


class NotesPanel(QWidget):
    edited = Signal(str, str)
    """(item id, notes): notes to save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id: str | None = None
        self._dirty = False
        self.title = heading("", 1.15)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName("Agenda item")
        self.details = muted("")
        self.details.setAccessibleName("Where the item came from")
        self.previous_heading = muted("")
        self.previous = QLabel()
        self.previous.setWordWrap(True)
        self.previous.setTextFormat(Qt.TextFormat.PlainText)
        self.previous.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.previous.setAccessibleName("Notes from last time")
        self.previous_box = QFrame()
        self.previous_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.previous_box.setAutoFillBackground(True)
        self.previous_box.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        box_layout = QVBoxLayout(self.previous_box)
        box_layout.setContentsMargins(10, 6, 10, 8)
        box_layout.setSpacing(2)
        box_layout.addWidget(self.previous_heading)
        box_layout.addWidget(self.previous)
        self.previous_box.hide()
        self.label = QLabel("N&otes")
        self.label.setAccessibleName("Notes")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Notes on this item")
        self.editor.setTabChangesFocus(True)
        self.label.setBuddy(self.editor)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._typed)
        self.editor.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.previous_box)
        layout.addSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.editor, 1)

    @property
    def has_unsaved(self) -> bool:
        return self._dirty

    def show_entry(self, entry: AgendaEntry | None, today: date, *, editable: bool, placeholder: str) -> None:
        """Shows another item, saving what was typed on the one before."""
        self.flush()
        self.item_id = entry.id if entry else None
        self.editor.blockSignals(True)
        self.editor.setPlainText(entry.notes if entry else "")
        self.editor.blockSignals(False)
        self.set_editable(editable and entry is not None, placeholder)
        self.update_entry(entry, today)

    def set_editable(self, editable: bool, placeholder: str) -> None:
        """Notes are written while the meeting runs; before it and after it they are only read."""
        self.editor.setReadOnly(not editable)
        self.editor.setPlaceholderText(placeholder)

    def update_entry(self, entry: AgendaEntry | None, today: date) -> None:
        """Brings the item's text and standing up to date, leaving the notes being typed alone."""
        self.title.setText(entry.text if entry else "")
        self.title.setAccessibleName(f"Agenda item: {entry.text}" if entry else "No agenda item chosen")
        words = parts_text(item_parts(entry, today)) if entry else ""
        self.details.setText(words)
        self.details.setAccessibleName(words or "No agenda item chosen")
        previous = entry.previous_notes if entry else ""
        self.previous_box.setVisible(bool(previous))
        if entry is not None and entry.carried_from_at is not None:
            self.previous_heading.setText(f"Notes from {day_text(entry.carried_from_at.date(), today)}")
        self.previous.setText(previous)

    def flush(self) -> None:
        """Saves what was typed and not yet saved."""
        self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        if self.item_id is not None:
            self.edited.emit(self.item_id, self.editor.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Leaving the notes box saves what was typed, as leaving the item does."""
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def _typed(self) -> None:
        self._dirty = True
        self._timer.start()
