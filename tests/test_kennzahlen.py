"""The figures a controller defends in a target review (DESIGN §3), each expected value
computed by hand from the definitions: gaps, the Meldeschluss month, the official
rolling Kennzahlen (K2, K3), the unbiased plan of a ratio, a comparable Vorjahr and
the status on the attainment as shown."""

from __future__ import annotations

import pytest

from aipdesk.domain.model import Direction, Metric, MetricKind, Status, Target
from aipdesk.domain.months import Month, Period
from aipdesk.domain.progress import Basis, Inputs, Observed, progress_from_series
from aipdesk.domain.reporting import Holdup, meldeschluss

FLOW = Metric("integrations", "Integrationen", MetricKind.FLOW)
STOCK_DOWN = Metric("lzb_stock", "LZB", MetricKind.STOCK, Direction.DOWN)
RATIO = Metric(
    "integration_rate", "IQ", MetricKind.RATIO, numerator="integrations", denominator="elb_stock"
)


def year_target(value: float | None, year: int = 2021, **extra: object) -> Target:
    return Target("P", "m", Month(year, 1), Month(year, 12), value, **extra)  # type: ignore[arg-type]


def series(start: Month, *values: float | None) -> dict[Month, float]:
    return {start.shift(i): v for i, v in enumerate(values) if v is not None}


JAN21 = Month(2021, 1)
JAN20 = Month(2020, 1)

# ---- 1. gaps are gaps ------------------------------------------------------------------


def test_a_missing_month_is_left_out_of_soll_and_ist_alike() -> None:
    """NeuStart, 700 a year (linear), April not reported, report month June."""
    values = series(JAN21, 60, 55, 70, None, 58, 62)
    p = progress_from_series(FLOW, year_target(700), Month(2021, 6), Inputs(values))
    ist = 60 + 55 + 70 + 58 + 62  # 305
    soll = 700 * 5 / 12  # five reported months of twelve: 291.67
    assert p.actual_to_date == ist
    assert p.plan_to_date == pytest.approx(soll)
    assert p.attainment_pct == pytest.approx(100 * ist / soll)  # 104.6 %
    assert p.status is Status.GREEN  # with April as zero it would be 87.1 %: red
    assert p.deviation == pytest.approx(ist - soll)
    assert p.forecast == pytest.approx(ist / (5 / 12))  # 732
    assert p.months_missing == (Month(2021, 4),)
    assert not p.complete
    assert (p.months_reported, p.months_elapsed) == (5, 6)


def test_a_gap_with_a_plan_curve_takes_the_weights_of_the_reported_months() -> None:
    weights = (0.1, 0.1, 0.2) + (0.6 / 9,) * 9
    values = series(JAN21, 10, None, 25)
    p = progress_from_series(
        FLOW, year_target(100, weights=weights), Month(2021, 3), Inputs(values)
    )
    assert p.plan_to_date == pytest.approx(100 * (0.1 + 0.2))  # January and March only
    assert p.attainment_pct == pytest.approx(100 * 35 / 30)
    assert p.forecast == pytest.approx(35 / 0.3)
    assert p.months_missing == (Month(2021, 2),)


def test_a_ratio_month_counts_only_with_both_parts() -> None:
    """The ELB stock of February is missing: February is left out of numerator and
    denominator alike (fewer than 12 logged ELB months: D̂ is the mean so far)."""
    inputs = Inputs(
        numerator=series(JAN21, 500, 520, 560),
        denominator=series(JAN21, 28000, None, 27800),
    )
    p = progress_from_series(RATIO, year_target(24.6), Month(2021, 3), inputs)
    mean_elb = (28000 + 27800) / 2
    ist = 100 * (500 + 560) / mean_elb  # 3.8058 %
    soll = 24.6 * (2 / 12) * mean_elb / mean_elb  # 4.1
    assert p.actual_to_date == pytest.approx(ist)
    assert p.plan_to_date == pytest.approx(soll)
    assert p.attainment_pct == pytest.approx(100 * (500 + 560) / (0.246 * mean_elb * 2 / 12))
    assert p.months_missing == (Month(2021, 2),)
    assert p.denominator_basis == Basis.MEAN


def test_months_outside_the_project_are_never_missing() -> None:
    values = series(JAN21, 5, 6, 7)
    p = progress_from_series(
        FLOW, year_target(100), Month(2021, 6), Inputs(values), Period(None, Month(2021, 3))
    )
    assert p.months_missing == ()
    assert p.complete


def test_nothing_reported_shows_the_plan_of_the_elapsed_months_without_a_light() -> None:
    p = progress_from_series(FLOW, year_target(120), Month(2021, 3), Inputs())
    assert p.plan_to_date == pytest.approx(30)
    assert p.actual_to_date is None and p.status is Status.NONE
    assert p.months_missing == (Month(2021, 1), Month(2021, 2), Month(2021, 3))


