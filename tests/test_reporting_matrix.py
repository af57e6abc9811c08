"""The Meldestand matrix (services.reporting_matrix) and its sheet in the workbook, on the
demo with four months never reported (expected marks and totals counted by hand); the
workbook's labels (Summe / Ø, the period of a multi-year target) and its Vorjahr, which
is the window's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from aipdesk.domain.months import Month, Period
from aipdesk.exchange.export import export_workbook
from aipdesk.exchange.importer import plan_import, read_workbook
from aipdesk.services.base import Actor
from aipdesk.services.batch import Kind
from aipdesk.services.demo import load_demo
from aipdesk.services.reporting_matrix import (
    Mark,
    ReportingMatrix,
    build_matrix,
    reporting_matrix,
    updated_matrix,
)
from aipdesk.services.views import charts, snapshot
from aipdesk.store.database import Database
from tests.conftest import sqlite_only

PROJECTS = ["JC", "NEUSTART", "LIA", "GUIDE", "IP", "EXG", "TAAM"]
# Never reported: one FbW sector of the Jobcenter in March, LiA's November and December,
# the TaAM stock in September (every other demo month of 2021 has all its values).
DROPPED = [
    ("JC", "training_care", Month(2021, 3)),
    ("LIA", "job_starts", Month(2021, 11)),
    ("LIA", "job_starts", Month(2021, 12)),
    ("TAAM", "taam_stock", Month(2021, 9)),
]


def drop(db: Database, project: str, metric: str, month: Month) -> None:
    """A month that was never reported."""
    with db.write() as session:
        session.execute(
            text(
                "DELETE FROM monthly_values WHERE year = :y AND month = :m AND project_id = "
                "(SELECT id FROM projects WHERE code = :p) AND metric_id = "
                "(SELECT id FROM metrics WHERE code = :k)"
            ),
            {"y": month.year, "m": month.month, "p": project, "k": metric},
        )


@pytest.fixture
def gaps(db: Database, actor: Actor) -> Database:
    load_demo(db, actor, 2021)
    for project, metric, month in DROPPED:
        drop(db, project, metric, month)
    return db


def marks(matrix: ReportingMatrix, project: str) -> str:
    symbol = {Mark.REPORTED: "✓", Mark.MISSING: "–", Mark.AHEAD: "+", Mark.OPEN: "."}
    row = next(r for r in matrix.rows if r.project.code == project)
    return "".join(symbol.get(mark, " ") for mark in row.marks)


def test_the_matrix_at_december_names_who_misses_which_month(gaps: Database) -> None:
    matrix = reporting_matrix(snapshot(gaps, 2021, Month(2021, 12)))
    assert [row.project.code for row in matrix.rows] == PROJECTS
    assert marks(matrix, "JC") == "✓✓–✓✓✓✓✓✓✓✓✓"
    assert marks(matrix, "LIA") == "✓✓✓✓✓✓✓✓✓✓––"
    assert marks(matrix, "TAAM") == "✓✓✓✓✓✓✓✓–✓✓✓"
    for code in ("NEUSTART", "GUIDE", "IP", "EXG"):
        assert marks(matrix, code) == "✓" * 12
    totals = {row.project.code: (row.reported, row.due) for row in matrix.rows}
    assert totals == {
        "JC": (11, 12),
        "NEUSTART": (12, 12),
        "LIA": (10, 12),
        "GUIDE": (12, 12),
        "IP": (12, 12),
        "EXG": (12, 12),
        "TAAM": (11, 12),
    }
    # Per month: seven projects due, one short in March, September, November, December.
    short = {3, 9, 11, 12}
    assert [matrix.month_total(m - 1) for m in range(1, 13)] == [
        (6, 7) if m in short else (7, 7) for m in range(1, 13)
    ]
    assert matrix.total() == (80, 84)
    assert not matrix.complete
    # The metric that is missing is named.
    jc = matrix.rows[0]
    assert [m.code for m in jc.missing[2]] == ["training_care"]


def test_months_after_the_report_month_are_not_due(gaps: Database) -> None:
    matrix = reporting_matrix(snapshot(gaps, 2021, Month(2021, 6)))
    assert marks(matrix, "JC") == "✓✓–✓✓✓++++++"
    assert marks(matrix, "LIA") == "✓✓✓✓✓✓++++.."
    assert marks(matrix, "TAAM") == "✓✓✓✓✓✓++.+++"
    assert {(r.project.code, r.reported, r.due) for r in matrix.rows if r.reported < r.due} == {
        ("JC", 5, 6)
    }
    assert [matrix.month_total(m) for m in range(12)] == [(7, 7)] * 2 + [(6, 7)] + [(7, 7)] * 3 + [
        (0, 0)
    ] * 6
    assert matrix.total() == (41, 42)


def test_a_matrix_brought_up_to_date_is_the_one_built_anew(gaps: Database) -> None:
    """After a write the window's matrix is updated, not built: re-marked where the report
    month moves, a written project's row made anew, the totals moved with them."""
    snap = snapshot(gaps, 2021, Month(2021, 12))
    assert snap.matrix is not None and reporting_matrix(snap) is snap.matrix
    # December -> June, no project written: every row re-marked from what it misses.
    june = updated_matrix(snap.matrix, snap.grids, snap.tracked, [], Month(2021, 6))
    assert june is not None
    assert marks(june, "JC") == "✓✓–✓✓✓++++++" and marks(june, "LIA") == "✓✓✓✓✓✓++++.."
    due = [(7, 7)] * 2 + [(6, 7)] + [(7, 7)] * 3 + [(0, 0)] * 6  # March: JC short
    assert [june.month_total(m) for m in range(12)] == due
    assert june.total() == (41, 42)
    built = build_matrix(snap.projects, snap.grids, 2021, Month(2021, 6))
    assert june == built and june.totals == built.totals
    # LiA's November logged after all: its row anew, November and the total one more.
    lia = next(p for p in snap.projects if p.code == "LIA")
    grids = {
        area: dataclasses.replace(
            grid,
            rows=tuple(
                dataclasses.replace(row, values=(*row.values[:10], 5, *row.values[11:]))
                if row.key() == ("LIA", "job_starts")
                else row
                for row in grid.rows
            ),
        )
        for area, grid in snap.grids.items()
    }
    later = updated_matrix(snap.matrix, grids, snap.tracked, [lia], Month(2021, 12))
    assert later is not None and marks(later, "LIA") == "✓✓✓✓✓✓✓✓✓✓✓–"
    assert later.month_total(10) == (7, 7) and later.total() == (81, 84)
    # A project that loses its row (made inactive): the matrix is to be built anew.
    gone = dataclasses.replace(lia, active=False)
    assert updated_matrix(snap.matrix, snap.grids, snap.tracked, [gone], Month(2021, 12)) is None


