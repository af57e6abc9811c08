"""Adding and changing projects and metrics, and which metrics a project logs: each an
operation with its inverse (`aipdesk.services.operation`), and the calls the command
line and the window make."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from aipdesk.domain.messages import Note
from aipdesk.domain.model import Metric, Project
from aipdesk.services.base import Actor, Changes
from aipdesk.services.catalog_rows import (
    delete_metric,
    delete_project,
    ensure_tracked,
    insert_metric,
    insert_project,
    untrack,
    update_metric,
    update_project,
)
from aipdesk.services.operation import NOTHING, Operation, Result, Text, Work, told, undo_label
from aipdesk.store.database import Database
from aipdesk.store.queries import Catalog, load_catalog

__all__ = [
    "AddMetric",
    "AddProject",
    "ChangeMetric",
    "ChangeProject",
    "RemoveMetric",
    "RemoveProject",
    "TrackMetric",
    "UntrackMetric",
    "add_metric",
    "add_project",
    "edit_metric",
    "edit_project",
    "ensure_tracked",
    "read_catalog",
    "track_metric",
]


@dataclass(frozen=True)
class AddProject(Operation):
    project: Project
    metrics: tuple[str, ...] = ()

    def label(self) -> Text:
        return told(Note.op_add_project, project=self.project.name or self.project.code)

    def apply(self, work: Work) -> Result:
        insert_project(work.session, work.catalog, work.actor, self.project, self.metrics)
        changes = Changes(projects=frozenset({self.project.code}))
        return Result(changes, RemoveProject(self.project.code, undo_label(self.label())))


@dataclass(frozen=True)
class RemoveProject(Operation):
    """Remove a project nothing refers to yet: the undo of its addition."""

    code: str
    text: Text | None = None

    def label(self) -> Text:
        return self.text or told(Note.op_remove_project, project=self.code)

    def apply(self, work: Work) -> Result:
        project = work.catalog.project(self.code)
        metrics = work.catalog.tracked.get(self.code, ())
        delete_project(work.session, work.catalog, work.actor, self.code)
        changes = Changes(projects=frozenset({self.code}))
        return Result(changes, AddProject(project, tuple(metrics)))


@dataclass(frozen=True)
class ChangeProject(Operation):
    """Change name, description, period or active flag of a project (the code stays):
    the `fields` given, against the project as stored at the time of the write."""

    code: str
    fields: Mapping[str, Any]

    def label(self) -> Text:
        if set(self.fields) == {"active"}:
            active = self.fields["active"]
            return told(
                Note.op_activate_project if active else Note.op_deactivate_project,
                project=self.code,
            )
        return told(Note.op_change_project, project=self.code)

    def apply(self, work: Work) -> Result:
        old = work.catalog.project(self.code)
        if update_project(work.session, work.catalog, work.actor, replace(old, **self.fields)):
            undo = {name: getattr(old, name) for name in self.fields}
            return Result(Changes(projects=frozenset({self.code})), ChangeProject(self.code, undo))
        return NOTHING


@dataclass(frozen=True)
class TrackMetric(Operation):
    """Let a project log a metric (a row of its entry grid)."""

    project: str
    metric: str

    def label(self) -> Text:
        return told(Note.op_track_metric, project=self.project, metric=self.metric)

    def apply(self, work: Work) -> Result:
        if not ensure_tracked(work.session, work.catalog, work.actor, self.project, self.metric):
            return NOTHING
        changes = Changes(projects=frozenset({self.project}))
        return Result(changes, UntrackMetric(self.project, self.metric))


@dataclass(frozen=True)
class UntrackMetric(Operation):
    """Stop a project logging a metric while nothing of the pair is stored."""

    project: str
    metric: str

    def label(self) -> Text:
        return told(Note.op_untrack_metric, project=self.project, metric=self.metric)

    def apply(self, work: Work) -> Result:
        untrack(work.session, work.catalog, work.actor, self.project, self.metric)
        changes = Changes(projects=frozenset({self.project}))
        return Result(changes, TrackMetric(self.project, self.metric))


@dataclass(frozen=True)
class AddMetric(Operation):
    """Add a metric (kind, unit, direction, davon parent, partition, ratio parts,
    thresholds, area); `area_of_parent`: a davon metric goes into its parent's grid."""

    metric: Metric
    area_of_parent: bool = False

    def label(self) -> Text:
        return told(Note.op_add_metric, metric=self.metric.name or self.metric.code)

    def apply(self, work: Work) -> Result:
        insert_metric(work.session, work.catalog, work.actor, self.metric, self.area_of_parent)
        changes = Changes(metrics=frozenset({self.metric.code}))
        return Result(changes, RemoveMetric(self.metric.code, undo_label(self.label())))


@dataclass(frozen=True)
class RemoveMetric(Operation):
    """Remove a metric nothing uses yet: the undo of its addition."""

    code: str
    text: Text | None = None

    def label(self) -> Text:
        return self.text or told(Note.op_remove_metric, metric=self.code)

    def apply(self, work: Work) -> Result:
        metric = work.catalog.metric(self.code)
        delete_metric(work.session, work.catalog, work.actor, self.code)
        return Result(Changes(metrics=frozenset({self.code})), AddMetric(metric))


@dataclass(frozen=True)
class ChangeMetric(Operation):
    """Change a metric (any field but its code): the `fields` given, against the metric as
    stored at the time of the write; see `update_metric` for the refusals."""

    code: str
    fields: Mapping[str, Any]

    def label(self) -> Text:
        return told(Note.op_change_metric, metric=self.code)

    def apply(self, work: Work) -> Result:
        old = work.catalog.metric(self.code)
        if update_metric(work.session, work.catalog, work.actor, replace(old, **self.fields)):
            undo = {name: getattr(old, name) for name in self.fields}
            return Result(Changes(metrics=frozenset({self.code})), ChangeMetric(self.code, undo))
        return NOTHING


def add_project(
    db: Database, actor: Actor, project: Project, metrics: tuple[str, ...] = ()
) -> Changes:
    return AddProject(project, tuple(metrics)).run(db, actor).changes


def edit_project(db: Database, actor: Actor, code: str, **fields: Any) -> Changes:
    """Change name, description, period or active flag of a project (the code stays)."""
    return ChangeProject(code, fields).run(db, actor).changes


def add_metric(
    db: Database, actor: Actor, metric: Metric, *, area_of_parent: bool = False
) -> Changes:
    """Add a metric (kind, unit, direction, davon parent, partition, ratio parts,
    thresholds, area); `area_of_parent`: a davon metric goes into its parent's grid."""
    return AddMetric(metric, area_of_parent).run(db, actor).changes


def edit_metric(db: Database, actor: Actor, code: str, **fields: Any) -> Changes:
    """Change a metric (any field but its code)."""
    return ChangeMetric(code, fields).run(db, actor).changes


def read_catalog(db: Database) -> Catalog:
    """Projects (with the metrics each tracks) and metrics, in display order: plain values."""
    with db.read() as session:
        return load_catalog(session)


def track_metric(db: Database, actor: Actor, project: str, metric: str) -> Changes:
    """Let `project` log `metric` (adds a row to its entry grid)."""
    return TrackMetric(project, metric).run(db, actor).changes
