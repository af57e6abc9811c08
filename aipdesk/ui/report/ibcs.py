"""Charts in the notation of the International Business Communication Standards (IBCS),
which German controlling reads: Ist solid dark, Plan outlined, Hochrechnung hatched,
Vorjahr grey; columns from zero; deviations from plan as red/green bars (absolute) and
pins (relative, in %).

The figures come from `ChartData` (`target_curve`, the window's chart) and the status
row (`compute_progress`): nothing is computed here but where to draw it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aipdesk.domain.messages import Note
from aipdesk.domain.model import Direction, MetricKind
from aipdesk.domain.months import Month
from aipdesk.format import Formatter
from aipdesk.services.results import ChartData, StatusRow
from aipdesk.ui.report.layout import (
    BAD,
    CENTER,
    GOOD,
    GREY,
    INK,
    LEFT,
    LIGHT,
    MUTED,
    WHITE,
    Canvas,
)


def bullet(canvas: Canvas, x: float, y: float, w: float, h: float, row: StatusRow) -> None:
    """A bullet bar: Vorjahr as a wide grey bar, Ist as a narrow dark one, Soll as a
    mark across both; all from zero on one scale."""
    p = row.progress
    values = [v for v in (p.actual_to_date, p.plan_to_date, p.previous_year_actual) if v]
    if not values or p.actual_to_date is None:
        return
    top = max(values) * 1.08
    scale = w / top if top > 0 else 0.0
    if p.previous_year_actual:
        canvas.box(x, y + h * 0.2, p.previous_year_actual * scale, h * 0.6, fill=GREY)
    canvas.box(x, y + h * 0.35, p.actual_to_date * scale, h * 0.3, fill=INK)
    if p.plan_to_date is not None:
        mark = x + p.plan_to_date * scale
        canvas.line(mark, y + h * 0.1, mark, y + h * 0.9, INK, 0.45)
    canvas.line(x, y + h * 0.1, x, y + h * 0.9, INK, 0.15)  # zero


@dataclass(frozen=True)
class Columns:
    """The chart's figures over the months of the report year."""

    months: tuple[Month, ...]
    actual: tuple[float | None, ...]
    plan: tuple[float | None, ...]
    previous: tuple[float | None, ...]
    forecast: tuple[float | None, ...]  # after the report month only


def columns(chart: ChartData, year: int) -> Columns:
    """Ist, Plan and Vorjahr to date at each month of `year` in the target period, and
    the Hochrechnung after the report month: a count grows to its Hochrechnung along the
    plan curve (the pace so far kept), a stock or quote stays at it."""
    keep = [i for i, month in enumerate(chart.months) if month.year == year]
    months = tuple(chart.months[i] for i in keep)
    end_plan = chart.plan[-1] if chart.plan else None
    forecast: list[float | None] = []
    for i in keep:
        month = chart.months[i]
        if month <= chart.report_month or chart.forecast is None:
            forecast.append(None)
        elif chart.metric.kind is not MetricKind.FLOW:
            forecast.append(chart.forecast)
        elif end_plan and chart.plan[i] is not None:
            forecast.append(chart.forecast * (chart.plan[i] or 0.0) / end_plan)
        else:
            forecast.append(chart.forecast * (i + 1) / len(chart.months))
    return Columns(
        months,
        tuple(chart.cumulative[i] for i in keep),
        tuple(chart.plan[i] for i in keep),
        tuple(chart.previous[i] for i in keep),
        tuple(forecast),
    )


def deviation_good(value: float, direction: Direction) -> bool:
    return value >= 0 if direction is Direction.UP else value <= 0


LEGEND = (
    ("actual", Note.report_legend_actual),
    ("plan", Note.report_legend_plan),
    ("forecast", Note.report_legend_forecast),
    ("previous", Note.report_legend_previous),
    ("delta", Note.report_legend_delta),
)


def legend(
    canvas: Canvas,
    x: float,
    y: float,
    tell: Callable[[Note], str],
    items: Sequence[tuple[str, Note]] = LEGEND,
) -> None:
    """The kinds of column (actual, plan, forecast, previous) and the deviations (delta)
    of `items`, each with its catalogue text, in a line."""
    size = 6.5
    for kind, note in items:
        if kind == "actual":
            canvas.box(x, y + 0.6, 3.0, 2.4, fill=INK)
        elif kind == "plan":
            canvas.box(x, y + 0.6, 3.0, 2.4, outline=INK, width=0.3)
        elif kind == "forecast":
            canvas.hatch(x, y + 0.6, 3.0, 2.4)
        elif kind == "previous":
            canvas.box(x, y + 0.6, 3.0, 2.4, fill=GREY)
        else:
            canvas.box(x, y + 0.6, 1.5, 2.4, fill=GOOD)
            canvas.box(x + 1.5, y + 0.6, 1.5, 2.4, fill=BAD)
        text = tell(note)
        canvas.text(x + 4.0, y, 40, 3.6, text, size, color=MUTED)
        x += 4.0 + canvas.width(text, size) + 5.0


