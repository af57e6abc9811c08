"""The entry grid: project × metric rows; the 12 months, Summe / Ø, Zielwert, Zielerreichung."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from aipdesk.domain.model import MetricKind
from aipdesk.domain.months import Month, Period
from aipdesk.services.results import GridRow
from aipdesk.ui.common import (
    ItemRole,
    SortRole,
    fmt,
    month_label,
    month_names,
    number_text,
    status_color,
)
from aipdesk.ui.models.rows import RowsModel

COL_PROJECT, COL_METRIC = 0, 1
FIRST_MONTH = 2
COL_TOTAL, COL_TARGET, COL_ATTAINMENT = 14, 15, 16
COLUMNS = 17
NoteRole = Qt.ItemDataRole.UserRole + 10

Index = QModelIndex | QPersistentModelIndex
# Called by setData with (row, month, text); returns True when the value was stored.
Writer = Callable[[GridRow, Month, str], bool]


def month_of(column: int) -> int | None:
    """0-based month offset of a grid column, None for the other columns."""
    return column - FIRST_MONTH if FIRST_MONTH <= column < FIRST_MONTH + 12 else None


class GridModel(RowsModel):
    """Fed with `GridRow`s by its pane; writes go to the `writer` the pane provides."""

    COLUMNS = COLUMNS

    def __init__(self, writer: Writer | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self.read_only = False  # a database without write permission: nothing editable
        self.locked: frozenset[tuple[str, int]] = frozenset()  # approved months

    def find(self, project: str, metric: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.key() == (project, metric):
                return number
        return None

    # -- Qt model interface ----------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            month = month_of(section)
            if month is not None:
                return month_names()[month]
            return {
                COL_PROJECT: self.tr("Project"),
                COL_METRIC: self.tr("Metric"),
                COL_TOTAL: self.tr("Total / Ø"),
                COL_TARGET: self.tr("Target"),
                COL_ATTAINMENT: self.tr("Attainment"),
            }[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_TOTAL:
            return self.tr("The year's logged months: their sum; for stocks (Ø) their average")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        month = month_of(index.column())
        if month is not None and not self.read_only and self._editable(index.row(), month):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _editable(self, number: int, month: int) -> bool:
        """Inside the project's period and not in an approved (locked) month."""
        row = self._rows[number]
        return row.editable[month] and (row.project.code, month) not in self.locked

    def set_locked(self, locked: frozenset[tuple[str, int]]) -> None:
        """The approved months, (project code, 0-based month): their cells are read-only."""
        if locked != self.locked:
            self.locked = locked
            if self._rows:
                last = self.index(len(self._rows) - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        month = month_of(column)
        if role == ItemRole:
            return row
        if month is not None:
            return self._month_data(row, month, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SortRole:
            return self._raw(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_PROJECT and row.depth:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_ATTAINMENT:
            return status_color(row.progress.status) if row.progress else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_PROJECT, COL_METRIC):
            # The name columns are capped in width: the tooltip shows the full names.
            text = f"{row.project.name} · {row.metric.name}"
            return f"{text}\n{row.metric.description}" if row.metric.description else text
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TOTAL:
            return self._total_words(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == COL_TOTAL:
                return self._total_words(row)
            return f"{self._text(row, column)}"
        return None

    def _total_words(self, row: GridRow) -> str:
        """What the total is (a sum or an average, of which months); for a target over
        another period than the year, its figures to the report month beside it."""
        year = row.months[0].year
        value = number_text(row.total, row.metric) or "–"
        if row.metric.kind is MetricKind.STOCK:
            text = self.tr("Average (Ø) of the logged months of {0}: {1}").format(year, value)
        else:
            text = self.tr("Sum of the logged months of {0}: {1}").format(year, value)
        target, progress = row.target, row.progress
        if target is None or progress is None or target.period == Period.year(year):
            return text
        return (
            text
            + "\n"
            + self.tr(
                "Target and attainment: period {0} up to the report month – actual {1}, "
                "plan {2}, target {3}"
            ).format(
                f"{month_label(target.first)} – {month_label(target.last)}",
                number_text(progress.actual_to_date, row.metric) or "–",
                number_text(progress.plan_to_date, row.metric) or "–",
                number_text(target.value, row.metric) or "–",
            )
        )

    def _month_data(self, row: GridRow, month: int, role: int) -> Any:
        value = row.values[month]
        note = row.notes[month]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else fmt().number(value)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else str(value)
        if role in (SortRole, Qt.ItemDataRole.UserRole):
            return value
        if role == NoteRole:
            return note
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"{row.project.name} · {row.metric.name} · {row.months[month]}"]
            if not row.editable[month]:
                parts.append(self.tr("Outside the project period: not editable"))
            elif (row.project.code, month) in self.locked:
                parts.append(
                    self.tr("Month approved: locked (reopen it from the context menu to change it)")
                )
            if note:
                parts.append(self.tr("Note: {0}").format(note))
            return "\n".join(parts)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        locked = (row.project.code, month) in self.locked
        if role == Qt.ItemDataRole.BackgroundRole and (locked or not row.editable[month]):
            return QApplication.palette().color(QPalette.ColorRole.Window)
        if role == Qt.ItemDataRole.ForegroundRole and not row.editable[month]:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.tr("empty") if value is None else fmt().number(value)
            return f"{row.metric.name} {month_names()[month]}: {text}" + (
                " " + self.tr("Note: {0}").format(note) if note else ""
            )
        return None

    def _text(self, row: GridRow, column: int) -> str:
        if column == COL_PROJECT:
            return "" if row.depth else row.project.name
        if column == COL_METRIC:
            return ("    " * row.depth) + row.metric.name
        if column == COL_TOTAL:
            text = number_text(row.total, row.metric)
            return f"Ø {text}" if text and row.metric.kind is MetricKind.STOCK else text
        if column == COL_TARGET:
            return number_text(row.target.value if row.target else None, row.metric)
        if column == COL_ATTAINMENT:
            return fmt().percent(row.progress.attainment_pct if row.progress else None, empty="")
        return ""

    def _raw(self, row: GridRow, column: int) -> Any:
        if column == COL_TOTAL:
            return row.total
        if column == COL_TARGET:
            return row.target.value if row.target else None
        if column == COL_ATTAINMENT:
            return row.progress.attainment_pct if row.progress else None
        return self._text(row, column)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        month = month_of(index.column())
        if role != Qt.ItemDataRole.EditRole or month is None or self._writer is None:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        row = self._rows[index.row()]
        text = "" if value is None else str(value).strip()
        current = row.values[month]
        if text == ("" if current is None else str(current)):
            return False  # unchanged: nothing to store, nothing to undo
        return self._writer(row, row.months[month], text)