# ---- 2. the Meldeschluss month -----------------------------------------------------------


def _observed(*months: int, year: int = 2021) -> Observed:
    return Observed({Month(year, m).index: 1.0 for m in months})


def _target(project: str, first: Month = JAN21) -> Target:
    return Target(project, "integrations", first, Month(2021, 12), 100)


OPEN = Period()


def test_a_stray_later_value_never_moves_the_report_month() -> None:
    # NeuStart January to June, and one December value typed by mistake.
    choice = meldeschluss(2021, [(_target("NEUSTART"), _observed(1, 2, 3, 4, 5, 6, 12), OPEN)])
    assert choice is not None
    assert choice.month == Month(2021, 6)
    assert choice.latest == Month(2021, 12)
    assert choice.holdups == (Holdup("NEUSTART", "integrations", Month(2021, 7)),)


def test_a_project_with_only_a_stray_value_holds_nobody_back() -> None:
    choice = meldeschluss(
        2021,
        [
            (_target("NEUSTART"), _observed(1, 2, 3, 4, 5, 6), OPEN),
            (_target("IP"), _observed(12), OPEN),
        ],
    )
    assert choice is not None and choice.month == Month(2021, 6)


def test_the_month_a_project_has_not_reported_yet_holds_the_report_month() -> None:
    choice = meldeschluss(
        2021,
        [
            (_target("NEUSTART"), _observed(1, 2, 3, 4, 5, 6), OPEN),
            (_target("LIA"), _observed(1, 2, 3, 4, 5), OPEN),
            (_target("EXG"), _observed(), OPEN),  # nothing yet: not counted
        ],
    )
    assert choice is not None
    assert choice.month == Month(2021, 5)
    assert choice.holdups == (Holdup("LIA", "integrations", Month(2021, 6)),)


def test_a_gap_holds_the_report_month_before_it() -> None:
    choice = meldeschluss(2021, [(_target("NEUSTART"), _observed(1, 2, 4, 5, 6), OPEN)])
    assert choice is not None and choice.month == Month(2021, 2)


def test_targets_and_projects_count_from_their_first_month() -> None:
    late = _target("NEU", first=Month(2021, 7))
    choice = meldeschluss(
        2021,
        [
            (_target("NEUSTART"), _observed(*range(1, 10)), OPEN),
            (late, _observed(7, 8, 9), OPEN),
            (_target("LATE"), _observed(4, 5, 6, 7, 8, 9), Period(Month(2021, 4), None)),
            (_target("ENDED"), _observed(1, 2, 3), Period(None, Month(2021, 3))),
        ],
    )
    assert choice is not None and choice.month == Month(2021, 9)
    assert choice.holdups == ()


def test_no_value_in_the_year_no_meldeschluss() -> None:
    assert meldeschluss(2021, [(_target("NEUSTART"), _observed(1, 2, year=2020), OPEN)]) is None


# ---- 3. official Kennzahlen: K2 and K3 on a 24-month series -----------------------------

# Integrations and ELB stock of 2020 and 2021, LZB stock as well.
INTEGRATIONS_2020 = [510, 470, 560, 300, 420, 500, 530, 440, 520, 560, 480, 410]
INTEGRATIONS_2021 = [590, 540, 610, 560, 570, 600, 620, 510, 600, 640, 560, 500]
ELB_2020 = [30100, 30300, 30500, 30900, 31200, 31000, 30800, 30600, 30400, 30300, 30200, 30100]
ELB_2021 = [30000, 29900, 29700, 29500, 29400, 29200, 29000, 28900, 28700, 28600, 28500, 28300]
LZB_2020 = [17600, 17650, 17700, 17800, 17900, 18000, 18050, 18100, 18150, 18150, 18200, 18250]
LZB_2021 = [18200, 18150, 18100, 18000, 17950, 17900, 17800, 17700, 17650, 17600, 17500, 17400]
INTEGRATIONS = [*INTEGRATIONS_2020, *INTEGRATIONS_2021]
ELB = [*ELB_2020, *ELB_2021]
LZB = [*LZB_2020, *LZB_2021]


def _k2(integrations: list[int], elb: list[int]) -> float:
    return 100 * sum(integrations) / (sum(elb) / len(elb))


