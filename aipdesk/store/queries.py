"""Read queries that return domain values (frozen dataclasses), never live ORM rows.

The status of a year is read with a fixed number of statements, however many
projects and targets there are.
"""

from __future__ import annotations

import json
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import BigInteger, Integer, String, cast, func, select, update
from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import Area, Direction, Metric, MetricKind, Project, Target
from aipdesk.domain.months import Month, Period
from aipdesk.store.models import (
    MetricRow,
    ProjectMetricRow,
    ProjectRow,
    SettingRow,
    TargetRow,
    ValueRow,
)


def _month(year: int | None, month: int | None) -> Month | None:
    return Month(year, month) if year is not None and month is not None else None


def project_from_row(row: ProjectRow) -> Project:
    return Project(
        code=row.code,
        name=row.name,
        description=row.description or "",
        active=row.active,
        period=Period(
            _month(row.first_year, row.first_month), _month(row.last_year, row.last_month)
        ),
    )


def metric_from_row(row: MetricRow, codes: dict[int, str]) -> Metric:
    return Metric(
        code=row.code,
        name=row.name,
        kind=MetricKind(row.kind),
        direction=Direction(row.direction),
        area=Area(row.area),
        unit=row.unit or "",
        description=row.description or "",
        parent=codes.get(row.parent_id) if row.parent_id else None,
        numerator=codes.get(row.numerator_id) if row.numerator_id else None,
        denominator=codes.get(row.denominator_id) if row.denominator_id else None,
        green_pct=row.green_pct,
        amber_pct=row.amber_pct,
        partition=bool(row.is_partition),
    )


def target_from_row(row: TargetRow, project: str, metric: str) -> Target:
    return Target(
        project=project,
        metric=metric,
        first=Month(row.first_year, row.first_month),
        last=Month(row.last_year, row.last_month),
        value=row.value,
        weights=tuple(json.loads(row.weights)) if row.weights else None,
        change_pct=row.change_pct,
        denominator_plan=row.denominator_plan,
        version=row.version,
    )


@dataclass(frozen=True)
class Catalog:
    """Projects and metrics, with the id ↔ code maps the other queries need."""

    projects: dict[str, Project]  # in display order
    metrics: dict[str, Metric]  # in display order
    project_ids: dict[str, int]
    metric_ids: dict[str, int]
    tracked: dict[str, tuple[str, ...]]  # project code -> metric codes, in grid order

    def project(self, code: str) -> Project:
        try:
            return self.projects[code]
        except KeyError:
            raise DomainError(Code.unknown_project, project=code) from None

    def metric(self, code: str) -> Metric:
        try:
            return self.metrics[code]
        except KeyError:
            raise DomainError(Code.unknown_metric, metric=code) from None

    def children(self, parent: str) -> list[Metric]:
        return [m for m in self.metrics.values() if m.parent == parent]


CATALOG_VERSION = "catalog_version"
# Read at the start of every unit of work: built once.
_CATALOG_VERSION = select(SettingRow.value).where(SettingRow.key == CATALOG_VERSION)
# Per connection pool: (catalog version, catalog). See load_catalog.
_catalog_cache: weakref.WeakKeyDictionary[Any, tuple[int, Catalog]] = weakref.WeakKeyDictionary()


def catalog_version(session: Session) -> int:
    value = session.scalar(_CATALOG_VERSION)
    return int(value) if value else 0


def bump_catalog_version(session: Session) -> None:
    """Called in the same transaction as every change of projects, metrics or tracking,
    so that every process (this one and others on the same database) reads them anew.

    The database adds the 1 itself: of two units of work bumping at the same time on
    PostgreSQL, the second waits for the first's row lock and then adds to its number.
    (Reading the number and writing it back plus one would lose one of the two bumps,
    and a process that cached the catalog in between would never read it anew.)
    """
    session.flush()
    bumped = session.connection().execute(
        update(SettingRow)
        .where(SettingRow.key == CATALOG_VERSION)
        .values(value=cast(cast(SettingRow.value, Integer) + 1, String))
    )
    if bumped.rowcount == 0:
        session.add(SettingRow(key=CATALOG_VERSION, value="1"))
        session.flush()


