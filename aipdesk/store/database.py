"""Opening a database: locate it, refuse foreign files untouched, set up the engine, migrate.

SQLite gets foreign keys, WAL, synchronous FULL and a busy timeout on every
connection; write transactions begin IMMEDIATE so that two writers queue on the
busy timeout instead of failing on a lock upgrade.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from aipdesk.domain.errors import DomainError

# The newest migration this version of aipdesk knows; tests check it is Alembic's head.
SCHEMA_HEAD = "0002"
KNOWN_REVISIONS = ("0001", "0002")
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("aipdesk", appauthor=False)) / "aipdesk.sqlite"


def to_url(location: str | os.PathLike[str]) -> str:
    """A path or an SQLAlchemy URL (anything containing '://') as a URL."""
    text_location = os.fspath(location)
    if "://" in text_location:
        return text_location
    return "sqlite:///" + str(Path(text_location).expanduser().resolve())


class Database:
    """An open aipdesk database: an engine and the two kinds of session on it."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        self.path: Path | None = (
            Path(engine.url.database) if self.is_sqlite and engine.url.database else None
        )
        self._writer = engine.execution_options(aipdesk_begin="IMMEDIATE")

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: commits whole at the end of the block, or rolls back."""
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Database({self.engine.url.render_as_string(hide_password=True)!r})"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Python 3.11's sqlite3 has no `autocommit` attribute (the SQLAlchemy example uses it):
    # switch the driver's own transaction handling off and let the "begin" hook emit BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("aipdesk_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _refuse(path: Path, de: str, en: str) -> DomainError:
    return DomainError("not_aipdesk_db", path=str(path), reason=(de, en))


def inspect_sqlite_file(path: Path) -> str | None:
    """The schema revision of an existing aipdesk file, None for an empty one.

    Reads the file without writing a byte; refuses anything that is not an
    aipdesk database (or is one of a newer aipdesk).
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
    # Without a WAL beside it, open immutable: then SQLite creates no -shm/-wal file either.
    # With one (the file is in use, or a writer died), the WAL must be read: read-only mode.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() and wal.stat().st_size else "immutable=1"
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?{mode}", uri=True)
    except sqlite3.Error as exc:
        raise DomainError("db_unreachable", path=str(path), reason=str(exc)) from None
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables:
            return None
        if not {"settings", "alembic_version"} <= tables:
            raise _refuse(path, "sie enthält fremde Tabellen", "it holds foreign tables")
        marker = conn.execute("SELECT value FROM settings WHERE key='application'").fetchone()
        if marker is None or marker[0] != "aipdesk":
            raise _refuse(path, "die Kennung fehlt", "its marker is missing")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise _refuse(
            path, f"beschädigt oder verschlüsselt: {exc}", f"damaged or encrypted: {exc}"
        ) from None
    finally:
        conn.close()
    revision = row[0] if row else None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DomainError("newer_schema", path=str(path), found=revision)
    return revision


def _create_private_file(path: Path) -> None:
    """A new database file is readable by its owner only (POSIX; ignored on Windows)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def open_database(location: str | os.PathLike[str], *, create: bool = True) -> Database:
    """Open (and create or upgrade, if needed) the aipdesk database at `location`."""
    url = to_url(location)
    revision: str | None = None
    if url.startswith("sqlite"):
        path = Path(url.split("///", 1)[1])
        if path.exists():
            revision = inspect_sqlite_file(path)
        elif create:
            _create_private_file(path)
        else:
            raise DomainError("db_missing", path=str(path))
    engine = make_engine(url)
    db = Database(url, engine)
    try:
        if not url.startswith("sqlite"):
            revision = _inspect_server_database(db)
        if revision != SCHEMA_HEAD:
            if revision is not None and db.is_sqlite:
                from aipdesk.store.backup import backup_before_migration

                backup_before_migration(db)
            from aipdesk.store.schema import upgrade

            upgrade(db)
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
                    path=db.url,
                    reason=("sie enthält fremde Tabellen", "it holds foreign tables"),
                )
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DomainError:
        raise
    except Exception as exc:  # driver errors: unreachable host, wrong password, …
        raise DomainError(
            "db_unreachable",
            path=db.engine.url.render_as_string(hide_password=True),
            reason=str(exc).splitlines()[0],
        ) from None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DomainError("newer_schema", path=db.url, found=revision)
    return revision
