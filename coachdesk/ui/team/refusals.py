"""Known refusals handed back as results, so a dialog can show them beside its fields instead of in a message box."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from coachdesk.errors import CoachDeskError

T = TypeVar("T")


def catching(work: Callable[[], T]) -> Callable[[], T | CoachDeskError]:
    """`work` that returns a known problem instead of raising it; anything unexpected still raises and is reported."""

    def run() -> T | CoachDeskError:
        try:
            return work()
        except CoachDeskError as error:
            return error

    return run
