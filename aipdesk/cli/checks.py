"""Commands on the checks of the figures: aipdesk review list | check (values stored
although implausible, "zur Klärung") and aipdesk rule add | list | remove (validation
rules checked when a month is approved). The same operations as the window."""

from __future__ import annotations

import argparse
import json
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
from aipdesk.cli.listing import add_actions, add_json, add_metric, add_project, print_table
from aipdesk.domain.messages import Note, message
from aipdesk.format import formatter, month_words
from aipdesk.services.naming import metric_name, project_name


def register(sub: Any, common: argparse.ArgumentParser, lang: str = "de") -> None:
    t = translator(lang)
    _register_review(sub, common, t, lang)
    _register_rule(sub, common, t)


def _register_review(sub: Any, common: argparse.ArgumentParser, t: Translate, lang: str) -> None:
    actions = add_actions(
        sub,
        common,
        t,
        "review",
        t(
            "Werte zur Klärung: trotz Unplausibilität gespeichert, bis sie geprüft sind",
            "values for review: stored although implausible, until checked",
        ),
    )
    p = actions.add_parser(
        "list", parents=[common], help=t("offene Werte zur Klärung", "values open for review")
    )
    p.add_argument("--year", type=year_type(lang), metavar="YYYY", help=t("Jahr", "year"))
    p.add_argument(
        "--all", action="store_true", help=t("auch die geprüften", "the checked ones too")
    )
    add_json(p, t)
    p.set_defaults(func=cmd_review_list)
    p = actions.add_parser(
        "check",
        parents=[common],
        help=t("Wert als geprüft markieren (Koordination)", "mark a value checked (coordinator)"),
    )
    add_project(p, t, required=True)
    add_metric(p, t, required=True)
    p.add_argument(
        "--month", required=True, type=month_type(lang), metavar="YYYY-MM", help=t("Monat", "month")
    )
    p.set_defaults(func=cmd_review_check, changes=True)


def _register_rule(sub: Any, common: argparse.ArgumentParser, t: Translate) -> None:
    actions = add_actions(
        sub,
        common,
        t,
        "rule",
        t(
            "Prüfregeln, die beim Freigeben eines Monats gelten",
            "validation rules checked when a month is approved",
        ),
    )
    p = actions.add_parser(
        "add",
        parents=[common],
        help=t(
            'Prüfregel anlegen, z. B. --left frauen,maenner --relation "=" --right gesamt',
            'add a validation rule, e.g. --left women,men --relation "=" --right total',
        ),
    )
    p.add_argument("--name", required=True, metavar="NAME", help=t("Name der Regel", "rule name"))
    for side, words in (("left", t("links", "left")), ("right", t("rechts", "right"))):
        p.add_argument(
            f"--{side}",
            required=True,
            metavar="A,B",
            help=t(f"Kennzahlen {words} (Kürzel oder Namen)", f"metrics {words} (codes or names)"),
        )
    p.add_argument(
        "--relation",
        required=True,
        choices=("<=", "=", ">="),
        help=t(
            "Beziehung: <= (höchstens), = (gleich), >= (mindestens)",
            "relation: <= (at most), = (equal), >= (at least)",
        ),
    )
    p.set_defaults(func=cmd_rule_add, changes=True)
    p = actions.add_parser("list", parents=[common], help=t("Prüfregeln", "validation rules"))
    add_json(p, t)
    p.set_defaults(func=cmd_rule_list)
    p = actions.add_parser(
        "remove", parents=[common], help=t("Prüfregel entfernen", "remove a rule")
    )
    p.add_argument("--name", required=True, metavar="NAME", help=t("Name der Regel", "rule name"))
    p.set_defaults(func=cmd_rule_remove, changes=True)


def cmd_review_list(args: argparse.Namespace) -> int:
    from aipdesk.services.plausibility import list_reviews

    reviews = list_reviews(open_db(args), args.year, args.all)
    if args.json:
        print(json.dumps([r.to_json() for r in reviews], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not reviews:
        tell(args, Note.cli_no_reviews)
        return EXIT_OK
    lang = lang_of(args)
    fmt = formatter(lang)
    notes = [
        Note.review_col_project,
        Note.review_col_metric,
        Note.review_col_month,
        Note.review_col_value,
        Note.review_col_reason,
        Note.review_col_flagged,
    ]
    if args.all:
        notes.append(Note.review_col_checked)
    rows = []
    for r in reviews:
        when = fmt.timestamp(r.flagged_at) if r.flagged_at else ""
        row = [r.project_name, r.metric_name, fmt.month(r.month), fmt.number(r.value)]
        row += [r.reason, f"{r.flagged_by}, {when}"]
        if args.all:
            checked = fmt.timestamp(r.checked_at) if r.checked_at else ""
            row.append(f"{r.checked_by}, {checked}" if r.checked_by else "")
        rows.append(row)
    print_table([message(note, lang) for note in notes], rows)
    return EXIT_OK


def cmd_review_check(args: argparse.Namespace) -> int:
    from aipdesk.services.plausibility import CheckReview

    db = open_db(args, write=True)
    catalog = named_args(args, db)
    CheckReview(args.project, args.metric, args.month).run(db, actor_of(args))
    tell(
        args,
        Note.cli_review_checked,
        project=project_name(catalog, args.project),
        metric=metric_name(catalog, args.metric),
        month=month_words(args.month),
    )
    return EXIT_OK


def cmd_rule_add(args: argparse.Namespace) -> int:
    from aipdesk.services.naming import find_metric
    from aipdesk.services.projects import read_catalog
    from aipdesk.services.validation import AddRule, Rule

    db = open_db(args, write=True)
    catalog = read_catalog(db)

    def side(text: str) -> tuple[str, ...]:
        return tuple(find_metric(catalog, part.strip()) for part in text.split(",") if part.strip())

    rule = Rule(args.name.strip(), side(args.left), args.relation, side(args.right))
    AddRule(rule).run(db, actor_of(args))
    tell(args, Note.cli_rule_added, name=rule.name, rule=rule.text(catalog))
    return EXIT_OK


def cmd_rule_list(args: argparse.Namespace) -> int:
    from aipdesk.services.validation import read_rules

    catalog, rules = read_rules(open_db(args))
    if args.json:
        print(json.dumps([r.to_json() for r in rules], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rules:
        tell(args, Note.cli_no_rules)
        return EXIT_OK
    lang = lang_of(args)
    header = [message(Note.rule_col_name, lang), message(Note.rule_col_rule, lang)]
    print_table(header, [[r.name, r.text(catalog)] for r in rules])
    return EXIT_OK


def cmd_rule_remove(args: argparse.Namespace) -> int:
    from aipdesk.services.validation import RemoveRule

    RemoveRule(args.name.strip()).run(open_db(args, write=True), actor_of(args))
    tell(args, Note.cli_rule_removed, name=args.name.strip())
    return EXIT_OK
