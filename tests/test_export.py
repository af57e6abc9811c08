"""The exported workbook (issue "Export: the workbook"): sheets, contracted headers, the
figures of `aipdesk status`, numbers as numbers, text never as a formula, looks and
print set-up, atomic writing, and a real spreadsheet program opening it."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Project
from aipdesk.domain.months import Month
from aipdesk.exchange import export as export_module
from aipdesk.exchange.export import ExportResult, export_workbook
from aipdesk.services.base import Actor
from aipdesk.services.database import Database
from aipdesk.services.demo import load_demo
from aipdesk.services.projects import add_project
from aipdesk.services.status import status
from aipdesk.services.values import log_value
from aipdesk.services.views import year_cells
from tests.conftest import sqlite_only

NOW = datetime(2022, 1, 14, 9, 30, tzinfo=UTC)
OVERVIEW_HEADER = [
    "Projekt",
    "Kennzahl",
    "Zielwert",
    "Soll bis Berichtsmonat",
    "Ist bis Berichtsmonat",
    "Zielerreichung",
    "Abweichung",
    "Hochrechnung",
    "Status",
]
# Extended compatibly after the contracted columns.
OVERVIEW_MORE = [
    "Gemeldet",
    "Vorjahr (gleiche Monate)",
    "Veränderung zum Vorjahr",
    "Veränderung geplant",
    "Gleitend 12 Monate",
    "Veränderung zum Vorjahresmonat (K2/K3)",
    "Freigegeben",
]
HEADER_ROW = 6
STATUS_TEXT = {"green": "grün", "amber": "gelb", "red": "rot", "none": "–"}
NUMBER_TEXT = re.compile(r"^\s*[-+]?[\d.,]+\s*%?\s*$")


@dataclass
class Exported:
    db: Database
    path: Path
    result: ExportResult
    calls: list[tuple[int, int]]

    def book(self) -> Workbook:
        return load_workbook(self.path)

    def xml(self, member: str) -> str:
        with zipfile.ZipFile(self.path) as archive:
            return archive.read(member).decode("utf-8")

    def members(self) -> list[str]:
        with zipfile.ZipFile(self.path) as archive:
            return archive.namelist()


def run_export(db: Database, path: Path, month: Month | None = None) -> Exported:
    calls: list[tuple[int, int]] = []
    result = export_workbook(
        db, 2021, month, path, progress=lambda d, t: calls.append((d, t)), now=NOW
    )
    return Exported(db, path, result, calls)


# `demo` (and `exported`) run on SQLite and on PostgreSQL; tests of the workbook's form
# alone (formats, layout, files) are `sqlite_only`.
@pytest.fixture
def demo(db: Database, actor: Actor) -> Database:
    load_demo(db, actor, 2021)
    return db


@pytest.fixture
def exported(demo: Database, tmp_path: Path) -> Exported:
    return run_export(demo, tmp_path / "AIP 2021.xlsx")


def overview_rows(ws: Worksheet) -> list[tuple[Any, ...]]:
    rows = []
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if row[0] is None:
            break
        rows.append(row[: len(OVERVIEW_HEADER)])
    return rows


def overview_more(ws: Worksheet) -> list[tuple[Any, ...]]:
    """The columns after the contracted ones."""
    rows = []
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if row[0] is None:
            break
        rows.append(row[len(OVERVIEW_HEADER) : len(OVERVIEW_HEADER) + len(OVERVIEW_MORE)])
    return rows


def sheet_xml_name(book: Workbook, title: str) -> str:
    return f"xl/worksheets/sheet{book.sheetnames.index(title) + 1}.xml"


# --------------------------------------------------------------------------- structure


def test_sheets_are_overview_projects_and_data(exported: Exported) -> None:
    book = exported.book()
    report = status(exported.db, 2021)
    with_data = {c.project for c in year_cells(exported.db, 2021)}
    with_data |= {row.project.code for row in report.rows}
    codes = ["JC", "NEUSTART", "LIA", "GUIDE", "IP", "EXG", "TAAM"]
    assert set(codes) == with_data  # the demo: every catalogue project logs or has a target
    assert book.sheetnames == ["Übersicht", "Meldestand", "Budget", *codes, "Daten", "Budgetdaten"]
    assert exported.result.sheets == tuple(book.sheetnames)
    assert exported.result.path == exported.path
    assert exported.result.report_month == Month(2021, 12)
    # The readable name heads the sheet, with the code unless the name holds it already.
    assert book["NEUSTART"]["A1"].value == "NeuStart"
    assert book["JC"]["A1"].value == "Jobcenter Kreis Unna (gesamt) (JC)"


@sqlite_only
def test_overview_header_and_title_block(exported: Exported) -> None:
    ws = exported.book()["Übersicht"]
    header = [c.value for c in ws[HEADER_ROW]]
    assert header == OVERVIEW_HEADER + OVERVIEW_MORE
    assert "Jobcenter Kreis Unna" in ws["A1"].value and "2021" in ws["A1"].value
    assert (ws["A2"].value, ws["B2"].value) == ("Jahr", 2021)
    assert (ws["A3"].value, ws["B3"].value) == ("Berichtsmonat", datetime(2021, 12, 1))
    assert ws["B3"].number_format == "MMMM YYYY"
    assert ws["A4"].value == "Stand"
    assert ws["B4"].value == NOW.astimezone().replace(tzinfo=None)  # the reader's local time


def test_overview_shows_the_figures_of_aipdesk_status(exported: Exported) -> None:
    ws = exported.book()["Übersicht"]
    rows = overview_rows(ws)
    expected = status(exported.db, 2021).to_json()
    assert len(rows) == len(expected) == 14
    for row, want in zip(rows, expected, strict=True):
        project, metric, target, plan, ist, attainment, deviation, forecast, light = row
        assert (project, metric) == (want["project_name"], want["metric_name"])
        for got, key in (
            (target, "target"),
            (plan, "plan_to_date"),
            (ist, "actual_to_date"),
            (deviation, "deviation"),
            (forecast, "forecast"),
        ):
            assert got == (None if want[key] is None else pytest.approx(want[key])), key
        if want["attainment_pct"] is None:
            assert attainment is None
        else:
            assert attainment == pytest.approx(want["attainment_pct"] / 100)
        assert light == STATUS_TEXT[want["status"]]
    by_metric = {(r[0], r[1]): r for r in rows}
    lzb = by_metric[("Jobcenter Kreis Unna (gesamt)", "Langzeitleistungsbeziehende (Bestand)")]
    assert lzb[5] == pytest.approx(0.966, abs=0.0005)  # 96,6 % in a German Excel


def test_overview_names_gaps_and_shows_the_official_figures(demo: Database, tmp_path: Path) -> None:
    with demo.write() as session:  # April of NeuStart was never reported
        session.connection().exec_driver_sql(
            "DELETE FROM monthly_values WHERE year = 2021 AND month = 4 AND project_id = "
            "(SELECT id FROM projects WHERE code = 'NEUSTART')"
        )
    exported = run_export(demo, tmp_path / "gaps.xlsx", Month(2021, 6))
    ws = exported.book()["Übersicht"]
    expected = status(demo, 2021, Month(2021, 6)).to_json()
    more = overview_more(ws)
    for row, want in zip(more, expected, strict=True):
        reported, previous, change, planned, rolling, yoy, approved = row
        assert approved == f"0 von {want['months_elapsed']}, vorläufig"
        months = f"{want['months_reported']} von {want['months_elapsed']}"
        if want["project"] == "NEUSTART":
            assert reported == "5 von 6, es fehlt Apr 2021"
        else:
            assert reported == months
        for got, key in (
            (previous, "previous_year_actual"),
            (rolling, "rolling_12m"),
        ):
            assert got == (None if want[key] is None else pytest.approx(want[key])), key
        for got, key in (
            (change, "previous_year_change_pct"),
            (planned, "planned_change_pct"),
            (yoy, "yoy_month_change_pct"),
        ):
            assert got == (None if want[key] is None else pytest.approx(want[key] / 100)), key
    notes = [ws.cell(r, 1).value or "" for r in range(1, ws.max_row + 1)]
    assert any("Gleitend 12 Monate: die 12 Monate bis zum Berichtsmonat" in n for n in notes)


def test_the_report_month_is_explained(exported: Exported) -> None:
    ws = exported.book()["Übersicht"]
    notes = [ws.cell(r, 1).value or "" for r in range(1, ws.max_row + 1)]
    assert (
        "Berichtsmonat: Meldeschluss: bis Dezember 2021 haben alle Ziele mit Werten vollständig "
        "gemeldet." in notes
    )


def test_a_given_report_month_is_used(demo: Database, tmp_path: Path) -> None:
    exported = run_export(demo, tmp_path / "june.xlsx", Month(2021, 6))
    assert exported.result.report_month == Month(2021, 6)
    rows = overview_rows(exported.book()["Übersicht"])
    expected = status(demo, 2021, Month(2021, 6)).to_json()
    assert [r[4] for r in rows] == [
        None if e["actual_to_date"] is None else pytest.approx(e["actual_to_date"])
        for e in expected
    ]


@sqlite_only
def test_formats_of_the_overview(exported: Exported) -> None:
    ws = exported.book()["Übersicht"]
    rows = {ws.cell(r, 2).value: r for r in range(HEADER_ROW + 1, HEADER_ROW + 13)}
    quota, flow, stock = (
        rows["Integrationsquote"],
        rows["Arbeitsaufnahmen"],
        rows["Langzeitleistungsbeziehende (Bestand)"],
    )
    assert ws.cell(flow, 3).number_format == "#,##0"
    assert ws.cell(stock, 4).number_format == "#,##0.0"
    assert ws.cell(quota, 5).number_format == '#,##0.0" %"'  # 24.6 means 24,6 %
    assert ws.cell(quota, 5).value == pytest.approx(23.1, abs=0.05)
    assert ws.cell(flow, 6).number_format == "0.0%"
    # Negative deviations in red: the negative section of the format says so.
    for row in (flow, stock, quota):
        negative = ws.cell(row, 7).number_format.split(";")[1]
        assert negative.startswith("[Red]-")
    assert ws.cell(flow, 7).value < 0  # LiA is behind its plan


@sqlite_only
def test_every_number_is_a_number(exported: Exported) -> None:
    book = exported.book()
    ws = book["Übersicht"]
    for row in overview_rows(ws):
        assert all(v is None or isinstance(v, int | float) for v in row[2:8]), row
        assert isinstance(row[8], str)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert not NUMBER_TEXT.match(value), (sheet.title, value)
    grid = book["NEUSTART"]
    header = next(r for r in range(1, 20) if grid.cell(r, 1).value == "Kennzahl")
    assert [grid.cell(header, c).value for c in range(2, 14)][:3] == ["Jan", "Feb", "Mär"]
    assert [grid.cell(header, c).value for c in range(14, 20)] == [
        "Summe / Ø 2021",
        "Zielwert",
        "Soll",
        "Ist",
        "Zielerreichung",
        "Status",
    ]
    values = [grid.cell(header + 1, c).value for c in range(2, 14)]
    assert all(isinstance(v, int) for v in values)
    assert grid.cell(header + 1, 14).value == sum(values)


def test_daten_has_one_row_per_monthly_value(exported: Exported) -> None:
    ws = exported.book()["Daten"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0][:5]) == ["Jahr", "Monat", "Projekt", "Kennzahl", "Wert"]
    assert list(rows[0][5:]) == [
        "Projektname",
        "Kennzahlname",
        "Bemerkung",
        "geändert von",
        "geändert am",
    ]
    cells = year_cells(exported.db, 2021)
    # The year's values, and those the workbook compares with (the demo logs every series
    # of 2021 in 2020 too: the Vorjahr), and GUIDE's November and December 2019 (its
    # project and target begin in November 2019: the figures of its period read them).
    previous = year_cells(exported.db, 2020)
    guide = [c for c in year_cells(exported.db, 2019) if c.month >= Month(2019, 11)]
    assert len(cells) == len(previous) > 200
    assert [(c.project, c.metric, c.month.month) for c in guide] == [
        ("GUIDE", "participants", 11),
        ("GUIDE", "participants", 12),
    ]
    assert len(rows) - 1 == 2 * len(cells) + 2 == exported.result.rows_in_daten
    assert {(r[2], r[3], r[0], r[1], r[4]) for r in rows[1:]} == {
        (c.project, c.metric, c.month.year, c.month.month, c.value)
        for c in [*cells, *previous, *guide]
    }
    for row in rows[1:]:
        assert row[0] in (2019, 2020, 2021) and isinstance(row[1], int) and type(row[4]) is int
        assert isinstance(row[9], datetime)
    names = {(r[2], r[3]): (r[5], r[6]) for r in rows[1:]}
    assert names[("NEUSTART", "integrations")] == ("NeuStart", "Integrationen")
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:J{len(rows)}"


@sqlite_only
def test_text_that_looks_like_a_formula_stays_text(
    demo: Database, actor: Actor, tmp_path: Path
) -> None:
    evil = '=HYPERLINK("x")'
    add_project(demo, actor, Project("EVIL", evil), ("integrations",))
    notes = {1: "+49 bad", 2: "=1+1", 3: "@SUM(A1)", 4: "-5 weniger als geplant"}
    for month, note in notes.items():
        log_value(demo, actor, "EVIL", "integrations", Month(2021, month), 5, note=note)
    log_value(demo, actor, "NEUSTART", "integrations", Month(2021, 5), 60, note="=2*3")
    exported = run_export(demo, tmp_path / "evil.xlsx")
    book = exported.book()
    assert "EVIL" in book.sheetnames
    texts = [evil, *notes.values(), "=2*3"]
    found: dict[str, list[str]] = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in texts:
                    assert cell.data_type == "s", (sheet.title, cell.coordinate)
                    found.setdefault(cell.value, []).append(sheet.title)
    assert set(found) == set(texts)
    assert "Daten" in found[evil]
    title = book["EVIL"]["A1"]
    assert title.value.startswith(evil) and title.data_type == "s"
    assert {"Daten", "EVIL"} <= set(found["+49 bad"])
    # No formula anywhere in the file: the workbook holds values only.
    for member in exported.members():
        if member.startswith("xl/worksheets/sheet"):
            xml = exported.xml(member)
            assert "<f>" not in xml and "<f " not in xml, member
    assert evil in exported.xml(sheet_xml_name(book, "Daten"))


def test_text_keeps_its_characters(demo: Database, actor: Actor, tmp_path: Path) -> None:
    notes = {
        1: "Kurzarbeit & <Lockdown> „Öffnung“",
        2: "  führende und folgende Leerzeichen  ",
        3: "zwei\nZeilen",
        4: "mit\tTabulator",
    }
    for month, note in notes.items():
        log_value(demo, actor, "LIA", "job_starts", Month(2021, month), 20, note=note)
    ws = run_export(demo, tmp_path / "text.xlsx").book()["Daten"]
    shown = {row[1]: row[7] for row in ws.iter_rows(min_row=2, values_only=True) if row[2] == "LIA"}
    assert {month: shown[month] for month in notes} == notes


def test_cell_xml_writes_numbers_as_numbers_and_text_as_text() -> None:
    from aipdesk.exchange.styles import Styled, cell_xml

    assert cell_xml(0, 1, 5) == '<c r="A1"><v>5</v></c>'
    assert cell_xml(1, 2, Styled(0.966, 7)) == '<c r="B2" s="7"><v>0.966</v></c>'
    assert cell_xml(0, 1, float("nan")) == ""  # no value rather than an invalid one
    assert cell_xml(0, 1, Styled(None, 3)) == '<c r="A1" s="3"/>'
    assert cell_xml(0, 1, "=1+1") == '<c r="A1" t="inlineStr"><is><t>=1+1</t></is></c>'
    assert cell_xml(0, 1, datetime(2021, 12, 1)) == '<c r="A1"><v>44531.0</v></c>'
    with pytest.raises(TypeError):
        cell_xml(0, 1, object())


@sqlite_only
def test_status_column_has_conditional_fills(exported: Exported) -> None:
    book = exported.book()
    for title, column in (("Übersicht", "I"), ("JC", "S")):
        formatting = book[title].conditional_formatting
        rules = {
            str(cf.sqref): [r.formula[0] for r in cf.rules if r.type == "cellIs"]
            for cf in formatting
        }
        ranges = [ref for ref in rules if ref.startswith(column)]
        assert ranges, rules
        assert sorted(f for ref in ranges for f in rules[ref]) == sorted(
            ['"grün"', '"gelb"', '"rot"']
        )
    ws = book["Übersicht"]
    rule_fills = {
        r.formula[0]: r.dxf.fill.fgColor.rgb
        for cf in ws.conditional_formatting
        for r in cf.rules
        if r.type == "cellIs"
    }
    assert rule_fills['"grün"'].endswith("C6EFCE")


@sqlite_only
def test_attainment_column_has_data_bars_from_zero(exported: Exported) -> None:
    """Grey data bars in Zielerreichung (column F), every target row, one scale: from 0 to
    the highest attainment (TAAM's 112,9 %), so that bars compare across rows."""
    ws = exported.book()["Übersicht"]
    bars = [(str(cf.sqref), r) for cf in ws.conditional_formatting for r in cf.rules]
    bars = [(ref, r) for ref, r in bars if r.type == "dataBar"]
    assert [ref for ref, _ in bars] == [f"F{HEADER_ROW + 1}:F{HEADER_ROW + 14}"]
    rule = bars[0][1]
    highest = max(r.progress.attainment_pct or 0 for r in status(exported.db, 2021).rows)
    assert 112.8 < highest < 113.0
    assert [(v.type, float(v.val)) for v in rule.dataBar.cfvo] == [
        ("num", 0.0),
        ("num", round(highest / 100, 4)),
    ]
    assert rule.dataBar.color.rgb.endswith("A6A6A6")
    assert ws.cell(HEADER_ROW, 6).value == "Zielerreichung"
    shown = [ws.cell(HEADER_ROW + 1 + i, 6).value for i in range(14)]
    assert max(v for v in shown if v is not None) == pytest.approx(highest / 100)


@sqlite_only
def test_freeze_filter_widths_and_print_set_up(exported: Exported) -> None:
    book = exported.book()
    ws = book["Übersicht"]
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.auto_filter.ref == f"A{HEADER_ROW}:P{HEADER_ROW + 14}"
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert ws.column_dimensions["A"].width >= len("LiA – Langzeitarbeitslose in Arbeit")
    assert ws.column_dimensions["B"].width >= len("Neue Förderungen Teilhabe am Arbeitsmarkt")
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape", sheet.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert "AIP 2021" in sheet.oddHeader.left.text
        assert "14.01.2022" in sheet.oddHeader.right.text  # the export date
        assert sheet.oddFooter.right.text == "Seite &P von &N"


def test_charts_one_per_target_with_the_status_figures(exported: Exported) -> None:
    members = exported.members()
    charts = sorted(m for m in members if re.fullmatch(r"xl/charts/chart\d+\.xml", m))
    report = status(exported.db, 2021)
    assert len(charts) == len(report.rows) + 1  # one per target, and the Budget sheet's
    lines = [name for name in charts if "lineChart>" in exported.xml(name)]
    assert len(lines) == len(report.rows)
    xml = exported.xml(lines[0])
    assert "lineChart>" in xml and "Monat 2021" in xml and "Ist (kumuliert)" in xml
    assert re.search(r'<(c:)?delete val="0"', xml)  # axes shown
    # The chart's data: Ist to date at each month ends on the overview's Ist.
    book = exported.book()
    for row in report.rows:
        ws = book[row.project.code]
        label = f"{row.metric.name}: Ist"
        found = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label]
        assert found, label
        december = ws.cell(found[0], 13).value
        assert december == pytest.approx(row.progress.actual_to_date), label
        if row.target.value is not None:
            assert ws.cell(found[0] + 1, 1).value == f"{row.metric.name}: Soll"
            assert ws.cell(found[0] + 1, 13).value == pytest.approx(row.progress.plan_to_date)


