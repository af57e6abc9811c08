"""The command line contract (DESIGN §6): commands, JSON keys, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aipdesk.cli import main
from aipdesk.domain.months import Month
from aipdesk.services.status import status
from aipdesk.store.checks import SCHEMA_HEAD
from aipdesk.store.database import open_database
from tests.conftest import snapshot

CONTRACT_KEYS = {
    "project",
    "metric",
    "target",
    "plan_to_date",
    "actual_to_date",
    "attainment_pct",
    "deviation",
    "forecast",
    "status",
}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a child process, as a user would call it."""
    return subprocess.run(
        [sys.executable, "-m", "aipdesk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--user", "ci"]) == 0
    return path


def test_init_is_idempotent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "a.sqlite")
    assert main(["init", "--db", path]) == 0
    assert "Katalog AIP 2021 geladen" in capsys.readouterr().out
    db = open_database(path)
    before = snapshot(db)
    assert main(["--db", path, "init"]) == 0  # global option before the command works too
    assert "schon geladen" in capsys.readouterr().out
    assert snapshot(db) == before


def test_status_json_contract(demo_path: Path) -> None:
    result = run("status", "--db", str(demo_path), "--year", "2021", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list) and len(rows) == 14
    for row in rows:
        assert set(row) >= CONTRACT_KEYS
        assert row["status"] in {"green", "amber", "red", "none"}
        for key in CONTRACT_KEYS - {"project", "metric", "status"}:
            assert row[key] is None or isinstance(row[key], (int, float))
    neustart = next(r for r in rows if r["project"] == "NEUSTART")
    assert neustart["metric"] == "integrations" and neustart["target"] == 700
    # The same figures as the domain function gives (one function feeds every view).
    report = status(open_database(demo_path), 2021)
    assert rows == json.loads(json.dumps(report.to_json()))


def test_status_json_has_the_official_figures_and_the_gaps(demo_path: Path) -> None:
    result = run("status", "--db", str(demo_path), "--year", "2021", "--json")
    rows = json.loads(result.stdout)
    for row in rows:
        assert row["report_month"] == "2021-12"
        assert isinstance(row["months_missing"], list) and isinstance(row["complete"], bool)
        for key in ("rolling_12m", "yoy_month_change_pct", "planned_change_pct"):
            assert key in row and (row[key] is None or isinstance(row[key], (int, float)))
    # The demo's LZB stock: K3 is December 2021 against December 2020, from the database.
    db = open_database(demo_path)
    from aipdesk.services.values import get_value

    now, before = (get_value(db, "JC", "lzb_stock", Month(y, 12)) for y in (2021, 2020))
    assert now is not None and before is not None
    lzb = next(r for r in rows if r["metric"] == "lzb_stock")
    assert lzb["yoy_month_change_pct"] == pytest.approx(100 * (now[0] / before[0] - 1))
    # NeuStart: the rolling 12 months of 2021 are its calendar year.
    neustart = next(r for r in rows if r["project"] == "NEUSTART")
    assert neustart["rolling_12m"] == neustart["actual_to_date"]


def test_status_month_and_env(demo_path: Path) -> None:
    result = run(
        "status",
        "--year",
        "2021",
        "--month",
        "2021-06",
        "--json",
        env={"AIPDESK_DB": str(demo_path)},
    )
    assert result.returncode == 0, result.stderr
    neustart = next(r for r in json.loads(result.stdout) if r["project"] == "NEUSTART")
    assert neustart["plan_to_date"] == pytest.approx(350)


def test_status_table_is_german(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--db", str(demo_path), "--year", "2021"]) == 0
    out = capsys.readouterr().out
    assert "Status 2021, Berichtsmonat Dez 2021" in out
    assert "Meldeschluss: bis Dez 2021 haben alle Ziele mit Werten vollständig gemeldet" in out
    assert "Zielwert" in out and "Hochrechnung" in out
    assert "grün" in out and "rot" in out and "gelb" in out
    assert "17.046,0" in out  # German number format
    assert "Amtliche Kennzahlen, gleitend 12 Monate bis Dez 2021" in out
    # Projects by the names people know, the period in words; the columns stay aligned.
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("Projekt "))
    neustart = next(line for line in lines if line.startswith("NeuStart "))
    taam = next(line for line in lines if line.startswith("Teilhabe am Arbeitsmarkt (§ 16i"))
    assert "NEUSTART" not in out and not any(line.startswith("JC ") for line in lines)
    assert neustart.index("Integrationen") == header.index("Kennzahl") == taam.index("Neue")
    assert neustart.index("Jan 2021 – Dez 2021") == header.index("Zeitraum")
    assert neustart.index("12/12") + len("12/12") == header.index("Gemeldet") + len("Gemeldet")
    assert neustart.index("grün") == header.index("Status")


