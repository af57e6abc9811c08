"""Consistent copies of an SQLite database while it is in use (SQLite's online backup API)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from aipdesk.domain.errors import DomainError

if TYPE_CHECKING:
    from aipdesk.store.database import Database

KEEP_BACKUPS = 14


def backup_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("aipdesk", appauthor=False)) / "backups"


def default_backup_name(db_path: Path, reason: str = "backup") -> str:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return f"{db_path.stem}-{reason}-{stamp}.sqlite"


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy `source` to `target` page by page; a consistent snapshot even during writes."""
    if target.exists():
        raise FileExistsError(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # A backup is a single file: take it out of WAL mode so it travels alone.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    target.chmod(0o600)
    return target


def backup(db: Database, target: Path | None = None, reason: str = "backup") -> Path:
    if not db.is_sqlite or db.path is None:
        raise DomainError(
            "db_unreachable",
            path=db.url,
            reason=(
                "Sicherungen von Server-Datenbanken macht deren Administration (pg_dump)",
                "server databases are backed up by their administrators (pg_dump)",
            ),
        )
    if target is None:
        target = backup_dir() / default_backup_name(db.path, reason)
    return backup_sqlite(db.path, target)


def backup_before_migration(db: Database) -> Path:
    path = backup(db, reason="vor-migration")
    rotate(backup_dir())
    return path


def rotate(folder: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest `keep` automatic backups in `folder`; returns the deleted."""
    backups = sorted(folder.glob("*-vor-migration-*.sqlite")) + sorted(
        folder.glob("*-taeglich-*.sqlite")
    )
    backups.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    removed = backups[keep:]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
