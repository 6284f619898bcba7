"""The session's next steps as commitments: who owns each, what it is, by when.

Owners are the agents in the session and the coach, so the ledger can hold both sides to their word.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.services.commitments import DEFAULT_DUE_DAYS, CommitmentDraft
from coachdesk.ui.widgets import as_date, as_qdate

Owner = tuple[str, str]
OWNER_WIDTH = 190


class _Row:
    def __init__(self, owners: Sequence[Owner], today: date) -> None:
        self.owner = QComboBox()
        self.owner.setAccessibleName("Commitment owner")
        self.owner.setMaximumWidth(OWNER_WIDTH)
        self.text = QLineEdit()
        self.text.setAccessibleName("Commitment")
        self.text.setPlaceholderText("What will they do?")
        self.due = QDateEdit(as_qdate(today + timedelta(days=DEFAULT_DUE_DAYS)))
        self.due.setAccessibleName("Commitment due date")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("ddd d MMM yyyy")
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip("Remove this commitment")
        self.remove.setAccessibleName("Remove commitment")
        self.set_owners(owners)

    def set_owners(self, owners: Sequence[Owner]) -> None:
        current = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        for owner_id, label in owners:
            self.owner.addItem(label, owner_id)
        index = self.owner.findData(current)
        self.owner.setCurrentIndex(max(index, 0))
        self.owner.blockSignals(False)

    def widgets(self) -> tuple[QWidget, ...]:
        return self.owner, self.text, self.due, self.remove


class CommitmentRows(QWidget):
    """Rows of commitments; Enter in the last one's text starts another, so a list is typed without the mouse."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Commitments")
        self._today = today
        self._owners: list[Owner] = []
        self.rows: list[_Row] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self.add_button = QPushButton("Add co&mmitment")
        self.add_button.setAccessibleName("Add commitment")
        self.add_button.setToolTip("Add a commitment (Ctrl+K)")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.start_new)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addWidget(self.add_button)

    def set_today(self, today: date) -> None:
        """New commitments fall due a week from the notebook's today, which tests fix."""
        self._today = today

    def set_owners(self, owners: Sequence[Owner]) -> None:
        self._owners = list(owners)
        for row in self.rows:
            row.set_owners(owners)

    def add_row(self, owner_id: str | None = None, text: str = "", due: date | None = None) -> _Row:
        row = _Row(self._owners, self._today)
        if owner_id is not None:
            row.owner.setCurrentIndex(max(row.owner.findData(owner_id), 0))
        row.text.setText(text)
        if due is not None:
            row.due.setDate(as_qdate(due))
        row.remove.clicked.connect(lambda: self._remove(row))
        row.text.returnPressed.connect(lambda: self._next_after(row))
        for signal in (row.text.textChanged, row.owner.currentIndexChanged, row.due.dateChanged):
            signal.connect(self.changed)
        for column, widget in enumerate(row.widgets()):
            self._grid.addWidget(widget, len(self.rows), column)
            widget.show()
        previous = self.rows[-1].remove if self.rows else None
        self.rows.append(row)
        if previous is not None:
            QWidget.setTabOrder(previous, row.owner)
        QWidget.setTabOrder(row.remove, self.add_button)
        self.changed.emit()
        return row

    def start_new(self) -> None:
        self.add_row().text.setFocus()

    def drafts(self) -> tuple[CommitmentDraft, ...]:
        return tuple(
            CommitmentDraft(row.text.text().strip(), str(row.owner.currentData()), as_date(row.due.date()))
            for row in self.rows
            if row.text.text().strip() and row.owner.currentData()
        )

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"owner_id": row.owner.currentData(), "text": row.text.text(), "due": row.due.date().toString("yyyy-MM-dd")}
            for row in self.rows
        ]

    def load_json(self, rows: Sequence[dict[str, Any]]) -> None:
        for row in rows:
            due = QDate.fromString(str(row.get("due", "")), "yyyy-MM-dd")
            self.add_row(row.get("owner_id"), str(row.get("text", "")), as_date(due) if due.isValid() else None)

    def _next_after(self, row: _Row) -> None:
        if row is self.rows[-1] and row.text.text().strip():
            self.start_new()
        else:
            row.due.setFocus()

    def _remove(self, row: _Row) -> None:
        index = self.rows.index(row)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self.rows.pop(index)
        for position, later in enumerate(self.rows[index:], start=index):
            for column, widget in enumerate(later.widgets()):
                self._grid.addWidget(widget, position, column)
        self.changed.emit()
