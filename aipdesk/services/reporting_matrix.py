"""The Meldestand as a matrix: which project has logged which month of the year.

One function, `reporting_matrix`, for the window (the dashboard's `reportingMatrix`)
and the workbook (sheet `Meldestand`), so that the two show the same marks and
totals. A month counts as reported for a project when every metric the project logs
(its rows in the entry grids) has a value; months up to the report month are due,
months outside the project's period never are. The snapshot's gaps are read off this
matrix (`grids.reporting_gaps`), so both follow one rule.

Built from a snapshot's grids alone (no database, no Qt), once per read; the snapshot
carries it, and after a write of values only the rows of the projects written are made
anew (`updated_matrix`), the totals moved by their difference. Whether a month was
formally reported or approved, and on time, is the monthly close
(`aipdesk.services.month_status`), which the window shows over these marks.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property

from aipdesk.domain.model import Area, Metric, Project
from aipdesk.domain.months import Month
from aipdesk.services.results import Grid, GridRow, Snapshot


class Mark(StrEnum):
    REPORTED = "reported"  # due, every metric logged: ✓
    MISSING = "missing"  # due, some metric not logged: –
    AHEAD = "ahead"  # after the report month, every metric logged already
    OPEN = "open"  # after the report month, not (completely) logged: nothing due yet
    OUTSIDE = "outside"  # outside the project's period: cannot be logged


DUE = frozenset({Mark.REPORTED, Mark.MISSING})


@dataclass(frozen=True)
class MatrixRow:
    """One project over the twelve months of the year."""

    project: Project
    marks: tuple[Mark, ...]  # one per month, January first
    missing: tuple[tuple[Metric, ...], ...]  # per month: the metrics without a value

    @cached_property
    def reported(self) -> int:
        """Months due and reported."""
        return sum(1 for mark in self.marks if mark is Mark.REPORTED)

    @cached_property
    def due(self) -> int:
        """Months up to the report month inside the project's period."""
        return sum(1 for mark in self.marks if mark in DUE)

    @property
    def counts(self) -> tuple[tuple[int, int], ...]:
        """(reported, due) of each month: 1 or 0 each."""
        return tuple((int(mark is Mark.REPORTED), int(mark in DUE)) for mark in self.marks)


@dataclass(frozen=True)
class ReportingMatrix:
    year: int
    report_month: Month
    months: tuple[Month, ...]
    rows: tuple[MatrixRow, ...]
    # (reported, due) of each month over all rows, and where each project's row stands:
    # counted with the matrix, handed on to the matrix after a write (`updated_matrix`).
    totals: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)
    position: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.totals) != len(self.months):
            sums = [(0, 0)] * len(self.months)
            for row in self.rows:
                sums = _added(sums, row.counts)
            object.__setattr__(self, "totals", tuple(sums))
        if len(self.position) != len(self.rows):
            places = {row.project.code: number for number, row in enumerate(self.rows)}
            object.__setattr__(self, "position", places)

    def month_total(self, offset: int) -> tuple[int, int]:
        """(reported, due) of the month `offset` (0: January) over all projects."""
        return self.totals[offset]

    def total(self) -> tuple[int, int]:
        """(reported, due) over all projects and months."""
        return sum(r for r, _ in self.totals), sum(d for _, d in self.totals)

    @property
    def complete(self) -> bool:
        reported, due = self.total()
        return reported == due


def _added(
    sums: Sequence[tuple[int, int]], counts: Sequence[tuple[int, int]], sign: int = 1
) -> list[tuple[int, int]]:
    return [(r + sign * a, d + sign * b) for (r, d), (a, b) in zip(sums, counts, strict=True)]


def _marks(
    project: Project, months: Sequence[Month], report_month: Month, missing: Sequence[object]
) -> tuple[Mark, ...]:
    marks = []
    for month, absent in zip(months, missing, strict=True):
        if not project.period.contains(month):
            marks.append(Mark.OUTSIDE)
        elif month <= report_month:
            marks.append(Mark.MISSING if absent else Mark.REPORTED)
        else:
            marks.append(Mark.OPEN if absent else Mark.AHEAD)
    return tuple(marks)


def _row(
    project: Project, logged: Sequence[GridRow], months: Sequence[Month], report_month: Month
) -> MatrixRow | None:
    """The row of `project` from its grid rows; None when it has none or is inactive."""
    if not project.active or not logged:
        return None
    missing = tuple(
        tuple(row.metric for row in logged if row.values[offset] is None)
        for offset in range(len(months))
    )
    return MatrixRow(project, _marks(project, months, report_month, missing), missing)


def build_matrix(
    projects: Iterable[Project], grids: Mapping[Area, Grid], year: int, report_month: Month
) -> ReportingMatrix:
    """The matrix of the active `projects` that log a metric (have a row in `grids`)."""
    rows_of: dict[str, list[GridRow]] = {}
    for grid in grids.values():
        for row in grid.rows:
            rows_of.setdefault(row.project.code, []).append(row)
    months = tuple(Month(year, m) for m in range(1, 13))
    rows = []
    for project in projects:
        made = _row(project, rows_of.get(project.code, ()), months, report_month)
        if made is not None:
            rows.append(made)
    return ReportingMatrix(year, report_month, months, tuple(rows))


def updated_matrix(
    matrix: ReportingMatrix,
    grids: Mapping[Area, Grid],
    tracked: Mapping[str, Collection[str]],
    projects: Iterable[Project],
    report_month: Month,
) -> ReportingMatrix | None:
    """`matrix` after a write of values of `projects` (their rows made anew from `grids`,
    found through the metrics each project logs, `tracked`) with the report month
    `report_month` (the other rows re-marked from what they miss where it moved): no
    grid row of another project is looked at. None when a project would gain or lose
    its row (the catalogue changed): then build the matrix anew."""
    months = matrix.months
    rows = list(matrix.rows)
    sums = list(matrix.totals)
    if report_month != matrix.report_month:
        for number, row in enumerate(rows):
            marks = _marks(row.project, months, report_month, row.missing)
            if marks != row.marks:
                rows[number] = MatrixRow(row.project, marks, row.missing)
                sums = _added(_added(sums, row.counts, -1), rows[number].counts)
    for project in projects:
        logged = [
            grid.rows[place]
            for grid in grids.values()
            for place in sorted(
                grid.position[key]
                for key in ((project.code, metric) for metric in tracked.get(project.code, ()))
                if key in grid.position
            )
        ]
        made = _row(project, logged, months, report_month)
        at = matrix.position.get(project.code)
        if (made is None) != (at is None):
            return None
        if made is None or at is None or made == rows[at]:
            continue
        sums = _added(_added(sums, rows[at].counts, -1), made.counts)
        rows[at] = made
    return replace(matrix, report_month=report_month, rows=tuple(rows), totals=tuple(sums))


def reporting_matrix(snapshot: Snapshot) -> ReportingMatrix:
    """The Meldestand of what `snapshot` shows: its year, report month and grids (the
    one it carries, if it does)."""
    if snapshot.matrix is not None:
        return snapshot.matrix
    return build_matrix(snapshot.projects, snapshot.grids, snapshot.year, snapshot.report_month)
