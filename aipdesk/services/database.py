"""Opening a database, for the callers above the services (window, command line, tests).

The user interface reaches the store only through the services; this module is
that door. It imports SQLAlchemy, so the window imports it off the GUI thread.
"""

from __future__ import annotations

from aipdesk.store.database import Database, default_db_path, open_database

__all__ = ["Database", "default_db_path", "open_database"]
