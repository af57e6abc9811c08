"""Workbooks aipdesk writes and reads back: exports of ten or more projects refused on
import (break 0), a formula in the entry template (break 6), conflict protection that
fails open (break 7), the shared-strings bomb (break 11)."""

from __future__ import annotations

import struct
import tracemalloc
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from aipdesk.domain.model import Metric, MetricKind, Project
from aipdesk.domain.months import Month
from aipdesk.exchange import guard, importer
from aipdesk.exchange.template import CREATED_PROPERTY
from aipdesk.services.base import Actor
from aipdesk.services.batch import Incoming, write_values
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.projects import add_metric, add_project
from aipdesk.services.targets import set_target
from aipdesk.services.views import year_cells
from aipdesk.store.database import open_database
from tests.hardening.conftest import LOG, Cli, digest, settle

ACTOR = Actor("anna", "test")
PROJECTS, METRICS = 40, 10


def central_directory(path: Path) -> tuple[int, int]:
    """(entries, size in bytes) of a zip's central directory, from its end record."""
    tail = path.read_bytes()[-22:]
    assert tail[:4] == b"PK\x05\x06"
    fields = struct.unpack("<4s4H2LH", tail)
    return fields[4], fields[5]


def cells_of(path: Path) -> dict[tuple[str, str, Month], tuple[int, str | None]]:
    db = open_database(path, create=False)
    try:
        return {(c.project, c.metric, c.month): (c.value, c.note) for c in year_cells(db, 2021)}
    finally:
        db.close()


@pytest.fixture
def forty_projects(tmp_path: Path) -> Path:
    """40 projects × 10 metrics × 12 months = 4,800 values, a target (and chart) each."""
    path = tmp_path / "vierzig.sqlite"
    db = open_database(path)
    try:
        load_catalogue(db, ACTOR)
        codes = [f"m{n}" for n in range(METRICS)]
        for code in codes:
            add_metric(db, ACTOR, Metric(code, f"Kennzahl {code}", MetricKind.FLOW))
        incoming = []
        for number in range(PROJECTS):
            project = f"P{number:02d}"
            add_project(db, ACTOR, Project(project, f"Projekt {number}"), tuple(codes))
            set_target(db, ACTOR, project, codes[0], Month(2021, 1), Month(2021, 12), 600)
            for index, code in enumerate(codes):
                for month in range(1, 13):
                    noted = (number + month) % 7 == 0
                    note = f"Hinweis {number}/{index}/{month}" if noted else None
                    value = number * 3 + index + month
                    incoming.append(Incoming(project, code, Month(2021, month), value, note))
        write_values(db, ACTOR, incoming)
    finally:
        db.close()
    return path


# -- break 0: an export of ten or more projects cannot be imported back ----------------------


@pytest.mark.slow
def test_an_export_of_forty_projects_imports_back(
    forty_projects: Path, tmp_path: Path, cli: Cli
) -> None:
    workbook = tmp_path / "export.xlsx"
    assert cli("export", "--db", forty_projects, "--year", "2021", "--out", workbook).code == 0
    entries, directory_bytes = central_directory(workbook)
    # The directory's size in bytes is far above the limit on parts; their number is not.
    assert entries < guard.MAX_PARTS < directory_bytes
    fresh = tmp_path / "neu.sqlite"
    assert cli("init", "--db", fresh).code == 0
    # The catalogue of the fresh database must know the projects and metrics.
    db = open_database(fresh)
    try:
        codes = [f"m{n}" for n in range(METRICS)]
        for code in codes:
            add_metric(db, ACTOR, Metric(code, f"Kennzahl {code}", MetricKind.FLOW))
        for number in range(PROJECTS):
            add_project(db, ACTOR, Project(f"P{number:02d}", f"Projekt {number}"), tuple(codes))
    finally:
        db.close()
    run = cli("import", "--db", fresh, workbook)
    assert run.code == 0, run.err
    original = cells_of(forty_projects)
    assert len(original) >= PROJECTS * METRICS * 12
    assert cells_of(fresh) == original
    run = cli("import", "--db", forty_projects, workbook, "--dry-run")
    assert run.code == 0 and f"0 neu, 0 geändert, {len(original)} unverändert" in run.out


