"""Commitments leaders make in one-on-ones, and how commitments read when followed up."""

from __future__ import annotations

from coachdesk.models import CommitmentStatus

EARLY_NOTES = ("Done early; mentioned it at the desk.", "Done ahead of the date.", "Done; sent me the screenshot.")
FOLLOW_UP_NOTES = {
    CommitmentStatus.DONE: (
        "Done; checked at the next session and it showed.",
        "Done.",
        "Done every day but one.",
        "Done, and it's already making a difference.",
    ),
    CommitmentStatus.MISSED: (
        "Not done: a very busy week. Carried into this week.",
        "Missed; forgotten after the rota change. Agreed a reminder.",
        "Partly done, not consistently.",
    ),
    CommitmentStatus.DROPPED: (
        "Dropped: no longer relevant after the process change.",
        "Dropped; replaced by the next plan step.",
        "Dropped; the course was cancelled.",
    ),
}

LEADERSHIP_COMMITMENTS = (
    ("Hold every overdue coaching session before Friday", True),
    ("Review one recorded session with each new starter", True),
    ("Send the rota request to WFM", True),
    ("Finish the coaching-skills module", True),
    ("Protect two hours of coaching time in {first}'s rota", False),
    ("Get sign-off for the headset order", False),
    ("Introduce {first} to the trainer at the Glasgow site", False),
)
