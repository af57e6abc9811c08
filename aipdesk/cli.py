"""The command line (DESIGN §6): headless commands over the services.

Exit codes: 0 done; 1 input or data rejected (one line per problem on stderr,
nothing changed); 2 usage error. No traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from aipdesk.domain.errors import DomainError

if TYPE_CHECKING:
    from aipdesk.services.database import Database
    from aipdesk.services.status import StatusReport

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def _month_arg(text: str) -> Any:
    from aipdesk.domain.months import Month

    try:
        return Month.parse(text)
    except DomainError as exc:
        raise argparse.ArgumentTypeError(exc.text("de")) from None


def _common(db_default: Any) -> _Parser:
    common = _Parser(add_help=False)
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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="aipdesk",
        parents=[_common(None)],
        description="aipdesk – Steuerung des Arbeitsmarkt- und Integrationsprogramms",
    )
    parser.add_argument("--screenshot", metavar="PNG", help="Fenster als PNG speichern und beenden")
    parser.add_argument(
        "--pane",
        default="dashboard",
        help="Ansicht für --screenshot (dashboard, projects, integrations, training, targets)",
    )
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL")
    # Sub-commands accept the common options too; SUPPRESS keeps a value given before them.
    common = _common(argparse.SUPPRESS)

    sub.add_parser("init", parents=[common], help="Datenbank anlegen/aktualisieren, Katalog laden")
    p = sub.add_parser("demo", parents=[common], help="init und Demodaten für ein Jahr")
    p.add_argument("--year", type=int, default=2021)
    p = sub.add_parser("log", parents=[common], help="einen Monatswert erfassen")
    p.add_argument("--project", required=True)
    p.add_argument("--metric", required=True)
    p.add_argument("--month", required=True, type=_month_arg)
    p.add_argument("--value", required=True)
    p.add_argument("--note")
    p = sub.add_parser("status", parents=[common], help="Zielerreichung eines Jahres")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--month", type=_month_arg)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("backup", parents=[common], help="Sicherungskopie der Datenbank")
    p.add_argument("--out", type=Path)
    p = sub.add_parser(
        "restore",
        parents=[common],
        help="Datenbank aus einer Sicherung wiederherstellen (der jetzige Stand wird gesichert)",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p = sub.add_parser("export", parents=[common], help="Arbeitsmappe für die Geschäftsführung")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--month", type=_month_arg)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("template", parents=[common], help="Erfassungsvorlage (Excel)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--project")
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("import", parents=[common], help="Werte aus Vorlage oder Export übernehmen")
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="nur prüfen und anzeigen")
    p.add_argument(
        "--overwrite-conflicts",
        action="store_true",
        help="auch Werte übernehmen, die seit der Erstellung der Datei geändert wurden",
    )
    p = sub.add_parser("merge", parents=[common], help="Werte einer anderen Datenbank übernehmen")
    p.add_argument("other", type=Path, metavar="OTHER.db")
    p.add_argument("--prefer", choices=("ours", "theirs"))
    sub.add_parser(
        "check", parents=[common], help="Integrität, Fremdschlüssel, Schemaversion prüfen"
    )
    p = sub.add_parser("history", parents=[common], help="Änderungsprotokoll anzeigen")
    p.add_argument("--project")
    p.add_argument("--metric")
    p.add_argument("--month", type=_month_arg)
    return parser


def _location(args: argparse.Namespace) -> str:
    if args.db:
        return str(args.db)
    if os.environ.get("AIPDESK_DB"):
        return os.environ["AIPDESK_DB"]
    from aipdesk.services.database import default_db_path

    return str(default_db_path())


def _open(args: argparse.Namespace, create: bool = False, write: bool = False) -> Database:
    """Open the database; only `init`, `demo` and the window create a missing one, so a
    mistyped --db is refused instead of answered from a new empty file.

    A command that will write (`write`) is refused on a read-only database before it
    does anything, and takes the day's first backup of the database before it writes.
    Notices (network share, a failed daily backup) go to stderr.
    """
    from aipdesk.services.database import open_database

    db = open_database(_location(args), create=create)
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


def _actor(args: argparse.Namespace) -> Any:
    from aipdesk.services.base import Actor

    return Actor(args.user) if args.user else Actor()


def cmd_init(args: argparse.Namespace) -> int:
    from aipdesk.services.catalogue import load_catalogue

    db = _open(args, create=True, write=True)
    changes = load_catalogue(db, _actor(args))
    if changes:
        print(
            f"Katalog AIP 2021 geladen: {len(changes.projects)} Projekte, "
            f"{len(changes.metrics)} Kennzahlen, {len(changes.targets)} Zielwerte ({db.where})"
        )
    else:
        print(f"Datenbank ist aktuell, Katalog war schon geladen ({db.where})")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from aipdesk.services.demo import load_demo

    db = _open(args, create=True, write=True)
    changes = load_demo(db, _actor(args), args.year)
    print(f"Demodaten {args.year}: {len(changes.values)} Monatswerte geschrieben ({db.where})")
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    from aipdesk.services.values import KEEP, log_value

    db = _open(args, write=True)
    changes = log_value(
        db,
        _actor(args),
        args.project,
        args.metric,
        args.month,
        args.value,
        KEEP if args.note is None else args.note,
    )
    what = "gespeichert" if changes else "unverändert"
    print(f"{args.project} {args.metric} {args.month}: {args.value} {what}")
    return EXIT_OK


def format_status(report: StatusReport) -> str:
    from aipdesk.format import number, percent, signed

    header = (
        "Projekt",
        "Kennzahl",
        "Zeitraum",
        "Zielwert",
        "Soll",
        "Ist",
        "Zielerr.",
        "Abweichung",
        "Hochrechnung",
        "Vorjahr",
        "Status",
    )
    lines: list[tuple[str, ...]] = [header]
    for row in report.rows:
        p, metric = row.progress, row.metric
        decimals = 1 if metric.unit == "%" or metric.kind.value == "stock" else 0
        lines.append(
            (
                row.project.code,
                metric.name,
                str(row.target.period),
                number(p.target, decimals),
                number(p.plan_to_date, decimals),
                number(p.actual_to_date, decimals),
                percent(p.attainment_pct),
                signed(p.deviation, decimals),
                number(p.forecast, decimals),
                number(p.previous_year_actual, decimals),
                p.status.german,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    numeric = set(range(3, 10))
    out = [f"Status {report.year}, Berichtsmonat {report.report_month}"]
    for index, line in enumerate(lines):
        cells = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(line)
        ]
        out.append("  ".join(cells).rstrip())
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def cmd_status(args: argparse.Namespace) -> int:
    from aipdesk.services.status import status

    if args.month is not None and args.month.year != args.year:
        raise UsageError(f"--month {args.month} liegt nicht im Jahr {args.year}")
    report = status(_open(args), args.year, args.month)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_status(report))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from aipdesk.exchange.export import export_workbook

    if args.month is not None and args.month.year != args.year:
        raise UsageError(f"--month {args.month} liegt nicht im Jahr {args.year}")
    result = export_workbook(_open(args), args.year, args.month, args.out)
    print(
        f"Arbeitsmappe geschrieben: {result.path} (Berichtsmonat {result.report_month}, "
        f"{result.rows_in_daten} Monatswerte)"
    )
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from aipdesk.exchange.template import write_template

    path = write_template(_open(args), args.year, args.out, project=args.project)
    print(f"Erfassungsvorlage geschrieben: {path}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from aipdesk.exchange.importer import import_workbook
    from aipdesk.services.base import Actor

    actor = Actor(args.user, "import") if args.user else Actor(source="import")
    # A conflict is a value changed in the database after the file was made: by default
    # the database keeps it (a colleague's newer figure is not overwritten unseen).
    report = import_workbook(
        _open(args, write=not args.dry_run),
        actor,
        args.file,
        dry_run=args.dry_run,
        skip_conflicts=not args.overwrite_conflicts,
    )
    print(report.summary(args.lang or "de"))
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from aipdesk.exchange.merge import merge_database
    from aipdesk.services.base import Actor

    actor = Actor(args.user, "merge") if args.user else Actor(source="merge")
    report = merge_database(_open(args, write=True), actor, args.other, prefer=args.prefer)
    print(report.summary(args.lang or "de"))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from aipdesk.services.database import backup

    path = backup(_open(args), args.out)
    print(f"Sicherung geschrieben: {path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database by a backup; the current state is backed up first."""
    from aipdesk.services.database import SCHEMA_HEAD
    from aipdesk.services.maintenance import restore

    result = restore(_location(args), args.file, _actor(args))
    de = (args.lang or "de") == "de"
    if de:
        print(
            f"Wiederhergestellt: {result.target} enthält jetzt den Stand aus {result.restored_from}"
        )
    else:
        print(f"Restored: {result.target} now holds the state of {result.restored_from}")
    if result.backup_of_current is not None:
        print(
            f"Der vorherige Stand ist gesichert in: {result.backup_of_current}"
            if de
            else f"The previous state is saved in: {result.backup_of_current}"
        )
    else:
        print("Vorher gab es dort keine Datenbank" if de else "There was no database before")
    if result.revision != SCHEMA_HEAD:
        print(
            f"Die Sicherung hat Schema {result.revision}; beim nächsten Öffnen wird sie "
            f"auf {SCHEMA_HEAD} aktualisiert (mit Sicherung vorher)"
            if de
            else f"The backup has schema {result.revision}; it is upgraded to {SCHEMA_HEAD} "
            "on the next open (with a backup first)"
        )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from aipdesk.services.maintenance import check

    problems, facts = check(_open(args))
    for fact in facts:
        print(fact)
    for problem in problems:
        print(problem, file=sys.stderr)
    return EXIT_REJECTED if problems else EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from aipdesk.domain.audit import describe
    from aipdesk.services.maintenance import history

    for change in history(_open(args), args.project, args.metric, args.month):
        when = change.at.astimezone().strftime("%d.%m.%Y %H:%M:%S")
        where = " ".join(str(x) for x in (change.project, change.metric, change.month) if x)
        print(
            f"{when}  {change.user:<12} {change.source:<9} {change.action:<6} "
            f"{change.entity:<8} {where}: {describe(change.old)} → {describe(change.new)}"
        )
    return EXIT_OK


