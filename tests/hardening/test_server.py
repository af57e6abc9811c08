"""Shared databases on PostgreSQL: a password fragment in a message (break 14), a killed
connection (break 15), a login role without rights (break 15)."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from aipdesk.domain.months import Month
from aipdesk.services.database import open_database
from aipdesk.services.values import get_value
from tests.hardening.conftest import LOG, Cli
from tests.support.postgres import PgServer

SECRET = "Geheim-7f3a"


# -- break 14: a password fragment in the connection error -------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://anwender:{SECRET}@teil2@127.0.0.1:1/aipdesk?connect_timeout=2",
        f"postgresql+psycopg://anwender:{SECRET}@teil2@/aipdesk?host=/nonexistent",
        f"postgresql+psycopg://an@wender:{SECRET}@db.invalid/aipdesk",
    ],
)
@pytest.mark.parametrize("command", [("status", "--year", "2021"), ("init",), ("check",)])
def test_a_password_fragment_in_the_connection_error(
    url: str, command: tuple[str, ...], cli: Cli
) -> None:
    run = cli(*command, "--db", url)
    assert run.code == 1 and len(run.lines) == 1
    assert "als %40" in run.err and "postgresql+psycopg://***@" in run.err
    for fragment in (SECRET, "teil2", "anwender", "an@", "wender"):
        assert fragment not in run.err, fragment


def test_no_part_of_the_user_information_is_shown(cli: Cli) -> None:
    url = f"postgresql+psycopg://anna:{SECRET}@127.0.0.1:1/aipdesk?connect_timeout=2"
    run = cli("status", "--db", url, "--year", "2021")
    assert run.code == 1 and len(run.lines) == 1
    assert "postgresql+psycopg://***@127.0.0.1:1/aipdesk" in run.err
    assert SECRET not in run.err and "anna" not in run.err


# -- break 15: a killed connection ---------------------------------------------------------


@pytest.mark.postgresql
def test_a_killed_connection_gives_one_line(
    pg_server: PgServer,
    pg_database: Callable[..., str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from aipdesk.cli import main
    from aipdesk.services import cellwrite

    url = pg_database("catalogue")
    real = cellwrite._read  # every write of values reads its cells here, then writes

    def killed(session: Any, *args: Any, **kwargs: Any) -> Any:
        stored = real(session, *args, **kwargs)
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
        with pg_server.admin.connect() as admin:
            admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        return stored

    monkeypatch.setattr(cellwrite, "_read", killed)
    code = main([*LOG, "--db", url, "--value", "7"])
    gc.collect()  # what the lost connection's finalizers say comes now, not at exit
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1, err
    assert err.startswith("aipdesk: Die Verbindung zur Datenbank postgresql+psycopg://")
    assert "Traceback" not in err and "Exception ignored" not in err
    monkeypatch.setattr(cellwrite, "_read", real)
    db = open_database(url)
    try:
        assert get_value(db, "NEUSTART", "integrations", Month(2021, 5)) is None
    finally:
        db.close()


# -- break 15: a login role without rights -------------------------------------------------


@pytest.fixture
def role_without_rights(pg_server: PgServer) -> Iterator[str]:
    role = f"aipdesk_ohne_rechte_{os.getpid()}"
    with pg_server.admin.connect() as conn:
        conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        conn.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
    yield role
    with pg_server.admin.connect() as conn:
        conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


@pytest.mark.postgresql
@pytest.mark.parametrize("granted", [(), ("alembic_version", "settings")])
def test_a_login_role_without_rights(
    pg_server: PgServer,
    pg_database: Callable[..., str],
    role_without_rights: str,
    granted: tuple[str, ...],
    cli: Cli,
) -> None:
    url = pg_database("catalogue")
    if granted:
        engine_url = make_url(url)
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        engine = create_engine(engine_url, poolclass=NullPool)
        with engine.begin() as conn:
            conn.exec_driver_sql(f'GRANT SELECT ON {", ".join(granted)} TO "{role_without_rights}"')
        engine.dispose()
    as_role = make_url(url).set(username=role_without_rights)
    location = as_role.render_as_string(hide_password=False)
    try:
        for command in (("status", "--year", "2021"), (*LOG, "--value", "3"), ("check",)):
            run = cli(*command, "--db", location)
            assert run.code == 1 and len(run.lines) == 1, run.err
            assert "Unerwarteter Fehler" not in run.err
            if granted:  # let in, refused at the first table it may not read
                assert "Die Anmeldung hat keine Rechte auf die Datenbank" in run.err, run.err
                assert role_without_rights not in run.err
            else:  # no grant at all: told so, and who sets up access
                assert run.err.startswith(
                    f"aipdesk: Keine Berechtigung: die Anmeldung {role_without_rights} hat "
                    "keinen Zugang zur Datenbank"
                ), run.err
                assert "aipdesk access grant" in run.err
    finally:
        with pg_server.admin.connect() as admin:
            admin.exec_driver_sql(
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE usename = '{role_without_rights}'"
            )
        if granted:
            engine = create_engine(make_url(url), poolclass=NullPool)
            with engine.begin() as conn:
                conn.exec_driver_sql(
                    f'REVOKE ALL ON {", ".join(granted)} FROM "{role_without_rights}"'
                )
            engine.dispose()
