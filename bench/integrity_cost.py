"""What establishing a file's integrity costs, at 1,000,000 monthly values and on the demo.

The database of bench/status_scale.py (400 projects, 250 months, 120 MB; built once
and cached at --db). Measured in this process, warm cache, median of --runs:
`PRAGMA quick_check`, `PRAGMA integrity_check`, the data rules of
aipdesk.store.integrity, the full check as aipdesk runs it; opening the file as a
read command does; the first write of a day (open, the full check, one value) and a
later one (the day's check remembered); the per-write count of the cell's rows
through the series index. On the demo (0.2 MB): opening with the full check that
files up to 8 MB get at every open. Writes the section "Integrity checks" of
bench/RESULTS.md.

    .venv/bin/python bench/integrity_cost.py [--db PATH] [--runs 5] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

TITLE = "Integrity checks (`bench/integrity_cost.py`)"
DEFAULT_DB = "/tmp/aipdesk-bench-integrity.sqlite"


def median(runs: int, step: Callable[[], object]) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def pragma(path: Path, name: str) -> Callable[[], object]:
    def run() -> object:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute(f"PRAGMA {name}").fetchall()
        finally:
            conn.close()

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path(DEFAULT_DB))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    state = Path(tempfile.mkdtemp(prefix="aipdesk-integrity-"))
    os.environ["XDG_STATE_HOME"] = str(state / "state")
    os.environ["XDG_DATA_HOME"] = str(state / "data")

    from aipdesk.domain.months import Month
    from aipdesk.services.base import Actor
    from aipdesk.services.demo import load_demo
    from aipdesk.services.values import log_value
    from aipdesk.store import checks, integrity
    from aipdesk.store.database import open_database
    from bench import status_scale
    from bench.results import write_section

    db, built = status_scale.prepare(
        args.db, status_scale.PROJECTS, status_scale.MONTHS, rebuild=False
    )
    db.close()
    path = args.db.resolve()
    size_mb = path.stat().st_size / 1e6
    runs = args.runs
    pragma(path, "quick_check")()  # warm the cache
    figures: dict[str, tuple[float, list[float]]] = {}
    figures["quick"] = median(runs, pragma(path, "quick_check"))
    figures["integrity"] = median(runs, pragma(path, "integrity_check"))

    def rules() -> object:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return integrity.data_findings(conn)
        finally:
            conn.close()

    figures["rules"] = median(runs, rules)
    figures["full"] = median(runs, lambda: integrity.file_findings(path, full=True))

    def open_for_reading() -> None:
        open_database(path, create=False).close()

    checks._remember_check(path)  # the day's quick check done, as on every later open
    figures["open"] = median(runs, open_for_reading)
    cell = ("P0000", status_scale.FLOWS[0], Month(2021, 10))
    actor = Actor("bench", "bench")
    value = [0]

    def write(new_day: bool) -> Callable[[], None]:
        def run() -> None:
            if new_day:  # nothing checked yet today but the quick check at open
                checks._check_log().unlink(missing_ok=True)
                checks._remember_check(path)
            db = open_database(path, create=False)
            try:
                value[0] += 1
                log_value(db, actor, *cell, value[0])
            finally:
                db.close()

        return run

    first_write, later_write = write(new_day=True), write(new_day=False)

    figures["first write"] = median(runs, first_write)
    figures["later write"] = median(runs, later_write)

    real = checks.check_cells_unique
    figures["write with count"] = median(runs * 4, later_write)
    checks.check_cells_unique = lambda session, cells: None  # type: ignore[assignment]
    import aipdesk.services.values as values_module

    values_module.check_cells_unique = checks.check_cells_unique  # type: ignore[attr-defined]
    figures["write without count"] = median(runs * 4, later_write)
    checks.check_cells_unique = real  # type: ignore[assignment]
    values_module.check_cells_unique = real  # type: ignore[attr-defined]

    demo = state / "demo.sqlite"
    demo_db = open_database(demo)
    load_demo(demo_db, actor, 2021)
    demo_db.close()
    conn = sqlite3.connect(demo)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    demo_kb = demo.stat().st_size / 1e3
    figures["demo open"] = median(runs * 4, lambda: open_database(demo, create=False).close())
    saved = integrity.FULL_CHECK_ALWAYS_BYTES
    integrity.FULL_CHECK_ALWAYS_BYTES = 0
    figures["demo open quick"] = median(runs * 4, lambda: open_database(demo, create=False).close())
    integrity.FULL_CHECK_ALWAYS_BYTES = saved
    shutil.rmtree(state, ignore_errors=True)

    def fig(key: str) -> str:
        seconds, all_runs = figures[key]
        return f"**{seconds:.3f} s** (runs {', '.join(f'{t:.3f}' for t in all_runs)})"

    lines = [
        f"- Database: {status_scale.spec(status_scale.PROJECTS, status_scale.MONTHS)}; "
        f"1,000,000 monthly values, {size_mb:.0f} MB"
        + (f" (built in {built:.0f} s)" if built else " (cached)"),
        f"- Warm cache, median of {runs} runs (write figures: {runs * 4} where marked)",
        f"- `PRAGMA quick_check` (pages, records; what every open of a file up to 32 MB "
        f"runs): {fig('quick')}",
        f"- `PRAGMA integrity_check` (indexes against tables, UNIQUE, CHECK): {fig('integrity')}",
        f"- Data rules (types and bounds of every row, timestamps, JSON, UTF-8): {fig('rules')}",
        f"- The full check as aipdesk runs it (both): {fig('full')}",
        f"- Opening the file for a read command (the day's quick check remembered): {fig('open')}",
        f"- First write of a day (open, the full check, one value): {fig('first write')}; "
        f"a later write the same day: {fig('later write')}",
        f"- One write with the count of its cell's rows through the series index: "
        f"{fig('write with count')}; without it: {fig('write without count')}",
        f"- Demo database ({demo_kb:.0f} KB): open with the full check (files up to 8 MB, "
        f"every open): {fig('demo open')}; with the quick check only: {fig('demo open quick')}",
        f"- Decision: the full check runs at every open of a file up to 8 MB (≈ 60,000 values; "
        f"at this rate ≈ {figures['full'][0] * 8 / size_mb:.2f} s), and before the first write "
        "of the day of a larger one; every write counts the rows of the cells it inserted "
        "through the second index (no difference beyond the noise of single writes)",
        f"- Repeat: `.venv/bin/python bench/integrity_cost.py --db {DEFAULT_DB}` (the database "
        "is built once, like bench/status_scale.py's)",
    ]
    print("\n".join(lines))
    if not args.no_write:
        write_section(TITLE, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
