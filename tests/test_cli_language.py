"""The command line speaks the user's names and both languages completely: projects and
metrics by code or name, suggestions for what is unknown, argparse's own words and every
help text in German and English, and output that ends quietly when the reader goes."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from aipdesk.cli import main
from aipdesk.cli.main import build_parser
from aipdesk.domain.months import Month
from aipdesk.services.ops import ChangeProject, SetCells, SetTarget, label_of
from aipdesk.services.values import get_value
from aipdesk.store.database import open_database
from tests.conftest import snapshot

ROOT = Path(__file__).resolve().parents[1]
# Words that give German away in a text meant to be English.
GERMAN = re.compile(
    r"[äöüßÄÖÜ]|\b(der|die|das|und|oder|nicht|mit|ohne|sonst|Jahr|Monat|Kennzahl|Projekt|"
    r"Aufruf|Optionen|Fehler|Hilfe|BEFEHL|AKTION|anzeigen|ausgeben)\b"
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("language") / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--user", "ci"]) == 0
    return path


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`aipdesk ARGS` in this process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as leaving:  # argparse: usage errors and --help
        code = int(leaving.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# -- names, not codes -------------------------------------------------------------------


def test_projects_and_metrics_by_name_in_any_case(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(demo)
    code, out, err = cli(
        capsys, "log", "--db", db, "--project", "neustart", "--metric", "INTEGRATIONEN",
        "--month", "2021-05", "--value", "41", "--user", "ci",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "NeuStart / Integrationen / Mai 2021: 41 gespeichert\n"
    assert get_value(open_database(db), "NEUSTART", "integrations", Month(2021, 5))[0] == 41  # type: ignore[index]
    # The name of a project, and a davon metric by its long name.
    code, out, _ = cli(
        capsys, "--lang", "en", "log", "--db", db, "--project", "Jobcenter Kreis Unna (gesamt)",
        "--metric", "eintritte in berufliche weiterbildung (abschlussorientiert)",
        "--month", "2021-05", "--value", "3",
    )  # fmt: skip
    assert code == 0
    assert out.startswith(
        "Jobcenter Kreis Unna (gesamt) / Eintritte in berufliche Weiterbildung "
        "(abschlussorientiert) / May 2021: 3 "
    )
    code, out, _ = cli(capsys, "history", "--db", db, "--project", "NeuStart", "--month", "2021-05")
    assert code == 0 and "NeuStart / Integrationen / Mai 2021: " in out


@pytest.mark.parametrize(
    ("lang", "option", "typed", "expected"),
    [
        (
            "de",
            "--project",
            "NEUSTRT",
            'aipdesk: Unbekanntes Projekt "NEUSTRT". Meinten Sie NEUSTART? '
            "Alle Projekte zeigt: aipdesk list projects\n",
        ),
        (
            "en",
            "--project",
            "Neustar",
            'aipdesk: unknown project "Neustar". Did you mean NEUSTART? '
            "To see them all: aipdesk list projects\n",
        ),
        (
            "de",
            "--metric",
            "integratons",
            'aipdesk: Unbekannte Kennzahl "integratons". Meinten Sie integrations? '
            "Alle Kennzahlen zeigt: aipdesk list metrics\n",
        ),
        (
            "en",
            "--metric",
            "Integrationn",
            'aipdesk: unknown metric "Integrationn". Did you mean integrations? '
            "To see them all: aipdesk list metrics\n",
        ),
        (
            "de",
            "--project",
            "qqqqqqqq",
            'aipdesk: Unbekanntes Projekt "qqqqqqqq". Alle Projekte zeigt: aipdesk list projects\n',
        ),
    ],
)
def test_an_unknown_name_gets_one_line_with_a_suggestion(
    demo: Path, capsys: pytest.CaptureFixture[str], lang: str, option: str, typed: str,
    expected: str,
) -> None:  # fmt: skip
    pair = {"--project": "NEUSTART", "--metric": "integrations", option: typed}
    before = snapshot(open_database(demo))
    code, out, err = cli(
        capsys, "--lang", lang, "log", "--db", str(demo), "--project", pair["--project"],
        "--metric", pair["--metric"], "--month", "2021-06", "--value", "5",
    )  # fmt: skip
    assert (code, out, err) == (1, "", expected)
    assert snapshot(open_database(demo)) == before


def test_a_name_that_fits_several_is_refused_naming_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "a.sqlite")
    assert main(["init", "--db", db]) == 0
    for code in ("TEAM1", "TEAM2"):
        assert cli(capsys, "project", "add", "--db", db, "--code", code, "--name", "Team")[0] == 0
    code, _, err = cli(
        capsys, "project", "track", "--db", db, "--project", "team", "--metric", "job_starts"
    )
    assert code == 1
    assert err == (
        'aipdesk: "team" passt auf mehrere Projekte: TEAM1 (Team), TEAM2 (Team); '
        "bitte das Kürzel angeben\n"
    )
    # The code itself is never ambiguous.
    assert cli(capsys, "project", "track", "--db", db, "--project", "team1", "--metric",
               "Arbeitsaufnahmen")[1] == "Team erfasst jetzt Arbeitsaufnahmen\n"  # fmt: skip


def test_messages_name_the_metrics_not_their_codes(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["log", "--db", str(demo), "--project", "JC", "--metric", "training_entries_degree",
            "--month", "2021-03", "--value", "500"]  # fmt: skip
    code, _, err = cli(capsys, *args)
    assert code == 1
    assert err == (
        "aipdesk: Jobcenter Kreis Unna (gesamt), März 2021: Eintritte in berufliche "
        "Weiterbildung (abschlussorientiert) (500) darf nicht größer sein als Eintritte in "
        "berufliche Weiterbildung (58)\n"
    )
    code, _, err = cli(capsys, *args, "--lang", "en")
    assert err.endswith(
        "(abschlussorientiert) (500) must not exceed Eintritte in berufliche Weiterbildung (58)\n"
    )
    assert "training_entries" not in err
    code, _, err = cli(capsys, "log", "--db", str(demo), "--project", "NEUSTART", "--metric",
                       "job_starts", "--month", "2021-03", "--value", "5")  # fmt: skip
    assert err == "aipdesk: Kennzahl Arbeitsaufnahmen wird für Projekt NeuStart nicht erfasst\n"


def test_list_prints_code_and_name(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "list", "projects", "--db", str(demo))
    assert code == 0
    assert re.search(r"^NEUSTART +NeuStart ", out, re.M)
    assert re.search(r"^JC +Jobcenter Kreis Unna \(gesamt\) ", out, re.M)
    code, out, _ = cli(capsys, "--lang", "en", "list", "metrics", "--db", str(demo))
    assert out.startswith("Code ") and re.search(r"^integrations +Integrationen ", out, re.M)
    code, out, _ = cli(capsys, "list", "metrics", "--json", "--db", str(demo))
    same = cli(capsys, "metric", "list", "--json", "--db", str(demo))[1]
    assert code == 0 and out == same and '"code": "integrations"' in out


# -- argparse in both languages --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "german", "english"),
    [
        (["status"], "Fehler: diese Angaben fehlen: --year", "error: the following arguments "
         "are required: --year"),
        (["list", "foo"], "ungültige Auswahl: 'foo' (möglich sind 'projects', 'metrics')",
         "invalid choice: 'foo' (choose from 'projects', 'metrics')"),
        (["status", "--year", "2021", "--bogus"], "Fehler: unbekannte Angaben: --bogus",
         "error: unrecognized arguments: --bogus"),
        (["frobnicate"], "ungültige Auswahl: 'frobnicate'", "invalid choice: 'frobnicate'"),
        (["status", "--year", "20x"], '--year: "20x" ist kein gültiges Jahr (JJJJ)',
         'argument --year: "20x" is not a valid year (YYYY)'),
        (["status", "--year", "2021", "--month", "2021-13"],
         '--month: "2021-13" ist kein gültiger Monat', '"2021-13" is not a valid month'),
        (["target", "set", "--project", "LIA", "--metric", "job_starts", "--value", "3"],
         "eine dieser Angaben ist nötig: --year --first",
         "one of the arguments --year --first is required"),
        (["status", "--year"], "--year: hier fehlt ein Wert", "expected one argument"),
    ],
)  # fmt: skip
def test_argparse_speaks_the_language(
    capsys: pytest.CaptureFixture[str], args: list[str], german: str, english: str
) -> None:
    code, out, err = cli(capsys, *args)
    assert (code, out) == (2, "")
    assert err.startswith("Aufruf: aipdesk") and german in err, err
    assert "usage" not in err and "error" not in err and "argument" not in err
    code, out, err = cli(capsys, *args, "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith("usage: aipdesk") and english in err, err
    assert not re.search(r"Aufruf|Fehler|Angaben|ungültig", err)


def _parsers(
    parser: argparse.ArgumentParser, path: str = "aipdesk"
) -> dict[str, argparse.ArgumentParser]:
    """Every parser of the command line by its command, sub-commands included."""
    found = {path: parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.update(_parsers(sub, f"{path} {name}"))
    return found


def test_every_command_and_option_has_help_in_both_languages() -> None:
    german, english = _parsers(build_parser("de")), _parsers(build_parser("en"))
    assert german.keys() == english.keys() and len(german) > 25
    for command, parser in german.items():
        other = english[command]
        assert len(parser._actions) == len(other._actions), command
        for de, en in zip(parser._actions, other._actions, strict=True):
            where = f"{command} {de.option_strings or de.dest}"
            assert de.help and en.help and de.help != argparse.SUPPRESS, where
            assert de.help != en.help, f"{where}: the same help in both languages"
        assert "aipdesk" in parser.format_help()
    for command, parser in english.items():
        text = parser.format_help()
        assert not GERMAN.search(text), f"{command}: {GERMAN.search(text)} in {text}"
        assert "usage:" in text and "options:" in text
    for command, parser in german.items():
        text = parser.format_help()
        assert "Aufruf:" in text and "Optionen:" in text and "diese Hilfe zeigen" in text
        assert not re.search(r"\b(usage|options|show this help)\b", text), command


def test_status_help_in_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--lang", "en", "status", "--help")
    assert code == 0 and not GERMAN.search(out)
    assert "report month (else the month up to which all is reported)" in out
    code, out, _ = cli(capsys, "status", "--help")
    assert code == 0 and "Berichtsmonat (sonst der Meldeschluss-Monat)" in out
    assert "Aufruf: aipdesk status" in out and "usage" not in out


# -- status ----------------------------------------------------------------------------------


def test_status_in_english(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "status", "--db", str(demo), "--year", "2021", "--lang", "en")
    assert code == 0
    header = next(line for line in out.splitlines() if line.startswith("Project "))
    assert header.split() == [
        "Project", "Metric", "Period", "Target", "Plan", "Actual", "Attainment", "Deviation",
        "Forecast", "Prev.", "year", "Reported", "Approved", "Status",
    ]  # fmt: skip
    assert "17,046.0" in out and "17.046" not in out
    assert "Status 2021, Report month Dec 2021" in out
    assert "reporting deadline: every target with values is complete up to Dec 2021" in out
    assert "\nNeuStart " in out and "Jan 2021 – Dec 2021" in out and "NEUSTART" not in out
    assert not re.search(r"\b(grün|gelb|rot|Zielwert|Berichtsmonat|Meldeschluss)\b", out)


@pytest.mark.parametrize(("lang", "line"), [
    ("de", "Für 1999 gibt es keine Zielwerte.\n"), ("en", "No targets overlap 1999.\n")
])  # fmt: skip
def test_a_year_without_targets_says_so_in_one_line(
    demo: Path, capsys: pytest.CaptureFixture[str], lang: str, line: str
) -> None:
    assert cli(capsys, "status", "--db", str(demo), "--year", "1999", "--lang", lang) == (
        0, line, ""
    )  # fmt: skip


def _closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """`aipdesk ARGS | head` where head has gone before the first line: the pipe is closed."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "aipdesk", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--year", "2021"],
        ["status", "--year", "2021", "--json"],
        ["list", "metrics"],
        ["history"],
    ],
)
def test_output_into_a_closed_pipe_ends_quietly(demo: Path, args: list[str]) -> None:
    done = _closed_pipe(*args, "--db", str(demo))
    assert done.stderr == ""  # no traceback, no "Broken pipe", no message
    assert done.returncode == 128 + 13  # as a process killed by SIGPIPE


