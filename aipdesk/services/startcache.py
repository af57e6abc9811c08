"""The start-up cache: the figures last shown for a local SQLite file, shown at once
on the next start while the database stack is still being imported.

Importing SQLAlchemy alone takes longer than a bare window needs to start, so the
window cannot wait for it. When the window has read a snapshot of a local file, the
snapshot is stored in the user cache folder together with a *key* that says "nothing
has changed since": the file's identity (resolved path, device, inode), the schema
revision, the highest id and the number of rows of the change log (every write of
aipdesk goes there), the catalogue version, the requested year and month, aipdesk's
version with a fingerprint of its source files, and today's date (default months
depend on it). At the next start the key is read with the standard library's
``sqlite3`` (read-only, never writing or creating a file); if it is unchanged, the
stored snapshot is shown until the real read replaces it. Any doubt means no cache.

This module must stay cheap to import: no SQLAlchemy, nothing of ``aipdesk.store``,
no Qt (tests/test_startcache.py checks it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import importlib
import json
import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import aipdesk
from aipdesk.services.results import Snapshot

log = logging.getLogger("aipdesk")

DISABLE = "AIPDESK_NO_START_CACHE"  # set (non-empty): no cache is read or written
MAX_BYTES = 32 * 1024 * 1024  # a larger cache file is not read
FORMAT = 1
_PACKAGE = Path(aipdesk.__file__).resolve().parent
# Only these classes are rebuilt from a cache file (no code is run: their fields are set).
_MODULES = ("aipdesk.domain.", "aipdesk.services.results")

Key = dict[str, Any]


def enabled() -> bool:
    return not os.environ.get(DISABLE)


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("aipdesk", appauthor=False)) / "start"


def local_file(location: str) -> Path | None:
    """The SQLite file of `location`; None for any URL (a server has no cache)."""
    if "://" in location or not location or location == ":memory:":
        return None
    return Path(location).expanduser().resolve()


def cache_file(path: Path, year: int | None, month: tuple[int, int] | None) -> Path:
    name = hashlib.sha256(repr((str(path), year, month)).encode()).hexdigest()[:24]
    return cache_dir() / f"{name}.json"


# -- the key ------------------------------------------------------------------------------
_fingerprint: str | None = None


def source_fingerprint() -> str:
    """Size and modification time of aipdesk's source files: an edited or updated
    aipdesk does not show what an earlier one computed (a frozen build has no source
    files beside it: there the version alone tells one build from another)."""
    global _fingerprint
    if _fingerprint is None:
        digest = hashlib.sha256()
        for folder, dirs, files in os.walk(_PACKAGE):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    stat = os.stat(os.path.join(folder, name))
                    text = f"{os.path.relpath(folder, _PACKAGE)}/{name}"
                    digest.update(f"{text}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
        _fingerprint = digest.hexdigest()
    return _fingerprint


def _read_only_uri(path: Path) -> str | None:
    """How to read `path` without writing or creating a file; None: not safely."""
    from urllib.parse import quote

    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    base = "file:" + quote(path.as_posix(), safe="/:")
    if wal.exists() or shm.exists():
        # Someone has it open (or a crash left its WAL): read through the WAL, which
        # needs the -shm; without it SQLite would create one.
        return f"{base}?mode=ro" if wal.exists() and shm.exists() else None
    with path.open("rb") as handle:
        header = handle.read(20)
    if len(header) == 20 and header[18] == 2:  # WAL, nobody has it open
        return f"{base}?immutable=1"  # mode=ro would leave -wal and -shm behind
    return f"{base}?mode=ro"


def current_key(location: str, year: int | None, month: tuple[int, int] | None) -> Key | None:
    """The key of `location` as it is now; None: no cache for it (a URL, no file, an
    unreadable or foreign file, the cache switched off)."""
    path = local_file(location)
    if path is None or not enabled():
        return None
    try:
        stat = path.stat()
        uri = _read_only_uri(path)
        if uri is None:
            return None
        conn = sqlite3.connect(uri, uri=True, timeout=0.2, isolation_level=None)
        try:
            conn.execute("BEGIN")  # one read transaction for all of them
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            top, rows = conn.execute("SELECT max(id), count(*) FROM change_log").fetchone()
            catalogue = conn.execute(
                "SELECT value FROM settings WHERE key = 'catalog_version'"
            ).fetchone()
            conn.execute("COMMIT")
        finally:
            conn.close()
    except (OSError, sqlite3.Error, ValueError, TypeError):
        return None
    return {
        "format": FORMAT,
        "file": [str(path), stat.st_dev, stat.st_ino],
        "revision": sorted(str(r[0]) for r in revision),
        "changes": [top, rows],
        "catalogue": None if catalogue is None else str(catalogue[0]),
        "period": [year, list(month) if month else None],
        "aipdesk": [aipdesk.__version__, source_fingerprint()],
        "today": date.today().isoformat(),
    }


# -- the file -------------------------------------------------------------------------------
def _trusted(handle: Any) -> bool:
    """A cache file aipdesk wrote for this user: owned by them, not writable by anyone
    else, not larger than MAX_BYTES."""
    stat = os.fstat(handle.fileno())
    if stat.st_size > MAX_BYTES or stat.st_mode & 0o022:
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or stat.st_uid == getuid()


def lookup(
    location: str, year: int | None, month: tuple[int, int] | None = None
) -> Snapshot | None:
    """The stored snapshot of `location` if nothing has changed since it was stored;
    None otherwise (also for any fault of the cache file: it is rewritten later)."""
    path = local_file(location)
    if path is None or not enabled():
        return None
    try:
        # The cache file first: without one (a file on a network share never has one)
        # the database file is not even looked at.
        with open(cache_file(path, year, month), "rb") as handle:
            if not _trusted(handle):
                return None
            stored = json.loads(handle.read())
        if stored["key"] != current_key(location, year, month):
            return None
        snapshot = decode(stored["snapshot"])
        return snapshot if isinstance(snapshot, Snapshot) else None
    except FileNotFoundError:
        return None
    except Exception:  # a broken cache is never an error: it is ignored and rewritten
        log.info("start-up cache ignored", exc_info=True)
        return None


def stored_key(location: str, year: int | None, month: tuple[int, int] | None = None) -> Any:
    """The key the cache file of `location` holds (None: none, or not trusted)."""
    path = local_file(location)
    if path is None:
        return None
    try:
        with open(cache_file(path, year, month), "rb") as handle:
            return json.loads(handle.read())["key"] if _trusted(handle) else None
    except Exception:
        return None


def store(
    location: str,
    year: int | None,
    month: tuple[int, int] | None,
    read: Callable[[], Snapshot],
) -> Snapshot:
    """Call `read` and store its snapshot as the one to show for (year, month) at the
    next start, if the key is the same before and after the read (no write came
    between). Never fails for the cache: the snapshot is returned in any case."""
    before = current_key(location, year, month)
    snapshot = read()
    if before is not None:
        try:
            if current_key(location, year, month) == before:
                write(before, snapshot, year, month)
        except Exception:
            log.info("start-up cache not written", exc_info=True)
    return snapshot


def write(key: Key, snapshot: Snapshot, year: int | None, month: tuple[int, int] | None) -> None:
    """Write the cache file whole or not at all (a temporary file, then os.replace),
    readable by this user only."""
    target = cache_file(Path(key["file"][0]), year, month)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = json.dumps({"key": key, "snapshot": encode(snapshot)}, separators=(",", ":"))
    fd, temp = tempfile.mkstemp(prefix=".start-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.chmod(temp, 0o600)  # mkstemp's mode already; said once more for Windows
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def forget(location: str, year: int | None, month: tuple[int, int] | None = None) -> None:
    path = local_file(location)
    if path is not None:
        with contextlib.suppress(OSError):
            cache_file(path, year, month).unlink()


# -- the format: JSON with tagged dataclasses, enums, tuples and maps --------------------------
# A cache file cannot run code: only dataclasses and enums of aipdesk.domain and
# aipdesk.services.results are rebuilt, by setting their fields (as pickle would, without
# its ability to call anything).
def encode(value: Any) -> Any:
    if isinstance(value, enum.Enum):  # first: a StrEnum is a str too
        return {"e": _name(type(value)), "v": value.value}
    if value is None or isinstance(value, (bool, str, int, float)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, Snapshot):  # what it was computed from (and made of) is not stored
            value = dataclasses.replace(
                value, data=None, catalog=None, matrix=None, closing={}, budget=None
            )
        names = [f.name for f in dataclasses.fields(value)]
        return {"d": _name(type(value)), "f": [encode(getattr(value, n)) for n in names]}
    if isinstance(value, tuple):
        return {"t": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"m": [[encode(k), encode(v)] for k, v in value.items()]}
    raise TypeError(f"cannot store {type(value).__name__}")


def _name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


_classes: dict[str, tuple[type, tuple[str, ...]]] = {}


def _class(name: str) -> tuple[type, tuple[str, ...]]:
    found = _classes.get(name)
    if found is None:
        module, _, qualname = name.partition(":")
        if not module.startswith(_MODULES) or "." in qualname:
            raise ValueError(f"not a class of aipdesk's values: {name}")
        cls = getattr(importlib.import_module(module), qualname)
        if not isinstance(cls, type):
            raise ValueError(name)
        if issubclass(cls, enum.Enum):
            found = (cls, ())
        elif dataclasses.is_dataclass(cls):
            found = (cls, tuple(f.name for f in dataclasses.fields(cls)))
        else:
            raise ValueError(name)
        _classes[name] = found
    return found


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "t" in value:
        return tuple(decode(v) for v in value["t"])
    if "m" in value:
        return {decode(k): decode(v) for k, v in value["m"]}
    if "e" in value:
        return _class(value["e"])[0](value["v"])
    cls, names = _class(value["d"])
    if issubclass(cls, enum.Enum):
        raise ValueError(value["d"])
    fields = value["f"]
    if len(fields) != len(names):
        raise ValueError(f"fields of {value['d']} changed")
    made = object.__new__(cls)
    for name, item in zip(names, fields, strict=True):
        object.__setattr__(made, name, decode(item))
    return made
