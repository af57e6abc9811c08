"""Writing the budget of the Eingliederungstitel: a month's spending or new commitment of
an instrument (`SetBudgetEntry`, many at once `SetBudgetEntries`) and an instrument's plan
for a year (`SetBudgetPlan`). Each is an operation (one unit of work, change log entity
"budget", an inverse that puts back exactly what it replaced); the command line and the
window run the same ones. Budget entries are not locked by the monthly close: that is
per project.

The change log names the instrument in its `project` column and what was written
(`spent`, `committed`, `plan`) in its `metric` column.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.budget import Level
from aipdesk.domain.budget_figures import check_weights
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note, phrase
from aipdesk.domain.money import MAX_CENTS, format_cents
from aipdesk.domain.months import Month
from aipdesk.domain.text import check_note
from aipdesk.services.base import Actor, Changes
from aipdesk.services.naming import suggestion
from aipdesk.services.operation import NOTHING, Operation, Result, Text, Work, told, undo_label
from aipdesk.services.values import KEEP, _Keep
from aipdesk.services.versions import MISSING
from aipdesk.store.changelog import now
from aipdesk.store.database import Database
from aipdesk.store.models import BudgetEntryRow, BudgetInstrumentRow, BudgetPlanRow, ChangeRow

SPENT, COMMITTED = "spent", "committed"
KINDS = (SPENT, COMMITTED)
KIND_WORDS = {SPENT: phrase(Note.budget_spent), COMMITTED: phrase(Note.budget_committed)}

__all__ = [
    "COMMITTED",
    "KEEP",
    "SPENT",
    "SetBudgetEntries",
    "SetBudgetEntry",
    "SetBudgetPlan",
    "find_instrument",
    "instrument_names",
    "log_budget",
    "set_budget_plan",
]


def instrument_names(session: Session) -> dict[str, str]:
    """code -> name of every instrument (not the groups and the total), in plan order."""
    rows = session.execute(
        select(BudgetInstrumentRow.code, BudgetInstrumentRow.name)
        .where(BudgetInstrumentRow.level == Level.INSTRUMENT.value)
        .order_by(BudgetInstrumentRow.position)
    )
    return {code: name for code, name in rows}


def find_instrument(names: Mapping[str, str], text: str) -> str:
    """The code of the instrument `text` names: its code (any case), or its name, or the
    name's short form before " – " ("FbW"), where unique. Unknown: refused with the
    nearest code as a suggestion."""
    typed = text.strip()
    if typed in names:
        return typed
    folded = typed.casefold()
    known = {code: [name, name.split(" – ")[0]] for code, name in names.items()}
    for candidates in (
        [code for code in names if code.casefold() == folded],
        [
            code
            for code, forms in known.items()
            if any(f.strip().casefold() == folded for f in forms)
        ],
    ):
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            listed = ", ".join(f"{c} ({names[c]})" for c in candidates)
            raise DomainError(Code.budget_ambiguous_instrument, text=text, matches=listed)
    raise DomainError(Code.budget_unknown_instrument, text=text, hint=suggestion(known, typed))


def _instrument(session: Session, code: str) -> None:
    level = session.scalar(
        select(BudgetInstrumentRow.level).where(BudgetInstrumentRow.code == code)
    )
    if level != Level.INSTRUMENT.value:
        raise DomainError(Code.budget_unknown_instrument, text=code, hint="")


def check_amount(cents: int) -> int:
    """An amount in cents as an operation takes it: whole, 0 … `MAX_CENTS`."""
    what = ("Betrag", "amount")
    if cents < 0:
        raise DomainError(Code.money_negative, text=format_cents(cents), what=what)
    if cents > MAX_CENTS:
        raise DomainError(Code.money_too_large, text=format_cents(cents), what=what)
    return cents


def _log(
    work: Work,
    action: str,
    instrument: str,
    what: str,
    year: int,
    month: int | None,
    old: Any,
    new: Any,
) -> None:
    work.session.add(
        ChangeRow(
            at=now(),
            user=work.actor.user,
            source=work.actor.source,
            action=action,
            entity="budget",
            project=instrument,
            metric=what,
            year=year,
            month=month,
            old=None if old is None else json.dumps(old, ensure_ascii=False, sort_keys=True),
            new=None if new is None else json.dumps(new, ensure_ascii=False, sort_keys=True),
        )
    )


def _conflict(what: Any, instrument: str, period: str, row: Any, current: str) -> DomainError:
    at = row.updated_at if row is not None else None
    return DomainError(
        Code.budget_conflict,
        what=what,
        instrument=instrument,
        period=period,
        user=row.updated_by if row is not None else "?",
        at="" if at is None else at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        current=current,
    )


@dataclass(frozen=True)
class SetBudgetEntry(Operation):
    """Set the spending (`spent`) or a new commitment (`committed`, falling due in
    `due_year`, default the month's year) of `instrument` in `month`; `amount` None
    removes the entry. `note`: KEEP leaves the stored one. `expected`: the version the
    editor showed (0: none), refused with `budget_conflict` when it changed since."""

    instrument: str
    month: Month
    kind: str
    amount: int | None
    due_year: int | None = None
    note: str | _Keep | None = KEEP
    expected: int | None = None
    text: Text | None = None

    @property
    def due(self) -> int:
        if self.kind == COMMITTED and self.due_year is not None:
            return self.due_year
        return self.month.year

    def label(self) -> Text:
        return self.text or told(
            Note.op_budget_entry,
            what=KIND_WORDS[self.kind],
            instrument=self.instrument,
            month=str(self.month),
        )

    def apply(self, work: Work) -> Result:
        session = work.session
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind of budget entry: {self.kind!r}")
        _instrument(session, self.instrument)
        if self.due < self.month.year:
            raise DomainError(Code.budget_due_before, due=self.due, year=self.month.year)
        if self.amount is not None:
            check_amount(self.amount)
        if isinstance(self.note, str):
            check_note(self.note)
        row = session.scalar(
            select(BudgetEntryRow).where(
                BudgetEntryRow.instrument == self.instrument,
                BudgetEntryRow.year == self.month.year,
                BudgetEntryRow.month == self.month.month,
                BudgetEntryRow.kind == self.kind,
                BudgetEntryRow.due_year == self.due,
            )
        )
        version = row.version if row is not None else MISSING
        if self.expected is not None and version != self.expected:
            current = "–" if row is None else format_cents(row.amount_cents)
            raise _conflict(KIND_WORDS[self.kind], self.instrument, str(self.month), row, current)
        before: dict[str, Any] | None = (
            None if row is None else {"amount_cents": row.amount_cents, "note": row.note}
        )
        undo_text = undo_label(self.label())
        changes = Changes(
            budget=frozenset({(self.instrument, self.month.year), (self.instrument, self.due)})
        )
        where = (self.instrument, self.kind, self.month.year, self.month.month)
        if self.amount is None:
            if row is None:
                return NOTHING
            assert before is not None
            session.delete(row)
            _log(work, "delete", *where, {**before, "due_year": self.due}, None)
            session.flush()
            undo = replace(
                self,
                amount=before["amount_cents"],
                note=before["note"],
                expected=MISSING,
                text=undo_text,
            )
            return Result(changes, undo)
        note = (
            (row.note if row is not None else None) if isinstance(self.note, _Keep) else self.note
        )
        after = {"amount_cents": self.amount, "note": note}
        if before == after:
            return NOTHING
        if row is None:
            row = BudgetEntryRow(
                instrument=self.instrument,
                year=self.month.year,
                month=self.month.month,
                kind=self.kind,
                due_year=self.due,
                version=0,
            )
            session.add(row)
        row.amount_cents, row.note = self.amount, note
        row.version += 1
        row.updated_by, row.updated_at = work.actor.user, now()
        old = None if before is None else {**before, "due_year": self.due}
        _log(work, "update" if before else "insert", *where, old, {**after, "due_year": self.due})
        session.flush()
        if before is None:
            undo = replace(self, amount=None, note=KEEP, expected=row.version, text=undo_text)
        else:
            undo = replace(
                self,
                amount=before["amount_cents"],
                note=before["note"],
                expected=row.version,
                text=undo_text,
            )
        return Result(changes, undo)


@dataclass(frozen=True)
class SetBudgetEntries(Operation):
    """Many budget entries as one unit of work and one undo step (an import, a paste)."""

    entries: tuple[SetBudgetEntry, ...]
    text: Text | None = None

    def label(self) -> Text:
        return self.text or told(Note.op_budget_entries, count=len(self.entries))

    def apply(self, work: Work) -> Result:
        changes = Changes()
        inverses: list[SetBudgetEntry] = []
        for entry in self.entries:
            result = entry.apply(work)
            changes |= result.changes
            if isinstance(result.inverse, SetBudgetEntry):
                inverses.append(result.inverse)
        if not inverses:
            return Result(changes, None)
        return Result(
            changes, SetBudgetEntries(tuple(reversed(inverses)), undo_label(self.label()))
        )


Due = tuple[tuple[int, int], ...]  # (year, cents) falling due


@dataclass(frozen=True)
class SetBudgetPlan(Operation):
    """Set the plan of `instrument` for `year` in cents (None: no plan row); `weights` the
    plan curve (twelve decimal texts; None linear; KEEP: as stored). `due` and `origin`
    are the catalogue's: left as stored unless given (an undo puts them back)."""

    instrument: str
    year: int
    plan: int | None
    weights: tuple[str, ...] | _Keep | None = KEEP
    expected: int | None = None
    due: Due | _Keep | None = KEEP
    origin: str = "user"
    text: Text | None = None

    def label(self) -> Text:
        return self.text or told(Note.op_budget_plan, instrument=self.instrument, year=self.year)

    def apply(self, work: Work) -> Result:
        session = work.session
        _instrument(session, self.instrument)
        if self.plan is not None:
            check_amount(self.plan)
        if isinstance(self.weights, tuple):
            check_weights(self.weights)
        row = session.scalar(
            select(BudgetPlanRow).where(
                BudgetPlanRow.instrument == self.instrument, BudgetPlanRow.year == self.year
            )
        )
        version = row.version if row is not None else MISSING
        if self.expected is not None and version != self.expected:
            current = "–" if row is None else format_cents(row.plan_cents)
            raise _conflict(
                ("Budgetplan", "budget plan"), self.instrument, str(self.year), row, current
            )
        before = None if row is None else _plan_state(row)
        changes = Changes(budget=frozenset({(self.instrument, self.year)}))
        undo_text = undo_label(self.label())
        if self.plan is None:
            if row is None or before is None:
                return NOTHING
            session.delete(row)
            _log(work, "delete", self.instrument, "plan", self.year, None, before, None)
            session.flush()
            return Result(changes, _restore(self, before, MISSING, undo_text))
        weights = (before or {}).get("weights") if isinstance(self.weights, _Keep) else self.weights
        due = (before or {}).get("due") if isinstance(self.due, _Keep) else _due_json(self.due)
        after = {
            "plan_cents": self.plan,
            "weights": None if weights is None else list(weights),
            "due": due,
            "origin": self.origin,
        }
        if before is not None and {**after, "origin": before["origin"]} == before:
            return NOTHING  # the same plan: a catalogue plan stays the catalogue's
        if row is None:
            row = BudgetPlanRow(instrument=self.instrument, year=self.year, version=0)
            session.add(row)
        row.plan_cents = self.plan
        row.weights = None if weights is None else json.dumps(list(weights))
        row.due = None if due is None else json.dumps(due, sort_keys=True)
        row.origin = self.origin
        row.version += 1
        row.updated_by, row.updated_at = work.actor.user, now()
        _log(
            work,
            "update" if before else "insert",
            self.instrument,
            "plan",
            self.year,
            None,
            before,
            after,
        )
        session.flush()
        if before is None:
            undo: SetBudgetPlan = replace(self, plan=None, expected=row.version, text=undo_text)
        else:
            undo = _restore(self, before, row.version, undo_text)
        return Result(changes, undo)


def _due_json(due: Due | None) -> dict[str, int] | None:
    return None if due is None else {str(year): cents for year, cents in due}


def _plan_state(row: BudgetPlanRow) -> dict[str, Any]:
    return {
        "plan_cents": row.plan_cents,
        "weights": None if row.weights is None else list(json.loads(row.weights)),
        "due": None if row.due is None else json.loads(row.due),
        "origin": row.origin,
    }


def _restore(
    op: SetBudgetPlan, state: Mapping[str, Any], expected: int, text: Text
) -> SetBudgetPlan:
    due = state["due"]
    return SetBudgetPlan(
        op.instrument,
        op.year,
        state["plan_cents"],
        None if state["weights"] is None else tuple(state["weights"]),
        expected,
        None if due is None else tuple((int(y), int(c)) for y, c in due.items()),
        state["origin"],
        text,
    )


def log_budget(
    db: Database,
    actor: Actor,
    instrument: str,
    month: Month,
    *,
    spent: int | None = None,
    committed: int | None = None,
    due_year: int | None = None,
    note: str | _Keep | None = KEEP,
) -> Changes:
    """`aipdesk budget log`: the spending and/or a new commitment of a month, in one unit
    of work (all or nothing)."""
    entries = []
    if spent is not None:
        entries.append(SetBudgetEntry(instrument, month, SPENT, spent, note=note))
    if committed is not None:
        entries.append(SetBudgetEntry(instrument, month, COMMITTED, committed, due_year, note))
    return SetBudgetEntries(tuple(entries)).run(db, actor).changes


def set_budget_plan(
    db: Database,
    actor: Actor,
    instrument: str,
    year: int,
    plan: int,
    weights: tuple[str, ...] | _Keep | None = KEEP,
) -> Changes:
    """`aipdesk budget plan`: an instrument's plan for a year (and its plan curve)."""
    return SetBudgetPlan(instrument, year, plan, weights).run(db, actor).changes
