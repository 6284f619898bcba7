"""Adding or changing one person: what a roster file would hold, plus the manager's own cadence choice and notes.

A refused save keeps the dialog open with the reason beside the field it concerns, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError
from coachdesk.services.people import MAX_CADENCE_DAYS, PersonDraft, PersonView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.problem_text import FieldProblems, problem_label
from coachdesk.ui.team.refusals import catching
from coachdesk.ui.widgets import as_date, as_qdate, muted

DEFAULT_CADENCE = "Default by tenure"


class PersonDialog(QDialog):
    """`managers` are (id, name) pairs to choose a manager from; `teams` are the names of existing teams."""

    saved = Signal(object)

    def __init__(
        self,
        context: UiContext,
        teams: Sequence[str],
        managers: Sequence[tuple[str, str]],
        person_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id = person_id
        self.setWindowTitle("Add a person — CoachDesk" if person_id is None else "Edit person — CoachDesk")
        self.setAccessibleName("Add a person" if person_id is None else "Edit person")
        self.setMinimumWidth(520)
        self._build(teams, [m for m in managers if m[0] != person_id])
        context.notices.failed.connect(self._enable_save)
        if person_id is not None:
            self.setEnabled(False)
            context.load(self, lambda: context.services.people.get(person_id), self._fill)

    def _build(self, teams: Sequence[str], managers: Sequence[tuple[str, str]]) -> None:
        self.problem = problem_label("Problem")
        self.name = self._line("Name", "e.g. Priya Shah")
        self.employee_id = self._line("Employee id", "as on the roster, e.g. E10231")
        self.email = self._line("Email", "name@example.com")
        self.role = self._line("Role", "e.g. Customer adviser")
        self.team = QComboBox()
        self.team.setEditable(True)
        self.team.addItems(["", *teams])
        self.team.setAccessibleName("Team")
        line_edit = self.team.lineEdit()
        assert line_edit is not None
        line_edit.setPlaceholderText("No team — or type a new team's name")
        self.reports_to = QComboBox()
        self.reports_to.setAccessibleName("Reports to")
        self.reports_to.addItem("Nobody", None)
        for manager_id, manager_name in managers:
            self.reports_to.addItem(manager_name, manager_id)
        self.has_start = QCheckBox("&Start date:")
        self.has_start.setAccessibleName("Start date is known")
        self.has_start.setToolTip("The start date sets the coaching cadence by tenure; leave it off if unknown.")
        self.start_date = QDateEdit(as_qdate(self.context.services.people.today()))
        self.start_date.setAccessibleName("Start date")
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat("ddd d MMM yyyy")
        self.start_date.setEnabled(False)
        self.has_start.toggled.connect(self.start_date.setEnabled)
        self.is_agent = QCheckBox("&Agent: is coached")
        self.is_agent.setAccessibleName("Is an agent")
        self.is_agent.setChecked(True)
        self.is_manager = QCheckBox("Mana&ger: coaches others")
        self.is_manager.setAccessibleName("Is a manager")
        self.cadence = QSpinBox()
        self.cadence.setAccessibleName("Coaching cadence")
        self.cadence.setRange(0, MAX_CADENCE_DAYS)
        self.cadence.setSpecialValueText(DEFAULT_CADENCE)
        self.cadence.setSuffix(" days")
        self.cadence.setToolTip(
            "Days between coaching sessions. By default new agents are coached weekly, developing agents "
            "fortnightly and established agents monthly; choose a number to set this person's own."
        )
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        kinds = QWidget()
        kinds_layout = QHBoxLayout(kinds)
        kinds_layout.setContentsMargins(0, 0, 0, 0)
        kinds_layout.addWidget(self.is_agent)
        kinds_layout.addWidget(self.is_manager)
        kinds_layout.addStretch(1)
        self.problems = FieldProblems(self.problem)
        self.errors = self.problems.labels
        self._fields: dict[str, QWidget] = {
            "full_name": self.name,
            "employee_id": self.employee_id,
            "email": self.email,
            "role": self.role,
            "team_id": self.team,
            "reports_to_id": self.reports_to,
            "start_date": self.start_date,
            "is_agent": self.is_agent,
            "cadence_days": self.cadence,
            "notes": self.notes,
        }
        form = QFormLayout()
        self._row(form, "&Name:", "full_name", self.name)
        self._row(form, "Employee &id:", "employee_id", self.employee_id)
        self._row(form, "E&mail:", "email", self.email)
        self._row(form, "&Role:", "role", self.role)
        self._row(form, "&Team:", "team_id", self.team)
        self._row(form, "Re&ports to:", "reports_to_id", self.reports_to)
        self._row(form, self.has_start, "start_date", self.start_date)
        self._row(form, "Kind:", "is_agent", kinds)
        self._row(form, "&Coaching cadence:", "cadence_days", self.cadence)
        self._row(form, "N&otes:", "notes", self.notes)
        form.addRow("", muted("Notes are private: they stay on this device and are left out of every export."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save person")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.setFocus()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setAccessibleName(name)
        line.setPlaceholderText(placeholder)
        return line

    def _row(self, form: QFormLayout, label: str | QCheckBox, field: str, widget: QWidget) -> None:
        """A form row with a place under the field for the reason a save was refused."""
        words = label.replace("&", "").rstrip(":") if isinstance(label, str) else "start date"
        error = problem_label(f"Problem with {words.lower()}")
        self.problems.add(field, error, self._fields[field])
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        form.addRow(label, holder)
        buddy = form.labelForField(holder)
        if isinstance(label, str) and isinstance(buddy, QLabel):
            buddy.setBuddy(widget)

    def _fill(self, person: PersonView) -> None:
        self.setEnabled(True)
        self.setWindowTitle(f"Edit {person.full_name} — CoachDesk")
        self.name.setText(person.full_name)
        self.employee_id.setText(person.employee_id or "")
        self.email.setText(person.email)
        self.role.setText(person.role)
        self.team.setCurrentText(person.team_name or "")
        if person.reports_to_id is not None and self.reports_to.findData(person.reports_to_id) < 0:
            self.reports_to.addItem(person.reports_to_name or "Someone not on the roster", person.reports_to_id)
        self.reports_to.setCurrentIndex(max(0, self.reports_to.findData(person.reports_to_id)))
        self.has_start.setChecked(person.start_date is not None)
        if person.start_date is not None:
            self.start_date.setDate(as_qdate(person.start_date))
        self.is_agent.setChecked(person.is_agent)
        self.is_manager.setChecked(person.is_manager)
        if not person.cadence_overridden:
            self.cadence.setSpecialValueText(f"{DEFAULT_CADENCE} (now every {person.cadence_days} days)")
        self.cadence.setValue(person.cadence_days if person.cadence_overridden else 0)
        self.notes.setPlainText(person.notes)
        self.name.setFocus()
        self.name.selectAll()

    def draft(self) -> PersonDraft:
        return PersonDraft(
            full_name=self.name.text(),
            employee_id=self.employee_id.text(),
            email=self.email.text(),
            role=self.role.text(),
            is_agent=self.is_agent.isChecked(),
            is_manager=self.is_manager.isChecked(),
            reports_to_id=self.reports_to.currentData(),
            start_date=as_date(self.start_date.date()) if self.has_start.isChecked() else None,
            cadence_days=self.cadence.value() or None,
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.clear_problems()
        draft, team, person_id = self.draft(), self.team.currentText(), self.person_id
        people = self.context.services.people
        self.save_button.setEnabled(False)
        self.context.change(self, catching(lambda: people.save(person_id, draft, team)), self._saved, Topic.PEOPLE)

    def show_problem(self, error: CoachDeskError) -> None:
        self.problems.show(error)

    def clear_problems(self) -> None:
        self.problems.clear()

    def _saved(self, result: PersonView | CoachDeskError) -> None:
        self._enable_save()
        if isinstance(result, CoachDeskError):
            self.show_problem(result)
            return
        verb = "added to the roster" if self.person_id is None else "saved"
        self.context.navigator.show_saved(f"{result.full_name} {verb}.")
        self.saved.emit(result)
        self.accept()

    def _enable_save(self) -> None:
        self.save_button.setEnabled(True)
