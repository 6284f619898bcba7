"""Running notebook work off the GUI thread.

All disk work goes to one worker thread, in order (so two writes never race), and each result or error comes
back to the GUI thread through a queued signal. `ImmediateTaskRunner` has the same interface and runs work on
the spot, which keeps widget tests deterministic.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

T = TypeVar("T")
OnError = Callable[[BaseException], object]


class TaskRunner(Protocol):
    def submit(self, work: Callable[[], T], on_done: Callable[[T], object], on_error: OnError) -> None: ...

    def shutdown(self) -> None: ...


class _Delivery(QObject):
    """Lives in the GUI thread; a signal emitted from the worker runs the callback here."""

    arrived = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _run(callback: Callable[[], None]) -> None:
        callback()


class ThreadTaskRunner:
    def __init__(self, name: str = "coachdesk-notebook") -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._delivery = _Delivery()

    def submit(self, work: Callable[[], T], on_done: Callable[[T], object], on_error: OnError) -> None:
        def run() -> None:
            try:
                result = work()
            except BaseException as error:
                self._delivery.arrived.emit(partial(on_error, error))
            else:
                self._delivery.arrived.emit(partial(on_done, result))

        self._executor.submit(run)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


class ImmediateTaskRunner:
    def submit(self, work: Callable[[], Any], on_done: Callable[[Any], object], on_error: OnError) -> None:
        try:
            result = work()
        except BaseException as error:
            on_error(error)
        else:
            on_done(result)

    def shutdown(self) -> None:
        return None
