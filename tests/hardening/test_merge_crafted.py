"""A crafted database merged (break 5): every row of the other file meets the rules of
typed input, or the whole merge is refused in one line naming the first bad rows."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.hardening.conftest import Cli, digest, settle

ESC = "\x1b"
CELL = (
    "project_id = (SELECT id FROM projects WHERE code = 'NEUSTART') AND "
    "metric_id = (SELECT id FROM metrics WHERE code = 'integrations')"
)


def crafted(source: Path, folder: Path, *statements: str) -> Path:
    """A copy of `source` changed by hand, past the constraints aipdesk's schema sets."""
    other = folder / "anders.sqlite"
    shutil.copy(source, other)
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    for statement in statements:
        conn.execute(statement)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return other


# Each case: what is done to the other file, and what the refusal must name.
CASES: dict[str, tuple[tuple[str, ...], str]] = {
    "a value of 3.5": (
        (f"UPDATE monthly_values SET value = 3.5 WHERE year = 2021 AND month = 5 AND {CELL}",),
        'Wert "3.5" ist keine gültige Anzahl',
    ),
    "a value as text": (
        (
            "UPDATE monthly_values SET value = '12 Stück' WHERE year = 2021 AND month = 4 "
            f"AND {CELL}",
        ),
        'Wert "12 Stück" ist keine gültige Anzahl',
    ),
    "month 13": (
        (f"UPDATE monthly_values SET month = 13 WHERE year = 2021 AND month = 5 AND {CELL}",),
        'Monat "13" ist ungültig',
    ),
    "month 0": (
        (f"UPDATE monthly_values SET month = 0 WHERE year = 2021 AND month = 5 AND {CELL}",),
        'Monat "0" ist ungültig',
    ),
    "a duplicate cell": (
        (
            "CREATE TABLE copied AS SELECT * FROM monthly_values",
            "DROP TABLE monthly_values",
            "ALTER TABLE copied RENAME TO monthly_values",
            "INSERT INTO monthly_values SELECT id + 100000, project_id, metric_id, year, month, "
            f"value + 1, note, version, updated_by, updated_at FROM monthly_values WHERE "
            f"year = 2021 AND month = 5 AND {CELL}",
        ),
        "NEUSTART / integrations / 2021-05 steht doppelt",
    ),
    "a code with a forged line and an escape": (
        (
            "UPDATE projects SET code = 'NEUSTART' || char(10) || 'aipdesk: 0 Konflikte' || "
            "char(27) || '[2J' WHERE code = 'NEUSTART'",
        ),
        'Projekt-Kürzel "NEUSTART\\naipdesk: 0 Konflikte\\x1b[2J" ist ungültig',
    ),
    "a note with a control character": (
        (f"UPDATE monthly_values SET note = 'a' || char(7) WHERE year = 2021 AND {CELL}",),
        "Die Bemerkung enthält ein Zeichen, das hier nicht erlaubt ist (\\x07",
    ),
    "a writer's name with a line break": (
        (f"UPDATE monthly_values SET updated_by = 'x' || char(10) || 'y' WHERE {CELL}",),
        "Der Benutzername enthält ein Zeichen, das hier nicht erlaubt ist (Zeilenumbruch",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_crafted_database_merged(
    demo: Path, tmp_path: Path, case: str, cli: Cli, demo_template: Path
) -> None:
    statements, named = CASES[case]
    folder = tmp_path / "dort"
    folder.mkdir()
    other = crafted(demo_template, folder, *statements)
    # Ours differs from theirs in every cell, so that each of their rows would be taken.
    conn = sqlite3.connect(demo)
    conn.execute("UPDATE monthly_values SET value = value + 1000")
    conn.commit()
    conn.close()
    settle(demo)
    before, theirs = digest(demo), digest(other)
    for prefer in ("theirs", "ours"):
        run = cli("merge", "--db", demo, other, "--prefer", prefer)
        assert run.code == 1 and len(run.lines) == 1, run.err
        assert run.err.startswith("aipdesk: anders.sqlite: ") and "nichts wurde" in run.err
        assert named in run.err, run.err
        assert ESC not in run.err
    settle(demo)
    assert digest(demo) == before and digest(other) == theirs
    run = cli("merge", "--db", demo, "--lang", "en", other, "--prefer", "theirs")
    assert "break the rules for input; nothing was merged" in run.err


@pytest.mark.parametrize(
    ("case", "finding"),
    [
        ("a value of 3.5", "monthly_values: 1 ungültige Zeile(n) (Monatswert"),
        ("month 13", "monthly_values: 1 ungültige Zeile(n) (Monatswert"),
    ],
)
def test_check_finds_non_integer_counts(
    tmp_path: Path, demo_template: Path, case: str, finding: str, cli: Cli
) -> None:
    other = crafted(demo_template, tmp_path, *CASES[case][0])
    run = cli("check", "--db", other)
    assert run.code == 1 and finding in run.err


def test_a_crafted_database_merged_names_the_first_rows_and_counts_all(
    demo: Path, tmp_path: Path, demo_template: Path, cli: Cli
) -> None:
    def build(month: int) -> str:
        return (
            f"UPDATE monthly_values SET value = {month}.5 WHERE year = 2021 AND "
            f"month = {month} AND {CELL}"
        )

    other = crafted(demo_template, tmp_path, *(build(m) for m in range(1, 13)))
    run = cli("merge", "--db", demo, other, "--prefer", "theirs")
    assert run.code == 1 and len(run.lines) == 1
    assert "12 Monatswert(e) dort verletzen" in run.err
    assert run.err.count("ist keine gültige Anzahl") == 3  # the first three, quoted
