"""Who is calling: the one place the portal decides whose notebook a request reads or writes.

Until device tokens exist, a device names itself and its notebook in two headers. The bearer-token check replaces
`current_caller` alone; every route depends on it and on nothing else to know the caller.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, HTTPException

from coachdesk_portal.records import Caller


def current_caller(
    x_coachdesk_device: Annotated[str, Header(description="The calling device's id.")],
    x_coachdesk_notebook: Annotated[str, Header(description="The notebook (scope) the device is enrolled to.")],
) -> Caller:
    if not x_coachdesk_device or not x_coachdesk_notebook:
        raise HTTPException(status_code=401, detail="Say which device and notebook is calling.")
    return Caller(scope=x_coachdesk_notebook, device_id=x_coachdesk_device)
