"""Money as integer cents: reading amounts as people type them, writing them back.

No float touches an amount: "350.000,30" is read digit by digit into 35000030 cents,
and sums, shares and quotas of amounts are computed from the integers (a share in
percent is the one place a quotient is taken, for display only).
"""

from __future__ import annotations

import re

from aipdesk.domain.errors import Code, DomainError

CENTS = 100
# The largest amount one entry may hold: 1 billion euros. The Eingliederungstitel of a
# large Jobcenter is some hundred million; anything above is a typing slip.
MAX_CENTS = 1_000_000_000 * CENTS

_GERMAN = re.compile(r"^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$")  # 350.000,30 | 350000,3
_PLAIN = re.compile(r"^(\d+)(?:\.(\d{1,2}))?$")  # 400000.20 | 400000
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # 1.000 | 12.379.403 (German thousands)
_CURRENCY = re.compile(r"\s*(?:€|EUR)\s*$", re.IGNORECASE)


def parse_cents(text: str, what: tuple[str, str] = ("Betrag", "amount")) -> int:
    """An amount as typed, in cents: German ("350.000,30", "1.000") or plain
    ("400000.20", "400000"); a trailing "€" or "EUR" and spaces around are allowed.

    A dot followed by exactly three digits is a thousands separator ("1.000" is a
    thousand euros: money never has three decimals); one or two digits after a single
    dot are cents ("1.50"). Refused: negative, empty, more than two decimals, text, and
    amounts above `MAX_CENTS`.
    """
    typed = _CURRENCY.sub("", text.strip()).strip().replace("\u00a0", "").replace(" ", "")
    if typed.startswith("-"):
        raise DomainError(Code.money_negative, text=text.strip(), what=what)
    if "," in typed:
        found = _GERMAN.match(typed)
        if found is None:
            raise DomainError(Code.money_bad, text=text.strip(), what=what)
        euros, cents = found.group(1).replace(".", ""), found.group(2) or ""
    elif _GROUPED.match(typed):
        euros, cents = typed.replace(".", ""), ""
    else:
        found = _PLAIN.match(typed)
        if found is None:
            raise DomainError(Code.money_bad, text=text.strip(), what=what)
        euros, cents = found.group(1), found.group(2) or ""
    amount = int(euros) * CENTS + int(cents.ljust(2, "0"))
    if amount > MAX_CENTS:
        raise DomainError(Code.money_too_large, text=text.strip(), what=what)
    return amount


def format_cents(cents: int, lang: str = "de", symbol: bool = False) -> str:
    """35000030 -> "350.000,30" (German) or "350,000.30" (English); whole euros keep
    their ",00" so that a column of amounts lines up."""
    thousands, decimal = _SEPARATORS.get(lang, _SEPARATORS["de"])
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), CENTS)
    grouped = f"{euros:,}".replace(",", thousands)
    text = f"{sign}{grouped}{decimal}{rest:02d}"
    return f"{text} €" if symbol else text


_SEPARATORS = {"de": (".", ","), "en": (",", ".")}


def euros_to_cents(euros: int) -> int:
    """Whole euros (the AIP's tables) as cents."""
    return euros * CENTS


def share_pct(part: int, whole: int) -> float | None:
    """`part` of `whole` in percent, for display (None where `whole` is 0)."""
    return 100.0 * part / whole if whole else None


def to_json(cents: int) -> int | float:
    """An amount for JSON in euros: whole euros as an integer, else the number whose
    shortest text has the two decimals exactly (35000030 -> 350000.3)."""
    euros, rest = divmod(abs(cents), CENTS)
    sign = -1 if cents < 0 else 1
    if rest == 0:
        return sign * euros
    return sign * float(f"{euros}.{rest:02d}")
