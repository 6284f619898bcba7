"""Importing KPI values from a contact-centre export: the columns as guessed, a preview, then all of it or nothing.

The check is the core's own (`services.kpi_import.preview`), the same one the import runs, so a clean preview means
the import will succeed. Reading and importing run on the worker with a busy bar, so a year-long workbook never
freezes the window. A corrected column is sent as an override; the service remembers the mapping that imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QProgressBar,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError, ImportRejected, RowProblem
from coachdesk.services import Services
from coachdesk.services.kpi_import import IGNORE, KPI, PERIOD, PERSON, VALUE, KpiImportPreview
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.file_import import FileImportDialog
from coachdesk.ui.formatting import day_text, plural
from coachdesk.ui.problem_text import set_problem_colour, show_problem
from coachdesk.ui.team.refusals import catching
from coachdesk.ui.widgets import heading, muted, row_list

HOW_IT_WORKS = (
    "Choose a CSV or Excel export. Each column is matched to what it holds; correct any guess below and it is "
    "remembered for files with the same columns. Values replace what is stored for the same person, KPI and period."
)
ROLE_WORDS = {
    IGNORE: "Not imported",
    PERSON: "Person (employee id or name)",
    PERIOD: "Date or period",
    KPI: "KPI name (with a value column)",
    VALUE: "Value (with a KPI name column)",
}
PREVIEW_LIMIT = 500
"""Rows listed in the preview; the summary counts them all."""


@dataclass(frozen=True)
class ImportCheck:
    """A file's preview (or why it could not be read) and the KPIs a column could hold."""

    preview: KpiImportPreview | CoachDeskError
    kpi_names: tuple[str, ...]


def check_file(services: Services, path: Path, overrides: dict[str, str]) -> ImportCheck:
    preview = catching(lambda: services.kpi_import.preview(path, overrides))()
    return ImportCheck(preview, tuple(k.name for k in services.kpis.list_kpis()))


def rows_words(rows: list[int]) -> str:
    """ "row 4", "rows 4 and 9", "rows 4, 9 and 12", "rows 4, 9, 12 and 30 more"."""
    shown = [str(r) for r in rows[:3]]
    if len(rows) > len(shown):
        shown.append(f"{len(rows) - 3} more")
    if len(shown) == 1:
        return f"row {shown[0]}"
    return f"rows {', '.join(shown[:-1])} and {shown[-1]}"


def refused_words(problems: tuple[RowProblem, ...]) -> str:
    """Why Import is off, and what to do about it."""
    rows = sorted({p.row for p in problems if p.row > 1})
    if any(p.row == 1 for p in problems):
        fix = "choose what each column holds above"
        if rows:
            fix += f", then fix {rows_words(rows)} in the file"
    else:
        fix = f"fix {rows_words(rows)} in the file and press Check again, or change what a column holds above"
    return f"Nothing is imported until every row is valid: {fix}."


