"""The window's one door to the services: plain values in, plain values out.

Every write goes through a service call that commits one unit of work; the
backend then emits `changed(Changes)` and each pane refreshes what concerns it.
Rejections arrive as `DomainError` and are shown in the UI language.

The database stack (SQLAlchemy, the services) is imported and the database
opened by `open()`, which the window runs off the GUI thread, so that the
window paints before any of it is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject, Signal

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Metric, Project, Target
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor, Changes
from aipdesk.services.results import ChartData, Snapshot
from aipdesk.ui.common import CONFLICTS

if TYPE_CHECKING:
    from aipdesk.domain.audit import Change
    from aipdesk.services.database import Database


class Backend(QObject):
    """Services for one database, with a signal for every change."""

    changed = Signal(object)  # Changes
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
        """The database may only be read (no write permission): every edit is disabled."""
        return self._db is not None and self._db.read_only

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
        """Replace the database by the backup `source` and open it again (RestoreResult).

        The open database is closed first (a file still open cannot be replaced on
        Windows) and a new one opened afterwards, also when the restore is refused.
        """
        from aipdesk.services.maintenance import restore

        if self._db is not None:
            # Reopened from its location afterwards, also if the backend was given a Database.
            self.location = str(self._db.path or self._db.url)
            self.close()
            self._db = None
        assert isinstance(self.location, str)
        try:
            return restore(self.location, source, Actor(self.actor.user, "gui"))
        finally:
            self.open()

    def message(self, error: DomainError) -> str:
        return error.text(self.lang)

    # -- reads ---------------------------------------------------------------------------
    def default_year(self) -> int:
        from aipdesk.services.views import default_year

        return default_year(self.open())

    def snapshot(
        self,
        year: int,
        month: Month | None = None,
        previous: Snapshot | None = None,
        changes: Changes | None = None,
    ) -> Snapshot:
        from aipdesk.services.views import snapshot

        return snapshot(self.open(), year, month, previous, changes)

    def chart(self, project: str, metric: str, year: int, month: Month) -> ChartData | None:
        from aipdesk.services.views import chart_data

        return chart_data(self.db, project, metric, year, month)

    def history(self, project: str, metric: str, month: Month) -> list[Change]:
        from aipdesk.services.views import cell_history

        return cell_history(self.db, project, metric, month)

    def value(self, project: str, metric: str, month: Month) -> tuple[int, str | None] | None:
        from aipdesk.services.values import get_value

        return get_value(self.db, project, metric, month)

    # -- writes: each returns the Changes and announces them ------------------------------
    def _announce(self, changes: Changes) -> Changes:
        if changes:
            self.changed.emit(changes)
        return changes

    def _checked(self, write: Callable[[], Changes]) -> Changes:
        """Run a write based on what the window shows; when someone else has changed
        that meanwhile (a version conflict), reload the window, then let the error on."""
        try:
            return self._announce(write())
        except DomainError as error:
            if error.code in CONFLICTS:
                self.stale.emit()
            raise

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
        from aipdesk.services.values import KEEP, log_value

        return self._checked(
            lambda: log_value(
                self.db,
                self.actor,
                project,
                metric,
                month,
                value,
                KEEP if keep_note else note,
                expected=expected,
            )
        )

    def clear_value(
        self, project: str, metric: str, month: Month, expected: int | None = None
    ) -> Changes:
        from aipdesk.services.values import clear_value

        return self._checked(
            lambda: clear_value(self.db, self.actor, project, metric, month, expected=expected)
        )

    def restore_value(
        self,
        project: str,
        metric: str,
        month: Month,
        state: tuple[int, str | None] | None,
        expected: int | None = None,
    ) -> Changes:
        """Set a cell to `state` (value and note, or missing): grid edits, undo and redo."""
        if state is None:
            return self.clear_value(project, metric, month, expected)
        return self.log_value(
            project, metric, month, state[0], state[1], keep_note=False, expected=expected
        )

    def set_target(self, target: Target, expected: int | None = None) -> Changes:
        """Store `target` with its plan curve, change rate and planned denominator mean;
        `expected` is the version shown (0: a new target)."""
        from aipdesk.services.targets import set_target

        return self._checked(
            lambda: set_target(
                self.db,
                self.actor,
                target.project,
                target.metric,
                target.first,
                target.last,
                target.value,
                target.weights,
                change_pct=target.change_pct,
                denominator_plan=target.denominator_plan,
                expected=expected,
            )
        )

    def history_weights(
        self, project: str, metric: str, first: Month, months: int
    ) -> tuple[float, ...]:
        """ "Plankurve aus Vorjahr": the earlier years' monthly shares (a DomainError names
        what is missing when no earlier year is complete)."""
        from aipdesk.services.targets import history_curve

        return history_curve(self.db, project, metric, first, months)

    def clear_target(
        self, project: str, metric: str, first: Month, expected: int | None = None
    ) -> Changes:
        from aipdesk.services.targets import clear_target

        return self._checked(
            lambda: clear_target(self.db, self.actor, project, metric, first, expected=expected)
        )

    def copy_targets(self, year: int) -> Changes:
        from aipdesk.services.targets import copy_targets

        return self._announce(copy_targets(self.db, self.actor, year))

    def add_project(self, project: Project, metrics: tuple[str, ...] = ()) -> Changes:
        from aipdesk.services.projects import add_project

        return self._announce(add_project(self.db, self.actor, project, metrics))

    def edit_project(self, code: str, **fields: Any) -> Changes:
        from aipdesk.services.projects import edit_project

        return self._announce(edit_project(self.db, self.actor, code, **fields))

    def metrics(self) -> dict[str, Metric]:
        from aipdesk.services.projects import read_catalog

        return dict(read_catalog(self.db).metrics)

    def add_metric(self, metric: Metric) -> Changes:
        from aipdesk.services.projects import add_metric

        return self._announce(add_metric(self.db, self.actor, metric))

    def edit_metric(self, code: str, **fields: Any) -> Changes:
        from aipdesk.services.projects import edit_metric

        return self._announce(edit_metric(self.db, self.actor, code, **fields))

    def track_metric(self, project: str, metric: str) -> Changes:
        from aipdesk.services.projects import track_metric

        return self._announce(track_metric(self.db, self.actor, project, metric))

    # -- Excel and other databases (aipdesk.exchange), each imported when first used -------
    def export_workbook(
        self,
        year: int,
        month: Month | None,
        path: str,
        report: Callable[[int, int], None] | None = None,
    ) -> Any:
        from pathlib import Path

        from aipdesk.exchange.export import export_workbook

        return export_workbook(self.db, year, month, Path(path), progress=report)

    def write_template(self, year: int, path: str, project: str | None = None) -> Any:
        from pathlib import Path

        from aipdesk.exchange.template import write_template

        return write_template(self.db, year, Path(path), project=project)

    def plan_import(self, path: str) -> tuple[Any, Any]:
        """Read and check a workbook and compare it with the database: (file, plan)."""
        from pathlib import Path

        from aipdesk.exchange.importer import plan_import, read_workbook

        file = read_workbook(Path(path))
        return file, plan_import(self.db, file)

    def apply_import(self, file: Any, skip_conflicts: bool, plan: Any) -> Changes:
        from aipdesk.services.batch import Kind, write_values

        skip = [i.incoming.key() for i in plan.of(Kind.CONFLICT)] if skip_conflicts else []
        actor = Actor(self.actor.user, "import")
        return self._announce(
            write_values(self.db, actor, file.incoming, skip=skip, origin=file.name or None)
        )

    def merge(self, path: str, prefer: Literal["ours", "theirs"] | None, dry_run: bool) -> Any:
        from pathlib import Path

        from aipdesk.exchange.merge import merge_database

        report = merge_database(
            self.db, Actor(self.actor.user, "merge"), Path(path), prefer=prefer, dry_run=dry_run
        )
        if not dry_run:
            self._announce(report.changes)
        return report
