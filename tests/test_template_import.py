"""Entry template (aipdesk template) and import (aipdesk import): layout, round trips,
every way a file is refused, dry runs and conflicts."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter, range_boundaries

from aipdesk.cli import main
from aipdesk.domain.catalogue import label
from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.domain.rules import parse_count
from aipdesk.exchange import guard
from aipdesk.exchange.importer import (
    ImportFile,
    apply_import,
    import_workbook,
    plan_import,
    read_workbook,
)
from aipdesk.exchange.template import CREATED_PROPERTY, mark_created, write_template
from aipdesk.services.base import Actor
from aipdesk.services.batch import KEEP, Kind
from aipdesk.services.demo import load_demo
from aipdesk.services.maintenance import history
from aipdesk.services.projects import edit_project
from aipdesk.services.values import get_value, log_value
from aipdesk.services.views import snapshot as view_snapshot
from aipdesk.store.database import Database, open_database
from tests.conftest import snapshot, sqlite_only

JC_NAME = "Jobcenter Kreis Unna (gesamt)"

HEADER_2021 = ["Projekt", "Kennzahl", "Bezeichnung", *(f"2021-{m:02d}" for m in range(1, 13))]
JAN, FEB, MAR, APR = (Month(2021, m) for m in (1, 2, 3, 4))


# -- helpers -------------------------------------------------------------------------------


def row_of(ws: Any, project: str, metric: str) -> int:
    for row in range(2, ws.max_row + 1):
        if (ws.cell(row, 1).value, ws.cell(row, 2).value) == (project, metric):
            return row
    raise AssertionError(f"no row for {project} / {metric}")


def cell_of(ws: Any, project: str, metric: str, month: Month) -> str:
    header = [c.value for c in ws[1]]
    column = header.index(str(month)) + 1
    return f"{get_column_letter(column)}{row_of(ws, project, metric)}"


def edit(
    path: Path,
    changes: dict[str, Any],
    out: Path | None = None,
    sheet: str = "Erfassung",
    by_key: dict[tuple[str, str, Month], Any] | None = None,
) -> Path:
    """Open the workbook as a person would (normally), set cells, save."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for (project, metric, month), value in (by_key or {}).items():
        ws[cell_of(ws, project, metric, month)] = value
    for coordinate, value in changes.items():
        ws[coordinate] = value
    target = out or path
    wb.save(target)
    return target


def daten(
    path: Path, rows: list[list[Any]], header: list[str] | None = None, stamp: bool = True
) -> Path:
    """A minimal export: `Daten` with the contracted header, stamped like aipdesk's files."""
    wb = openpyxl.Workbook()
    if stamp:
        mark_created(wb, datetime.now(UTC))
    wb.active.title = "Übersicht"
    ws = wb.create_sheet("Daten")
    ws.append(
        header
        or [
            "Jahr",
            "Monat",
            "Projekt",
            "Kennzahl",
            "Wert",
            "Projektname",
            "Bemerkung",
            "geändert von",
        ]
    )
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def rewrite_zip(source: Path, target: Path, replace: dict[str, bytes | None]) -> Path:
    """Copy a zip, replacing (or with None: dropping) parts, and adding new ones."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in replace:
                data = replace[info.filename]
                if data is not None:
                    dst.writestr(info.filename, data)
            else:
                dst.writestr(info, src.read(info.filename))
        for name, data in replace.items():
            if name not in src.namelist() and data is not None:
                dst.writestr(name, data)
    return target


def files(folder: Path) -> list[str]:
    """The files of `folder` but the test database."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("aipdesk.sqlite"))


def refused(db: Database, actor: Actor, path: Path) -> str:
    """Import `path`, expect a rejection, prove the database unchanged; the German message."""
    before = snapshot(db)
    with pytest.raises(DomainError) as caught:
        import_workbook(db, actor, path)
    assert snapshot(db) == before
    assert caught.value.text("en")  # both languages exist
    return str(caught.value)


@pytest.fixture
def logged(db: Database, actor: Actor) -> Database:
    """Catalogue plus a handful of values (most template cells stay empty)."""
    log_value(db, actor, "NEUSTART", "integrations", JAN, 50, note="Jan ok")
    log_value(db, actor, "NEUSTART", "integrations", FEB, 60)
    log_value(db, actor, "LIA", "job_starts", JAN, 20)
    log_value(db, actor, "JC", "training_entries", JAN, 40)
    log_value(db, actor, "JC", "training_entries_degree", JAN, 10)
    return db


