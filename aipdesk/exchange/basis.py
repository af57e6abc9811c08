"""The months outside its year that a workbook's figures rest on, for `Daten`.

An export's `Daten` carries every value of its year and, so that importing the file
into an empty database reproduces every figure, the values of other months that the
workbook shows or computes from. Of a target's series (a ratio: its numerator and
denominator), those are the months `compute_progress` and `target_curve` read
(DESIGN §3):

- the target period (Ist, Soll, Hochrechnung; the chart's monthly bars);
- the same months a year earlier (Vorjahr; the chart's Vorjahr line);
- the 24 months up to the report month: the rolling 12 months and the 12 before
  them (`rolling_12m`, K2/K3 `yoy_month_change_pct`);
- of a ratio's denominator without a planned mean: the last 12 logged months its
  trend is fitted on, at the report month and at each month of the chart.

The previous year's values of the project sheets' Vorjahr grid are shown as they
are; `daten.daten_cells` adds them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from aipdesk.domain.model import MetricKind, Target
from aipdesk.domain.months import Month
from aipdesk.domain.progress import ROLLING_MONTHS, TREND_MONTHS, elapsed_months
from aipdesk.services.results import Snapshot

Pair = tuple[str, str]  # (project code, metric code): one series
Used = Mapping[Pair, frozenset[int]]  # the month indexes of each series the figures read


def figure_months(snap: Snapshot) -> dict[Pair, frozenset[int]]:
    """The months (`Month.index`) of each target series that the figures of `snap`'s
    targets at its report month read, logged or not (see the module's note)."""
    data = snap.data
    if data is None:  # pragma: no cover - `views.snapshot` always keeps what it read
        return {}
    report = snap.report_month.index
    used: dict[Pair, set[int]] = defaultdict(set)
    for target in data.targets:
        metric = snap.metrics[target.metric]
        months = _target_months(target, report)
        if metric.kind is MetricKind.RATIO:
            assert metric.numerator and metric.denominator
            numerator = (target.project, metric.numerator)
            denominator = (target.project, metric.denominator)
            used[numerator] |= months
            used[denominator] |= months
            if not target.denominator_plan:
                logged = data.values.get(denominator, {})
                used[denominator] |= _trend_months(target, snap.report_month, logged)
        else:
            used[(target.project, target.metric)] |= months
    return {pair: frozenset(months) for pair, months in used.items()}


def _target_months(target: Target, report: int) -> set[int]:
    first, last = target.first.index, target.last.index
    period = range(first, last + 1)
    return {
        *period,
        *(i - 12 for i in period),
        *range(report - 2 * ROLLING_MONTHS + 1, report + 1),
    }


def _trend_months(target: Target, report: Month, logged: Iterable[int]) -> set[int]:
    """The logged denominator months a ratio's trend D̂ is fitted on, at the report month
    and at every chart month up to it: the last 12 up to each of them."""
    k = elapsed_months(target, report)
    # `compute_progress` fits up to the last elapsed month (the report month before the
    # period); the chart at each period month up to the report month.
    latest = target.first.index + k - 1 if k else report.index
    earliest = target.first.index if k else report.index
    found = sorted(i for i in logged if i <= latest)
    before = [i for i in found if i <= earliest][-TREND_MONTHS:]
    start = before[0] if before else earliest
    return {i for i in found if i >= start}


def years_beyond(used: Used, *known: int) -> list[int]:
    """The years of the months in `used` other than the `known` ones, in order."""
    years = {Month.from_index(i).year for months in used.values() for i in months}
    return sorted(years.difference(known))
