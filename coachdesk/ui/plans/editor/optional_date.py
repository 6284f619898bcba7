"""A date field that may be left empty: "No due date" until a day is picked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from coachdesk.ui.widgets import as_date, as_qdate

NOT_SET = QDate(2000, 1, 1)


class OptionalDateField(QDateEdit):
    def __init__(self, name: str, empty_text: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setCalendarPopup(True)
        self.setDisplayFormat("ddd d MMM yyyy")
        self.setMinimumDate(NOT_SET)
        self.setSpecialValueText(empty_text)
        self.setDate(NOT_SET)
        self.setToolTip(f"{name}; the earliest value means “{empty_text.lower()}”.")

    def day(self) -> date | None:
        return None if self.date() == NOT_SET else as_date(self.date())

    def set_day(self, day: date | None, near: date) -> None:
        """Shows `day`, or the empty text with the calendar opening on `near` rather than in the year 2000."""
        self.setDate(NOT_SET if day is None else as_qdate(day))
        calendar = self.calendarWidget()
        calendar.setCurrentPage(*((day or near).year, (day or near).month))
