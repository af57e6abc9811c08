"""Edit a target's plan curve: one weight per period month, with a live Soll preview.

The weights are typed in percent; OK stays disabled until none is negative and
they add up to 100 % (± 0.01). `WeightsDialog.weights()` hands them back as
fractions summing to 1, the form `Target.weights` stores.
"""

from __future__ import annotations

import math
from dataclasses import replace
from itertools import accumulate
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aipdesk import format as fmt
from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Metric, MetricKind, Target
from aipdesk.domain.months import Month
from aipdesk.domain.progress import Inputs, progress_curve
from aipdesk.domain.rules import parse_number
from aipdesk.ui.common import decimals_for, month_label, muted, number_text, ok_cancel

SUM_TOLERANCE = 0.01  # percentage points
COL_MONTH, COL_WEIGHT, COL_CUMULATIVE, COL_PLAN = range(4)
COLUMNS = 4

Index = QModelIndex | QPersistentModelIndex


def _percent_text(value: float, decimals: int = 2) -> str:
    return fmt.number(value, decimals)


def plan_line(metric: Metric, target: Target) -> tuple[float | None, ...]:
    """Soll to date at each period month: the chart's and the dashboard's own figures."""
    return tuple(p.plan_to_date for p in progress_curve(metric, target, target.last, Inputs()))


def _share_line(metric: Metric, target: Target) -> tuple[float, ...]:
    """The cumulative planned share in percent, for a target without a number yet."""
    return tuple(
        100.0 * p.plan_share for p in progress_curve(metric, target, target.last, Inputs())
    )


def _ticks(maximum: float) -> tuple[list[float], float]:
    """About four round steps (1, 2, 2.5, 5 × 10^k) from 0 to at least `maximum`."""
    maximum = maximum if maximum > 0 else 1.0
    raw = maximum / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    count = math.ceil(maximum / step - 1e-9)
    return [k * step for k in range(count + 1)], count * step


