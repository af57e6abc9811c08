"""Merge another aipdesk database into this one (`aipdesk merge OTHER.db [--prefer …]`).

The contract (issue text): take another aipdesk database's values (with notes)
into this one. A value present on both sides with different numbers is a
conflict: all conflicts are listed and nothing changes, unless a preference is
given. The change log records what the merge did.

Per (project, metric, month):

- only there: *new*, taken with its note;
- the same number on both sides: *unchanged*. Their note is taken when ours
  has none; two different notes are a *note difference*, not a conflict:
  ours stays unless `prefer="theirs"`;
- different numbers: a *conflict*. Without a preference the merge refuses
  and lists every conflict; with `"theirs"` their value (and their note, if
  they have one) wins; with `"ours"` ours stays whole;
- only here: untouched (a merge never deletes).

Values for projects or metrics this database does not know (or does not
track for that project) are refused, naming them: the catalogues must match.

A merge is planned (`plan_merge`: the comparison, the conflicts, every check; nothing
written), then written as one operation (`MergeValues`, services.ops): the command
line runs it (`merge_database`), the window runs it as one undo step. Messages name
the values by project, metric and month as people know them.

The other file is never written to (`aipdesk.exchange.mergefile`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Literal

from aipdesk.domain.catalogue import label
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.escape import visible
from aipdesk.domain.messages import LANGUAGES, Note, message, phrase, pick
from aipdesk.domain.model import Metric, Project
from aipdesk.domain.months import Month
from aipdesk.exchange.mergefile import open_other, refuse
from aipdesk.format import ENGLISH, GERMAN
from aipdesk.services.base import Actor, Changes
from aipdesk.services.batch import KEEP, Incoming, WriteValues, plan_values
from aipdesk.services.database import Database
from aipdesk.services.operation import Result, Text, Work, told
from aipdesk.services.results import Snapshot
from aipdesk.services.views import Cell, available_years, snapshot, year_cells

__all__ = [
    "Conflict",
    "LoggedValue",
    "MergeConflictError",
    "MergePlan",
    "MergeReport",
    "MergeValues",
    "NoteDifference",
    "Prefer",
    "Side",
    "all_cells",
    "merge_database",
    "plan_merge",
]

Prefer = Literal["ours", "theirs"]
CellKey = tuple[str, str, Month]
Place = tuple[str, str]  # a place in German and in English

LoggedValue = Cell  # one logged monthly value, as views.year_cells gives it


@dataclass(frozen=True)
class Side:
    """One side's value of a cell: number, note, who wrote it last."""

    value: int
    note: str | None
    updated_by: str


@dataclass(frozen=True)
class Conflict:
    """The same cell with different numbers here (`ours`) and there (`theirs`)."""

    project: str
    metric: str
    month: Month
    ours: Side
    theirs: Side
    place: Place | None = None  # the cell by the names people know (else by its codes)

    def line(self, lang: str = "de") -> str:
        return message(
            Note.merge_conflict,
            lang,
            cell=self.place or f"{self.project} {self.metric} {self.month}",
            ours=self.ours.value,
            our_user=self.ours.updated_by,
            theirs=self.theirs.value,
            their_user=self.theirs.updated_by,
        )


@dataclass(frozen=True)
class NoteDifference:
    """The same number on both sides, but two different notes; `taken`: theirs won."""

    project: str
    metric: str
    month: Month
    ours: Side
    theirs: Side
    taken: bool
    place: Place | None = None

    def line(self, lang: str = "de") -> str:
        return message(
            Note.merge_note_taken if self.taken else Note.merge_note_kept,
            lang,
            cell=self.place or f"{self.project} {self.metric} {self.month}",
            ours=self.ours.note,
            our_user=self.ours.updated_by,
            theirs=self.theirs.note,
            their_user=self.theirs.updated_by,
        )


@dataclass(frozen=True)
class MergeReport:
    """What a merge did (or, with `dry_run`, would do).

    `new`: values only there (all taken); `unchanged`: the same number on both
    sides; `conflicts`: different numbers (resolved by `prefer`);
    `notes_taken`: notes taken onto an equal number; `taken`: every value
    written (new + conflicts won by theirs + notes taken); `changes`: what was
    written (empty on a dry run).
    """

    other: str
    prefer: Prefer | None
    dry_run: bool
    new: int
    unchanged: int
    taken: int
    notes_taken: int
    conflicts: tuple[Conflict, ...] = ()
    note_differences: tuple[NoteDifference, ...] = ()
    changes: Changes = field(default_factory=Changes)

    @property
    def conflict_count(self) -> int:
        return len(self.conflicts)

    def summary(self, lang: str = "de") -> str:
        return "\n".join(self.lines(lang))

    def lines(self, lang: str = "de") -> list[str]:
        """A short account for the command line: a summary line, then conflicts and notes."""
        head = message(
            Note.merge_summary_dry if self.dry_run else Note.merge_summary,
            lang,
            where=self.other,
            taken=self.taken,
            new=self.new,
            notes=self.notes_taken,
            unchanged=self.unchanged,
            conflicts=self.conflict_count,
        )
        if self.conflicts:
            win = Note.merge_ours_win if self.prefer == "ours" else Note.merge_theirs_win
            head = message(win, lang, line=head)
        return [
            head,
            *(c.line(lang) for c in self.conflicts),
            *(d.line(lang) for d in self.note_differences),
        ]


