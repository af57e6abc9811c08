"""Shared fixtures: a fresh database per test, seeded with the AIP 2021 catalogue."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from aipdesk.services.base import Actor
from aipdesk.services.catalogue import load_catalogue
from aipdesk.store.database import Database, open_database


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep backups, logs and the default database of every test out of the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("AIPDESK_DB", raising=False)


@pytest.fixture
def actor() -> Actor:
    return Actor("tester", "test")


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "aipdesk.sqlite")
    yield db
    db.close()


@pytest.fixture
def db(empty_db: Database, actor: Actor) -> Database:
    load_catalogue(empty_db, actor)
    return empty_db


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: compare before and after to prove nothing changed."""
    tables = [
        "projects",
        "metrics",
        "project_metrics",
        "targets",
        "monthly_values",
        "change_log",
        "settings",
    ]
    with db.engine.connect() as conn:
        return {
            t: sorted(map(tuple, conn.exec_driver_sql(f"SELECT * FROM {t}").fetchall()), key=repr)
            for t in tables
        }
