"""Running plain functions off the GUI thread and getting the result back as a signal."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Report = Callable[[int, int], None]  # (done, total)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int)


class Task(QRunnable):
    """`fn()` on the thread pool; `signals.done(result)` or `signals.failed(exc)` on return.

    With `reports=True`, `fn` is called with a `report(done, total)` callback whose
    calls arrive as `signals.progress` on the GUI thread.
    """

    def __init__(self, fn: Callable[..., Any], reports: bool = False) -> None:
        super().__init__()
        self.fn = fn
        self.reports = reports
        self.signals = _Signals()

    def run(self) -> None:
        try:
            if self.reports:
                result = self.fn(lambda done, total: self._emit(self.signals.progress, done, total))
            else:
                result = self.fn()
        except Exception as exc:  # handed to the GUI thread, shown there in words
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.done, result)

    @staticmethod
    def _emit(signal: Any, *values: Any) -> None:
        # RuntimeError: the window was closed meanwhile (its receiver is gone): no one to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(*values)


def run_in_background(
    fn: Callable[..., Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    progress: Callable[[int, int], None] | None = None,
) -> Task:
    task = Task(fn, reports=progress is not None)
    task.signals.done.connect(done)
    task.signals.failed.connect(failed)
    if progress is not None:
        task.signals.progress.connect(progress)
    QThreadPool.globalInstance().start(task)
    return task
