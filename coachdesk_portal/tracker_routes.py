"""`/v1/tracker`: the coaching tracker of the caller's own notebook and of everyone's below them."""

# No `from __future__ import annotations` here: FastAPI reads the route's annotations at runtime, and they name the
# device dependency local to `tracker_router`.
from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coachdesk_portal.access_routes import UNAUTHORISED, bearer_device
from coachdesk_portal.organisation import DeviceView
from coachdesk_portal.tracker import MAX_WEEKS, Tracker, coaching_tracker

DEFAULT_WEEKS = 8


def tracker_router(engine: Engine, clock: Callable[[], datetime]) -> APIRouter:
    router = APIRouter()
    calling_device = bearer_device(engine)

    @router.get(
        "/v1/tracker",
        response_model=Tracker,
        responses=UNAUTHORISED,
        summary="Sessions and one-on-ones per manager per ISO week, overdue agents and commitments past due: the "
        "caller's own notebook and everyone's below them that has synced, never anyone above or beside them.",
    )
    def tracker(
        device: Annotated[DeviceView, Depends(calling_device)],
        weeks: Annotated[
            int, Query(ge=1, le=MAX_WEEKS, description="How many ISO weeks, ending with this one.")
        ] = DEFAULT_WEEKS,
    ) -> Tracker:
        with Session(engine) as session:
            return coaching_tracker(session, device.person_id, clock().date(), weeks)

    return router
