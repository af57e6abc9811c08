"""The budget of the Eingliederungstitel as the AIP plans it: the allocation (Abb. 2) and
the plan per instrument, group and total with the amounts falling due in later years.

Amounts are integer cents. `budget_catalogue` reads the built-in plan
(db/budget_aip2021.toml, as parsed TOML) and checks its arithmetic: the allocation's
chain of sums, every group against its instruments, the total against its groups, per
year due; the places where the document itself does not add up are `DEVIATIONS`, and
any other difference refuses the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from aipdesk.domain.money import euros_to_cents


class Level(StrEnum):
    TOTAL = "total"
    GROUP = "group"
    INSTRUMENT = "instrument"


@dataclass(frozen=True)
class Allocation:
    """Abb. 2 of the AIP: from the allocation to the amount for planning new business."""

    allocation: int
    transfers_in: int
    admin_transfer: int
    available_for_measures: int
    prior_commitments: int
    new_business: int
    planning_surcharge: int
    available_for_planning: int


@dataclass(frozen=True)
class BudgetLine:
    """The total (EGL), a group (I. … IV., Sonstige) or an instrument (FbW, EGZ, …)."""

    code: str
    name: str
    level: Level
    plan: int  # cents, the year's plan
    due: Mapping[int, int] = field(default_factory=dict)  # year -> cents falling due
    group: str | None = None  # an instrument's group
    share_pct: str = ""  # the share as printed ("16,0"; "" where none is printed)
    metric: str | None = None  # the metric whose results the instrument buys
    part_of: str | None = None  # an instrument counted inside another ("davon")


@dataclass(frozen=True)
class BudgetCatalogue:
    year: int
    allocation: Allocation
    lines: tuple[BudgetLine, ...]  # total, then each group followed by its instruments

    def line(self, code: str) -> BudgetLine | None:
        return next((line for line in self.lines if line.code == code), None)

    @property
    def instruments(self) -> tuple[BudgetLine, ...]:
        return tuple(line for line in self.lines if line.level is Level.INSTRUMENT)


# Where the AIP 2021 itself does not add up (what, printed, computed), in cents; see the
# comments in db/budget_aip2021.toml.
DEVIATIONS: frozenset[tuple[str, int, int]] = frozenset(
    {
        ("I plan", 1_943_520_300, 1_943_520_200),
        ("I due 2023", 123_431_000, 61_715_500),
    }
)


class BudgetCatalogueError(ValueError):
    """The built-in budget does not add up where the document does."""


def _cents(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise BudgetCatalogueError(f"{where}: {value!r} is not a whole, non-negative amount")
    return euros_to_cents(value)


def _due(raw: Mapping[str, Any], where: str) -> dict[int, int]:
    return {int(year): _cents(amount, f"{where} due {year}") for year, amount in raw.items()}


def budget_catalogue(data: Mapping[str, Any], year: int = 2021) -> BudgetCatalogue:
    """The plan of `data` (parsed db/budget_aip2021.toml), its sums checked."""
    raw = data["allocation"]
    allocation = Allocation(**{key: _cents(raw[key], key) for key in Allocation.__annotations__})
    total = data["total"]
    lines = [
        BudgetLine(
            total["code"],
            total["name"],
            Level.TOTAL,
            _cents(total["plan"], total["code"]),
            _due(total["due"], total["code"]),
        )
    ]
    for group in data["groups"]:
        lines.append(
            BudgetLine(
                group["code"],
                group["name"],
                Level.GROUP,
                _cents(group["plan"], group["code"]),
                _due(group["due"], group["code"]),
                share_pct=group.get("share_pct", ""),
            )
        )
        for item in data["instruments"]:
            if item["group"] != group["code"]:
                continue
            lines.append(
                BudgetLine(
                    item["code"],
                    item["name"],
                    Level.INSTRUMENT,
                    _cents(item["plan"], item["code"]),
                    _due(item["due"], item["code"]),
                    group=group["code"],
                    share_pct=item.get("share_pct", ""),
                    metric=item.get("metric"),
                    part_of=item.get("part_of"),
                )
            )
    catalogue = BudgetCatalogue(year, allocation, tuple(lines))
    problems = [p for p in arithmetic(catalogue) if p not in DEVIATIONS]
    if problems:
        listed = "; ".join(f"{what}: printed {a}, computed {b} (cents)" for what, a, b in problems)
        raise BudgetCatalogueError(f"the budget does not add up: {listed}")
    return catalogue


def arithmetic(catalogue: BudgetCatalogue) -> list[tuple[str, int, int]]:
    """Every printed sum that differs from what its parts add up to: (what, printed,
    computed)."""
    a = catalogue.allocation
    found: list[tuple[str, int, int]] = []

    def expect(what: str, printed: int, computed: int) -> None:
        if printed != computed:
            found.append((what, printed, computed))

    expect(
        "available for measures",
        a.available_for_measures,
        a.allocation + a.transfers_in - a.admin_transfer,
    )
    expect("new business", a.new_business, a.available_for_measures - a.prior_commitments)
    expect(
        "available for planning", a.available_for_planning, a.new_business + a.planning_surcharge
    )
    groups = [line for line in catalogue.lines if line.level is Level.GROUP]
    total = catalogue.lines[0]
    for group in groups:
        members = [
            line
            for line in catalogue.instruments
            if line.group == group.code and line.part_of is None
        ]
        expect(f"{group.code} plan", group.plan, sum(line.plan for line in members))
        for year, printed in group.due.items():
            computed = sum(line.due.get(year, 0) for line in members)
            expect(f"{group.code} due {year}", printed, computed)
    expect(f"{total.code} plan", total.plan, sum(group.plan for group in groups))
    for year, printed in total.due.items():
        expect(f"{total.code} due {year}", printed, sum(g.due.get(year, 0) for g in groups))
    for line in catalogue.instruments:
        if line.part_of is not None:
            whole = catalogue.line(line.part_of)
            if whole is None or line.plan > whole.plan:
                found.append((f"{line.code} part of {line.part_of}", line.plan, -1))
    return found
