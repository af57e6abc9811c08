"""Running the Alembic migrations of `db/migrations` on an open database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config

from aipdesk.paths import migrations_dir

if TYPE_CHECKING:
    from aipdesk.store.database import Database


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the schema to `revision` in one transaction (SQLite DDL is transactional)."""
    config = alembic_config()
    # SQLite: take the write lock at BEGIN, so that a second opener waits on the busy
    # timeout instead of failing when its read lock cannot be upgraded.
    with db.engine.execution_options(aipdesk_begin="IMMEDIATE").begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two people opening a new shared database at once: the second waits here,
            # then finds the schema at head (Alembic reads the version after the lock).
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(1095323715)")
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