def test_the_matrix_and_the_strip_name_the_same_gaps(gaps: Database) -> None:
    snap = snapshot(gaps, 2021, Month(2021, 12))
    matrix = reporting_matrix(snap)
    from_matrix = {
        (row.project.code, month)
        for row in matrix.rows
        for month, mark in zip(matrix.months, row.marks, strict=True)
        if mark is Mark.MISSING
    }
    from_gaps = {(gap.project.code, month) for gap in snap.gaps for month in gap.missing}
    assert from_matrix == from_gaps == {(p, m) for p, _, m in DROPPED}


def test_a_month_outside_the_project_period_is_never_due(gaps: Database) -> None:
    snap = snapshot(gaps, 2021, Month(2021, 12))
    # LiA as if it had ended in October, and NeuStart inactive: LiA's gaps are no gaps.
    projects = [
        dataclasses.replace(p, period=Period(p.period.first, Month(2021, 10)))
        if p.code == "LIA"
        else dataclasses.replace(p, active=False)
        if p.code == "NEUSTART"
        else p
        for p in snap.projects
    ]
    matrix = build_matrix(projects, snap.grids, 2021, Month(2021, 12))
    assert [row.project.code for row in matrix.rows] == [p for p in PROJECTS if p != "NEUSTART"]
    lia = next(row for row in matrix.rows if row.project.code == "LIA")
    assert lia.marks[9:] == (Mark.REPORTED, Mark.OUTSIDE, Mark.OUTSIDE)
    assert (lia.reported, lia.due) == (10, 10)
    # December: JC, GUIDE, IP, EXG and TaAM due and reported; LiA not due, NeuStart gone.
    assert matrix.month_total(11) == (5, 5)


