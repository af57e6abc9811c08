"""Concurrent editors: several processes add 1 to the same monthly value many times.

Each reads the value and its version, writes value + 1 expecting that version and,
when someone else was quicker (a version conflict), reads again. Nothing may be
lost: the final value is processes × increments. Counts the conflicts detected,
on SQLite and, with AIPDESK_TEST_PG_URL set (see .ci/pg-test-server), PostgreSQL.

    .venv/bin/python bench/concurrency.py [--processes 4] [--increments 100]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.results import write_section
from tests.support.incrementer import INCREMENTER
from tests.support.postgres import PgServer


def run(url: str, processes: int, increments: int) -> tuple[int, int, float]:
    """(final value, conflicts detected, seconds) of one run on the database `url`."""
    from aipdesk.domain.months import Month
    from aipdesk.services.base import Actor
    from aipdesk.services.catalogue import load_catalogue
    from aipdesk.services.database import open_database
    from aipdesk.services.values import get_value

    db = open_database(url)
    load_catalogue(db, Actor("bench", "cli"))
    start = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", INCREMENTER, url, f"editor{n}", str(increments)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    conflicts = sum(int(p.communicate()[0].strip()) for p in procs)
    seconds = time.perf_counter() - start
    stored = get_value(db, "NEUSTART", "integrations", Month(2021, 3))
    db.close()
    return (stored[0] if stored else 0), conflicts, seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--increments", type=int, default=100)
    args = parser.parse_args()
    lines = []
    expected = args.processes * args.increments
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_DATA_HOME"] = folder  # the daily backup stays in the temp folder
        results = [
            ("SQLite", *run(str(Path(folder) / "c.sqlite"), args.processes, args.increments))
        ]
    if os.environ.get("AIPDESK_TEST_PG_URL"):
        server = PgServer(os.environ["AIPDESK_TEST_PG_URL"])  # the tests' database maker
        url = server.create("blank")
        try:
            results.append(("PostgreSQL", *run(url, args.processes, args.increments)))
        finally:
            server.drop(url)
    for backend, final, conflicts, seconds in results:
        lost = expected - final
        print(f"{backend}: {final}/{expected}, {conflicts} conflicts, {seconds:.1f} s")
        lines.append(
            f"- {backend}: {args.processes} processes × {args.increments} increments of one "
            f"cell: final value {final} of {expected} (lost: {lost}); "
            f"**{conflicts} conflicting edits detected** and retried; {seconds:.1f} s"
        )
    lines.append(
        "- Command: `.venv/bin/python bench/concurrency.py --processes "
        f"{args.processes} --increments {args.increments}` (PostgreSQL with "
        '`AIPDESK_TEST_PG_URL="$(.ci/pg-test-server start)"`)'
    )
    write_section("Concurrent editors (optimistic concurrency)", lines)


if __name__ == "__main__":
    main()
