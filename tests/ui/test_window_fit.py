"""The window on an office laptop: it opens at a size that fits 1366×768, shows the
status bar and the chart's legend there, gives the chart at least a third of its height,
and remembers size, position, pane and splitters (back onto a screen if need be)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import QStatusBar
from pytestqt.qtbot import QtBot

from aipdesk.app import build_main_window
from aipdesk.ui.main_window import MainWindow
from aipdesk.ui.window_state import APPLICATION, ORGANISATION, default_rect, onto_screens

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel task bar


def open_window(path: Path, qtbot: QtBot) -> MainWindow:
    window = build_main_window(str(path), user="tester")
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.show()
    return window


def inside(inner: QRect, outer: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


def test_the_first_size_fits_a_laptop_screen() -> None:
    rect = default_rect(LAPTOP, QSize(0, 32))
    # 1280 wide (the preferred width fits); 728 - 32 (title bar) - 16 (margin) = 680 high.
    assert (rect.width(), rect.height()) == (1280, 680)
    # With its title bar (32 above the window's contents) it lies inside the screen.
    assert inside(rect.adjusted(0, -32, 0, 0), LAPTOP)
    assert rect.top() == 40  # (728 - 712) / 2 + 32
    big = default_rect(QRect(0, 0, 1920, 1040), QSize(0, 32))
    assert (big.width(), big.height()) == (1280, 800)
    assert big.adjusted(0, -32, 0, 0).center() == QRect(0, 0, 1920, 1040).center()


def test_minimum_size_and_what_shows_at_1366x768(window: MainWindow, qtbot: QtBot) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= 1340 and hint.height() <= 700
    window.resize(1366, 768)
    window.dashboard.chart.draw_pending()
    qtbot.waitUntil(lambda: window.dashboard.chart.is_drawn)
    qtbot.wait(1)  # a layout pass for the new size
    status = window.findChild(QStatusBar)
    assert status is not None and status.isVisible()
    assert inside(status.geometry(), window.rect())
    chart = window.dashboard.chart
    # The chart has at least a third of the window's height, and its legend is inside it.
    assert chart.height() >= 768 / 3
    view = chart.view
    legend = chart.legend.mapRectToScene(chart.legend.boundingRect())
    assert legend.height() > 0 and view.sceneRect().contains(legend)
    assert chart.legend.isVisible() and len(chart.legend.items) >= 3
    # The value axis' title fits the plot's height (not cut): LZB's name is too long, so
    # it says what is counted.
    axis = chart.plot_item.getAxis("left")
    assert axis.labelText == "Bestand"
    assert chart.fontMetrics().horizontalAdvance(axis.labelText) < axis.height()


def test_toolbar_fits_without_overflow(window: MainWindow) -> None:
    from PySide6.QtWidgets import QToolBar, QToolButton

    window.resize(1366, 768)
    bar = window.findChild(QToolBar, "headerBar")
    assert bar is not None
    assert bar.sizeHint().width() < 1000
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()


def test_a_position_off_every_screen_is_moved_back() -> None:
    screens = [QRect(0, 0, 1366, 728), QRect(1366, 0, 1920, 1040)]
    on_second = QRect(2000, 100, 1200, 700)
    assert onto_screens(on_second, screens) == on_second
    # The second monitor is gone: the window comes back onto the first, shrunk to fit.
    moved = onto_screens(on_second, screens[:1])
    assert inside(moved, screens[0])
    assert (moved.width(), moved.height()) == (1200, 700)
    too_big = onto_screens(QRect(-3000, -2000, 1600, 900), screens[:1])
    assert (too_big.width(), too_big.height()) == (1366, 728) and inside(too_big, screens[0])
    # Title bar above the screen's top edge: it could not be grabbed, so it moves too.
    assert inside(onto_screens(QRect(100, -300, 800, 600), screens[:1]), screens[0])


def test_size_position_pane_and_splitter_are_remembered(
    demo_template: Path, tmp_path: Path, qtbot: QtBot, settings_folder: Path
) -> None:
    path = tmp_path / "remember.sqlite"
    shutil.copy(demo_template, path)
    first = open_window(path, qtbot)
    # The test screen is 800×800 (offscreen); test_window_on_a_laptop_screen has 1366×768.
    first.setGeometry(0, 30, 808, 640)
    qtbot.wait(1)  # a layout pass at that size
    splitter = first.dashboard.splitter
    splitter.setSizes([150, 350])
    qtbot.wait(1)
    sizes = splitter.sizes()
    first.show_pane("targets")
    geometry = first.geometry()
    first.close()
    assert QSettings(ORGANISATION, APPLICATION).value("window/pane") == "targets"
    assert any(settings_folder.rglob("*.conf")), "settings outside the test's folder"

    second = open_window(path, qtbot)
    assert second.current_pane() == "targets"
    # Qt nudges an 808-wide window on the 800-wide test screen; the exact position is
    # checked on a 1366×768 screen below.
    assert second.geometry().size() == geometry.size()
    assert abs(second.geometry().x() - geometry.x()) <= 8
    assert second.geometry().y() == geometry.y()
    second.show_pane("dashboard")
    qtbot.wait(1)
    assert second.dashboard.splitter.sizes() == sizes
    second.close()


def test_a_saved_position_off_all_screens_is_brought_back(
    demo_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "off.sqlite"
    shutil.copy(demo_template, path)
    first = open_window(path, qtbot)
    first.setGeometry(5000, 4000, 700, 500)  # a monitor that is not there any more
    first.close()
    second = open_window(path, qtbot)
    screen = second.screen().availableGeometry()
    assert screen.intersects(second.geometry())
    assert screen.contains(second.geometry().topLeft())
    second.close()


def test_the_chart_gets_at_least_half_of_the_splitter(window: MainWindow) -> None:
    table, chart = window.dashboard.splitter.sizes()
    assert chart >= table


LAPTOP_SCRIPT = r"""
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from aipdesk.app import build_main_window
from aipdesk.ui.application import wait_until_loaded

def opened():
    window = build_main_window(sys.argv[1], user="tester")
    window.show()
    assert wait_until_loaded(window)
    QApplication.processEvents()
    return window

out = {}
first = opened()
out["screen"] = list(first.screen().availableGeometry().getRect())
out["first"] = list(first.geometry().getRect())
out["frame"] = list(first.frameGeometry().getRect())
first.setGeometry(60, 50, 1100, 620)
first.show_pane("training")
first.close()
second = opened()
out["second"] = list(second.geometry().getRect())
out["pane"] = second.current_pane()
second.setGeometry(2500, 1400, 1100, 620)  # on a monitor unplugged since
second.close()
third = opened()
out["third"] = list(third.geometry().getRect())
third.close()
print(json.dumps(out))
"""


@pytest.mark.slow
def test_window_on_a_laptop_screen(demo_template: Path, tmp_path: Path) -> None:
    """In a process of its own with a 1366×768 virtual screen: the first size fits it,
    size, position and pane come back, a position off the screen is moved onto it."""
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    path = tmp_path / "laptop.sqlite"
    shutil.copy(demo_template, path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", LAPTOP_SCRIPT, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    laptop = QRect(*out["screen"])
    assert laptop == QRect(0, 0, 1366, 768)
    first = QRect(*out["first"])
    assert inside(first, laptop) and first.width() <= 1366 and first.height() <= 768 - 32
    assert out["second"] == [60, 50, 1100, 620]
    assert out["pane"] == "training"
    third = QRect(*out["third"])
    assert inside(third, laptop)
    assert (third.width(), third.height()) == (1100, 620)
