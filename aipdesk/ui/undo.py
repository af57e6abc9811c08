"""Undo and redo of every write: one command type that runs an operation's inverse on
undo and the operation again on redo, each through the backend like the write itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from aipdesk.domain.errors import DomainError
from aipdesk.errors import describe_unexpected
from aipdesk.services.operation import Operation, label_of

if TYPE_CHECKING:
    from aipdesk.ui.backend import Backend


class OperationCommand(QUndoCommand):
    """An operation already done (`forward`) and what undoes it (`backward`).

    Each run hands back the next inverse, so the pair stays true however often the
    user goes back and forth. A step the database no longer allows (a colleague has
    changed the value since, a value was logged for a project added meanwhile) is
    refused with its reason and dropped from the stack rather than left to lie.
    """

    def __init__(self, backend: Backend, forward: Operation, backward: Operation) -> None:
        super().__init__(label_of(forward, backend.lang))
        self.backend = backend
        self.forward, self.backward = forward, backward
        self._done = True  # pushed after the write itself: the first redo is skipped

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        inverse = self._run(self.forward)
        if inverse is not None:
            self.backward = inverse

    def undo(self) -> None:
        inverse = self._run(self.backward)
        if inverse is not None:
            self.forward = inverse

    def _run(self, op: Operation) -> Operation | None:
        try:
            return self.backend.replay(op)
        except DomainError as error:
            self.setObsolete(True)
            self.backend.failed.emit(self.backend.message(error))
            return None
        except Exception as error:  # a full disk, a backup taken away: words, no traceback
            self.setObsolete(True)
            self.backend.failed.emit(describe_unexpected(error, self.backend.lang))
            return None


Own = tuple[dict[Any, int], dict[Any, int]]  # versions by cell, by target


class KeptVersions:
    """The versions a window's own writes left (see `Backend.own_versions`), kept with the
    backup of each state a restore replaced: restoring that backup (the undo of the
    restore) brings them back, lifted as the restore lifts every version, so that the
    steps before the restore can still be undone. Any other restore starts afresh."""

    def __init__(self) -> None:
        self._by_backup: dict[Path, Own] = {}

    def restored(self, own: Own, done: Any) -> Own:
        """The window's own versions after the restore `done` (a RestoreResult; None:
        refused), given those before it."""
        if done is None:
            return own
        if done.backup_of_current is not None:
            self._by_backup[Path(done.backup_of_current).resolve()] = own
        cells, targets = self._by_backup.pop(Path(done.restored_from).resolve(), ({}, {}))
        lift = int(done.lift)
        return (
            {key: version + lift if version else 0 for key, version in cells.items()},
            {key: version + lift if version else 0 for key, version in targets.items()},
        )
