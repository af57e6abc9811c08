"""Whether an SQLite file is sound, and what `aipdesk check` reports about it.

Three levels of checking, by cost (1,000,000 values, 120 MB, warm cache; figures
in bench/RESULTS.md):

- ``quick``: ``PRAGMA quick_check`` (0.5 s): every page readable, every record
  well-formed. It does not compare indexes with their tables: a file whose unique
  index lost entries passes it, and a write relying on that index then stores a
  second row for one cell;
- ``full``: ``PRAGMA integrity_check`` (2.7 s) — indexes against tables, UNIQUE,
  NOT NULL and CHECK constraints — then the data rules aipdesk reads by (0.4 s):
  whole counts within their bounds, months 1–12, timestamps and JSON that parse,
  text that is UTF-8. A bit flipped inside a record passes SQLite's checks but
  would crash a read;
- what `check` reports: ``full`` plus foreign keys and the schema version, every
  finding listed, nothing raised.

When (see aipdesk.store.checks): a file up to `FULL_CHECK_ALWAYS_BYTES` gets
the full check at every open; a larger one the quick check at open (daily above
``QUICK_CHECK_ALWAYS_BYTES``) and the full check before its first write of the
day. A write never goes into a file whose full check has not passed today.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from aipdesk.domain.rules import MAX_COUNT
from aipdesk.store.locations import read_only_uri

# What reading a damaged SQLite file may raise: SQLite's errors, and Python's when SQLite's
# message quotes damaged bytes that are no UTF-8 (a garbled name in the schema).
UNREADABLE: tuple[type[Exception], ...] = (sqlite3.Error, UnicodeDecodeError)
# Files up to this size get the full check at every open (≈ 60,000 values, ≤ 0.2 s).
FULL_CHECK_ALWAYS_BYTES = 8 * 1024 * 1024
MAX_FINDINGS = 10

# A timestamp as SQLAlchemy stores it in SQLite: "2021-03-05 14:30:00[.ffffff]", a date
# and a time that exist (SQLite's date() normalises 2021-02-30 to 2021-03-02).
_D = "[0-9]"
_STAMP = f"{_D * 4}-{_D * 2}-{_D * 2} {_D * 2}:{_D * 2}:{_D * 2}"


def _stamp_ok(column: str, nullable: bool = True) -> str:
    valid = (
        f"(typeof({column}) = 'text' AND ({column} GLOB '{_STAMP}' OR {column} GLOB "
        f"'{_STAMP}.{_D * 6}') AND date(substr({column}, 1, 10)) = substr({column}, 1, 10) "
        f"AND time(substr({column}, 12, 8)) = substr({column}, 12, 8))"
    )
    return f"({column} IS NULL OR {valid})" if nullable else valid


def _whole(column: str, low: int, high: int, nullable: bool = False) -> str:
    valid = f"(typeof({column}) = 'integer' AND {column} BETWEEN {low} AND {high})"
    return f"({column} IS NULL OR {valid})" if nullable else valid


def _text(column: str, nullable: bool = False) -> str:
    valid = f"typeof({column}) = 'text'"
    return f"({column} IS NULL OR {valid})" if nullable else valid


def _json(column: str) -> str:
    return f"({column} IS NULL OR (typeof({column}) = 'text' AND json_valid({column})))"


# A finding, in German and English.
Line = tuple[str, str]
ID = 2**62
# The columns of a monthly value and a target alike: its series, and who changed it when.
SERIES = [_whole("project_id", 1, ID), _whole("metric_id", 1, ID)]
CHANGED = [_whole("version", 0, ID), _text("updated_by")]
# (table, what a person calls a row of it, the condition every row must meet)
RULES: tuple[tuple[str, Line, str], ...] = (
    (
        "monthly_values",
        ("Monatswert", "monthly value"),
        " AND ".join(
            [
                *SERIES,
                _whole("year", 1, 9999),
                _whole("month", 1, 12),
                _whole("value", 0, MAX_COUNT),
                _text("note", nullable=True),
                *CHANGED,
            ]
        ),
    ),
    (
        "targets",
        ("Zielwert", "target"),
        " AND ".join(
            [
                *SERIES,
                _whole("first_year", 1, 9999),
                _whole("first_month", 1, 12),
                _whole("last_year", 1, 9999),
                _whole("last_month", 1, 12),
                "(value IS NULL OR (typeof(value) IN ('integer', 'real') AND value >= 0))",
                _json("weights"),
                *CHANGED,
            ]
        ),
    ),
    (
        "projects",
        ("Projekt", "project"),
        " AND ".join(
            [
                _text("code"),
                _text("name"),
                _text("description"),
                _whole("first_year", 1, 9999, nullable=True),
                _whole("first_month", 1, 12, nullable=True),
                _whole("last_year", 1, 9999, nullable=True),
                _whole("last_month", 1, 12, nullable=True),
                _whole("active", 0, 1),
            ]
        ),
    ),
    (
        "metrics",
        ("Kennzahl", "metric"),
        " AND ".join(
            [
                _text("code"),
                _text("name"),
                "kind IN ('flow', 'stock', 'ratio')",
                "direction IN ('up', 'down')",
                _text("area"),
                _text("unit"),
                "typeof(green_pct) IN ('integer', 'real')",
                "typeof(amber_pct) IN ('integer', 'real')",
            ]
        ),
    ),
    (
        "change_log",
        ("Eintrag im Änderungsprotokoll", "change-log entry"),
        " AND ".join(
            [
                _text("user"),
                _text("source"),
                _text("action"),
                _text("entity"),
                _text("project", nullable=True),
                _text("metric", nullable=True),
                _whole("year", 1, 9999, nullable=True),
                _whole("month", 1, 12, nullable=True),
                _json("old"),
                _json("new"),
            ]
        ),
    ),
    ("settings", ("Einstellung", "setting"), f"{_text('key')} AND {_text('value')}"),
)
# Timestamps, checked once per distinct value (a write stamps all its rows alike; parsing
# each of a million rows' stamps in SQL costs more than the integrity check itself).
STAMPS: dict[str, tuple[tuple[str, bool], ...]] = {
    "monthly_values": (("updated_at", True),),
    "targets": (("updated_at", True),),
    "change_log": (("at", False),),
}
# Text columns read as text (a flipped bit can leave bytes that are no UTF-8).
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "monthly_values": ("note", "updated_by"),
    "targets": ("updated_by", "weights", "origin"),
    "projects": ("code", "name", "description"),
    "metrics": ("code", "name", "kind", "direction", "area", "unit", "description"),
    "change_log": ("user", "source", "action", "entity", "project", "metric", "old", "new"),
    "settings": ("key", "value"),
}


def _lenient(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple[object, ...]]:
    return list(conn.execute(sql))


def sqlite_findings(conn: sqlite3.Connection, *, full: bool) -> list[Line]:
    """What is wrong with the database of `conn` (an empty list: nothing found).

    `full`: integrity_check and the data rules; else quick_check only. Every finding
    is one line (German, English); SQLite's own at most `MAX_FINDINGS`.
    """
    pragma = "integrity_check" if full else "quick_check"
    previous = conn.text_factory
    conn.text_factory = _lenient  # a finding may quote a damaged record's bytes
    try:
        rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}({MAX_FINDINGS})")]
    except UNREADABLE as exc:
        return [(str(exc), str(exc))]
    finally:
        conn.text_factory = previous
    if rows != ["ok"]:
        return [(line, line) for row in rows for line in row.splitlines() if line.strip()]
    return data_findings(conn) if full else []


def data_findings(conn: sqlite3.Connection) -> list[Line]:
    """Rows that break the data rules aipdesk reads by, one line per table."""
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except UNREADABLE as exc:
        return [(str(exc), str(exc))]
    findings: list[Line] = []
    for table, (de, en), rule in RULES:
        if table not in present:
            continue
        try:
            # coalesce: a rule that comes out NULL (time('25:00')) is broken, not unknown
            broken = f"NOT coalesce(({rule}), 0)"
            bad = _rows(conn, f"SELECT rowid FROM {table} WHERE {broken} LIMIT 3")
            count = len(bad) and int(
                conn.execute(f"SELECT count(*) FROM {table} WHERE {broken}").fetchone()[0]
            )
        except UNREADABLE as exc:
            findings.append((f"{table}: {exc}", f"{table}: {exc}"))
            continue
        if count:
            findings.append(_invalid(table, count, (de, en), bad))
        for column, nullable in STAMPS.get(table, ()):
            findings += _stamp_findings(conn, table, column, nullable, (de, en))
    findings += _encoding_findings(conn, present)
    findings += _schema_name_findings(conn, present)
    return findings


def _schema_name_findings(conn: sqlite3.Connection, present: set[str]) -> list[Line]:
    """Tables and columns whose names aipdesk never made: a damaged schema text (a bit
    flipped in `sqlite_master`) that integrity_check cannot see. Older schemas lack
    columns and tables of later revisions; none has one that aipdesk does not know."""
    # The models hold every name a revision ever made; loaded here, with the full check,
    # so that SQLAlchemy stays out of a start-up that only reads the file.
    from aipdesk.store.models import Base

    known = {
        table.name: {column.name for column in table.columns}
        for table in Base.metadata.sorted_tables
    }
    findings: list[Line] = []
    for table in sorted(present):
        if table.startswith("sqlite_") or table == "alembic_version":
            continue
        if table not in known:
            findings.append((f"unbekannte Tabelle {table}", f"unknown table {table}"))
            continue
        try:
            columns = [str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')]
        except UNREADABLE as exc:
            findings.append((f"{table}: {exc}", f"{table}: {exc}"))
            continue
        for column in columns:
            if column not in known[table]:
                findings.append(
                    (f"{table}: unbekannte Spalte {column}", f"{table}: unknown column {column}")
                )
    return findings


def _invalid(table: str, count: int, label: Line, bad: list[tuple[object, ...]]) -> Line:
    rowids = ", ".join(str(r[0]) for r in bad)
    return (
        f"{table}: {count} ungültige Zeile(n) ({label[0]}; Zeile {rowids})",
        f"{table}: {count} invalid row(s) ({label[1]}; row {rowids})",
    )


def _stamp_findings(
    conn: sqlite3.Connection, table: str, column: str, nullable: bool, label: Line
) -> list[Line]:
    rule = _stamp_ok("v", nullable)
    try:
        # MATERIALIZED: else SQLite pushes the rule down into every row (25 times slower).
        materialized = "MATERIALIZED " if sqlite3.sqlite_version_info >= (3, 35) else ""
        wrong = _rows(
            conn,
            f"WITH d AS {materialized}(SELECT DISTINCT {column} AS v FROM {table}) "
            f"SELECT v FROM d WHERE NOT coalesce({rule}, 0) LIMIT 3",
        )
        if not wrong:
            return []
        broken = f"NOT coalesce(({_stamp_ok(column, nullable)}), 0)"
        bad = _rows(conn, f"SELECT rowid FROM {table} WHERE {broken} LIMIT 3")
        count = int(conn.execute(f"SELECT count(*) FROM {table} WHERE {broken}").fetchone()[0])
    except UNREADABLE as exc:
        return [(f"{table}: {exc}", f"{table}: {exc}")]
    return [_invalid(table, count, label, bad)]


def _encoding_findings(conn: sqlite3.Connection, present: set[str]) -> list[Line]:
    """Text that is no UTF-8: each column read as one concatenation (fast), and only a
    column that fails read again row by row, to name the row."""
    findings: list[Line] = []
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        for table, columns in TEXT_COLUMNS.items():
            if table not in present:
                continue
            for column in columns:
                try:
                    whole = conn.execute(f"SELECT group_concat({column}, '') FROM {table}")
                    joined = whole.fetchone()[0]
                    if not isinstance(joined, bytes) or _utf8(joined):
                        continue
                    rowid = next(
                        (
                            row[0]
                            for row in conn.execute(f"SELECT rowid, {column} FROM {table}")
                            if isinstance(row[1], bytes) and not _utf8(row[1])
                        ),
                        "?",
                    )
                except UNREADABLE as exc:
                    findings.append((f"{table}: {exc}", f"{table}: {exc}"))
                    break
                findings.append(
                    (
                        f"{table}: Text, der kein UTF-8 ist (Zeile {rowid})",
                        f"{table}: text that is no UTF-8 (row {rowid})",
                    )
                )
                break
    finally:
        conn.text_factory = previous
    return findings


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that reads `path` without writing a byte."""
    return sqlite3.connect(read_only_uri(path), uri=True)


