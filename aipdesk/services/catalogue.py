"""Loading the built-in AIP 2021 catalogue (db/catalogue_aip2021.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from sqlalchemy import select

from aipdesk.domain.model import Area, Direction, Metric, MetricKind, Project, Target
from aipdesk.domain.months import Month, Period
from aipdesk.paths import catalogue_file
from aipdesk.services.base import Actor, Changes
from aipdesk.services.projects import ensure_tracked, insert_metric, insert_project
from aipdesk.services.targets import apply_target
from aipdesk.store.database import Database
from aipdesk.store.models import SettingRow
from aipdesk.store.queries import load_catalog


def read_catalogue(path: Path | None = None) -> dict[str, Any]:
    with (path or catalogue_file()).open("rb") as fh:
        return tomllib.load(fh)


def _month(text: str | None) -> Month | None:
    return Month.parse(text) if text else None


def load_catalogue(db: Database, actor: Actor, path: Path | None = None) -> Changes:
    """Load the catalogue once. A second run changes nothing, so targets a coordinator
    edited (or removed) since are never overwritten."""
    data = read_catalogue(path)
    key = f"catalogue:{data['id']}"
    actor = Actor(actor.user, "catalogue")
    projects: set[str] = set()
    metrics: set[str] = set()
    targets: set[tuple[str, str]] = set()
    with db.write() as session:
        if session.get(SettingRow, key) is not None:
            return Changes()
        catalog = load_catalog(session)
        for item in data.get("metrics", []):
            if item["code"] in catalog.metrics:
                continue
            insert_metric(
                session,
                catalog,
                actor,
                Metric(
                    code=item["code"],
                    name=item["name"],
                    kind=MetricKind(item["kind"]),
                    direction=Direction(item.get("direction", "up")),
                    area=Area(item.get("area", "integration")),
                    unit=item.get("unit", ""),
                    parent=item.get("parent"),
                    numerator=item.get("numerator"),
                    denominator=item.get("denominator"),
                    green_pct=item.get("green_pct", 100.0),
                    amber_pct=item.get("amber_pct", 90.0),
                    description=item.get("description", ""),
                ),
            )
            metrics.add(item["code"])
        for item in data.get("projects", []):
            if item["code"] not in catalog.projects:
                insert_project(
                    session,
                    catalog,
                    actor,
                    Project(
                        code=item["code"],
                        name=item["name"],
                        period=Period(_month(item.get("first")), _month(item.get("last"))),
                        description=item.get("description", ""),
                    ),
                )
                projects.add(item["code"])
            for metric in item.get("metrics", []):
                if ensure_tracked(session, catalog, actor, item["code"], metric):
                    projects.add(item["code"])
        year = int(data["year"])
        for item in data.get("targets", []):
            first = _month(item.get("first")) or Month(year, 1)
            last = _month(item.get("last")) or Month(year, 12)
            target = Target(item["project"], item["metric"], first, last, item.get("value"))
            if apply_target(session, catalog, actor, target, origin="catalogue"):
                targets.add((target.project, target.metric))
        session.add(SettingRow(key=key, value=data.get("title", data["id"])))
        if session.scalar(select(SettingRow).where(SettingRow.key == "organisation")) is None:
            session.add(SettingRow(key="organisation", value=data.get("organisation", "")))
    return Changes(
        targets=frozenset(targets), projects=frozenset(projects), metrics=frozenset(metrics)
    )
