"""The monthly close as operations: report a month, approve it, reopen it, move a
Meldeschluss; and the lock that an approved month puts on its values.

Each operation is one unit of work with its change-log entry (entity ``month``, the
reason of a reopen in its ``new``) and an inverse that puts back the exact state the
month had (`RestoreMonth`), expecting the version the operation left: undoing one's own
step is never taken for someone else's, a colleague's change in between is refused.
The rules (states, deadline, timeliness) are in `aipdesk.domain.closing`; what the
months of a year look like is read by `aipdesk.services.month_status`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from aipdesk.domain.closing import STATE_WORDS, MonthState, default_deadline
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note, phrase
from aipdesk.domain.months import Month
from aipdesk.domain.text import check_note
from aipdesk.format import date_words, month_words
from aipdesk.services.base import CellKey, Changes
from aipdesk.services.naming import metric_name, project_name
from aipdesk.services.operation import NOTHING, Operation, Result, Text, Work, told, undo_label
from aipdesk.store.changelog import now, record
from aipdesk.store.models import MonthDeadlineRow, MonthStateRow, ValueRow
from aipdesk.store.queries import Catalog

REASON = ("Begründung", "reason")


@dataclass(frozen=True)
class Record:
    """What a month's row holds (no row: `OPEN_RECORD`)."""

    state: MonthState
    reported_by: str | None = None
    reported_at: datetime | None = None
    first_reported_at: datetime | None = None
    approved_by: str | None = None
    approved_at: datetime | None = None
    first_approved_at: datetime | None = None


OPEN_RECORD = Record(MonthState.OPEN)
_FIELDS = (
    "reported_by",
    "reported_at",
    "first_reported_at",
    "approved_by",
    "approved_at",
    "first_approved_at",
)


def _record(row: MonthStateRow | None) -> Record:
    if row is None:
        return OPEN_RECORD
    return Record(
        MonthState(row.state),
        row.reported_by,
        _aware(row.reported_at),
        _aware(row.first_reported_at),
        row.approved_by,
        _aware(row.approved_at),
        _aware(row.first_approved_at),
    )


def _aware(at: datetime | None) -> datetime | None:
    """A stamp as a moment: SQLite gives back UTC without its zone."""
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


def _row(session: Session, catalog: Catalog, project: str, month: Month) -> MonthStateRow | None:
    return session.scalar(
        select(MonthStateRow).where(
            MonthStateRow.project_id == catalog.project_ids[project],
            MonthStateRow.year == month.year,
            MonthStateRow.month == month.month,
        )
    )


def _names(catalog: Catalog, project: str, month: Month) -> dict[str, object]:
    return {"project": project_name(catalog, project), "month": month_words(month)}


def missing_metrics(session: Session, catalog: Catalog, project: str, month: Month) -> list[str]:
    """The metrics `project` logs that have no value in `month`, in grid order (computed
    metrics, the quotas, are not logged: they follow from the others)."""
    tracked = catalog.tracked.get(project, ())
    ids = {
        catalog.metric_ids[code]: code for code in tracked if not catalog.metrics[code].is_computed
    }
    present = set(
        session.scalars(
            select(ValueRow.metric_id).where(
                ValueRow.project_id == catalog.project_ids[project],
                ValueRow.year == month.year,
                ValueRow.month == month.month,
                ValueRow.metric_id.in_(ids),
            )
        )
    )
    return [code for metric_id, code in ids.items() if metric_id not in present]


def _check_complete(session: Session, catalog: Catalog, project: str, month: Month) -> None:
    missing = missing_metrics(session, catalog, project, month)
    if missing:
        raise DomainError(
            Code.month_incomplete,
            missing=", ".join(metric_name(catalog, code) for code in missing),
            **_names(catalog, project, month),
        )


def _write(
    work: Work,
    project: str,
    month: Month,
    new: Record,
    expected: Record | None,
    text: Text,
    reason: str | None = None,
) -> Result:
    """Store `new` as the state of the month, log it, and return the step back.

    With `expected`, the month must hold exactly that (state and stamps) — what the step
    being undone left; undoing one's own steps in order always finds it, a colleague's
    report, approval or reopening in between never does."""
    session, catalog = work.session, work.catalog
    row = _row(session, catalog, project, month)
    old = _record(row)
    version = row.version if row is not None else 0
    if expected is not None and expected != old:
        raise DomainError(
            Code.month_state_changed,
            state=phrase(STATE_WORDS[old.state]),
            **_names(catalog, project, month),
        )
    if old == new and reason is None:
        return NOTHING
    if row is None:
        row = MonthStateRow(
            project_id=catalog.project_ids[project],
            year=month.year,
            month=month.month,
            version=0,
        )
        session.add(row)
    row.state = new.state.value
    for name in _FIELDS:
        setattr(row, name, getattr(new, name))
    row.version = version + 1
    entry: dict[str, object] = {"state": new.state.value}
    if reason is not None:
        entry["reason"] = reason
    record(
        session,
        user=work.actor.user,
        source=work.actor.source,
        action="update" if version else "insert",
        entity="month",
        project=project,
        month=month,
        old={"state": old.state.value} if version else None,
        new=entry,
    )
    session.flush()
    changes = Changes(months=frozenset({(project, month)}))
    return Result(changes, RestoreMonth(project, month, old, new, undo_label(text)))


