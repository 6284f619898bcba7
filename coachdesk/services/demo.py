"""Sample data that reads like a real notebook, for trying CoachDesk out and for benchmarking it.

The demo follows what the field asks of a leader log (see the seeds): a session roughly every week with each agent,
its next steps kept as commitments and followed up at the next one, plans as a stairway of steps, one-on-ones up
the line at least fortnightly, recognition, and mentoring across contact-centre and field teams. It also has what
real notebooks have: holidays, team leaders who lapse for weeks, agents overdue today, commitments missed.

Everything comes from one seeded generator, so a seed and a date always give the same notebook, ids included. Rows
go in through bulk inserts in one transaction; the 250-agent, five-year benchmark notebook builds in about 20 s,
most of it SQLite keeping the full-text index in step through its triggers.
"""

from __future__ import annotations

import enum
import json
import math
import random
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Column, Table, insert, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from coachdesk.db import Notebook
from coachdesk.errors import ValidationError
from coachdesk.models import (
    Acknowledgement,
    AgendaItem,
    AgendaSource,
    Amendment,
    Base,
    Cadence,
    Commitment,
    CommitmentStatus,
    DevelopmentPlan,
    GoalStatus,
    Kpi,
    KpiPeriod,
    KpiTarget,
    KpiValue,
    LogEntry,
    LogEntryAgent,
    LogEntryGoal,
    Meeting,
    MeetingStatus,
    Mentorship,
    MentorshipStatus,
    OneOnOneSeries,
    Person,
    PersonSkill,
    PlanBarrier,
    PlanGoal,
    PlanRevision,
    PlanStatus,
    PlanStep,
    Recognition,
    SessionFeedback,
    SessionFocus,
    SessionKind,
    Setting,
    SkillKind,
    Team,
    TeamSetting,
    Template,
    TemplateKind,
)
from coachdesk.services.base import alive
from coachdesk.services.jsonable import jsonable
from coachdesk.services.plans import GoalView, PlanView, StepView
from coachdesk.services.settings import OWNER_KEY

MAX_AGENTS = 5000
MIN_YEARS, MAX_YEARS = 0.1, 10.0
DAYS_PER_YEAR = 365.25
AGENTS_PER_TEAM = 11
TEAMS_PER_AREA = 4
NEW_STARTER_DAYS = 90
DEVELOPING_DAYS = 365
EMAIL_DOMAIN = "example.com"
TIMEZONE = "Europe/London"

CC = TeamSetting.CONTACT_CENTRE
FIELD = TeamSetting.FIELD
BOTH = (CC, FIELD)

T = TypeVar("T")
Row = dict[str, Any]
Voice = dict[str, str]


@dataclass(frozen=True)
class DemoSummary:
    """What `generate_demo` made, for the command that asked to say so."""

    people: int
    agents: int
    managers: int
    log_entries: int
    commitments: int
    plans: int
    meetings: int
    recognition: int
    kpi_values: int
    mentorships: int


def generate_demo(
    notebook: Notebook, *, agents: int = 24, years: float = 1.0, seed: int = 7, today: date
) -> DemoSummary:
    """Fills an empty notebook with a sample organisation and `years` of its coaching, up to the day before `today`.

    A notebook that already holds people is refused: demo records mixed into real ones could never be told apart.
    The owner becomes a second-line manager, so the Today view shows team leaders and agents below them.
    """
    check_demo_size(agents, years)
    with notebook.write() as session:
        refuse_unless_empty(session)
        world = _World(seed, today, years, _Builtins.read(session))
        organisation = build_demo(world, agents)
        world.rows.insert_into(session)
        owner = organisation.owner
        session.add(Setting(key=OWNER_KEY, value=json.dumps(owner.id), updated_at=stamp(world.since, 8)))
        return world.rows.summary()


def check_demo_size(agents: int, years: float) -> None:
    if not 1 <= agents <= MAX_AGENTS:
        raise ValidationError(f"A demo has between 1 and {MAX_AGENTS} agents; {agents} is out of range.", "agents")
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValidationError(
            f"A demo covers between {MIN_YEARS:g} and {MAX_YEARS:g} years; {years:g} is out of range.", "years"
        )


def refuse_unless_empty(session: Session) -> None:
    if session.scalar(select(Person.id).where(alive(Person)).limit(1)) is not None:
        raise ValidationError("This notebook already holds people; make the demo in its own folder with --data-dir.")


def build_demo(world: _World, agent_count: int) -> _Organisation:
    """The order matters: plans shape the KPI trends, and sessions quote KPIs, link plans and follow up meetings."""
    organisation = _Hiring(world).organisation(agent_count)
    arrange_todays_gaps(world, organisation)
    measures = _Measures(world)
    measures.define_kpis()
    for agent in organisation.agents:
        measures.shape_performance(agent)
    _Plans(world).write(organisation)
    pairings = _Mentoring(world).pair(organisation)
    promises = _Promises(world)
    _OneOnOnes(world, promises).hold(organisation)
    _LeaderLog(world, promises).keep(organisation, pairings)
    give_recognition(world, organisation)
    note_skills(world, organisation, pairings)
    return organisation


# The rows, the dice and the calendar ------------------------------------------------------------------------------


class _Rows:
    """Records waiting for one bulk insert per table, stamped as synced records made at a given moment."""

    def __init__(self, seed: int) -> None:
        self._ids = random.Random(f"coachdesk-demo-ids-{seed}")
        self._by_model: dict[type[Base], list[Row]] = defaultdict(list)

    def add(self, model: type[Base], at: datetime, **values: Any) -> Row:
        row = {"id": self.new_id(), "created_at": at, "updated_at": at, "deleted": False, **values}
        self._by_model[model].append(row)
        return row

    def new_id(self) -> str:
        return str(uuid.UUID(int=self._ids.getrandbits(128), version=4))

    def of(self, model: type[Base]) -> list[Row]:
        return self._by_model.get(model, [])

    def insert_into(self, session: Session) -> None:
        """Parents first; foreign keys are checked at commit, so rows that point into their own table need no order."""
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        by_table = {model.__table__: rows for model, rows in self._by_model.items()}
        for table in Base.metadata.sorted_tables:
            if rows := by_table.get(table):
                session.execute(insert(table), with_defaults(table, rows))

    def summary(self) -> DemoSummary:
        people = self.of(Person)
        return DemoSummary(
            people=len(people),
            agents=sum(p["is_agent"] for p in people),
            managers=sum(p["is_manager"] for p in people),
            log_entries=len(self.of(LogEntry)),
            commitments=len(self.of(Commitment)),
            plans=len(self.of(DevelopmentPlan)),
            meetings=len(self.of(Meeting)),
            recognition=len(self.of(Recognition)),
            kpi_values=len(self.of(KpiValue)),
            mentorships=len(self.of(Mentorship)),
        )


def with_defaults(table: Table, rows: list[Row]) -> list[Row]:
    """Every row with every column, as one executemany needs; columns a row leaves out get their plain default."""
    defaults = {column.name: plain_default(column) for column in table.columns}
    return [defaults | row for row in rows]


def plain_default(column: Column[Any]) -> Any:
    default = column.default
    return default.arg if isinstance(default, ScalarElementColumnDefault) else None


@dataclass(frozen=True)
class _Builtins:
    """The ids of the built-in session kinds and templates the migration seeded."""

    kinds: dict[str, str]
    session_templates: dict[str, str]
    agenda_templates: dict[str, str]

    @classmethod
    def read(cls, session: Session) -> _Builtins:
        kinds = dict(session.execute(select(SessionKind.key, SessionKind.id).where(alive(SessionKind))).all())
        templates = session.execute(
            select(Template.kind, Template.session_kind_id, Template.relationship, Template.id).where(
                alive(Template), Template.builtin.is_(True)
            )
        ).all()
        by_kind, by_relationship = {}, {}
        for kind, session_kind_id, relationship, template_id in templates:
            if kind is TemplateKind.SESSION and session_kind_id:
                by_kind[session_kind_id] = template_id
            elif kind is TemplateKind.AGENDA:
                by_relationship[relationship] = template_id
        return cls(kinds, by_kind, by_relationship)


class _World:
    """What every part of the demo shares: the seeded dice, the rows being made, the period and the built-ins."""

    def __init__(self, seed: int, today: date, years: float, builtins: _Builtins) -> None:
        self.rng = random.Random(seed)
        self.rows = _Rows(seed)
        self.today = today
        self.since = today - timedelta(days=round(years * DAYS_PER_YEAR))
        self.builtins = builtins
        self.kpi_ids: dict[str, str] = {}

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, options: Sequence[T]) -> T:
        return self.rng.choice(options)

    def say(self, options: Sequence[str], voice: Voice) -> str:
        return self.pick(options).format_map(voice)

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))