def test_previous_year_and_notes_on_the_project_sheet(
    demo: Database, actor: Actor, tmp_path: Path
) -> None:
    log_value(demo, actor, "LIA", "job_starts", Month(2021, 8), 11, note="Sommerferien")
    ws = run_export(demo, tmp_path / "notes.xlsx").book()["LIA"]
    column_a = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    previous = column_a.index("Vorjahr 2020")
    assert column_a[previous + 2] == "Arbeitsaufnahmen"
    values_2020 = [ws.cell(previous + 3, c).value for c in range(2, 14)]
    assert all(isinstance(v, int) for v in values_2020)
    notes = column_a.index("Bemerkungen 2021")
    assert ws.cell(notes + 3, 1).value == "Arbeitsaufnahmen"
    assert ws.cell(notes + 3, 2).value == "August 2021"
    assert ws.cell(notes + 3, 4).value == "Sommerferien"


@sqlite_only
def test_document_properties(exported: Exported) -> None:
    props = exported.book().properties
    assert props.creator == "aipdesk"
    assert props.created == NOW.replace(tzinfo=None)  # UTC: the import's "file made at"
    assert props.title == "AIP 2021 – Jobcenter Kreis Unna"


@sqlite_only
def test_progress_is_reported_up_to_the_end(exported: Exported) -> None:
    calls = exported.calls
    assert len(calls) >= 4
    total = calls[-1][1]
    assert calls[-1] == (total, total)
    assert [d for d, _ in calls] == list(range(1, total + 1))
    assert {t for _, t in calls} == {total}


