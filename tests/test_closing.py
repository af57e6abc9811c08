"""The monthly close: open → reported → approved, the lock on approved months for every
write path, reopening with a reason and the count of changes after approval, the
Meldeschluss and timeliness, and what the status says is final."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from aipdesk.domain.closing import MonthState, default_deadline, on_time, parse_day
from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.batch import Incoming, WriteValues
from aipdesk.services.closing import (
    ApproveMonth,
    ReopenMonth,
    ReportMonth,
    SetDeadline,
)
from aipdesk.services.database import open_database
from aipdesk.services.demo import load_demo
from aipdesk.services.maintenance import history
from aipdesk.services.month_status import month_status
from aipdesk.services.status import status
from aipdesk.services.values import KEEP, SetCells, clear_value, get_value, log_value
from aipdesk.store.database import Database

MAY = Month(2021, 5)
JUNE = Month(2021, 6)
NEUSTART = ("NEUSTART", "integrations", MAY)


@pytest.fixture
def demo(db: Database, actor: Actor) -> Database:
    load_demo(db, actor, 2021)
    return db


def state_of(db: Database, project: str, month: Month) -> MonthState:
    (found,) = [s for s in month_status(db, month.year) if (s.project, s.month) == (project, month)]
    return found.state


def approve(db: Database, actor: Actor, project: str = "NEUSTART", month: Month = MAY) -> None:
    ReportMonth(project, month).run(db, actor)
    ApproveMonth(project, month).run(db, actor)


# -- rules ------------------------------------------------------------------------------------
def test_deadline_is_the_tenth_of_the_following_month() -> None:
    assert default_deadline(MAY) == date(2021, 6, 10)
    assert default_deadline(Month(2021, 12)) == date(2022, 1, 10)


def test_on_time_on_the_deadline_late_after_it_pending_before() -> None:
    due = date(2021, 6, 10)
    assert on_time(date(2021, 6, 10), due, date(2021, 7, 1)) is True
    assert on_time(date(2021, 6, 11), due, date(2021, 7, 1)) is False
    assert on_time(None, due, date(2021, 6, 10)) is None  # the deadline day itself
    assert on_time(None, due, date(2021, 6, 11)) is False


def test_days_are_read_german_or_iso_and_nonsense_is_refused() -> None:
    assert parse_day("14.06.2021") == parse_day("2021-06-14") == date(2021, 6, 14)
    for bad in ("31.02.2021", "2021-6-14", "morgen"):
        with pytest.raises(DomainError) as caught:
            parse_day(bad)
        assert caught.value.code == "bad_day"


# -- transitions ------------------------------------------------------------------------------
def test_report_then_approve(demo: Database, actor: Actor) -> None:
    assert state_of(demo, "NEUSTART", MAY) is MonthState.OPEN
    ReportMonth("NEUSTART", MAY).run(demo, actor)
    assert state_of(demo, "NEUSTART", MAY) is MonthState.REPORTED
    ApproveMonth("NEUSTART", MAY).run(demo, actor)
    assert state_of(demo, "NEUSTART", MAY) is MonthState.APPROVED
    # Each step is one change-log entry of the month.
    entries = [c for c in history(demo, "NEUSTART", None, MAY) if c.entity == "month"]
    assert [(c.action, c.old, c.new) for c in entries] == [
        ("insert", None, {"state": "reported"}),
        ("update", {"state": "reported"}, {"state": "approved"}),
    ]


def test_an_incomplete_month_is_neither_reported_nor_approved(demo: Database, actor: Actor) -> None:
    clear_value(demo, actor, "JC", "training_entries_degree", MAY)
    for op in (ReportMonth("JC", MAY), ApproveMonth("JC", MAY)):
        with pytest.raises(DomainError) as caught:
            op.run(demo, actor)
        assert caught.value.code == "month_incomplete"
        text_de = caught.value.text("de")
        assert text_de.startswith("Jobcenter") and "Mai 2021" in text_de
        assert "abschlussorientiert" in text_de  # the metric's name, not its code
        assert "training_entries_degree" not in text_de
    assert state_of(demo, "JC", MAY) is MonthState.OPEN


def test_approving_an_open_month_is_refused(demo: Database, actor: Actor) -> None:
    with pytest.raises(DomainError) as caught:
        ApproveMonth("NEUSTART", MAY).run(demo, actor)
    assert caught.value.code == "month_not_reported"
    assert state_of(demo, "NEUSTART", MAY) is MonthState.OPEN


def test_a_month_not_yet_ended_cannot_be_reported(demo: Database, actor: Actor) -> None:
    with pytest.raises(DomainError) as caught:
        ReportMonth("NEUSTART", MAY, today=date(2021, 5, 31)).run(demo, actor)
    assert caught.value.code == "month_in_future"
    ReportMonth("NEUSTART", MAY, today=date(2021, 6, 1)).run(demo, actor)


def test_reporting_twice_or_reopening_an_open_month_is_refused(
    demo: Database, actor: Actor
) -> None:
    with pytest.raises(DomainError) as caught:
        ReopenMonth("NEUSTART", MAY, "Tippfehler").run(demo, actor)
    assert caught.value.code == "month_is_open"
    ReportMonth("NEUSTART", MAY).run(demo, actor)
    with pytest.raises(DomainError) as caught:
        ReportMonth("NEUSTART", MAY).run(demo, actor)
    assert caught.value.code == "month_already"
    assert "bereits gemeldet" in caught.value.text("de")


def test_reopen_needs_a_reason_and_the_reason_is_in_the_history(
    demo: Database, actor: Actor
) -> None:
    approve(demo, actor)
    with pytest.raises(DomainError) as caught:
        ReopenMonth("NEUSTART", MAY, "   ").run(demo, actor)
    assert caught.value.code == "reopen_needs_reason"
    assert state_of(demo, "NEUSTART", MAY) is MonthState.APPROVED
    ReopenMonth("NEUSTART", MAY, "Nachmeldung des Trägers").run(demo, actor)
    assert state_of(demo, "NEUSTART", MAY) is MonthState.OPEN
    last = history(demo, "NEUSTART", None, MAY)[-1]
    assert last.entity == "month"
    assert last.new == {"state": "open", "reason": "Nachmeldung des Trägers"}


# -- the lock ---------------------------------------------------------------------------------
def test_an_approved_month_refuses_log_clear_and_cells(demo: Database, actor: Actor) -> None:
    before = get_value(demo, *NEUSTART)
    approve(demo, actor)
    attempts = [
        lambda: log_value(demo, actor, "NEUSTART", "integrations", MAY, 99, KEEP),
        lambda: clear_value(demo, actor, "NEUSTART", "integrations", MAY),
        lambda: SetCells({NEUSTART: (1, None)}).run(demo, actor),
    ]
    for attempt in attempts:
        with pytest.raises(DomainError) as caught:
            attempt()
        assert caught.value.code == "month_locked"
        assert "NeuStart, Mai 2021" in caught.value.text("de")
    assert get_value(demo, *NEUSTART) == before
    # June is not approved: written as ever.
    log_value(demo, actor, "NEUSTART", "integrations", JUNE, 77, KEEP)
    assert get_value(demo, "NEUSTART", "integrations", JUNE)[0] == 77


def test_a_batch_touching_an_approved_month_is_refused_whole(demo: Database, actor: Actor) -> None:
    approve(demo, actor)
    approve(demo, actor, "GUIDE")
    june_before = get_value(demo, "NEUSTART", "integrations", JUNE)
    incoming = (
        Incoming("NEUSTART", "integrations", JUNE, 1234, None),  # open: would be written
        Incoming("NEUSTART", "integrations", MAY, 1, None),
        Incoming("GUIDE", "participants", MAY, 2, None),
    )
    with pytest.raises(DomainError) as caught:
        WriteValues(incoming, origin="team.xlsx").run(demo, actor)
    assert caught.value.code == "months_locked"
    german = caught.value.text("de")
    assert "2 Werte" in german and "NeuStart Mai 2021 (1 Wert)" in german
    assert "GUIDE (rehapro) Mai 2021 (1 Wert)" in german
    assert get_value(demo, "NEUSTART", "integrations", JUNE) == june_before


def test_a_batch_that_leaves_an_approved_month_as_it_is_passes(
    demo: Database, actor: Actor
) -> None:
    """Re-importing an export with approved months in it changes nothing there: no lock."""
    approve(demo, actor)
    may = get_value(demo, *NEUSTART)
    assert may is not None
    incoming = (
        Incoming("NEUSTART", "integrations", MAY, may[0], may[1]),
        Incoming("NEUSTART", "integrations", JUNE, 4321, None),
    )
    WriteValues(incoming, origin="export.xlsx").run(demo, actor)
    assert get_value(demo, "NEUSTART", "integrations", JUNE)[0] == 4321


def test_reopen_unlocks_and_changes_after_approval_are_counted(
    demo: Database, actor: Actor
) -> None:
    approve(demo, actor)
    ReopenMonth("NEUSTART", MAY, "Korrektur").run(demo, actor)
    log_value(demo, actor, "NEUSTART", "integrations", MAY, 60, KEEP)
    log_value(demo, actor, "NEUSTART", "integrations", MAY, 61, KEEP)
    ReportMonth("NEUSTART", MAY).run(demo, actor)
    ApproveMonth("NEUSTART", MAY).run(demo, actor)
    (may,) = [s for s in month_status(demo, 2021) if (s.project, s.month) == ("NEUSTART", MAY)]
    assert may.state is MonthState.APPROVED
    assert may.changes_after_approval == 2
    others = [s for s in month_status(demo, 2021) if (s.project, s.month) != ("NEUSTART", MAY)]
    assert {s.changes_after_approval for s in others} == {0}


# -- undo -------------------------------------------------------------------------------------
def test_each_step_undoes_to_the_exact_state(demo: Database, actor: Actor) -> None:
    reported = ReportMonth("NEUSTART", MAY).run(demo, actor)
    approved = ApproveMonth("NEUSTART", MAY).run(demo, actor)
    reopened = ReopenMonth("NEUSTART", MAY, "Nachmeldung").run(demo, actor)
    assert state_of(demo, "NEUSTART", MAY) is MonthState.OPEN
    assert reopened.inverse is not None and approved.inverse is not None
    assert reported.inverse is not None
    reopened.inverse.run(demo, actor)
    assert state_of(demo, "NEUSTART", MAY) is MonthState.APPROVED
    approved.inverse.run(demo, actor)
    assert state_of(demo, "NEUSTART", MAY) is MonthState.REPORTED
    reported.inverse.run(demo, actor)
    (may,) = [s for s in month_status(demo, 2021) if (s.project, s.month) == ("NEUSTART", MAY)]
    assert (may.state, may.reported_by, may.approved_by) == (MonthState.OPEN, None, None)
    assert reported.changes.months == {("NEUSTART", MAY)}


def test_an_undo_after_a_colleagues_step_is_refused(demo: Database, actor: Actor) -> None:
    reported = ReportMonth("NEUSTART", MAY).run(demo, actor)
    ApproveMonth("NEUSTART", MAY).run(demo, Actor("koordination"))
    assert reported.inverse is not None
    with pytest.raises(DomainError) as caught:
        reported.inverse.run(demo, actor)
    assert caught.value.code == "month_state_changed"
    assert state_of(demo, "NEUSTART", MAY) is MonthState.APPROVED


# -- deadline and timeliness ------------------------------------------------------------------
def test_a_moved_deadline_decides_timeliness(demo: Database, actor: Actor) -> None:
    ReportMonth("NEUSTART", MAY).run(demo, actor)  # reported today, years after 2021
    (may,) = [s for s in month_status(demo, 2021) if (s.project, s.month) == ("NEUSTART", MAY)]
    assert (may.due, may.on_time) == (date(2021, 6, 10), False)
    far = date.today().replace(year=date.today().year + 1)
    done = SetDeadline(MAY, far).run(demo, actor)
    (may,) = [s for s in month_status(demo, 2021) if (s.project, s.month) == ("NEUSTART", MAY)]
    assert (may.due, may.on_time) == (far, True)
    # Every other project's May follows the same deadline: not reported, not passed.
    guide = [s for s in month_status(demo, 2021) if (s.project, s.month) == ("GUIDE", MAY)]
    assert guide[0].on_time is None
    assert done.inverse is not None
    done.inverse.run(demo, actor)
    (may,) = [s for s in month_status(demo, 2021) if (s.project, s.month) == ("NEUSTART", MAY)]
    assert may.due == date(2021, 6, 10)


def test_a_deadline_inside_its_month_is_refused(demo: Database, actor: Actor) -> None:
    with pytest.raises(DomainError) as caught:
        SetDeadline(MAY, date(2021, 5, 20)).run(demo, actor)
    assert caught.value.code == "deadline_before_month"


# -- what the status says is final --------------------------------------------------------------
def test_status_counts_the_approved_months_of_each_target(demo: Database, actor: Actor) -> None:
    for number in (1, 2, 3):
        approve(demo, actor, "NEUSTART", Month(2021, number))
    report = status(demo, 2021, Month(2021, 6))
    (row,) = [r for r in report.rows if r.project.code == "NEUSTART"]
    # NeuStart's target is the year 2021: January … June have elapsed, three approved.
    assert row.progress.months_elapsed == 6
    assert row.months_approved == 3
    assert row.provisional is True
    assert row.to_json()["months_approved"] == 3
    guide = [r for r in report.rows if r.project.code == "GUIDE"]
    assert all(r.months_approved == 0 and r.provisional for r in guide)
    for number in (4, 5, 6):
        approve(demo, actor, "NEUSTART", Month(2021, number))
    (row,) = [r for r in status(demo, 2021, Month(2021, 6)).rows if r.project.code == "NEUSTART"]
    assert (row.months_approved, row.provisional) == (6, False)


# -- the command line (contract) ----------------------------------------------------------------
def run_cli(*args: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from aipdesk.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_month_commands(tmp_path: Path) -> None:
    path = str(tmp_path / "close.sqlite")
    assert run_cli("demo", "--db", path)[0] == 0
    code, out, _ = run_cli(
        "month", "close", "--db", path, "--project", "NeuStart", "--month", "2021-05"
    )
    assert (code, out.strip()) == (0, "NeuStart, Mai 2021: gemeldet")
    code, out, _ = run_cli(
        "month", "approve", "--db", path, "--project", "NEUSTART", "--month", "2021-05"
    )
    assert code == 0
    code, _, err = run_cli(
        "log", "--db", path, "--project", "NEUSTART", "--metric", "integrations",
        "--month", "2021-05", "--value", "1",
    )  # fmt: skip
    assert code == 1 and "gesperrt" in err and err.count("\n") == 1
    code, out, _ = run_cli(
        "month", "reopen", "--db", path, "--project", "NEUSTART", "--month", "2021-05",
        "--reason", "Nachmeldung",
    )  # fmt: skip
    assert code == 0 and "Nachmeldung" in out
    code, out, _ = run_cli("month", "status", "--db", path, "--year", "2021", "--json")
    rows = json.loads(out)
    may = [r for r in rows if (r["project"], r["month"]) == ("NEUSTART", "2021-05")]
    assert may == [
        {
            **may[0],
            "state": "open",
            "on_time": False,
            "changes_after_approval": 0,
        }
    ]
    assert {"project", "month", "state", "on_time", "changes_after_approval"} <= set(may[0])
    # One object per project and month of the year inside the project's period.
    assert len([r for r in rows if r["project"] == "NEUSTART"]) == 12
    code, out, _ = run_cli("history", "--db", path, "--project", "NEUSTART", "--month", "2021-05")
    assert "Monat" in out and "NeuStart / Mai 2021: Stand gemeldet → freigegeben" in out
    assert "Stand freigegeben → offen; Begründung – → Nachmeldung" in out
    code, _, err = run_cli(
        "month", "approve", "--db", path, "--project", "NEUSTART", "--month", "2021-05"
    )
    assert code == 1 and "noch nicht gemeldet" in err


def test_status_json_gains_months_approved(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sqlite")
    run_cli("demo", "--db", path)
    run_cli("month", "close", "--db", path, "--project", "LIA", "--month", "2021-01")
    run_cli("month", "approve", "--db", path, "--project", "LIA", "--month", "2021-01")
    code, out, _ = run_cli("status", "--db", path, "--year", "2021", "--json")
    rows = json.loads(out)
    assert code == 0 and all("months_approved" in r for r in rows)
    lia = [r for r in rows if r["project"] == "LIA"]
    assert lia and all(r["months_approved"] == 1 for r in lia)
    assert {r["months_approved"] for r in rows if r["project"] != "LIA"} == {0}


def test_locked_months_are_enforced_by_the_database_rows_only_through_states(
    demo: Database, actor: Actor
) -> None:
    """The lock is read from the month's state: a row written by hand to 'approved' locks
    as well (a second window, another program)."""
    with demo.engine.begin() as conn:
        pid = conn.execute(text("SELECT id FROM projects WHERE code = 'LIA'")).scalar()
        conn.execute(
            text(
                "INSERT INTO month_states (project_id, year, month, state, version) "
                "VALUES (:p, 2021, 5, 'approved', 1)"
            ),
            {"p": pid},
        )
    with pytest.raises(DomainError) as caught:
        log_value(demo, actor, "LIA", "job_starts", MAY, 3, KEEP)
    assert caught.value.code == "month_locked"


def test_the_workbook_says_which_figures_are_provisional(
    demo: Database, actor: Actor, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from aipdesk.exchange.export import export_workbook

    for number in range(1, 13):
        approve(demo, actor, "NEUSTART", Month(2021, number))
    approve(demo, actor, "LIA", Month(2021, 1))
    path = tmp_path / "final.xlsx"
    export_workbook(demo, 2021, Month(2021, 12), path)
    ws = load_workbook(path)["Übersicht"]
    rows = list(ws.iter_rows(min_row=6, values_only=True))
    column = rows[0].index("Freigegeben")
    approved = {(r[0], r[1]): r[column] for r in rows[1:] if r[0]}
    assert approved[("NeuStart", "Integrationen")] == "12 von 12"
    assert approved[("LiA – Langzeitarbeitslose in Arbeit", "Arbeitsaufnahmen")] == (
        "1 von 12, vorläufig"
    )


def test_a_project_with_a_quota_reports_on_its_counted_metrics(
    demo: Database, actor: Actor
) -> None:
    """The Jobcenter logs counts and tracks its quotas: the quotas are computed, never
    missing."""
    ReportMonth("JC", MAY).run(demo, actor)
    ApproveMonth("JC", MAY).run(demo, actor)
    assert state_of(demo, "JC", MAY) is MonthState.APPROVED


def test_a_dry_run_of_an_import_already_names_the_locked_months(
    demo: Database, actor: Actor
) -> None:
    from aipdesk.services.batch import plan_values

    approve(demo, actor)
    may = get_value(demo, *NEUSTART)
    assert may is not None
    unchanged = Incoming("NEUSTART", "integrations", MAY, may[0], may[1])
    plan_values(demo, [unchanged])  # leaves the locked month as it is: fine
    with pytest.raises(DomainError) as caught:
        plan_values(demo, [Incoming("NEUSTART", "integrations", MAY, may[0] + 1, None)])
    assert caught.value.code == "month_locked"


def test_the_status_table_says_what_is_provisional(tmp_path: Path) -> None:
    path = str(tmp_path / "t.sqlite")
    run_cli("demo", "--db", path)
    for number in range(1, 13):
        month = f"2021-{number:02d}"
        run_cli("month", "close", "--db", path, "--project", "NEUSTART", "--month", month)
        run_cli("month", "approve", "--db", path, "--project", "NEUSTART", "--month", month)
    code, out, _ = run_cli("status", "--db", path, "--year", "2021")
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("Projekt"))
    neustart = next(line for line in lines if line.startswith("NeuStart"))
    end = header.index("Freigegeben") + len("Freigegeben")
    assert neustart[end - 5 : end] == "12/12"
    jc = next(line for line in lines if line.startswith("Jobcenter"))
    assert jc[end - 4 : end] == "0/12"
    # 14 rows in the demo, NeuStart's one is final.
    assert "Vorläufig: 13 Zeilen" in out


def test_the_meldestand_sheet_shows_the_close_and_timeliness(
    demo: Database, actor: Actor, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from aipdesk.exchange.export import export_workbook

    approve(demo, actor)  # NeuStart May: reported years after its Meldeschluss
    SetDeadline(JUNE, date.today().replace(year=date.today().year + 1)).run(demo, actor)
    ReportMonth("LIA", JUNE).run(demo, actor)  # by the moved deadline: on time
    path = tmp_path / "close.xlsx"
    export_workbook(demo, 2021, Month(2021, 12), path)
    ws = load_workbook(path)["Meldestand"]
    rows = {row[0]: row for row in ws.iter_rows(min_row=6, max_col=15, values_only=True)}
    assert rows["Projekt"][13:15] == ("Gemeldet", "Pünktlich")
    neustart, lia = rows["NeuStart"], rows["LiA – Langzeitarbeitslose in Arbeit"]
    assert neustart[5] == "✔!" and neustart[6] == "✓"  # May approved late, June logged
    assert lia[6] == "☑"
    # Every 2021 deadline has passed but June's: 11 due; LiA reported June on time.
    assert (neustart[14], lia[14]) == ("0 von 11", "1 von 12")


def test_a_merge_that_would_change_an_approved_month_is_refused_whole(tmp_path: Path) -> None:
    ours, theirs = str(tmp_path / "ours.sqlite"), str(tmp_path / "theirs.sqlite")
    for path in (ours, theirs):
        assert run_cli("demo", "--db", path)[0] == 0
    for month, value in (("2021-05", "56"), ("2021-06", "58")):  # demo: 55 and 57
        assert run_cli(
            "log", "--db", theirs, "--project", "NEUSTART", "--metric", "integrations",
            "--month", month, "--value", value,
        )[0] == 0  # fmt: skip
    run_cli("month", "close", "--db", ours, "--project", "NEUSTART", "--month", "2021-05")
    run_cli("month", "approve", "--db", ours, "--project", "NEUSTART", "--month", "2021-05")
    code, _, err = run_cli("merge", theirs, "--db", ours, "--prefer", "theirs")
    assert code == 1 and "gesperrt" in err and "NeuStart, Mai 2021" in err
    db = open_database(ours)
    try:
        # June (open) was not taken either: all or nothing.
        assert get_value(db, "NEUSTART", "integrations", JUNE) == (57, None)
        assert get_value(db, *NEUSTART) == (55, None)
    finally:
        db.close()
