from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk.db import Notebook
from coachdesk.errors import ValidationError
from coachdesk.models import AgendaSource, Cadence, CommitmentStatus, MeetingStatus
from coachdesk.services import Services, build_services
from coachdesk.services.agenda import AgendaView
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.kpis import KpiValueInput
from coachdesk.services.meetings import MeetingView, SeriesView
from coachdesk.services.people import PersonDraft
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from tests.conftest import NOW, TODAY, Team

TEN = time(10, 0)
MONDAY = datetime(2026, 11, 23, 10, 0)
NEXT_MONDAY = datetime(2026, 11, 30, 10, 0)
AGENT_TEMPLATE = [
    "How are you doing? Anything in your way?",
    "Commitments since last time",
    "KPIs: what moved, what didn't",
    "Development plan: the step you're on",
    "Recognition: what went well",
    "Your talking points",
]


class MovingClock:
    """A clock the test moves forward, for meetings whose day goes by."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def weekly_series(services: Services, manager_id: str, report_id: str) -> SeriesView:
    return services.meetings.create_series(manager_id, report_id, Cadence.WEEKLY, weekday=0, usual_time=TEN)


def texts(agenda: AgendaView, *sources: AgendaSource) -> list[str]:
    return [item.text for item in agenda.items if not sources or item.source in sources]


def item_named(agenda: AgendaView, text: str) -> str:
    return next(item.id for item in agenda.items if item.text == text)


def hold_with_leftover(services: Services, series: SeriesView, leftover: str = "Sickness cover") -> MeetingView:
    """Holds this Monday's meeting with one deferred point; returns the next meeting, prepared by the ending."""
    meeting = services.meetings.schedule(series.id, MONDAY)
    services.agenda.start(meeting.id)
    services.agenda.defer(services.agenda.add_item(meeting.id, leftover).id)
    following = services.agenda.end(meeting.id).next_meeting
    assert following is not None
    return following


def holding(services: Services, series: SeriesView, text: str) -> list[MeetingView]:
    """The meetings whose agenda has an unfinished item with this text."""
    return [
        meeting
        for meeting in services.meetings.meetings(series.id)
        if any(item.text == text and not item.done for item in services.agenda.agenda(meeting.id).items)
    ]


def statuses_holding(services: Services, series: SeriesView, text: str) -> Counter[MeetingStatus]:
    return Counter(meeting.status for meeting in holding(services, series, text))


