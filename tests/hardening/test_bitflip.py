"""The bit-flip loop (break 2) as a seeded test: damaged copies of the demo database put to
`status`, `history`, `log` and `check` (tests/support/bitflip_harness.py states the promises).

    AIPDESK_BITFLIP_CASES=500   more cases (default 60)
    AIPDESK_BITFLIP_SEED=1234   another seed (default 10)

bench/bitflip.py runs the loop at a larger count for bench/RESULTS.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.bitflip_harness import run_loop

CASES = int(os.environ.get("AIPDESK_BITFLIP_CASES", "60"))
SEED = int(os.environ.get("AIPDESK_BITFLIP_SEED", "10"))


@pytest.mark.slow
def test_writes_into_damaged_files_bit_flip_loop(demo_template: Path, tmp_path: Path) -> None:
    tally = run_loop(demo_template, tmp_path, SEED, CASES)
    assert tally.cases == CASES
    assert not tally.problems, "\n".join(tally.problems[:20])
    # The loop reaches both kinds of file: most copies are damaged, a few are sound.
    assert 0 < tally.sound < CASES
