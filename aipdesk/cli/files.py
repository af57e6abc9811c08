"""Commands on files: export, template, import, merge, backup, restore, check."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from aipdesk.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    actor_of,
    lang_of,
    location,
    month_type,
    named_args,
    open_db,
    say,
    show,
    tell,
    translator,
    usage,
    year_type,
)
from aipdesk.cli.listing import add_project, add_report_month
from aipdesk.domain.messages import Note, message, pick
from aipdesk.domain.months import month_words


def register(sub: Any, common: argparse.ArgumentParser, lang: str = "de") -> None:
    t = translator(lang)
    month, year = month_type(lang), year_type(lang)
    p = sub.add_parser(
        "backup",
        parents=[common],
        help=t("Sicherungskopie der Datenbank", "back up the database"),
    )
    p.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help=t(
            "Datei der Sicherung (sonst im Sicherungsordner)",
            "file of the backup (else in the backup folder)",
        ),
    )
    p.set_defaults(func=cmd_backup, changes=True)
    p = sub.add_parser(
        "restore",
        parents=[common],
        help=t(
            "Datenbank aus einer Sicherung wiederherstellen (der jetzige Stand wird gesichert)",
            "restore the database from a backup (the present state is backed up first)",
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE", help=t("die Sicherung", "the backup"))
    p.set_defaults(func=cmd_restore, changes=True)
    p = sub.add_parser(
        "export",
        parents=[common],
        help=t("Arbeitsmappe für die Geschäftsführung", "workbook for the management"),
    )
    p.add_argument("--year", type=year, required=True, metavar="YYYY", help=t("Jahr", "year"))
    add_report_month(p, t, month)
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE.xlsx",
        help=t("die Arbeitsmappe, die entsteht", "the workbook to write"),
    )
    p.set_defaults(func=cmd_export, changes=True)
    p = sub.add_parser(
        "template",
        parents=[common],
        help=t("Erfassungsvorlage (Excel)", "entry template (Excel)"),
    )
    p.add_argument("--year", type=year, required=True, metavar="YYYY", help=t("Jahr", "year"))
    add_project(p, t)
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE.xlsx",
        help=t("die Vorlage, die entsteht", "the template to write"),
    )
    p.add_argument(
        "--budget",
        action="store_true",
        help=t(
            "mit Blatt Budgeterfassung: Ausgaben je Instrument und Monat",
            "with the sheet Budgeterfassung: spending per instrument and month",
        ),
    )
    p.set_defaults(func=cmd_template, changes=True)
    p = sub.add_parser(
        "import",
        parents=[common],
        help=t(
            "Werte aus Vorlage oder Export übernehmen", "take over values from a template or export"
        ),
    )
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE.xlsx",
        help=t("Erfassungsvorlage oder Export", "entry template or export"),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=t("nur prüfen und anzeigen", "only check and show"),
    )
    p.add_argument(
        "--overwrite-conflicts",
        action="store_true",
        help=t(
            "auch Werte übernehmen, die seit der Erstellung der Datei geändert wurden",
            "also take over values that were changed since the file was made",
        ),
    )
    p.set_defaults(func=cmd_import, changes=True)
    p = sub.add_parser(
        "merge",
        parents=[common],
        help=t(
            "Werte einer anderen Datenbank übernehmen", "take over the values of another database"
        ),
    )
    p.add_argument(
        "other",
        type=Path,
        metavar="OTHER.db",
        help=t("die andere Datenbank (SQLite)", "the other database (SQLite)"),
    )
    p.add_argument(
        "--prefer",
        choices=("ours", "theirs"),
        help=t(
            "bei verschiedenen Zahlen: ours = die hier, theirs = die dort",
            "where the numbers differ: ours = the ones here, theirs = the ones there",
        ),
    )
    p.set_defaults(func=cmd_merge, changes=True)
    p = sub.add_parser(
        "check",
        parents=[common],
        help=t(
            "Integrität, Fremdschlüssel, Schemaversion prüfen",
            "check integrity, foreign keys, schema version",
        ),
    )
    p.set_defaults(func=cmd_check)


def cmd_export(args: argparse.Namespace) -> int:
    from aipdesk.exchange.export import export_workbook

    if args.month is not None and args.month.year != args.year:
        raise usage(Note.usage_month_not_in_year, month=str(args.month), year=args.year)
    result = export_workbook(open_db(args), args.year, args.month, args.out)
    tell(
        args,
        Note.cli_workbook_written,
        path=str(result.path),
        month=month_words(result.report_month),
        count=result.rows_in_daten,
    )
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from aipdesk.exchange.template import write_template

    db = open_db(args)
    named_args(args, db, metrics=())
    path = write_template(db, args.year, args.out, project=args.project, budget=args.budget)
    tell(args, Note.cli_template_written, path=str(path))
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
    show(report.summary(lang_of(args)))
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from aipdesk.exchange.merge import merge_database
    from aipdesk.services.base import Actor

    actor = Actor(args.user, "merge") if args.user else Actor(source="merge")
    report = merge_database(open_db(args, write=True), actor, args.other, prefer=args.prefer)
    show(report.summary(lang_of(args)))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from aipdesk.services.database import backup

    path = backup(open_db(args), args.out)
    tell(args, Note.cli_backup_written, path=str(path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database by a backup; the current state is backed up first."""
    from aipdesk.services.database import SCHEMA_HEAD
    from aipdesk.services.maintenance import restore

    result = restore(location(args), args.file, actor_of(args))
    lang = lang_of(args)
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

    lang = lang_of(args)
    problems, facts = check_location(location(args))
    for fact in facts:
        show(pick(fact, lang))
    for problem in problems:
        say(pick(problem, lang))
    return EXIT_REJECTED if problems else EXIT_OK
