"""What the months of a year look like: state, Meldeschluss, timeliness, changes after
approval — for `aipdesk month status`, the window's Meldestand and the reports.

Read in a fixed number of statements however many projects: the month states of the
year, the moved deadlines, the change-log entries of values written after a month's
first approval (counted by the database), and which metrics have values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from aipdesk.domain.closing import MonthState, days_left, on_time
from aipdesk.domain.months import Month
from aipdesk.services.closing import deadlines
from aipdesk.store.database import Database
from aipdesk.store.models import ChangeRow, MonthStateRow, ProjectRow
from aipdesk.store.queries import Catalog, load_catalog


@dataclass(frozen=True)
class MonthStatus:
    """One month of one project."""

    project: str
    month: Month
    state: MonthState
    due: date  # the Meldeschluss
    on_time: bool | None  # None: not reported, Meldeschluss not passed
    days_left: int  # until the Meldeschluss (negative: passed)
    changes_after_approval: int
    reported_by: str | None = None
    reported_at: datetime | None = None
    approved_by: str | None = None
    approved_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "month": str(self.month),
            "state": self.state.value,
            "on_time": self.on_time,
            "changes_after_approval": self.changes_after_approval,
            # Compatible extensions of the contract:
            "due": self.due.isoformat(),
            "reported_by": self.reported_by,
            "reported_at": _iso(self.reported_at),
            "approved_by": self.approved_by,
            "approved_at": _iso(self.approved_at),
        }


def _iso(at: datetime | None) -> str | None:
    return None if at is None else _aware(at).isoformat(timespec="seconds")


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def local_day(at: datetime) -> date:
    """The calendar day of a stored moment where the user is (naive moments are UTC)."""
    return _aware(at).astimezone().date()


def month_status(db: Database, year: int, today: date | None = None) -> list[MonthStatus]:
    """Every month of `year` of every active project that logs a metric, inside its
    period, in catalogue order."""
    with db.read() as session:
        return month_status_in(session, load_catalog(session), year, today)


def month_status_in(
    session: Session, catalog: Catalog, year: int, today: date | None = None
) -> list[MonthStatus]:
    today = today or date.today()
    due = deadlines(session, year)
    rows = {
        (row.project_id, row.month): row
        for row in session.scalars(select(MonthStateRow).where(MonthStateRow.year == year))
    }
    after = changes_after_approval(session, year)
    result = []
    for code, project in catalog.projects.items():
        if not project.active or not catalog.tracked.get(code):
            continue
        pid = catalog.project_ids[code]
        for number in range(1, 13):
            month = Month(year, number)
            if not project.period.contains(month):
                continue
            row = rows.get((pid, number))
            state = MonthState(row.state) if row is not None else MonthState.OPEN
            first = row.first_reported_at if row is not None else None
            result.append(
                MonthStatus(
                    project=code,
                    month=month,
                    state=state,
                    due=due[month],
                    on_time=on_time(
                        local_day(first) if first is not None else None, due[month], today
                    ),
                    days_left=days_left(due[month], today),
                    changes_after_approval=after.get((code, number), 0),
                    reported_by=row.reported_by if row is not None else None,
                    reported_at=row.reported_at if row is not None else None,
                    approved_by=row.approved_by if row is not None else None,
                    approved_at=row.approved_at if row is not None else None,
                )
            )
    return result


def changes_after_approval(session: Session, year: int) -> dict[tuple[str, int], int]:
    """(project code, month) -> how many values were written in that month of `year`
    after it was first approved (change-log entries of values)."""
    query = (
        select(ChangeRow.project, ChangeRow.month, func.count())
        .join(ProjectRow, ProjectRow.code == ChangeRow.project)
        .join(
            MonthStateRow,
            and_(
                MonthStateRow.project_id == ProjectRow.id,
                MonthStateRow.year == ChangeRow.year,
                MonthStateRow.month == ChangeRow.month,
            ),
        )
        .where(
            ChangeRow.entity == "value",
            ChangeRow.year == year,
            MonthStateRow.first_approved_at.is_not(None),
            ChangeRow.at > MonthStateRow.first_approved_at,
        )
        .group_by(ChangeRow.project, ChangeRow.month)
    )
    return {(str(p), int(m or 0)): int(n) for p, m, n in session.execute(query)}


def approved_months(
    session: Session, catalog: Catalog, first: Month, last: Month
) -> frozenset[tuple[str, int]]:
    """(project code, month index) of every approved month from `first` to `last`."""
    codes = {pid: code for code, pid in catalog.project_ids.items()}
    query = select(MonthStateRow.project_id, MonthStateRow.year, MonthStateRow.month).where(
        MonthStateRow.state == MonthState.APPROVED.value,
        MonthStateRow.year.between(first.year, last.year),
    )
    found = set()
    for pid, year, number in session.execute(query):
        month = Month(year, number)
        if first <= month <= last and pid in codes:
            found.add((codes[pid], month.index))
    return frozenset(found)


@dataclass(frozen=True)
class Timeliness:
    """Of a project's months whose Meldeschluss has passed or that were reported: how
    many were reported on time."""

    project: str
    on_time: int
    due: int

    @property
    def rate_pct(self) -> float | None:
        return 100.0 * self.on_time / self.due if self.due else None


def timeliness(statuses: Iterable[MonthStatus]) -> list[Timeliness]:
    """The timeliness rate of every project in `statuses`, in their order."""
    counts: dict[str, list[int]] = {}
    for status in statuses:
        entry = counts.setdefault(status.project, [0, 0])
        if status.on_time is not None:
            entry[1] += 1
            entry[0] += int(status.on_time)
    return [Timeliness(project, hit, due) for project, (hit, due) in counts.items()]


def by_project(statuses: Sequence[MonthStatus]) -> dict[str, dict[Month, MonthStatus]]:
    result: dict[str, dict[Month, MonthStatus]] = {}
    for status in statuses:
        result.setdefault(status.project, {})[status.month] = status
    return result
