"""The budget of the Eingliederungstitel: the built-in plan after `init`, the figures
against hand-computed numbers, the operations and their undo, on SQLite and PostgreSQL.

Expected numbers are worked out here from the definitions (DESIGN §3, the budget
figures), never by calling the code under test."""

from __future__ import annotations

from typing import Any

import pytest

from aipdesk.domain.budget_figures import budget_status, parse_budget_weights, round_half_up
from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.budget import (
    COMMITTED,
    SPENT,
    SetBudgetEntries,
    SetBudgetEntry,
    SetBudgetPlan,
    find_instrument,
    log_budget,
    set_budget_plan,
)
from aipdesk.services.budget_status import budget_status as status_of
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.values import log_value
from aipdesk.store.database import Database

BUDGET_TABLES = {
    "budget_instruments": "code, name, level, group_code, metric, part_of, result_project, "
    "share_pct, position",
    "budget_plans": "instrument, year, plan_cents, weights, due, origin",
    "budget_entries": "instrument, year, month, kind, due_year, amount_cents, note",
}


def budget_state(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """What the budget holds (without versions and stamps, which an undo moves on)."""
    with db.engine.connect() as conn:
        return {
            table: sorted(
                map(tuple, conn.exec_driver_sql(f"SELECT {columns} FROM {table}").fetchall()),
                key=repr,
            )
            for table, columns in BUDGET_TABLES.items()
        }


def test_round_half_up_and_status_bands() -> None:
    from fractions import Fraction

    assert round_half_up(Fraction(5, 2)) == 3
    assert round_half_up(Fraction(-5, 2)) == -3
    assert round_half_up(Fraction(249, 100)) == 2
    # q = spent ÷ plan to date: green 90 … 110 %, amber 75 … 90 % and 110 … 125 %.
    assert budget_status(1000, 900) == "green"
    assert budget_status(1000, 1100) == "green"
    assert budget_status(1000, 899) == "amber"
    assert budget_status(1000, 750) == "amber"
    assert budget_status(1000, 1101) == "amber"
    assert budget_status(1000, 1250) == "amber"
    assert budget_status(1000, 749) == "red"
    assert budget_status(1000, 1251) == "red"
    assert budget_status(0, 5) == "none"


def test_weights_are_read_exactly_like_a_targets() -> None:
    assert parse_budget_weights("1,1,1,1,1,1,1,1,1,1,1,2")[-1] == "2"
    assert parse_budget_weights("0,5;0,5;1;1;1;1;1;1;1;1;1;1")[0] == "0.5"
    for bad, code in (
        ("1,1", "weights_count"),
        ("1,1,1,1,1,1,1,1,1,1,1,-1", "weights_negative"),
        ("0,0,0,0,0,0,0,0,0,0,0,0", "weights_zero"),
        ("1,1,1,1,1,1,1,1,1,1,1,x", "bad_number"),
        ("1,1,1,1,1,1,1,1,1,1,1,nan", "bad_number"),
    ):
        with pytest.raises(DomainError) as caught:
            parse_budget_weights(bad)
        assert caught.value.code == code


def test_the_built_in_plan_is_the_documents(db: Database) -> None:
    report = status_of(db, 2021, Month(2021, 12))
    euros = 100
    fbw = report.row("FBW")
    assert fbw.plan == 4_707_481 * euros
    assert dict(fbw.due) == {
        2022: 1_757_626 * euros,
        2023: 163_495 * euros,
        2024: 75_240 * euros,
        2025: 75_240 * euros,
    }
    assert report.row("EGZ").plan == 2_031_758 * euros
    assert report.row("MABE").plan == 10_247_261 * euros
    assert report.row("TAAM").plan == 5_099_350 * euros
    assert report.row("TAAM").due[2025] == 392_590 * euros
    assert report.row("EGZ_SB").part_of == "REHA_P"
    # Groups are their instruments' sums: group IV without EGZ-SB (a "davon" of REHA/SB),
    # group I one euro below its printed 19,435,203 (the document's rounding).
    assert report.row("IV").plan == (1_109_124 + 576_442) * euros
    assert report.row("I").plan == 19_435_202 * euros
    assert report.row("EGL").plan == 29_488_523 * euros
    assert report.allocation is not None
    assert report.allocation.prior_commitments == 17_475_373 * euros
    assert report.allocation.available_for_planning == 12_379_403 * euros


def test_a_second_load_changes_nothing_and_keeps_a_users_plan(db: Database, actor: Actor) -> None:
    set_budget_plan(db, actor, "FBW", 2021, 123_45)
    before = budget_state(db)
    assert not load_catalogue(db, actor)
    assert budget_state(db) == before


def test_figures_by_hand(db: Database, actor: Actor) -> None:
    weights = ("1",) * 11 + ("2",)  # Σ 13; December twice
    set_budget_plan(db, actor, "FBW", 2021, 1_000_00, weights)
    log_budget(db, actor, "FBW", Month(2021, 1), spent=100_00, committed=300_00)
    log_budget(db, actor, "FBW", Month(2021, 2), spent=200_00, committed=150_00, due_year=2022)
    log_budget(db, actor, "FBW", Month(2021, 3), spent=50_01)
    log_budget(db, actor, "FBW", Month(2021, 5), spent=999_00, committed=77_00)  # after r
    log_budget(db, actor, "FBW", Month(2020, 1), spent=10_00)
    log_budget(db, actor, "FBW", Month(2020, 4), spent=99_00)  # after r a year earlier
    log_budget(db, actor, "FBW", Month(2020, 6), committed=40_00, due_year=2021)  # prior
    for month, count in ((1, 10), (2, 12), (3, 13)):
        log_value(db, actor, "JC", "training_entries", Month(2021, month), count)
    row = status_of(db, 2021, Month(2021, 3)).row("FBW")
    # plan to date = 1,000.00 € × 3/13 = 230.769… € -> 230.77 €
    assert row.plan_to_date == 230_77
    assert row.spent_to_date == 350_01
    # forecast = 350.01 € ÷ (3/13) = 1,516.71 €
    assert row.forecast == 1_516_71
    # committed: 40 € logged in 2020 due 2021, 300 € logged in January due 2021
    assert row.committed == 340_00
    assert row.available == 660_00
    # due 2022: the catalogue's 1,757,626 € plus the 150 € committed in February
    assert row.due[2022] == 1_757_626_00 + 150_00
    assert row.previous_year_spent == 10_00
    # 350.01 € ÷ 35 entries = 10.0002857… € -> 10.00 €
    assert row.cost_per_result == 10_00
    # q = 350.01 ÷ 230.77 = 1.517: red
    assert row.status == "red"
    assert row.bindungsquote_pct == pytest.approx(34.0)
    group = status_of(db, 2021, Month(2021, 3)).row("I")
    assert group.plan == 19_435_202_00 - 4_707_481_00 + 1_000_00
    assert group.spent_to_date == 350_01


def test_linear_plan_to_date(db: Database) -> None:
    row = status_of(db, 2021, Month(2021, 5)).row("FBW")
    # 4,707,481.00 € × 5/12 = 1,961,450.4166… € -> 1,961,450.42 €
    assert row.plan_to_date == 1_961_450_42
    assert row.forecast == 0
    assert row.status == "red"
    assert row.previous_year_spent is None and row.cost_per_result is None


def test_exact_cents(db: Database, actor: Actor) -> None:
    log_budget(db, actor, "EGZ", Month(2021, 1), spent=10)
    log_budget(db, actor, "EGZ", Month(2021, 2), spent=20)
    assert status_of(db, 2021).row("EGZ").spent_to_date == 30
    assert status_of(db, 2021).report_month == Month(2021, 2)


def test_refusals_change_nothing(db: Database, actor: Actor) -> None:
    before = budget_state(db)
    cases = [
        (SetBudgetEntry("FBW", Month(2021, 1), SPENT, -1), "money_negative"),
        (SetBudgetEntry("FBW", Month(2021, 1), SPENT, 10**14), "money_too_large"),
        (SetBudgetEntry("NOPE", Month(2021, 1), SPENT, 1), "budget_unknown_instrument"),
        (SetBudgetEntry("I", Month(2021, 1), SPENT, 1), "budget_unknown_instrument"),
        (SetBudgetEntry("FBW", Month(2021, 1), COMMITTED, 1, 2020), "budget_due_before"),
        (SetBudgetEntry("FBW", Month(2021, 1), SPENT, 1, expected=3), "budget_conflict"),
        (SetBudgetPlan("FBW", 2021, 1, expected=7), "budget_conflict"),
    ]
    for op, code in cases:
        with pytest.raises(DomainError) as caught:
            op.run(db, actor)
        assert caught.value.code == code
    # one bad entry of a batch: none is stored
    batch = SetBudgetEntries(
        (
            SetBudgetEntry("FBW", Month(2021, 1), SPENT, 5),
            SetBudgetEntry("FBW", Month(2021, 2), SPENT, -5),
        )
    )
    with pytest.raises(DomainError):
        batch.run(db, actor)
    assert budget_state(db) == before


def test_find_instrument_by_code_name_or_suggestion() -> None:
    names = {"FBW": "FbW – Förderung der beruflichen Weiterbildung", "EGZ": "EGZ – Zuschuss"}
    assert find_instrument(names, "fbw") == "FBW"
    assert find_instrument(names, "FbW") == "FBW"
    assert find_instrument(names, "EGZ – Zuschuss") == "EGZ"
    with pytest.raises(DomainError) as caught:
        find_instrument(names, "FWB")
    assert "Meinten Sie FBW?" in caught.value.text("de")


def _undo_restores(db: Database, actor: Actor, op: Any) -> None:
    before = budget_state(db)
    result = op.run(db, actor)
    assert result.changes.budget and result.inverse is not None
    assert budget_state(db) != before
    result.inverse.run(db, actor)
    assert budget_state(db) == before


def test_every_operation_undoes_exactly(db: Database, actor: Actor) -> None:
    month = Month(2021, 4)
    _undo_restores(db, actor, SetBudgetEntry("FBW", month, SPENT, 12_34, note="Rechnung"))
    log_budget(db, actor, "FBW", month, spent=1_00, committed=2_00, due_year=2023, note="alt")
    _undo_restores(db, actor, SetBudgetEntry("FBW", month, SPENT, 5_00))  # update
    _undo_restores(db, actor, SetBudgetEntry("FBW", month, COMMITTED, None, 2023))  # remove
    _undo_restores(
        db,
        actor,
        SetBudgetEntries(
            (
                SetBudgetEntry("EGZ", month, SPENT, 1),
                SetBudgetEntry("FBW", month, SPENT, 7),
            )
        ),
    )
    _undo_restores(db, actor, SetBudgetPlan("FBW", 2021, 9_00, ("1",) * 12))  # catalogue's
    _undo_restores(db, actor, SetBudgetPlan("FBW", 2022, 9_00))  # a new year
    set_budget_plan(db, actor, "EGZ", 2022, 5_00)
    _undo_restores(db, actor, SetBudgetPlan("EGZ", 2022, None))  # removed
    with db.engine.connect() as conn:
        logged = conn.exec_driver_sql(
            "SELECT count(*) FROM change_log WHERE entity = 'budget' AND source = 'test'"
        ).scalar()
    assert logged and logged > 10


def test_setting_the_same_again_changes_nothing(db: Database, actor: Actor) -> None:
    assert log_budget(db, actor, "FBW", Month(2021, 1), spent=5)
    assert not log_budget(db, actor, "FBW", Month(2021, 1), spent=5)
    assert not set_budget_plan(db, actor, "FBW", 2021, 4_707_481_00)
