"""The command line on read-only, damaged and shared databases; restore; the daily backup;
a monthly value followed through its whole history."""

from __future__ import annotations

import gc
import hashlib
import re
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from aipdesk.cli import main
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.database import open_database
from aipdesk.services.values import clear_value, get_value
from aipdesk.store import database as store
from aipdesk.store import restore as restoring
from aipdesk.store import shares
from aipdesk.store.backup import backup_dir

MAY = Month(2021, 5)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def settle(path: Path) -> None:
    """Close what earlier in-process commands left open and fold the WAL into the file, so
    that a later checkpoint cannot change its bytes behind a test's back."""
    gc.collect()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def log(path: Path, value: str, *extra: str) -> int:
    return main(
        [
            "log",
            "--db",
            str(path),
            "--project",
            "NEUSTART",
            "--metric",
            "integrations",
            "--month",
            "2021-05",
            "--value",
            value,
            *extra,
        ]
    )


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--user", "ci"]) == 0
    capsys.readouterr()
    settle(path)
    return path


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every database file counts as one without write permission (opening and restoring
    ask each)."""
    monkeypatch.setattr(store, "can_write", lambda path: False)
    monkeypatch.setattr(restoring, "can_write", lambda path: False)


# -- read-only -------------------------------------------------------------------------------


def test_writes_on_a_read_only_database_are_refused(
    demo: Path, tmp_path: Path, read_only: None, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite"
    assert main(["backup", "--db", str(demo), "--out", str(other)]) == 0
    workbook = tmp_path / "vorlage.xlsx"
    assert main(["template", "--db", str(demo), "--year", "2021", "--out", str(workbook)]) == 0
    capsys.readouterr()
    settle(demo)
    before = digest(demo)
    commands = [
        ["log", "--project", "NEUSTART", "--metric", "integrations", "--month", "2021-05",
         "--value", "3"],
        ["import", str(workbook)],
        ["merge", str(other)],
        ["demo"],
        ["init"],
        ["restore", str(other)],
    ]  # fmt: skip
    for command in commands:
        assert main([*command, "--db", str(demo)]) == 1, command
        err = capsys.readouterr().err
        assert "schreibgeschützt" in err and str(demo) in err, command
        assert "Traceback" not in err
    assert main(["log", "--db", str(demo), "--lang", "en", *commands[0][1:]]) == 1
    assert "is read-only" in capsys.readouterr().err
    assert digest(demo) == before
    assert not backup_dir().exists() or not list(backup_dir().iterdir())


def test_reads_on_a_read_only_database_work(
    demo: Path, tmp_path: Path, read_only: None, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(demo)
    reads = [
        ["status", "--year", "2021"],
        ["status", "--year", "2021", "--json"],
        ["export", "--year", "2021", "--out", str(tmp_path / "export.xlsx")],
        ["history", "--month", "2021-05"],
        ["check"],
        ["backup", "--out", str(tmp_path / "kopie.sqlite")],
        ["import", str(tmp_path / "export.xlsx"), "--dry-run"],
    ]
    for command in reads:
        assert main([*command, "--db", str(demo)]) == 0, (command, capsys.readouterr().err)
    capsys.readouterr()
    assert digest(demo) == before


# -- damage ----------------------------------------------------------------------------------


def test_a_damaged_database_is_refused_with_the_backup_to_restore(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert log(demo, "7") == 0  # a write: the day's backup comes first
    (daily,) = backup_dir().glob("demo-taeglich-*.sqlite")
    capsys.readouterr()
    conn = sqlite3.connect(demo)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the file itself
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'monthly_values'"
    ).fetchone()[0]
    conn.close()
    data = bytearray(demo.read_bytes())
    start = (root - 1) * 4096
    data[start + 8 : start + 72] = b"\x0f\xa0" * 32  # the page's cell pointers
    demo.write_bytes(bytes(data))
    before = digest(demo)
    assert main(["status", "--db", str(demo), "--year", "2021"]) == 1
    err = capsys.readouterr().err
    assert "ist beschädigt" in err and "nicht verändert" in err
    assert f'aipdesk restore "{daily}" --db "{demo}"' in err
    assert digest(demo) == before
    assert main(["restore", str(daily), "--db", str(demo)]) == 0
    capsys.readouterr()
    db = open_database(demo)
    assert get_value(db, "NEUSTART", "integrations", MAY) is not None
    db.close()


# -- restore ---------------------------------------------------------------------------------


def test_restore_command_in_german_and_english(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "stand.sqlite"
    assert main(["backup", "--db", str(demo), "--out", str(saved)]) == 0
    assert log(demo, "71") == 0
    capsys.readouterr()
    assert main(["restore", str(saved), "--db", str(demo), "--user", "berta"]) == 0
    out = capsys.readouterr().out
    assert f"Wiederhergestellt: {demo} enthält jetzt den Stand aus {saved}" in out
    (previous,) = backup_dir().glob("demo-vor-wiederherstellung-*.sqlite")
    assert f"Der vorherige Stand ist gesichert in: {previous}" in out
    db = open_database(demo)
    assert get_value(db, "NEUSTART", "integrations", MAY) != (71, None)
    db.close()
    assert main(["history", "--db", str(demo)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "berta" in last and " wiederhergestellt Datenbank " in last
    assert "– → aus stand.sqlite, Sicherung des vorigen Stands demo-vor-" in last
    assert main(["restore", str(previous), "--db", str(demo), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"Restored: {demo} now holds the state of {previous}" in out
    assert "The previous state is saved in:" in out
    db = open_database(demo)
    assert get_value(db, "NEUSTART", "integrations", MAY) == (71, None)
    db.close()


def test_a_refused_restore_exits_1_and_changes_nothing(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_db = tmp_path / "notiz.sqlite"
    not_a_db.write_text("keine Datenbank")
    before = digest(demo)
    assert main(["restore", str(not_a_db), "--db", str(demo)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "wird nicht wiederhergestellt" in err
    assert "keine aipdesk-Datenbank" in err and "wurde nicht verändert" in err
    assert main(["restore", str(tmp_path / "fehlt.sqlite"), "--db", str(demo)]) == 1
    assert "die Datei gibt es nicht" in capsys.readouterr().err
    assert digest(demo) == before
    assert not list(backup_dir().glob("demo-vor-wiederherstellung-*"))


def test_restore_without_a_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["restore"])
    assert info.value.code == 2
    capsys.readouterr()


# -- the daily backup ------------------------------------------------------------------------


def test_writing_commands_take_the_daily_backup_reading_ones_do_not(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not backup_dir().exists() or not list(backup_dir().glob("demo-taeglich-*"))
    assert main(["status", "--db", str(demo), "--year", "2021"]) == 0
    assert not backup_dir().exists() or not list(backup_dir().glob("demo-taeglich-*"))
    assert log(demo, "1") == 0
    assert log(demo, "2") == 0
    (daily,) = backup_dir().glob("demo-taeglich-*.sqlite")
    assert daily.name.startswith(f"demo-taeglich-{datetime.now():%Y%m%d}-")
    conn = sqlite3.connect(daily)  # the state before the first write of the day
    assert conn.execute(
        "SELECT count(*) FROM monthly_values mv JOIN projects p ON p.id = mv.project_id "
        "WHERE p.code = 'NEUSTART' AND mv.year = 2021 AND mv.month = 5 AND mv.value = 1"
    ).fetchone() == (0,)
    conn.close()
    capsys.readouterr()


def test_a_failing_daily_backup_does_not_stop_the_command(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from aipdesk.store import backup as backups

    blocker = tmp_path / "blockiert"
    blocker.write_text("")
    monkeypatch.setattr(backups, "backup_dir", lambda: blocker)
    assert log(demo, "8") == 0
    captured = capsys.readouterr()
    assert "tägliche Sicherung" in captured.err and "gespeichert" in captured.out


# -- network share ---------------------------------------------------------------------------


def test_a_database_on_a_share_is_named_in_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mountinfo = (
        f"22 1 8:1 / / rw - ext4 /dev/sda1 rw\n40 22 0:35 / {tmp_path} rw - cifs //nas/aip rw\n"
    )
    monkeypatch.setattr(shares, "_read_mountinfo", lambda: mountinfo)
    monkeypatch.setattr(sys, "platform", "linux")
    path = tmp_path / "team.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    captured = capsys.readouterr()
    assert "Netzlaufwerk (cifs //nas/aip)" in captured.err and "PostgreSQL" in captured.err
    assert "Katalog AIP 2021 geladen" in captured.out
    assert main(["status", "--db", str(path), "--year", "2021", "--json", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("[") and "network share" in captured.err
    assert not (tmp_path / "team.sqlite-wal").exists()


# -- a monthly value from its creation through every change --------------------------------


def _template_with(db_path: Path, out: Path, value: int) -> Path:
    assert main(["template", "--db", str(db_path), "--year", "2021", "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    ws = wb["Erfassung"]
    header = [c.value for c in ws[1]]
    column = header.index("2021-05") + 1
    for row in range(2, ws.max_row + 1):
        if (ws.cell(row, 1).value, ws.cell(row, 2).value) == ("NEUSTART", "integrations"):
            ws[f"{get_column_letter(column)}{row}"] = value
            break
    else:
        raise AssertionError("no row NEUSTART / integrations")
    wb.save(out)
    return out


def test_history_follows_a_value_through_log_edit_import_merge_and_clear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "aip.sqlite"
    other = tmp_path / "laptop.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    assert main(["init", "--db", str(other)]) == 0
    assert log(path, "10", "--user", "anna", "--note", "erste Meldung") == 0
    assert log(path, "12", "--user", "bernd") == 0
    workbook = _template_with(path, tmp_path / "erfassung.xlsx", 15)
    assert main(["import", "--db", str(path), str(workbook), "--user", "carla"]) == 0
    assert log(other, "20", "--user", "dora") == 0
    assert main(["merge", "--db", str(path), str(other), "--prefer", "theirs"]) == 0
    db = open_database(path)
    clear_value(db, Actor("emil", "gui"), "NEUSTART", "integrations", MAY)
    db.close()
    capsys.readouterr()
    assert main(["history", "--db", str(path), "--month", "2021-05"]) == 0
    where = "NeuStart / Integrationen / Mai 2021: "
    lines = [line for line in capsys.readouterr().out.splitlines() if where in line]
    steps = [line.split()[2:6] for line in lines]
    assert steps == [
        ["anna", "Befehlszeile", "neu", "Wert"],
        ["bernd", "Befehlszeile", "geändert", "Wert"],
        ["carla", "Import", "geändert", "Wert"],
        [steps[3][0], "Zusammenführung", "geändert", "Wert"],
        ["emil", "Fenster", "gelöscht", "Wert"],
    ]
    assert lines[0].endswith('– → 10 ("erste Meldung")')
    assert lines[1].endswith('10 ("erste Meldung") → 12 ("erste Meldung")')
    # An import names the file and the cell the value came from, as a merge names the file.
    assert "12" in lines[2]
    assert re.search(r'→ 15 \("erste Meldung"\) \[erfassung\.xlsx Erfassung![A-Z]+\d+\]$', lines[2])
    assert "→ 20" in lines[3] and lines[3].endswith("[laptop.sqlite]")  # the merged file
    assert lines[4].endswith("→ –")
    assert (
        main(["history", "--db", str(path), "--project", "NEUSTART", "--metric", "integrations"])
        == 0
    )
    assert len([x for x in capsys.readouterr().out.splitlines() if "/ Mai 2021: " in x]) == 5
    assert main(["history", "--db", str(path), "--month", "2021-05", "--lang", "en"]) == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if "/ May 2021: " in x]
    told = [re.sub(r" +", " ", line) for line in lines]  # the columns' padding aside
    expected = ["command line new", "command line changed", "import changed", "merge changed"]
    for line, words in zip(told, [*expected, "window deleted"], strict=True):
        assert f" {words} value NeuStart / Integrationen / May 2021: " in line
