"""What every write of monthly values checks per cell, and the write of many cells at once.

`set_cells` stores many cells (a paste, the undo of an import or a merge) the way
`batch.write_incoming` writes an import: the stored cells are read in one statement,
every cell is checked in the order given (catalogue, note, the version the editor
showed: the first refusal is the one a cell-by-cell write would meet), the davon rule
on the state after the write, then one statement per `CHUNK` rows each for the inserts,
updates and deletes, and the change-log entries in bulk.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import bindparam, delete, insert, select, union_all
from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note, phrase
from aipdesk.domain.months import Month
from aipdesk.domain.rules import check_loggable
from aipdesk.domain.text import check_note
from aipdesk.services.base import CellKey, CellState
from aipdesk.services.bulkrows import ROW, UPDATE
from aipdesk.services.families import check_cell, members
from aipdesk.services.naming import metric_name, project_name
from aipdesk.services.operation import Work
from aipdesk.services.versions import check_version, fresh_versions
from aipdesk.store.changelog import now, record_many
from aipdesk.store.checks import check_cells_unique
from aipdesk.store.models import ValueRow
from aipdesk.store.queries import STORED_COLUMNS, Catalog, stored_rows

CHUNK = 5_000  # rows per statement


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()  # "leave the note as it is"

Wanted = tuple[int, str | _Keep | None] | None  # a value with its note to store; None: clear
Before = tuple[int, str | None] | None  # what a cell held before a write (None: no value)


def check_loggable_cell(catalog: Catalog, project: str, metric: str, month: Month) -> None:
    """A value may be logged for (project, metric, month): both known, the month in the
    project's period, the metric tracked for the project."""
    p = catalog.project(project)
    m = catalog.metric(metric)
    check_loggable(p, m, month, catalog.metrics)
    if metric not in catalog.tracked.get(project, ()):
        raise DomainError(
            Code.metric_not_tracked,
            metric=metric_name(catalog, metric),
            project=project_name(catalog, project),
        )


@dataclass(slots=True)
class StoredCell:
    """A stored monthly value as a bulk write reads it."""

    id: int
    value: int
    note: str | None
    version: int
    updated_by: str
    updated_at: datetime | None


def check_cell_version(
    session: Session,
    catalog: Catalog,
    row: ValueRow | StoredCell | None,
    key: CellKey,
    expected: int | None,
) -> None:
    """Refuse a write based on `expected`, a version of the cell no longer stored."""
    check_version(
        session,
        "value",
        row,
        key,
        expected,
        lambda: str(row.value) if row else "",
        phrase(Note.now_value_removed),
        (project_name(catalog, key[0]), metric_name(catalog, key[1])),
    )


def _read(
    session: Session, catalog: Catalog, keys: Mapping[CellKey, object]
) -> dict[CellKey, StoredCell]:
    """The stored values the write of `keys` compares with and checks the davon rule
    against, in one statement: for cells of one project and month (a value typed in the
    grid) those cells and their families only; else every stored value of the projects
    and years `keys` touch."""
    pids = sorted({catalog.project_ids[p] for p, _, _ in keys if p in catalog.project_ids})
    if not pids:
        return {}
    pcodes = {v: k for k, v in catalog.project_ids.items()}
    mcodes = {v: k for k, v in catalog.metric_ids.items()}
    months = {month for _, _, month in keys}
    if len(pids) == 1 and len(months) == 1:
        (month,) = months
        known = {m for _, m, _ in keys if m in catalog.metrics}
        rest = members(catalog, known) - known
        params = {
            "pid": pids[0],
            "year": month.year,
            "month": month.month,
            "written": sorted(catalog.metric_ids[m] for m in known),
            "family": sorted(catalog.metric_ids[m] for m in rest),
        }
        rows = session.execute(_CELLS, params)
    else:
        years = sorted({month.year for _, _, month in keys})
        rows = stored_rows(session, pids, years[0], years[-1])
    found: dict[CellKey, StoredCell] = {}
    for rid, pid, mid, year, month, value, note, version, by, at in rows:
        if mid in mcodes:
            key = (pcodes[pid], mcodes[mid], Month(year, month))
            found[key] = StoredCell(rid, value, note, version, by, at)
    return found


def _families(
    catalog: Catalog,
    stored: Mapping[CellKey, StoredCell],
    written: Mapping[CellKey, tuple[int, str | None] | None],
) -> None:
    """The davon rule on the state after the write, per project and month it touches
    (in the order of their months), as a cell-by-cell write checks it at its end."""
    in_family = {m.code for m in catalog.metrics.values() if m.parent is not None}
    in_family.update(m.parent for m in catalog.metrics.values() if m.parent is not None)
    touched: dict[tuple[str, Month], list[str]] = {}
    for project, metric, month in written:
        touched.setdefault((project, month), []).append(metric)
    checked = [group for group, metrics in touched.items() if in_family.intersection(metrics)]
    if not checked:
        return
    state: dict[tuple[str, Month], dict[str, int]] = defaultdict(dict)
    wanted = set(checked)
    for (project, metric, month), row in stored.items():
        if (project, month) in wanted:
            state[(project, month)][metric] = row.value
    for (project, metric, month), now_held in written.items():
        if (project, month) in wanted:
            if now_held is None:
                state[(project, month)].pop(metric, None)
            else:
                state[(project, month)][metric] = now_held[0]
    for project, month in sorted(checked, key=lambda group: group[1]):
        metrics = touched[(project, month)]
        needed = members(catalog, metrics)
        values = {m: v for m, v in state[(project, month)].items() if m in needed}
        check_cell(catalog, project, month, metrics, values)


