"""Soll, Ist, Zielerreichung, Hochrechnung and status of one target (DESIGN §3).

`compute_progress` is the single place where these figures are computed: the
GUI, the command line and the workbook all show what it returns. It works on
`Totals` (sum and count of the logged values over the elapsed window and the
same months a year earlier), which the database can aggregate for thousands of
targets in one statement; `totals_from_series` makes them from monthly values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from aipdesk.domain.model import Direction, Metric, MetricKind, Status, Target
from aipdesk.domain.months import Month

Series = Mapping[Month, float]


@dataclass(frozen=True, slots=True)
class Window:
    """The logged values of one series over some months: their sum and how many there are.

    Months without a logged value are missing, not zero: they add nothing to either.
    """

    total: float = 0.0
    count: int = 0


NO_VALUES = Window()


@dataclass(frozen=True, slots=True)
class Totals:
    """What a target's progress needs: its series (a ratio's numerator) and, for a ratio,
    the denominator, each over the elapsed window and one year earlier."""

    current: Window = NO_VALUES
    previous: Window = NO_VALUES
    current_denominator: Window = NO_VALUES
    previous_denominator: Window = NO_VALUES


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
    months_elapsed: int  # k: period months up to the report month
    plan_share: float  # W: planned share of the period up to the report month
    months_reported: int  # of those k months, how many have a logged value


@dataclass(frozen=True, slots=True)
class Inputs:
    """Logged monthly values: a target's own series, or a ratio's two parts."""

    values: Series = field(default_factory=dict)
    numerator: Series = field(default_factory=dict)
    denominator: Series = field(default_factory=dict)


def elapsed_months(target: Target, report_month: Month) -> int:
    """k of DESIGN §3: the number of period months <= the report month."""
    return max(0, min(report_month.index - target.first.index + 1, target.months))


def actual_of(kind: MetricKind, values: Window, denominator: Window = NO_VALUES) -> float | None:
    """Ist of a window: the sum (flow), the mean (stock) or 100·sum ÷ mean (ratio)."""
    if kind is MetricKind.RATIO:
        if not values.count or not denominator.count or not denominator.total:
            return None
        return 100.0 * values.total / (denominator.total / denominator.count)
    if not values.count:
        return None
    return float(values.total) if kind is MetricKind.FLOW else values.total / values.count


def window_of(series: Series, months: list[Month]) -> Window:
    logged = [series[m] for m in months if m in series]
    return Window(float(sum(logged)), len(logged))


def actual(kind: MetricKind, months: list[Month], inputs: Inputs) -> float | None:
    """Ist over `months` of monthly values (the grids' Summe, the chart's bars)."""
    if kind is MetricKind.RATIO:
        return actual_of(
            kind, window_of(inputs.numerator, months), window_of(inputs.denominator, months)
        )
    return actual_of(kind, window_of(inputs.values, months))


def totals_from_series(
    metric: Metric, target: Target, report_month: Month, inputs: Inputs
) -> Totals:
    window = [target.first.shift(offset) for offset in range(elapsed_months(target, report_month))]
    previous = [m.shift(-12) for m in window]
    if metric.kind is MetricKind.RATIO:
        return Totals(
            window_of(inputs.numerator, window),
            window_of(inputs.numerator, previous),
            window_of(inputs.denominator, window),
            window_of(inputs.denominator, previous),
        )
    return Totals(window_of(inputs.values, window), window_of(inputs.values, previous))


def status_for(
    metric: Metric, actual_value: float | None, plan: float | None
) -> tuple[float | None, Status]:
    """Attainment in percent and the traffic light for an Ist against a Soll."""
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
    if attainment >= metric.green_pct:
        return attainment, Status.GREEN
    if attainment >= metric.amber_pct:
        return attainment, Status.AMBER
    return attainment, Status.RED


def compute_progress(
    metric: Metric, target: Target, report_month: Month, totals: Totals
) -> Progress:
    """Progress of `target` at `report_month` (DESIGN §3)."""
    k = elapsed_months(target, report_month)
    share = target.plan_share(k)
    ist = actual_of(metric.kind, totals.current, totals.current_denominator)

    plan: float | None
    if target.value is None:
        plan = None
    elif metric.kind is MetricKind.STOCK:
        plan = float(target.value)
    else:
        plan = target.value * share

    forecast: float | None
    if ist is None:
        forecast = None
    elif metric.kind is MetricKind.STOCK:
        forecast = ist
    else:
        forecast = ist / share if share > 0 else None

    attainment, status = status_for(metric, ist, plan)
    deviation = ist - plan if ist is not None and plan is not None else None
    previous = actual_of(metric.kind, totals.previous, totals.previous_denominator)
    change: float | None = None
    if ist is not None and previous:
        change = 100.0 * (ist - previous) / previous
    reported = totals.current.count
    if metric.kind is MetricKind.RATIO:
        reported = min(reported, totals.current_denominator.count)

    return Progress(
        target=None if target.value is None else float(target.value),
        plan_to_date=plan,
        actual_to_date=ist,
        attainment_pct=attainment,
        deviation=deviation,
        forecast=forecast,
        status=status,
        previous_year_actual=previous,
        previous_year_change_pct=change,
        months_elapsed=k,
        plan_share=share,
        months_reported=reported,
    )


def progress_from_series(
    metric: Metric, target: Target, report_month: Month, inputs: Inputs
) -> Progress:
    """`compute_progress` over monthly values (the chart, tests computed by hand)."""
    return compute_progress(
        metric, target, report_month, totals_from_series(metric, target, report_month, inputs)
    )


def progress_curve(
    metric: Metric, target: Target, report_month: Month, inputs: Inputs
) -> list[Progress]:
    """`compute_progress` at every month of the target period up to the report month.

    The chart draws these points, so its cumulative Ist and Soll lines are the
    very figures the dashboard shows for each month.
    """
    last = min(report_month, target.last)
    return [
        progress_from_series(metric, target, target.first.shift(offset), inputs)
        for offset in range(max(0, last.index - target.first.index + 1))
    ]
