"""Files aipdesk writes on request (workbooks, backups): where they may go, and how.

`check_output` refuses a target that would destroy something: the open database
or one of its journals (``-wal``, ``-shm``, ``-journal``: SQLite would apply a
workbook there as a journal, or delete it), any other SQLite database such as a
backup, the journal of one, and anything that is not a plain file (a folder, a
device such as ``/dev/null``, a pipe). `write_atomically` writes a new file beside
the target (mode 0600, or the mode of the file it replaces), flushes it to disk
and renames it over the target: a full disk or a failure half-way leaves the
previous file as it was and no stray file behind, and says so in one line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from aipdesk.domain.errors import Code, DomainError
from aipdesk.private import mode_for, temporary_beside

SQLITE_HEADER = b"SQLite format 3\x00"
JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")


def _refused(target: Path, de: str, en: str) -> DomainError:
    return DomainError(Code.output_refused, path=str(target), reason=(de, en))


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.abspath(path.expanduser())).resolve()
    except (OSError, RuntimeError):  # a symlink loop: compared as written
        return Path(os.path.abspath(path))


def _same(a: Path, b: Path) -> bool:
    if a == b:
        return True
    with contextlib.suppress(OSError):
        return os.path.samefile(a, b)
    return False


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_output(
    target: str | os.PathLike[str], database: Path | None = None, *, new_only: bool = False
) -> Path:
    """`target` as aipdesk may write it, or a refusal (``output_refused``) naming why.

    `database`: the open database file (for a server: None). `new_only`: the target
    must not exist yet (a backup never replaces a file).
    """
    given = Path(os.fspath(target))
    where = _resolved(given)
    if database is not None:
        db = _resolved(database)
        journals = [db.with_name(db.name + suffix) for suffix in JOURNAL_SUFFIXES]
        if _same(where, db):
            raise _refused(
                given,
                f"das ist die geöffnete Datenbank {db}",
                f"this is the open database {db}",
            )
        if any(_same(where, journal) for journal in journals):
            raise _refused(
                given,
                f"das ist ein Journal der geöffneten Datenbank {db}",
                f"this is a journal of the open database {db}",
            )
    for suffix in JOURNAL_SUFFIXES:
        base = where.name[: -len(suffix)]
        if where.name.endswith(suffix) and base and _is_database(where.with_name(base)):
            raise _refused(
                given,
                "das ist ein Journal einer Datenbank daneben",
                "this is the journal of a database beside it",
            )
    try:
        st = os.stat(where)
    except FileNotFoundError:
        return where
    except OSError as error:
        raise _refused(given, str(error.strerror), str(error.strerror)) from None
    if not stat.S_ISREG(st.st_mode):
        raise _refused(
            given,
            "das ist keine gewöhnliche Datei (ein Ordner oder ein Gerät)",
            "this is not a regular file (a folder or a device)",
        )
    if _is_database(where):
        raise _refused(
            given,
            "das ist eine Datenbank (oder ihre Sicherung); sie wird nicht überschrieben",
            "this is a database (or a backup of one); it is not overwritten",
        )
    if new_only:
        raise _refused(given, "die Datei gibt es schon", "the file exists already")
    return where


def write_failed(target: Path, error: OSError) -> DomainError:
    """A failed write of `target` as one line: the reason, and that nothing was changed."""
    reasons = {
        errno.ENOSPC: ("kein Platz mehr auf dem Datenträger", "no space left on the device"),
        errno.EDQUOT: ("Speicherkontingent erschöpft", "disk quota exceeded"),
        errno.EACCES: ("keine Berechtigung", "permission denied"),
        errno.EPERM: ("keine Berechtigung", "permission denied"),
        errno.EROFS: ("schreibgeschützter Datenträger", "read-only file system"),
        errno.ENOENT: ("den Ordner gibt es nicht", "the folder does not exist"),
    }
    detail = error.strerror or str(error) or type(error).__name__
    reason = reasons.get(error.errno or 0, (detail, detail))
    return DomainError(Code.output_failed, path=str(target), reason=reason)


def write_atomically(target: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write `target` through `write(handle)` into a temporary file beside it, then rename.

    The new file has mode 0600, or the mode of the file it replaces. An OSError
    (full disk, no permission, missing folder) becomes ``output_failed``; any
    failure leaves no temporary file and the previous `target` unchanged.
    """
    try:
        temp = temporary_beside(target)
    except OSError as error:
        raise write_failed(target, error) from None
    try:
        with temp.open("r+b") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode_for(target))
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise write_failed(target, error) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target
