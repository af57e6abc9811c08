"""Opening a database: locate it, refuse foreign or damaged files untouched, set up the
engine, migrate.

SQLite gets foreign keys, synchronous FULL and a busy timeout on every connection,
and WAL on a local disk; write transactions begin IMMEDIATE so that two writers
queue on the busy timeout instead of failing on a lock upgrade.

Safety on opening an existing file (nothing below writes a byte before it passed):

- the file is read without writing (``immutable=1``, or ``mode=ro`` while a WAL
  must be read): SQLite header, aipdesk marker, known schema, and
  ``PRAGMA quick_check``. A damaged file raises ``db_damaged`` naming the newest
  backup (:func:`aipdesk.store.backup.newest_backup`). quick_check reads every
  page (1,000,000 values, 120 MB: 0.25 s warm, ~3 s cold), so a file above
  ``QUICK_CHECK_ALWAYS_BYTES`` is checked at its first open of a day only;
- without write permission (on the file, on its folder, or on an existing
  ``-wal``/``-shm``) the database opens read-only: ``Database.read_only``,
  ``Database.write()`` raises ``read_only`` before touching anything, and no
  migration is attempted (an outdated read-only file is refused);
- on a network share (UNC path or remote drive on Windows, a network file
  system on Linux and macOS) WAL is unsafe: every connection uses the rollback
  journal (``journal_mode=DELETE``), a file still in WAL mode is switched back
  first, and ``Database.notices`` tells the user that PostgreSQL is the right
  choice for shared use.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import URL, create_engine, event, inspect, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from aipdesk.domain.errors import DomainError
from aipdesk.private import private_dir, write_private_text
from aipdesk.store.integrity import UNREADABLE
from aipdesk.store.locations import (
    BUSY_TIMEOUT_MS,
    can_write,
    display_url,
    has_content,
    journal_file,
    read_only_uri,
    sqlite_path,
    to_url,
)
from aipdesk.store.shares import network_share

# The newest migration this version of aipdesk knows; tests check it is Alembic's head.
SCHEMA_HEAD = "0004"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004")
SQLITE_HEADER = b"SQLite format 3\x00"
# The PostgreSQL advisory lock that serialises aipdesk's write transactions ("AIPD").
WRITE_LOCK = 0x41495044
# Files up to this size are quick-checked on every open (≈250,000 values, ≤ 0.07 s warm);
# larger ones at their first open of the day (bench figures in the module docstring).
QUICK_CHECK_ALWAYS_BYTES = 32 * 1024 * 1024


# -- the open database -------------------------------------------------------------------


class Database:
    """An open aipdesk database: an engine and the two kinds of session on it.

    - ``url``: the URL to connect with (may hold a password: never show it);
      ``display_url`` is the one for messages;
    - ``path``: the SQLite file (None for a server database);
    - ``read_only``: no write permission; ``write()`` raises ``read_only``;
    - ``notices``: things the user should know (``network_share``, a failed daily
      backup); the window shows them in a banner, the command line on stderr;
    - ``created``: the file was new (or empty) and got its schema on this open.
    """

    def __init__(
        self,
        url: str,
        engine: Engine,
        *,
        path: Path | None = None,
        read_only: bool = False,
        notices: Sequence[DomainError] = (),
        created: bool = False,
    ) -> None:
        self.url = url
        self.display_url = display_url(url)
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        if path is None and self.is_sqlite and engine.url.database:
            path = Path(engine.url.database)
        self.path: Path | None = path if self.is_sqlite else None
        self.read_only = read_only
        self.notices: list[DomainError] = list(notices)
        self.created = created
        # The full check (aipdesk.store.integrity) passed for this file in this session.
        self.verified = created or not self.is_sqlite
        self._writer = engine.execution_options(aipdesk_begin="IMMEDIATE")

    @property
    def where(self) -> str:
        """The file, or the URL without password: how messages name this database."""
        return str(self.path) if self.path is not None else self.display_url

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: commits whole at the end of the block, or rolls back."""
        if self.read_only:
            raise DomainError("read_only", path=self.where)
        self.verify()
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            if not self.is_sqlite:
                # Writers queue one after the other, as SQLite's BEGIN IMMEDIATE makes
                # them: a version check, the davon rule and an import's plan then read
                # what no other writer can change before the commit (held until then).
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
            yield session

    def verify(self) -> None:
        """Refuse (``db_damaged``) to go on with a file whose full check fails: run before
        the first write, and once a day for a large file (see aipdesk.store.integrity).
        Nothing to do for a server database or a file checked already."""
        if self.verified or self.path is None:
            return
        from aipdesk.store.integrity import FULL_CHECK_ALWAYS_BYTES

        try:
            large = self.path.stat().st_size > FULL_CHECK_ALWAYS_BYTES
        except OSError:
            large = False
        if large and _checked_today(self.path, "full"):
            self.verified = True
            return
        verify_file(self.path)
        if large:
            _remember_check(self.path, "full")
        self.verified = True

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        flags = ", read_only=True" if self.read_only else ""
        return f"Database({self.display_url!r}{flags})"


