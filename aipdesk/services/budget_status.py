"""The budget status of a year: every line's figures (`aipdesk.domain.budget_figures`)
from what the database holds, in one read; `BudgetReport.to_json` is the contract of
`aipdesk budget status --json` (DESIGN §6).

The results an instrument buys (cost per result) are the Ist of its metric over
January … report month in its result project (the Jobcenter's totals, "JC"), read
through the same series query as the status of the targets.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from aipdesk.domain.budget import Allocation, Level
from aipdesk.domain.budget_figures import Figures, InstrumentData, Line, compute_budget
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import MetricKind
from aipdesk.domain.money import to_json
from aipdesk.domain.months import Month
from aipdesk.services.budget import COMMITTED, SPENT
from aipdesk.services.budget_load import allocation_key
from aipdesk.services.status import fallback_report_month
from aipdesk.store.database import Database
from aipdesk.store.models import BudgetEntryRow, BudgetInstrumentRow, BudgetPlanRow, SettingRow
from aipdesk.store.queries import load_catalog, series_values

__all__ = [
    "BudgetReport",
    "budget_months_in",
    "budget_report_month",
    "budget_status",
    "budget_status_in",
]


@dataclass(frozen=True)
class BudgetReport:
    year: int
    report_month: Month
    allocation: Allocation | None
    rows: tuple[Figures, ...]

    def row(self, code: str) -> Figures:
        return next(row for row in self.rows if row.code == code)

    def to_json(self) -> dict[str, Any]:
        """{"allocation": {…}, "rows": […]}: amounts in euros as exact JSON numbers."""
        keys = Allocation.__annotations__
        allocation = {
            key: None if self.allocation is None else to_json(getattr(self.allocation, key))
            for key in keys
        }
        return {
            "year": self.year,
            "report_month": str(self.report_month),
            "allocation": allocation,
            "rows": [self._row(row) for row in self.rows],
        }

    def _row(self, row: Figures) -> dict[str, Any]:
        def amount(cents: int | None) -> int | float | None:
            return None if cents is None else to_json(cents)

        def pct(value: float | None) -> float | None:
            return None if value is None else round(value, 1)

        return {
            "code": row.code,
            "name": row.name,
            "level": row.level.value,
            "plan": amount(row.plan),
            "plan_to_date": amount(row.plan_to_date),
            "committed": amount(row.committed),
            "spent_to_date": amount(row.spent_to_date),
            "forecast": amount(row.forecast),
            "cost_per_result": amount(row.cost_per_result),
            "due": {str(year): to_json(cents) for year, cents in row.due.items()},
            "group": row.group,
            "part_of": row.part_of,
            "available": amount(row.available),
            "bindungsquote_pct": pct(row.bindungsquote_pct),
            "ausgabequote_pct": pct(row.ausgabequote_pct),
            "status": row.status,
            "previous_year_spent": amount(row.previous_year_spent),
            "results": row.results,
            "due_committed": {str(y): to_json(c) for y, c in row.due_committed.items()},
            "report_month": str(self.report_month),
        }


def budget_status(db: Database, year: int, month: Month | None = None) -> BudgetReport:
    """The budget of `year` at `month` (without: the latest month of the year with a
    budget entry, else as the status of the targets falls back)."""
    with db.read() as session:
        return budget_status_in(session, year, month)


def budget_report_month(session: Session, year: int) -> Month:
    latest = session.scalar(
        select(func.max(BudgetEntryRow.month)).where(BudgetEntryRow.year == year)
    )
    return Month(year, latest) if latest else fallback_report_month(year)


def budget_status_in(session: Session, year: int, month: Month | None = None) -> BudgetReport:
    return budget_months_in(session, year, month, curves=False)[0]


Curves = dict[str, tuple[Figures, ...]]  # line code -> its figures at January … December


def budget_months_in(
    session: Session, year: int, month: Month | None = None, *, curves: bool = True
) -> tuple[BudgetReport, Curves]:
    """`budget_status_in`, and with `curves` every line's figures as they stood at the end
    of each month of the year (the chart's plan curve, spending and commitments to date),
    from the same read."""
    if month is not None and month.year != year:
        raise DomainError(Code.budget_month_not_in_year, month=str(month), year=year)
    rows = session.scalars(select(BudgetInstrumentRow).order_by(BudgetInstrumentRow.position)).all()
    if not rows:
        raise DomainError(Code.budget_no_catalogue)
    report = month or budget_report_month(session, year)
    lines = [
        Line(row.code, row.name, Level(row.level), row.group_code, row.part_of, row.metric)
        for row in rows
    ]
    data = _data(session, year, report, rows)
    figures = compute_budget(lines, data, year, report.month)
    monthly: Curves = {}
    if curves:
        by_month = [compute_budget(lines, data, year, m) for m in range(1, 13)]
        monthly = {line.code: tuple(f[n] for f in by_month) for n, line in enumerate(lines)}
    return BudgetReport(year, report, _allocation(session, year), tuple(figures)), monthly


def _allocation(session: Session, year: int) -> Allocation | None:
    stored = session.get(SettingRow, allocation_key(year))
    if stored is None:
        return None
    raw = json.loads(stored.value)
    return Allocation(**{key: int(raw[key]) for key in Allocation.__annotations__})


def _data(session: Session, year: int, report: Month, rows: Any) -> dict[str, InstrumentData]:
    plans = {
        code: (plan, weights, due)
        for code, plan, weights, due in session.execute(
            select(
                BudgetPlanRow.instrument,
                BudgetPlanRow.plan_cents,
                BudgetPlanRow.weights,
                BudgetPlanRow.due,
            ).where(BudgetPlanRow.year == year)
        )
    }
    spent: dict[str, dict[int, int]] = defaultdict(dict)
    previous: dict[str, dict[int, int]] = defaultdict(dict)
    before: dict[str, int] = defaultdict(int)
    committed: dict[str, dict[int, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    entries = session.execute(
        select(
            BudgetEntryRow.instrument,
            BudgetEntryRow.year,
            BudgetEntryRow.month,
            BudgetEntryRow.kind,
            BudgetEntryRow.due_year,
            BudgetEntryRow.amount_cents,
        ).where(
            or_(
                BudgetEntryRow.year == year,
                (BudgetEntryRow.year == year - 1) & (BudgetEntryRow.kind == SPENT),
                (BudgetEntryRow.year < year)
                & (BudgetEntryRow.kind == COMMITTED)
                & (BudgetEntryRow.due_year == year),
            )
        )
    )
    for code, y, m, kind, due, cents in entries:
        if kind == SPENT:
            (spent if y == year else previous)[code][m] = cents
        elif y < year:
            before[code] += cents
        else:
            committed[code][m][due] = committed[code][m].get(due, 0) + cents
    results = _results(session, year, report, rows)
    data = {}
    for row in rows:
        if row.level != Level.INSTRUMENT.value:
            continue
        plan, weights, planned = plans.get(row.code, (0, None, None))
        data[row.code] = InstrumentData(
            plan=plan,
            weights=tuple(json.loads(weights)) if weights else None,
            planned_due={int(y): int(c) for y, c in json.loads(planned or "{}").items()},
            spent=spent.get(row.code, {}),
            previous_spent=previous.get(row.code),
            committed_before=before.get(row.code, 0),
            committed={m: dict(d) for m, d in committed.get(row.code, {}).items()},
            results=results.get(row.code),
        )
    return data


def _results(session: Session, year: int, report: Month, rows: Any) -> Mapping[str, int]:
    """instrument -> the Ist of its metric (a count) over January … `report` in its result
    project; left out where nothing is logged, or the project or metric is unknown."""
    catalog = load_catalog(session)
    wanted = {
        row.code: (row.result_project, row.metric)
        for row in rows
        if row.metric
        and row.result_project in catalog.projects
        and row.metric in catalog.metrics
        and catalog.metrics[row.metric].kind is MetricKind.FLOW
    }
    if not wanted:
        return {}
    series = series_values(session, catalog, set(wanted.values()), Month(year, 1), report)
    found = {}
    for code, pair in wanted.items():
        logged = series.get(pair, {})
        if logged:
            found[code] = sum(int(value) for value in logged.values())
    return found
