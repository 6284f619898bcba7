"""Who may read or write whose notebook, decided from the reporting tree stored on the portal, never from a client.

A person reads and writes their own notebook; reads, never writes, the notebooks of everyone below them; and has
no access to anyone else's, peers and their own managers included.
"""

from __future__ import annotations

import enum
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk_portal.organisation import Person, PersonView, person_view


class Access(enum.Enum):
    NONE = "none"
    READ = "read"
    READ_WRITE = "read-write"

    def allows(self, wanted: Access) -> bool:
        order = [Access.NONE, Access.READ, Access.READ_WRITE]
        return order.index(self) >= order.index(wanted)


def access_to(session: Session, reader_id: str, owner_id: str) -> Access:
    """Walks up from the owner: meeting the reader on the way means the reader is above them."""
    if reader_id == owner_id:
        return Access.READ_WRITE
    seen = {owner_id}
    above = session.scalar(select(Person.reports_to).where(Person.id == owner_id))
    while above is not None and above not in seen:
        if above == reader_id:
            return Access.READ
        seen.add(above)
        above = session.scalar(select(Person.reports_to).where(Person.id == above))
    return Access.NONE


def readable_notebooks(session: Session, reader_id: str) -> list[tuple[PersonView, Access]]:
    """The reader's own notebook first, then everyone below them, in name order."""
    everyone = {person.id: person for person in session.scalars(select(Person).order_by(Person.name))}
    reader = everyone.get(reader_id)
    if reader is None:
        return []
    reports: dict[str | None, list[Person]] = defaultdict(list)
    for person in everyone.values():
        reports[person.reports_to].append(person)
    below: list[Person] = []
    waiting = list(reports[reader_id])
    while waiting:
        person = waiting.pop()
        if person.id != reader_id and person not in below:
            below.append(person)
            waiting.extend(reports[person.id])
    below.sort(key=lambda person: person.name)
    return [(person_view(reader), Access.READ_WRITE)] + [(person_view(person), Access.READ) for person in below]