def test_status_names_incomplete_rows_and_speaks_english(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(demo_path)
    with db.write() as session:  # a month that was never reported
        session.connection().exec_driver_sql(
            "DELETE FROM monthly_values WHERE year = 2021 AND month = 4 AND project_id = "
            "(SELECT id FROM projects WHERE code = 'NEUSTART')"
        )
    db.close()
    args = ["status", "--db", str(demo_path), "--year", "2021", "--month", "2021-06"]
    assert main(args) == 0
    out = capsys.readouterr().out
    neustart = next(line for line in out.splitlines() if line.startswith("NeuStart "))
    assert neustart.endswith(" *") and "5/6" in neustart
    assert "* unvollständig: Soll und Ist nur über die gemeldeten Monate" in out
    assert "  NeuStart (Integrationen): Apr 2021" in out
    assert main([*args, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Status 2021, Report month Jun 2021" in out
    assert "  NeuStart (Integrationen): Apr 2021" in out
    assert next(line for line in out.splitlines() if line.startswith("NeuStart ")).endswith(" *")
    for header in ("Target", "Plan", "Actual", "Attainment", "Forecast", "Rolling 12 mo."):
        assert header in out
    assert "* incomplete" in out


def test_log_and_history(demo_path: Path) -> None:
    db = str(demo_path)
    result = run(
        "log",
        "--db",
        db,
        "--project",
        "LIA",
        "--metric",
        "job_starts",
        "--month",
        "2021-05",
        "--value",
        "31",
        "--note",
        "Messe",
        "--user",
        "anna",
    )
    assert result.returncode == 0, result.stderr
    history = run("history", "--db", db, "--project", "LIA", "--month", "2021-05")
    assert history.returncode == 0
    last = history.stdout.strip().splitlines()[-1]
    assert "anna" in last and '31 ("Messe")' in last and " geändert " in last
    assert "LiA – Langzeitarbeitslose in Arbeit / Arbeitsaufnahmen / Mai 2021: " in last


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--value", "-3"], '"-3" ist keine gültige Anzahl'),
        (["--value", "drei"], '"drei" ist keine gültige Anzahl'),
        (["--project", "NOPE"], 'Unbekanntes Projekt "NOPE"'),
        (["--metric", "nope"], 'Unbekannte Kennzahl "nope"'),
        (["--month", "2023-01"], "Januar 2023 liegt außerhalb des Zeitraums von Projekt NeuStart"),
    ],
)
def test_rejected_log_exits_1_with_one_line(demo_path: Path, args: list[str], message: str) -> None:
    base = {
        "--project": "NEUSTART",
        "--metric": "integrations",
        "--month": "2021-05",
        "--value": "5",
    }
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    before = snapshot(open_database(demo_path))
    result = run("log", "--db", str(demo_path), *[x for kv in base.items() for x in kv])
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"aipdesk: {result.stderr.split(': ', 1)[1].strip()}"
    ]
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(open_database(demo_path)) == before


