"""The streamed rows of an imported sheet (`exchange.sheetrows`, `exchange.sheetxml`).

The rows must be openpyxl's read-only rows to the letter: the same values, types,
places and formula marks for every kind of cell a program writes, and for the odd
ones (rich text, errors, rows out of order, cells without a reference). The
streaming parser must refuse what defusedxml refuses, and a document type
declaration and deep nesting besides.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.exchange.cells import Cell
from aipdesk.exchange.sheetrows import sheet_rows
from aipdesk.exchange.sheetxml import row_elements

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET_PART = "xl/worksheets/sheet1.xml"


def _base(tmp_path: Path) -> dict[str, bytes]:
    """The parts of a workbook with one sheet, two shared strings and a date style."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws["B1"] = datetime(2021, 3, 1)  # style 1: a date
    path = tmp_path / "base.xlsx"
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    # openpyxl writes no shared strings for so few: add them as Excel writes them.
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{MAIN}" count="2" uniqueCount="2"><si><t>shared</t></si>'
        "<si><t>zweiter</t></si></sst>"
    ).encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
        b"</Relationships>",
    )
    return parts


def _with_sheet(tmp_path: Path, sheet_data: str, prefix: str = "") -> Path:
    parts = _base(tmp_path)
    parts[SHEET_PART] = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prefix}<worksheet xmlns="{MAIN}">'
        f"<sheetData>{sheet_data}</sheetData></worksheet>"
    ).encode()
    path = tmp_path / "case.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _by_openpyxl(ws: Any) -> list[tuple[int, dict[int, Cell]]]:
    """The rows as openpyxl's own cell objects give them (what the import read before)."""
    ws.reset_dimensions()
    rows = []
    for cells in ws.iter_rows(min_row=1, min_col=1):
        found: dict[int, Cell] = {}
        for cell in cells:
            value = getattr(cell, "value", None)
            if value is None or not hasattr(cell, "row"):
                continue
            if isinstance(value, str) and not value.strip():
                continue
            found[cell.column] = Cell(cell.row, cell.column, value, cell.data_type == "f")
        if found:
            rows.append((next(iter(found.values())).row, found))
    return rows


def _both(path: Path) -> tuple[Any, Any]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    try:
        ws = wb[wb.sheetnames[0]]
        streamed = list(sheet_rows(ws, "case.xlsx"))
        expected = _by_openpyxl(ws)
    finally:
        wb.close()
    return streamed, expected


SHEETS = {
    "numbers and strings": (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>44256</v></c>'
        '<c r="C1"><v>12</v></c><c r="D1"><v>1.5E3</v></c><c r="E1" t="b"><v>1</v></c></row>'
        '<row r="3"><c r="B3" t="inlineStr"><is><t>inline</t></is></c>'
        '<c r="C3" t="str"><v>plain</v></c><c r="D3" t="s"><v>1</v></c></row>'
    ),
    "no references": (
        '<row><c><v>1</v></c><c t="inlineStr"><is><t> </t></is></c><c><v>3</v></c></row>'
        "<row><c/><c><v>-4</v></c></row>"
    ),
    "formula, error, rich text": (
        '<row r="2"><c r="A2"><f>SUM(B2:C2)</f><v>3</v></c><c r="B2" t="e"><v>#DIV/0!</v></c>'
        '<c r="C2" t="inlineStr"><is><r><rPr><b/></rPr><t>fe</t></r><r><t>tt</t></r></is></c>'
        "</row>"
    ),
    "rows and cells out of order": (
        '<row r="5"><c r="C5"><v>1</v></c><c r="A5"><v>2</v></c></row>'
        '<row r="4"><c r="A4"><v>3</v></c></row>'
        '<row r="7"><c r="B7"><v>4</v></c><c r="B7"><v>5</v></c></row>'
    ),
    "lower-case references and empty values": (
        '<row r="1"><c r="a1"><v>1</v></c><c r="B1"><v></v></c><c r="C1" t="s"/></row>'
    ),
}


@pytest.mark.parametrize("sheet", list(SHEETS), ids=list(SHEETS))
def test_streamed_rows_are_openpyxls_rows(tmp_path: Path, sheet: str) -> None:
    streamed, expected = _both(_with_sheet(tmp_path, SHEETS[sheet]))
    assert streamed and streamed == expected
    assert [[type(c.value) for c in cells.values()] for _, cells in streamed] == [
        [type(c.value) for c in cells.values()] for _, cells in expected
    ]


def _part(sheet_data: str, prefix: str = "") -> bytes:
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData>{sheet_data}</sheetData></worksheet>'
    return (prefix + sheet).encode()


def _stream(data: bytes) -> list[Any]:
    return list(row_elements(lambda: io.BytesIO(data), "case.xlsx"))


@pytest.mark.parametrize(
    "prefix",
    [
        "<!DOCTYPE worksheet>",
        '<!DOCTYPE x [<!ENTITY a "b">]>',
        '<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]>',
    ],
    ids=["doctype", "entity", "external entity"],
)
def test_a_document_type_declaration_is_refused(prefix: str) -> None:
    with pytest.raises(DomainError) as refused:
        _stream(_part('<row r="1"><c r="A1"><v>1</v></c></row>', prefix))
    assert refused.value.code == "import_xml_forbidden"


def test_an_undefined_entity_is_a_broken_file() -> None:
    with pytest.raises(DomainError) as refused:
        _stream(_part('<row r="1"><c r="A1" t="str"><v>&lol;</v></c></row>'))
    assert refused.value.code == "import_broken"


@pytest.mark.parametrize("depth", [100, 5_000, 200_000])
def test_deep_nesting_in_a_row_is_a_broken_file(depth: int) -> None:
    nested = "<x>" * depth + "</x>" * depth
    with pytest.raises(DomainError) as refused:
        _stream(_part(f'<row r="1"><c r="A1"><v>1</v></c>{nested}</row>'))
    assert refused.value.code == "import_broken"


def test_only_the_current_row_is_held() -> None:
    """The parser gives each row at its end: the first row arrives before the part
    has been read to its end."""
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 20_001))
    data = _part(rows)
    source = io.BytesIO(data)
    rows = row_elements(lambda: source, "case.xlsx")
    assert next(rows)[0] == {"r": "1"}
    assert source.tell() < len(data) // 2
    rows.close()
