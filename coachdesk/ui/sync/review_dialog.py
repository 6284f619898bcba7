"""Needs review: each value that lost its place in a sync, beside the one in place, and the person's choice.

The list and every decision go through the worker; a decision is an ordinary edit (`sync/review.py`), so the next
sync carries it to the portal and the manager's other devices.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError
from coachdesk.sync import review
from coachdesk.sync.review import ReviewItem
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.problem_text import problem_label, show_problem
from coachdesk.ui.team.refusals import catching
from coachdesk.ui.widgets import heading, muted

NOTHING_TO_REVIEW = "Nothing to review: every edit reached the portal."
HOW_IT_WORKS = (
    "When the same field was changed on two devices, the portal kept the value that reached it first and this "
    "laptop kept the other one here. Choose which to keep, or write a text that joins them: the next sync sends "
    "your choice to the portal and your other devices."
)


def read_only_text(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setReadOnly(True)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    return box


class ReviewDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items: list[ReviewItem] = []
        self.setWindowTitle("Needs review — CoachDesk")
        self.setAccessibleName("Needs review")
        self.resize(860, 560)
        self.summary = muted("Loading…")
        self.summary.setAccessibleName("How many need review")
        self.last_decision = muted("")
        self.last_decision.setAccessibleName("Last decision")
        self.empty = muted(NOTHING_TO_REVIEW)
        self.empty.hide()
        self.copies = QListWidget()
        self.copies.setAccessibleName("Values to review")
        self.copies.setWordWrap(True)
        self.copies.setSpacing(4)
        self.copies.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.copies.currentRowChanged.connect(self._show_current)
        self.record = QLabel("")
        self.record.setWordWrap(True)
        self.record.setAccessibleName("Record")
        self.in_place_title = QLabel("In place now")
        self.other_title = QLabel("The other value")
        self.in_place = read_only_text("In place now")
        self.other = read_only_text("The other value")
        self.own_title = QLabel("Your text (Ctrl+Enter saves it)")
        self.own_text = QPlainTextEdit()
        self.own_text.setAccessibleName("Your text")
        self.own_text.setTabChangesFocus(True)
        self.problem = problem_label("Problem")
        self.keep_button = self._button("&Keep this", "Keep the value in place now", self.keep)
        self.take_button = self._button("&Take the other", "Take the other value instead", self.take_other)
        self.write_button = self._button("&Write…", "Write a text of your own", self.start_writing)
        self.retry_button = self._button("Send &again", "Send the refused change again", self.retry)
        self.dismiss_button = self._button("Set a&side", "Set the refused change aside", self.dismiss)
        self.save_button = self._button("&Save text", "Save your text", self.save_own)
        self.cancel_button = self._button("Ca&ncel", "Stop writing", self.stop_writing)
        QShortcut(QKeySequence("Ctrl+Return"), self.own_text, self.save_own)
        self.detail = self._detail()
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Needs review", 1.3))
        layout.addWidget(muted(HOW_IT_WORKS))
        layout.addWidget(self.summary)
        layout.addWidget(self.last_decision)
        layout.addWidget(self.empty)
        body = QHBoxLayout()
        body.addWidget(self.copies, 2)
        body.addWidget(self.detail, 3)
        layout.addLayout(body, 1)
        closing = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        closing.rejected.connect(self.reject)
        layout.addWidget(closing)
        self.reload()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _detail(self) -> QWidget:
        detail = QWidget()
        self.grid = grid = QGridLayout(detail)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.record, 0, 0, 1, 2)
        grid.addWidget(self.in_place_title, 1, 0)
        grid.addWidget(self.other_title, 1, 1)
        grid.addWidget(self.in_place, 2, 0)
        grid.addWidget(self.other, 2, 1)
        grid.addWidget(self.own_title, 3, 0, 1, 2)
        grid.addWidget(self.own_text, 4, 0, 1, 2)
        grid.addWidget(self.problem, 5, 0, 1, 2)
        choices = QHBoxLayout()
        for button in (
            self.keep_button,
            self.take_button,
            self.write_button,
            self.retry_button,
            self.dismiss_button,
            self.save_button,
            self.cancel_button,
        ):
            choices.addWidget(button)
        choices.addStretch(1)
        grid.addLayout(choices, 6, 0, 1, 2)
        grid.setRowStretch(2, 1)
        return detail

    def reload(self, keep_row: int = 0) -> None:
        notebook = self.context.services.notebook
        self.context.load(self, lambda: review.open_copies(notebook), lambda items: self._show(items, keep_row))

    def _show(self, items: list[ReviewItem], row: int) -> None:
        self.items = items
        self.copies.blockSignals(True)
        self.copies.clear()
        for item in items:
            entry = QListWidgetItem(f"{item.record}\n    {item.field}")
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.record}, {item.field}")
            self.copies.addItem(entry)
        self.copies.blockSignals(False)
        has_items = bool(items)
        self.empty.setVisible(not has_items)
        self.copies.setVisible(has_items)
        self.detail.setVisible(has_items)
        count = len(items)
        self.summary.setText(f"{count} value{'s' if count != 1 else ''} to review." if has_items else "")
        self.summary.setVisible(has_items)
        if has_items:
            self.copies.setCurrentRow(min(row, count - 1))
            self._show_current(self.copies.currentRow())
            self.copies.setFocus()

    def current(self) -> ReviewItem | None:
        row = self.copies.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_current(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        self.record.setText(f"<b>{escape(item.record)}</b> — {escape(item.field)}")
        self.in_place_title.setText("Why the portal refused it" if item.rejected else "In place now")
        self.other_title.setText("The change it refused" if item.rejected else "The other value")
        self.in_place.setPlainText(item.in_place)
        self.other.setPlainText(item.other)
        self.problem.hide()
        self._writing(False)

    def _writing(self, on: bool) -> None:
        item = self.current()
        rejected = item is not None and item.rejected
        self.own_title.setVisible(on)
        self.own_text.setVisible(on)
        self.grid.setRowStretch(4, 1 if on else 0)
        self.save_button.setVisible(on)
        self.cancel_button.setVisible(on)
        self.keep_button.setVisible(not on and not rejected)
        self.take_button.setVisible(not on and not rejected)
        self.write_button.setVisible(not on and not rejected)
        self.write_button.setEnabled(item is not None and item.writable)
        self.retry_button.setVisible(rejected)
        self.dismiss_button.setVisible(rejected)

    def start_writing(self) -> None:
        item = self.current()
        if item is None or not item.writable:
            return
        self.own_text.setPlainText(item.draft)
        self._writing(True)
        self.own_text.setFocus()
        self.own_text.selectAll()

    def stop_writing(self) -> None:
        self.problem.hide()
        self._writing(False)
        self.copies.setFocus()

    def keep(self) -> None:
        self._decide(review.keep_in_place)

    def take_other(self) -> None:
        self._decide(review.take_other)

    def retry(self) -> None:
        self._decide(review.retry)

    def dismiss(self) -> None:
        self._decide(review.dismiss)

    def save_own(self) -> None:
        text = self.own_text.toPlainText()
        self._decide(lambda notebook, copy_id: review.write_own(notebook, copy_id, text))

    def _decide(self, decision: Callable[..., str]) -> None:
        item = self.current()
        if item is None:
            return
        notebook, row = self.context.services.notebook, self.copies.currentRow()

        def decided(result: str | CoachDeskError) -> None:
            if isinstance(result, CoachDeskError):
                show_problem(self.problem, result.message)
                return
            self.last_decision.setText(result)
            self.context.navigator.show_saved(result)
            self.reload(row)

        self.context.change(self, catching(lambda: decision(notebook, item.copy_id)), decided, *Topic.ALL)
