"""Crash safety: kill writers with SIGKILL many times, check that nothing reported is lost.

The loop of tests/test_crash_safety.py (tests/support/crash_harness.py) at a larger
count: `log`, `import`, `merge` and GUI edits as separate processes on one
database, each killed at a seeded random moment; after every kill the database
must pass `aipdesk check` and hold every acknowledged value, and all or nothing
of every import and merge. Writes the section "Crash safety (SIGKILL loop)"
of bench/RESULTS.md.

    .venv/bin/python bench/crash_loop.py [--kills 100] [--seed N] [--keep DIR] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # bench.results and tests.support.crash_harness, from a checkout
    sys.path.insert(0, str(REPO))

from bench.results import write_section  # noqa: E402
from tests.support.crash_harness import KINDS, CrashLoop, Tally, split_kills  # noqa: E402

TITLE = "Crash safety (SIGKILL loop)"


def section(tally: Tally, kills: dict[str, int]) -> list[str]:
    total = sum(kills.values())
    survived = sum(1 for r in tally.killed() if not r.problems and not r.lost)
    per_kind = ", ".join(f"{kind} {len(tally.killed(kind))}" for kind in KINDS)
    account = tally.lines()
    return [
        "- Loop: one SQLite database (the AIP 2021 demo to start with, never reset) written by "
        "separate processes, each killed with SIGKILL after a seeded random delay: "
        "`log_value` in a loop (each write acknowledged in an fsync'd journal), "
        "`aipdesk import` of a 1,800-value workbook, `aipdesk merge --prefer theirs` of a "
        "1,800-value database, and the real main window (offscreen) editing grid cells "
        "through `GridModel.setData`. Import and merge kills land 40 % anywhere in the run, "
        "30 % after the write transaction's BEGIN (spread up to the command's exit), 30 % "
        "after its COMMIT began (spread over twice a COMMIT's time); the writers mark BEGIN, "
        "COMMIT and its return in their journal, so each kill is classed by where it landed",
        "- After every kill, before the next writer: `aipdesk check` (integrity_check, "
        "foreign keys) exit 0; every acknowledged value stored (besides it only the one "
        "write in flight may have landed); each import or merge there whole or not at all "
        "(whole if it printed its summary); the change log one entry per committed write "
        "and its newest entry per cell equal to the stored value",
        f"- **Kills survived with nothing lost: {survived} of {total}** ({per_kind}); "
        f"{len(tally.rounds)} writer runs in all, {tally.seconds:.0f} s",
        f"- Values acknowledged {tally.acked:,}; **lost {tally.lost}**; integrity failures "
        f"{tally.integrity_failures}; partial imports/merges {tally.partial}; other problems "
        f"{tally.other_problems}",
        *(f"- {line}" for line in account[1:-1]),
        f"- Seed {tally.seed}",
        "- Scope: SIGKILL ends the process, not the machine: what the kernel already holds "
        "survives. This proves atomic commits and recovery of the WAL by the next opener; "
        "durability against power loss rests on synchronous=FULL and is not tested here",
        f"- Repeat: `.venv/bin/python bench/crash_loop.py --kills {total} --seed {tally.seed}`; "
        f"the same as a test: `AIPDESK_CRASH_KILLS={total} AIPDESK_CRASH_SEED={tally.seed} "
        ".venv/bin/pytest tests/test_crash_safety.py` (the test runs 21 kills by default)",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    parser.add_argument("--no-write", action="store_true", help="do not touch RESULTS.md")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    kills = split_kills(args.kills)
    print(f"seed {seed}, kills {kills}", flush=True)
    with tempfile.TemporaryDirectory(prefix="aipdesk-crash-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        loop = CrashLoop(workdir, seed, say=lambda line: print(line, flush=True))
        loop.setup()
        tally = loop.run(kills)
    lines = section(tally, kills)
    print("\n".join(lines))
    if not args.no_write:
        write_section(TITLE, lines)
    for problem in tally.problems:
        print(problem, file=sys.stderr)
    return 1 if tally.problems or tally.lost else 0


if __name__ == "__main__":
    sys.exit(main())
