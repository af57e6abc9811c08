"""Plausibility of values written, and the list "zur Klärung".

`find_implausible` judges the values of a write against their series with the rule of
`aipdesk.domain.plausibility`, reading the history of every series the write touches
in one statement. A write refuses implausible values unless they are confirmed with a
reason; a confirmed (or imported) implausible value is stored and listed "zur Klärung"
(table value_reviews, one entry per cell) until a coordinator marks it checked.
Listing, checking and the undo of both are operations like every other write.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note, Phrase, phrase, pick
from aipdesk.domain.model import MetricKind
from aipdesk.domain.months import Month
from aipdesk.domain.plausibility import Usual, judge
from aipdesk.format import ENGLISH, GERMAN, month_words
from aipdesk.services.base import CellKey, Changes
from aipdesk.services.naming import metric_name, project_name
from aipdesk.services.operation import NOTHING, Operation, Result, Text, Work, told
from aipdesk.store.changelog import now, record
from aipdesk.store.database import Database
from aipdesk.store.models import MetricRow, ValueReviewRow, ValueRow
from aipdesk.store.queries import Catalog, load_catalog

NAMED = 5  # implausible values a refusal names one by one
HISTORY_YEARS = 2  # how far before a write its history is read (WINDOW months and gaps)


@dataclass(frozen=True)
class Implausible:
    key: CellKey
    value: int
    usual: Usual
    names: tuple[str, str] = ("", "")  # the project's and the metric's name

    def words(self, lang: str) -> str:
        """ "NeuStart · Integrationen · 2021-12: 590 (üblich bis 77)"."""
        usual = usual_words(self.usual).text(lang)
        count = pick(_count(self.value), lang)
        return f"{self.names[0]} · {self.names[1]} · {self.key[2]}: {count} ({usual})"


# Built once: read on every write of values.
_HISTORY = (
    select(
        ValueRow.project_id,
        ValueRow.metric_id,
        ValueRow.year,
        ValueRow.month,
        ValueRow.value,
        MetricRow.plausibility_factor,
    )
    .join(MetricRow, MetricRow.id == ValueRow.metric_id)
    .where(
        ValueRow.project_id.in_(bindparam("pids", expanding=True)),
        ValueRow.metric_id.in_(bindparam("mids", expanding=True)),
        ValueRow.year >= bindparam("first"),
        ValueRow.year <= bindparam("last"),
    )
)


def find_implausible(
    session: Session, catalog: Catalog, written: Mapping[CellKey, int]
) -> list[Implausible]:
    """The values of `written` (the state after a write: stored values of the same series
    count as history) that lie far outside their series, in the order of `written`."""
    if not written:
        return []
    pairs: dict[tuple[int, int], dict[int, int]] = {}
    for (project, metric), _ in _pairs(written).items():
        pairs[(catalog.project_ids[project], catalog.metric_ids[metric])] = {}
    first = min(month for _, _, month in written)
    last = max(month for _, _, month in written)
    factors: dict[int, float | None] = {}
    rows = session.execute(
        _HISTORY,
        {
            "pids": sorted({p for p, _ in pairs}),
            "mids": sorted({m for _, m in pairs}),
            "first": first.year - HISTORY_YEARS,
            "last": last.year,
        },
    )
    for pid, mid, year, number, value, factor in rows:
        stored = pairs.get((pid, mid))
        if stored is not None:
            stored[year * 12 + number - 1] = value
            factors[mid] = factor
    found: dict[CellKey, Usual] = {}
    for (project, metric), months in _pairs(written).items():
        series = pairs[(catalog.project_ids[project], catalog.metric_ids[metric])]
        for month in months:  # what the write leaves (flushed already, or not yet)
            series[month.index] = written[(project, metric, month)]
        stock = catalog.metrics[metric].kind is MetricKind.STOCK
        factor = factors.get(catalog.metric_ids[metric])
        judged = judge(series, [m.index for m in months], factor, stock)
        for month in months:
            if month.index in judged:
                found[(project, metric, month)] = judged[month.index]
    return [
        Implausible(
            key,
            written[key],
            found[key],
            (project_name(catalog, key[0]), metric_name(catalog, key[1])),
        )
        for key in written
        if key in found
    ]


def _pairs(written: Mapping[CellKey, int]) -> dict[tuple[str, str], list[Month]]:
    pairs: dict[tuple[str, str], list[Month]] = defaultdict(list)
    for project, metric, month in written:
        pairs[(project, metric)].append(month)
    return pairs


def usual_words(usual: Usual) -> Phrase:
    """ "üblich bis 40" (or, for a stock, "üblich 35 bis 48"): the range of the history."""
    if usual.floor is None:
        return phrase(Note.usual_up_to, high=_count(usual.high))
    return phrase(Note.usual_between, low=_count(usual.low), high=_count(usual.high))


def _count(value: int) -> tuple[str, str]:
    return GERMAN.number(value), ENGLISH.number(value)


def cell_names(catalog: Catalog, key: CellKey) -> dict[str, Any]:
    project, metric, month = key
    return {
        "project": project_name(catalog, project),
        "metric": metric_name(catalog, metric),
        "month": month_words(month),
    }


def refusal(catalog: Catalog, found: Sequence[Implausible]) -> DomainError:
    """One line naming the first implausible value, its cell and its usual range."""
    first = found[0]
    params = {
        "value": _count(first.value),
        "usual": usual_words(first.usual),
        **cell_names(catalog, first.key),
        # Not in the text: what a window asks to confirm (the cells, the first few named).
        "keys": [item.key for item in found],
        "named": [
            (cell_names(catalog, item.key), _count(item.value), usual_words(item.usual))
            for item in found[:NAMED]
        ],
    }
    if len(found) == 1:
        return DomainError(Code.implausible_value, **params)
    return DomainError(Code.implausible_values, count=len(found), **params)


# -- the list "zur Klärung" ---------------------------------------------------------------


@dataclass(frozen=True)
class ReviewState:
    """What a cell's entry "zur Klärung" holds."""

    value: int
    reason: str
    flagged_by: str
    flagged_at: datetime | None
    checked_by: str | None = None
    checked_at: datetime | None = None


