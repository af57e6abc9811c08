"""The read behind the Budget pane: `budget status` of a year with every line's monthly
curve and the year's stored entries, in one session (part of the window's snapshot)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.months import Month
from aipdesk.services.budget_status import budget_months_in
from aipdesk.services.results import BudgetCell, BudgetKey, BudgetView
from aipdesk.store.database import Database
from aipdesk.store.models import BudgetEntryRow, BudgetInstrumentRow, BudgetPlanRow

__all__ = ["budget_view", "budget_view_in"]


def budget_view(db: Database, year: int, month: Month | None = None) -> BudgetView | None:
    with db.read() as session:
        return budget_view_in(session, year, month)


def budget_view_in(session: Session, year: int, month: Month | None = None) -> BudgetView | None:
    """The budget of `year` at `month` (None: as `budget status` takes it by default);
    None where the database holds no budget catalogue."""
    if month is not None and month.year != year:
        month = None
    try:
        report, curves = budget_months_in(session, year, month)
    except DomainError as error:
        if error.code is Code.budget_no_catalogue:
            return None
        raise
    entries: dict[BudgetKey, BudgetCell] = {}
    for code, m, kind, due, cents, note, version in session.execute(
        select(
            BudgetEntryRow.instrument,
            BudgetEntryRow.month,
            BudgetEntryRow.kind,
            BudgetEntryRow.due_year,
            BudgetEntryRow.amount_cents,
            BudgetEntryRow.note,
            BudgetEntryRow.version,
        ).where(BudgetEntryRow.year == year)
    ):
        entries[(code, kind, due, m)] = BudgetCell(cents, note, version)
    linked = frozenset(
        (project, metric)
        for project, metric in session.execute(
            select(BudgetInstrumentRow.result_project, BudgetInstrumentRow.metric)
        )
        if project and metric
    )
    return BudgetView(report, curves, entries, linked)


@dataclass(frozen=True)
class PlanShown:
    """An instrument's plan for a year as an editor shows it: the amount in cents, its
    curve (twelve decimal weights; None: linear) and the version it was read at
    (0: no plan stored)."""

    plan: int
    weights: tuple[str, ...] | None
    version: int


def plan_shown(db: Database, instrument: str, year: int) -> PlanShown:
    with db.read() as session:
        row = session.scalar(
            select(BudgetPlanRow).where(
                BudgetPlanRow.instrument == instrument, BudgetPlanRow.year == year
            )
        )
    if row is None:
        return PlanShown(0, None, 0)
    weights = None if row.weights is None else tuple(str(w) for w in json.loads(row.weights))
    return PlanShown(row.plan_cents, weights, row.version)
