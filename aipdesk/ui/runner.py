"""One database worker for the window: every operation and every read runs on it, one
after another, off the GUI thread.

`call` runs a function there and waits for it (an edit: a millisecond or two, and the
pane knows at once whether it was refused); `submit` runs one in the background and
hands the result to the GUI thread. Reads submitted on a `channel` carry sequence
numbers: a result that a later request on the same channel has overtaken is dropped,
so a stale read can never overwrite a newer one.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

T = TypeVar("T")


class _Relay(QObject):
    """Carries a finished job from the worker thread to the GUI thread (queued)."""

    finished = Signal(object)  # (sequence, channel, future, done, failed)


class Runner(QObject):
    """The single database worker of one window."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aipdesk-db")
        self._numbers = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._relay = _Relay()
        self._relay.finished.connect(self._finished)

    def call(self, fn: Callable[[], T]) -> T:
        """Run `fn` on the worker, after what is queued there, and wait for its result
        (or its exception)."""
        return self._executor.submit(fn).result()

    def submit(
        self,
        fn: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
        channel: str | None = None,
    ) -> int:
        """Run `fn` on the worker; `done(result)` or `failed(error)` follow on the GUI
        thread, unless a later request on the same `channel` has been made meanwhile."""
        number = next(self._numbers)
        if channel is not None:
            self._latest[channel] = number
        future = self._executor.submit(fn)

        def finished(result: Future[T]) -> None:  # on the worker thread
            # RuntimeError: the window was closed meanwhile, no one to tell.
            with contextlib.suppress(RuntimeError):
                self._relay.finished.emit((number, channel, result, done, failed))

        future.add_done_callback(finished)
        return number

    def is_latest(self, channel: str, number: int) -> bool:
        return self._latest.get(channel) == number

    def _finished(self, job: tuple[int, str | None, Future[Any], Any, Any]) -> None:
        number, channel, future, done, failed = job
        if channel is not None and not self.is_latest(channel, number):
            return  # overtaken: a newer read of the same thing is under way or shown
        error = future.exception()
        if error is not None:
            failed(error)
        else:
            done(future.result())

    def shutdown(self) -> None:
        """Finish what is queued and stop the worker."""
        self._executor.shutdown(wait=True)
