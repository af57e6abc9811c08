"""Where a database is, and how aipdesk reaches its file.

A location is a path or an SQLAlchemy URL (anything containing ``://``); messages
name it by ``display_url`` (an SQLite file by its path, a server without user name
and password). An SQLite file is read without writing a byte through
``read_only_uri``, and written only where ``can_write`` allows.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path, PureWindowsPath
from urllib.parse import quote

from sqlalchemy import URL, make_url

from aipdesk.domain.errors import Code, DomainError

# How long a connection waits for another's lock before it gives up (SQLite's busy timeout).
BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("aipdesk", appauthor=False)) / "aipdesk.sqlite"


def to_url(location: str | os.PathLike[str]) -> str:
    """A path or an SQLAlchemy URL (anything containing '://') as a URL."""
    text_location = os.fspath(location)
    if "://" in text_location:
        return text_location
    return "sqlite:///" + str(Path(text_location).expanduser().resolve())


def display_url(url: str | URL) -> str:
    """`url` fit for a message or a log: an SQLite file as its path, no user name and no
    password. The user information ends at the *last* "@" before the host: a password
    with an unencoded "@" ("pa@ss") would otherwise leave its tail in the host name."""
    raw = url if isinstance(url, str) else url.render_as_string(hide_password=False)
    with contextlib.suppress(Exception):
        parsed = make_url(raw)
        if parsed.get_backend_name() == "sqlite":
            return parsed.database or ":memory:"
    scheme, separator, rest = raw.partition("://")
    if not separator:
        return raw
    at = rest.rfind("@")
    if at >= 0:
        rest = "***@" + rest[at + 1 :]
    # libpq also takes the password as a query parameter (?password=…): hide it too.
    rest = re.sub(r"(?i)([?&]password=)[^&]*", r"\1***", rest)
    return f"{scheme}://{rest}"


def sqlite_path(location: str | os.PathLike[str]) -> Path | None:
    """The file of an SQLite location (a path or an ``sqlite:///`` URL); None for a server.

    The path is taken from the parsed URL (``make_url(url).database``), never by
    splitting the text: ``sqlite:///C:\\Daten\\aipdesk.sqlite`` is a Windows path.
    """
    text_location = os.fspath(location)
    if "://" not in text_location:
        return Path(text_location).expanduser().resolve()
    file = url_file(text_location)
    if file is None:
        return None
    if not file or file == ":memory:":
        raise DomainError(
            Code.db_unreachable,
            path=display_url(text_location),
            reason=("die URL nennt keine Datei", "the URL names no file"),
        )
    return Path(file).expanduser().resolve()


def url_file(url: str | URL) -> str | None:
    """The file named by an SQLite URL as written (``""`` if none); None for a server."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    return parsed.database or ""


def sqlite_uri(path: str | os.PathLike[str], **params: str) -> str:
    """An SQLite ``file:`` URI for `path` (POSIX, Windows drive or UNC), with `params`.

    Characters SQLite would read as URI syntax (``?``, ``#``, ``%``) are escaped.
    """
    raw = os.fspath(path)
    windows = PureWindowsPath(raw)
    if windows.drive:  # C:\… or \\server\share\… (also when built on another system)
        body = windows.as_posix()
        if body.startswith("//?/UNC/"):
            body = "//" + body[len("//?/UNC/") :]
        elif body.startswith("//?/"):
            body = body[len("//?/") :]
        # SQLite: file:///C:/dir/db and, for a share, file:////server/share/db
        prefix = "//" if body.startswith("//") else "///"
    else:
        body, prefix = raw, "//" if raw.startswith("/") else ""
    uri = "file:" + prefix + quote(body, safe="/:")
    if params:
        uri += "?" + "&".join(f"{key}={quote(value)}" for key, value in params.items())
    return uri


def journal_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def read_only_uri(path: Path) -> str:
    """How to read `path` without writing a byte (and without leaving files beside it).

    While another connection has a WAL-mode file open (its ``-wal`` and ``-shm``
    exist) or a WAL holds commits, SQLite must read through the WAL: ``mode=ro``
    (it then needs the ``-shm``, which it creates if the folder allows). A file
    in WAL mode that nobody has open is opened ``immutable=1`` (``mode=ro`` would
    create ``-wal`` and ``-shm`` and leave them behind, or fail in a folder
    without write permission); a file with a rollback journal ``mode=ro`` (proper
    locks: it sees other writers' commits).
    """
    wal = journal_file(path, "-wal")
    if has_content(wal) or (wal.exists() and journal_file(path, "-shm").exists()):
        return sqlite_uri(path, mode="ro")
    try:
        with path.open("rb") as fh:
            header = fh.read(20)
    except OSError:
        header = b""
    if len(header) == 20 and header[18] == 2:  # file format version 2: WAL
        return sqlite_uri(path, immutable="1")
    return sqlite_uri(path, mode="ro")


def can_write(path: Path) -> bool:
    """Whether aipdesk may write the SQLite file `path`: the file, its folder (for the
    journal or the WAL files) and any existing ``-wal``/``-shm`` must be writable.

    Root passes every permission check except that of a read-only file system.
    """
    if not os.access(path, os.W_OK):
        return False
    if os.name != "nt" and not os.access(path.parent, os.W_OK | os.X_OK):
        return False
    for suffix in ("-wal", "-shm"):
        extra = journal_file(path, suffix)
        if extra.exists() and not os.access(extra, os.W_OK):
            return False
    return True
