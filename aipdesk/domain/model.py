"""Value types of the domain: projects, metrics, targets and the enums that describe them.

All are frozen dataclasses, so they can be handed to any layer (the GUI, the
workbook writer) without anything lazy firing later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.months import Month, Period, month_words
from aipdesk.domain.text import check_line, check_paragraphs

OPEN_PERIOD = Period()
# \Z, not $: "$" also matches before a final line break, and "EVIL\n" is no code.
CODE_RE = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_\-]{0,31}\Z")
WEIGHT_TOLERANCE = 1e-6
NAME = ("Der Name", "the name")
DESCRIPTION = ("Die Beschreibung", "the description")
UNIT = ("Die Einheit", "the unit")


class MetricKind(StrEnum):
    FLOW = "flow"  # counts that add up over months
    STOCK = "stock"  # a level at month end; the year is steered on its average
    RATIO = "ratio"  # 100 * sum(numerator) / mean(denominator)


class Direction(StrEnum):
    UP = "up"  # more is better
    DOWN = "down"  # less is better


class Status(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NONE = "none"

    @property
    def german(self) -> str:
        return {"green": "grün", "amber": "gelb", "red": "rot", "none": "–"}[self.value]


class Area(StrEnum):
    """Where a metric is entered in the application (which pane holds its grid)."""

    INTEGRATION = "integration"
    TRAINING = "training"


def check_code(code: str) -> str:
    if not isinstance(code, str) or not CODE_RE.fullmatch(code):
        raise DomainError(Code.bad_code, code=code)
    return code


@dataclass(frozen=True, slots=True)
class Project:
    code: str
    name: str
    period: Period = OPEN_PERIOD
    description: str = ""
    active: bool = True

    def validate(self) -> None:
        check_code(self.code)
        if not self.name.strip():
            raise DomainError(Code.empty_name)
        check_line(self.name, NAME)
        check_paragraphs(self.description, DESCRIPTION)


@dataclass(frozen=True, slots=True)
class Metric:
    code: str
    name: str
    kind: MetricKind
    direction: Direction = Direction.UP
    area: Area = Area.INTEGRATION
    unit: str = ""
    parent: str | None = None  # davon: this metric is a subset of `parent`
    # One part of a split of `parent` (the FbW sectors, women/men): the parts of one
    # parent together never exceed it, as each part alone never does.
    partition: bool = False
    numerator: str | None = None  # ratio only
    denominator: str | None = None  # ratio only
    green_pct: float = 100.0
    amber_pct: float = 90.0
    description: str = ""

    @property
    def is_computed(self) -> bool:
        return self.kind is MetricKind.RATIO

    def validate(self) -> None:
        check_code(self.code)
        if not self.name.strip():
            raise DomainError(Code.empty_name)
        check_line(self.name, NAME)
        check_line(self.unit, UNIT)
        check_paragraphs(self.description, DESCRIPTION)
        for code in (self.parent, self.numerator, self.denominator):
            if code is not None:
                check_code(code)
        if self.kind is MetricKind.RATIO and not (self.numerator and self.denominator):
            raise DomainError(Code.ratio_needs_parts)
        if self.parent == self.code:
            raise DomainError(Code.parent_cycle, metric=self.code)
        if self.partition and self.parent is None:
            raise DomainError(Code.partition_needs_parent, metric=self.code)
        if not (0 < self.amber_pct <= self.green_pct):
            raise DomainError(Code.thresholds, green=self.green_pct, amber=self.amber_pct)


@dataclass(frozen=True, slots=True)
class Target:
    """What `project` shall reach for `metric` over `period`.

    `value` None means the pair is tracked (it appears in the status) but has
    no number in the programme. `weights` is the plan curve: one non-negative
    share per period month, summing to 1; None means linear.
    """

    project: str
    metric: str
    first: Month
    last: Month
    value: float | None
    weights: tuple[float, ...] | None = None
    # The Veränderungsrate the programme plans against the previous year, in percent.
    change_pct: float | None = None
    # Ratio only: the expected mean of the denominator over the period (D̂ of DESIGN §3),
    # entered by a coordinator; None: estimated from the denominator's trend.
    denominator_plan: float | None = None
    # The stored row's version (0: not stored); not part of what the target says.
    version: int = field(default=0, compare=False)

    @property
    def period(self) -> Period:
        return Period(self.first, self.last)

    @property
    def months(self) -> int:
        return self.last.index - self.first.index + 1

    def validate(self) -> None:
        Period(self.first, self.last)  # raises when reversed
        if self.value is not None and self.value < 0:
            raise DomainError(Code.target_negative, value=self.value)
        if self.weights is not None:
            validate_weights(self.weights, self.first, self.months)
        if self.change_pct is not None and not -100 < self.change_pct < 10_000:
            raise DomainError(Code.change_pct_invalid, value=self.change_pct)
        if self.denominator_plan is not None and not 0 < self.denominator_plan < 1e12:
            raise DomainError(Code.denominator_plan_invalid, value=self.denominator_plan)

    def plan_share(self, months: int) -> float:
        """W: the planned share of the first `months` months of the period."""
        if self.weights is None:
            return min(max(months, 0), self.months) / self.months
        return float(sum(self.weights[:months]))

    def weight_list(self) -> tuple[float, ...]:
        if self.weights is not None:
            return self.weights
        return (1.0 / self.months,) * self.months


def validate_weights(weights: tuple[float, ...] | list[float], first: Month, months: int) -> None:
    """Plan weights: exactly one per period month, each >= 0, together 1."""
    if len(weights) != months:
        raise DomainError(Code.weights_count, expected=months, given=len(weights))
    for offset, weight in enumerate(weights):
        if weight != weight or weight < 0:  # NaN or negative
            raise DomainError(
                Code.weights_negative, month=month_words(first.shift(offset)), weight=weight
            )
    total = sum(weights)
    if abs(total - 1.0) > WEIGHT_TOLERANCE:
        raise DomainError(Code.weights_sum, total=f"{total:.6g}")
