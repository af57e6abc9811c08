"""Crash safety: writers killed with SIGKILL at random moments lose nothing they reported.

A `log` loop, `import`, `merge` and GUI edits run as separate processes on one
database and are killed at seeded random points (tests/support/crash_harness.py). After
every kill the database passes `aipdesk check`, holds every value whose write
reported success, and holds all or nothing of an import or merge.

    AIPDESK_CRASH_KILLS=100   more kills (default 21: 8 log, 5 import, 4 merge, 4 gui)
    AIPDESK_CRASH_SEED=1234   repeat a run (the seed is printed and named on failure)

bench/crash_loop.py runs the same loop at a larger count for bench/RESULTS.md.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

import pytest

from tests.support.crash_harness import KINDS, CrashLoop, split_kills

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        sys.platform == "win32",
        reason="needs SIGKILL, a POSIX signal; Windows has no os.kill(pid, SIGKILL)",
    ),
]

DEFAULT_KILLS = 21
# `aipdesk check` as a command after every third kill and at the end (a process start
# costs ~0.5 s); after the other kills its service function runs in this process.
CLI_CHECK_EVERY = 3


def test_sigkill_loop_loses_nothing_reported(tmp_path: Path) -> None:
    total = int(os.environ.get("AIPDESK_CRASH_KILLS", DEFAULT_KILLS))
    seed = int(os.environ.get("AIPDESK_CRASH_SEED") or random.SystemRandom().randrange(10**6))
    kills = split_kills(total)
    print(f"\ncrash loop: seed {seed} (repeat with AIPDESK_CRASH_SEED={seed}), kills {kills}")
    loop = CrashLoop(tmp_path, seed, cli_check_every=CLI_CHECK_EVERY)
    loop.setup()
    tally = loop.run(kills)
    report = "\n".join(tally.lines())
    print(report)
    assert not tally.problems, f"seed {seed} (AIPDESK_CRASH_SEED={seed}):\n" + "\n".join(
        tally.problems[:30]
    )
    assert tally.lost == 0 and tally.partial == 0 and tally.integrity_failures == 0, report
    for kind in KINDS:
        assert len(tally.killed(kind)) == kills[kind], report
    assert tally.kills == total >= 1
    status = loop.aipdesk("status", "--db", str(loop.db), "--year", "2021", "--json")
    assert json.loads(status.stdout), "the database after the loop still answers status"
    assert tally.acked > 0, "no write reported success before its kill: the loop tests nothing"
