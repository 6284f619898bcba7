"""Who is calling: the one place the portal decides whose notebook a request reads or writes.

The device is known by its bearer token alone (`bearer_device`); the notebook is its person's own unless the request
names another, which the reporting tree must then open to the caller (`access_to`). Nothing the client says about
itself beyond the token is believed.
"""

# No `from __future__ import annotations` here: FastAPI reads the dependency's annotations at runtime, and they
# name objects local to the function that builds it.
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Query
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coachdesk_portal.access import Access, access_to
from coachdesk_portal.access_routes import Refused, bearer_device
from coachdesk_portal.organisation import DeviceView
from coachdesk_portal.records import Caller

REFUSED_WORDS = {
    Access.READ: "This device's person may not read that notebook: only their own and those of people below them.",
    Access.READ_WRITE: "A device writes only to its own person's notebook; notebooks below them are read-only.",
}


def current_caller(engine: Engine, wanted: Access) -> Callable[..., Caller]:
    """A dependency giving the caller with the notebook it asked for, refused unless the tree grants `wanted`."""
    calling_device = bearer_device(engine)

    def caller(
        device: Annotated[DeviceView, Depends(calling_device)],
        notebook: Annotated[
            str | None,
            Query(max_length=64, description="The owner's person id; the calling device's own notebook if left out."),
        ] = None,
    ) -> Caller:
        owner = notebook or device.person_id
        with Session(engine) as session:
            granted = access_to(session, device.person_id, owner)
        if not granted.allows(wanted):
            raise Refused(403, "forbidden", REFUSED_WORDS[wanted])
        return Caller(scope=owner, device_id=device.id)

    return caller