# --------------------------------------------------------------------------- the workbook


DECEMBER = Month(2021, 12)


def exported(db: Database, tmp_path: Path, month: Month | None = DECEMBER) -> Path:
    path = tmp_path / "AIP 2021.xlsx"
    export_workbook(db, 2021, month, path)
    return path


def test_the_workbook_has_the_same_matrix(gaps: Database, tmp_path: Path) -> None:
    path = exported(gaps, tmp_path)
    book = load_workbook(path)
    assert book.sheetnames == [
        "Übersicht",
        "Meldestand",
        "Budget",
        *PROJECTS,
        "Daten",
        "Budgetdaten",
    ]
    ws = book["Meldestand"]
    assert ws["A1"].value == "Jobcenter Kreis Unna: AIP 2021 – Meldestand"
    rows = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=6, max_col=14)]
    header, body = rows[0], rows[1:]
    assert header == ("Projekt", "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep",
                      "Okt", "Nov", "Dez", "Gemeldet")  # fmt: skip
    matrix = reporting_matrix(snapshot(gaps, 2021, Month(2021, 12)))
    symbol = {Mark.REPORTED: "✓", Mark.MISSING: "–", Mark.AHEAD: "✓"}
    for line, row in zip(body, matrix.rows, strict=False):
        assert line[0] == row.project.name
        assert list(line[1:13]) == [symbol.get(mark) for mark in row.marks]
        assert line[13] == f"{row.reported} von {row.due}"
    totals = body[len(matrix.rows)]
    assert totals[0] == "Gemeldet (Projekte)"
    assert list(totals[1:13]) == [f"{r} von {d}" for r, d in map(matrix.month_total, range(12))]
    assert totals[13] == "80 von 84"
    notes = [line[0] for line in body[len(matrix.rows) + 1 :] if line[0]]
    assert "Es fehlt LiA – Langzeitarbeitslose in Arbeit, Nov 2021: Arbeitsaufnahmen." in notes
    assert "Es fehlt Teilhabe am Arbeitsmarkt (§ 16i SGB II), Sep 2021: " in " ".join(notes)
    # Missing months in red, later ones grey: by the cell's fill.
    lia = 7 + PROJECTS.index("LIA")
    assert ws.cell(lia, 12).fill.start_color.rgb.endswith("FFC7CE")
    assert ws.cell(lia, 2).fill.fill_type is None


@sqlite_only
def test_the_import_ignores_the_meldestand_sheet(gaps: Database, tmp_path: Path) -> None:
    path = exported(gaps, tmp_path)
    file = read_workbook(path)
    assert (file.kind, file.sheet) == ("export", "Daten")
    plan = plan_import(gaps, file)
    counts = plan.counts()
    assert counts[Kind.UNCHANGED] == len(file.incoming) > 200
    assert counts[Kind.NEW] == counts[Kind.CHANGED] == counts[Kind.CONFLICT] == 0


def test_a_project_called_meldestand_gets_another_sheet_name() -> None:
    from aipdesk.exchange import export as export_module

    assert export_module._sheet_names(["MELDESTAND"])["MELDESTAND"] == "MELDESTAND~2"


