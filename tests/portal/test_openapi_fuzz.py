"""Schemathesis sends generated requests, valid and not, to every operation of the portal's served OpenAPI document,
with a real device token: no answer may be a server error, and every answer must be one the document describes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation.case import Case
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.orm import Session

from coachdesk_portal.app import create_app
from coachdesk_portal.organisation import add_person
from coachdesk_portal.sync_routes import known_fields
from coachdesk_portal.tracker import TRACKED_TABLES
from tests.conftest import NOW
from tests.portal.conftest import Organisation, opened, serving, token_of

EXAMPLES = 300
"""Per generation mode, spread over every operation: both modes take about a minute on the development machine."""


@pytest.fixture
def fuzzed_portal(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A portal on loopback over SQLite, its address and the token of a device of a manager with a synced record."""
    with opened(f"sqlite:///{tmp_path / 'portal.sqlite3'}") as engine, serving(create_app(engine)) as url:
        with Session(engine) as session, session.begin():
            lee = add_person(session, "lee@example.org", "Lee Park", None, NOW)
            dana = add_person(session, "dana@example.org", "Dana Reyes", lee.email, NOW)
        organisation = Organisation(engine, {"lee@example.org": lee.id, "dana@example.org": dana.id})
        token = token_of(url, organisation, "dana@example.org")
        pushed = httpx.post(
            f"{url}/v1/push",
            headers={"Authorization": f"Bearer {token}"},
            json={
                "changes": [
                    {
                        "change_id": "c1",
                        "table": "people",
                        "record_id": "p1",
                        "base_version": 0,
                        "fields": {"full_name": "Priya Shah", "is_agent": True, "start_date": "2025-12-01"},
                    }
                ]
            },
        )
        assert pushed.status_code == 200, pushed.text
        yield url, token


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_generated_request_gets_a_server_error_or_an_undocumented_answer(
    fuzzed_portal: tuple[str, str], mode: GenerationMode
) -> None:
    url, token = fuzzed_portal
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")

    @given(case=schema.as_strategy(mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    def answered_as_documented(case: Case) -> None:
        case.call_and_validate(
            headers={"Authorization": f"Bearer {token}"},
            checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
        )

    answered_as_documented()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=5,
)


@st.composite
def odd_records(draw: st.DrawFn) -> dict[str, Any]:
    """A change to a record the tracker counts, with any JSON in its fields: what a faulty client could push."""
    table = draw(st.sampled_from(TRACKED_TABLES))
    values = st.one_of(st.text(max_size=12), st.dates().map(date.isoformat), JSON)
    fields = draw(st.fixed_dictionaries({}, optional=dict.fromkeys(sorted(known_fields()[table]), values)))
    record = f"{table}-{draw(st.integers(1, 3))}"
    return {"change_id": str(uuid.uuid4()), "table": table, "record_id": record, "base_version": 0, "fields": fields}


def test_records_with_any_values_in_their_fields_never_break_the_tracker_or_the_pull(
    fuzzed_portal: tuple[str, str],
) -> None:
    url, token = fuzzed_portal
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}) as portal:

        @given(changes=st.lists(odd_records(), min_size=1, max_size=4))
        @settings(max_examples=EXAMPLES // 3, deadline=None, suppress_health_check=list(HealthCheck))
        def counted_and_pulled(changes: list[dict[str, Any]]) -> None:
            assert portal.post("/v1/push", json={"changes": changes}).status_code == 200
            assert portal.get("/v1/tracker").status_code == 200
            assert portal.get("/v1/pull").status_code == 200

        counted_and_pulled()