def chart(
    canvas: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    chart_data: ChartData,
    year: int,
    fmt: Formatter,
    decimals: int,
) -> None:
    """The plan-vs-actual chart of one target over the months of `year`: the columns
    (upper 60 %), the month names, the absolute deviation from plan (bars) and the
    relative one (pins, in %)."""
    cols = columns(chart_data, year)
    n = len(cols.months)
    if n == 0:
        return
    slot = w / n
    main_h, label_h = h * 0.56, 4.2
    delta_h = (h - main_h - label_h) / 2
    values = [
        v
        for series in (cols.actual, cols.plan, cols.previous, cols.forecast)
        for v in series
        if v is not None
    ]
    top = max(values, default=0.0)
    scale = (main_h - 4.0) / top if top > 0 else 0.0
    base = y + main_h
    for index in range(n):
        left = x + index * slot
        bar_w = slot * 0.46
        previous, plan = cols.previous[index], cols.plan[index]
        actual, forecast = cols.actual[index], cols.forecast[index]
        if previous is not None:
            canvas.box(left + slot * 0.08, base, bar_w, -previous * scale, fill=GREY)
        if plan is not None:
            canvas.box(
                left + slot * 0.44, base, bar_w, -plan * scale, fill=WHITE, outline=INK, width=0.25
            )
        if actual is not None:
            canvas.box(left + slot * 0.26, base, bar_w, -actual * scale, fill=INK)
        elif forecast is not None:
            canvas.hatch(left + slot * 0.26, base, bar_w, -forecast * scale)
        shown = actual if actual is not None else forecast
        is_last = index == n - 1 or cols.months[index] == chart_data.report_month
        if shown is not None and is_last:
            canvas.text(
                left,
                base - shown * scale - 3.4,
                slot,
                3.2,
                fmt.number(shown, decimals),
                5.5,
                bold=True,
                align=CENTER,
            )
        canvas.text(
            left,
            base + 0.3,
            slot,
            label_h - 0.3,
            fmt.month_names()[cols.months[index].month - 1],
            6,
            align=CENTER,
            color=MUTED,
        )
    canvas.line(x, base, x + w, base, INK, 0.3)
    # Deviations from plan up to the report month: absolute bars, relative pins.
    deltas: list[float | None] = []
    percents: list[float | None] = []
    for actual, plan in zip(cols.actual, cols.plan, strict=True):
        if actual is None or plan is None:
            deltas.append(None)
            percents.append(None)
            continue
        deltas.append(actual - plan)
        percents.append(100.0 * (actual - plan) / plan if plan else None)
    direction = chart_data.metric.direction
    _deviation_row(
        canvas, x, base + label_h, w, delta_h, deltas, direction, fmt, decimals, pins=False
    )
    _deviation_row(
        canvas, x, base + label_h + delta_h, w, delta_h, percents, direction, fmt, 1, pins=True
    )


def _deviation_row(
    canvas: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    values: list[float | None],
    direction: Direction,
    fmt: Formatter,
    decimals: int,
    pins: bool,
) -> None:
    present = [abs(v) for v in values if v is not None]
    if not present:
        return
    slot = w / len(values)
    mid = y + h / 2
    reach = max(present)
    scale = (h / 2 - 3.2) / reach if reach > 0 else 0.0
    canvas.line(x, mid, x + w, mid, LIGHT if pins else INK, 0.2)
    canvas.text(x - 14.0, mid - 1.6, 13.0, 3.2, "Δ %" if pins else "Δ", 6, align=LEFT, color=MUTED)
    for index, value in enumerate(values):
        if value is None:
            continue
        color = GOOD if deviation_good(value, direction) else BAD
        left = x + index * slot
        centre = left + slot / 2
        length = value * scale
        if pins:
            canvas.line(centre, mid, centre, mid - length, color, 0.35)
            canvas.box(centre - 0.7, mid - length - 0.7, 1.4, 1.4, fill=color)
        else:
            canvas.box(left + slot * 0.26, mid, slot * 0.46, -length, fill=color)
        text = fmt.signed(value, decimals) + (" %" if pins else "")
        text_y = mid - length - 3.0 if value >= 0 else mid - length + 0.2
        canvas.text(left, text_y, slot, 2.8, text, 5, align=CENTER, color=INK)
