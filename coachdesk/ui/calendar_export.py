"""Exporting the one-on-one schedule from the app: choose a file, then write it off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from coachdesk.services.calendar_export import ScheduleCalendar
from coachdesk.ui.context import UiContext

DEFAULT_NAME = "one-on-ones.ics"
FILE_TYPES = "Calendar files (*.ics)"


def export_schedule(context: UiContext, parent: QWidget) -> None:
    """Asks where to save the schedule, then exports it; the dialog adds ".ics" and asks before replacing a file."""
    dialog = QFileDialog(parent, "Export one-on-ones to a calendar file", str(Path.home()), FILE_TYPES)
    dialog.setAccessibleName("Export one-on-ones to a calendar file")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("ics")
    dialog.selectFile(DEFAULT_NAME)
    if dialog.exec():
        export_schedule_to(context, parent, Path(dialog.selectedFiles()[0]))


def export_schedule_to(context: UiContext, parent: QWidget, target: Path) -> None:
    """Writes on the worker, since the schedule is read from the notebook; says in the status bar what was saved."""

    def saved(schedule: ScheduleCalendar) -> None:
        context.navigator.show_saved(f"Saved {schedule.summary} to {target}. {schedule.note}".strip())

    context.load(parent, lambda: context.services.calendar.export_to(target), saved)
