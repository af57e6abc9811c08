"""PostgreSQL as a first-class backend: the schema the migrations make, the command line
end to end (the same answers as on SQLite), the window, refusals that name no password,
passwords from the environment or ~/.pgpass and never stored, concurrent writers.

The storage and service tests run on PostgreSQL through the `db` fixture already
(tests/conftest.py); these are the checks only a server database needs. The server
is that of the test session (`pg_server`): `AIPDESK_TEST_PG_URL`, see .ci/pg-test-server.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from aipdesk.cli import main
from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Metric, MetricKind, Project
from aipdesk.domain.months import Month
from aipdesk.services.base import USER_LENGTH, Actor
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.projects import add_metric, add_project, edit_project
from aipdesk.services.values import log_value
from aipdesk.services.views import year_cells
from aipdesk.store.database import Database, open_database
from aipdesk.store.models import Base, ChangeRow, ValueRow
from aipdesk.store.queries import bump_catalog_version, catalog_version
from tests.conftest import snapshot
from tests.support.postgres import PASSWORD_ROLE, PgServer

SECRET = "geheim-Passw0rt"
TABLES = ("projects", "metrics", "project_metrics", "targets", "monthly_values", "change_log",
          "settings", "month_states", "month_deadlines", "value_reviews", "validation_rules",
          "access_grants", "budget_instruments", "budget_plans", "budget_entries")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child process, as a user (or a script) calls it."""
    return subprocess.run(
        [sys.executable, "-m", "aipdesk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        timeout=300,
    )


def ok(*args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., str]:
    """The command line in this process (faster than `ok`): its standard output."""

    def call(*args: str) -> str:
        code = main(list(args))
        out, err = capsys.readouterr()
        assert code == 0, err
        return out

    return call


@pytest.fixture
def pg_url(pg_database: Callable[..., str]) -> str:
    """A new, blank PostgreSQL database (no tables): what the IT department hands over."""
    return pg_database("blank")


@pytest.fixture
def pg_db(pg_database: Callable[..., str]) -> Iterator[Database]:
    db = open_database(pg_database("catalogue"))
    yield db
    db.close()


# -- the schema --------------------------------------------------------------------------


def _schema(db: Database) -> dict[str, Any]:
    """Columns, keys, indexes and named constraints, as the database itself reports them."""
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        result = {}
        for table in TABLES:
            result[table] = {
                "columns": [(c["name"], c["nullable"]) for c in inspector.get_columns(table)],
                "primary key": inspector.get_pk_constraint(table)["constrained_columns"],
                "foreign keys": sorted(
                    (tuple(fk["constrained_columns"]), fk["referred_table"],
                     tuple(fk["referred_columns"]))
                    for fk in inspector.get_foreign_keys(table)
                ),
                "indexes": sorted(
                    (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                    for i in inspector.get_indexes(table)
                    if not i.get("duplicates_constraint")  # PostgreSQL: a constraint's index
                ),
                "unique": sorted(
                    (u["name"], tuple(u["column_names"]))
                    for u in inspector.get_unique_constraints(table)
                    if u["name"] and not u["name"].endswith("_key")  # PostgreSQL's own names
                ),
                "checks": sorted(c["name"] for c in inspector.get_check_constraints(table)),
            }
        return result


def test_migrations_give_the_models_schema_on_postgresql(
    pg_url: str, sqlite_empty_db: Database
) -> None:
    db = open_database(pg_url)  # a blank database: the Alembic migrations make the schema
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
        schema = _schema(db)
        # The named constraints and indexes of the models, as on SQLite.
        expected_checks = {
            t.name: sorted(c.name for c in t.constraints if c.name and c.name.startswith("ck_"))
            for t in Base.metadata.sorted_tables
        }
        assert {t: s["checks"] for t, s in schema.items()} == expected_checks
        assert schema == _schema(sqlite_empty_db)
        assert db.revision() == sqlite_empty_db.revision()
    finally:
        db.close()


def test_column_lengths_are_the_services_limits() -> None:
    """PostgreSQL enforces VARCHAR lengths: the services check the same ones first."""
    assert ChangeRow.__table__.c.user.type.length == USER_LENGTH
    assert ValueRow.__table__.c.updated_by.type.length == USER_LENGTH


# -- the command line end to end -----------------------------------------------------------


def _normalised(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every cell of a workbook, with the moments of writing blanked out."""
    moment = re.compile(r"\d{2}\.\d{2}\.\d{4},? \d{2}:\d{2}(:\d{2})?")
    book = openpyxl.load_workbook(path)

    def clean(value: Any) -> Any:
        if isinstance(value, datetime):
            return "<Zeitpunkt>"
        if isinstance(value, str):
            return moment.sub("<Zeitpunkt>", value)
        return value

    return {
        ws.title: [tuple(clean(v) for v in row) for row in ws.iter_rows(values_only=True)]
        for ws in book.worksheets
    }


@pytest.mark.slow
def test_every_command_answers_as_on_sqlite(
    pg_url: str, tmp_path: Path, cli: Callable[..., str]
) -> None:
    """init, log, status, history, export, template and check on PostgreSQL and on an
    SQLite file with the same input give the same output, byte for byte where nothing
    but the time of writing differs."""
    sqlite = str(tmp_path / "vergleich.sqlite")
    for db in (pg_url, sqlite):
        assert "Katalog AIP 2021 geladen" in cli("init", "--db", db, "--user", "ci")
        assert "Datenbank ist aktuell" in cli("init", "--db", db, "--user", "ci")
    for db in (pg_url, sqlite):
        cli("log", "--db", db, "--user", "ci", "--project", "NEUSTART", "--metric",
            "integrations", "--month", "2021-03", "--value", "58", "--note", "Ostern – ÄÖÜß")
        cli("log", "--db", db, "--user", "ci", "--project", "NEUSTART", "--metric",
            "integrations", "--month", "2021-03", "--value", "61")
        cli("log", "--db", db, "--user", "ci", "--project", "JC", "--metric", "elb_stock",
            "--month", "2021-03", "--value", "27900")
    for args in (["--json"], [], ["--json", "--month", "2021-02"]):
        pg = cli("status", "--db", pg_url, "--year", "2021", *args)
        assert pg == cli("status", "--db", sqlite, "--year", "2021", *args)
    # The change log, shown in the local time of the person asking (JST-9: an offset
    # neither the server's Europe/Berlin nor UTC has).
    tokyo = {"TZ": "JST-9"}
    pg_history = ok("history", "--db", pg_url, "--project", "NEUSTART", env=tokyo).splitlines()
    sqlite_history = ok("history", "--db", sqlite, "--project", "NEUSTART", env=tokyo)
    assert [line[21:] for line in pg_history] == [
        line[21:] for line in sqlite_history.splitlines()
    ]
    assert pg_history[-1].endswith('58 ("Ostern – ÄÖÜß") → 61 ("Ostern – ÄÖÜß")')
    shown = datetime.strptime(pg_history[-1][:19], "%d.%m.%Y %H:%M:%S")
    now_in_tokyo = datetime.now(timezone(timedelta(hours=9))).replace(tzinfo=None)
    assert abs(now_in_tokyo - shown) < timedelta(minutes=5)
    for name in ("export", "template"):
        outputs = []
        for db in (pg_url, sqlite):
            out = tmp_path / f"{name}-{'pg' if db == pg_url else 'sqlite'}.xlsx"
            cli(name, "--db", db, "--year", "2021", "--out", str(out))
            outputs.append(_normalised(out))
        assert outputs[0] == outputs[1]
    assert "Verbindung: ok" in cli("check", "--db", pg_url)


def test_demo_status_json_is_byte_identical(
    pg_url: str, tmp_path: Path, cli: Callable[..., str]
) -> None:
    sqlite = str(tmp_path / "demo.sqlite")
    for db in (pg_url, sqlite):
        assert "506 Monatswerte geschrieben" in cli("demo", "--db", db, "--user", "ci")
    for year in ("2020", "2021"):
        pg = cli("status", "--db", pg_url, "--year", year, "--json")
        assert pg == cli("status", "--db", sqlite, "--year", year, "--json")


@pytest.mark.slow
def test_import_and_merge_into_a_postgresql_database(
    pg_url: str, pg_database: Callable[..., str], tmp_path: Path, cli: Callable[..., str]
) -> None:
    """A workbook and a team lead's laptop file go into the shared database."""
    laptop = str(tmp_path / "laptop.sqlite")
    cli("demo", "--db", laptop, "--user", "teamleitung")
    book = tmp_path / "AIP-2021.xlsx"
    cli("export", "--db", laptop, "--year", "2021", "--out", str(book))
    cli("init", "--db", pg_url)
    assert "Probelauf" in cli("import", "--db", pg_url, str(book), "--dry-run")
    cli("import", "--db", pg_url, str(book))

    def cells(location: str, year: int = 2021) -> set[tuple[Any, ...]]:
        db = open_database(location)
        try:
            return {(c.project, c.metric, c.month, c.value, c.note) for c in year_cells(db, year)}
        finally:
            db.close()

    assert cells(pg_url) == cells(laptop)
    merged = pg_database("blank")
    cli("init", "--db", merged)
    report = cli("merge", "--db", merged, laptop, "--user", "koordination")
    assert "506 Werte übernommen" in report
    assert cells(merged, 2020) == cells(laptop, 2020)
    assert cli("status", "--db", merged, "--year", "2021", "--json") == cli(
        "status", "--db", laptop, "--year", "2021", "--json"
    )


@pytest.mark.slow
def test_the_window_opens_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    assert main(["demo", "--db", pg_url]) == 0
    png = tmp_path / "dashboard.png"
    ok("--db", pg_url, "--screenshot", str(png), "--pane", "dashboard")
    assert png.read_bytes().startswith(b"\x89PNG")


def test_backup_is_refused_for_a_server_database(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--db", pg_url]) == 0
    assert main(["backup", "--db", pg_url]) == 1
    assert "pg_dump" in capsys.readouterr().err


# -- refusals name no password -------------------------------------------------------------


def _user_files_text(home: Path) -> str:
    """Everything aipdesk wrote to the (private) user folders: logs, settings, backups."""
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in home.rglob("*") if p.is_file()
    )


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://u:{SECRET}@/x?host=/nonexistent",
        f"postgresql+psycopg://u:{SECRET}@127.0.0.1:1/x?connect_timeout=5",
        f"postgresql+psycopg://u@/x?host=/nonexistent&password={SECRET}",
    ],
    ids=["no-socket", "tcp-refused", "password-in-query"],
)
@pytest.mark.parametrize("command", [["init"], ["status", "--year", "2021"], ["check"]])
@pytest.mark.postgresql  # needs no server: there is none to reach
def test_an_unreachable_server_gives_one_german_line_without_the_password(
    url: str, command: list[str]
) -> None:
    result = run(command[0], "--db", url, *command[1:])
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("aipdesk: Die Datenbank postgresql+psycopg://***@")
    assert "lässt sich nicht öffnen" in result.stderr
    assert SECRET not in result.stderr
    assert _user_files_text(Path(os.environ["XDG_STATE_HOME"]).parent).count(SECRET) == 0


def test_a_missing_or_foreign_database_names_no_password(
    pg_server: PgServer, pg_database: Callable[..., str]
) -> None:
    missing = pg_server.url.set(database="gibt_es_nicht", password=SECRET)
    result = run("status", "--db", missing.render_as_string(hide_password=False), "--year", "2021")
    assert result.returncode == 1
    assert 'database "gibt_es_nicht" does not exist' in result.stderr
    assert SECRET not in result.stdout + result.stderr

    foreign = pg_database("blank")
    engine = create_engine(foreign, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE kunden (name text)"))
    engine.dispose()
    with_password = make_url(foreign).set(password=SECRET).render_as_string(hide_password=False)
    before = run("status", "--db", with_password, "--year", "2021")
    assert before.returncode == 1
    assert "keine aipdesk-Datenbank (sie enthält fremde Tabellen)" in before.stderr
    assert SECRET not in before.stdout + before.stderr


# -- passwords -----------------------------------------------------------------------------


@pytest.fixture
def password_role(pg_server: PgServer) -> Iterator[str]:
    """The role that must log in with `SECRET` (pg_hba.conf: scram-sha-256)."""
    with pg_server.admin.connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": PASSWORD_ROLE}
        ).scalar()
        if not exists:
            conn.exec_driver_sql(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{SECRET}'")
    probe = pg_server.url.set(username=PASSWORD_ROLE, password="falsch", database="postgres")
    engine = create_engine(probe, poolclass=NullPool)
    try:
        with engine.connect():
            pytest.skip("this server lets the role in without its password (see pg_hba.conf)")
    except Exception:
        pass  # refused: the server asks for the password
    finally:
        engine.dispose()
    yield PASSWORD_ROLE


def test_a_wrong_password_is_refused_in_one_line(
    password_role: str, pg_database: Callable[..., str]
) -> None:
    url = make_url(pg_database("blank", owner=password_role)).set(
        username=password_role, password="falsch-" + SECRET
    )
    result = run("init", "--db", url.render_as_string(hide_password=False))
    assert result.returncode == 1
    assert "password authentication failed" in result.stderr
    assert SECRET not in result.stdout + result.stderr


@pytest.mark.slow
def test_the_password_comes_from_the_environment_or_pgpass_and_is_never_stored(
    password_role: str, pg_database: Callable[..., str], tmp_path: Path
) -> None:
    """aipdesk keeps no URL anywhere: the password is in AIPDESK_DB, in PGPASSWORD or in
    ~/.pgpass (PGPASSFILE) – libpq's own sources – and in no table and no file."""
    plain = make_url(pg_database("blank", owner=password_role)).set(username=password_role)
    with_password = plain.set(password=SECRET).render_as_string(hide_password=False)
    without = plain.render_as_string(hide_password=False)

    # The URL with the password in the environment, as a start script sets it.
    out = ok("init", "--user", "it", env={"AIPDESK_DB": with_password})
    assert SECRET not in out
    ok("log", "--project", "NEUSTART", "--metric", "integrations", "--month", "2021-01",
       "--value", "5", env={"AIPDESK_DB": with_password})
    # No password in the URL: libpq reads it from PGPASSWORD or from the password file.
    ok("log", "--db", without, "--project", "NEUSTART", "--metric", "integrations",
       "--month", "2021-02", "--value", "6", env={"PGPASSWORD": SECRET})
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:{password_role}:{SECRET}\n", encoding="utf-8")
    pgpass.chmod(0o600)
    ok("log", "--db", without, "--project", "NEUSTART", "--metric", "integrations",
       "--month", "2021-03", "--value", "7", env={"PGPASSFILE": str(pgpass)})
    told = ok("history", "--db", without, env={"PGPASSFILE": str(pgpass)})
    assert "NeuStart / Integrationen / März 2021: – → 7" in told
    # Without any of them the server refuses, and says so.
    refused = run("status", "--db", without, "--year", "2021",
                  env={"PGPASSFILE": str(tmp_path / "none")})
    assert refused.returncode == 1 and "password" in refused.stderr

    db = open_database(with_password)
    try:
        log_value(db, Actor("it", "gui"), "NEUSTART", "integrations", Month(2021, 4), 8)
        rows = snapshot(db)
    finally:
        db.close()
    assert len(rows["monthly_values"]) == 4
    assert SECRET not in repr(rows)  # no settings row, no change-log entry holds it
    assert SECRET not in repr(db)
    assert _user_files_text(Path(os.environ["XDG_STATE_HOME"]).parent).count(SECRET) == 0


# -- several writers at once ---------------------------------------------------------------


def test_catalog_version_bumps_of_two_writers_both_count(pg_db: Database) -> None:
    """Two units of work bump the catalog version at the same time: both bumps count, so
    a process that cached the catalog in between reads it anew."""
    other = open_database(pg_db.url)
    with pg_db.read() as session:
        start = catalog_version(session)
    second_done = threading.Event()
    errors: list[BaseException] = []

    def second() -> None:
        try:
            with other.write() as session:
                bump_catalog_version(session)  # waits for the first one's row lock
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            second_done.set()

    try:
        with pg_db.write() as session:
            bump_catalog_version(session)
            thread = threading.Thread(target=second)
            thread.start()
            _wait_until_blocked(pg_db)
            assert not second_done.is_set()
        thread.join(timeout=30)
        assert not errors
        with pg_db.read() as session:
            assert catalog_version(session) == start + 2
    finally:
        other.close()


def _wait_until_blocked(db: Database, timeout: float = 10.0) -> None:
    """Until another connection of this database waits for a lock."""
    deadline = time.monotonic() + timeout
    with db.engine.connect() as conn:
        while time.monotonic() < deadline:
            waiting = conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                )
            ).scalar()
            conn.rollback()
            if waiting:
                return
            time.sleep(0.02)
    raise AssertionError("the second writer never waited for the first")


