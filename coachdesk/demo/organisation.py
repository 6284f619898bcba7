"""The people in the demo: who reports to whom, in which team, how long they have been there and how they work."""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from coachdesk.demo.kpis import KPI_BY_KEY, Trend
from coachdesk.demo.phrases.people import (
    CONTACT_CENTRE_FUNCTIONS,
    CONTACT_CENTRES,
    FIELD_REGIONS,
    FIELD_ROLES,
    NAME_POOLS,
    PERSON_NOTES,
)
from coachdesk.demo.world import CC, DAYS_PER_YEAR, FIELD, Calendar, World, clamp, stamp
from coachdesk.models import Person, TeamSetting
from coachdesk.models import Team as TeamRecord

AGENTS_PER_TEAM = 11
TEAMS_PER_AREA = 4
NEW_STARTER_DAYS = 90
DEVELOPING_DAYS = 365
EMAIL_DOMAIN = "example.com"


class Level(enum.Enum):
    SENIOR = "senior"
    SECOND_LINE = "second_line"
    TEAM_LEADER = "team_leader"
    AGENT = "agent"


@dataclass(frozen=True)
class _Name:
    full: str
    called: str
    email: str


@dataclass(eq=False)
class Team:
    id: str
    name: str
    setting: TeamSetting
    agent_role: str
    leader: Member = field(init=False)
    agents: list[Member] = field(default_factory=list)


@dataclass(eq=False)
class Member:
    """Someone in the demo organisation, with the traits that shape their story."""

    id: str
    name: _Name
    level: Level
    start_date: date
    manager: Member | None
    team: Team | None
    reliability: float
    quality: float
    calendar: Calendar
    forgotten_since: date | None = None
    trends: dict[str, Trend] = field(default_factory=dict)
    values: dict[str, dict[date, float]] = field(default_factory=dict)
    targets: dict[str, float] = field(default_factory=dict)
    plans: list[Plan] = field(default_factory=list)
    held_meetings: dict[date, str] = field(default_factory=dict)

    @property
    def setting(self) -> TeamSetting:
        return self.team.setting if self.team else CC

    @property
    def boss(self) -> Member:
        """Their line manager; the senior leader, at the top, answers to themselves."""
        return self.manager or self

    def is_new_on(self, day: date) -> bool:
        return (day - self.start_date).days < NEW_STARTER_DAYS

    def target(self, kpi: str) -> float:
        return self.targets.get(kpi, KPI_BY_KEY[kpi].target)

    def active_plans(self, day: date) -> list[Plan]:
        return [plan for plan in self.plans if plan.is_active_on(day)]

    def last_value(self, kpi: str, day: date) -> float | None:
        """The most recent weekly figure reported before `day`, as a leader would quote it."""
        series = self.values.get(kpi, {})
        monday = day - timedelta(days=day.weekday() + 7)
        return next((series[week] for back in range(3) if (week := monday - timedelta(weeks=back)) in series), None)


@dataclass
class Organisation:
    senior: Member
    second_line: list[Member]
    teams: list[Team]
    agents: list[Member]

    @property
    def leaders(self) -> list[Member]:
        return [team.leader for team in self.teams]

    @property
    def owner(self) -> Member:
        return self.second_line[0]

    def agents_under(self, manager: Member) -> list[Member]:
        return [a for a in self.agents if a.boss.boss is manager]


@dataclass
class Plan:
    """A development plan as the generator sees it: when it ran and which KPIs it worked on."""

    started_on: date
    finished_on: date | None
    kpis: list[str]
    improving: list[str] = field(default_factory=list)
    goal_ids: dict[str, str] = field(default_factory=dict)

    def is_active_on(self, day: date) -> bool:
        return self.started_on <= day and (self.finished_on is None or day <= self.finished_on)


