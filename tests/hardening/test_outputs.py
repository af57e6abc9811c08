"""Where aipdesk writes files, with which permissions, and what a failure to write says:
workbooks and backups over the database (break 1), full disks and an unusable backup
folder (break 8), a full standard output after a commit (break 9), file modes and the
log's content (break 10)."""

from __future__ import annotations

import errno
import gc
import io
import os
import sqlite3
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from platformdirs import user_data_dir, user_log_dir, user_state_dir

from aipdesk.services.values import get_value
from aipdesk.store import checks
from aipdesk.store.backup import backup_dir
from tests.hardening.conftest import LOG, Cli, digest, files_in, settle

MAY = ("NEUSTART", "integrations")


def value_in_may(path: Path) -> tuple[int, str | None] | None:
    from aipdesk.domain.months import Month
    from aipdesk.store.database import open_database

    db = open_database(path, create=False)
    try:
        return get_value(db, *MAY, Month(2021, 5))
    finally:
        db.close()


# -- break 1: a workbook or a backup written over the database -------------------------------


def test_export_over_the_database(demo: Path, tmp_path: Path, cli: Cli) -> None:
    assert cli("backup", "--db", demo, "--out", tmp_path / "kopie.sqlite").code == 0
    other = tmp_path / "other.sqlite"
    other.write_bytes((tmp_path / "kopie.sqlite").read_bytes())
    settle(demo)
    before = digest(demo)
    targets = [
        demo,
        Path(f"{demo}-wal"),
        Path(f"{demo}-shm"),
        Path(f"{demo}-journal"),
        tmp_path / "kopie.sqlite",  # a backup of it
        other,  # any other database
        Path(f"{other}-journal"),  # the journal of another database
        Path(os.devnull),  # not a plain file: would be replaced by a workbook
        tmp_path,  # a folder
    ]
    for target in targets:
        for command in (
            ("export", "--year", "2021", "--out", target),
            ("template", "--year", "2021", "--out", target),
        ):
            run = cli(*command, "--db", demo)
            assert run.code == 1, (command, run)
            assert len(run.lines) == 1 and "wird nicht geschrieben" in run.err, run.err
    assert digest(demo) == before
    assert Path(os.devnull).is_char_device()
    assert not Path(f"{demo}-journal").exists() and not Path(f"{other}-journal").exists()
    assert cli("status", "--db", demo, "--year", "2021").code == 0
    run = cli("export", "--db", demo, "--lang", "en", "--year", "2021", "--out", demo)
    assert "is not written: this is the open database" in run.err


@pytest.mark.parametrize("suffix", ["-wal", "-journal", "-shm"])
def test_backup_into_a_journal_of_the_database(demo: Path, suffix: str, cli: Cli) -> None:
    journal = Path(f"{demo}{suffix}")
    run = cli("backup", "--db", demo, "--out", journal)
    assert run.code == 1 and "Journal der geöffneten Datenbank" in run.err
    assert not journal.exists()
    # The next command finds the database as it was.
    assert cli(*LOG, "--db", demo, "--value", "77").code == 0
    assert value_in_may(demo) == (77, None)


def test_backup_never_replaces_a_file(demo: Path, tmp_path: Path, cli: Cli) -> None:
    existing = tmp_path / "liste.xlsx"
    existing.write_bytes(b"keep me")
    run = cli("backup", "--db", demo, "--out", existing)
    assert run.code == 1 and "gibt es schon" in run.err
    assert existing.read_bytes() == b"keep me"