class KpiImportDialog(FileImportDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "Import KPI values", "KPI export", parent)
        self._overrides: dict[str, str] = {}
        self.resize(860, 640)
        self.busy = QProgressBar()
        self.busy.setAccessibleName("Working")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.columns = QGroupBox("What each column &holds")
        self.columns.setAccessibleName("Column mapping")
        self.column_form = QFormLayout(self.columns)
        self.column_boxes: dict[str, QComboBox] = {}
        self._column_choices: list[tuple[str, str]] = []
        self.columns.hide()
        self.problems = row_list("Refused rows", ["Row", "Why it is refused"])
        self.rows = row_list("Values in the file", ["Row", "Person", "KPI", "Period starting", "Value", "Change"])
        self.rows.setColumnWidth(1, 180)
        self.rows.setColumnWidth(2, 160)
        self.rows.setColumnWidth(3, 130)
        self.import_button.setAccessibleName("Import the values")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Import KPI values", 1.3))
        layout.addWidget(muted(HOW_IT_WORKS))
        layout.addLayout(self.chooser)
        layout.addWidget(self.busy)
        layout.addWidget(self.columns)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.rows, 2)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self.problems.hide()
        self.rows.hide()

    def preview_file(self, path: Path) -> None:
        """Checks a newly chosen file with the remembered or guessed columns; imports nothing."""
        self._overrides = {}
        self._check(path)

    def check_again(self) -> None:
        if self._path is not None:
            self._check(self._path)

    def set_column(self, column: str, holds: str) -> None:
        """What a person chose in a column's box: checked again at once with that correction."""
        self._overrides[column] = holds
        if self._path is not None:
            self._check(self._path)

    def _check(self, path: Path) -> None:
        self.start_check(path)
        self.busy.show()
        services, overrides = self.context.services, dict(self._overrides)
        self.context.load(self, lambda: check_file(services, path, overrides), self._show_check)

    def run_import(self) -> None:
        if self._path is None or not self.import_button.isEnabled():
            return
        self.import_button.setEnabled(False)
        importer, path, overrides = self.context.services.kpi_import, self._path, dict(self._overrides)
        set_problem_colour(self.summary, on=False)
        self.summary.setText(f"Importing {path.name}…")
        self.busy.show()
        self.context.change(self, catching(lambda: importer.import_file(path, overrides)), self._imported, Topic.KPIS)

    def _show_check(self, check: ImportCheck) -> None:
        self.busy.hide()
        result = check.preview
        if isinstance(result, CoachDeskError):
            self.columns.hide()
            self._show_problems(result.message, ())
            return
        self._show_columns(result.mapping.columns, result.column_titles, check.kpi_names)
        if result.problems:
            found = plural(len(result.problems), "problem")
            self._show_problems(f"{result.source}: {found} found. {refused_words(result.problems)}", result.problems)
        else:
            self.problems.hide()
            set_problem_colour(self.summary, on=False)
            self.summary.setText(
                f"{result.source}: {plural(result.new_count, 'new value')} and {plural(result.update_count, 'update')}"
                " to stored values. Nothing is changed until you press Import."
            )
        self._show_rows(result)
        self.import_button.setEnabled(bool(result.rows) and not result.problems)

    def _show_columns(self, columns: dict[str, str], titles: dict[str, str], kpi_names: tuple[str, ...]) -> None:
        """One box per column of the file, set to what it is read as now. The boxes are built once per file and only
        set after each check, so the box being changed by keyboard keeps the focus."""
        choices = [*ROLE_WORDS.items(), *((name, f"Values of {name}") for name in kpi_names)]
        if list(columns) != list(self.column_boxes) or choices != self._column_choices:
            self._build_column_boxes({column: titles.get(column, column) for column in columns}, choices)
        for column, holds in columns.items():
            box = self.column_boxes[column]
            box.setCurrentIndex(max(0, box.findData(holds)))
        self.columns.show()

    def _build_column_boxes(self, columns: dict[str, str], choices: list[tuple[str, str]]) -> None:
        """A box for each column, labelled with its header as the file writes it, between the file and its values
        in the tab order, as on screen."""
        while self.column_form.rowCount():
            self.column_form.removeRow(0)
        self.column_boxes = {}
        self._column_choices = choices
        before: QWidget = self.again_button
        for column, title in columns.items():
            box = QComboBox()
            box.setAccessibleName(f"Column {title}")
            for value, words in choices:
                box.addItem(words, value)
            box.activated.connect(lambda _index, c=column, b=box: self.set_column(c, b.currentData()))
            self.column_form.addRow(f"{title}:", box)
            self.column_boxes[column] = box
            QWidget.setTabOrder(before, box)
            before = box
        QWidget.setTabOrder(before, self.problems)
        QWidget.setTabOrder(self.problems, self.rows)

    def _show_rows(self, preview: KpiImportPreview) -> None:
        self.rows.clear()
        today = self.context.services.kpi_import.today()
        for row in preview.rows[:PREVIEW_LIMIT]:
            change = "New" if row.previous is None else f"Replaces {row.previous:g}"
            period = day_text(row.period_start, today)
            values = [str(row.row), row.person_name, row.kpi_name, period, f"{row.value:g}"]
            self.rows.addTopLevelItem(QTreeWidgetItem([*values, change]))
        self.rows.setVisible(bool(preview.rows))
        more = len(preview.rows) - PREVIEW_LIMIT
        self.rows.setToolTip(f"The first {PREVIEW_LIMIT} values; {more} more are in the file." if more > 0 else "")

    def _show_problems(self, message: str, problems: list[RowProblem] | tuple[RowProblem, ...]) -> None:
        show_problem(self.summary, message)
        self.problems.clear()
        for problem in problems:
            self.problems.addTopLevelItem(
                QTreeWidgetItem(["columns" if problem.row == 1 else str(problem.row), problem.message])
            )
        self.problems.setVisible(bool(problems))

    def _imported(self, result: KpiImportPreview | CoachDeskError) -> None:
        self.busy.hide()
        if isinstance(result, ImportRejected):
            self.rows.hide()
            self._show_problems(f"{result.message} {refused_words(tuple(result.problems))}", result.problems)
            return
        if isinstance(result, CoachDeskError):
            self._show_problems(result.message, ())
            self.import_button.setEnabled(True)
            return
        self.columns.setEnabled(False)
        self.show_imported(
            f"Imported {plural(len(result.rows), 'value')} from {result.source}: "
            f"{result.new_count} new, {result.update_count} updated."
        )
