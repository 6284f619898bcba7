"""The wire shapes both sides agree on, and the protocol versions this portal speaks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

PROTOCOLS = (1,)
"""Every protocol version this portal answers; a version stays here while any enrolled device still uses it."""


class Hello(BaseModel):
    client: str = Field(description="The client's name and version, for the portal's logs.")
    protocols: list[int] = Field(description="Every protocol version the client speaks.")
    device_id: str | None = Field(default=None, description="The device's id, or null before enrollment.")


class HelloAnswer(BaseModel):
    protocol: int = Field(description="The highest version both sides speak: the one the rest of the sync uses.")
    server_id: str = Field(description="The portal's identity; a client stops if it changes.")
    server_time: datetime = Field(description="The portal's clock (UTC), for the client's skew check.")
    server: str = Field(description="The portal's name and version.")


class Problem(BaseModel):
    error: str = Field(description="A code a client can act on.")
    message: str = Field(description="Plain words for a person.")
    supported: list[int] = Field(default_factory=list, description="With `protocol`: the versions spoken here.")


def common_protocol(offered: list[int]) -> int | None:
    shared = set(offered) & set(PROTOCOLS)
    return max(shared) if shared else None


class Unreadable(BaseModel):
    detail: str = Field(description="Why the request's body could not be read.")


UNREADABLE_BODY: dict[int | str, dict[str, Any]] = {400: {"model": Unreadable, "description": "The body is not JSON."}}
"""Every operation taking a JSON body may answer this, before the body reaches the operation."""
