from __future__ import annotations

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Metric, MetricKind, Project
from aipdesk.domain.months import Month, Period
from aipdesk.domain.rules import check_family, check_loggable, parse_count, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("1234", 1234),
        (" 17 ", 17),
        ("1.234", 1234),
        ("17.046", 17046),
        (12, 12),
        (12.0, 12),
        ("+5", 5),
    ],
)
def test_parse_count_accepts(text: str | int | float, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("-3", "negative_count"),
        (-3, "negative_count"),
        ("3,5", "bad_count"),
        ("abc", "bad_count"),
        ("", "bad_count"),
        (1.5, "bad_count"),
        (True, "bad_count"),
        ("1.23", "bad_count"),
        ("12e3", "bad_count"),
        (float("nan"), "bad_count"),
        ("99999999999", "count_too_large"),
    ],
)
def test_parse_count_rejects(text: str | int | float, code: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_count(text)
    assert info.value.code == code
    assert "keine gültige Anzahl" in str(info.value) or "zu groß" in str(info.value)


def test_messages_in_both_languages() -> None:
    error = DomainError("negative_count", text="-3")
    assert error.text("de") == '"-3" ist keine gültige Anzahl: Werte dürfen nicht negativ sein'
    assert error.text("en") == '"-3" is not a valid count: values must not be negative'


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("24,6", 24.6),
        ("24.6", 24.6),
        ("17.046", 17046),
        ("1.234,5", 1234.5),
        ("24,6 %", 24.6),
        (3, 3.0),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "x", "nan", "inf", "1,2,3"])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(DomainError):
        parse_number(text)


def test_month_must_lie_in_project_period() -> None:
    neustart = Project("NEUSTART", "NeuStart", Period(Month(2016, 1), Month(2022, 12)))
    metric = Metric("integrations", "Integrationen", MetricKind.FLOW)
    check_loggable(neustart, metric, Month(2022, 12), {metric.code: metric})
    with pytest.raises(DomainError) as info:
        check_loggable(neustart, metric, Month(2023, 1), {metric.code: metric})
    assert str(info.value) == (
        "Januar 2023 liegt außerhalb des Zeitraums von Projekt NeuStart (Jan 2016 – Dez 2022)"
    )


def test_davon_whichever_is_written_second() -> None:
    parent = Metric("training_entries", "Eintritte", MetricKind.FLOW)
    child = Metric("training_entries_degree", "davon", MetricKind.FLOW, parent="training_entries")
    metrics = {m.code: m for m in (parent, child)}
    month = Month(2021, 3)
    check_family("JC", month, parent, 60, [(child, 20)], metrics)  # child second, fits
    with pytest.raises(DomainError):
        check_family("JC", month, parent, 60, [(child, 61)], metrics)  # child second, too big
    check_family("JC", month, parent, None, [(child, 61)], metrics)  # parent not logged yet
    check_family("JC", month, parent, 60, [(child, 60)], metrics)
    with pytest.raises(DomainError):
        check_family("JC", month, parent, 59, [(child, 60)], metrics)  # parent second, too small


def test_a_count_of_thousands_of_digits_is_too_large_and_quoted_short() -> None:
    with pytest.raises(DomainError) as refused:
        parse_count("9" * 5000)
    assert refused.value.code == "count_too_large"
    assert len(refused.value.text("de")) < 100
    assert parse_count("000000000000000000000000042") == 42


def test_a_computed_metric_is_refused_naming_its_parts_by_name() -> None:
    """The formula of a quote speaks of the metrics people know, not of their codes."""
    metrics = {
        m.code: m
        for m in (
            Metric("integrations", "Integrationen", MetricKind.FLOW),
            Metric("integrations_women", "davon Frauen", MetricKind.FLOW, parent="integrations"),
            Metric("elb_stock_women", "ELB Frauen (Bestand)", MetricKind.STOCK),
            Metric(
                "integration_rate_women",
                "Integrationsquote Frauen",
                MetricKind.RATIO,
                numerator="integrations_women",
                denominator="elb_stock_women",
            ),
        )
    }
    jc = Project("JC", "Jobcenter Kreis Unna (gesamt)")
    with pytest.raises(DomainError) as info:
        check_loggable(jc, metrics["integration_rate_women"], Month(2021, 5), metrics)
    assert info.value.code == "metric_computed"
    assert info.value.text("de") == (
        "Kennzahl Integrationsquote Frauen wird berechnet (100 · Integrationen (Frauen) ÷ "
        "Ø ELB Frauen (Bestand)) und kann nicht erfasst werden"
    )
    assert info.value.text("en") == (
        "metric Integrationsquote Frauen is computed (100 · Integrationen (Frauen) ÷ mean "
        "ELB Frauen (Bestand)) and cannot be logged"
    )


def test_refusals_name_months_in_words() -> None:
    """People know "Juni 2021", not 2021-06: a reversed period and a month outside the
    project's period say their months in words, in German and English."""
    with pytest.raises(DomainError) as reversed_:
        Period(Month(2021, 6), Month(2021, 5))
    assert (
        reversed_.value.text("de") == "Zeitraum Juni 2021 – Mai 2021: das Ende liegt vor dem Anfang"
    )
    assert (
        reversed_.value.text("en") == "period June 2021 – May 2021: the end lies before the start"
    )
    guide = Project("GUIDE", "GUIDE (rehapro)", Period(Month(2019, 11), None))
    metric = Metric("participants", "Teilnehmende", MetricKind.FLOW)
    with pytest.raises(DomainError) as outside:
        check_loggable(guide, metric, Month(2019, 10), {metric.code: metric})
    assert outside.value.text("en") == (
        "October 2019 lies outside the period of project GUIDE (rehapro) (Nov 2019 – …)"
    )
