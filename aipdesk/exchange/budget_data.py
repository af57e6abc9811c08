"""The sheet `Budgetdaten`: one row per stored budget entry, for pivot tables and for the
import (DESIGN §6).

Jahr, Monat, Instrument (its code), Art (Ausgaben or Bindung), Fällig (the year a
commitment falls due; for spending the year itself), Betrag (euros, two decimals, written
exactly), Bemerkung; then the instrument's name and who changed the entry when. The rows
are what the year's budget figures are made of (`services.budget_entries`): the year, the
year before, and earlier commitments falling due in the year or later; importing them
into an empty database gives the same `aipdesk budget status`.
"""

from __future__ import annotations

from datetime import datetime

from openpyxl.utils import get_column_letter

from aipdesk.domain.money import to_json
from aipdesk.exchange.book import Book, local_time
from aipdesk.exchange.budget_sheet import AMOUNT, BudgetData
from aipdesk.exchange.layout import BUDGET_DATA_HEADER, BUDGET_DATA_SHEET, BUDGET_KINDS
from aipdesk.exchange.spool import SpoolSheet
from aipdesk.exchange.styles import Styled, fit_width, print_setup, set_widths


def write_budget_data(book: Book, budget: BudgetData) -> SpoolSheet:
    sheet = book.sheet(BUDGET_DATA_SHEET)
    ws, st = sheet.ws, book.st
    entries = budget.entries
    names = budget.names
    set_widths(
        ws,
        [
            7,
            7.5,
            fit_width({e.instrument for e in entries} | {"Instrument"}, 11, 20),
            10,
            8,
            16,
            fit_width({e.note for e in entries if e.note} | {"Bemerkung"}, 14, 60),
            fit_width({names.get(e.instrument, "") for e in entries} | {"Bezeichnung"}, 14, 60),
            fit_width({e.updated_by for e in entries if e.updated_by} | {"geändert von"}, 13, 24),
            17,
        ],
    )
    ws.freeze_panes = "A2"
    print_setup(ws, f"{book.title} · Budgetdaten", book.stamp, "1:1")
    sheet.append([st.header(h) for h in BUDGET_DATA_HEADER], height=20)
    centre, money, when = st.centre.style, st.number(AMOUNT).style, st.datetime.style
    local: dict[datetime, datetime] = {}
    for e in entries:
        stamp = None
        if e.updated_at is not None:
            shown = local.get(e.updated_at)
            if shown is None:
                shown = local[e.updated_at] = local_time(e.updated_at)
            stamp = Styled(shown, when)
        sheet.append(
            [
                Styled(e.year, centre),
                Styled(e.month, centre),
                e.instrument,
                BUDGET_KINDS.get(e.kind, e.kind),
                Styled(e.due_year, centre),
                Styled(to_json(e.amount_cents), money),
                e.note or None,
                names.get(e.instrument) or None,
                e.updated_by or None,
                stamp,
            ]
        )
    ws.auto_filter.ref = f"A1:{get_column_letter(len(BUDGET_DATA_HEADER))}{max(sheet.row, 1)}"
    return sheet
