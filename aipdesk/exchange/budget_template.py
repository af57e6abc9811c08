"""The entry template's sheet `Budgeterfassung` (`aipdesk template --budget`): the monthly
spending (Ausgaben) of the Eingliederungstitel, one row per instrument, one column per
month (`YYYY-MM`), in euros with cents.

Stored spending is filled in; the amount cells are unlocked, with a validation for
amounts from 0 with at most two decimals. The import reads the sheet like `Erfassung`
(`budget_import.read_budget_template`): a filled cell sets the month's spending, an empty
one says nothing. New commitments (with the year they fall due) are entered with
`aipdesk budget log` or in the window: a grid of months cannot hold their due years.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aipdesk.domain.money import to_json
from aipdesk.domain.months import Month
from aipdesk.exchange.layout import BUDGET_TEMPLATE_HEADER, BUDGET_TEMPLATE_SHEET
from aipdesk.services.budget import SPENT
from aipdesk.services.budget_entries import entries_of_year, instruments

if TYPE_CHECKING:
    from aipdesk.services.database import Database

AMOUNT = '#,##0.00 "€"'
VALIDATION_ERROR = (
    "Bitte einen Betrag ab 0 in Euro eingeben, höchstens zwei Nachkommastellen, kein Text. "
    "Leer lassen, wenn es für den Monat keinen Betrag gibt."
)


@dataclass(frozen=True)
class BudgetRow:
    """One instrument: code, name and its stored spending per month (cents or None)."""

    instrument: str
    name: str
    spent: tuple[int | None, ...]


def budget_rows(db: Database, year: int) -> list[BudgetRow]:
    """Every instrument in plan order with the spending stored for the months of `year`."""
    spent: dict[tuple[str, int], int] = {
        (e.instrument, e.month): e.amount_cents
        for e in entries_of_year(db, year)
        if e.year == year and e.kind == SPENT
    }
    return [
        BudgetRow(code, name, tuple(spent.get((code, m)) for m in range(1, 13)))
        for code, name in instruments(db)
    ]


def instructions() -> list[tuple[str, str]]:
    """(style, text) lines for the Anleitung."""
    return [
        ("", ""),
        ("head", "Budget (Blatt „Budgeterfassung“)"),
        (
            "",
            "12. Tragen Sie je Instrument und Monat die Ausgaben des Monats in Euro ein "
            "(z. B. 350000,30), keine Formeln. Gespeicherte Beträge sind vorausgefüllt; eine "
            "leere Zelle löscht nichts.",
        ),
        (
            "",
            "13. Neue Bindungen mit ihrem Fälligkeitsjahr erfassen Sie in aipdesk selbst "
            "(oder mit: aipdesk budget log).",
        ),
    ]


def add_budget_sheet(wb: Any, rows: list[BudgetRow], year: int) -> Any:
    """The sheet after `Erfassung`, protected like it (no password)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(BUDGET_TEMPLATE_SHEET)
    months = [Month(year, m) for m in range(1, 13)]
    side = Side(style="thin", color="A6A6A6")
    border = Border(left=side, right=side, top=side, bottom=side)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    code_fill = PatternFill("solid", fgColor="F2F2F2")
    first = len(BUDGET_TEMPLATE_HEADER) + 1
    for column, text in enumerate([*BUDGET_TEMPLATE_HEADER, *map(str, months)], start=1):
        cell = ws.cell(row=1, column=column)
        cell.value, cell.data_type = text, "s"
        cell.font, cell.fill, cell.border = Font(bold=True), header_fill, border
        cell.alignment = Alignment(horizontal="center" if column >= first else "left")
    for r, row in enumerate(rows, start=2):
        for column, text in enumerate((row.instrument, row.name), start=1):
            cell = ws.cell(row=r, column=column)
            cell.value, cell.data_type = text, "s"  # never a formula
            cell.fill, cell.border = code_fill, border
        for index, cents in enumerate(row.spent):
            cell = ws.cell(row=r, column=first + index)
            cell.value = None if cents is None else to_json(cents)
            cell.number_format = AMOUNT
            cell.border = border
            cell.protection = Protection(locked=False)
    if rows:
        last = get_column_letter(first + 11)
        validation = DataValidation(
            type="decimal",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop",
            errorTitle="Ungültiger Betrag",
            error=VALIDATION_ERROR,
            sqref=f"{get_column_letter(first)}2:{last}{len(rows) + 1}",
        )
        ws.add_data_validation(validation)
    ws.column_dimensions["A"].width = 11
    ws.column_dimensions["B"].width = max([30, *(min(len(r.name), 60) + 2 for r in rows)])
    for index in range(12):
        ws.column_dimensions[get_column_letter(first + index)].width = 14
    entry_sheet_setup(ws, first)
    return ws


def entry_sheet_setup(ws: Any, first_value_column: int) -> None:
    """An entry sheet's frame: header and codes frozen, printed landscape one page wide
    with the header on every page, protected without a password (a guard against slips,
    not a lock; column widths and row heights may still be changed)."""
    ws.freeze_panes = ws.cell(row=2, column=first_value_column)
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
