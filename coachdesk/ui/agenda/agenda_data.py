"""What the agenda view loads in one trip to the worker: the agenda, today's date, and where a closed one went."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coachdesk.services import Services
from coachdesk.services.agenda import AgendaView
from coachdesk.services.meetings import UPCOMING, MeetingView


@dataclass(frozen=True)
class AgendaData:
    view: AgendaView
    today: date
    next_meeting: MeetingView | None
    """For a meeting that is over: the series' next one, where its leftovers are."""

    @property
    def editable(self) -> bool:
        """Still to be held or in progress: the agenda can change."""
        return self.view.status in UPCOMING


def load_agenda(services: Services, meeting_id: str, *, prepare: bool) -> AgendaData:
    """The meeting's agenda; prepared (filled with what is due) when the meeting is opened and still to be held."""
    agenda = services.agenda
    view = agenda.agenda(meeting_id)
    if prepare and view.status in UPCOMING:
        view = agenda.prepare(meeting_id)
    following = None if view.status in UPCOMING else agenda.next_meeting(view.series.id)
    return AgendaData(view, services.settings.today(), following)
