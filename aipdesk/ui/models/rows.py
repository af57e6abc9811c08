"""The base of aipdesk's table models: fed with frozen rows, refreshed in place."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
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
        rows = tuple(rows)
        if [self.row_key(r) for r in rows] == [self.row_key(r) for r in self._rows]:
            old, self._rows = self._rows, rows
            for number, (before, after) in enumerate(zip(old, rows, strict=True)):
                if before is not after and before != after:
                    self.dataChanged.emit(
                        self.index(number, 0), self.index(number, self.COLUMNS - 1)
                    )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> tuple[Any, ...]:
        return self._rows

    def row_at(self, number: int) -> Any:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS
