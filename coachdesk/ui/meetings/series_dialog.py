"""Setting up a one-on-one series: who with whom, how often, when, and the first meeting.

The manager is the notebook owner unless changed; the people who report to the chosen manager come first in the
list of reports, and pairs that already meet are left out. The first meeting is proposed from the usual day and
time, so the next meeting is known from the start.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from coachdesk.services.meetings import DEFAULT_TIME, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, soonest_slot
from coachdesk.services.people import PersonView
from coachdesk.ui.context import UiContext
from coachdesk.ui.meetings.cadence_picker import CadencePicker
from coachdesk.ui.meetings.form_dialog import FormDialog, Work
from coachdesk.ui.meetings.series_columns import WEEKDAYS
from coachdesk.ui.meetings.time_fields import as_time, date_field, moment_of, set_day, time_field
from coachdesk.ui.today.wording import short_day

DEFAULT_MINUTES = 30
DAY_NAMES = tuple(day.removesuffix("s") for day in WEEKDAYS)


class NewSeriesDialog(FormDialog):
    """`people` are everyone active; `taken` the (manager, report) pairs that already have a series."""

    def __init__(
        self,
        context: UiContext,
        people: Sequence[PersonView],
        taken: Collection[tuple[str, str]],
        *,
        owner_id: str | None,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "New one-on-one series", "&Create series", parent)
        self._people = people
        self._taken = set(taken)
        self._now = now
        self.manager = QComboBox()
        self.manager.setAccessibleName("Manager")
        for person in people:
            if person.is_manager:
                self.manager.addItem(person.full_name, person.id)
        self.manager.setCurrentIndex(max(0, self.manager.findData(owner_id)))
        self.report = QComboBox()
        self.report.setAccessibleName("Report")
        self.report.setPlaceholderText("Nobody left without a series with this manager")
        self.cadence = CadencePicker()
        self.weekday = QComboBox()
        self.weekday.setAccessibleName("Usual day")
        self.weekday.addItem("Any working day", None)
        for number, name in enumerate(DAY_NAMES):
            self.weekday.addItem(name, number)
        self.weekday.setCurrentIndex(self.weekday.findData(min(now.weekday(), 4)))
        self.usual_time = time_field("Usual time", DEFAULT_TIME)
        self.duration = QSpinBox()
        self.duration.setAccessibleName("Duration")
        self.duration.setRange(MIN_DURATION_MINUTES, MAX_DURATION_MINUTES)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(" min")
        self.duration.setValue(DEFAULT_MINUTES)
        self.has_first = QCheckBox("&First meeting:")
        self.has_first.setAccessibleName("Schedule the first meeting")
        self.has_first.setChecked(True)
        self.first = date_field("First meeting", now.date())
        self.first.setToolTip("The first meeting is at the usual time on this day; leave it unticked to plan it later.")
        self.has_first.toggled.connect(self.first.setEnabled)
        self.add_row("&Manager:", self.manager, "manager_id")
        self.add_row("&Report:", self.report, "report_id")
        self.add_row("&Cadence:", self.cadence, "interval", buddy=self.cadence.choice)
        self.add_row("Usual &day:", self.weekday, "weekday")
        self.add_row("Usual &time:", self.usual_time, "usual_time")
        self.add_row("D&uration:", self.duration, "duration_minutes")
        self.add_row(self.has_first, self.first, "first_meeting_at")
        self.manager.currentIndexChanged.connect(self._fill_reports)
        self.weekday.currentIndexChanged.connect(self._propose_first)
        self.usual_time.timeChanged.connect(self._propose_first)
        self._fill_reports()
        self._propose_first()
        self.report.setFocus()

    def _fill_reports(self) -> None:
        """The manager's own people first, then everyone else, leaving out whoever already meets them."""
        manager_id = self.manager.currentData()
        others = [p for p in self._people if p.id != manager_id and (manager_id, p.id) not in self._taken]
        direct = [p for p in others if p.reports_to_id == manager_id]
        rest = [p for p in others if p.reports_to_id != manager_id]
        self.report.clear()
        for person in direct:
            self.report.addItem(person.full_name, person.id)
        if direct and rest:
            self.report.insertSeparator(self.report.count())
        for person in rest:
            self.report.addItem(person.full_name, person.id)
        self.report.setCurrentIndex(0 if others else -1)

    def _propose_first(self) -> None:
        slot = soonest_slot(self._now, self.weekday.currentData(), as_time(self.usual_time.time()))
        set_day(self.first, slot.date())

    def first_meeting_at(self) -> datetime | None:
        if not self.has_first.isChecked():
            return None
        return moment_of(self.first, self.usual_time)

    def work(self) -> Work | None:
        manager_id, report_id = self.manager.currentData(), self.report.currentData()
        if manager_id is None:
            self.refuse("manager_id", "Choose the manager who runs these one-on-ones.")
            return None
        if report_id is None:
            self.refuse("report_id", "Choose who the one-on-ones are with.")
            return None
        meetings = self.context.services.meetings
        cadence, interval = self.cadence.cadence(), self.cadence.interval_days()
        weekday, usual_time = self.weekday.currentData(), as_time(self.usual_time.time())
        minutes, first = self.duration.value(), self.first_meeting_at()
        return lambda: meetings.create_series(
            manager_id,
            report_id,
            cadence,
            interval_days=interval,
            weekday=weekday,
            usual_time=usual_time,
            duration_minutes=minutes,
            first_meeting_at=first,
        )

    def saved_message(self, result: object) -> str:
        first = self.first_meeting_at()
        when = f", first on {short_day(first.date())} at {first:%H:%M}" if first else ""
        return f"One-on-ones set up for {self.manager.currentText()} and {self.report.currentText()}{when}."
