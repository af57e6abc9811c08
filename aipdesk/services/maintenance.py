"""Checking a database, reading its change log, the daily backup and restoring a backup."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from aipdesk.domain.audit import Change
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor, Changes
from aipdesk.services.operation import ReplacingOperation, Result, Text, told
from aipdesk.store import changelog
from aipdesk.store.backup import daily_backup
from aipdesk.store.checks import KNOWN_REVISIONS, SCHEMA_HEAD, damaged, summary
from aipdesk.store.database import Database, open_database
from aipdesk.store.integrity import Line, check_file, file_findings
from aipdesk.store.locations import sqlite_path
from aipdesk.store.queries import value_count
from aipdesk.store.restore import RestoreResult, catalogue_codes, restore_backup

__all__ = [
    "Change",
    "RestoreBackup",
    "RestoreResult",
    "check",
    "history",
    "restore",
    "start_of_day",
]

log = logging.getLogger("aipdesk")


def start_of_day(db: Database) -> Path | None:
    """The daily backup of `db` at the start of the GUI or of a writing command.

    Takes one if this database file has none of today yet (then rotates, keeping 14
    per database name) and returns its path; None if there was nothing to do (one
    today already, a server, read-only or new database). Never raises: a failed
    backup becomes a ``daily_backup_failed`` notice in ``db.notices``.
    """
    try:
        return daily_backup(db)
    except Exception as exc:  # a backup must never stop the work it protects
        log.warning("daily backup of %s failed", db.where, exc_info=exc)
        reason = exc.text("de") if isinstance(exc, DomainError) else str(exc) or type(exc).__name__
        reason_en = exc.text("en") if isinstance(exc, DomainError) else reason
        db.notices.append(
            DomainError(Code.daily_backup_failed, path=db.where, reason=(reason, reason_en))
        )
        return None


@dataclass(frozen=True)
class RestoreBackup(ReplacingOperation):
    """Replace the database by the backup (or any aipdesk database) at `source`.

    Its inverse restores the copy of the replaced state that the restore keeps (checked
    sound and complete before anything is replaced), whose inverse restores the state
    the restore left, and so on: undo and redo of a restore are restores too. The
    replaced state of a damaged database is kept byte for byte, but cannot be restored:
    such a restore has no inverse. `Result.detail` is the `RestoreResult`.
    """

    source: str

    def label(self) -> Text:
        return told(Note.op_restore, source=Path(self.source).name)

    def replace(self, location: str, actor: Actor) -> Result:
        target = sqlite_path(location)
        before = catalogue_codes(target) if target is not None else (frozenset(), frozenset())
        done = restore_backup(location, self.source, user=actor.user, via=actor.source)
        after = catalogue_codes(done.target)
        changes = Changes(projects=before[0] | after[0], metrics=before[1] | after[1])
        previous = done.backup_of_current
        inverse = RestoreBackup(str(previous)) if previous is not None and done.verified else None
        return Result(changes, inverse, done)


def restore(
    location: str | os.PathLike[str], source: str | os.PathLike[str], actor: Actor
) -> RestoreResult:
    """Replace the database at `location` by the backup `source` (`RestoreBackup`; see
    :func:`aipdesk.store.restore.restore_backup`).

    The caller closes its own `Database` on `location` first (on Windows a file
    still open cannot be replaced) and opens it again afterwards. Refusals raise
    ``restore_refused`` with nothing changed.
    """
    done: RestoreResult = (
        RestoreBackup(os.fspath(source)).replace(os.fspath(location), actor).detail
    )
    return done


def check_location(location: str | os.PathLike[str]) -> tuple[list[Line], list[Line]]:
    """(problems, facts) of the database at `location`, whatever state it is in.

    An SQLite file is read without writing a byte and without being opened as a
    database first (a damaged one would be refused at the door): integrity and data
    rules, foreign keys, schema version; a damaged file's report ends with its newest
    usable backup. A server database is opened and checked as `check` does.
    """
    path = sqlite_path(location)
    if path is None:
        db = open_database(location, create=False)
        try:
            return check(db)
        finally:
            db.close()
    if not path.exists():
        raise DomainError(Code.db_missing, path=str(path))
    problems, facts = check_file(path, KNOWN_REVISIONS, SCHEMA_HEAD)
    if problems:
        problems.append(damaged(path, "").params["offer"])
    return problems, facts


def damage_behind(location: str | os.PathLike[str]) -> DomainError | None:
    """After an error no rule foresaw: ``db_damaged`` if the SQLite file at `location`
    fails the full check (a large file is fully checked once a day only, so a read may
    meet damage first), else None. Never raises."""
    try:
        path = sqlite_path(location)
        if path is None or not path.is_file():
            return None
        findings = file_findings(path, full=True)
        return damaged(path, summary(findings)) if findings else None
    except Exception:  # the original error is reported then
        return None


def check(db: Database) -> tuple[list[Line], list[Line]]:
    """(problems, facts), each in German and English: integrity, foreign keys and schema
    version of the open `db` (a server database; an SQLite file: `check_location`)."""
    problems: list[Line] = []
    facts: list[Line] = []
    revision = db.revision()
    if revision != SCHEMA_HEAD:
        problems.append(
            (
                f"Schemaversion {revision}, erwartet {SCHEMA_HEAD}",
                f"schema version {revision}, expected {SCHEMA_HEAD}",
            )
        )
    else:
        facts.append((f"Schemaversion {revision}: aktuell", f"schema version {revision}: current"))
    with db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
        facts.append(("Verbindung: ok", "connection: ok"))
    with db.read() as session:
        count = value_count(session)
    facts.append((f"Monatswerte: {count}", f"monthly values: {count}"))
    return problems, facts


def history(
    db: Database, project: str | None = None, metric: str | None = None, month: Month | None = None
) -> list[Change]:
    with db.read() as session:
        return changelog.history(session, project, metric, month)
