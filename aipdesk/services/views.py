"""Read models for the desktop panes: plain frozen values, computed from the same
domain functions as the command line (`compute_progress`, `progress_curve`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from aipdesk.domain.audit import Change
from aipdesk.domain.curves import target_curve
from aipdesk.domain.model import Area, Metric, Project, Target
from aipdesk.domain.months import Month
from aipdesk.domain.progress import ROLLING_MONTHS, Inputs, actual
from aipdesk.services.base import Changes
from aipdesk.services.results import ChartData, Gap, Grid, GridRow, Snapshot, StatusReport
from aipdesk.services.status import observed_for, status, status_in
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


def build_grids(
    catalog: Catalog,
    year: int,
    report: StatusReport,
    cells: list[Cell],
    areas: tuple[Area, ...] = tuple(Area),
) -> dict[Area, Grid]:
    """The entry grids of `year` from its logged `cells`; attainment from `report`."""
    months = tuple(Month(year, m) for m in range(1, 13))
    by_pair: dict[tuple[str, str], list[Cell | None]] = {}
    for cell in cells:
        by_pair.setdefault((cell.project, cell.metric), [None] * 12)[cell.month.month - 1] = cell
    by_status = {(r.project.code, r.metric.code): r for r in report.rows}
    empty: list[Cell | None] = [None] * 12
    grids = {}
    for area in areas:
        rows = []
        for project, metric, depth in _ordered_rows(catalog, area):
            found = by_pair.get((project.code, metric.code), empty)
            values = tuple(c.value if c else None for c in found)
            logged = {m: v for m, v in zip(months, values, strict=True) if v is not None}
            status_row = by_status.get((project.code, metric.code))
            rows.append(
                GridRow(
                    project=project,
                    metric=metric,
                    depth=depth,
                    months=months,
                    values=values,
                    notes=tuple(c.note if c else None for c in found),
                    editable=_editable_months(project, metric, months),
                    versions=tuple(c.version if c else 0 for c in found),
                    total=actual(metric.kind, list(months), Inputs(values=logged)),
                    target=status_row.target if status_row else None,
                    progress=status_row.progress if status_row else None,
                )
            )
        grids[area] = Grid(year, area, tuple(rows))
    return grids


def _editable_months(
    project: Project, metric: Metric, months: tuple[Month, ...]
) -> tuple[bool, ...]:
    if not project.active or metric.is_computed:
        return (False,) * len(months)
    if project.period.first is None and project.period.last is None:
        return (True,) * len(months)
    return tuple(project.period.contains(m) for m in months)


def reporting_gaps(
    catalog: Catalog, year: int, report_month: Month, cells: list[Cell]
) -> tuple[Gap, ...]:
    """Which active project has not yet logged which month of `year` up to the report month."""
    if report_month.year != year:
        return ()
    months = [Month(year, m) for m in range(1, report_month.month + 1)]
    logged = {(c.project, c.metric, c.month.month) for c in cells}
    gaps = []
    for code, project in catalog.projects.items():
        if not project.active:
            continue
        metrics = [m for m in catalog.tracked.get(code, ()) if not catalog.metrics[m].is_computed]
        missing = tuple(
            month
            for month in months
            if project.period.contains(month)
            and any((code, metric, month.month) not in logged for metric in metrics)
        )
        if missing and metrics:
            gaps.append(Gap(project, missing))
    return tuple(gaps)


def snapshot(
    db: Database,
    year: int,
    report_month: Month | None = None,
    previous: Snapshot | None = None,
    changes: Changes | None = None,
) -> Snapshot:
    """Everything the window shows, read in one go (a fixed number of statements).

    With the `previous` snapshot of the same year and the `changes` since, only
    what values can change is read again: the status, the grids and the gaps.
    """
    reuse = (
        previous is not None
        and changes is not None
        and previous.year == year
        and not (changes.projects or changes.metrics or changes.targets)
    )
    with db.read() as session:
        catalog = load_catalog(session)
        report = status_in(session, catalog, year, report_month)
        month = report.report_month
        cells = values_in(session, catalog, Month(year, 1), Month(year, 12))
        if reuse:
            assert previous is not None
            targets, years = previous.targets, previous.years
            if cells and not set(years) >= {year}:
                years = tuple(sorted({*years, year}))
        else:
            targets = tuple(
                t for t in all_targets(session, catalog) if t.period.overlaps_year(year)
            )
            years = available_years_in(session)
    return Snapshot(
        year=year,
        report_month=month,
        years=years,
        status=report,
        grids=build_grids(catalog, year, report, cells),
        gaps=reporting_gaps(catalog, year, month, cells),
        projects=tuple(catalog.projects.values()),
        targets=targets,
        metrics=dict(catalog.metrics),
        tracked=dict(catalog.tracked),
    )


def chart_data(
    db: Database, project: str, metric: str, year: int, report_month: Month
) -> ChartData | None:
    """The chart of the (first) target of (`project`, `metric`) that overlaps `year`."""
    found = charts(db, year, report_month, {(project, metric)})
    return next(iter(found.values()), None)


ChartKey = tuple[str, str, Month]  # project, metric, first month of the target


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
    result = {}
    for key, target in targets.items():
        project = catalog.projects[target.project]
        metric = catalog.metrics[target.metric]
        curve = target_curve(
            metric, target, report_month, observed_for(catalog, target, values), project.period
        )
        result[key] = ChartData(
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
    return result


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