COMMANDS = {
    "export": cmd_export,
    "template": cmd_template,
    "import": cmd_import,
    "merge": cmd_merge,
    "init": cmd_init,
    "demo": cmd_demo,
    "log": cmd_log,
    "status": cmd_status,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "history": cmd_history,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or "de"
    try:
        if args.command is None:
            return run_gui(args)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"aipdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DomainError as exc:
        print(f"aipdesk: {exc.text(lang)}", file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last guard: one line, never a traceback
        from aipdesk.errors import describe_unexpected

        print(f"aipdesk: {describe_unexpected(exc, lang)}", file=sys.stderr)
        return EXIT_REJECTED


def run_gui(args: argparse.Namespace) -> int:
    """Without a sub-command: the desktop window (or, with --screenshot, a PNG of it)."""
    # The database stack is imported off the GUI thread once the window is up
    # (aipdesk.ui.backend), so the window paints first (bench/startup.py).
    if args.pane not in PANES:
        raise UsageError(f"--pane muss einer von {', '.join(PANES)} sein")
    from aipdesk.ui.application import build, screenshot

    lang = args.lang or "de"
    window = build(_location(args), lang=lang, user=args.user)
    if args.screenshot:
        screenshot(window, args.screenshot, args.pane)
        window.close()
        return EXIT_OK
    from PySide6.QtWidgets import QApplication

    window.show_pane(args.pane)
    window.show()
    return QApplication.instance().exec()  # type: ignore[union-attr]


PANES = ("dashboard", "projects", "integrations", "training", "targets")


if __name__ == "__main__":
    sys.exit(main())