def test_an_empty_year_gives_overview_and_data(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "leer.xlsx"
    result = export_workbook(db, 2030, None, path, now=NOW)
    assert result.sheets == ("Übersicht", "Daten")
    assert result.rows_in_daten == 0
    assert load_workbook(path).sheetnames == ["Übersicht", "Daten"]


def test_sheet_names_are_valid_and_unique() -> None:
    names = export_module._sheet_names(["DATEN", "daten2", "X" * 32, "X" * 31 + "Y", "History"])
    assert names["DATEN"] not in {"Daten", "DATEN"}
    assert all(len(n) <= 31 for n in names.values())
    assert len({n.casefold() for n in names.values()}) == 5
    assert names["History"].casefold() != "history"


# --------------------------------------------------------------------------- atomic writing


@sqlite_only
def test_a_failed_save_leaves_no_file(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    old = folder / "old.xlsx"
    old.write_bytes(b"the previous export")
    fresh = folder / "fresh.xlsx"

    def broken_save(self: Workbook, filename: Any) -> None:
        filename.write(b"PK\x03\x04 half a workbook")
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", broken_save)
    for target in (old, fresh):
        with pytest.raises(DomainError, match="disk full") as refused:
            export_workbook(demo, 2021, None, target, now=NOW)
        assert refused.value.code == "output_failed"
    assert old.read_bytes() == b"the previous export"
    assert not fresh.exists()
    assert sorted(p.name for p in folder.iterdir()) == ["old.xlsx"]


@sqlite_only
def test_a_failure_while_building_leaves_no_file(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Any) -> int:
        raise RuntimeError("broken in the middle")

    monkeypatch.setattr(export_module._Writer, "daten", broken)
    with pytest.raises(RuntimeError, match="broken in the middle"):
        export_workbook(demo, 2021, None, tmp_path / "half.xlsx", now=NOW)
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*.tmp")) == []


@sqlite_only
def test_an_export_replaces_the_previous_file(exported: Exported) -> None:
    exported.path.write_bytes(b"old")
    run_export(exported.db, exported.path)
    assert exported.path.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in exported.path.parent.iterdir() if p.suffix == ".tmp") == []


# --------------------------------------------------------------------------- LibreOffice


@sqlite_only
@pytest.mark.slow
def test_libreoffice_prints_the_workbook(exported: Exported, tmp_path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: parallel runs don't clash
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(exported.path),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = out / (exported.path.stem + ".pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= len(exported.result.sheets)