def test_a_whole_meeting_is_logged_and_its_leftovers_wait_on_the_next_agenda(services: Services, team: Team) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    meeting = services.meetings.schedule(series.id, MONDAY)
    services.meetings.add_agenda_item(series.id, "Rota for December", added_by_id=team.priya.id)
    services.commitments.add(CommitmentDraft("Listen back to two calls", team.priya.id, date(2026, 11, 20)))

    prepared = services.agenda.prepare(meeting.id)

    assert [(item.source, item.text) for item in prepared.items[:3]] == [
        (AgendaSource.TALKING_POINT, "Rota for December"),
        (AgendaSource.COMMITMENT, "Priya Shah: Listen back to two calls"),
        (AgendaSource.RECOGNITION, "Recognise: what has Priya done well since last time?"),
    ]
    assert texts(prepared, AgendaSource.TEMPLATE) == AGENT_TEMPLATE
    assert (prepared.items[0].added_by_name, prepared.items[1].overdue, prepared.items[1].due_on) == (
        "Priya Shah",
        True,
        date(2026, 11, 20),
    )
    assert (prepared.report_name, prepared.manager_name, prepared.status) == (
        "Priya Shah",
        "Dana Whitfield",
        MeetingStatus.SCHEDULED,
    )

    started = services.agenda.start(meeting.id)
    rota = item_named(started, "Rota for December")
    promise = item_named(started, "Priya Shah: Listen back to two calls")
    services.agenda.tick(rota, True)
    services.agenda.write_notes(rota, "  Swap Tuesdays with Tomás ")
    services.agenda.tick(promise, True)
    services.agenda.defer(services.agenda.add_item(meeting.id, "Headset keeps cutting out").id)
    services.agenda.capture_commitment(
        meeting.id, "Book the refunds refresher", team.priya.id, date(2026, 11, 27), item_id=rota
    )
    services.agenda.save_time(meeting.id, 31 * 60, {rota: 300})
    during = services.agenda.agenda(meeting.id)
    assert texts(during)[:3] == [
        "Rota for December",
        "Priya Shah: Book the refunds refresher",
        "Priya Shah: Listen back to two calls",
    ]
    assert (during.items[1].made_here, during.items[1].done, during.items[2].made_here) == (True, True, False)

    ended = services.agenda.end(meeting.id, "A good week.")

    entry = services.log.get(ended.entry_id)
    assert (entry.kind.key, entry.coach_name, entry.agents, entry.meeting_id) == (
        "one_on_one",
        "Dana Whitfield",
        ((team.priya.id, "Priya Shah"),),
        meeting.id,
    )
    assert (entry.held_on, entry.started_at, entry.duration_minutes) == (TODAY, time(9, 30), 31)
    assert entry.what_happened == (
        "A good week.\n\n"
        "Done:\n- Rota for December — Swap Tuesdays with Tomás\n- Priya Shah: Listen back to two calls\n\n"
        "Deferred to next time:\n- Headset keeps cutting out"
    )
    assert entry.next_steps == "- Priya Shah: Book the refunds refresher (by Fri 27 Nov)"
    assert [c.text for c in entry.commitments] == ["Book the refunds refresher"]
    assert [(c.text, c.status) for c in ended.kept] == [("Listen back to two calls", CommitmentStatus.DONE)]

    assert [c.text for c in services.commitments.open_for(team.priya.id)] == ["Book the refunds refresher"]
    assert [c.text for c in services.commitments.due_by(date(2026, 11, 27))] == ["Book the refunds refresher"]

    assert ended.next_meeting is not None
    assert ended.next_meeting.scheduled_at == NEXT_MONDAY
    following = services.agenda.agenda(ended.next_meeting.id)
    assert [(item.text, item.source, item.carried_from_at) for item in following.items[:2]] == [
        ("Headset keeps cutting out", AgendaSource.CARRIED_OVER, MONDAY),
        ("Priya Shah: Book the refunds refresher", AgendaSource.COMMITMENT, None),
    ]
    assert [item.text for item in ended.carried] == ["Headset keeps cutting out"]
    assert following.last_held_at == MONDAY
    assert texts(following, AgendaSource.TEMPLATE) == AGENT_TEMPLATE

    held = services.agenda.agenda(meeting.id)
    assert (held.status, held.entry_id, held.summary, held.elapsed_seconds) == (
        MeetingStatus.HELD,
        ended.entry_id,
        "A good week.",
        31 * 60,
    )
    with pytest.raises(ValidationError, match="has already ended; its summary is in the leader log"):
        services.agenda.end(meeting.id)
    with pytest.raises(ValidationError, match="has already ended, so it cannot be changed"):
        services.agenda.tick(rota, False)


def test_an_interrupted_meeting_resumes_with_its_timers(services: Services, team: Team, notebook: Notebook) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    meeting = services.meetings.schedule(series.id, MONDAY)
    first = services.agenda.start(meeting.id).items[0]
    services.agenda.save_time(meeting.id, 754, {first.id: 125})

    reopened = build_services(notebook, clock=lambda: NOW + timedelta(minutes=40))
    resumed = reopened.agenda.start(meeting.id)

    assert (resumed.status, resumed.elapsed_seconds, resumed.meeting.started_at) == (
        MeetingStatus.IN_PROGRESS,
        754,
        NOW,
    )
    assert resumed.items[0].seconds_spent == 125
    assert reopened.log.get(reopened.agenda.end(meeting.id).entry_id).duration_minutes == 13


