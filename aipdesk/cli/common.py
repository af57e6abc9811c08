"""What every command shares: exit codes, the parser class, the common options, and
opening the database the options name."""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.escape import visible
from aipdesk.domain.messages import Note, message

if TYPE_CHECKING:
    from aipdesk.services.database import Database

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

# What `open_db` opened; `close_databases` closes it when the command is done.
_opened: list[Database] = []


class UsageError(Exception):
    pass


def say(text: str) -> None:
    """One message on stderr, prefixed "aipdesk: "; characters a terminal would act on
    (escape sequences, forged line breaks in quoted user text) are shown as escapes."""
    with contextlib.suppress(OSError, ValueError):  # stderr gone: nobody to tell
        print(f"aipdesk: {visible(text, keep_newlines=True)}", file=sys.stderr, flush=True)


def show(text: str) -> None:
    """A command's report on stdout; what it quotes (paths, names, notes) shown escaped."""
    print(visible(text, keep_newlines=True))


class Output(io.TextIOBase):
    """Standard output that never raises: a failure to print (a full disk, a closed
    pipe) is remembered, later output dropped, and the command decides what it means
    (after a change was stored: a warning; for a command whose output is its result:
    exit 1)."""

    def __init__(self, target: Any) -> None:
        super().__init__()
        self.target = target
        self.error: OSError | None = None

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.error is None:
            try:
                self.target.write(text)
            except OSError as error:
                self._failed(error)
        return len(text)

    def flush(self) -> None:
        if self.error is None:
            try:
                self.target.flush()
            except OSError as error:
                self._failed(error)

    def _failed(self, error: OSError) -> None:
        self.error = error
        # What stays in the buffer would fail again when Python flushes it on exit (and
        # turn the exit code into 120): the descriptor is pointed at the null device.
        with contextlib.suppress(Exception):
            fd = self.target.fileno()
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, fd)
            os.close(null)
            self.target.flush()

    def reason(self) -> tuple[str, str]:
        error = self.error
        detail = (error.strerror if error else None) or type(error).__name__
        if error is not None and error.errno == errno.ENOSPC:
            return ("kein Platz mehr auf dem Datenträger", "no space left on the device")
        if isinstance(error, BrokenPipeError):
            return ("die Gegenseite hat die Verbindung geschlossen", "the pipe was closed")
        return (detail, detail)


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def month_arg(text: str) -> Any:
    from aipdesk.domain.months import Month

    try:
        return Month.parse(text)
    except DomainError as exc:
        raise argparse.ArgumentTypeError(exc.text("de")) from None


def common_options(db_default: Any) -> Parser:
    common = Parser(add_help=False)
    common.add_argument(
        "--db",
        default=db_default,
        metavar="PATH|URL",
        help="Datenbankdatei oder SQLAlchemy-URL (sonst AIPDESK_DB, sonst Standarddatei)",
    )
    common.add_argument(
        "--lang",
        choices=("de", "en"),
        default=db_default,
        help="Sprache der Oberfläche und Meldungen",
    )
    common.add_argument("--user", default=db_default, help="Name für das Änderungsprotokoll")
    return common


def location(args: argparse.Namespace) -> str:
    if args.db:
        return str(args.db)
    if os.environ.get("AIPDESK_DB"):
        return os.environ["AIPDESK_DB"]
    from aipdesk.services.database import default_db_path

    return str(default_db_path())


def open_db(args: argparse.Namespace, create: bool = False, write: bool = False) -> Database:
    """Open the database; only `init`, `demo` and the window create a missing one, so a
    mistyped --db is refused instead of answered from a new empty file.

    A command that will write (`write`) is refused on a read-only database before it
    does anything, and takes the day's first backup of the database before it writes.
    Notices (network share, a failed daily backup) go to stderr.
    """
    from aipdesk.services.database import open_database

    db = open_database(location(args), create=create)
    _opened.append(db)
    if write:
        if db.read_only:
            db.close()
            raise DomainError(Code.read_only, path=db.where)
        from aipdesk.services.maintenance import start_of_day

        try:
            db.verify()  # a damaged file is refused before its daily backup is taken
        except BaseException:
            db.close()
            raise
        start_of_day(db)
    lang = args.lang or "de"
    for notice in db.notices:
        say(message(Note.notice, lang, message=notice.text(lang)))
    return db


def close_databases() -> None:
    """Close what `open_db` opened (SQLite: the last connection to close checkpoints the
    WAL into the file and removes it). Never raises: a failure goes to the log file."""
    while _opened:
        db = _opened.pop()
        try:
            db.close()
        except Exception:
            from aipdesk.errors import log, log_to_file

            log_to_file()
            log.warning("closing the database failed", exc_info=True)


def actor_of(args: argparse.Namespace) -> Any:
    from aipdesk.services.base import Actor

    return Actor(args.user) if args.user else Actor()