# -- break 8: a traceback on a full disk or with an unusable backup folder --------------------


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing a zip fails half-way as on a full disk, leaving openpyxl's archive open:
    its finalizer then fails again when the garbage collector closes it."""
    real = zipfile.ZipFile.writestr
    calls = {"n": 0}

    def writestr(self: zipfile.ZipFile, *args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", writestr)


@pytest.mark.parametrize("command", ["export", "template"])
def test_export_and_template_on_a_full_disk(
    demo: Path, tmp_path: Path, command: str, full_disk: None, capsys: pytest.CaptureFixture[str]
) -> None:
    from aipdesk.cli import main

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "alt.xlsx").write_bytes(b"last month")
    for name in ("alt.xlsx", "neu.xlsx"):
        code = main([command, "--db", str(demo), "--year", "2021", "--out", str(folder / name)])
        gc.collect()  # the half-written archive's finalizer runs now, not at exit
        err = capsys.readouterr().err
        assert code == 1
        assert err.count("\n") == 1 and "kein Platz mehr auf dem Datenträger" in err, err
        assert "Traceback" not in err and "Exception ignored" not in err
    assert files_in(folder) == ["alt.xlsx"]
    assert (folder / "alt.xlsx").read_bytes() == b"last month"


def test_every_command_with_an_unusable_backup_folder(demo: Path, tmp_path: Path, cli: Cli) -> None:
    folder = backup_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the backup folder belongs")
    # A fresh process, as a user runs it (in this one, logging is set up already).
    done = subprocess.run(
        [sys.executable, "-m", "aipdesk", *LOG, "--db", str(demo), "--value", "61"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stderr.count("\n") == 1, done.stderr
    assert "Hinweis: Die tägliche Sicherung" in done.stderr
    assert "trotzdem weiter" in done.stderr and "Traceback" not in done.stderr
    assert value_in_may(demo) == (61, None)
    for command in (
        ("status", "--year", "2021"),
        ("history", "--month", "2021-05"),
        ("check",),
        ("export", "--year", "2021", "--out", tmp_path / "x.xlsx"),
        ("import", tmp_path / "x.xlsx", "--dry-run"),
    ):
        run = cli(*command, "--db", demo)
        assert run.code == 0 and run.err == "", (command, run.err)
    run = cli("backup", "--db", demo)  # the folder it would write into is unusable
    assert run.code == 1 and len(run.lines) == 1


# -- break 9: exit 1 although the value was stored ------------------------------------------


class FullOutput(io.StringIO):
    """Standard output on a full disk: the buffer takes the text, writing it out fails."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_exit_1_after_a_commit(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from aipdesk.cli import main

    # In the test's body: capsys takes standard output only when the test starts.
    monkeypatch.setattr(sys, "stdout", FullOutput())

    assert main([*LOG, "--db", str(demo), "--value", "66"]) == 0
    err = capsys.readouterr().err
    assert value_in_may(demo) == (66, None)
    assert err.count("\n") == 1
    assert "Hinweis: Die Änderung ist gespeichert" in err and "kein Platz" in err
    # A command whose output is its result failed: exit 1 (and it changed nothing).
    assert main(["status", "--db", str(demo), "--year", "2021"]) == 1
    assert "Die Ausgabe ließ sich nicht schreiben" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_exit_1_after_a_commit_in_a_real_process(demo: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "aipdesk", *LOG, "--db", str(demo), "--value", "67"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr.count("\n") == 1 and "gespeichert" in done.stderr
    assert value_in_may(demo) == (67, None)


# -- break 10: permissions, and notes in the log ---------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def log_here() -> Iterator[Path]:
    """aipdesk.log of this test's user folders (a process opens its log file once)."""
    import logging

    logger = logging.getLogger("aipdesk")
    kept = [h for h in logger.handlers if isinstance(h, logging.FileHandler)]
    for handler in kept:
        logger.removeHandler(handler)
    yield Path(user_log_dir("aipdesk", appauthor=False)) / "aipdesk.log"
    for handler in [h for h in logger.handlers if isinstance(h, logging.FileHandler)]:
        logger.removeHandler(handler)
        handler.close()
    for handler in kept:
        logger.addHandler(handler)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.slow
def test_permissions(
    demo: Path,
    tmp_path: Path,
    umask_022: None,
    log_here: Path,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(checks, "QUICK_CHECK_ALWAYS_BYTES", 0)  # remembered: quick_check.json
    export, template = tmp_path / "export.xlsx", tmp_path / "vorlage.xlsx"
    assert cli(*LOG, "--db", demo, "--value", "5").code == 0  # the daily backup
    assert cli("export", "--db", demo, "--year", "2021", "--out", export).code == 0
    assert cli("template", "--db", demo, "--year", "2021", "--out", template).code == 0
    assert cli("backup", "--db", demo).code == 0
    fresh = tmp_path / "neu" / "sub" / "aipdesk.sqlite"
    assert cli("init", "--db", fresh).code == 0
    monkeypatch.setattr("aipdesk.cli.status_table.format_status", lambda *_: 1 / 0)
    assert cli("status", "--db", demo, "--year", "2021").code == 1  # logged
    log_file = log_here
    check_log = Path(user_state_dir("aipdesk", appauthor=False)) / "quick_check.json"
    files = [export, template, fresh, log_file, check_log, *backup_dir().iterdir()]
    assert len(files) >= 7
    assert {str(f): oct(mode(f)) for f in files} == {str(f): "0o600" for f in files}
    folders = [
        fresh.parent,
        fresh.parent.parent,
        backup_dir(),
        backup_dir().parent,
        log_file.parent,
        check_log.parent,
        Path(user_data_dir("aipdesk", appauthor=False)),
    ]
    assert {str(f): oct(mode(f)) for f in folders} == {str(f): "0o700" for f in folders}
    # A file the user made shared stays shared when aipdesk writes it again.
    export.chmod(0o640)
    assert cli("export", "--db", demo, "--year", "2021", "--out", export).code == 0
    assert mode(export) == 0o640


def test_permissions_of_the_copy_of_a_damaged_database(
    demo: Path, tmp_path: Path, umask_022: None, cli: Cli
) -> None:
    assert cli("backup", "--db", demo, "--out", tmp_path / "gut.sqlite").code == 0
    conn = sqlite3.connect(demo)  # a WAL with commits in it, then damage to the file
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE monthly_values SET value = value + 1 WHERE id < 50")
    conn.commit()
    raw = bytearray(demo.read_bytes())
    raw[4096 * 3 : 4096 * 3 + 64] = b"\xff" * 64
    demo.write_bytes(bytes(raw))
    assert Path(f"{demo}-wal").stat().st_size > 0
    run = cli("restore", "--db", demo, tmp_path / "gut.sqlite")
    conn.close()
    assert run.code == 0, run.err
    copies = sorted(backup_dir().glob("demo-vor-wiederherstellung-*"))
    assert [c.name.endswith("-wal") for c in copies] == [False, True]
    assert [oct(mode(c)) for c in copies] == ["0o600", "0o600"]


def test_the_log_holds_no_values_or_notes(
    demo: Path, cli: Cli, log_here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import IntegrityError

    secret = "Frau M. (Diagnose: vertraulich)"

    def failing(_session: Any, rows: list[dict[str, Any]]) -> None:
        # The change-log rows of the write: their "new" holds the value and the note.
        raise IntegrityError("INSERT INTO change_log …", rows, Exception(f"boom {secret}"))

    monkeypatch.setattr("aipdesk.services.cellwrite.record_many", failing)
    run = cli(*LOG, "--db", demo, "--value", "4711", "--note", secret)
    assert run.code == 1 and len(run.lines) == 1
    logged = log_here.read_text(encoding="utf-8")
    assert "IntegrityError" in logged and "cellwrite.py" in logged  # where, and what kind
    assert secret not in logged and "4711" not in logged and "vertraulich" not in logged
