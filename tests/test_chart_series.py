"""What the progress chart draws, worked out without Qt (aipdesk.ui.chart.series)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from aipdesk.domain.model import Metric, MetricKind, Project, Target
from aipdesk.domain.months import Month
from aipdesk.services.results import ChartData
from aipdesk.ui.chart import series

MONTHS = tuple(Month(2021, m) for m in range(1, 13))
LABELS = series.ChartLabels("Monthly", "Actual", "Plan", "Target", "Forecast", "Previous")


def flow(report: int = 6) -> ChartData:
    """700 a year, 60 a month logged through September, reported up to `report`."""
    monthly = tuple(60.0 if m <= 9 else None for m in range(1, 13))
    cumulative = tuple(60.0 * m if m <= report else None for m in range(1, 13))
    return ChartData(
        project=Project("NEUSTART", "NeuStart"),
        metric=Metric("integrations", "Integrationen", MetricKind.FLOW),
        target=Target("NEUSTART", "integrations", MONTHS[0], MONTHS[-1], 700.0),
        report_month=Month(2021, report),
        months=MONTHS,
        monthly=monthly,
        cumulative=cumulative,
        plan=tuple(700 / 12 * m for m in range(1, 13)),
        previous=tuple(50.0 * m for m in range(1, 13)),
        forecast=60.0 * report / (report / 12),
    )


def stock() -> ChartData:
    data = flow(12)
    return dataclasses.replace(
        data,
        metric=Metric("lzb_stock", "LZB", MetricKind.STOCK),
        target=dataclasses.replace(data.target, value=17_000.0),
        monthly=(17_500.0,) * 12,
        cumulative=(17_500.0,) * 12,
        plan=(17_000.0,) * 12,
        previous=(17_800.0,) * 12,
        forecast=17_500.0,
    )


def test_points_leave_gaps_for_missing_values() -> None:
    assert series.points([1, None, 3.5]) == ([0.0, 2.0], [1.0, 3.5])
    assert series.points([]) == ([], [])


def test_only_what_is_reported_is_drawn() -> None:
    monthly, previous = series.reported(flow(6))
    assert monthly == [60.0] * 6 + [None] * 6  # September is logged, but after June
    # Vorjahr: a previous-year month up to the report month, so all twelve.
    assert previous == [50.0 * m for m in range(1, 13)]


def test_forecast_runs_from_the_last_actual_to_the_period_end() -> None:
    assert series.forecast_points(flow(6)) == ([5.0, 11.0], [360.0, 720.0])
    # A stock's Ist is its running average, and so is its forecast: a flat line.
    assert series.forecast_points(stock()) == ([11.0, 11.0], [17_500.0, 17_500.0])
    no_actual = dataclasses.replace(flow(), cumulative=(None,) * 12)
    assert series.forecast_points(no_actual) == ([], [])


def test_target_line_spans_the_period_and_a_stock_plan_is_the_target() -> None:
    assert series.target_points(flow()) == ([-0.5, 11.5], [700.0, 700.0])
    none = dataclasses.replace(flow(), target=dataclasses.replace(flow().target, value=None))
    assert series.target_points(none) == ([], [])
    assert series.plan_is_target(stock()) and not series.plan_is_target(flow())


def test_legend_names_what_has_something_to_show() -> None:
    assert series.shown(flow(6)) == series.Shown(True, True, True, True, True, True)
    over = series.shown(stock())  # period over: nothing left to forecast; Soll is the target
    assert (over.plan, over.forecast, over.target) == (False, False, True)


def test_y_range_starts_at_zero_for_counts_and_zooms_in_on_levels() -> None:
    low, high = series.y_range(flow(12))
    assert low == 0 and high == pytest.approx(720 * 1.12)
    low, high = series.y_range(stock())
    assert 0 < low < 17_000 and 17_800 < high < 18_000


def test_month_labels_thin_out_when_the_axis_is_narrow() -> None:
    assert series.month_tick_step(12, 800) == 1
    assert series.month_tick_step(12, 300) == 2
    assert series.month_tick_step(54, 900) == 3
    assert series.month_tick_step(54, 100) == 12


def test_hover_lines_and_figures_to_date() -> None:
    lines = series.hover_lines(flow(6), 2, LABELS, lambda v: "–" if v is None else f"{v:g}", str)
    assert lines == ["2021-03", "Monthly: 60", "Actual: 180", "Plan: 175", "Previous: 150"]
    last = series.hover_lines(flow(6), 11, LABELS, lambda v: "–" if v is None else f"{v:g}", str)
    assert "Monthly: –" in last and "Forecast: 720" in last
    assert series.hover_lines(flow(6), 12, LABELS, str, str) == []
    assert series.to_date(flow(6)) == (360.0, pytest.approx(350.0))


def test_the_helpers_need_no_qt() -> None:
    """The module alone (its package would bring the widget along) loads no Qt."""
    code = (
        "import sys, importlib.util\n"
        "spec = importlib.util.spec_from_file_location('series', 'aipdesk/ui/chart/series.py')\n"
        "sys.modules['series'] = module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))\n"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == "[]"
