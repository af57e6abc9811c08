"""Validation rules for monthly values (DESIGN §3), independent of any storage."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from aipdesk.domain.catalogue import label
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import Metric, Project
from aipdesk.domain.months import Month, month_words, period_words

MAX_COUNT = 10**9
# "1234" or German thousands grouping "1.234.567"; an optional leading sign is caught below.
_COUNT_RE = re.compile(r"^[+-]?(\d+|\d{1,3}(\.\d{3})+)$")


def parse_count(text: str | int | float) -> int:
    """A count or stock as typed by a person: a whole number >= 0.

    Accepts ints, floats that are whole, and text such as "1234" or "1.234".
    Rejects everything else with a message that quotes the input.
    """
    if isinstance(text, bool):
        raise DomainError(Code.bad_count, text=str(text))
    if isinstance(text, int):
        value = text
    elif isinstance(text, float):
        if text != text or text in (float("inf"), float("-inf")) or not text.is_integer():
            raise DomainError(Code.bad_count, text=_shown(text))
        value = int(text)
    else:
        cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "")
        if not _COUNT_RE.match(cleaned):
            raise DomainError(Code.bad_count, text=_shown(text))
        digits = cleaned.replace(".", "").lstrip("0")
        if len(digits) > len(str(MAX_COUNT)):  # before int(): Python refuses > 4,300 digits
            raise DomainError(Code.count_too_large, text=_shown(text))
        value = int(digits or "0")
    if value < 0:
        raise DomainError(Code.negative_count, text=_shown(text))
    if value > MAX_COUNT:
        raise DomainError(Code.count_too_large, text=_shown(text))
    return value


def _shown(value: object) -> str:
    """The input as a message quotes it: whole floats without ".0", long text cut."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def parse_number(text: str | float) -> float:
    """A decimal number typed by a person, German ("24,6", "17.046") or plain ("24.6")."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        if text != text or text in (float("inf"), float("-inf")):
            raise DomainError(Code.bad_number, text=str(text))
        return float(text)
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise DomainError(Code.bad_number, text=str(text)) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise DomainError(Code.bad_number, text=str(text))
    return value


def check_loggable(
    project: Project, metric: Metric, month: Month, metrics: Mapping[str, Metric]
) -> None:
    """A value may be logged for an active project, a counted metric, inside the period;
    `metrics` (the catalogue) names the parts a computed metric is made of."""
    if metric.is_computed:
        raise DomainError(
            Code.metric_computed,
            metric=label(metric, metrics),
            numerator=_named(metric.numerator, metrics),
            denominator=_named(metric.denominator, metrics),
        )
    if not project.active:
        raise DomainError(Code.project_inactive, project=project.name)
    if not project.period.contains(month):
        raise DomainError(
            Code.month_outside_project,
            month=month_words(month),
            project=project.name,
            period=period_words(project.period.first, project.period.last),
        )


def _named(code: str | None, metrics: Mapping[str, Metric]) -> str:
    """The name of the metric `code` (as it is where the catalogue lacks it)."""
    metric = metrics.get(code) if code is not None else None
    return str(code) if metric is None else label(metric, metrics)


def check_family(
    project: str,
    month: Month,
    parent: Metric,
    parent_value: int | None,
    children: Sequence[tuple[Metric, int]],
    metrics: Mapping[str, Metric],
) -> None:
    """The davon rule for one project (`project`: its name) and month (DESIGN §3): no
    child above its parent, and the children marked as a partition together not above
    it either.

    `parent_value` and `children` are the values the family has (or would have after a
    write); a parent without a value bounds nothing, so a child may be logged first and
    a parent may be cleared (the rule applies again when the parent is logged).
    """
    if parent_value is None:
        return
    for child, value in children:
        if value > parent_value:
            raise DomainError(
                Code.child_exceeds_parent,
                project=project,
                month=month_words(month),
                child=label(child, metrics),
                child_value=value,
                parent=label(parent, metrics),
                parent_value=parent_value,
                child_code=child.code,  # where a file's refusal points to
                parent_code=parent.code,
            )
    parts = [(child, value) for child, value in children if child.partition]
    total = sum(value for _, value in parts)
    if total > parent_value:
        raise DomainError(
            Code.partition_exceeds_parent,
            project=project,
            month=month_words(month),
            parts=" + ".join(label(child, metrics) for child, _ in parts),
            values=" + ".join(str(value) for _, value in parts),
            total=total,
            parent=label(parent, metrics),
            parent_value=parent_value,
            parent_code=parent.code,
        )
