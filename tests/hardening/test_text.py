"""Text people type and files bring: notes lost on the round trip (break 4), forged lines
and escape sequences on the terminal (break 13), a code with a final line break (break
15)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Metric, MetricKind, Project
from aipdesk.domain.months import Month
from aipdesk.domain.text import NOTE_LIMIT
from aipdesk.services.base import Actor
from aipdesk.services.database import open_database
from aipdesk.services.projects import add_metric, add_project, edit_project
from aipdesk.services.values import get_value, log_value
from tests.conftest import snapshot
from tests.hardening.conftest import LOG, Cli, digest, settle

MAY = Month(2021, 5)
ESC = "\x1b"


def stored_note(path: Path) -> str | None:
    db = open_database(path, create=False)
    try:
        found = get_value(db, "NEUSTART", "integrations", MAY)
        return None if found is None else found[1]
    finally:
        db.close()


# -- break 4: notes cut at 32,767 characters or cleaned of control characters --------------


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("x" * (NOTE_LIMIT + 1), f"höchstens {NOTE_LIMIT} Zeichen, nicht {NOTE_LIMIT + 1}"),
        ("x" * 40_000, f"höchstens {NOTE_LIMIT} Zeichen, nicht 40000"),
        ("Zeilen\x0bumbruch aus Word", "nicht erlaubt ist (\\x0b, an Stelle 7)"),
        ("Glocke\x07", "nicht erlaubt ist (\\x07, an Stelle 7)"),
        ("Wagenrücklauf\r\nneue Zeile", "nicht erlaubt ist (\\r, an Stelle 14)"),
        ("C1\x85", "nicht erlaubt ist (\\x85, an Stelle 3)"),
    ],
)
def test_notes_lost_on_the_round_trip_are_refused_at_entry(
    demo: Path, note: str, message: str, cli: Cli
) -> None:
    settle(demo)
    before = digest(demo)
    run = cli(*LOG, "--db", demo, "--value", "12", "--note", note)
    assert run.code == 1 and len(run.lines) == 1, run.err
    assert run.err.startswith("aipdesk: Die Bemerkung ") and message in run.err, run.err
    settle(demo)
    assert digest(demo) == before
    run = cli(*LOG, "--db", demo, "--lang", "en", "--value", "12", "--note", note)
    assert run.err.startswith("aipdesk: the note ")


def test_notes_within_the_rule_survive_the_round_trip(demo: Path, tmp_path: Path, cli: Cli) -> None:
    """The longest note allowed, with line breaks, tabs, spaces at both ends, text that
    looks like a formula or like Excel's escapes, survives export and import unchanged."""
    line = "  =SUM(A1) _x000D_ „Öffnung“\t&<tag>  \n"
    note = (line * (NOTE_LIMIT // len(line) + 1))[:NOTE_LIMIT]
    assert cli(*LOG, "--db", demo, "--value", "12", "--note", note).code == 0
    workbook = tmp_path / "export.xlsx"
    assert cli("export", "--db", demo, "--year", "2021", "--out", workbook).code == 0
    fresh = tmp_path / "fresh.sqlite"
    assert cli("init", "--db", fresh).code == 0
    run = cli("import", "--db", fresh, workbook)
    assert run.code == 0, run.err
    assert stored_note(fresh) == note
    # Back into the database it came from: nothing differs.
    run = cli("import", "--db", demo, workbook, "--dry-run")
    assert " 0 geändert, " in run.out and " 0 im Konflikt" in run.out


def test_notes_lost_on_the_round_trip_when_stored_before_the_rule(
    demo: Path, tmp_path: Path, cli: Cli
) -> None:
    """A note stored before notes were checked (an older aipdesk, another tool) is not cut
    or cleaned by the export: the export is refused, naming the value."""
    conn = sqlite3.connect(demo)
    conn.execute(
        "UPDATE monthly_values SET note = ? WHERE year = 2021 AND month = 5 AND "
        "project_id = (SELECT id FROM projects WHERE code = 'NEUSTART') AND "
        "metric_id = (SELECT id FROM metrics WHERE code = 'integrations')",
        ("y" * 40_000,),
    )
    conn.commit()
    conn.close()
    workbook = tmp_path / "export.xlsx"
    run = cli("export", "--db", demo, "--year", "2021", "--out", workbook)
    assert run.code == 1 and len(run.lines) == 1
    assert "Die Bemerkung zu NeuStart / Integrationen / Mai 2021 lässt sich nicht" in run.err
    assert "höchstens 2000 Zeichen, nicht 40000" in run.err
    assert not workbook.exists()
    run = cli("--lang", "en", "export", "--db", demo, "--year", "2021", "--out", workbook)
    assert run.code == 1
    assert "the note of NeuStart / Integrationen / May 2021 cannot be written" in run.err
    assert not workbook.exists()


def test_notes_from_a_workbook_follow_the_same_rule(demo: Path, tmp_path: Path, cli: Cli) -> None:
    import openpyxl

    workbook = tmp_path / "export.xlsx"
    assert cli("export", "--db", demo, "--year", "2021", "--out", workbook).code == 0
    book = openpyxl.load_workbook(workbook)
    sheet = book["Daten"]
    sheet["H2"] = "z" * (NOTE_LIMIT + 1)
    book.save(workbook)
    settle(demo)
    before = digest(demo)
    run = cli("import", "--db", demo, workbook)
    assert run.code == 1 and len(run.lines) == 1
    assert run.err.startswith("aipdesk: Daten!E2: Die Bemerkung ist zu lang")
    settle(demo)
    assert digest(demo) == before


# -- break 13: terminal spoofing ----------------------------------------------------------


FORGED = "anna\n30.11.2026 09:00:00  chef         cli       update value    NEUSTART\x1b[2J"


def test_terminal_spoofing_through_the_user_name(demo: Path, cli: Cli) -> None:
    settle(demo)
    before = digest(demo)
    run = cli(*LOG, "--db", demo, "--value", "12", "--user", FORGED)
    assert run.code == 1 and len(run.lines) == 1
    assert run.err.startswith("aipdesk: Der Benutzername enthält ein Zeichen")
    assert ESC not in run.err
    for user in ("   ", "anna\u202eanna", "anna\x00", "a" * 101):
        run = cli(*LOG, "--db", demo, "--value", "12", "--user", user)
        assert run.code == 1 and len(run.lines) == 1, (user, run.err)
    settle(demo)
    assert digest(demo) == before


def test_terminal_spoofing_in_the_history_of_an_older_database(demo: Path, cli: Cli) -> None:
    """Entries written before user names were checked are shown escaped, one line each."""
    conn = sqlite3.connect(demo)
    conn.execute(
        "INSERT INTO change_log (at, user, source, action, entity, project, metric, year, "
        "month, old, new) VALUES ('2021-06-01 08:00:00', ?, 'cli', 'update', 'value', "
        "'NEUSTART', 'integrations', 2021, 5, NULL, ?)",
        (FORGED, '{"value": 1, "note": "Zeile 1\\nZeile 2\\u001b[31m"}'),
    )
    conn.commit()
    conn.close()
    run = cli("history", "--db", demo, "--project", "NEUSTART", "--month", "2021-05")
    assert run.code == 0
    lines = run.out.splitlines()
    assert ESC not in run.out
    assert len(lines) == len([x for x in lines if x.strip()])  # every entry one line
    forged = [x for x in lines if "chef" in x]
    assert len(forged) == 1 and forged[0].count("anna\\n30.11.2026") == 1
    assert "Zeile 1\\nZeile 2\\x1b[31m" in forged[0]


def test_terminal_spoofing_in_messages(demo: Path, cli: Cli) -> None:
    run = cli(
        "log", "--db", demo, "--project", f"X\n{ESC}[2Jaipdesk: 0 Konflikte", "--metric",
        "integrations", "--month", "2021-05", "--value", "1",
    )  # fmt: skip
    assert run.code == 1 and len(run.lines) == 1
    assert ESC not in run.err and "\\x1b[2J" in run.err and "X\\n" in run.err


@pytest.mark.parametrize("name", ["zwei\nZeilen", "Glocke\x07", f"Farbe{ESC}[31m", "Tab\tim Namen"])
def test_terminal_spoofing_through_names(db_path_actor: tuple[Path, Actor], name: str) -> None:
    path, actor = db_path_actor
    db = open_database(path)
    try:
        before = snapshot(db)
        with pytest.raises(DomainError) as refused:
            add_project(db, actor, Project("NEU", name))
        assert refused.value.code == "text_control"
        with pytest.raises(DomainError):
            edit_project(db, actor, "NEUSTART", name=name)
        with pytest.raises(DomainError):
            add_metric(db, actor, Metric("neu", name, MetricKind.FLOW))
        with pytest.raises(DomainError):
            add_metric(db, actor, Metric("neu", "Neu", MetricKind.FLOW, unit=name))
        assert snapshot(db) == before
    finally:
        db.close()


# -- break 15: a code with a final line break passes validation --------------------------


@pytest.mark.parametrize("code", ["EVIL\n", "EVIL\r\n", "\nEVIL", "EV IL", "EVIL\x00"])
def test_a_project_code_with_a_line_break_through_the_service_api(
    db_path_actor: tuple[Path, Actor], code: str
) -> None:
    path, actor = db_path_actor
    db = open_database(path)
    try:
        before = snapshot(db)
        with pytest.raises(DomainError) as refused:
            add_project(db, actor, Project(code, "Böse"))
        assert refused.value.code == "bad_code"
        assert "\n" not in refused.value.text("de")
        with pytest.raises(DomainError):
            add_metric(db, actor, Metric(code, "Böse", MetricKind.FLOW))
        with pytest.raises(DomainError):
            log_value(db, actor, code, "integrations", MAY, 1)
        assert snapshot(db) == before
    finally:
        db.close()


@pytest.fixture
def db_path_actor(demo: Path) -> tuple[Path, Actor]:
    return demo, Actor("anna", "test")
