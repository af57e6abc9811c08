"""What every command shares: exit codes, the parser class, the common options, and
opening the database the options name."""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from aipdesk.cli.speech import speaking
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.escape import visible
from aipdesk.domain.messages import Note, Phrase, message, phrase, pick

if TYPE_CHECKING:
    from aipdesk.services.database import Database
    from aipdesk.store.queries import Catalog

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

# What `open_db` opened; `close_databases` closes it when the command is done.
_opened: list[Database] = []


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit code 2)."""

    def __init__(self, text: Phrase) -> None:
        super().__init__(text.text("de"))
        self.phrase = text

    def text(self, lang: str) -> str:
        return self.phrase.text(lang)


def usage(note: Note, **params: Any) -> UsageError:
    return UsageError(phrase(note, **params))


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

    @property
    def pipe_closed(self) -> bool:
        """The reader went away (`aipdesk status | head`): nobody is left to tell."""
        return isinstance(self.error, BrokenPipeError)

    def reason(self) -> Phrase | str:
        error = self.error
        detail = (error.strerror if error else None) or type(error).__name__
        if error is not None and error.errno == errno.ENOSPC:
            return phrase(Note.cli_no_space)
        if isinstance(error, BrokenPipeError):
            return phrase(Note.cli_pipe_closed)
        return detail


class Parser(argparse.ArgumentParser):
    """An argument parser that says everything in `lang`, argparse's own words too
    (`aipdesk.cli.speech`); its sub-commands' parsers speak the same language."""

    def __init__(self, *args: Any, lang: str = "de", **kwargs: Any) -> None:
        self.lang = lang
        with speaking(lang):
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", functools.partial(Parser, lang=self.lang))
        with speaking(self.lang):
            return super().add_subparsers(**kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with speaking(self.lang):
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with speaking(self.lang):
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with speaking(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        with speaking(self.lang):
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        with speaking(self.lang):
            told = argparse._("%(prog)s: error: %(message)s\n")  # type: ignore[attr-defined]
        self.exit(EXIT_USAGE, told % {"prog": self.prog, "message": message})


Translate = Callable[[str, str], str]


def translator(lang: str) -> Translate:
    """t(de, en): a help text in the language the help is shown in."""
    return lambda de, en: pick((de, en), lang)


def month_type(lang: str) -> Callable[[str], Any]:
    """argparse's type of a month option (YYYY-MM), refusing in `lang`."""

    def month(text: str) -> Any:
        from aipdesk.domain.months import Month

        try:
            return Month.parse(text)
        except DomainError as exc:
            raise argparse.ArgumentTypeError(exc.text(lang)) from None

    return month


def year_type(lang: str) -> Callable[[str], int]:
    """argparse's type of a year option (YYYY), refusing in `lang`."""

    def year(text: str) -> int:
        from aipdesk.domain.months import Month

        try:
            return Month.parse(f"{text.strip()}-01").year
        except DomainError:
            raise argparse.ArgumentTypeError(
                DomainError(Code.bad_year, text=text).text(lang)
            ) from None

    return year


def common_options(db_default: Any, lang: str = "de") -> Parser:
    t = translator(lang)
    common = Parser(add_help=False, lang=lang)
    common.add_argument(
        "--db",
        default=db_default,
        metavar="PATH|URL",
        help=t(
            "Datenbankdatei oder SQLAlchemy-URL (sonst AIPDESK_DB, sonst Standarddatei)",
            "database file or SQLAlchemy URL (else AIPDESK_DB, else the default file)",
        ),
    )
    common.add_argument(
        "--lang",
        choices=("de", "en"),
        default=db_default,
        help=t("Sprache der Oberfläche und Meldungen", "language of the window and the messages"),
    )
    common.add_argument(
        "--user",
        metavar="NAME",
        default=db_default,
        help=t("Name für das Änderungsprotokoll", "name for the change log"),
    )
    return common


def lang_of(args: argparse.Namespace) -> str:
    return str(args.lang or "de")


def tell(args: argparse.Namespace, note: Note, **params: Any) -> None:
    """A line of a command's report on stdout, in the language of `--lang`."""
    show(message(note, lang_of(args), **params))


def named_args(
    args: argparse.Namespace,
    db: Database,
    projects: Sequence[str] = ("project",),
    metrics: Sequence[str] = ("metric",),
) -> Catalog:
    """Let the options `projects` and `metrics` name a project or metric by its code or,
    where unique, by its name (any case): each is replaced by the code it names. An
    unknown one is refused naming it, with the nearest code and how to list them all.
    Returns the catalogue they were looked up in."""
    from aipdesk.services.naming import find_metric, find_project
    from aipdesk.services.projects import read_catalog

    catalog = read_catalog(db)
    for option, find in ((projects, find_project), (metrics, find_metric)):
        for name in option:
            typed = getattr(args, name, None)
            if typed:  # "" keeps its meaning ("none any more")
                setattr(args, name, find(catalog, typed))
    return catalog


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
