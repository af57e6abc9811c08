"""Many monthly values at once (import of a workbook, merge of another database).

`plan_values` compares what comes in with what is stored and says, value by
value, whether it is new, changed, unchanged or in conflict (the stored value
was changed after the file was made). `write_values` validates every value
first, then writes them all in one transaction with the change log: all or
nothing. Every rejection names the place in the file (`Erfassung!G5: …`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note
from aipdesk.domain.months import Month
from aipdesk.domain.rules import MAX_COUNT, check_loggable
from aipdesk.domain.text import check_note
from aipdesk.services.base import Actor, CellKey, CellState, Changes
from aipdesk.services.families import check_cell, members
from aipdesk.services.naming import metric_name, project_name
from aipdesk.services.operation import Operation, Result, Text, Work, told
from aipdesk.services.values import KEEP, _Keep, cells_result
from aipdesk.services.versions import cell_versions, fresh_versions
from aipdesk.store.changelog import now, record_many
from aipdesk.store.checks import check_cells_unique
from aipdesk.store.database import Database
from aipdesk.store.models import ValueRow
from aipdesk.store.queries import Catalog, load_catalog

__all__ = ["KEEP", "Incoming", "Kind", "Plan", "PlanItem", "Stored", "plan_values", "write_values"]


@dataclass(frozen=True)
class Incoming:
    """A value from a file: `where` names its place there (e.g. "Erfassung!G5")."""

    project: str
    metric: str
    month: Month
    value: int
    note: str | _Keep | None = KEEP  # KEEP: the file says nothing about notes
    where: str = ""

    def key(self) -> tuple[str, str, Month]:
        return (self.project, self.metric, self.month)


@dataclass(frozen=True)
class Stored:
    value: int
    note: str | None
    updated_by: str
    updated_at: datetime | None


class Kind(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"  # changed, and the stored value is newer than the file


@dataclass(frozen=True)
class PlanItem:
    incoming: Incoming
    stored: Stored | None
    kind: Kind


@dataclass(frozen=True)
class Plan:
    items: tuple[PlanItem, ...]

    def of(self, kind: Kind) -> tuple[PlanItem, ...]:
        return tuple(item for item in self.items if item.kind is kind)

    def counts(self) -> dict[Kind, int]:
        counts = dict.fromkeys(Kind, 0)
        for item in self.items:
            counts[item.kind] += 1
        return counts


def _at(where: str, error: DomainError) -> DomainError:
    return error.at(where)


def _validate(catalog: Catalog, incoming: Sequence[Incoming]) -> None:
    seen: dict[tuple[str, str, Month], Incoming] = {}
    for item in incoming:
        try:
            project = catalog.project(item.project)
            metric = catalog.metric(item.metric)
            check_loggable(project, metric, item.month)
            if item.metric not in catalog.tracked.get(item.project, ()):
                raise DomainError(
                    Code.metric_not_tracked,
                    metric=metric_name(catalog, item.metric),
                    project=project.name,
                )
            if item.value < 0:
                raise DomainError(Code.negative_count, text=str(item.value))
            # What the file brings must fit the columns on every backend (PostgreSQL's
            # integer has 32 bits and its text no NUL; SQLite would take both).
            if item.value > MAX_COUNT:
                raise DomainError(Code.count_too_large, text=str(item.value))
            if isinstance(item.note, str):
                check_note(item.note)
        except DomainError as error:
            raise _at(item.where, error) from None
        if item.key() in seen:
            raise DomainError(
                Code.duplicate_cell,
                where=item.where or "?",
                project=project_name(catalog, item.project),
                metric=metric_name(catalog, item.metric),
                month=str(item.month),
                other=seen[item.key()].where or "?",
            )
        seen[item.key()] = item


def _stored_values(
    session: Session, catalog: Catalog, keys: Iterable[tuple[str, str, Month]]
) -> dict[tuple[str, str, Month], tuple[int, Stored]]:
    """(row id, Stored) of every stored value of the series and years that `keys` touch."""
    series: dict[tuple[int, int], set[int]] = defaultdict(set)
    for project, metric, month in keys:
        # The davon rule needs the whole family (parent, children, siblings) of each value.
        for code in members(catalog, [metric]):
            series[(catalog.project_ids[project], catalog.metric_ids[code])].add(month.year)
    pcodes = {v: k for k, v in catalog.project_ids.items()}
    mcodes = {v: k for k, v in catalog.metric_ids.items()}
    result = {}
    years = sorted({y for ys in series.values() for y in ys})
    if not years:
        return {}
    wanted = set(series)
    rows = session.execute(
        select(
            ValueRow.id,
            ValueRow.project_id,
            ValueRow.metric_id,
            ValueRow.year,
            ValueRow.month,
            ValueRow.value,
            ValueRow.note,
            ValueRow.updated_by,
            ValueRow.updated_at,
        ).where(ValueRow.year >= years[0], ValueRow.year <= years[-1])
    )
    for rid, pid, mid, year, month_number, value, note, by, at in rows:
        if (pid, mid) in wanted and year in series[(pid, mid)]:
            if at is not None and at.tzinfo is None:
                at = at.replace(tzinfo=UTC)
            result[(pcodes[pid], mcodes[mid], Month(year, month_number))] = (
                rid,
                Stored(value, note, by, at),
            )
    return result


def _classify(
    item: Incoming, stored: Stored | None, since: datetime | None, changes_conflict: bool = False
) -> Kind:
    if stored is None:
        return Kind.NEW
    note = stored.note if isinstance(item.note, _Keep) else item.note
    if stored.value == item.value and stored.note == note:
        return Kind.UNCHANGED
    if changes_conflict:
        return Kind.CONFLICT
    if since is not None and stored.updated_at is not None and stored.updated_at > since:
        return Kind.CONFLICT
    return Kind.CHANGED


def plan_values(
    db: Database,
    incoming: Sequence[Incoming],
    since: datetime | None = None,
    *,
    changes_conflict: bool = False,
) -> Plan:
    """Validate `incoming` and compare it with the database; writes nothing.

    A stored value changed after `since` is a conflict; with `changes_conflict`
    every value `incoming` would change is one (a file of unknown provenance)."""
    with db.read() as session:
        catalog = load_catalog(session)
        _validate(catalog, incoming)
        stored = _stored_values(session, catalog, [i.key() for i in incoming])
        _check_families(catalog, incoming, stored)
    return Plan(
        tuple(
            PlanItem(
                item,
                stored[item.key()][1] if item.key() in stored else None,
                _classify(
                    item,
                    stored[item.key()][1] if item.key() in stored else None,
                    since,
                    changes_conflict,
                ),
            )
            for item in incoming
        )
    )


def _check_families(
    catalog: Catalog,
    incoming: Sequence[Incoming],
    stored: dict[tuple[str, str, Month], tuple[int, Stored]],
) -> None:
    """The davon rule on the state after the writes, family by family: no child above its
    parent, no partition above it in sum. A refusal names the place of the first value
    coming in (in file order) that belongs to the family refused."""
    cells: dict[tuple[str, Month], dict[str, int]] = defaultdict(dict)
    for (project, metric, month), (_, found) in stored.items():
        cells[(project, month)][metric] = found.value
    written: dict[tuple[str, Month], list[Incoming]] = defaultdict(list)
    for item in incoming:
        cells[(item.project, item.month)][item.metric] = item.value
        written[(item.project, item.month)].append(item)
    for (project, month), items in written.items():
        try:
            check_cell(catalog, project, month, [i.metric for i in items], cells[(project, month)])
        except DomainError as error:
            raise _at(_place(error, items, catalog), error) from None


def _place(error: DomainError, items: Sequence[Incoming], catalog: Catalog) -> str:
    """Where a davon refusal points to: the child named (too big), else the first value
    coming in of the family refused (a partition part, or the parent too small)."""
    where = {item.metric: item.where for item in items if item.where}
    child = error.params.get("child_code")
    if isinstance(child, str) and child in where:
        return where[child]
    parent = str(error.params.get("parent_code"))
    family = {parent, *(c.code for c in catalog.children(parent))}
    return next((item.where for item in items if item.metric in family and item.where), "")


def _logged(item: Incoming, note: str | None, origin: str | None) -> dict[str, object]:
    """The change log's "new" of a value from a file: the value, and where it came from."""
    entry: dict[str, object] = {"note": note, "value": item.value}
    if origin:
        entry["file"] = origin
        if item.where and not item.where.startswith(origin):  # merge: the file itself
            entry["where"] = item.where
    return entry