@pytest.fixture
def template(logged: Database, tmp_path: Path) -> Path:
    return write_template(logged, 2021, tmp_path / "Erfassung-2021.xlsx")


# -- the template --------------------------------------------------------------------------


def test_openpyxl_parses_through_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True


def test_template_layout(db: Database, actor: Actor, tmp_path: Path) -> None:
    load_demo(db, actor, 2021)
    made = datetime(2021, 6, 1, 8, 30, 15, 123456, tzinfo=UTC)
    path = write_template(db, 2021, tmp_path / "vorlage.xlsx", now=made)
    assert path == tmp_path / "vorlage.xlsx"
    assert files(tmp_path) == ["vorlage.xlsx"]  # no temporary file left behind

    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Erfassung", "Anleitung"]
    ws = wb["Erfassung"]
    assert [c.value for c in ws[1]] == HEADER_2021
    assert ws.freeze_panes == "D2"
    assert ws.protection.sheet is True
    assert ws.column_dimensions["C"].width >= 30

    snap = view_snapshot(db, 2021)
    expected = [
        (p.code, m)
        for p in snap.projects
        if p.active
        for m in snap.tracked[p.code]
        if not snap.metrics[m].is_computed
    ]
    rows = [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(2, ws.max_row + 1)]
    assert rows == expected
    assert ("JC", "integration_rate") not in rows  # computed: never typed in
    stored = {
        (row.project.code, row.metric.code): row.values
        for grid in snap.grids.values()
        for row in grid.rows
    }
    unlocked = set()
    for r, (project, metric) in enumerate(rows, start=2):
        name = ws.cell(r, 3).value
        assert label(snap.metrics[metric], snap.metrics) in name
        assert next(p.name for p in snap.projects if p.code == project) in name
        for column in (1, 2, 3):
            assert ws.cell(r, column).protection.locked
        values = tuple(ws.cell(r, 4 + i).value for i in range(12))
        assert values == stored[(project, metric)]  # prefilled with the stored values
        for i in range(12):
            cell = ws.cell(r, 4 + i)
            assert cell.protection.locked is False  # 2021 lies in every project's period
            unlocked.add(cell.coordinate)
    for cell in ws[1]:
        assert cell.protection.locked

    [validation] = ws.data_validations.dataValidation
    assert (validation.type, validation.operator, validation.formula1) == (
        "whole",
        "greaterThanOrEqual",
        "0",
    )
    assert validation.showErrorMessage and "ganze Zahl" in validation.error
    covered = set()
    for cell_range in str(validation.sqref).split():
        c1, r1, c2, r2 = range_boundaries(cell_range)
        covered |= {
            f"{get_column_letter(c)}{r}" for c in range(c1, c2 + 1) for r in range(r1, r2 + 1)
        }
    assert covered == unlocked

    guide = "\n".join(str(c.value) for c in wb["Anleitung"]["A"] if c.value)
    for phrase in (
        "Erfassungsvorlage AIP 2021",
        "leere Zelle",
        "löscht keinen",
        "Formeln werden nicht übernommen",
        ".xlsx",
        "Konflikt",
        "Erfassung!G5",
    ):
        assert phrase in guide
    assert wb["Anleitung"].protection.sheet is True

    props = {p.name: p.value for p in wb.custom_doc_props.props}
    assert props[CREATED_PROPERTY] == made.isoformat()
    assert wb.properties.created == made.replace(tzinfo=None, microsecond=0)
    assert read_workbook(path).made_at == made


def test_months_outside_the_project_period_are_grey_and_locked(
    db: Database, tmp_path: Path
) -> None:
    path = write_template(db, 2019, tmp_path / "t.xlsx")  # GUIDE starts 2019-11, LiA 2020-01
    wb = openpyxl.load_workbook(path)
    ws = wb["Erfassung"]
    codes = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
    assert "GUIDE" in codes and "LIA" not in codes
    guide = row_of(ws, "GUIDE", "participants")
    for i in range(12):
        cell = ws.cell(guide, 4 + i)
        if i < 10:
            assert cell.protection.locked and cell.value is None
            assert cell.fill.fgColor.rgb.endswith("BFBFBF")
        else:
            assert cell.protection.locked is False
    sqref = str(ws.data_validations.dataValidation[0].sqref).split()
    assert f"N{guide}:O{guide}" in sqref
    assert not any(r.startswith("D") and r.endswith(f"{guide}") for r in sqref)


