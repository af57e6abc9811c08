"""Read models for the desktop panes: plain frozen values, computed from the same
domain functions as the command line (`compute_progress`, `progress_curve`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from aipdesk.domain.audit import Change
from aipdesk.domain.curves import target_curve
from aipdesk.domain.model import Target
from aipdesk.domain.months import Month
from aipdesk.domain.progress import ROLLING_MONTHS, Observed
from aipdesk.services.base import Changes
from aipdesk.services.budget_view import budget_view_in
from aipdesk.services.grids import build_grids, reporting_gaps, updated_grids
from aipdesk.services.month_status import month_status_in
from aipdesk.services.reporting_matrix import build_matrix, updated_matrix
from aipdesk.services.results import ChartData, Snapshot
from aipdesk.services.status import observed_for, read_year, report_of, status, with_cells
from aipdesk.store import changelog
from aipdesk.store.database import Database
from aipdesk.store.queries import (
    Catalog,
    all_targets,
    load_catalog,
    series_needed,
    series_values,
    targets_overlapping,
    values_in,
)
from aipdesk.store.queries import Cell as Cell  # re-exported: the cells of year_cells


def available_years(db: Database) -> tuple[int, ...]:
    with db.read() as session:
        return available_years_in(session)


def available_years_in(session: Session) -> tuple[int, ...]:
    """Years with values or targets, plus the current year and the next."""
    from sqlalchemy import select

    from aipdesk.store.models import TargetRow, ValueRow

    years = set(session.scalars(select(ValueRow.year).distinct()))
    for first, last in session.execute(select(TargetRow.first_year, TargetRow.last_year)):
        years.update(range(first, last + 1))
    this_year = date.today().year
    years.update({this_year, this_year + 1})
    return tuple(sorted(years))


def default_report_month(db: Database, year: int) -> Month:
    """The Meldeschluss month of `year` (DESIGN §3), as `status` takes it by default."""
    return status(db, year).report_month


def snapshot(db: Database, year: int, report_month: Month | None = None) -> Snapshot:
    """Everything the window shows, read in one go (a fixed number of statements)."""
    with db.read() as session:
        catalog = load_catalog(session)
        data = read_year(session, catalog, year, report_month)
        cells = values_in(session, catalog, Month(year, 1), Month(year, 12))
        targets = tuple(t for t in all_targets(session, catalog) if t.period.overlaps_year(year))
        years = available_years_in(session)
        closing = {(s.project, s.month): s for s in month_status_in(session, catalog, year)}
        budget = budget_view_in(session, year, report_month)
    report = report_of(catalog, data, report_month)
    grids = build_grids(catalog, year, report, cells)
    matrix = build_matrix(catalog.projects.values(), grids, year, report.report_month)
    return Snapshot(
        year=year,
        report_month=report.report_month,
        years=years,
        status=report,
        grids=grids,
        gaps=reporting_gaps(matrix, year),
        projects=tuple(catalog.projects.values()),
        targets=targets,
        metrics=dict(catalog.metrics),
        tracked=dict(catalog.tracked),
        data=data,
        catalog=catalog,
        matrix=matrix,
        closing=closing,
        budget=budget,
    )


def refresh(previous: Snapshot, changes: Changes, report_month: Month | None) -> Snapshot | None:
    """`previous` after a write of monthly values whose new states `changes` carries:
    without reading the database, only what the cells concern is computed anew (their
    grid rows, the status rows of their targets, their projects' Meldestand; the marks
    of every project where the report month moves). None when the write changed more
    than values (the catalogue, targets) or did not say what the cells hold: then read
    everything.
    """
    if (
        changes.projects
        or changes.metrics
        or changes.targets
        or changes.months
        or previous.data is None
        or previous.catalog is None
        or set(changes.cells) != set(changes.values)
    ):
        return None
    catalog, data = previous.catalog, previous.data
    fresh, affected = with_cells(catalog, data, changes.cells)
    report = report_of(catalog, fresh, report_month, previous.status, affected)
    grids = updated_grids(previous.grids, changes.cells, report, previous.status)
    moved = report.report_month != previous.report_month
    years = previous.years
    if any(month.year not in years for _, _, month in changes.values):
        years = tuple(sorted({*years, *(month.year for _, _, month in changes.values)}))
    written = {p for p, _, _ in changes.values}
    matrix = None
    if previous.matrix is not None:
        projects = [catalog.projects[code] for code in written if code in catalog.projects]
        matrix = updated_matrix(
            previous.matrix, grids, catalog.tracked, projects, report.report_month
        )
    if matrix is None:
        matrix = build_matrix(catalog.projects.values(), grids, previous.year, report.report_month)
    return replace(
        previous,
        report_month=report.report_month,
        years=years,
        status=report,
        grids=grids,
        gaps=reporting_gaps(matrix, previous.year, None if moved else written, previous.gaps),
        data=fresh,
        matrix=matrix,
    )


def chart_data(
    db: Database, project: str, metric: str, year: int, report_month: Month
) -> ChartData | None:
    """The chart of the (first) target of (`project`, `metric`) that overlaps `year`."""
    found = charts(db, year, report_month, {(project, metric)})
    return next(iter(found.values()), None)


ChartKey = tuple[str, str, Month]  # project, metric, first month of the target
NEEDS_READ = object()  # snapshot_chart: the snapshot does not hold every value the chart needs


def snapshot_chart(snapshot: Snapshot, project: str, metric: str) -> ChartData | object | None:
    """The chart `chart_data` would read, computed from the values `snapshot` holds (after
    the window's own writes, without a read); `NEEDS_READ` where they do not cover the
    months the chart draws (a target reaching past the year shown)."""
    data, catalog, month = snapshot.data, snapshot.catalog, snapshot.report_month
    if data is None or catalog is None:
        return NEEDS_READ
    for index, target in enumerate(data.targets):
        if (target.project, target.metric) != (project, metric):
            continue
        first = min(month.shift(-2 * ROLLING_MONTHS), target.first.shift(-12))
        if first < data.first or target.last > data.last:
            return NEEDS_READ
        return _chart(catalog, target, month, data.observed[index])
    return None


def _chart(catalog: Catalog, target: Target, report_month: Month, seen: Observed) -> ChartData:
    project = catalog.projects[target.project]
    metric = catalog.metrics[target.metric]
    curve = target_curve(metric, target, report_month, seen, project.period)
    return ChartData(
        project=project,
        metric=metric,
        target=target,
        report_month=report_month,
        months=curve.months,
        monthly=curve.monthly,
        cumulative=curve.cumulative,
        plan=curve.plan,
        previous=curve.previous,
        forecast=curve.forecast,
    )


def charts(
    db: Database, year: int, report_month: Month, pairs: set[tuple[str, str]] | None = None
) -> dict[ChartKey, ChartData]:
    """The charts of the targets overlapping `year` (of the (project, metric) `pairs`
    only, if given), in display order: one read of their values, whatever their number."""
    with db.read() as session:
        catalog = load_catalog(session)
        targets: dict[ChartKey, Target] = {}
        for _, target in targets_overlapping(session, catalog, year):
            if pairs is None or (target.project, target.metric) in pairs:
                targets[(target.project, target.metric, target.first)] = target
        if not targets:
            return {}
        first = min(
            [report_month.shift(-2 * ROLLING_MONTHS)]
            + [t.first.shift(-12) for t in targets.values()]
        )
        last = max(t.last for t in targets.values())
        values = series_values(
            session, catalog, series_needed(catalog, targets.values()), first, last
        )
    return {
        key: _chart(catalog, target, report_month, observed_for(catalog, target, values))
        for key, target in targets.items()
    }


def cell_history(db: Database, project: str, metric: str, month: Month) -> list[Change]:
    with db.read() as session:
        return changelog.history(session, project, metric, month)


def default_year(db: Database, today: date | None = None) -> int:
    """The year of the latest logged value; without values, the latest year in which a
    target starts (not after this year: a fresh database opens on its catalogue year);
    else the year of the previous calendar month."""
    from sqlalchemy import func, select

    from aipdesk.store.models import TargetRow, ValueRow

    today = today or date.today()
    fallback = Month(today.year, today.month).shift(-1).year
    with db.read() as session:
        latest = session.scalar(select(func.max(ValueRow.year)))
        planned = session.scalar(
            select(func.max(TargetRow.first_year)).where(TargetRow.first_year <= fallback)
        )
    return int(latest or planned or fallback)


def year_cells(db: Database, year: int) -> list[Cell]:
    """Every logged value of `year` with note and who changed it when (workbook, merge)."""
    with db.read() as session:
        return values_in(session, load_catalog(session), Month(year, 1), Month(year, 12))


def organisation(db: Database) -> str:
    """The organisation's name from the settings (the catalogue sets "Jobcenter Kreis Unna")."""
    from sqlalchemy import select

    from aipdesk.store.models import SettingRow

    with db.read() as session:
        name = session.scalar(select(SettingRow.value).where(SettingRow.key == "organisation"))
    return name or "Jobcenter"
