"""An export's `Daten` is read in the columns the import uses only: what stands in the
others changes no value read, and a formula there is still refused."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.exchange.importer import read_workbook
from aipdesk.exchange.layout import DATA_HEADER
from aipdesk.exchange.readers import export_columns
from aipdesk.services.batch import KEEP, Incoming


def daten(path: Path, rows: list[list[object]], header: tuple[str, ...] = DATA_HEADER) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Daten"
    ws.append(list(header))
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


ROWS: list[list[object]] = [
    [2021, 1, "NEUSTART", "integrations", 5, "Neustart", "Integrationen", "gut", "anna",
     datetime(2021, 2, 1, 9, 30)],
    [2021, 2, "LIA", "job_starts", 7, None, None, None, None, None],
]  # fmt: skip


def test_the_other_columns_change_no_value_read(tmp_path: Path) -> None:
    plain = read_workbook(daten(tmp_path / "a.xlsx", ROWS))
    odd = [list(row) for row in ROWS]
    odd[0][5], odd[0][6], odd[0][8], odd[0][9] = 3.5, True, 12, "kein Datum"
    odd[1][5:] = ["x" * 5000, -1, None, 0, 1e300]
    assert read_workbook(daten(tmp_path / "b.xlsx", odd)).incoming == plain.incoming
    assert plain.incoming == (
        Incoming("NEUSTART", "integrations", Month(2021, 1), 5, "gut", "Daten!E2"),
        Incoming("LIA", "job_starts", Month(2021, 2), 7, None, "Daten!E3"),
    )


def test_a_formula_in_another_column_is_still_refused(tmp_path: Path) -> None:
    rows = [list(row) for row in ROWS]
    rows[1][6] = "=1+1"
    with pytest.raises(DomainError) as caught:
        read_workbook(daten(tmp_path / "f.xlsx", rows))
    assert caught.value.code == "import_formula"
    assert str(caught.value).startswith("Daten!G3")


def test_the_columns_read_follow_the_header(tmp_path: Path) -> None:
    assert export_columns(list(DATA_HEADER)) == {1, 2, 3, 4, 5, 8}
    assert export_columns(list(DATA_HEADER[:5])) == {1, 2, 3, 4, 5}
    moved = (*DATA_HEADER[:5], "Bemerkung", "x", "bemerkung")
    assert export_columns(list(moved)) == {1, 2, 3, 4, 5, 6}
    # Without a Bemerkung column the file says nothing about notes.
    rows = [[*row[:5], "Name"] for row in ROWS]
    found = read_workbook(daten(tmp_path / "n.xlsx", rows, DATA_HEADER[:6])).incoming
    assert [item.note for item in found] == [KEEP, KEEP]
