"""The monthly close from the command line: aipdesk month close | approve | reopen |
deadline | status. The same operations as the window (one unit of work, change log)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from aipdesk.cli.common import (
    EXIT_OK,
    Translate,
    actor_of,
    lang_of,
    month_type,
    named_args,
    open_db,
    tell,
    translator,
    year_type,
)
from aipdesk.cli.listing import add_actions, add_json, add_project, print_table
from aipdesk.domain.closing import STATE_WORDS, MonthState
from aipdesk.domain.messages import Note, message, pick
from aipdesk.format import date_words, formatter, month_words
from aipdesk.services.naming import project_name


def register(sub: Any, common: argparse.ArgumentParser, lang: str = "de") -> None:
    t = translator(lang)
    actions = add_actions(
        sub,
        common,
        t,
        "month",
        t(
            "Monatsabschluss: melden, freigeben, wieder öffnen, Meldeschluss, Stand",
            "monthly close: report, approve, reopen, deadline, state",
        ),
    )
    p = actions.add_parser(
        "close",
        parents=[common],
        help=t(
            "Monat melden (Teamleitung): alle Kennzahlen des Projekts haben einen Wert",
            "report a month (team lead): every metric of the project has a value",
        ),
    )
    _add_month(p, t, lang)
    p.set_defaults(func=cmd_close, changes=True)
    p = actions.add_parser(
        "approve",
        parents=[common],
        help=t(
            "gemeldeten Monat freigeben (Koordination); seine Werte sind dann gesperrt",
            "approve a reported month (coordinator); its values are locked then",
        ),
    )
    _add_month(p, t, lang)
    p.set_defaults(func=cmd_approve, changes=True)
    p = actions.add_parser(
        "reopen",
        parents=[common],
        help=t(
            "gemeldeten oder freigegebenen Monat wieder öffnen, mit Begründung",
            "reopen a reported or approved month, with a reason",
        ),
    )
    _add_month(p, t, lang)
    p.add_argument(
        "--reason",
        required=True,
        metavar="TEXT",
        help=t("Begründung (steht im Änderungsprotokoll)", "reason (kept in the change log)"),
    )
    p.set_defaults(func=cmd_reopen, changes=True)
    p = actions.add_parser(
        "deadline",
        parents=[common],
        help=t(
            "Meldeschluss eines Monats setzen (Standard: der 10. des Folgemonats)",
            "set the deadline of a month (default: the 10th of the following month)",
        ),
    )
    p.add_argument(
        "--month", required=True, type=month_type(lang), metavar="YYYY-MM", help=t("Monat", "month")
    )
    p.add_argument(
        "--date",
        required=True,
        metavar="TT.MM.JJJJ",
        help=t(
            'Meldeschluss, z. B. 14.06.2021 oder 2021-06-14 ("" = Standard)',
            'deadline, e.g. 2021-06-14 or 14.06.2021 ("" = default)',
        ),
    )
    p.set_defaults(func=cmd_deadline, changes=True)
    p = actions.add_parser(
        "status",
        parents=[common],
        help=t(
            "Stand der Monate eines Jahres: offen, gemeldet, freigegeben, pünktlich",
            "state of the months of a year: open, reported, approved, on time",
        ),
    )
    p.add_argument(
        "--year", type=year_type(lang), required=True, metavar="YYYY", help=t("Jahr", "year")
    )
    add_project(p, t)
    add_json(p, t)
    p.set_defaults(func=cmd_status)


def _add_month(p: argparse.ArgumentParser, t: Translate, lang: str) -> None:
    add_project(p, t, required=True)
    p.add_argument(
        "--month", required=True, type=month_type(lang), metavar="YYYY-MM", help=t("Monat", "month")
    )


def _run(args: argparse.Namespace, op: Any, done: Note, **params: Any) -> int:
    db = open_db(args, write=True)
    catalog = named_args(args, db, metrics=())
    op = op(args)
    op.run(db, actor_of(args))
    tell(
        args,
        done,
        project=project_name(catalog, args.project),
        month=month_words(args.month),
        **params,
    )
    return EXIT_OK


def cmd_close(args: argparse.Namespace) -> int:
    from aipdesk.services.closing import ReportMonth

    return _run(args, lambda a: ReportMonth(a.project, a.month), Note.cli_month_reported)


def cmd_approve(args: argparse.Namespace) -> int:
    from aipdesk.services.closing import ApproveMonth

    return _run(args, lambda a: ApproveMonth(a.project, a.month), Note.cli_month_approved)


def cmd_reopen(args: argparse.Namespace) -> int:
    from aipdesk.services.closing import ReopenMonth

    return _run(
        args,
        lambda a: ReopenMonth(a.project, a.month, a.reason),
        Note.cli_month_reopened,
        reason=args.reason.strip(),
    )


def cmd_deadline(args: argparse.Namespace) -> int:
    from aipdesk.domain.closing import default_deadline, parse_day
    from aipdesk.services.closing import SetDeadline

    due = parse_day(args.date) if args.date.strip() else None
    db = open_db(args, write=True)
    SetDeadline(args.month, due).run(db, actor_of(args))
    tell(
        args,
        Note.cli_deadline_set,
        month=month_words(args.month),
        due=date_words(due or default_deadline(args.month)),
    )
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from aipdesk.services.month_status import month_status, timeliness

    db = open_db(args)
    catalog = named_args(args, db, metrics=())
    rows = month_status(db, args.year)
    if args.project:
        rows = [row for row in rows if row.project == args.project]
    if args.json:
        print(json.dumps([row.to_json() for row in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    lang = lang_of(args)
    fmt = formatter(lang)
    header = [
        message(note, lang)
        for note in (
            Note.month_col_project,
            Note.month_col_month,
            Note.month_col_state,
            Note.month_col_due,
            Note.month_col_timely,
            Note.month_col_changed,
        )
    ]
    table = []
    today = date.today()
    for row in rows:
        table.append(
            [
                project_name(catalog, row.project),
                fmt.month(row.month),
                message(STATE_WORDS[row.state], lang),
                pick(date_words(row.due), lang),
                _timely(row.on_time, row.days_left, row.state, row.due >= today, lang),
                str(row.changes_after_approval) if row.changes_after_approval else "",
            ]
        )
    print_table(header, table)
    for rate in timeliness(rows):
        if rate.due:
            tell(
                args,
                Note.month_timeliness,
                project=project_name(catalog, rate.project),
                on_time=rate.on_time,
                due=rate.due,
                pct=fmt.percent(rate.rate_pct, 0),
            )
    return EXIT_OK


def _timely(on_time: bool | None, days: int, state: MonthState, pending: bool, lang: str) -> str:
    if on_time is True:
        return message(Note.month_on_time, lang)
    if on_time is False:
        late = state is not MonthState.OPEN
        return message(Note.month_late if late else Note.month_missing, lang)
    if days == 0:
        return message(Note.month_closes_today, lang)
    if pending and days <= 31:
        return message(Note.month_closes_in, lang, days=days)
    return ""
