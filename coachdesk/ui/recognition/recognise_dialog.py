"""Recording recognition: what it is for, the KPI or behaviour it shows, who gave it and when.

It opens from an agent's page (Ctrl+R) and from Today's "Recognise this week" prompts, which fill in the reason.
The choices (KPIs, people) load on the worker; until they arrive the form waits, disabled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from coachdesk.services import Services
from coachdesk.services.kpis import KpiView
from coachdesk.services.people import PersonView
from coachdesk.services.recognition import RecognitionView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.meetings.form_dialog import FormDialog, Work
from coachdesk.ui.meetings.time_fields import date_field
from coachdesk.ui.widgets import as_date

REASON_CHARACTERS = 80
"""A reason is a sentence: this much of it shows without scrolling."""


@dataclass(frozen=True)
class Choices:
    kpis: list[KpiView]
    people: list[PersonView]
    owner_id: str | None
    today: date


def recognition_choices(services: Services) -> Choices:
    owner = services.people.owner()
    return Choices(
        services.kpis.list_kpis(), services.people.list_people(), owner.id if owner else None, services.people.today()
    )


@dataclass(frozen=True)
class Prefill:
    """What the form starts with: a prompt's reason and the KPI it is about."""

    reason: str = ""
    kpi_id: str | None = None


class RecogniseDialog(FormDialog):
    topics = (Topic.RECOGNITION,)

    def __init__(
        self,
        context: UiContext,
        person_id: str,
        person_name: str,
        prefill: Prefill | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, f"Recognise {person_name}", "&Recognise", parent)
        self.person_id = person_id
        self.person_name = person_name
        first = person_name.split(maxsplit=1)[0]
        self.set_intro(
            f"Say what {first} did well, in words you would use to them; it shows on their page "
            "and on the next one-on-one's agenda."
        )
        self._prefill = prefill or Prefill()
        self.reason = QLineEdit(self._prefill.reason)
        self.reason.setAccessibleName("What for")
        self.reason.setPlaceholderText("e.g. Turned round an angry caller and kept the customer")
        self.reason.setMinimumWidth(self.reason.fontMetrics().averageCharWidth() * REASON_CHARACTERS)
        self.kpi = QComboBox()
        self.kpi.setAccessibleName("KPI")
        self.kpi.addItem("No KPI", None)
        self.behaviour = QLineEdit()
        self.behaviour.setAccessibleName("Behaviour")
        self.behaviour.setPlaceholderText("e.g. Ownership, calm under pressure")
        self.given_by = QComboBox()
        self.given_by.setAccessibleName("Given by")
        self.given_on = date_field("Date", context.services.people.today())
        self.private = QCheckBox("&Private: kept out of exports and shared packs")
        self.private.setAccessibleName("Private")
        self.add_row("&What for:", self.reason, "reason")
        self.add_row("&KPI:", self.kpi, "kpi_id")
        self.add_row("&Behaviour:", self.behaviour, "behaviour")
        self.add_row("&Given by:", self.given_by, "given_by_id")
        self.add_row("&Date:", self.given_on, "given_on")
        self.add_row("", self.private, "is_private")
        self.setEnabled(False)
        services = context.services
        context.load(self, lambda: recognition_choices(services), self._fill)

    def _fill(self, choices: Choices) -> None:
        for kpi in choices.kpis:
            self.kpi.addItem(kpi.name, kpi.id)
        self.kpi.setCurrentIndex(max(0, self.kpi.findData(self._prefill.kpi_id)))
        managers = [p for p in choices.people if p.is_manager and p.id != self.person_id]
        others = [p for p in choices.people if not p.is_manager and p.id != self.person_id]
        for person in managers:
            self.given_by.addItem(person.full_name, person.id)
        if managers and others:
            self.given_by.insertSeparator(self.given_by.count())
        for person in others:
            self.given_by.addItem(person.full_name, person.id)
        self.given_by.setCurrentIndex(max(0, self.given_by.findData(choices.owner_id)))
        self.setEnabled(True)
        self.reason.setFocus()
        self.reason.selectAll()

    def work(self) -> Work | None:
        recognition = self.context.services.recognition
        person_id, reason = self.person_id, self.reason.text()
        kpi_id, behaviour, giver = self.kpi.currentData(), self.behaviour.text(), self.given_by.currentData()
        given_on, private = as_date(self.given_on.date()), self.private.isChecked()
        return lambda: recognition.recognise(
            person_id,
            reason,
            given_on=given_on,
            given_by_id=giver,
            behaviour=behaviour,
            kpi_id=kpi_id,
            is_private=private,
        )

    def saved_message(self, result: RecognitionView) -> str:
        return f"Recognition recorded for {result.person_name}: “{result.reason}”."
