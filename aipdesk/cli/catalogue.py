"""Commands on the catalogue, for coordinators: aipdesk metric add | set | list and
aipdesk project add | track | list (targets: aipdesk.cli.targets).

Every write goes through the same services as the window (one unit of work, change
log). Help texts are German, English with `--lang en`.
"""

from __future__ import annotations

import argparse
from typing import Any

from aipdesk.cli.common import EXIT_OK, actor_of, month_arg, open_db
from aipdesk.cli.listing import (
    Translate,
    add_json,
    add_pair,
    lang_of,
    metric_json,
    print_json,
    print_metrics,
    print_projects,
    project_json,
    say,
    translator,
    usage,
)


def register(sub: Any, common: argparse.ArgumentParser, lang: str = "de") -> None:
    t = translator(lang)
    action = t("AKTION", "ACTION")
    metric = sub.add_parser(
        "metric",
        parents=[common],
        help=t("Kennzahlen anlegen, ändern, auflisten", "add, change, list metrics"),
    )
    metrics = metric.add_subparsers(dest="action", metavar=action, required=True)
    p = metrics.add_parser("add", parents=[common], help=t("eine Kennzahl anlegen", "add a metric"))
    p.add_argument(
        "--code",
        required=True,
        help=t("Kürzel (Buchstaben, Ziffern, _ und -)", "code (letters, digits, _ and -)"),
    )
    p.add_argument("--name", required=True, help=t("Bezeichnung", "name"))
    p.add_argument(
        "--kind",
        required=True,
        choices=("flow", "stock", "ratio"),
        help=t(
            "Art: flow (Zählgröße), stock (Bestand), ratio (Quote)",
            "kind: flow (count), stock (level at month end), ratio",
        ),
    )
    _metric_options(p, t, adding=True)
    p.set_defaults(func=cmd_metric_add)
    p = metrics.add_parser(
        "set", parents=[common], help=t("eine Kennzahl ändern", "change a metric")
    )
    p.add_argument("code", metavar="CODE", help=t("Kürzel der Kennzahl", "code of the metric"))
    p.add_argument("--name", help=t("neue Bezeichnung", "new name"))
    _metric_options(p, t, adding=False)
    p.set_defaults(func=cmd_metric_set)
    p = metrics.add_parser(
        "list", parents=[common], help=t("die Kennzahlen auflisten", "list the metrics")
    )
    add_json(p, t)
    p.set_defaults(func=cmd_metric_list)

    project = sub.add_parser(
        "project",
        parents=[common],
        help=t(
            "Projekte anlegen, Kennzahlen zuordnen, auflisten",
            "add projects, let them track metrics, list them",
        ),
    )
    projects = project.add_subparsers(dest="action", metavar=action, required=True)
    p = projects.add_parser("add", parents=[common], help=t("ein Projekt anlegen", "add a project"))
    p.add_argument("--code", required=True, help=t("Kürzel des Projekts", "code of the project"))
    p.add_argument("--name", required=True, help=t("Name des Projekts", "name of the project"))
    p.add_argument(
        "--first",
        type=month_arg,
        metavar="YYYY-MM",
        help=t("erster Monat (sonst offen)", "first month (else open)"),
    )
    p.add_argument(
        "--last",
        type=month_arg,
        metavar="YYYY-MM",
        help=t("letzter Monat (sonst offen)", "last month (else open)"),
    )
    p.add_argument("--description", default="", help=t("Beschreibung", "description"))
    p.set_defaults(func=cmd_project_add)
    p = projects.add_parser(
        "track",
        parents=[common],
        help=t("eine Kennzahl für ein Projekt erfassen", "let a project log a metric"),
    )
    add_pair(p, t)
    p.set_defaults(func=cmd_project_track)
    p = projects.add_parser(
        "list", parents=[common], help=t("die Projekte auflisten", "list the projects")
    )
    add_json(p, t)
    p.set_defaults(func=cmd_project_list)


def _metric_options(p: argparse.ArgumentParser, t: Translate, adding: bool) -> None:
    p.add_argument("--unit", help=t("Einheit, z. B. %%", "unit, e.g. %%"))
    p.add_argument(
        "--direction",
        choices=("up", "down"),
        help=t(
            "up: mehr ist besser (Standard), down: weniger ist besser",
            "up: more is better (default), down: less is better",
        ),
    )
    p.add_argument(
        "--parent",
        metavar="CODE",
        help=t(
            "davon-Kennzahl von CODE (gleiche Art: Zählgröße oder Bestand)"
            + ("" if adding else '; "" = keine mehr'),
            "davon metric of CODE (the same kind: count or stock)"
            + ("" if adding else '; "" = none any more'),
        ),
    )
    p.add_argument(
        "--numerator",
        metavar="CODE",
        help=t("Quote: Zähler (eine Zählgröße)", "ratio: numerator (a count)"),
    )
    p.add_argument(
        "--denominator",
        metavar="CODE",
        help=t("Quote: Nenner (ein Bestand)", "ratio: denominator (a stock)"),
    )
    p.add_argument(
        "--green",
        metavar="PCT",
        help=t("Zielerreichung ab der es grün ist, in %%", "attainment from which it is green, %%"),
    )
    p.add_argument(
        "--amber",
        metavar="PCT",
        help=t("Zielerreichung ab der es gelb ist, in %%", "attainment from which it is amber, %%"),
    )
    p.add_argument(
        "--area",
        choices=("integration", "training"),
        help=t(
            "Erfassungsansicht (Standard: die der Oberkennzahl, sonst integration)",
            "entry grid (default: the parent's, else integration)",
        ),
    )
    p.add_argument("--description", help=t("Beschreibung", "description"))
    if adding:
        p.add_argument(
            "--partition",
            action="store_true",
            help=t(
                "mit --parent: Teil einer Aufteilung der Oberkennzahl (die Teile "
                "zusammen nie mehr als das Ganze)",
                "with --parent: part of a split of the parent (the parts together "
                "never more than the whole)",
            ),
        )
    else:
        p.add_argument(
            "--partition",
            action=argparse.BooleanOptionalAction,
            help=t(
                "Teil einer Aufteilung der Oberkennzahl (oder nicht mehr)",
                "part of a split of the parent (or no longer)",
            ),
        )


