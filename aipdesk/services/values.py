"""Logging and clearing monthly values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.messages import Note
from aipdesk.domain.months import Month
from aipdesk.domain.rules import parse_count
from aipdesk.domain.text import check_note
from aipdesk.services.base import Actor, CellKey, CellState, Changes
from aipdesk.services.cellwrite import KEEP as KEEP
from aipdesk.services.cellwrite import Wanted as Wanted
from aipdesk.services.cellwrite import _Keep as _Keep
from aipdesk.services.cellwrite import check_cell_version, check_loggable_cell, set_cells
from aipdesk.services.closing import check_unlocked
from aipdesk.services.families import cell_values, check_cell, members, touched_parents
from aipdesk.services.operation import (
    NOTHING,
    Operation,
    Result,
    Steps,
    Text,
    Versions,
    Work,
    told,
    undo_label,
)
from aipdesk.services.plausibility import check_writes
from aipdesk.services.versions import MISSING, fresh_version
from aipdesk.store.changelog import now, record
from aipdesk.store.checks import check_cells_unique
from aipdesk.store.database import Database
from aipdesk.store.models import ValueRow
from aipdesk.store.queries import Catalog, load_catalog


def _stored(
    session: Session, catalog: Catalog, project: str, metric: str, month: Month
) -> ValueRow | None:
    return session.scalar(
        select(ValueRow).where(
            ValueRow.project_id == catalog.project_ids[project],
            ValueRow.metric_id == catalog.metric_ids[metric],
            ValueRow.year == month.year,
            ValueRow.month == month.month,
        )
    )


def _check_family(
    session: Session, catalog: Catalog, project: str, metric: str, month: Month, value: int
) -> None:
    """The davon rule (child <= parent, partition <= parent) against what is stored for
    the same project and month, with `value` written. A metric of no family (neither
    a parent nor a davon metric) has nothing to check: nothing is read."""
    if not touched_parents(catalog, [metric]):
        return
    values = cell_values(session, catalog, project, month, members(catalog, [metric]))
    values[metric] = value
    check_cell(catalog, project, month, [metric], values)


def apply_value(
    session: Session,
    catalog: Catalog,
    actor: Actor,
    project: str,
    metric: str,
    month: Month,
    value: int,
    note: str | _Keep | None = KEEP,
    expected: int | None = None,
    family: bool = True,
) -> int | None:
    """Write one validated value inside an open unit of work.

    Returns the cell's new version, or None when nothing changed. With an
    `expected` version the write is refused if the stored one differs. With `family`
    False the caller checks the davon rule itself, once all its cells are written.
    """
    check_loggable_cell(catalog, project, metric, month)
    row = _stored(session, catalog, project, metric, month)
    written = _apply(
        session, catalog, actor, (project, metric, month), row, value, note, expected, family
    )
    return None if written is None else written.version


def _apply(
    session: Session,
    catalog: Catalog,
    actor: Actor,
    key: CellKey,
    row: ValueRow | None,
    value: int,
    note: str | _Keep | None,
    expected: int | None,
    family: bool,
) -> ValueRow | None:
    """`apply_value` on the cell's stored `row` (None: no value yet), read by the caller:
    the row as written, or None when nothing changed."""
    project, metric, month = key
    if isinstance(note, str):  # the same rule on every path (window, log, import, merge)
        check_note(note)
    check_cell_version(session, catalog, row, key, expected)
    if family:
        _check_family(session, catalog, project, metric, month, value)
    new_note = (row.note if row else None) if isinstance(note, _Keep) else (note or None)
    if row is not None and row.value == value and row.note == new_note:
        return None
    old = {"value": row.value, "note": row.note} if row else None
    stamp = now()
    if row is None:
        row = ValueRow(
            project_id=catalog.project_ids[project],
            metric_id=catalog.metric_ids[metric],
            year=month.year,
            month=month.month,
            value=value,
            note=new_note,
            version=fresh_version(session, "value", project, metric, month),
            updated_by=actor.user,
            updated_at=stamp,
        )
        session.add(row)
    else:
        row.value, row.note = value, new_note
        row.version += 1
        row.updated_by, row.updated_at = actor.user, stamp
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="update" if old else "insert",
        entity="value",
        project=project,
        metric=metric,
        month=month,
        old=old,
        new={"value": value, "note": new_note},
        at=stamp,
    )
    session.flush()
    if old is None:  # a new row: is it the only one of its cell?
        check_cells_unique(session, [(row.project_id, row.metric_id, row.year, row.month)])
    return row


def set_cell(
    session: Session,
    catalog: Catalog,
    actor: Actor,
    key: CellKey,
    wanted: tuple[int, str | _Keep | None] | None,
    expected: int | None = None,
    family: bool = True,
) -> tuple[tuple[int, str | None] | None, CellState | None] | None:
    """Store `wanted` in one cell inside an open unit of work: a value with its note
    (`KEEP`: the note stays), or None to clear the cell (the month becomes missing again,
    never a silent zero). Returns (what the cell held before, what it holds now; None:
    no value), or None when nothing changed.

    Clearing a parent leaves its davon values as they are: a parent without a value
    bounds nothing, and the rule applies again to the value it is logged with next.
    """
    project, metric, month = key
    check_loggable_cell(catalog, project, metric, month)
    row = _stored(session, catalog, project, metric, month)
    old = (row.value, row.note) if row is not None else None
    if wanted is not None:
        value, note = wanted
        # The row read above is written in place: no second read of the cell.
        written = _apply(session, catalog, actor, key, row, value, note, expected, family)
        if written is None:
            return None
        return old, CellState(written.value, written.note, written.version)
    check_cell_version(session, catalog, row, key, expected)
    if row is None:
        return None
    record(
        session,
        user=actor.user,
        source=actor.source,
        action="delete",
        entity="value",
        project=project,
        metric=metric,
        month=month,
        old={"value": row.value, "note": row.note},
        new=None,
    )
    session.delete(row)
    session.flush()
    return old, None


def log_value(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    month: Month,
    value: str | int,
    note: str | _Keep | None = KEEP,
    *,
    expected: int | None = None,
    confirm: bool = False,
    force: str | None = None,
) -> Changes:
    """Log (or correct) the value of one project, metric and month.

    `expected`: the version the editor showed (0 for an empty cell); the write is
    refused with `value_conflict` when someone else has changed the cell since.
    `confirm`: an implausible value is refused, unless `force` gives the reason it is
    stored for and listed "zur Klärung" with (services.plausibility).
    """
    key = (project, metric, month)
    versions = None if expected is None else {key: expected}
    forced = None if force is None else {key: force}
    op = SetCells({key: (parse_count(value), note)}, versions, None, confirm, forced)
    return op.run(db, actor).changes


def clear_value(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    month: Month,
    *,
    expected: int | None = None,
) -> Changes:
    """Remove a logged value: the month becomes missing again (never a silent zero)."""
    key = (project, metric, month)
    return (
        SetCells({key: None}, None if expected is None else {key: expected}).run(db, actor).changes
    )


def get_value(
    db: Database, project: str, metric: str, month: Month
) -> tuple[int, str | None] | None:
    with db.read() as session:
        catalog = load_catalog(session)
        catalog.project(project)
        catalog.metric(metric)
        row = _stored(session, catalog, project, metric, month)
        return (row.value, row.note) if row else None


@dataclass(frozen=True)
class SetCells(Operation):
    """Set monthly values (with their notes) or clear them: one cell typed in the grid,
    a paste, the Delete key over a selection, `aipdesk log`, and the undo of any of these
    or of an import. `expected` holds the versions the editor showed (None: no check)."""

    cells: Mapping[CellKey, Wanted]
    expected: Mapping[CellKey, int] | None = None
    text: Text | None = None
    # Plausibility (services.plausibility): with `confirm` an implausible value is
    # refused unless `forced` holds it, with the reason it is listed "zur Klärung" for.
    confirm: bool = False
    forced: Mapping[CellKey, str] | None = None

    def label(self) -> Text:
        if self.text is not None:
            return self.text
        if len(self.cells) != 1:
            return told(Note.op_change_values, count=len(self.cells))
        (project, metric, month), wanted = next(iter(self.cells.items()))
        where = {"project": project, "metric": metric, "month": str(month)}
        if wanted is None:
            return told(Note.op_clear_value, **where)
        return told(Note.op_set_value, value=wanted[0], **where)

    def apply(self, work: Work) -> Result:
        if len(self.cells) != 1:
            # A paste, the undo of an import: every cell checked, then written in bulk.
            after, before = set_cells(work, self.cells, self.expected)
        else:
            ((key, wanted),) = self.cells.items()
            expected = self.expected.get(key) if self.expected is not None else None
            done = set_cell(work.session, work.catalog, work.actor, key, wanted, expected)
            if done is None:
                return NOTHING
            before, after = {key: done[0]}, {key: done[1]}
        # An approved month is locked: refused whole (the unit of work rolls back).
        check_unlocked(work.session, work.catalog, after)
        result = cells_result(after, before, self.label())
        if self.confirm or self.forced:
            result = _plausible(work, after, before, result, self)
        return result

    def rebased(self, versions: Versions) -> Operation:
        if self.expected is None:
            return self
        newer = {k: versions.cells.get(k, v) for k, v in self.expected.items()}
        return SetCells(self.cells, newer, self.text, self.confirm, self.forced)


def _plausible(
    work: Work,
    after: Mapping[CellKey, CellState | None],
    before: Mapping[CellKey, tuple[int, str | None] | None],
    done: Result,
    op: SetCells,
) -> Result:
    """The plausibility of the values `op` changed (a note alone is no new value):
    refused, or the forced ones listed "zur Klärung" (the undo takes them off again)."""
    written = {}
    for key, state in after.items():
        old = before[key]
        if state is not None and (old is None or old[0] != state.value):
            written[key] = state.value
    listed = check_writes(work, written, op.forced, op.confirm, op.label())
    return join_results(done, listed, undo_label(op.label()))


def join_results(first: Result, second: Result, text: Text) -> Result:
    """Two results of one operation as one: both changes, one undo step for both."""
    if second.inverse is None:
        return first
    if first.inverse is None:
        return Result(first.changes | second.changes, second.inverse)
    return Result(first.changes | second.changes, Steps((second.inverse, first.inverse), text))


def cells_result(
    after: Mapping[CellKey, CellState | None],
    before: Mapping[CellKey, tuple[int, str | None] | None],
    text: Text,
) -> Result:
    """What a write of cells changed, and its inverse: the cells set back to what they
    held, expecting the versions the write left."""
    if not after:
        return NOTHING
    versions = {key: state.version if state else MISSING for key, state in after.items()}
    changes = Changes(values=frozenset(after), versions=versions, cells=dict(after))
    undo = SetCells(dict(before), versions, undo_label(text))
    return Result(changes, undo)
