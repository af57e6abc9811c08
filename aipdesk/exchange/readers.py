"""The two layouts the import reads: the entry template (`Erfassung`) and an export's `Daten`.

Each reader takes the rows of its sheet (`Row`: number and cells with content,
in the order of the file) and returns the values they hold, checked cell by cell
(`aipdesk.exchange.cells`): nothing is compared with the database here.
"""

from __future__ import annotations

from collections.abc import Iterator

from aipdesk.domain.errors import Code
from aipdesk.domain.months import Month
from aipdesk.exchange import cells as c
from aipdesk.exchange.guard import refuse, shown
from aipdesk.exchange.layout import DATA_KEY_COLUMNS, DATA_NOTE_COLUMN, TEMPLATE_HEADER
from aipdesk.services.batch import KEEP, Incoming


def matches(found: list[str], expected: tuple[str, ...]) -> bool:
    return [f.casefold() for f in found[: len(expected)]] == [e.casefold() for e in expected]


def found_names(names: list[str], count: int) -> str:
    return shown(", ".join(names[:count]), 120) or "(leer)"


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
    for cell in header.values():
        c.no_formula(cell, sheet)
    months: dict[int, Month] = {}
    for column in sorted(header):
        if column > len(TEMPLATE_HEADER):
            months[column] = c.month_header(header[column], sheet)
    if not months:
        raise refuse(c.cell_name(len(TEMPLATE_HEADER) + 1, 1, sheet), Code.import_no_months)
    incoming: list[Incoming] = []
    for number, cells in rows:
        for cell in cells.values():
            c.no_formula(cell, sheet)
        values = {col: cell for col, cell in cells.items() if col > len(TEMPLATE_HEADER)}
        if not values:
            continue  # a row without values says nothing (names, remarks in column C)
        for column in sorted(values):
            if column not in months:
                raise refuse(c.cell_name(column, number, sheet), Code.import_no_month_column)
        project = c.code(cells.get(1), sheet, "Projekt", "project", c.cell_name(1, number, sheet))
        metric = c.code(cells.get(2), sheet, "Kennzahl", "metric", c.cell_name(2, number, sheet))
        for column, cell in sorted(values.items()):
            incoming.append(
                Incoming(
                    project,
                    metric,
                    months[column],
                    c.count(cell, sheet),
                    note=KEEP,
                    where=c.cell_name(column, number, sheet),
                )
            )
    return incoming


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
    for cell in header.values():
        c.no_formula(cell, sheet)
    note_column = next(
        (i for i, n in enumerate(names, start=1) if n.casefold() == DATA_NOTE_COLUMN.casefold()),
        None,
    )
    incoming: list[Incoming] = []
    for number, cells in rows:
        for cell in cells.values():
            c.no_formula(cell, sheet)
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
        year = c.year(year_cell, sheet)
        month = c.export_month(month_cell, year, sheet)
        project = c.code(cells.get(3), sheet, "Projekt", "project", c.cell_name(3, number, sheet))
        metric = c.code(cells.get(4), sheet, "Kennzahl", "metric", c.cell_name(4, number, sheet))
        value = c.count(value_cell, sheet)
        place = c.cell_name(5, number, sheet)
        if note_column is None:  # an export without notes says nothing about them
            incoming.append(Incoming(project, metric, month, value, note=KEEP, where=place))
        else:  # an empty Bemerkung is no note
            found = c.note(cells.get(note_column))
            incoming.append(Incoming(project, metric, month, value, note=found, where=place))
    return incoming
