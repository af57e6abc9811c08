"""The checks an SQLite file passes before aipdesk reads or writes it, and the refusal
of a damaged one.

- At every open (`inspect_sqlite_file`) the file is read without writing a byte
  (``immutable=1``, or ``mode=ro`` while a WAL must be read): SQLite header,
  aipdesk marker, known schema, and ``PRAGMA quick_check``. quick_check reads every
  page (1,000,000 values, 120 MB: 0.25 s warm, ~3 s cold), so a file above
  ``QUICK_CHECK_ALWAYS_BYTES`` is checked at its first open of a day only.
- The full check (aipdesk.store.integrity): at every open of a file up to
  ``FULL_CHECK_ALWAYS_BYTES``, and before the first write of a day into a larger
  one (`verify_today`).
- Every write that inserted monthly values counts their rows through a second
  index (`check_cells_unique`).

A damaged file is refused with ``db_damaged`` (`damaged`), which offers the newest
backup that passes the same checks (`newest_backup`); hence that search lives here.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.private import write_private_text
from aipdesk.store import integrity
from aipdesk.store.backup import backup_origin, backups_of
from aipdesk.store.integrity import UNREADABLE, file_findings, sqlite_findings
from aipdesk.store.locations import BUSY_TIMEOUT_MS, has_content, journal_file, read_only_uri

# The newest migration this version of aipdesk knows; tests check it is Alembic's head.
SCHEMA_HEAD = "0008"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
SQLITE_HEADER = b"SQLite format 3\x00"
# Files up to this size are quick-checked on every open (≈250,000 values, ≤ 0.07 s warm);
# larger ones at their first open of the day (bench figures in the module docstring).
QUICK_CHECK_ALWAYS_BYTES = 32 * 1024 * 1024


def refuse(path: Path, de: str, en: str, **extra: Any) -> DomainError:
    return DomainError(Code.not_aipdesk_db, path=str(path), reason=(de, en), **extra)


def damaged(path: Path, detail: str | tuple[str, str]) -> DomainError:
    """``db_damaged`` for `path`, offering its newest usable backup (param ``backup``)."""
    try:
        backup = newest_backup(path)
    except Exception:  # the offer must never hide the finding
        backup = None
    if backup is None:
        offer = ("Es gibt keine Sicherung dieser Datenbank.", "There is no backup of it.")
    else:
        offer = (
            f'Neueste Sicherung: {backup} – wiederherstellen mit: aipdesk restore "{backup}" '
            f'--db "{path}"',
            f'Newest backup: {backup} – restore it with: aipdesk restore "{backup}" --db "{path}"',
        )
    return DomainError(
        Code.db_damaged,
        path=str(path),
        detail=detail,
        backup=None if backup is None else str(backup),
        offer=offer,
    )


# -- checks that large files get once a day ------------------------------------------------


def _check_log() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("aipdesk", appauthor=False)) / "quick_check.json"


def _check_key(path: Path, kind: str) -> str:
    return str(path) if kind == "quick" else f"{kind}:{path}"


def _checked_today(path: Path, kind: str = "quick") -> bool:
    try:
        seen = json.loads(_check_log().read_text(encoding="utf-8"))
        return bool(seen.get(_check_key(path, kind)) == date.today().isoformat())
    except (OSError, ValueError, AttributeError):
        return False


def _remember_check(path: Path, kind: str = "quick") -> None:
    log = _check_log()
    key = _check_key(path, kind)
    try:
        seen = json.loads(log.read_text(encoding="utf-8")) if log.exists() else {}
        if not isinstance(seen, dict):
            seen = {}
        seen.pop(key, None)
        seen[key] = date.today().isoformat()
        keep = dict(list(seen.items())[-50:])
        write_private_text(log, json.dumps(keep, ensure_ascii=False))
    except (OSError, ValueError):
        pass  # the check runs again next time: only slower, never less safe


# -- at every open -------------------------------------------------------------------------


def quick_check(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """``PRAGMA quick_check``: [] when sound, else SQLite's findings (at most ten)."""
    return sqlite_findings(conn, full=False)


def _recover_hot_journal(path: Path) -> None:
    """A rollback journal left by a crash must be played back before the file is read;
    only a read-write connection can, so it runs only where aipdesk may write anyway."""
    if not has_content(journal_file(path, "-journal")):
        return
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    finally:
        conn.close()