def test_english_messages(demo_path: Path) -> None:
    result = run(
        "--lang",
        "en",
        "log",
        "--db",
        str(demo_path),
        "--project",
        "NEUSTART",
        "--metric",
        "integrations",
        "--month",
        "2021-05",
        "--value",
        "-3",
    )
    assert result.returncode == 1
    assert '"-3" is not a valid count' in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["status"],  # --year missing
        ["status", "--year", "20x"],
        ["status", "--year", "2021", "--month", "2021-13"],
        ["status", "--year", "2021", "--month", "2020-05"],
        ["frobnicate"],
        ["log", "--project", "NEUSTART"],
    ],
)
def test_usage_errors_exit_2(demo_path: Path, args: list[str]) -> None:
    result = run(*args, "--db", str(demo_path)) if args[0] != "frobnicate" else run(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


def test_demo_refuses_a_database_with_values(demo_path: Path) -> None:
    before = snapshot(open_database(demo_path))
    result = run("demo", "--db", str(demo_path))
    assert result.returncode == 1
    assert "enthält schon" in result.stderr and "Monatswerte" in result.stderr
    assert snapshot(open_database(demo_path)) == before


def test_foreign_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("nicht einmal SQLite")
    result = run("status", "--db", str(path), "--year", "2021")
    assert result.returncode == 1
    assert "keine aipdesk-Datenbank" in result.stderr and "Traceback" not in result.stderr
    assert path.read_text() == "nicht einmal SQLite"


def test_backup_and_check(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.sqlite"
    assert run("backup", "--db", str(demo_path), "--out", str(out)).returncode == 0
    check = run("check", "--db", str(out))
    assert check.returncode == 0, check.stderr
    assert "Integritätsprüfung: ok" in check.stdout
    assert f"Schemaversion {SCHEMA_HEAD}" in check.stdout
    copy = status(open_database(out), 2021, Month(2021, 12))
    original = status(open_database(demo_path), 2021, Month(2021, 12))
    assert copy.to_json() == original.to_json()


def test_check_reports_broken_foreign_keys(demo_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_path)  # foreign keys are off by default in plain sqlite3
    conn.execute("UPDATE monthly_values SET project_id = 999 WHERE id = 1")
    conn.commit()
    conn.close()
    result = run("check", "--db", str(demo_path))
    assert result.returncode == 1
    assert "Fremdschlüssel: monthly_values" in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["status", "--year", "2021"],
        ["check"],
        ["history"],
        [
            "log",
            "--project",
            "NEUSTART",
            "--metric",
            "integrations",
            "--month",
            "2021-01",
            "--value",
            "1",
        ],
    ],
)
def test_a_mistyped_db_is_refused_not_created(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "tippfehler" / "aipdesk.sqlite"
    result = run(*command, "--db", str(missing))
    assert result.returncode == 1
    assert "gibt es nicht" in result.stderr and "aipdesk init" in result.stderr
    assert not missing.parent.exists()


@pytest.mark.slow
def test_export_import_round_trip_into_an_empty_database(demo_path: Path, tmp_path: Path) -> None:
    from aipdesk.services.views import year_cells

    book = tmp_path / "AIP-2021.xlsx"
    written = run("export", "--db", str(demo_path), "--year", "2021", "--out", str(book))
    assert written.returncode == 0
    assert written.stdout == (
        # 2021's 252 values, the same 252 series months of 2020 the workbook compares
        # with, and GUIDE's November and December 2019 (the start of its target period).
        f"Arbeitsmappe geschrieben: {book} (Berichtsmonat Dezember 2021, 506 Monatswerte)\n"
    )
    fresh = tmp_path / "fresh.sqlite"
    assert run("init", "--db", str(fresh)).returncode == 0
    dry = run("import", "--db", str(fresh), str(book), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert snapshot(open_database(fresh))["monthly_values"] == []  # a dry run writes nothing
    result = run("import", "--db", str(fresh), str(book), "--user", "ci")
    assert result.returncode == 0, result.stderr
    key = lambda c: (c.project, c.metric, c.month, c.value, c.note)  # noqa: E731
    for year in (2020, 2021):  # the Vorjahr too
        assert sorted(map(key, year_cells(open_database(fresh), year))) == sorted(
            map(key, year_cells(open_database(demo_path), year))
        )
    again = run(
        "export",
        "--db",
        str(fresh),
        "--year",
        "2021",
        "--month",
        "2021-12",
        "--out",
        str(tmp_path / "again.xlsx"),
    )
    assert again.returncode == 0


def test_import_of_a_bad_file_exits_1_and_changes_nothing(demo_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)  # an encrypted workbook
    before = snapshot(open_database(demo_path))
    result = run("import", "--db", str(demo_path), str(bad))
    assert result.returncode == 1 and "bad.xlsx" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(open_database(demo_path)) == before


@pytest.mark.slow
def test_merge_command(demo_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "laptop.sqlite"
    assert run("init", "--db", str(other)).returncode == 0
    assert (
        run(
            "log",
            "--db",
            str(other),
            "--project",
            "NEUSTART",
            "--metric",
            "integrations",
            "--month",
            "2021-05",
            "--value",
            "999",
            "--user",
            "bernd",
        ).returncode
        == 0
    )
    conflict = run("merge", "--db", str(demo_path), str(other))
    assert conflict.returncode == 1
    assert "NeuStart / Integrationen / Mai 2021: hier 55 (ci), dort 999 (bernd)" in conflict.stderr
    taken = run("merge", "--db", str(demo_path), str(other), "--prefer", "theirs")
    assert taken.returncode == 0, taken.stderr
    from aipdesk.services.values import get_value

    stored = get_value(open_database(demo_path), "NEUSTART", "integrations", Month(2021, 5))
    assert stored is not None and stored[0] == 999
