"""How metrics may relate to each other (DESIGN §3): davon parents, partitions, ratio parts.

A metric is checked as it would be stored, against the rest of the catalogue:
its own parent and parts, and what depends on it (its davon children, the
ratios that use it), so that a change can never leave the catalogue broken.
"""

from __future__ import annotations

from collections.abc import Mapping

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import Metric, MetricKind

# How a message names a kind: "Integrationen ist eine Zählgröße".
KIND_NAMES: dict[MetricKind, tuple[str, str]] = {
    MetricKind.FLOW: ("eine Zählgröße", "a count"),
    MetricKind.STOCK: ("ein Bestand", "a stock"),
    MetricKind.RATIO: ("eine Quote", "a ratio"),
}
_DAVON = "davon "


def label(metric: Metric, metrics: Mapping[str, Metric]) -> str:
    """The name people know a metric by; a davon metric with the name "davon Frauen"
    under "Integrationen" is "Integrationen (Frauen)"."""
    name = metric.name.strip()
    parent = metrics.get(metric.parent) if metric.parent else None
    if parent is not None and name.lower().startswith(_DAVON):
        return f"{parent.name.strip()} ({name[len(_DAVON) :].strip()})"
    return name


def named(metric: Metric, metrics: Mapping[str, Metric]) -> str:
    """A metric in a message: „Integrationen (Frauen)“ (integrations_women)."""
    return f"„{label(metric, metrics)}“ ({metric.code})"


def _known(metrics: Mapping[str, Metric], code: str) -> Metric:
    try:
        return metrics[code]
    except KeyError:
        raise DomainError(Code.unknown_metric, metric=code) from None


def check_metric(metric: Metric, metrics: Mapping[str, Metric]) -> None:
    """Refuse `metric` if storing it would break a rule of the catalogue `metrics`
    (which may hold its present version under the same code).

    - a davon metric has the kind of its parent, and that kind is a count or a stock;
    - davon chains have no cycle (A under B under A);
    - a ratio divides a count (numerator) by a stock (denominator); only a ratio has parts;
    - whatever depends on `metric` (davon children, ratios using it) still fits it.
    """
    metric.validate()
    catalog = {**metrics, metric.code: metric}
    if metric.parent is not None:
        parent = _known(catalog, metric.parent)
        if parent.kind is MetricKind.RATIO:
            raise DomainError(
                Code.davon_of_ratio, metric=named(metric, catalog), parent=named(parent, catalog)
            )
        _check_same_kind(metric, parent, catalog)
        _check_no_cycle(metric, catalog)
    if metric.kind is MetricKind.RATIO:
        _check_parts(metric, catalog)
    elif metric.numerator is not None or metric.denominator is not None:
        raise DomainError(
            Code.parts_without_ratio, metric=named(metric, catalog), kind=KIND_NAMES[metric.kind]
        )
    for other in catalog.values():
        if other.code == metric.code:
            continue
        if other.parent == metric.code:
            _check_same_kind(other, metric, catalog)
        if other.kind is MetricKind.RATIO and metric.code in (other.numerator, other.denominator):
            _check_parts(other, catalog)


def _check_same_kind(child: Metric, parent: Metric, catalog: Mapping[str, Metric]) -> None:
    if child.kind is not parent.kind or parent.kind is MetricKind.RATIO:
        raise DomainError(
            Code.parent_kind,
            metric=named(child, catalog),
            kind=KIND_NAMES[child.kind],
            parent=named(parent, catalog),
            parent_kind=KIND_NAMES[parent.kind],
        )


def _check_no_cycle(metric: Metric, catalog: Mapping[str, Metric]) -> None:
    chain = [metric.code]
    code = metric.parent
    while code is not None:
        chain.append(code)
        if code == metric.code:
            raise DomainError(
                Code.davon_cycle,
                metric=named(metric, catalog),
                parent=named(catalog[metric.parent or ""], catalog),
                chain=" → ".join(chain),
            )
        if len(chain) > len(catalog) + 1:  # a cycle above `metric`, stored before
            break
        code = catalog[code].parent if code in catalog else None


def _check_parts(ratio: Metric, catalog: Mapping[str, Metric]) -> None:
    """A ratio divides a count (its numerator) by a stock (its denominator)."""
    for code, kind, error in (
        (ratio.numerator, MetricKind.FLOW, Code.ratio_numerator_kind),
        (ratio.denominator, MetricKind.STOCK, Code.ratio_denominator_kind),
    ):
        part = _known(catalog, code or "")
        if part.kind is not kind:
            raise DomainError(
                error,
                ratio=named(ratio, catalog),
                metric=named(part, catalog),
                kind=KIND_NAMES[part.kind],
            )
