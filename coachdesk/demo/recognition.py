"""Recognition given outside sessions, and the strengths and growth areas noted for everyone."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from coachdesk.demo.mentoring import Pairing
from coachdesk.demo.organisation import Member, Organisation
from coachdesk.demo.phrases.people import SKILLS
from coachdesk.demo.phrases.recognition import RECOGNITION_REASONS, Praise
from coachdesk.demo.world import DAYS_PER_YEAR, World, stamp
from coachdesk.models import PersonSkill, Recognition, SkillKind


def give_recognition(world: World, organisation: Organisation) -> None:
    """Besides what team leaders give in sessions, the odd word from the operations manager or head of operations."""
    for agent in organisation.agents:
        first = max(world.since, agent.start_date + timedelta(days=14))
        if first >= world.today:
            continue
        years = (world.today - first).days / DAYS_PER_YEAR
        for _ in range(int(years * 0.6 + world.rng.random())):
            day = world.day_between(first, world.today - timedelta(days=1))
            praise = world.pick([p for p in RECOGNITION_REASONS if agent.setting in p.settings])
            praise = replace(praise, reason=praise.reason.format(first=agent.name.called))
            recognise(world, agent, world.pick((agent.boss.boss, organisation.senior)), stamp(day, 16), praise)


def recognise(world: World, person: Member, giver: Member, at: datetime, praise: Praise, **given_at: str) -> None:
    """Recognition given at `at`, linked to the session (`entry_id`) or meeting (`meeting_id`) it was given in."""
    world.rows.add(
        Recognition,
        at,
        person_id=person.id,
        given_by_id=giver.id,
        given_on=at.date(),
        reason=praise.reason,
        behaviour=praise.behaviour,
        kpi_id=world.kpi_ids.get(praise.kpi or ""),
        **given_at,
    )


def note_skills(world: World, organisation: Organisation, pairings: list[Pairing]) -> None:
    """A strength or two and a growth area or two each; mentors are strong in what their mentees are growing."""
    everyone = [organisation.senior, *organisation.second_line, *organisation.leaders, *organisation.agents]
    skills: dict[str, dict[str, SkillKind]] = {p.id: {} for p in everyone}
    for person in everyone:
        chosen = world.rng.sample(SKILLS, 4)
        for name, kind in zip(chosen, (SkillKind.STRENGTH, SkillKind.GROWTH_AREA) * 2, strict=True):
            if kind is SkillKind.STRENGTH or world.chance(0.6):
                skills[person.id][name] = kind
    for pairing in pairings:
        skills[pairing.mentor.id][pairing.skill] = SkillKind.STRENGTH
        skills[pairing.mentee.id][pairing.skill] = SkillKind.GROWTH_AREA
    for person in everyone:
        for name, kind in skills[person.id].items():
            world.rows.add(
                PersonSkill, stamp(max(world.since, person.start_date), 9), person_id=person.id, name=name, kind=kind
            )
