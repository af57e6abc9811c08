"""The statements that write many monthly values and their change log at once.

An import of 100,000 values spends most of its write in SQLAlchemy's per-row work
(building each row's parameters, formatting the same time 200,000 times). On SQLite
the rows go to the driver's executemany as plain tuples, through the connection of
the unit of work (its transaction, its error handling), with the time formatted
once by SQLAlchemy's own processor: the stored text is the same
(tests/test_batch_plain.py). Elsewhere they go through SQLAlchemy Core.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, insert, update
from sqlalchemy.engine import Connection

from aipdesk.store.models import ChangeRow, ValueRow

__all__ = ["ROW", "UPDATE", "Rows"]


class Rows:
    """The statements of `batch.write_incoming`, one `write` per chunk of values: the
    new values, the changed ones (by row id) and a change-log row for each."""

    _INSERT = (
        "INSERT INTO monthly_values (project_id, metric_id, year, month, value, note, "
        "version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    _UPDATE = (
        "UPDATE monthly_values SET value = ?, note = ?, updated_by = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ?"
    )
    _LOG = (
        'INSERT INTO change_log (at, "user", source, action, entity, project, metric, year, '
        "month, old, new) VALUES (?, ?, ?, ?, 'value', ?, ?, ?, ?, ?, ?)"
    )
    _VALUE_KEYS = ("project_id", "metric_id", "year", "month", "value", "note", "version")
    _LOG_KEYS = ("user", "source", "action", "project", "metric", "year", "month", "old", "new")

    def __init__(self, connection: Connection, stamp: datetime) -> None:
        self.connection = connection
        self.stamp = stamp
        self.plain = connection.dialect.name == "sqlite"
        if self.plain:
            dialect = connection.dialect
            process = ValueRow.__table__.c.updated_at.type.dialect_impl(dialect).bind_processor(
                dialect
            )
            self.at: object = process(stamp) if process else stamp

    def write(
        self,
        inserts: list[tuple[object, ...]],
        updates: list[tuple[object, ...]],
        log: list[tuple[object, ...]],
    ) -> None:
        connection, stamp = self.connection, self.stamp
        if self.plain:
            at = self.at
            if inserts:
                connection.exec_driver_sql(self._INSERT, [(*row, at) for row in inserts])
            if updates:
                connection.exec_driver_sql(
                    self._UPDATE, [(v, n, by, at, rid) for v, n, by, rid in updates]
                )
            if log:
                connection.exec_driver_sql(self._LOG, [(at, *row) for row in log])
            return
        if inserts:
            connection.execute(
                insert(ValueRow),
                [
                    {**dict(zip(self._VALUE_KEYS, row[:7], strict=True)), "updated_by": row[7],
                     "updated_at": stamp}
                    for row in inserts
                ],
            )  # fmt: skip
        if updates:
            connection.execute(
                UPDATE,
                [{ROW: rid, "v": v, "n": n, "by": by, "at": stamp} for v, n, by, rid in updates],
            )
        if log:
            connection.execute(
                insert(ChangeRow),
                [
                    {**dict(zip(self._LOG_KEYS, row, strict=True)), "at": stamp, "entity": "value"}
                    for row in log
                ],
            )


# The row's id under the name the ORM gives it: a refusal of the database names the row
# by it (store.engine: which project and month a refused write was about).
ROW = "monthly_values_id"
# A changed value by its row id (services.cellwrite writes with it too).
UPDATE = (
    update(ValueRow)
    .where(ValueRow.id == bindparam(ROW))
    .values(
        value=bindparam("v"),
        note=bindparam("n"),
        updated_by=bindparam("by"),
        updated_at=bindparam("at"),
        version=ValueRow.version + 1,
    )
)