def _aware(at: datetime | None) -> datetime | None:
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


def _state(row: ValueReviewRow) -> ReviewState:
    return ReviewState(
        row.value,
        row.reason,
        row.flagged_by,
        _aware(row.flagged_at),
        row.checked_by,
        _aware(row.checked_at),
    )


def _rows(
    session: Session, catalog: Catalog, keys: Sequence[CellKey]
) -> dict[CellKey, ValueReviewRow]:
    """The review rows of `keys`, one statement."""
    if not keys:
        return {}
    wanted = {
        (catalog.project_ids[p], catalog.metric_ids[m], mo.year, mo.month): (p, m, mo)
        for p, m, mo in keys
    }
    rows = session.scalars(
        select(ValueReviewRow).where(
            ValueReviewRow.project_id.in_(sorted({w[0] for w in wanted})),
            ValueReviewRow.metric_id.in_(sorted({w[1] for w in wanted})),
            ValueReviewRow.year.in_(sorted({w[2] for w in wanted})),
        )
    )
    found: dict[CellKey, ValueReviewRow] = {}
    for row in rows:
        key = wanted.get((row.project_id, row.metric_id, row.year, row.month))
        if key is not None:
            found[key] = row
    return found


def _json(state: ReviewState | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "value": state.value,
        "reason": state.reason,
        "checked_by": state.checked_by,
    }


def put_reviews(
    work: Work, states: Mapping[CellKey, ReviewState | None]
) -> dict[CellKey, ReviewState | None]:
    """Set the entries of `states` (None: no entry) with their change-log entries; what
    each held before."""
    session, catalog, actor = work.session, work.catalog, work.actor
    rows = _rows(session, catalog, list(states))
    before: dict[CellKey, ReviewState | None] = {}
    for key, state in states.items():
        row = rows.get(key)
        old = _state(row) if row is not None else None
        before[key] = old
        if old == state:
            continue
        project, metric, month = key
        if state is None:
            assert row is not None
            session.delete(row)
        elif row is None:
            session.add(
                ValueReviewRow(
                    project_id=catalog.project_ids[project],
                    metric_id=catalog.metric_ids[metric],
                    year=month.year,
                    month=month.month,
                    value=state.value,
                    reason=state.reason,
                    flagged_by=state.flagged_by,
                    flagged_at=state.flagged_at,
                    checked_by=state.checked_by,
                    checked_at=state.checked_at,
                    version=1,
                )
            )
        else:
            row.value, row.reason = state.value, state.reason
            row.flagged_by, row.flagged_at = state.flagged_by, state.flagged_at
            row.checked_by, row.checked_at = state.checked_by, state.checked_at
            row.version += 1
        record(
            session,
            user=actor.user,
            source=actor.source,
            action="delete" if state is None else "insert" if row is None else "update",
            entity="review",
            project=project,
            metric=metric,
            month=month,
            old=_json(old),
            new=_json(state),
        )
    session.flush()
    return before


