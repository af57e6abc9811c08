"""`aipdesk budget status | log | plan`: the JSON contract, German amounts, refusals with
exit 1 and nothing changed, help in German and English; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from aipdesk.cli import main
from aipdesk.store.database import Database

Run = Callable[..., tuple[int, str, str]]

TABLES = (
    "budget_instruments",
    "budget_plans",
    "budget_entries",
    "change_log",
    "settings",
    "monthly_values",
)
ROW_KEYS = {
    "code",
    "name",
    "level",
    "plan",
    "plan_to_date",
    "committed",
    "spent_to_date",
    "forecast",
    "cost_per_result",
    "due",
}
ALLOCATION_KEYS = {
    "allocation",
    "transfers_in",
    "admin_transfer",
    "available_for_measures",
    "prior_commitments",
    "new_business",
    "planning_surcharge",
    "available_for_planning",
}


def _location(db: Database) -> str:
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=False)


@pytest.fixture
def run(db: Database, capsys: pytest.CaptureFixture[str]) -> Run:
    """`aipdesk ARGS --db <the test's database>` in this process: (code, stdout, stderr)."""
    where = _location(db)
    capsys.readouterr()

    def call(*args: str) -> tuple[int, str, str]:
        try:
            code = main([*args, "--db", where, "--user", "controlling"])
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return call


def everything(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.engine.connect() as conn:
        return {
            t: sorted(map(tuple, conn.exec_driver_sql(f"SELECT * FROM {t}").fetchall()), key=repr)
            for t in TABLES
        }


def status_json(run: Run, *extra: str) -> dict[str, Any]:
    code, out, err = run("budget", "status", "--year", "2021", "--json", *extra)
    assert code == 0, err
    return dict(json.loads(out))


def rows(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["code"]: row for row in report["rows"]}


def test_json_contract_and_the_documents_amounts(run: Run) -> None:
    report = status_json(run, "--month", "2021-06")
    assert set(report["allocation"]) == ALLOCATION_KEYS
    assert report["allocation"]["allocation"] == 31_896_160
    assert report["allocation"]["prior_commitments"] == 17_475_373
    by_code = rows(report)
    for row in report["rows"]:
        assert set(row) >= ROW_KEYS
        assert row["level"] in ("total", "group", "instrument")
    assert by_code["EGL"]["level"] == "total" and report["rows"][0]["code"] == "EGL"
    assert by_code["I"]["level"] == "group"
    fbw = by_code["FBW"]
    assert fbw["plan"] == 4_707_481
    assert fbw["due"] == {"2022": 1_757_626, "2023": 163_495, "2024": 75_240, "2025": 75_240}
    assert fbw["plan_to_date"] == 2_353_740.5  # 4,707,481 € × 6/12
    assert fbw["cost_per_result"] is None and fbw["forecast"] == 0
    assert by_code["EGZ"]["plan"] == 2_031_758
    assert by_code["MABE"]["plan"] == 10_247_261
    assert by_code["TAAM"]["plan"] == 5_099_350
    assert by_code["TAAM"]["due"]["2023"] == 772_420
    assert by_code["EGL"]["due"]["2022"] == 8_923_743


def test_cents_add_up_exactly(run: Run) -> None:
    assert (
        run("budget", "log", "--instrument", "EGZ", "--month", "2021-01", "--spent", "0,10")[0] == 0
    )
    assert (
        run("budget", "log", "--instrument", "egz", "--month", "2021-02", "--spent", "0.20")[0] == 0
    )
    report = status_json(run)
    assert report["report_month"] == "2021-02"
    assert rows(report)["EGZ"]["spent_to_date"] == 0.3
    assert rows(report)["I"]["spent_to_date"] == 0.3
    # 0.30 € ÷ (2/12) = 1.80 €
    assert rows(report)["EGZ"]["forecast"] == 1.8


def test_log_commitment_with_due_year_and_plan_with_weights(run: Run) -> None:
    code, out, err = run(
        "budget", "log", "--instrument", "FBW", "--month", "2021-03",
        "--committed", "350.000,30", "--due", "2022", "--note", "Bildungsgutscheine",
    )  # fmt: skip
    assert code == 0, err
    assert "350.000,30" in out
    code, out, err = run(
        "budget", "plan", "--instrument", "FBW", "--year", "2021", "--amount", "1.300",
        "--weights", "1,1,1,1,1,1,1,1,1,1,1,2",
    )  # fmt: skip
    assert code == 0, err
    fbw = rows(status_json(run, "--month", "2021-03"))["FBW"]
    assert fbw["plan"] == 1_300
    assert fbw["plan_to_date"] == 300  # 1,300 € × 3/13
    assert fbw["due"]["2022"] == 1_757_626 + 350_000.30
    assert fbw["committed"] == 0


def test_text_table_is_german_and_english(run: Run) -> None:
    code, out, _ = run("budget", "status", "--year", "2021")
    assert code == 0
    assert "4.707.481,00" in out and "Bindungsq." in out and "FbW" in out
    code, out, _ = run("budget", "status", "--year", "2021", "--lang", "en")
    assert code == 0
    assert "4,707,481.00" in out and "Committed %" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--spent", "-5"), "nicht negativ"),
        (("--spent", "abc"), "kein Geldbetrag"),
        (("--spent", "2000000000"), "unplausibel groß"),
        (("--spent", "1.234,567"), "kein Geldbetrag"),
        (("--committed", "5", "--due", "2020"), "vor dem Jahr"),
    ],
)
def test_bad_amounts_are_refused(db: Database, run: Run, args: tuple[str, ...], says: str) -> None:
    before = everything(db)
    code, _, err = run("budget", "log", "--instrument", "FBW", "--month", "2021-03", *args)
    assert code == 1, err
    assert err.count("\n") == 1 and err.startswith("aipdesk: ") and says in err, err
    assert everything(db) == before


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("log", "--instrument", "FWB", "--month", "2021-03", "--spent", "1"), "Meinten Sie FBW?"),
        (("log", "--instrument", "FBW", "--month", "2021-13", "--spent", "1"), "2021-13"),
        (("plan", "--instrument", "FBW", "--year", "2021", "--amount", "-1"), "nicht negativ"),
        (("plan", "--instrument", "XYZ", "--year", "2021", "--amount", "1"), "Unbekanntes"),
        (
            ("plan", "--instrument", "FBW", "--year", "2021", "--amount", "1", "--weights", "1,2"),
            "12",
        ),
        (("status", "--year", "2021", "--month", "2022-01"), "nicht im Jahr 2021"),
    ],
)
def test_refusals_exit_1_and_change_nothing(
    db: Database, run: Run, args: tuple[str, ...], says: str
) -> None:
    before = everything(db)
    code, _, err = run("budget", *args)
    assert code == 1, err
    assert err.count("\n") == 1 and says in err, err
    assert everything(db) == before


def test_english_refusal_and_usage(run: Run) -> None:
    code, _, err = run(
        "budget",
        "log",
        "--instrument",
        "FBW",
        "--month",
        "2021-03",
        "--spent",
        "-1",
        "--lang",
        "en",
    )
    assert code == 1 and "must not be negative" in err
    code, _, err = run("budget", "log", "--instrument", "FBW", "--month", "2021-03")
    assert code == 2 and "--spent" in err


def test_help_in_german_and_english(run: Run) -> None:
    code, out, _ = run("budget", "log", "--help")
    assert code == 0 and "Ausgaben des Monats" in out
    code, out, _ = run("--lang", "en", "budget", "log", "--help")
    assert code == 0 and "the month's spending" in out
