"""The other database of a merge, read without a byte written to it.

The other file is copied into a private temporary directory (with its `-wal`, if
any) and only the copy is opened: even a read through SQLite's WAL mode would create
`-wal`/`-shm` files beside the original, and opening a backup (journal mode DELETE)
would switch its header to WAL. A file of another schema is refused rather than
migrated; every value is checked like typed input (aipdesk.services.foreign).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note, phrase
from aipdesk.services.database import Database, open_database
from aipdesk.services.foreign import ForeignCell, read_cells

__all__ = ["open_other", "refuse"]

_COPY_ATTEMPTS = 3


def refuse(path: Path | str, code: Code, **params: object) -> DomainError:
    return DomainError(code, where=str(path), **params)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _copy_quietly(source: Path, target_dir: Path) -> Path:
    """Copy `source` (and a non-empty `-wal` beside it) into `target_dir`, reading only.

    A copy taken while another program writes may be torn: the file's size and
    time are compared before and after, and the copy is retried a few times.
    """
    wal = source.with_name(source.name + "-wal")
    target = target_dir / "other.sqlite"
    target_wal = target_dir / "other.sqlite-wal"
    for _ in range(_COPY_ATTEMPTS):
        before = (_stat(source), _stat(wal))
        for leftover in (target, target_wal, target_dir / "other.sqlite-shm"):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(source, target)
        if before[1] is not None and before[1][0] > 0:
            shutil.copyfile(wal, target_wal)
        if (_stat(source), _stat(wal)) == before:
            return target
    raise refuse(source, Code.merge_busy)


def _with_path(error: DomainError, path: Path) -> DomainError:
    """`error` about the private copy, retold about the file the user named."""
    if "path" not in error.params:
        return error
    return DomainError(error.code, **{**error.params, "path": str(path)})


def _probe(copy: Path) -> tuple[bool, str | None] | None:
    """(is an aipdesk database, its schema revision) of the private copy; None: empty.

    Reads the copy only. Whatever cannot be told here (not SQLite, foreign,
    damaged) is left to `open_database`, which refuses such files before any
    migration.
    """
    if copy.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(copy)
    except sqlite3.Error:
        return (False, None)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if not {"settings", "alembic_version"} <= tables:
            return (False, None)
        marker = conn.execute("SELECT value FROM settings WHERE key='application'").fetchone()
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return (False, None)
    finally:
        conn.close()
    return (marker is not None and marker[0] == "aipdesk", row[0] if row else None)


def _is_newer(revision: str, head: str) -> bool:
    """aipdesk numbers its migrations 0001, 0002, …"""
    return revision.isdigit() and head.isdigit() and int(revision) > int(head)


def _check_schema(db: Database, other: Path, copy: Path) -> bool:
    """Refuse an empty file and one whose schema differs from this database's; whether
    it is an aipdesk database (what is not is left to `open_database` to refuse).

    `open_database` would migrate an older file (after a backup into the
    user's backup folder, which also rotates the backups there): the other
    database is refused instead, and the user opens it once with this aipdesk.
    """
    probe = _probe(copy)
    if probe is None:
        raise DomainError(Code.not_aipdesk_db, path=str(other), reason=phrase(Note.empty_file))
    is_aipdesk, revision = probe
    head = db.revision()  # this database is open, hence at this aipdesk's schema
    if not is_aipdesk or revision == head:
        return is_aipdesk
    if revision is not None and head is not None and _is_newer(revision, head):
        raise DomainError(Code.newer_schema, path=str(other), found=revision)
    raise refuse(
        other, Code.merge_old_schema, revision=revision or ("keins", "none"), head=str(head)
    )


@contextmanager
def open_other(
    db: Database, other_path: str | os.PathLike[str]
) -> Iterator[tuple[Database, list[ForeignCell]]]:
    """The other database, opened from a private copy (the original is only read), and
    its values, each checked like typed input (aipdesk.services.foreign)."""
    text = os.fspath(other_path)
    if "://" in text:
        raise refuse(text, Code.merge_not_sqlite)
    other = Path(text).expanduser().resolve()
    if not other.is_file():
        raise refuse(other, Code.merge_no_file)
    if db.path is not None and (
        db.path.resolve() == other or (db.path.exists() and os.path.samefile(db.path, other))
    ):
        raise refuse(other, Code.merge_itself)
    with tempfile.TemporaryDirectory(prefix="aipdesk-merge-", ignore_cleanup_errors=True) as tmp:
        try:
            copy = _copy_quietly(other, Path(tmp))
        except OSError as exc:
            raise DomainError(Code.db_unreachable, path=str(other), reason=str(exc)) from None
        # Every row checked like typed input, before the copy is opened as a database (what
        # is no aipdesk database at all is refused by open_database, naming the reason).
        cells = read_cells(copy, other.name) if _check_schema(db, other, copy) else []
        try:
            opened = open_database(copy, create=False)
            try:
                opened.verify()  # the full check, whatever the file's size: it is foreign
            except BaseException:
                opened.close()
                raise
        except DomainError as error:
            raise _with_path(error, other) from None
        try:
            yield opened, cells
        finally:
            opened.close()
