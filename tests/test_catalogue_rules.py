"""Pure catalogue rules: how metrics relate, the partition rule, plan curves typed or
derived from earlier years. Expected figures are worked out by hand in the comments."""

from __future__ import annotations

from dataclasses import replace

import pytest

from aipdesk.domain.catalogue import check_metric, label
from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Metric, MetricKind
from aipdesk.domain.months import Month
from aipdesk.domain.plan import normalise_weights, parse_weights, weights_from_history
from aipdesk.domain.rules import check_family

FLOW, STOCK, RATIO = MetricKind.FLOW, MetricKind.STOCK, MetricKind.RATIO
INTEGRATIONS = Metric("integrations", "Integrationen", FLOW)
WOMEN = Metric("integrations_women", "davon Frauen", FLOW, parent="integrations", partition=True)
MEN = Metric("integrations_men", "davon Männer", FLOW, parent="integrations", partition=True)
ELB = Metric("elb_stock", "ELB (Bestand)", STOCK)
ELB_WOMEN = Metric("elb_stock_women", "davon Frauen", STOCK, parent="elb_stock", partition=True)
RATE = Metric("rate", "Integrationsquote", RATIO, numerator="integrations", denominator="elb_stock")
CATALOG = {m.code: m for m in (INTEGRATIONS, WOMEN, MEN, ELB, ELB_WOMEN, RATE)}
MARCH = Month(2021, 3)


def test_label_names_a_davon_metric_with_its_parent() -> None:
    assert label(WOMEN, CATALOG) == "Integrationen (Frauen)"
    assert label(ELB_WOMEN, CATALOG) == "ELB (Bestand) (Frauen)"
    assert label(INTEGRATIONS, CATALOG) == "Integrationen"
    other = Metric("x", "Frauen gesamt", FLOW, parent="integrations")
    assert label(other, CATALOG) == "Frauen gesamt"  # no "davon": the name as it is


def test_the_catalogue_as_it_is_fits_the_rules() -> None:
    for metric in CATALOG.values():
        check_metric(metric, CATALOG)


