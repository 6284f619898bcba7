"""The portal's HTTP API. Stateless between requests: every process behind a load balancer reads the same database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import Engine

from coachdesk_portal.access_routes import add_access_routes
from coachdesk_portal.protocol import PROTOCOLS, UNREADABLE_BODY, Hello, HelloAnswer, Problem, common_protocol
from coachdesk_portal.store import portal_identity
from coachdesk_portal.sync_routes import sync_router
from coachdesk_portal.tracker_routes import tracker_router

SERVER = "coachdesk-portal 0.1.0"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(engine: Engine, clock: Clock = utc_now) -> FastAPI:
    server_id = portal_identity(engine, clock().replace(tzinfo=None))
    app = FastAPI(
        title="Coaching Portal",
        version="0.1.0",
        description="The server CoachDesk notebooks sync with; see docs/sync-protocol.md.",
    )

    @app.post(
        "/v1/hello",
        response_model=HelloAnswer,
        responses={**UNREADABLE_BODY, 409: {"model": Problem, "description": "No protocol version in common."}},
        summary="Negotiate the protocol version; learn the portal's identity and clock.",
    )
    def hello(request: Hello) -> HelloAnswer | JSONResponse:
        protocol = common_protocol(request.protocols)
        if protocol is None:
            problem = Problem(
                error="protocol",
                message=(
                    f"This Coaching Portal speaks sync protocol {', '.join(map(str, PROTOCOLS))}, and this CoachDesk "
                    f"speaks {', '.join(map(str, request.protocols)) or 'none'}. Update whichever is older."
                ),
                supported=list(PROTOCOLS),
            )
            return JSONResponse(problem.model_dump(), status_code=409)
        return HelloAnswer(protocol=protocol, server_id=server_id, server_time=clock(), server=SERVER)

    add_access_routes(app, engine, server_id, clock)
    app.include_router(sync_router(engine, clock))
    app.include_router(tracker_router(engine, clock))
    return app