def stamp(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def working_day(day: date) -> date:
    """The day itself, or the Monday after a weekend: coaching happens on working days."""
    return day + timedelta(days=max(0, 7 - day.weekday())) if day.weekday() >= 5 else day


def clamp(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


def short_date(day: date) -> str:
    return f"{day.day} {day:%b}"


def lower_first(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:]


def spoken_list(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


@dataclass
class _Calendar:
    """Spans someone is away (holidays, sickness) and spans their coaching slips (peak season, covering a team)."""

    away: list[tuple[date, date]] = field(default_factory=list)
    lapses: list[tuple[date, date]] = field(default_factory=list)

    def is_away(self, day: date) -> bool:
        return any(first <= day <= last for first, last in self.away)

    def is_lapsing(self, day: date) -> bool:
        return any(first <= day <= last for first, last in self.lapses)


# The organisation -------------------------------------------------------------------------------------------------


class _Level(enum.Enum):
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
class _Team:
    id: str
    name: str
    setting: TeamSetting
    agent_role: str
    leader: _Member = field(init=False)
    agents: list[_Member] = field(default_factory=list)


@dataclass(eq=False)
class _Member:
    """Someone in the demo organisation, with the traits that shape their story."""

    id: str
    name: _Name
    level: _Level
    start_date: date
    manager: _Member | None
    team: _Team | None
    reliability: float
    quality: float
    calendar: _Calendar
    forgotten_since: date | None = None
    trends: dict[str, _Trend] = field(default_factory=dict)
    values: dict[str, dict[date, float]] = field(default_factory=dict)
    targets: dict[str, float] = field(default_factory=dict)
    plans: list[_Plan] = field(default_factory=list)
    held_meetings: dict[date, str] = field(default_factory=dict)

    @property
    def setting(self) -> TeamSetting:
        return self.team.setting if self.team else CC

    @property
    def boss(self) -> _Member:
        """Their line manager; the senior leader, at the top, answers to themselves."""
        return self.manager or self

    def is_new_on(self, day: date) -> bool:
        return (day - self.start_date).days < NEW_STARTER_DAYS

    def target(self, kpi: str) -> float:
        return self.targets.get(kpi, KPI_BY_KEY[kpi].target)

    def active_plans(self, day: date) -> list[_Plan]:
        return [plan for plan in self.plans if plan.is_active_on(day)]

    def last_value(self, kpi: str, day: date) -> float | None:
        """The most recent weekly figure reported before `day`, as a leader would quote it."""
        series = self.values.get(kpi, {})
        monday = day - timedelta(days=day.weekday() + 7)
        return next((series[week] for back in range(3) if (week := monday - timedelta(weeks=back)) in series), None)


@dataclass
class _Organisation:
    senior: _Member
    second_line: list[_Member]
    teams: list[_Team]
    agents: list[_Member]

    @property
    def leaders(self) -> list[_Member]:
        return [team.leader for team in self.teams]

    @property
    def owner(self) -> _Member:
        return self.second_line[0]

    def agents_under(self, manager: _Member) -> list[_Member]:
        return [a for a in self.agents if a.boss.boss is manager]


class _NameBook:
    """Draws names from pools that mix as a UK workforce does; big organisations may still have two Mohammed Khans."""

    ATTEMPTS = 20

    def __init__(self, world: _World) -> None:
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


class _Hiring:
    """One senior leader, second-line managers over about four teams each, a team leader per team, then agents."""

    def __init__(self, world: _World) -> None:
        self.world = world
        self.names = _NameBook(world)
        self.next_number = 10000 + world.rng.randint(1, 80)
        self.team_names: set[str] = set()

    def organisation(self, agent_count: int) -> _Organisation:
        team_count = max(1, round(agent_count / AGENTS_PER_TEAM))
        area_count = max(1, round(team_count / TEAMS_PER_AREA))
        senior = self.person(_Level.SENIOR, None, None, "Head of customer operations")
        second_line = [self.person(_Level.SECOND_LINE, senior, None, "Operations manager") for _ in range(area_count)]
        teams = [
            self.team(second_line[index % area_count], area=index % area_count, position=index // area_count)
            for index in range(team_count)
        ]
        agents = [self.agent(teams[index % team_count]) for index in range(agent_count)]
        return _Organisation(senior, second_line, teams, agents)

    def team(self, manager: _Member, *, area: int, position: int) -> _Team:
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
        row = self.world.rows.add(Team, stamp(self.world.since, 8), name=name, site=site, setting=setting)
        team = _Team(row["id"], name, setting, role)
        title = "Field team leader" if setting is FIELD else "Team leader"
        team.leader = self.person(_Level.TEAM_LEADER, manager, team, title)
        return team

    def unique_team_name(self, name: str) -> str:
        number, unique = 1, name
        while unique in self.team_names:
            number += 1
            unique = f"{name} {number}"
        self.team_names.add(unique)
        return unique

    def agent(self, team: _Team) -> _Member:
        agent = self.person(_Level.AGENT, team.leader, team, team.agent_role)
        team.agents.append(agent)
        return agent

    def person(self, level: _Level, manager: _Member | None, team: _Team | None, role: str) -> _Member:
        world = self.world
        start_date = world.today - timedelta(days=self.tenure_days(level))
        reliability = clamp(world.rng.gauss(0.8, 0.12), 0.5, 0.98)
        member = _Member(
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
        established = level is _Level.AGENT and not member.is_new_on(world.today)
        world.rows.add(
            Person,
            stamp(max(world.since, start_date), 8),
            id=member.id,
            full_name=member.name.full,
            employee_id=self.employee_id(),
            email=member.name.email,
            role=self.title(member, role),
            is_agent=level is _Level.AGENT,
            is_manager=level is not _Level.AGENT,
            reports_to_id=manager.id if manager else None,
            team_id=team.id if team else None,
            start_date=start_date,
            cadence_days=7 if established and member.quality < 2.8 and world.chance(0.5) else None,
            notes=world.pick(PERSON_NOTES) if world.chance(0.1) else "",
        )
        return member

    def title(self, member: _Member, role: str) -> str:
        """A long-serving strong performer in a contact centre is a senior advisor."""
        seasoned = (self.world.today - member.start_date).days > 3 * DAYS_PER_YEAR and member.quality > 3.9
        return "Senior advisor" if member.level is _Level.AGENT and member.setting is CC and seasoned else role

    def tenure_days(self, level: _Level) -> int:
        """New starters (under 90 days), developing (under a year) and established agents, and managers of years."""
        rng = self.world.rng
        if level is not _Level.AGENT:
            low, high = {_Level.SENIOR: (8, 15), _Level.SECOND_LINE: (4, 12), _Level.TEAM_LEADER: (1.5, 9)}[level]
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

    def calendar(self, level: _Level, reliability: float) -> _Calendar:
        """Two or three holidays a year; leaders also lapse for weeks, the less reliable more often.

        Lapses are all over by six weeks ago: `arrange_todays_gaps` chooses the one leader who is lapsing today.
        """
        world, calendar = self.world, _Calendar()
        lapse_chance = 1.1 * (1 - reliability) if level in (_Level.TEAM_LEADER, _Level.SECOND_LINE) else 0.0
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


def arrange_todays_gaps(world: _World, organisation: _Organisation) -> None:
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


# KPIs, their trends and the plans that move them -----------------------------------------------------------------


@dataclass(frozen=True)
class _KpiSpec:
    """A KPI and how it behaves across a workforce: spread between people, weekly noise, a new starter's gap."""

    key: str
    name: str
    unit: str
    target: float
    higher_is_better: bool
    decimals: int
    description: str
    source: str
    settings: tuple[TeamSetting, ...]
    mean: float
    spread: float
    noise: float
    learning: float
    floor: float
    ceiling: float

    @property
    def better(self) -> int:
        return 1 if self.higher_is_better else -1

    def show(self, value: float) -> str:
        if self.unit == "s":
            seconds = round(value)
            return f"{seconds // 60}:{seconds % 60:02d}"
        return f"{round(value, self.decimals):g} {self.unit}"

    def shortfall(self, value: float, target: float) -> float:
        """How far a value falls short of the target, in spreads; negative when it beats it."""
        return self.better * (target - value) / self.spread


@dataclass
class _Trend:
    """A person's underlying level on a KPI: a baseline, a new starter's learning curve, and shifts that ramp in."""

    spec: _KpiSpec
    baseline: float
    shifts: list[tuple[date, int, float]] = field(default_factory=list)

    LEARNING_WEEKS = 6.0

    def level_on(self, day: date, start_date: date) -> float:
        weeks = max(0.0, (day - start_date).days / 7)
        level = self.baseline - self.spec.better * self.spec.learning * math.exp(-weeks / self.LEARNING_WEEKS)
        for begin, ramp_days, delta in self.shifts:
            if day > begin:
                level += delta * min(1.0, (day - begin).days / ramp_days)
        return level


@dataclass
class _Plan:
    """A development plan as the generator sees it: when it ran and which KPIs it worked on."""

    started_on: date
    finished_on: date | None
    kpis: list[str]
    improving: list[str] = field(default_factory=list)
    goal_ids: dict[str, str] = field(default_factory=dict)

    def is_active_on(self, day: date) -> bool:
        return self.started_on <= day and (self.finished_on is None or day <= self.finished_on)


class _Measures:
    """Four KPIs, and each agent's weekly figures: some improving once coached, some flat, some slipping."""

    MISSING_WEEK = 0.03

    def __init__(self, world: _World) -> None:
        self.world = world

    def define_kpis(self) -> None:
        for spec in KPI_SPECS:
            row = self.world.rows.add(
                Kpi,
                stamp(self.world.since, 8),
                name=spec.name,
                unit=spec.unit,
                target=spec.target,
                higher_is_better=spec.higher_is_better,
                period=KpiPeriod.WEEK,
                decimals=spec.decimals,
                description=spec.description,
            )
            self.world.kpi_ids[spec.key] = row["id"]

    def shape_performance(self, agent: _Member) -> None:
        self.draw_trends(agent)
        self.set_personal_targets(agent)
        self.agree_plans(agent)
        self.let_some_slip(agent)
        self.record_values(agent)

    def draw_trends(self, agent: _Member) -> None:
        for spec in KPI_SPECS:
            if agent.setting in spec.settings:
                agent.trends[spec.key] = _Trend(spec, self.world.rng.gauss(spec.mean, spec.spread))

    def set_personal_targets(self, agent: _Member) -> None:
        """New starters get a gentler handle-time target; a few strong agents a stretch on satisfaction."""
        world = self.world
        if "aht" in agent.trends and agent.is_new_on(world.today):
            self.set_target(agent, "aht", 540.0)
        elif agent.quality > 4.0 and world.chance(0.3):
            self.set_target(agent, "csat", 85.0)

    def set_target(self, agent: _Member, kpi: str, target: float) -> None:
        agent.targets[kpi] = target
        day = max(self.world.since, agent.start_date)
        self.world.rows.add(
            KpiTarget, stamp(day, 10), kpi_id=self.world.kpi_ids[kpi], person_id=agent.id, target=target
        )

    def agree_plans(self, agent: _Member) -> None:
        """Most agents have a plan now; some with a long history also finished one before."""
        world = self.world
        first_day = max(world.since, agent.start_date + timedelta(days=30))
        if (world.today - first_day).days > 540 and world.chance(0.4):
            started = world.day_between(first_day, world.today - timedelta(days=400))
            self.agree_plan(agent, started, started + timedelta(days=world.rng.randint(100, 150)))
        if agent.is_new_on(world.today):
            started = min(world.today - timedelta(days=1), agent.start_date + timedelta(days=world.rng.randint(5, 14)))
            self.agree_plan(agent, started, None)
        elif world.chance(0.85):
            earliest = max(
                [agent.start_date + timedelta(days=30), *(p.finished_on or p.started_on for p in agent.plans)]
            )
            started = max(earliest + timedelta(days=7), world.today - timedelta(days=world.rng.randint(21, 240)))
            if started < world.today:
                self.agree_plan(agent, started, None)

    def agree_plan(self, agent: _Member, started: date, finished: date | None) -> None:
        """The plan works on the KPIs furthest from target; coaching lifts most of them from the day it starts."""
        rng = self.world.rng
        count = rng.choices((1, 2, 3), weights=(45, 40, 15))[0]
        ranked = sorted(agent.trends, key=lambda kpi: -self.shortfall(agent, kpi, started))
        plan = _Plan(started, finished, ranked[:count])
        for kpi in plan.kpis:
            if self.world.chance(0.65):
                trend = agent.trends[kpi]
                gap = max(0.0, self.shortfall(agent, kpi, started)) + rng.uniform(0.2, 0.8)
                trend.shifts.append((started, rng.randint(56, 140), trend.spec.better * gap * trend.spec.spread))
                plan.improving.append(kpi)
        agent.plans.append(plan)

    def shortfall(self, agent: _Member, kpi: str, day: date) -> float:
        trend = agent.trends[kpi]
        return trend.spec.shortfall(trend.level_on(day, agent.start_date), agent.target(kpi))

    def let_some_slip(self, agent: _Member) -> None:
        world = self.world
        worked_on = {kpi for plan in agent.plans for kpi in plan.kpis}
        for kpi, trend in agent.trends.items():
            if kpi not in worked_on and world.chance(0.1):
                begin = world.today - timedelta(days=world.rng.randint(56, 200))
                trend.shifts.append((begin, 90, -trend.spec.better * world.rng.uniform(0.6, 1.4) * trend.spec.spread))

    def record_values(self, agent: _Member) -> None:
        """One figure per complete week worked; weeks away, and the odd missing report, have none."""
        world = self.world
        weeks = list(complete_weeks(max(world.since, agent.start_date), world.today))
        for kpi, trend in agent.trends.items():
            spec, series = trend.spec, agent.values.setdefault(kpi, {})
            for monday in weeks:
                if agent.calendar.is_away(monday + timedelta(days=2)) or world.chance(self.MISSING_WEEK):
                    continue
                level = trend.level_on(monday + timedelta(days=3), agent.start_date)
                value = round(clamp(level + world.rng.gauss(0, spec.noise), spec.floor, spec.ceiling), spec.decimals)
                series[monday] = value
                world.rows.add(
                    KpiValue,
                    stamp(monday + timedelta(days=7), 6),
                    kpi_id=world.kpi_ids[kpi],
                    person_id=agent.id,
                    period_start=monday,
                    value=value,
                    source=f"{spec.source} {monday:%G-W%V}",
                )


def complete_weeks(first: date, today: date) -> Iterator[date]:
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    while monday + timedelta(days=6) < today:
        yield monday
        monday += timedelta(weeks=1)


@dataclass(frozen=True)
class _GoalDraft:
    title: str
    kpi: str | None
    baseline: float | None
    target: float | None
    due_on: date
    steps: tuple[str, ...]


class _Plans:
    """Writes each agent's plans, and a couple of team leaders' own, as goals with a stairway of steps."""

    def __init__(self, world: _World) -> None:
        self.world = world

    def write(self, organisation: _Organisation) -> None:
        for agent in organisation.agents:
            for plan in agent.plans:
                self.write_agent_plan(agent, plan)
        for leader in self.world.rng.sample(organisation.leaders, min(2, len(organisation.leaders))):
            self.write_leader_plan(leader)

    def write_agent_plan(self, agent: _Member, plan: _Plan) -> None:
        world = self.world
        topics = [kpi_topic(kpi, agent.setting) for kpi in plan.kpis]
        voice = {"first": agent.name.called, "year": str(plan.started_on.year)}
        if agent.is_new_on(plan.started_on):
            title = "First 90 days: finding your feet"
        else:
            title = topics[0].plan_title if len(topics) == 1 else world.say(GENERAL_PLAN_TITLES, voice)
        drafts = [self.agent_goal(agent, plan, topic) for topic in topics]
        plan_row, goals = self.write_plan(
            agent, started=plan.started_on, finished=plan.finished_on, title=title, drafts=drafts, topics=topics
        )
        plan.goal_ids = {kpi: goal["id"] for kpi, (goal, _steps) in zip(plan.kpis, goals, strict=True)}
        for kpi, (goal, _steps) in zip(plan.kpis, goals, strict=True):
            if plan.finished_on is not None:
                goal["status"] = (
                    GoalStatus.ACHIEVED if kpi in plan.improving or world.chance(0.3) else GoalStatus.MISSED
                )
        if plan.finished_on is None and plan.started_on < world.today - timedelta(days=14) and world.chance(0.15):
            self.revise(agent, plan_row, goals)
        if world.chance(0.35):
            self.add_barrier(agent, plan.started_on, plan_row["id"], goals[0][0]["id"], topics[0].plan_barrier)

    def agent_goal(self, agent: _Member, plan: _Plan, topic: _Topic) -> _GoalDraft:
        assert topic.kpi is not None
        spec, started = KPI_BY_KEY[topic.kpi], plan.started_on
        baseline = self.baseline(agent, topic.kpi, started)
        target = agent.target(topic.kpi)
        if spec.shortfall(baseline, target) < 0:
            target = round(clamp(baseline + spec.better * spec.spread / 2, spec.floor, spec.ceiling), spec.decimals)
        due = started + timedelta(days=self.world.rng.randint(84, 126))
        if agent.is_new_on(started):
            due = agent.start_date + timedelta(days=NEW_STARTER_DAYS)
        title = topic.goal_title.format(target=spec.show(target))
        return _GoalDraft(title, topic.kpi, baseline, target, due, self.stairway(topic.stairway))

    def baseline(self, agent: _Member, kpi: str, started: date) -> float:
        """The average of the four weeks before the plan, or the underlying level if there were no figures yet."""
        spec, series = KPI_BY_KEY[kpi], agent.values.get(kpi, {})
        before = [v for week, v in series.items() if started - timedelta(days=28) <= week < started]
        level = sum(before) / len(before) if before else agent.trends[kpi].level_on(started, agent.start_date)
        return round(level, spec.decimals)

    def stairway(self, steps: tuple[str, ...]) -> tuple[str, ...]:
        """Three to five steps in order: always the first and the last stair, some of those between."""
        middle = sorted(self.world.rng.sample(range(1, len(steps) - 1), self.world.rng.randint(1, len(steps) - 2)))
        return (steps[0], *(steps[i] for i in middle), steps[-1])

    def write_leader_plan(self, leader: _Member) -> None:
        world = self.world
        started = max(leader.start_date, world.today - timedelta(days=world.rng.randint(30, 150)))
        due = started + timedelta(days=120)
        csat = [a.last_value("csat", world.today) for a in leader.team.agents] if leader.team else []
        known = [v for v in csat if v is not None]
        team_csat = round(sum(known) / len(known), 1) if known else None
        drafts = [
            _GoalDraft("Coach every agent on cadence for eight weeks running", None, None, None, due, LEADER_STEPS),
            _GoalDraft("Team CSAT at 82 %", "csat", team_csat, 82.0, due, LEADER_CSAT_STEPS),
        ]
        self.write_plan(
            leader, started=started, finished=None, title="Coaching consistency and quality", drafts=drafts, topics=[]
        )

    def write_plan(
        self,
        person: _Member,
        *,
        started: date,
        finished: date | None,
        title: str,
        drafts: list[_GoalDraft],
        topics: list[_Topic],
    ) -> tuple[Row, list[tuple[Row, list[Row]]]]:
        world = self.world
        review = started + timedelta(days=90)
        while finished is None and review < world.today - timedelta(days=14):
            review += timedelta(days=90)
        plan = world.rows.add(
            DevelopmentPlan,
            stamp(started, 16),
            person_id=person.id,
            owner_id=person.boss.id,
            title=title,
            status=PlanStatus.ACTIVE if finished is None else PlanStatus.COMPLETED,
            training_needs="; ".join(t.training_need for t in topics) or "Coaching skills refresher (1 day)",
            started_on=started,
            review_on=finished or review,
            revision=1,
        )
        pace = clamp(person.reliability + 0.1, 0.5, 0.95)
        goals = [
            self.write_goal(plan["id"], position, draft, started=started, finished=finished, pace=pace)
            for position, draft in enumerate(drafts)
        ]
        return plan, goals

    def write_goal(
        self, plan_id: str, position: int, draft: _GoalDraft, *, started: date, finished: date | None, pace: float
    ) -> tuple[Row, list[Row]]:
        world = self.world
        goal = world.rows.add(
            PlanGoal,
            stamp(started, 16),
            plan_id=plan_id,
            position=position,
            title=draft.title,
            kpi_id=world.kpi_ids.get(draft.kpi or ""),
            baseline_value=draft.baseline,
            target_value=draft.target,
            due_on=draft.due_on,
            status=GoalStatus.OPEN,
            notes=world.pick(GOAL_NOTES) if world.chance(0.3) else "",
        )
        span = max(len(draft.steps), (draft.due_on - started).days)
        dues = [started + timedelta(days=span * (i + 1) // len(draft.steps)) for i in range(len(draft.steps))]
        steps = [
            world.rows.add(
                PlanStep,
                stamp(started, 16),
                goal_id=goal["id"],
                position=i,
                text=step,
                due_on=due,
                started_on=begun,
                completed_on=done,
            )
            for i, (step, due, (begun, done)) in enumerate(
                zip(draft.steps, dues, self.progress(dues, started, finished, pace), strict=True)
            )
        ]
        return goal, steps

    def progress(
        self, dues: list[date], started: date, finished: date | None, pace: float
    ) -> list[tuple[date | None, date | None]]:
        """(started, completed) for each step: done in order up to the step the person stands on now."""
        result: list[tuple[date | None, date | None]] = []
        cursor: date | None = started
        for due in dues:
            done = self.completion(due, cursor, finished, pace) if cursor else None
            result.append((cursor, done))
            cursor = done
        return result

    def completion(self, due: date, begun: date, finished: date | None, pace: float) -> date | None:
        when = max(begun, due + timedelta(days=self.world.rng.randint(-5, 10)))
        if finished is not None:
            return min(when, finished)
        return when if when < self.world.today and self.world.chance(pace) else None

    def revise(self, agent: _Member, plan: Row, goals: list[tuple[Row, list[Row]]]) -> None:
        """Keeps the plan as it stood before its first goal gained its last step, as `PlanService.revise_plan` does."""
        world = self.world
        started: date = plan["started_on"]
        revised_day = world.day_between(started + timedelta(days=7), world.today - timedelta(days=1))
        revised_at = stamp(revised_day, 16, 30)
        kpi_names = {world.kpi_ids[spec.key]: spec.name for spec in KPI_SPECS}
        earlier = PlanView(
            id=plan["id"],
            person_id=agent.id,
            person_name=agent.name.full,
            title=plan["title"],
            status=PlanStatus.ACTIVE,
            training_needs=plan["training_needs"],
            started_on=started,
            review_on=plan["review_on"],
            revision=1,
            goals=tuple(
                goal_as_of(goal, steps[:-1] if position == 0 else steps, revised_day, kpi_names)
                for position, (goal, steps) in enumerate(goals)
            ),
        )
        world.rows.add(
            PlanRevision,
            revised_at,
            plan_id=plan["id"],
            number=1,
            snapshot=json.dumps(jsonable(earlier)),
            reason=world.pick(REVISION_REASONS),
            revised_at=revised_at,
            author_id=agent.boss.id,
        )
        plan.update(revision=2, updated_at=revised_at)

    def add_barrier(self, agent: _Member, started: date, plan_id: str, goal_id: str, wording: str) -> None:
        world = self.world
        removed = world.day_between(started, world.today) if world.chance(0.4) else None
        world.rows.add(
            PlanBarrier,
            stamp(started, 16),
            plan_id=plan_id,
            goal_id=goal_id,
            text=wording.format(first=agent.name.called),
            owner_id=world.pick((agent.boss, agent.boss, agent, agent.boss.boss)).id,
            removed_on=removed,
        )


def goal_as_of(goal: Row, steps: list[Row], day: date, kpi_names: dict[str, str]) -> GoalView:
    """A goal as it stood on `day`: steps started or completed later had not been yet."""
    known = [(s, s["started_on"] if s["started_on"] and s["started_on"] <= day else None) for s in steps]
    done = [s["completed_on"] if s["completed_on"] and s["completed_on"] <= day else None for s in steps]
    current = next((s["id"] for s, completed in zip(steps, done, strict=True) if completed is None), None)
    return GoalView(
        id=goal["id"],
        title=goal["title"],
        kpi_id=goal["kpi_id"],
        kpi_name=kpi_names.get(goal["kpi_id"] or ""),
        baseline_value=goal["baseline_value"],
        target_value=goal["target_value"],
        due_on=goal["due_on"],
        status=GoalStatus.OPEN,
        notes=goal["notes"],
        steps=tuple(
            StepView(s["id"], s["position"], s["text"], s["due_on"], begun, completed, s["id"] == current)
            for (s, begun), completed in zip(known, done, strict=True)
        ),
        evidence_count=0,
    )


# Mentoring --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pairing:
    id: str
    mentor: _Member
    mentee: _Member
    started_on: date
    ended_on: date | None
    status: MentorshipStatus
    skill: str


class _Mentoring:
    """Managers mentor and are mentored at once, across sites and between contact-centre and field teams."""

    def __init__(self, world: _World) -> None:
        self.world = world

    def pair(self, organisation: _Organisation) -> list[_Pairing]:
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

    def mentor_for(self, agent: _Member, organisation: _Organisation) -> _Member | None:
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

    def start(self, mentor: _Member, mentee: _Member) -> _Pairing | None:
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
        new_starter = mentee.level is _Level.AGENT and mentee.is_new_on(started)
        scope = world.pick(MENTORING_SCOPES["new_starter" if new_starter else mentee.level.value])
        return self.record(mentor, mentee, scope, started, ended=ended, status=status)

    def propose_one_more(self, organisation: _Organisation, pairings: list[_Pairing]) -> None:
        """One pairing proposed for next week: the programme is still growing."""
        mentee = self.world.pick(organisation.leaders)
        mentor = organisation.senior
        scope = MENTORING_SCOPES[_Level.TEAM_LEADER.value][0]
        starts = self.world.today + timedelta(days=7)
        pairings.append(self.record(mentor, mentee, scope, starts, ended=None, status=MentorshipStatus.PROPOSED))

    def record(
        self,
        mentor: _Member,
        mentee: _Member,
        scope: tuple[str, str, str],
        started: date,
        *,
        ended: date | None,
        status: MentorshipStatus,
    ) -> _Pairing:
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
        return _Pairing(row["id"], mentor, mentee, started, ended, status, skill)


# Commitments, kept or not -----------------------------------------------------------------------------------------


@dataclass
class _Promise:
    row: Row
    keeper: _Member


class _Promises:
    """Commitments made at a session or meeting, followed up at the next check-in with the same person."""

    CHECKED_AHEAD = timedelta(days=7)
    OVERLOOKED = 0.015

    def __init__(self, world: _World) -> None:
        self.world = world
        self.waiting: dict[str, list[_Promise]] = defaultdict(list)

    def make(
        self,
        key: str,
        owner: _Member,
        coachee: _Member,
        *,
        text: str,
        due_on: date,
        at: datetime,
        entry_id: str | None = None,
        meeting_id: str | None = None,
        is_private: bool = False,
    ) -> None:
        row = self.world.rows.add(
            Commitment,
            at,
            owner_id=owner.id,
            coachee_id=coachee.id,
            text=text,
            due_on=due_on,
            status=CommitmentStatus.OPEN,
            source_entry_id=entry_id,
            source_meeting_id=meeting_id,
            origin="session" if entry_id else "meeting",
            is_private=is_private,
        )
        promise = _Promise(row, owner)
        if not (self.world.chance(owner.reliability * 0.35) and self.settled_early(promise, at.date())):
            self.waiting[key].append(promise)

    def settled_early(self, promise: _Promise, made_on: date) -> bool:
        """Reliable people finish some commitments before the due date, and the leader ticks them off there and then."""
        world = self.world
        day = world.day_between(made_on + timedelta(days=1), promise.row["due_on"])
        if day >= world.today:
            return False
        promise.row.update(
            status=CommitmentStatus.DONE,
            resolved_on=day,
            follow_up_note=world.pick(EARLY_NOTES),
            updated_at=stamp(day, 16),
        )
        return True

    def follow_up(self, key: str, day: date, *, entry_id: str | None = None, meeting_id: str | None = None) -> None:
        """Settles what is due by the coming week; now and then a recent one is overlooked and stays open."""
        later = []
        for promise in self.waiting.pop(key, []):
            due: date = promise.row["due_on"]
            if due > day + self.CHECKED_AHEAD:
                later.append(promise)
            elif not self.overlooked(due):
                self.settle(promise, day, entry_id, meeting_id)
        if later:
            self.waiting[key] = later

    def overlooked(self, due: date) -> bool:
        return (self.world.today - due).days < 60 and self.world.chance(self.OVERLOOKED)

    def settle(self, promise: _Promise, day: date, entry_id: str | None, meeting_id: str | None) -> None:
        world = self.world
        done = promise.keeper.reliability - 0.22
        status = world.rng.choices(
            (CommitmentStatus.DONE, CommitmentStatus.MISSED, CommitmentStatus.DROPPED),
            weights=(done, (1 - done) * 0.67, (1 - done) * 0.33),
        )[0]
        promise.row.update(
            status=status,
            resolved_on=day,
            follow_up_note=world.pick(FOLLOW_UP_NOTES[status]),
            followed_up_entry_id=entry_id,
            followed_up_meeting_id=meeting_id,
            updated_at=stamp(day, 17),
        )


# One-on-ones ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _AgendaLine:
    text: str
    source: AgendaSource
    notes: tuple[str, ...]
    by_report: bool = False


@dataclass
class _Series:
    id: str
    manager: _Member
    report: _Member
    agenda: tuple[_AgendaLine, ...]
    talking_points: tuple[str, ...]
    interval: int
    minutes: int
    usual_time: time
    carried: Row | None = None


CADENCE_DAYS = {Cadence.WEEKLY: 7, Cadence.FORTNIGHTLY: 14}
LAGGING_RELIABILITY = 0.72


class _OneOnOnes:
    """Series up the whole line: agents fortnightly, team leaders weekly where their coaching lags."""

    def __init__(self, world: _World, promises: _Promises) -> None:
        self.world = world
        self.promises = promises

    def hold(self, organisation: _Organisation) -> None:
        for manager in organisation.second_line:
            self.series(
                organisation.senior,
                manager,
                Cadence.FORTNIGHTLY,
                minutes=60,
                agenda=SECOND_LINE_AGENDA,
                relationship="",
            )
        for leader in organisation.leaders:
            cadence = Cadence.WEEKLY if leader.reliability < LAGGING_RELIABILITY else Cadence.FORTNIGHTLY
            self.series(leader.boss, leader, cadence, minutes=45, agenda=TEAM_LEADER_AGENDA, relationship="team_leader")
        for agent in organisation.agents:
            self.series(agent.boss, agent, Cadence.FORTNIGHTLY, minutes=30, agenda=AGENT_AGENDA, relationship="agent")

    def series(
        self,
        manager: _Member,
        report: _Member,
        cadence: Cadence,
        *,
        minutes: int,
        agenda: tuple[_AgendaLine, ...],
        relationship: str,
    ) -> None:
        world = self.world
        first = max(world.since, report.start_date + timedelta(days=7))
        weekday, usual_time = world.rng.randint(0, 4), world.pick(MEETING_TIMES)
        row = world.rows.add(
            OneOnOneSeries,
            stamp(first, 8),
            manager_id=manager.id,
            report_id=report.id,
            cadence=cadence,
            interval_days=CADENCE_DAYS[cadence],
            weekday=weekday,
            usual_time=usual_time,
            duration_minutes=minutes,
            timezone=TIMEZONE,
            template_id=world.builtins.agenda_templates.get(relationship),
        )
        points = TALKING_POINTS[report.level]
        series = _Series(row["id"], manager, report, agenda, points, CADENCE_DAYS[cadence], minutes, usual_time)
        day = first + timedelta(days=(weekday - first.weekday()) % 7)
        while day < world.today:
            self.meet(series, day)
            day += timedelta(days=series.interval)
        self.schedule(series, day, MeetingStatus.SCHEDULED)
        if world.chance(0.25):
            self.leave_talking_points(series)

    def meet(self, series: _Series, day: date) -> None:
        status, held_on = self.outcome(series, day)
        meeting = self.schedule(series, held_on, status)
        if held_on != day:
            meeting["original_scheduled_at"] = datetime.combine(day, series.usual_time)
        if status is MeetingStatus.HELD:
            self.run(series, meeting, held_on)

    def outcome(self, series: _Series, day: date) -> tuple[MeetingStatus, date]:
        """Holidays cancel or move a meeting; a manager's lapse makes them missed; mostly, they are held."""
        world = self.world
        if series.manager.calendar.is_away(day) or series.report.calendar.is_away(day):
            moved = working_day(day + timedelta(days=world.rng.randint(1, 2)))
            if moved < world.today and world.chance(0.3) and not series.manager.calendar.is_away(moved):
                return MeetingStatus.HELD, moved
            return MeetingStatus.CANCELLED, day
        if series.manager.calendar.is_lapsing(day) and world.chance(0.45):
            return MeetingStatus.MISSED, day
        statuses = (MeetingStatus.HELD, MeetingStatus.MISSED, MeetingStatus.CANCELLED)
        return world.rng.choices(statuses, weights=(93, 2, 5))[0], day

    def schedule(self, series: _Series, day: date, status: MeetingStatus) -> Row:
        return self.world.rows.add(
            Meeting,
            stamp(day - timedelta(days=series.interval), 9),
            series_id=series.id,
            scheduled_at=datetime.combine(day, series.usual_time),
            duration_minutes=series.minutes,
            status=status,
        )

    def run(self, series: _Series, meeting: Row, day: date) -> None:
        world = self.world
        began = meeting["scheduled_at"] + timedelta(minutes=world.rng.randint(0, 6))
        elapsed = series.minutes * 60 + world.rng.randint(-8, 12) * 60
        ended = began + timedelta(seconds=elapsed)
        meeting.update(
            started_at=began,
            ended_at=ended,
            elapsed_seconds=elapsed,
            notes=world.pick(MEETING_NOTES) if world.chance(0.3) else "",
            updated_at=ended,
        )
        self.discuss(series, meeting["id"], ended)
        if series.report.level is _Level.AGENT:
            series.report.held_meetings[day] = meeting["id"]
        else:
            self.check_commitments(series, meeting["id"], day, ended)

    def discuss(self, series: _Series, meeting_id: str, ended: datetime) -> None:
        """The carried-over item first, then some of the usual lines in order, and maybe the report's own point."""
        world, voice = self.world, {"first": series.report.name.called}
        lines = [series.agenda[i] for i in sorted(world.rng.sample(range(len(series.agenda)), self.line_count(series)))]
        if world.chance(0.3):
            lines.append(
                _AgendaLine(world.pick(series.talking_points), AgendaSource.TALKING_POINT, TALKING_POINT_NOTES, True)
            )
        carried, series.carried = series.carried, None
        items: list[tuple[str, AgendaSource, str, str | None, _Member]] = []
        if carried is not None:
            items.append(
                (
                    carried["text"],
                    AgendaSource.CARRIED_OVER,
                    "Talked it through this time.",
                    carried["id"],
                    series.manager,
                )
            )
        for line in lines:
            by = series.report if line.by_report else series.manager
            items.append((line.text, line.source, world.say(line.notes, voice) if world.chance(0.7) else "", None, by))
        for position, (item_text, source, notes, carried_from, by) in enumerate(items):
            left_open = world.chance(0.08)
            row = world.rows.add(
                AgendaItem,
                ended - timedelta(days=2),
                series_id=series.id,
                meeting_id=meeting_id,
                position=position,
                text=item_text,
                added_by_id=by.id,
                source=source,
                carried_from_id=carried_from,
                done=not left_open,
                done_at=None if left_open else ended,
                deferred=left_open,
                notes="" if left_open else notes,
                seconds_spent=world.rng.randint(2, 12) * 60,
            )
            if left_open:
                series.carried = row

    def line_count(self, series: _Series) -> int:
        low, high = (2, 3) if series.report.level is _Level.AGENT else (3, 5)
        return min(len(series.agenda), self.world.rng.randint(low, high))

    def check_commitments(self, series: _Series, meeting_id: str, day: date, ended: datetime) -> None:
        """Leaders' one-on-ones follow up last time's commitments, make new ones, and now and then recognise."""
        world = self.world
        self.promises.follow_up(series.id, day, meeting_id=meeting_id)
        if world.chance(0.45):
            wording, by_report = world.pick(LEADERSHIP_COMMITMENTS)
            owner = series.report if by_report else series.manager
            voice = {"first": series.report.name.called}
            due = day + timedelta(days=series.interval)
            wording = wording.format_map(voice)
            self.promises.make(
                series.id, owner, series.report, text=wording, due_on=due, at=ended, meeting_id=meeting_id
            )
        if world.chance(0.04):
            recognise(
                world, series.report, series.manager, ended, world.pick(LEADER_RECOGNITION), meeting_id=meeting_id
            )

    def leave_talking_points(self, series: _Series) -> None:
        """A point or two waiting for the next meeting, added in the last few days."""
        world = self.world
        for position in range(world.rng.randint(1, 2)):
            by = series.report if world.chance(0.6) else series.manager
            world.rows.add(
                AgendaItem,
                stamp(world.today - timedelta(days=world.rng.randint(1, 9)), 12, world.rng.randint(0, 59)),
                series_id=series.id,
                position=position,
                text=world.pick(series.talking_points),
                added_by_id=by.id,
                source=AgendaSource.TALKING_POINT,
            )


# The leader log ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Session:
    day: date
    coach: _Member
    agents: tuple[_Member, ...]
    kind: str
    meeting_id: str | None = None
    pairing: _Pairing | None = None


@dataclass(frozen=True)
class _Focus:
    skill: str
    kpi: str | None
    target: float | None
    target_text: str
    follow_up_on: date


@dataclass(frozen=True)
class _Praise:
    reason: str
    behaviour: str
    kpi: str | None = None
    settings: tuple[TeamSetting, ...] = BOTH


@dataclass
class _Content:
    """What the leader wrote: the entry's text, its focus, and the next steps as commitments (owner, coachee, text)."""

    what_happened: str
    performance_notes: str = ""
    rating: int | None = None
    agent_view: str = ""
    barriers: str = ""
    private_notes: str = ""
    is_private: bool = False
    focuses: list[_Focus] = field(default_factory=list)
    commitments: list[tuple[_Member, _Member, str]] = field(default_factory=list)
    goal_ids: list[str] = field(default_factory=list)
    praise: _Praise | None = None
    next_steps: str = ""


KIND_WEIGHTS = {
    CC: {"coaching": 52, "side_by_side": 12, "call_review": 14, "feedback": 9, "recognition": 5, "one_on_one": 8},
    FIELD: {"coaching": 45, "side_by_side": 30, "feedback": 12, "recognition": 5, "one_on_one": 8},
}
DURATIONS = {
    "coaching": (20, 45),
    "side_by_side": (45, 90),
    "call_review": (25, 45),
    "feedback": (10, 15),
    "recognition": (5, 10),
    "one_on_one": (25, 35),
    "mentoring": (40, 60),
}
FIELD_VISIT_MINUTES = (150, 300)
COMMITMENT_DAYS = defaultdict(lambda: (6, 9), mentoring=(21, 35))
"""Next steps are due by about the next session: a week for coaching, a month for mentoring."""
SESSION_JITTER_DAYS = (-2, -1, 0, 0, 0, 1, 2, 3)


class _LeaderLog:
    """Every agent's sessions with their team leader, group sessions, and mentoring, written in date order."""

    PRIVATE_NOTES_SHARE = 0.2
    WELFARE_SHARE = 0.05

    def __init__(self, world: _World, promises: _Promises) -> None:
        self.world = world
        self.promises = promises

    def keep(self, organisation: _Organisation, pairings: list[_Pairing]) -> None:
        sessions = [
            *(s for agent in organisation.agents for s in self.individual_sessions(agent)),
            *(s for team in organisation.teams for s in self.group_sessions(team)),
            *(s for pairing in pairings for s in self.mentoring_sessions(pairing)),
        ]
        sessions.sort(key=lambda s: s.day)
        for session in sessions:
            self.record(session)

    # When sessions happen

    def individual_sessions(self, agent: _Member) -> Iterator[_Session]:
        """Roughly weekly, unless someone is away, the team leader is lapsing, or the agent was forgotten."""
        world = self.world
        interval = 7 if agent.is_new_on(world.today) else world.pick((7, 7, 7, 10))
        day = max(world.since, agent.start_date + timedelta(days=3)) + timedelta(days=world.rng.randint(0, 6))
        while (day := working_day(day)) < world.today:
            if self.coaches(agent, day):
                yield self.individual(agent, day)
            day += timedelta(days=interval + world.pick(SESSION_JITTER_DAYS))

    def coaches(self, agent: _Member, day: date) -> bool:
        leader = agent.boss
        if (agent.forgotten_since and day >= agent.forgotten_since) or agent.calendar.is_away(day):
            return False
        if leader.calendar.is_away(day):
            return False
        return self.world.chance(0.25 if leader.calendar.is_lapsing(day) else 0.93)

    def individual(self, agent: _Member, day: date) -> _Session:
        """A one-on-one session is the log of a held meeting close by; with none, it becomes plain coaching."""
        weights = KIND_WEIGHTS[agent.setting]
        kind = self.world.rng.choices(list(weights), weights=list(weights.values()))[0]
        if kind == "one_on_one":
            for offset in (0, -1, 1, -2, 2, -3, 3):
                held_on = day + timedelta(days=offset)
                if held_on < self.world.today and (meeting_id := agent.held_meetings.pop(held_on, None)):
                    return _Session(held_on, agent.boss, (agent,), kind, meeting_id=meeting_id)
            kind = "coaching"
        return _Session(day, agent.boss, (agent,), kind)

    def group_sessions(self, team: _Team) -> Iterator[_Session]:
        """Now and then a huddle or group call review with two to four of the team."""
        world, leader = self.world, team.leader
        day = world.since + timedelta(days=world.rng.randint(0, 13))
        kinds = ("coaching", "call_review") if team.setting is CC else ("coaching",)
        while (day := working_day(day)) < world.today:
            present = [a for a in team.agents if a.start_date < day and not a.calendar.is_away(day)]
            steady = not (leader.calendar.is_away(day) or leader.calendar.is_lapsing(day))
            if steady and len(present) >= 2 and world.chance(0.2):
                group = world.rng.sample(present, world.rng.randint(2, min(4, len(present))))
                yield _Session(day, leader, tuple(group), world.pick(kinds))
            day += timedelta(weeks=1)

    def mentoring_sessions(self, pairing: _Pairing) -> Iterator[_Session]:
        world = self.world
        end = min(pairing.ended_on or world.today, world.today)
        day = pairing.started_on + timedelta(days=world.rng.randint(7, 20))
        while (day := working_day(day)) < end:
            if not (pairing.mentor.calendar.is_away(day) or pairing.mentee.calendar.is_away(day)) and world.chance(
                0.85
            ):
                yield _Session(day, pairing.mentor, (pairing.mentee,), "mentoring", pairing=pairing)
            day += timedelta(days=world.rng.randint(25, 38))

    # What the leader wrote

    def content(self, session: _Session) -> _Content:
        agent = session.agents[0]
        if len(session.agents) > 1:
            return self.group_content(session)
        if session.pairing is not None:
            return self.mentoring_content(session, agent)
        if session.kind == "recognition":
            return self.recognition_content(session, agent)
        if session.kind in ("one_on_one", "feedback") and self.world.chance(self.WELFARE_SHARE):
            return self.welfare_content(session, agent)
        return self.coaching_content(session, agent)

    def coaching_content(self, session: _Session, agent: _Member) -> _Content:
        world = self.world
        topic = self.topic_for(agent, session.day)
        voice = self.voice(agent, session.coach, session.day, topic.kpi)
        rating = self.rating(agent, session.day) if world.chance(0.92) else None
        commitments = [(agent, agent, world.say(topic.agent_commitments, voice))]
        if world.chance(0.35):
            commitments.append((session.coach, agent, world.say(topic.manager_commitments, voice)))
        focuses = [self.focus(topic, agent, session.day, voice)]
        if world.chance(0.15) and (extra := self.topic_for(agent, session.day)) is not topic:
            focuses.append(
                self.focus(extra, agent, session.day, self.voice(agent, session.coach, session.day, extra.kpi))
            )
        opening = world.pick(OPENINGS.get((session.kind, agent.setting)) or OPENINGS[(session.kind, CC)])
        return _Content(
            what_happened=(opening + world.pick(topic.observed)).format_map(voice),
            performance_notes=f"{world.say(topic.performed, voice)} {world.say(responses_for(rating), voice)}",
            rating=rating,
            agent_view=world.say(topic.agent_view, voice),
            barriers=world.say(topic.barriers, voice) if world.chance(0.6) else "",
            private_notes=world.say(PRIVATE_NOTES, voice) if world.chance(self.PRIVATE_NOTES_SHARE) else "",
            focuses=focuses,
            commitments=commitments,
            goal_ids=goals_worked_on(agent, topic.kpi, session.day),
        )

    def group_content(self, session: _Session) -> _Content:
        world, agents = self.world, session.agents
        setting = agents[0].setting
        topic = world.pick([g for g in GROUP_TOPICS if g.kind == session.kind and setting in g.settings])
        voice = self.voice(agents[0], session.coach, session.day, topic.kpi)
        voice["names"] = spoken_list([a.name.called for a in agents])
        target = KPI_BY_KEY[topic.kpi].target if topic.kpi else None
        focus = _Focus(topic.skill, topic.kpi, target, topic.target_text, session.day + timedelta(days=14))
        return _Content(
            what_happened=topic.what_happened.format_map(voice),
            performance_notes=world.say(GROUP_RESPONSES, voice),
            barriers=world.say(GROUP_BARRIERS, voice) if world.chance(0.3) else "",
            focuses=[focus],
            commitments=[(agent, agent, topic.commitment) for agent in agents],
            next_steps=f"{voice['names']}: {lower_first(topic.commitment)}. Check at each one's next session.",
            goal_ids=[goal for agent in agents for goal in goals_worked_on(agent, topic.kpi, session.day)],
        )

    def mentoring_content(self, session: _Session, mentee: _Member) -> _Content:
        world = self.world
        voice = self.voice(mentee, session.coach, session.day, None)
        what, view, commitment = world.pick(MENTORING_SESSIONS)
        assert session.pairing is not None
        return _Content(
            what_happened=f"Mentoring ({lower_first(session.pairing.skill)}). {what.format_map(voice)}",
            performance_notes=world.say(MENTORING_RESPONSES, voice),
            agent_view=view.format_map(voice),
            focuses=[_Focus(session.pairing.skill, None, None, "", session.day + timedelta(days=30))],
            commitments=[(mentee, mentee, commitment.format_map(voice))],
        )

    def recognition_content(self, session: _Session, agent: _Member) -> _Content:
        world = self.world
        voice = self.voice(agent, session.coach, session.day, None)
        praise = world.pick([p for p in RECOGNITION_REASONS if agent.setting in p.settings])
        reason = praise.reason.format_map(voice)
        return _Content(
            what_happened=f"{world.say(RECOGNITION_OPENINGS, voice)} {reason}",
            performance_notes=world.say(RECOGNITION_RESPONSES, voice),
            rating=world.pick((4, 5, 5, None)),
            agent_view=world.say(RECOGNITION_VIEWS, voice),
            next_steps=world.say(RECOGNITION_NEXT_STEPS, voice),
            praise=_Praise(reason, praise.behaviour, praise.kpi),
        )

    def welfare_content(self, session: _Session, agent: _Member) -> _Content:
        """A welfare conversation: the whole entry is private, never synced or exported."""
        world = self.world
        voice = self.voice(agent, session.coach, session.day, None)
        what, view, support, confidential = world.pick(WELFARE_CONVERSATIONS)
        return _Content(
            what_happened=what.format_map(voice),
            agent_view=view.format_map(voice),
            private_notes=confidential,
            is_private=True,
            commitments=[(session.coach, agent, support.format_map(voice))],
        )

    def topic_for(self, agent: _Member, day: date) -> _Topic:
        """Mostly what their plan works on; otherwise anything that fits their team and has figures to quote."""
        world = self.world
        worked_on = [kpi for plan in agent.active_plans(day) for kpi in plan.kpis]
        fitting = [
            t
            for t in TOPICS
            if agent.setting in t.settings and (t.kpi is None or agent.last_value(t.kpi, day) is not None)
        ]
        preferred = [t for t in fitting if t.kpi in worked_on]
        return world.pick(preferred if preferred and world.chance(0.55) else fitting)

    def voice(self, agent: _Member, coach: _Member, day: date, kpi: str | None) -> Voice:
        voice = {
            "first": agent.name.called,
            "coach": coach.name.called,
            "manager": coach.boss.name.called,
            "due": short_date(day + timedelta(days=14)),
            "names": agent.name.called,
        }
        if kpi is not None:
            spec, value = KPI_BY_KEY[kpi], agent.last_value(kpi, day)
            voice["target"] = spec.show(agent.target(kpi))
            voice["value"] = spec.show(value) if value is not None else "not reported"
        return voice

    def focus(self, topic: _Topic, agent: _Member, day: date, voice: Voice) -> _Focus:
        if topic.kpi is None:
            return _Focus(topic.skill, None, None, topic.target_text.format_map(voice), day + timedelta(days=7))
        return _Focus(
            topic.skill,
            topic.kpi,
            agent.target(topic.kpi),
            topic.target_text.format_map(voice),
            day + timedelta(days=14),
        )

    def rating(self, agent: _Member, day: date) -> int:
        """Around the agent's usual form: lower while new, higher once a plan they are improving on takes hold."""
        lifted = any(plan.improving and plan.started_on + timedelta(days=28) <= day for plan in agent.active_plans(day))
        level = agent.quality + (0.5 if lifted else 0.0) - (0.5 if agent.is_new_on(day) else 0.0)
        return round(clamp(self.world.rng.gauss(level, 0.7), 1, 5))

    # Writing it down

    def record(self, session: _Session) -> None:
        world = self.world
        content = self.content(session)
        started_at, minutes = self.timing(session)
        written = datetime.combine(session.day, started_at) + timedelta(minutes=minutes + world.rng.randint(5, 90))
        kind_id = world.builtins.kinds[session.kind]
        entry = world.rows.add(
            LogEntry,
            written,
            coach_id=session.coach.id,
            kind_id=kind_id,
            held_on=session.day,
            started_at=started_at,
            duration_minutes=minutes,
            what_happened=content.what_happened,
            performance_notes=content.performance_notes,
            performance_rating=content.rating,
            agent_view=content.agent_view,
            barriers=content.barriers,
            next_steps=content.next_steps or next_steps_text(session, content.commitments),
            private_notes=content.private_notes,
            is_private=content.is_private,
            meeting_id=session.meeting_id,
            mentorship_id=session.pairing.id if session.pairing else None,
            template_id=world.builtins.session_templates.get(kind_id),
        )
        self.attach(session, content, entry["id"], written)
        self.follow_up_and_commit(session, content, entry["id"], written)
        self.sign_off(session, entry)
        if content.praise is not None:
            recognise(world, session.agents[0], session.coach, written, content.praise, entry_id=entry["id"])

    def timing(self, session: _Session) -> tuple[time, int]:
        rng = self.world.rng
        visits = session.kind == "side_by_side" and session.agents[0].setting is FIELD
        low, high = FIELD_VISIT_MINUTES if visits else DURATIONS[session.kind]
        minutes = 5 * round(rng.randint(low, high) / 5)
        start_hour = 8 if visits else rng.randint(9, 15)
        return time(start_hour, rng.choice((0, 15, 30, 45))), minutes

    def attach(self, session: _Session, content: _Content, entry_id: str, written: datetime) -> None:
        rows, kpi_ids = self.world.rows, self.world.kpi_ids
        for agent in session.agents:
            rows.add(LogEntryAgent, written, entry_id=entry_id, agent_id=agent.id)
        for focus in content.focuses:
            rows.add(
                SessionFocus,
                written,
                entry_id=entry_id,
                skill=focus.skill,
                kpi_id=kpi_ids.get(focus.kpi or ""),
                target_value=focus.target,
                target_text=focus.target_text,
                follow_up_on=focus.follow_up_on,
            )
        for goal_id in dict.fromkeys(content.goal_ids):
            rows.add(LogEntryGoal, written, entry_id=entry_id, goal_id=goal_id)

    def follow_up_and_commit(self, session: _Session, content: _Content, entry_id: str, written: datetime) -> None:
        """Last time's commitments are checked first; this session's are due by about the next one."""
        world = self.world
        for agent in session.agents:
            self.promises.follow_up(self.ledger(session, agent), session.day, entry_id=entry_id)
        for owner, coachee, wording in content.commitments:
            due = session.day + timedelta(days=world.rng.randint(*COMMITMENT_DAYS[session.kind]))
            self.promises.make(
                self.ledger(session, coachee),
                owner,
                coachee,
                text=wording,
                due_on=due,
                at=written,
                entry_id=entry_id,
                is_private=content.is_private,
            )

    def ledger(self, session: _Session, agent: _Member) -> str:
        """Mentoring commitments are followed up at mentoring, coaching ones at coaching."""
        return session.pairing.id if session.pairing else agent.id

    def sign_off(self, session: _Session, entry: Row) -> None:
        """Older entries are mostly signed off, some acknowledged by the agent, the odd one amended since."""
        world = self.world
        age = (world.today - session.day).days
        signed_at = stamp(session.day + timedelta(days=world.pick((0, 0, 1, 2))), 17, world.rng.randint(0, 59))
        if signed_at.date() >= world.today or not world.chance(0.95 if age > 14 else 0.45):
            return
        entry.update(signed_off_at=signed_at, signed_off_by_id=session.coach.id, updated_at=signed_at)
        now = stamp(world.today, 8)
        voice = {"first": session.agents[0].name.called}
        acknowledged = signed_at + timedelta(hours=world.rng.randint(1, 40))
        if len(session.agents) == 1 and acknowledged < now and world.chance(0.18):
            world.rows.add(
                Acknowledgement,
                acknowledged,
                entry_id=entry["id"],
                agent_id=session.agents[0].id,
                acknowledged_at=acknowledged,
                comment=world.say(ACKNOWLEDGEMENTS, voice) if world.chance(0.6) else "",
            )
        if acknowledged < now and world.chance(0.12):
            world.rows.add(
                SessionFeedback,
                acknowledged,
                entry_id=entry["id"],
                person_id=session.agents[0].id,
                rating=world.pick((3, 4, 4, 5, 5, 2)),
                comment=world.say(SURVEY_COMMENTS, voice),
                given_at=acknowledged,
            )
        amended = signed_at + timedelta(days=world.rng.randint(1, 20))
        if amended < now and world.chance(0.012):
            self.amend(entry, amended, session.coach)

    def amend(self, entry: Row, amended: datetime, author: _Member) -> None:
        world = self.world
        field_name, addition, reason = world.pick(AMENDMENTS)
        original = entry[field_name]
        new_value = str(min(5, (original or 3) + 1)) if field_name == "performance_rating" else f"{original} {addition}"
        world.rows.add(
            Amendment,
            amended,
            entry_id=entry["id"],
            field=field_name,
            original_value="" if original is None else str(original),
            new_value=new_value,
            reason=reason,
            amended_at=amended,
            author_id=author.id,
        )


def responses_for(rating: int | None) -> tuple[str, ...]:
    if rating is None:
        return MIDDLE_RESPONSES
    return LOW_RESPONSES if rating <= 2 else HIGH_RESPONSES if rating >= 4 else MIDDLE_RESPONSES


def goals_worked_on(agent: _Member, kpi: str | None, day: date) -> list[str]:
    return [plan.goal_ids[kpi] for plan in agent.active_plans(day) if kpi in plan.goal_ids] if kpi else []


def next_steps_text(session: _Session, commitments: list[tuple[_Member, _Member, str]]) -> str:
    """The next steps as both sides agreed them: what each will do, checked at the next session."""
    lines = [
        f"{'Me' if owner is session.coach else owner.name.called}: {lower_first(wording)}."
        for owner, _coachee, wording in commitments
    ]
    return " ".join([*lines, check_line(session)])


def check_line(session: _Session) -> str:
    return "Check at the next mentoring session." if session.pairing else "Check at the next session."


# Recognition and skills -------------------------------------------------------------------------------------------


def give_recognition(world: _World, organisation: _Organisation) -> None:
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


def recognise(world: _World, person: _Member, giver: _Member, at: datetime, praise: _Praise, **given_at: str) -> None:
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


def note_skills(world: _World, organisation: _Organisation, pairings: list[_Pairing]) -> None:
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


# Phrase banks -----------------------------------------------------------------------------------------------------
# Placeholders: {first} the agent's first name, {coach} the leader's, {manager} the leader's manager's, {value} the
# latest weekly figure, {target} the agent's target, {due} two weeks on, {names} everyone in a group session.


@dataclass(frozen=True)
class _NamePool:
    given: tuple[str, ...]
    family: tuple[str, ...]
    weight: int
    family_first: bool = False

    @classmethod
    def of(cls, given: str, family: str, weight: int, *, family_first: bool = False) -> _NamePool:
        return cls(tuple(given.split(", ")), tuple(family.split(", ")), weight, family_first)


NAME_POOLS = (
    _NamePool.of(
        "Oliver, Amelia, Jack, Isla, Siobhan, Callum, Niamh, Rhys, Bethan, Hannah, George, Megan, Ciarán, Aoife, "
        "Declan, Eilidh, Gareth, Shannon, Kieran, Lauren, Zoë, Siân, Dafydd, Chloe, Liam, Jade, Ross, Kirsty",
        "Walsh, Hughes, Thompson, Evans, McAllister, O'Neill, Campbell, Davies, Murphy, Fraser, Price, Morgan, "
        "Robertson, Doyle, Jenkins, Barker, Gallagher, Pritchard",
        30,
    ),
    _NamePool.of(
        "Priya, Arjun, Aisha, Imran, Sanjay, Anjali, Harpreet, Rohan, Fatima, Zainab, Bilal, Nadia, Kiran, Deepak, "
        "Sunita, Ravi, Mohammed, Amir",
        "Patel, Sharma, Khan, Begum, Singh, Chaudhry, Hussain, Iyer, Gill, Rahman, Raman",
        14,
    ),
    _NamePool.of(
        "Lucía, Álvaro, Inés, José, Joaquín, Sofía, Martín, Ángela, Raúl, Nuria, Iñigo",
        "Álvarez, García, Muñoz, Peña, Fernández, Ibáñez, Ortega, Núñez, Gutiérrez, Ruiz",
        6,
    ),
    _NamePool.of(
        "Søren, Åsa, Bjørn, Sigrún, Ingrid, Mikael, Freja, Mads, Linnéa, Jónas, Astrid",
        "Dahl, Ødegaard, Lindqvist, Holm, Berg, Sørensen, Nyström, Halvorsen, Åberg",
        4,
    ),
    _NamePool.of(
        "Thị Lan, Văn Minh, Thu Hà, Quốc Bảo, Minh Anh, Đức Huy, Thanh Hương, Hoàng Nam, Ngọc Ánh",
        "Nguyễn, Trần, Lê, Phạm, Hoàng, Võ, Đặng, Bùi",
        4,
        family_first=True,
    ),
    _NamePool.of(
        "Wei, Jing, Hao, Xiaoling, Yuxin, Zhen, Mei, Junjie, Lingyun", "Chen, Zhang, Wang, Liu, Huang, Zhou, Xu, Lin", 5
    ),
    _NamePool.of(
        "Łukasz, Agnieszka, Zofia, Małgorzata, Piotr, Jakub, Katarzyna, Paweł, Wojciech, Ewa",
        "Nowak, Wójcik, Kaczmarek, Mazur, Krawczyk, Dudek, Zając, Król",
        7,
    ),
    _NamePool.of(
        "Chidi, Adaeze, Kwame, Ama, Oluwaseun, Folake, Tunde, Yaw, Ngozi, Efua, Chukwuemeka",
        "Okafor, Mensah, Adeyemi, Boateng, Nwosu, Asante, Owusu, Okonkwo, Adebayo",
        8,
    ),
    _NamePool.of(
        "Elif, Emre, Zeynep, Murat, Ayşe, Çağrı, Gökhan, Şule", "Yılmaz, Şahin, Öztürk, Çelik, Aydın, Doğan, Kaya", 4
    ),
    _NamePool.of(
        "Yousef, Layla, Omar, Rania, Karim, Noor, Samir, Hana, Tariq",
        "Haddad, Mansour, Al-Sayed, Nasser, Khalil, Saleh, Farouk",
        5,
    ),
    _NamePool.of(
        "Chloé, Loïc, Hélène, Jürgen, Mathilde, Thibault, Anneke, Renée, Jörg, Zoë",
        "Müller, Lefèvre, Girard, Schäfer, Brandt, de Vries, Janssen, Dubois, Köhler",
        5,
    ),
    _NamePool.of(
        "Yuki, Kenji, Aiko, Haruto, Sakura, Min-jun, Ji-woo, Seo-yeon",
        "Tanaka, Watanabe, Suzuki, Sato, Kim, Park, Choi",
        3,
    ),
    _NamePool.of(
        "Eleni, Nikos, Dimitra, Giorgos, Katerina, João, Gonçalo, Beatriz, Conceição",
        "Papadopoulos, Georgiou, Antoniou, Gonçalves, Araújo, Magalhães",
        4,
    ),
)

CONTACT_CENTRES = ("Leeds", "Glasgow", "Cardiff", "Belfast", "Sunderland")
CONTACT_CENTRE_FUNCTIONS = (
    ("Billing", "Billing advisor"),
    ("Retentions", "Retentions advisor"),
    ("Technical support", "Technical support advisor"),
    ("Broadband sales", "Sales advisor"),
    ("Complaints", "Complaints handler"),
    ("Moves and changes", "Customer service advisor"),
    ("Collections", "Collections advisor"),
    ("Customer care", "Customer service advisor"),
    ("Web chat", "Web chat advisor"),
    ("Onboarding", "Customer service advisor"),
)
FIELD_REGIONS = (
    ("North", ("Yorkshire", "Tyneside", "Cumbria", "Humberside")),
    ("Midlands", ("Birmingham", "Nottingham", "Leicester", "Coventry")),
    ("South West", ("Bristol", "Devon", "Cornwall", "Somerset")),
    ("Scotland", ("Edinburgh", "Fife", "Highlands", "Ayrshire")),
)
FIELD_ROLES = ("Field sales representative", "Field service engineer")

PERSON_NOTES = (
    "Prefers feedback in writing first, then a conversation.",
    "Works compressed hours: off every other Friday.",
    "Dyslexic; the note templates help. Give extra time on written tests.",
    "Keen to move into training in the next year.",
    "Returned from parental leave this year; phased return agreed.",
    "Union rep for the site.",
)

KPI_SPECS = (
    _KpiSpec(
        key="adherence",
        name="Adherence",
        unit="%",
        target=85.0,
        higher_is_better=True,
        decimals=1,
        description="Share of scheduled time spent in the planned activity, from the weekly WFM export.",
        source="WFM weekly export",
        settings=BOTH,
        mean=86.5,
        spread=4.0,
        noise=2.2,
        learning=6.0,
        floor=50.0,
        ceiling=100.0,
    ),
    _KpiSpec(
        key="aht",
        name="Average handle time",
        unit="s",
        target=420.0,
        higher_is_better=False,
        decimals=0,
        description="Talk, hold and after-call work per call, in seconds. Contact-centre agents only.",
        source="WFM weekly export",
        settings=(CC,),
        mean=430.0,
        spread=55.0,
        noise=25.0,
        learning=180.0,
        floor=180.0,
        ceiling=1200.0,
    ),
    _KpiSpec(
        key="csat",
        name="CSAT",
        unit="%",
        target=80.0,
        higher_is_better=True,
        decimals=1,
        description="Customers who rated the contact 4 or 5 out of 5 in the post-contact survey.",
        source="Customer survey",
        settings=BOTH,
        mean=81.0,
        spread=6.0,
        noise=4.0,
        learning=8.0,
        floor=30.0,
        ceiling=100.0,
    ),
    _KpiSpec(
        key="fcr",
        name="First contact resolution",
        unit="%",
        target=70.0,
        higher_is_better=True,
        decimals=1,
        description="Contacts (or visits) with no repeat contact on the same issue within seven days.",
        source="Repeat-contact report",
        settings=BOTH,
        mean=71.0,
        spread=7.0,
        noise=4.5,
        learning=12.0,
        floor=20.0,
        ceiling=100.0,
    ),
)
KPI_BY_KEY = {spec.key: spec for spec in KPI_SPECS}


@dataclass(frozen=True)
class _Topic:
    """Something a session works on: what a leader sees, hears and agrees about it, and the plan stairway to it."""

    skill: str
    kpi: str | None
    settings: tuple[TeamSetting, ...]
    observed: tuple[str, ...]
    performed: tuple[str, ...]
    agent_view: tuple[str, ...]
    barriers: tuple[str, ...]
    agent_commitments: tuple[str, ...]
    manager_commitments: tuple[str, ...]
    target_text: str
    goal_title: str = ""
    plan_title: str = ""
    stairway: tuple[str, ...] = ()
    training_need: str = ""
    plan_barrier: str = ""


def kpi_topic(kpi: str, setting: TeamSetting) -> _Topic:
    return next(t for t in TOPICS if t.kpi == kpi and setting in t.settings and t.stairway)


TOPICS = (
    _Topic(
        skill="Schedule adherence",
        kpi="adherence",
        settings=(CC,),
        observed=(
            "Went through last week's adherence ({value} against {target}) line by line in the WFM report; most of "
            "the loss was late returns from lunch and a long wrap on Thursday afternoon.",
            "Looked at {first}'s schedule adherence together: logging in two or three minutes late most mornings, "
            "and staying in after-call work after difficult calls.",
            "Adherence came in at {value}. We mapped where the time went: two unplanned breaks and a team huddle "
            "that overran and was not in the schedule.",
            "Checked the adherence dashboard for the week ({value}); {first} had not known that time in 'not ready' "
            "counts against the schedule.",
        ),
        performed=(
            "Knew the numbers before I showed them, which is a good sign.",
            "Could explain each dip in the week without prompting.",
            "Was surprised by how much the short overruns add up over a week.",
            "Accepted the figures but felt Thursday was a one-off because of the system outage.",
        ),
        agent_view=(
            "“I don't want to leave a customer mid-call just to make my break on time.”",
            "Says the late starts are down to the bus since the route changed.",
            "Feels the schedule leaves no time for wrap-up after complaint calls.",
            "“I hadn't realised 'not ready' showed up like that. I thought I was being efficient.”",
        ),
        barriers=(
            "Login takes four to six minutes on the old PCs on bank 3.",
            "The break rota changed mid-month and {first} was not told.",
            "The bus makes the 8 am start tight; {first} asked about an 8:30 shift pattern.",
        ),
        agent_commitments=(
            "Be logged in and ready at the scheduled start every day this week",
            "Set a phone reminder five minutes before each break ends",
            "Check adherence on the dashboard at the end of every shift",
            "Keep after-call work under 60 seconds unless a note needs escalating",
        ),
        manager_commitments=(
            "Ask WFM about a later shift pattern for {first}",
            "Raise the slow login PCs with IT and chase by Friday",
            "Walk {first} through the real-time adherence screen",
        ),
        target_text="Adherence {target} or better by {due}",
        goal_title="Adherence at {target} or better",
        plan_title="Getting schedule adherence back on track",
        stairway=(
            "Go through the schedule and the adherence report with the team leader",
            "Be logged in and ready at the start of every shift for two weeks",
            "Keep after-call work under a minute on routine calls",
            "Check the real-time adherence screen at every break",
            "Hold adherence at target for four weeks running",
        ),
        training_need="Real-time adherence tool (30 minutes with WFM)",
        plan_barrier="Old PCs take five minutes to log in; {first} loses the start of every shift.",
    ),
    _Topic(
        skill="Call control",
        kpi="aht",
        settings=(CC,),
        observed=(
            "Listened to three calls together; average handle time last week was {value} against {target}. The time "
            "goes on long holds while {first} searches the knowledge base.",
            "Reviewed a 14-minute billing call: a good outcome, but the first four minutes went on security and "
            "small talk. Handle time for the week {value}.",
            "AHT at {value}. Most of the excess is after-call work: {first} writes very full notes by hand instead of "
            "using the templates.",
            "On the queue together: {first} lets the customer lead and struggles to bring the call back to the "
            "reason they rang. Handle time {value} against {target}.",
        ),
        performed=(
            "Spotted the long hold on the recording before I pointed it out.",
            "Tried signposting the call (“here's what I'll do next”) on the next two calls; both were under seven "
            "minutes.",
            "Agreed the notes are longer than they need to be; less sure about cutting the small talk.",
            "Handled the customer well; call control is the gap, not product knowledge.",
        ),
        agent_view=(
            "“I'd rather take longer and get it right than have them ring back.”",
            "Worries that rushing will hurt the survey scores.",
            "Says the knowledge base search rarely finds the right article first time.",
            "“The templates don't fit half the calls I take, so I write my own notes.”",
        ),
        barriers=(
            "Knowledge base search is poor for refund questions; articles are titled by policy number.",
            "The CRM freezes on account look-ups most afternoons.",
            "Still no access to the billing adjustments screen, so every adjustment needs a transfer.",
        ),
        agent_commitments=(
            "Use the note templates on every billing and moves call",
            "Tell the customer what's happening before every hold, and check back within 60 seconds",
            "Signpost every call in the first minute",
            "Save the five most-used knowledge base articles as favourites",
        ),
        manager_commitments=(
            "Chase {first}'s billing adjustments access request",
            "Share two good example calls from the team library",
            "Log the CRM freezes with IT, with times and account numbers",
        ),
        target_text="Handle time {target} or under by {due}",
        goal_title="Average handle time of {target} or under",
        plan_title="Taking control of handle time",
        stairway=(
            "Listen to three model calls from the team library",
            "Use the note templates on every call",
            "Signpost every call in the first minute",
            "Keep holds under a minute, with a check-back",
            "Hold handle time at target for four weeks",
        ),
        training_need="Billing system refresher (2 hours, e-learning)",
        plan_barrier="Billing adjustments access still not granted, so {first} has to transfer every adjustment.",
    ),
    _Topic(
        skill="Empathy and rapport",
        kpi="csat",
        settings=(CC,),
        observed=(
            "Call review of two low-scoring surveys; CSAT last week {value} against {target}. In both calls the "
            "customer had to repeat the problem twice before {first} acknowledged it.",
            "Listened to a complaint about a missed engineer visit: the fix was right, but the apology only came at "
            "the very end.",
            "CSAT at {value}. Read the verbatim comments together: 'helpful but rushed' came up three times.",
            "Listened to a call where {first} used the customer's name, summarised the problem back and set clear "
            "expectations: a textbook call. CSAT {value}.",
        ),
        performed=(
            "Recognised the moment in the call where the customer's tone changed.",
            "Was honest that the rushed calls were at the end of the shift.",
            "Took the survey comments personally at first, then turned to what to do about them.",
            "Practised an acknowledgement line and used it well on the next call.",
        ),
        agent_view=(
            "“Some of the survey scores are about the policy, not about me.”",
            "Feels more confident on calls now the refund rules are clearer.",
            "“I'm fine on the phone, but on chat I come across short.”",
            "Wants more examples of what good sounds like.",
        ),
        barriers=(
            "The survey week included the network outage, which dragged every score down.",
            "Customers arrive from the IVR without the account verified, so calls start badly.",
        ),
        agent_commitments=(
            "Acknowledge the customer's problem in the first 30 seconds of every call",
            "Summarise the agreed actions before ending each call",
            "Read the survey verbatims every Friday and pick one thing to change",
        ),
        manager_commitments=(
            "Send {first} two top-scoring calls to listen to",
            "Take the outage-week surveys out of {first}'s figures and explain why",
        ),
        target_text="CSAT {target} or better by {due}",
        goal_title="CSAT of {target} or more",
        plan_title="From helpful to outstanding: customer satisfaction",
        stairway=(
            "Read last month's survey verbatims with the team leader",
            "Acknowledge the problem in the first 30 seconds of every call",
            "Summarise the agreed actions before every call ends",
            "Call review of two top-scoring calls from the team",
            "CSAT at target for a full month",
        ),
        training_need="Customer empathy workshop (half a day)",
        plan_barrier="Calls from the IVR arrive unverified, so {first} starts every call on security questions.",
    ),
    _Topic(
        skill="Probing questions",
        kpi="fcr",
        settings=(CC,),
        observed=(
            "First contact resolution at {value} against {target}. Looked at five repeat contacts: in three, the "
            "real issue was a second fault the customer mentioned in passing.",
            "Call review: {first} resolved the question asked but did not check whether anything else was wrong; "
            "the customer rang back the next day.",
            "Went through the transfer log: a third of {first}'s transfers were things {first} could fix with the "
            "right permissions. FCR {value}.",
            "FCR {value}. Compared notes on two callbacks; both needed a follow-up that was promised but not booked.",
        ),
        performed=(
            "Grasped the 'anything else?' check quickly.",
            "Was unsure when to transfer and when to own it; we went through the decision tree together.",
            "Listened back and found the missed question without help.",
            "Keen to own more calls from start to finish.",
        ),
        agent_view=(
            "“I transfer because I'm scared of getting the adjustment wrong.”",
            "Thinks repeat calls are often the customer checking, not a failed fix.",
            "Wants to own the callbacks rather than hand them to the back office.",
        ),
        barriers=(
            "Not trained on broadband faults yet, so every fault call goes to tier 2.",
            "The callback tool only offers next-day slots.",
        ),
        agent_commitments=(
            "Ask “is there anything else I can sort out today?” before closing every call",
            "Book the follow-up before ending the call whenever one is promised",
            "Use the transfer decision tree before every transfer this week",
        ),
        manager_commitments=(
            "Book {first} onto the broadband faults course",
            "Ask the back office for same-day callback slots for the team",
        ),
        target_text="First contact resolution {target} by {due}",
        goal_title="First contact resolution at {target}",
        plan_title="Fixing it first time",
        stairway=(
            "Review five repeat contacts with the team leader",
            "Use the 'anything else?' check on every call",
            "Complete the broadband faults module",
            "Own callbacks end to end for two weeks",
            "FCR at target for four weeks",
        ),
        training_need="Broadband faults course (1 day)",
        plan_barrier="The broadband faults course is full until next quarter.",
    ),
    _Topic(
        skill="Visit schedule",
        kpi="adherence",
        settings=(FIELD,),
        observed=(
            "Went through the week's visit schedule: adherence {value} against {target}. Two morning visits started "
            "late after stock pick-ups at the depot.",
            "Schedule adherence {value}. The van check and the stock pick-up are eating the first hour of the day.",
            "Looked at the job log together: long gaps between visits on Tuesday, with no notes to explain them.",
        ),
        performed=(
            "Knew exactly where the time went and had already rearranged next week.",
            "A bit defensive about the Tuesday gaps; the traffic was genuinely bad.",
            "Good discussion; {first} came with their own ideas for the route.",
        ),
        agent_view=(
            "“The first visit is always tight when the depot opens late.”",
            "Feels the planner books visits at opposite ends of the patch on the same morning.",
        ),
        barriers=(
            "The depot opens at 7:45 but the first visit is booked for 8:00.",
            "Planner does not take road works into account.",
        ),
        agent_commitments=(
            "Pick up tomorrow's stock the afternoon before",
            "Update the job status at every arrival and departure",
            "Ring ahead if a visit will start more than 10 minutes late",
        ),
        manager_commitments=(
            "Ask the planners to cluster {first}'s visits by postcode",
            "Get the depot to open at 7:30 for early starts",
        ),
        target_text="Visit schedule adherence {target} by {due}",
        goal_title="Visit schedule adherence at {target} or better",
        plan_title="Getting the day's visits on time",
        stairway=(
            "Review a week of the job log with the team leader",
            "Collect stock the afternoon before every early start",
            "Update the job status at every arrival and departure",
            "Plan the route the evening before, clustered by postcode",
            "Schedule adherence at target for four weeks",
        ),
        training_need="Route planning app (1 hour with the planners)",
        plan_barrier="The depot opens too late for 8:00 visits; the team leader is asking for an earlier opening.",
    ),
    _Topic(
        skill="Customer experience on visits",
        kpi="csat",
        settings=(FIELD,),
        observed=(
            "Joined {first} on three customer visits: strong rapport at the door, but the survey request at the end "
            "was skipped twice. CSAT {value} against {target}.",
            "CSAT {value}. Read the visit comments together: customers like {first} but want to know how long the "
            "job will take.",
            "Side by side at a difficult visit: the customer was angry about two missed appointments, and {first} "
            "calmed it down well.",
        ),
        performed=(
            "Handled the angry customer calmly and owned the missed appointments.",
            "Agreed that setting expectations at the door would help.",
            "Very natural with customers; the admin at the end is where it slips.",
        ),
        agent_view=(
            "“It feels awkward asking for a survey when I've been in someone's kitchen for two hours.”",
            "Thinks the scores are mostly about the booking, not the visit.",
        ),
        barriers=("Customers get the survey text a week late, after they've forgotten the visit.",),
        agent_commitments=(
            "Tell every customer at the door what the visit involves and how long it will take",
            "Explain the survey before leaving every visit",
        ),
        manager_commitments=("Ask for the survey text to go out on the day of the visit",),
        target_text="Visit CSAT {target} or better by {due}",
        goal_title="Visit CSAT of {target} or more",
        plan_title="Every visit a good one",
        stairway=(
            "Read last month's visit comments with the team leader",
            "Set expectations at the door on every visit",
            "Explain the survey before leaving",
            "Shadow a top-scoring colleague for a day",
            "CSAT at target for a full month",
        ),
        training_need="Difficult conversations on the doorstep (half a day)",
        plan_barrier="Survey texts go out a week after the visit.",
    ),
    _Topic(
        skill="Fixed on first visit",
        kpi="fcr",
        settings=(FIELD,),
        observed=(
            "First-visit resolution {value} against {target}. Two revisits last week were for parts {first} did not "
            "have on the van.",
            "Looked at three revisits together: each needed a part that could have been ordered from the job notes "
            "before the visit.",
            "FCR {value}. Talked through a revisit where the customer's second problem came up only after {first} "
            "had left.",
        ),
        performed=(
            "Took it on board; already checks job notes the night before.",
            "Frustrated about van stock, but agreed what is in {first}'s control.",
            "Came up with a van stock checklist unprompted.",
        ),
        agent_view=(
            "“Half the revisits are because the job notes are wrong, not because of me.”",
            "Wants a bigger van stock of the common parts.",
        ),
        barriers=(
            "Van stock list hasn't been updated for the new routers.",
            "Job notes from the call centre are thin.",
        ),
        agent_commitments=(
            "Check the job notes and order parts the evening before",
            "Ask every customer if there is anything else before leaving",
        ),
        manager_commitments=("Get the van stock list updated for the new routers",),
        target_text="First-visit resolution {target} by {due}",
        goal_title="First-visit resolution at {target}",
        plan_title="Fixed first time, every visit",
        stairway=(
            "Review three revisits with the team leader",
            "Check the job notes and order parts the evening before",
            "Keep the van stock checklist up to date weekly",
            "Ask the 'anything else?' question at every visit",
            "First-visit resolution at target for four weeks",
        ),
        training_need="New router installs (1 day)",
        plan_barrier="The van stock list is out of date for the new routers.",
    ),
    _Topic(
        skill="Data protection checks",
        kpi=None,
        settings=(CC,),
        observed=(
            "The quality check picked up a call where the full security check was skipped because the customer was "
            "in a hurry.",
            "Reviewed ten of {first}'s calls for data protection: nine spot on, one where the address was read out "
            "before the customer confirmed it.",
            "Went through the new vulnerable-customer flag and how to record it.",
        ),
        performed=(
            "Understood straight away why it matters.",
            "A bit defensive at first; the customer was pushing hard.",
            "Talked it through well and suggested a wording for the check.",
        ),
        agent_view=(
            "“Customers get annoyed when I ask the same questions again after a transfer.”",
            "Finds the vulnerability flag confusing.",
        ),
        barriers=("The security script on the intranet is still the old version.",),
        agent_commitments=(
            "Do the full security check on every call, repeat callers included",
            "Redo the data protection e-learning by Friday",
        ),
        manager_commitments=(
            "Update the security script link on the team page",
            "Explain the vulnerability flag at Monday's huddle",
        ),
        target_text="No data protection fails in the next quality sample",
    ),
    _Topic(
        skill="Needs discovery and objection handling",
        kpi=None,
        settings=(CC,),
        observed=(
            "Listened to two calls where the customer wanted to cancel: {first} went straight to the best offer "
            "before finding out why they wanted to leave.",
            "Role-played the price objection; {first} knows the product well but goes quiet when the customer says "
            "“too expensive”.",
            "Worked through the new bundle offer and when it fits a customer and when it doesn't.",
        ),
        performed=(
            "Enjoyed the role-play and got better with each round.",
            "Found it hard not to jump to the offer; we practised three open questions.",
            "Confident; ready to try it on live calls.",
        ),
        agent_view=(
            "“If I don't offer the discount quickly they hang up.”",
            "Would like to listen to how the top retentions advisors open the call.",
        ),
        barriers=("The offer matrix changed twice this month.",),
        agent_commitments=(
            "Ask two open questions before making any offer",
            "Practise the price objection with a colleague twice this week",
        ),
        manager_commitments=("Pair {first} with a top retentions advisor for an hour",),
        target_text="Two open questions before every offer",
    ),
    _Topic(
        skill="Tone in written replies",
        kpi=None,
        settings=(CC,),
        observed=(
            "Read through ten of {first}'s written replies (emails and web chats): accurate, but the short answers "
            "read as abrupt.",
            "Looked at a complaint about a written reply together: the customer felt 'fobbed off' by a pasted answer.",
        ),
        performed=(
            "Saw the point once we read the transcript aloud.",
            "Agreed to personalise the stock answers.",
        ),
        agent_view=("“When the queue is long I don't have time to write essays.”",),
        barriers=("Written replies get squeezed in between calls at peak time.",),
        agent_commitments=("Personalise the first line of every stock answer",),
        manager_commitments=("Ask WFM for an hour off the phones each week for {first}'s written replies",),
        target_text="No 'abrupt' comments in surveys on written replies by {due}",
    ),
    _Topic(
        skill="Visit planning",
        kpi=None,
        settings=(FIELD,),
        observed=(
            "Rode along for the morning: four visits planned, two done. Most of the time went on traffic between the "
            "two ends of the patch.",
            "Went through next week's route together and clustered the visits by postcode.",
        ),
        performed=(
            "Good ideas for the route; knows the patch well.",
            "Agreed the plan but worried about the planners.",
        ),
        agent_view=("“The planner doesn't know the A-roads round here.”",),
        barriers=("Planner books visits across the whole patch on the same morning.",),
        agent_commitments=("Plan the route the evening before and flag clashes to the planners",),
        manager_commitments=("Meet the planners about how {first}'s patch is booked",),
        target_text="No more than 30 minutes' driving between visits",
    ),
    _Topic(
        skill="Lone working and safety",
        kpi=None,
        settings=(FIELD,),
        observed=(
            "Checked the lone-working check-ins for the month: three missed on late visits.",
            "Talked through a visit last week where {first} felt unsafe and left early, which was the right call.",
        ),
        performed=("Took it seriously.", "Relieved to hear that leaving early was the right thing to do."),
        agent_view=("“The app logs me out when there's no signal.”",),
        barriers=("No signal in parts of the patch; the lone-working app drops out.",),
        agent_commitments=("Check in on the lone-working app at every arrival and departure",),
        manager_commitments=("Ask for a satellite check-in device for the rural visits",),
        target_text="Every check-in made for the next month",
    ),
    _Topic(
        skill="Resilience",
        kpi=None,
        settings=BOTH,
        observed=(
            "Talked about a very difficult contact on Tuesday with an abusive customer.",
            "Checked in after a long run of complaints; {first} has had a tough fortnight.",
            "Reviewed how {first} handled a customer in real distress; the call went well but it clearly stayed "
            "with {first}.",
        ),
        performed=(
            "Opened up more than usual.",
            "Said it helped to talk it through.",
            "Handled it professionally; needed to hear that.",
        ),
        agent_view=("“I keep replaying the call in my head.”", "Says the team have been brilliant."),
        barriers=("No quiet room on the floor to take five minutes after a hard contact.",),
        agent_commitments=("Take the five-minute reset after any abusive contact, and tell me",),
        manager_commitments=("Remind {first} about the employee assistance programme and send the number",),
        target_text="Check in again in a week",
    ),
    _Topic(
        skill="Product knowledge",
        kpi=None,
        settings=BOTH,
        observed=(
            "Went through the new price plans before they launch on Monday; {first} had questions on the contract "
            "rules.",
            "Quizzed {first} on the five most common questions about the new routers.",
        ),
        performed=(
            "Knew most of it; a couple of gaps on early termination fees.",
            "Sharp; knew nearly all of it already.",
        ),
        agent_view=("“The briefing pack is forty pages; I need a one-pager.”",),
        barriers=("The briefing pack came out the day before the launch.",),
        agent_commitments=("Read the launch one-pager and test yourself on the quiz",),
        manager_commitments=("Make a one-page summary of the new plans for the team",),
        target_text="Full marks on the launch quiz",
    ),
)


@dataclass(frozen=True)
class _GroupTopic:
    kind: str
    settings: tuple[TeamSetting, ...]
    skill: str
    kpi: str | None
    what_happened: str
    commitment: str
    target_text: str


GROUP_TOPICS = (
    _GroupTopic(
        "coaching",
        (CC,),
        "Refund process",
        None,
        "Team huddle with {names} on the new refund process: walked through the three changes and listened to one "
        "good call together.",
        "Use the new refund checklist on every refund call this week",
        "Refund checklist used on every refund call",
    ),
    _GroupTopic(
        "coaching",
        (CC,),
        "Schedule adherence",
        "adherence",
        "Group session with {names} on adherence: how breaks, meetings and after-call work show in the WFM report.",
        "Check your own adherence on the dashboard every afternoon",
        "Team adherence 85 % or better",
    ),
    _GroupTopic(
        "call_review",
        (CC,),
        "Call control",
        "aht",
        "Group call review with {names}: two calls each, focused on holds and check-backs. Everyone picked one habit "
        "to drop.",
        "Check back within 60 seconds on every hold",
        "Holds under a minute with a check-back",
    ),
    _GroupTopic(
        "call_review",
        (CC,),
        "Empathy and rapport",
        "csat",
        "Calibration session with {names}: scored the same three calls separately, then compared. Big differences "
        "in how soon the apology came.",
        "Acknowledge the customer's problem before starting the security checks",
        "CSAT 80 % or better",
    ),
    _GroupTopic(
        "coaching",
        (CC,),
        "Probing questions",
        "fcr",
        "Group session with {names} on repeat contacts: traced five callbacks back to the first call and found the "
        "missed question in each.",
        "Ask the 'anything else?' question before closing every call",
        "First contact resolution 70 % or better",
    ),
    _GroupTopic(
        "coaching",
        (FIELD,),
        "Visit planning",
        None,
        "Patch meeting with {names}: route planning for the next fortnight and the new lone-working app.",
        "Check in on the lone-working app at every arrival and departure",
        "Every check-in made",
    ),
    _GroupTopic(
        "coaching",
        (FIELD,),
        "Customer experience on visits",
        "csat",
        "Group session with {names} on the doorstep: role-played the first two minutes of a visit and the survey "
        "request at the end.",
        "Explain the survey before leaving every visit",
        "Visit CSAT 80 % or better",
    ),
)
GROUP_RESPONSES = (
    "Good energy; {names} all joined in.",
    "Quieter than usual, but good questions at the end.",
    "Lively discussion; the newer members of the team learned a lot from the others.",
    "Everyone agreed on the change; the test is whether it sticks.",
)
GROUP_BARRIERS = (
    "Hard to find a time that suits everyone's shifts; we squeezed it into the quiet hour.",
    "Half the team are on lates this week; repeat it for them.",
)

OPENINGS: dict[tuple[str, TeamSetting], tuple[str, ...]] = {
    ("coaching", CC): ("", "Planned coaching. ", "Coaching session at the desk. "),
    ("coaching", FIELD): ("", "Coaching at the depot. ", "Coaching call before the first visit. "),
    ("side_by_side", CC): ("Sat side by side with {first} for an hour on live calls. ", "Side by side on the queue. "),
    ("side_by_side", FIELD): ("Spent the morning on visits with {first}. ", "Ride-along for the day. "),
    ("call_review", CC): ("Call review of recorded calls. ", "Listened back to last week's calls together. "),
    ("feedback", CC): ("Quick feedback after a call I heard on the floor. ", "On-the-spot feedback. "),
    ("feedback", FIELD): ("Feedback after a customer visit. ", "Quick feedback on the phone after a visit. "),
    ("one_on_one", CC): ("Fortnightly one-on-one. ", "One-on-one. "),
}
LOW_RESPONSES = (
    "Found this hard to hear and was quiet for most of the session; we agreed to pick it up again on Thursday.",
    "Pushed back on the feedback; agreed to listen to the calls again before deciding.",
    "Struggling this week; needs closer support and a shorter gap before the next session.",
)
MIDDLE_RESPONSES = (
    "Receptive and understands the why; will need practice to make it stick.",
    "Engaged and asked good questions.",
    "Agreed with the plan, a bit unsure how to fit it into the busy periods.",
)
HIGH_RESPONSES = (
    "Excellent session: {first} is driving this now.",
    "Really pleased; the change since last week is obvious.",
    "Very open to feedback and already trying the changes for real.",
)
PRIVATE_NOTES = (
    "Mentioned caring for a parent at weekends; keep an eye on wellbeing and don't raise it in front of the team.",
    "Could be ready for senior advisor in the spring; talk to {manager} before saying anything.",
    "Seemed flat today. Check in on Friday, away from the desk.",
    "Three Monday absences in eight weeks. Not raised yet; waiting for the return-to-work notes.",
    "Asked not to sit next to the same colleague after last month's disagreement.",
    "Has applied for the internal trainer role; reference requested.",
    "Said money is tight at the moment; pointed them to the employee assistance programme.",
)
WELFARE_CONVERSATIONS = (
    (
        "Welfare conversation after {first} came back from compassionate leave. Agreed a phased return with lighter "
        "contact types for two weeks.",
        "Wants to get back to normal but is tired.",
        "Check in with {first} every morning this week",
        "Bereavement: a parent. HR aware; keep the details out of anything shared.",
    ),
    (
        "Welfare check-in: {first} has been finishing late and looked exhausted. Talked about workload and sleep.",
        "Says things at home are difficult at the moment.",
        "Refer {first} to occupational health with their agreement",
        "Partner seriously ill. Agreed this stays between us and HR for now.",
    ),
    (
        "Conversation about a health condition {first} disclosed; went through the reasonable adjustments available.",
        "Relieved to have talked about it.",
        "Request the workstation assessment for {first}",
        "Condition disclosed in confidence; the adjustments request went to HR only.",
    ),
)
RECOGNITION_OPENINGS = (
    "Took {first} aside to say thank you.",
    "Recognition for {first}.",
    "Wanted to make sure {first} heard this from me directly.",
)
RECOGNITION_REASONS = (
    _Praise("Stayed on after shift to finish a vulnerable customer's complaint properly.", "Ownership", settings=(CC,)),
    _Praise(
        "A customer emailed to thank {first} by name for sorting out a billing mess in one call.",
        "Customer first",
        "fcr",
        (CC,),
    ),
    _Praise("Adherence at or above target four weeks running.", "Consistency", "adherence"),
    _Praise("Helped two new starters through their first week.", "Team spirit"),
    _Praise("Spotted a billing error affecting a whole postcode and raised it.", "Ownership", settings=(CC,)),
    _Praise("Top customer satisfaction in the team this month.", "Customer first", "csat"),
    _Praise("Covered the Saturday shift at short notice.", "Going the extra mile"),
    _Praise(
        "A customer rang the office to praise {first}'s patience on a two-hour install.",
        "Customer first",
        "csat",
        (FIELD,),
    ),
    _Praise("Fixed a fault two other visits had missed.", "Ownership", "fcr", (FIELD,)),
    _Praise("Finished every visit on the schedule in a week of road closures.", "Consistency", "adherence", (FIELD,)),
    _Praise(
        "Took a worried elderly customer through the new router step by step, twice.", "Customer first", None, (FIELD,)
    ),
    _Praise("Turned a customer who wanted to leave into a two-year renewal, honestly.", "Customer first", None, (CC,)),
    _Praise("Rewrote the team's refund crib sheet; everyone is using it.", "Team spirit", None, (CC,)),
    _Praise("Kept calm and kind through a shift of outage calls.", "Resilience"),
)
RECOGNITION_RESPONSES = (
    "Clearly pleased; said it made the week.",
    "Modest about it, as always.",
    "Asked if the customer's email could go on the team board.",
)
RECOGNITION_VIEWS = ("“I was only doing my job.”", "Glad it was noticed.", "Said the team made it possible.")
RECOGNITION_NEXT_STEPS = (
    "Share the example at Thursday's huddle.",
    "Nominate {first} for the monthly site award.",
    "Mention it to {manager} at our next one-on-one.",
)
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
ACKNOWLEDGEMENTS = (
    "Agreed, thanks for the tips.",
    "Happy with this; the examples helped.",
    "I don't fully agree about the Thursday call, it was a system issue.",
    "Thanks, looking forward to the course.",
    "Fair summary.",
)
SURVEY_COMMENTS = (
    "Useful, practical examples.",
    "Would have liked more time on the tools.",
    "Felt listened to.",
    "Too rushed; we only had ten minutes.",
    "Clear next steps.",
    "",
)
AMENDMENTS = (
    (
        "performance_rating",
        "",
        "Agent showed the call was transferred in as an escalated complaint; rating revised.",
    ),
    (
        "next_steps",
        "(Moved to the following week after the rota change.)",
        "Agreed a new date with the agent after the rota changed.",
    ),
    (
        "what_happened",
        "(Correction: the call reviewed was the afternoon one, not the morning one.)",
        "Corrected which call was reviewed.",
    ),
)
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

MEETING_TIMES = (time(9, 30), time(10, 0), time(11, 30), time(14, 0), time(15, 30))
MEETING_NOTES = (
    "Good meeting; ran over by ten minutes.",
    "Short one: busy day on the queue.",
    "Moved to the quiet room; much better.",
    "Covered everything.",
)
AGENT_AGENDA = (
    _AgendaLine(
        "How are you doing? Anything in your way?",
        AgendaSource.TEMPLATE,
        (
            "All good; busy week.",
            "Tired after the late shifts; asked for an early week on the next rota.",
            "Headset keeps cutting out; logged with IT.",
        ),
    ),
    _AgendaLine(
        "Commitments since last time",
        AgendaSource.COMMITMENT,
        ("Both done.", "One done, one carried.", "Reviewed; the reminder trick is working."),
    ),
    _AgendaLine(
        "KPIs: what moved, what didn't",
        AgendaSource.KPI,
        (
            "Adherence up, handle time flat.",
            "CSAT dipped in the outage week; otherwise steady.",
            "All on target this fortnight.",
        ),
    ),
    _AgendaLine(
        "Development plan: the step you're on",
        AgendaSource.PLAN_STEP,
        (
            "Ready to move to the next step next week.",
            "Step done; on to the next one.",
            "Stuck on this step; agreed more side-by-side time.",
        ),
    ),
    _AgendaLine(
        "Recognition: what went well",
        AgendaSource.RECOGNITION,
        ("Great feedback from a customer on Tuesday.", "Helped a new starter through a tricky call."),
    ),
)
TEAM_LEADER_AGENDA = (
    _AgendaLine(
        "Coaching tracker: sessions held against target, agents overdue",
        AgendaSource.TEMPLATE,
        (
            "Two agents overdue after annual leave; booked for Tuesday.",
            "On target this fortnight.",
            "Behind: covering the queue in the afternoons. Agreed protected coaching time.",
        ),
    ),
    _AgendaLine(
        "Commitments since last time",
        AgendaSource.COMMITMENT,
        ("All done.", "Rota request still with WFM; chase."),
    ),
    _AgendaLine(
        "Team KPIs and who needs support",
        AgendaSource.KPI,
        (
            "Adherence down on late shifts; looking at the rota.",
            "Handle time improving since the templates.",
            "Two agents below target on CSAT; both have a plan.",
        ),
    ),
    _AgendaLine(
        "Quality of coaching: one session reviewed together",
        AgendaSource.TEMPLATE,
        (
            "Reviewed a call-review session: good questions; next steps could be more specific.",
            "Session notes strong; agreed to capture the agent's own view more.",
        ),
    ),
    _AgendaLine(
        "Your own development plan",
        AgendaSource.PLAN_STEP,
        ("On track.", "Observed session booked for next week."),
    ),
    _AgendaLine(
        "Recognition for the team",
        AgendaSource.RECOGNITION,
        ("Nominated an agent for the site award.", "Thank-you email from a customer shared with the team."),
    ),
)
SECOND_LINE_AGENDA = (
    _AgendaLine(
        "Site coaching figures and team leaders who need support",
        AgendaSource.TEMPLATE,
        ("Coverage at 92 %; one team leader behind, now weekly one-on-ones.", "All teams on cadence."),
    ),
    _AgendaLine("Attrition and recruitment", AgendaSource.TALKING_POINT, ("Two leavers, three starters in March.",)),
    _AgendaLine(
        "Mentor programme: pairings and feedback",
        AgendaSource.TALKING_POINT,
        ("Two new pairings across contact centre and field.", "Feedback positive; mentors want a check-in guide."),
    ),
    _AgendaLine("Budget for the autumn training", AgendaSource.TALKING_POINT, ("Approved for two courses.",)),
    _AgendaLine("Escalations and complaints this fortnight", AgendaSource.KPI, ("Down on last month.",)),
)
TALKING_POINTS = {
    _Level.AGENT: (
        "Shift swap for the school holidays",
        "Interested in the senior advisor role",
        "Can I shadow the complaints team?",
        "Parking at the site",
        "Annual leave for August",
        "Headset keeps cutting out",
    ),
    _Level.TEAM_LEADER: (
        "Recruitment for the two vacancies",
        "New starter cohort in March",
        "Cover for the team while I'm on leave",
        "Bank holiday rota",
        "Protected coaching time on late shifts",
    ),
    _Level.SECOND_LINE: (
        "Site move to the new building",
        "Team leader development programme places",
        "Peak season staffing",
        "Field and contact-centre handovers",
    ),
}
TALKING_POINT_NOTES = ("Agreed.", "Will check with WFM.", "Talked it through; next step is to speak to HR.")
LEADERSHIP_COMMITMENTS = (
    ("Hold every overdue coaching session before Friday", True),
    ("Review one recorded session with each new starter", True),
    ("Send the rota request to WFM", True),
    ("Finish the coaching-skills module", True),
    ("Protect two hours of coaching time in {first}'s rota", False),
    ("Get sign-off for the headset order", False),
    ("Introduce {first} to the trainer at the Glasgow site", False),
)
LEADER_RECOGNITION = (
    _Praise("Every agent coached on cadence for six weeks running.", "Consistency"),
    _Praise("Turned the team's adherence round after the rota change.", "Ownership", "adherence"),
    _Praise("Great mentoring of a new team leader at another site.", "Team spirit"),
)

MENTORING_SCOPES = {
    _Level.SECOND_LINE.value: (
        (
            "Second-line management: leading through team leaders.",
            "Hold one-on-ones that hold team leaders to account without micromanaging.",
            "Leading leaders",
        ),
    ),
    _Level.TEAM_LEADER.value: (
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
    _Level.AGENT.value: (
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
SKILLS = (
    "Empathy",
    "Call control",
    "De-escalation",
    "Product knowledge",
    "Objection handling",
    "Schedule adherence",
    "System navigation",
    "Coaching others",
    "Route planning",
    "Written communication",
    "Resilience",
    "Confidence",
    "Leadership",
    "Working across teams",
)
