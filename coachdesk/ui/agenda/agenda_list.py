"""The agenda as a list that is driven from the keyboard: Space ticks, Enter or F2 goes to the notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from coachdesk.ui.agenda.agenda_model import AgendaModel
from coachdesk.ui.agenda.item_delegate import AgendaItemDelegate

NOTES_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)


class AgendaList(QListView):
    tick_pressed = Signal()
    notes_wanted = Signal()

    def __init__(self, model: AgendaModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.delegate = AgendaItemDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setAccessibleName("Agenda")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(True)
        self.setAlternatingRowColors(True)
        self.setToolTip("↑↓ choose an item · Space ticks it · Enter or F2 writes notes · Ctrl+↑/↓ moves it")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            self.tick_pressed.emit()
            return
        if plain and event.key() in NOTES_KEYS and self.currentIndex().isValid():
            self.notes_wanted.emit()
            return
        super().keyPressEvent(event)
