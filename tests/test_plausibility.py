"""Plausibility of values: the rule, `aipdesk log` refusing or forcing, the list "zur
Klärung", undo, imports, and validation rules checked on approval."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from aipdesk.cli.main import main
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.months import Month
from aipdesk.domain.plausibility import judge, usual
from aipdesk.exchange.preview import summarise
from aipdesk.services.base import Actor
from aipdesk.services.batch import Incoming, WriteValues, plan_values
from aipdesk.services.closing import ApproveMonth, ReportMonth
from aipdesk.services.demo import load_demo
from aipdesk.services.plausibility import CheckReview, find_implausible, list_reviews
from aipdesk.services.validation import AddRule, RemoveRule, Rule, read_rules
from aipdesk.services.values import SetCells, get_value
from aipdesk.store.database import Database
from aipdesk.store.models import ValueRow
from aipdesk.store.queries import load_catalog

DEC = Month(2021, 12)
CELL = ("NEUSTART", "integrations", DEC)


def series(values: list[int]) -> dict[int, int]:
    return dict(enumerate(values))


# -- the rule ---------------------------------------------------------------------------------
def test_a_typo_and_a_slip_by_ten_are_caught_on_a_typical_series() -> None:
    typical = [55, 57, 72, 59, 55, 57, 51, 58, 72, 77, 62]  # NeuStart 2021, Jan–Nov
    allowed = usual(typical)
    assert allowed is not None and (allowed.high, allowed.ceiling) == (77, 231)  # 3 × 77
    for value, wrong in ((59, False), (231, False), (232, True), (590, True), (10**9, True)):
        assert (11 in judge(series([*typical, value]), [11])) is wrong, value


def test_seasonal_series_give_no_alarm_but_a_slip_still_does() -> None:
    # A summer peak three times the winter: within a year's own range.
    seasonal = [20, 22, 30, 45, 60, 60, 58, 40, 30, 25, 20, 18, 21, 24, 33, 47, 62, 61]
    everything = series(seasonal)
    assert judge(everything, everything) == {}
    assert 18 in judge(series([*seasonal, 600]), [18])  # ×10 of June


def test_zeros_and_small_counts_have_slack() -> None:
    zeros = [0] * 8
    assert judge(series([*zeros, 1]), [8]) == {}
    assert judge(series([*zeros, 10]), [8]) == {}  # 0 + SLACK
    assert 8 in judge(series([*zeros, 11]), [8])
    assert judge(series([1, 2, 0, 1, 2, 1, 6]), [6]) == {}
    assert 6 in judge(series([1, 2, 0, 1, 2, 1, 20]), [6])  # 2 typed as 20


def test_short_history_is_not_judged() -> None:
    assert usual([5, 5, 5, 5, 5]) is None
    assert judge(series([5, 5, 5, 5, 5, 10**9]), [5]) == {}
    assert 6 in judge(series([5, 5, 5, 5, 5, 5, 10**9]), [6])


def test_only_the_last_twelve_values_count() -> None:
    old_peak = [500] + [10] * 12  # the 500 is thirteen months back
    assert 13 in judge(series([*old_peak, 100]), [13])
    assert judge(series([*old_peak[1:], 100]), [12]) != {}


def test_a_stock_falling_far_is_implausible_a_flow_is_not() -> None:
    stock = [345, 342, 342, 341, 347, 350, 348]
    allowed = usual(stock, stock=True)
    assert allowed is not None and allowed.floor == 111  # ceil((341 - 10) / 3)
    assert 7 in judge(series([*stock, 34]), [7], stock=True)  # a digit lost
    assert judge(series([*stock, 300]), [7], stock=True) == {}
    assert judge(series([*stock, 0]), [7]) == {}  # a flow may be 0


def test_the_factor_of_the_metric_is_used() -> None:
    allowed = usual([10] * 6, factor=10)
    assert allowed is not None and allowed.ceiling == 100


@pytest.fixture
def demo(db: Database, actor: Actor) -> Database:
    load_demo(db, actor, 2021)
    return db


def test_no_demo_value_is_an_outlier_of_its_own_history(demo: Database) -> None:
    with demo.read() as session:
        catalog = load_catalog(session)
        projects = {v: k for k, v in catalog.project_ids.items()}
        metrics = {v: k for k, v in catalog.metric_ids.items()}
        every = {
            (projects[r.project_id], metrics[r.metric_id], Month(r.year, r.month)): r.value
            for r in session.scalars(select(ValueRow))
        }
        assert len(every) > 400
        assert find_implausible(session, catalog, every) == []


# -- writes refused, forced, undone --------------------------------------------------------------
def test_an_implausible_value_is_refused_naming_cell_and_range(
    demo: Database, actor: Actor
) -> None:
    before = get_value(demo, *CELL)
    with pytest.raises(DomainError) as refused:
        SetCells({CELL: (590, None)}, confirm=True).run(demo, actor)
    assert refused.value.code is Code.implausible_value
    assert refused.value.text("de") == (
        "590 für NeuStart · Integrationen · Dezember 2021 liegt weit außerhalb der Reihe "
        "(üblich bis 77); nichts gespeichert"
    )
    assert get_value(demo, *CELL) == before
    SetCells({CELL: (70, None)}, confirm=True).run(demo, actor)  # plausible: stored
    assert get_value(demo, *CELL) == (70, None)


def test_forcing_stores_lists_and_its_undo_takes_both_back(demo: Database, actor: Actor) -> None:
    before = get_value(demo, *CELL)
    result = SetCells(
        {CELL: (590, "Sammelmeldung")}, None, None, True, {CELL: "Sammelmeldung"}
    ).run(demo, actor)
    assert get_value(demo, *CELL) == (590, "Sammelmeldung")
    (review,) = list_reviews(demo)
    assert (review.key(), review.value, review.reason, review.flagged_by) == (
        CELL,
        590,
        "Sammelmeldung",
        actor.user,
    )
    assert CELL in result.changes.reviews
    assert result.inverse is not None
    undone = result.inverse.run(demo, actor)
    assert get_value(demo, *CELL) == before
    assert list_reviews(demo) == []
    assert undone.inverse is not None
    undone.inverse.run(demo, actor)  # redo
    assert [r.value for r in list_reviews(demo)] == [590]


def test_checking_is_an_operation_with_its_undo(demo: Database, actor: Actor) -> None:
    SetCells({CELL: (590, "x")}, None, None, True, {CELL: "x"}).run(demo, actor)
    result = CheckReview(*CELL).run(demo, actor)
    assert list_reviews(demo) == []
    (checked,) = list_reviews(demo, 2021, everything=True)
    assert checked.checked_by == actor.user
    with pytest.raises(DomainError) as again:
        CheckReview(*CELL).run(demo, actor)
    assert again.value.code is Code.review_not_found
    assert result.inverse is not None
    result.inverse.run(demo, actor)
    assert [r.checked_by for r in list_reviews(demo)] == [None]


def test_a_note_on_an_implausible_value_is_no_new_value(demo: Database, actor: Actor) -> None:
    SetCells({CELL: (590, "x")}, None, None, True, {CELL: "x"}).run(demo, actor)
    SetCells({CELL: (590, "anders")}, confirm=True).run(demo, actor)
    assert get_value(demo, *CELL) == (590, "anders")


def test_an_import_takes_them_over_and_lists_them_with_the_file(
    demo: Database, actor: Actor
) -> None:
    incoming = [
        Incoming("NEUSTART", "integrations", DEC, 5900, where="Erfassung!N5"),
        Incoming("IP", "integrations", DEC, 26, where="Erfassung!N6"),
    ]
    plan = plan_values(demo, incoming)
    preview = summarise(plan)
    assert preview.implausible_count == 1
    assert "NeuStart · Integrationen · 2021-12: 5.900 (üblich bis 77)" in (
        preview.implausible_text("de")
    )
    result = WriteValues(tuple(incoming), origin="aip.xlsx").run(demo, actor)
    (review,) = list_reviews(demo)
    assert (review.key(), review.reason) == (CELL, "aip.xlsx")
    assert result.inverse is not None
    result.inverse.run(demo, actor)
    assert list_reviews(demo) == []


# -- validation rules ---------------------------------------------------------------------------
SPLIT = Rule(
    "Frauen + Männer = Gesamt", ("integrations_women", "integrations_men"), "=", ("integrations",)
)


def test_a_failing_rule_refuses_the_approval(demo: Database, actor: Actor) -> None:
    AddRule(SPLIT).run(demo, actor)
    may = Month(2021, 5)
    SetCells({("JC", "integrations_women", may): (200, None)}).run(demo, actor)
    # JC logs computed ratios too; the rule is checked as the approval's check.
    from aipdesk.services.validation import check_rules

    with demo.read() as session:
        catalog = load_catalog(session)
        with pytest.raises(DomainError) as refused:
            check_rules(session, catalog, "JC", may)
        check_rules(session, catalog, "NEUSTART", may)  # tracks only one of its metrics
    assert refused.value.code is Code.rule_failed
    assert refused.value.text("de") == (
        "Jobcenter Kreis Unna (gesamt), Mai 2021: Prüfregel »Frauen + Männer = Gesamt« "
        "verletzt: Integrationen (Frauen) + Integrationen (Männer) = 478 = Integrationen = 509 "
        "gilt nicht; nicht freigegeben"
    )


def test_approval_runs_the_rules(demo: Database, actor: Actor) -> None:
    AddRule(Rule("nie", ("integrations",), "<=", ("integrations",))).run(demo, actor)
    ReportMonth("NEUSTART", Month(2021, 5)).run(demo, actor)
    ApproveMonth("NEUSTART", Month(2021, 5)).run(demo, actor)  # 59 <= 59 holds
    AddRule(Rule("zu streng", ("integrations",), ">=", ("job_starts", "integrations"))).run(
        demo, actor
    )  # NeuStart does not log job_starts: the rule does not apply to it
    ReportMonth("NEUSTART", Month(2021, 6)).run(demo, actor)
    ApproveMonth("NEUSTART", Month(2021, 6)).run(demo, actor)
    AddRule(Rule("Unsinn", ("integrations",), ">=", ("integrations", "integrations"))).run(
        demo, actor
    )
    ReportMonth("NEUSTART", Month(2021, 7)).run(demo, actor)
    with pytest.raises(DomainError) as refused:
        ApproveMonth("NEUSTART", Month(2021, 7)).run(demo, actor)
    assert "»Unsinn«" in refused.value.text("de") and "51 >= " in refused.value.text("de")


def test_rules_are_added_and_removed_as_operations(demo: Database, actor: Actor) -> None:
    added = AddRule(SPLIT).run(demo, actor)
    with pytest.raises(DomainError) as twice:
        AddRule(SPLIT).run(demo, actor)
    assert twice.value.code is Code.rule_exists
    assert read_rules(demo)[1] == [SPLIT]
    assert added.inverse is not None
    added.inverse.run(demo, actor)
    assert read_rules(demo)[1] == []
    with pytest.raises(DomainError):
        RemoveRule("nope").run(demo, actor)
    with pytest.raises(DomainError) as computed:
        AddRule(Rule("q", ("integration_rate",), "<=", ("integrations",))).run(demo, actor)
    assert computed.value.code is Code.rule_metric_computed


# -- the command line ---------------------------------------------------------------------------
@pytest.fixture
def demo_path(tmp_path: Path) -> str:
    path = str(tmp_path / "demo.sqlite")
    assert main(["demo", "--db", path, "--user", "ci"]) == 0
    return path


LOG = ["log", "--project", "NeuStart", "--metric", "integrations", "--month", "2021-12"]


def test_log_refuses_forces_and_review_commands(
    demo_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main([*LOG, "--db", demo_path, "--value", "1000000000"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "1.000.000.000 für NeuStart · Integrationen · Dezember 2021" in err
    assert "üblich bis 77" in err and "--force" in err
    assert main([*LOG, "--db", demo_path, "--value", "590", "--force"]) == 2
    assert "--force braucht --note" in capsys.readouterr().err
    assert main(["review", "list", "--db", demo_path]) == 0
    assert "Nichts zur Klärung." in capsys.readouterr().out
    assert main([*LOG, "--db", demo_path, "--value", "590", "--force", "--note", "Sammel"]) == 0
    capsys.readouterr()
    assert main(["review", "list", "--db", demo_path, "--year", "2021"]) == 0
    out = capsys.readouterr().out
    assert "NeuStart" in out and "590" in out and "Sammel" in out
    assert main(["review", "list", "--db", demo_path, "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert (entry["project"], entry["metric"], entry["month"], entry["value"]) == (
        "NEUSTART",
        "integrations",
        "2021-12",
        590,
    )
    check = ["review", "check", "--db", demo_path, "--project", "NEUSTART"]
    assert main([*check, "--metric", "Integrationen", "--month", "2021-12"]) == 0
    assert "geprüft" in capsys.readouterr().out
    assert main(["review", "list", "--db", demo_path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main([*check, "--metric", "integrations", "--month", "2021-12"]) == 1


def test_rule_commands(demo_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    add = ["rule", "add", "--db", demo_path, "--name", "Split", "--relation", "="]
    assert (
        main([*add, "--left", "integrations_women, integrations_men", "--right", "integrations"])
        == 0
    )
    assert (
        "Integrationen (Frauen) + Integrationen (Männer) = Integrationen" in capsys.readouterr().out
    )
    assert main(["rule", "list", "--db", demo_path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {
            "name": "Split",
            "left": ["integrations_women", "integrations_men"],
            "relation": "=",
            "right": ["integrations"],
        }
    ]
    assert main([*add, "--left", "integrations", "--right", "integrations"]) == 1
    assert "gibt es schon" in capsys.readouterr().err
    assert main(["rule", "remove", "--db", demo_path, "--name", "Split"]) == 0
    assert main(["rule", "list", "--db", demo_path]) == 0
    assert "Keine Prüfregeln." in capsys.readouterr().out
    assert main(["rule", "remove", "--db", demo_path, "--name", "Split"]) == 1
