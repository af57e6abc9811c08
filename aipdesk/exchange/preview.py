"""What an import would do, summarised: counts by project and metric, the first problems.

A workbook of 100,000 values is not shown as 100,000 lines, neither by the command
line nor in the window's preview. `summarise(plan)` gives, in one pass over the
plan:

- the counts of new, changed, unchanged and conflicting values;
- one group per project and metric: its months (first to last) and its counts;
- the first conflicts (the problems a person must decide on) and after them the
  first changed and new values, in the order they are listed (conflicts, changes,
  new values; by project, metric, month), at most `limit` in all, with how many
  more there are.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any

from aipdesk.domain.messages import Note, message
from aipdesk.domain.months import Month
from aipdesk.services.batch import Kind, Plan, PlanItem
from aipdesk.services.plausibility import NAMED, Implausible

__all__ = ["LIMIT", "ORDER", "Group", "Preview", "summarise"]

LIMIT = 20  # values listed one by one
ORDER = {Kind.CONFLICT: 0, Kind.CHANGED: 1, Kind.NEW: 2, Kind.UNCHANGED: 3}


@dataclass(frozen=True)
class Group:
    """The values of one project and metric in a file."""

    project: str
    metric: str
    first: Month
    last: Month
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    conflicts: int = 0

    @property
    def months(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first} – {self.last}"

    def count(self, kind: Kind) -> int:
        return {
            Kind.NEW: self.new,
            Kind.CHANGED: self.changed,
            Kind.UNCHANGED: self.unchanged,
            Kind.CONFLICT: self.conflicts,
        }[kind]


@dataclass(frozen=True)
class Preview:
    counts: dict[Kind, int]
    groups: tuple[Group, ...]  # by project and metric
    listed: tuple[PlanItem, ...]  # conflicts first, then changes, then new values
    more: int  # values to write (or in conflict) that are not listed
    # Values far outside their series (the first few; taken over, they are listed "zur
    # Klärung" with the file as the reason), and how many there are in all.
    implausible: tuple[Implausible, ...] = ()
    implausible_count: int = 0

    def implausible_text(self, lang: str) -> str:
        """One line on the implausible values, the first few named; "" when none."""
        if not self.implausible_count:
            return ""
        first = "; ".join(item.words(lang) for item in self.implausible)
        more = self.implausible_count - len(self.implausible)
        if more > 0:
            first += f"; … (+{more})"
        return message(Note.import_implausible, lang, count=self.implausible_count, first=first)

    @property
    def problems(self) -> tuple[PlanItem, ...]:
        return tuple(item for item in self.listed if item.kind is Kind.CONFLICT)


def summarise(plan: Plan, limit: int = LIMIT) -> Preview:
    counts = dict.fromkeys(Kind, 0)
    groups: dict[tuple[str, str], list[Any]] = {}  # [first, last, {kind: count}]
    for item in plan.items:
        incoming = item.incoming
        counts[item.kind] += 1
        group = groups.get((incoming.project, incoming.metric))
        if group is None:
            groups[incoming.project, incoming.metric] = [
                incoming.month,
                incoming.month,
                {item.kind: 1},
            ]
            continue
        if incoming.month < group[0]:
            group[0] = incoming.month
        if incoming.month > group[1]:
            group[1] = incoming.month
        group[2][item.kind] = group[2].get(item.kind, 0) + 1
    shown = [item for item in plan.items if item.kind is not Kind.UNCHANGED]
    listed = heapq.nsmallest(limit, shown, key=lambda i: (ORDER[i.kind], i.incoming.key()))
    return Preview(
        counts,
        tuple(
            Group(
                project,
                metric,
                first,
                last,
                by_kind.get(Kind.NEW, 0),
                by_kind.get(Kind.CHANGED, 0),
                by_kind.get(Kind.UNCHANGED, 0),
                by_kind.get(Kind.CONFLICT, 0),
            )
            for (project, metric), (first, last, by_kind) in sorted(groups.items())
        ),
        tuple(listed),
        len(shown) - len(listed),
        plan.implausible[:NAMED],
        len(plan.implausible),
    )
