"""Access rights on a shared PostgreSQL database, for the command line: grant, revoke and
list who is team lead of which project and who coordinates (aipdesk.store.access; the
database enforces them, migration 0006). An SQLite file knows no roles: whoever may
write it may do everything, and these are refused on it before it is opened."""

from __future__ import annotations

import os
from typing import Any

from aipdesk.services.base import Actor
from aipdesk.services.naming import project_name
from aipdesk.services.projects import read_catalog
from aipdesk.store import access
from aipdesk.store.access import Holder
from aipdesk.store.changelog import record
from aipdesk.store.database import Database
from aipdesk.store.locations import sqlite_path

__all__ = ["Holder", "grant", "holders", "refuse_file", "revoke"]


def refuse_file(location: str | os.PathLike[str]) -> None:
    """Refuse (``access_sqlite``) a location that is an SQLite file, untouched."""
    path = sqlite_path(location)
    if path is not None:
        raise access.refuse_sqlite(str(path))


def _project(db: Database, project: str | None) -> tuple[int, str] | None:
    if project is None:
        return None
    catalog = read_catalog(db)
    return catalog.project_ids[project], project_name(catalog, project)


def _logged(session: Any, actor: Actor, action: str, login: str, project: str | None) -> None:
    """The grant or revoke in the change log, in the same unit of work."""
    role = {"login": login, "role": access.TEAMLEAD if project else access.COORDINATOR}
    record(
        session,
        user=actor.user,
        source=actor.source,
        action=action,
        entity="access",
        project=project,
        old=role if action == "delete" else None,
        new=role if action == "insert" else None,
    )


def grant(
    db: Database, login: str, project: str | None, actor: Actor | None = None
) -> tuple[bool, Any]:
    """Make `login` team lead of `project` (a code) or, without one, coordinator: (whether
    anything changed, the role in words); the change log keeps who granted what."""
    chosen = _project(db, project)
    with db.write() as session:
        changed, words = access.grant(session, db.where, login, chosen)
        if changed:
            _logged(session, actor or Actor(), "insert", login, project)
        return changed, words


def revoke(db: Database, login: str, project: str | None, actor: Actor | None = None) -> Any:
    """Take the role back (refused if `login` does not hold it): the role in words; the
    change log keeps who revoked what."""
    chosen = _project(db, project)
    with db.write() as session:
        words = access.revoke(session, db.where, login, chosen)
        _logged(session, actor or Actor(), "delete", login, project)
        return words


def holders(db: Database) -> list[Holder]:
    order = list(read_catalog(db).projects)
    with db.read() as session:
        return access.holders(session, order)