class MergeConflictError(DomainError):
    """Different numbers on both sides and no preference: every conflict, nothing changed."""

    def __init__(self, other: str, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        count = len(self.conflicts)
        super().__init__(
            Code.merge_conflicts,
            where=other,
            count=phrase(Note.conflicts_one)
            if count == 1
            else phrase(Note.conflicts_many, count=count),
            lines=(
                "\n".join(c.line("de") for c in self.conflicts),
                "\n".join(c.line("en") for c in self.conflicts),
            ),
        )


def all_cells(db: Database) -> list[LoggedValue]:
    """Every logged value of `db`, all years, with note and who wrote it (a services read)."""
    cells: list[LoggedValue] = []
    for year in available_years(db):
        cells.extend(year_cells(db, year))
    return cells


def _cells(db: Database) -> dict[CellKey, Side]:
    return {
        (cell.project, cell.metric, cell.month): Side(cell.value, cell.note, cell.updated_by)
        for cell in all_cells(db)
    }


class _Names:
    """Projects and metrics of a catalogue by the names people know them by."""

    def __init__(self, projects: Iterable[Project], metrics: Mapping[str, Metric]) -> None:
        self.projects = {p.code: p.name.strip() or p.code for p in projects}
        self.metrics = {c: label(m, metrics) or c for c, m in metrics.items()}

    def project(self, code: str) -> str:
        return self.projects.get(code, code)

    def metric(self, code: str) -> str:
        return self.metrics.get(code, code)

    def cell(self, project: str, metric: str, month: Month) -> Place:
        """ "NeuStart / Integrationen / Mai 2021" (in English "… / May 2021")."""
        names = {"project": self.project(project), "metric": self.metric(metric)}
        return (
            message(Note.merge_cell, "de", month=GERMAN.month(month, long=True), **names),
            message(Note.merge_cell, "en", month=ENGLISH.month(month, long=True), **names),
        )


def _check_catalogue(
    ours: _Names, ours_view: Snapshot, other: Database, name: str, theirs: dict[CellKey, Side]
) -> None:
    """Refuse values whose project or metric is unknown or differently defined here."""
    if not theirs:
        return
    theirs_view = snapshot(other, date.today().year)
    there = _Names(theirs_view.projects, theirs_view.metrics)
    projects = {p.code for p in ours_view.projects}
    used = {(project, metric) for project, metric, _ in theirs}
    unknown_projects = sorted({there.project(p) for p, _ in used if p not in projects})
    unknown_metrics = sorted({there.metric(m) for _, m in used if m not in ours_view.metrics})
    untracked = sorted(
        f"{ours.project(p)}/{ours.metric(m)}"
        for p, m in used
        if p in projects and m in ours_view.metrics and m not in ours_view.tracked.get(p, ())
    )
    different = []
    for metric in sorted({m for _, m in used} & set(ours_view.metrics)):
        mine, yours = ours_view.metrics[metric], theirs_view.metrics.get(metric)
        if yours is not None and (mine.kind, mine.parent) != (yours.kind, yours.parent):
            different.append(ours.metric(metric))
    if not (unknown_projects or unknown_metrics or untracked or different):
        return
    problems = [
        phrase(note, names=", ".join(names))
        for note, names in (
            (Note.merge_projects_only_there, unknown_projects),
            (Note.merge_metrics_only_there, unknown_metrics),
            (Note.merge_not_tracked_here, untracked),
            (Note.merge_defined_differently, different),
        )
        if names
    ]
    raise refuse(
        name,
        Code.merge_catalogues,
        problems=tuple("; ".join(p.text(lang) for p in problems) for lang in LANGUAGES),
    )


class _Placed(DomainError):
    """A refused value of the other database: its place (file, project, metric, month)
    told in the language asked for, before the reason."""

    def __init__(self, error: DomainError, place: Place) -> None:
        self.places = place
        super().__init__(error.code, **error.params)
        self.place = place[0]

    def text(self, lang: str = "de") -> str:
        return f"{visible(pick(self.places, lang))}: {message(self.code, lang, **self.params)}"


def _retold(
    error: DomainError, incoming: Sequence[Incoming], names: _Names, other: str
) -> DomainError:
    """`error`, placed at a value of `incoming` (from the database `other`) by its German
    place, placed in both languages."""
    if isinstance(error, _Placed) or not error.place:
        return error
    for item in incoming:
        if item.where == error.place:
            de, en = names.cell(item.project, item.metric, item.month)
            return _Placed(error, (f"{other}: {de}", f"{other}: {en}"))
    return error


@dataclass(frozen=True)
class MergeValues(WriteValues):
    """The write of a merge: the values taken from the other database (`origin`), each
    placed there by name ("team.sqlite: NeuStart / Integrationen / Mai 2021"); one unit
    of work, all or nothing, and one step on the window's undo stack."""

    def label(self) -> Text:
        return told(Note.op_merge, origin=self.origin or "")

    def apply(self, work: Work) -> Result:
        try:
            return super().apply(work)
        except DomainError as error:
            names = _Names(work.catalog.projects.values(), work.catalog.metrics)
            raise _retold(error, self.incoming, names, self.origin or "") from None


@dataclass(frozen=True)
class MergePlan:
    """What a merge would do (`report`, a dry run's) and the write that does it
    (`operation`; None when nothing is to be taken)."""

    report: MergeReport
    operation: MergeValues | None


def plan_merge(
    db: Database,
    other_path: str | os.PathLike[str],
    prefer: Prefer | None = None,
    *,
    check: bool = True,
) -> MergePlan:
    """Compare the aipdesk database at `other_path` with `db`; writes nothing.

    With conflicts and no `prefer`, a `MergeConflictError` lists every conflict. With
    `check`, every value to be taken also meets every check of the write (unknown
    project, davon rule, …); a refusal names its place in the other database by names
    ("other.sqlite: NeuStart / Integrationen / März 2021: …"). The other file is never
    written to.
    """
    if prefer not in (None, "ours", "theirs"):
        raise ValueError(f"prefer must be 'ours', 'theirs' or None, not {prefer!r}")
    name = Path(os.fspath(other_path)).name
    ours_view = snapshot(db, date.today().year)  # the catalogue: projects, metrics, tracked
    names = _Names(ours_view.projects, ours_view.metrics)
    with open_other(db, other_path) as (other, cells):
        theirs = {
            (c.project, c.metric, c.month): Side(c.value, c.note, c.updated_by) for c in cells
        }
        _check_catalogue(names, ours_view, other, name, theirs)
    ours = _cells(db)

    incoming: list[Incoming] = []
    conflicts: list[Conflict] = []
    differences: list[NoteDifference] = []
    new = unchanged = notes_taken = 0
    for key in sorted(theirs, key=lambda k: (k[0], k[1], k[2].year, k[2].month)):
        project, metric, month = key
        there, here = theirs[key], ours.get(key)
        place = names.cell(project, metric, month)
        where = f"{name}: {place[0]}"
        if here is None:
            new += 1
            incoming.append(Incoming(project, metric, month, there.value, there.note, where))
        elif here.value == there.value:
            unchanged += 1
            if there.note is None or there.note == here.note:
                continue
            if here.note is None:
                notes_taken += 1
                incoming.append(Incoming(project, metric, month, there.value, there.note, where))
                continue
            take = prefer == "theirs"
            differences.append(NoteDifference(project, metric, month, here, there, take, place))
            if take:
                notes_taken += 1
                incoming.append(Incoming(project, metric, month, there.value, there.note, where))
        else:
            conflicts.append(Conflict(project, metric, month, here, there, place))
            if prefer == "theirs":
                note = KEEP if there.note is None else there.note
                incoming.append(Incoming(project, metric, month, there.value, note, where))

    if conflicts and prefer is None:
        raise MergeConflictError(name, conflicts)
    if check and incoming:
        try:
            plan_values(db, incoming)  # every check of the write, nothing written
        except DomainError as error:
            raise _retold(error, incoming, names, name) from None
    report = MergeReport(
        other=name,
        prefer=prefer,
        dry_run=True,
        new=new,
        unchanged=unchanged,
        taken=len(incoming),
        notes_taken=notes_taken,
        conflicts=tuple(conflicts),
        note_differences=tuple(differences),
    )
    return MergePlan(report, MergeValues(tuple(incoming), origin=name) if incoming else None)


def merge_database(
    db: Database,
    actor: Actor,
    other_path: str | os.PathLike[str],
    prefer: Prefer | None = None,
    dry_run: bool = False,
) -> MergeReport:
    """Take the values (with notes) of the aipdesk database at `other_path` into `db`
    (`plan_merge`, then its operation run as one unit of work).

    All or nothing: with conflicts and no `prefer`, a `MergeConflictError`
    lists every conflict; any rejected value (unknown project, davon rule, …)
    names its origin ("other.sqlite: Jobcenter Kreis Unna (gesamt) / Eintritte in
    berufliche Weiterbildung / März 2021: …") and nothing is written. The change log
    gets one entry per written value with `actor.user` and `actor.source` (pass
    `Actor(user, "merge")`). `dry_run` runs every check and reports, but writes
    nothing. The other file is never written to.
    """
    plan = plan_merge(db, other_path, prefer, check=dry_run)
    if dry_run or plan.operation is None:
        return replace(plan.report, dry_run=dry_run)
    changes = plan.operation.run(db, actor).changes
    return replace(plan.report, dry_run=False, changes=changes)
