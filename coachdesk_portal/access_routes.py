"""Enrollment, the bearer-token check every authenticated request passes, and the list of notebooks a caller reads."""

# No `from __future__ import annotations` here: FastAPI reads the dependencies' annotations at runtime, and they
# name objects local to the functions that build the routes.
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coachdesk_portal.access import readable_notebooks
from coachdesk_portal.organisation import DeviceView, OrganisationError, device_for_token, enroll_device
from coachdesk_portal.protocol import UNREADABLE_BODY, Problem


class Refused(Exception):
    """Answers the request with a Problem: an error code a client acts on and words for the person."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.problem = Problem(error=error, message=message)


def answer_refusal(_request: Request, refusal: Exception) -> JSONResponse:
    assert isinstance(refusal, Refused)
    return JSONResponse(refusal.problem.model_dump(exclude={"supported"}), status_code=refusal.status)


class EnrollRequest(BaseModel):
    code: str = Field(description="The one-time enrollment code the portal's administrator gave the person.")
    device_id: str = Field(min_length=1, max_length=64, description="The device's own id (a UUID it made).")
    device_name: str = Field(default="", max_length=200, description="A name people recognise, e.g. 'Work laptop'.")


class EnrollAnswer(BaseModel):
    token: str = Field(description="The device's bearer token. Sent once: the portal keeps only its hash.")
    person_id: str = Field(description="The person this device belongs to; their notebook is its scope.")
    person_name: str
    person_email: str = Field(description="The person's email on the portal, by which a new device knows its owner.")
    server_id: str = Field(description="The portal's identity, remembered by the device.")


class Notebook(BaseModel):
    owner_id: str = Field(description="The person whose notebook this is.")
    owner_name: str
    owner_email: str
    access: str = Field(description="`read-write` for the caller's own notebook, `read` for those below them.")


class Notebooks(BaseModel):
    notebooks: list[Notebook]


UNAUTHORISED: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "No token, an unknown token, or a revoked device."}
}


def bearer_device(engine: Engine) -> Callable[..., DeviceView]:
    """A dependency giving the calling device, refusing unknown and revoked tokens on the spot."""
    bearer = HTTPBearer(auto_error=False, description="The device token received at enrollment.")

    def calling_device(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> DeviceView:
        if credentials is None:
            raise Refused(401, "unauthorised", "This request needs the device's token; enroll the device first.")
        with Session(engine) as session:
            device = device_for_token(session, credentials.credentials)
        if device is None:
            raise Refused(
                401, "unauthorised", "The portal does not know this device's token; enroll it again with a new code."
            )
        if device.revoked_at is not None:
            raise Refused(
                401,
                "revoked",
                f"This device ({device.name}) was revoked on the portal on {device.revoked_at:%d %b %Y}; "
                "ask the portal's administrator for a new enrollment code.",
            )
        return device

    return calling_device


def add_access_routes(app: FastAPI, engine: Engine, server_id: str, clock: Callable[[], datetime]) -> None:
    app.add_exception_handler(Refused, answer_refusal)
    router = APIRouter()
    calling_device = bearer_device(engine)

    @router.post(
        "/v1/enroll",
        response_model=EnrollAnswer,
        responses={
            **UNREADABLE_BODY,
            403: {"model": Problem, "description": "The code is unknown, used or expired."},
            409: {"model": Problem, "description": "A device with this id is already enrolled; the code is unspent."},
        },
        summary="Exchange a one-time enrollment code for this device's token.",
    )
    def enroll(request: EnrollRequest) -> EnrollAnswer:
        with Session(engine) as session, session.begin():
            try:
                enrolled = enroll_device(
                    session, request.code, request.device_id, request.device_name, clock().replace(tzinfo=None)
                )
            except OrganisationError as problem:
                raise Refused(409 if problem.error == "device" else 403, problem.error, str(problem)) from None
        return EnrollAnswer(
            token=enrolled.token,
            person_id=enrolled.person.id,
            person_name=enrolled.person.name,
            person_email=enrolled.person.email,
            server_id=server_id,
        )

    @router.get(
        "/v1/notebooks",
        response_model=Notebooks,
        responses=UNAUTHORISED,
        summary="The notebooks the caller may read: their own (read-write) and everyone's below them (read).",
    )
    def notebooks(device: Annotated[DeviceView, Depends(calling_device)]) -> Notebooks:
        with Session(engine) as session:
            readable = readable_notebooks(session, device.person_id)
        return Notebooks(
            notebooks=[
                Notebook(owner_id=person.id, owner_name=person.name, owner_email=person.email, access=access.value)
                for person, access in readable
            ]
        )

    app.include_router(router)
