"""Picking the agent (or agents, for group coaching) by typing a few letters of their name.

Matching ignores case and accents, anywhere in the name ("zoe alv" finds Zoë Álvarez); several agents are
separated by commas, and the completion applies to the name being typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from coachdesk.services.people import PersonView, folded_name

SEPARATOR = ","
MATCH_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class _LastNameCompleter(QCompleter):
    """Completes only the name after the last comma, and puts the chosen name back in its place."""

    def __init__(self, model: QStandardItemModel, editor: QLineEdit) -> None:
        super().__init__(model, editor)
        self._editor = editor
        self.setCompletionRole(MATCH_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(8)

    def splitPath(self, path: str) -> list[str]:
        return [folded_name(path.rsplit(SEPARATOR, maxsplit=1)[-1])]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        before = self._editor.text().split(SEPARATOR)[:-1]
        chosen = str(index.data(Qt.ItemDataRole.DisplayRole))
        return ", ".join([*(part.strip() for part in before if part.strip()), chosen])


class AgentPicker(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Type a few letters of the agent's name (several: separate with commas)")
        self.setAccessibleName("Agent")
        self._model = QStandardItemModel(self)
        self._ids: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self.setCompleter(_LastNameCompleter(self._model, self))

    def set_people(self, people: Sequence[PersonView]) -> None:
        self._model.clear()
        self._ids.clear()
        self._names.clear()
        for person in people:
            item = QStandardItem(person.full_name)
            item.setData(f"{folded_name(person.full_name)} {person.employee_id or ''}".strip(), MATCH_ROLE)
            item.setData(person.id, ID_ROLE)
            item.setToolTip(" · ".join(filter(None, (person.role, person.team_name, person.employee_id))))
            self._model.appendRow(item)
            self._ids[folded_name(person.full_name)] = person.id
            self._names[person.id] = person.full_name

    def set_chosen(self, ids: Sequence[str]) -> None:
        self.setText(", ".join(self._names[i] for i in ids if i in self._names))

    def name_of(self, person_id: str) -> str:
        return self._names.get(person_id, "")

    def chosen_ids(self) -> tuple[str, ...]:
        return tuple(self._ids[folded_name(name)] for name in self._typed_names() if folded_name(name) in self._ids)

    def unknown_names(self) -> list[str]:
        return [name for name in self._typed_names() if folded_name(name) not in self._ids]

    def _typed_names(self) -> list[str]:
        return [part.strip() for part in self.text().split(SEPARATOR) if part.strip()]
