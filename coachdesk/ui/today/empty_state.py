"""A whole screen's empty state: what is missing and what to do about it, centred where the lists would be."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from coachdesk.ui.today.table_section import section_heading
from coachdesk.ui.widgets import muted

TEXT_WIDTH = 520


def empty_state(title: str, text: str) -> QWidget:
    box = QWidget()
    box.setAccessibleName(title)
    layout = QVBoxLayout(box)
    layout.addStretch(1)
    layout.addWidget(section_heading(title), 0, Qt.AlignmentFlag.AlignHCenter)
    hint = muted(text)
    hint.setFixedSize(TEXT_WIDTH, hint.heightForWidth(TEXT_WIDTH))
    hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch(2)
    return box