class PlanPreview(QWidget):
    """The Soll line over a target's period: a small QPainter chart.

    One line and two axes need no pyqtgraph, and the panes then do not pay its
    import time at start-up. The figures are also given as accessible description.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Soll line preview"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._months: tuple[Month, ...] = ()
        self._values: tuple[float, ...] = ()
        self._goal: float | None = None
        self._marker: int | None = None
        self._unit = ""
        self._decimals = 0
        self._empty = self.tr("Select a target to see its Soll line.")

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 60, self.fontMetrics().height() * 14)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 30, self.fontMetrics().height() * 8)

    def values(self) -> tuple[float, ...]:
        """What the line shows, one value per period month (empty when nothing is shown)."""
        return self._values

    def clear(self, text: str = "") -> None:
        self._months, self._values, self._goal, self._marker = (), (), None, None
        self._empty = text or self.tr("Select a target to see its Soll line.")
        self.setAccessibleDescription(self._empty)
        self.update()

    def show_target(
        self, metric: Metric, target: Target, report_month: Month | None = None
    ) -> None:
        months = tuple(target.period.months())
        if target.value is None:
            if metric.kind is MetricKind.STOCK:
                self.clear(self.tr("No target number yet: there is no Soll to show."))
                return
            values, goal, unit, decimals = _share_line(metric, target), 100.0, "%", 0
        else:
            values = tuple(v or 0.0 for v in plan_line(metric, target))
            goal, unit, decimals = target.value, metric.unit, decimals_for(metric)
        self._months, self._values, self._goal = months, values, goal
        self._unit, self._decimals = unit, decimals
        inside = report_month is not None and target.period.contains(report_month)
        self._marker = months.index(report_month) if inside and report_month else None
        self.setAccessibleDescription(
            self.tr("Soll from {0} in {1} to {2} in {3}").format(
                self._text(values[0]),
                month_label(months[0]),
                self._text(values[-1]),
                month_label(months[-1]),
            )
        )
        self.update()

    def _text(self, value: float, decimals: int | None = None) -> str:
        text = fmt.number(value, self._decimals if decimals is None else decimals)
        return f"{text} %" if self._unit == "%" else text

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self._values:
            painter.setPen(muted(self))
            painter.drawText(
                QRectF(self.rect()),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self._empty,
            )
            return
        fm = self.fontMetrics()
        pad = fm.height() / 2
        ticks, top = _ticks(max((*self._values, self._goal or 0.0)))
        step = ticks[1] if len(ticks) > 1 else top
        decimals = 0 if float(step).is_integer() else (1 if float(step * 10).is_integer() else 2)
        labels = [self._text(t, decimals) for t in ticks]
        left = max(fm.horizontalAdvance(label) for label in labels) + 2 * pad
        plot = QRectF(
            left,
            fm.height() + pad,
            self.width() - left - 2 * pad,
            self.height() - 2 * fm.height() - 3 * pad,
        )
        if plot.width() < 20 or plot.height() < 20:
            return
        n = len(self._values)

        def x(i: float) -> float:
            return plot.left() + (i + 0.5) * plot.width() / n

        def y(v: float) -> float:
            return plot.bottom() - v / top * plot.height()

        text_color = palette.color(QPalette.ColorRole.Text)
        for tick, label in zip(ticks, labels, strict=True):
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
            painter.drawLine(QPointF(plot.left(), y(tick)), QPointF(plot.right(), y(tick)))
            painter.setPen(text_color)
            painter.drawText(
                QRectF(0, y(tick) - fm.height() / 2, left - pad, fm.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
        self._paint_months(painter, plot, x, fm.horizontalAdvance("Mmm 0000") + pad)
        if self._goal is not None:
            pen = QPen(text_color, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(
                QPointF(plot.left(), y(self._goal)), QPointF(plot.right(), y(self._goal))
            )
            painter.drawText(
                QRectF(
                    plot.left(), y(self._goal) - fm.height() - 2, plot.width() - pad, fm.height()
                ),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                self.tr("Target {0}").format(self._text(self._goal)),
            )
        if self._marker is not None:
            painter.setPen(QPen(muted(self), 1, Qt.PenStyle.DotLine))
            painter.drawLine(
                QPointF(x(self._marker), plot.top()), QPointF(x(self._marker), plot.bottom())
            )
            painter.setPen(text_color)
            label = self.tr("Report month")
            width = fm.horizontalAdvance(label) + 2
            left_edge = min(max(0.0, x(self._marker) - width / 2), self.width() - width)
            painter.drawText(
                QRectF(left_edge, 0, width, fm.height()), int(Qt.AlignmentFlag.AlignCenter), label
            )
        line = QPen(palette.color(QPalette.ColorRole.Highlight), max(2.0, fm.height() / 8))
        painter.setPen(line)
        points = [QPointF(x(i), y(v)) for i, v in enumerate(self._values)]
        painter.drawPolyline(points)
        if n <= 24:
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            for point in points:
                painter.drawEllipse(point, 2.5, 2.5)

    def _paint_months(self, painter: QPainter, plot: QRectF, x: Any, label_width: float) -> None:
        """Month labels under the axis, as many as fit: every month, quarter, half or year."""
        n = len(self._months)
        step = next((s for s in (1, 2, 3, 6, 12, 24) if s * plot.width() / n >= label_width), 48)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        height = self.fontMetrics().height()
        for i, month in enumerate(self._months):
            if month.index % step and not (step == 1 or n == 1):
                continue
            painter.drawLine(QPointF(x(i), plot.bottom()), QPointF(x(i), plot.bottom() + 4))
            painter.drawText(
                QRectF(x(i) - label_width / 2, plot.bottom() + 6, label_width, height),
                int(Qt.AlignmentFlag.AlignCenter),
                month_label(month),
            )


class WeightsModel(QAbstractTableModel):
    """One row per period month: its weight (editable), the running sum and the Soll to date."""

    weights_changed = Signal()
    input_rejected = Signal(str)  # what was typed, when it is not a number

    def __init__(self, target: Target, metric: Metric, parent: Any = None) -> None:
        super().__init__(parent)
        self._target, self._metric = target, metric
        self._months = tuple(target.period.months())
        self._percents = [100.0 * w for w in target.weight_list()]
        self._recompute()

    # -- the weights -----------------------------------------------------------------------
    @property
    def metric(self) -> Metric:
        return self._metric

    def percents(self) -> tuple[float, ...]:
        return tuple(self._percents)

    def set_percents(self, percents: list[float]) -> None:
        self.beginResetModel()
        self._percents = list(percents)
        self._recompute()
        self.endResetModel()
        self.weights_changed.emit()

    def trial_target(self) -> Target:
        """The target with the weights as typed (not checked): what the preview draws."""
        return replace(self._target, weights=tuple(p / 100.0 for p in self._percents))

    def _recompute(self) -> None:
        self._cumulative = list(accumulate(self._percents))
        self._plan = plan_line(self._metric, self.trial_target())

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._months)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Month"),
            self.tr("Weight (%)"),
            self.tr("Cumulative (%)"),
            self.tr("Soll to date"),
        )[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COL_WEIGHT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole and column == COL_WEIGHT:
            return _percent_text(self._percents[row], 4).rstrip("0").rstrip(",")
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_MONTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_WEIGHT:
            return self.tr("Share of the target planned for this month; type a number, e.g. 8,5")
        return None

    def _text(self, row: int, column: int) -> str:
        if column == COL_MONTH:
            return month_label(self._months[row])
        if column == COL_WEIGHT:
            text = _percent_text(self._percents[row])
            return f"{text} ⚠" if self._percents[row] < 0 else text
        if column == COL_CUMULATIVE:
            return _percent_text(self._cumulative[row])
        return number_text(self._plan[row], self._metric)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COL_WEIGHT or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value).strip()
        if text == self.data(index, Qt.ItemDataRole.EditRole):
            return False  # unchanged: keep the exact value, not its rounded text
        try:
            number = parse_number(text or "0")
        except DomainError:
            self.input_rejected.emit(text)
            return False
        self._percents[index.row()] = number
        self._recompute()
        self.dataChanged.emit(
            self.index(index.row(), COL_WEIGHT), self.index(len(self._months) - 1, COLUMNS - 1)
        )
        self.weights_changed.emit()
        return True


class WeightsDialog(QDialog):
    """The plan curve of one target, month by month, with Linear and Normalise shortcuts."""

    def __init__(
        self, target: Target, metric: Metric, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("weightsDialog")
        self.setWindowTitle(self.tr("Plan curve – {0}").format(title))
        self.setAccessibleName(self.windowTitle())
        self.model = WeightsModel(target, metric, self)

        intro = QLabel(
            self.tr(
                "Share of the target planned for each of the {0} months of {1}. The Soll "
                "(plan to date) is the target times the cumulative share."
            ).format(target.months, target.period),
            self,
        )
        intro.setWordWrap(True)
        notes = [intro]
        if metric.kind is MetricKind.STOCK:
            note = QLabel(
                self.tr(
                    "For a stock metric the Soll is the target itself in every "
                    "month: the plan curve has no effect on it."
                ),
                self,
            )
            note.setWordWrap(True)
            notes.append(note)

        self.table = QTableView(self)
        self.table.setObjectName("weightsTable")
        self.table.setAccessibleName(self.tr("Monthly weights"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            round(self.table.fontMetrics().height() * 1.6)
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setCurrentIndex(self.model.index(0, COL_WEIGHT))
        self.table.resizeColumnsToContents()
        scroll = self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(
            self.table.horizontalHeader().length() + scroll + 2 * self.table.frameWidth()
        )

        self.preview = PlanPreview(self)
        self.preview.setObjectName("weightsPreview")

        self.linear_button = QPushButton(self.tr("&Linear"), self)
        self.linear_button.setObjectName("linearButton")
        self.linear_button.setAccessibleName(self.tr("Linear: equal weight for every month"))
        self.normalise_button = QPushButton(self.tr("&Normalise to 100 %"), self)
        self.normalise_button.setObjectName("normaliseButton")
        self.normalise_button.setAccessibleName(
            self.tr("Normalise: scale the weights so they add up to 100 %")
        )
        self.sum_label = QLabel(self)
        self.sum_label.setObjectName("weightsSum")
        self.message = QLabel(self)
        self.message.setObjectName("weightsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.buttons, self.ok_button = ok_cancel(self)

        self._lay_out(notes)
        self.linear_button.clicked.connect(self.make_linear)
        self.normalise_button.clicked.connect(self.normalise)
        self.model.weights_changed.connect(self._update)
        self.model.input_rejected.connect(self._rejected)
        self._update()
        line = self.fontMetrics().height()
        self.resize(self.sizeHint().expandedTo(QSize(line * 64, line * 34)))

    def _lay_out(self, notes: list[QLabel]) -> None:
        middle = QHBoxLayout()
        middle.addWidget(self.table, 0)
        middle.addWidget(self.preview, 1)
        tools = QHBoxLayout()
        tools.addWidget(self.linear_button)
        tools.addWidget(self.normalise_button)
        tools.addStretch(1)
        tools.addWidget(self.sum_label)
        layout = QVBoxLayout(self)
        for note in notes:
            layout.addWidget(note)
        layout.addLayout(middle, 1)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    # -- actions ---------------------------------------------------------------------------
    def make_linear(self) -> None:
        count = self.model.rowCount()
        self.model.set_percents([100.0 / count] * count)

    def normalise(self) -> None:
        total = sum(self.model.percents())
        if total > 0:
            self.model.set_percents([p * 100.0 / total for p in self.model.percents()])

    def weights(self) -> tuple[float, ...]:
        """The weights as fractions that add up to 1 (meaningful when `problem()` is empty)."""
        percents = self.model.percents()
        total = sum(percents)
        return tuple(p / total for p in percents) if total > 0 else percents

    def problem(self) -> str:
        percents = self.model.percents()
        negative = [
            month_label(self.model.trial_target().first.shift(i))
            for i, p in enumerate(percents)
            if p < 0
        ]
        if negative:
            return self.tr("Weights must not be negative: {0}.").format(", ".join(negative))
        total = sum(percents)
        if abs(total - 100.0) > SUM_TOLERANCE:
            return self.tr(
                "The weights add up to {0} %; they must add up to 100 %. "
                "“Normalise to 100 %” scales them for you."
            ).format(_percent_text(total))
        return ""

    def _update(self) -> None:
        total = sum(self.model.percents())
        self.sum_label.setText(self.tr("Sum: {0} %").format(_percent_text(total)))
        problem = self.problem()
        self.message.setText(f"⚠ {problem}" if problem else "")
        self.message.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)
        self.normalise_button.setEnabled(total > 0)
        self.preview.show_target(self.model.metric, self.model.trial_target())

    def _rejected(self, text: str) -> None:
        self.message.setText(
            "⚠ " + self.tr("“{0}” is not a number: type a percentage such as 8,5.").format(text)
        )
        self.message.setVisible(True)