@dataclass(frozen=True)
class PutReviews(Operation):
    """Entries "zur Klärung" set to given states: the undo of a forced write or of a
    check."""

    states: Mapping[CellKey, ReviewState | None]
    text: Text

    def label(self) -> Text:
        return self.text

    def apply(self, work: Work) -> Result:
        before = put_reviews(work, self.states)
        if before == dict(self.states):
            return NOTHING
        return Result(Changes(reviews=frozenset(self.states)), PutReviews(before, self.text))


def flag(
    work: Work, found: Sequence[Implausible], reasons: Mapping[CellKey, str], text: Text
) -> Result:
    """List the implausible values of `found` "zur Klärung", each with its reason."""
    if not found:
        return NOTHING
    stamp = now()
    states: dict[CellKey, ReviewState | None] = {
        item.key: ReviewState(item.value, reasons[item.key], work.actor.user, stamp)
        for item in found
    }
    before = put_reviews(work, states)
    return Result(Changes(reviews=frozenset(states)), PutReviews(before, text))


def check_writes(
    work: Work,
    written: Mapping[CellKey, int],
    forced: Mapping[CellKey, str] | None,
    confirm: bool,
    text: Text,
) -> Result:
    """The plausibility of a write of cells: implausible values not in `forced` refuse
    the write when `confirm` asks for it; those in `forced` are listed "zur Klärung"
    with their reason. Returns the listing (its inverse removes the entries again)."""
    found = find_implausible(work.session, work.catalog, written)
    if confirm:
        unconfirmed = [item for item in found if forced is None or item.key not in forced]
        if unconfirmed:
            raise refusal(work.catalog, unconfirmed)
    return flag(work, [item for item in found if forced and item.key in forced], forced or {}, text)


@dataclass(frozen=True)
class CheckReview(Operation):
    """A coordinator marks a value "zur Klärung" as checked."""

    project: str
    metric: str
    month: Month

    def label(self) -> Text:
        return told(
            Note.op_check_review, project=self.project, metric=self.metric, month=str(self.month)
        )

    def apply(self, work: Work) -> Result:
        catalog = work.catalog
        catalog.project(self.project)
        catalog.metric(self.metric)
        key = (self.project, self.metric, self.month)
        row = _rows(work.session, catalog, [key]).get(key)
        if row is None or row.checked_at is not None:
            raise DomainError(Code.review_not_found, **cell_names(catalog, key))
        old = _state(row)
        checked = ReviewState(
            old.value, old.reason, old.flagged_by, old.flagged_at, work.actor.user, now()
        )
        before = put_reviews(work, {key: checked})
        return Result(Changes(reviews=frozenset({key})), PutReviews(before, self.label()))


@dataclass(frozen=True)
class Review:
    """An entry "zur Klärung" as listed."""

    project: str
    metric: str
    month: Month
    value: int
    reason: str
    flagged_by: str
    flagged_at: datetime | None
    checked_by: str | None
    checked_at: datetime | None
    project_name: str
    metric_name: str

    def key(self) -> CellKey:
        return (self.project, self.metric, self.month)

    def to_json(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "project_name": self.project_name,
            "metric": self.metric,
            "metric_name": self.metric_name,
            "month": str(self.month),
            "value": self.value,
            "reason": self.reason,
            "flagged_by": self.flagged_by,
            "flagged_at": self.flagged_at.isoformat() if self.flagged_at else None,
            "checked_by": self.checked_by,
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
        }


def list_reviews(db: Database, year: int | None = None, everything: bool = False) -> list[Review]:
    """The entries "zur Klärung" (`everything`: the checked ones too), by month, project
    and metric."""
    with db.read() as session:
        return read_reviews(session, year, everything)


def read_reviews(session: Session, year: int | None, everything: bool) -> list[Review]:
    catalog = load_catalog(session)
    query = select(ValueReviewRow)
    if year is not None:
        query = query.where(ValueReviewRow.year == year)
    if not everything:
        query = query.where(ValueReviewRow.checked_at.is_(None))
    projects = {v: k for k, v in catalog.project_ids.items()}
    metrics = {v: k for k, v in catalog.metric_ids.items()}
    found = []
    for row in session.scalars(query):
        project, metric = projects[row.project_id], metrics[row.metric_id]
        state = _state(row)
        found.append(
            Review(
                project,
                metric,
                Month(row.year, row.month),
                state.value,
                state.reason,
                state.flagged_by,
                state.flagged_at,
                state.checked_by,
                state.checked_at,
                project_name(catalog, project),
                metric_name(catalog, metric),
            )
        )
    found.sort(key=lambda r: (r.month, r.project_name, r.metric_name))
    return found


__all__ = [
    "CheckReview",
    "Implausible",
    "PutReviews",
    "Review",
    "ReviewState",
    "check_writes",
    "find_implausible",
    "list_reviews",
]
