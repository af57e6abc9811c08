"""Python's cycle collector paused while a large file's values are read, compared, written
and summed up.

Each value makes a few objects (its cells, its `Incoming`, its plan item) that hold no
cycles: reference counting frees them. But every pass of the collector walks all the
objects alive again, and with 100,000 values alive its passes cost a second of an
import. Whoever paused it first resumes it, so nested and concurrent pauses end with
the collector running.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def collector_paused() -> Iterator[None]:
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def paused(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """`function` run with the collector paused (`collector_paused`)."""

    @functools.wraps(function)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with collector_paused():
            return function(*args, **kwargs)

    return run