def test_a_new_project_is_seen_by_a_window_that_cached_the_catalog(pg_db: Database) -> None:
    window = open_database(pg_db.url)
    try:
        from aipdesk.store.queries import load_catalog

        with window.read() as session:
            assert "JOBBOX" not in load_catalog(session).projects
        add_project(pg_db, Actor("it", "gui"), Project("JOBBOX", "Jobbox"))
        with window.read() as session:
            assert "JOBBOX" in load_catalog(session).projects
    finally:
        window.close()


# -- what PostgreSQL cannot store is refused on every backend alike -------------------------


def test_text_postgresql_cannot_store_is_refused_alike(db: Database, actor: Actor) -> None:
    """On SQLite as on PostgreSQL (`db` runs on both): refused with a message, nothing
    written. (PostgreSQL enforces the column lengths and takes no NUL; SQLite would.)"""
    before = snapshot(db)
    refusals = [
        (lambda: add_project(db, actor, Project("LANG", "x" * 201)), "text_too_long"),
        (lambda: edit_project(db, actor, "LIA", name="y" * 201), "text_too_long"),
        (lambda: add_project(db, actor, Project("NUL", "a\x00b")), "text_nul"),
        (
            lambda: add_metric(db, actor, Metric("m", "M", MetricKind.FLOW, unit="u" * 17)),
            "text_too_long",
        ),
        (lambda: Actor("u" * (USER_LENGTH + 1)), "text_too_long"),
    ]
    for write, code in refusals:
        with pytest.raises(DomainError) as caught:
            write()
        assert caught.value.code == code
    with pytest.raises(DomainError) as caught:
        add_project(db, actor, Project("LANG", "x" * 201))
    assert str(caught.value) == "Der Name ist zu lang: höchstens 200 Zeichen, nicht 201"
    assert caught.value.text("en") == "the name is too long: at most 200 characters, not 201"
    assert snapshot(db) == before
    add_project(db, actor, Project("LANG", "x" * 200))  # the limit itself is fine
    Actor("u" * USER_LENGTH)


