"""One agent's workspace: everything a manager glances at before and after a session, in one read.

Opening an agent must stay instant with years of history, so the overview is a handful of indexed look-ups: the
first page of the timeline (older pages come on demand), open commitments, the active plan, the latest KPI values,
recent recognition, the next one-on-one and the agent's tracker figures, never the whole log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.models import (
    AgendaItem,
    Commitment,
    CommitmentStatus,
    DevelopmentPlan,
    Kpi,
    Meeting,
    MeetingStatus,
    Mentorship,
    MentorshipStatus,
    OneOnOneSeries,
    Person,
    PlanStatus,
    Recognition,
)
from coachdesk.services.base import Clock, alive, live
from coachdesk.services.commitments import CommitmentView, commitment_views
from coachdesk.services.kpis import KpiService, LatestKpi
from coachdesk.services.log import EntrySummary, LogService
from coachdesk.services.meetings import MeetingView, SeriesView, meeting_view, series_view
from coachdesk.services.people import PeopleService, PersonView
from coachdesk.services.plans import PlanView, plan_view
from coachdesk.services.recognition import MentorshipView, RecognitionView, mentorship_view, recognition_views
from coachdesk.services.settings import ServiceWithSettings, SettingsService
from coachdesk.services.tracker import AgentTracker, agent_rows

TIMELINE_PAGE = 50
RECENT_RECOGNITION = 5
UPCOMING = (MeetingStatus.SCHEDULED, MeetingStatus.IN_PROGRESS)


@dataclass(frozen=True)
class TimelinePage:
    entries: tuple[EntrySummary, ...]
    has_more: bool
    """True when older entries exist below the last one; ask for them with `timeline_page(after=...)`."""


@dataclass(frozen=True)
class NextOneOnOne:
    series: SeriesView
    meeting: MeetingView | None
    """The next meeting not yet held, or None when none is scheduled."""
    waiting_points: int
    """Talking points added to the series and waiting for its next meeting."""


@dataclass(frozen=True)
class AgentOverview:
    today: date
    person: PersonView
    tracker: AgentTracker | None
    """The coaching cadence figures; None for someone who is not an active agent."""
    timeline: TimelinePage
    commitments: tuple[CommitmentView, ...]
    """Open commitments in the agent's coaching, theirs and their manager's to them, soonest due first."""
    plan: PlanView | None
    kpis: tuple[LatestKpi, ...]
    kpi_names: Mapping[str, str]
    """Every KPI's name by id, so a session's focus can name the KPI it worked on."""
    recognition: tuple[RecognitionView, ...]
    one_on_one: NextOneOnOne | None
    mentorships: tuple[MentorshipView, ...]
    """Current pairings (proposed or active) where the agent is mentor or mentee."""


class WorkspaceService(ServiceWithSettings):
    def __init__(
        self,
        notebook: Notebook,
        clock: Clock,
        settings: SettingsService,
        *,
        people: PeopleService,
        log: LogService,
        kpis: KpiService,
    ) -> None:
        super().__init__(notebook, clock, settings)
        self._people = people
        self._log = log
        self._kpis = kpis

    def overview(self, person_id: str) -> AgentOverview:
        """The agent's page as it opens: a few indexed queries whatever the length of their history."""
        today = self.today()
        person = self._people.get(person_id)
        timeline = self.timeline_page(person_id)
        kpis = tuple(self._kpis.latest_for(person_id))
        policy = self._settings.cadence_policy()
        with self._notebook.read() as session:
            agent = live(session, Person, person_id, "person")
            tracker = None
            if agent.is_agent and not agent.archived:
                manager = session.get(Person, agent.reports_to_id) if agent.reports_to_id else None
                managers = {manager.id: manager} if manager else {}
                [tracker] = agent_rows(session, [agent], managers, today, policy)
            return AgentOverview(
                today=today,
                person=person,
                tracker=tracker,
                timeline=timeline,
                commitments=tuple(open_commitments(session, person_id, today)),
                plan=active_plan(session, person_id),
                kpis=kpis,
                kpi_names=dict(session.execute(select(Kpi.id, Kpi.name)).all()),
                recognition=tuple(recent_recognition(session, person_id)),
                one_on_one=next_one_on_one(session, person_id, datetime.combine(today, time.min)),
                mentorships=tuple(current_mentorships(session, person_id)),
            )

    def timeline_page(self, person_id: str, *, after: str | None = None) -> TimelinePage:
        """A page of the agent's timeline, newest first, continuing below the entry `after` when given."""
        entries = self._log.timeline(person_id, limit=TIMELINE_PAGE + 1, after=after)
        return TimelinePage(tuple(entries[:TIMELINE_PAGE]), has_more=len(entries) > TIMELINE_PAGE)


