"""What the progress chart draws, worked out from `ChartData`: points, ranges, which legend
entries have something to show, the hover lines. Plain Python, no Qt: the widget
(`aipdesk.ui.chart.widget`) hands the results to pyqtgraph."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aipdesk.domain.model import MetricKind
from aipdesk.domain.months import Month

if TYPE_CHECKING:
    from aipdesk.services.results import ChartData


@dataclass(frozen=True)
class ChartLabels:
    """The legend and hover labels, in the UI language."""

    monthly: str
    actual: str
    plan: str
    target: str
    forecast: str
    previous: str


@dataclass(frozen=True)
class Shown:
    """Which series have something to show (a legend entry each)."""

    monthly: bool
    actual: bool
    plan: bool
    target: bool
    forecast: bool
    previous: bool


def points(values: Sequence[float | None]) -> tuple[list[float], list[float]]:
    """x (month index) and y of the values that are there; None leaves a gap."""
    xs: list[float] = []
    ys: list[float] = []
    for index, value in enumerate(values):
        if value is not None:
            xs.append(float(index))
            ys.append(float(value))
    return xs, ys


def reported(data: ChartData) -> tuple[list[float | None], list[float | None]]:
    """Monthly Ist and Vorjahr as of the report month: values logged for later months are
    not drawn. Vorjahr is the comparison for the year shown: it runs over the period's
    months up to the end of the report month's year (all of a calendar-year target, for
    GUIDE's five-year period up to that December), and ends with the period."""
    monthly = [
        v if m <= data.report_month else None
        for m, v in zip(data.months, data.monthly, strict=True)
    ]
    year_end = Month(data.report_month.year, 12)
    previous = [
        v if m <= year_end and m <= data.target.last else None
        for m, v in zip(data.months, data.previous, strict=True)
    ]
    return monthly, previous


def plan_is_target(data: ChartData) -> bool:
    """A stock's Soll is the target value in every month: one line shows both."""
    value = data.target.value
    return value is not None and all(
        p is not None and math.isclose(p, value, rel_tol=1e-9) for p in data.plan
    )


def forecast_points(data: ChartData) -> tuple[list[float], list[float]]:
    """The dashed Hochrechnung: from the last Ist to date to the forecast at the period end.

    A stock's Ist is already the running average and its Hochrechnung that same average,
    so its line runs flat at the forecast.
    """
    xs, ys = points(data.cumulative)
    if data.forecast is None or not xs:
        return [], []
    last = float(len(data.months) - 1)
    start = data.forecast if data.metric.kind is MetricKind.STOCK else ys[-1]
    return [xs[-1], last], [float(start), float(data.forecast)]


def target_points(data: ChartData) -> tuple[list[float], list[float]]:
    """The target value as a horizontal line across the whole period (none without one)."""
    value = data.target.value
    if value is None:
        return [], []
    return [-0.5, len(data.months) - 0.5], [float(value), float(value)]


Points = tuple[list[float], list[float]]


def item_points(data: ChartData) -> dict[str, Points]:
    """The points of each plot item (named as the widget's `<name>_item`): a stock's
    monthly levels as a line, other metrics' as bars; the Soll only where it is not the
    target value itself."""
    monthly, previous = reported(data)
    stock = data.metric.kind is MetricKind.STOCK
    return {
        "bar": points([] if stock else monthly),
        "level": points(monthly if stock else []),
        "actual": points(data.cumulative),
        "plan": points([] if plan_is_target(data) else data.plan),
        "previous": points(previous),
        "forecast": forecast_points(data),
        "target": target_points(data),
    }


def shown(data: ChartData) -> Shown:
    monthly, previous = reported(data)
    forecast_x, _ = forecast_points(data)
    return Shown(
        monthly=any(v is not None for v in monthly),
        actual=any(v is not None for v in data.cumulative),
        plan=any(v is not None for v in data.plan) and not plan_is_target(data),
        target=data.target.value is not None,
        # Nothing to forecast once the period is over: the Hochrechnung is the Ist.
        forecast=bool(forecast_x) and forecast_x[0] < forecast_x[-1],
        previous=any(v is not None for v in previous),
    )


def y_range(data: ChartData) -> tuple[float, float]:
    drawn = (*reported(data), data.cumulative, data.plan)
    values = [v for series in drawn for v in series if v is not None]
    values += [v for v in (data.target.value, data.forecast) if v is not None]
    if not values:
        return 0.0, 1.0
    high = max(values)
    if data.metric.kind is MetricKind.STOCK:
        # Levels vary by a few percent: zoom in on them (bars are cut at the bottom).
        low = min(values)
        span = max(high - low, abs(high) * 0.02, 1.0)
        return max(0.0, low - 0.3 * span), high + 0.15 * span
    # Counts and rates start at zero, so bar heights compare honestly.
    return min(0.0, min(values)), (high * 1.12 if high > 0 else 1.0)


def month_tick_step(count: int, pixels: float, label_pixels: float = 46.0) -> int:
    """Every how many months a label fits: 1, 2, 3, 6 or 12 (aligned to January)."""
    per_month = pixels / max(1, count)
    for step in (1, 2, 3, 6):
        if per_month * step >= label_pixels:
            return step
    return 12


def hover_lines(
    data: ChartData,
    index: int,
    labels: ChartLabels,
    text: Callable[[float | None], str],
    month: Callable[[Month], str],
) -> list[str]:
    """Month, Ist and Soll of one month of the period (what the mouse shows); [] outside."""
    if not 0 <= index < len(data.months):
        return []
    monthly, previous = reported(data)
    lines = [
        month(data.months[index]),
        f"{labels.monthly}: {text(monthly[index])}",
        f"{labels.actual}: {text(data.cumulative[index])}",
        f"{labels.plan}: {text(data.plan[index])}",
    ]
    if index == len(data.months) - 1 and data.forecast is not None:
        lines.append(f"{labels.forecast}: {text(data.forecast)}")
    if previous[index] is not None:
        lines.append(f"{labels.previous}: {text(previous[index])}")
    return lines


def to_date(data: ChartData) -> tuple[float | None, float | None]:
    """Ist and Soll to date at the last month with an Ist (what the summary says)."""
    xs, ys = points(data.cumulative)
    if not xs:
        return None, None
    return ys[-1], data.plan[int(xs[-1])]
