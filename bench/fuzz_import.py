"""Fuzzing the Excel import at scale: many malformed workbooks, counted by outcome.

The cases and the property are those of tests/support/import_fuzz.py (cells and sheets,
workbooks saved by openpyxl, parts of the zip, bytes of the zip); this script runs
many more of them with a given seed, keeps going after a failure, and writes the
section "Import fuzzing" of bench/RESULTS.md.

    .venv/bin/python bench/fuzz_import.py                 # 10,000 cases, seed 0
    .venv/bin/python bench/fuzz_import.py --cases 2000 --seed 7 --no-write

A failing case (a traceback, or a refusal that changed the database, or a write
that differs from the report) is saved under --failures for replaying.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from bench.results import write_section
from tests.support.import_fuzz import (
    EXAMPLES,
    Case,
    World,
    byte_garbage,
    make_world,
    model_workbooks,
    openpyxl_workbooks,
    part_mutations,
    run_case,
)

FAMILIES = {
    "model": ("cells and sheets (own writer)", model_workbooks),
    "openpyxl": ("workbooks saved by openpyxl", openpyxl_workbooks),
    "parts": ("parts of the zip replaced or edited", part_mutations),
    "bytes": ("bytes of the zip", byte_garbage),
}
TITLE = "Import fuzzing (`bench/fuzz_import.py`)"


def campaign(
    world: World, family: str, cases: int, seed_value: int, failures: Path
) -> tuple[Counter[str], list[str], float]:
    """Run `cases` cases of one family; (outcomes, failure descriptions, seconds)."""
    outcomes: Counter[str] = Counter()
    failed: list[str] = []
    strategy = FAMILIES[family][1]

    @seed(seed_value)
    @settings(
        max_examples=cases,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def one(data: Any) -> None:
        case: Case = data.draw(strategy(world))
        try:
            outcome = run_case(world, case)
            outcomes[outcome] += 1
            if outcome == "refused: import_unreadable":  # keep it for a closer look
                failures.mkdir(parents=True, exist_ok=True)
                (failures / f"unreadable-{family}-{outcomes[outcome]:04d}.xlsx").write_bytes(
                    case.data
                )
        except Exception as error:  # record it, keep the campaign going
            kind = "property violated" if isinstance(error, AssertionError) else "TRACEBACK"
            outcomes[f"FAILED: {kind} {type(error).__name__}"] += 1
            failures.mkdir(parents=True, exist_ok=True)
            path = failures / f"{family}-{len(failed):04d}-{case.name}"
            path.write_bytes(case.data)
            failed.append(f"{path}: {case.how} → {type(error).__name__}: {str(error)[:300]}")
            if len(failed) <= 3:  # the first few in full (lines shortened)
                lines = "".join(traceback.format_exception(error)).splitlines()
                print("\n".join(line[:200] for line in lines[-25:]), file=sys.stderr)

    start = time.perf_counter()
    one()
    return outcomes, failed, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases in all (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--families", default=",".join(FAMILIES), help="comma-separated")
    parser.add_argument("--failures", type=Path, default=Path("/tmp/aipdesk-fuzz-failures"))
    parser.add_argument("--no-write", action="store_true", help="do not touch bench/RESULTS.md")
    args = parser.parse_args(argv)

    families = [f for f in args.families.split(",") if f]
    weights = {f: EXAMPLES[f] for f in families}
    total_weight = sum(weights.values())
    shares = {f: args.cases * w // total_weight for f, w in weights.items()}
    shares[families[0]] += args.cases - sum(shares.values())  # exactly --cases in all

    outcomes: Counter[str] = Counter()
    by_family: dict[str, tuple[Counter[str], float]] = {}
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="aipdesk-fuzz-") as folder:
        world = make_world(Path(folder))
        try:
            for family in families:
                got, bad, seconds = campaign(
                    world, family, shares[family], args.seed, args.failures
                )
                by_family[family] = (got, seconds)
                outcomes += got
                failed += bad
                print(
                    f"{family}: {sum(got.values())} cases in {seconds:.1f} s; {len(bad)} failed",
                    flush=True,
                )
        finally:
            unreadable = list(world.unreadable)
            for _, cause, how in unreadable[:80]:
                print("last line:", cause, "|", how[:200])
            world.close()

    run = sum(outcomes.values())
    seconds = sum(s for _, s in by_family.values())
    print(f"{run} cases, {seconds:.1f} s, {len(failed)} failed")
    for outcome, count in sorted(outcomes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {count:6d}  {outcome}")
    for line in failed[:50]:
        print("FAILED", line)

    if args.no_write:
        return 1 if failed else 0
    accepted = outcomes["accepted"] + outcomes["accepted (dry run)"]
    lines = [
        f"- Cases run: **{run:,}** (seed {args.seed}) in {seconds:.0f} s, "
        f"{1000 * seconds / max(run, 1):.1f} ms per case; "
        + ", ".join(
            f"{FAMILIES[f][0]} {sum(c.values()):,} ({s:.0f} s)" for f, (c, s) in by_family.items()
        ),
        f"- **Failures: {len(failed)}** (a traceback, a refusal that changed the database, "
        "or a write other than the report's new and changed values)",
        f"- Accepted: {accepted:,} ({outcomes['accepted']:,} written and checked against the "
        f"report, {outcomes['accepted (dry run)']:,} dry runs that left the database as it was)",
        f"- Refused with a DomainError naming the file or sheet!cell, database unchanged: "
        f"{run - accepted - len(failed):,}, by error code:",
        "",
        "| cases | outcome |",
        "|---:|---|",
        *(
            f"| {count:,} | {outcome} |"
            for outcome, count in sorted(outcomes.items(), key=lambda kv: (-kv[1], kv[0]))
            if not outcome.startswith("accepted")
        ),
        "",
        "- Last-line handler (`import_unreadable`: what zipfile or openpyxl raised on the file "
        "that is not mapped to a precise refusal): "
        + (f"{len(unreadable)} cases, for example:" if unreadable else "never reached"),
        *(
            f"  - {cause[:120]} ← {how[:160]}"
            for cause, how in {
                cause.split(":")[0]: (cause, how) for _, cause, how in unreadable
            }.values()
        ),
        f"- Repeat: `.venv/bin/python bench/fuzz_import.py --cases {args.cases} "
        f"--seed {args.seed}`; in CI `.venv/bin/pytest tests/test_import_fuzz.py` runs "
        f"{sum(EXAMPLES.values()):,} cases (fixed, derandomized)",
    ]
    write_section(TITLE, lines)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
