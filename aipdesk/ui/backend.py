"""The window's one door to the services: plain values in, plain values out.

Every write is an operation (`aipdesk.services.ops`) that `execute` runs on the one
database worker (`Runner`) as one unit of work; its inverse goes onto the undo stack,
and the backend announces `changed(changes, initiator)` so that each pane refreshes
what concerns it. Rejections arrive as `DomainError` and are shown in the UI language.

The database stack (SQLAlchemy, the services) is imported and the database opened by
`open()`, which runs on the worker, so that the window paints before any of it is loaded.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from aipdesk.domain.errors import DomainError
from aipdesk.domain.messages import Note
from aipdesk.domain.model import Metric, Project, Target
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor, CellKey, Changes
from aipdesk.services.operation import (
    Operation,
    ReplacingOperation,
    Result,
    Versions,
    told,
)
from aipdesk.services.results import BudgetView, ChartData, Snapshot
from aipdesk.ui.backend_files import FileExchange
from aipdesk.ui.common import CONFLICTS
from aipdesk.ui.runner import Runner
from aipdesk.ui.undo import KeptVersions, OperationCommand

if TYPE_CHECKING:
    from aipdesk.domain.audit import Change
    from aipdesk.services.database import Database
    from aipdesk.services.values import Wanted


class Backend(QObject, FileExchange):
    """Services for one database, with a signal for every change."""

    changed = Signal(object, object)  # Changes, the widget that asked for the write (or None)
    failed = Signal(str)  # a message for the user, already in the UI language
    # Someone else changed what a write was based on: the window reads everything again.
    stale = Signal()

    def __init__(
        self,
        location: str | Database,
        actor: Actor | None = None,
        lang: str = "de",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.location = location
        self._db: Database | None = None if isinstance(location, str) else location
        self.actor = actor or Actor(source="gui")
        self.lang = lang
        self.runner = Runner(self)
        self.undo_stack: QUndoStack | None = None  # set by the window
        # The versions this window's own writes left: an undo expects them (see
        # aipdesk.services.operation), whatever else the window has done since.
        self._own_cells: dict[Any, int] = {}
        self._own_targets: dict[Any, int] = {}
        self._kept_versions = KeptVersions()  # those of the states a restore replaced
        # Names of projects and metrics for the undo steps ("Zielwert NeuStart …").
        self._names: dict[str, str] = {}

    def remember_names(self, projects: Iterable[Project], metrics: Iterable[Metric]) -> None:
        self._names = {f"p:{p.code}": p.name for p in projects}
        self._names.update({f"m:{m.code}": m.name for m in metrics})

    def _named(self, project: str, metric: str) -> dict[str, str]:
        """The names people know for an undo step's text (codes until names are known)."""
        return {
            "project": self._names.get("p:" + project, project),
            "metric": self._names.get("m:" + metric, metric),
        }

    @property
    def db(self) -> Database:
        if self._db is None:
            raise RuntimeError("Backend.open() has not run yet")
        return self._db

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def read_only(self) -> bool:
        """The database may only be read (no write permission), or is not open yet (the
        figures shown come from the start-up cache): every edit is disabled."""
        return self._db is None or self._db.read_only

    def open(self) -> Database:
        """Open (create, migrate) the database and load the catalogue on first start."""
        if self._db is None:
            from aipdesk.services.catalogue import load_catalogue
            from aipdesk.services.database import open_database

            assert isinstance(self.location, str)
            from aipdesk.services.maintenance import start_of_day

            db = open_database(self.location)
            if not db.read_only:
                load_catalogue(db, self.actor)
                start_of_day(db)  # the daily backup; a failure becomes a notice
            self._db = db
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()

    # -- backups ----------------------------------------------------------------------------
    @property
    def can_restore(self) -> bool:
        """Restoring replaces a database file: not for servers or read-only files."""
        return self._db is not None and self._db.path is not None and not self._db.read_only

    def backup_folder(self) -> str:
        from aipdesk.services.database import backup_dir

        return str(backup_dir())

    def restore(self, source: str) -> Any:
        """Replace the database by the backup `source` as one undoable step (RestoreResult).

        The open database is closed first (a file still open cannot be replaced on
        Windows) and opened again afterwards, also when the restore is refused.
        """
        from aipdesk.services.ops import RestoreBackup

        return self._execute(RestoreBackup(source), None, self.actor, True).detail

    def message(self, error: DomainError) -> str:
        return error.text(self.lang)

    # -- reads ---------------------------------------------------------------------------
    def default_year(self) -> int:
        from aipdesk.services.views import default_year

        return default_year(self.open())

    def snapshot(self, year: int, month: Month | None = None) -> Snapshot:
        """Read everything the window shows (call it on the worker, or in a test)."""
        from aipdesk.services.views import snapshot

        return snapshot(self.open(), year, month)

    def read_snapshot(
        self, year: int | None, month: Month | None = None, *, remember: bool = False
    ) -> Snapshot:
        """`snapshot` of `year` (None: the default year), on the worker; `remember`: keep
        it as what the next start shows at once (a local file only; startcache)."""
        self.open()  # first: opening may migrate, or load the catalogue
        place = self.cache_place()

        def read() -> Snapshot:
            return self.snapshot(year if year is not None else self.default_year(), month)

        if remember and month is None and place is not None:
            from aipdesk.services import startcache

            return startcache.store(place, year, None, read)
        return read()

    def cache_place(self) -> str | None:
        """The location whose figures the start-up cache may keep: a local SQLite file
        (not one on a network share)."""
        from aipdesk.services import startcache

        if not isinstance(self.location, str) or startcache.local_file(self.location) is None:
            return None
        if self._db is not None and any(
            getattr(n, "code", None) == "network_share" for n in self._db.notices
        ):
            return None
        return self.location

    def remember_start(self, year: int | None) -> None:
        """At close: store what a start with `year` (None: the default year) shows, if
        the database has changed since the start-up cache was written."""
        from aipdesk.services import startcache

        place = self.cache_place()
        if self._db is None or place is None or not startcache.enabled():
            return

        def keep() -> None:
            if startcache.stored_key(place, year) != startcache.current_key(place, year, None):
                self.read_snapshot(year, None, remember=True)

        with contextlib.suppress(Exception):  # the cache never stands in the way of closing
            self.runner.call(keep)

    def chart(
        self,
        project: str,
        metric: str,
        year: int,
        month: Month,
        snapshot: Snapshot | None = None,
    ) -> ChartData | None:
        """The chart of (project, metric): from the figures of `snapshot` where they hold
        every value it draws (no read), else read on the database worker."""
        from aipdesk.services.views import NEEDS_READ, chart_data, snapshot_chart

        if snapshot is not None and (snapshot.year, snapshot.report_month) == (year, month):
            found = snapshot_chart(snapshot, project, metric)
            if found is not NEEDS_READ:
                assert found is None or isinstance(found, ChartData)
                return found
        return self.runner.call(lambda: chart_data(self.db, project, metric, year, month))

    def budget_plan(self, instrument: str, year: int) -> Any:
        """An instrument's plan for the year as an editor shows it (PlanShown)."""
        from aipdesk.services.budget_view import plan_shown

        return plan_shown(self.db, instrument, year)

    def budget(self, year: int, month: Month | None = None) -> BudgetView | None:
        """The budget of `year` as the Budget pane shows it (call it on the worker)."""
        from aipdesk.services.budget_view import budget_view

        return budget_view(self.db, year, month)

    def history(self, project: str, metric: str, month: Month) -> list[Change]:
        from aipdesk.services.views import cell_history

        return cell_history(self.db, project, metric, month)

    def value(self, project: str, metric: str, month: Month) -> tuple[int, str | None] | None:
        from aipdesk.services.values import get_value

        return get_value(self.db, project, metric, month)

    # -- writes: each an operation, run on the worker, undoable -------------------------
    def execute(
        self,
        op: Operation,
        initiator: object = None,
        *,
        actor: Actor | None = None,
        undoable: bool = True,
    ) -> Changes:
        """Run `op` as one unit of work, push its undo step and announce what changed.

        When someone else has changed what the write was based on (a version conflict),
        the window reads everything again (`stale`) and the error goes on to the caller.
        """
        return self._execute(op, initiator, actor or self.actor, undoable).changes

    def _execute(self, op: Operation, initiator: object, actor: Actor, undoable: bool) -> Result:
        result = self._run(op, actor)
        if undoable and result.inverse is not None and self.undo_stack is not None:
            self.undo_stack.push(OperationCommand(self, op, result.inverse))
        self._announce(result.changes, initiator)
        return result

    def replay(self, op: Operation) -> Operation | None:
        """Run an undo or redo step (with the versions of this window's own writes);
        returns the step that turns it back."""
        result = self._run(op.rebased(self.own_versions()), self.actor)
        self._announce(result.changes, None)
        return result.inverse

    def own_versions(self) -> Versions:
        return Versions(dict(self._own_cells), dict(self._own_targets))

    def _run(self, op: Operation, actor: Actor) -> Result:
        try:
            if isinstance(op, ReplacingOperation):
                return self.runner.call(lambda: self._replace(op, actor))
            db = self.db
            result = self.runner.call(lambda: op.run(db, actor))
        except DomainError as error:
            if error.code in CONFLICTS:
                self.stale.emit()
            raise
        self._own_cells.update(result.changes.versions)
        self._own_targets.update(result.changes.target_versions)
        return result

    def _replace(self, op: ReplacingOperation, actor: Actor) -> Result:
        """On the worker: close the database, let `op` replace its file, open it again
        (also when `op` is refused). The versions this window's own writes left are kept
        with the backup of the state replaced, and come back, lifted as the restore lifts
        every version, when that backup is restored (an undo of the restore)."""
        if self._db is not None:
            # Reopened from its location afterwards, also if the backend was given a Database.
            self.location = str(self._db.path or self._db.url)
            self.close()
            self._db = None
        assert isinstance(self.location, str)
        own = (self._own_cells, self._own_targets)
        try:
            result = op.replace(self.location, actor)
        finally:
            self.open()
        self._own_cells, self._own_targets = self._kept_versions.restored(own, result.detail)
        return result

    def _announce(self, changes: Changes, initiator: object = None) -> Changes:
        if changes:
            self.changed.emit(changes, initiator)
        return changes

    def set_cells(
        self,
        cells: Mapping[CellKey, Wanted],
        expected: Mapping[CellKey, int] | None,
        text: tuple[str, str] | None = None,
        initiator: object = None,
        forced: Mapping[CellKey, str] | None = None,
        confirm: bool = False,
    ) -> Changes:
        """Store values with their notes (None: clear the cell) as one step; `expected`
        holds the versions shown (0: empty), see services.versions. An implausible value
        is refused (`confirm`) unless `forced` holds it with its reason
        (services.plausibility)."""
        from aipdesk.services.ops import SetCells

        return self.execute(SetCells(dict(cells), expected, text, confirm, forced), initiator)

    def log_value(
        self,
        project: str,
        metric: str,
        month: Month,
        value: str | int,
        note: Any = None,
        keep_note: bool = True,
        expected: int | None = None,
    ) -> Changes:
        """Store a value; the note stays as it is unless `keep_note` is False.

        `expected` is the version of the cell as shown (0: empty); see services.versions.
        """
        from aipdesk.domain.rules import parse_count
        from aipdesk.services.values import KEEP

        key = (project, metric, month)
        wanted = (parse_count(value), KEEP if keep_note else note)
        return self.set_cells({key: wanted}, None if expected is None else {key: expected})

    def clear_value(
        self, project: str, metric: str, month: Month, expected: int | None = None
    ) -> Changes:
        key = (project, metric, month)
        return self.set_cells({key: None}, None if expected is None else {key: expected})

    def restore_value(
        self,
        project: str,
        metric: str,
        month: Month,
        state: tuple[int, str | None] | None,
        expected: int | None = None,
    ) -> Changes:
        """Set a cell to `state` (value and note, or missing)."""
        key = (project, metric, month)
        return self.set_cells({key: state}, None if expected is None else {key: expected})

    def set_target(
        self, target: Target, expected: int | None = None, text: tuple[str, str] | None = None
    ) -> Changes:
        """Store `target` with its plan curve, change rate and planned denominator mean;
        `expected` is the version shown (0: a new target)."""
        from aipdesk.services.ops import SetTarget

        if text is None:
            named = self._named(target.project, target.metric)
            text = told(Note.op_change_target, year=target.first.year, **named)
        return self.execute(SetTarget.of(target, expected, text))

    def history_weights(
        self, project: str, metric: str, first: Month, months: int
    ) -> tuple[float, ...]:
        """ "Plankurve aus Vorjahr": the earlier years' monthly shares (a DomainError names
        what is missing when no earlier year is complete)."""
        from aipdesk.services.targets import history_curve

        db = self.db
        return self.runner.call(lambda: history_curve(db, project, metric, first, months))

    def clear_target(
        self, project: str, metric: str, first: Month, expected: int | None = None
    ) -> Changes:
        from aipdesk.services.ops import RemoveTarget

        text = told(Note.op_remove_target, year=first.year, **self._named(project, metric))
        return self.execute(RemoveTarget(project, metric, first, expected, text=text))

    def copy_plan(self, year: int) -> tuple[list[Target], list[tuple[Target, str]]]:
        """What "copy the targets to the next year" would copy, and what not (why)."""
        from aipdesk.services.projects import read_catalog
        from aipdesk.services.targets import copy_plan, list_targets

        db = self.db
        targets = self.runner.call(lambda: list_targets(db))
        return copy_plan(self.runner.call(lambda: read_catalog(db)), targets, year)

    def copy_targets(self, year: int) -> Changes:
        from aipdesk.services.ops import CopyTargets

        return self.execute(CopyTargets(year))

    def add_project(self, project: Project, metrics: tuple[str, ...] = ()) -> Changes:
        from aipdesk.services.ops import AddProject

        return self.execute(AddProject(project, tuple(metrics)))

    def edit_project(self, code: str, **fields: Any) -> Changes:
        from aipdesk.services.ops import ChangeProject

        return self.execute(ChangeProject(code, fields))

    def change_project(
        self, code: str, fields: Mapping[str, Any], track: tuple[str, ...] = ()
    ) -> Changes:
        """Change a project and let it log more metrics, as one step."""
        from aipdesk.services.ops import ChangeProject, Steps, TrackMetric

        steps = (ChangeProject(code, dict(fields)), *(TrackMetric(code, m) for m in track))
        return self.execute(Steps(steps, told(Note.op_change_project, project=code)))

    def metrics(self) -> dict[str, Metric]:
        from aipdesk.services.projects import read_catalog

        db = self.db
        return dict(self.runner.call(lambda: read_catalog(db)).metrics)

    def add_metric(self, metric: Metric) -> Changes:
        from aipdesk.services.ops import AddMetric

        return self.execute(AddMetric(metric))

    def edit_metric(self, code: str, **fields: Any) -> Changes:
        from aipdesk.services.ops import ChangeMetric

        return self.execute(ChangeMetric(code, fields))

    def track_metric(self, project: str, metric: str) -> Changes:
        from aipdesk.services.ops import TrackMetric

        return self.execute(TrackMetric(project, metric))

    def shutdown(self) -> None:
        """Finish the worker's queue, then close the database."""
        self.runner.shutdown()
        self.close()
