"""The models of the Budget pane: the budget status (total, groups, instruments) and the
monthly entry grid of one instrument. Every amount is integer cents, written with
`format_cents`; only the two quotas in percent are quotients (display only)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from aipdesk.domain.budget import Level
from aipdesk.domain.budget_figures import Figures
from aipdesk.domain.model import Status
from aipdesk.domain.money import format_cents
from aipdesk.domain.months import Month
from aipdesk.services.results import BudgetCell, BudgetKey
from aipdesk.ui.common import ItemRole, fmt, month_names, status_color, status_text
from aipdesk.ui.models.grid_model import NoteRole
from aipdesk.ui.models.rows import RowsModel

Index = QModelIndex | QPersistentModelIndex

(
    COL_NAME,
    COL_PLAN,
    COL_PLAN_TO_DATE,
    COL_COMMITTED,
    COL_SPENT,
    COL_AVAILABLE,
    COL_BINDUNG,
    COL_AUSGABE,
    COL_FORECAST,
    COL_STATUS,
    COL_PREVIOUS,
    COL_COST,
) = range(12)
AMOUNTS = {
    COL_PLAN: "plan",
    COL_PLAN_TO_DATE: "plan_to_date",
    COL_COMMITTED: "committed",
    COL_SPENT: "spent_to_date",
    COL_AVAILABLE: "available",
    COL_FORECAST: "forecast",
    COL_PREVIOUS: "previous_year_spent",
    COL_COST: "cost_per_result",
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def short_name(row: Figures) -> str:
    """An instrument by its short form ("FbW"), a group or the total by its name."""
    return row.name.split(" – ")[0] if row.level is Level.INSTRUMENT else row.name


def money(cents: int | None, lang: str) -> str:
    return "–" if cents is None else format_cents(cents, lang)


class BudgetModel(RowsModel):
    """One row per line of `budget status`: the total, each group, its instruments."""

    COLUMNS = 12

    def __init__(self, lang: str = "de", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang

    @staticmethod
    def row_key(row: Any) -> Hashable:
        code: str = row.code
        return code

    def find(self, code: str) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.code == code), None)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_NAME: self.tr("Budget line"),
            COL_PLAN: self.tr("Plan"),
            COL_PLAN_TO_DATE: self.tr("Plan to\nreport month"),
            COL_COMMITTED: self.tr("Committed"),
            COL_SPENT: self.tr("Spent"),
            COL_AVAILABLE: self.tr("Available"),
            COL_BINDUNG: self.tr("Commitment\nrate"),
            COL_AUSGABE: self.tr("Spending\nrate"),
            COL_FORECAST: self.tr("Forecast"),
            COL_STATUS: self.tr("Status"),
            COL_PREVIOUS: self.tr("Previous\nyear"),
            COL_COST: self.tr("Cost per\nresult"),
        }.get(section)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def text(self, row: Figures, column: int) -> str:
        if column == COL_NAME:
            indent = {Level.TOTAL: "", Level.GROUP: "  ", Level.INSTRUMENT: "      "}[row.level]
            name = short_name(row)
            if row.part_of:
                name = self.tr("of which {0}").format(name)
            return indent + name
        if column in AMOUNTS:
            return money(getattr(row, AMOUNTS[column]), self.lang)
        if column == COL_BINDUNG:
            return fmt().percent(row.bindungsquote_pct)
        if column == COL_AUSGABE:
            return fmt().percent(row.ausgabequote_pct)
        if column == COL_STATUS:
            return status_text(Status(row.status))
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: Figures = self._rows[index.row()]
        column = index.column()
        if role == ItemRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_NAME:
            return _RIGHT if column != COL_STATUS else None
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_STATUS:
            return status_color(Status(row.status))
        if role == Qt.ItemDataRole.FontRole and row.level is not Level.INSTRUMENT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return f"{row.code} · {row.name}"
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_COST and row.results:
            return self.tr("Spent to date ÷ {0} results").format(fmt().number(row.results))
        return None


@dataclass(frozen=True)
class BudgetGridRow:
    """A row of the entry grid: the spending (`spent`) of an instrument, or its new
    commitments falling due in `due`, over the 12 months of `year`."""

    instrument: str
    kind: str  # spent | committed
    due: int
    year: int
    cells: tuple[BudgetCell | None, ...]  # January … December

    def key(self) -> tuple[str, int]:
        return (self.kind, self.due)

    @property
    def total(self) -> int:
        return sum(cell.amount for cell in self.cells if cell is not None)


def grid_rows(
    instrument: str, year: int, entries: Mapping[BudgetKey, BudgetCell]
) -> tuple[BudgetGridRow, ...]:
    """Ausgaben, then Bindungen falling due in the year and the four after it (and in
    any later year that holds an entry)."""
    dues = set(range(year, year + 5)) | {
        due for (code, kind, due, _), _cell in entries.items() if code == instrument
    }
    rows = [("spent", year)] + [("committed", due) for due in sorted(dues) if due >= year]
    return tuple(
        BudgetGridRow(
            instrument,
            kind,
            due,
            year,
            tuple(entries.get((instrument, kind, due, m)) for m in range(1, 13)),
        )
        for kind, due in rows
    )


FIRST_MONTH = 1
COL_TOTAL = 13
# Called by setData with (row, month, text); returns True when the entry was stored.
Writer = Callable[[BudgetGridRow, Month, str], bool]


def month_of(column: int) -> int | None:
    """0-based month of a grid column, None for the label and the total."""
    return column - FIRST_MONTH if FIRST_MONTH <= column < FIRST_MONTH + 12 else None


class BudgetGridModel(RowsModel):
    """The months of one instrument: Ausgaben and Bindungen by the year they fall due."""

    COLUMNS = 14

    def __init__(self, writer: Writer | None = None, lang: str = "de", parent: Any = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self.lang = lang
        self.read_only = False

    def label(self, row: BudgetGridRow) -> str:
        if row.kind == "spent":
            return self.tr("Spending")
        return self.tr("Commitments due {0}").format(row.due)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        month = month_of(section)
        if month is not None:
            return month_names()[month]
        return self.tr("Entry") if section == 0 else self.tr("Total")

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if month_of(index.column()) is not None and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: BudgetGridRow = self._rows[index.row()]
        column = index.column()
        month = month_of(column)
        if role == ItemRole:
            return row
        if month is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.label(row) if column == 0 else format_cents(row.total, self.lang)
            if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TOTAL:
                return _RIGHT
            return None
        cell = row.cells[month]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "" if cell is None else format_cents(cell.amount, self.lang)
        if role == Qt.ItemDataRole.UserRole:
            return None if cell is None else cell.amount
        if role == NoteRole:
            return None if cell is None else cell.note
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self.tr("empty") if cell is None else format_cents(cell.amount, self.lang)
            words = f"{self.label(row)} {month_names()[month]} {row.year}: {text}"
            if cell is not None and cell.note:
                words += "\n" + self.tr("Note: {0}").format(cell.note)
            return words
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        month = month_of(index.column())
        if role != Qt.ItemDataRole.EditRole or month is None or self._writer is None:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        row: BudgetGridRow = self._rows[index.row()]
        text = "" if value is None else str(value).strip()
        if text == self.data(index, Qt.ItemDataRole.EditRole):
            return False  # unchanged: nothing to store, nothing to undo
        return self._writer(row, Month(row.year, month + 1), text)
