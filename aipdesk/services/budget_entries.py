"""The stored budget entries a year's figures are made of, for the workbook's `Budgetdaten`
and the entry template: read in one statement, as plain rows.

A year's budget status (`budget_status`) reads the spending and new commitments of the
year, the spending of the year before (the Vorjahr) and the commitments of earlier years
falling due in the year (committed before); `entries_of_year` gives all of them (the year
before whole), so that an import of them into an empty database reproduces the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from aipdesk.domain.budget import Level
from aipdesk.services.budget import COMMITTED
from aipdesk.store.database import Database
from aipdesk.store.models import BudgetEntryRow, BudgetInstrumentRow, BudgetPlanRow

__all__ = ["BudgetEntry", "entries_of_year", "has_budget", "instruments"]


@dataclass(frozen=True)
class BudgetEntry:
    """One stored entry: spending or a new commitment of an instrument in a month."""

    instrument: str
    year: int
    month: int
    kind: str  # spent | committed
    due_year: int
    amount_cents: int
    note: str | None
    updated_by: str | None
    updated_at: datetime | None


def entries_of_year(db: Database, year: int) -> list[BudgetEntry]:
    """The entries of `year` and of `year` − 1, and the commitments of earlier years that
    fall due in `year` or later; ordered by year, month, instrument (plan order), kind,
    due year."""
    with db.read() as session:
        position = dict(
            session.execute(select(BudgetInstrumentRow.code, BudgetInstrumentRow.position)).all()
        )
        rows = session.scalars(
            select(BudgetEntryRow).where(
                or_(
                    BudgetEntryRow.year.in_((year - 1, year)),
                    (BudgetEntryRow.year < year - 1)
                    & (BudgetEntryRow.kind == COMMITTED)
                    & (BudgetEntryRow.due_year >= year),
                )
            )
        ).all()
        entries = [
            BudgetEntry(
                row.instrument,
                row.year,
                row.month,
                row.kind,
                row.due_year,
                row.amount_cents,
                row.note,
                row.updated_by,
                row.updated_at,
            )
            for row in rows
        ]
    return sorted(
        entries,
        key=lambda e: (
            e.year,
            e.month,
            position.get(e.instrument, 1 << 30),
            e.instrument,
            e.kind != "spent",
            e.due_year,
        ),
    )


def instruments(db: Database) -> list[tuple[str, str]]:
    """(code, name) of every instrument (not the groups and the total), in plan order."""
    with db.read() as session:
        return [
            (code, name)
            for code, name in session.execute(
                select(BudgetInstrumentRow.code, BudgetInstrumentRow.name)
                .where(BudgetInstrumentRow.level == Level.INSTRUMENT.value)
                .order_by(BudgetInstrumentRow.position)
            )
        ]


def has_budget(db: Database, year: int) -> bool:
    """Whether `year` has a budget to show: a plan above 0 or an entry of the year."""
    with db.read() as session:
        planned = session.scalar(
            select(BudgetPlanRow.instrument)
            .where(BudgetPlanRow.year == year, BudgetPlanRow.plan_cents > 0)
            .limit(1)
        )
        if planned is not None:
            return True
        entered = session.scalar(
            select(BudgetEntryRow.instrument).where(BudgetEntryRow.year == year).limit(1)
        )
        return entered is not None
