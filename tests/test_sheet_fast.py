"""The rows of an export's `Daten` read from the XML's bytes (`sheetrows._Fast`,
`sheetxml.fast_blocks`) are the rows read element by element, to the letter: the same
values, types, places, refusals and order of refusals, whatever stands in the sheet.

Each case is read twice with the columns an export's import uses, once as the import
reads it and once with the fast way switched off; where the bytes are not as programs
write them, the fast way must hand over, not guess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.exchange import guard, importer, sheetrows, sheetxml
from aipdesk.exchange.sheetrows import sheet_rows
from tests.test_sheet_stream import MAIN, _with_sheet

COLUMNS = frozenset({1, 2, 3, 4, 5, 8})  # what an export's import reads (`export_columns`)


def _row(n: int, *cells: str, attrs: str = "") -> str:
    return f'<row r="{n}"{attrs}>' + "".join(cells) + "</row>"


def _c(ref: str, body: str = "", *, s: str = "", t: str = "") -> str:
    style = f' s="{s}"' if s else ""
    kind = f' t="{t}"' if t else ""
    return f'<c r="{ref}"{style}{kind}>{body}</c>'


def _v(text: str) -> str:
    return f"<v>{text}</v>"


def _inline(text: str) -> str:
    return f"<is><t>{text}</t></is>"


def _export_row(n: int, value: str = "5", note: str = "") -> str:
    """A row as aipdesk's export writes it (Jahr, Monat, codes, Wert, names, …)."""
    return _row(
        n,
        _c(f"A{n}", _v("2021"), s="2"),
        _c(f"B{n}", _v(str(n % 12 + 1)), s="2"),
        _c(f"C{n}", _inline("P001"), t="inlineStr"),
        _c(f"D{n}", _inline("m01"), t="inlineStr"),
        _c(f"E{n}", _v(value), s="3"),
        _c(f"F{n}", _inline("Projekt 1"), t="inlineStr"),
        *([_c(f"H{n}", _inline(note), t="inlineStr")] if note else []),
        _c(f"J{n}", _v("44201.375"), s="1"),  # a date (style 1) in a column not read
    )


