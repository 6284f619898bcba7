"""One-on-one meetings: usual times, standing agendas by level, and the talking points people bring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from coachdesk.demo.organisation import Level
from coachdesk.models import AgendaSource


@dataclass(frozen=True)
class AgendaLine:
    text: str
    source: AgendaSource
    notes: tuple[str, ...]
    by_report: bool = False


MEETING_TIMES = (time(9, 30), time(10, 0), time(11, 30), time(14, 0), time(15, 30))
MEETING_NOTES = (
    "Good meeting; ran over by ten minutes.",
    "Short one: busy day on the queue.",
    "Moved to the quiet room; much better.",
    "Covered everything.",
)
AGENT_AGENDA = (
    AgendaLine(
        "How are you doing? Anything in your way?",
        AgendaSource.TEMPLATE,
        (
            "All good; busy week.",
            "Tired after the late shifts; asked for an early week on the next rota.",
            "Headset keeps cutting out; logged with IT.",
        ),
    ),
    AgendaLine(
        "Commitments since last time",
        AgendaSource.COMMITMENT,
        ("Both done.", "One done, one carried.", "Reviewed; the reminder trick is working."),
    ),
    AgendaLine(
        "KPIs: what moved, what didn't",
        AgendaSource.KPI,
        (
            "Adherence up, handle time flat.",
            "CSAT dipped in the outage week; otherwise steady.",
            "All on target this fortnight.",
        ),
    ),
    AgendaLine(
        "Development plan: the step you're on",
        AgendaSource.PLAN_STEP,
        (
            "Ready to move to the next step next week.",
            "Step done; on to the next one.",
            "Stuck on this step; agreed more side-by-side time.",
        ),
    ),
    AgendaLine(
        "Recognition: what went well",
        AgendaSource.RECOGNITION,
        ("Great feedback from a customer on Tuesday.", "Helped a new starter through a tricky call."),
    ),
)
TEAM_LEADER_AGENDA = (
    AgendaLine(
        "Coaching tracker: sessions held against target, agents overdue",
        AgendaSource.TEMPLATE,
        (
            "Two agents overdue after annual leave; booked for Tuesday.",
            "On target this fortnight.",
            "Behind: covering the queue in the afternoons. Agreed protected coaching time.",
        ),
    ),
    AgendaLine(
        "Commitments since last time",
        AgendaSource.COMMITMENT,
        ("All done.", "Rota request still with WFM; chase."),
    ),
    AgendaLine(
        "Team KPIs and who needs support",
        AgendaSource.KPI,
        (
            "Adherence down on late shifts; looking at the rota.",
            "Handle time improving since the templates.",
            "Two agents below target on CSAT; both have a plan.",
        ),
    ),
    AgendaLine(
        "Quality of coaching: one session reviewed together",
        AgendaSource.TEMPLATE,
        (
            "Reviewed a call-review session: good questions; next steps could be more specific.",
            "Session notes strong; agreed to capture the agent's own view more.",
        ),
    ),
    AgendaLine(
        "Your own development plan",
        AgendaSource.PLAN_STEP,
        ("On track.", "Observed session booked for next week."),
    ),
    AgendaLine(
        "Recognition for the team",
        AgendaSource.RECOGNITION,
        ("Nominated an agent for the site award.", "Thank-you email from a customer shared with the team."),
    ),
)
SECOND_LINE_AGENDA = (
    AgendaLine(
        "Site coaching figures and team leaders who need support",
        AgendaSource.TEMPLATE,
        ("Coverage at 92 %; one team leader behind, now weekly one-on-ones.", "All teams on cadence."),
    ),
    AgendaLine("Attrition and recruitment", AgendaSource.TALKING_POINT, ("Two leavers, three starters in March.",)),
    AgendaLine(
        "Mentor programme: pairings and feedback",
        AgendaSource.TALKING_POINT,
        ("Two new pairings across contact centre and field.", "Feedback positive; mentors want a check-in guide."),
    ),
    AgendaLine("Budget for the autumn training", AgendaSource.TALKING_POINT, ("Approved for two courses.",)),
    AgendaLine("Escalations and complaints this fortnight", AgendaSource.KPI, ("Down on last month.",)),
)
TALKING_POINTS = {
    Level.AGENT: (
        "Shift swap for the school holidays",
        "Interested in the senior advisor role",
        "Can I shadow the complaints team?",
        "Parking at the site",
        "Annual leave for August",
        "Headset keeps cutting out",
    ),
    Level.TEAM_LEADER: (
        "Recruitment for the two vacancies",
        "New starter cohort in March",
        "Cover for the team while I'm on leave",
        "Bank holiday rota",
        "Protected coaching time on late shifts",
    ),
    Level.SECOND_LINE: (
        "Site move to the new building",
        "Team leader development programme places",
        "Peak season staffing",
        "Field and contact-centre handovers",
    ),
}
TALKING_POINT_NOTES = ("Agreed.", "Will check with WFM.", "Talked it through; next step is to speak to HR.")
