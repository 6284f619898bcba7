"""How commands print: short readable lines by default, JSON for scripts."""

from __future__ import annotations

import json
from datetime import date
from typing import Any


def day(value: date | None) -> str:
    return value.strftime("%d %b %Y") if value else "—"


def print_json(value: Any) -> None:
    from coachdesk.services.jsonable import jsonable

    print(json.dumps(jsonable(value), ensure_ascii=False, indent=2))


def short_id(record_id: str) -> str:
    return record_id[:8]


def excerpt(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
