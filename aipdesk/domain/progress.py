"""Soll, Ist, Zielerreichung, Hochrechnung and status of one target (DESIGN §3).

`compute_progress` is the single place where these figures are computed: the
GUI, the command line and the workbook all show what it returns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from aipdesk.domain.model import Direction, Metric, MetricKind, Status, Target
from aipdesk.domain.months import Month

Series = Mapping[Month, float]


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
    """The logged monthly values a target needs: its own series, or a ratio's two parts."""

    values: Series = field(default_factory=dict)
    numerator: Series = field(default_factory=dict)
    denominator: Series = field(default_factory=dict)


def elapsed_months(target: Target, report_month: Month) -> int:
    """k of DESIGN §3: the number of period months <= the report month."""
    return max(0, min(report_month.index - target.first.index + 1, target.months))


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def actual(kind: MetricKind, months: list[Month], inputs: Inputs) -> float | None:
    """Ist over `months`: a sum (flow), a mean (stock) or 100·sum/mean (ratio).

    Months without a logged value are missing, not zero: they are left out.
    """
    if kind is MetricKind.RATIO:
        numerator = [inputs.numerator[m] for m in months if m in inputs.numerator]
        denominator = _mean([inputs.denominator[m] for m in months if m in inputs.denominator])
        if not numerator or not denominator:
            return None
        return 100.0 * sum(numerator) / denominator
    logged = [inputs.values[m] for m in months if m in inputs.values]
    if not logged:
        return None
    return float(sum(logged)) if kind is MetricKind.FLOW else _mean(logged)


def _reported(kind: MetricKind, months: list[Month], inputs: Inputs) -> int:
    if kind is MetricKind.RATIO:
        return sum(1 for m in months if m in inputs.numerator and m in inputs.denominator)
    return sum(1 for m in months if m in inputs.values)


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
    metric: Metric,
    target: Target,
    report_month: Month,
    inputs: Inputs,
    previous: Inputs | None = None,
) -> Progress:
    """Progress of `target` at `report_month` (DESIGN §3).

    `inputs` holds the logged values of the target period, `previous` those of
    the same months one year earlier (defaults to `inputs`, which may hold both).
    """
    k = elapsed_months(target, report_month)
    weights = target.weight_list()
    share = float(sum(weights[:k]))
    window = [target.first.shift(offset) for offset in range(k)]
    ist = actual(metric.kind, window, inputs)

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

    previous_window = [m.shift(-12) for m in window]
    previous_actual = actual(metric.kind, previous_window, previous or inputs)
    change: float | None = None
    if ist is not None and previous_actual:
        change = 100.0 * (ist - previous_actual) / previous_actual

    return Progress(
        target=None if target.value is None else float(target.value),
        plan_to_date=plan,
        actual_to_date=ist,
        attainment_pct=attainment,
        deviation=deviation,
        forecast=forecast,
        status=status,
        previous_year_actual=previous_actual,
        previous_year_change_pct=change,
        months_elapsed=k,
        plan_share=share,
        months_reported=_reported(metric.kind, window, inputs),
    )
