"""The one-on-one agenda: filled before the meeting, run item by item, and closed into the leader log.

Where leftovers go. An item left unfinished (not ticked, or deferred) at the last meeting *held*, and every item
still open on a later meeting that did not take place (cancelled, missed, postponed in an older notebook, or
scheduled on a day that went by unrecorded: "skipped"), belongs on the next meeting still to be held. `prepare`
copies it there with `carried_from_id` pointing at the item it continues. An item that already has a
continuation, even one since removed, is never copied again, so each leftover sits on exactly one agenda still to
come however meetings are created in advance, moved, cancelled or missed; when the meeting it was copied into
does not happen, the copy moves on in turn, once. Talking points waiting in the series join the next meeting the
same way. Items that stand for data (a commitment, a plan step, a KPI) are not copied: they are raised afresh
from that data while it still applies, linked to the unfinished item they continue. Template lines and the
recognition prompt are made anew for every meeting, on its first preparation.

Commitments. Ticking a commitment's item during the meeting means it was kept: `end` marks it done, followed up
at this meeting, with the item's notes as the follow-up note. Unticked, it stays open and comes back next time; a
manager says it was missed through the commitments panel. A commitment captured during the meeting is listed on
the agenda straight away, after the item it came from, already ticked: agreed. It is not "kept" by that tick; it
is the leader-log entry's next steps and comes up for follow-up at the next meeting.

Postponing moves the meeting itself, as `MeetingService.move_meeting` does: it stays scheduled at its new time
and keeps its first slot in `original_scheduled_at`, so every list still sees it as the next meeting, and its
agenda moves with it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.errors import ValidationError
from coachdesk.models import (
    AgendaItem,
    AgendaSource,
    Commitment,
    CommitmentStatus,
    LogEntry,
    LogEntryAgent,
    Meeting,
    MeetingStatus,
    OneOnOneSeries,
    Person,
    PlanStep,
    Recognition,
)
from coachdesk.services.agenda_goals import GoalWorkedOn, link_goals, meeting_goals, tick_goals
from coachdesk.services.agenda_items import (
    LINK_COLUMN,
    carry,
    data_key,
    live_items,
    pending_items,
    place,
    raised_from_data,
    renumber,
    series_meetings,
    waiting_points,
)
from coachdesk.services.agenda_minutes import next_steps_text, summary_text
from coachdesk.services.agenda_points import (
    commitment_line,
    data_points,
    recognition_prompt,
    template_lines,
)
from coachdesk.services.base import Clock, alive, live, person_names, required_text
from coachdesk.services.commitments import CommitmentDraft, CommitmentView, add_commitment, commitment_views
from coachdesk.services.log import MAX_DURATION_MINUTES, kind_by_key
from coachdesk.services.meetings import (
    UPCOMING,
    MeetingService,
    MeetingView,
    SeriesView,
    meeting_view,
    next_slot,
    series_view,
    when_words,
)
from coachdesk.services.recognition import RecognitionView, recognition_views
from coachdesk.services.settings import ServiceWithSettings, SettingsService

MIN_LOGGED_MINUTES = 5
ONE_ON_ONE_KIND = "one_on_one"

CLOSED_WORDS = {
    MeetingStatus.HELD: "has already ended",
    MeetingStatus.CANCELLED: "was cancelled",
    MeetingStatus.MISSED: "was marked missed",
    MeetingStatus.POSTPONED: "was postponed",
}


@dataclass(frozen=True)
class AgendaEntry:
    """One line of a meeting's agenda, with what the agenda view shows beside it."""

    id: str
    series_id: str
    meeting_id: str | None
    position: int
    text: str
    source: AgendaSource
    done: bool
    deferred: bool
    notes: str
    seconds_spent: int
    is_private: bool
    added_by_name: str | None
    commitment_id: str | None
    step_id: str | None
    kpi_id: str | None
    carried_from_id: str | None
    carried_from_at: datetime | None
    """When the meeting this item was carried from was scheduled."""
    previous_notes: str
    """The notes written on the item this one continues."""
    due_on: date | None
    """The commitment's or the plan step's due date."""
    overdue: bool
    commitment_status: CommitmentStatus | None
    made_here: bool
    """A commitment captured in this meeting: listed as agreed, not as kept."""

    @property
    def carried(self) -> bool:
        return self.carried_from_id is not None