def test_template_of_one_project(logged: Database, tmp_path: Path) -> None:
    path = write_template(logged, 2021, tmp_path / "neustart.xlsx", project="NEUSTART")
    ws = openpyxl.load_workbook(path)["Erfassung"]
    assert [[c.value for c in row][:5] for row in ws.iter_rows(min_row=2)] == [
        ["NEUSTART", "integrations", "NeuStart: Integrationen", 50, 60]
    ]
    guide = openpyxl.load_workbook(path)["Anleitung"]["A2"].value
    assert guide.startswith("Für Projekt NeuStart. Erstellt am")  # the name, not NEUSTART
    assert openpyxl.load_workbook(path).properties.title == "AIP 2021 – Erfassungsvorlage NeuStart"
    with pytest.raises(DomainError, match='Unbekanntes Projekt "NOPE"'):
        write_template(logged, 2021, tmp_path / "nope.xlsx", project="NOPE")
    assert not (tmp_path / "nope.xlsx").exists()


def test_template_of_a_deactivated_project_is_refused_by_its_name(
    logged: Database, actor: Actor, tmp_path: Path
) -> None:
    edit_project(logged, actor, "IP", active=False)
    with pytest.raises(DomainError) as refused:
        write_template(logged, 2021, tmp_path / "ip.xlsx", project="IP")
    assert refused.value.text("de") == (
        "Projekt Integration Point ist deaktiviert: es nimmt keine Werte an"
    )
    assert refused.value.text("en") == (
        "project Integration Point is deactivated: it accepts no values"
    )
    assert not (tmp_path / "ip.xlsx").exists()


def test_template_rows_name_a_davon_metric_under_its_parent(
    logged: Database, tmp_path: Path
) -> None:
    ws = openpyxl.load_workbook(write_template(logged, 2021, tmp_path / "t.xlsx"))["Erfassung"]
    names = {(r[0].value, r[1].value): r[2].value for r in ws.iter_rows(min_row=2)}
    assert names[("JC", "training_entries_degree")] == (
        f"{JC_NAME}: Eintritte in berufliche Weiterbildung (abschlussorientiert)"
    )


@sqlite_only
def test_template_overwrites_atomically(logged: Database, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"old")
    write_template(logged, 2021, path)
    assert read_workbook(path).kind == "template"
    assert files(tmp_path) == ["t.xlsx"]
    with pytest.raises(DomainError, match="lässt sich nicht schreiben"):
        write_template(logged, 2021, tmp_path / "missing-folder" / "t.xlsx")


# -- round trips ---------------------------------------------------------------------------


def test_template_round_trip(logged: Database, actor: Actor, template: Path) -> None:
    typed = {
        ("NEUSTART", "integrations", MAR): 70,  # empty cell filled
        ("NEUSTART", "integrations", FEB): 61,  # stored value changed
        ("LIA", "job_starts", FEB): "1.234",  # text with German thousands separator
        ("GUIDE", "participants", APR): 0,  # zero is a value, not "nothing"
        ("JC", "training_entries", FEB): 35.0,  # a whole float
        ("JC", "training_entries", JAN): None,  # cleared: must not delete the stored 40
    }
    edit(template, {}, by_key=typed)
    before = {key: get_value(logged, *key) for key in typed}

    report = import_workbook(logged, Actor("teamleitung", "import"), template)

    assert report.file.kind == "template"
    assert report.counts() == {Kind.NEW: 4, Kind.CHANGED: 1, Kind.UNCHANGED: 3, Kind.CONFLICT: 0}
    assert get_value(logged, "NEUSTART", "integrations", MAR) == (70, None)
    assert get_value(logged, "NEUSTART", "integrations", FEB) == (61, None)
    assert get_value(logged, "LIA", "job_starts", FEB) == (1234, None)
    assert get_value(logged, "GUIDE", "participants", APR) == (0, None)
    assert get_value(logged, "JC", "training_entries", FEB) == (35, None)
    assert (
        get_value(logged, "JC", "training_entries", JAN)
        == before[("JC", "training_entries", JAN)]
        == (40, None)
    )
    assert get_value(logged, "NEUSTART", "integrations", JAN) == (50, "Jan ok")  # note kept
    assert get_value(logged, "LIA", "job_starts", JAN) == (20, None)
    assert len(report.changes.values) == 5
    last = history(logged, "NEUSTART", "integrations", FEB)[-1]
    row = row_of(openpyxl.load_workbook(template)["Erfassung"], "NEUSTART", "integrations")
    assert (last.user, last.source, last.old, last.new) == (
        "teamleitung",
        "import",
        {"value": 60, "note": None},
        {"value": 61, "note": None, "file": template.name, "where": f"Erfassung!E{row}"},
    )
    assert "Gespeichert: 5 Werte" in report.summary()

    again = import_workbook(logged, actor, template)  # importing twice changes nothing
    assert again.counts()[Kind.UNCHANGED] == 8 and not again.changes


