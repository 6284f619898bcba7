"""What mentoring pairings are about, and what their sessions cover."""

from __future__ import annotations

from coachdesk.demo.organisation import Level

MENTORING_SESSIONS = (
    (
        "Talked through a difficult conversation {first} has coming up with someone in their team.",
        "Nervous about it, but has a plan.",
        "Hold the conversation this week and write down what worked",
    ),
    (
        "Went through how the field team plans its visits; {first} will shadow a ride-along next month.",
        "Surprised how different the field day is.",
        "Book a day shadowing the field team",
    ),
    (
        "Reviewed {first}'s plan for the team's rota and how to protect coaching time.",
        "Wants to try blocking coaching on quiet mornings.",
        "Block two coaching mornings in next month's rota",
    ),
    (
        "Talked about stepping up: what a team leader's week really looks like.",
        "Still keen; a bit daunted by the people side.",
        "Lead Thursday's huddle with the mentor watching",
    ),
    (
        "Looked back at the last quarter together: what went well, what {first} would do differently.",
        "Proud of the progress with the new starters.",
        "Write three goals for next quarter and bring them next time",
    ),
)
MENTORING_RESPONSES = (
    "Thoughtful, honest conversation.",
    "Came well prepared, with questions written down.",
    "Good progress since last time.",
)

MENTORING_SCOPES = {
    Level.SECOND_LINE.value: (
        (
            "Second-line management: leading through team leaders.",
            "Hold one-on-ones that hold team leaders to account without micromanaging.",
            "Leading leaders",
        ),
    ),
    Level.TEAM_LEADER.value: (
        (
            "Moving between contact centre and field: how the other side plans its day.",
            "Shadow two field visits and one patch review.",
            "Working across teams",
        ),
        (
            "Coaching quality: giving feedback that changes behaviour.",
            "Have two coaching sessions observed and act on the feedback.",
            "Coaching others",
        ),
    ),
    "new_starter": (
        (
            "Buddy for the first three months: systems, people and where things are.",
            "Feel confident on all the common contact types.",
            "Confidence",
        ),
    ),
    Level.AGENT.value: (
        (
            "Stepping up to team leader: coaching conversations and managing the rota.",
            "Run a huddle and a coaching session with feedback from the mentor by the end of the quarter.",
            "Leadership",
        ),
        (
            "Building confidence on complaints and escalations.",
            "Handle an escalated complaint start to finish.",
            "De-escalation",
        ),
    ),
}
