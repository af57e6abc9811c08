"""DESIGN §3 against numbers computed by hand, and its invariants as properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Direction, Metric, MetricKind, Status, Target, validate_weights
from aipdesk.domain.months import Month
from aipdesk.domain.progress import Inputs, progress_from_series

FLOW = Metric("integrations", "Integrationen", MetricKind.FLOW)
STOCK_DOWN = Metric("lzb_stock", "LZB", MetricKind.STOCK, Direction.DOWN)
STOCK_UP = Metric("taam_stock", "TaAM", MetricKind.STOCK, Direction.UP)
RATIO = Metric(
    "integration_rate", "IQ", MetricKind.RATIO, numerator="integrations", denominator="elb_stock"
)


def year_target(value: float | None, weights: tuple[float, ...] | None = None) -> Target:
    return Target("P", "m", Month(2021, 1), Month(2021, 12), value, weights)


JANUARY = Month(2021, 1)


def months(*values: float | None, start: Month = JANUARY) -> dict[Month, float]:
    return {start.shift(i): v for i, v in enumerate(values) if v is not None}


def test_flow_on_plan() -> None:
    p = progress_from_series(FLOW, year_target(700), Month(2021, 3), Inputs(months(50, 60, 65)))
    assert p.actual_to_date == 175
    assert p.plan_share == pytest.approx(0.25)
    assert p.plan_to_date == pytest.approx(175)
    assert p.attainment_pct == pytest.approx(100)
    assert p.deviation == pytest.approx(0)
    assert p.forecast == pytest.approx(700)
    assert p.status is Status.GREEN


@pytest.mark.parametrize(
    ("march", "attainment", "status"),
    [
        (40, 150 / 175 * 100, Status.RED),  # 85.7 %
        (55, 165 / 175 * 100, Status.AMBER),  # 94.3 %
        (80, 190 / 175 * 100, Status.GREEN),
    ],
)
def test_flow_traffic_light(march: int, attainment: float, status: Status) -> None:
    p = progress_from_series(FLOW, year_target(700), Month(2021, 3), Inputs(months(50, 60, march)))
    assert p.attainment_pct == pytest.approx(attainment)
    assert p.deviation == pytest.approx(110 + march - 175)
    assert p.forecast == pytest.approx((110 + march) * 4)
    assert p.status is status


def test_stock_down_uses_the_running_average() -> None:
    p = progress_from_series(
        STOCK_DOWN, year_target(17046), Month(2021, 3), Inputs(months(17500, 17300, 17200))
    )
    mean = (17500 + 17300 + 17200) / 3  # 17333.33
    assert p.actual_to_date == pytest.approx(mean)
    assert p.plan_to_date == 17046
    assert p.attainment_pct == pytest.approx(17046 / mean * 100)  # 98.34 %
    assert p.deviation == pytest.approx(mean - 17046)
    assert p.forecast == pytest.approx(mean)
    assert p.status is Status.AMBER


def test_ratio_integration_rate() -> None:
    inputs = Inputs(numerator=months(500, 520, 560), denominator=months(28000, 27900, 27800))
    p = progress_from_series(RATIO, year_target(24.6), Month(2021, 3), inputs)
    value = 100 * 1580 / 27900  # 5.663 %
    assert p.actual_to_date == pytest.approx(value)
    assert p.plan_to_date == pytest.approx(24.6 * 0.25)  # 6.15
    assert p.attainment_pct == pytest.approx(value / 6.15 * 100)  # 92.1 %
    assert p.forecast == pytest.approx(value * 4)
    assert p.status is Status.AMBER


def test_missing_month_is_not_zero() -> None:
    p = progress_from_series(FLOW, year_target(700), Month(2021, 3), Inputs(months(50, None, 65)))
    assert p.actual_to_date == 115
    assert p.months_reported == 2 and p.months_elapsed == 3
    stock = progress_from_series(
        STOCK_UP, year_target(400), Month(2021, 3), Inputs(months(380, None, 400))
    )
    assert stock.actual_to_date == pytest.approx(390)  # mean of the logged months only


def test_no_data_no_status() -> None:
    p = progress_from_series(FLOW, year_target(700), Month(2021, 3), Inputs())
    assert p.actual_to_date is None and p.forecast is None and p.deviation is None
    assert p.plan_to_date == pytest.approx(175)
    assert p.status is Status.NONE


def test_without_target_value_ist_is_still_shown() -> None:
    p = progress_from_series(FLOW, year_target(None), Month(2021, 2), Inputs(months(20, 30)))
    assert p.target is None and p.plan_to_date is None and p.attainment_pct is None
    assert p.actual_to_date == 50 and p.forecast == pytest.approx(300)
    assert p.status is Status.NONE


def test_custom_plan_curve() -> None:
    weights = (0.05, 0.05, 0.1) + (0.8 / 9,) * 9
    p = progress_from_series(
        FLOW, year_target(700, weights), Month(2021, 3), Inputs(months(35, 35, 70))
    )
    assert p.plan_share == pytest.approx(0.2)
    assert p.plan_to_date == pytest.approx(140)
    assert p.forecast == pytest.approx(700)
    assert p.status is Status.GREEN


def test_multi_year_target_runs_over_its_whole_period() -> None:
    guide = Target("GUIDE", "participants", Month(2019, 11), Month(2024, 4), 235)
    values = {Month(2019, 11).shift(i): 4 for i in range(20)}  # 2019-11 … 2021-06
    p = progress_from_series(FLOW, guide, Month(2021, 6), Inputs(values))
    assert p.months_elapsed == 20
    assert p.plan_to_date == pytest.approx(235 * 20 / 54)  # 87.04
    assert p.actual_to_date == 80
    assert p.forecast == pytest.approx(80 * 54 / 20)  # 216


def test_report_month_outside_the_period() -> None:
    before = progress_from_series(FLOW, year_target(700), Month(2020, 12), Inputs(months(50)))
    assert before.months_elapsed == 0 and before.plan_share == 0
    assert before.actual_to_date is None and before.forecast is None
    after = progress_from_series(FLOW, year_target(700), Month(2022, 5), Inputs(months(*[60] * 12)))
    assert after.months_elapsed == 12 and after.plan_to_date == pytest.approx(700)
    assert after.actual_to_date == 720


def test_previous_year_comparison() -> None:
    values = months(50, 60, 65) | months(40, 50, 60, start=Month(2020, 1))
    p = progress_from_series(FLOW, year_target(700), Month(2021, 3), Inputs(values))
    assert p.previous_year_actual == 150
    assert p.previous_year_change_pct == pytest.approx((175 - 150) / 150 * 100)


def test_thresholds_per_metric() -> None:
    lenient = Metric("m", "m", MetricKind.FLOW, green_pct=95, amber_pct=80)
    p = progress_from_series(lenient, year_target(1200), Month(2021, 1), Inputs(months(96)))
    assert p.attainment_pct == pytest.approx(96)
    assert p.status is Status.GREEN
    p = progress_from_series(lenient, year_target(1200), Month(2021, 1), Inputs(months(81)))
    assert p.status is Status.AMBER


def test_down_metric_at_zero_is_green() -> None:
    p = progress_from_series(STOCK_DOWN, year_target(100), Month(2021, 1), Inputs(months(0)))
    assert p.status is Status.GREEN


# ---- properties ------------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=100_000)
target_values = st.floats(min_value=1, max_value=1e6, allow_nan=False)


@st.composite
def weight_curves(draw: st.DrawFn, n: int = 12) -> tuple[float, ...]:
    raw = draw(st.lists(st.floats(min_value=0, max_value=100), min_size=n, max_size=n))
    assume(sum(raw) > 1e-3)
    total = sum(raw)
    return tuple(w / total for w in raw)


@given(target_values, weight_curves(), st.lists(counts, min_size=12, max_size=12))
def test_soll_at_period_end_equals_target(
    value: float, weights: tuple[float, ...], logged: list[int]
) -> None:
    p = progress_from_series(
        FLOW, year_target(value, weights), Month(2021, 12), Inputs(months(*logged))
    )
    assert p.plan_to_date == pytest.approx(value)


@given(target_values, st.integers(1, 12), st.lists(counts, min_size=12, max_size=12))
def test_attainment_deviation_forecast_agree(value: float, report: int, logged: list[int]) -> None:
    p = progress_from_series(FLOW, year_target(value), Month(2021, report), Inputs(months(*logged)))
    assert p.actual_to_date is not None and p.plan_to_date is not None
    assert p.deviation == pytest.approx(p.actual_to_date - p.plan_to_date)
    assert p.attainment_pct == pytest.approx(100 * p.actual_to_date / p.plan_to_date)
    assert p.forecast == pytest.approx(p.actual_to_date / p.plan_share)
    # With a linear plan, attainment is the forecast as a share of the target.
    assert p.attainment_pct == pytest.approx(100 * p.forecast / value)
    assert (p.deviation >= -1e-9) == (p.attainment_pct >= 100 - 1e-9)


@given(target_values, st.lists(st.integers(1, 100_000), min_size=1, max_size=12))
def test_down_inverts_attainment(value: float, logged: list[int]) -> None:
    report = Month(2021, len(logged))
    up = progress_from_series(STOCK_UP, year_target(value), report, Inputs(months(*logged)))
    down = progress_from_series(STOCK_DOWN, year_target(value), report, Inputs(months(*logged)))
    assert up.attainment_pct is not None and down.attainment_pct is not None
    assert up.attainment_pct * down.attainment_pct == pytest.approx(100 * 100)
    assert up.deviation == down.deviation  # Ist − Soll, whatever the direction


@given(st.lists(st.floats(min_value=0, max_value=1, allow_nan=False), min_size=12, max_size=12))
def test_weights_that_do_not_sum_to_one_are_refused(weights: list[float]) -> None:
    assume(not math.isclose(sum(weights), 1.0, abs_tol=1e-6))
    with pytest.raises(DomainError) as info:
        validate_weights(weights, Month(2021, 1), 12)
    assert info.value.code == "weights_sum"
    with pytest.raises(DomainError):
        year_target(700, tuple(weights)).validate()


def test_weights_negative_or_wrong_count_are_refused() -> None:
    with pytest.raises(DomainError) as info:
        validate_weights([0.5, 0.6, -0.1] + [0.0] * 9, Month(2021, 1), 12)
    assert info.value.code == "weights_negative" and "(März 2021: " in str(info.value)
    with pytest.raises(DomainError) as info:
        validate_weights([0.5, 0.5], Month(2021, 1), 12)
    assert info.value.code == "weights_count"
