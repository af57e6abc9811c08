"""Engines on an aipdesk database: connection set-up, transactions, errors.

SQLite gets foreign keys, synchronous FULL and a busy timeout on every connection,
and WAL on a local disk (the rollback journal on a network share); write
transactions begin IMMEDIATE so that two writers queue on the busy timeout instead
of failing on a lock upgrade. On PostgreSQL writers queue on an advisory lock
(``WRITE_LOCK``, taken by ``Database.write``). A damaged SQLite file met by a
statement is reported as ``db_damaged``, a lost server connection or missing
rights in one line naming the database.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import URL, create_engine, event, make_url
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from aipdesk.domain.errors import Code, DomainError
from aipdesk.store.checks import damaged, verify_file
from aipdesk.store.locations import BUSY_TIMEOUT_MS, display_url, read_only_uri

# The PostgreSQL advisory lock that serialises aipdesk's write transactions ("AIPD").
WRITE_LOCK = 0x41495044


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
        if code == "42501":  # insufficient_privilege: Database.write() names what was refused
            raise DomainError(Code.db_no_rights, path=where, **_refused(context)) from None
        if context.is_disconnect:
            raise DomainError(Code.db_connection_lost, path=where) from None

    return handle


# What a refused statement's parameters may tell about the refused row (never a value or
# a note: they could hold personal data).
_ROW_KEYS = frozenset(
    {
        "id",
        "project_id",
        "year",
        "month",
        "state",
        "entity",
        "project",
        "monthly_values_id",
        "month_states_id",
    }
)
_TABLE = re.compile(r'\b(?:table|sequence)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?')
_STATEMENT = re.compile(
    r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?([A-Za-z_][A-Za-z0-9_]*)", re.I
)


def _refused(context: Any) -> dict[str, Any]:
    """The table (and the keys of the row) a refusal of the database is about: from the
    server's message ("permission denied for table x", "new row violates row-level
    security policy for table x"), else from the statement; the row's keys from the
    statement's parameters (the first row of a batch)."""
    diag = getattr(context.original_exception, "diag", None)
    primary = str(getattr(diag, "message_primary", None) or context.original_exception)
    found = _TABLE.search(primary) or _STATEMENT.search(context.statement or "")
    table = getattr(diag, "table_name", None) or (found.group(1) if found else "")
    if table.endswith("_id_seq"):
        table = table.removesuffix("_id_seq")
    parameters = context.parameters
    if isinstance(parameters, (list, tuple)) and parameters:
        parameters = parameters[0]
    row: dict[str, Any] = {}
    if isinstance(parameters, dict):
        for key, value in parameters.items():
            name = re.sub(r"_{1,2}\d+$", "", str(key))
            if name in _ROW_KEYS and name not in row and isinstance(value, (int, str)):
                row[name] = value
    return {
        "table": table,
        "row": row,
        "reason": primary.splitlines()[0][:200],
        "detail": str(getattr(diag, "message_detail", None) or ""),
    }


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
