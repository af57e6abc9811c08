"""`aipdesk report`: the monthly Controllingbericht as a PDF/A file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from aipdesk.cli.common import (
    EXIT_OK,
    lang_of,
    month_type,
    open_db,
    tell,
    translator,
    usage,
    year_type,
)
from aipdesk.cli.listing import add_report_month
from aipdesk.domain.messages import Note
from aipdesk.domain.months import month_words


def register(sub: Any, common: argparse.ArgumentParser, lang: str = "de") -> None:
    t = translator(lang)
    month, year = month_type(lang), year_type(lang)
    p = sub.add_parser(
        "report",
        parents=[common],
        help=t(
            "Controllingbericht des Monats als PDF/A",
            "the month's controlling report as PDF/A",
        ),
    )
    p.add_argument("--year", type=year, required=True, metavar="YYYY", help=t("Jahr", "year"))
    add_report_month(p, t, month)
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help=t("der Bericht, der entsteht", "the report to write"),
    )
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    # Qt only here, when the report is asked for: the other commands never load it.
    from aipdesk.ui.report.writer import write_report

    if args.month is not None and args.month.year != args.year:
        raise usage(Note.usage_month_not_in_year, month=str(args.month), year=args.year)
    result = write_report(open_db(args), args.year, args.month, args.out, lang_of(args))
    tell(
        args,
        Note.cli_report_written,
        path=str(result.path),
        month=month_words(result.report_month),
        pages=result.pages,
    )
    return EXIT_OK
