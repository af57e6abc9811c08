"""Restoring a backup (or any aipdesk database) in place of an SQLite database.

The current state is backed up first, and a cell's versions never repeat across the
restore (see `restore_backup`).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import URL
from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.private import open_private, private_dir
from aipdesk.store.backup import (
    BEFORE_RESTORE,
    SOURCE_KEY,
    backup_dir,
    backup_from,
    default_backup_name,
    free_name,
    rotate,
)
from aipdesk.store.changelog import record
from aipdesk.store.checks import inspect_sqlite_file, quick_check
from aipdesk.store.engine import make_engine
from aipdesk.store.locations import (
    BUSY_TIMEOUT_MS,
    can_write,
    display_url,
    read_only_uri,
    sqlite_path,
)

# Settings key: every version a cell can have had lies at or below it plus its change-log
# entries (raised by a restore; aipdesk.services.versions).
VERSION_FLOOR = "version_floor"


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the database now holds `restored_from`'s content; its previous
    state is in `backup_of_current` (None: there was no previous database)."""

    target: Path
    restored_from: Path
    backup_of_current: Path | None
    revision: str  # schema of the restored content (an older one is migrated on next open)
    # The copy of the previous state passed the checks a restore of it needs (a damaged
    # database is kept byte for byte, unchecked: it cannot be restored again).
    verified: bool = False
    # What every version of the restored content was lifted by (`_lift_versions`).
    lift: int = 0


def _refused(source: Path | str, target: Path | str, de: str, en: str) -> DomainError:
    return DomainError(Code.restore_refused, source=str(source), path=str(target), reason=(de, en))


def _refused_by(source: Path, target: Path, error: DomainError) -> DomainError:
    refused = _refused(source, target, error.text("de"), error.text("en"))
    refused.params["cause"] = error.code
    return refused


def _check_writable(target: Path, source: Path) -> None:
    writable = (
        can_write(target)
        if target.exists()
        else os.access(_existing_folder(target), os.W_OK | os.X_OK)
    )
    if not writable:
        raise _refused_by(source, target, DomainError(Code.read_only, path=str(target)))


def _target_state(target: Path, source: Path) -> str:
    """'new', 'sound' or 'damaged' (restorable over); refuses anything else."""
    if not target.exists() or target.stat().st_size == 0:
        return "new"
    try:
        if inspect_sqlite_file(target, writable=True, check=True) is None:
            return "new"
    except DomainError as error:
        if error.code == "db_damaged" or error.params.get("unreadable"):
            return "damaged"
        raise _refused_by(source, target, error) from None
    return "sound"


def _existing_folder(path: Path) -> Path:
    folder = path.parent
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def _check_source(source: Path, target: Path) -> str:
    if not source.is_file():
        raise _refused(source, target, "die Datei gibt es nicht", "there is no such file")
    if target.exists() and os.path.samefile(source, target):
        raise _refused(
            source, target, "das ist die Datenbank selbst", "this is the database itself"
        )
    try:
        revision = inspect_sqlite_file(source, writable=False, check=True)
    except DomainError as error:
        raise _refused_by(source, target, error) from None
    if revision is None:
        raise _refused(
            source, target, "sie ist leer, keine aipdesk-Datenbank", "it is empty, no database"
        )
    return revision


