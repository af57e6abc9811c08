"""The Excel workbook of a year (DESIGN §6): `Übersicht`, `Meldestand`, one sheet per
project, `Daten`.

Every figure of Soll, Ist, Zielerreichung, Abweichung and Hochrechnung comes from
the status report (`compute_progress`), so the workbook shows what `aipdesk
status` prints; the charts' points come from `views.charts` (`target_curve`), the
same curves the window's chart draws.

The year is read once (`book.read_year`); each kind of sheet is written by its
module (`overview`, `reporting_sheet`, `project_sheet` with `charts`, `daten`) into a
`SpoolSheet`, one at a time. The file is written atomically (`aipdesk.outputs`): a temporary
file in the target folder, renamed over the target only when complete.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from aipdesk.domain.months import Month
from aipdesk.exchange.book import Book, LoggedValue, YearData, read_year, values_of_year
from aipdesk.exchange.budget_data import write_budget_data
from aipdesk.exchange.budget_sheet import BudgetData, read_budget, write_budget_sheet
from aipdesk.exchange.daten import DATA_CHUNK, daten_cells, write_daten
from aipdesk.exchange.layout import (
    DATA_HEADER,
    DATA_SHEET,
    OVERVIEW_HEADER,
    OVERVIEW_SHEET,
    RESERVED_NAMES,
)
from aipdesk.exchange.overview import write_overview
from aipdesk.exchange.project_sheet import write_project_sheet
from aipdesk.exchange.reporting_sheet import write_reporting_sheet
from aipdesk.exchange.stamp import mark_created
from aipdesk.exchange.styles import SHEET_NAME_BAD, month_label
from aipdesk.outputs import check_output, write_atomically
from aipdesk.services.database import Database
from aipdesk.services.reporting_matrix import reporting_matrix

__all__ = [
    "DATA_HEADER",
    "DATA_SHEET",
    "OVERVIEW_HEADER",
    "OVERVIEW_SHEET",
    "ExportResult",
    "LoggedValue",
    "export_workbook",
    "values_of_year",
]

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sheets: tuple[str, ...]
    rows_in_daten: int
    report_month: Month


def export_workbook(
    db: Database,
    year: int,
    month: Month | None,
    path: Path,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Write the workbook of `year` at report month `month` (None: the latest with a value).

    `progress(done, total)` is called after each step (reading, each sheet, every
    few thousand `Daten` rows, saving). `now` is the export time (default: now; a
    naive value is local time); it stands in the title blocks in local time and,
    in UTC, in the document's `created`. A failure leaves neither a partial file
    at `path` nor a temporary file; an earlier file at `path` stays as it was. A
    `path` that is a database, a journal or no plain file is refused
    (``output_refused``); a failed write (full disk) is ``output_failed``.
    """
    path = check_output(path, db.path)
    stamp = datetime.now(UTC) if now is None else now.astimezone(UTC)
    data = read_year(db, year, month)
    budget = read_budget(db, year, data.report_month)
    return _Writer(data, stamp, progress, budget).write(path)


class _Writer:
    """Drives the export: the sheets in their order, progress, the atomic save."""

    def __init__(
        self,
        data: YearData,
        now: datetime,
        progress: Progress | None,
        budget: BudgetData | None = None,
    ) -> None:
        self.book = Book(data, now)
        # The budget: its figures after the Meldestand, its entries after Daten.
        self.budget = budget
        self.with_budget = budget is not None and budget.report is not None
        self.with_budget_data = budget is not None and bool(budget.entries)
        self.progress = progress
        with_values = {cell.project for cell in data.cells}
        self.projects = [
            p
            for p in data.snapshot.projects
            if p.code in with_values or p.code in self.book.status_of
        ]
        self.sheet_names = _sheet_names([p.code for p in self.projects])
        self.daten_cells = daten_cells(self.book, self.projects)
        self.daten_steps = max(1, math.ceil(len(self.daten_cells) / DATA_CHUNK))
        # The Meldestand, the window's matrix; no sheet for a year without any value.
        self.matrix = reporting_matrix(data.snapshot)
        self.with_matrix = bool(self.matrix.rows) and bool(data.cells)
        self.total = 1 + 1 + self.with_matrix + len(self.projects) + self.daten_steps + 1
        self.total += self.with_budget + self.with_budget_data
        self.done = 0

    def step(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)

    def write(self, path: Path) -> ExportResult:
        book = self.book
        try:
            self.step()  # read
            self.properties()
            self.overview()
            book.sheets[-1].finish()  # one spool file open at a time, however many projects
            self.step()
            if self.with_matrix:
                write_reporting_sheet(book, self.matrix)
                book.sheets[-1].finish()
                self.step()
            if self.with_budget and self.budget is not None and self.budget.report is not None:
                write_budget_sheet(book, self.budget.report)
                book.sheets[-1].finish()
                self.step()
            for project in self.projects:
                write_project_sheet(book, project, self.sheet_names[project.code])
                book.sheets[-1].finish()
                self.step()
            rows = self.daten()
            book.sheets[-1].finish()
            if self.with_budget_data and self.budget is not None:
                write_budget_data(book, self.budget)
                book.sheets[-1].finish()
                self.step()
            write_atomically(path, book.wb.save)
        except BaseException:
            for sheet in book.sheets:
                sheet.discard()
            raise
        self.step()
        names = tuple(sheet.ws.title for sheet in book.sheets)
        return ExportResult(path, names, rows, book.report)

    def properties(self) -> None:
        book = self.book
        props = book.wb.properties
        props.title = f"AIP {book.year} – {book.data.organisation}"
        props.subject = f"Arbeitsmarkt- und Integrationsprogramm {book.year}, " + (
            f"Berichtsmonat {month_label(book.report.year, book.report.month)}"
        )
        props.creator = "aipdesk"
        props.lastModifiedBy = "aipdesk"
        mark_created(book.wb, book.now)  # UTC, exact: the import's "file made at"
        props.language = "de-DE"

    def overview(self) -> None:
        write_overview(self.book)

    def daten(self) -> int:
        _, rows = write_daten(self.book, self.daten_cells, self.step)
        for _ in range(self.daten_steps - rows // DATA_CHUNK):
            self.step()
        return rows


def _sheet_names(codes: Iterable[str]) -> dict[str, str]:
    """A sheet name per project code: Excel forbids []:*?/\\, more than 31 characters and
    names that differ only in case; `Übersicht`, `Daten` and `History` are taken."""
    taken = set(RESERVED_NAMES)
    names = {}
    for code in codes:
        base = SHEET_NAME_BAD.sub("_", code)[:31].strip("'") or "Projekt"
        name, n = base, 2
        while name.casefold() in taken:
            suffix = f"~{n}"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        taken.add(name.casefold())
        names[code] = name
    return names
