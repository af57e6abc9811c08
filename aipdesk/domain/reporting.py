"""The default report month: the Meldeschluss month (DESIGN §3).

Without a month asked for, figures are evaluated at the latest month up to which
every target that has any value in the year is completely reported. A stray later
value (one December figure in June) never moves it; a month still missing holds it
back, and the reason names who is missing what.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

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
        self, lang: str, name: Callable[[Holdup], str], label: Callable[[Month], str] = str
    ) -> str:
        """Why this month, in a sentence; `name` names a target as people know it,
        `label` a month (default: YYYY-MM)."""
        de = lang != "en"
        month, latest = label(self.month), label(self.latest)
        if not self.holdups:
            return (
                f"Meldeschluss: bis {month} haben alle Ziele mit Werten vollständig gemeldet"
                if de
                else f"reporting deadline: every target with values is complete up to {month}"
            )
        missing = "; ".join(f"{name(h)} {label(h.missing)}" for h in self.holdups)
        return (
            f"Meldeschluss: bis {month} vollständig gemeldet; es fehlt noch: {missing} "
            f"(Werte liegen bis {latest} vor)"
            if de
            else f"reporting deadline: complete up to {month}; still missing: {missing} "
            f"(values reach {latest})"
        )


def meldeschluss(
    year: int, series: Iterable[tuple[Target, Observed, Period]]
) -> ReportMonthChoice | None:
    """The Meldeschluss month of `year` over (target, its logged values, the project's
    period) triples; None when no target has a value in the year.

    It is the latest month m such that every target with a value in a month up to m
    has all its months up to m reported. A target's months run from its first month
    in the year (or the project's) to its last. So a stray later value (December in
    June) never moves the month, and a target that reports nothing yet holds nobody
    back; a gap holds the month at the month before it.
    """
    january, december = Month(year, 1).index, Month(year, 12).index
    spans: list[tuple[Target, range, frozenset[int]]] = []
    for target, observed, open_months in series:
        lo, hi = max(january, target.first.index), min(december, target.last.index)
        if open_months.first is not None:
            lo = max(lo, open_months.first.index)
        if open_months.last is not None:
            hi = min(hi, open_months.last.index)
        months = range(lo, hi + 1)
        present = observed.present
        logged = frozenset(i for i in months if i in present)
        if logged:
            spans.append((target, months, logged))
    if not spans:
        return None
    latest = max(max(logged) for _, _, logged in spans)
    month = latest
    holding: list[tuple[int, Holdup]] = []
    for target, months, logged in spans:
        gap = next((i for i in months if i <= latest and i not in logged), None)
        if gap is None:
            continue
        # Fine for every m before its first value, or before its first gap.
        bound = max(min(logged), gap) - 1
        holding.append((bound, Holdup(target.project, target.metric, Month.from_index(gap))))
        month = min(month, bound)
    holdups = tuple(h for bound, h in holding if bound == month)
    return ReportMonthChoice(Month.from_index(month), Month.from_index(latest), holdups)