def _percent(text: str | None, default: float) -> float:
    from aipdesk.domain.rules import parse_number

    return default if text is None else parse_number(text)


def cmd_metric_add(args: argparse.Namespace) -> int:
    from aipdesk.domain.model import Area, Direction, Metric, MetricKind
    from aipdesk.services.projects import add_metric

    if args.partition and not args.parent:
        raise usage(args, "--partition nur mit --parent", "--partition only with --parent")
    if (args.numerator is None) != (args.denominator is None):
        raise usage(
            args,
            "--numerator und --denominator nur zusammen",
            "--numerator and --denominator only together",
        )
    metric = Metric(
        code=args.code,
        name=args.name,
        kind=MetricKind(args.kind),
        direction=Direction(args.direction or "up"),
        area=Area(args.area or "integration"),
        unit=args.unit or "",
        parent=args.parent,
        partition=args.partition,
        numerator=args.numerator,
        denominator=args.denominator,
        green_pct=_percent(args.green, 100.0),
        amber_pct=_percent(args.amber, 90.0),
        description=args.description or "",
    )
    db = open_db(args, write=True)
    add_metric(db, actor_of(args), metric, area_of_parent=args.area is None)
    say(args, f"Kennzahl {metric.code} angelegt", f"metric {metric.code} added")
    return EXIT_OK


def cmd_metric_set(args: argparse.Namespace) -> int:
    from aipdesk.domain.model import Area, Direction
    from aipdesk.services.projects import edit_metric

    fields: dict[str, Any] = {}
    for option in ("name", "unit", "description", "partition"):
        if getattr(args, option) is not None:
            fields[option] = getattr(args, option)
    for option in ("parent", "numerator", "denominator"):  # "" takes it away
        if getattr(args, option) is not None:
            fields[option] = getattr(args, option) or None
    if args.direction is not None:
        fields["direction"] = Direction(args.direction)
    if args.area is not None:
        fields["area"] = Area(args.area)
    if args.green is not None:
        fields["green_pct"] = _percent(args.green, 100.0)
    if args.amber is not None:
        fields["amber_pct"] = _percent(args.amber, 90.0)
    if not fields:
        raise usage(
            args,
            "nichts zu ändern: mindestens eine Option angeben",
            "nothing to change: give at least one option",
        )
    changes = edit_metric(open_db(args, write=True), actor_of(args), args.code, **fields)
    if changes:
        say(args, f"Kennzahl {args.code} geändert", f"metric {args.code} changed")
    else:
        say(args, f"Kennzahl {args.code} unverändert", f"metric {args.code} unchanged")
    return EXIT_OK


def cmd_metric_list(args: argparse.Namespace) -> int:
    from aipdesk.services.projects import read_catalog

    catalog = read_catalog(open_db(args))
    if args.json:
        print_json([metric_json(m) for m in catalog.metrics.values()])
    else:
        print_metrics(catalog, lang_of(args))
    return EXIT_OK


def cmd_project_add(args: argparse.Namespace) -> int:
    from aipdesk.domain.model import Project
    from aipdesk.domain.months import Period
    from aipdesk.services.projects import add_project

    project = Project(args.code, args.name, Period(args.first, args.last), args.description)
    add_project(open_db(args, write=True), actor_of(args), project)
    say(
        args,
        f"Projekt {project.code} angelegt ({project.period})",
        f"project {project.code} added ({project.period})",
    )
    return EXIT_OK


def cmd_project_track(args: argparse.Namespace) -> int:
    from aipdesk.services.projects import track_metric

    changes = track_metric(open_db(args, write=True), actor_of(args), args.project, args.metric)
    if changes:
        say(
            args,
            f"{args.project} erfasst jetzt {args.metric}",
            f"{args.project} now tracks {args.metric}",
        )
    else:
        say(
            args,
            f"{args.project} erfasst {args.metric} schon",
            f"{args.project} tracks {args.metric} already",
        )
    return EXIT_OK


def cmd_project_list(args: argparse.Namespace) -> int:
    from aipdesk.services.projects import read_catalog

    catalog = read_catalog(open_db(args))
    if args.json:
        print_json(project_json(catalog))
    else:
        print_projects(catalog, lang_of(args))
    return EXIT_OK
