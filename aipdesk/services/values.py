"""Logging and clearing monthly values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.messages import Note
from aipdesk.domain.months import Month
from aipdesk.domain.rules import parse_count
from aipdesk.services.base import Actor, CellKey, CellState, Changes
from aipdesk.services.cellwrite import KEEP as KEEP
from aipdesk.services.cellwrite import Wanted as Wanted
from aipdesk.services.cellwrite import _Keep as _Keep
from aipdesk.services.cellwrite import set_cells
from aipdesk.services.closing import check_unlocked
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
from aipdesk.services.versions import MISSING
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
        # One cell typed in the grid or a paste: every cell checked, then written with
        # prebuilt Core statements (services.cellwrite).
        after, before = set_cells(work, self.cells, self.expected)
        if not after:
            return NOTHING
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
