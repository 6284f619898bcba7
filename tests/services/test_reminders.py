"""Reminders: before each of the owner's one-on-ones, and once a day for the commitments due."""

from __future__ import annotations

from datetime import datetime, timedelta

from coachdesk.models import CommitmentStatus
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.meetings import SeriesView
from coachdesk.services.settings import OWNER_KEY
from tests.conftest import NOW, TODAY, Team

TEN = datetime(2026, 11, 23, 10, 0)


def series_meeting_at(services: Services, manager_id: str, report_id: str, at: datetime) -> SeriesView:
    return services.meetings.create_series(manager_id, report_id, first_meeting_at=at)


def test_a_meeting_is_reminded_of_once_it_starts_within_the_lead_time(services: Services, team: Team) -> None:
    series = series_meeting_at(services, team.leader.id, team.priya.id, TEN)

    assert services.reminders.due(lead_minutes=15) == []
    [reminder] = services.reminders.due(lead_minutes=45)

    [meeting] = services.meetings.meetings(series.id)
    assert reminder.key == f"meeting:{meeting.id}:2026-11-23"
    assert reminder.person_id == team.priya.id
    assert reminder.meeting_id == meeting.id
    assert reminder.title == "One-on-one with Priya Shah at 10:00"


def test_the_reminder_counts_what_is_on_the_agenda(services: Services, team: Team) -> None:
    series = series_meeting_at(services, team.leader.id, team.priya.id, TEN)
    [meeting] = services.meetings.meetings(series.id)
    services.meetings.add_agenda_item(series.id, "Shift swap")
    services.meetings.add_agenda_item(series.id, "Headset", meeting_id=meeting.id)
    services.meetings.add_agenda_item(series.id, "Training slot")
    settled = services.meetings.add_agenda_item(series.id, "Parking")
    services.meetings.close_agenda_item(settled.id)
    next_week = TODAY + timedelta(days=7)
    services.commitments.add(CommitmentDraft("Listen to two calls", team.priya.id, next_week))
    services.commitments.add(CommitmentDraft("Book the course", team.leader.id, next_week, coachee_id=team.priya.id))
    services.commitments.add(CommitmentDraft("Pair with Priya", team.tomas.id, next_week))

    [reminder] = services.reminders.due(lead_minutes=45)

    assert reminder.text == (
        "One-on-one with Priya Shah at 10:00 — prepare the agenda: 3 talking points, 2 open commitments"
    )
    assert reminder.message == "Prepare the agenda: 3 talking points, 2 open commitments."


def test_an_empty_agenda_says_so(services: Services, team: Team) -> None:
    series_meeting_at(services, team.leader.id, team.priya.id, TEN)

    [reminder] = services.reminders.due(lead_minutes=45)

    assert reminder.message == "Prepare the agenda: no talking points, no open commitments."


def test_meetings_started_or_starting_now_are_not_reminded_of(services: Services, team: Team) -> None:
    now_series = services.meetings.create_series(team.leader.id, team.tomas.id)
    services.meetings.schedule(now_series.id, NOW)
    started = series_meeting_at(services, team.leader.id, team.new_starter.id, datetime(2026, 11, 23, 9, 45))
    [meeting] = services.meetings.meetings(started.id)
    services.agenda.start(meeting.id)

    assert services.reminders.due(lead_minutes=60) == []


def test_keys_already_sent_are_not_sent_again(services: Services, team: Team) -> None:
    series_meeting_at(services, team.leader.id, team.priya.id, TEN)
    services.commitments.add(CommitmentDraft("Listen to two calls", team.priya.id, TODAY))
    first = services.reminders.due(lead_minutes=45)

    assert len(first) == 2
    assert services.reminders.due(lead_minutes=45, already_sent={r.key for r in first}) == []


def test_only_the_owners_own_series_are_reminded_of(services: Services, team: Team) -> None:
    series_meeting_at(services, team.leader.id, team.priya.id, TEN)
    series_meeting_at(services, team.senior.id, team.leader.id, datetime(2026, 11, 23, 9, 50))

    assert [r.title for r in services.reminders.due(lead_minutes=45)] == ["One-on-one with Priya Shah at 10:00"]

    services.settings.put(OWNER_KEY, None)
    assert [r.title for r in services.reminders.due(lead_minutes=45)] == [
        "One-on-one with Dana Whitfield at 09:50",
        "One-on-one with Priya Shah at 10:00",
    ]


def test_commitments_due_today_and_overdue_that_the_owner_or_their_people_hold(services: Services, team: Team) -> None:
    add = services.commitments.add
    yesterday = TODAY - timedelta(days=1)
    add(CommitmentDraft("Listen to two calls", team.priya.id, TODAY))
    add(CommitmentDraft("Read the script", team.tomas.id, yesterday))
    add(CommitmentDraft("Book the course", team.leader.id, TODAY, coachee_id=team.new_starter.id))
    add(CommitmentDraft("Send the rota", team.leader.id, TODAY - timedelta(days=5)))
    add(CommitmentDraft("Tidy the queue", team.new_starter.id, TODAY))
    add(CommitmentDraft("Approve the budget", team.senior.id, TODAY, coachee_id=team.leader.id))
    add(CommitmentDraft("Shadow a call", team.priya.id, TODAY + timedelta(days=1)))
    kept = add(CommitmentDraft("Update the wallboard", team.tomas.id, TODAY))
    services.commitments.follow_up(kept.id, CommitmentStatus.DONE)

    [reminder] = services.reminders.due(lead_minutes=15)

    assert reminder.text == "3 commitments due today, 2 overdue"
    assert reminder.key == "commitments:2026-11-23"
    assert reminder.person_id is None


def test_commitment_counts_read_naturally(services: Services, team: Team) -> None:
    services.commitments.add(CommitmentDraft("Read the script", team.tomas.id, TODAY - timedelta(days=1)))

    assert [r.text for r in services.reminders.due(lead_minutes=15)] == ["1 commitment overdue"]


def test_nothing_due_means_no_commitment_reminder(services: Services, team: Team) -> None:
    services.commitments.add(CommitmentDraft("Shadow a call", team.priya.id, TODAY + timedelta(days=1)))

    assert services.reminders.due(lead_minutes=15) == []
