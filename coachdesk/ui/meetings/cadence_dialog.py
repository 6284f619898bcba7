"""Changing how often a series meets; when the app suggests weekly, the dialog says why and offers it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coachdesk.models import Cadence
from coachdesk.services.meetings import CADENCE_DAYS, SeriesSummary, SeriesView
from coachdesk.ui.context import UiContext
from coachdesk.ui.meetings.cadence_picker import CadencePicker
from coachdesk.ui.meetings.form_dialog import FormDialog, Work
from coachdesk.ui.meetings.series_columns import how_often, rhythm_words


class CadenceDialog(FormDialog):
    def __init__(
        self, context: UiContext, summary: SeriesSummary, suggestion: str | None, parent: QWidget | None = None
    ) -> None:
        series = summary.series
        super().__init__(context, f"Cadence of one-on-ones with {series.report_name}", "&Change cadence", parent)
        self._series = series
        now = f"{series.report_name} and {series.manager_name} meet {rhythm_words(series)}."
        advice = f" Weekly is suggested: {suggestion}" if suggestion else ""
        self.set_intro(f"{now}{advice} Meetings already scheduled keep their dates.")
        self.cadence = CadencePicker()
        if suggestion:
            self.cadence.set_cadence(Cadence.WEEKLY, CADENCE_DAYS[Cadence.WEEKLY])
        else:
            self.cadence.set_cadence(series.cadence, series.interval_days)
        self.add_row("&Cadence:", self.cadence, "interval", buddy=self.cadence.choice)
        self.cadence.choice.setFocus()

    def work(self) -> Work | None:
        meetings, series_id = self.context.services.meetings, self._series.id
        cadence, interval = self.cadence.cadence(), self.cadence.interval_days()
        return lambda: meetings.change_cadence(series_id, cadence, interval)

    def saved_message(self, result: SeriesView) -> str:
        return f"One-on-ones with {result.report_name} are now {how_often(result)}."
