"""The PostgreSQL server of the tests (and of bench/concurrency.py): a database per test,
copied from migrated templates in milliseconds."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import NullPool

from aipdesk.services.base import Actor
from aipdesk.services.catalogue import load_catalogue
from aipdesk.store.database import open_database

# The one role that must log in with a password on the test server (.ci/pg-test-server).
PASSWORD_ROLE = "aipdesk_it"


class PgServer:
    """A PostgreSQL server on which each test gets a database of its own.

    The schema is migrated (and the catalogue loaded) once, into template databases;
    a test's database is a `CREATE DATABASE … TEMPLATE` copy, made in milliseconds
    and dropped after the test.
    """

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        # CREATE and DROP DATABASE run outside a transaction; no pool keeps a connection.
        self.admin: Engine = create_engine(
            self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool
        )
        self.prefix = f"aipdesk_test_{os.getpid()}"
        self._templates: dict[str, str] = {}
        self._numbers = itertools.count(1)
        self._drop_leftovers()

    def url_of(self, database: str) -> str:
        return self.url.set(database=database).render_as_string(hide_password=False)

    def _execute(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(sql)

    def _drop_leftovers(self) -> None:
        """Databases of earlier test runs on this server whose process has gone."""
        with self.admin.connect() as conn:
            names = conn.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE 'aipdesk_test_%'")
            ).scalars()
            stale = [n for n in names if not _process_alive(n.split("_")[2])]
        for name in stale:
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def template(self, kind: str) -> str:
        """The template database `empty` (migrated) or `catalogue` (and the catalogue loaded)."""
        if kind not in self._templates:
            name = f"{self.prefix}_{kind}"
            source = "" if kind == "empty" else f' TEMPLATE "{self.template("empty")}"'
            self._execute(f'CREATE DATABASE "{name}"{source}')
            db = open_database(self.url_of(name))
            if kind == "catalogue":
                load_catalogue(db, Actor("tester", "test"))
            db.close()  # a template must have no open connection when it is copied
            self._templates[kind] = name
        return self._templates[kind]

    def create(self, kind: str = "empty", owner: str | None = None) -> str:
        """A new database copied from template `kind` (or a blank one: `blank`); its URL."""
        name = f"{self.prefix}_{next(self._numbers)}"
        source = "" if kind == "blank" else f' TEMPLATE "{self.template(kind)}"'
        owned = f' OWNER "{owner}"' if owner else ""
        self._execute(f'CREATE DATABASE "{name}"{source}{owned}')
        return self.url_of(name)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        for name in self._templates.values():
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._templates.clear()
        self.admin.dispose()


def _process_alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def private_server(folder: Path) -> Iterator[str] | None:
    """Start a throwaway server as this (non-root) user, like .ci/pg-test-server does."""
    if os.name != "posix" or os.geteuid() == 0:
        return None  # PostgreSQL refuses to run as root
    initdb = shutil.which("initdb") or next(
        (str(p) for p in sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))[-1:]), None
    )
    if initdb is None:
        return None
    bindir = Path(initdb).resolve().parent  # /usr/local/bin/initdb may be a link
    data = folder / "data"

    def generator() -> Iterator[str]:
        subprocess.run(
            [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
             "--encoding=UTF8", "--no-locale"],
            check=True, capture_output=True,
        )
        hba = data / "pg_hba.conf"
        hba.write_text(f"local all {PASSWORD_ROLE} scram-sha-256\n" + hba.read_text())
        with (data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"listen_addresses = ''\nunix_socket_directories = '{folder}'\nport = 5499\n"
                "fsync = off\nsynchronous_commit = off\ntimezone = 'Europe/Berlin'\n"
            )
        pg_ctl = str(bindir / "pg_ctl")
        subprocess.run(
            [pg_ctl, "-D", str(data), "-l", str(folder / "server.log"), "-w", "start"],
            check=True, capture_output=True,
        )
        try:
            yield f"postgresql+psycopg://postgres@/postgres?host={folder}&port=5499"
        finally:
            subprocess.run([pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                           capture_output=True)

    return generator()
