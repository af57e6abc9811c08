"""Commands on the figures: init, demo, log, status, history."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from aipdesk.cli.common import EXIT_OK, UsageError, actor_of, month_arg, open_db
from aipdesk.domain.escape import visible

if TYPE_CHECKING:
    from aipdesk.services.status import StatusReport


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
    from aipdesk.services.catalogue import load_catalogue

    db = open_db(args, create=True, write=True)
    changes = load_catalogue(db, actor_of(args))
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
                visible(row.project.code),
                visible(metric.name),
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
    report = status(open_db(args), args.year, args.month)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_status(report))
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from aipdesk.domain.audit import describe
    from aipdesk.services.maintenance import history

    for change in history(open_db(args), args.project, args.metric, args.month):
        when = change.at.astimezone().strftime("%d.%m.%Y %H:%M:%S")
        where = " ".join(str(x) for x in (change.project, change.metric, change.month) if x)
        # One entry, one line: what users typed (names, notes) is shown escaped.
        print(
            visible(
                f"{when}  {change.user:<12} {change.source:<9} {change.action:<6} "
                f"{change.entity:<8} {where}: {describe(change.old)} → {describe(change.new)}"
            )
        )
    return EXIT_OK
