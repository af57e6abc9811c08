"""The built-in budget plan (db/budget_aip2021.toml) into the database, and the demo's
budget entries.

`load_budget` (run by `aipdesk init`, the window's start and the tests' catalogue) adds
the budget's lines and, for the plan year, each instrument's plan with the amounts due
in later years and the allocation (Abb. 2). It is idempotent: the database remembers
that it loaded the plan (setting `budget:<year>`), and a plan row that exists already
(a user's) is never overwritten.

`demo_budget_entries` are the monthly spending and new commitments of `aipdesk demo`:
deterministic (no randomness), each instrument a little off its plan in its own way.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import asdict
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from aipdesk.domain.budget import BudgetCatalogue, Level, budget_catalogue
from aipdesk.domain.budget_figures import round_half_up
from aipdesk.paths import budget_file
from aipdesk.services.base import Actor, Changes
from aipdesk.store.changelog import now, record_many
from aipdesk.store.database import Database
from aipdesk.store.models import (
    BudgetEntryRow,
    BudgetInstrumentRow,
    BudgetPlanRow,
    SettingRow,
)

__all__ = ["allocation_key", "demo_budget_entries", "load_budget", "load_demo_budget"]


def allocation_key(year: int) -> str:
    return f"budget:{year}:allocation"


def read_budget(path: Path | None = None) -> tuple[dict[str, Any], BudgetCatalogue]:
    with (path or budget_file()).open("rb") as fh:
        data = tomllib.load(fh)
    return data, budget_catalogue(data)


def load_budget(db: Database, actor: Actor, path: Path | None = None) -> Changes:
    """Load the built-in budget plan where the database has not loaded it yet."""
    data, catalogue = read_budget(path)
    key = f"budget:{catalogue.year}"
    with db.read() as session:
        if session.get(SettingRow, key) is not None:
            return Changes()
    with db.write() as session:
        if session.get(SettingRow, key) is not None:
            return Changes()
        loaded = _load(session, data, catalogue, Actor(actor.user, "catalogue"))
        session.add(SettingRow(key=key, value="AIP 2021"))
    return Changes(budget=frozenset((code, catalogue.year) for code in loaded))


def _load(
    session: Session, data: Mapping[str, Any], catalogue: BudgetCatalogue, actor: Actor
) -> list[str]:
    own = {item["code"]: item.get("result_project") for item in data.get("instruments", [])}
    default_project = data.get("result_project")
    known = set(session.scalars(select(BudgetInstrumentRow.code)))
    for position, line in enumerate(catalogue.lines):
        if line.code in known:
            continue  # a line of the same code stays as it is
        session.add(
            BudgetInstrumentRow(
                code=line.code,
                name=line.name,
                level=line.level.value,
                group_code=line.group,
                metric=line.metric,
                part_of=line.part_of,
                result_project=(own.get(line.code) or default_project) if line.metric else None,
                share_pct=line.share_pct,
                position=position,
            )
        )
    session.flush()
    year = catalogue.year
    planned = set(
        session.scalars(select(BudgetPlanRow.instrument).where(BudgetPlanRow.year == year))
    )
    stamp = now()
    loaded = []
    log = []
    for line in catalogue.instruments:
        if line.code in planned:
            continue  # a plan a user set (or removed and set again) stays
        due = {str(y): cents for y, cents in sorted(line.due.items())}
        session.add(
            BudgetPlanRow(
                instrument=line.code,
                year=year,
                plan_cents=line.plan,
                weights=None,
                due=json.dumps(due, sort_keys=True),
                origin="catalogue",
                version=1,
                updated_by=actor.user,
                updated_at=stamp,
            )
        )
        new = {"plan_cents": line.plan, "weights": None, "due": due, "origin": "catalogue"}
        log.append(_log_row(actor, stamp, "insert", line.code, "plan", year, None, new))
        loaded.append(line.code)
    if session.get(SettingRow, allocation_key(year)) is None:
        allocation = json.dumps(asdict(catalogue.allocation), sort_keys=True)
        session.add(SettingRow(key=allocation_key(year), value=allocation))
    record_many(session, log)
    return loaded


def _log_row(
    actor: Actor,
    stamp: Any,
    action: str,
    instrument: str,
    what: str,
    year: int,
    month: int | None,
    new: Any,
) -> dict[str, Any]:
    return {
        "at": stamp,
        "user": actor.user,
        "source": actor.source,
        "action": action,
        "entity": "budget",
        "project": instrument,
        "metric": what,
        "year": year,
        "month": month,
        "old": None,
        "new": json.dumps(new, ensure_ascii=False, sort_keys=True),
    }


# -- the demo's budget entries -------------------------------------------------------------

# Spending against plan per instrument (the rest: `OTHER_PACE`): FbW a little under plan
# (amber), TaAM a little over, AGH well under (red).
PACE = {
    "FBW": Fraction(86, 100),
    "EGZ": Fraction(102, 100),
    "MABE": Fraction(97, 100),
    "VB": Fraction(93, 100),
    "TAAM": Fraction(104, 100),
    "AGH": Fraction(72, 100),
    "BAE": Fraction(99, 100),
    "EVL": Fraction(118, 100),
}
OTHER_PACE = Fraction(95, 100)
# New commitments due in the year as a share of the plan (the rest: `OTHER_COMMITMENT`):
# FbW's education vouchers are bound early and paid late, TaAM is over-committed.
COMMITMENT = {
    "FBW": Fraction(96, 100),
    "TAAM": Fraction(103, 100),
    "AGH": Fraction(78, 100),
    "EVL": Fraction(105, 100),
    "MABE": Fraction(93, 100),
}
OTHER_COMMITMENT = Fraction(88, 100)
# Monthly weights of spending: slow in January, the bills of the year's end in December.
SPENDING_SEASON = (6, 7, 8, 8, 8, 8, 8, 8, 9, 9, 9, 12)
PREVIOUS_YEAR = Fraction(94, 100)  # the year before spent a little less
# New commitments due in the year, as a share of the plan, by month (front-loaded: the
# measures are bought in spring), and the share of the catalogue's amount due next year
# that is committed in the autumn.
COMMIT_SEASON = (20, 15, 12, 10, 8, 6, 5, 5, 5, 5, 5, 4)
NEXT_YEAR_SHARE = Fraction(6, 10)


def demo_budget_entries(
    plans: Mapping[str, tuple[int, Mapping[int, int]]], year: int
) -> dict[tuple[str, int, int, str, int], int]:
    """(instrument, year, month, kind, due year) -> cents for the instruments' `plans`
    (code -> (plan, catalogue's due by year)) of `year`: spending in the year and the
    one before, new commitments in the year."""
    entries: dict[tuple[str, int, int, str, int], int] = {}
    season, commits = sum(SPENDING_SEASON), sum(COMMIT_SEASON)
    for code, (plan, due) in sorted(plans.items()):
        if plan <= 0:
            continue
        pace = PACE.get(code, OTHER_PACE)
        for month in range(1, 13):
            share = Fraction(SPENDING_SEASON[month - 1], season)
            entries[(code, year, month, "spent", year)] = round_half_up(plan * pace * share)
            entries[(code, year - 1, month, "spent", year - 1)] = round_half_up(
                plan * pace * PREVIOUS_YEAR * share
            )
            level = COMMITMENT.get(code, OTHER_COMMITMENT)
            committed = plan * Fraction(COMMIT_SEASON[month - 1], commits) * level
            entries[(code, year, month, "committed", year)] = round_half_up(committed)
        following = due.get(year + 1, 0)
        if following:
            for month in (9, 10, 11, 12):
                amount = round_half_up(following * NEXT_YEAR_SHARE / 4)
                entries[(code, year, month, "committed", year + 1)] = amount
    return entries


def load_demo_budget(db: Database, actor: Actor, year: int) -> Changes:
    """Write the demo's budget entries (`demo_budget_entries`) of the plans of `year`;
    nothing where the database holds budget entries already."""
    with db.write() as session:
        if session.scalar(select(func.count()).select_from(BudgetEntryRow)):
            return Changes()
        plans = {
            code: (plan, {int(y): int(c) for y, c in json.loads(due or "{}").items()})
            for code, plan, due in session.execute(
                select(BudgetPlanRow.instrument, BudgetPlanRow.plan_cents, BudgetPlanRow.due)
                .join(BudgetInstrumentRow, BudgetInstrumentRow.code == BudgetPlanRow.instrument)
                .where(
                    BudgetPlanRow.year == year,
                    BudgetInstrumentRow.level == Level.INSTRUMENT.value,
                )
            )
        }
        entries = demo_budget_entries(plans, year)
        stamp = now()
        session.execute(
            insert(BudgetEntryRow),
            [
                {
                    "instrument": code,
                    "year": y,
                    "month": m,
                    "kind": kind,
                    "due_year": due,
                    "amount_cents": cents,
                    "note": None,
                    "version": 1,
                    "updated_by": actor.user,
                    "updated_at": stamp,
                }
                for (code, y, m, kind, due), cents in sorted(entries.items())
            ],
        )
        new = {"amount_cents": 0, "note": None, "due_year": 0}
        record_many(
            session,
            [
                _log_row(
                    actor,
                    stamp,
                    "insert",
                    code,
                    kind,
                    y,
                    m,
                    {**new, "amount_cents": cents, "due_year": due},
                )
                for (code, y, m, kind, due), cents in sorted(entries.items())
            ],
        )
    return Changes(budget=frozenset({(code, y) for code, y, _, _, _ in entries}))
