"""An enrolled notebook with an empty outbox, and how to read what the outbox holds."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest
from sqlalchemy import delete, select

from coachdesk.db import Notebook
from coachdesk.models import OutboxChange
from coachdesk.services import Services
from coachdesk.sync.outbox import Enrollment, enroll
from tests.conftest import NOW, Team

ENROLLMENT = Enrollment("device-laptop", "http://127.0.0.1:8765", "portal-one")


@pytest.fixture
def enrolled(services: Services, team: Team) -> Services:
    """The small team's notebook, enrolled, with the enrollment's first upload already answered."""
    with services.notebook.write(capture_changes=False) as session:
        enroll(session, ENROLLMENT, NOW)
        session.execute(delete(OutboxChange))
    return services


def outbox_rows(notebook: Notebook) -> list[OutboxChange]:
    with notebook.read() as session:
        return list(session.scalars(select(OutboxChange).order_by(OutboxChange.seq)))


def captured_fields(notebook: Notebook) -> dict[str, dict[str, Any]]:
    """Each record's queued fields, later changes over earlier ones, as the portal would end up with them."""
    fields: dict[str, dict[str, Any]] = defaultdict(dict)
    for row in outbox_rows(notebook):
        fields[row.record_id].update(json.loads(row.fields))
    return dict(fields)