def test_preparing_again_adds_only_what_is_new(services: Services, team: Team) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    meeting = services.meetings.schedule(series.id, MONDAY)
    services.commitments.add(CommitmentDraft("Listen back to two calls", team.priya.id, date(2026, 11, 25)))
    first = services.agenda.prepare(meeting.id)
    assert services.agenda.prepare(meeting.id) == first

    services.commitments.add(CommitmentDraft("Move Priya's break", team.leader.id, date(2026, 11, 26), team.priya.id))
    services.meetings.add_agenda_item(series.id, "Overtime in December")
    again = services.agenda.prepare(meeting.id)

    assert texts(again)[:4] == [
        "Overtime in December",
        "Priya Shah: Listen back to two calls",
        "Dana Whitfield: Move Priya's break",
        "Recognise: what has Priya done well since last time?",
    ]
    assert [item.position for item in again.items] == list(range(len(again.items)))
    assert len(again.items) == len(first.items) + 2


def test_leftovers_of_a_meeting_cancelled_after_being_planned_move_on_once(services: Services, team: Team) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    cancelled = hold_with_leftover(services, series)
    later = services.meetings.schedule(series.id, datetime(2026, 12, 7, 10, 0))
    assert "Sickness cover" not in texts(services.agenda.prepare(later.id))

    services.agenda.set_status(cancelled.id, MeetingStatus.CANCELLED)
    services.agenda.prepare(later.id)
    prepared = services.agenda.prepare(later.id)

    carried = [item for item in prepared.items if item.text == "Sickness cover"]
    assert [(item.source, item.carried_from_at) for item in carried] == [(AgendaSource.CARRIED_OVER, NEXT_MONDAY)]
    assert services.agenda.next_meeting(series.id) == prepared.meeting
    assert statuses_holding(services, series, "Sickness cover") == {
        MeetingStatus.HELD: 1,
        MeetingStatus.CANCELLED: 1,
        MeetingStatus.SCHEDULED: 1,
    }


def test_a_postponed_meeting_keeps_its_agenda(services: Services, team: Team) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    postponed = hold_with_leftover(services, series)

    moved = services.agenda.set_status(postponed.id, MeetingStatus.POSTPONED, moved_to=datetime(2026, 12, 2, 14, 0))

    assert (moved.id, moved.scheduled_at, moved.status) == (
        postponed.id,
        datetime(2026, 12, 2, 14, 0),
        MeetingStatus.SCHEDULED,
    )
    assert services.agenda.prepare(postponed.id).meeting.original_scheduled_at == NEXT_MONDAY
    assert statuses_holding(services, series, "Sickness cover")[MeetingStatus.SCHEDULED] == 1
    with pytest.raises(ValidationError) as refused:
        services.agenda.set_status(postponed.id, MeetingStatus.POSTPONED)
    assert refused.value.field == "moved_to"


@pytest.mark.parametrize("mark_missed", [True, False], ids=["marked missed", "skipped unrecorded"])
def test_leftovers_of_a_meeting_that_did_not_happen_reach_the_next_one(
    services: Services, team: Team, notebook: Notebook, mark_missed: bool
) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    not_held = hold_with_leftover(services, series)
    clock = MovingClock(datetime(2026, 12, 1, 9, 0))
    later = build_services(notebook, clock)
    if mark_missed:
        later.agenda.set_status(not_held.id, MeetingStatus.MISSED)
    assert later.agenda.next_meeting(series.id) is None

    rescheduled = later.meetings.schedule(series.id, datetime(2026, 12, 3, 10, 0))
    agenda = later.agenda.prepare(rescheduled.id)

    assert [(item.text, item.carried_from_at) for item in agenda.items if item.carried] == [
        ("Sickness cover", NEXT_MONDAY)
    ]
    assert later.agenda.next_meeting(series.id) == agenda.meeting