@pytest.mark.parametrize(
    ("column", "stored", "message"),
    [
        ("value", 3_000_000_000, 'JC / integrations / 2021-01 (Zeile 1): Wert "3000000000" ist'),
        ("note", "a\x00b", "JC / integrations / 2021-01 (Zeile 1): Die Bemerkung enthält ein Null"),
    ],
    ids=["value-beyond-32-bits", "nul-in-note"],
)
def test_a_merge_brings_nothing_postgresql_cannot_store(
    db: Database, actor: Actor, tmp_path: Path, column: str, stored: object, message: str
) -> None:
    """A laptop file (SQLite takes anything) holds what PostgreSQL cannot store: the merge
    refuses it on both backends alike, naming it, instead of failing on the server."""
    from aipdesk.exchange.merge import merge_database

    laptop = tmp_path / "laptop.sqlite"
    other = open_database(laptop)
    load_catalogue(other, actor)
    log_value(other, actor, "JC", "integrations", Month(2021, 1), 500)
    other.close()
    conn = sqlite3.connect(laptop)
    conn.execute(f"UPDATE monthly_values SET {column} = ?", (stored,))
    conn.commit()
    conn.close()
    before = snapshot(db)
    with pytest.raises(DomainError) as caught:
        merge_database(db, Actor("it", "merge"), laptop)
    assert message in str(caught.value)
    assert snapshot(db) == before
