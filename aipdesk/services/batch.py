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
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from json.encoder import encode_basestring

from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note
from aipdesk.domain.model import Metric, Project
from aipdesk.domain.months import Month
from aipdesk.domain.rules import MAX_COUNT, check_loggable
from aipdesk.domain.text import check_note
from aipdesk.format import month_words
from aipdesk.services.base import Actor, CellKey, CellState, Changes
from aipdesk.services.bulkrows import Rows
from aipdesk.services.closing import check_unlocked
from aipdesk.services.families import check_cell, members
from aipdesk.services.naming import metric_name, project_name
from aipdesk.services.operation import Operation, Result, Text, Work, told, undo_label
from aipdesk.services.plausibility import Implausible, find_implausible, flag
from aipdesk.services.values import KEEP, _Keep, cells_result, join_results
from aipdesk.services.versions import fresh_versions
from aipdesk.store.changelog import now
from aipdesk.store.checks import check_cells_unique
from aipdesk.store.database import Database
from aipdesk.store.queries import Catalog, load_catalog, stored_rows

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
    # The values it would change that lie far outside their series (services.plausibility).
    implausible: tuple[Implausible, ...] = ()

    def of(self, kind: Kind) -> tuple[PlanItem, ...]:
        return tuple(item for item in self.items if item.kind is kind)

    def counts(self) -> dict[Kind, int]:
        counts = dict.fromkeys(Kind, 0)
        for item in self.items:
            counts[item.kind] += 1
        return counts


def _validate(catalog: Catalog, incoming: Sequence[Incoming]) -> list[CellKey]:
    """Check every value against the catalogue and the rules; the keys, in file order.

    What depends only on the project and metric is looked up once per pair; each value
    still meets the checks in the same order, so the first value refused (in file order)
    is refused with the same message as when each was checked from scratch."""
    pairs: dict[tuple[str, str], tuple[Project, Metric, int, int, bool]] = {}
    seen: dict[tuple[str, str, int], Incoming] = {}  # by the month's index: a cheap hash
    keys: list[CellKey] = []
    for item in incoming:
        code, metric_code, month, value = item.project, item.metric, item.month, item.value
        try:
            pair = pairs.get((code, metric_code))
            if pair is None:
                project = catalog.project(code)
                metric = catalog.metric(metric_code)
                check_loggable(project, metric, month, catalog.metrics)
                period = project.period
                pair = pairs[(code, metric_code)] = (
                    project,
                    metric,
                    period.first.index if period.first is not None else -1,
                    period.last.index if period.last is not None else 1 << 62,
                    metric_code in catalog.tracked.get(code, ()),
                )
            elif not pair[2] <= month.index <= pair[3]:
                # outside the project's period
                check_loggable(pair[0], pair[1], month, catalog.metrics)
            if not pair[4]:
                raise DomainError(
                    Code.metric_not_tracked,
                    metric=metric_name(catalog, metric_code),
                    project=pair[0].name,
                )
            if not 0 <= value <= MAX_COUNT:
                if value < 0:
                    raise DomainError(Code.negative_count, text=str(value))
                # What the file brings must fit the columns on every backend (PostgreSQL's
                # integer has 32 bits and its text no NUL; SQLite would take both).
                raise DomainError(Code.count_too_large, text=str(value))
            if isinstance(item.note, str):
                check_note(item.note)
        except DomainError as error:
            raise error.at(item.where) from None
        other = seen.setdefault((code, metric_code, month.index), item)
        if other is not item:
            raise DomainError(
                Code.duplicate_cell,
                where=item.where or "?",
                project=project_name(catalog, code),
                metric=metric_name(catalog, metric_code),
                month=month_words(month),
                other=other.where or "?",
            )
        keys.append((code, metric_code, month))
    return keys


# A stored value as a write needs it: row id, version, and what the plan shows.
Found = tuple[int, int, Stored]


