"""Plan curves (DESIGN §3): monthly weights as a person types them, or derived from the
monthly shares of earlier years ("Plankurve aus Vorjahr")."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import WEIGHT_TOLERANCE
from aipdesk.domain.months import Month, joined, month_words, period_words

HISTORY_YEARS = 3  # how many earlier years "aus Vorjahr" looks at
_LISTED = 6  # missing months named in a message; more are counted


def parse_weight(text: str | float) -> float:
    """One plan weight as typed: "0.5" or "0,5" (never a thousands separator: "0.125"
    is an eighth, not 125)."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        raise DomainError(Code.bad_number, text=str(text)) from None


def parse_weights(text: str) -> list[float]:
    """A plan curve typed on one line: weights separated by commas ("1,1,2", decimal
    point "0.5,0.5") or by semicolons ("0,5;0,5", decimal comma or point)."""
    separator = ";" if ";" in text else ","
    return [parse_weight(part) for part in text.split(separator)]


def normalise_weights(raw: Sequence[float], first: Month, months: int) -> tuple[float, ...]:
    """Any non-negative numbers, one per period month, scaled to add up to 1.

    Weights that add up to 1 already are kept as given, so a stored curve stays
    exactly as it was entered.
    """
    if len(raw) != months:
        raise DomainError(Code.weights_count, expected=months, given=len(raw))
    for offset, weight in enumerate(raw):
        month = month_words(first.shift(offset))
        if math.isnan(weight) or weight < 0:
            raise DomainError(Code.weights_negative, month=month, weight=weight)
        if math.isinf(weight):
            raise DomainError(Code.weights_not_finite, month=month, weight=weight)
    total = math.fsum(raw)
    if total <= 0:
        raise DomainError(Code.weights_zero)
    if abs(total - 1.0) <= WEIGHT_TOLERANCE:
        return tuple(float(weight) for weight in raw)
    return tuple(weight / total for weight in raw)


def history_window(first: Month, months: int, years_back: int) -> list[Month]:
    """The period's months `years_back` years earlier."""
    return [first.shift(offset - 12 * years_back) for offset in range(months)]


def weights_from_history(
    first: Month,
    months: int,
    values: Mapping[Month, float],
    series: str = "",
    years: int = HISTORY_YEARS,
) -> tuple[float, ...]:
    """The plan curve of the period `first` … (`months` months) from earlier years.

    For each of the `years` earlier years whose window (the period's months, k years
    earlier) has a value in every month, the window's monthly shares (value ÷ the
    window's total); the weights are the mean of those years' shares, each year
    counting equally. A window adding up to 0 has no shares and is left out.

    Refused when no year is usable: naming the previous year's missing months, or,
    when the complete years all add up to 0, those years. `series` names the series
    in the message.
    """
    usable: list[list[float]] = []
    zero: list[tuple[str, str]] = []
    for years_back in range(1, years + 1):
        window = history_window(first, months, years_back)
        if any(month not in values for month in window):
            continue
        total = math.fsum(values[month] for month in window)
        if total <= 0:
            zero.append(period_words(window[0], window[-1]))
            continue
        usable.append([values[month] / total for month in window])
    if not usable:
        if zero:
            raise DomainError(Code.history_zero, series=series, periods=joined(zero))
        previous = history_window(first, months, 1)
        missing = [month for month in previous if month not in values]
        more = f", … ({len(missing)})" if len(missing) > _LISTED else ""
        listed = joined((month_words(month) for month in missing[:_LISTED]), more)
        raise DomainError(
            Code.history_missing,
            series=series,
            period=period_words(previous[0], previous[-1]),
            months=listed,
            years=years - 1,
        )
    return tuple(math.fsum(column) / len(usable) for column in zip(*usable, strict=True))
