"""On SQLite an import's rows are written with the driver's executemany of plain rows
(`bulkrows.Rows`): what is stored must be, byte for byte, what SQLAlchemy Core stores
(elsewhere, and before): the time's text, the versions, the change log."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from aipdesk.domain.months import Month
from aipdesk.services import batch, bulkrows
from aipdesk.services.base import Actor
from aipdesk.services.batch import Incoming, write_values
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.values import KEEP, log_value
from aipdesk.store.database import open_database

MOMENT = datetime(2026, 3, 4, 5, 6, 7, 890_123, tzinfo=UTC)
TEXT = "2026-03-04 05:06:07.890123"
ODD = 'Zeile 1\nZeile 2 "zitiert" \\ ä €\u2028\t😀'


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the values and the change log as SQLite holds them (the times as text)."""
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("monthly_values", "change_log")
        }
    finally:
        conn.close()


def _written(path: Path, actor: Actor, plain: bool, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = open_database(path)
    try:
        load_catalogue(db, actor)
        log_value(db, Actor("vorher", "cli"), "NEUSTART", "integrations", Month(2021, 1), 5)
        with monkeypatch.context() as patch:
            patch.setattr(batch, "now", lambda: MOMENT)
            if not plain:
                start = bulkrows.Rows.__init__

                def core(self: Any, *args: Any) -> None:
                    start(self, *args)
                    self.plain = False

                patch.setattr(bulkrows.Rows, "__init__", core)
            incoming = [
                Incoming("NEUSTART", "integrations", Month(2021, 1), 6, ODD, "Daten!E2"),
                Incoming("NEUSTART", "integrations", Month(2021, 2), 0, KEEP, "Daten!E3"),
                Incoming("LIA", "job_starts", Month(2021, 2), 8, None, "Daten!E4"),
            ]
            write_values(db, Actor("einer", "import"), incoming, origin="Büro.xlsx")
    finally:
        db.close()
    return path


def test_plain_rows_store_what_sqlalchemy_stores(
    tmp_path: Path, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _tables(_written(tmp_path / "plain.sqlite", actor, True, monkeypatch))
    core = _tables(_written(tmp_path / "core.sqlite", actor, False, monkeypatch))
    for tables in (plain, core):  # the time as SQLAlchemy writes it on SQLite
        assert [row[-1] for row in tables["monthly_values"]] == [TEXT] * 3
        assert [(row[1], row[4]) for row in tables["change_log"][-3:]] == [
            (TEXT, "update"),
            (TEXT, "insert"),
            (TEXT, "insert"),
        ]
    # The change log's times of the catalogue's loading differ by the moment it ran.
    assert plain["monthly_values"] == core["monthly_values"]
    assert [row[2:] for row in plain["change_log"]] == [row[2:] for row in core["change_log"]]
