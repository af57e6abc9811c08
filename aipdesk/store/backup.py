"""Backups of SQLite databases (restoring one: aipdesk.store.restore).

A backup is a consistent copy made with SQLite's online backup API (also while
the database is in use), in journal mode DELETE so that it travels as one file.
Backups live in the user data folder (``backup_dir()``) and are named
``<stem>-<kind>-YYYYMMDD-HHMMSS.sqlite``; every backup records the file it was
taken of in its ``settings`` (key ``backup:source``), so that two databases of
the same name in different folders are told apart.

Kinds: ``taeglich`` (the first start of a day), ``vor-migration`` (before a
schema upgrade), ``vor-wiederherstellung`` (before a restore) — automatic, the
newest ``KEEP_BACKUPS`` of each kind per database name are kept — and
``backup`` (``aipdesk backup``, kept until the user deletes it).
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import sqlite3
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from aipdesk.domain.errors import Code, DomainError
from aipdesk.outputs import check_output
from aipdesk.private import private_dir
from aipdesk.store.locations import read_only_uri, sqlite_uri

if TYPE_CHECKING:
    from aipdesk.store.database import Database

KEEP_BACKUPS = 14
# A backup's stamp further ahead of the clock than this was taken while the clock was
# wrong (an hour covers the change from summer to winter time).
CLOCK_AHEAD = timedelta(hours=1)
DAILY, BEFORE_MIGRATION, BEFORE_RESTORE, MANUAL = (
    "taeglich",
    "vor-migration",
    "vor-wiederherstellung",
    "backup",
)
AUTOMATIC_KINDS = (DAILY, BEFORE_MIGRATION, BEFORE_RESTORE)
KINDS = (*AUTOMATIC_KINDS, MANUAL)
SOURCE_KEY = "backup:source"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>taeglich|vor-migration|vor-wiederherstellung|backup)"
    r"-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite$"
)


def backup_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("aipdesk", appauthor=False)) / "backups"


def default_backup_name(db_path: Path, reason: str = MANUAL, now: datetime | None = None) -> str:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{db_path.stem}-{reason}-{stamp}.sqlite"


def free_name(target: Path) -> Path:
    """`target`, or `target` with -1, -2, … if a backup of that second exists already."""
    candidate, number = target, 0
    while candidate.exists():
        number += 1
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
    return candidate


def backup_sqlite(source: Path, target: Path, *, origin: Path | None = None) -> Path:
    """Copy `source` to `target` page by page; a consistent snapshot even during writes."""
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        return backup_from(src, target, origin or source)
    finally:
        src.close()


def backup_from(src: sqlite3.Connection, target: Path, origin: Path) -> Path:
    """Copy the database of connection `src` to `target` (marked as a backup of `origin`).

    The copy is written under a temporary name and renamed when complete, so an
    interrupted backup never leaves a half file under a backup's name.
    """
    if target.exists():
        raise FileExistsError(target)
    private_dir(target.parent)
    fd, partial_name = tempfile.mkstemp(
        prefix=f".{target.stem}-", suffix=".partial", dir=target.parent
    )
    os.close(fd)
    partial = Path(partial_name)
    try:
        dst = sqlite3.connect(partial, isolation_level=None)
        try:
            src.backup(dst)
            # A backup is a single file: take it out of WAL mode so it travels alone.
            dst.execute("PRAGMA journal_mode=DELETE")
            _mark_origin(dst, origin)
        finally:
            dst.close()
        partial.chmod(0o600)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def _mark_origin(conn: sqlite3.Connection, origin: Path) -> None:
    with contextlib.suppress(sqlite3.Error):  # not an aipdesk database: no marker, no harm
        conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            (SOURCE_KEY, str(origin)),
        )


def backup_origin(path: Path) -> str | None:
    """The database file a backup was taken of (None: unknown, e.g. an older backup)."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, immutable="1"), uri=True)
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (SOURCE_KEY,)).fetchone()
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    finally:
        conn.close()
    return str(row[0]) if row else None


