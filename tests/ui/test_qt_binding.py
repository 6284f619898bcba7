"""The Qt binding itself must keep Python's reference counts straight, or the app aborts after enough clicks.

PySide6 6.12.0 released a reference to `None` on every call of a method that returns nothing. On Python 3.11, where
`None` is an ordinary counted object, a day of use (or the tidy-up at exit) then ends in "deallocating None".
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QCheckBox, QPushButton
from pytestqt.qtbot import QtBot

CALLS = 500


def test_clicking_and_setting_widgets_many_times_leaves_python_s_reference_counts_as_they_were(qtbot: QtBot) -> None:
    button = QPushButton("Save")
    check = QCheckBox("Private")
    qtbot.addWidget(button)
    qtbot.addWidget(check)
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(CALLS):
        button.click()
        button.setEnabled(True)
        check.setChecked(not check.isChecked())
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert all(abs(a - b) < CALLS // 10 for a, b in zip(after, before, strict=True)), (before, after)
