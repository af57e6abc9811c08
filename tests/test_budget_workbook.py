"""The budget in the workbook: the sheet `Budget` shows `budget status --json`, `Budgetdaten`
carries the entries back (export → import into a fresh database gives the same figures),
a bad amount is refused naming its cell, the template's `Budgeterfassung` imports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.exchange.export import export_workbook
from aipdesk.exchange.importer import import_operation, import_workbook, plan_import, read_workbook
from aipdesk.exchange.template import write_template
from aipdesk.services.base import Actor
from aipdesk.services.budget_status import budget_status
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.demo import load_demo
from aipdesk.services.views import year_cells
from aipdesk.store.database import Database, open_database
from tests.test_budget import budget_state

JUNE = Month(2021, 6)
STATUS_WORDS = {"green": "grün", "amber": "gelb", "red": "rot", "none": "–"}


@pytest.fixture
def demo(sqlite_db: Database, actor: Actor) -> Database:
    load_demo(sqlite_db, actor, 2021)
    return sqlite_db


@pytest.fixture
def exported(demo: Database, tmp_path: Path) -> Path:
    path = tmp_path / "AIP 2021.xlsx"
    export_workbook(demo, 2021, JUNE, path)
    return path


def table(ws: Worksheet) -> tuple[list[str], dict[str, tuple[Any, ...]]]:
    """The header and the rows (by code) of the Budget sheet's table."""
    rows = list(ws.iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if row[0] == "Kürzel")
    header = [str(v) for v in rows[at] if v is not None]
    found = {}
    for row in rows[at + 1 :]:
        if row[0] is None:
            break
        found[str(row[0])] = row
    return header, found


def test_the_budget_sheet_shows_budget_status_json(demo: Database, exported: Path) -> None:
    book = load_workbook(exported)
    names = book.sheetnames
    assert names.index("Meldestand") < names.index("Budget") < names.index("JC")
    assert names[-2:] == ["Daten", "Budgetdaten"]
    expected = budget_status(demo, 2021, JUNE).to_json()
    ws = book["Budget"]
    assert ws["B3"].value == "Juni 2021"
    allocation = {row[1]: row[2] for row in ws.iter_rows(min_row=7, max_row=14, values_only=True)}
    assert allocation["Zuteilung Eingliederungstitel"] == expected["allocation"]["allocation"]
    assert allocation["= verfügbar für die Planung"] == 12_379_403
    assert sorted(allocation.values()) == sorted(expected["allocation"].values())
    header, rows = table(ws)
    assert header[:4] == ["Kürzel", "Bezeichnung", "Plan", "Soll bis Berichtsmonat"]
    assert list(rows) == [row["code"] for row in expected["rows"]]
    years = [h.removeprefix("Fällig ") for h in header if h.startswith("Fällig ")]
    assert years == ["2022", "2023", "2024", "2025"]
    keys = (
        "plan",
        "plan_to_date",
        "committed",
        "available",
        "spent_to_date",
        "forecast",
    )
    for row in expected["rows"]:
        cells = rows[row["code"]]
        assert list(cells[2:8]) == [row[key] for key in keys], row["code"]
        for cell, key in ((cells[8], "bindungsquote_pct"), (cells[9], "ausgabequote_pct")):
            assert (None if cell is None else round(cell * 100, 1)) == row[key]
        assert cells[10] == STATUS_WORDS[row["status"]]
        assert cells[11] == row["previous_year_spent"]
        assert cells[12] == row["results"]
        assert cells[13] == row["cost_per_result"]
        assert list(cells[14:18]) == [row["due"].get(year, 0) for year in years]
    # Hand-checked: FbW plans 4,707,481 €, half of it by June on the linear curve.
    assert rows["FBW"][2:4] == (4_707_481, 2_353_740.5)
    # Amounts in euros with cents, quotas in percent; status cells coloured by rules.
    fbw_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "FBW")
    assert ws.cell(fbw_row, 3).number_format == '#,##0.00 "€"'
    assert ws.cell(fbw_row, 9).number_format == "0.0%"
    assert ws.conditional_formatting


def test_the_budget_sheet_has_a_bar_chart(exported: Path) -> None:
    import zipfile

    with zipfile.ZipFile(exported) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if "charts/chart" in n]
    bars = [xml for xml in charts if "barChart>" in xml]
    assert len(bars) == 1
    assert "Soll, Ausgaben und Bindungen je Gruppe" in bars[0]
    assert "Budget!$C$" in bars[0] or "'Budget'!$C$" in bars[0]


def test_budgetdaten_holds_every_entry_exactly(demo: Database, exported: Path) -> None:
    ws = load_workbook(exported)["Budgetdaten"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:7] == ("Jahr", "Monat", "Instrument", "Art", "Fällig", "Betrag", "Bemerkung")
    state = budget_state(demo)["budget_entries"]
    kinds = {"Ausgaben": "spent", "Bindung": "committed"}
    found = sorted((r[2], r[0], r[1], kinds[r[3]], r[4], round(r[5] * 100), r[6]) for r in rows[1:])
    assert found == sorted(state)
    # Amounts with cents as they were stored: the number's shortest text has the cents.
    assert all(Decimal(repr(r[5])) * 100 == round(r[5] * 100) for r in rows[1:])


def fresh(tmp_path: Path, actor: Actor, name: str = "fresh.sqlite") -> Database:
    db = open_database(tmp_path / name)
    load_catalogue(db, actor)  # what `aipdesk init` does
    return db