def backup(db: Database, target: Path | None = None, reason: str = MANUAL) -> Path:
    if not db.is_sqlite or db.path is None:
        raise DomainError(
            Code.db_unreachable,
            path=db.where,
            reason=(
                "Sicherungen von Server-Datenbanken macht deren Administration (pg_dump)",
                "server databases are backed up by their administrators (pg_dump)",
            ),
        )
    if target is None:
        target = free_name(backup_dir() / default_backup_name(db.path, reason))
    else:  # never over a file, the database, a journal SQLite would apply or delete
        target = check_output(target, db.path, new_only=True)
    return backup_sqlite(db.path, target)


def backup_before_migration(db: Database) -> Path:
    path = backup(db, reason=BEFORE_MIGRATION)
    if db.path is not None:
        rotate(backup_dir(), stem=db.path.stem)
    return path


def _parse(path: Path) -> tuple[str, str, str, int] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    return match["stem"], match["kind"], match["stamp"], int(match["n"] or 0)


def _age_rank(stamp: str, number: int, now: datetime) -> tuple[bool, str, int]:
    """Sort key of a backup, newest last: its stamp, but a stamp in the future (taken
    while the clock ran ahead) says nothing about its age: it ranks below every other.
    Otherwise each new backup would be rotated away at once, and the stale copy from
    the future offered after damage."""
    try:
        taken = datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        return (False, stamp, number)
    return (taken <= now + CLOCK_AHEAD, stamp, number)


def backups_of(db_path: Path, folder: Path | None = None) -> list[Path]:
    """The backups of databases named like `db_path` (all kinds), newest first (those
    dated in the future last)."""
    folder = folder or backup_dir()
    now = datetime.now()
    found = []
    for path in folder.glob(glob.escape(db_path.stem) + "-*.sqlite"):
        parsed = _parse(path)
        if parsed is not None and parsed[0] == db_path.stem:
            found.append((_age_rank(parsed[2], parsed[3], now), path))
    found.sort(reverse=True)
    return [path for _, path in found]


def daily_backup(db: Database, now: datetime | None = None) -> Path | None:
    """Back up `db` unless it was backed up today already; rotate. None: nothing to do.

    Cheap when today's backup exists (a directory glob and one small read). Not for
    server databases (their administrators back them up), read-only files (nothing
    changes) or a database just created (nothing to keep yet).
    """
    if not db.is_sqlite or db.path is None or db.read_only or db.created:
        return None
    now = now or datetime.now()
    folder = backup_dir()
    origin = str(db.path)
    today = f"{glob.escape(db.path.stem)}-{DAILY}-{now:%Y%m%d}-*.sqlite"
    for candidate in folder.glob(today):
        parsed = _parse(candidate)
        if parsed and parsed[0] == db.path.stem and backup_origin(candidate) == origin:
            return None
    # A damaged file is not backed up: its copy would push a sound backup out of the
    # fourteen kept (db_damaged, which the caller reports).
    db.verify()
    target = free_name(folder / default_backup_name(db.path, DAILY, now))
    path = backup_sqlite(db.path, target)
    rotate(folder, stem=db.path.stem)
    return path


def rotate(folder: Path, keep: int = KEEP_BACKUPS, *, stem: str | None = None) -> list[Path]:
    """Keep the newest `keep` automatic backups of each kind per database name (only of
    `stem`, if given); delete the rest and return them. Manual backups stay."""
    groups: dict[tuple[str, str], list[tuple[tuple[bool, str, int], Path]]] = {}
    pattern = f"{glob.escape(stem)}-*.sqlite" if stem else "*.sqlite"
    now = datetime.now()
    for path in folder.glob(pattern):
        parsed = _parse(path)
        if parsed is None or parsed[1] not in AUTOMATIC_KINDS:
            continue
        if stem is not None and parsed[0] != stem:
            continue
        rank = _age_rank(parsed[2], parsed[3], now)
        groups.setdefault((parsed[0], parsed[1]), []).append((rank, path))
    removed = []
    for entries in groups.values():
        entries.sort(reverse=True)
        for _, path in entries[keep:]:
            path.unlink(missing_ok=True)
            removed.append(path)
    # Copies a killed process left half-written (an hour is far beyond any backup's time).
    stale = datetime.now().timestamp() - 3600
    for path in folder.glob(f".{glob.escape(stem)}-*.partial" if stem else ".*.partial"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < stale:
                path.unlink()
                removed.append(path)
    return removed
