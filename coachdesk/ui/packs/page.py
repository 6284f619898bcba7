"""The Review packs screen: pick an agent or a team, the period and the sections, preview the first page, then save
PDFs and print them, all off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
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

from coachdesk.reports.content import ALL_SECTIONS, PackRequest, Section, default_first_day
from coachdesk.reports.files import pack_file_name
from coachdesk.reports.layout import PackLayout, Paper, paper_for_locale
from coachdesk.reports.pictures import PackPreview, preview_pack
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
from coachdesk.ui.packs.preview import PagePreview
from coachdesk.ui.packs.printing import PackPrinter, set_paper
from coachdesk.ui.page import Page
from coachdesk.ui.widgets import as_date, as_qdate, heading, muted

TEAM = "team"
AGENT = "agent"
SAVE_TIP = "Save the pack as a PDF (Ctrl+S)"
NO_PREVIEW = "Press Preview (Ctrl+Shift+P) to see the first page as it will print."


@dataclass(frozen=True)
class Choices:
    agents: tuple[PersonView, ...]
    teams: tuple[str, ...]
    organisation: str
    today: date


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
        today = date.today()
        self.first_day = self._date_field("First day of the period", as_qdate(default_first_day(today)))
        self.last_day = self._date_field("Last day of the period", as_qdate(today))
        self.first_day.dateChanged.connect(self.last_day.setMinimumDate)
        self.sections = {section: QCheckBox(section.heading) for section in ALL_SECTIONS}
        self.private = QCheckBox("Include &private notes and private records")
        self.combined = QCheckBox("One &combined PDF for the whole team")
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        self.paper.addItem("A4", Paper.A4)
        self.paper.addItem("Letter", Paper.LETTER)
        self.paper.setCurrentIndex(self.paper.findData(paper_for_locale(system_name=QLocale().name())))
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName("Organisation")
        self.organisation.setPlaceholderText("printed at the top of every page")
        self.make = QPushButton("&Make pack…")
        self.make.setShortcut(QKeySequence("Ctrl+S"))
        self.make.setToolTip(SAVE_TIP)
        self.preview_button = QPushButton("Pre&view")
        self.preview_button.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.preview_button.setToolTip("Show the first page as it will print (Ctrl+Shift+P)")
        self.print_button = QPushButton("Pr&int…")
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.print_button.setToolTip("Print the pack just saved (Ctrl+P)")
        self.preview = PagePreview(NO_PREVIEW)
        self.preview_caption = muted("")
        self.preview_caption.setAccessibleName("About the preview")
        self.preview_caption.setWordWrap(True)
        self.printer = PackPrinter(context.tasks, self)
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
        self._wanted: tuple[str, str] | None = None
        self._period_set = False
        self._lay_out()
        self._connect()
        self._set_running(running=False)
        self.open_button.hide()
        self.print_button.hide()

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
        for widget in (self.preview_button, self.make, self.cancel, self.open_button, self.print_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        body = QWidget()
        body.setMaximumWidth(760)
        choices = QVBoxLayout()
        choices.addWidget(body)
        choices.addStretch(1)
        pictured = QVBoxLayout()
        pictured.addWidget(self.preview, 1)
        pictured.addWidget(self.preview_caption)
        outer = QHBoxLayout(self)
        outer.addLayout(choices, 3)
        outer.addLayout(pictured, 2)
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
        for changed in (
            self.who.currentIndexChanged,
            self.first_day.dateChanged,
            self.last_day.dateChanged,
            self.paper.currentIndexChanged,
            self.organisation.textEdited,
            self.private.toggled,
            *(check.toggled for check in self.sections.values()),
        ):
            changed.connect(self._preview_outdated)
        self.make.clicked.connect(self.make_packs)
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.print_pack)
        self.cancel.clicked.connect(self._stop.set)
        self.open_button.clicked.connect(self._open_last)
        self._run_progress.advanced.connect(self._advance)
        self._run_progress.finished.connect(self._done)
        self._run_progress.failed.connect(self._failed)
        self.printer.advanced.connect(self._advance)
        self.printer.finished.connect(self._printed)
        self.printer.failed.connect(self._print_failed)

    def choose_agent(self, person_id: str) -> None:
        """Chooses one person and the default period, as when arriving from their own page; a team leader or
        someone archived is offered too, as the command line would make their pack."""
        self._wanted = (AGENT, person_id)
        self._period_set = False
        self.mark_stale()

    def refresh(self) -> None:
        services = self.context.services
        wanted = self._wanted[1] if self._wanted else None

        def choices() -> Choices:
            agents = tuple(p for p in services.people.list_people() if p.is_agent)
            if wanted is not None and wanted not in {p.id for p in agents}:
                agents += (services.people.get(wanted),)
            teams = tuple(t.name for t in services.people.list_teams())
            return Choices(agents, teams, services.settings.organisation(), services.log.today())

        self.context.load(self, choices, self._show_choices)

    def _show_choices(self, choices: Choices) -> None:
        chosen = self._wanted or self.who.currentData()

        self._wanted = None
        self.who.clear()
        for person in choices.agents:
            self.who.addItem(person.full_name, (AGENT, person.id))
        for team in choices.teams:
            self.who.addItem(f"Whole team: {team}", (TEAM, team))
        index = next((i for i in range(self.who.count()) if self.who.itemData(i) == chosen), None)
        if index is not None:
            self.who.setCurrentIndex(index)
        if not self.organisation.text():
            self.organisation.setText(choices.organisation)
        if not self._period_set:
            self._period_set = True
            self.first_day.setDate(as_qdate(default_first_day(choices.today)))
            self.last_day.setDate(as_qdate(choices.today))
        self._update_controls()

    def chosen_sections(self) -> tuple[Section, ...]:
        return tuple(section for section, check in self.sections.items() if check.isChecked())

    def _update_controls(self) -> None:
        choice = self.who.currentData()
        self.combined.setEnabled(bool(choice) and choice[0] == TEAM)
        ready = choice is not None and bool(self.chosen_sections())
        self.make.setEnabled(ready)
        self.preview_button.setEnabled(ready)
        self.make.setToolTip(SAVE_TIP if ready else "Choose someone and tick at least one section.")

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

    def show_preview(self) -> None:
        """Draws the first page on the worker: for a team, the first agent's pack, as the combined PDF begins."""
        if not self.preview_button.isEnabled():
            return
        choices = self._preview_choices()
        (kind, value), request, layout = choices
        services = self.context.services

        def draw() -> PackPreview:
            agent_id = team_agents(services, value)[1][0] if kind == TEAM else value
            return preview_pack(services, replace(request, agent_id=agent_id), layout)

        self.preview.show_message("Drawing the first page…")
        self.preview_caption.setText("")
        self.context.tasks.submit(draw, lambda preview: self._show_preview(preview, choices), self._preview_failed)

    def _preview_choices(self) -> tuple[tuple[str, str], PackRequest, PackLayout]:
        return self.who.currentData(), self._request(), self._layout()

    def _show_preview(self, preview: PackPreview, drawn_for: tuple[tuple[str, str], PackRequest, PackLayout]) -> None:
        self.preview.show_picture(preview.picture)
        self.preview_caption.setText(f"Page 1 of {preview.pages}: {preview.agent_name}, {preview.period}.")
        if drawn_for != self._preview_choices():
            self._preview_outdated()

    def _preview_failed(self, error: BaseException) -> None:
        self.preview.show_message(f"No preview: {self.context.errors.message_for(error)}")
        self.preview_caption.setText("")

    def _preview_outdated(self) -> None:
        if self.preview.page is not None:
            self.preview_caption.setText("The choices have changed since this preview: press Preview (Ctrl+Shift+P).")

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
        self.print_button.setVisible(self._last_file is not None and self._last_file.is_file())
        self.context.navigator.show_saved(self.outcome.text())

    def ask_printer(self, printer: QPrinter) -> bool:
        """Lets the person choose the printer and copies. Tests replace this to print to a file without a dialog."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print the review pack")
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_pack(self) -> None:
        pdf = self._last_file
        if pdf is None or not pdf.is_file() or self.printer.busy:
            return
        self.printer.paper_of(pdf, lambda size: self._print_on(pdf, size))

    def _print_on(self, pdf: Path, paper: tuple[float, float]) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(pdf.stem)
        set_paper(printer, paper)
        if not self.ask_printer(printer):
            return
        self._set_running(running=True, team=False)
        self.progress.show()
        self.outcome.setText(f"Printing {pdf.name}…")
        self.printer.print_pdf(pdf, printer)

    def _printed(self, pages: int) -> None:
        self._set_running(running=False)
        self.outcome.setText(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer.")

    def _print_failed(self, error: BaseException) -> None:
        self._set_running(running=False)
        self.outcome.setText("The pack was not printed.")
        self.context.errors.show(self, error)

    def _open_last(self) -> None:
        if self._last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._last_file)))

    def _set_running(self, *, running: bool, team: bool = False) -> None:
        self.print_button.setEnabled(not running)
        if running:
            self.make.setEnabled(False)
            self.preview_button.setEnabled(False)
        else:
            self._update_controls()
        self.cancel.setVisible(running and team)
        self.progress.setVisible(running and team)
        if running:
            self.progress.setRange(0, 0)
