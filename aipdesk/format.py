"""Numbers, percentages, months and times as people read them, in German or English.

One formatter for the window, the command line and the workbook, free of Qt: German
groups thousands with a point and writes a decimal comma ("1.234,5", "104,9 %"),
English the other way round ("1,234.5", "104.9 %"). The module-level functions are
the German ones, which the workbook and the German command line use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from aipdesk.domain.months import MONTHS_LONG, MONTHS_SHORT, Month

_TIMESTAMP = {"de": "%d.%m.%Y %H:%M", "en": "%Y-%m-%d %H:%M"}


@dataclass(frozen=True)
class Formatter:
    """How one language writes numbers, percentages, months and times."""

    lang: str = "de"

    @property
    def _german(self) -> bool:
        return self.lang != "en"

    def number(self, value: float | None, decimals: int = 0, empty: str = "–") -> str:
        """1234.5 -> "1.234,5" (German) or "1,234.5" (English)."""
        if value is None:
            return empty
        text = f"{value:,.{decimals}f}"
        if text.startswith("-") and text.strip("-0.,") == "":
            text = text[1:]  # -0.04 shown with one decimal is 0.0, not -0.0
        if self._german:
            return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return text

    def percent(self, value: float | None, decimals: int = 1, empty: str = "–") -> str:
        return empty if value is None else f"{self.number(value, decimals)} %"

    def signed(self, value: float | None, decimals: int = 0, empty: str = "–") -> str:
        """+12 / −3 as a change: a plus sign before growth."""
        if value is None:
            return empty
        return ("+" if value > 0 else "") + self.number(value, decimals)

    def month_names(self, long: bool = False) -> tuple[str, ...]:
        table = MONTHS_LONG if long else MONTHS_SHORT
        return table["de" if self._german else "en"]

    def month(self, month: Month, long: bool = False) -> str:
        """Month(2021, 3) -> "Mär 2021" / "Mar 2021" ("März 2021" when `long`)."""
        return f"{self.month_names(long)[month.month - 1]} {month.year}"

    def timestamp(self, at: datetime, seconds: bool = False) -> str:
        """A moment in local time: "24.11.2026 09:15" / "2026-11-24 09:15" (naive = UTC)."""
        local = (at if at.tzinfo is not None else at.replace(tzinfo=UTC)).astimezone()
        pattern = _TIMESTAMP["de" if self._german else "en"]
        return local.strftime(pattern + (":%S" if seconds else ""))


GERMAN = Formatter("de")
ENGLISH = Formatter("en")


def formatter(lang: str) -> Formatter:
    """The formatter of `lang` ("en" is English; anything else German)."""
    return ENGLISH if lang == "en" else GERMAN


number = GERMAN.number
percent = GERMAN.percent
signed = GERMAN.signed


def month_words(month: Month) -> tuple[str, str]:
    """A month as people say it, in German and English: ("Mai 2021", "May 2021")."""
    return GERMAN.month(month, long=True), ENGLISH.month(month, long=True)


def date_words(day: date) -> tuple[str, str]:
    """A calendar day in German and English: ("10.06.2021", "2021-06-10")."""
    return day.strftime("%d.%m.%Y"), day.isoformat()