def _outcome(path: Path, fast: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    """The rows read (with their values' types) and the refusal that ended them, if any;
    and how many blocks the fast way read."""
    blocks: list[int] = []
    with monkeypatch.context() as patch:
        if fast:
            read = sheetrows._Fast.rows

            def counted(self: Any, block: bytes) -> Any:
                blocks.append(len(block))
                return read(self, block)

            patch.setattr(sheetrows._Fast, "rows", counted)
        else:

            def never(*args: Any) -> Any:
                raise sheetxml.NotFast
                yield b""  # pragma: no cover - a generator that gives nothing

            patch.setattr(sheetrows, "fast_blocks", never)
        rows: list[Any] = []
        refused = None
        with path.open("rb") as handle:
            wb = importer._open(handle)  # as the import opens it: the sheets not sized
            try:
                for number, cells in sheet_rows(wb[wb.sheetnames[0]], "case.xlsx", COLUMNS):
                    rows.append((number, [(c, type(c.value)) for c in cells.values()]))
            except DomainError as error:
                refused = (error.code, str(error))
            finally:
                wb.close()
    return rows, refused, len(blocks)


def _compare(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    fast = _outcome(path, True, monkeypatch)
    slow = _outcome(path, False, monkeypatch)
    assert fast[:2] == slow[:2]
    return fast


def test_an_export_is_read_from_its_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = "".join(_export_row(n, note="gut" if n % 3 else "") for n in range(1, 41))
    rows, refused, blocks = _compare(_with_sheet(tmp_path, sheet), monkeypatch)
    assert refused is None and blocks >= 1 and len(rows) == 40
    first = dict((cell.column, cell.value) for cell, _ in rows[0][1])
    assert first == {1: 2021, 2: 2, 3: "P001", 4: "m01", 5: 5, 8: "gut"}


CASES = {
    "shared strings, booleans, plain strings": _row(
        1,
        _c("A1", _v("0"), t="s"),
        _c("B1", _v("1"), t="b"),
        _c("C1", _v("text"), t="str"),
        _c("D1", _v("1"), t="s"),
        _c("E1", _v("0"), t="b"),
    ),
    "a shared string that is not there": _row(1, _c("A1", _v("7"), t="s")),
    "a negative shared string": _row(1, _c("C1", _v("-1"), t="s")),
    "a boolean that is none": _row(1, _c("A1", _v("x"), t="b")),
    "dates by their style, read and not": _row(
        1, _c("A1", _v("44256"), s="1"), _c("E1", _v("1e9"), s="1"), _c("F1", _v("5"), s="1")
    ),
    "numbers written oddly": _row(
        1,
        _c("A1", _v("1.5E3")),
        _c("B1", _v("-0")),
        _c("C1", _v(" 12")),
        _c("D1", _v("1_000")),
        _c("E1", _v("1e400")),
        _c("H1", _v("٣")),
    ),
    "a number that is none": _row(1, _c("E1", _v("12a"))),
    "references to characters and entities": _row(
        1,
        _c("C1", _inline("a &amp; b &lt;c&gt; &#233;&#x41;"), t="inlineStr"),
        _c("D1", _inline("&#32; "), t="inlineStr"),
        _c("E1", _v("&#49;2")),
        _c("H1", _v("&quot;x&apos;"), t="str"),
    ),
    "blank and empty cells": _row(
        1,
        _c("A1", _inline("   "), t="inlineStr"),
        '<c r="B1" s="2"/>',
        _c("C1", "<v></v>"),
        _c("D1", "<is><t></t></is>", t="inlineStr"),
        _c("E1", t="inlineStr"),
        _c("H1", '<is><t xml:space="preserve"> x </t></is>', t="inlineStr"),
    ),
    "an error value and a formula where nothing is read": _row(
        1, _c("A1", _v("1")), _c("F1", _v("#N/A"), t="e"), _c("G1", "<f>1+1</f><v>2</v>")
    ),
    "an error value where it is read": _row(1, _c("E1", _v("#DIV/0!"), t="e")),
    "a formula where it is read": _row(1, _c("E1", "<f>SUM(A1:B1)</f><v>3</v>")),
    "an ISO date": _row(1, _c("E1", _v("2021-02-03"), t="d")),
    "a cell beyond the pattern's columns": _row(2, _c("A2", _v("1")), _c("Z2", _v("2")))
    + _row(3, _c("A3", _v("3"))),
    "cells out of order and twice": _row(1, _c("C1", _v("1")), _c("A1", _v("2")))
    + _row(2, _c("B2", _v("3")), _c("B2", _v("4"))),
    "rows out of order, numbered oddly": _row(5, _c("A5", _v("1")))
    + _row(3, _c("A3", _v("2")))
    + '<row r="07"><c r="A07"><v>3</v></c><c r="B7"><v>4</v></c></row>'
    + _row(0, _c("A0", _v("5")))
    + '<row><c><v>6</v></c><c r="C9"><v>7</v></c></row>'
    + _row(12, _c("A11", _v("8"))),
    "attributes of rows": _row(1, _c("A1", _v("1")), attrs=' spans="1:5" ht="20" xml:lang="de"'),
    "attributes in another order": '<row r="1"><c t="str" r="A1"><v>1</v></c></row>',
    "a comment, CDATA and an instruction among the rows": _row(1, _c("A1", _v("1")))
    + '<!-- <row r="2"><c r="A2"><v>9</v></c></row> -->'
    + _row(3, _c("A3", "<v><![CDATA[12]]></v>"))
    + '<?x <row r="4"><c r="A4"><v>4</v></c></row>?>'
    + _row(5, _c("A5", _v("5"))),
    "a line break of Windows": _row(1, _c("C1", _inline("a\r\nb"), t="inlineStr")),
    "a row in the main namespace under a prefix": _row(1, _c("A1", _v("1")))
    + f'<x:row xmlns:x="{MAIN}" r="2"><x:c r="A2"><x:v>2</x:v></x:c></x:row>'
    + _row(3, _c("A3", _v("3"))),
    "a row of another namespace": _row(1, _c("A1", _v("1")))
    + '<row r="2" xmlns="urn:other"><c r="A2"><v>2</v></c></row>'
    + _row(3, _c("A3", _v("3"))),
    "rows after the sheet data": _row(1, _c("A1", _v("1")))
    + "</sheetData><sheetData>"
    + _row(2, _c("A2", _v("2"))),
    "whitespace and text between rows": "\n  "
    + _row(1, _c("A1", _v("1")))
    + "\n\tx"
    + _row(2, _c("A2", _v("2"))),
    "a row beyond the last a sheet has": _row(1, _c("A1", _v("1")))
    + _row(2_000_000, _c("A2000000", _v("2"))),
    "an empty row and a self-closing one": _row(1) + '<row r="2"/>' + _row(3, _c("A3", _v("3"))),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_odd_rows_are_read_as_element_by_element(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _compare(_with_sheet(tmp_path, CASES[case]), monkeypatch)


def test_a_long_sheet_hands_over_in_the_middle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Several blocks read from the bytes, then a row they cannot read (a formula where
    nothing is read): the rows after it come element by element, none twice or lost."""
    rows = [_export_row(n, value=str(n)) for n in range(1, 3001)]
    rows[2000] = _row(2001, _c("A2001", _v("2021")), _c("G2001", "<f>1+1</f>"))
    found, refused, blocks = _compare(_with_sheet(tmp_path, "".join(rows)), monkeypatch)
    assert refused is None and [number for number, _ in found] == list(range(1, 3001))
    assert [(cell.column, cell.formula) for cell, _ in found[2000][1]] == [(1, False), (7, True)]
    assert blocks >= 2  # read from the bytes until the hand-over


def test_a_long_sheet_with_a_cell_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [_export_row(n, value=str(n)) for n in range(1, 3001)]
    rows[1500] = _row(1501, _c("A1501", _v("2021")), _c("E1501", _v("x"), t="b"))
    found, refused, _ = _compare(_with_sheet(tmp_path, "".join(rows)), monkeypatch)
    assert refused is not None and refused[0] == "import_bad_value" and len(found) == 1500


def test_the_padded_cells_are_bounded_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guard, "MAX_GRID", 95)
    sheet = "".join(_export_row(n) for n in range(1, 20))
    rows, refused, _ = _compare(_with_sheet(tmp_path, sheet), monkeypatch)
    assert refused is not None and refused[0] == "import_too_big" and len(rows) == 9


@pytest.mark.parametrize(
    "ending",
    ["</row><row r='9'><c r='A9'><v>1</v></c>", "<row r='9'><c r='A9'><v>1</c></row>", "&bad;"],
    ids=["unclosed", "mismatched", "undefined entity"],
)
def test_a_broken_sheet_gives_its_rows_then_is_refused(
    tmp_path: Path, ending: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = "".join(_export_row(n) for n in range(1, 4)) + ending
    rows, refused, _ = _compare(_with_sheet(tmp_path, sheet), monkeypatch)
    assert refused is not None and refused[0] == "import_broken" and len(rows) == 3


def test_another_encoding_is_read_element_by_element(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _with_sheet(tmp_path, _row(1, _c("C1", _inline("Müller"), t="inlineStr")))
    import zipfile

    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    parts["xl/worksheets/sheet1.xml"] = sheet.replace("UTF-8", "ISO-8859-1").encode("latin-1")
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    rows, refused, blocks = _compare(path, monkeypatch)
    assert refused is None and blocks == 0
    assert rows[0][1][0][0].value == "Müller"


def test_a_document_type_declaration_is_refused_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _with_sheet(tmp_path, _export_row(1), prefix='<!DOCTYPE x [<!ENTITY a "b">]>')
    found, refused, blocks = _compare(path, monkeypatch)
    assert refused is not None and refused[0] == "import_xml_forbidden"
    assert found == [] and blocks == 0
