"""The start-up cache (aipdesk.services.startcache): its key, its file, its trust."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aipdesk.domain.model import MetricKind, Project
from aipdesk.domain.months import Month
from aipdesk.services import startcache
from aipdesk.services.base import Actor
from aipdesk.services.projects import add_project
from aipdesk.services.targets import set_target
from aipdesk.services.values import log_value
from aipdesk.services.views import default_year, snapshot
from aipdesk.store.database import Database, open_database


def location(db: Database) -> str:
    assert db.path is not None
    return str(db.path)


def stored(db: Database) -> Path:
    """Read and store the snapshot of the default year, as the window's start does."""
    startcache.store(location(db), None, None, lambda: snapshot(db, default_year(db)))
    return startcache.cache_file(Path(location(db)).resolve(), None, None)


def test_importing_it_loads_neither_sqlalchemy_nor_qt() -> None:
    code = (
        "import sys, aipdesk.services.startcache\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'PySide6', 'pyqtgraph', 'openpyxl') or m.startswith('aipdesk.store')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_stored_snapshot_comes_back_whole_while_nothing_changes(sqlite_db: Database) -> None:
    path = stored(sqlite_db)
    assert path.stat().st_mode & 0o777 == 0o600
    assert startcache.cache_dir().stat().st_mode & 0o077 == 0
    cached = startcache.lookup(location(sqlite_db), None)
    real = snapshot(sqlite_db, default_year(sqlite_db))
    assert cached == real
    assert cached is not None and cached.data is None and cached.catalog is None
    metric = next(iter(cached.metrics.values()))
    assert type(metric.kind) is MetricKind and type(cached.report_month) is Month
    # Another year, or a start with a year given, is another entry.
    assert startcache.lookup(location(sqlite_db), real.year) is None


def test_the_key_survives_closing_and_opening_again(sqlite_db: Database) -> None:
    stored(sqlite_db)
    key = startcache.current_key(location(sqlite_db), None, None)
    sqlite_db.close()
    again = open_database(location(sqlite_db))  # checks, backups, migrations: no change
    try:
        assert startcache.current_key(location(sqlite_db), None, None) == key
        assert startcache.lookup(location(sqlite_db), None) is not None
    finally:
        again.close()


def test_the_key_changes_with_every_write(sqlite_db: Database, actor: Actor) -> None:
    where = location(sqlite_db)
    keys = [startcache.current_key(where, None, None)]
    log_value(sqlite_db, actor, "NEUSTART", "integrations", Month(2021, 3), 17)
    keys.append(startcache.current_key(where, None, None))
    set_target(sqlite_db, actor, "NEUSTART", "integrations", Month(2021, 1), Month(2021, 12), 650)
    keys.append(startcache.current_key(where, None, None))
    add_project(sqlite_db, actor, Project("NEU", "Ein neues Projekt"))
    keys.append(startcache.current_key(where, None, None))
    assert None not in keys
    assert len({json.dumps(k) for k in keys}) == len(keys)
    stored(sqlite_db)
    log_value(sqlite_db, actor, "NEUSTART", "integrations", Month(2021, 4), 18)
    assert startcache.lookup(where, None) is None


def test_a_restored_file_has_another_key(sqlite_db: Database, actor: Actor) -> None:
    from aipdesk.services.database import backup
    from aipdesk.services.maintenance import restore

    where = location(sqlite_db)
    saved = backup(sqlite_db)
    stored(sqlite_db)
    sqlite_db.close()
    restore(where, saved, Actor("tester", "gui"))
    assert startcache.lookup(where, None) is None


def test_the_key_says_the_period_the_version_and_the_day(sqlite_db: Database) -> None:
    key = startcache.current_key(location(sqlite_db), 2021, (2021, 5))
    assert key is not None
    assert key["period"] == [2021, [2021, 5]]
    assert key["aipdesk"][1] == startcache.source_fingerprint()
    assert key["today"]
    assert key["file"][1:] == [
        os.stat(location(sqlite_db)).st_dev,
        os.stat(location(sqlite_db)).st_ino,
    ]


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda p: p.write_bytes(b"{not json"), id="damaged"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:500]), id="cut-off"),
        pytest.param(
            lambda p: p.write_text(
                json.loads(p.read_text())
                and json.dumps(
                    {
                        "key": json.loads(p.read_text())["key"],
                        "snapshot": {"d": "os:system", "f": ["true"]},
                    }
                )
            ),
            id="foreign-class",
        ),
        pytest.param(lambda p: os.chmod(p, 0o620), id="group-writable"),
        pytest.param(lambda p: os.chmod(p, 0o602), id="world-writable"),
    ],
)
def test_a_spoiled_cache_file_is_ignored_and_rewritten(sqlite_db: Database, spoil: object) -> None:
    path = stored(sqlite_db)
    spoil(path)  # type: ignore[operator]
    assert startcache.lookup(location(sqlite_db), None) is None
    stored(sqlite_db)
    assert startcache.lookup(location(sqlite_db), None) is not None


def test_an_oversized_cache_file_is_not_read(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = stored(sqlite_db)
    monkeypatch.setattr(startcache, "MAX_BYTES", path.stat().st_size - 1)
    assert startcache.lookup(location(sqlite_db), None) is None


def test_a_cache_file_of_another_user_is_not_read(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored(sqlite_db)
    uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: uid + 1)
    assert startcache.lookup(location(sqlite_db), None) is None


def test_no_cache_for_a_server_or_when_switched_off(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    for url in ("postgresql+psycopg://user:pw@localhost/aip", "sqlite:///x.sqlite"):
        assert startcache.local_file(url) is None
        assert startcache.current_key(url, None, None) is None
        assert startcache.lookup(url, None) is None
    stored(sqlite_db)
    monkeypatch.setenv(startcache.DISABLE, "1")
    assert startcache.lookup(location(sqlite_db), None) is None


def test_reading_the_key_creates_no_file_and_writes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    assert startcache.current_key(str(missing), None, None) is None
    assert list(tmp_path.iterdir()) == []
    foreign = tmp_path / "notes.sqlite"
    foreign.write_bytes(b"keine Datenbank" * 100)
    before = foreign.read_bytes()
    assert startcache.current_key(str(foreign), None, None) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]
    assert foreign.read_bytes() == before