def test_an_item_is_carried_once_when_two_coming_meetings_are_prepared(services: Services, team: Team) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    meeting = services.meetings.schedule(series.id, MONDAY)
    after_next = services.meetings.schedule(series.id, datetime(2026, 12, 7, 10, 0))
    services.agenda.prepare(after_next.id)
    services.agenda.start(meeting.id)
    services.agenda.defer(services.agenda.add_item(meeting.id, "Sickness cover").id)

    ended = services.agenda.end(meeting.id)
    assert ended.next_meeting is not None
    assert ended.next_meeting.id == after_next.id
    services.meetings.schedule(series.id, NEXT_MONDAY)
    for each in services.meetings.meetings(series.id):
        services.agenda.prepare(each.id)

    assert statuses_holding(services, series, "Sickness cover") == {MeetingStatus.HELD: 1, MeetingStatus.SCHEDULED: 1}
    assert "Sickness cover" in texts(services.agenda.agenda(after_next.id))


def test_kpi_changes_and_plan_steps_due_come_up_from_the_data(services: Services, team: Team) -> None:
    csat = services.kpis.define("CSAT", unit="%", target=80, decimals=0)
    handle_time = services.kpis.define("Average handle time", unit="s", target=420, higher_is_better=False)
    adherence = services.kpis.define("Adherence", unit="%", target=85)
    week, before = date(2026, 11, 16), date(2026, 11, 9)
    services.kpis.record_values(
        [
            KpiValueInput(csat.id, team.priya.id, before, 82.0),
            KpiValueInput(csat.id, team.priya.id, week, 74.0),
            KpiValueInput(handle_time.id, team.priya.id, before, 400.0),
            KpiValueInput(handle_time.id, team.priya.id, week, 404.0),
            KpiValueInput(adherence.id, team.priya.id, before, 84.0),
            KpiValueInput(adherence.id, team.priya.id, week, 85.5),
        ]
    )
    steps = (
        StepDraft("Shadow a senior", due_on=TODAY - timedelta(days=2)),
        StepDraft("Take a supervised escalation", due_on=TODAY + timedelta(days=10)),
        StepDraft("Run the desk alone", due_on=TODAY + timedelta(days=30)),
    )
    services.plans.create_plan(team.priya.id, PlanDraft("Escalations", goals=(GoalDraft("Escalations", steps=steps),)))
    series = weekly_series(services, team.leader.id, team.priya.id)
    meeting = services.meetings.schedule(series.id, MONDAY)

    agenda = services.agenda.start(meeting.id)

    assert [(item.text, item.overdue) for item in agenda.items if item.source is AgendaSource.PLAN_STEP] == [
        ("Shadow a senior — Escalations", True),
        ("Take a supervised escalation — Escalations", False),
    ]
    assert texts(agenda, AgendaSource.KPI) == [
        "Adherence rose from 84 % to 85.5 % (target 85 %)",
        "CSAT fell from 82 % to 74 % (target 80 %)",
    ]
    for item in agenda.items:
        if item.source is AgendaSource.KPI:
            services.agenda.tick(item.id, True)
    ended = services.agenda.end(meeting.id)
    assert ended.next_meeting is not None

    following = services.agenda.agenda(ended.next_meeting.id)
    assert texts(following, AgendaSource.KPI) == []
    assert [(item.text, item.carried) for item in following.items if item.source is AgendaSource.PLAN_STEP] == [
        ("Shadow a senior — Escalations", True),
        ("Take a supervised escalation — Escalations", True),
    ]


def test_recognition_is_prompted_and_recorded_into_the_log(services: Services, team: Team) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    meeting = services.meetings.schedule(series.id, MONDAY)
    services.recognition.recognise(team.priya.id, "Turned round an angry caller", given_on=date(2026, 11, 20))

    agenda = services.agenda.start(meeting.id)
    assert texts(agenda, AgendaSource.RECOGNITION) == ["Recognise: Turned round an angry caller (noted Fri 20 Nov)"]

    given = services.agenda.recognise(meeting.id, "Coached a new starter unasked", behaviour="Teamwork")
    assert (given.person_name, given.given_by_name, given.given_on) == ("Priya Shah", "Dana Whitfield", TODAY)
    assert [
        item.done for item in services.agenda.agenda(meeting.id).items if item.source is AgendaSource.RECOGNITION
    ] == [True]
    entry = services.log.get(services.agenda.end(meeting.id).entry_id)
    assert entry.what_happened.endswith("Recognised:\n- Coached a new starter unasked")
    assert "Recognise:" not in entry.what_happened


