"""The workbook keeps what it shows: `Daten` carries the previous year's values and the
earlier months the figures read, so that an export imported into an empty database
(`aipdesk init`, `aipdesk import`) gives the very `status --json`, Vorjahr, rolling
12 months and K2/K3 included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from aipdesk.cli import main
from aipdesk.domain.months import Month
from aipdesk.exchange.export import export_workbook
from aipdesk.exchange.importer import import_workbook
from aipdesk.services.base import Actor
from aipdesk.services.batch import Incoming, Kind, WriteValues
from aipdesk.services.closing import ApproveMonth, ReportMonth
from aipdesk.services.demo import demo_values
from aipdesk.services.values import clear_value, get_value, log_value
from aipdesk.services.views import year_cells
from aipdesk.store.database import open_database

ACTOR = Actor("ci", "test")
# The denominator of the Integrationsquote (JC) misses three months of 2020, so that
# the trend of its last 12 logged months reaches back into 2019.
GAPS = [Month(2020, 3), Month(2020, 4), Month(2020, 5)]
NOTES = {
    ("NEUSTART", "integrations", Month(2020, 2)): "Februar 2020: Nachmeldung",
    ("JC", "elb_stock", Month(2019, 12)): "Dezember 2019 korrigiert",
}


@pytest.fixture
def source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The demo (2020 and 2021, GUIDE from Nov 2019), the demo's values of 2019 besides,
    gaps in the JC's ELB stock in 2020, and notes on earlier values."""
    path = tmp_path / "source.sqlite"
    assert main(["demo", "--db", str(path), "--user", "ci"]) == 0
    db = open_database(path)
    stored = {(c.project, c.metric, c.month) for c in year_cells(db, 2019)}
    earlier = [
        Incoming(p, m, month, value)
        for (p, m, month), value in sorted(demo_values(db, 2020).items(), key=str)
        if month.year == 2019 and (p, m, month) not in stored
    ]
    WriteValues(tuple(earlier), origin="2019.xlsx").run(db, ACTOR)
    for month in GAPS:
        clear_value(db, ACTOR, "JC", "elb_stock", month)
    for (project, metric, month), note in NOTES.items():
        found = get_value(db, project, metric, month)
        assert found is not None
        log_value(db, ACTOR, project, metric, month, found[0], note)
    db.close()
    capsys.readouterr()
    return path


def status_json(path: Path, capsys: pytest.CaptureFixture[str], month: str | None) -> Any:
    capsys.readouterr()
    args = ["status", "--db", str(path), "--year", "2021", "--json"]
    assert main(args + (["--month", month] if month else [])) == 0
    return json.loads(capsys.readouterr().out)


def round_trip(source: Path, tmp_path: Path, month: str | None) -> tuple[Path, Path]:
    """Export `source` (at `month`) and import the file into an empty database."""
    name = month or "default"
    book, target = tmp_path / f"{name}.xlsx", tmp_path / f"{name}.sqlite"
    at = ["--month", month] if month else []
    assert main(["export", "--db", str(source), "--year", "2021", *at, "--out", str(book)]) == 0
    assert main(["init", "--db", str(target)]) == 0
    assert main(["import", "--db", str(target), str(book)]) == 0
    return book, target


def daten_keys(book: Path) -> dict[tuple[str, str], list[Month]]:
    """The months of each series in the file's Daten."""
    ws = load_workbook(book, read_only=True)["Daten"]
    found: dict[tuple[str, str], list[Month]] = {}
    for year, month, project, metric, *_ in ws.iter_rows(min_row=2, values_only=True):
        found.setdefault((project, metric), []).append(Month(year, month))
    return found


@pytest.mark.parametrize("month", [None, "2021-02", "2021-07"])
def test_an_export_imported_into_an_empty_database_gives_the_same_status(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], month: str | None
) -> None:
    _, copy = round_trip(source, tmp_path, month)
    before = status_json(source, capsys, month)
    after = status_json(copy, capsys, month)
    assert len(after) == len(before) == 14
    for old, new in zip(before, after, strict=True):
        assert new.keys() == old.keys()
        for key in old:
            assert new[key] == old[key], (old["project"], old["metric"], key)
    # The figures the round trip used to lose are there, not null on both sides.
    rows = {(r["project"], r["metric"]): r for r in after}
    for key in ("previous_year_actual", "previous_year_change_pct", "rolling_12m"):
        assert rows[("NEUSTART", "integrations")][key] is not None, key
    for pair in [
        ("JC", "lzb_stock"),
        ("JC", "integration_rate_women"),
        ("NEUSTART", "integrations"),
    ]:
        assert rows[pair]["yoy_month_change_pct"] is not None, pair  # K3, K2, flow


