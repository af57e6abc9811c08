"""Building the application: QApplication, translations, database, main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QTimer
from PySide6.QtWidgets import QApplication

from aipdesk.outputs import check_output, write_atomically
from aipdesk.services.base import Actor
from aipdesk.ui import i18n
from aipdesk.ui.backend import Backend
from aipdesk.ui.main_window import PANES, MainWindow
from aipdesk.ui.window_state import APPLICATION, ORGANISATION


def ensure_app(lang: str = "de") -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APPLICATION)
        app.setOrganizationName(ORGANISATION)
        app.setApplicationDisplayName("aipdesk")
    assert isinstance(app, QApplication)
    i18n.install(app, lang)
    return app


def build(
    location: str, *, lang: str = "de", year: int | None = None, user: str | None = None
) -> MainWindow:
    """The main window at once; the database is opened and read off the GUI thread
    (on first start it is created with the AIP 2021 catalogue). If nothing has changed
    since the last start, its figures are shown meanwhile (aipdesk.services.startcache)."""
    from aipdesk.services import startcache

    ensure_app(lang)
    actor = Actor(user, "gui") if user else Actor(source="gui")
    window = MainWindow(Backend(location, actor, lang), year)
    cached = startcache.lookup(location, year)
    if cached is not None:
        window.show_cached(cached)
    window.reload()
    return window


def wait_until_loaded(window: MainWindow, timeout_ms: int = 60_000) -> bool:
    """Run the event loop until the figures read from the database are shown (not only
    those of the start-up cache); re-raise a failure to load them."""
    if window.snapshot is not None and not window.showing_cache:
        return True
    failures: list[BaseException] = []
    loop = QEventLoop()
    window.loaded.connect(loop.quit)

    def failed(error: BaseException) -> None:
        failures.append(error)
        loop.quit()

    window.load_failed.connect(failed)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    if failures:
        raise failures[0]
    return window.snapshot is not None and not window.showing_cache


# The size of a screenshot: a 1366×768 office laptop unless AIPDESK_SCREENSHOT_SIZE says
# otherwise ("1920x1080"; `make screenshots` renders both).
SCREENSHOT_SIZE = (1366, 768)


def screenshot_size() -> tuple[int, int]:
    wanted = os.environ.get("AIPDESK_SCREENSHOT_SIZE", "")
    width, _, height = wanted.lower().partition("x")
    if width.isdigit() and height.isdigit() and int(width) >= 640 and int(height) >= 480:
        return int(width), int(height)
    return SCREENSHOT_SIZE


def screenshot(window: MainWindow, path: str, pane: str = "dashboard") -> None:
    """Render `pane` after the figures are loaded and write it as PNG: the whole window
    (frame excluded) at `screenshot_size()`, whatever the settings remembered."""
    if pane not in PANES:
        raise ValueError(pane)
    window.state.enabled = False  # neither the remembered size nor saving this one
    window.resize(*screenshot_size())
    window.show()
    if not wait_until_loaded(window):
        raise TimeoutError("the figures did not load within a minute")
    window.show_pane(pane)
    if pane == "dashboard":
        window.dashboard.chart.draw_pending()  # in the window it follows the figures
    QApplication.processEvents()
    QTimer.singleShot(50, lambda: None)
    QApplication.processEvents()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not window.grab().save(buffer, "PNG"):
        raise OSError(f"cannot render {path}")
    buffer.close()
    png = data.data()
    # Like every file aipdesk writes: never over a database, whole or not at all, private.
    db_path = window.backend.db.path if window.backend.is_open else None
    write_atomically(check_output(path, db_path), lambda handle: handle.write(png))
