"""When the progress chart loads pyqtgraph and builds its plot: not on import, in the
background after it is first shown, after the figures when deferred, and run alone.

Helpers and the shipped German texts are those of tests/ui/test_chart.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from aipdesk.ui.chart import ProgressChart
from tests.ui.test_chart import GERMAN, ROOT, line, neustart


def test_first_show_loads_the_plot_in_the_background(qtbot: Any) -> None:
    chart = ProgressChart()
    qtbot.addWidget(chart)
    assert not chart.is_drawn
    chart.show()
    qtbot.waitUntil(lambda: chart.is_drawn)
    hint = chart.findChild(QLabel, "chartHint")
    assert hint is not None and hint.isVisible()  # no data yet: still the hint


def test_import_does_not_load_pyqtgraph() -> None:
    code = (
        "import sys\n"
        "import aipdesk.ui.chart as chart\n"
        "loaded = 'pyqtgraph' in sys.modules\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "widget = chart.ProgressChart()\n"
        "widget.set_data(None)\n"
        "print(loaded, 'pyqtgraph' in sys.modules, widget.is_drawn)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert result.stdout.split() == ["False", "False", "False"]


@pytest.mark.slow
def test_module_runs_alone_and_writes_a_screenshot(demo_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = [sys.executable, "-m", "aipdesk.ui.chart", str(demo_db.path), "--screenshot"]
    result = subprocess.run(
        [*run, str(out)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull() and image.width() >= 800

    result = subprocess.run(
        [*run, str(tmp_path / "no.png"), "--project", "NOPE"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1
    assert "NOPE" in result.stderr and not (tmp_path / "no.png").exists()


def test_closing_before_the_deferred_build_is_harmless(qtbot: Any) -> None:
    import shiboken6

    widget = ProgressChart()
    widget.show()  # schedules loading pyqtgraph for the next turn of the event loop
    shiboken6.delete(widget)
    qtbot.wait(20)  # an exception in the timer's slot would fail the test (conftest)


def test_a_deferred_first_drawing_waits_until_the_hint_has_been_painted(
    backend: Any, qtbot: Any
) -> None:
    chart = ProgressChart(preload=False)
    qtbot.addWidget(chart)
    chart.resize(900, 500)
    data = neustart(backend, 6)
    chart.set_data(data, defer=True)
    assert chart.data is data and chart.is_pending and not chart.is_drawn
    assert chart.hint.text() == "Diagramm wird geladen…"
    qtbot.wait(50)
    assert not chart.is_drawn  # not shown, not painted: nothing to wait for yet
    chart.show()
    qtbot.waitUntil(lambda: chart.is_drawn and not chart.is_pending, timeout=10_000)
    assert chart.view.isVisible() and not chart.hint.isVisible()
    assert line(chart.actual_item)[1] == [55, 112, 184, 243, 298, 355]
    # Once built, a deferred drawing is immediate; no data brings the hint back.
    chart.set_data(neustart(backend), defer=True)
    assert not chart.is_pending and line(chart.actual_item)[1][-1] == 734
    chart.set_data(None)
    assert chart.hint.text() == GERMAN["Select a target in the table to see its chart."]


def test_without_preload_showing_loads_nothing(qtbot: Any) -> None:
    chart = ProgressChart(preload=False)
    qtbot.addWidget(chart)
    chart.show()
    qtbot.wait(1800)  # longer than the preload's delay
    assert not chart.is_drawn
    chart.draw_pending()  # builds the plot, with nothing waiting to be drawn
    assert chart.is_drawn and chart.hint.isVisible()
