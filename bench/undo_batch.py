"""Time to take over 100,000 monthly values as one operation, to undo it and to redo it.

The batch is the write of an import or a merge (`WriteValues`): 60 % of its values
change stored ones, the others are new. Its undo is the inverse the operation hands back (a
`SetCells` that sets the changed cells back and clears the new ones), run as the
window runs it from the undo stack; the redo is the undo's inverse. Each figure is the
median of `--runs` runs, each on a fresh copy of one database built with bulk inserts.
Writes a section of bench/RESULTS.md.

    .venv/bin/python bench/undo_batch.py [--runs 3]
    ... --compare dc20f36          (the same runs on another commit, side by side;
                                    --compare-runs N of them there, default 1)
    ... --no-write                 (figures on stdout only)

With --compare, the other commit's `aipdesk` package is exported (git archive) into a
folder under /tmp once, and the runs alternate between it and this checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
# The checkout whose aipdesk is measured: this one, or another commit's (--compare).
REPO = Path(os.environ.get("AIPDESK_BENCH_REPO", HERE))
sys.path.insert(0, str(HERE))  # for bench.results
sys.path.insert(0, str(REPO))

# The database of bench/edit_latency.py: the demo, PROJECTS synthetic projects with
# METRICS metrics each and a value in every month of 2020 and 2021.
PROJECTS, METRICS = 100, 50
# The batch: every value of 2021 changed (with a note), and January to August 2022 new.
BATCH = [(2021, month) for month in range(1, 13)] + [(2022, month) for month in range(1, 9)]


def build(path: Path) -> None:
    from bench.edit_latency import build as build_grid

    build_grid(path, PROJECTS, PROJECTS * METRICS * 12)


def _state(path: Path) -> tuple[int, int, int]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        count, total, notes = conn.execute(
            "SELECT count(*), coalesce(sum(value), 0), count(note) FROM monthly_values"
        ).fetchone()
        return int(count), int(total), int(notes)
    finally:
        conn.close()


def measure(template: Path, work: Path) -> dict[str, float]:
    """One run on a fresh copy of `template`: seconds to take the batch over, to undo it
    and to redo it."""
    from aipdesk.domain.months import Month
    from aipdesk.services.base import Actor
    from aipdesk.services.batch import Incoming, WriteValues
    from aipdesk.store.database import open_database

    path = work / "undo.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(template, path)
    before = _state(path)
    incoming = tuple(
        Incoming(f"P{p:03d}", f"m{m:03d}", Month(year, month), 7, "neu", "Daten!E2")
        for p in range(PROJECTS)
        for m in range(METRICS)
        for year, month in BATCH
    )
    db = open_database(path)
    actor = Actor("bench", "import")
    try:
        start = time.perf_counter()
        done = WriteValues(incoming, origin="bench.xlsx").run(db, actor)
        took = time.perf_counter() - start
        assert done.inverse is not None and len(done.changes.values) == len(incoming)
        start = time.perf_counter()
        undone = done.inverse.run(db, actor)
        undo = time.perf_counter() - start
        assert undone.inverse is not None
        after_undo = _state(path)
        start = time.perf_counter()
        undone.inverse.run(db, actor)
        redo = time.perf_counter() - start
    finally:
        db.close()
    if after_undo != before:
        raise SystemExit(f"undo left {after_undo}, expected {before}")
    return {"import": took, "undo": undo, "redo": redo}


def _export(rev: str) -> Path:
    """The `aipdesk` package of commit `rev`, exported once under /tmp."""
    git = ["git", "-C", str(HERE)]
    commit = subprocess.check_output([*git, "rev-parse", "--short", rev], text=True).strip()
    target = Path(tempfile.gettempdir()) / f"aipdesk-bench-{commit}"
    if not (target / "aipdesk").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.check_output([*git, "archive", commit, "aipdesk", "db"])
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def _run_in(repo: Path, template: Path, work: Path) -> dict[str, float]:
    env = {**os.environ, "AIPDESK_BENCH_REPO": str(repo), "PYTHONPATH": str(repo)}
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(template), str(work)],
        capture_output=True,
        text=True,
        env=env,
        cwd=repo,
    )
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", metavar="REV", help="also measure this commit, in turn")
    parser.add_argument(
        "--compare-runs", type=int, default=1, help="runs on REV (its undo may take minutes)"
    )
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--one", nargs=2, metavar=("TEMPLATE", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(Path(args.one[0]), Path(args.one[1]))))
        return
    work = Path(tempfile.mkdtemp(prefix="aipdesk-undo-bench-"))
    template = work / "template.sqlite"
    build(template)
    other = _export(args.compare) if args.compare else None
    runs: dict[str, list[dict[str, float]]] = {"here": [], "there": []}
    for number in range(max(args.runs, args.compare_runs if other else 0)):
        if other is not None and number < args.compare_runs:
            runs["there"].append(_run_in(other, template, work))
        if number < args.runs:
            runs["here"].append(_run_in(HERE, template, work))
    shutil.rmtree(work, ignore_errors=True)

    def median(side: str, what: str) -> str:
        return f"{statistics.median(r[what] for r in runs[side]):.2f} s"

    lines = [
        f"- Batch: {PROJECTS * METRICS * len(BATCH):,} values ({PROJECTS} projects × "
        f"{METRICS} metrics × {len(BATCH)} months): every value of 2021 changed (with a "
        "note), January to August 2022 new; the undo sets the changed ones back and clears "
        "the new ones. The database is bench/edit_latency.py's (values in 2020 and 2021).",
        f"- Median of {args.runs} runs"
        + (f" ({args.compare_runs} before)" if other is not None else "")
        + ", each on a fresh copy of the database (SQLite, WAL).",
        "",
    ]
    if other is not None:
        lines += [
            f"| step | before (commit {args.compare}) | after |",
            "|---|---|---|",
            *(
                f"| {what} | {median('there', what)} | {median('here', what)} |"
                for what in ("import", "undo", "redo")
            ),
        ]
    else:
        lines += [
            "| step | seconds |",
            "|---|---|",
            *(f"| {what} | {median('here', what)} |" for what in ("import", "undo", "redo")),
        ]
    lines += [
        "",
        "    .venv/bin/python bench/undo_batch.py"
        + (f" --compare {args.compare}" if args.compare else ""),
    ]
    print("\n".join(lines))
    if not args.no_write:
        from bench.results import write_section

        write_section("Undo of a 100,000-value batch (`bench/undo_batch.py`)", lines)


if __name__ == "__main__":
    main()
