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

The other file is never written to. It is copied into a private temporary
directory (with its `-wal`, if any) and only the copy is opened: even a
read through SQLite's WAL mode would create `-wal`/`-shm` files beside the
original, and opening a backup (journal mode DELETE) would switch its header
to WAL. A file of an older schema is refused rather than migrated.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import LANGUAGES, Note, message, phrase
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor, Changes
from aipdesk.services.batch import KEEP, Incoming, plan_values, write_values
from aipdesk.services.database import Database, open_database
from aipdesk.services.foreign import ForeignCell, read_cells
from aipdesk.services.results import Snapshot
from aipdesk.services.views import Cell, available_years, snapshot, year_cells

__all__ = [
    "Conflict",
    "LoggedValue",
    "MergeConflictError",
    "MergeReport",
    "NoteDifference",
    "Prefer",
    "Side",
    "all_cells",
    "merge_database",
]

Prefer = Literal["ours", "theirs"]
CellKey = tuple[str, str, Month]

_COPY_ATTEMPTS = 3


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

    def line(self, lang: str = "de") -> str:
        return message(
            Note.merge_conflict,
            lang,
            cell=f"{self.project} {self.metric} {self.month}",
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

    def line(self, lang: str = "de") -> str:
        return message(
            Note.merge_note_taken if self.taken else Note.merge_note_kept,
            lang,
            cell=f"{self.project} {self.metric} {self.month}",
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


def _refuse(path: Path | str, code: Code, **params: object) -> DomainError:
    return DomainError(code, where=str(path), **params)


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


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _copy_quietly(source: Path, target_dir: Path) -> Path:
    """Copy `source` (and a non-empty `-wal` beside it) into `target_dir`, reading only.

    A copy taken while another program writes may be torn: the file's size and
    time are compared before and after, and the copy is retried a few times.
    """
    wal = source.with_name(source.name + "-wal")
    target = target_dir / "other.sqlite"
    target_wal = target_dir / "other.sqlite-wal"
    for _ in range(_COPY_ATTEMPTS):
        before = (_stat(source), _stat(wal))
        for leftover in (target, target_wal, target_dir / "other.sqlite-shm"):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(source, target)
        if before[1] is not None and before[1][0] > 0:
            shutil.copyfile(wal, target_wal)
        if (_stat(source), _stat(wal)) == before:
            return target
    raise _refuse(source, Code.merge_busy)


def _with_path(error: DomainError, path: Path) -> DomainError:
    """`error` about the private copy, retold about the file the user named."""
    if "path" not in error.params:
        return error
    return DomainError(error.code, **{**error.params, "path": str(path)})


def _probe(copy: Path) -> tuple[bool, str | None] | None:
    """(is an aipdesk database, its schema revision) of the private copy; None: empty.

    Reads the copy only. Whatever cannot be told here (not SQLite, foreign,
    damaged) is left to `open_database`, which refuses such files before any
    migration.
    """
    if copy.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(copy)
    except sqlite3.Error:
        return (False, None)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if not {"settings", "alembic_version"} <= tables:
            return (False, None)
        marker = conn.execute("SELECT value FROM settings WHERE key='application'").fetchone()
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return (False, None)
    finally:
        conn.close()
    return (marker is not None and marker[0] == "aipdesk", row[0] if row else None)


def _is_newer(revision: str, head: str) -> bool:
    """aipdesk numbers its migrations 0001, 0002, …"""
    return revision.isdigit() and head.isdigit() and int(revision) > int(head)


def _check_schema(db: Database, other: Path, copy: Path) -> bool:
    """Refuse an empty file and one whose schema differs from this database's; whether
    it is an aipdesk database (what is not is left to `open_database` to refuse).

    `open_database` would migrate an older file (after a backup into the
    user's backup folder, which also rotates the backups there): the other
    database is refused instead, and the user opens it once with this aipdesk.
    """
    probe = _probe(copy)
    if probe is None:
        raise DomainError(Code.not_aipdesk_db, path=str(other), reason=phrase(Note.empty_file))
    is_aipdesk, revision = probe
    head = db.revision()  # this database is open, hence at this aipdesk's schema
    if not is_aipdesk or revision == head:
        return is_aipdesk
    if revision is not None and head is not None and _is_newer(revision, head):
        raise DomainError(Code.newer_schema, path=str(other), found=revision)
    raise _refuse(
        other, Code.merge_old_schema, revision=revision or ("keins", "none"), head=str(head)
    )


@contextmanager
def _open_other(
    db: Database, other_path: str | os.PathLike[str]
) -> Iterator[tuple[Database, list[ForeignCell]]]:
    """The other database, opened from a private copy (the original is only read), and
    its values, each checked like typed input (aipdesk.services.foreign)."""
    text = os.fspath(other_path)
    if "://" in text:
        raise _refuse(text, Code.merge_not_sqlite)
    other = Path(text).expanduser().resolve()
    if not other.is_file():
        raise _refuse(other, Code.merge_no_file)
    if db.path is not None and (
        db.path.resolve() == other or (db.path.exists() and os.path.samefile(db.path, other))
    ):
        raise _refuse(other, Code.merge_itself)
    with tempfile.TemporaryDirectory(prefix="aipdesk-merge-", ignore_cleanup_errors=True) as tmp:
        try:
            copy = _copy_quietly(other, Path(tmp))
        except OSError as exc:
            raise DomainError(Code.db_unreachable, path=str(other), reason=str(exc)) from None
        # Every row checked like typed input, before the copy is opened as a database (what
        # is no aipdesk database at all is refused by open_database, naming the reason).
        cells = read_cells(copy, other.name) if _check_schema(db, other, copy) else []
        try:
            opened = open_database(copy, create=False)
            try:
                opened.verify()  # the full check, whatever the file's size: it is foreign
            except BaseException:
                opened.close()
                raise
        except DomainError as error:
            raise _with_path(error, other) from None
        try:
            yield opened, cells
        finally:
            opened.close()


def _check_catalogue(
    ours_view: Snapshot, other: Database, name: str, theirs: dict[CellKey, Side]
) -> None:
    """Refuse values whose project or metric is unknown or differently defined here."""
    if not theirs:
        return
    theirs_view = snapshot(other, date.today().year)
    projects = {p.code for p in ours_view.projects}
    used = {(project, metric) for project, metric, _ in theirs}
    unknown_projects = sorted({p for p, _ in used} - projects)
    unknown_metrics = sorted({m for _, m in used} - set(ours_view.metrics))
    untracked = sorted(
        f"{p}/{m}"
        for p, m in used
        if p in projects and m in ours_view.metrics and m not in ours_view.tracked.get(p, ())
    )
    different = []
    for metric in sorted({m for _, m in used} & set(ours_view.metrics)):
        mine, yours = ours_view.metrics[metric], theirs_view.metrics.get(metric)
        if yours is not None and (mine.kind, mine.parent) != (yours.kind, yours.parent):
            different.append(metric)
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
    raise _refuse(
        name,
        Code.merge_catalogues,
        problems=tuple("; ".join(p.text(lang) for p in problems) for lang in LANGUAGES),
    )


def merge_database(
    db: Database,
    actor: Actor,
    other_path: str | os.PathLike[str],
    prefer: Prefer | None = None,
    dry_run: bool = False,
) -> MergeReport:
    """Take the values (with notes) of the aipdesk database at `other_path` into `db`.

    All or nothing: with conflicts and no `prefer`, a `MergeConflictError`
    lists every conflict; any rejected value (unknown project, davon rule, …)
    names its origin ("other.sqlite: JC training_entries 2021-03: …") and
    nothing is written. The change log gets one entry per written value with
    `actor.user` and `actor.source` (pass `Actor(user, "merge")`). `dry_run`
    runs every check and reports, but writes nothing. The other file is
    never written to.
    """
    if prefer not in (None, "ours", "theirs"):
        raise ValueError(f"prefer must be 'ours', 'theirs' or None, not {prefer!r}")
    name = Path(os.fspath(other_path)).name
    ours_view = snapshot(db, date.today().year)  # the catalogue: projects, metrics, tracked
    with _open_other(db, other_path) as (other, cells):
        theirs = {
            (c.project, c.metric, c.month): Side(c.value, c.note, c.updated_by) for c in cells
        }
        _check_catalogue(ours_view, other, name, theirs)
    ours = _cells(db)

    incoming: list[Incoming] = []
    conflicts: list[Conflict] = []
    differences: list[NoteDifference] = []
    new = unchanged = notes_taken = 0
    for key in sorted(theirs, key=lambda k: (k[0], k[1], k[2].year, k[2].month)):
        project, metric, month = key
        there, here = theirs[key], ours.get(key)
        where = f"{name}: {project} {metric} {month}"
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
            differences.append(NoteDifference(project, metric, month, here, there, take))
            if take:
                notes_taken += 1
                incoming.append(Incoming(project, metric, month, there.value, there.note, where))
        else:
            conflicts.append(Conflict(project, metric, month, here, there))
            if prefer == "theirs":
                note = KEEP if there.note is None else there.note
                incoming.append(Incoming(project, metric, month, there.value, note, where))

    if conflicts and prefer is None:
        raise MergeConflictError(name, conflicts)
    if dry_run:
        if incoming:
            plan_values(db, incoming)  # every check of the write, nothing written
        changes = Changes()
    else:
        changes = write_values(db, actor, incoming, origin=name) if incoming else Changes()
    return MergeReport(
        other=name,
        prefer=prefer,
        dry_run=dry_run,
        new=new,
        unchanged=unchanged,
        taken=len(incoming),
        notes_taken=notes_taken,
        conflicts=tuple(conflicts),
        note_differences=tuple(differences),
        changes=changes,
    )
