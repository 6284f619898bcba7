"""A pulled page lands as if each change were applied in order, though new records are inserted together."""

from __future__ import annotations

from sqlalchemy import select

from coachdesk.models import Person, SyncRecord
from coachdesk.services import Services
from coachdesk.sync.run import Pulled, apply_page
from tests.conftest import Team

NEW = "0b6f2a4e-2f57-4c1e-9c55-0d4f0e1a7c11"
NEVER_HAD = "5d1c9e0a-7b8f-4a0e-8d7e-6f2b9c3a4e22"


def test_a_page_creating_editing_and_withdrawing_records_ends_as_applied_one_by_one(
    enrolled: Services, team: Team
) -> None:
    page = [
        Pulled("people", NEW, 3, {"full_name": "Ada Lovel", "is_agent": True, "start_date": "2026-01-05"}, False),
        Pulled("people", team.priya.id, 4, {"role": "Senior adviser"}, False),
        Pulled("people", NEW, 5, {"full_name": "Ada Lovelace"}, False),
        Pulled("people", NEVER_HAD, 6, {}, True),
        Pulled("people", NEW, 2, {"employee_id": "A9"}, False),
    ]
    with enrolled.notebook.write(capture_changes=False) as session:
        apply_page(session, page)
    with enrolled.notebook.read() as session:
        ada = session.get_one(Person, NEW)
        assert (ada.full_name, ada.employee_id, str(ada.start_date)) == ("Ada Lovelace", "A9", "2026-01-05")
        assert session.get_one(Person, team.priya.id).role == "Senior adviser"
        assert session.get(Person, NEVER_HAD) is None
        versions = {record.record_id: record.version for record in session.scalars(select(SyncRecord))}
    assert versions == {NEW: 5, team.priya.id: 4, NEVER_HAD: 6}
