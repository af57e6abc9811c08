"""Fixtures of the hardening tests: the demo database copied per test, and the command
line run in process with what it printed.

Each test here is named after a way a promise of README and DESIGN broke (nothing
lost, nothing half-written, one clear line and exit 1 with nothing changed, no secret
shown) and reproduces it through the command line, or the service API where no
command reaches it.
"""

from __future__ import annotations

import gc
import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from aipdesk.cli import main
from aipdesk.services.base import Actor
from aipdesk.services.demo import load_demo
from aipdesk.store.database import open_database


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.err.splitlines()


Cli = Callable[..., Run]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """`cli("status", "--db", …)`: exit code, stdout and stderr of one command; never a
    traceback, and every stderr line is aipdesk's own."""

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and "Traceback" not in captured.out
        assert all(line.startswith("aipdesk: ") for line in captured.err.splitlines()), captured.err
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database (AIP 2021 and its demo values), built once."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(path)
    load_demo(db, Actor("demo", "demo"), 2021)
    db.close()
    settle(path)
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    """A copy of the demo database of this test's own."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    path.chmod(0o600)
    return path


def settle(path: Path) -> None:
    """Close what earlier in-process commands left open and fold the WAL into the file."""
    gc.collect()
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


LOG = ("log", "--project", "NEUSTART", "--metric", "integrations", "--month", "2021-05")