def write_values(
    db: Database,
    actor: Actor,
    incoming: Sequence[Incoming],
    skip: Iterable[tuple[str, str, Month]] = (),
    origin: str | None = None,
) -> Changes:
    """Write every new or changed value of `incoming` (but the `skip`ped) in one transaction
    (`write_incoming` as a unit of work of its own)."""
    return WriteValues(tuple(incoming), frozenset(skip), origin).run(db, actor).changes


def write_incoming(
    session: Session,
    catalog: Catalog,
    actor: Actor,
    incoming: Sequence[Incoming],
    skip: Iterable[tuple[str, str, Month]] = (),
    origin: str | None = None,
) -> tuple[Changes, dict[CellKey, tuple[int, str | None] | None]]:
    """Write every new or changed value of `incoming` (but the `skip`ped) inside an open
    unit of work; returns what changed and what each written cell held before (None:
    no value), the makings of the inverse.

    `origin` names the file the values come from (a workbook, another database); the
    change log keeps it with each value's place in it, so that a value can be traced
    back to the file and cell it was taken from.

    Everything is validated before the first write; any rejection leaves the
    database as it was. Each written value gets its change-log entry.
    """
    skipped = set(skip)
    stamp = now()
    _validate(catalog, incoming)
    stored = _stored_values(session, catalog, [i.key() for i in incoming])
    _check_families(catalog, [i for i in incoming if i.key() not in skipped], stored)
    inserts, updates, log = [], [], []
    inserted: list[tuple[str, str, Month]] = []
    before: dict[CellKey, tuple[int, str | None] | None] = {}
    after: dict[CellKey, tuple[int, str | None]] = {}
    for item in incoming:
        if item.key() in skipped:
            continue
        found = stored.get(item.key())
        old = found[1] if found else None
        if _classify(item, old, None) is Kind.UNCHANGED:
            continue
        note = (old.note if old else None) if isinstance(item.note, _Keep) else item.note
        before[item.key()] = (old.value, old.note) if old else None
        after[item.key()] = (item.value, note)
        if found is None:
            inserted.append(item.key())
            inserts.append(
                {
                    "project_id": catalog.project_ids[item.project],
                    "metric_id": catalog.metric_ids[item.metric],
                    "year": item.month.year,
                    "month": item.month.month,
                    "value": item.value,
                    "note": note,
                    "version": 1,
                    "updated_by": actor.user,
                    "updated_at": stamp,
                }
            )
        else:
            updates.append(
                {"rid": found[0], "v": item.value, "n": note, "by": actor.user, "at": stamp}
            )
        log.append(
            {
                "at": stamp,
                "user": actor.user,
                "source": actor.source,
                "action": "update" if old else "insert",
                "entity": "value",
                "project": item.project,
                "metric": item.metric,
                "year": item.month.year,
                "month": item.month.month,
                "old": json.dumps({"note": old.note, "value": old.value}, ensure_ascii=False)
                if old
                else None,
                "new": json.dumps(_logged(item, note, origin), ensure_ascii=False),
            }
        )
    if inserts:
        # A re-created cell starts above every version it had (services.versions).
        fresh = fresh_versions(session, "value", inserted)
        for row, key in zip(inserts, inserted, strict=True):
            row["version"] = fresh.get(key, 1)
        session.execute(insert(ValueRow), inserts)
        check_cells_unique(
            session,
            [
                (catalog.project_ids[p], catalog.metric_ids[m], month.year, month.month)
                for p, m, month in inserted
            ],
        )
    if updates:
        session.connection().execute(
            update(ValueRow)
            .where(ValueRow.id == bindparam("rid"))
            .values(
                value=bindparam("v"),
                note=bindparam("n"),
                updated_by=bindparam("by"),
                updated_at=bindparam("at"),
                version=ValueRow.version + 1,
            ),
            updates,
        )
    record_many(session, log)
    versions = cell_versions(session, catalog, after)
    return (
        Changes(
            values=frozenset(after),
            versions=versions,
            cells={key: CellState(*after[key], versions[key]) for key in after},
        ),
        before,
    )


@dataclass(frozen=True)
class WriteValues(Operation):
    """Many values from one source in one unit of work: an import of a workbook, a merge
    of another database, a paste of cells; all or nothing, each value in the change log
    with the file (and cell) it came from."""

    incoming: tuple[Incoming, ...]
    skip: frozenset[CellKey] = frozenset()
    origin: str | None = None
    text: Text | None = None

    def label(self) -> Text:
        if self.text is not None:
            return self.text
        count = len(self.incoming) - len(self.skip)
        if self.origin:
            return told(Note.op_take_over_file, origin=self.origin, count=count)
        return told(Note.op_take_over, count=count)

    def apply(self, work: Work) -> Result:
        changes, before = write_incoming(
            work.session, work.catalog, work.actor, self.incoming, self.skip, self.origin
        )
        return cells_result(changes.cells, before, self.label())