def test_read_a_hand_made_daten_sheet(tmp_path: Path) -> None:
    path = daten(
        tmp_path / "export.xlsx",
        [
            [2021, 1, "NEUSTART", "integrations", 50, "NeuStart", "Messe im Januar", "tester"],
            [2021, "2021-02", "NEUSTART", "integrations", "1.200", "NeuStart", None, "tester"],
            [2021, 3, "LIA", "job_starts", None, "LiA", "kein Wert", "tester"],  # skipped
            [None, None, None, None, None, None, None, None],
            ["2021", 4.0, "LIA", "job_starts", 7.0, "LiA", "", "tester"],
        ],
    )
    file = read_workbook(path)
    assert isinstance(file, ImportFile)
    assert (file.kind, file.sheet, file.name) == ("export", "Daten", "export.xlsx")
    assert [(i.project, i.metric, i.month, i.value, i.note, i.where) for i in file.incoming] == [
        ("NEUSTART", "integrations", JAN, 50, "Messe im Januar", "Daten!E2"),
        ("NEUSTART", "integrations", FEB, 1200, None, "Daten!E3"),
        ("LIA", "job_starts", APR, 7, None, "Daten!E6"),
    ]
    assert file.made_at is not None and file.made_at.tzinfo is not None

    no_notes = daten(
        tmp_path / "ohne.xlsx",
        [[2021, 1, "LIA", "job_starts", 5]],
        header=["Jahr", "Monat", "Projekt", "Kennzahl", "Wert"],
    )
    assert read_workbook(no_notes).incoming[0].note is KEEP


def test_import_daten_sheet_sets_and_clears_notes(
    logged: Database, actor: Actor, tmp_path: Path
) -> None:
    path = daten(
        tmp_path / "export.xlsx",
        [
            [2021, 1, "NEUSTART", "integrations", 50, "NeuStart", None, "x"],  # note cleared
            [2021, 3, "NEUSTART", "integrations", 66, "NeuStart", "Messe", "x"],
        ],
    )
    report = import_workbook(logged, actor, path)
    assert report.counts()[Kind.CHANGED] == 1 and report.counts()[Kind.NEW] == 1
    assert get_value(logged, "NEUSTART", "integrations", JAN) == (50, None)
    assert get_value(logged, "NEUSTART", "integrations", MAR) == (66, "Messe")


def test_a_sheet_named_daten_is_used_when_erfassung_is_not_a_template(tmp_path: Path) -> None:
    path = daten(tmp_path / "both.xlsx", [[2021, 1, "LIA", "job_starts", 5, "LiA", None, "x"]])
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("Erfassung").append(["Notizen"])
    wb.create_sheet("Sonstiges").append(["egal", -3])  # unknown sheets are ignored
    wb.save(path)
    assert read_workbook(path).kind == "export"


# -- rejections: the file as a whole -------------------------------------------------------
# Refusals are decided on the file before anything is written: `sqlite_only`. Template,
# round trips, dry run and conflicts run on SQLite and on PostgreSQL.


@sqlite_only
def test_csv_renamed_to_xlsx(logged: Database, actor: Actor, tmp_path: Path) -> None:
    path = tmp_path / "daten.xlsx"
    path.write_text("Projekt;Kennzahl;2021-01\nNEUSTART;integrations;5\n", encoding="utf-8")
    assert refused(logged, actor, path) == (
        "daten.xlsx: Die Datei ist keine Excel-Arbeitsmappe (.xlsx); bitte in Excel als "
        "„Excel-Arbeitsmappe (*.xlsx)“ speichern"
    )


