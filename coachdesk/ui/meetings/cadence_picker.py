"""How often a series meets: weekly, fortnightly, monthly, or every so many days."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from coachdesk.models import Cadence
from coachdesk.services.meetings import CADENCE_DAYS, MAX_INTERVAL_DAYS

CHOICES = (
    ("Weekly", Cadence.WEEKLY),
    ("Fortnightly", Cadence.FORTNIGHTLY),
    ("Monthly", Cadence.MONTHLY),
    ("Every so many days", Cadence.CUSTOM),
)


class CadencePicker(QWidget):
    """A choice of cadence, and the days between meetings, which only a custom cadence lets one change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = QComboBox()
        self.choice.setAccessibleName("Cadence")
        for label, cadence in CHOICES:
            self.choice.addItem(label, cadence)
        self.days = QSpinBox()
        self.days.setAccessibleName("Days between meetings")
        self.days.setRange(1, MAX_INTERVAL_DAYS)
        self.days.setPrefix("every ")
        self.days.setSuffix(" days")
        self.days.setToolTip(f"Days between meetings, from 1 to {MAX_INTERVAL_DAYS}, for a custom cadence.")
        self.choice.currentIndexChanged.connect(self._chosen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choice, 1)
        layout.addWidget(self.days)
        self.setFocusProxy(self.choice)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.set_cadence(Cadence.FORTNIGHTLY, CADENCE_DAYS[Cadence.FORTNIGHTLY])

    def cadence(self) -> Cadence:
        return Cadence(self.choice.currentData())

    def interval_days(self) -> int | None:
        """The days a custom cadence asks for; None for the others, whose days are fixed."""
        return self.days.value() if self.cadence() is Cadence.CUSTOM else None

    def set_cadence(self, cadence: Cadence, interval_days: int) -> None:
        self.choice.setCurrentIndex(self.choice.findData(cadence))
        self.days.setValue(interval_days)
        self._chosen()

    def _chosen(self) -> None:
        """Shows the days a fixed cadence means, and lets them be typed only for a custom one."""
        cadence = self.cadence()
        if cadence is not Cadence.CUSTOM:
            self.days.setValue(CADENCE_DAYS[cadence])
        self.days.setEnabled(cadence is Cadence.CUSTOM)