@pytest.mark.parametrize(
    ("metric", "code", "text"),
    [
        (
            Metric("q", "Quote", RATIO, numerator="elb_stock", denominator="elb_stock"),
            "ratio_numerator_kind",
            "Der Zähler der Quote „Quote“ (q) muss eine Zählgröße sein; „ELB (Bestand)“ "
            "(elb_stock) ist ein Bestand",
        ),
        (
            Metric("q", "Quote", RATIO, numerator="integrations", denominator="integrations"),
            "ratio_denominator_kind",
            "Der Nenner der Quote „Quote“ (q) muss ein Bestand sein; „Integrationen“ "
            "(integrations) ist eine Zählgröße",
        ),
        (
            Metric("q", "Quote", RATIO, numerator="integrations", denominator="nope"),
            "unknown_metric",
            'Unbekannte Kennzahl "nope"',
        ),
        (
            Metric("q", "Quote", FLOW, numerator="integrations", denominator="elb_stock"),
            "parts_without_ratio",
            "Nur eine Quote hat Zähler und Nenner; „Quote“ (q) ist eine Zählgröße",
        ),
        (
            Metric("x", "davon x", FLOW, parent="elb_stock"),
            "parent_kind",
            "„ELB (Bestand) (x)“ (x) ist eine Zählgröße, die Oberkennzahl „ELB (Bestand)“ "
            "(elb_stock) aber ein Bestand",
        ),
        (
            Metric("x", "davon x", RATIO, parent="rate", numerator="integrations",
                   denominator="elb_stock"),
            "davon_of_ratio",
            "davon-Kennzahlen gibt es nur zu Zählgrößen und Beständen",
        ),
        (
            Metric("x", "x", FLOW, parent="x"),
            "parent_cycle",
            "x kann nicht davon-Kennzahl von sich selbst sein",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and " " not in v else None,
)
def test_refused_metrics(metric: Metric, code: str, text: str) -> None:
    with pytest.raises(DomainError) as refused:
        check_metric(metric, CATALOG)
    assert refused.value.code == code
    assert text in refused.value.text("de")
    assert refused.value.text("en")  # every refusal in English too


def test_a_stock_may_have_davon_stocks() -> None:
    check_metric(Metric("elb_stock_men", "davon Männer", STOCK, parent="elb_stock"), CATALOG)


def test_a_davon_cycle_is_refused() -> None:
    # integrations_women under integrations; now integrations under integrations_women.
    with pytest.raises(DomainError) as refused:
        check_metric(replace(INTEGRATIONS, parent="integrations_women"), CATALOG)
    assert refused.value.code == "davon_cycle"
    assert refused.value.text("de") == (
        "„Integrationen“ (integrations) kann nicht davon-Kennzahl von „Integrationen (Frauen)“ "
        "(integrations_women) sein: das ergäbe einen Kreis "
        "(integrations → integrations_women → integrations)"
    )


def test_what_depends_on_a_metric_must_still_fit() -> None:
    # integrations is the numerator of a ratio and the parent of two flows.
    with pytest.raises(DomainError) as refused:
        check_metric(replace(INTEGRATIONS, kind=STOCK), CATALOG)
    assert refused.value.code == "parent_kind"  # its davon children are flows
    alone = {k: v for k, v in CATALOG.items() if v.parent != "integrations"}
    with pytest.raises(DomainError) as refused:
        check_metric(replace(INTEGRATIONS, kind=STOCK), alone)
    assert refused.value.code == "ratio_numerator_kind"


def test_partition_sum_never_exceeds_the_parent() -> None:
    # 70 + 60 = 130 > 120: refused, naming both parts and the parent.
    with pytest.raises(DomainError) as refused:
        check_family("JC", MARCH, INTEGRATIONS, 120, [(WOMEN, 70), (MEN, 60)], CATALOG)
    assert refused.value.code == "partition_exceeds_parent"
    assert refused.value.text("de").startswith(
        "Integrationen (Frauen) + Integrationen (Männer) = 70 + 60 = 130 übersteigt "
        "Integrationen = 120 (JC, März 2021)"
    )
    assert refused.value.text("en").startswith(
        "Integrationen (Frauen) + Integrationen (Männer) = 70 + 60 = 130 exceeds "
        "Integrationen = 120 (JC, March 2021)"
    )
    check_family("JC", MARCH, INTEGRATIONS, 130, [(WOMEN, 70), (MEN, 60)], CATALOG)  # equal
    check_family("JC", MARCH, INTEGRATIONS, None, [(WOMEN, 70), (MEN, 60)], CATALOG)  # no parent


def test_only_partition_children_add_up() -> None:
    degree = Metric("degree", "davon abschlussorientiert", FLOW, parent="integrations")
    # 30 + 20 = 50 <= 50 for the partition; the other child (45) only needs 45 <= 50.
    check_family("JC", MARCH, INTEGRATIONS, 50, [(WOMEN, 30), (MEN, 20), (degree, 45)], CATALOG)
    with pytest.raises(DomainError) as refused:
        check_family("JC", MARCH, INTEGRATIONS, 50, [(degree, 51)], CATALOG)
    assert refused.value.code == "child_exceeds_parent"


def test_stock_partition() -> None:
    men = Metric("elb_stock_men", "davon Männer", STOCK, parent="elb_stock", partition=True)
    catalog = {**CATALOG, men.code: men}
    with pytest.raises(DomainError) as refused:
        check_family("JC", MARCH, ELB, 27_800, [(ELB_WOMEN, 13_700), (men, 14_200)], catalog)
    assert "13700 + 14200 = 27900 übersteigt ELB (Bestand) = 27800" in str(refused.value)


def test_weights_are_scaled_to_one() -> None:
    first = Month(2021, 1)
    assert normalise_weights([1, 1, 2], first, 3) == (0.25, 0.25, 0.5)
    assert normalise_weights([0, 3, 0, 1], first, 4) == (0, 0.75, 0, 0.25)
    assert normalise_weights([0.2, 0.3, 0.5], first, 3) == (0.2, 0.3, 0.5)  # kept as given


@pytest.mark.parametrize(
    ("weights", "code", "text"),
    [
        ([1, 1], "weights_count", "Die Plankurve braucht 3 Monatsgewichte, nicht 2"),
        (
            [1, -1, 1],
            "weights_negative",
            "Monatsgewichte dürfen nicht negativ sein (Februar 2021: -1)",
        ),
        ([0, 0, 0], "weights_zero", "Die Monatsgewichte sind alle 0"),
        ([1, float("nan"), 1], "weights_negative", "Februar 2021"),
        ([1, float("inf"), 1], "weights_not_finite", "Monatsgewicht inf (Februar 2021)"),
    ],
)
def test_weights_refused(weights: list[float], code: str, text: str) -> None:
    with pytest.raises(DomainError) as refused:
        normalise_weights(weights, Month(2021, 1), 3)
    assert refused.value.code == code
    assert text in refused.value.text("de")


def _series(**years: tuple[float, ...]) -> dict[Month, float]:
    """Values of January to March of each year given as y2020=(jan, feb, mar)."""
    return {
        Month(int(year[1:]), index + 1): value
        for year, values in years.items()
        for index, value in enumerate(values)
    }


def test_weights_from_history_are_the_mean_of_each_years_shares() -> None:
    # 2020: 1, 1, 2 of 4 -> .25, .25, .5; 2019: 100, 300, 600 of 1000 -> .1, .3, .6.
    # Each year counts equally: (.25 + .1) / 2 = .175, (.25 + .3) / 2 = .275, (.5 + .6) / 2
    # = .55 (pooled sums would give 101/1004 for January instead).
    values = _series(y2020=(1, 1, 2), y2019=(100, 300, 600))
    weights = weights_from_history(Month(2021, 1), 3, values)
    assert weights == pytest.approx((0.175, 0.275, 0.55))


def test_weights_from_history_use_up_to_three_complete_years() -> None:
    # 2020: .1 .2 .7; 2019: .3 .3 .4; 2018: 20, 20, 60 -> .2 .2 .6; 2017 is a 4th year.
    # Mean: (.1 + .3 + .2) / 3 = .2, (.2 + .3 + .2) / 3 = .2333…, (.7 + .4 + .6) / 3 = .5666…
    values = _series(
        y2020=(10, 20, 70), y2019=(30, 30, 40), y2018=(20, 20, 60), y2017=(1000, 0, 0)
    )
    assert weights_from_history(Month(2021, 1), 3, values) == pytest.approx(
        (0.2, 0.7 / 3, 1.7 / 3)
    )
    # 2019 misses March: only 2020 and 2018 count: (.1 + .2) / 2, (.2 + .2) / 2, (.7 + .6) / 2
    del values[Month(2019, 3)]
    assert weights_from_history(Month(2021, 1), 3, values) == pytest.approx((0.15, 0.2, 0.65))


def test_weights_from_history_across_the_turn_of_the_year() -> None:
    # Period 2021-11 … 2022-02; the previous year's window is 2020-11 … 2021-02.
    values = {Month(2020, 11): 5, Month(2020, 12): 5, Month(2021, 1): 10, Month(2021, 2): 30}
    assert weights_from_history(Month(2021, 11), 4, values) == pytest.approx(
        (0.1, 0.1, 0.2, 0.6)
    )


def test_weights_from_history_refused_without_a_complete_year() -> None:
    values = _series(y2020=(10, 20, 70), y2019=(30, 30, 40))
    del values[Month(2020, 2)]
    del values[Month(2019, 1)]
    with pytest.raises(DomainError) as refused:
        weights_from_history(Month(2021, 1), 3, values, "JC „Integrationen“ (integrations)")
    assert refused.value.code == "history_missing"
    assert refused.value.text("de") == (
        "Plankurve aus Vorjahr für JC „Integrationen“ (integrations) nicht möglich: im "
        "Vorjahreszeitraum Jan 2020 – Mär 2020 fehlen Werte (Februar 2020), und keines der 2 Jahre "
        "davor ist vollständig"
    )


def test_weights_from_history_with_a_zero_year() -> None:
    # A complete year adding up to 0 has no shares: left out while another year counts …
    values = _series(y2020=(0, 0, 0), y2019=(1, 1, 2))
    assert weights_from_history(Month(2021, 1), 3, values) == pytest.approx((0.25, 0.25, 0.5))
    # … and refused when it is all there is.
    with pytest.raises(DomainError) as refused:
        weights_from_history(Month(2021, 1), 3, _series(y2020=(0, 0, 0)), "JC x")
    assert refused.value.code == "history_zero"
    assert "(Jan 2020 – Mär 2020)" in refused.value.text("de")


def test_a_long_list_of_missing_months_is_cut() -> None:
    with pytest.raises(DomainError) as refused:
        weights_from_history(Month(2021, 1), 12, {}, "x")
    listed = "(Januar 2020, Februar 2020, März 2020, April 2020, Mai 2020, Juni 2020, … (12))"
    assert listed in str(refused.value)


@pytest.mark.parametrize(
    ("text", "weights"),
    [
        ("1,1,2", [1, 1, 2]),
        ("0.125,0.875", [0.125, 0.875]),  # a decimal point, never thousands
        ("0,5;0,5", [0.5, 0.5]),  # German decimals between semicolons
        (" 1 ; 2.5 ", [1, 2.5]),
    ],
)
def test_weights_as_typed(text: str, weights: list[float]) -> None:
    assert parse_weights(text) == weights


def test_weights_that_are_no_numbers() -> None:
    for text in ("a,b", "1;;2", "1,"):
        with pytest.raises(DomainError) as refused:
            parse_weights(text)
        assert refused.value.code == "bad_number"
