"""The backend's doors to Excel and to other databases (`aipdesk.exchange`): export, the
entry template, import and merge, each module imported when first used. A mixin of
`Backend`, which gives it the open database, the acting user and `execute`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from aipdesk.domain.months import Month
from aipdesk.services.base import Actor, Changes

if TYPE_CHECKING:
    from aipdesk.services.database import Database
    from aipdesk.services.operation import Operation


class FileExchange:
    if TYPE_CHECKING:
        actor: Actor

        @property
        def db(self) -> Database: ...

        def execute(
            self,
            op: Operation,
            initiator: object = None,
            *,
            actor: Actor | None = None,
            undoable: bool = True,
        ) -> Changes: ...

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
        """Take the values of a workbook as one undoable step (conflicts skipped, or not):
        the import's one operation (`exchange.importer.import_operation`)."""
        from aipdesk.exchange.importer import import_operation

        op = import_operation(file, plan, skip_conflicts=skip_conflicts)
        if op is None:
            return Changes()
        return self.execute(op, actor=Actor(self.actor.user, "import"))

    def merge(self, path: str, prefer: Literal["ours", "theirs"] | None, dry_run: bool) -> Any:
        """Compare another database with this one (`dry_run`), or take its values as one
        undoable step ("Werte aus team.sqlite übernehmen"): the merge's one operation
        (`exchange.merge.plan_merge`), run like every write. Returns the MergeReport."""
        from dataclasses import replace
        from pathlib import Path

        from aipdesk.exchange.merge import plan_merge

        plan = plan_merge(self.db, Path(path), prefer, check=dry_run)
        if dry_run or plan.operation is None:
            return replace(plan.report, dry_run=dry_run)
        changes = self.execute(plan.operation, actor=Actor(self.actor.user, "merge"))
        return replace(plan.report, dry_run=False, changes=changes)
