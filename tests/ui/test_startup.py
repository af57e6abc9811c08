"""Start-up: the figures first, the chart a moment later; the PySide6 import hook's check;
the screenshot with its chart; the program's exit (bench/startup.py has the figures)."""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from aipdesk.app import build_main_window
from aipdesk.ui.chart import ProgressChart
from aipdesk.ui.chart.look import IST_COLOR
from aipdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_the_figures_are_shown_before_the_chart_is_built(
    demo_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "window.sqlite"
    shutil.copy(demo_template, path)
    window = build_main_window(str(path), user="tester")
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    chart = window.findChild(ProgressChart, "progressChart")
    assert chart is window.dashboard.chart  # there from the start, for findChild
    seen: list[tuple[int, bool, bool, bool]] = []
    window.loaded.connect(
        lambda: seen.append(
            (
                window.dashboard.model.rowCount(),
                chart.data is not None,
                chart.is_pending,
                chart.is_drawn,
            )
        )
    )
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.show()
    # Figures in the table, the chart's data chosen, its plot not built yet.
    assert seen == [(14, True, True, False)]
    qtbot.waitUntil(lambda: chart.is_drawn and not chart.is_pending, timeout=20_000)
    assert chart.view.isVisible() and chart.data is not None
    assert chart.plot_item.titleLabel.text == chart.title() != ""
    window.close()


def test_the_table_is_painted_before_pyqtgraph_is_imported(demo_template: Path) -> None:
    code = r"""
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTableView
from aipdesk.ui.application import build

window = build(sys.argv[1])
table = window.findChild(QTableView, "dashboardTable").viewport()
seen = []

class Watch(QObject):
    def eventFilter(self, obj, event):
        if obj is table and event.type() == QEvent.Type.Paint and window.snapshot and not seen:
            seen.append("pyqtgraph" in sys.modules)
        return False

watch = Watch()
table.installEventFilter(watch)
window.show()
app = QApplication.instance()
while not window.dashboard.chart.is_drawn:
    app.processEvents()
print(seen, "pyqtgraph" in sys.modules)
window.close()
"""
    result = subprocess.run(
        [sys.executable, "-c", code, str(demo_template)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[False]", "True"]


def test_pyside_import_check_answers_as_pyside_does() -> None:
    """aipdesk.ui gives PySide6's import hook a quicker check with the same answers."""
    import aipdesk.ui  # noqa: F401

    check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert getattr(check, "aipdesk", False)

    def pyside_own(module: ModuleType) -> bool:  # what PySide6 6.11 does
        try:
            return "PySide6" in inspect.getsource(module)
        except (TypeError, OSError, SyntaxError):
            return False

    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    assert len(modules) > 300
    assert [m.__name__ for m in modules if check(m) != pyside_own(m)] == []
    assert check(sys.modules["aipdesk.ui.common"]) and not check(sys.modules["json"])


def test_the_screenshot_run_shows_the_chart_and_closes_the_database(
    demo_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "shot.sqlite"
    shutil.copy(demo_template, path)
    png = tmp_path / "dashboard.png"
    result = subprocess.run(
        [sys.executable, "-m", "aipdesk", "--db", str(path), "--screenshot", str(png)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dashboard.png", "shot.sqlite"]
    image = QImage(str(png))
    assert image.width() >= 1200
    # The chart fills the lower part: its Ist line (and points) in their colour.
    ist = QColor(IST_COLOR)
    lower = range(image.height() * 2 // 3, image.height(), 2)
    hits = sum(
        1 for y in lower for x in range(0, image.width(), 2) if image.pixelColor(x, y) == ist
    )
    assert hits > 50