# --------------------------------------------------------------------------- labels, Vorjahr


def grid_of(ws: object, first_cell: str) -> tuple[int, list[tuple[object, ...]]]:
    rows = [tuple(c.value for c in row) for row in ws.iter_rows(max_col=19)]  # type: ignore[attr-defined]
    start = next(n for n, row in enumerate(rows) if row[0] == first_cell)
    return start, rows


@sqlite_only
def test_stocks_say_average_and_a_long_target_names_its_period(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    load_demo(db, actor, 2021)
    book = load_workbook(exported(db, tmp_path, None))
    taam = book["TAAM"]
    header = next(r for r in range(1, 20) if taam.cell(r, 1).value == "Kennzahl")
    assert taam.cell(header, 14).value == "Summe / Ø 2021"
    flow, stock = header + 1, header + 2
    assert taam.cell(stock, 1).value == "Geförderte Beschäftigungen TaAM (Bestand)"
    assert taam.cell(stock, 14).number_format == '"Ø "#,##0.0'
    assert taam.cell(flow, 14).number_format == "#,##0"
    # GUIDE: 2021 alone beside it, the target's figures over its period in their own row.
    guide = book["GUIDE"]
    header = next(r for r in range(1, 20) if guide.cell(r, 1).value == "Kennzahl")
    year = [guide.cell(header + 1, c).value for c in range(1, 20)]
    period = [guide.cell(header + 2, c).value for c in range(1, 20)]
    assert year[0] == "Teilnehmende (Eintritte)"
    assert year[13] == sum(year[1:13]) == 42
    assert year[14:] == [None] * 5
    assert period[0] == "Zielzeitraum 11/2019–04/2024, bis Dez 2021"
    assert period[1:14] == [None] * 13
    assert period[14] == 235 and period[16] == 87 and period[18] == "rot"
    # Its Vorjahr row: the same months of 2020, comparable with the 42 of 2021.
    start = next(r for r in range(header, 60) if guide.cell(r, 1).value == "Vorjahr 2020")
    assert guide.cell(start + 1, 14).value == "Summe / Ø gleiche Monate"
    assert guide.cell(start + 2, 14).value == 39


@sqlite_only
def test_window_and_workbook_show_the_same_vorjahr_for_every_target(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    """The dashboard's Vorjahr (its table and the chart's line at the report month) and
    the workbook's (Übersicht; a calendar-year target's project sheet) are one figure."""
    load_demo(db, actor, 2021)
    snap = snapshot(db, 2021)
    curves = charts(db, 2021, snap.report_month)
    book = load_workbook(exported(db, tmp_path, None))
    overview = [
        row
        for row in book["Übersicht"].iter_rows(min_row=7, values_only=True)
        if row[1] is not None and row[0] is not None and row[9] is not None
    ]
    assert len(overview) == len(snap.status.rows) == 14
    for status_row, line in zip(snap.status.rows, overview, strict=True):
        p = status_row.progress
        assert (line[0], line[1]) == (status_row.project.name, status_row.metric.name)
        assert line[10] == p.previous_year_actual, status_row.metric.code
        chart = curves[(status_row.project.code, status_row.metric.code, status_row.target.first)]
        at = chart.months.index(snap.report_month)
        assert chart.previous[at] == p.previous_year_actual
        if status_row.metric.is_computed:
            continue
        sheet = book[status_row.project.code]
        column = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
        start = column.index("Vorjahr 2020") + 1
        names = {sheet.cell(r, 1).value: r for r in range(start + 2, start + 20)}
        total = sheet.cell(names[status_row.metric.name], 14).value
        if status_row.target.period.first == Month(2021, 1):
            assert total == pytest.approx(p.previous_year_actual)
    guide = next(r for r in snap.status.rows if r.project.code == "GUIDE")
    # 2019-11 … 2021-12 a year earlier reaches back before GUIDE began: no Vorjahr.
    assert guide.progress.previous_year_actual is None
