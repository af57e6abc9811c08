"""Is a monthly value plausible next to its own series? A pure rule.

A value is judged against the same project's and metric's last `WINDOW` logged values
before its month (its history). With fewer than `MIN_HISTORY` of them nothing is
judged: a young series says too little. Otherwise a value is implausible when it lies
above `factor` times the largest of them, and above that largest plus `SLACK` (so that
from a series of zeros or of small counts a few more are no alarm); a stock, a level
that moves slowly, is implausible as well when it falls below a `factor`-th of the
smallest of them less `SLACK` (a flow may well be 0 in a quiet month).

The rule catches a typo such as 1.000.000.000 or a slip by ×10 on typical series and
leaves seasonal ones alone: a year's peaks lie within a few times its quiet months.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

WINDOW = 12  # the last logged values a value is judged against
MIN_HISTORY = 6  # fewer earlier values: no judgement
DEFAULT_FACTOR = 3.0  # metrics.plausibility_factor when none is set
SLACK = 10  # absolute room beyond the factor, for series of small counts


@dataclass(frozen=True)
class Usual:
    """What a value's history allows: `low`..`high` is the range it spanned; below
    `floor` (stocks only; None: no lower bound) or above `ceiling` is implausible."""

    low: int
    high: int
    floor: int | None
    ceiling: int

    def allows(self, value: int) -> bool:
        if value > self.ceiling:
            return False
        return self.floor is None or value >= self.floor


def usual(history: Sequence[int], factor: float | None = None, stock: bool = False) -> Usual | None:
    """What `history` (earlier values, any order) allows; None when it is too short."""
    if len(history) < MIN_HISTORY:
        return None
    f = factor if factor is not None and factor > 1 else DEFAULT_FACTOR
    low, high = min(history), max(history)
    ceiling = max(math.floor(f * high), high + SLACK)
    floor = None
    if stock:
        bound = math.ceil((low - SLACK) / f)
        floor = bound if bound > 0 else None
    return Usual(low, high, floor, ceiling)


def judge(
    series: Mapping[int, int],
    months: Iterable[int],
    factor: float | None = None,
    stock: bool = False,
) -> dict[int, Usual]:
    """The months of `months` whose value in `series` (month index -> value, the state
    after a write) is implausible, each with what its history allows."""
    order = sorted(series)
    found: dict[int, Usual] = {}
    for month in months:
        value = series.get(month)
        if value is None:
            continue
        at = bisect.bisect_left(order, month)
        history = [series[m] for m in order[max(0, at - WINDOW) : at]]
        allowed = usual(history, factor, stock)
        if allowed is not None and not allowed.allows(value):
            found[month] = allowed
    return found
