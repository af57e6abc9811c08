"""What every service call shares: who acts (`Actor`) and what changed (`Changes`)."""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.months import Month
from aipdesk.domain.text import check_user

CellKey = tuple[str, str, Month]  # (project, metric, month)
PairKey = tuple[str, str]  # (project, metric)
TargetKey = tuple[str, str, Month]  # (project, metric, first month of the target)


class CellState(NamedTuple):
    """A stored monthly value as a write left it."""

    value: int
    note: str | None
    version: int


# The length of the user columns (`change_log.user`, `updated_by`: String(100)); a test
# checks it against the models. Kept here so that this module loads no database code.
USER_LENGTH = 100


def check_text(value: str, what: tuple[str, str], limit: int | None = None) -> None:
    """Refuse text that PostgreSQL cannot store: a NUL character, or more than `limit`
    characters (the length of its column). SQLite would take both; aipdesk refuses them
    on every backend alike. `what` names the text in German and English."""
    if "\x00" in value:
        raise DomainError(Code.text_nul, what=what)
    if limit is not None and len(value) > limit:
        raise DomainError(Code.text_too_long, what=what, limit=limit, length=len(value))


def login_name() -> str:
    try:
        return getpass.getuser()[:USER_LENGTH] or "unbekannt"
    except Exception:  # no login name in some service and container contexts
        return "unbekannt"


@dataclass(frozen=True)
class Actor:
    """Who writes (the `--user` given, else the operating system's login) and through what."""

    user: str = field(default_factory=login_name)
    source: str = "cli"

    def __post_init__(self) -> None:
        # One visible line: a user name is printed in the history, one line per change.
        check_user(self.user, USER_LENGTH)


@dataclass(frozen=True)
class Changes:
    """What one unit of work changed; the GUI hands it on to the panes it concerns."""

    values: frozenset[CellKey] = frozenset()
    targets: frozenset[PairKey] = frozenset()
    projects: frozenset[str] = frozenset()
    metrics: frozenset[str] = frozenset()
    # The version each written cell has now (0: no value any more). An editor keeps it
    # and hands it back with its next write of the cell (optimistic concurrency).
    versions: Mapping[CellKey, int] = field(default_factory=dict, compare=False)
    # What each written cell holds now (None: no value any more), so that a window can
    # show the write without reading the year again.
    cells: Mapping[CellKey, CellState | None] = field(default_factory=dict, compare=False)
    # The version each written target has now (0: removed), by its first month.
    target_versions: Mapping[TargetKey, int] = field(default_factory=dict, compare=False)
    # Months whose state (open, reported, approved) or Meldeschluss changed: (project or
    # "" for a deadline, month).
    months: frozenset[tuple[str, Month]] = frozenset()
    # Cells whose entry in the list "zur Klärung" was added, checked or removed.
    reviews: frozenset[CellKey] = frozenset()
    # Budget lines whose plan or entries changed: (instrument code, year).
    budget: frozenset[tuple[str, int]] = frozenset()

    def __bool__(self) -> bool:
        return bool(
            self.values or self.targets or self.projects or self.metrics or self.months
        ) or bool(self.reviews or self.budget)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.values | other.values,
            self.targets | other.targets,
            self.projects | other.projects,
            self.metrics | other.metrics,
            {**self.versions, **other.versions},
            {**self.cells, **other.cells},
            {**self.target_versions, **other.target_versions},
            self.months | other.months,
            self.reviews | other.reviews,
            self.budget | other.budget,
        )

    @property
    def years(self) -> frozenset[int]:
        return frozenset(month.year for _, _, month in self.values)
