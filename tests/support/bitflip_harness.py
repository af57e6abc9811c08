"""The bit-flip loop: damaged copies of a database put to the command line.

Each case is a copy of the demo database with one to ten bits flipped at seeded
random places (anywhere in the file: header, schema, tables, indexes, free pages). SQLite's
own `PRAGMA integrity_check` on the copy, before aipdesk sees it, is the judge of
whether the file is sound. Then `status`, `history`, `log` and `check` run on it,
in this process, and the promises are checked:

- never a traceback, an "unexpected error" or a raw database error; exit 0 or 1;
  one line on stderr (`check`: one line per finding);
- `log` (a write) on a file SQLite finds damaged exits 1 and leaves the file byte
  for byte as it was; when `log` exits 0, the file passes integrity_check after
  it and holds the value;
- `check` exits 1 on a file SQLite finds damaged.

tests/hardening/test_bitflip.py runs a few dozen cases; bench/bitflip.py hundreds,
for bench/RESULTS.md.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import random
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FLIPS = 10  # at most, per file
VALUE = 4711
LOG = (
    "log", "--project", "NEUSTART", "--metric", "integrations", "--month", "2021-05",
    "--value", str(VALUE),
)  # fmt: skip
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("status", "--year", "2021"),
    ("history",),
    LOG,
    ("check",),
)
FORBIDDEN = ("Traceback", "Unerwarteter Fehler", "Datenbankfehler", "Exception ignored")


def damaged_copy(source: bytes, rng: random.Random) -> bytes:
    data = bytearray(source)
    for _ in range(1 + rng.randrange(FLIPS)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def sqlite_verdict(path: Path) -> bool:
    """Whether SQLite's integrity_check passes on `path` (read without writing)."""
    try:
        conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
        conn.text_factory = bytes  # a finding may quote damaged text
        try:
            return [r[0] for r in conn.execute("PRAGMA integrity_check")] == [b"ok"]
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # a message quoting damaged bytes
        return False


def stored_value(path: Path) -> int | None:
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        row = conn.execute(
            "SELECT value FROM monthly_values WHERE year = 2021 AND month = 5 AND "
            "project_id = (SELECT id FROM projects WHERE code = 'NEUSTART') AND "
            "metric_id = (SELECT id FROM metrics WHERE code = 'integrations')"
        ).fetchone()
        return None if row is None else int(row[0])
    finally:
        conn.close()


def _settled(path: Path) -> bool:
    """Fold the WAL into the file (the command's connections closed first), so that the
    file alone shows what was committed."""
    gc.collect()
    try:
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return True


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Tally:
    seed: int
    cases: int = 0
    sound: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        return [f"{count:>5} {what}" for what, count in sorted(self.outcomes.items())]


def _run(main: Callable[[list[str]], int], args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, err.getvalue()


def run_loop(source: Path, folder: Path, seed: int, cases: int) -> Tally:
    """`cases` damaged copies of `source` in `folder`, each put to every command."""
    from aipdesk.cli import main

    rng = random.Random(seed)
    original = source.read_bytes()
    tally = Tally(seed)
    started = time.perf_counter()
    for number in range(cases):
        path = folder / f"kaputt-{number:04d}.sqlite"
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.write_bytes(damaged_copy(original, rng))
        sound = sqlite_verdict(path)
        tally.cases += 1
        tally.sound += sound
        for command in COMMANDS:
            before = digest(path)
            code, err = _run(main, [command[0], "--db", str(path), *command[1:]])
            name = command[0]
            verdict = "ok" if code == 0 else "refused"
            tally.outcomes[f"{'sound' if sound else 'damaged'} file, {name}: {verdict}"] += 1

            def problem(what: str, case: int = number, name: str = name, err: str = err) -> None:
                tally.problems.append(f"case {case} (seed {seed}), {name}: {what}: {err!r}")

            if code not in (0, 1):
                problem(f"exit {code}")
            if any(sign in err for sign in FORBIDDEN):
                problem("not one clear line")
            if name != "check" and err.count("\n") > 1:
                problem("more than one line")
            if name == "check" and not sound and code != 1:
                problem("check passed a damaged file")
            if name == "log" and not sound and (code != 1 or digest(path) != before):
                problem("written into a damaged file")
            if (
                name == "log"
                and code == 0
                and (not _settled(path) or not sqlite_verdict(path) or stored_value(path) != VALUE)
            ):
                problem("the write left the file damaged or did not store the value")
    tally.seconds = time.perf_counter() - started
    return tally
