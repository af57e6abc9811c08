"""Opening a database, for the callers above the services (window, command line, tests).

The user interface reaches the store only through the services; this module is
that door. It imports SQLAlchemy, so the window imports it off the GUI thread.

For the window:

- ``open_database(location, create=True, read_only=False) -> Database``;
  ``Database.read_only`` (no write permission: disable every edit control;
  ``write()`` raises ``read_only``), ``Database.notices`` (``DomainError`` s to
  show in a banner, e.g. ``network_share``), ``Database.where`` (path or URL
  without password, for titles and messages);
- ``db_damaged`` (raised by ``open_database``) has the params ``path``,
  ``detail`` and ``backup`` (the newest usable backup as a string, or None);
- ``newest_backup(db_path)``: the newest usable backup of a file, or None;
- ``backup(db, target=None)``: a manual backup; ``backup_dir()``: where they are;
- the daily backup and restoring: ``aipdesk.services.maintenance.start_of_day``
  and ``.restore``.
"""

from __future__ import annotations

from aipdesk.store.backup import backup, backup_dir, backups_of
from aipdesk.store.checks import SCHEMA_HEAD, newest_backup
from aipdesk.store.database import Database, open_database
from aipdesk.store.locations import default_db_path, display_url, sqlite_path
from aipdesk.store.restore import RestoreResult

__all__ = [
    "SCHEMA_HEAD",
    "Database",
    "RestoreResult",
    "backup",
    "backup_dir",
    "backups_of",
    "default_db_path",
    "display_url",
    "newest_backup",
    "open_database",
    "sqlite_path",
]
