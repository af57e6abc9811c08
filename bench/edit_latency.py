"""Time from a grid edit to the dashboard, the grids and the chart showing it, and the SQL
statements one edit costs, at 40 and 400 projects with 1,000 and 100,000 values in the
year shown.

The edit goes through the real path: GridModel.setData -> GridPane -> operation on the
database worker (one transaction, change log) -> Changes -> main window -> dashboard,
grids, chart. Goal: median <= 16 ms (one frame at 60 Hz), and neither the statements
per edit nor the time grow with the number of projects or values. Each configuration
runs in a process of its own; the databases are built with bulk inserts and cached in
/tmp. Writes a section of bench/RESULTS.md.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/edit_latency.py [--edits 41]
    ... --compare 42163c4                (the same edits on another commit, side by side)
    ... --only 40x1000 --no-write        (one configuration, figures on stdout)

With --compare, the other commit is checked out once into a worktree under /tmp and
each configuration runs there and here in turn (same script, same databases), so the
two columns are measured under the same load.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parents[1]
# The checkout whose aipdesk is measured: this one, or another commit's (--compare).
REPO = Path(os.environ.get("AIPDESK_BENCH_REPO", HERE))
sys.path.insert(0, str(HERE))  # for bench.results
sys.path.insert(0, str(REPO))

GOAL_MS = 16.0
CONFIGS = [(40, 1_000), (40, 100_000), (400, 1_000), (400, 100_000)]
YEAR = 2021


def build(path: Path, projects: int, values: int) -> dict[str, int]:
    """The AIP 2021 demo plus `projects` synthetic projects, each with two targets and as
    many metrics as it takes to hold `values` monthly values in the year shown (and the
    same again in the year before, for the previous-year and rolling figures)."""
    from sqlalchemy import func, insert, select

    from aipdesk.services.base import Actor
    from aipdesk.services.demo import load_demo
    from aipdesk.store.database import open_database
    from aipdesk.store.models import (
        MetricRow,
        ProjectMetricRow,
        ProjectRow,
        TargetRow,
        ValueRow,
    )
    from aipdesk.store.queries import bump_catalog_version

    db = open_database(path)
    load_demo(db, Actor("bench", "bench"), YEAR)
    per_project = max(1, values // (projects * 12))
    months = 12 if values >= projects * 12 else max(1, values // projects)
    stamp = datetime.now(UTC)
    with db.write() as session:
        top = session.scalar(select(func.max(MetricRow.position))) or 0
        metric_ids = []
        for number in range(per_project):
            row = MetricRow(
                code=f"m{number:03d}",
                name=f"Kennzahl {number}",
                kind="flow",
                direction="up",
                area="integration",
                unit="",
                green_pct=100.0,
                amber_pct=90.0,
                description="",
                position=top + 1 + number,
            )
            session.add(row)
            session.flush()
            metric_ids.append(row.id)
        top_project = session.scalar(select(func.max(ProjectRow.position))) or 0
        rows, tracking, targets = [], [], []
        for number in range(projects):
            project = ProjectRow(
                code=f"P{number:03d}",
                name=f"Projekt {number}",
                description="",
                active=True,
                position=top_project + 1 + number,
            )
            session.add(project)
            session.flush()
            for position, mid in enumerate(metric_ids):
                tracking.append({"project_id": project.id, "metric_id": mid, "position": position})
                for year in (YEAR - 1, YEAR):
                    for month in range(1, months + 1):
                        rows.append(
                            {
                                "project_id": project.id,
                                "metric_id": mid,
                                "year": year,
                                "month": month,
                                "value": 10 + (number + position + month) % 7,
                                "note": None,
                                "version": 1,
                                "updated_by": "bench",
                                "updated_at": stamp,
                            }
                        )
            for mid in metric_ids[:2]:
                targets.append(
                    {
                        "project_id": project.id,
                        "metric_id": mid,
                        "first_year": YEAR,
                        "first_month": 1,
                        "last_year": YEAR,
                        "last_month": 12,
                        "value": 150.0,
                        "origin": "user",
                        "version": 1,
                        "updated_by": "bench",
                        "updated_at": stamp,
                    }
                )
        session.execute(insert(ProjectMetricRow), tracking)
        session.execute(insert(TargetRow), targets)
        for start in range(0, len(rows), 50_000):
            session.execute(insert(ValueRow), rows[start : start + 50_000])
        bump_catalog_version(session)
    with db.read() as session:
        in_year = session.scalar(
            select(func.count()).select_from(ValueRow).where(ValueRow.year == YEAR)
        )
        targets_in_year = session.scalar(select(func.count()).select_from(TargetRow))
    db.close()
    return {"values_in_year": int(in_year or 0), "targets": int(targets_in_year or 0)}


def measure(projects: int, values: int, edits: int) -> dict[str, object]:
    """One configuration in this process: the window on its database, `edits` edits."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from aipdesk.ui.application import build as build_window
    from aipdesk.ui.application import wait_until_loaded
    from aipdesk.ui.models.grid_model import FIRST_MONTH

    # One database per checkout: each builds its own (the same rows) with its own schema,
    # as an older commit cannot open a file a newer one has migrated.
    checkout = "" if REPO == HERE else f"-{REPO.name}"
    path = Path(f"/tmp/aipdesk-bench-edit-{projects}x{values}{checkout}.sqlite")
    facts_file = path.with_suffix(".json")
    if not path.exists() or not facts_file.exists():
        for stale in path.parent.glob(path.name + "*"):
            stale.unlink()
        facts_file.write_text(json.dumps(build(path, projects, values)))
    facts = json.loads(facts_file.read_text())
    # As `aipdesk` starts the window (aipdesk.cli.main): no collections until the figures
    # are shown, then what start-up made is frozen out of every later collection.
    gc.disable()
    window = build_window(str(path))
    window.resize(1440, 900)
    window.show()
    assert wait_until_loaded(window)
    gc.freeze()
    gc.enable()
    window.dashboard.select("NEUSTART", "integrations")
    table = window.dashboard.table
    table.scrollTo(table.currentIndex())  # the row the edit changes is on screen
    QApplication.processEvents()
    model = window.integrations.model
    row = model.find("NEUSTART", "integrations")
    assert row is not None
    # The report month: an edit there moves the figures in the table and the chart (a
    # later month, with 400 projects reporting two months, would change neither).
    assert window.snapshot is not None
    month = window.snapshot.report_month.month - 1
    index = model.index(row, FIRST_MONTH + month)
    statements: list[int] = []
    counted = [0]

    def count(*_args: object) -> None:
        counted[0] += 1

    event.listen(window.backend.db.engine, "before_cursor_execute", count)
    # Each edit is timed until the dashboard's table and chart have painted it (a paint
    # event of each).
    painted: set[object] = set()

    class Paints(QObject):
        def eventFilter(self, watched: QObject, ev: QEvent) -> bool:
            if ev.type() == QEvent.Type.Paint:
                painted.add(watched)
            return False

    # (The table only where the row is on screen: an older commit gave it no room.)
    row_shown = table.visualRect(table.currentIndex()).intersects(table.viewport().rect())
    screens = {window.dashboard.chart.view.viewport()}
    if row_shown:
        screens.add(table.viewport())
    paints = Paints()
    for widget in screens:
        widget.installEventFilter(paints)
    timings, cpu = [], []
    before = window.dashboard.chart.data
    base = 50 if before is not None and before.monthly[month] == 40 else 40  # left by a last run
    for edit in range(edits):
        value = base + edit % 2  # alternate, so every edit changes the value
        counted[0] = 0
        painted.clear()
        start, used = time.perf_counter(), time.process_time()
        assert model.setData(index, str(value))
        QApplication.processEvents()  # the refresh and the repaint of table and chart
        while painted != screens:  # not on screen yet (a refresh still under way)
            assert time.perf_counter() - start < 30, "the edit was never painted"
            QApplication.processEvents()
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - used)
        statements.append(counted[0])
        shown = window.dashboard.chart.data
        assert shown is not None and shown.monthly[month] == value
    event.remove(window.backend.db.engine, "before_cursor_execute", count)
    window.close()
    return {
        "projects": projects,
        "values": values,
        **facts,
        "median_ms": statistics.median(timings) * 1000,
        "min_ms": min(timings) * 1000,
        "max_ms": max(timings) * 1000,
        "cpu_ms": statistics.median(cpu) * 1000,
        "statements": statistics.median(statements),
        "row_shown": row_shown,
        "edits": edits,
    }


