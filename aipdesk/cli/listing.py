"""The catalogue as the command line lists it: tables for people, JSON for programs."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from aipdesk.cli.common import Translate
from aipdesk.domain.catalogue import label
from aipdesk.domain.escape import visible
from aipdesk.domain.messages import pick
from aipdesk.domain.model import Metric, Target

if TYPE_CHECKING:
    from aipdesk.store.queries import Catalog

KINDS = {"flow": ("Zählgröße", "count"), "stock": ("Bestand", "stock"), "ratio": ("Quote", "ratio")}
AREAS = {
    "integration": ("Integrationen", "integrations"),
    "training": ("Weiterbildung", "training"),
}


def add_pair(p: argparse.ArgumentParser, t: Translate) -> None:
    """--project P --metric M, both required."""
    add_project(p, t, required=True)
    add_metric(p, t, required=True)


def add_project(p: argparse.ArgumentParser, t: Translate, required: bool = False) -> None:
    p.add_argument(
        "--project",
        required=required,
        metavar="P",
        help=t(
            "Projekt: Kürzel oder eindeutiger Name (aipdesk list projects)",
            "project: code or unique name (aipdesk list projects)",
        ),
    )


def add_metric(p: argparse.ArgumentParser, t: Translate, required: bool = False) -> None:
    p.add_argument(
        "--metric",
        required=required,
        metavar="M",
        help=t(
            "Kennzahl: Kürzel oder eindeutiger Name (aipdesk list metrics)",
            "metric: code or unique name (aipdesk list metrics)",
        ),
    )


def add_report_month(p: argparse.ArgumentParser, t: Translate, month: Any) -> None:
    """--month YYYY-MM: the report month (without it: the Meldeschluss month)."""
    p.add_argument(
        "--month",
        type=month,
        metavar="YYYY-MM",
        help=t(
            "Berichtsmonat (sonst der Meldeschluss-Monat)",
            "report month (else the month up to which all is reported)",
        ),
    )


def add_actions(
    sub: Any, common: argparse.ArgumentParser, t: Translate, name: str, text: str
) -> Any:
    """The command `name` with actions of its own (aipdesk month close | approve | …):
    returns the subparsers to add each action to."""
    parser = sub.add_parser(name, parents=[common], help=text)
    return parser.add_subparsers(
        dest="action",
        metavar=t("AKTION", "ACTION"),
        required=True,
        help=t("was zu tun ist", "what to do"),
    )


def add_json(p: argparse.ArgumentParser, t: Translate) -> None:
    p.add_argument("--json", action="store_true", help=t("als JSON ausgeben", "print JSON"))


def _number(value: float | None, lang: str, decimals: int = 1) -> str:
    from aipdesk.format import formatter

    if value is not None and float(value).is_integer():
        decimals = 0
    return formatter(lang).number(value, decimals)


def print_json(rows: Sequence[dict[str, Any]]) -> None:
    print(json.dumps(list(rows), ensure_ascii=False, indent=2))


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    # What people typed (names, units) is shown on its line, control characters escaped.
    lines = [tuple(header), *(tuple(visible(cell) for cell in row) for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for index, line in enumerate(lines):
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def metric_json(metric: Metric) -> dict[str, Any]:
    return {
        "code": metric.code,
        "name": metric.name,
        "kind": metric.kind.value,
        "parent": metric.parent,
        "partition": metric.partition,
        "direction": metric.direction.value,
        "unit": metric.unit,
        "area": metric.area.value,
        "numerator": metric.numerator,
        "denominator": metric.denominator,
        "green_pct": metric.green_pct,
        "amber_pct": metric.amber_pct,
        "description": metric.description,
    }


METRIC_HEADER = (
    ("Kürzel", "Code"),
    ("Name", "Name"),
    ("Art", "Kind"),
    ("davon von", "davon of"),
    ("Einheit", "Unit"),
    ("besser", "better"),
    ("Quote", "Ratio"),
    ("grün/gelb %", "green/amber %"),
    ("Erfassung", "Entry"),
)
PROJECT_HEADER = (
    ("Kürzel", "Code"),
    ("Name", "Name"),
    ("Zeitraum", "Period"),
    ("aktiv", "active"),
    ("Kennzahlen", "Metrics"),
)
TARGET_HEADER = (
    ("Projekt", "Project"),
    ("Kennzahl", "Metric"),
    ("Zeitraum", "Period"),
    ("Zielwert", "Target"),
    ("Plankurve", "Plan curve"),
    ("Veränderung %", "Change %"),
    ("Ø Nenner geplant", "Planned mean denominator"),
)


def print_metrics(catalog: Catalog, lang: str) -> None:
    header = [pick(pair, lang) for pair in METRIC_HEADER]
    rows = []
    for metric in catalog.metrics.values():
        parent = metric.parent or ""
        if metric.partition:
            parent += pick((" (Aufteilung)", " (split)"), lang)
        better = {"up": ("mehr", "more"), "down": ("weniger", "less")}[metric.direction.value]
        parts = f"{metric.numerator} ÷ {metric.denominator}" if metric.numerator else ""
        thresholds = f"{_number(metric.green_pct, lang)}/{_number(metric.amber_pct, lang)}"
        area = "" if metric.is_computed else pick(AREAS[metric.area.value], lang)
        rows.append(
            (
                metric.code,
                metric.name,
                pick(KINDS[metric.kind.value], lang),
                parent,
                metric.unit,
                pick(better, lang),
                parts,
                thresholds,
                area,
            )
        )
    print_table(header, rows)


def project_json(catalog: Catalog) -> list[dict[str, Any]]:
    return [
        {
            "code": project.code,
            "name": project.name,
            "first": str(project.period.first) if project.period.first else None,
            "last": str(project.period.last) if project.period.last else None,
            "active": project.active,
            "description": project.description,
            "metrics": list(catalog.tracked.get(project.code, ())),
        }
        for project in catalog.projects.values()
    ]


def print_projects(catalog: Catalog, lang: str) -> None:
    header = [pick(pair, lang) for pair in PROJECT_HEADER]
    yes, no = pick(("ja", "yes"), lang), pick(("nein", "no"), lang)
    print_table(
        header,
        [
            (
                project.code,
                project.name,
                str(project.period),
                yes if project.active else no,
                ", ".join(catalog.tracked.get(project.code, ())),
            )
            for project in catalog.projects.values()
        ],
    )


def target_json(catalog: Catalog, targets: Sequence[Target]) -> list[dict[str, Any]]:
    return [
        {
            "project": t.project,
            "project_name": catalog.projects[t.project].name,
            "metric": t.metric,
            "metric_name": catalog.metrics[t.metric].name,
            "first": str(t.first),
            "last": str(t.last),
            "value": t.value,
            "weights": list(t.weights) if t.weights is not None else None,
            "change_pct": t.change_pct,
            "denominator_plan": t.denominator_plan,
        }
        for t in targets
    ]


def print_targets(catalog: Catalog, targets: Sequence[Target], lang: str) -> None:
    header = [pick(pair, lang) for pair in TARGET_HEADER]
    rows = []
    for t in targets:
        value = _number(t.value, lang)
        if t.value is not None and catalog.metrics[t.metric].unit:
            value += f" {catalog.metrics[t.metric].unit}"
        elif t.value is None:
            value = pick(("ohne Zahl", "no number"), lang)
        curve = "linear" if t.weights is None else pick(("eigene", "custom"), lang)
        change = (
            "–"
            if t.change_pct is None
            else ("+" if t.change_pct > 0 else "") + _number(t.change_pct, lang)
        )
        rows.append(
            (
                catalog.projects[t.project].name,
                label(catalog.metrics[t.metric], catalog.metrics),
                str(t.period),
                value,
                curve,
                change,
                _number(t.denominator_plan, lang),
            )
        )
    print_table(header, rows)
