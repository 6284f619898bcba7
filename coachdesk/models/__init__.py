"""SQLAlchemy entities of the notebook; importing this package registers every table on `Base.metadata`."""

from coachdesk.models.base import PRIVATE, Base, Privatable, Synced, new_id, utcnow
from coachdesk.models.commitments import Commitment, CommitmentStatus
from coachdesk.models.kpis import Kpi, KpiPeriod, KpiTarget, KpiValue
from coachdesk.models.log import (
    RATING_MAX,
    RATING_MIN,
    Acknowledgement,
    Amendment,
    LogEntry,
    LogEntryAgent,
    LogEntryGoal,
    SessionFeedback,
    SessionFocus,
    SessionKind,
)
from coachdesk.models.meetings import (
    AgendaItem,
    AgendaSource,
    Cadence,
    Meeting,
    MeetingGoal,
    MeetingStatus,
    OneOnOneSeries,
)
from coachdesk.models.mentoring import Mentorship, MentorshipStatus
from coachdesk.models.people import Person, PersonSkill, SkillKind, Team, TeamSetting
from coachdesk.models.plans import (
    DevelopmentPlan,
    GoalStatus,
    PlanBarrier,
    PlanGoal,
    PlanRevision,
    PlanStatus,
    PlanStep,
)
from coachdesk.models.recognition import Recognition
from coachdesk.models.settings import Setting
from coachdesk.models.sync import ChangeKind, ConflictCopy, OutboxChange, SharingLevel, SyncRecord, SyncState
from coachdesk.models.templates import Template, TemplateKind

__all__ = [
    "PRIVATE",
    "RATING_MAX",
    "RATING_MIN",
    "Acknowledgement",
    "AgendaItem",
    "AgendaSource",
    "Amendment",
    "Base",
    "Cadence",
    "ChangeKind",
    "Commitment",
    "CommitmentStatus",
    "ConflictCopy",
    "DevelopmentPlan",
    "GoalStatus",
    "Kpi",
    "KpiPeriod",
    "KpiTarget",
    "KpiValue",
    "LogEntry",
    "LogEntryAgent",
    "LogEntryGoal",
    "Meeting",
    "MeetingGoal",
    "MeetingStatus",
    "Mentorship",
    "MentorshipStatus",
    "OneOnOneSeries",
    "OutboxChange",
    "Person",
    "PersonSkill",
    "PlanBarrier",
    "PlanGoal",
    "PlanRevision",
    "PlanStatus",
    "PlanStep",
    "Privatable",
    "Recognition",
    "SessionFeedback",
    "SessionFocus",
    "SessionKind",
    "Setting",
    "SharingLevel",
    "SkillKind",
    "SyncRecord",
    "SyncState",
    "Synced",
    "Team",
    "TeamSetting",
    "Template",
    "TemplateKind",
    "new_id",
    "utcnow",
]