def test_k2_is_the_rolling_twelve_month_quote_and_its_change() -> None:
    inputs = Inputs(numerator=series(JAN20, *INTEGRATIONS), denominator=series(JAN20, *ELB))
    p = progress_from_series(RATIO, year_target(24.6), Month(2021, 12), inputs)
    k2_2021 = _k2(INTEGRATIONS[12:], ELB[12:])
    k2_2020 = _k2(INTEGRATIONS[:12], ELB[:12])
    assert p.rolling_12m == pytest.approx(k2_2021)
    assert p.rolling_12m_previous == pytest.approx(k2_2020)
    assert p.yoy_month_change_pct == pytest.approx(100 * (k2_2021 / k2_2020 - 1))
    # In June the K2 runs July 2020 to June 2021 – unlike the cumulative quote since January.
    june = progress_from_series(RATIO, year_target(24.6), Month(2021, 6), inputs)
    assert june.rolling_12m == pytest.approx(_k2(INTEGRATIONS[6:18], ELB[6:18]))
    assert june.actual_to_date == pytest.approx(_k2(INTEGRATIONS[12:18], ELB[12:18]))
    assert june.yoy_month_change_pct is None  # June 2020's K2 needs 2019


def test_k3_compares_the_month_with_the_same_month_a_year_earlier() -> None:
    inputs = Inputs(series(JAN20, *LZB))
    p = progress_from_series(STOCK_DOWN, year_target(17046), Month(2021, 9), inputs)
    assert p.yoy_month_change_pct == pytest.approx(100 * (17650 / 18150 - 1))  # −2.75 %
    assert p.rolling_12m == pytest.approx(sum(LZB[9:21]) / 12)


def test_flows_roll_over_twelve_months_too() -> None:
    inputs = Inputs(series(JAN20, *INTEGRATIONS))
    p = progress_from_series(FLOW, year_target(700), Month(2021, 12), inputs)
    assert p.rolling_12m == sum(INTEGRATIONS[12:])
    assert p.yoy_month_change_pct == pytest.approx(
        100 * (sum(INTEGRATIONS[12:]) / sum(INTEGRATIONS[:12]) - 1)
    )


def test_the_official_figures_are_undefined_with_one_month_missing() -> None:
    elb = dict(series(JAN20, *ELB))
    del elb[Month(2021, 3)]
    inputs = Inputs(numerator=series(JAN20, *INTEGRATIONS), denominator=elb)
    p = progress_from_series(RATIO, year_target(24.6), Month(2021, 12), inputs)
    assert p.rolling_12m is None and p.yoy_month_change_pct is None
    lzb = dict(series(JAN20, *LZB))
    del lzb[Month(2020, 9)]
    k3 = progress_from_series(STOCK_DOWN, year_target(17046), Month(2021, 9), Inputs(lzb))
    assert k3.yoy_month_change_pct is None


# ---- 4. an unbiased plan for ratios ------------------------------------------------------

# ELB stocks that fall (rise) by 100 a month and average 28,800 over 2021; on plan, the
# 24 % quote means 0.24 · 28,800 = 6,912 integrations in the year: 576 a month.
FALLING = [30550 - 100 * t for t in range(24)]
RISING = [27050 + 100 * t for t in range(24)]


@pytest.mark.parametrize("elb", [FALLING, RISING], ids=["falling", "rising"])
def test_a_jobcenter_exactly_on_plan_shows_100_percent_every_month(elb: list[int]) -> None:
    assert sum(elb[12:]) / 12 == 28800
    integrations = [576] * 24
    inputs = Inputs(numerator=series(JAN20, *integrations), denominator=series(JAN20, *elb))
    for month in range(1, 13):
        p = progress_from_series(RATIO, year_target(24), Month(2021, month), inputs)
        assert p.denominator_basis == Basis.TREND
        assert p.denominator_expected == pytest.approx(28800)
        assert p.attainment_pct == pytest.approx(100), month
        assert p.status is Status.GREEN
        assert p.forecast == pytest.approx(24)
        mean_so_far = sum(elb[12 : 12 + month]) / month
        assert p.actual_to_date == pytest.approx(100 * 576 * month / mean_so_far)
        assert p.plan_to_date == pytest.approx(24 * month / 12 * 28800 / mean_so_far)


def test_the_old_plan_was_amber_on_plan_while_the_stock_falls() -> None:
    """What T·W said in January: Soll 2.0 % against an Ist of 100·576/30,350 = 1.90 %."""
    ist = 100 * 576 / FALLING[12]
    assert 90 <= 100 * ist / (24 / 12) < 100  # amber, although exactly on plan


def test_a_planned_denominator_mean_is_used_as_entered() -> None:
    inputs = Inputs(numerator=series(JAN21, 600, 600), denominator=series(JAN21, 29000, 28800))
    target = year_target(24, denominator_plan=30000.0)
    p = progress_from_series(RATIO, target, Month(2021, 2), inputs)
    assert p.denominator_basis == Basis.PLAN
    planned_numerator = 0.24 * 30000 * 2 / 12  # 1,200
    assert p.attainment_pct == pytest.approx(100 * 1200 / planned_numerator)
    assert p.plan_to_date == pytest.approx(24 * 2 / 12 * 30000 / 28900)
    assert p.forecast == pytest.approx(100 * (1200 / (2 / 12)) / 30000)