def _sqlite_pragmas(journal_mode: str) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Python 3.11's sqlite3 has no `autocommit` attribute (the SQLAlchemy example uses
        # it): switch the driver's own transaction handling off; the "begin" hook emits BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if journal_mode:
            cursor.execute(f"PRAGMA journal_mode={journal_mode}")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return on_connect


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("aipdesk_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str | URL, *, journal_mode: str = "WAL") -> Engine:
    """An engine for `url`; SQLite connections get the pragmas (``journal_mode`` WAL on a
    local disk, DELETE on a network share)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
        )
        event.listen(engine, "connect", _sqlite_pragmas(journal_mode))
        event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "handle_error", _sqlite_damage(parsed.database))
        return engine
    # hide_parameters: a failed statement's message never quotes the values (notes).
    engine = create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
    event.listen(engine, "handle_error", _server_trouble(display_url(parsed)))
    return engine


# What SQLite says when a file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB, text that is no
# UTF-8).
_DAMAGE = ("malformed", "file is not a database", "could not decode to utf-8")
# aipdesk looks a cell up before it inserts one: a second row for it means an index that
# does not know the first (if the full check finds the file damaged).
_SUSPECT = ("unique constraint failed: monthly_values.",)


def _sqlite_damage(file: str | None) -> Callable[[Any], None]:
    def handle(context: Any) -> None:
        error = context.original_exception
        if not isinstance(error, (sqlite3.DatabaseError, UnicodeDecodeError)) or not file:
            return
        text = str(error).lower()
        if isinstance(error, UnicodeDecodeError) or any(sign in text for sign in _DAMAGE):
            raise damaged(Path(file), str(error).splitlines()[0][:200]) from None
        if any(sign in text for sign in _SUSPECT):
            verify_file(Path(file))  # raises db_damaged if the index is the cause

    return handle


def _server_trouble(where: str) -> Callable[[Any], None]:
    """PostgreSQL: a lost connection or missing rights as one line naming the database."""

    def handle(context: Any) -> None:
        error = context.original_exception
        code = getattr(getattr(error, "diag", None), "sqlstate", None) or getattr(
            error, "sqlstate", None
        )
        if code == "42501":  # insufficient_privilege
            raise DomainError("db_no_rights", path=where) from None
        if context.is_disconnect:
            raise DomainError("db_connection_lost", path=where) from None

    return handle


def _read_only_connect(path: Path) -> Callable[[], sqlite3.Connection]:
    def connect() -> sqlite3.Connection:
        # Decided per connection: the owner may start or stop writing meanwhile.
        return sqlite3.connect(
            read_only_uri(path),
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
        )

    return connect


def make_read_only_engine(path: Path) -> Engine:
    """Connections made afresh for every use (no pool): each decides anew between
    ``mode=ro`` and ``immutable=1``, so a reader notices when the owner starts writing."""
    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        creator=_read_only_connect(path),
        poolclass=NullPool,
    )
    event.listen(engine, "connect", _sqlite_pragmas(""))
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _refuse(path: Path, de: str, en: str, **extra: Any) -> DomainError:
    return DomainError("not_aipdesk_db", path=str(path), reason=(de, en), **extra)


def damaged(path: Path, detail: str | tuple[str, str]) -> DomainError:
    """``db_damaged`` for `path`, offering its newest usable backup (param ``backup``)."""
    from aipdesk.store.backup import newest_backup

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
        "db_damaged",
        path=str(path),
        detail=detail,
        backup=None if backup is None else str(backup),
        offer=offer,
    )


# -- quick_check once a day for large files ------------------------------------------------


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


def quick_check(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """``PRAGMA quick_check``: [] when sound, else SQLite's findings (at most ten)."""
    from aipdesk.store.integrity import sqlite_findings

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
        raise DomainError("db_unreachable", path=str(path), reason=str(exc)) from None
    if header != SQLITE_HEADER:
        raise _refuse(path, "keine SQLite-Datei", "not an SQLite file")
    try:
        if writable:
            _recover_hot_journal(path)
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except UNREADABLE as exc:
        raise DomainError("db_unreachable", path=str(path), reason=str(exc)) from None
    try:
        try:
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except UNREADABLE as exc:
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise DomainError(
                    "db_unreachable",
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
            raise _refuse(path, "sie enthält fremde Tabellen", "it holds foreign tables")
        marker = conn.execute("SELECT value FROM settings WHERE key='application'").fetchone()
        if marker is None or marker[0] != "aipdesk":
            raise _refuse(path, "die Kennung fehlt", "its marker is missing")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise DomainError("newer_schema", path=str(path), found=revision)
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
        raise _refuse(
            path,
            f"beschädigt oder verschlüsselt: {exc}",
            f"damaged or encrypted: {exc}",
            unreadable=True,
        ) from None
    finally:
        conn.close()
    return revision


def _small(path: Path) -> bool:
    from aipdesk.store.integrity import FULL_CHECK_ALWAYS_BYTES

    try:
        return path.stat().st_size <= FULL_CHECK_ALWAYS_BYTES
    except OSError:
        return False


def verify_file(path: Path) -> None:
    """The full check of `path` (aipdesk.store.integrity), or ``db_damaged``."""
    from aipdesk.store.integrity import file_findings

    findings = file_findings(path, full=True)
    if findings:
        raise damaged(path, summary(findings))


def summary(findings: Sequence[tuple[str, str]], count: int = 3) -> tuple[str, str]:
    """The first `count` findings of a check as one detail, in German and English."""
    first = findings[:count]
    return "; ".join(de for de, _ in first), "; ".join(en for _, en in first)


def _create_private_file(path: Path) -> None:
    """A new database file is readable by its owner only (POSIX; ignored on Windows)."""
    try:
        private_dir(path.parent)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise DomainError("db_unreachable", path=str(path), reason=str(exc)) from None
    os.close(fd)


def _leave_wal(path: Path, share: str) -> None:
    """Switch a WAL file on a network share to the rollback journal (the switch folds the
    WAL into the file). SQLite allows it only while no other connection has the file open;
    otherwise the file stays untouched and the user is told."""
    wal = journal_file(path, "-wal")
    with path.open("rb") as fh:
        header = fh.read(20)
    if not (len(header) == 20 and header[18] == 2) and not wal.exists():
        return
    conn = sqlite3.connect(path, timeout=2, isolation_level=None)
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        mode = "wal"
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise DomainError("network_share_in_use", path=str(path), share=share)


def open_database(
    location: str | os.PathLike[str], *, create: bool = True, read_only: bool = False
) -> Database:
    """Open (and create or upgrade, if needed) the aipdesk database at `location`.

    `read_only`: open for reading only even where aipdesk may write (without write
    permission that happens by itself). A read-only database is never created or
    migrated.
    """
    url = to_url(location)
    path = sqlite_path(location)
    if path is None:
        return _open_server(url, read_only=read_only)
    notices: list[DomainError] = []
    share = network_share(path)
    if share:
        notices.append(DomainError("network_share", path=str(path), share=share))
    revision: str | None = None
    exists = path.exists()
    verified = False
    if exists and not path.is_file():  # /dev/null, a folder, a pipe: SQLite would put
        # its journal beside it (/dev/null-journal) and write into what it is not
        raise _refuse(path, "keine gewöhnliche Datei", "not a regular file")
    if exists and path.stat().st_size == 0 and not create:
        # Read commands and refused writes never write: only init, demo and the window
        # make a database of an empty file.
        raise DomainError("db_empty", path=str(path))
    if exists:
        read_only = read_only or not can_write(path)
        revision = inspect_sqlite_file(path, writable=not read_only)
        verified = revision is not None and _small(path)
        if verified:
            verify_file(path)
        if read_only:
            if revision != SCHEMA_HEAD:
                raise DomainError(
                    "read_only_outdated",
                    path=str(path),
                    found=revision or "–",
                    head=SCHEMA_HEAD,
                )
            engine = make_read_only_engine(path)
            db = Database(url, engine, path=path, read_only=True, notices=notices)
            db.verified = verified
            return db
    elif create and not read_only:
        _create_private_file(path)
    else:
        raise DomainError("db_missing", path=str(path))
    if share and exists:
        _leave_wal(path, share)
    engine = make_engine(
        URL.create("sqlite", database=str(path)), journal_mode="DELETE" if share else "WAL"
    )
    db = Database(url, engine, path=path, notices=notices, created=revision is None)
    db.verified = db.verified or verified
    try:
        _migrate(db, revision)
    except BaseException:
        db.close()
        raise
    return db


def _migrate(db: Database, revision: str | None) -> None:
    if revision == SCHEMA_HEAD:
        return
    if revision is not None and db.is_sqlite:
        from aipdesk.store.backup import backup_before_migration

        db.verify()  # a migration writes: never into a damaged file
        backup_before_migration(db)
    from aipdesk.store.schema import upgrade

    upgrade(db)


def _open_server(url: str, *, read_only: bool) -> Database:
    parsed = make_url(url)
    if "@" in (parsed.host or "") or "@" in (parsed.username or ""):
        # "user:pa@ss@host": the URL's grammar ends the password at the first "@"; the
        # driver would then try a host "ss@host" and quote it in its message.
        raise DomainError(
            "db_unreachable",
            path=display_url(url),
            reason=(
                'Benutzername oder Passwort enthalten ein "@"; in der URL muss es als %40 '
                "stehen",
                'the user name or password holds an "@"; in the URL it must be written %40',
            ),
        )
    db = Database(url, make_engine(url), read_only=read_only)
    try:
        revision = _inspect_server_database(db)
        if read_only and revision != SCHEMA_HEAD:
            raise DomainError(
                "read_only_outdated", path=db.display_url, found=revision or "–", head=SCHEMA_HEAD
            )
        db.created = revision is None
        _migrate(db, revision)
    except BaseException:
        db.close()
        raise
    return db


def _inspect_server_database(db: Database) -> str | None:
    try:
        with db.engine.connect() as conn:
            inspector = inspect(conn)
            tables = set(inspector.get_table_names())
            if not tables:
                return None
            if not {"settings", "alembic_version"} <= tables:
                raise DomainError(
                    "not_aipdesk_db",
                    path=db.display_url,
                    reason=("sie enthält fremde Tabellen", "it holds foreign tables"),
                )
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DomainError:
        raise
    except Exception as exc:  # driver errors: unreachable host, wrong password, …
        raise DomainError(
            "db_unreachable",
            path=db.display_url,
            reason=_without_secrets(str(exc).splitlines()[0] if str(exc) else repr(exc), db.url),
        ) from None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DomainError("newer_schema", path=db.display_url, found=revision)
    return revision


def _without_secrets(message: str, url: str) -> str:
    """A driver's message with the URL's password and user name (if it quotes them)
    blotted out."""
    with contextlib.suppress(Exception):
        parsed = make_url(url)
        secrets = [str(parsed.password or ""), str(parsed.query.get("password", ""))]
        for secret in secrets:
            if secret:
                message = message.replace(secret, "***")
        if parsed.username:
            message = message.replace(f'"{parsed.username}"', '"***"')
    return message