def _checkout(rev: str) -> Path:
    """A worktree of `rev` under /tmp, made once."""
    commit = subprocess.run(
        ["git", "-C", str(HERE), "rev-parse", "--short", rev],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    path = Path(f"/tmp/aipdesk-bench-rev-{commit}")
    if not path.exists():
        subprocess.run(
            ["git", "-C", str(HERE), "worktree", "add", "--detach", str(path), commit],
            capture_output=True,
            check=True,
        )
    return path


def _run(config: str, edits: int, repo: Path | None) -> dict[str, object]:
    env = dict(os.environ)
    if repo is not None:
        env["AIPDESK_BENCH_REPO"] = str(repo)
    run = subprocess.run(
        [sys.executable, __file__, "--only", config, "--edits", str(edits)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result: dict[str, object] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=41)
    parser.add_argument("--only", help="one configuration, e.g. 40x1000, in this process")
    parser.add_argument("--compare", metavar="REV", help="also measure this commit, in turn")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.only:
        projects, values = (int(x) for x in args.only.split("x"))
        print(json.dumps(measure(projects, values, args.edits)))
        return
    other = _checkout(args.compare) if args.compare else None
    results, before = [], []
    for projects, values in CONFIGS:
        config = f"{projects}x{values}"
        if other is not None:
            before.append(_run(config, args.edits, other))
            print("before", before[-1], flush=True)
        results.append(_run(config, args.edits, None))
        print(results[-1], flush=True)
    lines = [
        "- Path: GridModel.setData of NEUSTART in the report month -> operation on the "
        "database worker -> refresh of the figures from the written cells -> dashboard, "
        "grids and chart processed (`QApplication.processEvents`), timed until the "
        "dashboard's table and chart have painted the edit (a paint event of each inside "
        "the measured time; the table only where the edited row is on screen)",
        f"- {args.edits} edits per configuration, each configuration in a process of its own",
        "",
        "- CPU: the median processor time of an edit, all threads of the process (window "
        "and database worker); unlike the elapsed time it hardly depends on other jobs",
        "",
        "| projects | values in 2021 | targets | median | min | max | CPU | "
        "SQL statements per edit |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['projects']} | {r['values_in_year']:,} | {r['targets']:,} | "
            f"**{r['median_ms']:.1f} ms** | {r['min_ms']:.1f} ms | {r['max_ms']:.1f} ms | "
            f"{r['cpu_ms']:.1f} ms | {r['statements']:.0f} |"
        )
    hidden = [
        f"{r['projects']}×{r['values']:,}{f' ({args.compare})' if r in before else ''}"
        for r in [*results, *before]
        if not r["row_shown"]
    ]
    worst = max(float(str(r["median_ms"])) for r in results)
    lines += [
        "",
        "- The edited row was on screen in the dashboard's table, and painted, in every run"
        if not hidden
        else "- The edited row was not on screen in the dashboard's table (only the chart "
        f"painted) in: {', '.join(hidden)}",
        "",
        f"- Goal median ≤ {GOAL_MS:.0f} ms in every configuration: "
        f"{'met' if worst <= GOAL_MS else 'missed'} (worst median {worst:.1f} ms)",
    ]
    if before:
        lines += [
            "",
            f"Before and after, measured in turn in one run (before: commit {args.compare}):",
            "",
            "| projects | values in 2021 | before: median | CPU | statements | after: median | "
            "CPU | statements | before ÷ after |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for b, a in zip(before, results, strict=True):
            ratio = float(str(b["median_ms"])) / float(str(a["median_ms"]))
            lines.append(
                f"| {a['projects']} | {a['values_in_year']:,} | {b['median_ms']:.1f} ms | "
                f"{b['cpu_ms']:.1f} ms | {b['statements']:.0f} | {a['median_ms']:.1f} ms | "
                f"{a['cpu_ms']:.1f} ms | {a['statements']:.0f} | {ratio:.1f}× |"
            )
    lines += [
        "",
        "- Repeat: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/edit_latency.py "
        + (f"--compare {args.compare}" if args.compare else "")
        + "` (databases cached as /tmp/aipdesk-bench-edit-*.sqlite)",
    ]
    print("\n".join(lines))
    if not args.no_write:
        from bench.results import write_section

        write_section("Edit to dashboard and chart (`bench/edit_latency.py`)", lines)


if __name__ == "__main__":
    main()
