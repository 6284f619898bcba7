"""Date and time fields for meetings, and the conversions between Qt's dates and times and Python's."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDateEdit, QTimeEdit

from coachdesk.ui.widgets import as_date, as_qdate


def as_time(moment: QTime) -> time:
    return time(moment.hour(), moment.minute())


def as_qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute)


def date_field(name: str, day: date) -> QDateEdit:
    """A day typed or picked from a calendar, shown as "Wed 25 Nov 2026" so the weekday is never in doubt."""
    field = QDateEdit(as_qdate(day))
    field.setAccessibleName(name)
    field.setCalendarPopup(True)
    field.setDisplayFormat("ddd d MMM yyyy")
    return field


def time_field(name: str, moment: time) -> QTimeEdit:
    field = QTimeEdit(as_qtime(moment))
    field.setAccessibleName(name)
    field.setDisplayFormat("HH:mm")
    return field


def moment_of(day: QDateEdit, at: QTimeEdit) -> datetime:
    return datetime.combine(as_date(day.date()), as_time(at.time()))


def set_day(field: QDateEdit, day: date) -> None:
    field.setDate(as_qdate(day))
