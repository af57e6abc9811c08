"""Who may write what on a shared PostgreSQL database, enforced by the database itself:
team leads write the values and report the months of their projects, coordinators
approve, reopen and change everything, the owner grants; psql is refused as the program
is. Every refusal is one line "Keine Berechtigung: …" naming what was refused.

The logins are made for each test (the test server trusts local logins without a
password, .ci/pg-test-server) and dropped afterwards; their names carry the process id,
as roles belong to the whole server.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from aipdesk.cli import main
from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.values import log_value
from aipdesk.store.checks import SCHEMA_HEAD
from aipdesk.store.database import open_database
from aipdesk.store.locations import display_url
from tests.support.postgres import PgServer

_numbers = itertools.count(1)
MARCH = "2021-03"


@pytest.fixture
def login(pg_server: PgServer) -> Iterator[Callable[[str], str]]:
    """`login("anna")`: a new login role (anna_<pid>_<n>) on the test server."""
    made: list[str] = []

    def make(name: str) -> str:
        role = f"{name}_{os.getpid()}_{next(_numbers)}"
        with pg_server.admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
        made.append(role)
        return role

    yield make
    with pg_server.admin.connect() as conn:
        for role in made:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")


@pytest.fixture
def shared(pg_database: Callable[..., str]) -> str:
    """A shared database with the catalogue, owned (its tables) by the server's admin."""
    return pg_database("catalogue")


def as_login(url: str, role: str) -> str:
    return make_url(url).set(username=role).render_as_string(hide_password=False)


def libpq(url: str, role: str) -> str:
    """The same database for psycopg, as someone typing SQL would connect."""
    parsed = make_url(url)
    query = parsed.query
    return (
        f"dbname={parsed.database} user={role} host={query['host']} port={query.get('port', 5432)}"
    )