def _stored_values(
    session: Session, catalog: Catalog, keys: Iterable[CellKey]
) -> dict[CellKey, Found]:
    """(row id, version, Stored) of every stored value of the series and years that `keys`
    touch, the davon families of their metrics included: one statement."""
    series: dict[tuple[int, int], set[int]] = defaultdict(set)
    family: dict[str, set[str]] = {}  # metric -> the metrics the davon rule needs with it
    pair_years: dict[tuple[str, str], set[int]] = defaultdict(set)
    for project, metric, month in keys:
        pair_years[(project, metric)].add(month.year)
    for (project, metric), years_of in pair_years.items():
        codes = family.get(metric)
        if codes is None:
            codes = family[metric] = members(catalog, [metric])
        pid = catalog.project_ids[project]
        for code in codes:
            series[(pid, catalog.metric_ids[code])].update(years_of)
    if not series:
        return {}
    pcodes = {v: k for k, v in catalog.project_ids.items()}
    mcodes = {v: k for k, v in catalog.metric_ids.items()}
    years = sorted({y for ys in series.values() for y in ys})
    pids = sorted({pid for pid, _ in series})
    rows = stored_rows(session, pids, years[0], years[-1])
    result: dict[CellKey, Found] = {}
    months: dict[tuple[int, int], Month] = {}
    for rid, pid, mid, year, month_number, value, note, version, by, at in rows:
        wanted = series.get((pid, mid))
        if wanted is None or year not in wanted:
            continue
        if at is not None and at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        when = months.get((year, month_number))
        if when is None:
            when = months[(year, month_number)] = Month(year, month_number)
        result[(pcodes[pid], mcodes[mid], when)] = (rid, version, Stored(value, note, by, at))
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
        keys = _validate(catalog, incoming)
        stored = _stored_values(session, catalog, keys)
        _check_families(catalog, incoming, keys, stored)
        changing = {
            key: item.value
            for item, key in zip(incoming, keys, strict=True)
            if (found := stored.get(key)) is None or found[2].value != item.value
        }
        implausible = find_implausible(session, catalog, changing)
        # A dry run says what the import would: refused whole if it changes a locked month.
        check_unlocked(
            session,
            catalog,
            [
                key
                for item, key in zip(incoming, keys, strict=True)
                if _classify(item, (found[2] if (found := stored.get(key)) else None), None)
                is not Kind.UNCHANGED
            ],
        )
    items = []
    for item, key in zip(incoming, keys, strict=True):
        found = stored.get(key)
        old = found[2] if found is not None else None
        items.append(PlanItem(item, old, _classify(item, old, since, changes_conflict)))
    return Plan(tuple(items), tuple(implausible))


def _check_families(
    catalog: Catalog,
    incoming: Sequence[Incoming],
    keys: Sequence[CellKey],
    stored: Mapping[CellKey, Found],
    skip: Collection[CellKey] = (),
) -> None:
    """The davon rule on the state after the writes (`incoming` but the `skip`ped), family
    by family: no child above its parent, no partition above it in sum. A refusal names
    the place of the first value coming in (in file order) that belongs to the family
    refused. Only the project months where a value of a family comes in are checked (in
    the others the rule has nothing to check)."""
    in_family = {m.code for m in catalog.metrics.values() if m.parent is not None}
    in_family.update(m.parent for m in catalog.metrics.values() if m.parent is not None)
    written: dict[tuple[str, Month], list[Incoming]] = defaultdict(list)
    checked: set[tuple[str, Month]] = set()
    for item, key in zip(incoming, keys, strict=True):
        if skip and key in skip:
            continue
        written[(item.project, item.month)].append(item)
        if item.metric in in_family:
            checked.add((item.project, item.month))
    if not checked:
        return
    cells: dict[tuple[str, Month], dict[str, int]] = defaultdict(dict)
    for (project, metric, month), (_, _, found) in stored.items():
        if (project, month) in checked:
            cells[(project, month)][metric] = found.value
    for group in checked:
        for item in written[group]:
            cells[group][item.metric] = item.value
    for (project, month), items in written.items():
        if (project, month) not in checked:
            continue
        try:
            check_cell(catalog, project, month, [i.metric for i in items], cells[(project, month)])
        except DomainError as error:
            raise error.at(_place(error, items, catalog)) from None


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


# A text as json.dumps(..., ensure_ascii=False) writes it (json.encoder's own function).
_json_text = encode_basestring


def _entry(value: int, note: str | None, extra: str = "") -> str:
    """`json.dumps({"note": note, "value": value, …}, ensure_ascii=False)`, to the letter,
    without a dictionary per value; `extra` holds the further keys, encoded."""
    if value.__class__ is not int:  # an int subclass: as json.dumps writes it
        return json.dumps({"note": note, "value": value}, ensure_ascii=False)[:-1] + extra + "}"
    shown = "null" if note is None else _json_text(note)
    return f'{{"note": {shown}, "value": {value}{extra}}}'


