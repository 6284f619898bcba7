"""Set up sync: the portal's address, the one-time code from whoever runs it, and how much this notebook shares.

Enrolling talks to the portal, so it runs on the sync worker while the dialog shows that it is busy. A computer
without a working keyring is told so in words and may keep the device token in a file the person chooses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError
from coachdesk.models import SharingLevel
from coachdesk.sync.preview import LEVEL_WORDS
from coachdesk.ui.context import UiContext
from coachdesk.ui.problem_text import problem_label, show_problem
from coachdesk.ui.sync.preview_dialog import MNEMONICS, WhatLeavesDialog
from coachdesk.ui.tasks import TaskRunner
from coachdesk.ui.widgets import muted

SHARING_CHOICES = (SharingLevel.EVERYTHING_BUT_PRIVATE, SharingLevel.AGGREGATE_ONLY)


@dataclass(frozen=True)
class EnrollRequest:
    portal_url: str
    code: str
    sharing: SharingLevel
    token_file: Path | None


class EnrollDialog(QDialog):
    enrolled = Signal(int)
    """Emitted with the number of records queued for the first sync."""

    def __init__(self, context: UiContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = runner
        self.setWindowTitle("Set up sync")
        self.setAccessibleName("Set up sync")
        self.portal = QLineEdit()
        self.portal.setPlaceholderText("https://portal.example.com")
        self.portal.setAccessibleName("Portal address")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-JKLM-NPQR")
        self.code.setAccessibleName("Enrollment code")
        self.sharing = QButtonGroup(self)
        sharing_box = QVBoxLayout()
        for number, level in enumerate(SHARING_CHOICES):
            choice = QRadioButton(MNEMONICS[level])
            choice.setAccessibleName(LEVEL_WORDS[level][0])
            choice.setChecked(number == 0)
            self.sharing.addButton(choice, number)
            sharing_box.addWidget(choice)
            sharing_box.addWidget(muted(LEVEL_WORDS[level][1]))
        self.token_file = QLineEdit()
        self.token_file.setAccessibleName("Token file")
        self.token_file.setPlaceholderText("Only where this computer has no keyring")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._choose_token_file)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_file, 1)
        token_row.addWidget(browse)
        self.token_row = QWidget()
        self.token_row.setLayout(token_row)
        self.token_row.hide()
        preview = QPushButton("What will &leave this laptop…")
        preview.clicked.connect(self.show_what_leaves)
        self.problem = problem_label("Problem")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName("Enrolling")
        self.busy.hide()
        form = QFormLayout()
        form.addRow("Portal &address:", self.portal)
        form.addRow("Enrollment c&ode:", self.code)
        form.addRow("Share:", sharing_box)
        form.addRow("Token &file:", self.token_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.enroll_button = self.buttons.addButton("E&nroll", QDialogButtonBox.ButtonRole.AcceptRole)
        self.enroll_button.setDefault(True)
        self.buttons.accepted.connect(self.enroll)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                "Whoever runs your organisation's Coaching Portal gives you its address and a one-time code. "
                "Until you enroll, nothing leaves this laptop."
            )
        )
        layout.addLayout(form)
        layout.addWidget(preview)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def request(self) -> EnrollRequest:
        level = SHARING_CHOICES[max(self.sharing.checkedId(), 0)]
        path = self.token_file.text().strip()
        return EnrollRequest(self.portal.text().strip(), self.code.text().strip(), level, Path(path) if path else None)

    def enroll(self) -> None:
        request = self.request()
        if not request.portal_url or not request.code:
            show_problem(self.problem, "Write the portal's address and the enrollment code you were given.")
            (self.code if request.portal_url else self.portal).setFocus()
            return
        self._set_busy(True)
        self._runner.submit(lambda: enroll_notebook(self._context, request), self._done, self._refused)

    def show_what_leaves(self) -> None:
        """The preview starts at the level chosen here, and the level chosen there comes back here."""
        preview = WhatLeavesDialog(self._context, self, enrolled=False)
        preview.choose(self.request().sharing)
        preview.accepted.connect(lambda: self._take_level(preview.level))
        preview.open()

    def _take_level(self, level: SharingLevel | None) -> None:
        if level is not None:
            button = self.sharing.button(SHARING_CHOICES.index(level))
            button.setChecked(True)

    def _done(self, queued: int) -> None:
        self._set_busy(False)
        self.enrolled.emit(queued)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        from coachdesk.sync.credentials import NoKeyring

        self._set_busy(False)
        if not isinstance(error, CoachDeskError):
            self._context.errors.show(self, error, "Set up sync")
            return
        show_problem(self.problem, error.message)
        if isinstance(error, NoKeyring):
            self.token_row.show()
            self.token_file.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.enroll_button.setEnabled(not busy)
        if busy:
            self.problem.hide()

    def _choose_token_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Keep the device token in", str(Path.home() / "coachdesk.token"))
        if path:
            self.token_file.setText(path)


def enroll_notebook(context: UiContext, request: EnrollRequest) -> int:
    """On the sync worker: enrolls with the keyring, or with the token file the person chose."""
    from coachdesk.sync.credentials import KeyringTokens, TokenFile
    from coachdesk.sync.device import enroll_device

    notebook = context.services.notebook
    tokens = KeyringTokens() if request.token_file is None else TokenFile(notebook, request.token_file)
    return enroll_device(notebook, request.portal_url, request.code, tokens=tokens, sharing=request.sharing)
