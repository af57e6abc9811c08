"""Soll, Ist, Zielerreichung, Hochrechnung, status and the official Kennzahlen of one
target (DESIGN §3).

`compute_progress` is the single place where these figures are computed: the
window, the command line, the workbook and the report all show what it returns.
It works on the logged monthly values of the target's series (for a ratio: its
numerator and denominator), keyed by `Month.index`; the store reads them for
thousands of targets in one statement.

Like with like: Soll, Ist, Zielerreichung and Hochrechnung use only the elapsed
months that have a value (for a ratio: both parts). A month without a value is
missing, listed in `months_missing`, never a silent zero, and never by itself a
reason for red.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from aipdesk.domain.model import OPEN_PERIOD, Direction, Metric, MetricKind, Status, Target
from aipdesk.domain.months import Month, Period

Series = Mapping[Month, float]
IndexSeries = Mapping[int, float]  # Month.index -> logged value

ROLLING_MONTHS = 12  # the official Kennzahlen run over the last 12 months
TREND_MONTHS = 12  # the denominator's trend is fitted on its last 12 logged months


@dataclass(frozen=True, slots=True)
class Inputs:
    """Logged monthly values: a target's own series, or a ratio's two parts."""

    values: Series = field(default_factory=dict)
    numerator: Series = field(default_factory=dict)
    denominator: Series = field(default_factory=dict)

    def observed(self, kind: MetricKind) -> Observed:
        if kind is MetricKind.RATIO:
            return Observed(_by_index(self.numerator), _by_index(self.denominator))
        return Observed(_by_index(self.values))


def _by_index(series: Series) -> dict[int, float]:
    return {month.index: value for month, value in series.items()}


class Observed:
    """The logged values a target's figures need, keyed by `Month.index`: its own
    series (a ratio's numerator) and, for a ratio, the denominator.

    `present` holds the months that count as reported: those with a value (for a
    ratio: with both parts).
    """

    __slots__ = ("denominator", "present", "values")

    def __init__(self, values: IndexSeries, denominator: IndexSeries | None = None) -> None:
        self.values = values
        self.denominator = denominator
        self.present: AbstractSet[int] = (
            values.keys() if denominator is None else values.keys() & denominator.keys()
        )

    def reported(self, index: int) -> bool:
        return index in self.present

    def __repr__(self) -> str:
        return f"Observed({dict(self.values)!r}, {self.denominator!r})"


NOTHING = Observed({})


def covers(present: AbstractSet[int], months: Iterable[int]) -> bool:
    """Whether every one of `months` is reported."""
    return all(map(present.__contains__, months))


class Basis:
    """Where a ratio's expected denominator mean D̂ comes from."""

    PLAN = "plan"  # entered by a coordinator with the target
    TREND = "trend"  # the linear trend of the last 12 logged months, over the period
    MEAN = "mean"  # the mean of the reported months (fewer than 12 logged)


@dataclass(frozen=True, slots=True)
class Progress:
    """Everything a status row shows; None where a figure is undefined."""

    target: float | None
    plan_to_date: float | None
    actual_to_date: float | None
    attainment_pct: float | None
    deviation: float | None
    forecast: float | None
    status: Status
    previous_year_actual: float | None
    previous_year_change_pct: float | None
    months_elapsed: int  # |E|: period months up to the report month
    plan_share: float  # the planned share of those months (the schedule)
    months_reported: int  # |R|: of those, how many have a value (a ratio: both parts)
    reported_share: float = 0.0  # W: the planned share of the reported months
    months_missing: tuple[Month, ...] = ()  # E \ R, in order
    rolling_12m: float | None = None  # official: the 12 months ending at the report month
    rolling_12m_previous: float | None = None  # the same, one year earlier
    yoy_month_change_pct: float | None = None  # K2/K3-style change against a year earlier
    planned_change_pct: float | None = None  # the target's planned Veränderungsrate
    denominator_expected: float | None = None  # a ratio's D̂
    denominator_basis: str | None = None  # Basis.PLAN | TREND | MEAN

    @property
    def complete(self) -> bool:
        return not self.months_missing


def elapsed_months(target: Target, report_month: Month) -> int:
    """|E| of DESIGN §3: the number of period months <= the report month."""
    return max(0, min(report_month.index - target.first.index + 1, target.months))


def actual_of(
    kind: MetricKind,
    values: IndexSeries,
    months: Sequence[int],
    denominator: IndexSeries | None = None,
) -> float | None:
    """Ist over `months`, which all have values: the sum (flow), the mean (stock),
    or 100 · Σ numerator ÷ mean denominator (ratio)."""
    if not months:
        return None
    total = float(sum(map(values.__getitem__, months)))
    if kind is MetricKind.RATIO:
        assert denominator is not None
        mean = sum(map(denominator.__getitem__, months)) / len(months)
        return 100.0 * total / mean if mean else None
    return total if kind is MetricKind.FLOW else total / len(months)


def actual(kind: MetricKind, months: list[Month], inputs: Inputs) -> float | None:
    """Ist over the `months` that have values (the grids' Summe, the chart's bars)."""
    observed = inputs.observed(kind)
    logged = [m.index for m in months if observed.reported(m.index)]
    return actual_of(kind, observed.values, logged, observed.denominator)


def status_for(
    metric: Metric, actual_value: float | None, plan: float | None
) -> tuple[float | None, Status]:
    """Attainment in percent and the traffic light for an Ist against a Soll.

    The light is decided on the attainment rounded as it is shown (one decimal), so
    that "100,0 %" is never amber.
    """
    if actual_value is None or plan is None:
        return None, Status.NONE
    if metric.direction is Direction.UP:
        if plan == 0:
            return None, Status.GREEN  # nothing was planned yet: any Ist meets the plan
        attainment = 100.0 * actual_value / plan
    else:
        if actual_value == 0:
            return None, Status.GREEN  # nothing left of what should shrink
        attainment = 100.0 * plan / actual_value
    shown = float(f"{attainment:.1f}")
    if shown >= metric.green_pct:
        return attainment, Status.GREEN
    if shown >= metric.amber_pct:
        return attainment, Status.AMBER
    return attainment, Status.RED


def linear_trend_mean(points: Sequence[tuple[int, float]], first: int, last: int) -> float:
    """The least-squares line through `points` (month index, value), averaged over the
    months `first` … `last`: for a line, its value at their middle."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0
    return mean_y + slope * ((first + last) / 2 - mean_x)


def expected_denominator(
    target: Target, denominator: IndexSeries, upto: int, reported: Sequence[int]
) -> tuple[float | None, str | None]:
    """D̂ of DESIGN §3: the expected mean of a ratio's denominator over the period.

    The coordinator's planned mean if there is one; else the linear trend of the last
    12 logged months up to `upto`, extrapolated over the period; with fewer than 12
    logged months, the mean over the reported months.
    """
    if target.denominator_plan:
        return float(target.denominator_plan), Basis.PLAN
    logged = sorted(i for i in denominator if i <= upto)[-TREND_MONTHS:]
    if len(logged) == TREND_MONTHS:
        points = [(i, float(denominator[i])) for i in logged]
        trend = linear_trend_mean(points, target.first.index, target.last.index)
        if trend > 0:  # a steep fall extrapolated below zero says nothing: use the mean
            return trend, Basis.TREND
    if reported:
        return sum(denominator[i] for i in reported) / len(reported), Basis.MEAN
    return None, None


def rolling(kind: MetricKind, observed: Observed, last: int) -> float | None:
    """The official 12-month figure ending at month index `last`: Σ (flow), mean
    (stock), 100 · Σ numerator ÷ mean denominator (ratio, K2); None unless all 12
    months have values."""
    months = range(last - ROLLING_MONTHS + 1, last + 1)
    if not covers(observed.present, months):
        return None
    return actual_of(kind, observed.values, months, observed.denominator)


def change_pct(now: float | None, before: float | None) -> float | None:
    if now is None or not before:
        return None
    return 100.0 * (now - before) / before


def compute_progress(
    metric: Metric,
    target: Target,
    report_month: Month,
    observed: Observed,
    open_months: Period = OPEN_PERIOD,
) -> Progress:
    """Progress of `target` at `report_month` (DESIGN §3).

    `open_months` is the project's period: months outside it cannot be logged and are
    never counted as missing.
    """
    kind = metric.kind
    weights = target.weight_list()
    k = elapsed_months(target, report_month)
    first = target.first.index
    elapsed = range(first, first + k)
    present = observed.present
    reported = [i for i in elapsed if i in present]
    missing = (
        ()
        if len(reported) == k
        else tuple(
            month
            for month in (Month.from_index(i) for i in elapsed if i not in present)
            if open_months.contains(month)
        )
    )
    share = float(sum(weights[:k]))
    reported_share = (
        share if len(reported) == k else float(sum(weights[i - first] for i in reported))
    )
    ist = actual_of(kind, observed.values, reported, observed.denominator)
    # Like with like: the plan of the reported months; with none reported, the plan
    # of the elapsed months (there is nothing to compare it with).
    w = reported_share if reported else share

    expected: float | None = None
    basis: str | None = None
    plan: float | None
    forecast: float | None = None
    if kind is MetricKind.RATIO:
        assert observed.denominator is not None
        upto = (first + k - 1) if k else report_month.index
        expected, basis = expected_denominator(target, observed.denominator, upto, reported)
        mean_den = (
            sum(map(observed.denominator.__getitem__, reported)) / len(reported)
            if reported
            else None
        )
        if target.value is None:
            plan = None
        elif expected is None or not mean_den:
            plan = target.value * w
        else:  # the planned numerator to date, shown as a quote over the same months
            plan = target.value * w * expected / mean_den
        if reported and reported_share > 0 and expected:
            numerator = sum(map(observed.values.__getitem__, reported))
            forecast = 100.0 * (numerator / reported_share) / expected
    else:
        if target.value is None:
            plan = None
        elif kind is MetricKind.STOCK:
            plan = float(target.value)
        else:
            plan = target.value * w
        if ist is not None:
            if kind is MetricKind.STOCK:
                forecast = ist
            elif reported_share > 0:
                forecast = ist / reported_share

    attainment, status = status_for(metric, ist, plan)
    deviation = ist - plan if ist is not None and plan is not None else None

    # Vorjahr: the same months one year earlier, only where all of them have values.
    before = [i - 12 for i in reported]
    previous = (
        actual_of(kind, observed.values, before, observed.denominator)
        if before and covers(present, before)
        else None
    )

    last = report_month.index
    rolling_now = rolling(kind, observed, last)
    rolling_before = rolling(kind, observed, last - 12)
    if kind is MetricKind.STOCK:  # K3: the month's stock against the same month a year ago
        yoy = change_pct(observed.values.get(last), observed.values.get(last - 12))
    else:  # K2 and flows: the rolling figure against the one a year earlier
        yoy = change_pct(rolling_now, rolling_before)

    return Progress(
        target=None if target.value is None else float(target.value),
        plan_to_date=plan,
        actual_to_date=ist,
        attainment_pct=attainment,
        deviation=deviation,
        forecast=forecast,
        status=status,
        previous_year_actual=previous,
        previous_year_change_pct=change_pct(ist, previous),
        months_elapsed=k,
        plan_share=share,
        months_reported=len(reported),
        reported_share=reported_share,
        months_missing=missing,
        rolling_12m=rolling_now,
        rolling_12m_previous=rolling_before,
        yoy_month_change_pct=yoy,
        planned_change_pct=target.change_pct,
        denominator_expected=expected,
        denominator_basis=basis,
    )


def progress_from_series(
    metric: Metric,
    target: Target,
    report_month: Month,
    inputs: Inputs,
    open_months: Period = OPEN_PERIOD,
) -> Progress:
    """`compute_progress` over monthly values keyed by month (the chart, tests)."""
    return compute_progress(metric, target, report_month, inputs.observed(metric.kind), open_months)


def progress_curve(
    metric: Metric, target: Target, report_month: Month, inputs: Inputs
) -> list[Progress]:
    """`compute_progress` at every month of the target period up to the report month.

    The chart draws these points, so its cumulative Ist line is the very figure the
    dashboard shows for each month.
    """
    observed = inputs.observed(metric.kind)
    last = min(report_month, target.last)
    return [
        compute_progress(metric, target, target.first.shift(offset), observed)
        for offset in range(max(0, last.index - target.first.index + 1))
    ]
