"""Turning unexpected failures into one line for a person, and details into a log file.

The log file (``aipdesk.log`` in the user log folder, mode 0600) holds where a
failure happened, never what was being written: a note may hold personal data,
and an exception's text can quote it (SQLAlchemy puts the parameters of the failed
statement into its messages). So an entry names the exception's type and the
frames of its traceback, not its message.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import traceback
from logging.handlers import RotatingFileHandler
from types import TracebackType
from typing import Any

from aipdesk.domain.escape import visible
from aipdesk.domain.messages import Code, message

log = logging.getLogger("aipdesk")  # set up in aipdesk/__init__.py: no output of its own


class _PrivateFileHandler(RotatingFileHandler):
    """A rotating log whose files are created with mode 0600."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


class _WhereNotWhat(logging.Formatter):
    """Tracebacks without the exceptions' messages (which may quote values and notes)."""

    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text  # another handler's full traceback: not this one's
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:
        _, error, tb = ei
        return "".join(_frames(error, tb)).rstrip("\n")


def _frames(error: BaseException | None, tb: TracebackType | None) -> list[str]:
    lines: list[str] = []
    if error is not None:
        cause = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
        if cause is not None:
            lines += _frames(cause, cause.__traceback__)
            lines.append("-- which led to --\n")
    lines.append("Traceback (most recent call last):\n")
    lines += traceback.format_list(traceback.extract_tb(tb))
    lines.append(f"{type(error).__module__}.{type(error).__qualname__} (message not logged)\n")
    return lines


def log_to_file() -> None:
    """Write error details to aipdesk.log in the user log directory (once per process)."""
    if any(isinstance(h, logging.FileHandler) for h in log.handlers):
        return
    try:
        from pathlib import Path

        from platformdirs import user_log_dir

        from aipdesk.private import private_dir

        folder = private_dir(Path(user_log_dir("aipdesk", appauthor=False)))
        handler = _PrivateFileHandler(
            folder / "aipdesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return  # no writable log folder: the one-line message still reaches the user
    handler.setFormatter(_WhereNotWhat("%(asctime)s %(levelname)s %(message)s"))
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
    text = str(getattr(exc, "orig", None) or exc).strip()
    detail = visible(text.splitlines()[0]) if text else type(exc).__name__
    # What the database refused that no rule told in people's words: insufficient
    # privilege, or no schema the login may create in.
    if getattr(getattr(exc, "orig", None), "sqlstate", None) in ("42501", "3F000"):
        return message(Code.access_refused, lang, detail=detail)
    if isinstance(exc, operational):
        if "locked" in detail or "busy" in detail:
            return message(Code.unexpected_locked, lang)
        return message(Code.unexpected_database, lang, detail=detail)
    if isinstance(exc, OSError):
        return message(Code.unexpected_file, lang, detail=detail)
    return message(Code.unexpected, lang, kind=type(exc).__name__, detail=detail)
