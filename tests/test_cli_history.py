"""`aipdesk history` tells the change log in words: German (or English) for what happened
and through what, the names of projects and metrics, the month in words, the fields of a
target, project or metric that changed. The log itself keeps codes and JSON."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from aipdesk.cli import main
from aipdesk.cli.history import HistoryLines
from aipdesk.domain.audit import Change
from aipdesk.domain.months import Month

NAMES = {"NEUSTART": "NeuStart", "LIA": "LiA", "integrations": "Integrationen"}
AT = datetime(2021, 6, 1, 8, 0, tzinfo=UTC)


def told(change: Change, lang: str = "de") -> str:
    """The line without the time and the user, its columns' padding as one space."""
    lines = HistoryLines(lang, lambda c: NAMES.get(c, c), lambda c: NAMES.get(c, c))
    line = lines.line(change)
    assert line.split("  ")[1].split()[0] == change.user
    return re.sub(r" +", " ", line.split(change.user, 1)[1]).strip()


def entry(entity: str, action: str, old: Any, new: Any, **where: Any) -> Change:
    place = {"project": None, "metric": None, "month": None, **where}
    return Change(AT, "anna", "gui", action, entity, old=old, new=new, **place)


def test_a_value_with_its_note_in_german_and_english() -> None:
    change = Change(
        AT, "anna", "cli", "update", "value", "NEUSTART", "integrations", Month(2021, 5),
        {"value": 1234}, {"value": 17046, "note": "Messe"},
    )  # fmt: skip
    assert told(change) == (
        'Befehlszeile geändert Wert NeuStart / Integrationen / Mai 2021: 1.234 → 17.046 ("Messe")'
    )
    assert told(change, "en") == (
        'command line changed value NeuStart / Integrationen / May 2021: 1,234 → 17,046 ("Messe")'
    )


def test_a_target_tells_the_fields_that_changed() -> None:
    old = {"value": 300.0, "first": "2021-01", "last": "2021-12", "weights": None,
           "change_pct": None, "denominator_plan": None}  # fmt: skip
    new = {**old, "value": 310.5, "weights": [1 / 12] * 12, "change_pct": -0.6}
    change = entry("target", "update", old, new, project="LIA", metric="integrations",
                   month=Month(2021, 1))  # fmt: skip
    assert told(change) == (
        "Fenster geändert Zielwert LiA / Integrationen / ab Januar 2021: Zielwert 300 → 310,5; "
        "Plankurve linear → eigene; Veränderung geplant % – → -0,6"
    )
    assert told(change, "en") == (
        "window changed target LiA / Integrationen / from January 2021: target 300 → 310.5; "
        "plan curve linear → custom; planned change % – → -0.6"
    )


def test_a_new_project_and_a_changed_metric_name_their_fields() -> None:
    new = {"name": "Neues Projekt", "description": "", "active": True, "first": "2021-03",
           "last": None}  # fmt: skip
    change = entry("project", "insert", None, new, project="NEU")
    assert told(change) == "Fenster neu Projekt NEU: – → Name Neues Projekt, ab Mär 2021, aktiv ja"
    assert told(change, "en") == (
        "window new project NEU: – → name Neues Projekt, from Mar 2021, active yes"
    )
    metric = entry("metric", "update", {"kind": "flow", "parent": None},
                   {"kind": "stock", "parent": "integrations"}, metric="job_starts")  # fmt: skip
    assert told(metric) == (
        "Fenster geändert Kennzahl job_starts: Art Zählgröße → Bestand; davon von – → Integrationen"
    )
    tracked = entry("tracking", "delete", None, None, project="NEUSTART", metric="integrations")
    assert told(tracked, "en") == "window deleted tracking NeuStart / Integrationen"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", "Befehlszeile neu Projekt Neues Projekt: – → Name Neues Projekt, ab Mär 2021"),
        ("en", "command line new project Neues Projekt: – → name Neues Projekt, from Mar 2021"),
    ],
)
def test_the_command_prints_names_and_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    db = str(tmp_path / "aip.sqlite")
    assert main(["init", "--db", db]) == 0
    assert main(["project", "add", "--db", db, "--code", "NEU", "--name", "Neues Projekt",
                 "--first", "2021-03"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["history", "--db", db, "--project", "Neues Projekt", "--lang", lang]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert expected in re.sub(r" +", " ", line)
    assert "NEU:" not in line and "insert" not in line and " cli " not in line