def test_help_into_a_closed_pipe_ends_quietly() -> None:
    done = _closed_pipe("status", "--help")
    assert (done.returncode, done.stderr) == (0, "")


def test_a_change_stored_before_the_pipe_closed_is_still_told(demo: Path) -> None:
    done = _closed_pipe(
        "log", "--db", str(demo), "--project", "NEUSTART", "--metric", "integrations",
        "--month", "2021-07", "--value", "44", "--lang", "en",
    )  # fmt: skip
    assert done.returncode == 0
    assert done.stderr == (
        "aipdesk: note: the change is stored, but the report of it could not be written "
        "(the pipe was closed)\n"
    )


# -- labels of the undo stack from the catalogue ------------------------------------------------


def test_labels_come_from_the_catalogue_in_both_languages() -> None:
    op = SetTarget("NEUSTART", "integrations", Month(2021, 1), Month(2021, 12), 700)
    assert label_of(op, "en") == "Change target NEUSTART integrations 2021"
    assert label_of(ChangeProject("IP", {"active": True}), "de") == "Projekt IP aktivieren"
    cells = SetCells({("NEUSTART", "integrations", Month(2021, 3)): None})
    assert label_of(cells, "de") == "Wert NEUSTART integrations 2021-03 löschen"
    assert label_of(SetCells({}), "en") == "Change 0 values"
