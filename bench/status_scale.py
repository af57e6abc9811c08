"""Status of one year at 1,000,000 monthly values (DESIGN §7): time and statement count.

Builds (or reuses) a synthetic aipdesk database of 400 projects × 10 logged
metrics × 250 months (2001-01 … 2021-10) = 1,000,000 monthly values, with one
target per (project, metric) per year, a few three-year targets, a ratio metric
for every fourth project, custom plan weights and targets without a number.
The schema is created only by `open_database` (the Alembic migrations); the
rows are written with SQLAlchemy Core bulk inserts.

Then it times `aipdesk.services.status.status(db, 2011)` (one warm-up, median of
five), counts the SQL statements one call issues, does the same on a small
database of five projects (the count must not grow with the number of targets),
prints the figures and writes its section of bench/RESULTS.md.

    .venv/bin/python bench/status_scale.py [--db PATH] [--rebuild] [--no-write]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # works from a checkout without `pip install -e .`
    sys.path.insert(0, str(REPO))

from sqlalchemy import event, func, insert, select  # noqa: E402

from aipdesk.services.status import status  # noqa: E402
from aipdesk.store.database import Database, open_database  # noqa: E402
from aipdesk.store.models import (  # noqa: E402
    MetricRow,
    ProjectMetricRow,
    ProjectRow,
    SettingRow,
    TargetRow,
    ValueRow,
)
from bench.results import write_section  # noqa: E402

DEFAULT_DB = "/tmp/aipdesk-bench-status.sqlite"
RESULTS = REPO / "bench" / "RESULTS.md"
TITLE = "Status of one year at 1,000,000 monthly values (`bench/status_scale.py`)"
GOAL_SECONDS = 0.3

PROJECTS = 400
FIRST_YEAR = 2001
MONTHS = 250  # 2001-01 … 2021-10
YEAR = 2011  # a year in the middle
SMALL_PROJECTS = 5
BATCH = 50_000
RUNS = 5

# Ten logged metrics: seven flows, three stocks (one of them "down", like LZB), and
# one ratio (100 · f0 ÷ mean s0) that is computed, not logged.
FLOWS = [f"f{i}" for i in range(7)]
STOCKS = ["s0", "s1", "s2"]
LOGGED = FLOWS + STOCKS
RATIO = "r0"
MULTI_YEAR_METRIC = "f6"  # every tenth project steers it on three-year periods
WEIGHTED_METRIC = "f1"  # every seventh project plans it with a seasonal curve
SEASON = (0.85, 0.95, 1.1, 1.05, 1.0, 0.95, 0.9, 0.85, 1.1, 1.15, 1.05, 1.05)
STAMP = datetime(2021, 11, 1, tzinfo=UTC)
USER = "bench"


def spec(projects: int, months: int) -> str:
    """Fingerprint of what `build` writes; a cached file with another one is rebuilt."""
    return json.dumps(
        {
            "generator": 1,
            "projects": projects,
            "first_year": FIRST_YEAR,
            "months": months,
            "metrics": [*LOGGED, RATIO],
        },
        sort_keys=True,
    )


def _level(p: int, code: str) -> float:
    base = 50 + (p * 37 + LOGGED.index(code) * 11) % 400 if code in LOGGED else 0
    return float(base * (40 if code in STOCKS else 1))


def _value(p: int, code: str, year: int, month: int) -> int:
    """Deterministic, plausible monthly value (no RNG: the same file every time)."""
    level = _level(p, code)
    noise = (
        0.9
        + ((p * 7919 + year * 104729 + month * 1299709 + LOGGED.index(code) * 15485863) % 2001)
        / 10000.0
    )
    if code in STOCKS:
        return round(level * (1 + 0.003 * (year - FIRST_YEAR)) * noise)
    return round(level * SEASON[month - 1] * noise)


def _target_rows(
    p: int, project_id: int, metric_ids: dict[str, int], last_year: int, with_ratio: bool
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []

    def add(
        code: str,
        fy: int,
        fm: int,
        ly: int,
        lm: int,
        value: float | None,
        weights: list[float] | None = None,
    ) -> None:
        rows.append(
            {
                "project_id": project_id,
                "metric_id": metric_ids[code],
                "first_year": fy,
                "first_month": fm,
                "last_year": ly,
                "last_month": lm,
                "value": value,
                "weights": json.dumps(weights) if weights else None,
                "origin": "user",
                "version": 1,
                "updated_by": USER,
                "updated_at": STAMP,
            }
        )

    for code in LOGGED:
        if code == MULTI_YEAR_METRIC and p % 10 == 0:
            # Three-year periods from July to June, covering every year.
            start = FIRST_YEAR * 12 + 6 - 12  # 2000-07
            while start // 12 <= last_year:
                end = start + 35
                add(
                    code,
                    start // 12,
                    start % 12 + 1,
                    end // 12,
                    end % 12 + 1,
                    round(_level(p, code) * 36 * 1.02),
                )
                start = end + 1
            continue
        for year in range(FIRST_YEAR, last_year + 1):
            if code == "f5" and p % 50 == 1:
                add(code, year, 1, year, 12, None)  # tracked, no number in the programme
            elif code in STOCKS:
                factor = 0.97 if code == "s2" else 1.0 + (p % 5 - 2) / 100
                add(code, year, 1, year, 12, round(_level(p, code) * factor))
            elif code == WEIGHTED_METRIC and p % 7 == 0:
                total = sum(SEASON)
                add(
                    code,
                    year,
                    1,
                    year,
                    12,
                    round(_level(p, code) * 12 * (0.9 + p % 3 / 10)),
                    [s / total for s in SEASON],
                )
            else:
                add(code, year, 1, year, 12, round(_level(p, code) * 12 * (0.9 + p % 4 / 20)))
    if with_ratio:
        for year in range(FIRST_YEAR, last_year + 1):
            add(RATIO, year, 1, year, 12, round(100 * _level(p, "f0") * 12 / _level(p, "s0"), 1))
    return rows


def build(db: Database, projects: int, months: int) -> None:
    """Fill an empty, freshly migrated database (one transaction, Core bulk inserts)."""
    last_year = (FIRST_YEAR * 12 + months - 1) // 12
    with db.write() as session:
        metric_rows = []
        for i, code in enumerate(LOGGED):
            metric_rows.append(
                {
                    "id": i + 1,
                    "code": code,
                    "name": f"Kennzahl {code}",
                    "kind": "stock" if code in STOCKS else "flow",
                    "direction": "down" if code == "s2" else "up",
                    "area": "integration",
                    "unit": "",
                    "parent_id": None,
                    "numerator_id": None,
                    "denominator_id": None,
                    "green_pct": 100.0,
                    "amber_pct": 90.0,
                    "description": "",
                    "position": i,
                }
            )
        ids = {row["code"]: row["id"] for row in metric_rows}
        metric_rows.append(
            {
                "id": len(LOGGED) + 1,
                "code": RATIO,
                "name": "Quote f0 / s0",
                "kind": "ratio",
                "direction": "up",
                "area": "integration",
                "unit": "%",
                "parent_id": None,
                "numerator_id": ids["f0"],
                "denominator_id": ids["s0"],
                "green_pct": 100.0,
                "amber_pct": 90.0,
                "description": "",
                "position": len(LOGGED),
            }
        )
        ids[RATIO] = len(LOGGED) + 1
        session.execute(insert(MetricRow), metric_rows)
        session.execute(
            insert(ProjectRow),
            [
                {
                    "id": p + 1,
                    "code": f"P{p:04d}",
                    "name": f"Projekt {p}",
                    "description": "",
                    "first_year": None,
                    "first_month": None,
                    "last_year": None,
                    "last_month": None,
                    "active": True,
                    "position": p,
                }
                for p in range(projects)
            ],
        )
        links, targets = [], []
        for p in range(projects):
            codes = LOGGED + ([RATIO] if p % 4 == 0 else [])
            links += [
                {"project_id": p + 1, "metric_id": ids[c], "position": i}
                for i, c in enumerate(codes)
            ]
            targets += _target_rows(p, p + 1, ids, last_year, p % 4 == 0)
        session.execute(insert(ProjectMetricRow), links)
        for start in range(0, len(targets), BATCH):
            session.execute(insert(TargetRow), targets[start : start + BATCH])
        batch: list[dict[str, object]] = []
        for p in range(projects):
            for code in LOGGED:
                for index in range(FIRST_YEAR * 12, FIRST_YEAR * 12 + months):
                    year, month = divmod(index, 12)
                    batch.append(
                        {
                            "project_id": p + 1,
                            "metric_id": ids[code],
                            "year": year,
                            "month": month + 1,
                            "value": _value(p, code, year, month + 1),
                            "note": None,
                            "version": 1,
                            "updated_by": USER,
                            "updated_at": STAMP,
                        }
                    )
                    if len(batch) == BATCH:
                        session.execute(insert(ValueRow), batch)
                        batch = []
        if batch:
            session.execute(insert(ValueRow), batch)
        session.execute(
            insert(SettingRow), [{"key": "bench:status_scale", "value": spec(projects, months)}]
        )
    # Fold the WAL into the file (a raw connection: the engine's "begin" hook would wrap
    # the pragma in a transaction, where SQLite refuses it). No ANALYZE: aipdesk never
    # runs it, so a user's file has no planner statistics either.
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _cached_spec(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        db = open_database(path)
    except Exception:
        return None
    try:
        with db.read() as session:
            row = session.get(SettingRow, "bench:status_scale")
            return row.value if row else None
    finally:
        db.close()


def prepare(path: Path, projects: int, months: int, rebuild: bool) -> tuple[Database, float | None]:
    """Open the database at `path`, building it first unless a matching one is cached."""
    if not rebuild and _cached_spec(path) == spec(projects, months):
        return open_database(path), None
    _remove(path)
    started = time.perf_counter()
    db = open_database(path)
    build(db, projects, months)
    return db, time.perf_counter() - started


def count_statements(db: Database, year: int) -> tuple[int, list[str]]:
    """SQL statements (BEGIN included) that one status call sends to the database, after a
    first call (which also reads the projects and metrics into the catalog cache)."""
    status(db, year)
    seen: list[str] = []

    def before(_conn, _cursor, statement, _params, _context, _executemany):
        seen.append(" ".join(statement.split())[:90])

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        status(db, year)
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return len(seen), seen


def facts(db: Database, year: int) -> dict[str, int]:
    with db.read() as session:
        values = session.scalar(select(func.count()).select_from(ValueRow)) or 0
        targets = session.scalar(select(func.count()).select_from(TargetRow)) or 0
        in_year = (
            session.scalar(
                select(func.count())
                .select_from(TargetRow)
                .where(TargetRow.first_year <= year, TargetRow.last_year >= year)
            )
            or 0
        )
        projects = session.scalar(select(func.count()).select_from(ProjectRow)) or 0
    return {"values": values, "targets": targets, "targets_in_year": in_year, "projects": projects}


def timings(db: Database, year: int) -> tuple[list[float], int]:
    rows = len(status(db, year).rows)  # warm-up (connection, compiled-statement cache)
    runs = []
    for _ in range(RUNS):
        started = time.perf_counter()
        status(db, year)
        runs.append(time.perf_counter() - started)
    return runs, rows


SQLITE_CALLS = (
    "<method 'execute' of 'sqlite3.Cursor' objects>",
    "<method 'fetchall' of 'sqlite3.Cursor' objects>",
    "<method 'fetchmany' of 'sqlite3.Cursor' objects>",
    "<method 'fetchone' of 'sqlite3.Cursor' objects>",
)
STATUS_MODULE = os.path.join("aipdesk", "services", "status.py")


def profile(db: Database, year: int, lines: int = 25) -> tuple[str, dict[str, float]]:
    """A cProfile listing of one call, and the cumulative seconds of its main parts."""
    profiler = cProfile.Profile()
    profiler.enable()
    status(db, year)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    # The parts: every aipdesk function that status.py calls directly (queries, maths),
    # summed over its calls, and the time spent inside SQLite's execute and fetch.
    parts: dict[str, float] = {}
    total = sqlite = 0.0
    for (filename, _line, name), (_cc, _nc, tottime, cumtime, callers) in stats.stats.items():
        if filename.endswith(STATUS_MODULE) and name == "status":
            total = max(total, cumtime)
        elif (
            f"{os.sep}aipdesk{os.sep}" in filename
            and not filename.endswith(STATUS_MODULE)
            and any(caller[0].endswith(STATUS_MODULE) for caller in callers)
        ):
            parts[name] = parts.get(name, 0.0) + cumtime
        elif name in SQLITE_CALLS:
            sqlite += tottime
    parts = dict(sorted(parts.items(), key=lambda item: -item[1]))
    parts["of all these: in sqlite3 execute/fetch"] = sqlite
    parts["total"] = total
    stats.sort_stats("cumulative").print_stats(lines)
    stats.sort_stats("tottime").print_stats(lines)
    return out.getvalue(), parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db",
        default=DEFAULT_DB,
        type=Path,
        help=f"cached benchmark database (default {DEFAULT_DB})",
    )
    parser.add_argument("--year", type=int, default=YEAR)
    parser.add_argument("--rebuild", action="store_true", help="rebuild even if cached")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    parser.add_argument("--profile", action="store_true", help="always print a cProfile")
    args = parser.parse_args()

    db, built = prepare(args.db, PROJECTS, MONTHS, args.rebuild)
    print(f"database {args.db}: " + (f"built in {built:.1f} s" if built else "reused (cached)"))
    large = facts(db, args.year)
    print(
        f"{large['values']:,} monthly values, {large['projects']} projects, "
        f"{large['targets']:,} targets, {large['targets_in_year']:,} overlapping {args.year}"
    )
    runs, rows = timings(db, args.year)
    median = statistics.median(runs)
    statements, seen = count_statements(db, args.year)
    print(
        f"status({args.year}): {rows:,} rows; median {median:.3f} s of {RUNS} runs "
        f"({', '.join(f'{t:.3f}' for t in runs)}); {statements} SQL statements"
    )
    for line in seen:
        print(f"    {line}")

    with tempfile.TemporaryDirectory() as tmp:
        small_db, _ = prepare(Path(tmp) / "small.sqlite", SMALL_PROJECTS, MONTHS, True)
        small = facts(small_db, args.year)
        small_statements, _ = count_statements(small_db, args.year)
        small_db.close()
    print(
        f"small database ({small['projects']} projects, {small['targets_in_year']} targets "
        f"in {args.year}): {small_statements} SQL statements"
    )
    constant = statements == small_statements
    fast = median < GOAL_SECONDS
    print(
        f"goal: median < {GOAL_SECONDS} s: {'met' if fast else 'MISSED'}; "
        f"statements constant: {'yes' if constant else 'NO'}"
    )
    listing, parts = profile(db, args.year)
    if args.profile or not fast:
        print(listing)
    where = ", ".join(f"{name} {seconds:.3f} s" for name, seconds in parts.items())
    print(f"one call under cProfile: {where}")
    db.close()

    if not args.no_write:
        lines = [
            f"- Data: {large['values']:,} monthly values ({PROJECTS} projects × {len(LOGGED)} "
            f"logged metrics (7 flow, 3 stock) × {MONTHS} months, 2001-01 … 2021-10); "
            f"{large['targets']:,} targets in all (yearly, three-year, a ratio for every "
            "fourth project, some with plan weights or without a number)",
            f"- Year: {args.year}, {large['targets_in_year']:,} targets overlapping it "
            f"({rows:,} status rows)",
            f"- Median of {RUNS} runs after one warm-up: **{median:.3f} s**",
            f"- All runs (s): {', '.join(f'{t:.3f}' for t in runs)}",
            f"- SQL statements per call (BEGIN included): {statements} on the large database, "
            f"{small_statements} on a small one ({SMALL_PROJECTS} projects, "
            f"{small['targets_in_year']} targets in {args.year})",
            "- Where the time goes (one call under cProfile, cumulative; the profiler "
            f"inflates Python-heavy parts): {where}",
            f"- Goal: median < {GOAL_SECONDS} s — **{'met' if fast else 'missed'}**; "
            f"statement count independent of the number of targets — "
            f"**{'met' if constant else 'missed'}**",
            "- Repeat: `make bench` or `.venv/bin/python bench/status_scale.py` "
            f"(the database is cached at `{DEFAULT_DB}`; `--rebuild` builds it anew)",
        ]
        write_section(TITLE, lines, RESULTS)
        print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0 if fast and constant else 1


if __name__ == "__main__":
    sys.exit(main())
