"""Catalogue rows written inside an open unit of work: projects, metrics and which
metrics a project logs. The operations of `aipdesk.services.projects` compose these."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from aipdesk.domain.catalogue import check_metric, named
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import DESCRIPTION, NAME, UNIT, Metric, MetricKind, Project
from aipdesk.services.base import Actor, check_text
from aipdesk.services.families import check_stored
from aipdesk.store.changelog import record
from aipdesk.store.models import MetricRow, ProjectMetricRow, ProjectRow, TargetRow, ValueRow
from aipdesk.store.queries import Catalog, bump_catalog_version, logged_count


def _project_json(project: Project) -> dict[str, Any]:
    return {
        "name": project.name,
        "description": project.description,
        "active": project.active,
        "first": str(project.period.first) if project.period.first else None,
        "last": str(project.period.last) if project.period.last else None,
    }


def _length(column: Any) -> int:
    """The length of a String column: PostgreSQL enforces it (SQLite would not)."""
    return int(column.property.columns[0].type.length)


def _fill_project(row: ProjectRow, project: Project) -> None:
    check_text(project.name.strip(), NAME, _length(ProjectRow.name))
    check_text(project.description, DESCRIPTION)
    first, last = project.period.first, project.period.last
    row.name, row.description, row.active = (
        project.name.strip(),
        project.description,
        project.active,
    )
    row.first_year, row.first_month = (first.year, first.month) if first else (None, None)
    row.last_year, row.last_month = (last.year, last.month) if last else (None, None)


def insert_project(
    session: Session,
    catalog: Catalog,
    actor: Actor,
    project: Project,
    metrics: tuple[str, ...] = (),
) -> None:
    project.validate()
    if project.code in catalog.projects:
        raise DomainError(Code.duplicate_project, project=project.code)
    position = (session.scalar(select(func.max(ProjectRow.position))) or 0) + 1
    row = ProjectRow(code=project.code, position=position)
    _fill_project(row, project)
    session.add(row)
    session.flush()
    catalog.project_ids[project.code] = row.id
    catalog.projects[project.code] = project
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="insert",
        entity="project",
        project=project.code,
        new=_project_json(project),
    )
    for index, metric in enumerate(metrics):
        catalog.metric(metric)
        session.add(
            ProjectMetricRow(
                project_id=row.id, metric_id=catalog.metric_ids[metric], position=index
            )
        )
    catalog.tracked[project.code] = tuple(metrics)
    bump_catalog_version(session)


def _metric_json(metric: Metric) -> dict[str, Any]:
    data = asdict(metric)
    data["kind"], data["direction"], data["area"] = (
        metric.kind.value,
        metric.direction.value,
        metric.area.value,
    )
    return data


def _fill_metric(row: MetricRow, metric: Metric, catalog: Catalog) -> None:
    def ref(code: str | None) -> int | None:
        if code is None:
            return None
        catalog.metric(code)
        return catalog.metric_ids[code]

    check_text(metric.name.strip(), NAME, _length(MetricRow.name))
    check_text(metric.unit, UNIT, _length(MetricRow.unit))
    check_text(metric.description, DESCRIPTION)
    row.name, row.kind, row.direction = (
        metric.name.strip(),
        metric.kind.value,
        metric.direction.value,
    )
    row.area, row.unit, row.description = metric.area.value, metric.unit, metric.description
    row.parent_id, row.numerator_id = ref(metric.parent), ref(metric.numerator)
    row.denominator_id = ref(metric.denominator)
    row.green_pct, row.amber_pct = metric.green_pct, metric.amber_pct
    row.is_partition = metric.partition


def insert_metric(
    session: Session,
    catalog: Catalog,
    actor: Actor,
    metric: Metric,
    area_of_parent: bool = False,
) -> Metric:
    """Add `metric` to the catalogue; with `area_of_parent` a davon metric is entered in
    the grid of its parent (its area), whatever `metric.area` says. Returns it as stored."""
    metric.validate()
    if metric.code in catalog.metrics:
        raise DomainError(Code.duplicate_metric, metric=metric.code)
    if area_of_parent and metric.parent in catalog.metrics:
        metric = replace(metric, area=catalog.metrics[metric.parent].area)
    check_metric(metric, catalog.metrics)
    position = (session.scalar(select(func.max(MetricRow.position))) or 0) + 1
    row = MetricRow(code=metric.code, position=position)
    _fill_metric(row, metric, catalog)
    session.add(row)
    session.flush()
    catalog.metric_ids[metric.code] = row.id
    catalog.metrics[metric.code] = metric
    bump_catalog_version(session)
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="insert",
        entity="metric",
        metric=metric.code,
        new=_metric_json(metric),
    )
    return metric


def ensure_tracked(
    session: Session, catalog: Catalog, actor: Actor, project: str, metric: str
) -> bool:
    catalog.project(project)
    catalog.metric(metric)
    if metric in catalog.tracked.get(project, ()):
        return False
    session.add(
        ProjectMetricRow(
            project_id=catalog.project_ids[project],
            metric_id=catalog.metric_ids[metric],
            position=len(catalog.tracked.get(project, ())),
        )
    )
    catalog.tracked[project] = (*catalog.tracked.get(project, ()), metric)
    bump_catalog_version(session)
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="insert",
        entity="tracking",
        project=project,
        metric=metric,
    )
    session.flush()
    return True


def untrack(session: Session, catalog: Catalog, actor: Actor, project: str, metric: str) -> None:
    """Stop `project` logging `metric`: only while no value and no target of the pair is
    stored (the undo of the step that began tracking it)."""
    pid, mid = catalog.project_ids[project], catalog.metric_ids[metric]
    used = session.scalar(
        select(func.count())
        .select_from(ValueRow)
        .where(ValueRow.project_id == pid, ValueRow.metric_id == mid)
    ) or session.scalar(
        select(func.count())
        .select_from(TargetRow)
        .where(TargetRow.project_id == pid, TargetRow.metric_id == mid)
    )
    if used:
        raise DomainError(
            Code.tracking_in_use,
            project=catalog.project(project).name,
            metric=named(catalog.metric(metric), catalog.metrics),
        )
    session.execute(
        delete(ProjectMetricRow).where(
            ProjectMetricRow.project_id == pid, ProjectMetricRow.metric_id == mid
        )
    )
    catalog.tracked[project] = tuple(m for m in catalog.tracked.get(project, ()) if m != metric)
    bump_catalog_version(session)
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="delete",
        entity="tracking",
        project=project,
        metric=metric,
    )
    session.flush()


def update_project(
    session: Session, catalog: Catalog, actor: Actor, new: Project
) -> Project | None:
    """Store `new` over the project of its code (the code never changes); returns what it
    was, or None when nothing changed."""
    old = catalog.project(new.code)
    new.validate()
    if new == old:
        return None
    row = session.get_one(ProjectRow, catalog.project_ids[new.code])
    _fill_project(row, new)
    catalog.projects[new.code] = new
    bump_catalog_version(session)
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="update",
        entity="project",
        project=new.code,
        old=_project_json(old),
        new=_project_json(new),
    )
    return old


def update_metric(session: Session, catalog: Catalog, actor: Actor, new: Metric) -> Metric | None:
    """Store `new` over the metric of its code; returns what it was, or None when nothing
    changed.

    Refused, with nothing changed, when the catalogue would break (see
    `aipdesk.domain.catalogue.check_metric`), when a metric with logged values would
    become a ratio, and when the values stored already break the davon rule of the
    metric's new place: newly marked as a partition, or moved under another parent.
    """
    code = new.code
    old = catalog.metric(code)
    if new == old:
        return None
    check_metric(new, catalog.metrics)
    if new.kind is MetricKind.RATIO and old.kind is not MetricKind.RATIO:
        count = logged_count(session, catalog.metric_ids[code])
        if count:
            raise DomainError(
                Code.ratio_has_values, metric=named(new, catalog.metrics), count=count
            )
    catalog.metrics[code] = new
    if new.parent is not None and (
        new.parent != old.parent or (new.partition and not old.partition)
    ):
        check_stored(session, catalog, new.parent)
    _fill_metric(session.get_one(MetricRow, catalog.metric_ids[code]), new, catalog)
    bump_catalog_version(session)
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="update",
        entity="metric",
        metric=code,
        old=_metric_json(old),
        new=_metric_json(new),
    )
    return old


def _count(session: Session, model: Any, *where: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def delete_project(session: Session, catalog: Catalog, actor: Actor, code: str) -> None:
    """Remove a project nothing refers to (no value, no target): the undo of its addition."""
    project = catalog.project(code)
    pid = catalog.project_ids[code]
    if _count(session, ValueRow, ValueRow.project_id == pid) or _count(
        session, TargetRow, TargetRow.project_id == pid
    ):
        raise DomainError(Code.project_in_use, project=project.name)
    session.execute(delete(ProjectMetricRow).where(ProjectMetricRow.project_id == pid))
    session.execute(delete(ProjectRow).where(ProjectRow.id == pid))
    del catalog.projects[code], catalog.project_ids[code]
    catalog.tracked.pop(code, None)
    bump_catalog_version(session)
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="delete",
        entity="project",
        project=code,
        old=_project_json(project),
    )
    session.flush()


def delete_metric(session: Session, catalog: Catalog, actor: Actor, code: str) -> None:
    """Remove a metric nothing refers to (no value, target, project, davon metric or
    ratio uses it): the undo of its addition."""
    metric = catalog.metric(code)
    mid = catalog.metric_ids[code]
    used = (
        _count(session, ValueRow, ValueRow.metric_id == mid)
        or _count(session, TargetRow, TargetRow.metric_id == mid)
        or _count(session, ProjectMetricRow, ProjectMetricRow.metric_id == mid)
        or any(code in (m.parent, m.numerator, m.denominator) for m in catalog.metrics.values())
    )
    if used:
        raise DomainError(Code.metric_in_use, metric=named(metric, catalog.metrics))
    session.execute(delete(MetricRow).where(MetricRow.id == mid))
    del catalog.metrics[code], catalog.metric_ids[code]
    bump_catalog_version(session)
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="delete",
        entity="metric",
        metric=code,
        old=_metric_json(metric),
    )
    session.flush()
