"""The davon rule on every write path (DESIGN §3): a child never exceeds its parent, and
the children marked as a partition never add up to more than the parent, for the same
project and month.

A *family* is a parent metric with its davon children. Single values (`log`, the
grid), batches (import, merge) and catalogue edits (a metric newly marked as a
partition, or moved under another parent) all check the families they touch
with `aipdesk.domain.rules.check_family`, on the state after the write.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.months import Month
from aipdesk.domain.rules import check_family
from aipdesk.services.naming import project_name
from aipdesk.store.models import ValueRow
from aipdesk.store.queries import Catalog


def touched_parents(catalog: Catalog, metrics: Iterable[str]) -> list[str]:
    """The parents of the families a write of `metrics` touches: each metric's own
    parent, and the metric itself where it has davon children (in a stable order)."""
    parents: dict[str, None] = {}
    for code in metrics:
        metric = catalog.metrics[code]
        if metric.parent is not None:
            parents[metric.parent] = None
        if catalog.children(code):
            parents[code] = None
    return list(parents)


def members(catalog: Catalog, metrics: Iterable[str]) -> set[str]:
    """Every metric whose value the davon rule needs for a write of `metrics`."""
    needed = set(metrics)
    for parent in touched_parents(catalog, needed):
        needed.add(parent)
        needed.update(child.code for child in catalog.children(parent))
    return needed


def check_cell(
    catalog: Catalog,
    project: str,
    month: Month,
    written: Iterable[str],
    values: Mapping[str, int],
) -> None:
    """Check the families that a write of `written` touches in one (project, month);
    `values` holds the values of their members after the write (missing: no value)."""
    for parent in touched_parents(catalog, written):
        children = [
            (child, values[child.code])
            for child in catalog.children(parent)
            if child.code in values
        ]
        check_family(
            project_name(catalog, project),
            month,
            catalog.metrics[parent],
            values.get(parent),
            children,
            catalog.metrics,
        )


def check_stored(session: Session, catalog: Catalog, parent: str) -> None:
    """Check every stored (project, month) of the family of `parent` against the rules
    of `catalog` (which may hold metrics not stored yet): when a metric is newly
    marked as a partition or moved under `parent`. The first violation, by month and
    then project, is refused."""
    codes = {catalog.metric_ids[parent]: parent}
    codes.update({catalog.metric_ids[c.code]: c.code for c in catalog.children(parent)})
    projects = {pid: code for code, pid in catalog.project_ids.items()}
    cells: dict[tuple[Month, str], dict[str, int]] = defaultdict(dict)
    rows = session.execute(
        select(
            ValueRow.project_id, ValueRow.metric_id, ValueRow.year, ValueRow.month, ValueRow.value
        ).where(ValueRow.metric_id.in_(list(codes)))
    )
    for project_id, metric_id, year, number, value in rows:
        cells[(Month(year, number), projects[project_id])][codes[metric_id]] = value
    order = {code: index for index, code in enumerate(catalog.projects)}
    for month, project in sorted(cells, key=lambda key: (key[0], order[key[1]])):
        check_cell(catalog, project, month, [parent], cells[(month, project)])
