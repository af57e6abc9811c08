"""Shared fixtures: a fresh database per test, seeded with the AIP 2021 catalogue.

`empty_db` and `db` run every test that uses them twice: on an SQLite file and on
a PostgreSQL database (test ids `[sqlite]` and `[postgresql]`; `-m postgresql`
selects the second). The PostgreSQL server is the one in `AIPDESK_TEST_PG_URL`
(`.ci/run` starts one with `.ci/pg-test-server`); without it, a private server
is started when this runs as an ordinary user with PostgreSQL installed, else the
PostgreSQL half is skipped. Under CI (`CI` set) a missing server is an error.

Tests of what only an SQLite file has (pragmas, file permissions, backups,
foreign files) use `sqlite_empty_db` and `sqlite_db` and run once; a test that
reaches `db` through another fixture is held to SQLite with `@sqlite_only`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from aipdesk.services.base import Actor
from aipdesk.services.catalogue import load_catalogue
from aipdesk.store.database import Database, open_database
from tests.support.postgres import PgServer, private_server

PG_URL_ENV = "AIPDESK_TEST_PG_URL"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the PostgreSQL server `postgresql` (`-m postgresql`)."""
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgresql)


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep backups, logs, the start-up cache and the default database of every test
    out of the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("AIPDESK_NO_START_CACHE", raising=False)
    monkeypatch.delenv("AIPDESK_DB", raising=False)


@pytest.fixture
def actor() -> Actor:
    return Actor("tester", "test")


# --- PostgreSQL ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The PostgreSQL server of this test session (see the module docstring)."""
    url = os.environ.get(PG_URL_ENV)
    private = None
    folder = None
    if not url:
        # Unix socket paths are short (107 bytes): a folder of its own directly under /tmp.
        folder = Path(tempfile.mkdtemp(prefix="aipdesk-pg-"))
        private = private_server(folder)
        if private is not None:
            url = next(private)
    if not url:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        reason = (
            f"no PostgreSQL server: set {PG_URL_ENV} (e.g. from `.ci/pg-test-server start`) "
            "or run as a user other than root with PostgreSQL installed"
        )
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; under CI the PostgreSQL tests must run", pytrace=False)
        pytest.skip(reason)
    server = PgServer(url)
    try:
        yield server
    finally:
        server.close()
        if private is not None:
            private.close()  # runs the generator's finally: stops the server
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def _postgres_db(request: pytest.FixtureRequest, kind: str) -> Iterator[Database]:
    server: PgServer = request.getfixturevalue("pg_server")
    url = server.create(kind)
    db = open_database(url)
    try:
        yield db
    finally:
        db.close()
        server.drop(url)


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[Callable[..., str]]:
    """Make PostgreSQL databases for this test: `pg_database("blank" | "empty" |
    "catalogue", owner=None)` gives the URL of a new one. All are dropped afterwards."""
    made: list[str] = []

    def make(kind: str = "blank", owner: str | None = None) -> str:
        made.append(pg_server.create(kind, owner))
        return made[-1]

    yield make
    for url in made:
        pg_server.drop(url)


# --- the databases of the tests ----------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def db_backend(request: pytest.FixtureRequest) -> str:
    """`sqlite` or `postgresql`: the backend of `empty_db` and `db` in this test."""
    return str(request.param)


@pytest.fixture
def sqlite_empty_db(tmp_path: Path) -> Iterator[Database]:
    """A new SQLite file (migrated, nothing loaded): for tests of the file itself."""
    db = open_database(tmp_path / "aipdesk.sqlite")
    yield db
    db.close()


@pytest.fixture
def sqlite_db(sqlite_empty_db: Database, actor: Actor) -> Database:
    load_catalogue(sqlite_empty_db, actor)
    return sqlite_empty_db


@pytest.fixture
def empty_db(db_backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A new, migrated database with nothing loaded, on each backend."""
    if db_backend == "sqlite":
        yield request.getfixturevalue("sqlite_empty_db")
    else:
        yield from _postgres_db(request, "empty")


@pytest.fixture
def db(db_backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A new database with the AIP 2021 catalogue loaded (by `tester`), on each backend."""
    if db_backend == "sqlite":
        yield request.getfixturevalue("sqlite_db")
    else:
        yield from _postgres_db(request, "catalogue")


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


# For a test whose subject is the file or the workbook rather than the database (file
# formats, refusals before any read): run it on SQLite only, e.g. with `db` or `logged`.
sqlite_only = pytest.mark.parametrize("db_backend", ["sqlite"])