def _entry(value: int, note: str | None) -> str:
    return json.dumps({"note": note, "value": value}, ensure_ascii=False, sort_keys=True)


def set_cells(
    work: Work, cells: Mapping[CellKey, Wanted], expected: Mapping[CellKey, int] | None
) -> tuple[dict[CellKey, CellState | None], dict[CellKey, Before]]:
    """Store many cells inside the open unit of work `work`: each a value with its note
    (`KEEP`: the note stays) or None to clear it. Returns what each changed cell holds now
    and what it held before; cells that already hold what is wanted are left alone.

    With `expected` (the versions an editor showed, or an inverse's own) any cell changed
    by someone else since refuses the whole write, naming the first such cell."""
    session, catalog, actor = work.session, work.catalog, work.actor
    session.flush()  # what an earlier step left pending, before the statements below
    stored = _read(session, catalog, cells)
    writes: dict[CellKey, tuple[int, str | None] | None] = {}
    for key, wanted in cells.items():
        check_loggable_cell(catalog, *key)
        row = stored.get(key)
        if wanted is not None and isinstance(wanted[1], str):
            check_note(wanted[1])
        if expected is not None and key in expected:
            check_cell_version(session, catalog, row, key, expected[key])
        if wanted is None:
            if row is not None:
                writes[key] = None
            continue
        value, note = wanted
        new_note = (row.note if row else None) if isinstance(note, _Keep) else (note or None)
        if row is None or row.value != value or row.note != new_note:
            writes[key] = (value, new_note)
    _families(catalog, stored, writes)
    fresh = fresh_versions(session, "value", [k for k in writes if k not in stored])
    stamp, user = now(), actor.user
    before: dict[CellKey, Before] = {}
    after: dict[CellKey, CellState | None] = {}
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    deletes: list[dict[str, Any]] = []
    log: list[dict[str, Any]] = []
    for key, held in writes.items():
        project, metric, month = key
        row = stored.get(key)
        before[key] = None if row is None else (row.value, row.note)
        if held is None:
            assert row is not None
            deletes.append({ROW: row.id})
            after[key] = None
        elif row is None:
            inserts.append(
                {
                    "project_id": catalog.project_ids[project],
                    "metric_id": catalog.metric_ids[metric],
                    "year": month.year,
                    "month": month.month,
                    "value": held[0],
                    "note": held[1],
                    "version": fresh[key],
                    "updated_by": user,
                    "updated_at": stamp,
                }
            )
            after[key] = CellState(held[0], held[1], fresh[key])
        else:
            updates.append({ROW: row.id, "v": held[0], "n": held[1], "by": user, "at": stamp})
            after[key] = CellState(held[0], held[1], row.version + 1)
        log.append(
            {
                "at": stamp,
                "user": user,
                "source": actor.source,
                "action": "delete" if held is None else "insert" if row is None else "update",
                "entity": "value",
                "project": project,
                "metric": metric,
                "year": month.year,
                "month": month.month,
                "old": None if row is None else _entry(row.value, row.note),
                "new": None if held is None else _entry(*held),
            }
        )
    connection = session.connection()
    for rows, statement in ((deletes, _DELETE), (updates, UPDATE), (inserts, _INSERT)):
        for start in range(0, len(rows), CHUNK):
            connection.execute(statement, rows[start : start + CHUNK])
    for start in range(0, len(log), CHUNK):
        record_many(session, log[start : start + CHUNK])
    if inserts:
        check_cells_unique(
            session, [(r["project_id"], r["metric_id"], r["year"], r["month"]) for r in inserts]
        )
    if writes:
        session.expire_all()  # rows an earlier step loaded are stale now
    return after, before


# Built once: building a statement costs more than SQLite takes to run it.
_STORED = select(*STORED_COLUMNS).where(
    ValueRow.project_id == bindparam("pid"),
    ValueRow.year == bindparam("year"),
    ValueRow.month == bindparam("month"),
)
# The cells written and the rest of their families: two parts, so that a single cell is
# looked up by its unique key as everywhere else (a damaged unique index then shows as
# the cell found twice after the write, see store.checks.check_cells_unique).
_CELLS = union_all(
    _STORED.where(ValueRow.metric_id.in_(bindparam("written", expanding=True))),
    _STORED.where(ValueRow.metric_id.in_(bindparam("family", expanding=True))),
)
_INSERT = insert(ValueRow)
_DELETE = delete(ValueRow).where(ValueRow.id == bindparam(ROW))
