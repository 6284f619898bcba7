"""What leaves this laptop: per kind of record, how many and which fields the portal would receive, a few examples,
what stays here, and the sharing level, which can be chosen before enrolling and changed at any time after.

The preview is built on the worker by `sync/preview.py`, from the same function the push sends through.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError
from coachdesk.models import SharingLevel
from coachdesk.sync.level import set_sharing_level
from coachdesk.sync.preview import LEVEL_WORDS, Outgoing, TableOutgoing, what_leaves
from coachdesk.ui.context import UiContext
from coachdesk.ui.formatting import plural
from coachdesk.ui.problem_text import problem_label, show_problem
from coachdesk.ui.team.refusals import catching
from coachdesk.ui.widgets import heading, muted

MNEMONICS = {
    SharingLevel.EVERYTHING_BUT_PRIVATE: "&Everything but private",
    SharingLevel.AGGREGATE_ONLY: "&Counts and dates only",
}
LOWERING = (
    "Using this level also asks the portal to erase the text it already holds of your records; the portal keeps "
    "their dates, durations and figures."
)
RAISING = "Using this level sends the text of your records to the portal again at the next sync."


class WhatLeavesDialog(QDialog):
    """Before enrolling, the chosen level is `level` when the dialog is accepted; once enrolled, it is applied."""

    def __init__(self, context: UiContext, parent: QWidget | None = None, *, enrolled: bool) -> None:
        super().__init__(parent)
        self.context = context
        self.enrolled = enrolled
        self.level: SharingLevel | None = None
        self.saved_level: SharingLevel | None = None
        self.setWindowTitle("What leaves this laptop — CoachDesk")
        self.setAccessibleName("What leaves this laptop")
        self.resize(860, 640)
        self.levels = QButtonGroup(self)
        self.level_buttons: dict[SharingLevel, QRadioButton] = {}
        self.summary = muted("Loading…")
        self.summary.setAccessibleName("What the portal receives")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Records and fields sent")
        self.tree.setHeaderLabels(["Records", "What the portal receives"])
        self.tree.setColumnWidth(0, 320)
        self.private = muted("")
        self.private.setAccessibleName("What stays on this laptop")
        self.change_note = muted("")
        self.change_note.setAccessibleName("What changing the level does")
        self.problem = problem_label("Problem")
        self.use_button = QPushButton("&Use this level")
        self.use_button.setAccessibleName("Use this sharing level")
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_level)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("What leaves this laptop", 1.3))
        intro = (
            "Before you enroll, choose how much the Coaching Portal receives."
            if not enrolled
            else ("What the next sync sends to the Coaching Portal, and how much it may receive.")
        )
        layout.addWidget(muted(intro))
        for level, (_name, explanation) in LEVEL_WORDS.items():
            button = QRadioButton(MNEMONICS[level])
            button.setAccessibleName(LEVEL_WORDS[level][0])
            self.levels.addButton(button)
            self.level_buttons[level] = button
            button.toggled.connect(partial(self._toggled, level))
            layout.addWidget(button)
            described = muted(explanation)
            described.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(described)
        layout.addWidget(self.change_note)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.private)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.load(None)

    def load(self, level: SharingLevel | None) -> None:
        notebook = self.context.services.notebook
        self.context.load(self, lambda: what_leaves(notebook, level), self._show)

    def _toggled(self, level: SharingLevel, on: bool) -> None:
        if on:
            self.choose(level)

    def choose(self, level: SharingLevel) -> None:
        if level is self.level:
            return
        self.level = level
        self.load(level)

    def _show(self, outgoing: Outgoing) -> None:
        if self.saved_level is None:
            self.saved_level = outgoing.level if outgoing.enrolled else None
        self.level = outgoing.level
        button = self.level_buttons[outgoing.level]
        button.blockSignals(True)
        button.setChecked(True)
        button.blockSignals(False)
        self.summary.setText(outgoing.summary())
        self.private.setText(outgoing.private_line())
        self.tree.clear()
        for table in outgoing.tables:
            self.tree.addTopLevelItem(table_item(table))
        self.tree.setVisible(bool(outgoing.tables))
        changing = self.enrolled and outgoing.level is not self.saved_level
        self.change_note.setText(LOWERING if outgoing.level is SharingLevel.AGGREGATE_ONLY else RAISING)
        self.change_note.setVisible(changing)
        self.use_button.setEnabled(changing or not self.enrolled)

    def use_level(self) -> None:
        if self.level is None:
            return
        if not self.enrolled:
            self.accept()
            return
        notebook, level = self.context.services.notebook, self.level

        def used(result: int | CoachDeskError) -> None:
            if isinstance(result, CoachDeskError):
                show_problem(self.problem, result.message)
                return
            self.saved_level = level
            self.context.navigator.show_saved(f"Sharing level: {LEVEL_WORDS[level][0].lower()}.")
            self.load(None)

        self.context.change(self, catching(lambda: set_sharing_level(notebook, level)), used)


def table_item(table: TableOutgoing) -> QTreeWidgetItem:
    """A kind of record: how many, which fields, what stays here, and a few examples with the values sent."""
    erased = f"Erases {', '.join(table.erased_labels) or 'the whole record'}"
    fields = ", ".join(table.labels) or erased
    item = QTreeWidgetItem([f"{table.words} ({table.count:,})", fields])
    item.setToolTip(1, fields)
    if table.withdrawn:
        item.addChild(QTreeWidgetItem(["Erased from the portal", f"{erased} of {plural(table.withdrawn, 'record')}"]))
    if table.kept_labels:
        item.addChild(QTreeWidgetItem(["Stays on this laptop", ", ".join(table.kept_labels)]))
    for example in table.examples:
        child = QTreeWidgetItem([example.record, ""])
        for label, value in example.values:
            child.addChild(QTreeWidgetItem([label, " ".join(value.split())]))
        item.addChild(child)
    return item
