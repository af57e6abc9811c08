"""Alembic environment: aipdesk always passes an open connection (see aipdesk.store.schema)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("aipdesk runs its migrations through aipdesk.store.schema.upgrade()")

# Batch mode lets ALTER work on SQLite (it recreates the table), and is a no-op elsewhere.
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