def load_catalog(session: Session) -> Catalog:
    """Projects, metrics and tracking, read once per catalog version and then cached.

    Every call gets its own copy of the maps, so a unit of work that adds a
    project to its catalog (and may roll back) never touches the cached one.
    """
    bind = session.get_bind()
    pool = getattr(bind, "pool", None)
    version = catalog_version(session)
    cached = _catalog_cache.get(pool) if pool is not None else None
    if cached is None or cached[0] != version:
        cached = (version, _read_catalog(session))
        if pool is not None:
            _catalog_cache[pool] = cached
    catalog = cached[1]
    return Catalog(
        dict(catalog.projects),
        dict(catalog.metrics),
        dict(catalog.project_ids),
        dict(catalog.metric_ids),
        dict(catalog.tracked),
    )


def _read_catalog(session: Session) -> Catalog:
    project_rows = session.scalars(
        select(ProjectRow).order_by(ProjectRow.position, ProjectRow.code)
    ).all()
    metric_rows = session.scalars(
        select(MetricRow).order_by(MetricRow.position, MetricRow.code)
    ).all()
    metric_codes = {row.id: row.code for row in metric_rows}
    project_codes = {row.id: row.code for row in project_rows}
    tracked: dict[str, list[str]] = defaultdict(list)
    for project_id, metric_id in session.execute(
        select(ProjectMetricRow.project_id, ProjectMetricRow.metric_id).order_by(
            ProjectMetricRow.project_id, ProjectMetricRow.position
        )
    ):
        tracked[project_codes[project_id]].append(metric_codes[metric_id])
    return Catalog(
        projects={row.code: project_from_row(row) for row in project_rows},
        metrics={row.code: metric_from_row(row, metric_codes) for row in metric_rows},
        project_ids={row.code: row.id for row in project_rows},
        metric_ids={row.code: row.id for row in metric_rows},
        tracked={code: tuple(tracked.get(code, ())) for code in project_codes.values()},
    )


def targets_overlapping(session: Session, catalog: Catalog, year: int) -> list[tuple[int, Target]]:
    """(target id, target) for every target whose period overlaps `year`, in display order."""
    projects = {v: k for k, v in catalog.project_ids.items()}
    metrics = {v: k for k, v in catalog.metric_ids.items()}
    rows = session.execute(
        select(
            TargetRow.id,
            TargetRow.project_id,
            TargetRow.metric_id,
            TargetRow.first_year,
            TargetRow.first_month,
            TargetRow.last_year,
            TargetRow.last_month,
            TargetRow.value,
            TargetRow.weights,
            TargetRow.change_pct,
            TargetRow.denominator_plan,
            TargetRow.version,
        ).where(TargetRow.first_year <= year, TargetRow.last_year >= year)
    )
    result = [
        (
            tid,
            Target(
                projects[pid],
                metrics[mid],
                Month(fy, fm),
                Month(ly, lm),
                value,
                tuple(json.loads(weights)) if weights else None,
                change_pct=change,
                denominator_plan=plan,
                version=version,
            ),
        )
        for tid, pid, mid, fy, fm, ly, lm, value, weights, change, plan, version in rows
    ]
    order_p = {code: i for i, code in enumerate(catalog.projects)}
    order_m = {code: i for i, code in enumerate(catalog.metrics)}
    result.sort(key=lambda it: (order_p[it[1].project], order_m[it[1].metric], it[1].first))
    return result


def all_targets(session: Session, catalog: Catalog) -> list[Target]:
    projects = {v: k for k, v in catalog.project_ids.items()}
    metrics = {v: k for k, v in catalog.metric_ids.items()}
    return [
        target_from_row(row, projects[row.project_id], metrics[row.metric_id])
        # In the order they were made, on every backend (PostgreSQL returns the rows
        # of an unordered query in whatever order, e.g. a just-changed target last).
        for row in session.scalars(select(TargetRow).order_by(TargetRow.id))
    ]


def latest_month(session: Session, year: int) -> Month | None:
    month = session.scalar(select(func.max(ValueRow.month)).where(ValueRow.year == year))
    return Month(year, month) if month else None


def value_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ValueRow)) or 0


def series_needed(catalog: Catalog, targets: Iterable[Target]) -> set[tuple[str, str]]:
    """The (project, metric) series the targets' figures are made of: a target's own
    metric, or a ratio's numerator and denominator."""
    pairs: set[tuple[str, str]] = set()
    for target in targets:
        metric = catalog.metrics[target.metric]
        if metric.kind is MetricKind.RATIO:
            assert metric.numerator and metric.denominator
            pairs.add((target.project, metric.numerator))
            pairs.add((target.project, metric.denominator))
        else:
            pairs.add((target.project, target.metric))
    return pairs


