"""Commands on targets, for coordinators: aipdesk target set | list | remove.

Every write goes through the same services as the window (one unit of work, change
log). Help texts are German, English with `--lang en`.
"""

from __future__ import annotations

import argparse
import re
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
from aipdesk.cli.listing import (
    add_actions,
    add_json,
    add_pair,
    print_json,
    print_targets,
    target_json,
)
from aipdesk.domain.messages import Note
from aipdesk.domain.months import period_words
from aipdesk.services.naming import metric_name, project_name


def register(sub: Any, common: argparse.ArgumentParser, lang: str = "de") -> None:
    t = translator(lang)
    targets = add_actions(
        sub,
        common,
        t,
        "target",
        t("Zielwerte setzen, auflisten, entfernen", "set, list, remove targets"),
    )
    p = targets.add_parser(
        "set",
        parents=[common],
        help=t(
            "Zielwert mit Zeitraum und Plankurve setzen", "set a target with period and plan curve"
        ),
    )
    # A negative German decimal ("--change-pct -0,6") is a value, not an option; argparse
    # itself knows only "-0.6" as a negative number.
    p._negative_number_matcher = re.compile(r"^-\d+([.,]\d+)*$|^-[.,]\d+$")
    add_pair(p, t)
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument(
        "--year",
        metavar="YYYY",
        type=year_type(lang),
        help=t("Zielzeitraum: das Kalenderjahr", "target period: the calendar year"),
    )
    period.add_argument(
        "--first",
        type=month_type(lang),
        metavar="YYYY-MM",
        help=t(
            "erster Monat des Zielzeitraums (mit --last)",
            "first month of the target period (with --last)",
        ),
    )
    p.add_argument(
        "--last",
        type=month_type(lang),
        metavar="YYYY-MM",
        help=t("letzter Monat des Zielzeitraums", "last month of the target period"),
    )
    p.add_argument(
        "--value",
        required=True,
        metavar="V",
        help=t(
            'Zielwert, z. B. 730 oder 24,6 ("" = ohne Zahl)',
            'target, e.g. 730 or 24.6 ("" = without a number)',
        ),
    )
    curve = p.add_mutually_exclusive_group()
    curve.add_argument(
        "--weights",
        metavar="W1,W2,…",
        help=t(
            "Plankurve: ein Gewicht je Monat des Zeitraums, nicht negativ, wird auf 1 "
            "skaliert; mit Komma getrennt ist das Dezimalzeichen der Punkt (0.5,0.5), mit "
            "Semikolon getrennt geht auch das Komma (0,5;0,5). Ohne: die Plankurve eines "
            "bestehenden Zielwerts bleibt (linear bei einem neuen)",
            "plan curve: one weight per month of the period, not negative, scaled to 1; "
            "separated by commas the decimal separator is the point (0.5,0.5), separated by "
            "semicolons the comma works too (0,5;0,5). Without: an existing target keeps its "
            "plan curve (linear for a new one)",
        ),
    )
    curve.add_argument(
        "--weights-from-history",
        action="store_true",
        help=t(
            "Plankurve aus Vorjahr: die Monatsanteile derselben Monate in bis zu drei "
            "Vorjahren (bei einer Quote: des Zählers)",
            "plan curve from the previous year: the monthly shares of the same months in "
            "up to three earlier years (a ratio: its numerator's)",
        ),
    )
    p.add_argument(
        "--change-pct",
        metavar="X",
        help=t(
            "geplante Veränderungsrate in %% gegenüber dem Vorjahr, z. B. 14,5 "
            'oder -0,6 ("" = keine)',
            'planned change against the previous year in %%, e.g. 14.5 or -0.6 ("" = none)',
        ),
    )
    p.add_argument(
        "--denominator-plan",
        metavar="D",
        help=t(
            'nur Quote: geplanter Durchschnitt des Nenners im Zeitraum ("" = aus dem Trend)',
            'ratio only: planned mean of the denominator over the period ("" = from the trend)',
        ),
    )
    p.set_defaults(func=cmd_target_set)
    p = targets.add_parser(
        "list", parents=[common], help=t("die Zielwerte eines Jahres", "the targets of a year")
    )
    p.add_argument(
        "--year",
        metavar="YYYY",
        type=year_type(lang),
        required=True,
        help=t("Jahr, das die Zielzeiträume überschneiden", "year the target periods overlap"),
    )
    add_json(p, t)
    p.set_defaults(func=cmd_target_list)
    p = targets.add_parser(
        "remove",
        parents=[common],
        help=t("den Zielwert eines Jahres entfernen", "remove the target of a year"),
    )
    add_pair(p, t)
    p.add_argument(
        "--year",
        metavar="YYYY",
        type=year_type(lang),
        required=True,
        help=t("Jahr, das der Zielzeitraum überschneidet", "year the target period overlaps"),
    )
    p.add_argument(
        "--first",
        type=month_type(lang),
        metavar="YYYY-MM",
        help=t(
            "Anfangsmonat, falls mehrere Zielwerte das Jahr überschneiden",
            "first month, where several targets overlap the year",
        ),
    )
    p.set_defaults(func=cmd_target_remove)


def _optional(text: str | None) -> Any:
    """An option left out keeps what is stored; given empty ("") it clears it."""
    from aipdesk.services.values import KEEP

    return KEEP if text is None else text


def cmd_target_set(args: argparse.Namespace) -> int:
    from aipdesk.domain.months import Month
    from aipdesk.domain.plan import parse_weights
    from aipdesk.services.targets import FROM_HISTORY, set_target
    from aipdesk.services.values import KEEP

    if args.year is not None:
        if args.last is not None:
            raise usage(Note.usage_last_with_year)
        first, last = Month(args.year, 1), Month(args.year, 12)
    elif args.last is None:
        raise usage(Note.usage_first_needs_last)
    else:
        first, last = args.first, args.last
    weights: Any = KEEP
    if args.weights_from_history:
        weights = FROM_HISTORY
    elif args.weights is not None:
        weights = parse_weights(args.weights)
    db = open_db(args, write=True)
    catalog = named_args(args, db)
    changes = set_target(
        db,
        actor_of(args),
        args.project,
        args.metric,
        first,
        last,
        args.value,
        weights,
        change_pct=_optional(args.change_pct),
        denominator_plan=_optional(args.denominator_plan),
    )
    tell(
        args,
        Note.cli_target_saved if changes else Note.cli_target_unchanged,
        project=project_name(catalog, args.project),
        metric=metric_name(catalog, args.metric),
        period=period_words(first, last),
    )
    return EXIT_OK


def cmd_target_list(args: argparse.Namespace) -> int:
    from aipdesk.services.projects import read_catalog
    from aipdesk.services.targets import targets_of_year

    db = open_db(args)
    catalog = read_catalog(db)
    found = targets_of_year(db, args.year)
    if args.json:
        print_json(target_json(catalog, found))
    else:
        print_targets(catalog, found, lang_of(args))
    return EXIT_OK


def cmd_target_remove(args: argparse.Namespace) -> int:
    from aipdesk.services.targets import remove_target

    db = open_db(args, write=True)
    catalog = named_args(args, db)
    remove_target(db, actor_of(args), args.project, args.metric, args.year, args.first)
    tell(
        args,
        Note.cli_target_removed,
        project=project_name(catalog, args.project),
        metric=metric_name(catalog, args.metric),
        year=args.year,
    )
    return EXIT_OK