class _NameBook:
    """Draws names from pools that mix as a UK workforce does; big organisations may still have two Mohammed Khans."""

    ATTEMPTS = 20

    def __init__(self, world: World) -> None:
        self._world = world
        self._taken: set[str] = set()
        self._emails: set[str] = set()

    def draw(self) -> _Name:
        given, family, family_first = self._fresh_parts()
        full = full_name(given, family, family_first=family_first)
        self._taken.add(full)
        called = given.split()[-1] if family_first else given.split()[0]
        return _Name(full, called, self._email(called if family_first else given, family))

    def _fresh_parts(self) -> tuple[str, str, bool]:
        """A name nobody has yet if a few draws find one; otherwise the last one drawn."""
        for _attempt in range(self.ATTEMPTS):
            given, family, family_first = self._parts()
            if full_name(given, family, family_first=family_first) not in self._taken:
                break
        return given, family, family_first

    def _parts(self) -> tuple[str, str, bool]:
        world = self._world
        pool = world.rng.choices(NAME_POOLS, weights=[p.weight for p in NAME_POOLS])[0]
        family_pool = pool
        if not pool.family_first and world.chance(0.12):
            family_pool = world.pick([p for p in NAME_POOLS if not p.family_first])
        return world.pick(pool.given), world.pick(family_pool.family), pool.family_first

    def _email(self, given: str, family: str) -> str:
        local = f"{plain_letters(given)}.{plain_letters(family)}"
        address, number = f"{local}@{EMAIL_DOMAIN}", 1
        while address in self._emails:
            number += 1
            address = f"{local}{number}@{EMAIL_DOMAIN}"
        self._emails.add(address)
        return address


def full_name(given: str, family: str, *, family_first: bool) -> str:
    """Vietnamese names put the family name first, as their owners write them."""
    return f"{family} {given}" if family_first else f"{given} {family}"


LETTERS_WITHOUT_ACCENTS = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "ı": "i", "ð": "d"})


def plain_letters(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.lower().translate(LETTERS_WITHOUT_ACCENTS))
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c == "-"))


