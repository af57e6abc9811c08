"""Budget entries in an imported workbook: an export's `Budgetdaten` or the entry
template's `Budgeterfassung`, read cell by cell, and their write as one operation.

A bad cell is refused naming sheet and cell in the words of `aipdesk budget log`
(`Budgetdaten!F7: Betrag "-3" darf nicht negativ sein`), and nothing is stored. An amount
is read exactly: a number cell as the decimal its shortest text is (at most two
decimals), a text cell as `domain.money.parse_cents` reads a typed amount ("350.000,30").
The write (`TakeOverBudget`) sets each entry with `SetBudgetEntry`, all in the import's
unit of work; a refusal there (an unknown instrument, a due year before the entry's)
names the cell as well.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note
from aipdesk.domain.money import CENTS, MAX_CENTS, parse_cents
from aipdesk.domain.months import Month
from aipdesk.exchange import cells as c
from aipdesk.exchange.guard import refuse, shown
from aipdesk.exchange.layout import BUDGET_KEY_COLUMNS, BUDGET_KINDS, BUDGET_TEMPLATE_HEADER
from aipdesk.exchange.readers import found_names, matches
from aipdesk.services.base import Changes
from aipdesk.services.budget import COMMITTED, SPENT, SetBudgetEntries, SetBudgetEntry
from aipdesk.services.operation import Operation, Result, Text, Work, told, undo_label
from aipdesk.services.values import KEEP, _Keep

__all__ = ["BudgetIncoming", "TakeOverBudget", "read_budget_data", "read_budget_template"]

AMOUNT_WORDS = ("Betrag", "amount")
MAX_AMOUNT_TEXT = 40
KIND_OF_WORD = {
    **{word.casefold(): kind for kind, word in BUDGET_KINDS.items()},
    SPENT: SPENT,
    COMMITTED: COMMITTED,
    "ausgabe": SPENT,
    "bindungen": COMMITTED,
}


@dataclass(frozen=True)
class BudgetIncoming:
    """One budget entry a file brings, with the cells it came from."""

    instrument: str
    month: Month
    kind: str
    due_year: int
    cents: int
    note: str | _Keep | None
    where: str  # the amount's cell
    instrument_at: str  # the instrument's cell

    def operation(self) -> SetBudgetEntry:
        due = self.due_year if self.kind == COMMITTED else None
        return SetBudgetEntry(self.instrument, self.month, self.kind, self.cents, due, self.note)


def amount(cell: c.Cell, sheet: str) -> int:
    """The amount in `cell` in cents: a number with at most two decimals, or a text as
    typed ("350.000,30", "400000.20 €"); negative, too large or no amount is refused."""
    c.no_formula(cell, sheet)
    value = cell.value
    try:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise DomainError(Code.money_bad, text=shown(value), what=AMOUNT_WORDS)
        if isinstance(value, str):
            if len(value.strip()) > MAX_AMOUNT_TEXT:
                raise DomainError(Code.money_bad, text=shown(value), what=AMOUNT_WORDS)
            return parse_cents(value, AMOUNT_WORDS)
        return _number_cents(value)
    except DomainError as error:
        raise error.at(c.cell_name(cell.column, cell.row, sheet)) from None


def _number_cents(value: int | float) -> int:
    """A number cell in cents, exactly: the decimal its shortest text is."""
    text = repr(value)
    try:
        exact = Decimal(text)
    except InvalidOperation:
        raise DomainError(Code.money_bad, text=shown(text), what=AMOUNT_WORDS) from None
    if not exact.is_finite():
        raise DomainError(Code.money_bad, text=shown(text), what=AMOUNT_WORDS)
    shown_text = c.text(value)
    if exact < 0:
        raise DomainError(Code.money_negative, text=shown_text, what=AMOUNT_WORDS)
    cents = exact * CENTS
    if cents != cents.to_integral_value():  # more than two decimals: no amount of money
        raise DomainError(Code.money_bad, text=shown_text, what=AMOUNT_WORDS)
    if cents > MAX_CENTS:
        raise DomainError(Code.money_too_large, text=shown_text, what=AMOUNT_WORDS)
    return int(cents)


def _header(rows: Iterator[c.Row], sheet: str, expected: tuple[str, ...]) -> dict[int, c.Cell]:
    first = next(rows, None)
    header = first[1] if first and first[0] == 1 else {}
    names = [c.header_text(header.get(col)) for col in range(1, max(header, default=0) + 1)]
    if not matches(names, expected):
        raise refuse(
            c.cell_name(1, 1, sheet),
            Code.import_bad_header,
            expected=", ".join(expected),
            found=found_names(names, len(expected)),
        )
    for cell in header.values():
        c.no_formula(cell, sheet)
    return header


def _kind(cell: c.Cell | None, sheet: str, number: int) -> str:
    if cell is None:
        raise refuse(
            c.cell_name(4, number, sheet), Code.import_missing_code, column=("Art", "kind")
        )
    c.no_formula(cell, sheet)
    found = KIND_OF_WORD.get(c.text(cell.value).casefold()) if isinstance(cell.value, str) else None
    if found is None:
        raise refuse(
            c.cell_name(cell.column, cell.row, sheet),
            Code.import_bad_budget_kind,
            text=shown(cell.value),
        )
    return found


def read_budget_data(rows: Iterator[c.Row], sheet: str) -> list[BudgetIncoming]:
    """The entries of an export's `Budgetdaten`: one row per instrument, month, kind and
    due year. A row without a Betrag says nothing (deletes nothing)."""
    _header(rows, sheet, BUDGET_KEY_COLUMNS)
    incoming: list[BudgetIncoming] = []
    for number, cells in rows:
        for cell in cells.values():
            c.no_formula(cell, sheet)
        amount_cell = cells.get(6)
        if amount_cell is None:
            continue
        for column, words in ((1, ("Jahr", "year")), (2, ("Monat", "month"))):
            if cells.get(column) is None:
                where = c.cell_name(column, number, sheet)
                raise refuse(where, Code.import_missing_code, column=words)
        year = c.year(cells[1], sheet)
        month = c.export_month(cells[2], year, sheet)
        instrument = c.code(cells.get(3), sheet, "Instrument", "instrument", (3, number))
        kind = _kind(cells.get(4), sheet, number)
        due = year
        due_cell = cells.get(5)
        if kind == COMMITTED and due_cell is not None:
            due = c.year(due_cell, sheet)
        cents = amount(amount_cell, sheet)
        note = c.note(cells.get(7))
        incoming.append(
            BudgetIncoming(
                instrument,
                month,
                kind,
                due,
                cents,
                note,
                c.cell_name(6, number, sheet),
                c.cell_name(3, number, sheet),
            )
        )
    return incoming


def read_budget_template(rows: Iterator[c.Row], sheet: str) -> list[BudgetIncoming]:
    """The spending of the entry template's `Budgeterfassung`: one row per instrument,
    one column per month (YYYY-MM); an empty cell says nothing."""
    header = _header(rows, sheet, BUDGET_TEMPLATE_HEADER)
    first_value = len(BUDGET_TEMPLATE_HEADER)
    months = {
        column: c.month_header(cell, sheet)
        for column, cell in sorted(header.items())
        if column > first_value
    }
    if not months:
        raise refuse(c.cell_name(first_value + 1, 1, sheet), Code.import_no_months)
    incoming: list[BudgetIncoming] = []
    for number, cells in rows:
        for cell in cells.values():
            c.no_formula(cell, sheet)
        values = {col: cell for col, cell in cells.items() if col > first_value}
        if not values:
            continue
        instrument = c.code(cells.get(1), sheet, "Instrument", "instrument", (1, number))
        for column, cell in sorted(values.items()):
            if column not in months:
                raise refuse(c.cell_name(column, number, sheet), Code.import_no_month_column)
            month = months[column]
            incoming.append(
                BudgetIncoming(
                    instrument,
                    month,
                    SPENT,
                    month.year,
                    amount(cell, sheet),
                    KEEP,
                    c.cell_name(column, number, sheet),
                    c.cell_name(1, number, sheet),
                )
            )
    return incoming


@dataclass(frozen=True)
class TakeOverBudget(Operation):
    """The budget entries of a file, set as they stand there (all or nothing); its inverse
    puts back what they replaced. A refusal names the cell."""

    entries: tuple[BudgetIncoming, ...]
    origin: str | None = None

    def label(self) -> Text:
        return told(Note.op_budget_entries, count=len(self.entries))

    def apply(self, work: Work) -> Result:
        changes = Changes()
        inverses: list[SetBudgetEntry] = []
        for entry in self.entries:
            try:
                result = entry.operation().apply(work)
            except DomainError as error:
                place = entry.instrument_at
                if error.code != Code.budget_unknown_instrument:
                    place = entry.where
                raise error.at(place) from None
            changes |= result.changes
            if isinstance(result.inverse, SetBudgetEntry):
                inverses.append(result.inverse)
        if not inverses:
            return Result(changes, None)
        undo = SetBudgetEntries(tuple(reversed(inverses)), undo_label(self.label()))
        return Result(changes, undo)