def test_kept_commitments_are_named_in_the_recognition_prompt(services: Services, team: Team) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    meeting = services.meetings.schedule(series.id, MONDAY)
    for text in ("Listen back to two calls", "Shadow Tomás"):
        kept = services.commitments.add(CommitmentDraft(text, team.priya.id, TODAY))
        services.commitments.follow_up(kept.id, CommitmentStatus.DONE)

    agenda = services.agenda.prepare(meeting.id)

    assert texts(agenda, AgendaSource.RECOGNITION) == [
        "Recognise: kept “Listen back to two calls” and “Shadow Tomás” since Mon 16 Nov"
    ]


def test_private_items_stay_private_in_the_log_and_when_carried(services: Services, team: Team) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    meeting = services.meetings.schedule(series.id, MONDAY)
    services.agenda.start(meeting.id)
    private = services.agenda.add_item(meeting.id, "Caring for her mother", is_private=True)
    services.agenda.write_notes(private.id, "Flexible start for a month")
    services.agenda.add_item(meeting.id, "Occupational health referral", is_private=True)

    ended = services.agenda.end(meeting.id)

    entry = services.log.get(ended.entry_id)
    assert "mother" not in entry.what_happened
    assert entry.private_notes == (
        "Talked about, still open:\n- Caring for her mother — Flexible start for a month\n\n"
        "Not reached:\n- Occupational health referral"
    )
    assert [(item.text, item.is_private) for item in ended.carried] == [
        ("Caring for her mother", True),
        ("Occupational health referral", True),
    ]


def test_a_team_leaders_agenda_uses_the_team_leader_template(services: Services, team: Team) -> None:
    series = weekly_series(services, team.senior.id, team.leader.id)
    meeting = services.meetings.schedule(series.id, MONDAY)

    lines = texts(services.agenda.prepare(meeting.id), AgendaSource.TEMPLATE)

    assert lines[0] == "Coaching tracker: sessions held against target, agents overdue"


def test_items_are_reordered_and_removed(services: Services, team: Team) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    meeting = services.meetings.schedule(series.id, MONDAY)
    agenda = services.agenda.prepare(meeting.id)
    last = agenda.items[-1]

    moved = services.agenda.move(last.id, 0)
    assert moved.items[0].id == last.id
    assert [item.position for item in moved.items] == list(range(len(agenda.items)))
    assert services.agenda.move(last.id, 99).items[-1].id == last.id

    removed = services.agenda.remove(last.id)
    assert last.id not in [item.id for item in removed.items]
    assert services.agenda.prepare(meeting.id).items == removed.items


def test_bad_input_is_refused_in_plain_words(services: Services, team: Team) -> None:
    series = weekly_series(services, team.leader.id, team.priya.id)
    meeting = services.meetings.schedule(series.id, MONDAY)
    item = services.agenda.prepare(meeting.id).items[0]
    refusals = [
        (lambda: services.agenda.add_item(meeting.id, "  "), "text", "cannot be empty"),
        (
            lambda: services.agenda.capture_commitment(meeting.id, "Cover Sunday", team.tomas.id, None),
            "owner_id",
            "owned by Priya Shah or Dana Whitfield",
        ),
        (
            lambda: services.agenda.capture_commitment(meeting.id, "Cover Sunday", team.priya.id, date(2026, 11, 1)),
            "due_on",
            "has passed",
        ),
        (lambda: services.agenda.save_time(meeting.id, -1, {}), "elapsed_seconds", "negative"),
        (lambda: services.agenda.save_time(meeting.id, 60, {"elsewhere": 5}), "item_seconds", "not on this"),
        (lambda: services.agenda.set_status(meeting.id, MeetingStatus.HELD), "status", "started and ended"),
        (
            lambda: services.agenda.set_status(meeting.id, MeetingStatus.CANCELLED, moved_to=NEXT_MONDAY),
            "moved_to",
            "Only a postponed meeting",
        ),
    ]
    for action, field, words in refusals:
        with pytest.raises(ValidationError, match=words) as refused:
            action()
        assert refused.value.field == field

    services.agenda.set_status(meeting.id, MeetingStatus.CANCELLED)
    with pytest.raises(ValidationError, match="was cancelled, so it cannot be started"):
        services.agenda.start(meeting.id)
    with pytest.raises(ValidationError, match="was cancelled, so it cannot be ended"):
        services.agenda.end(meeting.id)
    with pytest.raises(ValidationError, match="was cancelled, so it cannot be changed"):
        services.agenda.tick(item.id, True)


