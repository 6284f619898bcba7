"""One box that searches everything, with results grouped by kind and the matched words highlighted as you type."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from coachdesk.services.search import SearchHit
from coachdesk.ui.context import UiContext
from coachdesk.ui.page import Page
from coachdesk.ui.rich_text import RichTextDelegate
from coachdesk.ui.widgets import heading, muted

TYPING_PAUSE_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole


def hit_html(hit: SearchHit) -> str:
    when = f" <small>· {hit.on:%a %-d %b %Y}</small>" if hit.on else ""
    snippet = "".join(
        f"<b><u>{escape(text)}</u></b>" if marked else escape(text) for text, marked in hit.snippet_parts()
    )
    return f"<b>{escape(hit.title)}</b>{when}<br>{snippet}"


class SearchPage(Page):
    key = "search"
    title = "Search"

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.box = QLineEdit()
        self.box.setAccessibleName("Search the notebook")
        self.box.setPlaceholderText("Search sessions, people, commitments, plans, agendas… (Ctrl+F)")
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self._open_first)
        self.box.installEventFilter(self)
        self.summary = muted("Type a word or two: every word must match the start of a word.")
        self.summary.setAccessibleName("Search summary")
        self.results = QTreeWidget()
        self.results.setAccessibleName("Search results")
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.itemActivated.connect(self._open)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.run_search)
        self.hits: list[SearchHit] = []
        self._shown_for: str | None = None
        self._open_when_shown = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 12)
        layout.addWidget(heading(self.title))
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def focus_box(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def refresh(self) -> None:
        if self.box.text().strip():
            self.run_search()

    def run_search(self) -> None:
        typed = self.box.text()
        services = self.context.services
        self.context.load(self, lambda: services.search.search(typed), lambda hits: self._show(typed, hits))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down arrow in the box moves into the results, so searching and opening need no mouse."""
        is_down = (
            isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
        )
        first = self._first_hit_item()
        if watched is self.box and is_down and first is not None:
            self.results.setFocus()
            self.results.setCurrentItem(first)
            return True
        return super().eventFilter(watched, event)

    def _typed(self) -> None:
        self._pause.start()

    def _show(self, typed: str, hits: list[SearchHit]) -> None:
        if typed != self.box.text():
            return
        self.hits = hits
        self._shown_for = typed
        self.results.clear()
        if not typed.strip():
            self.summary.setText("Type a word or two: every word must match the start of a word.")
            return
        if not hits:
            self.summary.setText(f"Nothing in the notebook matches “{typed.strip()}”.")
            return
        groups: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            group = groups.get(hit.group)
            if group is None:
                group = QTreeWidgetItem(self.results, [f"<b>{escape(hit.group)}</b>"])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[hit.group] = group
            item = QTreeWidgetItem(group, [hit_html(hit)])
            item.setData(0, HIT_ROLE, hit)
        for group in groups.values():
            group.setText(0, f"{group.text(0)} <small>({group.childCount()})</small>")
        self.results.expandAll()
        more = " (the 50 best)" if len(hits) >= 50 else ""
        self.summary.setText(f"{len(hits)} results{more}. Press ↓ to go through them and Enter to open one.")
        if self._open_when_shown:
            self._open_first()

    def _first_hit_item(self) -> QTreeWidgetItem | None:
        first = self.results.topLevelItem(0)
        return first.child(0) if first is not None else None

    def _open_first(self) -> None:
        """Enter in the box opens the best result, waiting for the search if it is still running."""
        self._pause.stop()
        if self._shown_for != self.box.text():
            self._open_when_shown = True
            self.run_search()
            return
        self._open_when_shown = False
        item = self._first_hit_item()
        if item is not None:
            self._open(item)

    def _open(self, item: QTreeWidgetItem) -> None:
        hit = item.data(0, HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return
        if hit.open_kind == "log_entry":
            self.context.navigator.open_entry(hit.open_id)
        elif hit.person_id:
            self.context.navigator.open_agent(hit.person_id)
