"""The SIGKILL loop behind tests/test_crash_safety.py and bench/crash_loop.py.

One SQLite database (the AIP 2021 demo to start with) is written by real
writer processes (tests/support/crash_writers.py), each killed with SIGKILL after a
seeded random delay:

- log:    `log_value` in a loop, each write acknowledged in a journal (fsync);
- import: `aipdesk import` of a workbook with 1,800 values;
- merge:  `aipdesk merge --prefer theirs` of a database with 1,800 values;
- gui:    the real main window, offscreen, editing grid cells through setData.

After every kill, before the next writer starts, the database must pass
`aipdesk check` (integrity_check, foreign keys; the command itself after every
`cli_check_every`-th writer run and at the end, its service function
in-process after the others) and PRAGMA integrity_check, and hold exactly what the
acknowledged writes say: every acknowledged value, and otherwise only the one
write that was in flight (log, gui) or all or none of an import or merge
(all if the command printed its summary). Every stored value must also be the
newest entry of the change log for its cell, and the change log must hold
exactly one entry per committed write. The database is never reset, so
damage would accumulate over the rounds.

Kills land at random points: for log and gui mostly while the writer writes
(sometimes during its start-up); for import and merge 40 % anywhere in the run,
30 % after the write transaction's BEGIN (spread over the time up to the
command's exit) and 30 % after its COMMIT began (spread over twice the time a
COMMIT takes). The writers mark BEGIN, COMMIT and its return in their journal,
so each kill is classed by where it landed. The first import and the first
merge run to the end unkilled, to time these phases and to check the success path.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.crash_writers import Cell, bulk_cells

REPO = Path(__file__).resolve().parents[2]
KINDS = ("log", "import", "merge", "gui")
SHARES = {"log": 0.40, "import": 0.22, "merge": 0.19, "gui": 0.19}
RUNNING_WINDOW = {"log": 0.5, "gui": 1.2}  # seconds of writing after `ready` to kill within
STARTUP_SHARE = 0.2  # log and gui kills that may land before the writer is ready
WAIT_LIMIT = 120.0  # seconds any single writer may take before the loop gives up on it
SUCCESS_TEXT = {"import": "Gespeichert:", "merge": "übernommen"}
BULK_MODES = (("anywhere", 0.4), ("transaction", 0.3), ("commit", 0.3))
PHASES = (  # where an import or merge was killed, from its journal
    "before the write transaction",
    "inside the write transaction",
    "during COMMIT",
    "after COMMIT, before the report",
    "after the report",
    "unkilled",
)


def split_kills(total: int) -> dict[str, int]:
    """`total` kills over the kinds in the proportions of SHARES (largest remainder)."""
    raw = {kind: total * SHARES[kind] for kind in KINDS}
    counts = {kind: int(raw[kind]) for kind in KINDS}
    for kind in sorted(KINDS, key=lambda k: raw[k] - counts[k], reverse=True):
        if sum(counts.values()) >= total:
            break
        counts[kind] += 1
    return counts


@dataclass
class State:
    """What the database holds, read with sqlite3 after a kill."""

    values: dict[Cell, int]
    last_log: dict[Cell, tuple[str, int | None]]  # newest change-log entry: (action, new value)
    log_by_user: Counter[str]


@dataclass
class Round:
    number: int
    kind: str
    mode: str  # running | startup (log, gui); anywhere | transaction | commit | unkilled
    killed: bool = False
    seconds: float = 0.0  # spawn to kill (or exit)
    acked: int = 0  # writes (log, gui) or values (import, merge) reported as done
    in_flight: bool | None = None  # log, gui: the write under way was committed (None: none)
    applied: bool | None = None  # import, merge: all values there (False: none)
    phase: str = ""  # import, merge: where the kill landed
    lost: int = 0
    partial: bool = False
    integrity_failed: bool = False
    problems: list[str] = field(default_factory=list)


@dataclass
class Tally:
    seed: int
    rounds: list[Round] = field(default_factory=list)
    seconds: float = 0.0
    timing: dict[str, dict[str, float]] = field(default_factory=dict)

    def killed(self, kind: str | None = None) -> list[Round]:
        return [r for r in self.rounds if r.killed and kind in (None, r.kind)]

    @property
    def kills(self) -> int:
        return len(self.killed())

    @property
    def acked(self) -> int:
        return sum(r.acked for r in self.rounds)

    @property
    def lost(self) -> int:
        return sum(r.lost for r in self.rounds)

    @property
    def partial(self) -> int:
        return sum(r.partial for r in self.rounds)

    @property
    def integrity_failures(self) -> int:
        return sum(r.integrity_failed for r in self.rounds)

    @property
    def problems(self) -> list[str]:
        return [
            f"round {r.number} ({r.kind}, {r.mode}): {p}" for r in self.rounds for p in r.problems
        ]

    @property
    def other_problems(self) -> int:
        """Problems besides lost values (unexplained changes, change log, integrity, …)."""
        return sum(1 for r in self.rounds for p in r.problems if not p.startswith("lost"))

    def lines(self) -> list[str]:
        """A readable account: kills per kind and where they landed, the verdicts."""
        out = [
            f"seed {self.seed}: {self.kills} kills in {len(self.rounds)} runs, {self.seconds:.1f} s"
        ]
        for kind in KINDS:
            rounds = self.killed(kind)
            modes = Counter(r.mode for r in rounds)
            text = f"{kind}: {len(rounds)} kills ("
            text += ", ".join(f"{n} {m}" for m, n in sorted(modes.items())) + ")"
            if kind in ("log", "gui"):
                flight = [r.in_flight for r in rounds if r.in_flight is not None]
                acked = sum(r.acked for r in self.rounds if r.kind == kind)
                text += (
                    f"; {acked} writes acknowledged; a write was in flight at "
                    f"{len(flight)} kills (committed {sum(flight)}, "
                    f"not committed {len(flight) - sum(flight)})"
                )
            else:
                phases = Counter((r.phase, "all" if r.applied else "none") for r in rounds)
                text += "; " + ", ".join(
                    f"{n}× {phase} → {outcome}"
                    for (phase, outcome), n in sorted(
                        phases.items(), key=lambda item: (PHASES.index(item[0][0]), item[0][1])
                    )
                )
                done = [r for r in self.rounds if r.kind == kind and not r.killed]
                text += f"; {len(done)} run(s) finished unkilled"
                when = self.timing.get(kind, {})
                if when:
                    text += (
                        " (last: "
                        + ", ".join(
                            f"{k.upper() if k != 'exit' else k} at {v:.2f} s"
                            for k, v in sorted(when.items(), key=lambda kv: kv[1])
                        )
                        + " after spawn)"
                    )
            out.append(text)
        out.append(
            f"values acknowledged {self.acked}, lost {self.lost}, integrity failures "
            f"{self.integrity_failures}, partial imports/merges {self.partial}, "
            f"other problems {self.other_problems}"
        )
        return out


class WriterFailed(RuntimeError):
    """A writer stopped on its own with an error: a fault of the loop, not a crash result."""


def _read_journal(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    return [line.split() for line in path.read_text().splitlines() if line.strip()]


def _month(text: str) -> tuple[int, int]:
    year, month = text.split("-")
    return int(year), int(month)


def read_state(path: Path) -> State:
    conn = sqlite3.connect(path, timeout=30)
    try:
        values = {
            (p, m, y, mo): v
            for p, m, y, mo, v in conn.execute(
                "SELECT p.code, m.code, v.year, v.month, v.value FROM monthly_values v "
                "JOIN projects p ON p.id = v.project_id JOIN metrics m ON m.id = v.metric_id"
            )
        }
        last_log: dict[Cell, tuple[str, int | None]] = {}
        for p, m, y, mo, action, new in conn.execute(
            "SELECT project, metric, year, month, action, new FROM change_log WHERE id IN "
            "(SELECT max(id) FROM change_log WHERE entity = 'value' "
            "GROUP BY project, metric, year, month)"
        ):
            last_log[(p, m, y, mo)] = (action, json.loads(new)["value"] if new else None)
        by_user = Counter(
            dict(
                conn.execute(
                    "SELECT user, count(*) FROM change_log WHERE entity = 'value' GROUP BY user"
                ).fetchall()
            )
        )
    finally:
        conn.close()
    return State(values, last_log, by_user)


def integrity(path: Path) -> list[str]:
    """PRAGMA integrity_check and foreign_key_check through plain sqlite3: [] when sound."""
    conn = sqlite3.connect(path, timeout=30)
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        problems = [] if result == ["ok"] else [f"integrity_check: {r}" for r in result]
        for row in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign_key_check: {row}")
    finally:
        conn.close()
    return problems


class CrashLoop:
    """The loop on one database in `workdir`; `say` gets a line per round."""

    def __init__(
        self,
        workdir: Path,
        seed: int,
        python: str = sys.executable,
        say: Callable[[str], None] = print,
        cli_check_every: int = 1,
    ) -> None:
        self.workdir = workdir
        self.db = workdir / "crash.sqlite"
        self.merge_base = workdir / "merge-base.sqlite"
        self.seed = seed
        self.rng = random.Random(seed)
        self.python = python
        self.say = say
        self.cli_check_every = cli_check_every
        self.cells = bulk_cells()
        self.timing: dict[str, dict[str, float]] = {}  # kind -> phase -> seconds after spawn
        tmp = workdir / "tmp"
        tmp.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONUNBUFFERED": "1",
            "PYTHONIOENCODING": "utf-8",
            "TMPDIR": str(tmp),  # a killed merge leaves its private copy here
            "XDG_DATA_HOME": str(workdir / "xdg-data"),
            "XDG_STATE_HOME": str(workdir / "xdg-state"),
            "XDG_CONFIG_HOME": str(workdir / "xdg-config"),
        }
        self.env.pop("AIPDESK_DB", None)

    # -- set-up -------------------------------------------------------------------------
    def setup(self) -> None:
        """The demo database to be written, and the database the merges take values from."""
        from aipdesk.domain.months import Month
        from aipdesk.services.base import Actor
        from aipdesk.services.batch import Incoming, write_values
        from aipdesk.services.catalogue import load_catalogue
        from aipdesk.services.database import open_database
        from aipdesk.services.demo import load_demo

        db = open_database(self.db)  # what `aipdesk demo --year 2021` does
        try:
            load_demo(db, Actor("demo", "demo"), 2021)
            # The writers' values (base + seq, in the ten thousands) lie far outside the
            # demo's series; the plausibility check is not what this loop is about.
            with db.write() as session:
                session.connection().exec_driver_sql(
                    "UPDATE metrics SET plausibility_factor = 1000000"
                )
        finally:
            db.close()
        other = open_database(self.merge_base)
        try:
            load_catalogue(other, Actor("other", "test"))
            write_values(
                other,
                Actor("other", "test"),
                [Incoming(p, m, Month(y, mo), 1) for p, m, y, mo in self.cells],
            )
        finally:
            other.close()

    def aipdesk(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the aipdesk command line (`check` may fail, the others raise WriterFailed)."""
        result = subprocess.run(
            [self.python, "-m", "aipdesk", *args],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=WAIT_LIMIT,
        )
        if result.returncode != 0 and args[0] != "check":
            raise WriterFailed(f"aipdesk {args[0]} failed: {result.stderr.strip()}")
        return result

    def check(self) -> list[str]:
        """What `aipdesk check` runs (services.maintenance.check_location), in this
        process: cheaper than the command, so a test may run the command only after some
        of the kills."""
        from aipdesk.services.maintenance import check_location

        problems, _facts = check_location(self.db)
        return [f"check: {de}" for de, _ in problems]

    # -- the loop -------------------------------------------------------------------------
    def run(self, kills: dict[str, int]) -> Tally:
        tally = Tally(self.seed)
        start = time.perf_counter()
        queue = [kind for kind in KINDS for _ in range(kills.get(kind, 0))]
        self.rng.shuffle(queue)
        for kind in ("merge", "import"):  # first of each: unkilled, to time its phases
            if kind in queue:
                queue.insert(0, kind)
        self.timing = {}
        attempts = 0
        while queue:
            kind = queue.pop(0)
            attempts += 1
            if attempts > 3 * sum(kills.values()) + 10:
                raise RuntimeError("too many writers finished before their kill")
            done = self._round(len(tally.rounds) + 1, kind)
            tally.rounds.append(done)
            self.say(self._describe(done))
            if not done.killed and done.mode != "unkilled":
                queue.append(kind)  # it finished before the kill: try that kind again
        final = self.aipdesk("check", "--db", str(self.db))
        if final.returncode != 0 and tally.rounds:
            tally.rounds[-1].integrity_failed = True
            tally.rounds[-1].problems.append(f"final aipdesk check: {final.stderr}")
        tally.seconds = time.perf_counter() - start
        tally.timing = self.timing
        return tally

    def _describe(self, r: Round) -> str:
        what = "killed" if r.killed else "finished"
        text = f"round {r.number:3d} {r.kind:<6} {r.mode:<11} {what} after {r.seconds:5.2f} s"
        if r.kind in ("log", "gui"):
            flight = {
                None: "",
                True: ", in-flight write committed",
                False: ", in-flight write not committed",
            }[r.in_flight]
            text += f": {r.acked} acknowledged{flight}"
        else:
            text += f": {r.phase} → {'all' if r.applied else 'none'}"
        if r.problems:
            text += " — PROBLEMS: " + "; ".join(r.problems[:5])
        return text

    def _round(self, number: int, kind: str) -> Round:
        base = 10_000 * (number + 1)  # unique values: base + seq (log, gui) or + index (bulk)
        user = f"crash-{kind}-{number}"
        journal = self.workdir / f"journal-{number}.txt"
        out = self.workdir / f"stdout-{number}.txt"
        prior = read_state(self.db)
        incoming: dict[Cell, int] = {}
        if kind in ("log", "gui"):
            command = [
                "-m",
                "tests.support.crash_writers",
                kind,
                "--db",
                str(self.db),
                "--journal",
                str(journal),
                "--seed",
                str(self.rng.randrange(2**31)),
                "--base",
                str(base),
                "--user",
                user,
            ]
        else:
            incoming = {cell: base + i for i, cell in enumerate(self.cells)}
            source = self._prepare(kind, number, incoming)
            args = (
                ["import", "--db", str(self.db), str(source), "--overwrite-conflicts"]
                if kind == "import"
                else ["merge", "--db", str(self.db), str(source), "--prefer", "theirs"]
            )
            command = [
                "-m",
                "tests.support.crash_writers",
                "cli",
                "--journal",
                str(journal),
                "--",
                *args,
                "--user",
                user,
            ]
        mode = self._mode(kind)
        result = Round(number, kind, mode)
        with out.open("w") as stdout, (self.workdir / f"stderr-{number}.txt").open("w") as stderr:
            proc = subprocess.Popen(
                [self.python, *command], cwd=REPO, env=self.env, stdout=stdout, stderr=stderr
            )
            try:
                result.killed, result.seconds = self._schedule_kill(proc, kind, mode, journal)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
        if not result.killed and proc.returncode != 0:
            err = (self.workdir / f"stderr-{number}.txt").read_text().strip()
            raise WriterFailed(f"round {number} ({kind}) exited {proc.returncode}: {err[-2000:]}")
        self._verify(result, prior, journal, out, user, incoming)
        for leftover in (journal, out, self.workdir / f"stderr-{number}.txt"):
            if not result.problems:
                leftover.unlink(missing_ok=True)
        for source in self.workdir.glob(f"source-{number}.*"):
            source.unlink()
        return result

    def _prepare(self, kind: str, number: int, incoming: dict[Cell, int]) -> Path:
        """The workbook to import or the database to merge, holding `incoming`."""
        if kind == "import":
            from openpyxl import Workbook

            path = self.workdir / f"source-{number}.xlsx"
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Daten")
            ws.append(["Jahr", "Monat", "Projekt", "Kennzahl", "Wert"])
            for (p, m, y, mo), value in incoming.items():
                ws.append([y, mo, p, m, value])
            wb.save(path)
            return path
        path = self.workdir / f"source-{number}.sqlite"
        shutil.copyfile(self.merge_base, path)
        conn = sqlite3.connect(path)
        try:
            ids = {
                (p, m, y, mo): rid
                for rid, p, m, y, mo in conn.execute(
                    "SELECT v.id, p.code, m.code, v.year, v.month FROM monthly_values v "
                    "JOIN projects p ON p.id = v.project_id JOIN metrics m ON m.id = v.metric_id"
                )
            }
            with conn:
                conn.executemany(
                    "UPDATE monthly_values SET value = ? WHERE id = ?",
                    [(value, ids[cell]) for cell, value in incoming.items()],
                )
        finally:
            conn.close()
        return path

    def _mode(self, kind: str) -> str:
        if kind in ("log", "gui"):
            known = "ready" in self.timing.get(kind, {})
            return "startup" if known and self.rng.random() < STARTUP_SHARE else "running"
        if "exit" not in self.timing.get(kind, {}):
            return "unkilled"
        return self.rng.choices([m for m, _ in BULK_MODES], [w for _, w in BULK_MODES])[0]

    def _schedule_kill(
        self, proc: subprocess.Popen[bytes], kind: str, mode: str, journal: Path
    ) -> tuple[bool, float]:
        """Watch the journal and SIGKILL `proc` when `mode` says: (killed, seconds since spawn).

        Runs that end on their own update the kind's timing (when BEGIN, COMMIT, its
        return and the exit came), which the next kills of that kind are spread over.
        """
        timing = self.timing.setdefault(kind, {})
        commit = max(timing.get("committed", 0.0) - timing.get("commit", 0.0), 0.005)
        delay = {
            "unkilled": 0.0,
            "running": self.rng.uniform(0.0, RUNNING_WINDOW.get(kind, 0.0)),
            "startup": self.rng.uniform(0.0, timing.get("ready", 0.0)),
            "transaction": self.rng.uniform(
                0.0, max(timing.get("exit", 0.0) - timing.get("begin", 0.0), 0.05)
            ),
            "commit": self.rng.uniform(0.0, 2 * commit),
            "anywhere": self.rng.uniform(0.0, timing.get("exit", 0.0)),
        }[mode]
        after = {"running": "ready", "transaction": "begin", "commit": "commit"}.get(mode)
        t0 = time.monotonic()
        seen: dict[str, float] = {}
        offset = 0
        killed = False
        while True:
            exited = proc.poll() is not None
            now = time.monotonic() - t0
            if journal.exists():
                with journal.open("rb") as fh:
                    fh.seek(offset)
                    chunk = fh.read()
                complete = chunk.rfind(b"\n") + 1
                offset += complete
                for line in chunk[:complete].decode().splitlines():
                    seen.setdefault(line.split(" ", 1)[0], now)
            if exited:
                break
            start = seen.get(after) if after else 0.0
            if mode != "unkilled" and start is not None and now >= start + delay:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=WAIT_LIMIT)
                killed = proc.returncode == -signal.SIGKILL
                break
            if now > WAIT_LIMIT:
                raise WriterFailed(f"{kind} writer still running after {WAIT_LIMIT} s ({mode})")
            time.sleep(0.002)
        elapsed = time.monotonic() - t0
        if "ready" in seen:
            timing["ready"] = seen["ready"]
        if not killed and proc.returncode == 0 and kind in ("import", "merge"):
            timing.update({k: seen[k] for k in ("begin", "commit", "committed") if k in seen})
            timing["exit"] = elapsed
        return killed, elapsed

    # -- the checks -----------------------------------------------------------------------
    def _verify(
        self,
        result: Round,
        prior: State,
        journal: Path,
        out: Path,
        user: str,
        incoming: dict[Cell, int],
    ) -> None:
        # The product's own check opens the database first: it recovers the WAL the
        # killed writer left and must find the file sound.
        if result.number % self.cli_check_every == 0:
            check = self.aipdesk("check", "--db", str(self.db))
            if check.returncode != 0:
                result.integrity_failed = True
                result.problems.append(f"aipdesk check exit {check.returncode}: {check.stderr}")
        else:
            broken = self.check()
            result.integrity_failed = bool(broken)
            result.problems.extend(broken)
        broken = integrity(self.db)
        if broken:
            result.integrity_failed = True
            result.problems.extend(broken)
        state = read_state(self.db)
        lines = _read_journal(journal)
        if result.kind in ("log", "gui"):
            self._verify_writes(result, prior, state, lines, user)
        else:
            self._verify_bulk(result, prior, state, lines, out, user, incoming)
        for cell, value in state.values.items():
            entry = state.last_log.get(cell)
            if entry is None or entry[1] != value:
                result.problems.append(
                    f"change log out of step: {cell} holds {value}, "
                    f"its newest log entry says {entry}"
                )
        for cell, (action, _new) in state.last_log.items():
            if cell not in state.values and action != "delete":
                result.problems.append(f"change log out of step: {cell} logged, not stored")

    def _unchanged(self, result: Round, prior: State, state: State, skip: set[Cell]) -> None:
        for cell in (prior.values.keys() | state.values.keys()) - skip:
            before, now = prior.values.get(cell), state.values.get(cell)
            if before != now:
                result.lost += before is not None
                result.problems.append(
                    f"{'lost' if before is not None else 'unexplained'}: {cell} held {before} "
                    f"before this writer, which did not touch it; now {now}"
                )

    def _verify_writes(
        self, result: Round, prior: State, state: State, lines: list[list[str]], user: str
    ) -> None:
        intents: dict[int, tuple[Cell, int]] = {}
        acks: list[int] = []
        for line in lines:
            if line[0] == "intent":
                _seq, project, metric, month, number = line[1:]
                intents[int(line[1])] = ((project, metric, *_month(month)), int(number))
            elif line[0] == "ack":
                acks.append(int(line[1]))
        if acks != list(range(len(acks))):
            result.problems.append(f"journal out of order: acks {acks[:5]}…")
            return
        result.acked = len(acks)
        expected = dict(prior.values)
        acked_cells: set[Cell] = set()
        for seq in acks:
            cell, value = intents[seq]
            expected[cell] = value
            acked_cells.add(cell)
        flight = intents.get(len(acks))
        if flight is not None:
            result.in_flight = False
        touched = acked_cells | ({flight[0]} if flight else set())
        self._unchanged(result, prior, state, touched)
        for cell in touched:
            want, got = expected.get(cell), state.values.get(cell)
            if got == want:
                continue
            if flight is not None and cell == flight[0] and got == flight[1]:
                result.in_flight = True
                continue
            if cell in acked_cells:
                result.lost += 1
                result.problems.append(f"lost: {cell} acknowledged {want}, found {got}")
            else:
                result.problems.append(f"unexplained: {cell} was {want}, found {got}")
        committed = result.acked + (1 if result.in_flight else 0)
        if state.log_by_user[user] != committed:
            result.problems.append(
                f"change log holds {state.log_by_user[user]} entries of {user}, "
                f"{committed} writes committed"
            )

    def _verify_bulk(
        self,
        result: Round,
        prior: State,
        state: State,
        lines: list[list[str]],
        out: Path,
        user: str,
        incoming: dict[Cell, int],
    ) -> None:
        markers = {line[0] for line in lines}
        exits = [line[1] for line in lines if line[0] == "exit"]
        printed = SUCCESS_TEXT[result.kind] in out.read_text(encoding="utf-8", errors="replace")
        reported = exits == ["0"] or printed
        if not result.killed:
            result.phase = "unkilled"
        elif reported:
            result.phase = "after the report"
        elif "committed" in markers:
            result.phase = "after COMMIT, before the report"
        elif "commit" in markers:
            result.phase = "during COMMIT"
        elif "begin" in markers:
            result.phase = "inside the write transaction"
        else:
            result.phase = "before the write transaction"
        self._unchanged(result, prior, state, set(incoming))
        there = sum(state.values.get(cell) == value for cell, value in incoming.items())
        untouched = all(state.values.get(c) == prior.values.get(c) for c in incoming)
        result.applied = there == len(incoming)
        if not result.applied and not untouched:
            result.partial = True
            result.problems.append(
                f"partial {result.kind}: {there} of {len(incoming)} values stored"
            )
        if reported:
            result.acked = len(incoming)
            if not result.applied:
                result.lost += len(incoming) - there
                result.problems.append(
                    f"lost: the {result.kind} reported success, {there} of {len(incoming)} "
                    "values stored"
                )
        logged = state.log_by_user[user]
        if logged != (len(incoming) if result.applied else 0):
            result.problems.append(
                f"change log holds {logged} entries of {user}, "
                f"{there if result.applied else 0} values written"
            )
