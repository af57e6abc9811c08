"""The budget of the Eingliederungstitel: aipdesk budget status | log | plan.

Amounts are typed German or plain ("350.000,30", "400000.20") and read into cents
(`aipdesk.domain.money.parse_cents`); a negative, non-numeric or absurd amount, an
unknown instrument or a month that is none is refused with one line, exit 1, nothing
changed. Help texts are German, English with `--lang en`.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from aipdesk.cli.common import (
    EXIT_OK,
    Translate,
    actor_of,
    lang_of,
    open_db,
    show,
    tell,
    translator,
    usage,
    year_type,
)
from aipdesk.cli.listing import add_actions
from aipdesk.cli.status_table import STATUS_WORDS, _table
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note, message, pick

if TYPE_CHECKING:
    from aipdesk.domain.months import Month
    from aipdesk.services.budget_status import BudgetReport

COLUMNS = (
    ("Kürzel", "Code"),
    ("Bezeichnung", "Name"),
    ("Plan", "Plan"),
    ("Soll", "Plan to date"),
    ("Gebunden", "Committed"),
    ("Verfügbar", "Available"),
    ("Ausgaben", "Spent"),
    ("Hochrechnung", "Forecast"),
    ("Bindungsq.", "Committed %"),
    ("Ausgabeq.", "Spent %"),
    ("Vorjahr", "Prev. year"),
    ("je Ergebnis", "Per result"),
    ("Status", "Status"),
)


def register(sub: Any, common: argparse.ArgumentParser, lang: str = "de") -> None:
    t = translator(lang)
    actions = add_actions(
        sub,
        common,
        t,
        "budget",
        t(
            "Budget des Eingliederungstitels: Stand, Ausgaben und Bindungen, Plan",
            "budget of the Eingliederungstitel: status, spending and commitments, plan",
        ),
    )
    p = actions.add_parser(
        "status",
        parents=[common],
        help=t(
            "Plan, Soll, Bindung, Ausgaben und Hochrechnung je Instrument",
            "plan, plan to date, commitments, spending and forecast per instrument",
        ),
    )
    p.add_argument(
        "--year", metavar="YYYY", type=year_type(lang), required=True, help=t("Jahr", "year")
    )
    _month(
        p,
        t,
        t(
            "Berichtsmonat (ohne: der letzte Monat mit Budgetwerten)",
            "report month (without: the latest month with budget entries)",
        ),
        False,
    )
    p.add_argument("--json", action="store_true", help=t("als JSON ausgeben", "print as JSON"))
    p.set_defaults(func=cmd_budget_status)
    p = actions.add_parser(
        "log",
        parents=[common],
        help=t(
            "Ausgaben oder neue Bindungen eines Monats erfassen",
            "log a month's spending or new commitments",
        ),
    )
    _instrument(p, t)
    _month(p, t, t("Monat der Ausgabe oder Bindung", "month of the spending or commitment"), True)
    p.add_argument(
        "--spent",
        metavar="EUR",
        help=t(
            "Ausgaben des Monats in €, z. B. 350.000,30",
            "the month's spending in €, e.g. 400000.20",
        ),
    )
    p.add_argument(
        "--committed",
        metavar="EUR",
        help=t("neue Bindungen des Monats in €", "the month's new commitments in €"),
    )
    p.add_argument(
        "--due",
        metavar="YYYY",
        help=t(
            "Jahr, in dem die Bindung fällig wird (ohne: das Jahr des Monats)",
            "year the commitment falls due (without: the month's year)",
        ),
    )
    p.add_argument("--note", metavar="T", help=t("Bemerkung", "note"))
    p.set_defaults(func=cmd_budget_log, changes=True)
    p = actions.add_parser(
        "plan",
        parents=[common],
        help=t(
            "den Plan eines Instruments für ein Jahr setzen", "set an instrument's plan for a year"
        ),
    )
    _instrument(p, t)
    p.add_argument(
        "--year", metavar="YYYY", type=year_type(lang), required=True, help=t("Jahr", "year")
    )
    p.add_argument("--amount", metavar="EUR", required=True, help=t("Plan in €", "plan in €"))
    p.add_argument(
        "--weights",
        metavar="W1,W2,…",
        help=t(
            "Plankurve: zwölf Gewichte, nicht negativ, werden auf 1 skaliert; mit Komma "
            "getrennt ist das Dezimalzeichen der Punkt (1,1,2,…), mit Semikolon getrennt geht "
            "auch das Komma (0,5;0,5;…). Ohne: die Plankurve bleibt (linear bei einem neuen Plan)",
            "plan curve: twelve weights, not negative, scaled to 1; separated by commas the "
            "decimal separator is the point (1,1,2,…), separated by semicolons the comma works "
            "too (0,5;0,5;…). Without: the plan curve stays (linear for a new plan)",
        ),
    )
    p.set_defaults(func=cmd_budget_plan, changes=True)


def _instrument(p: argparse.ArgumentParser, t: Translate) -> None:
    p.add_argument(
        "--instrument",
        required=True,
        metavar=t("KÜRZEL", "CODE"),
        help=t("Instrument: Kürzel (FBW) oder Name", "instrument: code (FBW) or name"),
    )


def _month(p: argparse.ArgumentParser, t: Translate, text: str, required: bool) -> None:
    # Read in the command, not by argparse: a month that is none is refused with exit 1.
    p.add_argument("--month", metavar="YYYY-MM", required=required, help=text)


def _parse_month(text: str | None) -> Month | None:
    from aipdesk.domain.months import Month

    return None if text is None else Month.parse(text)


def _cents(text: str, what: tuple[str, str]) -> int:
    from aipdesk.domain.money import parse_cents

    return parse_cents(text, what)


def _instrument_code(db: Any, typed: str) -> str:
    from aipdesk.services.budget import find_instrument, instrument_names

    with db.read() as session:
        names = instrument_names(session)
    if not names:
        raise DomainError(Code.budget_no_catalogue)
    return find_instrument(names, typed)


def cmd_budget_status(args: argparse.Namespace) -> int:
    from aipdesk.services.budget_status import budget_status

    month = _parse_month(args.month)
    db = open_db(args)
    report = budget_status(db, args.year, month)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print_budget(report, lang_of(args))
    return EXIT_OK


def print_budget(report: BudgetReport, lang: str) -> None:
    from aipdesk.domain.money import format_cents
    from aipdesk.format import formatter

    fmt = formatter(lang)

    def money(cents: int | None) -> str:
        return "–" if cents is None else format_cents(cents, lang)

    show(message(Note.budget_heading, lang, year=report.year, month=fmt.month(report.report_month)))
    a = report.allocation
    if a is None:
        show(message(Note.budget_no_allocation, lang, year=report.year))
    else:
        show(
            message(
                Note.budget_allocation, lang, **{k: money(getattr(a, k)) for k in a.__annotations__}
            )
        )
    show("")
    lines = []
    for row in report.rows:
        indent = {"total": "", "group": "  ", "instrument": "    "}[row.level.value]
        name = row.name.split(" – ")[0] if row.level.value == "instrument" else row.name
        if row.part_of:
            name = message(Note.budget_part_of, lang, name=name)
        lines.append(
            (
                row.code,
                indent + name,
                money(row.plan),
                money(row.plan_to_date),
                money(row.committed),
                money(row.available),
                money(row.spent_to_date),
                money(row.forecast),
                fmt.percent(row.bindungsquote_pct),
                fmt.percent(row.ausgabequote_pct),
                money(row.previous_year_spent),
                money(row.cost_per_result),
                pick(STATUS_WORDS[row.status], lang),
            )
        )
    header = [pick(pair, lang) for pair in COLUMNS]
    for line in _table(header, lines, range(2, 12)):
        show(line)


def cmd_budget_log(args: argparse.Namespace) -> int:
    from aipdesk.domain.money import format_cents
    from aipdesk.services.budget import COMMITTED, KIND_WORDS, SPENT, log_budget
    from aipdesk.services.values import KEEP

    if args.spent is None and args.committed is None:
        raise usage(Note.usage_budget_amount)
    if args.due is not None and args.committed is None:
        raise usage(Note.usage_budget_due)
    month = _parse_month(args.month)
    assert month is not None
    spent = None if args.spent is None else _cents(args.spent, ("Ausgaben", "spending"))
    committed = (
        None if args.committed is None else _cents(args.committed, ("Bindung", "commitment"))
    )
    due = None if args.due is None else _year(args.due)
    db = open_db(args, write=True)
    code = _instrument_code(db, args.instrument)
    changes = log_budget(
        db,
        actor_of(args),
        code,
        month,
        spent=spent,
        committed=committed,
        due_year=due,
        note=KEEP if args.note is None else args.note,
    )
    for kind, cents in ((SPENT, spent), (COMMITTED, committed)):
        if cents is not None:
            tell(
                args,
                Note.cli_budget_logged if changes else Note.cli_budget_unchanged,
                what=KIND_WORDS[kind],
                instrument=code,
                month=str(month),
                amount=format_cents(cents, lang_of(args)),
            )
    return EXIT_OK


def _year(text: str) -> int:
    from aipdesk.domain.months import Month

    try:
        return Month.parse(f"{text.strip()}-01").year
    except DomainError:
        raise DomainError(Code.bad_year, text=text) from None


def cmd_budget_plan(args: argparse.Namespace) -> int:
    from aipdesk.domain.budget_figures import parse_budget_weights
    from aipdesk.domain.money import format_cents
    from aipdesk.services.budget import set_budget_plan
    from aipdesk.services.values import KEEP

    amount = _cents(args.amount, ("Plan", "plan"))
    weights: Any = KEEP if args.weights is None else parse_budget_weights(args.weights)
    db = open_db(args, write=True)
    code = _instrument_code(db, args.instrument)
    changes = set_budget_plan(db, actor_of(args), code, args.year, amount, weights)
    tell(
        args,
        Note.cli_budget_plan_set if changes else Note.cli_budget_plan_unchanged,
        instrument=code,
        year=args.year,
        amount=format_cents(amount, lang_of(args)),
    )
    return EXIT_OK
