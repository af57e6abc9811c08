"""The Meldestand as a matrix: which project has logged which month of the year.

One function, `reporting_matrix`, for the window (the dashboard's `reportingMatrix`)
and the workbook (sheet `Meldestand`), so that the two show the same marks and
totals. A month counts as reported for a project when every metric the project logs
(its rows in the entry grids) has a value; months up to the report month are due,
months outside the project's period never are. The snapshot's gaps are read off this
matrix (`grids.reporting_gaps`), so both follow one rule.

Built from a snapshot's grids alone (no database, no Qt): cheap enough for every
refresh. When a month was reported (late or on time) is not shown: the change log is
not indexed by month, so the first write of each project-month would cost a scan of
the whole log on every read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

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

    @property
    def reported(self) -> int:
        """Months due and reported."""
        return sum(1 for mark in self.marks if mark is Mark.REPORTED)

    @property
    def due(self) -> int:
        """Months up to the report month inside the project's period."""
        return sum(1 for mark in self.marks if mark in DUE)


@dataclass(frozen=True)
class ReportingMatrix:
    year: int
    report_month: Month
    months: tuple[Month, ...]
    rows: tuple[MatrixRow, ...]

    def month_total(self, offset: int) -> tuple[int, int]:
        """(reported, due) of the month `offset` (0: January) over all projects."""
        marks = [row.marks[offset] for row in self.rows]
        return (
            sum(1 for mark in marks if mark is Mark.REPORTED),
            sum(1 for mark in marks if mark in DUE),
        )

    def total(self) -> tuple[int, int]:
        """(reported, due) over all projects and months."""
        return sum(row.reported for row in self.rows), sum(row.due for row in self.rows)

    @property
    def complete(self) -> bool:
        reported, due = self.total()
        return reported == due


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
        logged = rows_of.get(project.code)
        if not project.active or not logged:
            continue
        marks, missing = [], []
        for offset, month in enumerate(months):
            absent = tuple(row.metric for row in logged if row.values[offset] is None)
            missing.append(absent)
            if not project.period.contains(month):
                marks.append(Mark.OUTSIDE)
            elif month <= report_month:
                marks.append(Mark.MISSING if absent else Mark.REPORTED)
            else:
                marks.append(Mark.OPEN if absent else Mark.AHEAD)
        rows.append(MatrixRow(project, tuple(marks), tuple(missing)))
    return ReportingMatrix(year, report_month, months, tuple(rows))


def reporting_matrix(snapshot: Snapshot) -> ReportingMatrix:
    """The Meldestand of what `snapshot` shows: its year, report month and grids."""
    return build_matrix(snapshot.projects, snapshot.grids, snapshot.year, snapshot.report_month)