# ---- 5. a comparable Vorjahr ---------------------------------------------------------------


def test_the_previous_year_counts_only_when_all_its_months_have_values() -> None:
    current = series(JAN21, 50, 60, 65, 70, 55, 62)
    partial = series(JAN20, 40, 50, 60)  # only three months of 2020 were logged
    p = progress_from_series(FLOW, year_target(700), Month(2021, 6), Inputs(current | partial))
    assert p.previous_year_actual is None and p.previous_year_change_pct is None
    whole = series(JAN20, 40, 50, 60, 45, 55, 50)
    p = progress_from_series(FLOW, year_target(700), Month(2021, 6), Inputs(current | whole))
    assert p.previous_year_actual == 300
    assert p.previous_year_change_pct == pytest.approx(100 * (362 - 300) / 300)


def test_the_previous_year_follows_the_reported_months() -> None:
    current = series(JAN21, 50, None, 65)
    before = series(JAN20, 40, None, 60)  # February missing in both years: comparable
    p = progress_from_series(FLOW, year_target(700), Month(2021, 3), Inputs(current | before))
    assert p.previous_year_actual == 100
    assert p.previous_year_change_pct == pytest.approx(15)


def test_a_project_younger_than_a_year_has_no_previous_year() -> None:
    guide = Target("GUIDE", "participants", Month(2019, 11), Month(2024, 4), 235)
    values = series(Month(2019, 11), *[4] * 20)  # 2019-11 … 2021-06
    p = progress_from_series(FLOW, guide, Month(2021, 6), Inputs(values))
    assert p.previous_year_actual is None  # 2018-11 … 2020-06 is not all there


# ---- 6. the colour follows the number shown -----------------------------------------------


@pytest.mark.parametrize(
    ("ist", "shown", "status"),
    [
        (2999, "100.0", Status.GREEN),  # 99.967 % is shown as 100,0 %
        (2998, "99.9", Status.AMBER),  # 99.933 %
        (2699, "90.0", Status.AMBER),  # 89.967 %
        (2698, "89.9", Status.RED),
    ],
)
def test_the_status_is_decided_on_the_attainment_as_shown(
    ist: int, shown: str, status: Status
) -> None:
    values = series(JAN21, ist, 0, 0)  # Soll of the first quarter: 12,000 / 4 = 3,000
    p = progress_from_series(FLOW, year_target(12000), Month(2021, 3), Inputs(values))
    assert p.plan_to_date == pytest.approx(3000)
    assert f"{p.attainment_pct:.1f}" == shown
    assert p.status is status


def test_the_planned_change_rate_is_carried() -> None:
    p = progress_from_series(FLOW, year_target(700, change_pct=14.5), JAN21, Inputs())
    assert p.planned_change_pct == 14.5


# ---- the curve the charts draw -------------------------------------------------------------


def test_the_chart_curve_ends_at_the_status_figures_and_continues_without_a_jump() -> None:
    from aipdesk.domain.curves import target_curve

    values = series(JAN21, 60, 55, 70, None, 58, 62) | series(JAN20, *[50] * 12)
    curve = target_curve(
        FLOW, year_target(1200), Month(2021, 6), Inputs(values).observed(FLOW.kind)
    )
    assert curve.cumulative[:6] == (60, 115, 185, 185, 243, 305)
    assert curve.cumulative[6:] == (None,) * 6
    # Soll: 100 a month, April left out like with like; then on by 100 a month.
    assert curve.plan == pytest.approx(
        [100, 200, 300, 300, 400, 500, 600, 700, 800, 900, 1000, 1100]
    )
    assert curve.monthly[:6] == (60, 55, 70, None, 58, 62)
    assert curve.previous == tuple(50 * k for k in range(1, 13))
    assert curve.forecast == pytest.approx(305 / (5 / 12))


def test_the_meldeschluss_reason_names_at_most_the_limit_and_counts_the_rest() -> None:
    from aipdesk.domain.reporting import ReportMonthChoice

    holdups = tuple(Holdup(f"P{n}", "integrations", Month(2021, 3)) for n in range(5))
    choice = ReportMonthChoice(Month(2021, 2), Month(2021, 6), holdups)

    def name(h: Holdup) -> str:
        return h.project

    assert choice.explain("de", name, limit=2) == (
        "Meldeschluss: bis 2021-02 vollständig gemeldet; es fehlt noch: P0 2021-03; "
        "P1 2021-03; und 3 weitere (Werte liegen bis 2021-06 vor)"
    )
    assert choice.explain("en", name, limit=5).count("2021-03") == 5  # all fit: no count
    assert "more" not in choice.explain("en", name, limit=5)
    assert choice.explain("en", name, limit=4).endswith(
        "P3 2021-03; and 1 more (values reach 2021-06)"
    )
    assert choice.explain("de", name).count("2021-03") == 5  # no limit: every target
