"""Amounts as integer cents: German and plain input, exact sums, clear refusals."""

from __future__ import annotations

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.money import format_cents, parse_cents, share_pct, to_json


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("350.000,30", 35_000_030),
        ("400000.20", 40_000_020),
        ("400000", 40_000_000),
        ("1.000", 100_000),  # German thousands: money has no three decimals
        ("12.379.403", 1_237_940_300),
        ("1.5", 150),
        ("1.50", 150),
        ("0,1", 10),
        ("350000,3", 35_000_030),
        (" 275.395 € ", 27_539_500),
        ("1000 EUR", 100_000),
        ("0", 0),
    ],
)
def test_amounts_are_read_german_or_plain(typed: str, cents: int) -> None:
    assert parse_cents(typed) == cents


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("-5", "money_negative"),
        ("-0,01", "money_negative"),
        ("zwölf", "money_bad"),
        ("", "money_bad"),
        ("1,234", "money_bad"),  # three decimals after a comma
        ("1.2345", "money_bad"),
        ("1.000,5.0", "money_bad"),
        ("12.34.56", "money_bad"),
        ("1e9", "money_bad"),
        ("1.000.000.000,01", "money_too_large"),
        ("99999999999999999999", "money_too_large"),
    ],
)
def test_bad_amounts_are_refused_naming_them(typed: str, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_cents(typed, ("Ausgaben", "spending"))
    assert caught.value.code == code
    assert caught.value.text("de").startswith("Ausgaben")


def test_sums_are_exact() -> None:
    assert parse_cents("0,10") + parse_cents("0,20") == parse_cents("0,30") == 30
    assert 0.1 + 0.2 != 0.3  # what floats would have done


def test_amounts_are_written_back_as_typed() -> None:
    assert format_cents(35_000_030) == "350.000,30"
    assert format_cents(35_000_030, "en") == "350,000.30"
    assert format_cents(3_189_616_000, symbol=True) == "31.896.160,00 €"
    assert format_cents(-150) == "-1,50"
    assert to_json(3_189_616_000) == 31_896_160
    assert to_json(35_000_030) == 350000.3
    assert repr(to_json(1)) == "0.01"
    assert share_pct(470_748_100, 2_948_852_400) == pytest.approx(15.96, abs=0.01)
    assert share_pct(1, 0) is None
