"""The change log is append-only: the database refuses UPDATE and DELETE on it.

aipdesk only ever inserts into `change_log`; these triggers make that a rule of
the database itself, so that no code path (nor a slip in a future one) can
rewrite or erase the history of a monthly value. SQLite: BEFORE UPDATE/DELETE
triggers that RAISE(ABORT); PostgreSQL: a plpgsql function raising an exception,
fired before UPDATE or DELETE of a row and before TRUNCATE. A later migration
that rebuilds `change_log` in SQLite's batch mode (copy and rename) loses the
triggers with the old table and must create them again.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MESSAGE = "change_log is append-only"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION change_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation'; END $$"
        )
        op.execute(
            "CREATE TRIGGER change_log_no_update_delete BEFORE UPDATE OR DELETE ON change_log "
            "FOR EACH ROW EXECUTE FUNCTION change_log_append_only()"
        )
        op.execute(
            "CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION change_log_append_only()"
        )
        return
    for name, event in (("change_log_no_update", "UPDATE"), ("change_log_no_delete", "DELETE")):
        op.execute(
            f"CREATE TRIGGER {name} BEFORE {event} ON change_log "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS change_log_no_truncate ON change_log")
        op.execute("DROP TRIGGER IF EXISTS change_log_no_update_delete ON change_log")
        op.execute("DROP FUNCTION IF EXISTS change_log_append_only()")
        return
    op.execute("DROP TRIGGER IF EXISTS change_log_no_delete")
    op.execute("DROP TRIGGER IF EXISTS change_log_no_update")
