"""The cells of an imported sheet, read and checked one by one.

Every rejection is a DomainError naming the sheet and cell (`Erfassung!G5: "-3"
ist keine gültige Anzahl`); user text is quoted shortened to one line. A formula
is refused wherever it stands: nothing in a file is evaluated.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from openpyxl.utils import get_column_letter

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import CODE_RE
from aipdesk.domain.months import Month
from aipdesk.domain.rules import MAX_COUNT, parse_count
from aipdesk.exchange.guard import refuse, shown
from aipdesk.format import month_words

MAX_COUNT_TEXT = 40  # characters of a count typed as text ("1.234.567"); longer is no count


class Cell(NamedTuple):
    """A cell with content: its place, its value as the file holds it, whether a formula
    (a tuple: a sheet's rows make one for each of their cells)."""

    row: int
    column: int
    value: Any
    formula: bool


Row = tuple[int, dict[int, Cell]]  # (row number, {column: cell}) of a row with content


def cell_name(column: int, row: int, sheet: str) -> str:
    place = sheet_shown(sheet)
    if 1 <= column <= 18_278 and row >= 1:  # what A1 notation can name (A … ZZZ)
        return f"{place}!{get_column_letter(column)}{row}"
    return f"{place}!R{row}C{column}"


def column_prefix(column: int, sheet: str) -> str:
    """What the names of a column's cells start with: `cell_name(column, row, sheet)` is
    this plus the row number (1 <= column <= 18,278, row >= 1)."""
    return f"{sheet_shown(sheet)}!{get_column_letter(column)}"


@functools.lru_cache(maxsize=64)
def sheet_shown(sheet: str) -> str:
    """The sheet's name as a cell's name shows it (one per sheet, not one per cell)."""
    return shown(sheet)


def no_formula(cell: Cell, sheet: str) -> None:
    if cell.formula:
        raise refuse(cell_name(cell.column, cell.row, sheet), Code.import_formula)


def text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def header_text(cell: Cell | None) -> str:
    return "" if cell is None else text(cell.value)


def count(cell: Cell, sheet: str) -> int:
    no_formula(cell, sheet)
    value = cell.value
    if value.__class__ is int and 0 <= value <= MAX_COUNT:
        return value  # the common case: what parse_count would return
    try:
        if isinstance(value, (datetime, date, time, timedelta)) or not isinstance(
            value, (int, float, str)
        ):
            raise DomainError(Code.bad_count, text=shown(value))
        if isinstance(value, str) and len(value.strip()) > MAX_COUNT_TEXT:
            raise DomainError(Code.bad_count, text=shown(value))  # no count is that long
        return parse_count(value)
    except DomainError as error:
        # The contract's wording: "-3" is no valid count; the text quoted on one line.
        code = Code.bad_count if error.code == Code.negative_count else error.code
        where = cell_name(cell.column, cell.row, sheet)
        raise DomainError(code, text=shown(error.params.get("text", ""))).at(where) from None


def code(cell: Cell | None, sheet: str, column: str, column_en: str, place: tuple[int, int]) -> str:
    """The project or metric code in `cell`, at `place` (column, row) of the sheet."""
    if cell is None:
        where = cell_name(*place, sheet)
        raise refuse(where, Code.import_missing_code, column=(column, column_en))
    no_formula(cell, sheet)
    found = text(cell.value) if isinstance(cell.value, (str, int, float)) else ""
    if isinstance(cell.value, bool) or not CODE_RE.match(found):
        # Dates, numbers with a fraction, text with spaces or symbols, 1 MB of text: a
        # code never looks like that, and the message quotes only the start of it.
        raise refuse(
            cell_name(cell.column, cell.row, sheet), Code.import_bad_code, text=shown(cell.value)
        )
    return found


def month_header(cell: Cell, sheet: str) -> Month:
    where = cell_name(cell.column, cell.row, sheet)
    no_formula(cell, sheet)
    value = cell.value
    try:
        if isinstance(value, (datetime, date)) and not isinstance(value, time):
            return Month(value.year, value.month)
        if not isinstance(value, str):
            raise DomainError(Code.bad_month, text=shown(value))
        stripped = value.strip()
        if len(stripped) != 7 or not (stripped[:4] + stripped[5:]).isdecimal():
            raise DomainError(Code.bad_month, text=shown(stripped))  # exactly YYYY-MM
        return Month.parse(stripped)
    except DomainError as error:
        raise error.at(where) from None


def year(cell: Cell, sheet: str) -> int:
    no_formula(cell, sheet)
    value = cell.value
    found = text(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        found = str(value)
    elif found.isdecimal() and len(found) == 4 and 1900 <= int(found) <= 2999:
        # isdecimal, not isdigit: "²⁰²¹" is digits to isdigit, but int() refuses it
        return int(found)
    raise refuse(cell_name(cell.column, cell.row, sheet), Code.import_bad_year, text=shown(found))


def export_month(cell: Cell, in_year: int, sheet: str) -> Month:
    """The Monat column: 1–12, or YYYY-MM (then it must lie in the row's year), or a date."""
    no_formula(cell, sheet)
    value = cell.value
    try:
        if isinstance(value, (datetime, date)):
            month = Month(value.year, value.month)
        elif isinstance(value, bool):
            raise DomainError(Code.bad_month, text=str(value))
        elif isinstance(value, (int, float)) or (
            isinstance(value, str) and value.strip().isdecimal()
        ):
            number = value.strip() if isinstance(value, str) else value
            if isinstance(number, float) and not number.is_integer():  # also inf and nan
                raise DomainError(Code.bad_month, text=shown(value))
            if isinstance(number, str) and len(number) > 2:
                raise DomainError(Code.bad_month, text=f"{in_year}-{shown(number)}")
            if not 1 <= int(number) <= 12:  # 13, -1 and 10**400 alike
                raise DomainError(Code.bad_month, text=f"{in_year}-{shown(number)}")
            month = Month(in_year, int(number))
        else:
            month = Month.parse(shown(value))
    except DomainError as error:
        if error.code == "bad_month":  # the text as it stands in the cell, shortened
            error = DomainError(Code.bad_month, text=shown(error.params.get("text", "")))
        raise error.at(cell_name(cell.column, cell.row, sheet)) from None
    if month.year != in_year:
        where = cell_name(cell.column, cell.row, sheet)
        raise refuse(where, Code.import_month_year, month=month_words(month), year=in_year)
    return month


def note(cell: Cell | None) -> str | None:
    """The Bemerkung as it stands (an export keeps leading and trailing spaces; so does
    the import, or a round trip would change the note); blank is no note."""
    if cell is None:
        return None
    if isinstance(cell.value, str):
        return cell.value if cell.value.strip() else None
    return text(cell.value) or None
