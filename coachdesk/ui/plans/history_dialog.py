"""A plan's history: each revision, newest first, with when, by whom, why, and what it changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from coachdesk.services.plans import RevisionView
from coachdesk.ui.context import UiContext
from coachdesk.ui.formatting import moment_text
from coachdesk.ui.widgets import muted


class PlanHistoryDialog(QDialog):
    def __init__(self, context: UiContext, plan_id: str, title: str) -> None:
        super().__init__()
        self.setWindowTitle(f"History of “{title}” — CoachDesk")
        self.setAccessibleName("Plan history")
        self.resize(640, 560)
        self.summary = muted("Loading…")
        self.summary.setAccessibleName("Revisions")
        self.revisions = QTextBrowser()
        self.revisions.setAccessibleName("What each revision changed")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.revisions, 1)
        layout.addWidget(buttons)
        plans = context.services.plans
        context.load(self, lambda: (plans.history(plan_id), plans.today()), self._show)

    def _show(self, loaded: tuple[list[RevisionView], date]) -> None:
        history, today = loaded
        if not history:
            self.summary.setText("This plan has not been revised yet: it stands as first agreed.")
            self.revisions.hide()
            return
        self.summary.setText(
            "1 revision, newest first." if len(history) == 1 else f"{len(history)} revisions, newest first."
        )
        muted_colour = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.revisions.setHtml(revisions_html(history, today, muted_colour))
        self.revisions.setFocus()


def revisions_html(history: Sequence[RevisionView], today: date, muted_colour: str) -> str:
    parts = []
    for revision in reversed(history):
        by = f" by {escape(revision.author_name)}" if revision.author_name else ""
        reason = escape(revision.reason) or "No reason given."
        changes = "".join(f"<li>{escape(change)}</li>" for change in revision.changes)
        body = f"<ul>{changes}</ul>" if changes else f'<p style="color:{muted_colour}">Nothing in the plan changed.</p>'
        parts.append(
            f"<h3>Version {revision.number + 1} · {moment_text(revision.revised_at, today)}{by}</h3>"
            f"<p><i>{reason}</i></p>{body}"
        )
    return "".join(parts)
