"""Which coaching works: KPI-focused sessions whose follow-up date has passed, summed per agent, focus or coach."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QTreeWidgetItem, QVBoxLayout, QWidget

from coachdesk.services.coaching_effect import CoachingEffect, EffectSummary, Grouping
from coachdesk.ui.formatting import kpi_value, plural
from coachdesk.ui.widgets import muted, row_list

GROUPING_WORDS = {Grouping.FOCUS: "Per foc&us", Grouping.AGENT: "Per &agent", Grouping.COACH: "Per c&oach"}
SUBJECT = {
    Grouping.FOCUS: "Sessions focused on {}",
    Grouping.AGENT: "Sessions with {}",
    Grouping.COACH: "Sessions held by {}",
}
HEADERS = ["Focus", "Sessions", "Reached target", "Missed", "Can't tell", "Reached", "Mean change"]
FIRST_HEADER = {Grouping.FOCUS: "Focus", Grouping.AGENT: "Agent", Grouping.COACH: "Coach"}
NOTHING_YET = (
    "No coaching session with a KPI focus has reached its follow-up date yet. When you log a session, choose the KPI "
    "it works on and a follow-up date; once that date passes, this shows whether the KPI reached its target by then."
)
HOW_IT_IS_COUNTED = (
    "Before: the mean of the 4 periods before the session. After: the period covering the follow-up date. "
    "The target is the one set in the session, or the agent's own. Without values on both sides a session "
    "counts as can't tell, not as missed."
)


def effect_sentence(summary: EffectSummary, grouping: Grouping) -> str:
    """ "Sessions focused on adherence reached target by the follow-up 9 times out of 14"."""
    subject = SUBJECT[grouping].format(summary.label)
    if not summary.told:
        return f"{subject}: none can be told yet ({plural(summary.cant_tell, 'session')} without values on both sides)."
    sentence = f"{subject} reached target by the follow-up {plural(summary.reached, 'time')} out of {summary.told}"
    if summary.cant_tell:
        sentence += f"; {summary.cant_tell} more can't tell yet"
    return sentence + "."


def gain_words(summary: EffectSummary) -> str:
    if summary.mean_gain is None:
        return ""
    if summary.kpi is None:
        return "several KPIs"
    direction = "better" if summary.mean_gain > 0 else "worse" if summary.mean_gain < 0 else "no change"
    return f"{kpi_value(abs(summary.mean_gain), summary.kpi)} {direction}" if summary.mean_gain else direction


class EffectView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Coaching effectiveness")
        self._effect = CoachingEffect(())
        self.grouping = Grouping.FOCUS
        self.buttons = QButtonGroup(self)
        switch = QHBoxLayout()
        for grouping, words in GROUPING_WORDS.items():
            button = QRadioButton(words)
            button.setAccessibleName(words.replace("&", ""))
            button.setChecked(grouping is self.grouping)
            button.toggled.connect(lambda on, g=grouping: self._switched(on, g))
            self.buttons.addButton(button)
            switch.addWidget(button)
        switch.addStretch(1)
        self.sentence = QLabel(NOTHING_YET)
        self.sentence.setWordWrap(True)
        self.sentence.setAccessibleName("In words")
        self.table = row_list("Coaching effectiveness by group", HEADERS)
        self.table.setColumnWidth(0, 220)
        self.table.currentItemChanged.connect(self._say)
        layout = QVBoxLayout(self)
        layout.addLayout(switch)
        layout.addWidget(self.sentence)
        layout.addWidget(self.table, 1)
        layout.addWidget(muted(HOW_IT_IS_COUNTED))

    def _switched(self, on: bool, grouping: Grouping) -> None:
        if on:
            self.group_by(grouping)

    def show_effect(self, effect: CoachingEffect) -> None:
        self._effect = effect
        self.group_by(self.grouping)

    def group_by(self, grouping: Grouping) -> None:
        self.grouping = grouping
        self.table.clear()
        self.table.headerItem().setText(0, FIRST_HEADER[grouping])
        summaries = self._effect.summary(grouping)
        for summary in summaries:
            share = "" if summary.reached_share is None else f"{summary.reached_share:.0%}"
            cells = [summary.sessions, summary.reached, summary.missed, summary.cant_tell]
            item = QTreeWidgetItem([summary.label, *map(str, cells), share, gain_words(summary)])
            item.setToolTip(0, effect_sentence(summary, grouping))
            self.table.addTopLevelItem(item)
        self.table.setVisible(bool(summaries))
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
        else:
            self.sentence.setText(NOTHING_YET)

    def _say(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.sentence.setText(item.toolTip(0))
