"""The Meldestand matrix: one row per project, one column per month of the year.

✓ every metric logged, – something missing (the months up to the report month); the
months after it are greyed (✓ where they are logged already), months outside a
project's period stay empty. The monthly close shows over it: ☑ reported by the team
lead, ✔ approved (locked, green), "!" after the mark where the report came after the
Meldeschluss (amber). The month headers and the column "Gemeldet" hold the totals,
"n von m gemeldet", so that sorting never moves a totals row; the column "Pünktlich"
holds each project's timeliness rate.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from aipdesk.domain.closing import MonthState
from aipdesk.domain.model import Status
from aipdesk.domain.months import Month
from aipdesk.services.reporting_matrix import DUE, Mark, MatrixRow, ReportingMatrix
from aipdesk.ui.common import ItemRole, SortRole, month_label, month_names, status_color
from aipdesk.ui.models.rows import RowsModel

COL_PROJECT = 0
FIRST_MONTH = 1
COL_TOTAL = 13
COL_TIMELY = 14
COLUMNS = 15
SYMBOL = {
    Mark.REPORTED: "✓",
    Mark.MISSING: "–",
    Mark.AHEAD: "✓",
    Mark.OPEN: "",
    Mark.OUTSIDE: "",
}
# The monthly close over the marks: reported by the team lead, approved (locked).
CLOSE_SYMBOL = {MonthState.REPORTED: "☑", MonthState.APPROVED: "✔"}
NO_CLOSE: Mapping[tuple[str, Month], Any] = {}
# Sorting a month column: what is missing first, then what is reported, then the rest.
ORDER = {Mark.MISSING: 0, Mark.REPORTED: 1, Mark.AHEAD: 2, Mark.OPEN: 3, Mark.OUTSIDE: 4}

Index = QModelIndex | QPersistentModelIndex


def month_of(column: int) -> int | None:
    """0-based month of a column, None for the project and total columns."""
    return column - FIRST_MONTH if FIRST_MONTH <= column < FIRST_MONTH + 12 else None


class ReportingModel(RowsModel):
    COLUMNS = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix: ReportingMatrix | None = None
        # The monthly close: (project, month) -> MonthStatus; per project (on time, due).
        self.closing: Mapping[tuple[str, Month], Any] = NO_CLOSE
        self.timely: dict[str, tuple[int, int]] = {}

    @staticmethod
    def row_key(row: MatrixRow) -> str:
        return row.project.code

    def set_matrix(
        self, matrix: ReportingMatrix | None, closing: Mapping[tuple[str, Month], Any] | None = None
    ) -> None:
        before, self.matrix = self.matrix, matrix
        closing = NO_CLOSE if closing is None else closing
        if closing is not self.closing:  # after a read, not after an edit of values
            self.closing = closing
            self.timely = {}
            for status in closing.values():
                hit, due = self.timely.get(status.project, (0, 0))
                if status.on_time is not None:
                    self.timely[status.project] = (hit + int(status.on_time), due + 1)
            if self._rows:
                last = self.index(len(self._rows) - 1, COLUMNS - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        self.set_rows(matrix.rows if matrix else ())
        # The headers hold the months with their totals: told only when those changed.
        if (
            before is None
            or matrix is None
            or (before.months, before.totals) != (matrix.months, matrix.totals)
        ):
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def of_text(self, reported: int, due: int) -> str:
        return self.tr("{0} of {1}").format(reported, due)

    # -- Qt model interface ----------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        month = month_of(section)
        matrix = self.matrix
        if role == Qt.ItemDataRole.DisplayRole:
            if section == COL_PROJECT:
                return self.tr("Project")
            if section == COL_TOTAL:
                return self.tr("Reported")
            if section == COL_TIMELY:
                return self.tr("On time")
            name = month_names()[month or 0]
            if matrix is None or month is None:
                return name
            reported, due = matrix.month_total(month)
            return f"{name}\n{reported}/{due}" if due else name
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == COL_TIMELY:
                return self.tr(
                    "Months reported by the deadline, of those reported or past their deadline"
                )
            if section == COL_TOTAL:
                if matrix is None:
                    return None
                return self.tr("Months reported of the months due, all projects: {0}").format(
                    self.of_text(*matrix.total())
                )
            if month is not None and matrix is not None:
                reported, due = matrix.month_total(month)
                if not due:
                    return self.tr("{0}: not due yet").format(month_label(matrix.months[month]))
                return self.tr("{0}: {1} projects reported").format(
                    month_label(matrix.months[month]), self.of_text(reported, due)
                )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: MatrixRow = self._rows[index.row()]
        column = index.column()
        month = month_of(column)
        if role == ItemRole:
            return row
        if month is not None:
            return self._month_data(row, month, role)
        if column == COL_TIMELY:
            return self._timely_data(row, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_PROJECT:
                return row.project.name
            return self.of_text(row.reported, row.due)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == COL_PROJECT:
                return row.project.name
            return self.tr("{0} of {1} months reported").format(row.reported, row.due)
        if role == SortRole:
            if column == COL_PROJECT:
                return row.project.name.casefold()
            # Fewest months reported of those due first; nothing due sorts last.
            return row.reported / row.due if row.due else 2.0
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_PROJECT:
            return f"{row.project.name} ({row.project.code})"
        return None

    def closing_of(self, row: MatrixRow, month: int) -> Any:
        """The MonthStatus of the cell (None: no close known, e.g. outside the period)."""
        if self.matrix is None:
            return None
        return self.closing.get((row.project.code, self.matrix.months[month]))

    def _timely_data(self, row: MatrixRow, role: int) -> Any:
        hit, due = self.timely.get(row.project.code, (0, 0))
        if role == Qt.ItemDataRole.DisplayRole:
            return self.of_text(hit, due) if due else "–"
        if role == SortRole:
            return hit / due if due else 2.0
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if not due:
                return self.tr("{0}: no deadline passed yet").format(row.project.name)
            return self.tr("{0}: {1} months reported on time ({2} %)").format(
                row.project.name, self.of_text(hit, due), round(100 * hit / due)
            )
        return None

    def _month_data(self, row: MatrixRow, month: int, role: int) -> Any:
        mark = row.marks[month]
        close = self.closing_of(row, month)
        state = close.state if close is not None else MonthState.OPEN
        late = close is not None and close.on_time is False and state is not MonthState.OPEN
        if role == Qt.ItemDataRole.DisplayRole:
            symbol = CLOSE_SYMBOL.get(state, SYMBOL[mark])
            return f"{symbol}!" if late else symbol
        if role == SortRole:
            return ORDER[mark] - (0.5 if state is MonthState.APPROVED else 0)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and mark not in DUE:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.BackgroundRole:
            if state is MonthState.APPROVED:
                return status_color(Status.GREEN)
            if late:
                return status_color(Status.AMBER)
            if mark is Mark.MISSING:
                return status_color(Status.RED)
            if mark not in DUE:
                return QApplication.palette().color(QPalette.ColorRole.Window)
            return None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._words(row, month)
        return None

    def _words(self, row: MatrixRow, month: int) -> str:
        mark = row.marks[month]
        assert self.matrix is not None  # rows come with their matrix
        where = f"{row.project.name} · {month_label(self.matrix.months[month])}"
        missing = ", ".join(metric.name for metric in row.missing[month])
        text = {
            Mark.REPORTED: self.tr("all values logged"),
            Mark.MISSING: self.tr("not complete: {0}").format(missing),
            Mark.AHEAD: self.tr("after the report month, logged already"),
            Mark.OPEN: self.tr("after the report month, not due yet"),
            Mark.OUTSIDE: self.tr("outside the project period"),
        }[mark]
        close = self.closing_of(row, month)
        if close is None:
            return f"{where}: {text}"
        return f"{where}: {text}; {self._close_words(close)}"

    def _close_words(self, close: Any) -> str:
        due = close.due.strftime("%d.%m.%Y")
        if close.state is MonthState.APPROVED:
            state = self.tr("approved by {0} (locked)").format(close.approved_by or "?")
        elif close.state is MonthState.REPORTED:
            state = self.tr("reported by {0}").format(close.reported_by or "?")
        else:
            state = self.tr("not reported by the team lead")
        if close.on_time is True:
            timely = self.tr("on time (deadline {0})").format(due)
        elif close.on_time is False:
            timely = (
                self.tr("missing (deadline {0} passed)").format(due)
                if close.state is MonthState.OPEN
                else self.tr("late (deadline {0})").format(due)
            )
        elif close.days_left == 0:
            timely = self.tr("deadline {0}: closes today").format(due)
        else:
            timely = self.tr("deadline {0}: closes in {1} days").format(due, close.days_left)
        changed = ""
        if close.changes_after_approval:
            changed = "; " + self.tr("{0} values changed after approval").format(
                close.changes_after_approval
            )
        return f"{state}; {timely}{changed}"
