"""The entry grids of a year and the gaps of the Meldestand (who has not logged which
month): built from the year's logged values, and brought up to date after a write from
the cells it wrote, row by row."""

from __future__ import annotations

from collections.abc import Collection, Mapping

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


def _status_by_pair(report: StatusReport) -> dict[Pair, StatusRow]:
    """The status row that stands in each pair's grid row (the last of the year's)."""
    return {(row.project.code, row.metric.code): row for row in report.rows}


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
    by_status = _status_by_pair(report)
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
                    by_status.get((project.code, metric.code)),
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
    now, then = _status_by_pair(report), _status_by_pair(before)
    touched = set(written) | {
        key for key in now.keys() | then.keys() if now.get(key) is not then.get(key)
    }
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
                now.get(key),
            )
        result[area] = Grid(grid.year, area, tuple(rows), grid.position)
    return result


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
