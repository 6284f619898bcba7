"""Today's "Recognise this week": who has earned recognition and why, each a click away from the Recognise dialog.

It loads and reloads on its own, as a page does, when recognition, KPIs, plans, commitments or people change: so
recognising someone reloads this short list (and they are gone from it), not the whole of Today.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QVBoxLayout

from coachdesk.services.recognition_prompts import QUIET_DAYS, RecognitionPrompt
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.formatting import plural
from coachdesk.ui.page import Page
from coachdesk.ui.recognition.recognise_dialog import Prefill, RecogniseDialog
from coachdesk.ui.row_buttons import put_row_buttons
from coachdesk.ui.today.rows_table_model import Column
from coachdesk.ui.today.table_section import TableSection
from coachdesk.ui.widgets import muted

TITLE = "Recognise this week"
ACTION_COLUMN = 2
COLUMNS: tuple[Column[RecognitionPrompt], ...] = (
    Column("Person", lambda p: p.person_name, bold=True),
    Column("Why", lambda p: p.words, tooltip=lambda p: p.words, stretch=True),
    Column("", lambda _p: ""),
)


class RecognitionPrompts(Page):
    title = TITLE
    topics = frozenset({Topic.RECOGNITION, Topic.KPIS, Topic.PLANS, Topic.COMMITMENTS, Topic.PEOPLE})

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.section = TableSection(
            TITLE,
            COLUMNS,
            "Nobody new to recognise this week: no KPI back on target or long run on it, no plan step completed, "
            "no month of commitments all kept, among those not recognised lately.",
            person_of=lambda p: p.person_id,
        )
        self.section.table.setToolTip("A click or Enter opens Recognise… with the reason filled in")
        self.section.table.opened.connect(self.recognise_person)
        note = muted(
            f"A KPI back on target or on it for a long run, a plan step completed, a month of commitments kept. "
            f"Anyone recognised in the last {QUIET_DAYS} days is left out."
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.section)
        layout.addWidget(note)

    def refresh(self) -> None:
        self.context.load(self, self.context.services.recognition_prompts.this_week, self.show_prompts)

    def show_prompts(self, prompts: Sequence[RecognitionPrompt]) -> None:
        self.section.show_rows(prompts, f"{TITLE} — {plural(len(prompts), 'person', 'people')}")
        put_row_buttons(
            self.section.table,
            ACTION_COLUMN,
            prompts,
            text="Recognise…",
            name=lambda p: f"Recognise {p.person_name}",
            act=lambda p: self.recognise_person(p.person_id),
        )

    def recognise_person(self, person_id: str) -> None:
        prompt = next(p for p in self.section.model.rows if p.person_id == person_id)
        reason = prompt.reasons[0]
        dialog = RecogniseDialog(
            self.context, prompt.person_id, prompt.person_name, Prefill(reason.words, reason.kpi_id), parent=self
        )
        dialog.open()
