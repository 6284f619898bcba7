from __future__ import annotations

from datetime import date, datetime

import pytest

from coachdesk.errors import ValidationError
from coachdesk.models import Cadence
from coachdesk.services import Services
from coachdesk.services.kpis import KpiValueInput
from tests.conftest import Team


def test_agenda_items_wait_for_the_next_meeting_and_are_ticked_off(services: Services, team: Team) -> None:
    series = services.meetings.create_series(team.leader.id, team.priya.id, Cadence.WEEKLY)
    waiting = services.meetings.add_agenda_item(series.id, "Rota for December")
    meeting = services.meetings.schedule(series.id, datetime(2026, 11, 26, 10, 0))
    item = services.meetings.add_agenda_item(series.id, "Adherence this week", meeting_id=meeting.id)

    closed = services.meetings.close_agenda_item(item.id, notes="Up to 83 %")
    assert (closed.done, closed.notes, closed.added_by_name) == (True, "Up to 83 %", "Dana Whitfield")
    assert [i.text for i in services.meetings.agenda(series.id)] == [waiting.text]
    assert services.meetings.reopen_agenda_item(item.id).done is False
    assert series.interval_days == 7


def test_a_pair_has_one_series_and_custom_cadences_are_bounded(services: Services, team: Team) -> None:
    services.meetings.create_series(team.leader.id, team.priya.id)
    with pytest.raises(ValidationError, match="already have a one-on-one"):
        services.meetings.create_series(team.leader.id, team.priya.id)
    with pytest.raises(ValidationError, match="between 1 and 92 days"):
        services.meetings.create_series(team.leader.id, team.tomas.id, Cadence.CUSTOM, interval_days=120)


def test_kpi_values_replace_earlier_values_of_the_same_period(services: Services, team: Team) -> None:
    adherence = services.kpis.define("Adherence", unit="%", target=85)
    handle_time = services.kpis.define("Average handle time", unit="s", target=420, higher_is_better=False)
    services.kpis.record_values(
        [
            KpiValueInput(adherence.id, team.priya.id, date(2026, 11, 9), 80.0),
            KpiValueInput(adherence.id, team.priya.id, date(2026, 11, 16), 82.0),
            KpiValueInput(handle_time.id, team.priya.id, date(2026, 11, 16), 400.0),
        ]
    )
    services.kpis.record_values([KpiValueInput(adherence.id, team.priya.id, date(2026, 11, 16), 86.0, "week47.csv")])
    assert [(p.period_start, p.value) for p in services.kpis.series(team.priya.id, adherence.id)] == [
        (date(2026, 11, 9), 80.0),
        (date(2026, 11, 16), 86.0),
    ]
    services.kpis.set_personal_target(adherence.id, team.priya.id, 90)
    latest = {k.kpi.name: (k.value, k.target, k.meets_target) for k in services.kpis.latest_for(team.priya.id)}
    assert latest == {"Adherence": (86.0, 90, False), "Average handle time": (400.0, 420, True)}


def test_recognition_and_mentoring_are_recorded(services: Services, team: Team) -> None:
    services.recognition.recognise(team.priya.id, "Turned round an angry caller", behaviour="Empathy")
    assert [(r.reason, r.given_by_name) for r in services.recognition.for_person(team.priya.id)] == [
        ("Turned round an angry caller", "Dana Whitfield")
    ]
    services.recognition.pair(team.senior.id, team.leader.id, scope="Coaching quality")
    services.recognition.pair(team.leader.id, team.tomas.id)
    roles = {(m.mentor_name, m.mentee_name) for m in services.recognition.mentorships_of(team.leader.id)}
    assert roles == {("Grace Okafor", "Dana Whitfield"), ("Dana Whitfield", "Tomás Ruiz")}
    with pytest.raises(ValidationError, match="cannot mentor themselves"):
        services.recognition.pair(team.leader.id, team.leader.id)