def open_commitments(session: Session, person_id: str, today: date) -> list[CommitmentView]:
    query = (
        select(Commitment)
        .where(Commitment.status == CommitmentStatus.OPEN, Commitment.coachee_id == person_id, alive(Commitment))
        .order_by(Commitment.due_on.is_(None), Commitment.due_on, Commitment.created_at)
    )
    return commitment_views(session, list(session.scalars(query)), today)


def active_plan(session: Session, person_id: str) -> PlanView | None:
    """The plan the agent is working through now: the latest active one, if any."""
    plan = session.scalar(
        select(DevelopmentPlan)
        .where(
            DevelopmentPlan.person_id == person_id,
            DevelopmentPlan.status == PlanStatus.ACTIVE,
            alive(DevelopmentPlan),
        )
        .order_by(DevelopmentPlan.started_on.desc(), DevelopmentPlan.created_at.desc())
        .limit(1)
    )
    return plan_view(session, plan) if plan else None


def recent_recognition(session: Session, person_id: str) -> list[RecognitionView]:
    query = (
        select(Recognition)
        .where(Recognition.person_id == person_id, alive(Recognition))
        .order_by(Recognition.given_on.desc(), Recognition.created_at.desc())
        .limit(RECENT_RECOGNITION)
    )
    return recognition_views(session, list(session.scalars(query)))


def next_one_on_one(session: Session, person_id: str, from_time: datetime) -> NextOneOnOne | None:
    """The agent's next one-on-one meeting, or their series with nothing scheduled yet."""
    in_series = (OneOnOneSeries.report_id == person_id, OneOnOneSeries.active.is_(True), alive(OneOnOneSeries))
    upcoming = session.execute(
        select(OneOnOneSeries, Meeting)
        .join(Meeting, Meeting.series_id == OneOnOneSeries.id)
        .where(*in_series, Meeting.status.in_(UPCOMING), Meeting.scheduled_at >= from_time, alive(Meeting))
        .order_by(Meeting.scheduled_at)
        .limit(1)
    ).first()
    series: OneOnOneSeries | None
    meeting: Meeting | None
    if upcoming is not None:
        series, meeting = upcoming
    else:
        series = session.scalar(select(OneOnOneSeries).where(*in_series).order_by(OneOnOneSeries.created_at).limit(1))
        meeting = None
    if series is None:
        return None
    waiting = session.scalar(
        select(func.count(AgendaItem.id)).where(
            AgendaItem.series_id == series.id,
            AgendaItem.meeting_id.is_(None),
            AgendaItem.done.is_(False),
            alive(AgendaItem),
        )
    )
    return NextOneOnOne(series_view(session, series), meeting_view(meeting) if meeting else None, waiting or 0)


def current_mentorships(session: Session, person_id: str) -> list[MentorshipView]:
    query = (
        select(Mentorship)
        .where(
            or_(Mentorship.mentor_id == person_id, Mentorship.mentee_id == person_id),
            Mentorship.status != MentorshipStatus.ENDED,
            alive(Mentorship),
        )
        .order_by(Mentorship.started_on.desc())
    )
    return [mentorship_view(session, m) for m in session.scalars(query)]