def _check_month(catalog: Catalog, project: str, month: Month) -> None:
    entry = catalog.project(project)
    if not entry.period.contains(month):
        raise DomainError(
            Code.month_outside_project,
            month=month_words(month),
            project=entry.name,
            period=str(entry.period),
        )


@dataclass(frozen=True)
class ReportMonth(Operation):
    """The team lead closes a month: every metric the project logs has a value."""

    project: str
    month: Month
    today: date | None = None  # for tests: the day it is
    text: Text | None = None  # the label with the project's name (the window gives it)

    def label(self) -> Text:
        return self.text or told(
            Note.op_report_month, project=self.project, month=month_words(self.month)
        )

    def apply(self, work: Work) -> Result:
        session, catalog = work.session, work.catalog
        _check_month(catalog, self.project, self.month)
        today = self.today or date.today()
        if self.month >= Month(today.year, today.month):
            raise DomainError(Code.month_in_future, **_names(catalog, self.project, self.month))
        old = _record(_row(session, catalog, self.project, self.month))
        if old.state is not MonthState.OPEN:
            raise DomainError(
                Code.month_already,
                state=phrase(STATE_WORDS[old.state]),
                **_names(catalog, self.project, self.month),
            )
        _check_complete(session, catalog, self.project, self.month)
        stamp = now()
        new = replace(
            old,
            state=MonthState.REPORTED,
            reported_by=work.actor.user,
            reported_at=stamp,
            first_reported_at=old.first_reported_at or stamp,
        )
        return _write(work, self.project, self.month, new, None, self.label())


@dataclass(frozen=True)
class ApproveMonth(Operation):
    """A coordinator approves a reported, complete month; its values are locked then."""

    project: str
    month: Month
    text: Text | None = None

    def label(self) -> Text:
        return self.text or told(
            Note.op_approve_month, project=self.project, month=month_words(self.month)
        )

    def apply(self, work: Work) -> Result:
        session, catalog = work.session, work.catalog
        _check_month(catalog, self.project, self.month)
        old = _record(_row(session, catalog, self.project, self.month))
        if old.state is MonthState.APPROVED:
            raise DomainError(
                Code.month_already,
                state=phrase(STATE_WORDS[old.state]),
                **_names(catalog, self.project, self.month),
            )
        if old.state is MonthState.OPEN:
            _check_complete(session, catalog, self.project, self.month)
            raise DomainError(Code.month_not_reported, **_names(catalog, self.project, self.month))
        _check_complete(session, catalog, self.project, self.month)
        for check in APPROVAL_CHECKS:
            check(session, catalog, self.project, self.month)
        stamp = now()
        new = replace(
            old,
            state=MonthState.APPROVED,
            approved_by=work.actor.user,
            approved_at=stamp,
            first_approved_at=old.first_approved_at or stamp,
        )
        return _write(work, self.project, self.month, new, None, self.label())


# Further checks a month must pass to be approved (validation rules): each raises a
# DomainError naming what fails. Appended to by the modules that define them.
APPROVAL_CHECKS: list[Callable[[Session, Catalog, str, Month], None]] = []


@dataclass(frozen=True)
class ReopenMonth(Operation):
    """A reported or approved month made open again, with a reason (change log)."""

    project: str
    month: Month
    reason: str
    text: Text | None = None

    def label(self) -> Text:
        return self.text or told(
            Note.op_reopen_month, project=self.project, month=month_words(self.month)
        )

    def apply(self, work: Work) -> Result:
        session, catalog = work.session, work.catalog
        _check_month(catalog, self.project, self.month)
        reason = check_note(self.reason.strip(), REASON)
        if not reason:
            raise DomainError(Code.reopen_needs_reason, **_names(catalog, self.project, self.month))
        old = _record(_row(session, catalog, self.project, self.month))
        if old.state is MonthState.OPEN:
            raise DomainError(Code.month_is_open, **_names(catalog, self.project, self.month))
        new = replace(old, state=MonthState.OPEN)
        return _write(work, self.project, self.month, new, None, self.label(), reason)


@dataclass(frozen=True)
class RestoreMonth(Operation):
    """The inverse of the steps above: the month's state put back exactly."""

    project: str
    month: Month
    record: Record
    expected: Record  # what the step being undone left
    text: Text

    def label(self) -> Text:
        return self.text

    def apply(self, work: Work) -> Result:
        return _write(work, self.project, self.month, self.record, self.expected, self.text)


