"""Commands on files: export, template, import, merge, backup, restore, check."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from aipdesk.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    UsageError,
    actor_of,
    location,
    month_arg,
    open_db,
    say,
    show,
)
from aipdesk.domain.messages import Note, message, pick


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="Sicherungskopie der Datenbank")
    p.add_argument("--out", type=Path)
    p.set_defaults(func=cmd_backup, changes=True)
    p = sub.add_parser(
        "restore",
        parents=[common],
        help="Datenbank aus einer Sicherung wiederherstellen (der jetzige Stand wird gesichert)",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_restore, changes=True)
    p = sub.add_parser("export", parents=[common], help="Arbeitsmappe für die Geschäftsführung")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--month", type=month_arg)
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_export, changes=True)
    p = sub.add_parser("template", parents=[common], help="Erfassungsvorlage (Excel)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--project")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_template, changes=True)
    p = sub.add_parser("import", parents=[common], help="Werte aus Vorlage oder Export übernehmen")
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="nur prüfen und anzeigen")
    p.add_argument(
        "--overwrite-conflicts",
        action="store_true",
        help="auch Werte übernehmen, die seit der Erstellung der Datei geändert wurden",
    )
    p.set_defaults(func=cmd_import, changes=True)
    p = sub.add_parser("merge", parents=[common], help="Werte einer anderen Datenbank übernehmen")
    p.add_argument("other", type=Path, metavar="OTHER.db")
    p.add_argument("--prefer", choices=("ours", "theirs"))
    p.set_defaults(func=cmd_merge, changes=True)
    p = sub.add_parser(
        "check", parents=[common], help="Integrität, Fremdschlüssel, Schemaversion prüfen"
    )
    p.set_defaults(func=cmd_check)


def cmd_export(args: argparse.Namespace) -> int:
    from aipdesk.exchange.export import export_workbook

    if args.month is not None and args.month.year != args.year:
        raise UsageError(f"--month {args.month} liegt nicht im Jahr {args.year}")
    result = export_workbook(open_db(args), args.year, args.month, args.out)
    show(
        f"Arbeitsmappe geschrieben: {result.path} (Berichtsmonat {result.report_month}, "
        f"{result.rows_in_daten} Monatswerte)"
    )
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from aipdesk.exchange.template import write_template

    path = write_template(open_db(args), args.year, args.out, project=args.project)
    show(f"Erfassungsvorlage geschrieben: {path}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from aipdesk.exchange.importer import import_workbook
    from aipdesk.services.base import Actor

    actor = Actor(args.user, "import") if args.user else Actor(source="import")
    # A conflict is a value changed in the database after the file was made: by default
    # the database keeps it (a colleague's newer figure is not overwritten unseen).
    report = import_workbook(
        open_db(args, write=not args.dry_run),
        actor,
        args.file,
        dry_run=args.dry_run,
        skip_conflicts=not args.overwrite_conflicts,
    )
    show(report.summary(args.lang or "de"))
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from aipdesk.exchange.merge import merge_database
    from aipdesk.services.base import Actor

    actor = Actor(args.user, "merge") if args.user else Actor(source="merge")
    report = merge_database(open_db(args, write=True), actor, args.other, prefer=args.prefer)
    show(report.summary(args.lang or "de"))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from aipdesk.services.database import backup

    path = backup(open_db(args), args.out)
    show(f"Sicherung geschrieben: {path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database by a backup; the current state is backed up first."""
    from aipdesk.services.database import SCHEMA_HEAD
    from aipdesk.services.maintenance import restore

    result = restore(location(args), args.file, actor_of(args))
    lang = args.lang or "de"
    show(message(Note.restored, lang, target=str(result.target), source=str(result.restored_from)))
    if result.backup_of_current is not None:
        show(message(Note.restore_saved_before, lang, path=str(result.backup_of_current)))
    else:
        show(message(Note.restore_nothing_before, lang))
    if result.revision != SCHEMA_HEAD:
        show(message(Note.restore_old_schema, lang, revision=result.revision, head=SCHEMA_HEAD))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from aipdesk.services.maintenance import check_location

    lang = args.lang or "de"
    problems, facts = check_location(location(args))
    for fact in facts:
        show(pick(fact, lang))
    for problem in problems:
        say(pick(problem, lang))
    return EXIT_REJECTED if problems else EXIT_OK
