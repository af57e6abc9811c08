"""Commands on the figures: init, demo, log, status, history."""

from __future__ import annotations

import argparse
import json
from typing import Any

from aipdesk.cli.common import (
    EXIT_OK,
    actor_of,
    lang_of,
    month_type,
    named_args,
    open_db,
    tell,
    translator,
    usage,
    year_type,
)
from aipdesk.cli.listing import add_json, add_metric, add_pair, add_project, add_report_month
from aipdesk.domain.messages import Note, message
from aipdesk.domain.months import month_words
from aipdesk.services.naming import metric_name, project_name


def register(sub: Any, common: argparse.ArgumentParser, lang: str = "de") -> None:
    t = translator(lang)
    month, year = month_type(lang), year_type(lang)
    p = sub.add_parser(
        "init",
        parents=[common],
        help=t(
            "Datenbank anlegen/aktualisieren, Katalog laden",
            "create or upgrade the database, load the catalogue",
        ),
    )
    p.set_defaults(func=cmd_init, changes=True)
    p = sub.add_parser(
        "demo",
        parents=[common],
        help=t("init und Demodaten für ein Jahr", "init and demo data for one year"),
    )
    p.add_argument(
        "--year",
        metavar="YYYY",
        type=year,
        default=2021,
        help=t("Jahr der Demodaten (Standard 2021)", "year of the demo data (default 2021)"),
    )
    p.set_defaults(func=cmd_demo, changes=True)
    p = sub.add_parser(
        "log", parents=[common], help=t("einen Monatswert erfassen", "log a monthly value")
    )
    add_pair(p, t)
    p.add_argument(
        "--month", required=True, type=month, metavar="YYYY-MM", help=t("Monat", "month")
    )
    p.add_argument(
        "--value",
        required=True,
        metavar="N",
        help=t("Wert (eine Anzahl, nicht negativ)", "value (a count, not negative)"),
    )
    p.add_argument(
        "--note",
        metavar="T",
        help=t(
            'Bemerkung zum Wert ("" = keine mehr; ohne: sie bleibt)',
            'note on the value ("" = none any more; without: it stays)',
        ),
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=t(
            "einen unplausiblen Wert trotzdem speichern (mit --note als Begründung); er steht "
            "dann zur Klärung",
            "store an implausible value all the same (with --note as the reason); it is "
            "listed for review then",
        ),
    )
    p.set_defaults(func=cmd_log, changes=True)
    p = sub.add_parser(
        "status",
        parents=[common],
        help=t("Zielerreichung eines Jahres", "attainment of the targets of a year"),
    )
    p.add_argument("--year", type=year, required=True, metavar="YYYY", help=t("Jahr", "year"))
    add_report_month(p, t, month)
    add_json(p, t)
    p.set_defaults(func=cmd_status)
    p = sub.add_parser(
        "history", parents=[common], help=t("Änderungsprotokoll anzeigen", "show the change log")
    )
    add_project(p, t)
    add_metric(p, t)
    p.add_argument(
        "--month", type=month, metavar="YYYY-MM", help=t("nur dieser Monat", "this month only")
    )
    p.set_defaults(func=cmd_history)


def cmd_init(args: argparse.Namespace) -> int:
    from aipdesk.services.catalogue import catalogue_revision, load_catalogue

    db = open_db(args, create=True, write=True)
    before, revision = catalogue_revision(db)
    changes = load_catalogue(db, actor_of(args))
    counts = message(
        Note.cli_catalogue_counts,
        lang_of(args),
        projects=len(changes.projects),
        metrics=len(changes.metrics),
        targets=len(changes.targets),
    )
    where = str(db.where)
    if before == 0:
        tell(args, Note.cli_catalogue_loaded, counts=counts, where=where)
    elif before < revision:
        tell(
            args,
            Note.cli_catalogue_extended,
            before=before,
            revision=revision,
            counts=counts,
            where=where,
        )
    else:
        tell(args, Note.cli_catalogue_current, where=where)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from aipdesk.services.demo import load_demo

    db = open_db(args, create=True, write=True)
    changes = load_demo(db, actor_of(args), args.year)
    tell(
        args, Note.cli_demo_written, year=args.year, count=len(changes.values), where=str(db.where)
    )
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    from aipdesk.domain.errors import Code, DomainError
    from aipdesk.domain.messages import phrase
    from aipdesk.services.values import KEEP, log_value

    if args.force and not (args.note or "").strip():
        raise usage(Note.usage_force_needs_note)
    db = open_db(args, write=True)
    catalog = named_args(args, db)
    try:
        changes = log_value(
            db,
            actor_of(args),
            args.project,
            args.metric,
            args.month,
            args.value,
            KEEP if args.note is None else args.note,
            confirm=True,
            force=args.note.strip() if args.force else None,
        )
    except DomainError as error:
        if error.code is not Code.implausible_value:
            raise
        raise DomainError(
            Code.implausible_log, message=phrase(error.code, **error.params)
        ) from None
    tell(
        args,
        Note.cli_value_saved if changes else Note.cli_value_unchanged,
        project=project_name(catalog, args.project),
        metric=metric_name(catalog, args.metric),
        month=month_words(args.month),
        value=args.value,
    )
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from aipdesk.cli.status_table import format_status
    from aipdesk.services.status import status

    if args.month is not None and args.month.year != args.year:
        raise usage(Note.usage_month_not_in_year, month=str(args.month), year=args.year)
    report = status(open_db(args), args.year, args.month)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_status(report, args.lang or "de"))
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from aipdesk.cli.history import HistoryLines
    from aipdesk.services.maintenance import history

    db = open_db(args)
    catalog = named_args(args, db)
    lines = HistoryLines(
        lang_of(args),
        lambda code: project_name(catalog, code),
        lambda code: metric_name(catalog, code),
    )
    for change in history(db, args.project, args.metric, args.month):
        print(lines.line(change))
    return EXIT_OK
