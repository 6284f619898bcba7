"""The frame every file import shares: a file chosen or pasted, checked on the worker before anything changes, a
summary in words, and Import, which stays off until the check is clean. Subclasses say what is checked and shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from coachdesk.ui.context import UiContext
from coachdesk.ui.problem_text import set_problem_colour

TABLE_FILES = "(*.csv *.xlsx *.xlsm *.tsv *.txt);;All files (*)"


class FileImportDialog(QDialog):
    """`what` names the file in words ("roster", "KPI export"), for the window's labels and the file chooser."""

    def __init__(self, context: UiContext, title: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._path: Path | None = None
        self._what = what
        self.setWindowTitle(f"{title} — CoachDesk")
        self.setAccessibleName(title)
        self.path_box = QLineEdit()
        self.path_box.setAccessibleName(f"{what[0].upper()}{what[1:]} file")
        self.path_box.setPlaceholderText("Choose a CSV or Excel file, or paste its path and press Enter")
        self.path_box.returnPressed.connect(lambda: self.preview_file(Path(self.path_box.text().strip())))
        self.choose_button = QPushButton("&Choose file…")
        self.choose_button.setAccessibleName(f"Choose a {what} file")
        self.choose_button.clicked.connect(self.choose_file)
        self.again_button = QPushButton("Check &again")
        self.again_button.setAccessibleName("Check the file again")
        self.again_button.setToolTip("Read the file again after fixing it in your spreadsheet.")
        self.again_button.setEnabled(False)
        self.again_button.clicked.connect(self.check_again)
        self.chooser = QHBoxLayout()
        self.chooser.addWidget(self.path_box, 1)
        self.chooser.addWidget(self.choose_button)
        self.chooser.addWidget(self.again_button)
        self.summary = QLabel("Choose a file to see what importing it would change.")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Import summary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the path box checks the file and nothing more: were the check back at once (a small file, a
        quick worker), the dialog would otherwise also press Import on a preview the person has not seen."""
        if self.path_box.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, f"Choose a {self._what}", str(Path.home()), f"{self._what[0].upper()}{self._what[1:]}s {TABLE_FILES}"
        )
        if chosen:
            self.preview_file(Path(chosen))

    def preview_file(self, path: Path) -> None:
        """Checks the file on the worker and shows what importing it would do; imports nothing."""
        raise NotImplementedError

    def check_again(self) -> None:
        if self._path is not None:
            self.preview_file(self._path)

    def run_import(self) -> None:
        raise NotImplementedError

    def start_check(self, path: Path) -> None:
        """Remembers the file and turns Import off until its check comes back clean."""
        self._path = path
        self.path_box.setText(str(path))
        self.import_button.setEnabled(False)
        self.again_button.setEnabled(True)
        set_problem_colour(self.summary, on=False)
        self.summary.setText(f"Checking {path.name}…")

    def show_imported(self, message: str) -> None:
        """Says what was imported, here and in the status bar, and leaves only Close."""
        set_problem_colour(self.summary, on=False)
        self.summary.setText(message)
        self.context.navigator.show_saved(message)
        self.import_button.hide()
        self.again_button.setEnabled(False)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close.setText("Close")
        close.setFocus()
