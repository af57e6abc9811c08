"""The catalogue commands: metric, project, target (add/set/list/remove), their JSON,
exit codes (0 done, 1 rejected with one line and nothing changed, 2 usage) and help."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aipdesk.cli import main
from aipdesk.cli.main import build_parser
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.maintenance import history
from aipdesk.services.targets import list_targets, set_target
from aipdesk.store.database import open_database
from aipdesk.store.models import SettingRow
from tests.conftest import snapshot
from tests.test_catalogue import REV1

LIA_NAME = "LiA – Langzeitarbeitslose in Arbeit"
TAAM_NAME = "Teilhabe am Arbeitsmarkt (§ 16i SGB II)"

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def path(tmp_path: Path) -> str:
    location = str(tmp_path / "aip.sqlite")
    assert main(["init", "--db", location]) == 0
    return location


@pytest.fixture
def run(path: str, capsys: pytest.CaptureFixture[str]) -> Run:
    """`aipdesk ARGS --db path` in this process: (exit code, stdout, stderr)."""
    capsys.readouterr()

    def call(*args: str) -> tuple[int, str, str]:
        try:
            code = main([*args, "--db", path, "--user", "koordination"])
        except SystemExit as exit_:  # argparse: usage errors and --help
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return call


def rejected(run: Run, path: str, *args: str) -> str:
    """A command refused with exit 1, one line on stderr and nothing changed."""
    db = open_database(path)
    before = snapshot(db)
    code, _, err = run(*args)
    assert code == 1, err
    assert err.count("\n") == 1 and err.startswith("aipdesk: "), err
    assert snapshot(db) == before
    db.close()
    return err.strip()


def metrics_json(run: Run) -> dict[str, dict[str, Any]]:
    code, out, _ = run("metric", "list", "--json")
    assert code == 0
    return {m["code"]: m for m in json.loads(out)}


def test_metric_add_set_list(run: Run, path: str) -> None:
    assert run("metric", "add", "--code", "coachings", "--name", "Coachings", "--kind", "flow",
               "--unit", "Anzahl")[0] == 0
    assert run("metric", "add", "--code", "coachings_women", "--name", "davon Frauen",
               "--kind", "flow", "--parent", "coachings", "--partition")[0] == 0
    assert run("metric", "add", "--code", "clients", "--name", "Betreute", "--kind", "stock",
               "--area", "training")[0] == 0
    code, out, _ = run("metric", "add", "--code", "coaching_rate", "--name", "Coachingquote",
                       "--kind", "ratio", "--numerator", "coachings", "--denominator",
                       "clients", "--green", "97,5", "--amber", "85", "--direction", "up")
    assert (code, out) == (0, "Kennzahl Coachingquote (coaching_rate) angelegt\n")
    metrics = metrics_json(run)
    assert metrics["coaching_rate"] == {
        "code": "coaching_rate", "name": "Coachingquote", "kind": "ratio", "parent": None,
        "partition": False, "direction": "up", "unit": "", "area": "integration",
        "numerator": "coachings", "denominator": "clients", "green_pct": 97.5,
        "amber_pct": 85.0, "description": "",
    }
    women = metrics["coachings_women"]
    assert (women["parent"], women["partition"], women["kind"]) == ("coachings", True, "flow")
    assert metrics["clients"]["area"] == "training"
    assert {"integrations_women", "elb_stock_men", "integration_rate_women"} <= set(metrics)
    code, out, _ = run("metric", "set", "lzb_stock", "--green", "99", "--amber", "97",
                       "--name", "LZB (Bestand)")
    assert (code, out) == (0, "Kennzahl LZB (Bestand) geändert\n")
    lzb = metrics_json(run)["lzb_stock"]
    assert (lzb["name"], lzb["green_pct"], lzb["amber_pct"], lzb["direction"]) == (
        "LZB (Bestand)", 99.0, 97.0, "down")
    assert run("metric", "set", "lzb_stock", "--green", "99")[1] == (
        "Kennzahl LZB (Bestand) unverändert\n")
    assert run("metric", "set", "coachings_women", "--no-partition")[0] == 0
    assert metrics_json(run)["coachings_women"]["partition"] is False
    code, out, _ = run("metric", "list")
    assert code == 0 and "Kürzel" in out and "integrations (Aufteilung)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("metric", "add", "--code", "q", "--name", "Q", "--kind", "flow", "--parent", "nope"),
         'Unbekannte Kennzahl "nope"'),
        (("metric", "add", "--code", "q", "--name", "Q", "--kind", "ratio", "--numerator",
          "elb_stock", "--denominator", "lzb_stock"), "Der Zähler der Quote „Q“ (q) muss eine "
         "Zählgröße sein"),
        (("metric", "add", "--code", "q", "--name", "Q", "--kind", "ratio", "--numerator",
          "integrations", "--denominator", "job_starts"), "Der Nenner der Quote „Q“ (q) muss "
         "ein Bestand sein"),
        (("metric", "add", "--code", "q", "--name", "Q", "--kind", "ratio"),
         "Eine Quote braucht eine Zähler- und eine Nenner-Kennzahl"),
        (("metric", "add", "--code", "integrations", "--name", "x", "--kind", "flow"),
         'Eine Kennzahl mit dem Kürzel "integrations" gibt es schon'),
        (("metric", "add", "--code", "q", "--name", "Q", "--kind", "flow", "--green", "80"),
         "Ampelschwellen ungültig"),
        (("metric", "add", "--code", "q", "--name", "Q", "--kind", "flow", "--amber", "viel"),
         '"viel" ist keine gültige Zahl'),
        (("metric", "set", "integrations", "--parent", "integrations_women"),
         "das ergäbe einen Kreis (integrations → integrations_women → integrations)"),
        (("metric", "set", "nope", "--name", "x"), 'Unbekannte Kennzahl "nope"'),
        (("metric", "set", "integrations", "--partition"),
         "kann nur als Aufteilung einer Oberkennzahl markiert werden"),
        (("project", "add", "--code", "JC", "--name", "x"),
         'Ein Projekt mit dem Kürzel "JC" gibt es schon'),
        (("project", "add", "--code", "X", "--name", "x", "--first", "2021-05", "--last",
          "2021-04"), "das Ende liegt vor dem Anfang"),
        (("project", "track", "--project", "NOPE", "--metric", "integrations"),
         'Unbekanntes Projekt "NOPE"'),
        (("target", "set", "--project", "LIA", "--metric", "job_starts", "--year", "2021",
          "--value", "300", "--weights", "1,1,1"),
         "Die Plankurve braucht 12 Monatsgewichte, nicht 3"),
        (("target", "set", "--project", "LIA", "--metric", "job_starts", "--year", "2021",
          "--value", "300", "--weights", "1,1,1,1,1,1,1,1,1,1,1,-1"),
         "Monatsgewichte dürfen nicht negativ sein (Dezember 2021: -1.0)"),
        (("target", "set", "--project", "LIA", "--metric", "job_starts", "--year", "2021",
          "--value", "300", "--weights", "0;0;0;0;0;0;0;0;0;0;0;0"),
         "Die Monatsgewichte sind alle 0"),
        (("target", "set", "--project", "LIA", "--metric", "job_starts", "--year", "2021",
          "--value", "300", "--weights-from-history"),
         f"Plankurve aus Vorjahr für {LIA_NAME} / „Arbeitsaufnahmen“ (job_starts) nicht "
         "möglich"),
        (("target", "set", "--project", "LIA", "--metric", "job_starts", "--year", "2021",
          "--value", "-3"), "Zielwert -3.0 ist ungültig"),
        (("target", "set", "--project", "LIA", "--metric", "job_starts", "--year", "2021",
          "--value", "300", "--denominator-plan", "100"), "gehört nur zu einer Quote"),
        (("target", "set", "--project", "LIA", "--metric", "nope", "--year", "2021",
          "--value", "3"), 'Unbekannte Kennzahl "nope"'),
        (("target", "remove", "--project", "LIA", "--metric", "job_starts", "--year", "2023"),
         f"Für {LIA_NAME} / Arbeitsaufnahmen gibt es keinen Zielwert im Zeitraum "
         "Jan 2023 – Dez 2023"),
    ],
    ids=lambda v: " ".join(v[:2]) if isinstance(v, tuple) else None,
)
def test_rejected_commands_change_nothing(run: Run, path: str, args: tuple[str, ...],
                                          message: str) -> None:
    assert message in rejected(run, path, *args)


@pytest.mark.parametrize(
    "args",
    [
        ("metric",),
        ("metric", "add", "--code", "q", "--name", "Q"),  # no --kind
        ("metric", "add", "--code", "q", "--name", "Q", "--kind", "sum"),
        ("metric", "add", "--code", "q", "--name", "Q", "--kind", "flow", "--partition"),
        ("metric", "add", "--code", "q", "--name", "Q", "--kind", "ratio", "--numerator", "x"),
        ("metric", "set", "integrations"),  # nothing to change
        ("target", "set", "--project", "LIA", "--metric", "job_starts", "--value", "3"),
        ("target", "set", "--project", "LIA", "--metric", "job_starts", "--year", "2021",
         "--first", "2021-01", "--last", "2021-12", "--value", "3"),
        ("target", "set", "--project", "LIA", "--metric", "job_starts", "--first", "2021-01",
         "--value", "3"),
        ("target", "set", "--project", "LIA", "--metric", "job_starts", "--year", "2021",
         "--value", "3", "--weights", "1", "--weights-from-history"),
        ("target", "list", "--year", "21x"),
        ("project", "add", "--code", "X", "--name", "x", "--first", "2021-13"),
    ],
)
def test_usage_errors(run: Run, path: str, args: tuple[str, ...]) -> None:
    db = open_database(path)
    before = snapshot(db)
    assert run(*args)[0] == 2
    assert snapshot(db) == before


def test_projects(run: Run) -> None:
    code, out, _ = run("project", "add", "--code", "JOBBOX", "--name", "Jobbox", "--first",
                       "2021-04", "--description", "Neues Projekt")
    assert (code, out) == (0, "Projekt Jobbox (JOBBOX) angelegt (Apr 2021 – …)\n")
    assert run("project", "track", "--project", "JOBBOX", "--metric", "job_starts")[1] == (
        "Jobbox erfasst jetzt Arbeitsaufnahmen\n")
    assert run("project", "track", "--project", "JOBBOX", "--metric", "job_starts")[1] == (
        "Jobbox erfasst Arbeitsaufnahmen schon\n")
    code, out, _ = run("project", "list", "--json")
    projects = {p["code"]: p for p in json.loads(out)}
    assert projects["JOBBOX"] == {
        "code": "JOBBOX", "name": "Jobbox", "first": "2021-04", "last": None, "active": True,
        "description": "Neues Projekt", "metrics": ["job_starts"],
    }
    assert projects["GUIDE"]["first"] == "2019-11" and projects["GUIDE"]["last"] == "2024-04"
    assert list(projects)[:2] == ["JC", "NEUSTART"]
    code, out, _ = run("project", "list")
    assert code == 0 and "JOBBOX" in out and "2021-04 – …" in out


def targets_json(run: Run, year: int = 2021) -> dict[tuple[str, str], dict[str, Any]]:
    code, out, _ = run("target", "list", "--year", str(year), "--json")
    assert code == 0
    return {(t["project"], t["metric"]): t for t in json.loads(out)}


def test_target_set_list_remove(run: Run, path: str) -> None:
    # 1,1,1,1,1,1,3,3,3,3,3,3: 24 in all: 1/24 in the first half year, 1/8 in the second.
    code, out, _ = run("target", "set", "--project", "LIA", "--metric", "job_starts", "--year",
                       "2021", "--value", "320", "--weights", "1,1,1,1,1,1,3,3,3,3,3,3")
    assert (code, out) == (0, f"Zielwert {LIA_NAME} / Arbeitsaufnahmen Jan 2021 – Dez 2021 "
                              "gespeichert\n")
    lia = targets_json(run)[("LIA", "job_starts")]
    assert lia["value"] == 320
    assert lia["weights"] == pytest.approx([1 / 24] * 6 + [1 / 8] * 6)
    # German decimals between semicolons; the change rate German too.
    assert run("target", "set", "--project", "JC", "--metric", "lzb_stock", "--year", "2021",
               "--value", "17.046", "--weights", ";".join(["0,5"] * 12), "--change-pct",
               "-0,6")[0] == 0
    lzb = targets_json(run)[("JC", "lzb_stock")]
    assert (lzb["value"], lzb["change_pct"]) == (17046, -0.6)
    assert lzb["weights"] == pytest.approx([1 / 12] * 12)
    # A ratio's planned mean denominator; left out later, it stays.
    for extra in (("--value", "24,6", "--denominator-plan", "27500"), ("--value", "25")):
        assert run("target", "set", "--project", "JC", "--metric", "integration_rate",
                   "--year", "2021", *extra)[0] == 0
    rate = targets_json(run)[("JC", "integration_rate")]
    assert (rate["value"], rate["change_pct"], rate["denominator_plan"]) == (25, 14.5, 27500)
    assert targets_json(run)[("LIA", "job_starts")]["weights"] is not None
    # A period of its own, without a number.
    code, out, _ = run("target", "set", "--project", "TAAM", "--metric", "taam_new", "--first",
                       "2022-01", "--last", "2022-06", "--value", "")
    assert (code, out) == (0, f"Zielwert {TAAM_NAME} / Neue Förderungen Teilhabe am Arbeitsmarkt "
                              "Jan 2022 – Jun 2022 gespeichert\n")
    code, out, _ = run("--lang", "en", "target", "set", "--project", "TAAM", "--metric",
                       "taam_new", "--first", "2022-01", "--last", "2022-06", "--value", "")
    assert (code, out) == (0, f"Target {TAAM_NAME} / Neue Förderungen Teilhabe am Arbeitsmarkt "
                              "Jan 2022 – Jun 2022 unchanged\n")
    taam = targets_json(run, 2022)[("TAAM", "taam_new")]
    assert (taam["first"], taam["last"], taam["value"]) == ("2022-01", "2022-06", None)
    code, out, _ = run("target", "list", "--year", "2021")
    assert code == 0 and "Veränderung %" in out and "-0,6" in out
    code, out, _ = run("target", "remove", "--project", "LIA", "--metric", "job_starts",
                       "--year", "2021")
    assert (code, out) == (0, f"Zielwert {LIA_NAME} / Arbeitsaufnahmen (2021) entfernt\n")
    assert ("LIA", "job_starts") not in targets_json(run)
    db = open_database(path)
    entries = [c for c in history(db, "LIA", "job_starts") if c.entity == "target"]
    db.close()
    assert [(c.action, c.user, c.source) for c in entries][-2:] == [
        ("update", "koordination", "cli"), ("delete", "koordination", "cli")]


def test_target_set_from_history(run: Run) -> None:
    # NeuStart 2020: 10 integrations in every month but December (30): 140 in all.
    for month in range(1, 13):
        value = "30" if month == 12 else "10"
        assert run("log", "--project", "NEUSTART", "--metric", "integrations", "--month",
                   f"2020-{month:02d}", "--value", value)[0] == 0
    assert run("target", "set", "--project", "NEUSTART", "--metric", "integrations", "--year",
               "2021", "--value", "700", "--weights-from-history")[0] == 0
    weights = targets_json(run)[("NEUSTART", "integrations")]["weights"]
    assert weights == pytest.approx([10 / 140] * 11 + [30 / 140])


def test_init_brings_an_old_database_up_to_date(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    location = tmp_path / "old.sqlite"
    db = open_database(location)
    load_catalogue(db, Actor("it", "test"), REV1)
    with db.write() as session:
        session.delete(session.get_one(SettingRow, "catalogue:aip2021:revision"))
    set_target(db, Actor("koordination", "gui"), "JC", "integration_rate", Month(2021, 1),
               Month(2021, 12), 25.0)
    db.close()
    assert main(["init", "--db", str(location)]) == 0
    capsys.readouterr()
    assert main(["metric", "list", "--json", "--db", str(location)]) == 0
    metrics = {m["code"]: m for m in json.loads(capsys.readouterr().out)}
    assert metrics["integrations_women"]["partition"] is True
    assert metrics["training_care"]["partition"] is True
    db = open_database(location)
    targets = {(t.project, t.metric): t for t in list_targets(db)}
    db.close()
    rate = targets[("JC", "integration_rate")]
    assert (rate.value, rate.change_pct) == (25.0, None)  # the coordinator's target stays
    assert targets[("JC", "lzb_stock")].change_pct == -0.6
    assert targets[("JC", "integration_rate_women")].value is None


def _sub_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_catalogue_command_and_option_has_help(lang: str) -> None:
    commands = _sub_parsers(build_parser(lang))
    for group in ("metric", "project", "target"):
        for name, parser in _sub_parsers(commands[group]).items():
            for action in parser._actions:
                assert action.help, (group, name, action.dest)
    text = commands["metric"].format_help()
    assert ("eine Kennzahl anlegen" if lang == "de" else "add a metric") in text


def test_help_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "en", "target", "set", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "plan curve from the previous year" in out and "separated by commas" in out
    with pytest.raises(SystemExit):
        main(["target", "set", "--help"])
    assert "Plankurve aus Vorjahr" in capsys.readouterr().out


def test_messages_in_english(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--lang", "en", "metric", "add", "--db", path, "--code", "q", "--name", "Q",
                 "--kind", "ratio", "--numerator", "elb_stock", "--denominator", "elb_stock"])
    assert code == 1
    assert capsys.readouterr().err.startswith("aipdesk: the numerator of the ratio „Q“ (q)")
    assert main(["--lang", "en", "project", "add", "--db", path, "--code", "X", "--name",
                 "x"]) == 0
    assert capsys.readouterr().out == "Project x (X) added (… – …)\n"