@sqlite_only
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)) * 40, "ist keine Excel-Arbeitsmappe"),
        (b"", "x.xlsx: Die Datei ist leer"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "kennwortgeschützt (verschlüsselt)"),
        (b"PK\x03\x04" + bytes(100), "x.xlsx: Die Datei ist beschädigt"),
    ],
    ids=["random-bytes", "empty", "ole2-encrypted", "zip-header-only"],
)
def test_non_excel_files_are_refused(
    logged: Database, actor: Actor, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    assert message in refused(logged, actor, path)


@sqlite_only
def test_missing_file(logged: Database, actor: Actor, tmp_path: Path) -> None:
    assert refused(logged, actor, tmp_path / "fehlt.xlsx") == "fehlt.xlsx: Die Datei gibt es nicht"


@sqlite_only
def test_broken_zip(logged: Database, actor: Actor, template: Path, tmp_path: Path) -> None:
    data = template.read_bytes()
    truncated = tmp_path / "abgeschnitten.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    assert "Die Datei ist beschädigt" in refused(logged, actor, truncated)

    # Same size, one part's bytes damaged: the checksum test catches it.
    with zipfile.ZipFile(template) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    damaged = bytearray(data)
    start = info.header_offset + 30 + len(info.filename) + 40
    damaged[start : start + 20] = bytes(20)
    (tmp_path / "kaputt.xlsx").write_bytes(bytes(damaged))
    assert "Die Datei ist beschädigt" in refused(logged, actor, tmp_path / "kaputt.xlsx")


@sqlite_only
def test_macro_enabled_workbooks_are_refused_even_when_renamed(
    logged: Database, actor: Actor, template: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(template) as archive:
        types = archive.read("[Content_Types].xml")
    macro = types.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    assert macro != types
    renamed = rewrite_zip(template, tmp_path / "makro.xlsx", {"[Content_Types].xml": macro})
    assert refused(logged, actor, renamed).startswith("makro.xlsx: Die Datei enthält Makros")

    vba = rewrite_zip(template, tmp_path / "vba.xlsx", {"xl/vbaProject.bin": b"\x00" * 64})
    assert "enthält Makros" in refused(logged, actor, vba)

    xlsm = tmp_path / "vorlage.xlsm"
    xlsm.write_bytes(template.read_bytes())
    assert "enthält Makros" in refused(logged, actor, xlsm)


@sqlite_only
def test_other_office_zips_are_refused(logged: Database, actor: Actor, tmp_path: Path) -> None:
    docx = tmp_path / "brief.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<document/>")
    assert "keine Excel-Arbeitsmappe" in refused(logged, actor, docx)


@sqlite_only
def test_xml_entity_expansion_is_refused(
    logged: Database, actor: Actor, template: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(template) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    body = sheet.split("?>", 1)[-1]
    assert "<v>50</v>" in body
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        + body.replace("<v>50</v>", "<v>&lol2;</v>", 1)
    )
    path = rewrite_zip(
        template, tmp_path / "bombe.xlsx", {"xl/worksheets/sheet1.xml": bomb.encode()}
    )
    assert "Die Datei ist beschädigt" in refused(logged, actor, path)


@sqlite_only
def test_oversized_workbooks_are_refused(
    logged: Database, actor: Actor, template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guard, "MAX_CELLS", 50)
    assert "zu groß für einen Import" in refused(logged, actor, template)
    monkeypatch.setattr(guard, "MAX_CELLS", 1_000_000)
    monkeypatch.setattr(guard, "MAX_PART_BYTES", 1_000)
    assert "zu groß für einen Import" in refused(logged, actor, template)


@sqlite_only
def test_a_declared_huge_dimension_does_not_blow_up(template: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(template) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    start = sheet.index('<dimension ref="') + len('<dimension ref="')
    end = sheet.index('"', start)
    huge = sheet[:start] + "A1:XFD1048576" + sheet[end:]
    path = rewrite_zip(
        template, tmp_path / "gross.xlsx", {"xl/worksheets/sheet1.xml": huge.encode()}
    )
    assert len(read_workbook(path).incoming) == 5


@sqlite_only
def test_missing_sheet(logged: Database, actor: Actor, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Tabelle1"
    wb.save(tmp_path / "leer.xlsx")
    assert refused(logged, actor, tmp_path / "leer.xlsx") == (
        "leer.xlsx: Blatt „Erfassung“ (Erfassungsvorlage) oder „Daten“ (Export) fehlt; "
        "gefunden: Tabelle1"
    )


# -- rejections: one bad cell rejects the whole file ----------------------------------------


@sqlite_only
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"G5": -3}, 'Erfassung!G5: "-3" ist keine gültige Anzahl'),
        ({"G5": "-3"}, 'Erfassung!G5: "-3" ist keine gültige Anzahl'),
        ({"G5": "viele"}, 'Erfassung!G5: "viele" ist keine gültige Anzahl'),
        ({"G5": 2.5}, 'Erfassung!G5: "2.5" ist keine gültige Anzahl'),
        ({"G5": "2,5"}, 'Erfassung!G5: "2,5" ist keine gültige Anzahl'),
        ({"G5": True}, 'Erfassung!G5: "True" ist keine gültige Anzahl'),
        ({"G5": datetime(2021, 4, 1)}, 'Erfassung!G5: "2021-04-01 00:00:00" ist keine'),
        ({"G5": 10**10}, 'Erfassung!G5: "10000000000" ist zu groß für eine Anzahl'),
        ({"D5": "=1+2"}, "Erfassung!D5: Formeln werden nicht übernommen"),
        ({"C7": "=A7"}, "Erfassung!C7: Formeln werden nicht übernommen"),
        ({"A5": "NOPE", "G5": 3}, 'Erfassung!D5: Unbekanntes Projekt "NOPE"'),
        ({"B5": "nope", "G5": 3}, 'Erfassung!D5: Unbekannte Kennzahl "nope"'),
        (
            {"B16": "job_starts", "E16": 3},
            "Erfassung!D16: Kennzahl Arbeitsaufnahmen wird für Projekt NeuStart nicht erfasst",
        ),
        ({"A5": None, "G5": 3}, "Erfassung!A5: Projekt fehlt in einer Zeile mit Werten"),
        ({"D1": "Januar"}, 'Erfassung!D1: "Januar" ist kein gültiger Monat (erwartet JJJJ-MM)'),
        ({"E1": "2021-1"}, 'Erfassung!E1: "2021-1" ist kein gültiger Monat'),
        (
            {"E1": "2021-01"},
            f"Erfassung!E5: {JC_NAME} / Eintritte in berufliche Weiterbildung / Januar 2021 "
            "steht doppelt in "
            "der Datei (auch Erfassung!D5)",
        ),
        ({"P4": 5}, "Erfassung!P4: Wert in einer Spalte ohne Monat (JJJJ-MM) in der Kopfzeile"),
        (
            {"A1": "Code"},
            "Erfassung!A1: Die Kopfzeile muss mit Projekt, Kennzahl, Bezeichnung "
            "beginnen (gefunden: Code, Kennzahl, Bezeichnung)",
        ),
        (
            {"E6": 41},
            f"Erfassung!E6: {JC_NAME}, Februar 2021: Eintritte in berufliche Weiterbildung "
            "(abschlussorientiert) (41) darf nicht größer sein als Eintritte in berufliche "
            "Weiterbildung (0)",
        ),
    ],
    ids=[
        "negative",
        "negative-text",
        "text",
        "fraction",
        "fraction-comma",
        "bool",
        "date",
        "too-large",
        "formula",
        "formula-in-name",
        "unknown-project",
        "unknown-metric",
        "not-tracked",
        "no-project",
        "bad-month-header",
        "short-month-header",
        "duplicate-month",
        "no-month-column",
        "bad-header",
        "davon-above-parent",
    ],
)
def test_one_bad_cell_rejects_the_whole_file(
    logged: Database, actor: Actor, template: Path, changes: dict[str, Any], message: str
) -> None:
    assert openpyxl.load_workbook(template)["Erfassung"]["A5"].value == "JC"
    # A good value elsewhere in the same file is not written either.
    edit(template, {"E5": 0, "D6": 0}, by_key={("NEUSTART", "integrations", MAR): 70})
    edit(template, changes)
    text = refused(logged, actor, template)
    assert text.startswith(message), text
    assert get_value(logged, "NEUSTART", "integrations", MAR) is None


