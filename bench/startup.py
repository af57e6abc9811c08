"""Start-up of the window and exit of a command, as ratios to a bare PySide6 window.

Every figure is the wall time of a fresh process, from its start until:

- *bare, first paint*: a bare QMainWindow has painted once (the process ends there);
- *bare, whole run*: the same window shows itself, paints and the process exits normally;
- *first paint*: aipdesk's main window on the demo database has painted once;
- *figures on screen*: the dashboard table has painted the figures of the first snapshot;
  on a warm start (the everyday case: the second start on an unchanged database) these
  are the figures of the start-up cache (``aipdesk.services.startcache``), and the run
  fails if they were not; the *cold start* row has the cache switched off
  (``AIPDESK_NO_START_CACHE=1``), the figures wait for SQLAlchemy and the database;
- *chart on screen*: the progress chart has painted its plot (it may follow the figures;
  it waits for the database read);
- *screenshot run*: ``aipdesk --screenshot PNG`` whole (the PNG holds figures and chart);
- *status run*: ``aipdesk status --year 2021 --json`` whole.

All are started alternately, side by side in one run, so that the noisy shared machine
affects all alike; figures are medians, every run is listed too. The goal: the figures on
screen within 3× the bare window's whole run (the chart may follow a moment later); also
shown, first paint against the bare first paint. With ``--baseline DIR`` (a source tree of
an earlier aipdesk, e.g. ``git archive main | tar -x -C DIR``) the same processes run for
that tree too, alternating with this one, for a before/after table.
Writes a section of bench/RESULTS.md.

    .venv/bin/python bench/startup.py [--runs 11] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo, for bench.results
from bench.results import write_section

ROOT = Path(__file__).resolve().parents[1]

BARE = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

whole = sys.argv[1] == "whole"

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit if whole else lambda: os._exit(0))
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
watcher = Painted()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""

# The `aipdesk` program (its `run`, or `main` where there is none) with a watch on the
# window it builds; the process ends (os._exit: no teardown, no waiting for the loader
# thread) with the first event after the paint measured, i.e. once that paint is done
# (a timer would also wait for whatever else was queued, such as building the chart).
AIPDESK = r"""
import os, sys

db, until = sys.argv[1:3]
warm = until == "figures" and not os.environ.get("AIPDESK_NO_START_CACHE")
until = "figures" if until.startswith("figures") else until
sys.argv = ["aipdesk", "--db", db]
import aipdesk.cli.main
cli = sys.modules["aipdesk.cli.main"]  # the package's `main` is the function of that name

def watched(window):
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QTableView

    table = window.findChild(QTableView, "dashboardTable").viewport()

    class Watch(QObject):
        loaded = False
        cached = False
        done = False

        def eventFilter(self, obj, event):
            if self.done:  # the first event after that paint: it is finished
                # A warm start that did not show the cache's figures is not measured.
                os._exit(3 if warm and hasattr(window, "cache_shown") and not self.cached else 0)
            if event.type() == QEvent.Type.Paint and self.reached(obj):
                self.done = True
            return False

        def reached(self, obj):
            if until == "paint":
                return obj is window
            if until == "figures":
                return self.loaded and obj is table
            chart = window.dashboard.chart
            return self.loaded and chart.is_drawn and obj is chart.view.viewport()

    window.watch = Watch()
    QApplication.instance().installEventFilter(window.watch)
    window.loaded.connect(lambda: setattr(window.watch, "loaded", True))
    if hasattr(window, "cache_shown"):  # the figures of the start-up cache count too
        def cached():
            window.watch.loaded = window.watch.cached = True
        window.cache_shown.connect(cached)
    return window

run_gui = cli.run_gui

def run_watched(args):
    import aipdesk.ui.application as application

    build = application.build
    application.build = lambda *a, **k: watched(build(*a, **k))
    return run_gui(args)