def test_round_trip_reproduces_budget_status(
    demo: Database, exported: Path, tmp_path: Path, actor: Actor
) -> None:
    target = fresh(tmp_path, actor)
    try:
        before = budget_status(target, 2021, JUNE).to_json()
        import_workbook(target, actor, exported)
        for month in (JUNE, Month(2021, 12), None):
            assert (
                budget_status(target, 2021, month).to_json()
                == budget_status(demo, 2021, month).to_json()
            )
        assert before != budget_status(target, 2021, JUNE).to_json()
        assert budget_state(target)["budget_entries"] == budget_state(demo)["budget_entries"]
    finally:
        target.close()


def test_values_and_budget_are_one_operation_and_one_undo(
    exported: Path, tmp_path: Path, actor: Actor
) -> None:
    target = fresh(tmp_path, actor)
    try:
        empty = budget_state(target)
        file = read_workbook(exported)
        op = import_operation(file, plan_import(target, file), skip_conflicts=False)
        assert op is not None
        result = op.run(target, actor)
        assert result.changes.budget and result.changes.values
        assert result.inverse is not None
        result.inverse.run(target, actor)
        assert budget_state(target) == empty
        assert year_cells(target, 2021) == []
    finally:
        target.close()


def set_cell(path: Path, sheet: str, cell: str, value: Any, out: Path) -> Path:
    book = load_workbook(path)
    book[sheet][cell] = value
    book.save(out)
    return out


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-3, 'Budgetdaten!F7: Betrag "-3" darf nicht negativ sein'),
        ("drei Euro", 'Budgetdaten!F7: Betrag "drei Euro" ist kein Geldbetrag'),
        (12.345, 'Budgetdaten!F7: Betrag "12.345" ist kein Geldbetrag'),
        (2e9, 'Budgetdaten!F7: Betrag "2000000000" ist unplausibel groß'),
    ],
)
def test_a_bad_amount_is_refused_naming_the_cell(
    demo: Database, exported: Path, tmp_path: Path, actor: Actor, value: Any, message: str
) -> None:
    bad = set_cell(exported, "Budgetdaten", "F7", value, tmp_path / "bad.xlsx")
    before = budget_state(demo)
    values = year_cells(demo, 2021)
    with pytest.raises(DomainError) as refused:
        import_workbook(demo, actor, bad)
    assert str(refused.value).startswith(message)
    assert budget_state(demo) == before
    assert year_cells(demo, 2021) == values


def test_an_unknown_instrument_names_its_cell(
    demo: Database, exported: Path, tmp_path: Path, actor: Actor
) -> None:
    bad = set_cell(exported, "Budgetdaten", "C9", "XYZ", tmp_path / "bad.xlsx")
    before = budget_state(demo)
    with pytest.raises(DomainError) as refused:
        import_workbook(demo, actor, bad)
    assert str(refused.value).startswith('Budgetdaten!C9: Unbekanntes Instrument "XYZ"')
    assert budget_state(demo) == before


def test_a_german_amount_as_text_is_read_exactly(
    demo: Database, exported: Path, tmp_path: Path, actor: Actor
) -> None:
    ws = load_workbook(exported)["Budgetdaten"]
    code, year, month = ws["C2"].value, ws["A2"].value, ws["B2"].value
    assert (year, ws["D2"].value) == (2020, "Ausgaben")
    changed = set_cell(exported, "Budgetdaten", "F2", "350.000,30", tmp_path / "text.xlsx")
    import_workbook(demo, actor, changed)
    state = budget_state(demo)["budget_entries"]
    assert (code, 2020, month, "spent", 2020, 35_000_030, None) in state


def test_the_template_budget_sheet_imports(demo: Database, tmp_path: Path, actor: Actor) -> None:
    path = write_template(demo, 2021, tmp_path / "Vorlage.xlsx", budget=True)
    book = load_workbook(path)
    assert book.sheetnames == ["Erfassung", "Budgeterfassung", "Anleitung"]
    ws = book["Budgeterfassung"]
    assert [c.value for c in ws[1]][:4] == ["Instrument", "Bezeichnung", "2021-01", "2021-02"]
    assert ws["A2"].value == "FBW"
    # Stored spending is filled in, exactly.
    stored = {
        (e[0], e[2]): e[5]
        for e in budget_state(demo)["budget_entries"]
        if e[1] == 2021 and e[3] == "spent"
    }
    assert round(ws["C2"].value * 100) == stored[("FBW", 1)]
    ws["C2"] = 1234.5
    ws["D2"] = "2.000,10"
    ws["E3"] = None  # an empty cell deletes nothing
    book.save(tmp_path / "filled.xlsx")
    import_workbook(demo, actor, tmp_path / "filled.xlsx")
    state = budget_state(demo)["budget_entries"]
    assert ("FBW", 2021, 1, "spent", 2021, 123_450, None) in state
    assert ("FBW", 2021, 2, "spent", 2021, 200_010, None) in state
    assert ("EGZ", 2021, 3, "spent", 2021, stored[("EGZ", 3)], None) in state
    figures = budget_status(demo, 2021, Month(2021, 2)).row("FBW")
    assert figures.spent_to_date == 123_450 + 200_010


def test_without_budget_flag_the_template_is_as_before(demo: Database, tmp_path: Path) -> None:
    path = write_template(demo, 2021, tmp_path / "Vorlage.xlsx")
    assert load_workbook(path).sheetnames == ["Erfassung", "Anleitung"]


def test_a_year_without_budget_has_no_budget_sheets(demo: Database, tmp_path: Path) -> None:
    result = export_workbook(demo, 2030, None, tmp_path / "leer.xlsx")
    assert "Budget" not in result.sheets and "Budgetdaten" not in result.sheets
