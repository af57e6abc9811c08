"""Nothing lost, nobody where they don't belong: network shares, read-only files, damaged
files, daily backups and their rotation, restore, the append-only change log, Windows paths.

Tests run on Linux as whatever user CI uses (often root, who passes every permission
check): read-only files are forced (`read_only=True`) or denied through a patched
`os.access`; a real `chmod 0o444` runs only for an ordinary user. Network shares are
played with a sample /proc/self/mountinfo.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import struct
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import Executable

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.maintenance import history, restore, start_of_day
from aipdesk.services.values import get_value, log_value
from aipdesk.store import backup as backups
from aipdesk.store import checks, shares
from aipdesk.store.backup import (
    KEEP_BACKUPS,
    backup,
    backup_dir,
    backup_origin,
    daily_backup,
    rotate,
)
from aipdesk.store.checks import SCHEMA_HEAD, newest_backup
from aipdesk.store.database import Database, open_database
from aipdesk.store.locations import display_url, sqlite_uri, url_file
from aipdesk.store.models import ChangeRow
from aipdesk.store.shares import (
    is_unc_path,
    mount_of,
    network_share,
    parse_mountinfo,
    windows_share,
)
from tests.conftest import snapshot

ACTOR = Actor("anna", "test")
JAN, FEB = Month(2021, 1), Month(2021, 2)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# -- helpers -------------------------------------------------------------------------------


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def make_db(path: Path, value: int | None = 10) -> Path:
    """An aipdesk file with the catalogue and (unless None) one value, closed cleanly."""
    db = open_database(path)
    load_catalogue(db, ACTOR)
    if value is not None:
        log_value(db, ACTOR, "NEUSTART", "integrations", JAN, value)
    db.close()
    return path


def journal_version(path: Path) -> int:
    """Byte 18 of the SQLite header: 1 rollback journal, 2 WAL."""
    with path.open("rb") as fh:
        return fh.read(20)[18]


def first_leaf(path: Path, table: str) -> int:
    """The page number of the leftmost leaf of `table`'s b-tree."""
    conn = sqlite3.connect(sqlite_uri(path, immutable="1"), uri=True)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    data = path.read_bytes()
    while True:
        start = (page - 1) * page_size
        if data[start] == 13:  # table b-tree leaf
            return int(page)
        assert data[start] == 5, "expected an interior table page"
        first_cell = struct.unpack(">H", data[start + 12 : start + 14])[0]
        page = struct.unpack(">I", data[start + first_cell : start + first_cell + 4])[0]


def corrupt(path: Path, table: str = "monthly_values") -> None:
    """Overwrite a kilobyte in the middle of a leaf page of `table` (a disk's bad sector)."""
    page_size = 4096
    page = first_leaf(path, table)
    data = bytearray(path.read_bytes())
    start = (page - 1) * page_size + page_size // 2 - 512
    data[start : start + 1024] = b"\xff" * 1024
    path.write_bytes(bytes(data))


