"""The figures of the budget of the Eingliederungstitel (DESIGN §3, "the budget figures"),
per instrument, group and total, for a year Y at a report month r.

Every amount is integer cents; the plan curve and the forecast are exact fractions
(`fractions.Fraction`) rounded half up to a cent. No float is taken anywhere but for the
two quotas in percent, which are for display only.

- plan_to_date = plan × (Σ weights Jan..r ÷ Σ weights), rounded half up (linear: r/12)
- committed = commitments due in Y: logged in earlier years, or in Y up to r
- due = per later year: the catalogue's amounts for the plan year plus the commitments
  logged in Y up to r that fall due then
- spent_to_date = Σ spending Jan..r; available = plan − committed (negative: over-committed)
- forecast = spent_to_date ÷ (Σ weights Jan..r ÷ Σ weights), None while that share is 0
- status on q = spent_to_date ÷ plan_to_date (`GREEN_BAND`, `AMBER_BAND`), "none" when
  plan_to_date is 0
- cost_per_result = spent_to_date ÷ the results (the metric's Ist over Jan..r)
- a group or the total: the sums of its instruments ("davon" lines counted once, in their
  whole); its forecast the sum of theirs; quotas and status on the sums.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from aipdesk.domain.budget import Level
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.money import share_pct

MONTHS = 12
# Status thresholds on q = spent_to_date ÷ plan_to_date (both ends included).
GREEN_BAND = (Fraction(90, 100), Fraction(110, 100))
AMBER_BAND = (Fraction(75, 100), Fraction(125, 100))


def round_half_up(value: Fraction) -> int:
    """A fraction of cents as whole cents, halves away from zero."""
    if value < 0:
        return -round_half_up(-value)
    return math.floor(value + Fraction(1, 2))


def parse_budget_weights(text: str) -> tuple[str, ...]:
    """A budget plan curve as typed, like a target's (`aipdesk target set --weights`):
    twelve non-negative weights separated by commas (decimal point: "1,1,2" or
    "0.5,0.5,…") or by semicolons (decimal comma or point: "0,5;0,5;…"). Kept as the
    exact decimal texts; `share_to_date` scales them to add up to 1."""
    separator = ";" if ";" in text else ","
    weights = []
    for part in text.split(separator):
        cleaned = part.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        weights.append(_weight(cleaned, part))
    return check_weights(weights)


def _weight(cleaned: str, typed: str) -> str:
    try:
        Fraction(cleaned)
    except (ValueError, ZeroDivisionError):
        raise DomainError(Code.bad_number, text=typed.strip()) from None
    return cleaned


def check_weights(weights: Sequence[str]) -> tuple[str, ...]:
    """Twelve exact, non-negative weights that do not add up to 0."""
    if len(weights) != MONTHS:
        raise DomainError(Code.weights_count, expected=MONTHS, given=len(weights))
    for month, weight in enumerate(weights, 1):
        if Fraction(weight) < 0:
            raise DomainError(Code.weights_negative, month=f"{month:02d}", weight=weight)
    if sum(Fraction(weight) for weight in weights) == 0:
        raise DomainError(Code.weights_zero)
    return tuple(weights)


def share_to_date(weights: Sequence[str] | None, month: int) -> Fraction:
    """Σ weights Jan..`month` ÷ Σ weights (linear without weights: month/12)."""
    if month <= 0:
        return Fraction(0)
    if weights is None:
        return Fraction(min(month, MONTHS), MONTHS)
    exact = [Fraction(weight) for weight in weights]
    return sum(exact[:month], Fraction(0)) / sum(exact, Fraction(0))


@dataclass(frozen=True)
class Line:
    """A line of the budget as the figures need it."""

    code: str
    name: str
    level: Level
    group: str | None = None
    part_of: str | None = None
    metric: str | None = None


@dataclass(frozen=True)
class InstrumentData:
    """What is stored for one instrument and year, amounts in cents."""

    plan: int = 0
    weights: tuple[str, ...] | None = None
    planned_due: Mapping[int, int] = field(default_factory=dict)  # the catalogue's
    spent: Mapping[int, int] = field(default_factory=dict)  # month -> spending in Y
    previous_spent: Mapping[int, int] | None = None  # month -> spending in Y−1 (None: none)
    committed_before: int = 0  # logged in earlier years, due in Y
    committed: Mapping[int, Mapping[int, int]] = field(default_factory=dict)  # month -> due -> ¢
    results: int | None = None  # the metric's Ist over Jan..r (None: no metric or no value)


@dataclass(frozen=True)
class Figures:
    """One row of the budget status; amounts in cents, None where undefined."""

    code: str
    name: str
    level: Level
    group: str | None
    part_of: str | None
    plan: int
    plan_to_date: int
    committed: int
    spent_to_date: int
    forecast: int | None
    available: int
    due: Mapping[int, int]
    due_committed: Mapping[int, int]
    previous_year_spent: int | None
    cost_per_result: int | None
    results: int | None
    status: str  # green | amber | red | none

    @property
    def bindungsquote_pct(self) -> float | None:
        """Committed ÷ plan in percent (display only)."""
        return share_pct(self.committed, self.plan)

    @property
    def ausgabequote_pct(self) -> float | None:
        """Spent to date ÷ plan in percent (display only)."""
        return share_pct(self.spent_to_date, self.plan)


def budget_status(plan_to_date: int, spent_to_date: int) -> str:
    """green / amber / red on q = spent ÷ plan to date; "none" without a plan to date."""
    if plan_to_date <= 0:
        return "none"
    q = Fraction(spent_to_date, plan_to_date)
    if GREEN_BAND[0] <= q <= GREEN_BAND[1]:
        return "green"
    if AMBER_BAND[0] <= q <= AMBER_BAND[1]:
        return "amber"
    return "red"


def instrument_figures(line: Line, data: InstrumentData, year: int, month: int) -> Figures:
    """The figures of one instrument for `year` at report month `month`."""
    share = share_to_date(data.weights, month)
    plan_to_date = round_half_up(data.plan * share)
    spent = sum(amount for m, amount in data.spent.items() if m <= month)
    now = sum(
        amount
        for m, dues in data.committed.items()
        if m <= month
        for due, amount in dues.items()
        if due == year
    )
    committed = data.committed_before + now
    later: dict[int, int] = {}
    for m, dues in data.committed.items():
        for due, amount in dues.items():
            if m <= month and due > year:
                later[due] = later.get(due, 0) + amount
    falling = {y: data.planned_due.get(y, 0) + later.get(y, 0) for y in {*data.planned_due, *later}}
    previous = None
    if data.previous_spent is not None:
        previous = sum(amount for m, amount in data.previous_spent.items() if m <= month)
    cost = None
    if data.results:
        cost = round_half_up(Fraction(spent, data.results))
    return Figures(
        line.code,
        line.name,
        line.level,
        line.group,
        line.part_of,
        data.plan,
        plan_to_date,
        committed,
        spent,
        round_half_up(spent / share) if share > 0 else None,
        data.plan - committed,
        dict(sorted(falling.items())),
        dict(sorted(later.items())),
        previous,
        cost,
        data.results,
        budget_status(plan_to_date, spent),
    )


def summed(line: Line, parts: Sequence[Figures]) -> Figures:
    """A group or the total: the sums of `parts`; quotas and status on the sums."""
    plan = sum(p.plan for p in parts)
    plan_to_date = sum(p.plan_to_date for p in parts)
    committed = sum(p.committed for p in parts)
    spent = sum(p.spent_to_date for p in parts)
    forecasts = [p.forecast for p in parts if p.forecast is not None]
    previous = [p.previous_year_spent for p in parts if p.previous_year_spent is not None]
    return Figures(
        line.code,
        line.name,
        line.level,
        line.group,
        None,
        plan,
        plan_to_date,
        committed,
        spent,
        sum(forecasts) if forecasts else None,
        plan - committed,
        _add(p.due for p in parts),
        _add(p.due_committed for p in parts),
        sum(previous) if previous else None,
        None,
        None,
        budget_status(plan_to_date, spent),
    )


def _add(maps: Iterable[Mapping[int, int]]) -> dict[int, int]:
    total: dict[int, int] = {}
    for due in maps:
        for year, amount in due.items():
            total[year] = total.get(year, 0) + amount
    return dict(sorted(total.items()))


def compute_budget(
    lines: Sequence[Line], data: Mapping[str, InstrumentData], year: int, month: int
) -> list[Figures]:
    """Every line's figures in the order of `lines` (the total, each group followed by its
    instruments). A group sums its instruments that are no part of another; the total
    sums the groups."""
    figures: dict[str, Figures] = {}
    for line in lines:
        if line.level is Level.INSTRUMENT:
            figures[line.code] = instrument_figures(
                line, data.get(line.code, InstrumentData()), year, month
            )
    groups: dict[str, Figures] = {}
    for line in lines:
        if line.level is Level.GROUP:
            members = [
                figures[i.code]
                for i in lines
                if i.level is Level.INSTRUMENT and i.group == line.code and i.part_of is None
            ]
            groups[line.code] = figures[line.code] = summed(line, members)
    for line in lines:
        if line.level is Level.TOTAL:
            figures[line.code] = summed(line, list(groups.values()))
    return [figures[line.code] for line in lines]
