"""The database file itself: writes into damaged files (break 2), versions repeating after
a restore (break 3), backups dated in the future (break 12), a zero-length or non-regular
--db (break 15)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.database import open_database
from aipdesk.services.values import clear_value, get_value, log_value
from aipdesk.store import checks, integrity
from aipdesk.store.backup import backup_dir, backup_sqlite
from tests.hardening.conftest import LOG, Cli, digest, files_in, settle

MAY = Month(2021, 5)
CELL = ("NEUSTART", "integrations", MAY)
EDITOR = Actor("editor", "gui")


def rows_of_cell(path: Path) -> list[tuple[int, int]]:
    """(rowid, value) of every row of NEUSTART integrations 2021-05, read past all indexes."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return conn.execute(
            "SELECT v.id, v.value FROM monthly_values AS v NOT INDEXED WHERE v.year = 2021 AND "
            "v.month = 5 AND v.project_id = (SELECT id FROM projects WHERE code = 'NEUSTART') "
            "AND v.metric_id = (SELECT id FROM metrics WHERE code = 'integrations')"
        ).fetchall()
    finally:
        conn.close()


def lose_unique_index_entry(path: Path) -> None:
    """Damage as a flipped bit may: the unique index of the monthly values no longer knows
    the row of NEUSTART integrations 2021-05 (its pages swapped for those of a copy that
    lacks it). quick_check passes; integrity_check does not."""
    [(rowid, _)] = rows_of_cell(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute(
        "CREATE TABLE ghost (project_id INTEGER, metric_id INTEGER, year INTEGER, "
        "month INTEGER, UNIQUE (project_id, metric_id, year, month))"
    )
    conn.execute(
        "INSERT INTO ghost (rowid, project_id, metric_id, year, month) "
        "SELECT id, project_id, metric_id, year, month FROM monthly_values WHERE id != ?",
        (rowid,),
    )
    roots = dict(
        conn.execute(
            "SELECT name, rootpage FROM sqlite_master WHERE name IN "
            "('sqlite_autoindex_monthly_values_1', 'sqlite_autoindex_ghost_1')"
        ).fetchall()
    )
    conn.execute("PRAGMA writable_schema=ON")
    for name, other in (("monthly_values", "ghost"), ("ghost", "monthly_values")):
        conn.execute(
            "UPDATE sqlite_master SET rootpage = ? WHERE name = ?",
            (roots[f"sqlite_autoindex_{other}_1"], f"sqlite_autoindex_{name}_1"),
        )
    conn.execute("PRAGMA writable_schema=OFF")
    conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE ghost")
    assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    conn.close()


# -- break 2: writes into damaged files ----------------------------------------------------


def test_writes_into_damaged_files(demo: Path, cli: Cli) -> None:
    lose_unique_index_entry(demo)
    before = digest(demo)
    run = cli(*LOG, "--db", demo, "--value", "99")
    assert run.code == 1 and len(run.lines) == 1
    assert "ist beschädigt" in run.err and "missing from index" in run.err
    assert digest(demo) == before and len(rows_of_cell(demo)) == 1
    run = cli("status", "--db", demo, "--year", "2021")  # never a double count
    assert run.code == 1 and "ist beschädigt" in run.err
    run = cli("check", "--db", demo)
    assert run.code == 1
    assert "Integritätsprüfung: row" in run.err and "missing from index" in run.err
    assert "Es gibt keine Sicherung dieser Datenbank." in run.err
    run = cli("check", "--db", demo, "--lang", "en")
    assert run.code == 1 and "integrity check: row" in run.err and "There is no backup" in run.err
    assert digest(demo) == before


def test_writes_into_damaged_files_larger_than_the_always_checked(
    demo: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large file gets the full check before its first write of the day."""
    monkeypatch.setattr(integrity, "FULL_CHECK_ALWAYS_BYTES", 0)
    lose_unique_index_entry(demo)
    before = digest(demo)
    run = cli(*LOG, "--db", demo, "--value", "99")
    assert run.code == 1 and len(run.lines) == 1 and "ist beschädigt" in run.err
    assert digest(demo) == before and len(rows_of_cell(demo)) == 1
    # No daily backup of the damaged file: it would push a sound one out of the fourteen.
    assert not backup_dir().exists() or files_in(backup_dir()) == []


def test_writes_into_damaged_files_damaged_after_the_days_check(
    demo: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damage after the day's full check: the write that relied on the unique index finds
    its cell twice through the other index, and rolls back."""
    monkeypatch.setattr(integrity, "FULL_CHECK_ALWAYS_BYTES", 0)
    lose_unique_index_entry(demo)
    checks._remember_check(demo.resolve(), "full")  # checked this morning, before the damage
    run = cli(*LOG, "--db", demo, "--value", "99")
    assert run.code == 1 and len(run.lines) == 1
    assert "ist beschädigt" in run.err and "doppelt" in run.err
    settle(demo)
    assert [value for _, value in rows_of_cell(demo)] == [value for _, value in rows_of_cell(demo)]
    assert len(rows_of_cell(demo)) == 1 and rows_of_cell(demo)[0][1] != 99


@pytest.mark.parametrize(
    "damage",
    ["header", "first page", "schema page", "last page", "a value's type", "a timestamp"],
)
def test_check_reports_and_never_crashes(demo: Path, damage: str, cli: Cli) -> None:
    raw = bytearray(demo.read_bytes())
    if damage == "header":
        raw[:16] = b"x" * 16
    elif damage == "first page":
        raw[100:400] = bytes(300)
    elif damage == "schema page":
        raw[4096 + 8 : 4096 + 200] = b"\xff" * 192
    elif damage == "last page":
        raw[-4096:-3000] = b"\x5a" * 1096
    if damage in ("a value's type", "a timestamp"):
        conn = sqlite3.connect(demo)
        sql = {
            "a value's type": "UPDATE monthly_values SET value = 3.5 WHERE id = 7",
            "a timestamp": "UPDATE monthly_values SET updated_at = '2021-02-30 25:00:00' "
            "WHERE id = 8",
        }[damage]
        conn.execute(sql)
        conn.commit()
        conn.close()
    else:
        demo.write_bytes(bytes(raw))
    before = digest(demo)
    run = cli("check", "--db", demo)
    assert run.code == 1 and run.err, run
    assert "Unerwarteter Fehler" not in run.err and "Datenbankfehler" not in run.err
    for command in (("status", "--year", "2021"), (*LOG, "--value", "5"), ("history",)):
        run = cli(*command, "--db", demo)
        assert run.code == 1 and len(run.lines) == 1, (command, run.err)
        assert "Unerwarteter Fehler" not in run.err and "Datenbankfehler" not in run.err
    assert digest(demo) == before


# -- break 3: the conflict check after a restore -------------------------------------------


def held_version(path: Path, value: int) -> int:
    """The editor (the window) writes `value` and keeps the version it was given."""
    db = open_database(path)
    try:
        return log_value(db, EDITOR, *CELL, value).versions[CELL]
    finally:
        db.close()


def test_the_conflict_check_is_defeated_after_a_restore(
    demo: Path, tmp_path: Path, cli: Cli
) -> None:
    held_version(demo, 10)
    saved = tmp_path / "sicherung.sqlite"
    assert cli("backup", "--db", demo, "--out", saved).code == 0
    shown = held_version(demo, 11)  # what the editor's window shows now, and its version
    assert cli("restore", "--db", demo, saved).code == 0  # back to 10
    assert cli(*LOG, "--db", demo, "--value", "12", "--user", "kollegin").code == 0
    db = open_database(demo)
    try:
        with pytest.raises(DomainError) as refused:
            log_value(db, EDITOR, *CELL, 13, expected=shown)
        assert refused.value.code == "value_conflict" and "kollegin" in refused.value.text()
        assert get_value(db, *CELL) == (12, None)
        # A cell removed after the restore and logged anew starts above it as well.
        clear_value(db, Actor("kollegin"), *CELL)
        log_value(db, Actor("kollegin"), *CELL, 14)
        with pytest.raises(DomainError):
            log_value(db, EDITOR, *CELL, 15, expected=shown)
        assert get_value(db, *CELL) == (14, None)
    finally:
        db.close()


# -- break 12: backups dated in the future ---------------------------------------------------


def test_clock_skew_keeps_todays_backup_and_offers_it(demo: Path, cli: Cli) -> None:
    folder = backup_dir()
    future = [
        folder / f"demo-taeglich-2099{month:02d}{day:02d}-080000.sqlite"
        for month in (1, 2)
        for day in range(1, 8)
    ]  # fourteen daily backups taken while the clock ran ahead
    for path in future:
        backup_sqlite(demo, path)
    assert cli(*LOG, "--db", demo, "--value", "31").code == 0  # takes today's backup
    today = f"demo-taeglich-{datetime.now():%Y%m%d}-"
    kept = [name for name in files_in(folder) if name.startswith(today)]
    assert len(kept) == 1, files_in(folder)
    assert len([n for n in files_in(folder) if "taeglich" in n]) == 14
    demo.write_bytes(demo.read_bytes()[:4096] + bytes(4096) + demo.read_bytes()[8192:])
    run = cli("status", "--db", demo, "--year", "2021")
    assert run.code == 1 and f"Neueste Sicherung: {folder / kept[0]}" in run.err


# -- break 15: a zero-length or non-regular --db --------------------------------------------


def test_a_zero_length_db_gets_the_schema_written_into_it(tmp_path: Path, cli: Cli) -> None:
    empty = tmp_path / "leer.sqlite"
    empty.touch()
    for command in (
        ("status", "--year", "2021"),
        (*LOG, "--value", "3"),
        ("history",),
        ("export", "--year", "2021", "--out", tmp_path / "x.xlsx"),
        ("import", tmp_path / "x.xlsx"),
    ):
        run = cli(*command, "--db", empty)
        assert run.code == 1 and len(run.lines) == 1, (command, run.err)
        assert "ist leer, keine Datenbank" in run.err, run.err
        assert empty.stat().st_size == 0 and files_in(tmp_path) == ["leer.sqlite"]
    assert cli("init", "--db", empty).code == 0  # asked to: the schema goes in


def test_dev_null_as_db(tmp_path: Path, cli: Cli) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    journal = Path(f"{os.devnull}-journal")
    assert not journal.exists()
    try:
        for target in (Path(os.devnull), fifo, tmp_path):
            for command in (("status", "--year", "2021"), (*LOG, "--value", "3"), ("init",)):
                run = cli(*command, "--db", target)
                assert run.code == 1 and "keine gewöhnliche Datei" in run.err, run.err
        assert not journal.exists()
        assert files_in(tmp_path) == ["pipe"]
    finally:
        journal.unlink(missing_ok=True)


def rename_in_schema(path: Path, old: str, new: str) -> None:
    """What a flipped bit in `sqlite_master` does to a name: the file stays well-formed."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = 'targets'", (old, new)
    )
    conn.commit()
    conn.close()


def test_a_flipped_name_in_the_schema_is_damage(demo: Path, cli: Cli) -> None:
    rename_in_schema(demo, "change_pct", "chbnge_pct")
    before = digest(demo)
    run = cli("status", "--db", demo, "--year", "2021")
    assert run.code == 1 and len(run.lines) == 1
    assert "ist beschädigt" in run.err and "targets: unbekannte Spalte chbnge_pct" in run.err
    run = cli(*LOG, "--db", demo, "--value", "99")
    assert run.code == 1 and "ist beschädigt" in run.err
    assert digest(demo) == before