cli.run_gui = run_watched
cli.run() if hasattr(cli, "run") else sys.exit(cli.main())
"""

SCENARIOS = {
    "bare_paint": "bare PySide6 window, first paint",
    "bare_run": "bare PySide6 window, whole run",
    "paint": "aipdesk, first paint",
    "figures": "aipdesk, figures on screen (warm start)",
    "figures_cold": "aipdesk, figures on screen (cold start: no cache)",
    "chart": "aipdesk, chart on screen",
    "screenshot": "aipdesk --screenshot, whole run",
    "status": "aipdesk status --json, whole run",
}


def command(scenario: str, db: str, png: str) -> list[str]:
    python = sys.executable
    if scenario.startswith("bare"):
        return [python, "-c", BARE, "whole" if scenario == "bare_run" else "paint"]
    if scenario in ("paint", "figures", "figures_cold", "chart"):
        return [python, "-c", AIPDESK, db, scenario]
    if scenario == "screenshot":
        return [python, "-m", "aipdesk", "--db", db, "--screenshot", png]
    return [python, "-m", "aipdesk", "status", "--db", db, "--year", "2021", "--json"]


def timed(args: list[str], tree: Path | None, cache: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one process; `tree`: the aipdesk source tree to run instead;
    `cache`: the user cache folder (XDG_CACHE_HOME) of the runs of that tree."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules load from .pyc
    env["XDG_CACHE_HOME"] = cache
    env.pop("AIPDESK_NO_START_CACHE", None)
    if args[-1] == "figures_cold":
        env["AIPDESK_NO_START_CACHE"] = "1"
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        args,
        check=True,
        env=env,
        cwd=tree or ROOT,  # `python -c`/`-m` put the working directory first on sys.path
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--baseline", type=Path, help="source tree of the aipdesk to compare")
    args = parser.parse_args()
    trees: dict[str, Path | None] = {"now": None}
    if args.baseline:
        trees = {"before": args.baseline.resolve(), "now": None}
    # An installed aipdesk has its bytecode compiled (pip does it); so do these trees.
    for tree in trees.values():
        folder = (tree or ROOT) / "aipdesk"
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=True)
    walls: dict[tuple[str, str], list[float]] = {}
    cpus: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.sqlite")
        png = str(Path(tmp) / "shot.png")
        subprocess.run(
            [sys.executable, "-m", "aipdesk", "demo", "--db", db],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        caches = {name: str(Path(tmp) / f"cache-{name}") for name in trees}
        # Warm the file cache for all; the chart runs store the start-up cache (its
        # runs read the database before they end) that the warm starts then show.
        for name, tree in trees.items():
            for scenario in ("chart", *SCENARIOS):
                timed(command(scenario, db, png), tree, caches[name])
        for _ in range(args.runs):
            for scenario in SCENARIOS:
                for name, tree in trees.items():
                    if scenario.startswith("bare") and name != "now":
                        continue  # the bare window is the same for both
                    wall, cpu = timed(command(scenario, db, png), tree, caches[name])
                    walls.setdefault((name, scenario), []).append(wall)
                    cpus.setdefault((name, scenario), []).append(cpu)
    lines = report(args.runs, list(trees), walls, cpus, args.baseline)
    print("\n".join(lines))
    write_section("Start-up to the first painted window (`bench/startup.py`)", lines)


def report(
    runs: int,
    names: list[str],
    walls: dict[tuple[str, str], list[float]],
    cpus: dict[tuple[str, str], list[float]],
    baseline: Path | None,
) -> list[str]:
    def wall(name: str, scenario: str) -> float:
        key = ("now", scenario) if scenario.startswith("bare") else (name, scenario)
        return statistics.median(walls[key])

    def cpu(name: str, scenario: str) -> float:
        key = ("now", scenario) if scenario.startswith("bare") else (name, scenario)
        return statistics.median(cpus[key])

    header = "| | " + " | ".join(
        f"{name}: wall (s) | {name}: ÷ bare run | {name}: CPU (s)" for name in names
    )
    rows = [header + " |", "|---" * (1 + 3 * len(names)) + "|"]
    for scenario, title in SCENARIOS.items():
        cells = []
        for name in names:
            ratio = wall(name, scenario) / wall(name, "bare_run")
            cells.append(f"{wall(name, scenario):.3f} | {ratio:.2f}× | {cpu(name, scenario):.3f}")
        rows.append(f"| {title} | " + " | ".join(cells) + " |")
    lines = [
        f"- Runs: {runs} of each process, alternating"
        + (" between the two trees" if len(names) > 1 else "")
        + "; medians of whole-process wall time and of its CPU time (user + system); "
        "modules loaded from compiled .pyc",
        *(
            [f"- before: the source tree {baseline} (run with PYTHONPATH); now: this checkout"]
            if baseline
            else []
        ),
        "",
        *rows,
        "",
    ]
    for name in names:
        first = wall(name, "paint") / wall(name, "bare_paint")
        figures = wall(name, "figures") / wall(name, "bare_run")
        cold = wall(name, "figures_cold") / wall(name, "bare_run")
        lines.append(
            f"- {name}: **first paint {first:.2f}× the bare first paint** (goal ≤ 3: "
            f"{'met' if first <= 3 else 'missed'}); **figures on screen {figures:.2f}× the "
            f"bare window's whole run** on a warm start (goal ≤ 3: "
            f"{'met' if figures <= 3 else 'missed'}); cold start (no start-up cache) "
            f"{cold:.2f}×"
        )
    lines.append("- All runs, wall (s), in the order they ran:")
    for scenario, title in SCENARIOS.items():
        for name in names:
            if scenario.startswith("bare") and name != "now":
                continue
            label = title if len(names) == 1 or scenario.startswith("bare") else f"{name}, {title}"
            runs_text = ", ".join(f"{w:.3f}" for w in walls[(name, scenario)])
            lines.append(f"  - {label}: {runs_text}")
    lines.append(
        "- Repeat: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py"
        + (" --baseline DIR` (DIR: `git archive REV | tar -x -C DIR`)" if baseline else "`")
    )
    return lines


if __name__ == "__main__":
    main()
