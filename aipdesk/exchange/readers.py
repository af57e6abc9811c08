"""The two layouts the import reads: the entry template (`Erfassung`) and an export's `Daten`.

Each reader takes the rows of its sheet (`Row`: number and cells with content,
in the order of the file) and returns the values they hold, checked cell by cell
(`aipdesk.exchange.cells`): nothing is compared with the database here.
"""

from __future__ import annotations

from collections.abc import Iterator

from aipdesk.domain.errors import Code
from aipdesk.domain.months import Month
from aipdesk.domain.rules import MAX_COUNT
from aipdesk.exchange import cells as c
from aipdesk.exchange.guard import refuse, shown
from aipdesk.exchange.layout import DATA_KEY_COLUMNS, DATA_NOTE_COLUMN, TEMPLATE_HEADER
from aipdesk.services.batch import KEEP, Incoming


def matches(found: list[str], expected: tuple[str, ...]) -> bool:
    return [f.casefold() for f in found[: len(expected)]] == [e.casefold() for e in expected]


def found_names(names: list[str], count: int) -> str:
    return shown(", ".join(names[:count]), 120) or "(leer)"


class _Codes:
    """Project and metric codes as `cells.code` reads them, each text checked once."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.known: dict[str, str] = {}

    def __call__(
        self, cell: c.Cell | None, column: str, column_en: str, place: tuple[int, int]
    ) -> str:
        if cell is not None and cell.value.__class__ is str and not cell.formula:
            found = self.known.get(cell.value)
            if found is not None:
                return found
        found = c.code(cell, self.sheet, column, column_en, place)
        if cell is not None and cell.value.__class__ is str:
            self.known[cell.value] = found
        return found


def _no_formula(cells: dict[int, c.Cell], sheet: str) -> None:
    """`cells.no_formula` of every cell of a row, in the order of the row."""
    for cell in cells.values():
        if cell.formula:
            raise refuse(c.cell_name(cell.column, cell.row, sheet), Code.import_formula)


def read_template(rows: Iterator[c.Row], sheet: str) -> list[Incoming]:
    """The values of an entry template: one row per (project, metric), one column per month."""
    first = next(rows, None)
    header = first[1] if first and first[0] == 1 else {}
    if not header:
        raise refuse(
            c.cell_name(1, 1, sheet),
            Code.import_bad_header,
            expected=", ".join(TEMPLATE_HEADER),
            found="(leer)",
        )
    _no_formula(header, sheet)
    months: dict[int, Month] = {}
    for column in sorted(header):
        if column > len(TEMPLATE_HEADER):
            months[column] = c.month_header(header[column], sheet)
    if not months:
        raise refuse(c.cell_name(len(TEMPLATE_HEADER) + 1, 1, sheet), Code.import_no_months)
    # The names of the month columns' cells: the column's part made once.
    prefixes = {column: c.column_prefix(column, sheet) for column in months if column <= 18_278}
    codes = _Codes(sheet)
    first_value = len(TEMPLATE_HEADER)
    incoming: list[Incoming] = []
    for number, cells in rows:
        _no_formula(cells, sheet)
        values = {col: cell for col, cell in cells.items() if col > first_value}
        if not values:
            continue  # a row without values says nothing (names, remarks in column C)
        for column in sorted(values):
            if column not in months:
                raise refuse(c.cell_name(column, number, sheet), Code.import_no_month_column)
        project = codes(cells.get(1), "Projekt", "project", (1, number))
        metric = codes(cells.get(2), "Kennzahl", "metric", (2, number))
        for column, cell in sorted(values.items()):
            value = c.count(cell, sheet)
            prefix = prefixes.get(column)
            where = prefix + str(number) if prefix else c.cell_name(column, number, sheet)
            incoming.append(Incoming(project, metric, months[column], value, KEEP, where))
    return incoming


def _note_column(names: list[str]) -> int | None:
    """The column of the Bemerkung in a header of Daten (the first so named), if any."""
    folded = DATA_NOTE_COLUMN.casefold()
    return next((i for i, n in enumerate(names, start=1) if n.casefold() == folded), None)


def export_columns(names: list[str]) -> frozenset[int]:
    """The columns of Daten that `read_export` reads, by the names of its header: the key
    columns and the Bemerkung (the others need not be read, `sheetrows.sheet_rows`)."""
    note = _note_column(names)
    keys = range(1, len(DATA_KEY_COLUMNS) + 1)
    return frozenset(keys) if note is None else frozenset((*keys, note))


def read_export(rows: Iterator[c.Row], sheet: str) -> list[Incoming]:
    """The values of an export's `Daten`: one row per monthly value, with its Bemerkung."""
    first = next(rows, None)
    header = first[1] if first and first[0] == 1 else {}
    width = max(header, default=0)
    names = [c.header_text(header.get(col)) for col in range(1, width + 1)]
    if not matches(names, DATA_KEY_COLUMNS):
        raise refuse(
            c.cell_name(1, 1, sheet),
            Code.import_bad_header,
            expected=", ".join(DATA_KEY_COLUMNS),
            found=found_names(names, len(DATA_KEY_COLUMNS)),
        )
    _no_formula(header, sheet)
    note_column = _note_column(names)
    codes = _Codes(sheet)
    known = codes.known
    value_prefix = c.column_prefix(5, sheet)
    months: dict[tuple[int, int], Month] = {}  # one Month of each, not one per value
    incoming: list[Incoming] = []
    for number, cells in rows:
        _no_formula(cells, sheet)
        value_cell = cells.get(5)
        if value_cell is None:
            continue  # no value: says nothing, deletes nothing
        year_cell, month_cell = cells.get(1), cells.get(2)
        if year_cell is None:
            raise refuse(
                c.cell_name(1, number, sheet),
                Code.import_missing_code,
                column=("Jahr", "year"),
            )
        if month_cell is None:
            raise refuse(
                c.cell_name(2, number, sheet),
                Code.import_missing_code,
                column=("Monat", "month"),
            )
        year, month = year_cell.value, month_cell.value
        if year.__class__ is int and month.__class__ is int and 1 <= month <= 12:
            # What cells.year and cells.export_month make of a year and a month number.
            if not 1900 <= year <= 2999:
                year = c.year(year_cell, sheet)  # refused there, in its words
            found = months.get((year, month))
            if found is None:
                found = months[(year, month)] = Month(year, month)
        else:
            year = c.year(year_cell, sheet)
            found = c.export_month(month_cell, year, sheet)
        # The codes as `_Codes` reads them (no formula: checked above), each text once.
        project_cell, metric_cell = cells.get(3), cells.get(4)
        project = known.get(project_cell.value) if project_cell is not None else None
        if project is None:
            project = codes(project_cell, "Projekt", "project", (3, number))
        metric = known.get(metric_cell.value) if metric_cell is not None else None
        if metric is None:
            metric = codes(metric_cell, "Kennzahl", "metric", (4, number))
        value = value_cell.value
        if not (value.__class__ is int and 0 <= value <= MAX_COUNT):
            value = c.count(value_cell, sheet)  # what cells.count returns for the others
        # An export without notes says nothing about them; an empty Bemerkung is no note.
        note = KEEP if note_column is None else c.note(cells.get(note_column))
        incoming.append(Incoming(project, metric, found, value, note, value_prefix + str(number)))
    return incoming
