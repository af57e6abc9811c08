"""The database: pragmas, constraints, migrations, and refusing foreign files untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from aipdesk.domain.errors import DomainError
from aipdesk.store.checks import KNOWN_REVISIONS, SCHEMA_HEAD
from aipdesk.store.database import Database, open_database
from aipdesk.store.models import Base
from aipdesk.store.schema import head_revision


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_on_every_connection(sqlite_empty_db: Database) -> None:
    for _ in range(2):
        with sqlite_empty_db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        sqlite_empty_db.engine.dispose()


def test_schema_head_is_alembic_head() -> None:
    assert head_revision() == SCHEMA_HEAD
    assert KNOWN_REVISIONS[-1] == SCHEMA_HEAD


def test_migrations_and_models_agree(empty_db: Database) -> None:
    with empty_db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_value_constraints_hold_in_the_database(db: Database) -> None:
    with db.engine.connect() as conn, pytest.raises(IntegrityError):
        conn.execute(
            text(
                "INSERT INTO monthly_values (project_id, metric_id, year, month, value,"
                " version, updated_by) VALUES (1, 1, 2021, 1, -1, 1, 'x')"
            )
        )
    with db.engine.connect() as conn, pytest.raises(IntegrityError):  # foreign key
        conn.execute(
            text(
                "INSERT INTO monthly_values (project_id, metric_id, year, month, value,"
                " version, updated_by) VALUES (999, 1, 2021, 1, 1, 1, 'x')"
            )
        )
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO monthly_values (project_id, metric_id, year, month, value,"
                " version, updated_by) VALUES (1, 1, 2021, 1, 1, 1, 'x')"
            )
        )
    with db.engine.connect() as conn, pytest.raises(IntegrityError):  # unique cell
        conn.execute(
            text(
                "INSERT INTO monthly_values (project_id, metric_id, year, month, value,"
                " version, updated_by) VALUES (1, 1, 2021, 1, 2, 1, 'x')"
            )
        )


def test_reopen_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    open_database(path).close()
    open_database(path).close()
    assert not list((tmp_path / "home").glob("**/*.sqlite"))  # no backup: nothing migrated


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    open_database(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kunden (name TEXT)")
    conn.execute("INSERT INTO kunden VALUES ('Erika Mustermann')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("kind", ["text", "foreign-sqlite", "truncated", "newer-schema"])
def test_foreign_files_are_refused_untouched(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "other.sqlite"
    if kind == "text":
        path.write_text("Projekt;Wert\nNEUSTART;5\n", encoding="utf-8")
    elif kind == "foreign-sqlite":
        _foreign_sqlite(path)
    elif kind == "truncated":
        open_database(path).close()
        path.write_bytes(path.read_bytes()[:100] + b"\x00garbage" * 50)
    else:
        open_database(path).close()
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.close()
    before = digest(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(DomainError) as info:
        open_database(path)
    message = str(info.value)
    assert str(path) in message
    assert (
        ("keine aipdesk-Datenbank" in message and "nicht verändert" in message)
        or (kind == "newer-schema" and "neueren aipdesk-Version" in message)
        # an SQLite file whose pages are damaged: refused as damaged (its backup offered)
        or (kind == "truncated" and "ist beschädigt" in message and "nicht verändert" in message)
    )
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings  # no -wal, -shm, journal


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(DomainError):
        open_database(tmp_path / "nope.sqlite", create=False)
    assert not (tmp_path / "nope.sqlite").exists()


def test_write_block_is_all_or_nothing(db: Database) -> None:
    from aipdesk.store.models import SettingRow

    with pytest.raises(RuntimeError), db.write() as session:
        session.add(SettingRow(key="a", value="1"))
        session.flush()
        raise RuntimeError("power cut")
    with db.read() as session:
        assert session.get(SettingRow, "a") is None


def test_upgrade_from_an_older_schema_backs_up_first(tmp_path: Path) -> None:
    from aipdesk.store.backup import backup_dir
    from aipdesk.store.engine import make_engine
    from aipdesk.store.schema import upgrade

    path = tmp_path / "old.sqlite"
    old = Database("sqlite:///" + str(path), make_engine("sqlite:///" + str(path)))
    upgrade(old, "0001")  # a database written by the first release
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO projects (code, name, description, active, position) "
                          "VALUES ('X', 'Projekt X', '', 1, 1)"))
    old.close()
    assert not list(backup_dir().glob("*.sqlite"))
    db = open_database(path)
    assert db.revision() == SCHEMA_HEAD
    (copy,) = backup_dir().glob("old-vor-migration-*.sqlite")
    with sqlite3.connect(copy) as conn:  # the backup holds the old schema and the data
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT name FROM projects").fetchall() == [("Projekt X",)]
    conn.close()
    db.close()
