"""Turning unexpected failures into one line for a person, and details into a log file."""

from __future__ import annotations

import logging
import sqlite3

log = logging.getLogger("aipdesk")
log.propagate = False  # details go to the log file, never as a traceback to the terminal
log.addHandler(logging.NullHandler())


def log_to_file() -> None:
    """Write error details to aipdesk.log in the user log directory (once per process)."""
    if any(isinstance(h, logging.FileHandler) for h in log.handlers):
        return
    try:
        from logging.handlers import RotatingFileHandler
        from pathlib import Path

        from platformdirs import user_log_dir

        folder = Path(user_log_dir("aipdesk", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / "aipdesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return  # no writable log folder: the one-line message still reaches the user
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)


def describe_unexpected(exc: BaseException, lang: str = "de") -> str:
    """One readable line for an error that no rule foresaw (the details go to the log)."""
    log_to_file()
    log.error("unexpected error", exc_info=exc)
    try:
        from sqlalchemy.exc import OperationalError

        operational: tuple[type[BaseException], ...] = (OperationalError, sqlite3.OperationalError)
    except ImportError:  # pragma: no cover
        operational = (sqlite3.OperationalError,)
    detail = (
        str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__
    )
    if isinstance(exc, operational):
        if "locked" in detail or "busy" in detail:
            return (
                "Die Datenbank ist gerade durch einen anderen Vorgang gesperrt; bitte gleich "
                "noch einmal versuchen"
                if lang == "de"
                else "the database is locked by another operation; please try again shortly"
            )
        return f"Datenbankfehler: {detail}" if lang == "de" else f"database error: {detail}"
    if isinstance(exc, OSError):
        return f"Dateifehler: {detail}" if lang == "de" else f"file error: {detail}"
    return (
        f"Unerwarteter Fehler ({type(exc).__name__}): {detail}"
        if lang == "de"
        else f"unexpected error ({type(exc).__name__}): {detail}"
    )
