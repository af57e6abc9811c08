"""Export → import round trip at 100,000 monthly values: the workbook comes back whole.

The year of bench/export_speed.py (the demo plus 160 synthetic projects × 52
metrics: 100,000 values in 2021, 169 sheets) is exported with `aipdesk export`,
then imported with `aipdesk import`: as a dry run into the database it came from
(every value unchanged) and for real into a copy of it whose values of 2021 were
deleted (every value new). Each command runs in a child process, timed, with its
peak resident memory; the guard's check of the file (all limits, before any
parsing) is timed in this process. Every value and note of the copy is compared
with the original. Writes the section "Export → import round trip" of
bench/RESULTS.md.

    .venv/bin/python bench/roundtrip.py [--no-write]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

TITLE = "Export → import round trip (`bench/roundtrip.py`)"
CELLS = (
    "SELECT p.code, m.code, v.year, v.month, v.value, v.note FROM monthly_values v "
    "JOIN projects p ON p.id = v.project_id JOIN metrics m ON m.id = v.metric_id "
    "WHERE v.year = 2021 ORDER BY 1, 2, 3, 4"  # the year the workbook holds
)
CHILD = """
import json, resource, sys, time
from aipdesk.cli import main
started = time.perf_counter()
code = main(sys.argv[1:])
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"code": code, "seconds": seconds, "peak_mb": peak}), file=sys.stderr)
"""


def run(*args: str) -> dict[str, float]:
    """One command in a child process: its exit code, seconds and peak memory."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        capture_output=True,
        text=True,
        timeout=1800,
        env={**os.environ},
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    if report["code"] != 0:
        raise SystemExit(f"{args[0]} failed:\n{done.stderr}\n{done.stdout}")
    report["stdout"] = done.stdout  # type: ignore[assignment]
    return report


def cells(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(CELLS).fetchall()
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    from bench.export_speed import build_large
    from bench.results import write_section

    with tempfile.TemporaryDirectory(prefix="aipdesk-roundtrip-") as tmp:
        folder = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(folder / "data")
        os.environ["XDG_STATE_HOME"] = str(folder / "state")
        source = folder / "quelle.sqlite"
        started = time.perf_counter()
        values = build_large(source)
        built = time.perf_counter() - started
        workbook = folder / "export.xlsx"
        export = run("export", "--db", str(source), "--year", "2021", "--out", str(workbook))

        from aipdesk.exchange.guard import check_container

        started = time.perf_counter()
        check_container(workbook, workbook.name)
        guard_seconds = time.perf_counter() - started
        tail = workbook.read_bytes()[-22:]
        entries, directory = struct.unpack("<4s4H2LH", tail)[4:6]

        dry = run("import", "--db", str(source), str(workbook), "--dry-run")
        target = folder / "ziel.sqlite"
        shutil.copy(source, target)
        conn = sqlite3.connect(target)
        conn.execute("DELETE FROM monthly_values WHERE year = 2021")
        conn.commit()
        conn.close()
        real = run("import", "--db", str(target), str(workbook))
        original, back = cells(source), cells(target)
        notes = sum(1 for row in original if row[5])
        same = original == back
        size_mb = workbook.stat().st_size / 1e6

    def line(name: str, report: dict[str, float]) -> str:
        return f"**{report['seconds']:.1f} s**, peak {report['peak_mb']:.0f} MB ({name})"

    lines = [
        f"- Data: {values:,} monthly values in 2021 ({notes:,} with a note): the year of "
        f"bench/export_speed.py, built in {built:.1f} s",
        f"- Export: {line('`aipdesk export`, whole process but start-up', export)}; "
        f"{size_mb:.1f} MB, {entries} parts (the directory: {directory:,} bytes)",
        f"- The guard's checks of the file before parsing (container, part sizes and "
        f"checksums, rows, cells, padded cells, shared strings): **{guard_seconds:.2f} s**",
        f"- Import, dry run into the database it came from: {line('all unchanged', dry)}",
        f"- Import into a copy without the values of 2021: {line('all new', real)}",
        f"- **Every value and note back as it was: {'yes' if same else 'NO'}** "
        f"({len(back):,} of {len(original):,})",
        "- Repeat: `.venv/bin/python bench/roundtrip.py`",
    ]
    print("\n".join(lines))
    if not args.no_write:
        write_section(TITLE, lines)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
