"""What leaders write in the log beyond the topic: group sessions, openings, reactions, welfare and replies."""

from __future__ import annotations

from dataclasses import dataclass

from coachdesk.demo.world import CC, FIELD
from coachdesk.models import TeamSetting


@dataclass(frozen=True)
class _GroupTopic:
    kind: str
    settings: tuple[TeamSetting, ...]
    skill: str
    kpi: str | None
    what_happened: str
    commitment: str
    target_text: str


GROUP_TOPICS = (
    _GroupTopic(
        "coaching",
        (CC,),
        "Refund process",
        None,
        "Team huddle with {names} on the new refund process: walked through the three changes and listened to one "
        "good call together.",
        "Use the new refund checklist on every refund call this week",
        "Refund checklist used on every refund call",
    ),
    _GroupTopic(
        "coaching",
        (CC,),
        "Schedule adherence",
        "adherence",
        "Group session with {names} on adherence: how breaks, meetings and after-call work show in the WFM report.",
        "Check your own adherence on the dashboard every afternoon",
        "Team adherence 85 % or better",
    ),
    _GroupTopic(
        "call_review",
        (CC,),
        "Call control",
        "aht",
        "Group call review with {names}: two calls each, focused on holds and check-backs. Everyone picked one habit "
        "to drop.",
        "Check back within 60 seconds on every hold",
        "Holds under a minute with a check-back",
    ),
    _GroupTopic(
        "call_review",
        (CC,),
        "Empathy and rapport",
        "csat",
        "Calibration session with {names}: scored the same three calls separately, then compared. Big differences "
        "in how soon the apology came.",
        "Acknowledge the customer's problem before starting the security checks",
        "CSAT 80 % or better",
    ),
    _GroupTopic(
        "coaching",
        (CC,),
        "Probing questions",
        "fcr",
        "Group session with {names} on repeat contacts: traced five callbacks back to the first call and found the "
        "missed question in each.",
        "Ask the 'anything else?' question before closing every call",
        "First contact resolution 70 % or better",
    ),
    _GroupTopic(
        "coaching",
        (FIELD,),
        "Visit planning",
        None,
        "Patch meeting with {names}: route planning for the next fortnight and the new lone-working app.",
        "Check in on the lone-working app at every arrival and departure",
        "Every check-in made",
    ),
    _GroupTopic(
        "coaching",
        (FIELD,),
        "Customer experience on visits",
        "csat",
        "Group session with {names} on the doorstep: role-played the first two minutes of a visit and the survey "
        "request at the end.",
        "Explain the survey before leaving every visit",
        "Visit CSAT 80 % or better",
    ),
)
GROUP_RESPONSES = (
    "Good energy; {names} all joined in.",
    "Quieter than usual, but good questions at the end.",
    "Lively discussion; the newer members of the team learned a lot from the others.",
    "Everyone agreed on the change; the test is whether it sticks.",
)
GROUP_BARRIERS = (
    "Hard to find a time that suits everyone's shifts; we squeezed it into the quiet hour.",
    "Half the team are on lates this week; repeat it for them.",
)

OPENINGS: dict[tuple[str, TeamSetting], tuple[str, ...]] = {
    ("coaching", CC): ("", "Planned coaching. ", "Coaching session at the desk. "),
    ("coaching", FIELD): ("", "Coaching at the depot. ", "Coaching call before the first visit. "),
    ("side_by_side", CC): ("Sat side by side with {first} for an hour on live calls. ", "Side by side on the queue. "),
    ("side_by_side", FIELD): ("Spent the morning on visits with {first}. ", "Ride-along for the day. "),
    ("call_review", CC): ("Call review of recorded calls. ", "Listened back to last week's calls together. "),
    ("feedback", CC): ("Quick feedback after a call I heard on the floor. ", "On-the-spot feedback. "),
    ("feedback", FIELD): ("Feedback after a customer visit. ", "Quick feedback on the phone after a visit. "),
    ("one_on_one", CC): ("Fortnightly one-on-one. ", "One-on-one. "),
}
LOW_RESPONSES = (
    "Found this hard to hear and was quiet for most of the session; we agreed to pick it up again on Thursday.",
    "Pushed back on the feedback; agreed to listen to the calls again before deciding.",
    "Struggling this week; needs closer support and a shorter gap before the next session.",
)
MIDDLE_RESPONSES = (
    "Receptive and understands the why; will need practice to make it stick.",
    "Engaged and asked good questions.",
    "Agreed with the plan, a bit unsure how to fit it into the busy periods.",
)
HIGH_RESPONSES = (
    "Excellent session: {first} is driving this now.",
    "Really pleased; the change since last week is obvious.",
    "Very open to feedback and already trying the changes for real.",
)
PRIVATE_NOTES = (
    "Mentioned caring for a parent at weekends; keep an eye on wellbeing and don't raise it in front of the team.",
    "Could be ready for senior advisor in the spring; talk to {manager} before saying anything.",
    "Seemed flat today. Check in on Friday, away from the desk.",
    "Three Monday absences in eight weeks. Not raised yet; waiting for the return-to-work notes.",
    "Asked not to sit next to the same colleague after last month's disagreement.",
    "Has applied for the internal trainer role; reference requested.",
    "Said money is tight at the moment; pointed them to the employee assistance programme.",
)
WELFARE_CONVERSATIONS = (
    (
        "Welfare conversation after {first} came back from compassionate leave. Agreed a phased return with lighter "
        "contact types for two weeks.",
        "Wants to get back to normal but is tired.",
        "Check in with {first} every morning this week",
        "Bereavement: a parent. HR aware; keep the details out of anything shared.",
    ),
    (
        "Welfare check-in: {first} has been finishing late and looked exhausted. Talked about workload and sleep.",
        "Says things at home are difficult at the moment.",
        "Refer {first} to occupational health with their agreement",
        "Partner seriously ill. Agreed this stays between us and HR for now.",
    ),
    (
        "Conversation about a health condition {first} disclosed; went through the reasonable adjustments available.",
        "Relieved to have talked about it.",
        "Request the workstation assessment for {first}",
        "Condition disclosed in confidence; the adjustments request went to HR only.",
    ),
)

ACKNOWLEDGEMENTS = (
    "Agreed, thanks for the tips.",
    "Happy with this; the examples helped.",
    "I don't fully agree about the Thursday call, it was a system issue.",
    "Thanks, looking forward to the course.",
    "Fair summary.",
)
SURVEY_COMMENTS = (
    "Useful, practical examples.",
    "Would have liked more time on the tools.",
    "Felt listened to.",
    "Too rushed; we only had ten minutes.",
    "Clear next steps.",
    "",
)
AMENDMENTS = (
    (
        "performance_rating",
        "",
        "Agent showed the call was transferred in as an escalated complaint; rating revised.",
    ),
    (
        "next_steps",
        "(Moved to the following week after the rota change.)",
        "Agreed a new date with the agent after the rota changed.",
    ),
    (
        "what_happened",
        "(Correction: the call reviewed was the afternoon one, not the morning one.)",
        "Corrected which call was reviewed.",
    ),
)
