"""Plan titles, goal notes, revision reasons, and the steps of a team leader's own plan."""

from __future__ import annotations

GENERAL_PLAN_TITLES = ("Development plan {year}", "Towards senior advisor", "Building consistency", "Next steps {year}")
GOAL_NOTES = (
    "Baseline from the four weeks before the plan started.",
    "They chose the target themselves.",
    "Review progress at every one-on-one.",
)
REVISION_REASONS = (
    "Added a step: more practice needed before moving on.",
    "Added a step after the call review; target date moved for the outage weeks.",
    "Added a step when the new system went live.",
)
LEADER_STEPS = (
    "Block coaching time in the diary every week",
    "Review the coaching tracker every Monday",
    "Have one session a month observed by the operations manager",
    "Hold every new starter's session weekly for their first 90 days",
)
LEADER_CSAT_STEPS = (
    "Run a calibration session on survey scores with the team",
    "Coach the three lowest scorers on acknowledgement",
    "Share a top-scoring call at every huddle",
)
