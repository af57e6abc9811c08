"""Commands on the figures: init, demo, log, status, history."""

from __future__ import annotations

import argparse
import json
from typing import Any

from aipdesk.cli.common import EXIT_OK, UsageError, actor_of, month_arg, open_db
from aipdesk.cli.listing import lang_of
from aipdesk.domain.escape import visible


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "init", parents=[common], help="Datenbank anlegen/aktualisieren, Katalog laden"
    )
    p.set_defaults(func=cmd_init, changes=True)
    p = sub.add_parser("demo", parents=[common], help="init und Demodaten für ein Jahr")
    p.add_argument("--year", type=int, default=2021)
    p.set_defaults(func=cmd_demo, changes=True)
    p = sub.add_parser("log", parents=[common], help="einen Monatswert erfassen")
    p.add_argument("--project", required=True)
    p.add_argument("--metric", required=True)
    p.add_argument("--month", required=True, type=month_arg)
    p.add_argument("--value", required=True)
    p.add_argument("--note")
    p.set_defaults(func=cmd_log, changes=True)
    p = sub.add_parser("status", parents=[common], help="Zielerreichung eines Jahres")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--month", type=month_arg)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("history", parents=[common], help="Änderungsprotokoll anzeigen")
    p.add_argument("--project")
    p.add_argument("--metric")
    p.add_argument("--month", type=month_arg)
    p.set_defaults(func=cmd_history)


def cmd_init(args: argparse.Namespace) -> int:
    from aipdesk.services.catalogue import catalogue_revision, load_catalogue

    db = open_db(args, create=True, write=True)
    before, revision = catalogue_revision(db)
    changes = load_catalogue(db, actor_of(args))
    counts = (
        f"{len(changes.projects)} Projekte, {len(changes.metrics)} Kennzahlen, "
        f"{len(changes.targets)} Zielwerte"
    )
    if before == 0:
        print(f"Katalog AIP 2021 geladen: {counts} ({db.where})")
    elif before < revision:
        print(
            f"Katalog AIP 2021 ergänzt (Stand {before} → {revision}): {counts} neu oder "
            f"angepasst; Änderungen der Koordination bleiben erhalten ({db.where})"
        )
    else:
        print(f"Datenbank ist aktuell, Katalog war schon geladen ({db.where})")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from aipdesk.services.demo import load_demo

    db = open_db(args, create=True, write=True)
    changes = load_demo(db, actor_of(args), args.year)
    print(f"Demodaten {args.year}: {len(changes.values)} Monatswerte geschrieben ({db.where})")
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    from aipdesk.services.values import KEEP, log_value

    db = open_db(args, write=True)
    changes = log_value(
        db,
        actor_of(args),
        args.project,
        args.metric,
        args.month,
        args.value,
        KEEP if args.note is None else args.note,
    )
    what = "gespeichert" if changes else "unverändert"
    print(visible(f"{args.project} {args.metric} {args.month}: {args.value} {what}"))
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from aipdesk.cli.status_table import format_status
    from aipdesk.services.status import status

    if args.month is not None and args.month.year != args.year:
        raise UsageError(f"--month {args.month} liegt nicht im Jahr {args.year}")
    report = status(open_db(args), args.year, args.month)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_status(report, args.lang or "de"))
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from aipdesk.domain.audit import describe
    from aipdesk.format import formatter
    from aipdesk.services.maintenance import history

    for change in history(open_db(args), args.project, args.metric, args.month):
        when = formatter(lang_of(args)).timestamp(change.at, seconds=True)
        where = " ".join(str(x) for x in (change.project, change.metric, change.month) if x)
        # One entry, one line: what users typed (names, notes) is shown escaped.
        print(
            visible(
                f"{when}  {change.user:<12} {change.source:<9} {change.action:<6} "
                f"{change.entity:<8} {where}: {describe(change.old)} → {describe(change.new)}"
            )
        )
    return EXIT_OK