@dataclass(frozen=True)
class AgendaView:
    meeting: MeetingView
    series: SeriesView
    report_name: str
    manager_name: str
    items: tuple[AgendaEntry, ...]
    elapsed_seconds: int
    status: MeetingStatus
    summary: str
    """What the manager wrote when ending the meeting."""
    last_held_at: datetime | None
    """When the series last met before this meeting."""
    entry_id: str | None
    """The leader-log entry the meeting was written into once it ended."""
    goals: tuple[GoalWorkedOn, ...]
    """The report's open plan goals, ticked where the meeting worked on them."""


@dataclass(frozen=True)
class EndedMeeting:
    entry_id: str
    meeting: MeetingView
    next_meeting: MeetingView | None
    carried: tuple[AgendaEntry, ...]
    """This meeting's leftovers as they now stand on the next meeting's agenda."""
    kept: tuple[CommitmentView, ...]
    """Commitments marked done because their items were ticked."""
    made: tuple[CommitmentView, ...]
    """Commitments captured in the meeting: the log entry's next steps."""


class AgendaService(ServiceWithSettings):
    def __init__(self, notebook: Notebook, clock: Clock, settings: SettingsService, meetings: MeetingService) -> None:
        super().__init__(notebook, clock, settings)
        self._meetings = meetings

    def prepare(self, meeting_id: str) -> AgendaView:
        """Fills the agenda of a meeting still to be held with what is due, adding only what is not there yet."""
        with self._notebook.write() as session:
            meeting = live(session, Meeting, meeting_id, "meeting")
            self._fill(session, meeting)
            return self._view(session, meeting)

    def agenda(self, meeting_id: str) -> AgendaView:
        with self._notebook.read() as session:
            return self._view(session, live(session, Meeting, meeting_id, "meeting"))

    def next_meeting(self, series_id: str) -> MeetingView | None:
        """The meeting in progress, or the earliest one scheduled from today on."""
        with self._notebook.read() as session:
            live(session, OneOnOneSeries, series_id, "one-on-one series")
            following = next(
                (m for m in series_meetings(session, series_id) if self._to_be_held(m)),
                None,
            )
            return meeting_view(following) if following else None

    def in_progress(self) -> MeetingView | None:
        """The meeting started last and not ended: the app reopens it on start, as it was left."""
        with self._notebook.read() as session:
            meeting = session.scalar(
                select(Meeting)
                .where(Meeting.status == MeetingStatus.IN_PROGRESS, alive(Meeting))
                .order_by(Meeting.started_at.desc(), Meeting.created_at.desc())
                .limit(1)
            )
            return meeting_view(meeting) if meeting else None

    def start(self, meeting_id: str) -> AgendaView:
        """Starts the meeting, or resumes one in progress where it was left."""
        with self._notebook.write() as session:
            meeting = self._open_meeting(session, meeting_id, "started")
            self._fill(session, meeting)
            if meeting.status is MeetingStatus.SCHEDULED:
                meeting.status = MeetingStatus.IN_PROGRESS
                meeting.started_at = self._clock()
            return self._view(session, meeting)

    def tick(self, item_id: str, done: bool) -> AgendaEntry:
        """Ticks an item off, or back on; either way it is no longer deferred."""
        with self._notebook.write() as session:
            item = self._editable_item(session, item_id)
            item.done, item.deferred = done, False
            item.done_at = self._clock() if done else None
            return self._entry(session, item)

    def write_notes(self, item_id: str, notes: str) -> AgendaEntry:
        with self._notebook.write() as session:
            item = self._editable_item(session, item_id)
            item.notes = notes.strip()
            return self._entry(session, item)

    def defer(self, item_id: str) -> AgendaEntry:
        """Leaves an item for next time: it is carried to the next meeting when this one ends."""
        with self._notebook.write() as session:
            item = self._editable_item(session, item_id)
            item.done, item.deferred, item.done_at = False, True, None
            return self._entry(session, item)

    def add_item(
        self, meeting_id: str, text: str, *, is_private: bool = False, added_by_id: str | None = None
    ) -> AgendaEntry:
        """A talking point raised in (or before) the meeting, at the end of its agenda."""
        with self._notebook.write() as session:
            meeting = self._open_meeting(session, meeting_id, "changed")
            if added_by_id is not None:
                live(session, Person, added_by_id, "person")
            series = self._series(session, meeting)
            item = AgendaItem(
                series_id=series.id,
                meeting_id=meeting.id,
                text=required_text(text, "text", "An agenda item"),
                added_by_id=added_by_id or self._settings.owner_id() or series.manager_id,
                source=AgendaSource.TALKING_POINT,
                position=len(live_items(session, meeting.id)),
                is_private=is_private,
            )
            session.add(item)
            session.flush()
            return self._entry(session, item)

    def set_private(self, item_id: str, private: bool) -> AgendaEntry:
        """Keeps an item (and the commitment it stands for) to the manager, or shares it again."""
        with self._notebook.write() as session:
            item = self._editable_item(session, item_id)
            item.is_private = private
            if item.commitment_id is not None:
                live(session, Commitment, item.commitment_id, "commitment").is_private = private
            return self._entry(session, item)

    def work_on_goals(self, meeting_id: str, goal_ids: Collection[str]) -> tuple[GoalWorkedOn, ...]:
        """Ticks the report's plan goals the meeting worked on (exactly these); ending it makes them evidence."""
        with self._notebook.write() as session:
            meeting = self._open_meeting(session, meeting_id, "changed")
            report_id = self._series(session, meeting).report_id
            tick_goals(session, meeting.id, report_id, goal_ids)
            session.flush()
            return meeting_goals(session, meeting.id, report_id)

    def remove(self, item_id: str) -> AgendaView:
        """Takes an item off the agenda; it is not raised again for this meeting."""
        with self._notebook.write() as session:
            item = self._editable_item(session, item_id)
            item.deleted = True
            meeting = self._meeting_of(session, item)
            renumber(live_items(session, meeting.id))
            return self._view(session, meeting)

    def move(self, item_id: str, new_position: int) -> AgendaView:
        """Moves an item to a place in the order (clamped to the agenda), the others closing up around it."""
        with self._notebook.write() as session:
            item = self._editable_item(session, item_id)
            meeting = self._meeting_of(session, item)
            ordered = [i for i in live_items(session, meeting.id) if i is not item]
            ordered.insert(max(0, min(new_position, len(ordered))), item)
            renumber(ordered)
            return self._view(session, meeting)

    def save_time(self, meeting_id: str, elapsed_seconds: int, item_seconds: Mapping[str, int]) -> MeetingView:
        """Keeps the running timers, so a meeting interrupted by a crash or a closed lid resumes where it was."""
        if elapsed_seconds < 0:
            raise ValidationError("The meeting's time cannot be negative.", "elapsed_seconds")
        if any(seconds < 0 for seconds in item_seconds.values()):
            raise ValidationError("The time spent on an item cannot be negative.", "item_seconds")
        with self._notebook.write() as session:
            meeting = self._open_meeting(session, meeting_id, "timed")
            items = {i.id: i for i in live_items(session, meeting.id)}
            strangers = set(item_seconds) - set(items)
            if strangers:
                raise ValidationError("Some timed items are not on this meeting's agenda.", "item_seconds")
            meeting.elapsed_seconds = elapsed_seconds
            for item_id, seconds in item_seconds.items():
                items[item_id].seconds_spent = seconds
            return meeting_view(meeting)

    def capture_commitment(
        self,
        meeting_id: str,
        text: str,
        owner_id: str,
        due_on: date | None,
        item_id: str | None = None,
        *,
        is_private: bool = False,
    ) -> CommitmentView:
        """A commitment agreed in the meeting, by the report or the manager, for the report's coaching.

        It is listed on the agenda after the item it came from (or at the end), ticked as agreed.
        """
        wording = required_text(text, "text", "A commitment")
        today = self.today()
        if due_on is not None and due_on < today:
            raise ValidationError("A commitment made today cannot be due on a day that has passed.", "due_on")
        with self._notebook.write() as session:
            meeting = self._open_meeting(session, meeting_id, "changed")
            series = self._series(session, meeting)
            if owner_id not in (series.report_id, series.manager_id):
                names = person_names(session)
                raise ValidationError(
                    f"A commitment made in this one-on-one is owned by {names.get(series.report_id, '?')} "
                    f"or {names.get(series.manager_id, '?')}.",
                    "owner_id",
                )
            items = live_items(session, meeting.id)
            after = None
            if item_id is not None:
                after = live(session, AgendaItem, item_id, "agenda item")
                if after not in items:
                    raise ValidationError("That agenda item is not on this meeting's agenda.", "item_id")
            draft = CommitmentDraft(
                wording, owner_id, due_on, series.report_id, is_private or (after is not None and after.is_private)
            )
            commitment = add_commitment(session, draft, today, origin="meeting", meeting_id=meeting.id)
            session.flush()
            item = AgendaItem(
                series_id=series.id,
                meeting_id=meeting.id,
                text=commitment_line(person_names(session).get(owner_id, "?"), commitment.text),
                added_by_id=self._settings.owner_id() or series.manager_id,
                source=AgendaSource.COMMITMENT,
                commitment_id=commitment.id,
                done=True,
                done_at=self._clock(),
                is_private=commitment.is_private,
            )
            session.add(item)
            items.insert(items.index(after) + 1 if after is not None else len(items), item)
            renumber(items)
            return commitment_views(session, [commitment], today)[0]

    def recognise(
        self, meeting_id: str, reason: str, behaviour: str = "", *, is_private: bool = False
    ) -> RecognitionView:
        """Recognition for the report, given by the manager in this meeting; it ticks off the recognition prompt."""
        with self._notebook.write() as session:
            meeting = self._open_meeting(session, meeting_id, "changed")
            series = self._series(session, meeting)
            recognition = Recognition(
                person_id=series.report_id,
                given_by_id=series.manager_id,
                given_on=self.today(),
                reason=required_text(reason, "reason", "What the recognition is for"),
                behaviour=behaviour.strip(),
                meeting_id=meeting.id,
                is_private=is_private,
            )
            session.add(recognition)
            for item in live_items(session, meeting.id):
                if item.source is AgendaSource.RECOGNITION and not item.done:
                    item.done, item.deferred, item.done_at = True, False, self._clock()
            session.flush()
            return recognition_views(session, [recognition])[0]

    def end(self, meeting_id: str, summary: str = "") -> EndedMeeting:
        """Closes the meeting: its leader-log entry, its kept commitments, and its leftovers on the next agenda."""
        with self._notebook.write() as session:
            meeting = live(session, Meeting, meeting_id, "meeting")
            if meeting.status is MeetingStatus.HELD:
                raise ValidationError(
                    f"The one-on-one on {when_words(meeting.scheduled_at)} has already ended; its summary is in "
                    "the leader log.",
                    "meeting_id",
                )
            self._open_meeting(session, meeting_id, "ended")
            series = self._series(session, meeting)
            today, now = self.today(), self._clock()
            items = live_items(session, meeting.id)
            meeting.status, meeting.ended_at, meeting.notes = MeetingStatus.HELD, now, summary.strip()
            if not meeting.elapsed_seconds and meeting.started_at is not None:
                meeting.elapsed_seconds = max(0, int((now - meeting.started_at).total_seconds()))
            made = list(
                session.scalars(
                    select(Commitment)
                    .where(Commitment.source_meeting_id == meeting.id, alive(Commitment))
                    .order_by(Commitment.created_at)
                )
            )
            kept = self._keep_ticked(session, meeting, items, {c.id for c in made})
            entry = self._log(session, meeting, series, items, made)
            for commitment in made:
                commitment.source_entry_id = entry.id
            for commitment in kept:
                commitment.followed_up_entry_id = entry.id
            link_goals(session, meeting.id, entry.id)
            following = self._following(session, series, meeting)
            carried: list[AgendaEntry] = []
            if following is not None:
                self._fill(session, following)
                ended_ids = {i.id for i in items}
                carried = [
                    e
                    for e in self._entries(session, live_items(session, following.id))
                    if e.carried_from_id in ended_ids
                ]
            session.flush()
            return EndedMeeting(
                entry_id=entry.id,
                meeting=meeting_view(meeting),
                next_meeting=meeting_view(following) if following else None,
                carried=tuple(carried),
                kept=tuple(commitment_views(session, kept, today)),
                made=tuple(commitment_views(session, made, today)),
            )

    def set_status(self, meeting_id: str, status: MeetingStatus, *, moved_to: datetime | None = None) -> MeetingView:
        """Postpones (to `moved_to`), cancels or marks missed a meeting still scheduled.

        A postponed meeting is moved and stays scheduled (see the module's notes); the agenda of a cancelled or
        missed one goes to the next meeting when that is prepared.
        """
        if status is MeetingStatus.POSTPONED:
            if moved_to is None:
                raise ValidationError("Choose the day and time the meeting moves to.", "moved_to")
            return self._meetings.move_meeting(meeting_id, moved_to)
        if moved_to is not None:
            raise ValidationError("Only a postponed meeting moves to a new time.", "moved_to")
        if status is MeetingStatus.CANCELLED:
            return self._meetings.cancel_meeting(meeting_id)
        if status is MeetingStatus.MISSED:
            return self._meetings.mark_missed(meeting_id)
        raise ValidationError(
            "A meeting is started and ended from its agenda; here it can only be postponed, cancelled or marked "
            "missed.",
            "status",
        )

    def _fill(self, session: Session, meeting: Meeting) -> None:
        """Adds what is owed to a meeting still to be held, in the agenda's order; see the module's notes."""
        if meeting.status not in UPCOMING:
            return
        series = self._series(session, meeting)
        report = live(session, Person, series.report_id, "report")
        meetings = series_meetings(session, series.id)
        earlier = meetings[: meetings.index(meeting)]
        window = self._leftover_window(earlier)
        pending = pending_items(session, series.id, window)
        linked = {(item.source, data_key(item)): item for item in pending if raised_from_data(item)}
        existing = list(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)))
        raised = {(item.source, data_key(item)): item for item in sorted(existing, key=lambda item: not item.deleted)}
        current = [item for item in existing if not item.deleted]
        current.sort(key=lambda item: (item.position, item.created_at, item.id))
        new: list[AgendaItem] = [carry(item, meeting) for item in pending if not raised_from_data(item)]
        if not any(self._to_be_held(m) for m in earlier):
            new.extend(waiting_points(session, series.id, meeting))
        last_held = next((m for m in reversed(earlier) if m.status is MeetingStatus.HELD), None)
        for point in data_points(session, series.id, report.id, meeting.id, self.today()):
            before = linked.get((point.source, point.key))
            found = raised.get((point.source, point.key))
            if found is None:
                new.append(
                    AgendaItem(
                        series_id=series.id,
                        meeting_id=meeting.id,
                        text=point.text,
                        source=point.source,
                        carried_from_id=before.id if before else None,
                        is_private=point.is_private,
                        **{LINK_COLUMN[point.source]: point.key},
                    )
                )
            elif before is not None and not found.deleted and found.carried_from_id is None:
                found.carried_from_id = before.id
        prompt = self._recognition_prompt(
            session, series, report, meeting, last_held=last_held, prompt=raised.get((AgendaSource.RECOGNITION, None))
        )
        new.extend(prompt)
        if not any(source is AgendaSource.TEMPLATE for source, _key in raised):
            new.extend(
                AgendaItem(series_id=series.id, meeting_id=meeting.id, text=line, source=AgendaSource.TEMPLATE)
                for line in template_lines(session, series, report)
            )
        for item in new:
            session.add(item)
        place(current, new)

    def _leftover_window(self, earlier: list[Meeting]) -> list[Meeting]:
        """The meetings whose leftovers come to the meeting after `earlier`: back to the last one held.

        A meeting still to be held before it takes them instead, so the window stops there.
        """
        window: list[Meeting] = []
        for meeting in reversed(earlier):
            if self._to_be_held(meeting):
                break
            window.append(meeting)
            if meeting.status is MeetingStatus.HELD:
                break
        return window[::-1]

    def _recognition_prompt(
        self,
        session: Session,
        series: OneOnOneSeries,
        report: Person,
        meeting: Meeting,
        *,
        last_held: Meeting | None,
        prompt: AgendaItem | None,
    ) -> list[AgendaItem]:
        """One recognition prompt per meeting (the new one, if any), its wording kept current until the start."""
        since = last_held.scheduled_at.date() if last_held else self.today() - timedelta(days=series.interval_days)
        text, is_private = recognition_prompt(session, report, since, last_held)
        if prompt is None:
            return [
                AgendaItem(
                    series_id=series.id,
                    meeting_id=meeting.id,
                    text=text,
                    source=AgendaSource.RECOGNITION,
                    is_private=is_private,
                )
            ]
        if meeting.status is MeetingStatus.SCHEDULED and not (prompt.deleted or prompt.done or prompt.notes):
            prompt.text, prompt.is_private = text, is_private
        return []

    def _keep_ticked(
        self, session: Session, meeting: Meeting, items: list[AgendaItem], made_here: set[str]
    ) -> list[Commitment]:
        kept = []
        for item in items:
            if item.source is not AgendaSource.COMMITMENT or not item.done or item.commitment_id in made_here:
                continue
            commitment = session.get(Commitment, item.commitment_id)
            if commitment is not None and not commitment.deleted and commitment.status is CommitmentStatus.OPEN:
                commitment.status = CommitmentStatus.DONE
                commitment.resolved_on = self.today()
                commitment.follow_up_note = item.notes
                commitment.followed_up_meeting_id = meeting.id
                kept.append(commitment)
        return kept

    def _log(
        self,
        session: Session,
        meeting: Meeting,
        series: OneOnOneSeries,
        items: list[AgendaItem],
        made: list[Commitment],
    ) -> LogEntry:
        names = person_names(session)
        made_ids = {c.id for c in made}
        discussed = [i for i in items if not (i.source is AgendaSource.COMMITMENT and i.commitment_id in made_ids)]
        recognitions = session.execute(
            select(Recognition.reason, Recognition.is_private)
            .where(Recognition.meeting_id == meeting.id, alive(Recognition))
            .order_by(Recognition.created_at)
        ).all()
        shared = [i for i in discussed if not i.is_private]
        private = [i for i in discussed if i.is_private]
        what_happened = summary_text(meeting.notes, shared, [r for r, hidden in recognitions if not hidden])
        private_notes = "\n\n".join(
            part
            for part in (
                summary_text("", private, [r for r, hidden in recognitions if hidden]),
                next_steps_text([c for c in made if c.is_private], names),
            )
            if part
        )
        seconds = meeting.elapsed_seconds
        entry = LogEntry(
            coach_id=series.manager_id,
            kind_id=kind_by_key(session, ONE_ON_ONE_KIND).id,
            held_on=self.today(),
            started_at=meeting.started_at.time().replace(second=0, microsecond=0) if meeting.started_at else None,
            duration_minutes=min(MAX_DURATION_MINUTES, max(MIN_LOGGED_MINUTES, round(seconds / 60))),
            what_happened=what_happened or f"One-on-one with {names.get(series.report_id, '?')}; nothing was noted.",
            next_steps=next_steps_text([c for c in made if not c.is_private], names),
            private_notes=private_notes,
            meeting_id=meeting.id,
        )
        session.add(entry)
        session.flush()
        session.add(LogEntryAgent(entry_id=entry.id, agent_id=series.report_id))
        return entry

    def _following(self, session: Session, series: OneOnOneSeries, ended: Meeting) -> Meeting | None:
        """The series' next meeting, scheduled by its cadence when none is coming up (and the series is active)."""
        upcoming = next((m for m in series_meetings(session, series.id) if self._to_be_held(m)), None)
        if upcoming is not None or not series.active:
            return upcoming
        at = next_slot(ended.scheduled_at, series.interval_days, series.weekday, series.usual_time, self._clock())
        meeting = Meeting(series_id=series.id, scheduled_at=at, duration_minutes=series.duration_minutes)
        session.add(meeting)
        session.flush()
        return meeting

    def _to_be_held(self, meeting: Meeting) -> bool:
        """In progress, or scheduled from today on; a scheduled day that went by unrecorded was skipped."""
        if meeting.status is MeetingStatus.IN_PROGRESS:
            return True
        return meeting.status is MeetingStatus.SCHEDULED and meeting.scheduled_at >= datetime.combine(
            self.today(), time()
        )

    def _open_meeting(self, session: Session, meeting_id: str, verb: str) -> Meeting:
        meeting = live(session, Meeting, meeting_id, "meeting")
        if meeting.status not in UPCOMING:
            raise ValidationError(
                f"The one-on-one on {when_words(meeting.scheduled_at)} {CLOSED_WORDS[meeting.status]}, so it "
                f"cannot be {verb}.",
                "meeting_id",
            )
        return meeting

    def _editable_item(self, session: Session, item_id: str) -> AgendaItem:
        item = live(session, AgendaItem, item_id, "agenda item")
        if item.meeting_id is None:
            raise ValidationError("This talking point waits for the next meeting; prepare its agenda first.", "item_id")
        self._open_meeting(session, item.meeting_id, "changed")
        return item

    @staticmethod
    def _meeting_of(session: Session, item: AgendaItem) -> Meeting:
        return live(session, Meeting, item.meeting_id or "", "meeting")

    @staticmethod
    def _series(session: Session, meeting: Meeting) -> OneOnOneSeries:
        return live(session, OneOnOneSeries, meeting.series_id, "one-on-one series")

    def _view(self, session: Session, meeting: Meeting) -> AgendaView:
        session.flush()
        series = self._series(session, meeting)
        names = person_names(session)
        last_held = session.scalar(
            select(func.max(Meeting.scheduled_at)).where(
                Meeting.series_id == series.id,
                Meeting.status == MeetingStatus.HELD,
                Meeting.scheduled_at < meeting.scheduled_at,
                Meeting.id != meeting.id,
                alive(Meeting),
            )
        )
        entry_id = session.scalar(
            select(LogEntry.id).where(LogEntry.meeting_id == meeting.id, alive(LogEntry)).order_by(LogEntry.created_at)
        )
        return AgendaView(
            meeting=meeting_view(meeting),
            series=series_view(session, series),
            report_name=names.get(series.report_id, "?"),
            manager_name=names.get(series.manager_id, "?"),
            items=tuple(self._entries(session, live_items(session, meeting.id))),
            elapsed_seconds=meeting.elapsed_seconds,
            status=meeting.status,
            summary=meeting.notes,
            last_held_at=last_held,
            entry_id=entry_id,
            goals=meeting_goals(session, meeting.id, series.report_id),
        )

    def _entry(self, session: Session, item: AgendaItem) -> AgendaEntry:
        session.flush()
        return self._entries(session, [item])[0]

    def _entries(self, session: Session, items: list[AgendaItem]) -> list[AgendaEntry]:
        """Views of agenda items, with their commitments, steps and carried-from meetings in a few queries."""
        today = self.today()
        names = person_names(session)
        earlier = {
            item_id: (at, notes)
            for item_id, at, notes in session.execute(
                select(AgendaItem.id, Meeting.scheduled_at, AgendaItem.notes)
                .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                .where(AgendaItem.id.in_([i.carried_from_id for i in items if i.carried_from_id]))
            )
        }
        commitments = {
            c.id: c
            for c in session.scalars(
                select(Commitment).where(Commitment.id.in_([i.commitment_id for i in items if i.commitment_id]))
            )
        }
        steps = {
            s.id: s
            for s in session.scalars(select(PlanStep).where(PlanStep.id.in_([i.step_id for i in items if i.step_id])))
        }
        entries = []
        for item in items:
            commitment = commitments.get(item.commitment_id or "")
            step = steps.get(item.step_id or "")
            carried_from_at, previous_notes = earlier.get(item.carried_from_id or "", (None, ""))
            due_on = commitment.due_on if commitment else step.due_on if step else None
            still_due = (
                (commitment.status is CommitmentStatus.OPEN)
                if commitment
                else (step is not None and step.completed_on is None)
            )
            entries.append(
                AgendaEntry(
                    id=item.id,
                    series_id=item.series_id,
                    meeting_id=item.meeting_id,
                    position=item.position,
                    text=item.text,
                    source=item.source,
                    done=item.done,
                    deferred=item.deferred,
                    notes=item.notes,
                    seconds_spent=item.seconds_spent,
                    is_private=item.is_private,
                    added_by_name=names.get(item.added_by_id or ""),
                    commitment_id=item.commitment_id,
                    step_id=item.step_id,
                    kpi_id=item.kpi_id,
                    carried_from_id=item.carried_from_id,
                    carried_from_at=carried_from_at,
                    previous_notes=previous_notes,
                    due_on=due_on,
                    overdue=still_due and due_on is not None and due_on < today,
                    commitment_status=commitment.status if commitment else None,
                    made_here=commitment is not None and commitment.source_meeting_id == item.meeting_id,
                )
            )
        return entries