@sqlite_only
def test_month_outside_the_project_period(db: Database, actor: Actor, tmp_path: Path) -> None:
    path = write_template(db, 2019, tmp_path / "t.xlsx")
    ws = openpyxl.load_workbook(path)["Erfassung"]
    where = cell_of(ws, "GUIDE", "participants", Month(2019, 3))  # a grey cell, unlocked by hand
    edit(path, {where: 4})
    assert refused(db, actor, path).startswith(
        f"Erfassung!{where}: März 2019 liegt außerhalb des Zeitraums von Projekt GUIDE"
    )


@sqlite_only
@pytest.mark.parametrize(
    ("row", "message"),
    [
        ([2021, 13, "LIA", "job_starts", 5], 'Daten!B2: "2021-13" ist kein gültiger Monat'),
        (
            [2021, "2020-05", "LIA", "job_starts", 5],
            "Daten!B2: Monat Mai 2020 passt nicht zum Jahr 2021",
        ),
        (
            ["einundzwanzig", 1, "LIA", "job_starts", 5],
            'Daten!A2: "einundzwanzig" ist kein gültiges Jahr',
        ),
        ([2021, 1, None, "job_starts", 5], "Daten!C2: Projekt fehlt"),
        ([2021, 1, "LIA", "job_starts", -3], 'Daten!E2: "-3" ist keine gültige Anzahl'),
        ([2021, 1, "LIA", "job_starts", "=2+3"], "Daten!E2: Formeln werden nicht übernommen"),
        ([2021, 1, "IP", "integrations", 5], None),  # fine on its own
        (
            [2022, 1, "IP", "integrations", 5],
            "Daten!E2: Januar 2022 liegt außerhalb des Zeitraums von Projekt Integration Point",
        ),
    ],
)
def test_bad_daten_rows(
    logged: Database, actor: Actor, tmp_path: Path, row: list[Any], message: str | None
) -> None:
    path = daten(
        tmp_path / "export.xlsx", [row], header=["Jahr", "Monat", "Projekt", "Kennzahl", "Wert"]
    )
    if message is None:
        assert import_workbook(logged, actor, path, dry_run=True).counts()[Kind.NEW] == 1
    else:
        assert refused(logged, actor, path).startswith(message)


