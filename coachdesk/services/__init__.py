"""The use cases of CoachDesk, in plain Python: the GUI, the CLI and the tests all call these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from coachdesk.db import Notebook
from coachdesk.services.agenda import AgendaService
from coachdesk.services.base import Clock
from coachdesk.services.calendar_export import CalendarExportService
from coachdesk.services.coaching_effect import CoachingEffectService
from coachdesk.services.commitments import CommitmentService
from coachdesk.services.export import ExportService
from coachdesk.services.integrity import IntegrityService
from coachdesk.services.kpi_import import KpiImportService
from coachdesk.services.kpi_spread import KpiSpreadService
from coachdesk.services.kpi_trends import KpiTrendService
from coachdesk.services.kpis import KpiService
from coachdesk.services.ledger import LedgerService
from coachdesk.services.log import LogService
from coachdesk.services.meetings import MeetingService
from coachdesk.services.mentor_matching import MentorMatchingService
from coachdesk.services.mentoring import MentoringService
from coachdesk.services.people import PeopleService
from coachdesk.services.plans import PlanService
from coachdesk.services.recognition import RecognitionService
from coachdesk.services.recognition_prompts import RecognitionPromptService
from coachdesk.services.reminders import ReminderService
from coachdesk.services.roster import RosterService
from coachdesk.services.roster_view import RosterViewService
from coachdesk.services.search import SearchService
from coachdesk.services.settings import SettingsService
from coachdesk.services.summary import SummaryService
from coachdesk.services.tracker import TrackerService
from coachdesk.services.trends import TrendService
from coachdesk.services.workspace import WorkspaceService


@dataclass(frozen=True)
class Services:
    notebook: Notebook
    settings: SettingsService
    people: PeopleService
    log: LogService
    commitments: CommitmentService
    plans: PlanService
    meetings: MeetingService
    agenda: AgendaService
    reminders: ReminderService
    calendar: CalendarExportService
    kpis: KpiService
    kpi_import: KpiImportService
    kpi_spread: KpiSpreadService
    coaching_effect: CoachingEffectService
    kpi_trends: KpiTrendService
    recognition: RecognitionService
    recognition_prompts: RecognitionPromptService
    mentoring: MentoringService
    mentor_matching: MentorMatchingService
    tracker: TrackerService
    trends: TrendService
    ledger: LedgerService
    search: SearchService
    roster: RosterService
    roster_view: RosterViewService
    export: ExportService
    integrity: IntegrityService
    summary: SummaryService
    workspace: WorkspaceService


def build_services(notebook: Notebook, clock: Clock = datetime.now) -> Services:
    settings = SettingsService(notebook, clock)
    people = PeopleService(notebook, clock, settings)
    log = LogService(notebook, clock, settings)
    kpis = KpiService(notebook, clock)
    meetings = MeetingService(notebook, clock, settings)
    commitments = CommitmentService(notebook, clock)
    return Services(
        notebook=notebook,
        settings=settings,
        people=people,
        log=log,
        commitments=commitments,
        plans=PlanService(notebook, clock, settings),
        meetings=meetings,
        agenda=AgendaService(notebook, clock, settings, meetings),
        reminders=ReminderService(notebook, clock, settings, meetings, commitments),
        calendar=CalendarExportService(notebook, clock),
        kpis=kpis,
        kpi_import=KpiImportService(notebook, clock, settings),
        kpi_spread=KpiSpreadService(notebook, clock),
        coaching_effect=CoachingEffectService(notebook, clock),
        kpi_trends=KpiTrendService(notebook, clock),
        recognition=RecognitionService(notebook, clock, settings),
        recognition_prompts=RecognitionPromptService(notebook, clock, settings),
        mentoring=MentoringService(notebook, clock, settings, log),
        mentor_matching=MentorMatchingService(notebook, clock, settings),
        tracker=TrackerService(notebook, clock, settings),
        trends=TrendService(notebook, clock, settings),
        ledger=LedgerService(notebook, clock, settings),
        search=SearchService(notebook, clock),
        roster=RosterService(notebook, clock),
        roster_view=RosterViewService(notebook, clock, settings),
        export=ExportService(notebook, clock),
        integrity=IntegrityService(notebook, clock),
        summary=SummaryService(notebook, clock),
        workspace=WorkspaceService(notebook, clock, settings, people=people, log=log, kpis=kpis),
    )
