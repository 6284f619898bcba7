"""The leader log: every coaching, group and mentoring session, what was written, signed off and amended."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from coachdesk.demo.kpis import KPI_BY_KEY
from coachdesk.demo.mentoring import Pairing
from coachdesk.demo.organisation import Member, Organisation, Team
from coachdesk.demo.phrases.mentoring import MENTORING_RESPONSES, MENTORING_SESSIONS
from coachdesk.demo.phrases.recognition import (
    RECOGNITION_NEXT_STEPS,
    RECOGNITION_OPENINGS,
    RECOGNITION_REASONS,
    RECOGNITION_RESPONSES,
    RECOGNITION_VIEWS,
    Praise,
)
from coachdesk.demo.phrases.sessions import (
    ACKNOWLEDGEMENTS,
    AMENDMENTS,
    GROUP_BARRIERS,
    GROUP_RESPONSES,
    GROUP_TOPICS,
    HIGH_RESPONSES,
    LOW_RESPONSES,
    MIDDLE_RESPONSES,
    OPENINGS,
    PRIVATE_NOTES,
    SURVEY_COMMENTS,
    WELFARE_CONVERSATIONS,
)
from coachdesk.demo.phrases.topics import TOPICS, Topic
from coachdesk.demo.promises import Promises
from coachdesk.demo.recognition import recognise
from coachdesk.demo.rows import Row
from coachdesk.demo.world import (
    CC,
    FIELD,
    Voice,
    World,
    clamp,
    lower_first,
    short_date,
    spoken_list,
    stamp,
    working_day,
)
from coachdesk.models import (
    Acknowledgement,
    Amendment,
    LogEntry,
    LogEntryAgent,
    LogEntryGoal,
    SessionFeedback,
    SessionFocus,
)


@dataclass(frozen=True)
class _Session:
    day: date
    coach: Member
    agents: tuple[Member, ...]
    kind: str
    meeting_id: str | None = None
    pairing: Pairing | None = None


@dataclass(frozen=True)
class _Focus:
    skill: str
    kpi: str | None
    target: float | None
    target_text: str
    follow_up_on: date


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
    commitments: list[tuple[Member, Member, str]] = field(default_factory=list)
    goal_ids: list[str] = field(default_factory=list)
    praise: Praise | None = None
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


class LeaderLog:
    """Every agent's sessions with their team leader, group sessions, and mentoring, written in date order."""

    PRIVATE_NOTES_SHARE = 0.2
    WELFARE_SHARE = 0.05

    def __init__(self, world: World, promises: Promises) -> None:
        self.world = world
        self.promises = promises

    def keep(self, organisation: Organisation, pairings: list[Pairing]) -> None:
        sessions = [
            *(s for agent in organisation.agents for s in self.individual_sessions(agent)),
            *(s for team in organisation.teams for s in self.group_sessions(team)),
            *(s for pairing in pairings for s in self.mentoring_sessions(pairing)),
        ]
        sessions.sort(key=lambda s: s.day)
        for session in sessions:
            self.record(session)

    # When sessions happen

    def individual_sessions(self, agent: Member) -> Iterator[_Session]:
        """Roughly weekly, unless someone is away, the team leader is lapsing, or the agent was forgotten."""
        world = self.world
        interval = 7 if agent.is_new_on(world.today) else world.pick((7, 7, 7, 10))
        day = max(world.since, agent.start_date + timedelta(days=3)) + timedelta(days=world.rng.randint(0, 6))
        while (day := working_day(day)) < world.today:
            if self.coaches(agent, day):
                yield self.individual(agent, day)
            day += timedelta(days=interval + world.pick(SESSION_JITTER_DAYS))

    def coaches(self, agent: Member, day: date) -> bool:
        leader = agent.boss
        if (agent.forgotten_since and day >= agent.forgotten_since) or agent.calendar.is_away(day):
            return False
        if leader.calendar.is_away(day):
            return False
        return self.world.chance(0.25 if leader.calendar.is_lapsing(day) else 0.93)

    def individual(self, agent: Member, day: date) -> _Session:
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

    def group_sessions(self, team: Team) -> Iterator[_Session]:
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

    def mentoring_sessions(self, pairing: Pairing) -> Iterator[_Session]:
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

    def coaching_content(self, session: _Session, agent: Member) -> _Content:
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

    def mentoring_content(self, session: _Session, mentee: Member) -> _Content:
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

    def recognition_content(self, session: _Session, agent: Member) -> _Content:
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
            praise=Praise(reason, praise.behaviour, praise.kpi),
        )

    def welfare_content(self, session: _Session, agent: Member) -> _Content:
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

    def topic_for(self, agent: Member, day: date) -> Topic:
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

    def voice(self, agent: Member, coach: Member, day: date, kpi: str | None) -> Voice:
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

    def focus(self, topic: Topic, agent: Member, day: date, voice: Voice) -> _Focus:
        if topic.kpi is None:
            return _Focus(topic.skill, None, None, topic.target_text.format_map(voice), day + timedelta(days=7))
        return _Focus(
            topic.skill,
            topic.kpi,
            agent.target(topic.kpi),
            topic.target_text.format_map(voice),
            day + timedelta(days=14),
        )

    def rating(self, agent: Member, day: date) -> int:
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

    def ledger(self, session: _Session, agent: Member) -> str:
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

    def amend(self, entry: Row, amended: datetime, author: Member) -> None:
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


def goals_worked_on(agent: Member, kpi: str | None, day: date) -> list[str]:
    return [plan.goal_ids[kpi] for plan in agent.active_plans(day) if kpi in plan.goal_ids] if kpi else []


def next_steps_text(session: _Session, commitments: list[tuple[Member, Member, str]]) -> str:
    """The next steps as both sides agreed them: what each will do, checked at the next session."""
    lines = [
        f"{'Me' if owner is session.coach else owner.name.called}: {lower_first(wording)}."
        for owner, _coachee, wording in commitments
    ]
    return " ".join([*lines, check_line(session)])


def check_line(session: _Session) -> str:
    return "Check at the next mentoring session." if session.pairing else "Check at the next session."
