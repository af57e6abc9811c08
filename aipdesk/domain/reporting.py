"""The default report month: the Meldeschluss month (DESIGN §3).

Without a month asked for, figures are evaluated at the latest month up to which
every target that has any value in the year is completely reported. A stray later
value (one December figure in June) never moves it; a month still missing holds it
back, and the reason names who is missing what.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from aipdesk.domain.messages import Note, message
from aipdesk.domain.model import Target
from aipdesk.domain.months import Month, Period
from aipdesk.domain.progress import Observed


@dataclass(frozen=True, slots=True)
class Holdup:
    """A target whose first missing month holds the report month back."""

    project: str
    metric: str
    missing: Month


@dataclass(frozen=True, slots=True)
class ReportMonthChoice:
    """The chosen report month and why: the latest month with any value in the year,
    and the targets whose gaps keep the report month earlier than that."""

    month: Month
    latest: Month  # the latest month of the year with any value
    holdups: tuple[Holdup, ...]  # empty: every target is reported up to `latest`

    def explain(
        self,
        lang: str,
        name: Callable[[Holdup], str],
        label: Callable[[Month], str] = str,
        limit: int | None = None,
    ) -> str:
        """Why this month, in a sentence; `name` names a target as people know it,
        `label` a month (default: YYYY-MM). With a `limit`, at most that many targets
        are named and the rest counted ("und 397 weitere")."""
        month, latest = label(self.month), label(self.latest)
        if not self.holdups:
            return message(Note.deadline_complete, lang, month=month)
        named = self.holdups if limit is None else self.holdups[:limit]
        parts = [f"{name(h)} {label(h.missing)}" for h in named]
        if len(named) < len(self.holdups):
            parts.append(message(Note.deadline_more, lang, count=len(self.holdups) - len(named)))
        missing = "; ".join(parts)
        return message(Note.deadline_missing, lang, month=month, missing=missing, latest=latest)


@dataclass(frozen=True, slots=True)
class Span:
    """What the Meldeschluss month needs of one target in a year: its first and last
    month with a value, and its first month without one (None: none missing), all as
    month indexes within the target's months of the year."""

    project: str
    metric: str
    first_value: int
    last_value: int
    first_missing: int | None


def span_of(year: int, target: Target, observed: Observed, open_months: Period) -> Span | None:
    """The span of `target` in `year` (None: no value in the year). A target's months run
    from its first month in the year (or the project's) to its last."""
    lo, hi = (
        max(Month(year, 1).index, target.first.index),
        min(Month(year, 12).index, target.last.index),
    )
    if open_months.first is not None:
        lo = max(lo, open_months.first.index)
    if open_months.last is not None:
        hi = min(hi, open_months.last.index)
    present = observed.present
    logged = [i for i in range(lo, hi + 1) if i in present]
    if not logged:
        return None
    missing = next((i for i in range(lo, hi + 1) if i not in present), None)
    return Span(target.project, target.metric, logged[0], logged[-1], missing)


def choose(spans: Iterable[Span | None]) -> ReportMonthChoice | None:
    """The Meldeschluss month over the targets' spans; None when none has a value.

    It is the latest month m such that every target with a value in a month up to m
    has all its months up to m reported. So a stray later value (December in June)
    never moves the month, a target that reports nothing yet holds nobody back, and a
    gap holds the month at the month before it.
    """
    found = [span for span in spans if span is not None]
    if not found:
        return None
    latest = max(span.last_value for span in found)
    month = latest
    holding: list[tuple[int, Span]] = []
    for span in found:
        gap = span.first_missing
        if gap is None or gap > latest:
            continue
        # Fine for every m before its first value, or before its first gap.
        bound = max(span.first_value, gap) - 1
        holding.append((bound, span))
        month = min(month, bound)
    holdups = tuple(
        Holdup(span.project, span.metric, Month.from_index(span.first_missing or 0))
        for bound, span in holding
        if bound == month
    )
    return ReportMonthChoice(Month.from_index(month), Month.from_index(latest), holdups)


def meldeschluss(
    year: int, series: Iterable[tuple[Target, Observed, Period]]
) -> ReportMonthChoice | None:
    """The Meldeschluss month of `year` over (target, its logged values, the project's
    period) triples; None when no target has a value in the year (see `choose`)."""
    return choose(span_of(year, target, observed, period) for target, observed, period in series)
