"""The course of one target over its period, month by month (DESIGN §3): what the
window's chart and the workbook's charts draw. Every point is `compute_progress` at
that month, so a curve ends at the very figures the status shows."""

from __future__ import annotations

from dataclasses import dataclass

from aipdesk.domain.model import OPEN_PERIOD, Metric, MetricKind, Target
from aipdesk.domain.months import Month, Period
from aipdesk.domain.progress import Observed, Progress, actual_of, compute_progress, covers


@dataclass(frozen=True, slots=True)
class Curve:
    """All sequences run over `months`, the target period."""

    months: tuple[Month, ...]
    monthly: tuple[float | None, ...]  # each month's Ist on its own (bars)
    cumulative: tuple[float | None, ...]  # Ist to date, up to the report month
    # Soll to date: like with like up to the report month, then on by the schedule's
    # steps (where no month is missing, the schedule itself: T · cumulative weight)
    plan: tuple[float | None, ...]
    previous: tuple[float | None, ...]  # the previous year's Ist to date, same months
    forecast: float | None  # Hochrechnung for the period end


def planned_schedule(metric: Metric, target: Target) -> list[float | None]:
    """The plan of each period month regardless of what is reported: T · (cumulative
    weight) for flows and ratios, T for stocks; None without a target value."""
    if target.value is None:
        return [None] * target.months
    if metric.kind is MetricKind.STOCK:
        return [float(target.value)] * target.months
    curve: list[float | None] = []
    cumulative = 0.0
    for weight in target.weight_list():
        cumulative += weight
        curve.append(target.value * cumulative)
    return curve


def _continued(upto: list[Progress], schedule: list[float | None]) -> tuple[float | None, ...]:
    """The plan after the report month: from the last like-with-like Soll on by the
    schedule's steps, so that a missing month makes no jump."""
    later = schedule[len(upto) :]
    if not upto:
        return tuple(later)
    start, base = upto[-1].plan_to_date, schedule[len(upto) - 1]
    if start is None or base is None:
        return tuple(later)
    return tuple(None if s is None else start + (s - base) for s in later)


def _to_date(kind: MetricKind, observed: Observed, first: int, last: int) -> float | None:
    """Ist from month index `first` to `last`, only where every one of them has a value:
    the Vorjahr of §3 (the same months one year earlier, all reported), so that the line
    at the report month is the Vorjahr the table and the workbook show."""
    months = range(first, last + 1)
    if not covers(observed.present, months):
        return None
    return actual_of(kind, observed.values, list(months), observed.denominator)


def target_curve(
    metric: Metric,
    target: Target,
    report_month: Month,
    observed: Observed,
    open_months: Period = OPEN_PERIOD,
) -> Curve:
    """The curve of `target` at `report_month` from its logged values."""
    months = tuple(target.period.months())
    last = min(report_month, target.last)
    upto = [
        compute_progress(metric, target, month, observed, open_months)
        for month in months
        if month <= last
    ]
    pad = (None,) * (len(months) - len(upto))
    schedule = planned_schedule(metric, target)
    shifted = Observed(
        {i + 12: v for i, v in observed.values.items()},
        None
        if observed.denominator is None
        else {i + 12: v for i, v in observed.denominator.items()},
    )
    first = target.first.index
    return Curve(
        months=months,
        monthly=tuple(
            actual_of(metric.kind, observed.values, [m.index], observed.denominator)
            if m.index in observed.present
            else None
            for m in months
        ),
        cumulative=tuple(p.actual_to_date for p in upto) + pad,
        plan=tuple(p.plan_to_date for p in upto) + _continued(upto, schedule),
        previous=tuple(
            _to_date(metric.kind, shifted, first, m.index) if m.index in shifted.present else None
            for m in months
        ),
        forecast=upto[-1].forecast if upto else None,
    )