def file_findings(path: Path, *, full: bool = True) -> list[Line]:
    """`sqlite_findings` of the file `path`, read without writing."""
    try:
        conn = open_read_only(path)
    except UNREADABLE as exc:
        return [(str(exc), str(exc))]
    try:
        return sqlite_findings(conn, full=full)
    finally:
        with contextlib.suppress(*UNREADABLE):
            conn.close()


def check_file(path: Path, known: tuple[str, ...], head: str) -> tuple[list[Line], list[Line]]:
    """(problems, facts) of the SQLite file `path`, for `aipdesk check`: read without
    writing a byte, whatever state the file is in; every step's finding is one line and
    none stops the others. `known`: the schema revisions this aipdesk knows; `head`: its
    newest."""
    problems: list[Line] = []
    facts: list[Line] = []
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        reason = str(exc.strerror or exc)
        return [(f"Datei: {reason}", f"file: {reason}")], facts
    if header != b"SQLite format 3\x00":
        return [
            (
                "Datei: keine SQLite-Datenbank (oder ihr Kopf ist beschädigt)",
                "file: no SQLite database (or its header is damaged)",
            )
        ], facts
    try:
        conn = open_read_only(path)
    except UNREADABLE as exc:
        return [(f"Datei: {exc}", f"file: {exc}")], facts
    try:
        _schema(conn, known, head, problems, facts)
        findings = sqlite_findings(conn, full=True)
        problems += [(f"Integritätsprüfung: {de}", f"integrity check: {en}") for de, en in findings]
        if not findings:
            facts.append(("Integritätsprüfung: ok", "integrity check: ok"))
        _foreign_keys(conn, problems, facts)
        with contextlib.suppress(*UNREADABLE):
            count = conn.execute("SELECT count(*) FROM monthly_values").fetchone()[0]
            facts.append((f"Monatswerte: {count}", f"monthly values: {count}"))
    finally:
        with contextlib.suppress(*UNREADABLE):
            conn.close()
    return problems, facts


