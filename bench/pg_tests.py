"""How many tests run against PostgreSQL: runs them and writes a section of bench/RESULTS.md.

The storage and service tests run on SQLite and on PostgreSQL (tests/conftest.py);
`-m postgresql` selects the PostgreSQL half and tests/test_postgres.py. This runs
that selection with pytest and records how many passed, per test file, and how
long it took.

    .venv/bin/python bench/pg_tests.py

Uses the server in AIPDESK_TEST_PG_URL; without one it starts a throwaway server
with .ci/pg-test-server (and stops it again).
"""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the repo, for bench.results

from bench.results import write_section  # noqa: E402

SERVER_SCRIPT = ROOT / ".ci" / "pg-test-server"
COMMAND = "AIPDESK_TEST_PG_URL=… .venv/bin/python -m pytest -m postgresql"


def server_version(url: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
            zone = conn.execute(text("SHOW TimeZone")).scalar()
            provider = conn.execute(
                text(
                    "SELECT datlocprovider::text || ' ' || coalesce(daticulocale, datcollate) "
                    "FROM pg_database WHERE datname = current_database()"
                )
            ).scalar()
    finally:
        engine.dispose()
    kinds = {"i": "ICU", "c": "libc"}
    provider = f"{kinds.get(str(provider)[:1], provider)} {str(provider)[2:]}"
    return f"PostgreSQL {version}, time zone {zone}, collation {provider}"


def run_tests(url: str, report: Path) -> tuple[int, float]:
    env = {**os.environ, "AIPDESK_TEST_PG_URL": url, "CI": "1", "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "postgresql", "-q", "-p", "no:cacheprovider",
         f"--junitxml={report}"],
        cwd=ROOT,
        env=env,
    )
    return result.returncode, time.perf_counter() - start


def outcomes(report: Path) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """(outcome -> count, test file -> passed) from pytest's JUnit XML."""
    totals: collections.Counter[str] = collections.Counter()
    passed: collections.Counter[str] = collections.Counter()
    for case in ET.parse(report).getroot().iter("testcase"):
        classname = case.get("classname", "")  # tests.test_store
        module = classname.split(".")[1] if "." in classname else "?"
        if case.find("failure") is not None or case.find("error") is not None:
            totals["failed"] += 1
        elif (skipped := case.find("skipped")) is not None:
            totals["xfailed" if skipped.get("type") == "pytest.xfail" else "skipped"] += 1
        else:
            totals["passed"] += 1
            passed[f"{module}.py"] += 1
    return totals, passed


def main() -> int:
    url = os.environ.get("AIPDESK_TEST_PG_URL")
    started = False
    if not url:
        url = subprocess.run(
            [str(SERVER_SCRIPT), "start"], check=True, capture_output=True, text=True
        ).stdout.strip()
        started = True
    try:
        server = server_version(url)
        with tempfile.TemporaryDirectory() as folder:
            report = Path(folder) / "junit.xml"
            code, seconds = run_tests(url, report)
            totals, passed = outcomes(report)
    finally:
        if started:
            subprocess.run([str(SERVER_SCRIPT), "stop"], check=False)
    per_file = ", ".join(f"{name} {count}" for name, count in sorted(passed.items()))
    summary = ", ".join(f"{totals[k]} {k}" for k in ("passed", "xfailed", "skipped", "failed")
                        if totals[k])
    write_section(
        "PostgreSQL tests (`bench/pg_tests.py`)",
        [
            f"- Server: {server}; unix socket only (`.ci/pg-test-server`)",
            f"- **{totals['passed']} tests passed against PostgreSQL** ({summary}) in "
            f"{seconds:.0f} s",
            f"- Passed per file: {per_file}",
            *(["- xfailed: known bugs not yet fixed, each with its reason (`pytest -rx`)"]
              if totals["xfailed"] else []),
            f"- Repeat: `.venv/bin/python bench/pg_tests.py` (runs `{COMMAND}`; without "
            "AIPDESK_TEST_PG_URL it starts and stops a server with `.ci/pg-test-server`)",
        ],
    )
    print(f"{summary} in {seconds:.0f} s; bench/RESULTS.md updated")
    return code


if __name__ == "__main__":
    sys.exit(main())