def _origin_keys(item: Incoming, origin: str | None, file: str) -> str:
    """The change log's keys saying where a value from a file came from: the file, and
    the place in it unless that names the file itself (a merge)."""
    if not origin:
        return ""
    if item.where and not item.where.startswith(origin):
        return f'{file}, "where": {_json_text(item.where)}'
    return file


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
    skip: Iterable[CellKey] = (),
    origin: str | None = None,
) -> tuple[dict[CellKey, CellState], dict[CellKey, tuple[int, str | None] | None]]:
    """Write every new or changed value of `incoming` (but the `skip`ped) inside an open
    unit of work; returns what each written cell holds now and what it held before (None:
    no value), the makings of the inverse.

    `origin` names the file the values come from (a workbook, another database); the
    change log keeps it with each value's place in it, so that a value can be traced
    back to the file and cell it was taken from.

    Everything is validated before the first write; any rejection leaves the
    database as it was. Each written value gets its change-log entry. The stored values
    are read in one statement; the rows are written with one statement per `CHUNK`
    values (executemany); the new versions follow from what was read (writers queue one
    after the other, `Database.write`), not read back.
    """
    skipped = frozenset(skip)
    stamp = now()
    keys = _validate(catalog, incoming)
    stored = _stored_values(session, catalog, keys)
    _check_families(catalog, incoming, keys, stored, skipped)
    writes: list[tuple[Incoming, CellKey, Found | None, str | None]] = []
    for item, key in zip(incoming, keys, strict=True):
        if skipped and key in skipped:
            continue
        found = stored.get(key) if stored else None
        old = found[2] if found is not None else None
        if old is not None and _classify(item, old, None) is Kind.UNCHANGED:
            continue
        note = (old.note if old else None) if isinstance(item.note, _Keep) else item.note
        writes.append((item, key, found, note))
    del stored
    # A value of an approved month is locked: the whole batch is refused, listing them.
    check_unlocked(session, catalog, [w[1] for w in writes])
    # A re-created cell starts above every version it had (services.versions).
    fresh = fresh_versions(session, "value", [w[1] for w in writes if w[2] is None])
    before: dict[CellKey, tuple[int, str | None] | None] = {}
    after: dict[CellKey, CellState] = {}
    session.flush()  # what an earlier step left pending, before the statements below
    rows = Rows(session.connection(), stamp)
    user, source, pids, mids = actor.user, actor.source, catalog.project_ids, catalog.metric_ids
    file = f', "file": {_json_text(origin)}' if origin else ""
    for start in range(0, len(writes), CHUNK):
        inserts: list[tuple[object, ...]] = []
        updates: list[tuple[object, ...]] = []
        log: list[tuple[object, ...]] = []
        for item, key, found, note in writes[start : start + CHUNK]:
            project, metric, month = key
            year, number = month.year, month.month
            value = item.value
            if found is None:
                version = fresh[key]
                before[key] = None
                old_text = None
                inserts.append(
                    (pids[project], mids[metric], year, number, value, note, version, user)
                )
            else:
                rid, version, old = found
                version += 1  # as the statement below counts it
                before[key] = (old.value, old.note)
                old_text = _entry(old.value, old.note)
                updates.append((value, note, user, rid))
            after[key] = CellState(value, note, version)
            log.append(
                (
                    user,
                    source,
                    "insert" if found is None else "update",
                    project,
                    metric,
                    year,
                    number,
                    old_text,
                    _entry(value, note, _origin_keys(item, origin, file)),
                )
            )
        rows.write(inserts, updates, log)
    if fresh:
        ids = pids, mids
        check_cells_unique(
            session, [(ids[0][p], ids[1][m], month.year, month.month) for p, m, month in fresh]
        )
    return after, before


CHUNK = 5_000  # values per statement: the rows to write are never all held at once


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
        after, before = write_incoming(
            work.session, work.catalog, work.actor, self.incoming, self.skip, self.origin
        )
        done = cells_result(after, before, self.label())
        if not self.origin:
            return done
        # Implausible values from a file are taken over and listed "zur Klärung".
        found = find_implausible(work.session, work.catalog, {k: s.value for k, s in after.items()})
        listed = flag(work, found, dict.fromkeys((i.key for i in found), self.origin), self.label())
        return join_results(done, listed, undo_label(self.label()))
