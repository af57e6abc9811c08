"""What the window remembers between starts: size and position, the pane shown, the
splitters. Kept with QSettings under the application's organisation and name
(`aipdesk.ui.application.ensure_app`); a position that no screen shows any more (a
second monitor unplugged, a docking station left at the office) is moved back onto one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter

if TYPE_CHECKING:
    from aipdesk.ui.main_window import MainWindow

# Where QSettings keeps them (QApplication's organisation and application name, set by
# `aipdesk.ui.application.ensure_app`; named here too, for a QApplication made elsewhere).
ORGANISATION = APPLICATION = "aipdesk"
# The size the window opens with on a large screen; smaller screens get less (`default_rect`).
PREFERRED = QSize(1280, 800)
# What a screen must show of the window's title bar to count it as reachable.
REACHABLE = QSize(160, 40)


def default_rect(available: QRect, frame: QSize | None = None) -> QRect:
    """The window's first geometry on a screen with `available` area (without the task bar):
    the preferred size or what fits with a margin, centred. `frame` is what the window
    system adds around the window (title bar, borders)."""
    frame = frame or QSize(0, 0)
    width = min(PREFERRED.width(), available.width() - frame.width() - 16)
    height = min(PREFERRED.height(), available.height() - frame.height() - 16)
    rect = QRect(0, 0, max(width, 640), max(height, 480))
    outer = QRect(QPoint(0, 0), rect.size() + frame)
    outer.moveCenter(available.center())
    rect.moveTopLeft(outer.topLeft() + QPoint(frame.width() // 2, frame.height()))
    return rect


def onto_screens(rect: QRect, screens: Sequence[QRect]) -> QRect:
    """`rect` if some screen shows enough of its top edge (where the title bar is) to grab
    it; otherwise moved onto the first screen, shrunk to fit it where needed."""
    if not screens:
        return rect
    grip = QRect(rect.topLeft(), QSize(rect.width(), REACHABLE.height()))
    for screen in screens:
        seen = screen.intersected(grip)
        if seen.width() >= min(REACHABLE.width(), rect.width()) and seen.height() > 0:
            return rect
    target = screens[0]
    fitted = QRect(
        QPoint(0, 0),
        QSize(min(rect.width(), target.width()), min(rect.height(), target.height())),
    )
    fitted.moveCenter(target.center())
    return fitted


def available_screens() -> list[QRect]:
    """The available areas of all screens, the primary one first."""
    primary = QGuiApplication.primaryScreen()
    screens = [s for s in QGuiApplication.screens() if s is not primary]
    return [s.availableGeometry() for s in ([primary] if primary else []) + screens]


class WindowState:
    """Saves the window's state when it closes and puts it back when it is first shown."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.enabled = True  # off for screenshots: they neither read nor write the settings
        self._splitters_pending: dict[str, QByteArray] = {}

    @staticmethod
    def settings() -> QSettings:
        return QSettings(ORGANISATION, APPLICATION)

    def splitters(self) -> dict[str, QSplitter]:
        """Every splitter of every pane, by a name that stays the same between starts."""
        found: dict[str, QSplitter] = {}
        for name, pane in self.window.panes.items():
            for number, splitter in enumerate(pane.findChildren(QSplitter)):
                found[f"{name}/{splitter.objectName() or number}"] = splitter
        return found

    def save(self) -> None:
        if not self.enabled:
            return
        window = self.window
        settings = self.settings()
        settings.setValue("window/geometry", window.saveGeometry())
        settings.setValue("window/state", window.saveState())
        settings.setValue("window/pane", window.current_pane())
        settings.setValue("chart/ibcs", window.action_ibcs.isChecked())
        for name, splitter in self.splitters().items():
            # A splitter whose saved state waits for the first figures keeps that state.
            state = self._splitters_pending.get(name) or splitter.saveState()
            settings.setValue(f"splitters/{name}", state)
        settings.sync()

    def restore(self) -> None:
        """Geometry and pane now; the splitters once the figures are shown (the panes size
        them to their contents when the first figures arrive)."""
        window = self.window
        if not self.enabled:
            return
        settings = self.settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
            if not window.isMaximized() and not window.isFullScreen():
                rect = onto_screens(window.geometry(), available_screens())
                if rect != window.geometry():
                    window.setGeometry(rect)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            window.restoreState(state)
        pane = settings.value("window/pane")
        if isinstance(pane, str) and pane in window.panes:
            window.show_pane(pane)
        ibcs = settings.value("chart/ibcs")
        window.action_ibcs.setChecked(ibcs is True or ibcs == "true")
        self._splitters_pending = {}
        for name in self.splitters():
            saved = settings.value(f"splitters/{name}")
            if isinstance(saved, QByteArray) and not saved.isEmpty():
                self._splitters_pending[name] = saved
        if window.snapshot is not None:
            self.restore_splitters()

    def restore_splitters(self) -> None:
        if not self._splitters_pending:
            return  # restored already (`loaded` follows every edit, too)
        pending, self._splitters_pending = self._splitters_pending, {}
        for name, splitter in self.splitters().items():
            if name in pending:
                splitter.restoreState(pending[name])