def test_the_vorjahr_comes_back_as_the_demo_has_it(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, copy = round_trip(source, tmp_path, None)
    rows = {(r["project"], r["metric"]): r for r in status_json(copy, capsys, None)}
    neustart = rows[("NEUSTART", "integrations")]
    db = open_database(source)
    vorjahr = sum(
        c.value
        for c in year_cells(db, 2020)
        if (c.project, c.metric) == ("NEUSTART", "integrations")
    )
    db.close()
    assert neustart["previous_year_actual"] == vorjahr  # Jan–Dec 2020
    assert neustart["rolling_12m"] == neustart["actual_to_date"]  # Jan–Dec 2021


def test_daten_holds_exactly_the_earlier_months_the_figures_read(
    source: Path, tmp_path: Path
) -> None:
    book, _ = round_trip(source, tmp_path, None)
    months = daten_keys(book)
    # Report month December 2021: the year, the same months of 2020 (Vorjahr) and the
    # 24 months up to December 2021: nothing of 2019 for a flow target of 2021.
    assert min(months[("NEUSTART", "integrations")]) == Month(2020, 1)
    assert len(months[("NEUSTART", "integrations")]) == 24
    # The ELB stock of the JC, the quote's denominator: its trend at January 2021 (the
    # chart's first month) is fitted on the last 12 logged months up to then: Jan 2021,
    # Jun–Dec 2020, Jan and Feb 2020, Nov and Dec 2019 (Mar–May 2020 are missing).
    elb = months[("JC", "elb_stock")]
    assert min(elb) == Month(2019, 11)
    assert len(elb) == 2 + 9 + 12  # Nov–Dec 2019, 2020 but the gaps, 2021
    # GUIDE (project and target from November 2019): every month it has, from the first.
    assert min(months[("GUIDE", "participants")]) == Month(2019, 11)
    # A series without a target of the JC: the previous year as the Vorjahr grid shows it.
    assert min(months[("JC", "elb_stock_women")]) == Month(2020, 1)


def test_an_early_report_month_brings_the_24_months_of_the_rolling_figures(
    source: Path, tmp_path: Path
) -> None:
    book, _ = round_trip(source, tmp_path, "2021-02")
    months = daten_keys(book)
    # Rolling 12 months up to Feb 2021 and the 12 before: from March 2019.
    assert min(months[("NEUSTART", "integrations")]) == Month(2019, 3)
    assert len(months[("NEUSTART", "integrations")]) == 10 + 12 + 12


def test_notes_of_earlier_months_come_back(source: Path, tmp_path: Path) -> None:
    _, copy = round_trip(source, tmp_path, None)
    db = open_database(copy)
    notes = {
        (c.project, c.metric, c.month): c.note
        for year in (2019, 2020)
        for c in year_cells(db, year)
        if c.note
    }
    db.close()
    assert notes == NOTES


def test_re_importing_an_export_passes_approved_earlier_months(
    source: Path, tmp_path: Path
) -> None:
    """An approved month of the previous year is locked; its unchanged values in an
    export are no change, so the export imports back (a dry run too)."""
    db = open_database(source)
    for month in (Month(2020, 6), Month(2021, 1)):
        ReportMonth("NEUSTART", month).run(db, ACTOR)
        ApproveMonth("NEUSTART", month).run(db, ACTOR)
    book = tmp_path / "again.xlsx"
    result = export_workbook(db, 2021, None, book)
    months = daten_keys(book)
    assert Month(2020, 6) in months[("NEUSTART", "integrations")]
    for dry_run in (True, False):
        report = import_workbook(db, ACTOR, book, dry_run=dry_run)
        counts = report.plan.counts()
        assert counts[Kind.UNCHANGED] == result.rows_in_daten
        assert counts[Kind.NEW] == counts[Kind.CHANGED] == counts[Kind.CONFLICT] == 0
    db.close()
