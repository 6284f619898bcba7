"""Importing a roster file: see what it would change first, then import all of it, or see every row that stops it.

The file is read on the worker, so a large workbook never freezes the window; the check is the core's own
(`services.roster.preview`), the same one the import runs, so a clean preview means the import will succeed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError, ImportRejected, RowProblem
from coachdesk.services.roster import RosterPreview
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.file_import import FileImportDialog
from coachdesk.ui.problem_text import set_problem_colour, show_problem
from coachdesk.ui.team.refusals import catching
from coachdesk.ui.widgets import heading, muted, row_list

HOW_IT_WORKS = (
    "A roster needs a name and an employee id column; it may also have role, team, site, reports to (an employee "
    "id or a full name), start date, email, type (agent, manager or both) and cadence days. People are matched "
    "by employee id, so importing next month's roster updates them instead of adding them twice."
)
FIX_AND_RETRY = "Fix these rows in the file and try again."
NOTHING_IMPORTED = f"Nothing was imported. {FIX_AND_RETRY}"


def people_words(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


class RosterImportDialog(FileImportDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "Import a roster", "roster", parent)
        self.resize(760, 520)
        self.problems = row_list("Problems", ["Row", "Problem"])
        self.rows = row_list("People in the file", ["Row", "Name", "Employee id", "Change", "Reports to"])
        self.unused = muted("")
        self.unused.setAccessibleName("Unused columns")
        self.unused.hide()
        self.import_button.setAccessibleName("Import the roster")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Import a roster", 1.3))
        layout.addWidget(muted(HOW_IT_WORKS))
        layout.addLayout(self.chooser)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.unused)
        layout.addWidget(self.buttons)
        self.problems.hide()
        self.rows.hide()

    def preview_file(self, path: Path) -> None:
        self.start_check(path)
        roster = self.context.services.roster
        self.context.load(self, catching(lambda: roster.preview(path)), self._show_preview)

    def run_import(self) -> None:
        if self._path is None or not self.import_button.isEnabled():
            return
        self.import_button.setEnabled(False)
        roster, path = self.context.services.roster, self._path
        self.context.change(self, catching(lambda: roster.import_file(path)), self._imported, Topic.PEOPLE)

    def _show_preview(self, result: RosterPreview | CoachDeskError) -> None:
        if isinstance(result, CoachDeskError):
            self._show_problems(result.message, [])
            return
        self._show_unused(result.unused_columns)
        if result.problems:
            count = len(result.problems)
            found = "1 problem" if count == 1 else f"{count} problems"
            self._show_problems(f"{result.source}: {found} found. {NOTHING_IMPORTED}", result.problems)
            return
        self.problems.hide()
        self.rows.clear()
        for row in result.rows:
            change = "New" if row.is_new else "Update"
            values = [str(row.row), row.full_name, row.employee_id, change, row.values.get("reports_to", "")]
            item = QTreeWidgetItem(values)
            self.rows.addTopLevelItem(item)
        self.rows.show()
        set_problem_colour(self.summary, on=False)
        self.summary.setText(
            f"{result.source}: {people_words(result.new_count)} to add and {people_words(result.update_count)} "
            "to update. Nothing is changed until you press Import."
        )
        self.import_button.setEnabled(bool(result.rows))

    def _show_problems(self, message: str, problems: list[RowProblem] | tuple[RowProblem, ...]) -> None:
        show_problem(self.summary, message)
        self.rows.hide()
        self.problems.clear()
        for problem in problems:
            self.problems.addTopLevelItem(QTreeWidgetItem([str(problem.row), problem.message]))
        self.problems.setVisible(bool(problems))

    def _show_unused(self, columns: tuple[str, ...]) -> None:
        self.unused.setText(f"Not read (no field takes them): {', '.join(columns)}." if columns else "")
        self.unused.setVisible(bool(columns))

    def _imported(self, result: RosterPreview | CoachDeskError) -> None:
        if isinstance(result, ImportRejected):
            self._show_problems(f"{result.message} {FIX_AND_RETRY}", result.problems)
            return
        if isinstance(result, CoachDeskError):
            self._show_problems(result.message, [])
            self.import_button.setEnabled(True)
            return
        self.show_imported(f"Imported {result.new_count} new, updated {result.update_count}.")
