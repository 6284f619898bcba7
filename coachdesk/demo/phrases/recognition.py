"""Recognition in words: what someone was praised for, and how the leader gave it and they took it."""

from __future__ import annotations

from dataclasses import dataclass

from coachdesk.demo.world import BOTH, CC, FIELD
from coachdesk.models import TeamSetting


@dataclass(frozen=True)
class Praise:
    reason: str
    behaviour: str
    kpi: str | None = None
    settings: tuple[TeamSetting, ...] = BOTH


RECOGNITION_OPENINGS = (
    "Took {first} aside to say thank you.",
    "Recognition for {first}.",
    "Wanted to make sure {first} heard this from me directly.",
)
RECOGNITION_REASONS = (
    Praise("Stayed on after shift to finish a vulnerable customer's complaint properly.", "Ownership", settings=(CC,)),
    Praise(
        "A customer emailed to thank {first} by name for sorting out a billing mess in one call.",
        "Customer first",
        "fcr",
        (CC,),
    ),
    Praise("Adherence at or above target four weeks running.", "Consistency", "adherence"),
    Praise("Helped two new starters through their first week.", "Team spirit"),
    Praise("Spotted a billing error affecting a whole postcode and raised it.", "Ownership", settings=(CC,)),
    Praise("Top customer satisfaction in the team this month.", "Customer first", "csat"),
    Praise("Covered the Saturday shift at short notice.", "Going the extra mile"),
    Praise(
        "A customer rang the office to praise {first}'s patience on a two-hour install.",
        "Customer first",
        "csat",
        (FIELD,),
    ),
    Praise("Fixed a fault two other visits had missed.", "Ownership", "fcr", (FIELD,)),
    Praise("Finished every visit on the schedule in a week of road closures.", "Consistency", "adherence", (FIELD,)),
    Praise(
        "Took a worried elderly customer through the new router step by step, twice.", "Customer first", None, (FIELD,)
    ),
    Praise("Turned a customer who wanted to leave into a two-year renewal, honestly.", "Customer first", None, (CC,)),
    Praise("Rewrote the team's refund crib sheet; everyone is using it.", "Team spirit", None, (CC,)),
    Praise("Kept calm and kind through a shift of outage calls.", "Resilience"),
)
RECOGNITION_RESPONSES = (
    "Clearly pleased; said it made the week.",
    "Modest about it, as always.",
    "Asked if the customer's email could go on the team board.",
)
RECOGNITION_VIEWS = ("“I was only doing my job.”", "Glad it was noticed.", "Said the team made it possible.")
RECOGNITION_NEXT_STEPS = (
    "Share the example at Thursday's huddle.",
    "Nominate {first} for the monthly site award.",
    "Mention it to {manager} at our next one-on-one.",
)

LEADER_RECOGNITION = (
    Praise("Every agent coached on cadence for six weeks running.", "Consistency"),
    Praise("Turned the team's adherence round after the rota change.", "Ownership", "adherence"),
    Praise("Great mentoring of a new team leader at another site.", "Team spirit"),
)