def _stage(source: Path, staging: Path, entry: dict[str, str], user: str, via: str) -> None:
    """`source` copied to `staging` (journal DELETE), its backup marker dropped, the restore
    recorded in its change log, and the result quick-checked."""
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(staging, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.execute("DELETE FROM settings WHERE key = ?", (SOURCE_KEY,))
        finally:
            dst.close()
    finally:
        src.close()
    engine = make_engine(URL.create("sqlite", database=str(staging)), journal_mode="DELETE")
    try:
        with Session(engine) as session, session.begin():
            record(
                session,
                user=user,
                source=via,
                action="restore",
                entity="database",
                new=entry,
            )
    finally:
        engine.dispose()
    conn = sqlite3.connect(staging)
    try:
        findings = quick_check(conn)
    finally:
        conn.close()
    if findings:
        raise RuntimeError(f"restored copy fails quick_check: {findings[0][1]}")


def _version_bound(conn: sqlite3.Connection) -> int:
    """Above every version the database of `conn` has ever given a value or a target: a
    cell's version grows by one per change-log entry of it, from the floor up."""
    floor = conn.execute("SELECT value FROM settings WHERE key = ?", (VERSION_FLOOR,)).fetchone()
    entries = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    top = conn.execute(
        "SELECT max(coalesce((SELECT max(version) FROM monthly_values), 0), "
        "coalesce((SELECT max(version) FROM targets), 0))"
    ).fetchone()[0]
    return int(floor[0] if floor else 0) + int(entries) + int(top or 0)


def _damaged_version_bound(target: Path) -> int:
    """`_version_bound` of a damaged file, if it can still be read; else a bound no count
    of changes reaches (the seconds since 1970)."""
    try:
        conn = sqlite3.connect(read_only_uri(target), uri=True)
        try:
            return _version_bound(conn)
        finally:
            conn.close()
    except (sqlite3.Error, ValueError, TypeError):
        return int(time.time())


def _lift_versions(staging: Path, bound: int) -> None:
    """Versions never repeat for a cell, also across a restore: every version of the
    restored content is lifted above `bound` (every version the replaced database gave),
    and the floor for new cells with it. An editor still holding a version read before
    the restore then finds every cell changed, never a colleague's newer value unseen."""
    if bound <= 0:
        return
    conn = sqlite3.connect(staging, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        own = _version_bound(conn)
        conn.execute("UPDATE monthly_values SET version = version + ?", (bound,))
        conn.execute("UPDATE targets SET version = version + ?", (bound,))
        conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            (VERSION_FLOOR, str(bound + own)),
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def _raw_copy(target: Path, copy: Path) -> Path:
    """A byte copy of a damaged database (and its WAL): the backup API may not read it."""
    private_dir(copy.parent)
    wal = target.with_name(target.name + "-wal")
    pairs = [(target, copy), (wal, copy.with_name(copy.name + "-wal"))]
    for source, duplicate in pairs:
        if source is wal and not wal.exists():
            break
        with source.open("rb") as src, os.fdopen(open_private(duplicate), "wb") as dst:
            shutil.copyfileobj(src, dst)
    return copy


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _replace_file(staging: Path, target: Path) -> None:
    """Put `staging` in place of `target` (which no connection may have open): the
    old file's -wal, -shm and -journal go first, so none is applied to the new file."""
    _fsync(staging)
    for suffix in ("-wal", "-shm", "-journal"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    os.replace(staging, target)
    if os.name != "nt":
        _fsync(target.parent)


def _data_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


_COUNTED = ("monthly_values", "targets", "change_log", "projects", "metrics")


def _counts(conn: sqlite3.Connection) -> tuple[int, ...]:
    return tuple(int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in _COUNTED)


def _verify_copy(live: sqlite3.Connection, copy: Path) -> None:
    """The backup of the state a restore replaces is what undoes the restore: it must be
    sound (quick_check) and complete (as many rows in every table of the data as the
    live database, which nobody has written to since the copy was taken)."""
    conn = sqlite3.connect(read_only_uri(copy), uri=True)
    try:
        findings = quick_check(conn)
        if findings or _counts(conn) != _counts(live):
            detail = findings[0][1] if findings else "row counts differ"
            raise RuntimeError(f"backup of the replaced state is incomplete: {detail}")
    finally:
        conn.close()


def _back_up_and_copy_into(staging: Path, target: Path, previous: Path, source: Path) -> int:
    """Back up the live database `target` to `previous`, then replace its content by
    that of `staging` in one write transaction of SQLite's backup API: atomic, through
    the target's own WAL or journal, so other connections see the old or the new
    content, never a mix. A commit by anybody else in between (``data_version``)
    stops the restore before it writes, so the backup misses nothing."""
    dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        before = _data_version(dst)
        bound = _version_bound(dst)
        _lift_versions(staging, bound)
        backup_from(dst, previous, target)
        size = dst.execute("PRAGMA page_size").fetchone()[0]
        src = sqlite3.connect(staging, isolation_level=None)
        try:
            if src.execute("PRAGMA page_size").fetchone()[0] != size:
                # A WAL target takes only pages of its own size: rebuild the copy.
                src.execute(f"PRAGMA page_size={int(size)}")
                src.execute("VACUUM")
            if _data_version(dst) != before:
                raise _refused(
                    source,
                    target,
                    "die Datenbank wurde währenddessen geändert; bitte erneut versuchen",
                    "the database was changed meanwhile; please try again",
                )
            try:
                _verify_copy(dst, previous)
            except BaseException:
                previous.unlink(missing_ok=True)
                raise
            src.backup(dst)  # pages=-1: one step, one transaction
        finally:
            src.close()
        findings = dst.execute("PRAGMA quick_check(1)").fetchone()
        if findings is None or findings[0] != "ok":
            raise RuntimeError(f"restored database fails quick_check: {findings}")
    finally:
        dst.close()
    return max(bound, 0)


def restore_backup(
    location: str | os.PathLike[str],
    source: str | os.PathLike[str],
    *,
    user: str = "unbekannt",
    via: str = "cli",
) -> RestoreResult:
    """Replace the database at `location` by the backup (or any aipdesk database) `source`.

    The caller must have closed its own `Database` on `location` (and reopens it
    afterwards: an older schema is then migrated, with the usual backup first).

    Refused, with nothing changed (``restore_refused``): a server database, a
    source that is missing, empty, not an aipdesk database, of a newer schema or
    damaged, the database itself, a read-only target, a target that is not an
    aipdesk database. Otherwise the current state is backed up first
    (``vor-wiederherstellung``; a sound one checked sound and complete before anything is
    replaced, so that restoring it undoes the restore; a damaged file byte for byte),
    and the restore
    is recorded in the change log of the restored database (entity "database",
    action "restore", new = {"from": …, "backup_of_previous": …}).
    """
    target = sqlite_path(location)
    source_path = Path(os.fspath(source)).expanduser().resolve()
    if target is None:
        raise _refused(
            source_path,
            display_url(os.fspath(location)),
            "Server-Datenbanken stellt deren Administration wieder her (pg_restore)",
            "server databases are restored by their administrators (pg_restore)",
        )
    _check_writable(target, source_path)
    revision = _check_source(source_path, target)
    state = _target_state(target, source_path)
    previous = (
        None
        if state == "new"
        else free_name(backup_dir() / default_backup_name(target, BEFORE_RESTORE))
    )
    private_dir(target.parent)
    stale = datetime.now().timestamp() - 3600
    for leftover in target.parent.glob(f".{glob.escape(target.stem)}-restore-*.sqlite"):
        with contextlib.suppress(OSError):  # a restore killed half-way left its copy
            if leftover.stat().st_mtime < stale:
                leftover.unlink()
    fd, staging_name = tempfile.mkstemp(
        prefix=f".{target.stem}-restore-", suffix=".sqlite", dir=target.parent
    )
    os.close(fd)
    staging = Path(staging_name)
    entry = {"from": source_path.name}
    if previous is not None:
        entry["backup_of_previous"] = previous.name
    lift = 0
    try:
        _stage(source_path, staging, entry, user, via)
        if state == "sound":
            assert previous is not None
            lift = _back_up_and_copy_into(staging, target, previous, source_path)
        else:
            if previous is not None:
                _raw_copy(target, previous)
                lift = _damaged_version_bound(target)
                _lift_versions(staging, lift)
            _replace_file(staging, target)
    finally:
        staging.unlink(missing_ok=True)
    if previous is not None:
        rotate(backup_dir(), stem=target.stem)
    return RestoreResult(target, source_path, previous, revision, state == "sound", max(lift, 0))


def catalogue_codes(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The codes of the projects and of the metrics of the SQLite database at `path`
    (none where it cannot be read): what a restore may have changed."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            projects = frozenset(str(r[0]) for r in conn.execute("SELECT code FROM projects"))
            metrics = frozenset(str(r[0]) for r in conn.execute("SELECT code FROM metrics"))
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return frozenset(), frozenset()
    return projects, metrics