ACTIONS = ("hold", "cancel", "miss", "skip", "postpone", "advance", "talk")
serial = itertools.count()
indices = st.frozensets(st.integers(0, 11))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(ACTIONS), indices, indices), max_size=8))
def test_every_unfinished_item_stands_on_exactly_one_agenda_to_come(
    notebook: Notebook, team: Team, steps: list[tuple[str, frozenset[int], frozenset[int]]]
) -> None:
    """Whatever happens to the next meeting, each open talking point waits on exactly one meeting to come.

    Each step acts on the series' next meeting: hold it (ticking and deferring some points), cancel it, mark it
    missed, let its day go by unrecorded, postpone it, plan and prepare one further ahead, or add a point.
    """
    clock = MovingClock(NOW)
    services = build_services(notebook, clock)
    report = services.people.add(PersonDraft(f"Agent {next(serial)}", reports_to_id=team.leader.id))
    series = weekly_series(services, team.leader.id, report.id)
    services.meetings.schedule(series.id, MONDAY)
    finished: dict[str, bool] = {}

    def talk() -> None:
        text = f"Point {len(finished)}"
        services.meetings.add_agenda_item(series.id, text)
        finished[text] = False

    def ensure_next(after: datetime) -> None:
        if services.agenda.next_meeting(series.id) is None:
            services.meetings.schedule(series.id, datetime.combine(max(after, clock.now).date(), TEN) + timedelta(7))

    talk()
    talk()
    for action, ticked, deferred in steps:
        upcoming = services.agenda.next_meeting(series.id)
        assert upcoming is not None
        if action == "talk":
            talk()
        elif action == "hold":
            for index, item in enumerate(services.agenda.start(upcoming.id).items):
                if item.text in finished and index in ticked:
                    services.agenda.tick(item.id, True)
                    finished[item.text] = True
                elif item.text in finished and index in deferred:
                    services.agenda.defer(item.id)
            services.agenda.end(upcoming.id)
        elif action == "cancel":
            services.agenda.set_status(upcoming.id, MeetingStatus.CANCELLED)
            ensure_next(upcoming.scheduled_at)
        elif action in ("miss", "skip"):
            clock.now = upcoming.scheduled_at + timedelta(days=1)
            if action == "miss":
                services.agenda.set_status(upcoming.id, MeetingStatus.MISSED)
            ensure_next(upcoming.scheduled_at)
        elif action == "postpone":
            moved_to = upcoming.scheduled_at + timedelta(days=1, hours=4)
            if not any(m.scheduled_at.date() == moved_to.date() for m in services.meetings.meetings(series.id)):
                services.agenda.set_status(upcoming.id, MeetingStatus.POSTPONED, moved_to=moved_to)
        else:
            latest = max(m.scheduled_at for m in services.meetings.meetings(series.id))
            services.agenda.prepare(services.meetings.schedule(series.id, latest + timedelta(days=7)).id)

        coming = services.agenda.next_meeting(series.id)
        assert coming is not None
        services.agenda.prepare(coming.id)
        start_of_today = datetime.combine(clock.now.date(), time())
        for text, done in finished.items():
            to_come = [
                meeting
                for meeting in holding(services, series, text)
                if meeting.status is MeetingStatus.IN_PROGRESS
                or (meeting.status is MeetingStatus.SCHEDULED and meeting.scheduled_at >= start_of_today)
            ]
            assert len(to_come) == (0 if done else 1), (steps, text, to_come)
