"""The base of aipdesk's table models: fed with frozen rows, refreshed in place."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import compress
from operator import is_not
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows are plain frozen values; `data()` in the subclasses only formats them.

    `set_rows` keeps the model in place when the same rows (by `row_key`) come
    again, and emits `dataChanged` only for rows that differ, so the current
    cell, the selection and an open editor survive a refresh after every edit.
    """

    COLUMNS = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()

    @staticmethod
    def row_key(row: Any) -> Hashable:
        key: Hashable = row.key()
        return key

    def set_rows(self, rows: Sequence[Any]) -> None:
        rows, old = tuple(rows), self._rows
        if len(rows) == len(old):
            # After a write most rows are the very same objects: only the others are
            # compared, by key (same row?) and by value (changed?). Found without a
            # Python loop over the rows (a grid holds thousands).
            differing = list(compress(range(len(rows)), map(is_not, old, rows)))
            if all(self.row_key(old[n]) == self.row_key(rows[n]) for n in differing):
                self._rows = rows
                for number in differing:
                    if old[number] != rows[number]:
                        first, last = self.changed_columns(old[number], rows[number])
                        self.dataChanged.emit(self.index(number, first), self.index(number, last))
                return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def changed_columns(self, old: Any, new: Any) -> tuple[int, int]:
        """The first and the last column whose cells differ between two states of a row
        (the view paints them again): here all of them."""
        return 0, self.COLUMNS - 1

    def rows(self) -> tuple[Any, ...]:
        return self._rows

    def row_at(self, number: int) -> Any:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS
