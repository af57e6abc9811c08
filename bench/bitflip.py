"""The bit-flip loop at a larger count: damaged copies of the demo put to the commands.

The loop of tests/hardening/test_bitflip.py (tests/support/bitflip_harness.py states the
promises) with more cases, in two schedules: as the demo is checked (a file up to
8 MB gets the full check at every open) and as a large file is (the quick check
at open, the full check before the first write of the day). Writes the section
"Bit-flip loop" of bench/RESULTS.md.

    .venv/bin/python bench/bitflip.py [--cases 500] [--seed N] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

TITLE = "Bit-flip loop (`bench/bitflip.py`)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    from aipdesk.services.base import Actor
    from aipdesk.services.demo import load_demo
    from aipdesk.store import integrity
    from aipdesk.store.database import open_database
    from bench.results import write_section
    from tests.support.bitflip_harness import FLIPS, run_loop

    lines = []
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="aipdesk-bitflip-") as tmp:
        folder = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(folder / "data")
        os.environ["XDG_STATE_HOME"] = str(folder / "state")
        demo = folder / "demo.sqlite"
        db = open_database(demo)
        load_demo(db, Actor("bench", "bench"), 2021)
        db.close()
        size_kb = demo.stat().st_size / 1e3
        for name, threshold in (
            ("the full check at every open (files up to 8 MB, as the demo)", None),
            ("as a large file: quick check at open, full check before the day's first write", 0),
        ):
            if threshold is not None:
                integrity.FULL_CHECK_ALWAYS_BYTES = threshold
            work = folder / f"loop-{threshold}"
            work.mkdir()
            tally = run_loop(demo, work, seed, args.cases)
            problems += tally.problems
            lines.append(
                f"- Schedule: {name}: {tally.cases} files, {tally.sound} sound by SQLite's "
                f"integrity_check, {tally.cases - tally.sound} damaged; **problems: "
                f"{len(tally.problems)}**; {tally.seconds:.0f} s"
            )
            lines += [f"  - `{line.strip()}`" for line in tally.lines()]
    lines = [
        f"- Files: copies of the AIP 2021 demo database ({size_kb:.0f} KB), each with 1 to "
        f"{FLIPS} bits flipped at seeded random places; `status`, `history`, `log` and "
        "`check` run on each (in process, through `aipdesk.cli.main`)",
        "- Promises checked: never a traceback, an unexpected error or a raw database error; "
        "exit 0 or 1; one line on stderr (check: one per finding); `log` on a file SQLite "
        "finds damaged exits 1 and leaves it byte for byte; a `log` that exits 0 leaves a "
        "file that passes integrity_check and holds the value; `check` exits 1 on every "
        "damaged file",
        *lines,
        "- A file SQLite finds sound is still refused where the data rules find what aipdesk "
        "cannot read back (a flipped bit in a timestamp, in JSON of the change log, in text "
        "that is then no UTF-8)",
        "- Reading: a file of the large-file schedule may answer a read (status, history) "
        "between two daily full checks although an index is damaged (the quick check does "
        "not compare indexes); it is never written to",
        f"- Seed {seed}",
        f"- Repeat: `.venv/bin/python bench/bitflip.py --cases {args.cases} --seed {seed}`; "
        f"as a test: `AIPDESK_BITFLIP_CASES={args.cases} AIPDESK_BITFLIP_SEED={seed} "
        ".venv/bin/pytest tests/hardening/test_bitflip.py` (60 cases by default, the "
        "first schedule)",
    ]
    print("\n".join(lines))
    for problem in problems:
        print(problem, file=sys.stderr)
    if not args.no_write:
        write_section(TITLE, lines)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