def aipdesk(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = aipdesk(capsys, *args)
    assert code == 0, err
    return out


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The one line of a refusal (exit 1)."""
    code, out, err = aipdesk(capsys, *args)
    assert code == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Unerwarteter Fehler" not in err
    return lines[0]


def stored(url: str, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """What the owner reads (row-level security does not apply to the owner)."""
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql), params)]
    finally:
        db.close()


def value_of(url: str, project: str, metric: str, year: int, month: int) -> list[tuple[Any, ...]]:
    return stored(
        url,
        "SELECT v.value FROM monthly_values v JOIN projects p ON p.id = v.project_id "
        "JOIN metrics m ON m.id = v.metric_id WHERE p.code = :p AND m.code = :m "
        "AND v.year = :y AND v.month = :mo",
        p=project,
        m=metric,
        y=year,
        mo=month,
    )


def state_of(url: str, project: str, year: int, month: int) -> list[tuple[Any, ...]]:
    return stored(
        url,
        "SELECT s.state FROM month_states s JOIN projects p ON p.id = s.project_id "
        "WHERE p.code = :p AND s.year = :y AND s.month = :m",
        p=project,
        y=year,
        m=month,
    )


def log(
    capsys: pytest.CaptureFixture[str], url: str, project: str, metric: str, value: int
) -> tuple[int, str, str]:
    return aipdesk(
        capsys,
        "log",
        "--db",
        url,
        "--project",
        project,
        "--metric",
        metric,
        "--month",
        MARCH,
        "--value",
        str(value),
    )


# -- team leads ----------------------------------------------------------------------------


def test_a_team_lead_logs_the_values_of_their_project_and_no_other(
    shared: str, login: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    anna = login("anna")
    assert ok(capsys, "access", "grant", anna, "--project", "NeuStart", "--db", shared) == (
        f"{anna}: Teamleitung von NeuStart\n"
    )
    mine = as_login(shared, anna)
    code, _, err = log(capsys, mine, "NEUSTART", "integrations", 58)
    assert code == 0, err
    assert value_of(shared, "NEUSTART", "integrations", 2021, 3) == [(58,)]
    assert stored(shared, "SELECT entity, project FROM change_log WHERE entity = 'value'") == [
        ("value", "NEUSTART")
    ]
    line = refused(
        capsys,
        "log",
        "--db",
        mine,
        "--project",
        "JC",
        "--metric",
        "elb_stock",
        "--month",
        MARCH,
        "--value",
        "27900",
    )
    assert line == (
        "aipdesk: Keine Berechtigung: Werte von Jobcenter Kreis Unna (gesamt) darf nur die "
        "Teamleitung von Jobcenter Kreis Unna (gesamt) oder die Koordination ändern "
        f"(Anmeldung {anna}). Es wurde nichts verändert"
    )
    assert value_of(shared, "JC", "elb_stock", 2021, 3) == []
    # The same through the services, as the window runs it: one DomainError.
    db = open_database(mine)
    try:
        with pytest.raises(DomainError) as caught:
            log_value(db, Actor("anna", "gui"), "JC", "elb_stock", Month(2021, 3), 27900)
        assert caught.value.text("en").startswith(
            "Not permitted: values of Jobcenter Kreis Unna (gesamt) may be changed only by"
        )
    finally:
        db.close()


def test_the_database_refuses_a_team_lead_in_plain_sql(
    shared: str, login: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    anna, carla = login("anna"), login("carla")
    ok(capsys, "access", "grant", anna, "--project", "NEUSTART", "--db", shared)
    ok(capsys, "access", "grant", carla, "--coordinator", "--db", shared)
    code, _, err = log(capsys, as_login(shared, carla), "JC", "elb_stock", 27900)
    assert code == 0, err  # the coordinator writes every project's values
    with psycopg.connect(libpq(shared, anna), autocommit=True) as conn:
        jc, neustart = (
            conn.execute("SELECT id FROM projects WHERE code = %s", (code_,)).fetchone()[0]
            for code_ in ("JC", "NEUSTART")
        )
        stock, integrations = (
            conn.execute("SELECT id FROM metrics WHERE code = %s", (code_,)).fetchone()[0]
            for code_ in ("elb_stock", "integrations")
        )
        insert = (
            "INSERT INTO monthly_values (project_id, metric_id, year, month, value, version, "
            "updated_by) VALUES (%s, %s, 2021, %s, 1, 1, 'psql')"
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(insert, (jc, stock, 4))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("UPDATE monthly_values SET value = 1 WHERE project_id = %s", (jc,))
        deleted = conn.execute("DELETE FROM monthly_values WHERE project_id = %s", (jc,))
        assert deleted.rowcount == 0  # another project's rows are not the team lead's to delete
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the cell a row is about
            conn.execute("UPDATE monthly_values SET project_id = %s", (neustart,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(
                'INSERT INTO change_log (at, "user", source, action, entity, project) '
                "VALUES (now(), 'psql', 'cli', 'insert', 'value', 'JC')"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE projects SET name = 'x'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO access_grants (login, role, granted_by) "
                "VALUES (current_user, 'coordinator', current_user)"
            )
        conn.execute(insert, (neustart, integrations, 4))  # the own project: allowed
        assert (
            conn.execute(
                "UPDATE monthly_values SET value = 2 WHERE project_id = %s", (neustart,)
            ).rowcount
            == 1
        )
    assert value_of(shared, "JC", "elb_stock", 2021, 3) == [(27900,)]
    assert value_of(shared, "NEUSTART", "integrations", 2021, 4) == [(2,)]


def test_a_team_lead_reports_the_month_and_only_a_coordinator_approves_it(
    shared: str, login: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    anna, carla = login("anna"), login("carla")
    ok(capsys, "access", "grant", anna, "--project", "NEUSTART", "--db", shared)
    ok(capsys, "access", "grant", carla, "--coordinator", "--db", shared)
    mine, coordinator = as_login(shared, anna), as_login(shared, carla)
    assert log(capsys, mine, "NEUSTART", "integrations", 58)[0] == 0
    month = ["--project", "NEUSTART", "--month", MARCH]
    assert ok(capsys, "month", "close", *month, "--db", mine) == "NeuStart, März 2021: gemeldet\n"
    line = refused(capsys, "month", "approve", *month, "--db", mine)
    assert line.startswith("aipdesk: Keine Berechtigung: NeuStart, März 2021 – Monate freigeben")
    assert line.endswith(f"nur die Koordination (Anmeldung {anna}). Es wurde nichts verändert")
    assert state_of(shared, "NEUSTART", 2021, 3) == [("reported",)]
    assert "freigegeben" in ok(capsys, "month", "approve", *month, "--db", coordinator)
    assert state_of(shared, "NEUSTART", 2021, 3) == [("approved",)]
    line = refused(capsys, "month", "reopen", *month, "--reason", "Tippfehler", "--db", mine)
    assert line.startswith("aipdesk: Keine Berechtigung: NeuStart, März 2021")
    line = refused(
        capsys,
        "--lang",
        "en",
        "log",
        "--db",
        mine,
        "--project",
        "NEUSTART",
        "--metric",
        "integrations",
        "--month",
        MARCH,
        "--value",
        "59",
    )
    assert line.startswith("aipdesk: Not permitted: NeuStart, March 2021 – only the coordination")
    with (
        psycopg.connect(libpq(shared, anna), autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="approved month"),
    ):
        conn.execute("UPDATE month_states SET state = 'open'")
    assert state_of(shared, "NEUSTART", 2021, 3) == [("approved",)]
    assert value_of(shared, "NEUSTART", "integrations", 2021, 3) == [(58,)]
    assert "wieder offen" in ok(
        capsys, "month", "reopen", *month, "--reason", "Tippfehler", "--db", coordinator
    )
    # Another project's month, and what only the coordination changes.
    line = refused(
        capsys, "month", "deadline", "--month", MARCH, "--date", "20.04.2021", "--db", mine
    )
    assert line == (
        "aipdesk: Keine Berechtigung: den Meldeschluss darf nur die Koordination ändern "
        f"(Anmeldung {anna}). Es wurde nichts verändert"
    )
    line = refused(capsys, "project", "add", "--code", "NEU", "--name", "Neu", "--db", mine)
    assert line.startswith("aipdesk: Keine Berechtigung: die Projekte darf nur die Koordination")
    assert ok(
        capsys, "month", "deadline", "--month", MARCH, "--date", "20.04.2021", "--db", coordinator
    )


# -- granting, revoking, listing ----------------------------------------------------------


def test_grants_are_listed_and_revoke_takes_the_right_back(
    shared: str, login: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    anna, carla = login("anna"), login("carla")
    assert ok(capsys, "access", "list", "--db", shared) == (
        "Noch keine Zugänge vergeben (aipdesk access grant)\n"
    )
    ok(capsys, "access", "grant", anna, "--project", "JC", "--db", shared)
    ok(capsys, "access", "grant", anna, "--project", "NEUSTART", "--db", shared)
    assert ok(capsys, "access", "grant", anna, "--project", "NEUSTART", "--db", shared) == (
        f"{anna} ist bereits Teamleitung von NeuStart, nichts geändert\n"
    )
    ok(capsys, "access", "grant", carla, "--coordinator", "--db", shared)
    table = ok(capsys, "access", "list", "--db", as_login(shared, anna)).splitlines()
    assert [line.split("  ")[0] for line in table[2:]] == [carla, anna]
    assert table[0].split() == ["Anmeldung", "Rolle", "Projekte"]
    assert table[3].split()[1] == "Teamleitung"
    assert table[3].endswith("Jobcenter Kreis Unna (gesamt), NeuStart")
    assert json.loads(ok(capsys, "access", "list", "--json", "--db", shared)) == [
        {"login": carla, "role": "coordinator", "projects": []},
        {"login": anna, "role": "teamlead", "projects": ["JC", "NEUSTART"]},
    ]
    assert ok(capsys, "access", "revoke", anna, "--project", "JC", "--db", shared) == (
        f"{anna}: nicht mehr Teamleitung von Jobcenter Kreis Unna (gesamt)\n"
    )
    code, _, err = log(capsys, as_login(shared, anna), "JC", "elb_stock", 1)
    assert code == 1 and "Keine Berechtigung: Werte von Jobcenter" in err
    assert log(capsys, as_login(shared, anna), "NEUSTART", "integrations", 1)[0] == 0
    ok(capsys, "access", "revoke", anna, "--project", "NEUSTART", "--db", shared)
    line = refused(capsys, "access", "revoke", anna, "--project", "NEUSTART", "--db", shared)
    assert line == f"aipdesk: {anna} ist nicht Teamleitung von NeuStart; es wurde nichts verändert"
    # Without any right left the login is out of the group role: no access at all.
    line = refused(capsys, "status", "--year", "2021", "--db", as_login(shared, anna))
    assert line.startswith(f"aipdesk: Keine Berechtigung: die Anmeldung {anna} hat keinen Zugang")
    assert json.loads(ok(capsys, "access", "list", "--json", "--db", shared)) == [
        {"login": carla, "role": "coordinator", "projects": []},
    ]


def test_only_the_owner_grants_and_only_to_logins(
    shared: str, login: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    anna = login("anna")
    ok(capsys, "access", "grant", anna, "--coordinator", "--db", shared)
    line = refused(
        capsys, "access", "grant", anna, "--project", "JC", "--db", as_login(shared, anna)
    )
    assert line.startswith("aipdesk: Keine Berechtigung: Zugänge zur Datenbank")
    assert f"angemeldet ist {anna}" in line
    line = refused(capsys, "access", "grant", "niemand_hier", "--coordinator", "--db", shared)
    assert line.startswith("aipdesk: Die Anmeldung »niemand_hier« gibt es auf dem Server nicht")
    line = refused(capsys, "access", "grant", "aipdesk_teamlead", "--coordinator", "--db", shared)
    assert "keine Anmeldung" in line
    line = refused(capsys, "access", "grant", anna, "--project", "GIBTSNICHT", "--db", shared)
    assert "GIBTSNICHT" in line


def test_a_login_without_a_grant_gets_one_clear_line(
    shared: str,
    pg_database: Callable[..., str],
    login: Callable[[str], str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    bert = login("bert")
    line = refused(capsys, "status", "--year", "2021", "--db", as_login(shared, bert))
    assert line == (
        f"aipdesk: Keine Berechtigung: die Anmeldung {bert} hat keinen Zugang zur Datenbank "
        f"{display_url(as_login(shared, bert))}; die Koordination richtet ihn mit "
        f"»aipdesk access grant {bert} --project …« oder »… --coordinator« ein"
    )
    blank = pg_database("blank")
    for args in (["init"], ["status", "--year", "2021"]):
        line = refused(capsys, *args, "--db", as_login(blank, bert))
        assert line.startswith(
            f"aipdesk: Keine Berechtigung: die Anmeldung {bert} darf in der Datenbank"
        )
        assert "nichts anlegen" in line
    with psycopg.connect(libpq(blank, "postgres")) as conn:  # still blank: nothing was made
        assert conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone() == (0,)


def test_a_granted_login_opens_the_database_without_creating_anything(
    shared: str, login: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    anna = login("anna")
    ok(capsys, "access", "grant", anna, "--project", "NEUSTART", "--db", shared)
    db = open_database(as_login(shared, anna))
    try:
        assert not db.created and db.revision() == SCHEMA_HEAD
    finally:
        db.close()
    assert ok(capsys, "status", "--year", "2021", "--db", as_login(shared, anna)).startswith(
        "Status 2021"
    )


# -- an SQLite file ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["grant", "anna", "--coordinator"], ["revoke", "anna", "--project", "JC"], ["list"]],
)
def test_an_sqlite_file_knows_no_roles(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "aipdesk.sqlite"
    line = refused(capsys, "access", *args, "--db", str(file))
    assert line == (
        f"aipdesk: {file} ist eine SQLite-Datei: wer sie schreiben darf, darf alles; Rollen "
        "(Teamleitung, Koordination) gibt es nur auf einer gemeinsamen PostgreSQL-Datenbank. "
        "Es wurde nichts verändert"
    )
    assert not file.exists()
    line = refused(capsys, "--lang", "en", "access", *args, "--db", str(file))
    assert line.startswith(f"aipdesk: {file} is an SQLite file: whoever may write it may do")


def test_a_refusal_no_rule_foresaw_is_still_one_line_of_no_permission() -> None:
    """The last guard: what the database refused reaches nobody as "Unerwarteter Fehler"."""
    from sqlalchemy.exc import ProgrammingError

    from aipdesk.errors import describe_unexpected

    class Refusal(Exception):
        sqlstate = "3F000"

    error = ProgrammingError("CREATE TABLE x", {}, Refusal("no schema has been selected"))
    assert describe_unexpected(error) == (
        "Keine Berechtigung: die Datenbank lehnt ab (no schema has been selected). "
        "Es wurde nichts verändert"
    )


def test_grant_and_revoke_are_in_the_change_log(
    shared: str, login: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    anna = login("anna")
    ok(capsys, "access", "grant", anna, "--project", "NEUSTART", "--db", shared, "--user", "it")
    ok(capsys, "access", "revoke", anna, "--project", "NEUSTART", "--db", shared, "--user", "it")
    out = ok(capsys, "history", "--project", "NEUSTART", "--db", shared)
    lines = [line for line in out.splitlines() if " Zugang " in line]
    assert len(lines) == 2
    assert " it " in lines[0] and " neu " in lines[0]
    assert f"Anmeldung {anna}, Rolle Teamleitung" in lines[0]
    assert " gelöscht " in lines[1]


def test_a_team_lead_lists_an_implausible_value_of_their_project_zur_klaerung(
    shared: str, login: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    anna = login("anna")
    ok(capsys, "access", "grant", anna, "--project", "NEUSTART", "--db", shared)
    for month in range(1, 11):  # a history for the plausibility rule, by the owner
        ok(capsys, "log", "--db", shared, "--project", "NEUSTART", "--metric", "integrations",
           "--month", f"2021-{month:02d}", "--value", "50")  # fmt: skip
    as_anna = as_login(shared, anna)
    line = refused(capsys, "log", "--db", as_anna, "--project", "NEUSTART", "--metric",
                   "integrations", "--month", "2021-11", "--value", "900")  # fmt: skip
    assert "Keine Berechtigung" not in line and "--force" in line
    ok(capsys, "log", "--db", as_anna, "--project", "NEUSTART", "--metric", "integrations",
       "--month", "2021-11", "--value", "900", "--force", "--note", "Jobmesse")  # fmt: skip
    assert stored(
        shared,
        "SELECT value, reason FROM value_reviews r JOIN projects p ON p.id = r.project_id "
        "WHERE p.code = 'NEUSTART'",
    ) == [(900, "Jobmesse")]
