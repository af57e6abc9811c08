"""The targets table: one row per target of the shown year, the Zielwert edited in place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from aipdesk.domain.model import Metric, Project, Target
from aipdesk.domain.months import Month
from aipdesk.ui.common import ItemRole, SortRole, decimals_for, fmt
from aipdesk.ui.models.rows import RowsModel

COL_PROJECT, COL_METRIC, COL_PERIOD, COL_VALUE, COL_CURVE = range(5)
COLUMNS = 5

Index = QModelIndex | QPersistentModelIndex
Key = tuple[str, str, Month]  # (project, metric, first month): what identifies a target


@dataclass(frozen=True)
class TargetEntry:
    """One row: a target with its project and metric, for the readable names."""

    target: Target
    project: Project
    metric: Metric

    def key(self) -> Key:
        return (self.target.project, self.target.metric, self.target.first)


def _decimals(value: float, at_least: int = 0) -> int:
    """As many decimals as `value` has (at most 4), so a typed 612,5 never shows as 612."""
    return next((d for d in range(at_least, 4) if round(value, d) == value), 4)


def value_text(value: float | None, metric: Metric) -> str:
    """A Zielwert as shown: the dashboard's format, with any decimals the value has."""
    if value is None:
        return "–"
    text = fmt().number(value, _decimals(value, decimals_for(metric)))
    return f"{text} %" if metric.unit == "%" else text


def _edit_text(value: float | None) -> str:
    """The value as a person would type it: German, no unit, no needless decimals."""
    return "" if value is None else fmt().number(value, _decimals(value))


class TargetsModel(RowsModel):
    """The targets of a year. A typed Zielwert is handed on as `value_entered`, not stored."""

    value_entered = Signal(object, str)  # (Target, the text typed into its Zielwert cell)
    COLUMNS = COLUMNS

    def entry(self, row: int) -> TargetEntry:
        entry: TargetEntry = self._rows[row]
        return entry

    def row_of(self, key: Key) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.key() == key), None)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Project"),
                self.tr("Metric"),
                self.tr("Period"),
                self.tr("Target value"),
                self.tr("Plan curve"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("Project"),
                self.tr("Metric"),
                self.tr("Target period"),
                self.tr("Value to reach over the period; F2 or typing changes it"),
                self.tr("How the target is spread over the months"),
            )[section]
        return None

    read_only = False  # a database without write permission: nothing editable

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COL_VALUE and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(entry, column)
        if role == Qt.ItemDataRole.EditRole and column == COL_VALUE:
            return _edit_text(entry.target.value)
        if role == SortRole:
            return self._raw(entry, column)
        if role == ItemRole:
            return entry.target
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        return None

    def _text(self, entry: TargetEntry, column: int) -> str:
        target = entry.target
        if column == COL_PROJECT:
            return entry.project.name
        if column == COL_METRIC:
            return entry.metric.name
        if column == COL_PERIOD:
            return str(target.period)
        if column == COL_VALUE:
            return value_text(target.value, entry.metric)
        return self.tr("linear") if target.weights is None else self.tr("custom")

    def _raw(self, entry: TargetEntry, column: int) -> Any:
        target = entry.target
        if column == COL_PERIOD:
            return target.first.index * 10_000 + target.last.index
        if column == COL_VALUE:
            # A target without a number sorts below every number, and never raises.
            return float("-inf") if target.value is None else float(target.value)
        if column == COL_CURVE:
            return 0 if target.weights is None else 1
        return self._text(entry, column)

    def _tooltip(self, entry: TargetEntry, column: int) -> str | None:
        if column in (COL_PROJECT, COL_METRIC):  # the whole name where the column cuts it
            return self._text(entry, column)
        if column == COL_PERIOD:
            return self.tr("{0} months").format(entry.target.months)
        if column == COL_VALUE and entry.target.value is None:
            return self.tr("No number in the programme yet; type one to set it")
        if column == COL_CURVE:
            return self.tr("Enter or double-click edits the plan curve")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COL_VALUE or role != Qt.ItemDataRole.EditRole:
            return False
        # The pane writes it through the Backend; the next snapshot brings it back here.
        self.value_entered.emit(self._rows[index.row()].target, str(value))
        return False
