"""Opening a database: locate it, refuse foreign or damaged files untouched, set up the
engine, migrate.

The engine set-up (pragmas, WAL or journal, transactions) is aipdesk.store.engine.

Safety on opening an existing file (nothing below writes a byte before it passed):

- the file is read without writing and checked (aipdesk.store.checks): SQLite
  header, aipdesk marker, known schema, ``PRAGMA quick_check``, and the full
  check for a file up to 8 MB. A damaged file raises ``db_damaged`` naming the
  newest usable backup;
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
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, inspect, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.private import private_dir
from aipdesk.store.access import check_opening, current_revision, explain
from aipdesk.store.backup import backup_before_migration
from aipdesk.store.checks import (
    KNOWN_REVISIONS,
    SCHEMA_HEAD,
    full_check_always,
    inspect_sqlite_file,
    refuse,
    verify_file,
    verify_today,
)
from aipdesk.store.engine import WRITE_LOCK, make_engine, make_read_only_engine
from aipdesk.store.locations import can_write, display_url, journal_file, sqlite_path, to_url
from aipdesk.store.shares import network_share

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
            raise DomainError(Code.read_only, path=self.where)
        self.verify()
        try:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                if not self.is_sqlite:
                    # Writers queue one after the other, as SQLite's BEGIN IMMEDIATE makes
                    # them: a version check, the davon rule and an import's plan then read
                    # what no other writer can change before the commit (held until then).
                    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
                yield session
        except DomainError as error:
            # The database refused a row (a team lead's write to another project, an
            # approval): told as what was refused, once the unit of work is rolled back.
            if error.code is Code.db_no_rights and error.params.get("table"):
                raise explain(self.engine, error) from None
            raise

    def verify(self) -> None:
        """Refuse (``db_damaged``) to go on with a file whose full check fails: run before
        the first write, and once a day for a large file (see aipdesk.store.integrity).
        Nothing to do for a server database or a file checked already."""
        if self.verified or self.path is None:
            return
        verify_today(self.path)
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


def _create_private_file(path: Path) -> None:
    """A new database file is readable by its owner only (POSIX; ignored on Windows)."""
    try:
        private_dir(path.parent)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise DomainError(Code.db_unreachable, path=str(path), reason=str(exc)) from None
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
        raise DomainError(Code.network_share_in_use, path=str(path), share=share)


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
        notices.append(DomainError(Code.network_share, path=str(path), share=share))
    revision: str | None = None
    exists = path.exists()
    verified = False
    if exists and not path.is_file():  # /dev/null, a folder, a pipe: SQLite would put
        # its journal beside it (/dev/null-journal) and write into what it is not
        raise refuse(path, "keine gewöhnliche Datei", "not a regular file")
    if exists and path.stat().st_size == 0 and not create:
        # Read commands and refused writes never write: only init, demo and the window
        # make a database of an empty file.
        raise DomainError(Code.db_empty, path=str(path))
    if exists:
        read_only = read_only or not can_write(path)
        revision = inspect_sqlite_file(path, writable=not read_only)
        verified = revision is not None and full_check_always(path)
        if verified:
            verify_file(path)
        if read_only:
            if revision != SCHEMA_HEAD:
                raise DomainError(
                    Code.read_only_outdated,
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
        raise DomainError(Code.db_missing, path=str(path))
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
        db.verify()  # a migration writes: never into a damaged file
        backup_before_migration(db)
    # Alembic is imported only for a migration: it costs more than all of opening besides.
    from aipdesk.store.schema import upgrade

    upgrade(db)


def _open_server(url: str, *, read_only: bool) -> Database:
    parsed = make_url(url)
    if "@" in (parsed.host or "") or "@" in (parsed.username or ""):
        # "user:pa@ss@host": the URL's grammar ends the password at the first "@"; the
        # driver would then try a host "ss@host" and quote it in its message.
        raise DomainError(
            Code.db_unreachable,
            path=display_url(url),
            reason=(
                'Benutzername oder Passwort enthalten ein "@"; in der URL muss es als %40 stehen',
                'the user name or password holds an "@"; in the URL it must be written %40',
            ),
        )
    db = Database(url, make_engine(url), read_only=read_only)
    try:
        revision = _inspect_server_database(db)
        if not read_only:
            # A login without a grant, or one that may not create or upgrade the schema,
            # is told so in one line before anything is tried (access rights: 0006).
            with db.engine.connect() as conn:
                check_opening(conn, revision, SCHEMA_HEAD, db.display_url)
        if read_only and revision != SCHEMA_HEAD:
            raise DomainError(
                Code.read_only_outdated,
                path=db.display_url,
                found=revision or "–",
                head=SCHEMA_HEAD,
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
                    Code.not_aipdesk_db,
                    path=db.display_url,
                    reason=("sie enthält fremde Tabellen", "it holds foreign tables"),
                )
            if not conn.execute(
                text("SELECT has_table_privilege('alembic_version', 'SELECT')")
            ).scalar():
                login = conn.execute(text("SELECT current_user")).scalar()
                raise DomainError(Code.access_no_access, login=login, path=db.display_url)
            revision = current_revision(conn)
    except DomainError:
        raise
    except Exception as exc:  # driver errors: unreachable host, wrong password, …
        raise DomainError(
            Code.db_unreachable,
            path=db.display_url,
            reason=_without_secrets(str(exc).splitlines()[0] if str(exc) else repr(exc), db.url),
        ) from None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DomainError(Code.newer_schema, path=db.display_url, found=revision)
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
