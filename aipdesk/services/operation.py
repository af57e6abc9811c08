"""Operations: every write of aipdesk as one value that runs as one unit of work.

An operation validates its input with the domain rules, writes through the store,
records each change in the change log (who, when, old → new, where it came from)
in the same transaction, and returns a `Result`: the `Changes` it made (which
cells, targets, projects, catalogue parts) and its `inverse`, the operation that
puts back exactly what it replaced. The command line and the window run the same
operations for the same act, so the change log cannot differ between them; the
window keeps the inverses on its undo stack.

Writes based on what an editor showed carry the versions it showed (`expected`);
an inverse carries the versions its own operation left. `rebased` swaps in newer
versions the same editor wrote since (a note added after a value), so undoing
one's own steps in order is never taken for someone else's change, while a
colleague's write in between still is.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aipdesk.domain.messages import Note, message, pick
from aipdesk.services.base import Actor, CellKey, Changes, TargetKey

if TYPE_CHECKING:  # the window imports operations before the database stack is loaded
    from sqlalchemy.orm import Session

    from aipdesk.store.database import Database
    from aipdesk.store.queries import Catalog

Text = tuple[str, str]  # German, English


def told(note: Note, /, **params: Any) -> Text:
    """A catalogue text in German and in English: what a step is called."""
    return (message(note, "de", **params), message(note, "en", **params))


def undo_label(step: Text) -> Text:
    """ "… zurücknehmen" / "Undo …": the label of the step that undoes `step`."""
    return told(Note.op_undo, step=step)


@dataclass
class Work:
    """An open unit of work: the session, the catalogue as it is in it, who acts."""

    session: Session
    catalog: Catalog
    actor: Actor


@dataclass(frozen=True)
class Result:
    changes: Changes
    # What undoes the operation; None when it changed nothing.
    inverse: Operation | None
    # What the operation has to tell beyond its changes (a restore: where the replaced
    # state was saved).
    detail: Any = field(default=None, compare=False)


NOTHING = Result(Changes(), None)


@dataclass(frozen=True)
class Versions:
    """The versions one editor's own writes left, by cell and by target."""

    cells: Mapping[CellKey, int]
    targets: Mapping[TargetKey, int]


class Operation(ABC):
    """One write. Subclasses are frozen dataclasses of plain values."""

    @abstractmethod
    def label(self) -> Text:
        """What the step is called on the undo stack ("Zielwert NeuStart 2021 ändern")."""

    @abstractmethod
    def apply(self, work: Work) -> Result:
        """Do the write inside `work`; raise a DomainError (nothing is kept) to refuse."""

    def rebased(self, versions: Versions) -> Operation:
        """This operation expecting the newer versions of `versions` where it names a
        cell or target the same editor has written since."""
        return self

    def run(self, db: Database, actor: Actor) -> Result:
        """Run as one unit of work: all of it is stored, or nothing."""
        from aipdesk.store.queries import load_catalog  # loaded with the database stack

        with db.write() as session:
            return self.apply(Work(session, load_catalog(session), actor))


class ReplacingOperation(Operation):
    """A write that replaces the database file itself (restoring a backup).

    It cannot run inside a unit of work of the database it replaces, and on Windows a
    file still open cannot be replaced: whoever runs it closes its `Database` first,
    calls `replace` with the database's location and opens it again afterwards, also
    when the operation is refused. The window does so on its database worker and reads
    everything anew; the changes name every project and metric of both states.
    """

    def apply(self, work: Work) -> Result:
        raise TypeError(f"{type(self).__name__} replaces the database: run it with replace()")

    def run(self, db: Database, actor: Actor) -> Result:
        raise TypeError(f"{type(self).__name__} replaces the database: close it, then replace()")

    @abstractmethod
    def replace(self, location: str, actor: Actor) -> Result:
        """Do the write on the closed database at `location`; raise a DomainError (nothing
        changed) to refuse."""


def label_of(op: Operation, lang: str) -> str:
    """The label of `op` in `lang` ("de" or "en")."""
    return pick(op.label(), lang)


@dataclass(frozen=True)
class Steps(Operation):
    """Several operations as one unit of work and one undo step."""

    steps: tuple[Operation, ...]
    text: Text

    def label(self) -> Text:
        return self.text

    def apply(self, work: Work) -> Result:
        changes = Changes()
        inverses: list[Operation] = []
        for step in self.steps:
            result = step.apply(work)
            changes |= result.changes
            if result.inverse is not None:
                inverses.append(result.inverse)
        if not inverses:
            return Result(changes, None)
        return Result(changes, Steps(tuple(reversed(inverses)), self.text))

    def rebased(self, versions: Versions) -> Operation:
        return Steps(tuple(step.rebased(versions) for step in self.steps), self.text)
