"""The sheet `Daten`: one row per monthly value, for pivot tables and for the import.

Jahr, Monat, Projekt and Kennzahl (codes), Wert, then the readable names, the
Bemerkung and who changed the value when (DESIGN §6). The import reads the
contracted columns back (`layout.DATA_KEY_COLUMNS`) and the Bemerkung.

The rows are the values the workbook keeps (`daten_cells`): every value of the year,
the previous year's values its project sheets show (Vorjahr), and the values of other
months its figures read (`basis`), each with its own Jahr; so that importing the file
into an empty database reproduces every figure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from openpyxl.utils import get_column_letter

from aipdesk.domain.model import Project
from aipdesk.exchange.book import Book, LoggedValue, check_notes, local_time
from aipdesk.exchange.layout import DATA_HEADER, DATA_SHEET
from aipdesk.exchange.spool import SpoolSheet
from aipdesk.exchange.styles import COUNT, Styled, fit_width, print_setup, set_widths

DATA_CHUNK = 5_000  # Daten rows per progress report


def daten_cells(book: Book, projects: Iterable[Project]) -> list[LoggedValue]:
    """The values `Daten` carries: the year's, the previous year's of the Vorjahr grids
    of the sheets of `projects` (their metrics that are logged, not computed), and those
    of other months the figures read (`book.data.used`). A note that cannot go into the
    workbook whole is refused (`check_notes`), as the year's are."""
    data = book.data
    shown = {
        (project.code, row.metric.code)
        for project in projects
        for row in book.grid_of.get(project.code, ())
        if not row.metric.is_computed
    }
    used = data.used
    earlier = [
        cell
        for cell in data.previous
        if (cell.project, cell.metric) in shown
        or cell.month.index in used.get((cell.project, cell.metric), ())
    ]
    earlier += data.further
    check_notes(earlier, data.snapshot)
    return data.cells + earlier


def write_daten(
    book: Book, cells: Sequence[LoggedValue], step: Callable[[], None]
) -> tuple[SpoolSheet, int]:
    """The sheet with a row per value of `cells` (`daten_cells`), and their number;
    `step()` after every `DATA_CHUNK` rows."""
    sheet = book.sheet(DATA_SHEET)
    ws, st = sheet.ws, book.st
    snap = book.data.snapshot
    projects = {p.code: p for p in snap.projects}
    metrics = snap.metrics
    project_order = {p.code: i for i, p in enumerate(snap.projects)}
    metric_order = {code: i for i, code in enumerate(metrics)}
    ordered = sorted(
        cells,
        key=lambda c: (
            project_order.get(c.project, len(project_order)),
            c.project,
            metric_order.get(c.metric, len(metric_order)),
            c.metric,
            c.month,
        ),
    )
    used_projects = {c.project for c in cells}
    used_metrics = {c.metric for c in cells}
    project_names = {code: projects[code].name for code in used_projects}
    metric_names = {code: metrics[code].name for code in used_metrics}
    set_widths(
        ws,
        [
            7,
            7.5,
            fit_width(used_projects | {"Projekt"}, 10, 34),
            fit_width(used_metrics | {"Kennzahl"}, 12, 34),
            9,
            fit_width(set(project_names.values()) | {"Projektname"}, 14, 44),
            fit_width(set(metric_names.values()) | {"Kennzahlname"}, 16, 48),
            fit_width({c.note for c in cells if c.note} | {"Bemerkung"}, 14, 60),
            fit_width({c.updated_by for c in cells if c.updated_by} | {"geändert von"}, 13, 24),
            17,
        ],
    )
    ws.freeze_panes = "A2"
    print_setup(ws, f"{book.title} · Daten", book.stamp, "1:1")
    sheet.append([st.header(h) for h in DATA_HEADER], height=20)
    count, when, centre = st.number(COUNT).style, st.datetime.style, st.centre.style
    local: dict[datetime, datetime] = {}
    append = sheet.append
    for index, c in enumerate(ordered, start=1):
        stamp = None
        if c.updated_at is not None:
            shown = local.get(c.updated_at)
            if shown is None:
                shown = local[c.updated_at] = local_time(c.updated_at)
            stamp = Styled(shown, when)
        append(
            [
                Styled(c.month.year, centre),
                Styled(c.month.month, centre),
                c.project,
                c.metric,
                Styled(c.value, count),
                project_names[c.project],
                metric_names[c.metric],
                c.note or None,
                c.updated_by or None,
                stamp,
            ]
        )
        if index % DATA_CHUNK == 0:
            step()
    ws.auto_filter.ref = f"A1:{get_column_letter(len(DATA_HEADER))}{sheet.row}"
    return sheet, len(ordered)