def with_values(path: Path, count: int) -> Path:
    """An aipdesk file with `count` monthly values (a table of several pages), the first
    NEUSTART / integrations 2021-01 = 1."""
    make_db(path, value=None)
    db = open_database(path)
    with db.write() as session:
        ids = session.execute(
            text(
                "SELECT p.id, m.id FROM projects p, metrics m "
                "WHERE p.code = 'NEUSTART' AND m.code = 'integrations'"
            )
        ).one()
        session.execute(
            text(
                "INSERT INTO monthly_values (project_id, metric_id, year, month, value, note,"
                " version, updated_by, updated_at) VALUES (:p, :m, :y, :mo, :v, NULL, 1,"
                " 'anna', '2024-01-01 08:00:00.000000')"
            ),
            [
                {"p": ids[0], "m": ids[1], "y": 2021 + i // 12, "mo": i % 12 + 1, "v": i + 1}
                for i in range(count)
            ],
        )
    db.close()
    return path


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    return make_db(tmp_path / "aipdesk.sqlite")


@pytest.fixture
def opened(sqlite_file: Path) -> Iterator[Database]:
    db = open_database(sqlite_file)
    yield db
    db.close()


# -- network shares: detection -----------------------------------------------------------

MOUNTINFO = r"""22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
25 22 0:23 / /proc rw,nosuid shared:12 - proc proc rw
40 22 0:35 / /mnt/team rw,relatime shared:20 - nfs4 fileserver:/export/team rw,vers=4.2
41 22 0:36 / /mnt/team\040work rw,relatime shared:21 - cifs //nas/abteilung rw,vers=3.0
42 40 0:37 / /mnt/team/local rw shared:22 - ext4 /dev/sdb1 rw
43 22 0:38 / /home/anna/remote rw,nosuid - fuse.sshfs anna@host:/srv rw,user_id=0
44 22 0:39 / /mnt/ohne-optionen rw - 9p drvfs rw
"""


def test_parse_mountinfo_reads_types_sources_and_escaped_spaces() -> None:
    mounts = parse_mountinfo(MOUNTINFO + "garbage line without separator\n")
    assert [m.mount_point for m in mounts] == [
        "/",
        "/proc",
        "/mnt/team",
        "/mnt/team work",
        "/mnt/team/local",
        "/home/anna/remote",
        "/mnt/ohne-optionen",
    ]
    assert mounts[2].fstype == "nfs4" and mounts[2].source == "fileserver:/export/team"
    assert mounts[5].fstype == "fuse.sshfs"


@pytest.mark.parametrize(
    ("path", "fstype"),
    [
        ("/mnt/team/aipdesk.sqlite", "nfs4"),
        ("/mnt/team/sub/dir/a.sqlite", "nfs4"),
        ("/mnt/team", "nfs4"),
        ("/mnt/teamx/a.sqlite", "ext4"),  # a prefix of the name is not a parent folder
        ("/mnt/team work/a.sqlite", "cifs"),
        ("/mnt/team/local/a.sqlite", "ext4"),  # a local disk mounted inside the share
        ("/home/anna/remote/a.sqlite", "fuse.sshfs"),
        ("/home/anna/a.sqlite", "ext4"),
    ],
)
def test_mount_of_takes_the_longest_mount_point(path: str, fstype: str) -> None:
    mount = mount_of(path, parse_mountinfo(MOUNTINFO))
    assert mount is not None and mount.fstype == fstype


def test_a_later_mount_on_the_same_point_wins() -> None:
    text_ = MOUNTINFO + "50 22 0:40 / /mnt/team rw - ext4 /dev/sdc1 rw\n"
    assert mount_of("/mnt/team/a.sqlite", parse_mountinfo(text_)).fstype == "ext4"  # type: ignore[union-attr]


def test_network_share_on_linux() -> None:
    assert network_share("/mnt/team/a.sqlite", platform="linux", mountinfo=MOUNTINFO) == (
        "nfs4 fileserver:/export/team"
    )
    assert network_share("/mnt/ohne-optionen/a.sqlite", platform="linux", mountinfo=MOUNTINFO)
    assert network_share("/home/anna/a.sqlite", platform="linux", mountinfo=MOUNTINFO) is None
    assert network_share("/x/a.sqlite", platform="linux", mountinfo="") is None


@pytest.mark.parametrize(
    ("path", "unc"),
    [
        (r"\\server\share\aipdesk.sqlite", True),
        ("//server/share/aipdesk.sqlite", True),
        (r"\\server\share", True),
        (r"\\?\UNC\server\share\aipdesk.sqlite", True),
        (r"\\?\C:\Daten\aipdesk.sqlite", False),
        (r"\\.\C:\Daten\aipdesk.sqlite", False),
        (r"C:\Daten\aipdesk.sqlite", False),
        ("Z:/aipdesk.sqlite", False),
        ("/home/anna/aipdesk.sqlite", False),
        ("aipdesk.sqlite", False),
    ],
)
def test_unc_paths(path: str, unc: bool) -> None:
    assert is_unc_path(path) is unc


def test_windows_shares_unc_and_remote_drives() -> None:
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return 4 if root.upper() == "Z:\\" else 3  # DRIVE_REMOTE, DRIVE_FIXED

    assert windows_share(r"\\server\share\a.sqlite", drive_type) == r"\\server\share"
    assert windows_share(r"Z:\Gemeinsam\a.sqlite", drive_type) == "Z:"
    assert windows_share(r"C:\Users\anna\a.sqlite", drive_type) is None
    assert asked == ["Z:\\", "C:\\"]
    assert network_share(r"//srv/aip/a.sqlite", platform="win32", drive_type=drive_type) == (
        r"\\srv\aip"
    )
    assert network_share(r"z:\a.sqlite", platform="win32", drive_type=drive_type) == "z:"

    def broken(root: str) -> int:
        raise OSError("no kernel32 here")

    assert windows_share(r"Z:\a.sqlite", broken) is None  # cannot tell: treated as local


def test_sqlite_uris_for_windows_and_posix_paths() -> None:
    assert sqlite_uri(r"C:\Daten\AIP 2021\a.sqlite", mode="ro") == (
        "file:///C:/Daten/AIP%202021/a.sqlite?mode=ro"
    )
    assert sqlite_uri(r"\\server\share\a.sqlite", immutable="1") == (
        "file:////server/share/a.sqlite?immutable=1"
    )
    assert sqlite_uri(r"\\?\UNC\server\share\a.sqlite") == "file:////server/share/a.sqlite"
    assert sqlite_uri(r"\\?\D:\a.sqlite") == "file:///D:/a.sqlite"
    assert sqlite_uri("/tmp/a?b#c%d.sqlite") == "file:///tmp/a%3Fb%23c%25d.sqlite"


def test_odd_characters_in_a_file_name(tmp_path: Path) -> None:
    path = make_db(tmp_path / "Stand 100% #2?.sqlite")
    db = open_database(path, read_only=True)
    assert get_value(db, "NEUSTART", "integrations", JAN) == (10, None)
    db.close()


def test_the_file_of_an_sqlite_url_comes_from_the_parsed_url() -> None:
    assert url_file(r"sqlite:///C:\Users\anna\aipdesk.sqlite") == r"C:\Users\anna\aipdesk.sqlite"
    assert url_file("sqlite:///C:/Users/anna/aipdesk.sqlite") == "C:/Users/anna/aipdesk.sqlite"
    assert url_file("sqlite:////srv/aipdesk.sqlite") == "/srv/aipdesk.sqlite"
    assert url_file("sqlite://") == ""
    assert url_file("postgresql+psycopg://u:p@host/db") is None


def test_a_url_without_a_file_is_refused() -> None:
    with pytest.raises(DomainError) as info:
        open_database("sqlite://")
    assert info.value.code == "db_unreachable"


# -- network shares: opening ---------------------------------------------------------------


@pytest.fixture
def share(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """`tmp_path/share` looks like an NFS mount to aipdesk."""
    folder = tmp_path / "share"
    folder.mkdir()
    mountinfo = (
        "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
        f"40 22 0:35 / {folder.resolve()} rw - nfs4 fileserver:/export/team rw\n"
    )
    monkeypatch.setattr(shares, "_read_mountinfo", lambda: mountinfo)
    monkeypatch.setattr(sys, "platform", "linux")
    return folder


def test_a_new_database_on_a_share_uses_the_rollback_journal(share: Path) -> None:
    db = open_database(share / "team.sqlite")
    load_catalogue(db, ACTOR)
    log_value(db, ACTOR, "NEUSTART", "integrations", JAN, 5)
    for _ in range(2):
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        db.engine.dispose()
    assert not (share / "team.sqlite-wal").exists()
    (notice,) = db.notices
    assert notice.code == "network_share"
    assert "Netzlaufwerk (nfs4 fileserver:/export/team)" in notice.text("de")
    assert "Rollback-Journal statt WAL" in notice.text("de")
    assert "PostgreSQL" in notice.text("de") and "PostgreSQL" in notice.text("en")
    db.close()
    assert journal_version(share / "team.sqlite") == 1


def test_a_wal_database_moved_onto_a_share_is_switched_to_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    path = make_db(folder / "moved.sqlite")
    # Copied over while its WAL still held a commit (the old machine was switched off).
    writer = open_database(path)
    with writer.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
    log_value(writer, ACTOR, "NEUSTART", "integrations", FEB, 7)
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("moved.sqlite", "moved.sqlite-wal"):
        (copy / name).write_bytes((folder / name).read_bytes())
    writer.close()
    assert journal_version(copy / "moved.sqlite") == 2
    assert (copy / "moved.sqlite-wal").stat().st_size > 0
    mountinfo = f"22 1 8:1 / / rw - ext4 /dev/sda1 rw\n40 22 0:35 / {copy} rw - cifs //nas/x rw\n"
    monkeypatch.setattr(shares, "_read_mountinfo", lambda: mountinfo)
    monkeypatch.setattr(sys, "platform", "linux")
    db = open_database(copy / "moved.sqlite")
    assert [n.code for n in db.notices] == ["network_share"]
    assert get_value(db, "NEUSTART", "integrations", FEB) == (7, None)  # the WAL was folded in
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    db.close()
    assert journal_version(copy / "moved.sqlite") == 1
    assert siblings(copy / "moved.sqlite") == ["moved.sqlite"]


def test_a_wal_database_on_a_share_still_open_elsewhere_is_left_alone(share: Path) -> None:
    path = share / "busy.sqlite"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("CREATE TABLE t (x)")
    other.close()
    path.unlink()
    # Made as an aipdesk file locally, then kept open in WAL mode by "another program".
    local = make_db(share.parent / "local.sqlite")
    path.write_bytes(local.read_bytes())
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM settings").fetchone()
    try:
        with pytest.raises(DomainError) as info:
            open_database(path)
        assert info.value.code == "network_share_in_use"
        assert "anderen Programm" in str(info.value)
    finally:
        holder.close()


# -- read-only -------------------------------------------------------------------------------


def test_forced_read_only_reads_but_never_writes(sqlite_file: Path) -> None:
    before, files = digest(sqlite_file), siblings(sqlite_file)
    db = open_database(sqlite_file, read_only=True)
    assert db.read_only and "read_only=True" in repr(db)
    assert get_value(db, "NEUSTART", "integrations", JAN) == (10, None)
    assert [c.action for c in history(db)][-1] == "insert"
    with pytest.raises(DomainError) as info:
        log_value(db, ACTOR, "NEUSTART", "integrations", JAN, 11)
    assert info.value.code == "read_only"
    assert str(info.value) == (
        f"Die Datenbank {sqlite_file} ist schreibgeschützt: Änderungen sind nicht möglich"
    )
    with pytest.raises(DomainError), db.write():
        pass
    assert daily_backup(db) is None and start_of_day(db) is None
    with db.engine.connect() as conn, pytest.raises(DBAPIError):  # not even behind write()
        conn.exec_driver_sql("DELETE FROM settings")
    db.close()
    assert digest(sqlite_file) == before and siblings(sqlite_file) == files


def _deny_writing(monkeypatch: pytest.MonkeyPatch, *denied: Path) -> None:
    real_access = os.access
    denied_names = {str(p) for p in denied}

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if mode & os.W_OK and str(path) in denied_names:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_a_file_without_write_permission_opens_read_only(
    sqlite_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _deny_writing(monkeypatch, sqlite_file)
    before = digest(sqlite_file)
    db = open_database(sqlite_file)
    assert db.read_only
    with pytest.raises(DomainError, match="schreibgeschützt"):
        log_value(db, ACTOR, "NEUSTART", "integrations", JAN, 11)
    db.close()
    assert digest(sqlite_file) == before


@pytest.mark.skipif(os.name == "nt", reason="folder permissions are not POSIX on Windows")
def test_a_folder_without_write_permission_opens_read_only(
    sqlite_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal (or -wal and -shm) could not be created beside the file."""
    _deny_writing(monkeypatch, sqlite_file.parent)
    db = open_database(sqlite_file)
    assert db.read_only
    db.close()
    assert siblings(sqlite_file) == ["aipdesk.sqlite"]


@pytest.mark.skipif(IS_ROOT or os.name == "nt", reason="root may write any file")
def test_a_real_read_only_file(sqlite_file: Path) -> None:
    sqlite_file.chmod(0o444)
    sqlite_file.parent.chmod(0o555)
    try:
        before = digest(sqlite_file)
        db = open_database(sqlite_file)
        assert db.read_only
        assert get_value(db, "NEUSTART", "integrations", JAN) == (10, None)
        with pytest.raises(DomainError, match="schreibgeschützt"):
            log_value(db, ACTOR, "NEUSTART", "integrations", JAN, 11)
        db.close()
        assert digest(sqlite_file) == before
        assert siblings(sqlite_file) == ["aipdesk.sqlite"]
    finally:
        sqlite_file.parent.chmod(0o755)
        sqlite_file.chmod(0o644)


def test_read_only_sees_what_a_writer_commits_meanwhile(sqlite_file: Path) -> None:
    owner = open_database(sqlite_file)
    log_value(owner, ACTOR, "NEUSTART", "integrations", FEB, 3)  # the WAL now holds it
    reader = open_database(sqlite_file, read_only=True)
    assert get_value(reader, "NEUSTART", "integrations", FEB) == (3, None)
    log_value(owner, ACTOR, "NEUSTART", "integrations", FEB, 4)
    assert get_value(reader, "NEUSTART", "integrations", FEB) == (4, None)
    reader.close()
    owner.close()


def test_an_outdated_read_only_file_is_refused_not_migrated(tmp_path: Path) -> None:
    path = _old_schema_file(tmp_path / "alt.sqlite")
    before = digest(path)
    with pytest.raises(DomainError) as info:
        open_database(path, read_only=True)
    assert info.value.code == "read_only_outdated"
    assert "Schema 0001" in str(info.value) and "nicht verändert" in str(info.value)
    assert digest(path) == before
    assert not backup_dir().exists() or not list(backup_dir().iterdir())


def test_a_missing_file_is_not_created_read_only(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as info:
        open_database(tmp_path / "neu.sqlite", read_only=True)
    assert info.value.code == "db_missing"
    assert not (tmp_path / "neu.sqlite").exists()


def _old_schema_file(path: Path) -> Path:
    from aipdesk.store.engine import make_engine
    from aipdesk.store.schema import upgrade

    old = Database("sqlite:///" + str(path), make_engine("sqlite:///" + str(path)))
    upgrade(old, "0001")
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO projects (code, name, description, active, position) "
                "VALUES ('ALT', 'Altes Projekt', '', 1, 1)"
            )
        )
    old.close()
    return path


# -- damage ----------------------------------------------------------------------------------


def test_a_damaged_file_is_refused_untouched_and_the_newest_backup_offered(
    tmp_path: Path,
) -> None:
    path = with_values(tmp_path / "kaputt.sqlite", 300)
    db = open_database(path)
    taken = daily_backup(db)
    db.close()
    assert taken is not None
    corrupt(path)
    before, files = digest(path), siblings(path)
    with pytest.raises(DomainError) as info:
        open_database(path)
    error = info.value
    assert error.code == "db_damaged"
    assert error.params["backup"] == str(taken)
    german = error.text("de")
    assert german.startswith(f"Die Datenbank {path} ist beschädigt (")
    assert "die Datei wurde nicht verändert" in german
    assert f'aipdesk restore "{taken}"' in german
    assert f'aipdesk restore "{taken}"' in error.text("en")
    assert digest(path) == before and siblings(path) == files  # no -wal, no -shm
    assert newest_backup(path) == taken


def test_a_damaged_file_without_backup_says_so(tmp_path: Path) -> None:
    path = with_values(tmp_path / "kaputt.sqlite", 300)
    corrupt(path)
    with pytest.raises(DomainError) as info:
        open_database(path, read_only=True)
    assert info.value.code == "db_damaged" and info.value.params["backup"] is None
    assert "keine Sicherung" in str(info.value)


def test_large_files_are_checked_once_a_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = with_values(tmp_path / "gross.sqlite", 300)
    monkeypatch.setattr(checks, "QUICK_CHECK_ALWAYS_BYTES", 1024)
    calls: list[int] = []
    real = checks.quick_check

    def counting(conn: sqlite3.Connection) -> list[str]:
        calls.append(1)
        return real(conn)

    monkeypatch.setattr(checks, "quick_check", counting)
    open_database(path).close()
    open_database(path).close()
    assert len(calls) == 1  # the second open of the day trusts the first
    monkeypatch.setattr(checks, "QUICK_CHECK_ALWAYS_BYTES", 10**9)
    open_database(path).close()
    assert len(calls) == 2  # small files: every open


def test_newest_backup_passes_over_other_databases_and_broken_copies(tmp_path: Path) -> None:
    ours = make_db(tmp_path / "a" / "aipdesk.sqlite")
    theirs = make_db(tmp_path / "b" / "aipdesk.sqlite")  # same name, other folder
    folder = backup_dir()
    db = open_database(ours)
    good = backup(db, folder / "aipdesk-taeglich-20240101-080000.sqlite")
    db.close()
    db = open_database(theirs)
    backup(db, folder / "aipdesk-taeglich-20240102-080000.sqlite")
    db.close()
    (folder / "aipdesk-vor-migration-20240103-080000.sqlite").write_bytes(b"not a database")
    assert newest_backup(ours) == good
    assert newest_backup(ours, verify=False) == folder / (
        "aipdesk-vor-migration-20240103-080000.sqlite"
    )
    assert newest_backup(tmp_path / "c" / "nie.sqlite") is None


# -- backups ---------------------------------------------------------------------------------


def test_daily_backup_once_per_day_and_database(tmp_path: Path) -> None:
    first = make_db(tmp_path / "eins" / "aipdesk.sqlite")
    second = make_db(tmp_path / "zwei" / "aipdesk.sqlite", value=20)
    db = open_database(first)
    taken = start_of_day(db)
    assert taken is not None and taken.parent == backup_dir()
    assert taken.name.startswith(f"aipdesk-taeglich-{datetime.now():%Y%m%d}-")
    assert start_of_day(db) is None  # once a day
    assert backup_origin(taken) == str(first.resolve())
    with sqlite3.connect(taken) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("SELECT value FROM monthly_values").fetchall() == [(10,)]
    conn.close()
    db.close()
    other = open_database(second)
    assert start_of_day(other) is not None  # the same name in another folder is another file
    other.close()
    assert len(list(backup_dir().glob("aipdesk-taeglich-*.sqlite"))) == 2
    assert not list(backup_dir().glob(".*"))  # no half-written leftovers


def test_no_daily_backup_of_a_new_database(tmp_path: Path) -> None:
    db = open_database(tmp_path / "neu.sqlite")
    assert db.created and start_of_day(db) is None
    db.close()
    db = open_database(tmp_path / "neu.sqlite")
    assert not db.created and start_of_day(db) is not None
    db.close()


def test_a_failing_daily_backup_is_a_notice_not_an_error(
    opened: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "kein-ordner"
    blocker.write_text("a file where the backup folder should be")
    monkeypatch.setattr(backups, "backup_dir", lambda: blocker)
    assert start_of_day(opened) is None
    (notice,) = opened.notices
    assert notice.code == "daily_backup_failed"
    assert "tägliche Sicherung" in notice.text("de")
    log_value(opened, ACTOR, "NEUSTART", "integrations", FEB, 1)  # the work goes on


def test_rotation_keeps_fourteen_per_database_and_kind(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2024, 1, 1, 8, 0, 0)

    def make(stem: str, kind: str, days: int) -> list[str]:
        names = []
        for day in range(days):
            name = f"{stem}-{kind}-{start + timedelta(days=day):%Y%m%d-%H%M%S}.sqlite"
            (folder / name).write_bytes(b"")
            names.append(name)
        return names

    daily = make("aipdesk", "taeglich", 20)
    migration = make("aipdesk", "vor-migration", 16)
    other = make("labor", "taeglich", 3)
    manual = make("aipdesk", "backup", 20)
    similar = make("aipdesk-alt", "taeglich", 15)  # another database whose name starts alike
    removed = rotate(folder, stem="aipdesk")
    assert sorted(p.name for p in removed) == sorted(daily[:6] + migration[:2])
    left = {p.name for p in folder.iterdir()}
    assert set(daily[6:] + migration[2:] + other + manual + similar) == left
    assert len(daily[6:]) == KEEP_BACKUPS
    assert sorted(p.name for p in rotate(folder)) == [similar[0]]  # all names, each its own


def test_rotation_removes_copies_a_killed_backup_left_behind(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    old = folder / ".aipdesk-taeglich-20240101-080000-abc123.partial"
    fresh = folder / ".aipdesk-taeglich-20240102-080000-def456.partial"
    for path in (old, fresh):
        path.write_bytes(b"half")
    an_hour_ago = datetime.now().timestamp() - 3700
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert rotate(folder, stem="aipdesk") == [old]
    assert fresh.exists()  # perhaps still being written


def test_backup_before_migration_is_rotated_per_database(tmp_path: Path) -> None:
    folder = backup_dir()
    folder.mkdir(parents=True)
    for day in range(1, 16):
        (folder / f"fremd-vor-migration-202401{day:02d}-080000.sqlite").write_bytes(b"")
    path = _old_schema_file(tmp_path / "alt.sqlite")
    open_database(path).close()
    assert len(list(folder.glob("fremd-*"))) == 15  # another database's backups stay
    (taken,) = folder.glob("alt-vor-migration-*.sqlite")
    assert backup_origin(taken) == str(path)


# -- restore ---------------------------------------------------------------------------------


def test_restore_replaces_the_content_and_keeps_the_previous_state(
    sqlite_file: Path,
) -> None:
    db = open_database(sqlite_file)
    saved = backup(db)
    log_value(db, ACTOR, "NEUSTART", "integrations", JAN, 99)
    log_value(db, ACTOR, "NEUSTART", "integrations", FEB, 5)
    db.close()
    result = restore(sqlite_file, saved, Actor("berta", "cli"))
    assert result.target == sqlite_file and result.restored_from == saved
    assert result.revision == SCHEMA_HEAD
    assert result.backup_of_current is not None
    assert result.backup_of_current.name.startswith("aipdesk-vor-wiederherstellung-")
    restored = open_database(sqlite_file)
    assert get_value(restored, "NEUSTART", "integrations", JAN) == (10, None)
    assert get_value(restored, "NEUSTART", "integrations", FEB) is None
    last = history(restored)[-1]
    assert (last.entity, last.action, last.user, last.source) == (
        "database",
        "restore",
        "berta",
        "cli",
    )
    assert last.new == {
        "from": saved.name,
        "backup_of_previous": result.backup_of_current.name,
    }
    with restored.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        marker = conn.exec_driver_sql(
            "SELECT count(*) FROM settings WHERE key = 'backup:source'"
        ).scalar()
        assert marker == 0
    restored.close()
    previous = open_database(result.backup_of_current, read_only=True)
    assert get_value(previous, "NEUSTART", "integrations", JAN) == (99, None)
    assert get_value(previous, "NEUSTART", "integrations", FEB) == (5, None)
    previous.close()


def test_restore_while_another_connection_reads_the_database(sqlite_file: Path) -> None:
    db = open_database(sqlite_file)
    saved = backup(db)
    log_value(db, ACTOR, "NEUSTART", "integrations", JAN, 99)  # still in the WAL
    watcher = open_database(sqlite_file)
    assert get_value(watcher, "NEUSTART", "integrations", JAN) == (99, None)
    db.close()
    restore(sqlite_file, saved, ACTOR)
    assert get_value(watcher, "NEUSTART", "integrations", JAN) == (10, None)
    watcher.close()
    reopened = open_database(sqlite_file)
    assert get_value(reopened, "NEUSTART", "integrations", JAN) == (10, None)
    reopened.close()


def test_restore_into_a_new_location(sqlite_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "neu" / "aipdesk.sqlite"
    result = restore(target, sqlite_file, ACTOR)
    assert result.backup_of_current is None
    db = open_database(target)
    assert get_value(db, "NEUSTART", "integrations", JAN) == (10, None)
    assert history(db)[-1].new == {"from": "aipdesk.sqlite"}
    db.close()
    if os.name != "nt":
        assert oct(target.stat().st_mode & 0o777) == oct(0o600)


def test_restore_over_a_damaged_database(tmp_path: Path) -> None:
    path = with_values(tmp_path / "aipdesk.sqlite", 300)
    db = open_database(path)
    saved = backup(db)
    db.close()
    corrupt(path)
    damaged = path.read_bytes()
    result = restore(path, saved, ACTOR)
    assert result.backup_of_current is not None
    assert result.backup_of_current.read_bytes() == damaged  # byte for byte
    assert siblings(path) == ["aipdesk.sqlite"]
    db = open_database(path)
    assert get_value(db, "NEUSTART", "integrations", JAN) == (1, None)
    db.close()


def test_restore_of_an_older_schema_is_migrated_on_the_next_open(
    sqlite_file: Path, tmp_path: Path
) -> None:
    old = _old_schema_file(tmp_path / "alt.sqlite")
    result = restore(sqlite_file, old, ACTOR)
    assert result.revision == "0001"
    db = open_database(sqlite_file)
    assert db.revision() == SCHEMA_HEAD
    assert history(db)[-1].action == "restore"
    db.close()
    assert list(backup_dir().glob("aipdesk-vor-migration-*.sqlite"))


def _newer_schema_file(path: Path) -> Path:
    make_db(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    return path


@pytest.mark.parametrize(
    "kind", ["missing", "text", "foreign", "empty", "newer", "damaged", "itself"]
)
def test_a_refused_restore_changes_nothing(sqlite_file: Path, tmp_path: Path, kind: str) -> None:
    source = tmp_path / "quelle.sqlite"
    if kind == "text":
        source.write_text("Projekt;Wert\n")
    elif kind == "foreign":
        conn = sqlite3.connect(source)
        conn.execute("CREATE TABLE kunden (name TEXT)")
        conn.close()
    elif kind == "empty":
        source.write_bytes(b"")
    elif kind == "newer":
        _newer_schema_file(source)
    elif kind == "damaged":
        with_values(source, 300)
        corrupt(source)
    elif kind == "itself":
        source = sqlite_file
    before, files = digest(sqlite_file), siblings(sqlite_file)
    with pytest.raises(DomainError) as info:
        restore(sqlite_file, source, ACTOR)
    assert info.value.code == "restore_refused"
    assert f"Die Datenbank {sqlite_file} wurde nicht verändert" in str(info.value)
    assert "was left unchanged" in info.value.text("en")
    assert digest(sqlite_file) == before and siblings(sqlite_file) == files
    assert not backup_dir().exists() or not list(backup_dir().iterdir())


def test_restore_onto_a_read_only_or_foreign_database_is_refused(
    sqlite_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = make_db(tmp_path / "saved.sqlite")
    foreign = tmp_path / "kunden.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE kunden (name TEXT)")
    conn.close()
    with pytest.raises(DomainError) as info:
        restore(foreign, saved, ACTOR)
    assert info.value.code == "restore_refused" and "fremde Tabellen" in str(info.value)
    _deny_writing(monkeypatch, sqlite_file)
    before = digest(sqlite_file)
    with pytest.raises(DomainError) as info:
        restore(sqlite_file, saved, ACTOR)
    assert info.value.params["cause"] == "read_only"
    assert "schreibgeschützt" in str(info.value)
    assert digest(sqlite_file) == before


def test_restore_of_a_server_database_is_refused(tmp_path: Path) -> None:
    saved = make_db(tmp_path / "saved.sqlite")
    with pytest.raises(DomainError) as info:
        restore("postgresql+psycopg://aip:geheim@db.example/aip", saved, ACTOR)
    assert info.value.code == "restore_refused" and "geheim" not in str(info.value)


# -- the append-only change log ------------------------------------------------------------


def test_the_change_log_refuses_update_and_delete(db: Database, actor: Actor) -> None:
    log_value(db, actor, "NEUSTART", "integrations", JAN, 4)
    before = snapshot(db)
    statements: list[Executable] = [
        update(ChangeRow).values(user="mallory"),
        delete(ChangeRow),
        text("UPDATE change_log SET new = NULL"),
        text("DELETE FROM change_log WHERE id = 1"),
    ]
    for statement in statements:
        with pytest.raises(DBAPIError, match="append-only"), db.write() as session:
            session.execute(statement)
    if db.engine.dialect.name == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), db.write() as session:
            session.execute(text("TRUNCATE change_log"))
    assert snapshot(db) == before
    log_value(db, actor, "NEUSTART", "integrations", JAN, 5)  # inserting goes on
    assert len(snapshot(db)["change_log"]) == len(before["change_log"]) + 1


def test_downgrade_drops_the_triggers_and_upgrade_brings_them_back(opened: Database) -> None:
    from alembic import command

    from aipdesk.store.schema import alembic_config, upgrade

    config = alembic_config()
    with opened.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    with opened.engine.begin() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
        assert names == []
        conn.exec_driver_sql("UPDATE change_log SET user = user")
    upgrade(opened)
    with opened.engine.begin() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
    assert names == [("change_log_no_delete",), ("change_log_no_update",)]


# -- URLs never show a password ----------------------------------------------------------


def test_urls_in_messages_hide_the_password() -> None:
    url = "postgresql+psycopg://aip:s3cret@127.0.0.1:1/aipdesk?connect_timeout=2"
    assert "s3cret" not in display_url(url) and "***" in display_url(url)
    assert display_url("sqlite:////srv/a.sqlite") == "/srv/a.sqlite"
    with pytest.raises(DomainError) as info:
        open_database(url)
    assert info.value.code == "db_unreachable"
    assert "s3cret" not in info.value.text("de") and "s3cret" not in info.value.text("en")