class Hiring:
    """One senior leader, second-line managers over about four teams each, a team leader per team, then agents."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.names = _NameBook(world)
        self.next_number = 10000 + world.rng.randint(1, 80)
        self.team_names: set[str] = set()

    def organisation(self, agent_count: int) -> Organisation:
        team_count = max(1, round(agent_count / AGENTS_PER_TEAM))
        area_count = max(1, round(team_count / TEAMS_PER_AREA))
        senior = self.person(Level.SENIOR, None, None, "Head of customer operations")
        second_line = [self.person(Level.SECOND_LINE, senior, None, "Operations manager") for _ in range(area_count)]
        teams = [
            self.team(second_line[index % area_count], area=index % area_count, position=index // area_count)
            for index in range(team_count)
        ]
        agents = [self.agent(teams[index % team_count]) for index in range(agent_count)]
        return Organisation(senior, second_line, teams, agents)

    def team(self, manager: Member, *, area: int, position: int) -> Team:
        """Most teams sit in the area's contact centre; every third one works the area's field patch."""
        if position % 3 == 1:
            region, patches = FIELD_REGIONS[area % len(FIELD_REGIONS)]
            name = f"{region} field – {patches[(position // 3 + area // len(FIELD_REGIONS)) % len(patches)]}"
            site, setting, role = f"{region} field team", FIELD, FIELD_ROLES[position % len(FIELD_ROLES)]
        else:
            city = CONTACT_CENTRES[area % len(CONTACT_CENTRES)]
            function, role = CONTACT_CENTRE_FUNCTIONS[(position + 3 * area) % len(CONTACT_CENTRE_FUNCTIONS)]
            name, site, setting = f"{city} – {function}", f"{city} contact centre", CC
        name = self.unique_team_name(name)
        row = self.world.rows.add(TeamRecord, stamp(self.world.since, 8), name=name, site=site, setting=setting)
        team = Team(row["id"], name, setting, role)
        title = "Field team leader" if setting is FIELD else "Team leader"
        team.leader = self.person(Level.TEAM_LEADER, manager, team, title)
        return team

    def unique_team_name(self, name: str) -> str:
        number, unique = 1, name
        while unique in self.team_names:
            number += 1
            unique = f"{name} {number}"
        self.team_names.add(unique)
        return unique

    def agent(self, team: Team) -> Member:
        agent = self.person(Level.AGENT, team.leader, team, team.agent_role)
        team.agents.append(agent)
        return agent

    def person(self, level: Level, manager: Member | None, team: Team | None, role: str) -> Member:
        world = self.world
        start_date = world.today - timedelta(days=self.tenure_days(level))
        reliability = clamp(world.rng.gauss(0.8, 0.12), 0.5, 0.98)
        member = Member(
            id=world.rows.new_id(),
            name=self.names.draw(),
            level=level,
            start_date=start_date,
            manager=manager,
            team=team,
            reliability=reliability,
            quality=clamp(world.rng.gauss(3.4, 0.45), 2.3, 4.4),
            calendar=self.calendar(level, reliability),
        )
        established = level is Level.AGENT and not member.is_new_on(world.today)
        world.rows.add(
            Person,
            stamp(max(world.since, start_date), 8),
            id=member.id,
            full_name=member.name.full,
            employee_id=self.employee_id(),
            email=member.name.email,
            role=self.title(member, role),
            is_agent=level is Level.AGENT,
            is_manager=level is not Level.AGENT,
            reports_to_id=manager.id if manager else None,
            team_id=team.id if team else None,
            start_date=start_date,
            cadence_days=7 if established and member.quality < 2.8 and world.chance(0.5) else None,
            notes=world.pick(PERSON_NOTES) if world.chance(0.1) else "",
        )
        return member

    def title(self, member: Member, role: str) -> str:
        """A long-serving strong performer in a contact centre is a senior advisor."""
        seasoned = (self.world.today - member.start_date).days > 3 * DAYS_PER_YEAR and member.quality > 3.9
        return "Senior advisor" if member.level is Level.AGENT and member.setting is CC and seasoned else role

    def tenure_days(self, level: Level) -> int:
        """New starters (under 90 days), developing (under a year) and established agents, and managers of years."""
        rng = self.world.rng
        if level is not Level.AGENT:
            low, high = {Level.SENIOR: (8, 15), Level.SECOND_LINE: (4, 12), Level.TEAM_LEADER: (1.5, 9)}[level]
            return round(rng.uniform(low, high) * DAYS_PER_YEAR)
        share = rng.random()
        if share < 0.12:
            return rng.randint(5, NEW_STARTER_DAYS - 1)
        if share < 0.34:
            return rng.randint(NEW_STARTER_DAYS, DEVELOPING_DAYS - 1)
        return round(DAYS_PER_YEAR * min(15.0, 1 + rng.expovariate(1 / 2.5)))

    def employee_id(self) -> str:
        self.next_number += self.world.rng.randint(1, 9)
        return f"E{self.next_number}"

    def calendar(self, level: Level, reliability: float) -> Calendar:
        """Two or three holidays a year; leaders also lapse for weeks, the less reliable more often.

        Lapses are all over by six weeks ago: `arrange_todays_gaps` chooses the one leader who is lapsing today.
        """
        world, calendar = self.world, Calendar()
        lapse_chance = 1.1 * (1 - reliability) if level in (Level.TEAM_LEADER, Level.SECOND_LINE) else 0.0
        year_end = world.today + timedelta(days=30)
        while year_end > world.since:
            year_start = year_end - timedelta(days=364)
            for _ in range(world.rng.randint(2, 3)):
                first = world.day_between(year_start, year_end)
                calendar.away.append((first, first + timedelta(days=world.pick((4, 6, 9, 13)))))
            for _ in range(sum(world.chance(lapse_chance) for _ in range(2))):
                first = world.day_between(year_start, year_end)
                last = first + timedelta(days=world.rng.randint(14, 42))
                if last < world.today - timedelta(days=42):
                    calendar.lapses.append((first, last))
            year_end = year_start - timedelta(days=1)
        return calendar


def arrange_todays_gaps(world: World, organisation: Organisation) -> None:
    """Makes the owner's Today view worth opening: one of their team leaders lapsing now, two agents uncoached."""
    leaders = [team.leader for team in organisation.teams if team.leader.boss is organisation.owner]
    lapsing = leaders[-1] if len(leaders) > 1 else None
    if lapsing is not None:
        lapsing.calendar.lapses.append((world.today - timedelta(days=world.rng.randint(24, 38)), world.today))
    others = [
        a
        for a in organisation.agents_under(organisation.owner)
        if a.manager is not lapsing and (world.today - a.start_date).days > DEVELOPING_DAYS
    ]
    if others:
        off_sick = world.pick(others)
        off_sick.calendar.away.append((world.today - timedelta(days=world.rng.randint(38, 52)), world.today))
        others.remove(off_sick)
    if others:
        world.pick(others).forgotten_since = world.today - timedelta(days=world.rng.randint(34, 45))
