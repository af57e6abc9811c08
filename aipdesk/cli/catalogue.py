"""Commands on the catalogue, for coordinators: aipdesk metric add | set | list and
aipdesk project add | track | list (targets: aipdesk.cli.targets).

Every write goes through the same services as the window (one unit of work, change
log). Help texts are German, English with `--lang en`.
"""

from __future__ import annotations

import argparse
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
    usage,
)
from aipdesk.cli.listing import (
    add_json,
    add_pair,
    metric_json,
    print_json,
    print_metrics,
    print_projects,
    project_json,
)
from aipdesk.domain.messages import Note
from aipdesk.domain.months import period_words
from aipdesk.services.naming import metric_name, project_name


def register(sub: Any, common: argparse.ArgumentParser, lang: str = "de") -> None:
    t = translator(lang)
    action = t("AKTION", "ACTION")
    metric = sub.add_parser(
        "metric",
        parents=[common],
        help=t("Kennzahlen anlegen, ändern, auflisten", "add, change, list metrics"),
    )
    metrics = metric.add_subparsers(
        dest="action", metavar=action, required=True, help=t("was zu tun ist", "what to do")
    )
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
    p.add_argument(
        "code",
        metavar="CODE",
        help=t("Kennzahl: Kürzel oder eindeutiger Name", "metric: code or unique name"),
    )
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
    projects = project.add_subparsers(
        dest="action", metavar=action, required=True, help=t("was zu tun ist", "what to do")
    )
    p = projects.add_parser("add", parents=[common], help=t("ein Projekt anlegen", "add a project"))
    p.add_argument("--code", required=True, help=t("Kürzel des Projekts", "code of the project"))
    p.add_argument("--name", required=True, help=t("Name des Projekts", "name of the project"))
    p.add_argument(
        "--first",
        type=month_type(lang),
        metavar="YYYY-MM",
        help=t("erster Monat (sonst offen)", "first month (else open)"),
    )
    p.add_argument(
        "--last",
        type=month_type(lang),
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

    p = sub.add_parser(
        "list",
        parents=[common],
        help=t(
            "Projekte oder Kennzahlen mit Kürzel und Name auflisten",
            "list the projects or the metrics with code and name",
        ),
    )
    p.add_argument(
        "what",
        choices=("projects", "metrics"),
        metavar="projects|metrics",
        help=t("was aufgelistet wird", "what to list"),
    )
    add_json(p, t)
    p.set_defaults(func=cmd_list)


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
        raise usage(Note.usage_partition_without_parent)
    if (args.numerator is None) != (args.denominator is None):
        raise usage(Note.usage_parts_together)
    db = open_db(args, write=True)
    named_args(args, db, projects=(), metrics=("parent", "numerator", "denominator"))
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
    add_metric(db, actor_of(args), metric, area_of_parent=args.area is None)
    tell(args, Note.cli_metric_added, metric=f"{metric.name} ({metric.code})")
    return EXIT_OK


def cmd_metric_set(args: argparse.Namespace) -> int:
    from aipdesk.domain.model import Area, Direction
    from aipdesk.services.projects import edit_metric

    db = open_db(args, write=True)
    catalog = named_args(
        args, db, projects=(), metrics=("code", "parent", "numerator", "denominator")
    )
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
        raise usage(Note.usage_nothing_to_change)
    changes = edit_metric(db, actor_of(args), args.code, **fields)
    name = fields.get("name") or metric_name(catalog, args.code)
    note = Note.cli_metric_changed if changes else Note.cli_metric_unchanged
    tell(args, note, metric=name)
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
    tell(
        args,
        Note.cli_project_added,
        project=f"{project.name} ({project.code})",
        period=period_words(project.period.first, project.period.last),
    )
    return EXIT_OK


def cmd_project_track(args: argparse.Namespace) -> int:
    from aipdesk.services.projects import track_metric

    db = open_db(args, write=True)
    catalog = named_args(args, db)
    changes = track_metric(db, actor_of(args), args.project, args.metric)
    tell(
        args,
        Note.cli_tracks_now if changes else Note.cli_tracks_already,
        project=project_name(catalog, args.project),
        metric=metric_name(catalog, args.metric),
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


def cmd_list(args: argparse.Namespace) -> int:
    """aipdesk list projects|metrics: the same lists as project list and metric list."""
    return cmd_project_list(args) if args.what == "projects" else cmd_metric_list(args)
