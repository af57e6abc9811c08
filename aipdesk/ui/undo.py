"""Undo and redo of cell edits: each command stores both states and goes through the services."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import refusal_text

CellState = tuple[int, str | None] | None  # (value, note) or missing


class CellCommand(QUndoCommand):
    """Set one monthly value (and note) from `old` to `new`.

    The first redo is the edit itself, already stored by the caller, so it is skipped.
    `version` is the cell's version after that edit: undo and redo hand it back, so
    that a value someone else has changed since is not overwritten (the command is
    then dropped and the window reloads).
    """

    def __init__(
        self,
        backend: Backend,
        project: str,
        metric: str,
        month: Month,
        old: CellState,
        new: CellState,
        version: int | None = None,
    ) -> None:
        super().__init__()
        self.backend = backend
        self.cell = (project, metric, month)
        self.old, self.new = old, new
        self.version = version
        self._first = True
        label = QCoreApplication.translate("Undo", "{project} {metric} {month}: {old} → {new}")
        self.setText(
            label.format(
                project=project,
                metric=metric,
                month=month,
                old="–" if old is None else old[0],
                new="–" if new is None else new[0],
            )
        )

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._restore(self.new)

    def undo(self) -> None:
        self._restore(self.old)

    def _restore(self, state: CellState) -> None:
        try:
            changes = self.backend.restore_value(*self.cell, state, expected=self.version)
            self.version = changes.versions.get(self.cell, self.version)
        except DomainError as error:
            # The database moved on (a davon value since changed, a project deactivated):
            # say why, and drop the command rather than leave a stack that lies.
            self.setObsolete(True)
            self.backend.failed.emit(refusal_text(error, self.backend.lang))
