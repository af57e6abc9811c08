"""The dashboard table: one row per target with Soll, Ist, Zielerreichung, … and status."""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from aipdesk.services.results import StatusRow
from aipdesk.ui.common import (
    ItemRole,
    SortRole,
    fmt,
    month_label,
    number_text,
    status_color,
    status_text,
)
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
    COL_CHANGE,
    COL_ROLLING,
    COL_YOY,
    COL_REPORTED,
    COL_STATUS,
) = range(14)
COLUMNS = 14
NUMERIC = range(COL_TARGET, COL_REPORTED)
STATUS_ORDER = {"red": 0, "amber": 1, "green": 2, "none": 3}
COMPLETE, INCOMPLETE = "✓", "⚠"

Index = QModelIndex | QPersistentModelIndex
# The roles `data` answers; the others (asked for every cell painted: font, colours,
# check state, decoration, …) are turned away first, as cheaply as possible.
ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        SortRole,
        ItemRole,
    )
)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@cache
def _provisional_font() -> QFont:
    """Figures built on months not yet approved (vorläufig) are set in italics."""
    font = QFont()
    font.setItalic(True)
    return font


def _change(value: float | None) -> str:
    return "" if value is None else fmt().signed(value, 1) + " %"


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
                self.tr("Actual\n(cumulative)"),
                self.tr("Attainment"),
                self.tr("Deviation"),
                self.tr("Forecast"),
                self.tr("Previous year"),
                self.tr("Change"),
                self.tr("Rolling\n12 months"),
                self.tr("vs. month\na year ago"),
                self.tr("Reported"),
                self.tr("Status"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("Project"),
                self.tr("Metric"),
                self.tr("Target value of the period"),
                self.tr("Plan of the reported months up to the report month (Soll)"),
                self.tr(
                    "Actual of the reported months since the start of the target period "
                    "(stocks: their average; ratios: the cumulative quote)"
                ),
                self.tr("Actual ÷ plan; plan ÷ actual where less is better"),
                self.tr("Actual − plan"),
                self.tr("Projected value at the period end"),
                self.tr(
                    "Actual of the same months one year earlier; – unless all of them were reported"
                ),
                self.tr("Change against the previous year (same months), and the planned one"),
                self.tr(
                    "Official figure over the 12 months up to the report month (the "
                    "integration rate: K2); – unless all 12 months have values"
                ),
                self.tr(
                    "Change against a year earlier: the rolling figure (K2), for stocks the "
                    "month's stock (K3)"
                ),
                self.tr("Months reported of the months elapsed; ⚠ names what is missing"),
                self.tr("decided on the attainment as shown; green from 100 %, amber from 90 %"),
            )[section]
        return None

    def changed_columns(self, old: StatusRow, new: StatusRow) -> tuple[int, int]:
        """After an edit a target's Ist and what follows from it change, its name, Soll
        and Vorjahr seldom: only the columns from the first to the last that show (or
        sort by) something else are painted again."""
        differ = [
            column
            for column in range(COLUMNS)
            if self._text(old, column) != self._text(new, column)
            or self._raw(old, column) != self._raw(new, column)
        ]
        if old.progress.status != new.progress.status:
            differ.append(COL_STATUS)
        if old.progress.months_missing != new.progress.months_missing:  # in their words
            differ += [COL_ACTUAL, COL_REPORTED, COL_STATUS]
        return (min(differ), max(differ)) if differ else (0, COLUMNS - 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ROLES or not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == COL_REPORTED:
                return self._reported_words(row)
            return self._text(row, column)
        if role == SortRole:
            return self._raw(row, column)
        if role == ItemRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_STATUS:
            return status_color(row.progress.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.FontRole and column in NUMERIC and row.provisional:
            return _provisional_font()  # vorläufig: built on months not yet approved
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
            return fmt().percent(p.attainment_pct, empty="")
        if column == COL_DEVIATION:
            text = fmt().signed(
                p.deviation,
                1 if metric.unit == "%" or metric.kind.value == "stock" else 0,
                empty="",
            )
            return f"{text} %-Pkt." if text and metric.unit == "%" else text
        if column == COL_FORECAST:
            return number_text(p.forecast, metric)
        if column == COL_PREVIOUS:
            return number_text(p.previous_year_actual, metric)
        if column == COL_CHANGE:
            actual = _change(p.previous_year_change_pct)
            if p.planned_change_pct is None:
                return actual
            return self.tr("{0} (plan {1})").format(actual or "–", _change(p.planned_change_pct))
        if column == COL_ROLLING:
            return number_text(p.rolling_12m, metric)
        if column == COL_YOY:
            return _change(p.yoy_month_change_pct)
        if column == COL_REPORTED:
            mark = COMPLETE if p.complete else INCOMPLETE
            return f"{mark} {p.months_reported}/{p.months_elapsed}"
        return status_text(p.status)

    def _reported_words(self, row: StatusRow) -> str:
        p = row.progress
        if p.complete:
            return self.tr("{0} of {1} months reported, complete").format(
                p.months_reported, p.months_elapsed
            )
        return self.tr("{0} of {1} months reported, incomplete: {2} missing").format(
            p.months_reported, p.months_elapsed, self._months(p.months_missing)
        )

    @staticmethod
    def _months(months: tuple[Any, ...]) -> str:
        return ", ".join(month_label(m) for m in months)

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
            COL_CHANGE: p.previous_year_change_pct,
            COL_ROLLING: p.rolling_12m,
            COL_YOY: p.yoy_month_change_pct,
            COL_REPORTED: float(p.months_reported - p.months_elapsed),
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
                _change(p.previous_year_change_pct)
            )
        if column == COL_ROLLING and p.rolling_12m_previous is not None:
            return self.tr("The same 12 months a year earlier: {0}").format(
                number_text(p.rolling_12m_previous, row.metric)
            )
        if column == COL_PLAN and p.denominator_basis is not None:
            return {
                "plan": self.tr(
                    "Planned on the numerator with the planned mean of the denominator: {0}"
                ),
                "trend": self.tr(
                    "Planned on the numerator with the denominator's expected mean from the "
                    "trend of its last 12 months: {0}"
                ),
                "mean": self.tr("Planned on the numerator with the denominator's mean so far: {0}"),
            }[p.denominator_basis].format(fmt().number(p.denominator_expected, 0))
        if column in (COL_ACTUAL, COL_STATUS, COL_REPORTED):
            text = self.tr("{0} of {1} months reported · period {2}").format(
                p.months_reported, p.months_elapsed, row.target.period
            )
            if not p.complete:
                text += "\n" + self.tr(
                    "Missing: {0} – plan and actual count the reported months only"
                ).format(self._months(p.months_missing))
            if p.months_elapsed:
                text += "\n" + self.tr("{0} of {1} months approved{2}").format(
                    row.months_approved,
                    p.months_elapsed,
                    self.tr(": the figures are provisional") if row.provisional else "",
                )
            return text
        return None
