"""The dashboard table: one row per target with Soll, Ist, Zielerreichung, … and status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from aipdesk import format as fmt
from aipdesk.services.results import StatusRow
from aipdesk.ui.common import ItemRole, SortRole, number_text, status_color, status_text
from aipdesk.ui.models.rows import RowsModel

(
    COL_PROJECT,
    COL_METRIC,
    COL_TARGET,
    COL_PLAN,
    COL_ACTUAL,
    COL_ATTAINMENT,
    COL_DEVIATION,
    COL_FORECAST,
    COL_PREVIOUS,
    COL_STATUS,
) = range(10)
COLUMNS = 10
NUMERIC = range(COL_TARGET, COL_STATUS)
STATUS_ORDER = {"red": 0, "amber": 1, "green": 2, "none": 3}

Index = QModelIndex | QPersistentModelIndex


class StatusModel(RowsModel):
    COLUMNS = COLUMNS

    @staticmethod
    def row_key(row: StatusRow) -> tuple[str, str, str]:
        return (row.project.code, row.metric.code, str(row.target.first))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Project"),
                self.tr("Metric"),
                self.tr("Target"),
                self.tr("Plan"),
                self.tr("Actual"),
                self.tr("Attainment"),
                self.tr("Deviation"),
                self.tr("Forecast"),
                self.tr("Previous year"),
                self.tr("Status"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("Project"),
                self.tr("Metric"),
                self.tr("Target value of the period"),
                self.tr("Plan to the report month (Soll)"),
                self.tr("Actual to the report month (Ist)"),
                self.tr("Actual ÷ plan; plan ÷ actual where less is better"),
                self.tr("Actual − plan"),
                self.tr("Projected value at the period end"),
                self.tr("Actual of the same months one year earlier"),
                self.tr("green from 100 %, amber from 90 % attainment"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == SortRole:
            return self._raw(row, column)
        if role == ItemRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_STATUS:
            return status_color(row.progress.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _text(self, row: StatusRow, column: int) -> str:
        p, metric = row.progress, row.metric
        if column == COL_PROJECT:
            return row.project.name
        if column == COL_METRIC:
            return metric.name
        if column == COL_TARGET:
            return number_text(p.target, metric)
        if column == COL_PLAN:
            return number_text(p.plan_to_date, metric)
        if column == COL_ACTUAL:
            return number_text(p.actual_to_date, metric)
        if column == COL_ATTAINMENT:
            return fmt.percent(p.attainment_pct, empty="")
        if column == COL_DEVIATION:
            text = fmt.signed(
                p.deviation,
                1 if metric.unit == "%" or metric.kind.value == "stock" else 0,
                empty="",
            )
            return f"{text} %-Pkt." if text and metric.unit == "%" else text
        if column == COL_FORECAST:
            return number_text(p.forecast, metric)
        if column == COL_PREVIOUS:
            return number_text(p.previous_year_actual, metric)
        return status_text(p.status)

    def _raw(self, row: StatusRow, column: int) -> Any:
        p = row.progress
        values: dict[int, Any] = {
            COL_TARGET: p.target,
            COL_PLAN: p.plan_to_date,
            COL_ACTUAL: p.actual_to_date,
            COL_ATTAINMENT: p.attainment_pct,
            COL_DEVIATION: p.deviation,
            COL_FORECAST: p.forecast,
            COL_PREVIOUS: p.previous_year_actual,
            COL_STATUS: STATUS_ORDER[p.status.value],
        }
        if column in values:
            value = values[column]
            # Undefined figures sort last, whatever the direction, and never raise.
            return float("-inf") if value is None else value
        return self._text(row, column)

    def _tooltip(self, row: StatusRow, column: int) -> str | None:
        p = row.progress
        if column == COL_PREVIOUS and p.previous_year_change_pct is not None:
            return self.tr("Change against the previous year: {0}").format(
                fmt.signed(p.previous_year_change_pct, 1) + " %"
            )
        if column in (COL_ACTUAL, COL_STATUS):
            return self.tr("{0} of {1} months reported · period {2}").format(
                p.months_reported, p.months_elapsed, row.target.period
            )
        return None
