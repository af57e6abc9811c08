"""What every sheet of the exported workbook reads, read once; and the state they share.

`read_year` reads the year's figures in a few statements: the snapshot (its
status is what `aipdesk status` prints, from `compute_progress`), the logged
values of the year and the year before, and the charts' curves (`target_curve`,
the curves the window's chart draws). `Book` holds them grouped per project,
with the workbook, its styles and its sheets, for the modules that write one
kind of sheet each (`overview`, `project_sheet`, `charts`, `daten`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from openpyxl import Workbook

from aipdesk.domain.catalogue import label
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import Area, Metric, MetricKind
from aipdesk.domain.months import Month, month_words
from aipdesk.domain.progress import Inputs
from aipdesk.domain.text import note_problem
from aipdesk.exchange.basis import figure_months, years_beyond
from aipdesk.exchange.spool import SpoolSheet
from aipdesk.exchange.styles import Styles
from aipdesk.services import views
from aipdesk.services.database import Database
from aipdesk.services.results import ChartData, GridRow, Snapshot, StatusRow
from aipdesk.services.views import Cell

LoggedValue = Cell  # one logged monthly value, as views.year_cells gives it


def values_of_year(db: Database, year: int) -> list[LoggedValue]:
    """Every logged value of `year` with note and who changed it when."""
    return list(views.year_cells(db, year))


@dataclass
class YearData:
    """The figures of one year, as the workbook shows them."""

    year: int
    organisation: str
    snapshot: Snapshot
    cells: list[LoggedValue]
    previous: list[LoggedValue]
    # The values of other years than these two that the figures read (`basis`), and the
    # months of each target series they read, logged or not.
    further: list[LoggedValue]
    used: dict[tuple[str, str], frozenset[int]]
    charts: dict[views.ChartKey, ChartData]
    series: dict[tuple[str, str], dict[Month, float]]

    @property
    def report_month(self) -> Month:
        return self.snapshot.report_month

    @property
    def rows(self) -> tuple[StatusRow, ...]:
        return self.snapshot.status.rows


def read_year(db: Database, year: int, month: Month | None) -> YearData:
    snap = views.snapshot(db, year, month)  # its status is `status(db, year, month)`
    cells = values_of_year(db, year)
    check_notes(cells, snap)
    previous = values_of_year(db, year - 1)
    used = figure_months(snap)
    further = [
        cell
        for other in years_beyond(used, year, year - 1)
        for cell in values_of_year(db, other)
        if cell.month.index in used.get((cell.project, cell.metric), ())
    ]
    series: dict[tuple[str, str], dict[Month, float]] = defaultdict(dict)
    for cell in previous:
        series[(cell.project, cell.metric)][cell.month] = cell.value
    for cell in cells:
        series[(cell.project, cell.metric)][cell.month] = cell.value
    # The curves of every target, as the window's chart draws them (one read).
    charts = views.charts(db, year, snap.report_month)
    return YearData(
        year=year,
        organisation=views.organisation(db),
        snapshot=snap,
        cells=cells,
        previous=previous,
        further=further,
        used=used,
        charts=charts,
        series=dict(series),
    )


def check_notes(cells: Iterable[LoggedValue], snap: Snapshot) -> None:
    """Every note goes into the workbook whole, so that its import brings it back as it
    is: a note stored before aipdesk checked notes (too long for a cell, or with control
    characters a cell cannot hold) is refused, naming its value as people know it (the
    project's and the metric's names from `snap`, the month in words), rather than cut
    or cleaned."""
    for cell in cells:
        problem = note_problem(cell.note) if cell.note else None
        if problem is not None:
            projects = {p.code: p.name for p in snap.projects}
            metric = snap.metrics.get(cell.metric)
            raise DomainError(
                Code.note_not_exportable,
                project=projects.get(cell.project, cell.project),
                metric=cell.metric if metric is None else label(metric, snap.metrics),
                month=month_words(cell.month),
                message=(problem.text("de"), problem.text("en")),
            )


def local_time(moment: datetime) -> datetime:
    """A moment as the reader's wall-clock time (Excel has no time zones)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # the store keeps UTC
    return moment.astimezone().replace(tzinfo=None, microsecond=0)


def month_short(month: Month) -> str:
    return f"{month.month:02d}/{month.year}"


def fraction(percent: float | None) -> float | None:
    return None if percent is None else percent / 100.0


class Book:
    """The workbook being written: the year's figures grouped per project, the openpyxl
    workbook (write-only), its styles and its sheets."""

    def __init__(self, data: YearData, now: datetime) -> None:
        self.data = data
        self.now = now
        self.local_now = local_time(now)
        self.stamp = self.local_now.strftime("%d.%m.%Y %H:%M")
        self.year = data.year
        self.report = data.report_month
        self.months = [Month(self.year, m) for m in range(1, 13)]
        self.wb = Workbook(write_only=True)
        self.styles: Styles | None = None
        self.sheets: list[SpoolSheet] = []
        self.title = f"{data.organisation} · AIP {self.year}"
        snap = data.snapshot
        # Everything per project, grouped once (thousands of projects stay linear).
        self.status_of: dict[str, list[StatusRow]] = defaultdict(list)
        for row in data.rows:
            self.status_of[row.project.code].append(row)
        self.grid_of: dict[str, list[GridRow]] = defaultdict(list)
        for area in Area:
            for grid_row in snap.grids[area].rows:
                self.grid_of[grid_row.project.code].append(grid_row)
        self.notes_of: dict[str, list[LoggedValue]] = defaultdict(list)
        for cell in data.cells:
            if cell.note:
                self.notes_of[cell.project].append(cell)
        self.previous_of: dict[str, dict[str, dict[Month, float]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        for cell in data.previous:
            self.previous_of[cell.project][cell.metric][cell.month] = cell.value

    def sheet(self, name: str) -> SpoolSheet:
        ws = self.wb.create_sheet(name)
        if self.styles is None:
            self.styles = Styles(ws)
        sheet = SpoolSheet(ws)
        self.sheets.append(sheet)
        return sheet

    @property
    def st(self) -> Styles:
        assert self.styles is not None
        return self.styles

    def inputs(self, project: str, metric: Metric) -> Inputs:
        """The series a metric's figures are computed from, for one project."""
        empty: dict[Month, float] = {}
        series = self.data.series
        if metric.kind is MetricKind.RATIO:
            assert metric.numerator and metric.denominator
            return Inputs(
                numerator=series.get((project, metric.numerator), empty),
                denominator=series.get((project, metric.denominator), empty),
            )
        return Inputs(values=series.get((project, metric.code), empty))
