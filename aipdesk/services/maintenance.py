"""Checking a database and reading its change log."""

from __future__ import annotations

from sqlalchemy import text

from aipdesk.domain.audit import Change
from aipdesk.domain.months import Month
from aipdesk.store import changelog
from aipdesk.store.database import SCHEMA_HEAD, Database
from aipdesk.store.queries import value_count

__all__ = ["Change", "check", "history"]


def check(db: Database) -> tuple[list[str], list[str]]:
    """(problems, facts): integrity, foreign keys and schema version of `db`."""
    problems: list[str] = []
    facts: list[str] = []
    revision = db.revision()
    if revision != SCHEMA_HEAD:
        problems.append(f"Schemaversion {revision}, erwartet {SCHEMA_HEAD}")
    else:
        facts.append(f"Schemaversion {revision}: aktuell")
    with db.engine.connect() as conn:
        if db.is_sqlite:
            result = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems.extend(f"Integritätsprüfung: {line}" for line in result)
            else:
                facts.append("Integritätsprüfung: ok")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            for table, rowid, parent, _ in broken:
                problems.append(
                    f"Fremdschlüssel: {table} Zeile {rowid} verweist ins Leere ({parent})"
                )
            if not broken:
                facts.append("Fremdschlüssel: ok")
        else:
            conn.execute(text("SELECT 1"))
            facts.append("Verbindung: ok")
    with db.read() as session:
        facts.append(f"Monatswerte: {value_count(session)}")
    return problems, facts


def history(
    db: Database, project: str | None = None, metric: str | None = None, month: Month | None = None
) -> list[Change]:
    with db.read() as session:
        return changelog.history(session, project, metric, month)
