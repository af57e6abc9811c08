"""Speed and memory of the Excel export: the demo year and a year of 100,000 monthly values.

Goals (issue "Export: the workbook"): demo year <= 1 s; a year with 100,000
monthly values <= 10 s and < 300 MB peak memory. Each export runs in a fresh
child process, which reports its wall time and its peak resident memory
(`ru_maxrss`, the whole process: Python, SQLAlchemy, openpyxl and the data); one
more child runs under `tracemalloc` for the Python allocations alone. Writes a
section of bench/RESULTS.md.

    .venv/bin/python bench/export_speed.py [--runs 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo, for bench.results

TOTAL = 100_000
PROJECTS = 160
METRICS = 52  # 160 projects x 52 metrics x 12 months = 99,840 values, plus the demo's
TITLE = "Excel export (`bench/export_speed.py`)"


def build_large(path: Path) -> int:
    """Demo data plus synthetic projects: the year 2021 holds 100,000 monthly values."""
    from sqlalchemy import func, insert, select

    from aipdesk.domain.model import Metric, MetricKind, Project
    from aipdesk.domain.months import Month
    from aipdesk.services.base import Actor
    from aipdesk.services.demo import load_demo
    from aipdesk.services.projects import add_metric, add_project
    from aipdesk.services.targets import set_target
    from aipdesk.store.database import open_database
    from aipdesk.store.models import ValueRow
    from aipdesk.store.queries import load_catalog

    db = open_database(path)
    actor = Actor("bench", "bench")
    load_demo(db, actor, 2021)
    metrics = [f"m{number:02d}" for number in range(METRICS)]
    for number, code in enumerate(metrics):
        kind = MetricKind.STOCK if number % 5 == 4 else MetricKind.FLOW
        add_metric(db, actor, Metric(code, f"Kennzahl {number:02d} (synthetisch)", kind))
    for number in range(PROJECTS):
        code = f"P{number:03d}"
        add_project(db, actor, Project(code, f"Projekt {number:03d}"), tuple(metrics))
        set_target(db, actor, code, metrics[0], Month(2021, 1), Month(2021, 12), 1_200)
    with db.read() as session:
        have = session.scalar(
            select(func.count()).select_from(ValueRow).where(ValueRow.year == 2021)
        )
        catalog = load_catalog(session)
    needed = TOTAL - (have or 0)
    start = datetime(2021, 1, 5, 8, 0, tzinfo=UTC)
    rows: list[dict[str, object]] = []
    for number in range(PROJECTS):
        for index, metric in enumerate(metrics):
            for month in range(1, 13):
                if len(rows) == needed:
                    break
                serial = len(rows)
                rows.append(
                    {
                        "project_id": catalog.project_ids[f"P{number:03d}"],
                        "metric_id": catalog.metric_ids[metric],
                        "year": 2021,
                        "month": month,
                        "value": 50 + (number * 7 + index * 3 + month) % 40,
                        "note": f"Hinweis {serial}: Abweichung erklärt"
                        if serial % 97 == 0
                        else None,
                        "version": 1,
                        "updated_by": f"team{number % 12:02d}",
                        "updated_at": start
                        + timedelta(days=31 * (month - 1), minutes=serial % 600),
                    }
                )
    with db.write() as session:
        session.execute(insert(ValueRow), rows)
    with db.read() as session:
        count = session.scalar(
            select(func.count()).select_from(ValueRow).where(ValueRow.year == 2021)
        )
    db.close()
    return int(count or 0)


def build_demo(path: Path) -> int:
    from aipdesk.services.base import Actor
    from aipdesk.services.demo import load_demo
    from aipdesk.services.views import year_cells
    from aipdesk.store.database import open_database

    db = open_database(path)
    load_demo(db, Actor("bench", "bench"), 2021)
    count = len(year_cells(db, 2021))
    db.close()
    return count


def child(db_path: str, out: str, trace: bool) -> None:
    """One export in this process: print its seconds, peak memory and the result."""
    import tracemalloc

    start = time.perf_counter()
    from aipdesk.exchange.export import export_workbook
    from aipdesk.services.database import open_database

    imports = time.perf_counter() - start

    db = open_database(db_path)
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    result = export_workbook(db, 2021, None, Path(out))
    seconds = time.perf_counter() - start
    traced = tracemalloc.get_traced_memory()[1] if trace else 0
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {
                "seconds": seconds,
                "imports": imports,
                "maxrss_mb": maxrss_kb / 1024,
                "traced_mb": traced / 2**20,
                "rows": result.rows_in_daten,
                "sheets": len(result.sheets),
                "bytes": os.path.getsize(out),
            }
        )
    )


def measure(db: Path, out: Path, trace: bool = False) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(db), str(out)]
    if trace:
        command.append("--trace")
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("DB", "OUT"))
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.trace)
        return
    xml = "lxml installed" if importlib.util.find_spec("lxml") else "without lxml"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo_count = build_demo(folder / "demo.sqlite")
        start = time.perf_counter()
        large_count = build_large(folder / "large.sqlite")
        build_seconds = time.perf_counter() - start
        results = {}
        for name in ("demo", "large"):
            runs = [
                measure(folder / f"{name}.sqlite", folder / f"{name}.xlsx")
                for _ in range(args.runs)
            ]
            traced = measure(folder / f"{name}.sqlite", folder / f"{name}-traced.xlsx", trace=True)
            results[name] = (runs, traced)
    lines = [f"- openpyxl write-only mode, {xml}; each export in a fresh child process"]
    goals = {"demo": (1.0, None), "large": (10.0, 300.0)}
    counts = {"demo": demo_count, "large": large_count}
    for name, (runs, traced) in results.items():
        median = statistics.median(r["seconds"] for r in runs)
        peak = max(r["maxrss_mb"] for r in runs)
        time_goal, memory_goal = goals[name]
        verdict = "met" if median <= time_goal else "missed"
        memory = f"peak RSS of the process {peak:.0f} MB"
        if memory_goal is not None:
            memory += f" (goal < {memory_goal:.0f} MB: {'met' if peak < memory_goal else 'missed'})"
        what = (
            f"AIP 2021 demo, {counts[name]:,} monthly values"
            if name == "demo"
            else f"{counts[name]:,} monthly values in 2021 ({PROJECTS} synthetic projects × "
            f"{METRICS} metrics besides the demo, {PROJECTS} extra targets and charts; "
            f"database built in {build_seconds:.1f} s)"
        )
        each = ", ".join(f"{r['seconds']:.2f}" for r in runs)
        lines += [
            f"- {what}: {int(runs[0]['sheets'])} sheets, {int(runs[0]['rows']):,} `Daten` rows, "
            f"{size(runs[0]['bytes'])} file; importing the export module took "
            f"{statistics.median(r['imports'] for r in runs):.2f} s more",
            f"  - **median {median:.2f} s** of {len(runs)} (goal ≤ {time_goal:g} s: {verdict}); "
            f"runs {each} s",
            f"  - {memory}; Python allocations at peak (tracemalloc) {traced['traced_mb']:.0f} MB",
        ]
    lines.append("- Repeat: `.venv/bin/python bench/export_speed.py`")
    print("\n".join(lines))
    write_section_safely(lines)


def size(count: float) -> str:
    return f"{count / 2**20:.1f} MB" if count >= 2**20 else f"{count / 1024:.0f} KB"


def write_section_safely(lines: list[str]) -> None:
    from bench.results import write_section

    write_section(TITLE, lines)


if __name__ == "__main__":
    main()
