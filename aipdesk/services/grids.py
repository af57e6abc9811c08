"""The entry grids of a year and the gaps of the Meldestand (who has not logged which
month): built from the year's logged values, and brought up to date after a write from
the cells it wrote, row by row."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from itertools import compress
from operator import is_not

from aipdesk.domain.model import Area, Metric, Project
from aipdesk.domain.months import Month
from aipdesk.domain.progress import Inputs, actual
from aipdesk.services.base import CellKey, CellState
from aipdesk.services.reporting_matrix import Mark, ReportingMatrix
from aipdesk.services.results import Gap, Grid, GridRow, StatusReport, StatusRow
from aipdesk.store.queries import Catalog, Cell

Pair = tuple[str, str]


def _ordered_rows(catalog: Catalog, area: Area) -> list[tuple[Project, Metric, int]]:
    """Project × metric rows of an area, davon metrics indented right under their parent."""
    rows: list[tuple[Project, Metric, int]] = []
    for code, project in catalog.projects.items():
        tracked = [catalog.metrics[m] for m in catalog.tracked.get(code, ())]
        mine = [m for m in tracked if m.area is area and not m.is_computed]
        codes = {m.code for m in mine}
        for metric in mine:
            if metric.parent in codes:
                continue
            rows.append((project, metric, 0))
            rows.extend((project, child, 1) for child in mine if child.parent == metric.code)
    return rows


def _editable_months(
    project: Project, metric: Metric, months: tuple[Month, ...]
) -> tuple[bool, ...]:
    if not project.active or metric.is_computed:
        return (False,) * len(months)
    if project.period.first is None and project.period.last is None:
        return (True,) * len(months)
    return tuple(project.period.contains(m) for m in months)


def _status_of(report: StatusReport, pair: Pair) -> StatusRow | None:
    """The status row that stands in the pair's grid row (the last of the year's)."""
    place = report.last.get(pair)
    return None if place is None else report.rows[place]


def _row(
    project: Project,
    metric: Metric,
    depth: int,
    months: tuple[Month, ...],
    values: tuple[int | None, ...],
    notes: tuple[str | None, ...],
    versions: tuple[int, ...],
    editable: tuple[bool, ...],
    status_row: StatusRow | None,
) -> GridRow:
    logged = {m: v for m, v in zip(months, values, strict=True) if v is not None}
    return GridRow(
        project=project,
        metric=metric,
        depth=depth,
        months=months,
        values=values,
        notes=notes,
        editable=editable,
        versions=versions,
        total=actual(metric.kind, list(months), Inputs(values=logged)),
        target=status_row.target if status_row else None,
        progress=status_row.progress if status_row else None,
    )


def build_grids(
    catalog: Catalog,
    year: int,
    report: StatusReport,
    cells: list[Cell],
    areas: tuple[Area, ...] = tuple(Area),
) -> dict[Area, Grid]:
    """The entry grids of `year` from its logged `cells`; attainment from `report`."""
    months = tuple(Month(year, m) for m in range(1, 13))
    by_pair: dict[Pair, list[Cell | None]] = {}
    for cell in cells:
        by_pair.setdefault((cell.project, cell.metric), [None] * 12)[cell.month.month - 1] = cell
    empty: list[Cell | None] = [None] * 12
    grids = {}
    for area in areas:
        rows = []
        for project, metric, depth in _ordered_rows(catalog, area):
            found = by_pair.get((project.code, metric.code), empty)
            rows.append(
                _row(
                    project,
                    metric,
                    depth,
                    months,
                    tuple(c.value if c else None for c in found),
                    tuple(c.note if c else None for c in found),
                    tuple(c.version if c else 0 for c in found),
                    _editable_months(project, metric, months),
                    _status_of(report, (project.code, metric.code)),
                )
            )
        grids[area] = Grid(year, area, tuple(rows))
    return grids


def updated_grids(
    grids: Mapping[Area, Grid],
    cells: Mapping[CellKey, CellState | None],
    report: StatusReport,
    before: StatusReport,
) -> dict[Area, Grid]:
    """`grids` after a write of `cells`, with the figures of `report`: only the rows whose
    cells or status row changed are made anew, the others are the same objects."""
    written: dict[Pair, dict[int, CellState | None]] = {}
    for (project, metric, month), state in cells.items():
        written.setdefault((project, metric), {})[month.index] = state
    touched = set(written) | _moved(report, before)
    result = {}
    for area, grid in grids.items():
        places = [(grid.position[key], key) for key in touched if key in grid.position]
        if not places:
            result[area] = grid
            continue
        rows = list(grid.rows)
        for number, key in places:
            row = rows[number]
            mine = {
                offset: written[key][month.index]
                for offset, month in enumerate(row.months)
                if key in written and month.index in written[key]
            }
            values, notes, versions = list(row.values), list(row.notes), list(row.versions)
            for offset, state in mine.items():
                values[offset] = state.value if state else None
                notes[offset] = state.note if state else None
                versions[offset] = state.version if state else 0
            rows[number] = _row(
                row.project,
                row.metric,
                row.depth,
                row.months,
                tuple(values),
                tuple(notes),
                tuple(versions),
                row.editable,
                _status_of(report, key),
            )
        result[area] = Grid(grid.year, area, tuple(rows), grid.position)
    return result


def _moved(report: StatusReport, before: StatusReport) -> set[Pair]:
    """The pairs whose status row in the grid differs between `before` and `report`.
    Rows computed anew are new objects, those kept the same: of the same targets, only
    the rows that are not the same are looked at."""
    rows, old = report.rows, before.rows
    if report.last is before.last and len(rows) == len(old):
        changed = compress(range(len(rows)), map(is_not, rows, old))
        pairs = {(rows[n].project.code, rows[n].metric.code) for n in changed}
        return {pair for pair in pairs if _status_of(report, pair) is not _status_of(before, pair)}
    return {
        pair
        for pair in report.last.keys() | before.last.keys()
        if _status_of(report, pair) is not _status_of(before, pair)
    }


def reporting_gaps(
    matrix: ReportingMatrix,
    year: int,
    only: Collection[str] | None = None,
    before: tuple[Gap, ...] = (),
) -> tuple[Gap, ...]:
    """Which active project has not yet logged which month of `year` up to the report
    month: the months the Meldestand `matrix` marks missing (one rule for both). With
    `only`, the gaps of those projects are read anew and the others taken from `before`."""
    if matrix.report_month.year != year:
        return ()
    kept = {gap.project.code: gap for gap in before} if only is not None else {}
    gaps = []
    for row in matrix.rows:
        code = row.project.code
        if only is not None and code not in only:
            if code in kept:
                gaps.append(kept[code])
            continue
        missing = tuple(
            month
            for month, mark in zip(matrix.months, row.marks, strict=True)
            if mark is Mark.MISSING
        )
        if missing:
            gaps.append(Gap(row.project, missing))
    return tuple(gaps)