_SHIFT = 31  # counts are below 2**31 (MAX_COUNT = 10**9)
_PACK = 1 << _SHIFT


def series_values(
    session: Session,
    catalog: Catalog,
    pairs: set[tuple[str, str]],
    first: Month,
    last: Month,
) -> dict[tuple[str, str], dict[int, float]]:
    """The logged values of the `pairs` from `first` to `last`, keyed by `Month.index`.

    One statement, however many series: it reads the projects' and metrics' values of
    those years from the covering index and keeps the pairs asked for.
    """
    result: dict[tuple[str, str], dict[int, float]] = {pair: {} for pair in pairs}
    if not pairs:
        return result
    project_ids = {catalog.project_ids[p] for p, _ in pairs}
    metric_ids = {catalog.metric_ids[m] for _, m in pairs}
    keys = {
        (catalog.project_ids[p], catalog.metric_ids[m]): series for (p, m), series in result.items()
    }
    index = ValueRow.year * 12 + ValueRow.month - 1
    # One text per series: each value packed with its month as one integer, so that
    # the database hands over thousands of series, not hundreds of thousands of rows.
    packed = cast(cast(index, BigInteger) * _PACK + ValueRow.value, String)
    rows = session.execute(
        select(ValueRow.project_id, ValueRow.metric_id, func.aggregate_strings(packed, ","))
        .where(
            ValueRow.project_id.in_(sorted(project_ids)),
            ValueRow.metric_id.in_(sorted(metric_ids)),
            # The year bounds let the index narrow the scan; the month bounds are exact.
            ValueRow.year >= first.year,
            ValueRow.year <= last.year,
            index >= first.index,
            index <= last.index,
        )
        .group_by(ValueRow.project_id, ValueRow.metric_id)
    )
    mask = _PACK - 1
    for pid, mid, text in rows:
        series = keys.get((pid, mid))
        if series is not None:
            series.update({code >> _SHIFT: code & mask for code in map(int, text.split(","))})
    return result


class Cell(NamedTuple):
    """One logged monthly value (a tuple: thousands are made for every refresh)."""

    project: str
    metric: str
    month: Month
    value: int
    note: str | None
    version: int
    updated_by: str
    updated_at: datetime | None


# A stored value as the writes compare it: (id, project_id, metric_id, year, month,
# value, note, version, updated_by, updated_at).
STORED_COLUMNS = (
    ValueRow.id,
    ValueRow.project_id,
    ValueRow.metric_id,
    ValueRow.year,
    ValueRow.month,
    ValueRow.value,
    ValueRow.note,
    ValueRow.version,
    ValueRow.updated_by,
    ValueRow.updated_at,
)


def values_in(
    session: Session,
    catalog: Catalog,
    first: Month,
    last: Month,
    projects: Iterable[str] | None = None,
) -> list[Cell]:
    """Every logged value from `first` to `last` (inclusive), optionally for some projects."""
    pcodes = {v: k for k, v in catalog.project_ids.items()}
    mcodes = {v: k for k, v in catalog.metric_ids.items()}
    index = ValueRow.year * 12 + ValueRow.month - 1
    query = select(*STORED_COLUMNS[1:]).where(
        ValueRow.year >= first.year,
        ValueRow.year <= last.year,
        index >= first.index,
        index <= last.index,
    )
    if projects is not None:
        query = query.where(ValueRow.project_id.in_([catalog.project_ids[p] for p in projects]))
    months = {m.index: m for m in (first.shift(k) for k in range(last.index - first.index + 1))}
    return [
        Cell(pcodes[p], mcodes[m], months[y * 12 + mo - 1], v, n, ver, by, at)
        for p, m, y, mo, v, n, ver, by, at in session.execute(query)
    ]


def logged_count(session: Session, metric_id: int) -> int:
    """How many monthly values are logged for one metric (in every project)."""
    return (
        session.scalar(
            select(func.count()).select_from(ValueRow).where(ValueRow.metric_id == metric_id)
        )
        or 0
    )


def stored_rows(
    session: Session, project_ids: Iterable[int], first_year: int, last_year: int
) -> Any:
    """The stored values of `project_ids` from `first_year` to `last_year`, one statement:
    rows of `STORED_COLUMNS`, for the writes that compare what comes in with what is
    stored."""
    return session.execute(
        select(*STORED_COLUMNS).where(
            ValueRow.project_id.in_(sorted(set(project_ids))),
            ValueRow.year >= first_year,
            ValueRow.year <= last_year,
        )
    )
