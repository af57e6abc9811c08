"""Setting and clearing targets (Zielwerte) with their period and plan curve: the
operations (SetTarget, RemoveTarget, CopyTargets) and the calls of the command line
and the window over them. The rows they write: `aipdesk.services.target_rows`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from aipdesk.domain.catalogue import KIND_NAMES, named
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note
from aipdesk.domain.model import MetricKind, Target
from aipdesk.domain.months import Month, joined, month_words, period_words
from aipdesk.domain.rules import parse_number
from aipdesk.services.base import Actor, Changes
from aipdesk.services.catalog_rows import untrack
from aipdesk.services.naming import metric_name, project_name
from aipdesk.services.operation import (
    NOTHING,
    Operation,
    Result,
    Steps,
    Text,
    Versions,
    Work,
    told,
    undo_label,
)
from aipdesk.services.target_rows import (
    FROM_HISTORY,
    Weights,
    _FromHistory,
    apply_target,
    check_target_version,
    history_weights,
    plan_curve,
    row_starting,
    target_json,
)
from aipdesk.services.values import KEEP, _Keep
from aipdesk.services.versions import MISSING
from aipdesk.store.changelog import record
from aipdesk.store.database import Database
from aipdesk.store.queries import (
    Catalog,
    all_targets,
    load_catalog,
    target_from_row,
    targets_overlapping,
)

__all__ = [
    "FROM_HISTORY",
    "KEEP",
    "CopyTargets",
    "RemoveTarget",
    "SetTarget",
    "clear_target",
    "copy_plan",
    "copy_targets",
    "history_curve",
    "list_targets",
    "remove_target",
    "set_target",
    "targets_of_year",
]


def set_target(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    first: Month,
    last: Month,
    value: float | str | None,
    weights: Weights = None,
    *,
    change_pct: float | str | _Keep | None = KEEP,
    denominator_plan: float | str | _Keep | None = KEEP,
    expected: int | None = None,
) -> Changes:
    """Set the target of `project`/`metric` starting at `first` (`SetTarget`).

    `weights`: the plan curve, any non-negative numbers (one per period month, scaled
    to add up to 1); None linear; `FROM_HISTORY` the previous years' monthly shares
    (`aipdesk.domain.plan.weights_from_history`); `KEEP` the stored curve while the
    period keeps its length, else linear. `change_pct` (the planned Veränderungsrate,
    %) and `denominator_plan` (a ratio's planned mean denominator): `KEEP` leaves what
    the stored target has, None clears it.
    `expected`: the version the editor showed (0 for a new target); the write is
    refused with `target_conflict` when someone else has changed it since.
    """
    op = SetTarget(
        project,
        metric,
        first,
        last,
        _number(value),
        _weights(weights),
        _number(change_pct),
        _number(denominator_plan),
        expected,
    )
    return op.run(db, actor).changes


@dataclass(frozen=True)
class SetTarget(Operation):
    """Add a target or change one (value, period end, plan curve, planned change rate,
    a ratio's planned denominator mean); the metric becomes tracked by the project."""

    project: str
    metric: str
    first: Month
    last: Month
    value: float | _Keep | None
    weights: tuple[float | str, ...] | _Keep | _FromHistory | None = None
    change_pct: float | _Keep | None = KEEP
    denominator_plan: float | _Keep | None = KEEP
    expected: int | None = None
    text: Text | None = None

    @classmethod
    def of(cls, target: Target, expected: int | None, text: Text | None = None) -> SetTarget:
        """Set a target to exactly what `target` says."""
        return cls(
            target.project,
            target.metric,
            target.first,
            target.last,
            target.value,
            target.weights,
            target.change_pct,
            target.denominator_plan,
            expected,
            text,
        )

    def label(self) -> Text:
        return self.text or told(
            Note.op_change_target, project=self.project, metric=self.metric, year=self.first.year
        )

    def apply(self, work: Work) -> Result:
        session, catalog = work.session, work.catalog
        catalog.project(self.project)
        kind = catalog.metric(self.metric).kind
        row = row_starting(session, catalog, self.project, self.metric, self.first)
        before = target_from_row(row, self.project, self.metric) if row is not None else None
        months = self.last.index - self.first.index + 1
        curve = plan_curve(
            session, catalog, self.weights, before, self.project, self.metric, self.first, months
        )
        change, plan = self.change_pct, self.denominator_plan
        if isinstance(change, _Keep):
            change = before.change_pct if before else None
        if isinstance(plan, _Keep):
            plan = before.denominator_plan if before else None
        elif plan is not None and kind is not MetricKind.RATIO:
            raise DomainError(
                Code.denominator_plan_not_ratio,
                metric=named(catalog.metrics[self.metric], catalog.metrics),
                kind=KIND_NAMES[kind],
            )
        target = Target(
            self.project,
            self.metric,
            self.first,
            self.last,
            None if isinstance(self.value, _Keep) else self.value,
            curve,
            change_pct=change,
            denominator_plan=plan,
        )
        tracked = self.metric in catalog.tracked.get(self.project, ())
        version = apply_target(session, catalog, work.actor, target, expected=self.expected)
        if version is None:
            return NOTHING
        key = (self.project, self.metric, self.first)
        undo_text = undo_label(self.label())
        undo: Operation
        if before is not None:
            undo = SetTarget.of(before, version, undo_text)
        else:
            undo = RemoveTarget(
                self.project, self.metric, self.first, version, not tracked, undo_text
            )
        changes = Changes(
            targets=frozenset({(self.project, self.metric)}),
            projects=frozenset() if tracked else frozenset({self.project}),
            target_versions={key: version},
        )
        return Result(changes, undo)

    def rebased(self, versions: Versions) -> Operation:
        key = (self.project, self.metric, self.first)
        if self.expected is None or key not in versions.targets:
            return self
        return replace(self, expected=versions.targets[key])


@dataclass(frozen=True)
class RemoveTarget(Operation):
    """Remove the target starting at `first` (and stop tracking the metric where the
    target's own addition began tracking it)."""

    project: str
    metric: str
    first: Month
    expected: int | None = None
    untrack: bool = False
    text: Text | None = None

    def label(self) -> Text:
        return self.text or told(
            Note.op_remove_target, project=self.project, metric=self.metric, year=self.first.year
        )

    def apply(self, work: Work) -> Result:
        session, catalog = work.session, work.catalog
        catalog.project(self.project)
        catalog.metric(self.metric)
        row = row_starting(session, catalog, self.project, self.metric, self.first)
        if row is None and self.expected is None:
            raise DomainError(
                Code.no_target,
                project=project_name(catalog, self.project),
                metric=metric_name(catalog, self.metric),
                period=month_words(self.first),
            )
        check_target_version(
            session, row, self.project, self.metric, self.first, self.expected, catalog
        )
        if row is None:
            return NOTHING  # expected missing, and still missing
        before = target_from_row(row, self.project, self.metric)
        record(
            session,
            user=work.actor.user,
            source=work.actor.source,
            action="delete",
            entity="target",
            project=self.project,
            metric=self.metric,
            month=self.first,
            old=target_json(before),
        )
        session.delete(row)
        session.flush()
        if self.untrack:
            untrack(session, catalog, work.actor, self.project, self.metric)
        undo_text = undo_label(self.label())
        changes = Changes(
            targets=frozenset({(self.project, self.metric)}),
            projects=frozenset({self.project}) if self.untrack else frozenset(),
            target_versions={(self.project, self.metric, self.first): MISSING},
        )
        return Result(changes, SetTarget.of(before, MISSING, undo_text))

    def rebased(self, versions: Versions) -> Operation:
        key = (self.project, self.metric, self.first)
        if self.expected is None or key not in versions.targets:
            return self
        return replace(self, expected=versions.targets[key])


def _weights(
    weights: Weights,
) -> tuple[float | str, ...] | _Keep | _FromHistory | None:
    if weights is None or isinstance(weights, (_Keep, _FromHistory)):
        return weights
    return tuple(weights)


def _number(value: float | str | _Keep | None) -> float | _Keep | None:
    if value is None or isinstance(value, _Keep):
        return value
    return None if value == "" else parse_number(value)


def clear_target(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    first: Month,
    *,
    expected: int | None = None,
) -> Changes:
    return RemoveTarget(project, metric, first, expected).run(db, actor).changes


def remove_target(
    db: Database,
    actor: Actor,
    project: str,
    metric: str,
    year: int,
    first: Month | None = None,
) -> Changes:
    """Remove the target of `project`/`metric` whose period overlaps `year` (where several
    do, the one starting at `first`)."""
    with db.read() as session:
        catalog = load_catalog(session)
        catalog.project(project)
        catalog.metric(metric)
        found = [
            t
            for t in all_targets(session, catalog)
            if (t.project, t.metric) == (project, metric) and t.period.overlaps_year(year)
        ]
    if first is not None:
        found = [t for t in found if t.first == first]
    if not found:
        period = (
            month_words(first)
            if first is not None
            else period_words(Month(year, 1), Month(year, 12))
        )
        raise DomainError(
            Code.no_target,
            project=project_name(catalog, project),
            metric=metric_name(catalog, metric),
            period=period,
        )
    if len(found) > 1:
        raise DomainError(
            Code.several_targets,
            project=project_name(catalog, project),
            metric=metric_name(catalog, metric),
            year=year,
            periods=joined(period_words(t.first, t.last) for t in found),
        )
    return clear_target(db, actor, project, metric, found[0].first, expected=found[0].version)


def history_curve(
    db: Database, project: str, metric: str, first: Month, months: int
) -> tuple[float, ...]:
    """`history_weights` in a read of its own: the "Plankurve aus Vorjahr" a plan-curve
    editor shows before anything is stored."""
    with db.read() as session:
        catalog = load_catalog(session)
        catalog.project(project)
        return history_weights(session, catalog, project, metric, first, months)


def targets_of_year(db: Database, year: int) -> list[Target]:
    """The targets whose period overlaps `year`, in display order (project, metric)."""
    with db.read() as session:
        return [t for _, t in targets_overlapping(session, load_catalog(session), year)]


def list_targets(db: Database) -> list[Target]:
    with db.read() as session:
        return all_targets(session, load_catalog(session))


def copy_targets(db: Database, actor: Actor, year: int) -> Changes:
    """Copy every calendar-year target of `year` to `year + 1` (`CopyTargets`)."""
    return CopyTargets(year).run(db, actor).changes


@dataclass(frozen=True)
class CopyTargets(Operation):
    """Copy every calendar-year target of `year` to `year + 1` (value and plan curve).

    Targets that span other periods (GUIDE's project period) stay as they are, and
    a pair that already has a target overlapping the next year is left alone, as is
    a project that has ended (`copy_plan` says which are copied and which not, why).
    """

    year: int

    def label(self) -> Text:
        return told(Note.op_copy_targets, year=self.year, next=self.year + 1)

    def apply(self, work: Work) -> Result:
        session, catalog = work.session, work.catalog
        copies, _ = copy_plan(catalog, all_targets(session, catalog), self.year)
        steps = [SetTarget.of(copy, MISSING) for copy in copies]
        result = Steps(tuple(steps), self.label()).apply(work)
        return result


def copy_plan(
    catalog: Catalog, existing: Sequence[Target], year: int
) -> tuple[list[Target], list[tuple[Target, str]]]:
    """Which calendar-year targets of `year` `CopyTargets` copies to `year + 1`, and which
    it leaves, with the reason in words: (copies, [(target, reason)])."""
    taken = {(t.project, t.metric) for t in existing if t.period.overlaps_year(year + 1)}
    copies: list[Target] = []
    skipped: list[tuple[Target, str]] = []
    for target in existing:
        if (target.first, target.last) != (Month(year, 1), Month(year, 12)):
            if target.period.overlaps_year(year):
                skipped.append((target, "period"))
            continue
        project = catalog.projects[target.project]
        if (target.project, target.metric) in taken:
            skipped.append((target, "exists"))
        elif not project.active or not project.period.overlaps_year(year + 1):
            skipped.append((target, "ended"))  # a project that has ended (IP ends 2021-12)
        else:
            copies.append(
                Target(
                    target.project,
                    target.metric,
                    Month(year + 1, 1),
                    Month(year + 1, 12),
                    target.value,
                    target.weights,
                )
            )
    return copies, skipped
