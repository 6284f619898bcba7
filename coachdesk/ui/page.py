"""The base of every screen in the main window: it reloads when shown after its data changed, never before."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from coachdesk.ui.context import UiContext
from coachdesk.ui.widgets import heading


class Page(QWidget):
    """A screen. Subclasses set `key`, `title` and `topics`, and load their data in `refresh`."""

    key = ""
    title = ""
    topics: frozenset[str] = frozenset()

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.setAccessibleName(self.title)
        self._stale = True
        context.notices.changed.connect(self._on_changed)

    def refresh(self) -> None:
        """Loads the page's data off the GUI thread; called when the page is shown and its data is stale."""
        raise NotImplementedError

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self._reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload()

    def _reload(self) -> None:
        self._stale = False
        self.refresh()

    def _on_changed(self, topics: frozenset[str]) -> None:
        if topics & self.topics:
            self.mark_stale()


class EmptyOrContent(QStackedWidget):
    """A screen's content, or in its place an empty state that says in plain words what to do first."""

    def __init__(self, content: QWidget, empty: QWidget) -> None:
        super().__init__()
        self.addWidget(content)
        self.addWidget(empty)

    @property
    def shows_empty(self) -> bool:
        return self.currentIndex() == 1

    def show_empty(self, empty: bool) -> None:
        self.setCurrentIndex(1 if empty else 0)


def lay_out_titled(page: Page, subtitle: QWidget, body: QWidget) -> None:
    """The page's title, a line under it, and its body taking the rest of the height."""
    layout = QVBoxLayout(page)
    layout.addWidget(heading(page.title))
    layout.addWidget(subtitle)
    layout.addWidget(body, 1)
