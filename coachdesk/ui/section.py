"""A titled block of the side column: its lines, or one sentence saying what would appear there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coachdesk.ui.widgets import heading, muted


class Section(QWidget):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setAccessibleName(title)
        self.title = heading(title, 1.1)
        self._body = QVBoxLayout()
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(6)
        self._empty = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addLayout(self._body)

    def set_title(self, title: str) -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)

    def set_lines(self, lines: Sequence[QWidget], empty: str) -> None:
        """Replaces the body; with no lines, `empty` says in plain words what would be here and how to add it."""
        self.clear()
        self._empty = empty
        for line in lines or [muted(empty)]:
            self._body.addWidget(line)

    def remove_line(self, line: QWidget) -> None:
        self._body.removeWidget(line)
        discard(line)
        if self._body.count() == 0:
            self._body.addWidget(muted(self._empty))

    def clear(self) -> None:
        while (item := self._body.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                discard(widget)

    def lines(self) -> list[QWidget]:
        items = (self._body.itemAt(i) for i in range(self._body.count()))
        return [widget for item in items if item is not None and (widget := item.widget()) is not None]


def discard(widget: QWidget) -> None:
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


def text_line(text: str, secondary: str = "") -> QWidget:
    """A wrapped line of the side column, with an optional muted second line (a date, who, how much)."""
    line = QWidget()
    line.setAccessibleName(f"{text}. {secondary}" if secondary else text)
    layout = QVBoxLayout(line)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    main = QLabel(text)
    main.setWordWrap(True)
    main.setTextFormat(Qt.TextFormat.PlainText)
    main.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    main.setAccessibleName(text)
    layout.addWidget(main)
    if secondary:
        layout.addWidget(muted(secondary))
    return line
