"""Public entry of the desktop application (DESIGN §6).

This module imports no Qt itself, so importing it stays cheap; the window is
built by `aipdesk.ui.application`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow


def build_main_window(
    db: str, *, lang: str = "de", year: int | None = None, user: str | None = None
) -> QMainWindow:
    """The wired main window on database `db` (path or URL), not yet in the event loop.

    Creates the QApplication if there is none, opens (and if needed creates and
    migrates) the database, loads the AIP 2021 catalogue on first start and starts
    reading the figures off the GUI thread; `window.loaded` fires when they are shown.
    """
    from aipdesk.ui.application import build

    return build(db, lang=lang, year=year, user=user)
