"""The sheet `Daten`: one row per monthly value, for pivot tables and for the import.

Jahr, Monat, Projekt and Kennzahl (codes), Wert, then the readable names, the
Bemerkung and who changed the value when (DESIGN §6). The import reads the
contracted columns back (`layout.DATA_KEY_COLUMNS`) and the Bemerkung.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from openpyxl.utils import get_column_letter

from aipdesk.exchange.book import Book, local_time
from aipdesk.exchange.layout import DATA_HEADER, DATA_SHEET
from aipdesk.exchange.spool import SpoolSheet
from aipdesk.exchange.styles import COUNT, Styled, fit_width, print_setup, set_widths

DATA_CHUNK = 5_000  # Daten rows per progress report


def write_daten(book: Book, step: Callable[[], None]) -> tuple[SpoolSheet, int]:
    """The sheet and its number of value rows; `step()` after every `DATA_CHUNK` rows."""
    sheet = book.sheet(DATA_SHEET)
    ws, st = sheet.ws, book.st
    snap = book.data.snapshot
    cells = book.data.cells
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
    append, year = sheet.append, book.year
    for index, c in enumerate(ordered, start=1):
        stamp = None
        if c.updated_at is not None:
            shown = local.get(c.updated_at)
            if shown is None:
                shown = local[c.updated_at] = local_time(c.updated_at)
            stamp = Styled(shown, when)
        append(
            [
                Styled(year, centre),
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
