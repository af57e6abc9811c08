"""What every command shares: exit codes, the parser class, the common options, and
opening the database the options name."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from aipdesk.domain.errors import DomainError

if TYPE_CHECKING:
    from aipdesk.services.database import Database

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


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
    if write:
        if db.read_only:
            db.close()
            raise DomainError("read_only", path=db.where)
        from aipdesk.services.maintenance import start_of_day

        start_of_day(db)
    lang = args.lang or "de"
    for notice in db.notices:
        print(
            f"aipdesk: {'Hinweis' if lang == 'de' else 'note'}: {notice.text(lang)}",
            file=sys.stderr,
        )
    return db


def actor_of(args: argparse.Namespace) -> Any:
    from aipdesk.services.base import Actor

    return Actor(args.user) if args.user else Actor()
