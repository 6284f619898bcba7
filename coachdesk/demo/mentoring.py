"""Mentoring pairings across sites and between contact-centre and field teams."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from coachdesk.demo.organisation import Level, Member, Organisation
from coachdesk.demo.phrases.mentoring import MENTORING_SCOPES
from coachdesk.demo.world import DAYS_PER_YEAR, World, stamp
from coachdesk.models import Mentorship, MentorshipStatus


@dataclass(frozen=True)
class Pairing:
    id: str
    mentor: Member
    mentee: Member
    started_on: date
    ended_on: date | None
    status: MentorshipStatus
    skill: str


class Mentoring:
    """Managers mentor and are mentored at once, across sites and between contact-centre and field teams."""

    def __init__(self, world: World) -> None:
        self.world = world

    def pair(self, organisation: Organisation) -> list[Pairing]:
        world, pairs = self.world, []
        second_line = organisation.second_line
        for index, manager in enumerate(second_line):
            peer = second_line[(index + 1) % len(second_line)]
            pairs.append((organisation.senior if index % 3 == 0 or peer is manager else peer, manager))
        for leader in organisation.leaders:
            if world.chance(0.6):
                others = [m for m in second_line if m is not leader.boss] or [organisation.senior]
                pairs.append((world.pick(others), leader))
        for agent in organisation.agents:
            mentor = self.mentor_for(agent, organisation)
            if mentor is not None:
                pairs.append((mentor, agent))
        pairings = [p for mentor, mentee in pairs if (p := self.start(mentor, mentee)) is not None]
        if pairings:
            self.propose_one_more(organisation, pairings)
        return pairings

    def mentor_for(self, agent: Member, organisation: Organisation) -> Member | None:
        """Strong established agents get a team leader from the other kind of team; some new starters, a buddy."""
        world = self.world
        other_teams = [t for t in organisation.teams if t is not agent.team]
        if not other_teams:
            return None
        if not agent.is_new_on(world.today) and agent.quality > 3.9 and world.chance(0.5):
            crossing = [t for t in other_teams if t.setting is not agent.setting] or other_teams
            return world.pick(crossing).leader
        if agent.is_new_on(world.today) and world.chance(0.5):
            buddies = [a for t in other_teams for a in t.agents if a.quality > 3.6 and not a.is_new_on(world.today)]
            return world.pick(buddies) if buddies else None
        return None

    def start(self, mentor: Member, mentee: Member) -> Pairing | None:
        """A pairing begun some time in the period, once both were there; none for someone who only just arrived."""
        world = self.world
        earliest = max(world.since, mentor.start_date, mentee.start_date + timedelta(days=7))
        if earliest > world.today - timedelta(days=14):
            return None
        started = world.day_between(earliest, world.today - timedelta(days=14))
        ended = None
        if (world.today - started).days > DAYS_PER_YEAR and world.chance(0.6):
            ended = started + timedelta(days=world.rng.randint(180, 300))
        status = MentorshipStatus.ACTIVE if ended is None else MentorshipStatus.ENDED
        new_starter = mentee.level is Level.AGENT and mentee.is_new_on(started)
        scope = world.pick(MENTORING_SCOPES["new_starter" if new_starter else mentee.level.value])
        return self.record(mentor, mentee, scope, started, ended=ended, status=status)

    def propose_one_more(self, organisation: Organisation, pairings: list[Pairing]) -> None:
        """One pairing proposed for next week: the programme is still growing."""
        mentee = self.world.pick(organisation.leaders)
        mentor = organisation.senior
        scope = MENTORING_SCOPES[Level.TEAM_LEADER.value][0]
        starts = self.world.today + timedelta(days=7)
        pairings.append(self.record(mentor, mentee, scope, starts, ended=None, status=MentorshipStatus.PROPOSED))

    def record(
        self,
        mentor: Member,
        mentee: Member,
        scope: tuple[str, str, str],
        started: date,
        *,
        ended: date | None,
        status: MentorshipStatus,
    ) -> Pairing:
        """`scope` is what the pairing is about, the goals agreed, and the skill the mentee is growing."""
        about, goals, skill = scope
        row = self.world.rows.add(
            Mentorship,
            stamp(min(started, self.world.today - timedelta(days=1)), 12),
            mentor_id=mentor.id,
            mentee_id=mentee.id,
            started_on=started,
            ended_on=ended,
            status=status,
            scope=about,
            goals=goals,
        )
        return Pairing(row["id"], mentor, mentee, started, ended, status, skill)
