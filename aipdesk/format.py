"""German number formatting shared by the command line, the GUI and the workbook text."""

from __future__ import annotations


def number(value: float | None, decimals: int = 0, empty: str = "–") -> str:
    """1234.5 -> "1.234,5" (German grouping and decimal comma)."""
    if value is None:
        return empty
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(value: float | None, decimals: int = 1, empty: str = "–") -> str:
    return empty if value is None else f"{number(value, decimals)} %"


def signed(value: float | None, decimals: int = 0, empty: str = "–") -> str:
    if value is None:
        return empty
    return ("+" if value > 0 else "") + number(value, decimals)
