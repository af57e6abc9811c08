"""Deterministic, plausible demo values: a realistic mix of green, amber and red.

Values are generated per (project, metric) from the catalogue targets, with a
fixed performance factor per series and seeded monthly noise, so that the same
command always writes the same numbers.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

from sqlalchemy import insert

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import MetricKind
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor, Changes
from aipdesk.services.budget_load import load_demo_budget
from aipdesk.services.catalogue import load_catalogue
from aipdesk.store.changelog import record_many
from aipdesk.store.database import Database
from aipdesk.store.models import ValueRow
from aipdesk.store.queries import all_targets, load_catalog, value_count

# Monthly level (flow) or month-end level (stock) of series without a target of
# their own, and the performance factor (Ist against plan) of those with one.
BASE_LEVEL = {
    "integrations": 560.0,
    "elb_stock": 27_800.0,
    "job_starts": 25.0,
    "participants": 5.0,
    "taam_new": 6.0,
    "taam_stock": 400.0,
    "lzb_stock": 17_000.0,
}
PROJECT_LEVEL = {("IP", "integrations"): 24.0, ("EXG", "integrations"): 9.0}
FACTOR = {
    ("NEUSTART", "integrations"): 1.06,  # green
    ("LIA", "job_starts"): 0.93,  # amber
    ("GUIDE", "participants"): 0.78,  # red
    ("JC", "training_entries"): 0.95,  # amber
    ("JC", "training_entries_degree"): 0.84,  # red
    ("JC", "integrations"): 0.985,  # the ratio: amber-green border
    ("JC", "lzb_stock"): 1.035,  # down: 3.5 % above target: amber
    ("TAAM", "taam_new"): 1.12,  # green
    ("TAAM", "taam_stock"): 0.87,  # red
}
SECTOR_SHARE = {
    "training_logistics": 0.22,
    "training_care": 0.2,
    "training_education": 0.12,
    "training_transport": 0.18,
    "training_security": 0.1,
}
SEASON = (0.85, 0.95, 1.1, 1.05, 1.0, 0.95, 0.9, 0.85, 1.1, 1.15, 1.05, 1.05)
# Women and men: the women's share of the parent (integrations about 45 %, the ELB stock
# about 49 %), the men the rest, so the two parts add up to the parent exactly.
GENDER = {
    "integrations": ("integrations_women", "integrations_men", 0.45),
    "elb_stock": ("elb_stock_women", "elb_stock_men", 0.49),
}
GENDER_PARTS = {code for women, men, _ in GENDER.values() for code in (women, men)}


def demo_values(db: Database, year: int) -> dict[tuple[str, str, Month], int]:
    """The values `aipdesk demo` writes: the year and the one before, and a running
    project's earlier months where its target period began earlier."""
    with db.read() as session:
        catalog = load_catalog(session)
        targets = all_targets(session, catalog)
    rng = random.Random(f"aipdesk-demo-{year}")
    start_of = {(t.project, t.metric): t for t in targets if t.period.overlaps_year(year)}
    values: dict[tuple[str, str, Month], int] = {}
    for project_code, metric_codes in catalog.tracked.items():
        project = catalog.projects[project_code]
        for metric_code in metric_codes:
            metric = catalog.metrics[metric_code]
            if metric.is_computed or metric.parent:
                continue
            target = start_of.get((project_code, metric_code))
            first = min(Month(year - 1, 1), target.first if target else Month(year - 1, 1))
            factor = FACTOR.get((project_code, metric_code), 1.0)
            if target is not None and target.value and metric.kind is MetricKind.FLOW:
                level = target.value / target.months
            elif target is not None and target.value:
                level = target.value
            else:
                level = PROJECT_LEVEL.get(
                    (project_code, metric_code), BASE_LEVEL.get(metric_code, 10.0)
                )
            for index in range(first.index, Month(year, 12).index + 1):
                month = Month.from_index(index)
                if not project.period.contains(month):
                    continue
                earlier = 0.93 if month.year < year else 1.0  # the previous year was weaker
                if metric.kind is MetricKind.STOCK:
                    drift = 1 + 0.004 * (month.month - 6.5) * (
                        -1 if metric.direction.value == "down" else 1
                    )
                    value = level * factor * drift * rng.uniform(0.985, 1.015) / earlier
                else:
                    value = (
                        level * factor * earlier * SEASON[month.month - 1] * rng.uniform(0.88, 1.12)
                    )
                values[(project_code, metric_code, month)] = max(0, round(value))
    # davon series: a share of their parent's value in the same month, never above it.
    for (project_code, metric_code, month), parent_value in list(values.items()):
        for child in catalog.children(metric_code):
            if (
                child.code not in catalog.tracked.get(project_code, ())
                or child.code in GENDER_PARTS
            ):
                continue
            if child.code == "training_entries_degree":
                share = (
                    220
                    / 730
                    * FACTOR[("JC", "training_entries_degree")]
                    / FACTOR[("JC", "training_entries")]
                )
            else:
                share = SECTOR_SHARE.get(child.code, 0.1)
            values[(project_code, child.code, month)] = min(
                parent_value, round(parent_value * share * rng.uniform(0.85, 1.15))
            )
    values.update(_gender_split(values, catalog.tracked, year))
    return values


def _gender_split(
    values: dict[tuple[str, str, Month], int], tracked: dict[str, tuple[str, ...]], year: int
) -> dict[tuple[str, str, Month], int]:
    """Women and men of every integrations and ELB value of a project that tracks them
    (their own random series, so the other demo values stay as they were)."""
    rng = random.Random(f"aipdesk-demo-gender-{year}")
    split = {}
    for (project, metric, month), whole in sorted(values.items(), key=lambda it: it[0]):
        if metric not in GENDER:
            continue
        women_code, men_code, share = GENDER[metric]
        if not {women_code, men_code} <= set(tracked.get(project, ())):
            continue
        women = min(whole, round(whole * share * rng.uniform(0.985, 1.015)))
        split[(project, women_code, month)] = women
        split[(project, men_code, month)] = whole - women
    return split


def load_demo(db: Database, actor: Actor, year: int = 2021) -> Changes:
    """Catalogue plus demo values; refuses a database that holds values already."""
    changes = load_catalogue(db, actor)
    with db.read() as session:
        count = value_count(session)
    if count:
        raise DomainError(Code.values_present, count=count)
    values = demo_values(db, year)
    stamp = datetime.now(UTC)
    actor = Actor(actor.user, "demo")
    with db.write() as session:
        if value_count(session):  # someone logged a value in the meantime
            raise DomainError(Code.values_present, count=value_count(session))
        catalog = load_catalog(session)
        rows = [
            {
                "project_id": catalog.project_ids[p],
                "metric_id": catalog.metric_ids[m],
                "year": month.year,
                "month": month.month,
                "value": v,
                "note": None,
                "version": 1,
                "updated_by": actor.user,
                "updated_at": stamp,
            }
            for (p, m, month), v in sorted(
                values.items(), key=lambda it: (it[0][0], it[0][1], it[0][2])
            )
        ]
        session.execute(insert(ValueRow), rows)
        record_many(
            session,
            [
                {
                    "at": stamp,
                    "user": actor.user,
                    "source": actor.source,
                    "action": "insert",
                    "entity": "value",
                    "project": p,
                    "metric": m,
                    "year": month.year,
                    "month": month.month,
                    "old": None,
                    "new": f'{{"note": null, "value": {v}}}',
                }
                for (p, m, month), v in values.items()
            ],
        )
    budget = load_demo_budget(db, actor, year)
    return changes | budget | Changes(values=frozenset(values))
