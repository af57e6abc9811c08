"""Calendar months as a value type: ordering, arithmetic, the YYYY-MM text form, and
the names a message gives them ("Mai 2021")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from aipdesk.domain.errors import Code, DomainError

MONTHS_SHORT = {
    "de": ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
MONTHS_LONG = {
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


_MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


@dataclass(frozen=True, order=True, slots=True)
class Month:
    year: int
    month: int
    # Months since January of year 0: consecutive months differ by one. Stored, since
    # the figures look it up for every month of every series.
    index: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise DomainError(Code.bad_month, text=f"{self.year}-{self.month}")
        if not 1900 <= self.year <= 2999:
            raise DomainError(Code.bad_month, text=f"{self.year}-{self.month:02d}")
        object.__setattr__(self, "index", self.year * 12 + self.month - 1)

    @classmethod
    def parse(cls, text: str) -> Month:
        match = _MONTH_RE.match(text or "")
        if not match:
            raise DomainError(Code.bad_month, text=text)
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def from_index(cls, index: int) -> Month:
        """Inverse of :attr:`index` (months since year 0)."""
        return cls(index // 12, index % 12 + 1)

    def shift(self, months: int) -> Month:
        return Month.from_index(self.index + months)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive range of months; either end may be open (None) for project periods."""

    first: Month | None = None
    last: Month | None = None

    def __post_init__(self) -> None:
        if self.first is not None and self.last is not None and self.last < self.first:
            first, last = month_words(self.first), month_words(self.last)
            raise DomainError(Code.period_reversed, first=first, last=last)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(Month(year, 1), Month(year, 12))

    def contains(self, month: Month) -> bool:
        if self.first is not None and month < self.first:
            return False
        return not (self.last is not None and month > self.last)

    def overlaps_year(self, year: int) -> bool:
        return not (
            (self.first is not None and self.first > Month(year, 12))
            or (self.last is not None and self.last < Month(year, 1))
        )

    def months(self) -> Iterator[Month]:
        if self.first is None or self.last is None:
            raise ValueError("an open period has no finite list of months")
        for index in range(self.first.index, self.last.index + 1):
            yield Month.from_index(index)

    def __len__(self) -> int:
        if self.first is None or self.last is None:
            raise ValueError("an open period has no length")
        return self.last.index - self.first.index + 1

    def __str__(self) -> str:
        first = str(self.first) if self.first else "…"
        last = str(self.last) if self.last else "…"
        return f"{first} – {last}"


def month_words(month: Month) -> tuple[str, str]:
    """A month as a message names it, in German and English: ("März 2021", "March 2021")."""
    german, english = MONTHS_LONG["de"], MONTHS_LONG["en"]
    return f"{german[month.month - 1]} {month.year}", f"{english[month.month - 1]} {month.year}"


def period_words(first: Month | None, last: Month | None) -> tuple[str, str]:
    """A period as a message names it: ("Jan 2021 – Dez 2021", "Jan 2021 – Dec 2021"); an
    open end is "…"."""

    def told(lang: str) -> str:
        names = MONTHS_SHORT[lang]
        sides = ("…" if m is None else f"{names[m.month - 1]} {m.year}" for m in (first, last))
        return " – ".join(sides)

    return told("de"), told("en")


def joined(pairs: Iterable[tuple[str, str]], more: str = "") -> tuple[str, str]:
    """Months or periods in words as one list in each language: ("Jan 2021, Feb 2021", …)."""
    told = list(pairs)
    return ", ".join(p[0] for p in told) + more, ", ".join(p[1] for p in told) + more