@dataclass(frozen=True)
class SetDeadline(Operation):
    """Move the Meldeschluss of a month (None: back to the 10th of the following month)."""

    month: Month
    due: date | None

    def label(self) -> Text:
        return told(Note.op_set_deadline, month=month_words(self.month))

    def apply(self, work: Work) -> Result:
        session = work.session
        last_day = self.month.shift(1)
        if self.due is not None and self.due < date(last_day.year, last_day.month, 1):
            raise DomainError(
                Code.deadline_before_month, due=date_words(self.due), month=month_words(self.month)
            )
        row = session.get(MonthDeadlineRow, (self.month.year, self.month.month))
        before = row.due if row is not None else None
        wanted = None if self.due == default_deadline(self.month) else self.due
        if before == wanted:
            return NOTHING
        if wanted is None:
            assert row is not None
            session.delete(row)
        elif row is None:
            session.add(
                MonthDeadlineRow(
                    year=self.month.year,
                    month=self.month.month,
                    due=wanted,
                    version=1,
                    updated_by=work.actor.user,
                    updated_at=now(),
                )
            )
        else:
            row.due, row.version = wanted, row.version + 1
            row.updated_by, row.updated_at = work.actor.user, now()
        effective = (before or default_deadline(self.month)).isoformat()
        record(
            session,
            user=work.actor.user,
            source=work.actor.source,
            action="update",
            entity="deadline",
            month=self.month,
            old={"due": effective},
            new={"due": (wanted or default_deadline(self.month)).isoformat()},
        )
        session.flush()
        changes = Changes(months=frozenset({("", self.month)}))
        return Result(changes, SetDeadline(self.month, before))


def deadlines(session: Session, year: int) -> dict[Month, date]:
    """The Meldeschluss of every month of `year`."""
    moved = {
        Month(row.year, row.month): row.due
        for row in session.scalars(select(MonthDeadlineRow).where(MonthDeadlineRow.year == year))
    }
    months = (Month(year, m) for m in range(1, 13))
    return {month: moved.get(month) or default_deadline(month) for month in months}


# Built once: checked on every write of values.
_APPROVED = select(MonthStateRow.project_id, MonthStateRow.year, MonthStateRow.month).where(
    MonthStateRow.state == MonthState.APPROVED.value,
    MonthStateRow.year.between(bindparam("first"), bindparam("last")),
)
_APPROVED_OF = _APPROVED.where(MonthStateRow.project_id.in_(bindparam("pids", expanding=True)))


def check_unlocked(session: Session, catalog: Catalog, cells: Iterable[CellKey]) -> None:
    """Refuse writing any of `cells` that lies in an approved month: one cell by its
    names, many as one list; nothing is written either way."""
    wanted = list(cells)
    if not wanted:
        return
    projects = sorted({catalog.project_ids[p] for p, _, _ in wanted if p in catalog.project_ids})
    years = {month.year for _, _, month in wanted}
    params: dict[str, object] = {"first": min(years), "last": max(years)}
    if len(projects) <= 500:
        query, params["pids"] = _APPROVED_OF, projects
    else:
        query = _APPROVED
    locked = {(pid, y, m) for pid, y, m in session.execute(query, params)}
    if not locked:
        return
    ids = catalog.project_ids
    hits = [
        (p, metric, month)
        for p, metric, month in wanted
        if (ids.get(p), month.year, month.month) in locked
    ]
    if not hits:
        return
    if len(hits) == 1:
        project, metric, month = hits[0]
        raise DomainError(
            Code.month_locked,
            metric=metric_name(catalog, metric),
            **_names(catalog, project, month),
        )
    raise DomainError(Code.months_locked, count=len(hits), cells=_locked_list(catalog, hits))


def _locked_list(catalog: Catalog, hits: list[CellKey]) -> tuple[str, str]:
    """ "NeuStart Mai 2021 (2 Werte), …" in German and English, at most ten months."""
    by_month: dict[tuple[str, Month], int] = {}
    for project, _metric, month in hits:
        by_month[(project, month)] = by_month.get((project, month), 0) + 1
    parts_de, parts_en = [], []
    for (project, month), count in list(by_month.items())[:10]:
        name = project_name(catalog, project)
        de, en = month_words(month)
        parts_de.append(f"{name} {de} ({count} {'Wert' if count == 1 else 'Werte'})")
        parts_en.append(f"{name} {en} ({count} {'value' if count == 1 else 'values'})")
    more = len(by_month) - 10
    if more > 0:
        parts_de.append(f"und {more} weitere Monate")
        parts_en.append(f"and {more} more months")
    return ", ".join(parts_de), ", ".join(parts_en)


# The validation rules coordinators add register their check here (imported last: the
# module needs nothing of this one).
from aipdesk.services.validation import check_rules  # noqa: E402

APPROVAL_CHECKS.append(check_rules)
