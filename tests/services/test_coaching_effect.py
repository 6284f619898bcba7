from __future__ import annotations

from datetime import date, timedelta

import pytest

from coachdesk.models import KpiPeriod
from coachdesk.services import Services
from coachdesk.services.coaching_effect import CoachingEffect, Grouping, Outcome
from coachdesk.services.kpis import KpiValueInput, KpiView
from coachdesk.services.log import FocusDraft, SessionDraft
from tests.conftest import Team


def weekly(services: Services, kpi: KpiView, person_id: str, first: date, values: list[float | None]) -> None:
    """Values week by week from `first`; None leaves a week without a value."""
    services.kpis.record_values(
        [KpiValueInput(kpi.id, person_id, first + timedelta(weeks=n), v) for n, v in enumerate(values) if v is not None]
    )


def coach(services: Services, agent_id: str, held_on: date, focus: FocusDraft) -> None:
    services.log.record_session(SessionDraft((agent_id,), "Worked on it.", held_on=held_on, focuses=(focus,)))


@pytest.fixture
def effect(services: Services, team: Team) -> CoachingEffect:
    """AHT (lower is better, target 300, Priya's own 320) coached three times on 14 Oct with follow-up 28 Oct;
    CSAT (higher is better, target 90) once in September; the session's own week counts on neither side."""
    aht = services.kpis.define("AHT", target=300, higher_is_better=False, period=KpiPeriod.WEEK)
    csat = services.kpis.define("CSAT", target=90, period=KpiPeriod.WEEK)
    services.kpis.set_personal_target(aht.id, team.priya.id, 320)
    september = date(2026, 9, 14)
    weekly(services, aht, team.priya.id, september, [340, 340, 340, 340, 330, 325, 310])
    weekly(services, aht, team.tomas.id, september, [300, 300, 300, 300, 299, 295, 290])
    weekly(services, aht, team.new_starter.id, september, [None, None, None, None, None, 330, 320])
    weekly(services, csat, team.tomas.id, date(2026, 8, 10), [85, 85, 85, 85, 88, 92])
    session_day, follow_up = date(2026, 10, 14), date(2026, 10, 28)
    coach(services, team.priya.id, session_day, FocusDraft("", aht.id, None, "", follow_up))
    coach(services, team.tomas.id, session_day, FocusDraft("Call control", aht.id, 280, "", follow_up))
    coach(services, team.new_starter.id, session_day, FocusDraft("", aht.id, None, "", follow_up))
    coach(services, team.tomas.id, date(2026, 11, 18), FocusDraft("", aht.id, None, "", date(2026, 12, 2)))
    coach(services, team.tomas.id, date(2026, 9, 2), FocusDraft("Empathy", csat.id, None, "", date(2026, 9, 16)))
    return services.coaching_effect.effect()


def test_each_followed_up_focus_has_its_before_after_and_outcome(effect: CoachingEffect, team: Team) -> None:
    rows = [(o.agent_name, o.focus, o.target, o.before, o.after, o.outcome, o.gain) for o in effect.outcomes]

    assert rows == [
        ("Tomás Ruiz", "Empathy", 90.0, 85.0, 92.0, Outcome.REACHED, 7.0),
        ("Priya Shah", "AHT", 320.0, 340.0, 310.0, Outcome.REACHED, 30.0),
        ("Tomás Ruiz", "Call control", 280.0, 300.0, 290.0, Outcome.MISSED, 10.0),
        ("Zoë Álvarez", "AHT", 300.0, None, 320.0, Outcome.CANT_TELL, None),
    ]


def test_after_is_the_mean_up_to_the_follow_up_when_its_own_period_has_no_value(services: Services, team: Team) -> None:
    csat = services.kpis.define("CSAT", target=90, period=KpiPeriod.WEEK)
    weekly(services, csat, team.tomas.id, date(2026, 8, 10), [85, 85, 85, 85, 88, 94, None, 70])
    coach(services, team.tomas.id, date(2026, 9, 2), FocusDraft("", csat.id, None, "", date(2026, 9, 23)))

    (outcome,) = services.coaching_effect.effect().outcomes

    assert (outcome.after, outcome.outcome) == (91.0, Outcome.REACHED)


def test_sums_per_focus_count_cant_tell_apart_from_misses(effect: CoachingEffect) -> None:
    rows = [
        (s.label, s.sessions, s.reached, s.missed, s.cant_tell, s.mean_gain) for s in effect.summary(Grouping.FOCUS)
    ]

    assert rows == [
        ("AHT", 2, 1, 0, 1, 30.0),
        ("Call control", 1, 0, 1, 0, 10.0),
        ("Empathy", 1, 1, 0, 0, 7.0),
    ]


def test_sums_per_agent_and_per_coach(effect: CoachingEffect, team: Team) -> None:
    per_agent = {s.label: (s.sessions, s.reached, s.reached_share) for s in effect.summary(Grouping.AGENT)}
    (per_coach,) = effect.summary(Grouping.COACH)

    assert per_agent == {"Tomás Ruiz": (2, 1, 0.5), "Priya Shah": (1, 1, 1.0), "Zoë Álvarez": (1, 0, None)}
    assert (per_coach.label, per_coach.sessions, per_coach.reached, per_coach.told) == ("Dana Whitfield", 4, 2, 3)
    assert per_coach.kpi is None