@sqlite_only
def test_daten_header_is_checked(logged: Database, actor: Actor, tmp_path: Path) -> None:
    path = daten(
        tmp_path / "export.xlsx",
        [[2021, 1, "LIA", "job_starts", 5]],
        header=["Jahr", "Monat", "Projekt", "Wert"],
    )
    assert refused(logged, actor, path) == (
        "Daten!A1: Die Kopfzeile muss mit Jahr, Monat, Projekt, Kennzahl, Wert beginnen "
        "(gefunden: Jahr, Monat, Projekt, Wert)"
    )


# -- one way to import: the command line and the window log alike -------------------------


def change_log(path: Path) -> list[tuple[Any, ...]]:
    """Every change-log row but its time stamp."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT id, user, source, action, entity, project, metric, year, month, old, new "
            "FROM change_log ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_the_command_line_and_apply_import_log_an_import_alike(
    sqlite_db: Database, actor: Actor, tmp_path: Path
) -> None:
    log_value(sqlite_db, actor, "NEUSTART", "integrations", FEB, 60)
    template = write_template(sqlite_db, 2021, tmp_path / "vorlage.xlsx")
    edit(
        template, {}, by_key={("NEUSTART", "integrations", FEB): 61, ("LIA", "job_starts", MAR): 7}
    )
    first = tmp_path / "aipdesk.sqlite"
    second = tmp_path / "zweite.sqlite"
    source, copy = sqlite3.connect(first), sqlite3.connect(second)
    source.backup(copy)
    source.close()
    copy.close()
    before = len(change_log(first))

    assert main(["import", "--db", str(first), str(template), "--user", "anna"]) == 0
    other = open_database(second)
    try:
        file = read_workbook(template)
        plan = plan_import(other, file)
        changes = apply_import(other, Actor("anna", "import"), file, plan, skip_conflicts=True)
    finally:
        other.close()

    assert changes.values == {("NEUSTART", "integrations", FEB), ("LIA", "job_starts", MAR)}
    assert change_log(first) == change_log(second)
    ws = openpyxl.load_workbook(template)["Erfassung"]
    neustart, lia = row_of(ws, "NEUSTART", "integrations"), row_of(ws, "LIA", "job_starts")
    written = {
        (row[5], row[6], row[7], row[8]): (row[1], row[2], row[3], json.loads(row[10]))
        for row in change_log(first)[before:]
    }
    assert written == {
        ("NEUSTART", "integrations", 2021, 2): (
            "anna",
            "import",
            "update",
            {"value": 61, "note": None, "file": "vorlage.xlsx", "where": f"Erfassung!E{neustart}"},
        ),
        ("LIA", "job_starts", 2021, 3): (
            "anna",
            "import",
            "insert",
            {"value": 7, "note": None, "file": "vorlage.xlsx", "where": f"Erfassung!F{lia}"},
        ),
    }


# -- dry run and conflicts -----------------------------------------------------------------


def test_dry_run_writes_nothing(logged: Database, actor: Actor, template: Path) -> None:
    edit(
        template,
        {},
        by_key={("NEUSTART", "integrations", MAR): 70, ("NEUSTART", "integrations", FEB): 61},
    )
    before = snapshot(logged)
    report = import_workbook(logged, actor, template, dry_run=True)
    assert snapshot(logged) == before
    assert report.dry_run and not report.changes
    assert (report.counts()[Kind.NEW], report.counts()[Kind.CHANGED]) == (1, 1)
    summary = report.summary()
    assert "1 neu, 1 geändert, 4 unverändert, 0 im Konflikt" in summary
    assert "NEUSTART / integrations / 2021-02: 60 → 61" in summary
    assert summary.endswith("Probelauf: nichts gespeichert.")
    assert "Dry run" in report.summary("en")


def test_conflicts_are_detected_and_can_be_skipped(
    logged: Database, actor: Actor, tmp_path: Path
) -> None:
    made = datetime.now(UTC)
    path = write_template(logged, 2021, tmp_path / "t.xlsx", now=made)
    # After the template was handed out, a colleague corrects two values in aipdesk.
    colleague = Actor("kollege", "gui")
    log_value(logged, colleague, "NEUSTART", "integrations", FEB, 65)
    log_value(logged, colleague, "LIA", "job_starts", JAN, 21)
    # The team lead types a different February figure and a new March figure.
    edit(
        path,
        {},
        by_key={("NEUSTART", "integrations", FEB): 62, ("NEUSTART", "integrations", MAR): 70},
    )

    plan = import_workbook(logged, actor, path, dry_run=True)
    conflicts = {i.incoming.key(): i for i in plan.plan.of(Kind.CONFLICT)}
    assert set(conflicts) == {("NEUSTART", "integrations", FEB), ("LIA", "job_starts", JAN)}
    feb = conflicts[("NEUSTART", "integrations", FEB)]
    assert feb.stored is not None and feb.stored.updated_at is not None
    assert (feb.incoming.value, feb.stored.value, feb.stored.updated_by) == (62, 65, "kollege")
    assert feb.stored.updated_at > made
    assert "KONFLIKT" in plan.summary()

    report = import_workbook(logged, actor, path, skip_conflicts=True)
    assert set(report.skipped) == set(conflicts)
    assert get_value(logged, "NEUSTART", "integrations", FEB) == (65, None)  # left as it was
    assert get_value(logged, "LIA", "job_starts", JAN) == (21, None)
    assert get_value(logged, "NEUSTART", "integrations", MAR) == (70, None)
    assert "2 Konflikte übersprungen" in report.summary()

    overwrite = import_workbook(logged, actor, path)  # the file wins when asked to
    assert get_value(logged, "NEUSTART", "integrations", FEB) == (62, None)
    assert overwrite.counts()[Kind.CONFLICT] == 2


def test_made_at_falls_back_to_the_core_property(tmp_path: Path) -> None:
    path = daten(tmp_path / "e.xlsx", [[2021, 1, "LIA", "job_starts", 5]], stamp=False)
    wb = openpyxl.load_workbook(path)
    wb.properties.created = datetime(2021, 3, 1, 12, 0, 0)
    wb.save(path)
    assert read_workbook(path).made_at == datetime(2021, 3, 1, 12, 0, tzinfo=UTC)


@sqlite_only
def test_template_read_without_database_is_pure(template: Path) -> None:
    file = read_workbook(template)
    assert (file.kind, file.sheet) == ("template", "Erfassung")
    assert all(i.note is KEEP and i.where.startswith("Erfassung!") for i in file.incoming)
    assert {(i.project, i.metric, i.month, i.value) for i in file.incoming} == {
        ("NEUSTART", "integrations", JAN, 50),
        ("NEUSTART", "integrations", FEB, 60),
        ("LIA", "job_starts", JAN, 20),
        ("JC", "training_entries", JAN, 40),
        ("JC", "training_entries_degree", JAN, 10),
    }
    assert file.made_at is not None and datetime.now(UTC) - file.made_at < timedelta(minutes=5)


# -- any cell content: accepted as parse_count says, or refused naming the cell ------------

cell_contents = st.one_of(
    st.none(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.sampled_from(["12", "1.234", " 7 ", "1,5", "-0", "=A1", "#NV", "0x10", "1e3", ""]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=8),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(value=cell_contents)
def test_any_cell_content_is_read_or_refused_by_name(tmp_path: Path, value: Any) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Erfassung"
    ws.append(["Projekt", "Kennzahl", "Bezeichnung", "2021-01"])
    ws.append(["NEUSTART", "integrations", "NeuStart: Integrationen", value])
    path = tmp_path / "h.xlsx"
    wb.save(path)
    stored = openpyxl.load_workbook(path)["Erfassung"]["D2"]
    empty = stored.value is None or (isinstance(stored.value, str) and not stored.value.strip())
    try:
        expected: int | None = (
            None if empty or stored.data_type == "f" else parse_count(stored.value)
        )
    except DomainError:
        expected = -1
    try:
        file = read_workbook(path)
    except DomainError as error:
        assert str(error).startswith("Erfassung!D2: ")
        assert expected == -1 or stored.data_type == "f"
        return
    assert [i.value for i in file.incoming] == ([] if expected is None else [expected])