def inspect_sqlite_file(
    path: Path, *, writable: bool = True, check: bool | None = None
) -> str | None:
    """The schema revision of an existing aipdesk file, None for an empty one.

    Reads the file without writing a byte (only a crash's hot rollback journal is
    played back first, and only if `writable`); refuses anything that is not an
    aipdesk database (or is one of a newer aipdesk), and a damaged one
    (``db_damaged``). `check`: run quick_check (default: small files always, large
    ones once a day).
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DomainError(Code.db_unreachable, path=str(path), reason=str(exc)) from None
    if header != SQLITE_HEADER:
        raise refuse(path, "keine SQLite-Datei", "not an SQLite file")
    try:
        if writable:
            _recover_hot_journal(path)
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except UNREADABLE as exc:
        raise DomainError(Code.db_unreachable, path=str(path), reason=str(exc)) from None
    try:
        try:
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except UNREADABLE as exc:
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise DomainError(
                    Code.db_unreachable,
                    path=str(path),
                    reason=(
                        "eine unterbrochene Schreibvorgang lässt sich ohne Schreibrecht nicht "
                        f"abschließen ({exc})",
                        f"an interrupted write cannot be completed without write permission "
                        f"({exc})",
                    ),
                ) from None
            raise
        if not tables:
            return None
        if not {"settings", "alembic_version"} <= tables:
            raise refuse(path, "sie enthält fremde Tabellen", "it holds foreign tables")
        marker = conn.execute("SELECT value FROM settings WHERE key='application'").fetchone()
        if marker is None or marker[0] != "aipdesk":
            raise refuse(path, "die Kennung fehlt", "its marker is missing")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise DomainError(Code.newer_schema, path=str(path), found=revision)
        if check is None:
            check = path.stat().st_size <= QUICK_CHECK_ALWAYS_BYTES or not _checked_today(path)
        if check:
            try:
                findings = quick_check(conn)
            except UNREADABLE as exc:
                findings = [(str(exc), str(exc))]
            if findings:
                raise damaged(path, summary(findings))
            if path.stat().st_size > QUICK_CHECK_ALWAYS_BYTES:
                _remember_check(path)
    except UNREADABLE as exc:
        if "malformed" in str(exc) or isinstance(exc, UnicodeDecodeError):  # damaged
            error = damaged(path, str(exc))
            error.params["unreadable"] = True
            raise error from None
        raise refuse(
            path,
            f"beschädigt oder verschlüsselt: {exc}",
            f"damaged or encrypted: {exc}",
            unreadable=True,
        ) from None
    finally:
        conn.close()
    return revision


# -- the full check ------------------------------------------------------------------------


def full_check_always(path: Path) -> bool:
    """Whether `path` is small enough for the full check at every open."""
    try:
        return path.stat().st_size <= integrity.FULL_CHECK_ALWAYS_BYTES
    except OSError:
        return False


def verify_file(path: Path) -> None:
    """The full check of `path` (aipdesk.store.integrity), or ``db_damaged``."""
    findings = file_findings(path, full=True)
    if findings:
        raise damaged(path, summary(findings))


def verify_today(path: Path) -> None:
    """The full check of `path` before a write (``db_damaged`` if it fails), unless `path`
    is a large file that passed it today already."""
    try:
        large = path.stat().st_size > integrity.FULL_CHECK_ALWAYS_BYTES
    except OSError:
        large = False
    if large and _checked_today(path, "full"):
        return
    verify_file(path)
    if large:
        _remember_check(path, "full")


def summary(findings: Sequence[tuple[str, str]], count: int = 3) -> tuple[str, str]:
    """The first `count` findings of a check as one detail, in German and English."""
    first = findings[:count]
    return "; ".join(de for de, _ in first), "; ".join(en for _, en in first)


# -- the newest usable backup, offered for a damaged file ----------------------------------


def usable(path: Path) -> bool:
    """An aipdesk database of a schema this aipdesk knows, passing the full check
    (a backup taken of a file with a damaged index would carry the damage)."""
    try:
        if inspect_sqlite_file(path, writable=False, check=True) is None:
            return False
        verify_file(path)
    except (DomainError, OSError):
        return False
    return True


def newest_backup(db_path: Path, *, verify: bool = True) -> Path | None:
    """The newest backup of the database file `db_path` (None: there is none).

    Backups taken of another file of the same name are passed over; with `verify`
    (default) so is any backup that is not a sound aipdesk database.
    """
    db_path = Path(db_path)
    with contextlib.suppress(OSError):
        db_path = db_path.resolve()
    for candidate in backups_of(db_path):
        origin = backup_origin(candidate)
        if origin is not None and origin != str(db_path):
            continue
        if not verify or usable(candidate):
            return candidate
    return None


# -- after a write -------------------------------------------------------------------------


def check_cells_unique(session: Session, cells: Iterable[tuple[int, int, int, int]]) -> None:
    """After inserting monthly values in a write: each of `cells` (project id, metric id,
    year, month) has one row, counted through the series index rather than the unique one
    the insert relied on. A second row means a damaged index: ``db_damaged``, and the
    write is rolled back. SQLite only (a few index lookups per year and project)."""
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return
    wanted: dict[int, set[int]] = {}
    keys = set()
    for project, metric, year, month in cells:
        wanted.setdefault(year, set()).add(project)
        keys.add((project, metric, year, month))
    for year, projects in wanted.items():
        found = session.execute(
            text(
                "SELECT project_id, metric_id, month FROM monthly_values "
                "INDEXED BY ix_values_series WHERE project_id IN "
                f"({', '.join(str(int(p)) for p in sorted(projects))}) AND year = :year "
                "GROUP BY project_id, metric_id, month HAVING count(*) > 1"
            ),
            {"year": year},
        ).all()
        twice = [row for row in found if (row[0], row[1], year, row[2]) in keys]
        if twice:
            file = bind.engine.url.database or ""
            raise damaged(
                Path(file),
                (
                    f"{len(twice)} Monatswert(e) stehen doppelt in der Tabelle; ein Index ist "
                    "beschädigt",
                    f"{len(twice)} monthly value(s) stand twice in the table; an index is damaged",
                ),
            )
