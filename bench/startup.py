"""Start-up to the first painted main window, as a ratio to a bare PySide6 window.

Both are started as fresh processes, alternately, side by side in one run, so that
the noisy shared machine affects both alike; the figure is the ratio of medians.
Goal (issue 3): ratio <= 3.0. Writes a section of bench/RESULTS.md.

    .venv/bin/python bench/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo, for bench.results
from bench.results import write_section

# Each child ends the moment its window has painted once (os._exit: no teardown, no
# waiting for aipdesk's loader thread), so wall time is start-up to first paint.
BARE = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
watcher = Painted()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

AIPDESK = r"""
import os, sys
# As the `aipdesk` entry point does: the window first; the database stack is
# imported by the loader thread after the first paint.
from aipdesk.ui.application import build
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False

window = build(sys.argv[1])
watcher = Painted()
window.installEventFilter(watcher)
window.show()
QApplication.instance().exec()
"""

LOADED = AIPDESK.replace(
    "window.installEventFilter(watcher)\n",
    "window.loaded.connect(lambda: os._exit(0))\n",
)


def timed(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules load from .pyc
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    # An installed aipdesk has its bytecode compiled (pip does it); so does this checkout.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(__file__).parents[1] / "aipdesk")],
        check=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.sqlite")
        subprocess.run(
            [sys.executable, "-m", "aipdesk", "demo", "--db", db],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        timed(BARE)  # warm the file cache for both
        timed(AIPDESK, db)
        bare, ours, loaded = [], [], []
        for _ in range(args.runs):
            bare.append(timed(BARE))
            ours.append(timed(AIPDESK, db))
            loaded.append(timed(LOADED, db))
    ratio = statistics.median(ours) / statistics.median(bare)
    lines = [
        f"- Runs: {args.runs} of each, alternating; medians of whole-process wall time "
        "from start to the first paint of the window (modules loaded from compiled .pyc)",
        f"- Bare PySide6 QMainWindow, first paint: {statistics.median(bare):.3f} s",
        f"- aipdesk main window on the demo database, first paint: {statistics.median(ours):.3f} s",
        f"- aipdesk, figures loaded and shown: {statistics.median(loaded):.3f} s",
        f"- **Ratio first paint aipdesk ÷ bare: {ratio:.2f}** (goal ≤ 3.0: "
        f"{'met' if ratio <= 3.0 else 'missed'})",
        f"- All runs bare (s): {', '.join(f'{x:.3f}' for x in bare)}",
        f"- All runs aipdesk (s): {', '.join(f'{x:.3f}' for x in ours)}",
        "- Repeat: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py`",
    ]
    print("\n".join(lines))
    write_section("Start-up to the first painted window (`bench/startup.py`)", lines)


if __name__ == "__main__":
    main()
