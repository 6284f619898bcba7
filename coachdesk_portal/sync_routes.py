"""`/v1/push` and `/v1/pull`: a notebook's changes in and out, each push answered change by change."""

# No `from __future__ import annotations` here: FastAPI reads the routes' annotations at runtime, and they name the
# caller dependencies local to `sync_router`.
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coachdesk.services import privacy
from coachdesk_portal.access import Access
from coachdesk_portal.access_routes import UNAUTHORISED
from coachdesk_portal.caller import current_caller
from coachdesk_portal.natural_keys import Aliases
from coachdesk_portal.protocol import UNREADABLE_BODY, Problem
from coachdesk_portal.records import (
    Caller,
    CursorExpired,
    Incoming,
    apply_change,
    feed_after,
    lock_scope,
    recorded_answer,
    records_after,
    reject,
)

MAX_PUSH = 500
MAX_PAGE = 500
MAX_VERSION = 2**31 - 1
"""The largest version the portal's integer columns hold on every database."""

REFUSALS: dict[int | str, dict[str, Any]] = {
    **UNAUTHORISED,
    403: {"model": Problem, "description": "The reporting tree does not open that notebook to the caller this way."},
}


class Change(BaseModel):
    change_id: str = Field(max_length=36, description="The change's UUID: the idempotency key of the push.")
    table: str = Field(max_length=60)
    record_id: str = Field(max_length=36)
    kind: Literal["edit", "withdraw"] = "edit"
    base_version: int = Field(
        ge=0, le=MAX_VERSION, description="The portal version the edit was made on; 0 for a new record."
    )
    fields: dict[str, Any] = Field(description="Each changed field's new value.")
    made_at: datetime | None = Field(default=None, description="The device's clock: a label, never an order.")


class Push(BaseModel):
    changes: list[Change] = Field(max_length=MAX_PUSH)


class Answer(BaseModel):
    change_id: str
    result: Literal["applied", "conflict", "rejected"]
    version: int | None = Field(default=None, description="The record's version on the portal now.")
    fields: dict[str, Any] = Field(default_factory=dict, description="Values the device must take from the portal.")
    lost: dict[str, Any] = Field(default_factory=dict, description="With conflict: the pushed values kept aside.")
    reason: str | None = Field(default=None, description="With rejected, or `duplicate` (section 2): why.")
    message: str | None = None
    existing_id: str | None = Field(
        default=None, description="The record this one was folded into: it held the same natural key first."
    )


class PushAnswer(BaseModel):
    answers: list[Answer]


class PulledChange(BaseModel):
    table: str
    record_id: str
    version: int
    fields: dict[str, Any]
    withdrawn: bool


class Page(BaseModel):
    changes: list[PulledChange]
    cursor: str = Field(description="Opaque: send it back as `after` for the next page.")
    more: bool


class Snapshot(BaseModel):
    records: list[PulledChange] = Field(description="Records as they are now, in id order.")
    cursor: str = Field(description="The feed's position as this page was read: pull after the first page's.")
    more: bool


RESYNC: dict[int | str, dict[str, Any]] = {
    410: {"model": Problem, "description": "The cursor is older than the feed kept here: read `/v1/records`."}
}


@cache
def known_fields() -> dict[str, frozenset[str]]:
    """The shareable fields of every shareable table: anything else is refused, never stored."""
    return {
        table.name: frozenset(table.c.keys()) - privacy.private_columns(table) for table in privacy.shareable_tables()
    }


def problem_with(change: Change) -> tuple[str, str] | None:
    fields = known_fields().get(change.table)
    if fields is None:
        return "table", f"The portal keeps no records of a table called “{change.table}”."
    unknown = sorted(set(change.fields) - fields)
    if unknown:
        return "field", f"The portal does not take {', '.join(unknown)} for {change.table}."
    return None


def sync_router(engine: Engine, clock: Callable[[], datetime]) -> APIRouter:
    router = APIRouter()
    writer = current_caller(engine, Access.READ_WRITE)
    reader = current_caller(engine, Access.READ)

    @router.post(
        "/v1/push",
        response_model=PushAnswer,
        responses={**REFUSALS, **UNREADABLE_BODY},
        summary="Send changes to the device's own notebook; each is answered, replays identically.",
    )
    def push(request: Push, caller: Annotated[Caller, Depends(writer)]) -> PushAnswer:
        now = clock().replace(tzinfo=None)
        answers = []
        with Session(engine) as session, session.begin():
            lock_scope(session, caller.scope)
            aliases = Aliases.of(session, caller.scope)
            for change in request.changes:
                answers.append(answer_one(session, caller, change, now, aliases))
        return PushAnswer(answers=[Answer(**answer) for answer in answers])

    @router.get(
        "/v1/pull",
        response_model=Page,
        responses={**REFUSALS, **RESYNC},
        summary="A notebook's changes after a cursor, one page at a time: the device's own, or one below its person.",
    )
    def pull(
        caller: Annotated[Caller, Depends(reader)],
        after: Annotated[str, Query(max_length=18, pattern=r"^\d*$")] = "",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE,
    ) -> Page | JSONResponse:
        try:
            with Session(engine) as session, session.begin():
                entries, last, more = feed_after(session, caller, int(after or 0), limit)
        except CursorExpired:
            problem = Problem(
                error="resync",
                message="This portal no longer keeps the changes after that cursor: compare the whole notebook.",
            )
            return JSONResponse(problem.model_dump(), status_code=410)
        changes = [PulledChange(**vars(entry)) for entry in entries]
        return Page(changes=changes, cursor=str(last), more=more)

    @router.get(
        "/v1/records",
        response_model=Snapshot,
        responses=REFUSALS,
        summary="A notebook's records as they are now, one page at a time, for a device that must resync.",
    )
    def records(
        caller: Annotated[Caller, Depends(reader)],
        after: Annotated[str, Query(max_length=36, description="The last record id of the page before.")] = "",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE,
    ) -> Snapshot:
        with Session(engine) as session, session.begin():
            entries, counter, more = records_after(session, caller.scope, after, limit)
        return Snapshot(records=[PulledChange(**vars(entry)) for entry in entries], cursor=str(counter), more=more)

    return router


def answer_one(session: Session, caller: Caller, change: Change, now: datetime, aliases: Aliases) -> dict[str, Any]:
    """The recorded answer for a replay; otherwise the change merged in its own savepoint."""
    replayed = recorded_answer(session, caller, change.change_id)
    if replayed is not None:
        return replayed
    incoming = Incoming(
        change.change_id, change.table, change.record_id, change.kind, change.base_version, change.fields
    )
    problem = problem_with(change)
    if problem is not None:
        return reject(session, caller, incoming, now, problem)
    with session.begin_nested():
        return apply_change(session, caller, incoming, now, aliases)
