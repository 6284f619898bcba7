"""Choosing when a meeting is: the next one of a series (proposed by its cadence), or a new time for one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from coachdesk.services.meetings import MeetingView, SeriesSummary
from coachdesk.ui.context import UiContext
from coachdesk.ui.meetings.form_dialog import FormDialog, Work
from coachdesk.ui.meetings.series_columns import rhythm_words
from coachdesk.ui.meetings.time_fields import date_field, moment_of, time_field
from coachdesk.ui.today.wording import short_day

Call = Callable[[datetime], MeetingView]


def when(moment: datetime) -> str:
    return f"{short_day(moment.date())} at {moment:%H:%M}"


class MeetingTimeDialog(FormDialog):
    """`call` saves the chosen time on the worker; `field` is the service's name for it, for its refusals."""

    def __init__(
        self,
        context: UiContext,
        *,
        title: str,
        save_text: str,
        intro: str,
        at: datetime,
        field: str,
        call: Call,
        person_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, title, save_text, parent)
        self._call = call
        self._person_name = person_name
        self.set_intro(intro)
        self.day = date_field("Day", at.date())
        self.at = time_field("Time", at.time())
        self.add_row("&Day:", self.day, field)
        self.add_row("&Time:", self.at)
        self.day.setFocus()

    def chosen(self) -> datetime:
        return moment_of(self.day, self.at)

    def work(self) -> Work | None:
        call, moment = self._call, self.chosen()
        return lambda: call(moment)

    def saved_message(self, result: MeetingView) -> str:
        return f"One-on-one with {self._person_name} on {when(result.scheduled_at)}."


def schedule_next_dialog(
    context: UiContext, summary: SeriesSummary, proposed: datetime, parent: QWidget | None = None
) -> MeetingTimeDialog:
    series, meetings = summary.series, context.services.meetings
    return MeetingTimeDialog(
        context,
        title=f"Next one-on-one with {series.report_name}",
        save_text="&Schedule",
        intro=f"Proposed by the series' rhythm ({rhythm_words(series)}); change the day or time if it does not "
        "suit either of you.",
        at=proposed,
        field="at",
        call=lambda at: meetings.schedule_next(series.id, at),
        person_name=series.report_name,
        parent=parent,
    )


def move_dialog(
    context: UiContext, meeting_id: str, person_name: str, at: datetime, parent: QWidget | None = None
) -> MeetingTimeDialog:
    meetings = context.services.meetings
    return MeetingTimeDialog(
        context,
        title=f"Move the one-on-one with {person_name}",
        save_text="&Move",
        intro=f"Now on {when(at)}. Its agenda moves with it.",
        at=at,
        field="to",
        call=lambda to: meetings.move_meeting(meeting_id, to),
        person_name=person_name,
        parent=parent,
    )