def _foreign_keys(conn: sqlite3.Connection, problems: list[Line], facts: list[Line]) -> None:
    try:
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    except UNREADABLE as exc:
        problems.append((f"Fremdschlüssel: {exc}", f"foreign keys: {exc}"))
        return
    for table, rowid, parent, _ in broken[:MAX_FINDINGS]:
        problems.append(
            (
                f"Fremdschlüssel: {table} Zeile {rowid} verweist ins Leere ({parent})",
                f"foreign keys: {table} row {rowid} points nowhere ({parent})",
            )
        )
    if not broken:
        facts.append(("Fremdschlüssel: ok", "foreign keys: ok"))


def _schema(
    conn: sqlite3.Connection,
    known: tuple[str, ...],
    head: str,
    problems: list[Line],
    facts: list[Line],
) -> None:
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"settings", "alembic_version"} <= tables:
            problems.append(
                (
                    "Schema: keine aipdesk-Datenbank (Tabellen fehlen)",
                    "schema: no aipdesk database (tables are missing)",
                )
            )
            return
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except UNREADABLE as exc:
        problems.append((f"Schema: {exc}", f"schema: {exc}"))
        return
    revision = None if row is None else str(row[0])
    if revision == head:
        facts.append((f"Schemaversion {revision}: aktuell", f"schema version {revision}: current"))
    elif revision in known:
        problems.append(
            (
                f"Schemaversion {revision}, erwartet {head}",
                f"schema version {revision}, expected {head}",
            )
        )
    else:
        problems.append(
            (
                f"Schemaversion {revision}: unbekannt (erwartet {head})",
                f"schema version {revision}: unknown (expected {head})",
            )
        )
