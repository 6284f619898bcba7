"""The Review packs screen: pick an agent or a team, the period and the sections, then save PDFs off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from PySide6.QtCore import QDate, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.reports.content import ALL_SECTIONS, PackRequest, Section
from coachdesk.reports.files import pack_file_name
from coachdesk.reports.layout import PackLayout, Paper, paper_for_locale
from coachdesk.reports.team import (
    BuiltPack,
    PacksCancelled,
    TeamRun,
    build_combined_pack,
    build_team_packs,
    team_agents,
    write_agent_pack,
)
from coachdesk.services.people import PersonView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.page import Page
from coachdesk.ui.widgets import as_date, heading, muted

TEAM = "team"
AGENT = "agent"


@dataclass(frozen=True)
class Choices:
    agents: tuple[PersonView, ...]
    teams: tuple[str, ...]
    organisation: str


class RunProgress(QObject):
    """Carries a team run's progress and outcome from its thread to the GUI thread."""

    advanced = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class ReviewPacksPage(Page):
    key = "packs"
    title = "Review packs"
    topics = frozenset({Topic.PEOPLE})

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.who = QComboBox()
        self.who.setAccessibleName("Who the pack is for")
        today = QDate.currentDate()
        self.first_day = self._date_field("First day of the period", today.addYears(-1))
        self.last_day = self._date_field("Last day of the period", today)
        self.first_day.dateChanged.connect(self.last_day.setMinimumDate)
        self.sections = {section: QCheckBox(section.heading) for section in ALL_SECTIONS}
        self.private = QCheckBox("Include &private notes and private records")
        self.combined = QCheckBox("One &combined PDF for the whole team")
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        self.paper.addItem("A4", Paper.A4)
        self.paper.addItem("Letter", Paper.LETTER)
        self.paper.setCurrentIndex(self.paper.findData(paper_for_locale()))
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName("Organisation")
        self.organisation.setPlaceholderText("printed at the top of every page")
        self.make = QPushButton("&Make pack…")
        self.make.setShortcut(QKeySequence("Ctrl+P"))
        self.cancel = QPushButton("Cancel")
        self.cancel.setShortcut(QKeySequence("Esc"))
        self.cancel.setToolTip("Stop after the packs being made now (Esc)")
        self.progress = QProgressBar()
        self.outcome = QLabel("")
        self.outcome.setWordWrap(True)
        self.open_button = QPushButton("&Open")
        self.open_button.setToolTip("Open the pack in your PDF viewer, to read or print it")
        self._stop = threading.Event()
        self._run_progress = RunProgress(self)
        self._last_file: Path | None = None
        self._lay_out()
        self._connect()
        self._set_running(running=False)
        self.open_button.hide()

    def _date_field(self, name: str, day: QDate) -> QDateEdit:
        field = QDateEdit(day)
        field.setCalendarPopup(True)
        field.setDisplayFormat("d MMM yyyy")
        field.setAccessibleName(name)
        return field

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("&Who", self.who)
        form.addRow("&From", self.first_day)
        form.addRow("&To", self.last_day)
        form.addRow("P&aper", self.paper)
        form.addRow("Or&ganisation", self.organisation)
        box = QGroupBox("Sections")
        grid = QGridLayout(box)
        for index, check in enumerate(self.sections.values()):
            check.setChecked(True)
            grid.addWidget(check, index % 5, index // 5)
        buttons = QHBoxLayout()
        for widget in (self.make, self.cancel, self.open_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        body = QWidget()
        body.setMaximumWidth(760)
        outer = QVBoxLayout(self)
        outer.addWidget(body)
        outer.addStretch(1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.title))
        layout.addWidget(
            muted(
                "A pack is the evidence for a performance review: the cover, the figures, the plan, KPI charts, the "
                "sessions of the period and a page for the agent's response. A whole team makes one PDF per agent, "
                "or one combined PDF."
            )
        )
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.private)
        layout.addWidget(self.combined)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)

    def _connect(self) -> None:
        self.who.currentIndexChanged.connect(self._update_controls)
        for check in self.sections.values():
            check.toggled.connect(self._update_controls)
        self.make.clicked.connect(self.make_packs)
        self.cancel.clicked.connect(self._stop.set)
        self.open_button.clicked.connect(self._open_last)
        self._run_progress.advanced.connect(self._advance)
        self._run_progress.finished.connect(self._done)
        self._run_progress.failed.connect(self._failed)

    def refresh(self) -> None:
        services = self.context.services

        def choices() -> Choices:
            agents = tuple(p for p in services.people.list_people() if p.is_agent)
            teams = tuple(t.name for t in services.people.list_teams())
            return Choices(agents, teams, services.settings.organisation())

        self.context.load(self, choices, self._show_choices)

    def _show_choices(self, choices: Choices) -> None:
        chosen = self.who.currentData()
        self.who.clear()
        for person in choices.agents:
            self.who.addItem(person.full_name, (AGENT, person.id))
        for team in choices.teams:
            self.who.addItem(f"Whole team: {team}", (TEAM, team))
        if chosen is not None and (index := self.who.findData(chosen)) >= 0:
            self.who.setCurrentIndex(index)
        if not self.organisation.text():
            self.organisation.setText(choices.organisation)
        self._update_controls()

    def chosen_sections(self) -> tuple[Section, ...]:
        return tuple(section for section, check in self.sections.items() if check.isChecked())

    def _update_controls(self) -> None:
        choice = self.who.currentData()
        self.combined.setEnabled(bool(choice) and choice[0] == TEAM)
        ready = choice is not None and bool(self.chosen_sections())
        self.make.setEnabled(ready)
        self.make.setToolTip("" if ready else "Choose someone and tick at least one section.")

    def _request(self, agent_id: str = "") -> PackRequest:
        return PackRequest(
            agent_id,
            as_date(self.first_day.date()),
            as_date(self.last_day.date()),
            self.chosen_sections(),
            self.private.isChecked(),
        )

    def _layout(self) -> PackLayout:
        return PackLayout(Paper(self.paper.currentData()), self.organisation.text())

    def ask_target(self, suggested: str, folder: bool) -> Path | None:
        """Where to save: a folder for one PDF per agent, else a file. Tests replace this to skip the dialog."""
        if folder:
            chosen = QFileDialog.getExistingDirectory(self, "Save the review packs in", str(Path.home()))
        else:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, "Save the review pack", str(Path.home() / suggested), "PDF files (*.pdf)"
            )
        return Path(chosen) if chosen else None

    def make_packs(self) -> None:
        kind, value = self.who.currentData()
        per_agent_files = kind == TEAM and not self.combined.isChecked()
        suggested = pack_file_name(self.who.currentText().removeprefix("Whole team: "), None)
        target = self.ask_target(suggested, folder=per_agent_files)
        if target is None:
            return
        services, layout = self.context.services, self._layout()
        if kind == AGENT:
            request = self._request(value)

            def write() -> list[BuiltPack]:
                services.settings.set_organisation(layout.organisation)
                return [write_agent_pack(services, request, layout, target)]

            self._start(write, team=False)
            return
        run = TeamRun(services.notebook.path, datetime.combine(services.log.today(), time(12)), self._request(), layout)
        self._begin(team=True)

        def look_up_team() -> tuple[str, list[str]]:
            services.settings.set_organisation(layout.organisation)
            return team_agents(services, value)

        self.context.tasks.submit(
            look_up_team,
            lambda found: self._build_team_in_background(run, found, target, per_agent_files),
            self._failed,
        )

    def _build_team_in_background(
        self, run: TeamRun, team: tuple[str, list[str]], target: Path, per_agent_files: bool
    ) -> None:
        """Runs the worker processes from a thread of its own, so the notebook's worker stays free meanwhile."""
        signals, stop = self._run_progress, self._stop.is_set
        team_name, agent_ids = team

        def build() -> None:
            try:
                if per_agent_files:
                    packs = build_team_packs(run, agent_ids, target, progress=signals.advanced.emit, cancelled=stop)
                else:
                    packs = [
                        build_combined_pack(
                            run, agent_ids, target, team_name, progress=signals.advanced.emit, cancelled=stop
                        )
                    ]
            except Exception as error:  # handed to the GUI thread, which shows it or logs it
                signals.failed.emit(error)
            else:
                signals.finished.emit(packs)

        threading.Thread(target=build, name="review packs", daemon=True).start()

    def _start(self, work: Callable[[], list[BuiltPack]], *, team: bool) -> None:
        self._begin(team=team)
        self.context.tasks.submit(work, self._done, self._failed)

    def _begin(self, *, team: bool) -> None:
        self._stop.clear()
        self._set_running(running=True, team=team)
        self.outcome.setText("Making the packs…" if team else "Making the pack…")

    def _failed(self, error: BaseException) -> None:
        self._set_running(running=False)
        if isinstance(error, PacksCancelled):
            self.outcome.setText(error.message)
            return
        self.outcome.setText("No pack was saved.")
        self.context.errors.show(self, error)

    def _advance(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, packs: list[BuiltPack]) -> None:
        self._set_running(running=False)
        self._last_file = packs[0].path if len(packs) == 1 else packs[0].path.parent if packs else None
        pages = sum(p.pages for p in packs)
        where = packs[0].path if len(packs) == 1 else self._last_file
        self.outcome.setText(f"Saved {len(packs)} {'pack' if len(packs) == 1 else 'packs'} ({pages} pages) to {where}.")
        self.open_button.setVisible(self._last_file is not None)
        self.context.navigator.show_saved(self.outcome.text())

    def _open_last(self) -> None:
        if self._last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._last_file)))

    def _set_running(self, *, running: bool, team: bool = False) -> None:
        self.make.setEnabled(not running and self.who.currentData() is not None)
        self.cancel.setVisible(running and team)
        self.progress.setVisible(running and team)
        if running:
            self.progress.setRange(0, 0)
