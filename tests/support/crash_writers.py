"""Writer processes for the crash-safety kill loop (tests/support/crash_harness.py).

Each writer is a separate process that the loop kills with SIGKILL at a
random moment. It tells the loop what it did through a journal file, one
line per event, written with os.write (a SIGKILL keeps what the kernel
already has) and fsync'd where the line reports success:

    ready                     the database is open (log) or the window shows its figures (gui)
    intent SEQ P M YYYY-MM V  about to write value V into (P, M, month)  (log, gui)
    ack SEQ                   that write reported success               (log, gui; fsync'd)
    begin / commit            a write transaction begins / is about to commit (cli)
    committed                 that COMMIT returned (cli)
    exit CODE                 the aipdesk command returned CODE          (cli; fsync'd)

Kinds:

    log  calls services.values.log_value in a loop (what `aipdesk log` runs);
    gui  builds the real main window offscreen and edits cells of the
         integrations grid through GridModel.setData, as the GUI tests do;
    cli  runs one aipdesk command (import, merge) through aipdesk.cli.main.

    python -m tests.support.crash_writers log --db DB --journal J --seed S --base B --user U
    python -m tests.support.crash_writers gui --db DB --journal J --seed S --base B --user U
    python -m tests.support.crash_writers cli --journal J -- import --db DB FILE.xlsx ...

Values are `base + seq`: unique per write, so every write changes its cell and
the loop can tell which write a stored value came from.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Sequence

# (project, metric) series of the AIP 2021 catalogue that take any value in 2021 and
# have no davon parent or children (so no value is ever refused by the davon rule).
GRID_SERIES: tuple[tuple[str, str], ...] = (
    ("NEUSTART", "integrations"),
    ("EXG", "integrations"),
    ("IP", "integrations"),
    ("LIA", "job_starts"),
    ("GUIDE", "participants"),
    ("JC", "integrations"),
)
# Series without a first or last month: the bulk cells of imports and merges.
BULK_SERIES: tuple[tuple[str, str], ...] = (
    ("JC", "integrations"),
    ("JC", "elb_stock"),
    ("JC", "lzb_stock"),
    ("EXG", "integrations"),
    ("TAAM", "taam_new"),
    ("TAAM", "taam_stock"),
)
BULK_YEARS = range(1995, 2020)
GRID_YEAR = 2021
MAX_WRITES = 9_999  # a writer's values stay below base + 10,000

Cell = tuple[str, str, int, int]  # (project, metric, year, month)


def bulk_cells() -> list[Cell]:
    """The cells every import workbook and merge database fills (1,800)."""
    return [(p, m, y, mo) for y in BULK_YEARS for mo in range(1, 13) for p, m in BULK_SERIES]


def log_cells() -> list[Cell]:
    """The cells the log writer picks from: the 2021 grid and two years of the bulk cells."""
    grid = [(p, m, GRID_YEAR, mo) for p, m in GRID_SERIES for mo in range(1, 13)]
    return grid + [c for c in bulk_cells() if c[2] >= 2018]


def gui_cells() -> list[Cell]:
    return [(p, m, GRID_YEAR, mo) for p, m in GRID_SERIES for mo in range(1, 13)]


class Journal:
    """Append-only event lines; `sync=True` waits until they are on the disk."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, line: str, sync: bool = False) -> None:
        os.write(self.fd, (line + "\n").encode())
        if sync:
            os.fsync(self.fd)


def _intent(journal: Journal, seq: int, cell: Cell, value: int) -> None:
    project, metric, year, month = cell
    journal.write(f"intent {seq} {project} {metric} {year:04d}-{month:02d} {value}")


def run_log(args: argparse.Namespace) -> int:
    from aipdesk.domain.months import Month
    from aipdesk.services.base import Actor
    from aipdesk.services.database import open_database
    from aipdesk.services.values import log_value

    journal = Journal(args.journal)
    rng = random.Random(args.seed)
    cells = log_cells()
    db = open_database(args.db, create=False)
    actor = Actor(args.user, "cli")
    journal.write("ready")
    for seq in range(MAX_WRITES):
        cell = rng.choice(cells)
        value = args.base + seq
        _intent(journal, seq, cell, value)
        project, metric, year, month = cell
        changes = log_value(db, actor, project, metric, Month(year, month), value)
        if not changes:
            raise RuntimeError(f"write {seq} changed nothing")
        journal.write(f"ack {seq}", sync=True)
    db.close()
    return 0


def run_gui(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from aipdesk.ui.application import build, wait_until_loaded
    from aipdesk.ui.models.grid_model import FIRST_MONTH

    journal = Journal(args.journal)
    rng = random.Random(args.seed)
    window = build(args.db, year=GRID_YEAR, user=args.user)
    window.resize(1200, 800)
    window.show()
    if not wait_until_loaded(window):
        raise RuntimeError("the window did not load its figures")
    window.show_pane("integrations")
    QApplication.processEvents()
    model = window.integrations.model
    cells = gui_cells()
    journal.write("ready")
    for seq in range(MAX_WRITES):
        cell = rng.choice(cells)
        project, metric, _year, month = cell
        row = model.find(project, metric)
        if row is None:
            raise RuntimeError(f"{project}/{metric} is not in the integrations grid")
        value = args.base + seq
        _intent(journal, seq, cell, value)
        # The model's setData stores through the backend (one transaction) and returns
        # True only once the service reported success.
        if not model.setData(model.index(row, FIRST_MONTH + month - 1), str(value)):
            raise RuntimeError(f"the grid refused write {seq}: {cell} = {value}")
        journal.write(f"ack {seq}", sync=True)
        QApplication.processEvents()  # let the window refresh, as it would between edits
    window.close()
    return 0


def run_cli(args: argparse.Namespace) -> int:
    from sqlalchemy import event
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

    from aipdesk.cli import main

    journal = Journal(args.journal)

    def is_write(conn: Connection) -> bool:
        return bool(conn.get_execution_options().get("aipdesk_begin") == "IMMEDIATE")

    def on_begin(conn: Connection) -> None:
        if is_write(conn):
            journal.write("begin")

    committing: list[bool] = []

    def on_commit(conn: Connection) -> None:
        if is_write(conn):
            journal.write("commit")
            committing.append(True)

    def after_commit(_session: Session) -> None:
        if committing:
            committing.clear()
            journal.write("committed")

    event.listen(Engine, "begin", on_begin)
    event.listen(Engine, "commit", on_commit)
    event.listen(Session, "after_commit", after_commit)
    code = main(args.command)
    sys.stdout.flush()
    journal.write(f"exit {code}", sync=True)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crash_writers")
    sub = parser.add_subparsers(dest="kind", required=True)
    for kind in ("log", "gui"):
        p = sub.add_parser(kind)
        p.add_argument("--db", required=True)
        p.add_argument("--journal", required=True)
        p.add_argument("--seed", type=int, required=True)
        p.add_argument("--base", type=int, required=True)
        p.add_argument("--user", required=True)
    p = sub.add_parser("cli")
    p.add_argument("--journal", required=True)
    p.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.kind == "cli" and args.command[:1] == ["--"]:
        args.command = args.command[1:]
    return {"log": run_log, "gui": run_gui, "cli": run_cli}[args.kind](args)


if __name__ == "__main__":
    sys.exit(main())
