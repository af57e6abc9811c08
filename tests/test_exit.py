"""The program leaves without Python's final garbage collection (aipdesk.cli.run), and
everything a normal exit does still happens: output, exit code, the database closed."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from aipdesk.cli import main
from aipdesk.domain.months import Month
from aipdesk.services.values import get_value
from aipdesk.store.database import open_database


def program(*args: str) -> subprocess.CompletedProcess[str]:
    """The console script `aipdesk` (aipdesk.cli:run) in a child process."""
    script = Path(sys.executable).with_name("aipdesk")
    return subprocess.run(
        [str(script), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )


def leftovers(path: Path) -> list[str]:
    """The SQLite files beside the database: none once its last connection has closed."""
    return sorted(p.name for p in path.parent.glob(path.name + "-*"))


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--user", "ci"]) == 0
    assert leftovers(path) == []  # main() itself closes what the command opened
    return path


def test_a_command_exits_fast_with_its_output_exit_code_and_database_intact(demo: Path) -> None:
    result = program(
        "log", "--db", str(demo), "--project", "NEUSTART", "--metric", "integrations",
        "--month", "2021-12", "--value", "77", "--note", "Messe im Dezember", "--user", "ci",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == "NeuStart / Integrationen / Dezember 2021: 77 gespeichert\n"
    assert result.stderr == ""
    # Closed properly: the WAL is checkpointed into the file and removed, nothing is lost.
    assert leftovers(demo) == []
    db = open_database(demo)
    try:
        assert get_value(db, "NEUSTART", "integrations", Month(2021, 12)) == (
            77,
            "Messe im Dezember",
        )
    finally:
        db.close()
    with contextlib.closing(sqlite3.connect(demo)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    rejected = program(
        "log", "--db", str(demo), "--project", "NEUSTART", "--metric", "integrations",
        "--month", "2021-12", "--value", "-3",
    )  # fmt: skip
    assert rejected.returncode == 1 and rejected.stdout == ""
    assert len(rejected.stderr.splitlines()) == 1 and "Traceback" not in rejected.stderr
    assert program("log", "--db", str(demo)).returncode == 2  # usage
    assert leftovers(demo) == []


def test_a_long_report_reaches_its_reader_whole(demo: Path) -> None:
    result = program("status", "--db", str(demo), "--year", "2021", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 14 and result.stdout.endswith("\n")
    assert leftovers(demo) == []


def test_run_freezes_what_is_alive_and_keeps_the_exit_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    import aipdesk.cli.main  # noqa: F401  (the module; the package's `main` is the function)

    cli = sys.modules["aipdesk.cli.main"]
    calls: list[str] = []
    monkeypatch.setattr(cli, "main", lambda: calls.append("main") or 3)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    with pytest.raises(SystemExit) as leaving:
        cli.run()
    assert leaving.value.code == 3
    assert calls == ["main", "freeze"]


def test_python_m_aipdesk_is_the_program(demo: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "aipdesk", "status", "--db", str(demo), "--year", "2021"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "\nNeuStart " in result.stdout and "Meldeschluss" in result.stdout