@pytest.mark.parametrize(
    ("limit", "value", "edit"),
    [
        ("MAX_CELLS", 1_000, None),
        ("MAX_ROWS", 50, None),
        ("MAX_GRID", 2_000, None),
        ("MAX_STRINGS", 10, "strings"),
        ("MAX_ROWS", 1_000, "far row"),
    ],
)
def test_every_limit_is_checked_before_parsing(
    demo: Path,
    tmp_path: Path,
    limit: str,
    value: int,
    edit: str | None,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The export is read by nobody but the guard when it passes a limit: openpyxl is never
    asked to open it."""
    workbook = tmp_path / "export.xlsx"
    assert cli("export", "--db", demo, "--year", "2021", "--out", workbook).code == 0
    if edit == "strings":  # a shared-strings part (which Excel writes) of 20 entries
        rewrite(workbook, "xl/sharedStrings.xml", lambda xml: SHARED_STRINGS)
    elif edit == "far row":
        rewrite(workbook, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
            b"</sheetData>", b'<row r="5000"><c r="A5000"><v>1</v></c></row></sheetData>'
        ))  # fmt: skip
    monkeypatch.setattr(guard, limit, value)

    def no_parsing(*args: Any) -> Any:
        raise AssertionError("openpyxl parsed a workbook beyond a limit")

    monkeypatch.setattr(importer, "_open", no_parsing)
    run = cli("import", "--db", demo, workbook, "--dry-run")
    assert run.code == 1 and "zu groß für einen Import" in run.err, run.err


SHARED_STRINGS = (
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + b"".join(b"<si><t>%d</t></si>" % n for n in range(20))
    + b"</sst>"
)


def rewrite(path: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[member] = change(parts.get(member, b""))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


# -- break 11: the shared-strings bomb -----------------------------------------------------


@pytest.mark.slow
def test_the_shared_strings_bomb(demo: Path, tmp_path: Path, cli: Cli) -> None:
    """A 100 KB workbook declaring 19.9 million empty shared strings: refused before it is
    parsed, with a few megabytes of memory."""
    source = tmp_path / "vorlage.xlsx"
    assert cli("template", "--db", demo, "--year", "2021", "--out", source).code == 0
    bomb = tmp_path / "bombe.xlsx"
    count = 19_900_000
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        with dst.open("xl/sharedStrings.xml", "w") as part:
            part.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
            part.write(f' count="{count}" uniqueCount="{count}">'.encode())
            block = b"<si/>" * 100_000
            for _ in range(count // 100_000):
                part.write(block)
            part.write(b"</sst>")
    assert bomb.stat().st_size < 200_000
    tracemalloc.start()
    try:
        run = cli("import", "--db", demo, bomb, "--dry-run")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Refused before any parsing: bounded memory (the time is a benchmark's business, not
    # a test's: a shared machine makes timed assertions flaky).
    assert run.code == 1 and "zu groß für einen Import" in run.err
    assert peak < 30_000_000, peak


@pytest.mark.parametrize("encoding", ["UTF-16", "cp037"])
def test_markup_the_guard_cannot_count_is_refused(
    demo: Path, tmp_path: Path, encoding: str, cli: Cli
) -> None:
    workbook = tmp_path / "vorlage.xlsx"
    assert cli("template", "--db", demo, "--year", "2021", "--out", workbook).code == 0

    def recoded(xml: bytes) -> bytes:
        body = xml.decode("utf-8").split("?>", 1)[-1]
        if encoding == "UTF-16":
            return f'<?xml version="1.0" encoding="UTF-16"?>{body}'.encode("utf-16")
        ebcdic = body.encode("cp037", errors="xmlcharrefreplace")
        return b'<?xml version="1.0" encoding="cp037"?>' + ebcdic

    rewrite(workbook, "xl/worksheets/sheet1.xml", recoded)
    run = cli("import", "--db", demo, workbook, "--dry-run")
    assert run.code == 1 and "beschädigt" in run.err


# -- break 6: a formula in the entry template ----------------------------------------------


def test_a_formula_in_the_entry_template(demo: Path, tmp_path: Path, cli: Cli) -> None:
    name = "=cmd|' /C calc'!A0"
    db = open_database(demo)
    try:
        add_project(db, ACTOR, Project("EVIL", name), ("integrations",))
    finally:
        db.close()
    workbook = tmp_path / "vorlage.xlsx"
    assert cli("template", "--db", demo, "--year", "2021", "--out", workbook).code == 0
    with zipfile.ZipFile(workbook) as archive:
        for member in archive.namelist():
            if member.startswith("xl/worksheets/"):
                xml = archive.read(member)
                assert b"<f>" not in xml and b"<f " not in xml, member
    book = openpyxl.load_workbook(workbook, read_only=True)
    texts = [
        (cell.value, cell.data_type)
        for row in book["Erfassung"].iter_rows()
        for cell in row
        if isinstance(cell.value, str) and "calc" in cell.value
    ]
    book.close()
    assert texts == [(f"{name}: Integrationen", "s")]
    run = cli("import", "--db", demo, workbook, "--dry-run")  # its own template reads back
    assert run.code == 0, run.err


# -- break 7: import conflict protection fails open ------------------------------------------


def stamp_of(path: Path, made: datetime | None) -> None:
    """Set (or, with None, remove) aipdesk's stamp; Excel's "created" says now."""
    book = openpyxl.load_workbook(path)
    for prop in list(book.custom_doc_props.props):
        if prop.name == CREATED_PROPERTY:
            book.custom_doc_props.props.remove(prop)
    if made is not None:
        from openpyxl.packaging.custom import StringProperty

        book.custom_doc_props.append(StringProperty(name=CREATED_PROPERTY, value=made.isoformat()))
    book.properties.created = datetime.now(UTC).replace(tzinfo=None) + timedelta(days=1)
    book.save(path)


@pytest.mark.parametrize(
    "made",
    [None, datetime.now(UTC) + timedelta(days=400), datetime.now(UTC) + timedelta(hours=1)],
    ids=["no stamp", "next year", "an hour ahead"],
)
def test_import_conflict_protection_fails_open(
    demo: Path, tmp_path: Path, made: datetime | None, cli: Cli
) -> None:
    workbook = tmp_path / "vorlage.xlsx"
    assert cli("template", "--db", demo, "--year", "2021", "--out", workbook).code == 0
    book = openpyxl.load_workbook(workbook)
    sheet = book["Erfassung"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet[f"A{r}"].value == "NEUSTART")
    assert sheet[f"B{row}"].value == "integrations"
    sheet[f"H{row}"] = 999  # 2021-05, changed in the file
    book.save(workbook)
    stamp_of(workbook, made)
    # A colleague's newer figure, stored after the template was handed out.
    assert cli(*LOG, "--db", demo, "--value", "41", "--user", "kollegin").code == 0
    settle(demo)
    before = digest(demo)
    run = cli("import", "--db", demo, workbook, "--dry-run")
    assert run.code == 0 and "Herkunft unbekannt" in run.out
    assert f"KONFLIKT  Erfassung!H{row}" in run.out and " 1 im Konflikt" in run.out
    run = cli("import", "--db", demo, workbook)
    assert run.code == 0 and "1 Konflikte übersprungen" in run.out
    db = open_database(demo)
    try:
        cells = {(c.project, c.metric, c.month): c.value for c in year_cells(db, 2021)}
    finally:
        db.close()
    assert cells[("NEUSTART", "integrations", Month(2021, 5))] == 41
    settle(demo)
    assert digest(demo) == before  # the only change the file brought was the conflict
    run = cli("import", "--db", demo, workbook, "--overwrite-conflicts")
    assert run.code == 0
