"""Loading the built-in AIP 2021 catalogue (db/catalogue_aip2021.toml), and bringing a
database that loaded an earlier revision of it up to date.

The catalogue has a revision number; the database keeps the revision it has loaded
(setting `catalogue:<id>:revision`; a database that loaded the catalogue before
revisions were counted has revision 1). A later `init` or window start adds only
what came with later revisions and never overwrites what a coordinator changed:

- an item with a higher `revision` (absent: 1) is added unless the database has it
  (a metric or project of that code, a target of that pair overlapping its period);
- an `amended = {revision, fields}` item gets the fields named, where it is still as
  the catalogue made it: a metric still under the catalogue's parent (and the values
  stored keep the partition rule), a target with `origin == "catalogue"`.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Area, Direction, Metric, MetricKind, Project, Target
from aipdesk.domain.months import Month, Period
from aipdesk.paths import catalogue_file
from aipdesk.services.base import Actor, Changes
from aipdesk.services.budget_load import load_budget
from aipdesk.services.catalog_rows import ensure_tracked, insert_metric, insert_project
from aipdesk.services.families import check_stored
from aipdesk.services.target_rows import apply_target
from aipdesk.store.changelog import record
from aipdesk.store.database import Database
from aipdesk.store.models import MetricRow, SettingRow, TargetRow
from aipdesk.store.queries import (
    Catalog,
    all_targets,
    bump_catalog_version,
    load_catalog,
    target_from_row,
)


def read_catalogue(path: Path | None = None) -> dict[str, Any]:
    with (path or catalogue_file()).open("rb") as fh:
        return tomllib.load(fh)


def _month(text: str | None) -> Month | None:
    return Month.parse(text) if text else None


def _revision(item: dict[str, Any]) -> int:
    return int(item.get("revision", 1))


def _amended(item: dict[str, Any], since: int) -> list[str]:
    """The fields an item of an earlier revision got after revision `since`."""
    amended = item.get("amended")
    if not since or not amended or int(amended["revision"]) <= since:
        return []
    return [str(field) for field in amended["fields"]]


def loaded_revision(session: Session, catalogue_id: str) -> int:
    """The revision of catalogue `catalogue_id` the database has loaded (0: none)."""
    if session.get(SettingRow, f"catalogue:{catalogue_id}") is None:
        return 0
    row = session.get(SettingRow, f"catalogue:{catalogue_id}:revision")
    return int(row.value) if row is not None else 1


def catalogue_revision(db: Database, path: Path | None = None) -> tuple[int, int]:
    """(revision the database has loaded, revision of the catalogue file); 0: none."""
    data = read_catalogue(path)
    with db.read() as session:
        return loaded_revision(session, data["id"]), int(data.get("revision", 1))


class _Loader:
    """One run of `load_catalogue` inside one unit of work."""

    def __init__(self, session: Session, data: dict[str, Any], actor: Actor, since: int):
        self.session, self.data, self.actor, self.since = session, data, actor, since
        self.catalog: Catalog = load_catalog(session)
        self.projects: set[str] = set()
        self.metrics: set[str] = set()
        self.targets: set[tuple[str, str]] = set()
        self.revision_of = {m["code"]: _revision(m) for m in data.get("metrics", [])}

    def new(self, item: dict[str, Any]) -> bool:
        return _revision(item) > self.since

    def run(self) -> Changes:
        split: dict[str, list[str]] = {}  # parent -> its children a revision made a partition
        for item in self.data.get("metrics", []):
            if self.new(item):
                self.add_metric(item)
            elif "partition" in _amended(item, self.since) and item.get("parent"):
                split.setdefault(item["parent"], []).append(item["code"])
        for parent, children in split.items():
            self.mark_partition(parent, children)
        for item in self.data.get("projects", []):
            self.add_project(item)
        year = int(self.data["year"])
        for item in self.data.get("targets", []):
            first = _month(item.get("first")) or Month(year, 1)
            last = _month(item.get("last")) or Month(year, 12)
            target = Target(
                item["project"],
                item["metric"],
                first,
                last,
                item.get("value"),
                change_pct=item.get("change_pct"),
            )
            if self.new(item):
                self.add_target(target)
            elif "change_pct" in _amended(item, self.since):
                self.amend_target(target)
        return Changes(
            targets=frozenset(self.targets),
            projects=frozenset(self.projects),
            metrics=frozenset(self.metrics),
        )

    def add_metric(self, item: dict[str, Any]) -> None:
        if item["code"] in self.catalog.metrics:
            return  # a coordinator's metric of the same code stays as it is
        metric = Metric(
            code=item["code"],
            name=item["name"],
            kind=MetricKind(item["kind"]),
            direction=Direction(item.get("direction", "up")),
            area=Area(item.get("area", "integration")),
            unit=item.get("unit", ""),
            parent=item.get("parent"),
            partition=bool(item.get("partition", False)),
            numerator=item.get("numerator"),
            denominator=item.get("denominator"),
            green_pct=item.get("green_pct", 100.0),
            amber_pct=item.get("amber_pct", 90.0),
            description=item.get("description", ""),
        )
        try:
            insert_metric(self.session, self.catalog, self.actor, metric, "area" not in item)
        except DomainError:
            if not self.since:
                raise  # the catalogue itself is broken
            return  # an upgrade: a coordinator's change makes the addition impossible
        self.metrics.add(metric.code)

    def mark_partition(self, parent: str, children: list[str]) -> None:
        """Mark `children` of `parent` as its partition, all of them or (where the values
        stored already break the rule) none: marking them by hand then names the month."""
        before = dict(self.catalog.metrics)
        marked = []
        for code in children:
            old = self.catalog.metrics.get(code)
            if old is not None and old.parent == parent and not old.partition:
                self.catalog.metrics[code] = replace(old, partition=True)
                marked.append(code)
        if not marked:
            return
        try:
            check_stored(self.session, self.catalog, parent)
        except DomainError:
            self.catalog.metrics.clear()
            self.catalog.metrics.update(before)
            return
        for code in marked:
            row = self.session.get_one(MetricRow, self.catalog.metric_ids[code])
            row.is_partition = True
            record(
                self.session,
                user=self.actor.user,
                source=self.actor.source,
                action="update",
                entity="metric",
                metric=code,
                old={"partition": False},
                new={"partition": True},
            )
            self.metrics.add(code)
        bump_catalog_version(self.session)

    def add_project(self, item: dict[str, Any]) -> None:
        code = item["code"]
        if self.new(item) and code not in self.catalog.projects:
            insert_project(
                self.session,
                self.catalog,
                self.actor,
                Project(
                    code=code,
                    name=item["name"],
                    period=Period(_month(item.get("first")), _month(item.get("last"))),
                    description=item.get("description", ""),
                ),
            )
            self.projects.add(code)
        if code not in self.catalog.projects:
            return
        for metric in item.get("metrics", []):
            # Tracking that came with a later revision (with its metric, or with a
            # project new in it); a coordinator's earlier choices are left alone.
            later = self.revision_of.get(metric, 1) > self.since or self.new(item)
            if (
                later
                and metric in self.catalog.metrics
                and ensure_tracked(self.session, self.catalog, self.actor, code, metric)
            ):
                self.projects.add(code)

    def add_target(self, target: Target) -> None:
        if target.project not in self.catalog.projects or target.metric not in self.catalog.metrics:
            return
        pair = (target.project, target.metric)
        if any(
            (t.project, t.metric) == pair and t.first <= target.last and target.first <= t.last
            for t in all_targets(self.session, self.catalog)
        ):
            return  # a target of the pair for (part of) the period exists: it stays
        if apply_target(self.session, self.catalog, self.actor, target, origin="catalogue"):
            self.targets.add(pair)

    def amend_target(self, target: Target) -> None:
        if target.project not in self.catalog.projects or target.metric not in self.catalog.metrics:
            return
        row = self.session.scalar(
            select(TargetRow).where(
                TargetRow.project_id == self.catalog.project_ids[target.project],
                TargetRow.metric_id == self.catalog.metric_ids[target.metric],
                TargetRow.first_year == target.first.year,
                TargetRow.first_month == target.first.month,
            )
        )
        if row is None or row.origin != "catalogue":
            return  # removed, or changed by a coordinator: theirs stays
        stored = target_from_row(row, target.project, target.metric)
        if stored.change_pct is not None:
            return
        changed = replace(stored, change_pct=target.change_pct)
        if apply_target(self.session, self.catalog, self.actor, changed, origin="catalogue"):
            self.targets.add((target.project, target.metric))


def load_catalogue(db: Database, actor: Actor, path: Path | None = None) -> Changes:
    """Load the catalogue, or what its later revisions brought (see the module text).

    A run on a database that has the catalogue's revision changes nothing, so targets
    a coordinator edited (or removed) since are never overwritten. The budget plan of
    db/budget_aip2021.toml is loaded alike (`services.budget_load.load_budget`).
    """
    budget = load_budget(db, actor)
    data = read_catalogue(path)
    key = f"catalogue:{data['id']}"
    revision = int(data.get("revision", 1))
    actor = Actor(actor.user, "catalogue")
    with db.write() as session:
        since = loaded_revision(session, data["id"])
        if since >= revision:
            return budget
        changes = _Loader(session, data, actor, since).run()
        if since == 0:
            session.add(SettingRow(key=key, value=data.get("title", data["id"])))
        revision_row = session.get(SettingRow, f"{key}:revision")
        if revision_row is None:
            session.add(SettingRow(key=f"{key}:revision", value=str(revision)))
        else:
            revision_row.value = str(revision)
        if session.scalar(select(SettingRow).where(SettingRow.key == "organisation")) is None:
            session.add(SettingRow(key="organisation", value=data.get("organisation", "")))
    return changes | budget
