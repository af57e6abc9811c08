"""Edit a target's plan curve: one weight per period month, with a live Soll preview.

The weights are typed in percent; OK stays disabled until none is negative and
they add up to 100 % (± 0.01). `WeightsDialog.weights()` hands them back as
fractions summing to 1, the form `Target.weights` stores.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import accumulate
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Metric, MetricKind, Target
from aipdesk.domain.rules import parse_number
from aipdesk.ui.common import fmt, month_label, number_text, ok_cancel
from aipdesk.ui.plan_preview import PlanPreview, plan_line

SUM_TOLERANCE = 0.01  # percentage points
COL_MONTH, COL_WEIGHT, COL_CUMULATIVE, COL_PLAN = range(4)
COLUMNS = 4

Index = QModelIndex | QPersistentModelIndex


def _percent_text(value: float, decimals: int = 2) -> str:
    return fmt().number(value, decimals)


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


class WeightsTable(QTableView):
    """Enter on a month (not editing) moves down too."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.move_down()
            return
        super().keyPressEvent(event)

    def move_down(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(current.siblingAtRow(current.row() + 1))


class WeightDelegate(QStyledItemDelegate):
    """Enter in a weight stores it and moves down to the next month, as in a spreadsheet
    (and never accepts the dialog)."""

    def __init__(self, table: WeightsTable) -> None:
        super().__init__(table)
        self._table = table

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            self._table.move_down()
            return True
        return super().eventFilter(editor, event)


class WeightsDialog(QDialog):
    """The plan curve of one target, month by month, with Linear and Normalise shortcuts."""

    def __init__(
        self,
        target: Target,
        metric: Metric,
        title: str,
        parent: QWidget | None = None,
        history: Callable[[], tuple[float, ...] | str] | None = None,
    ) -> None:
        """`history` gives the "Plankurve aus Vorjahr" (weights that add up to 1), or in
        words why there is none."""
        super().__init__(parent)
        self.setObjectName("weightsDialog")
        self._history = history
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

        self.table = WeightsTable(self)
        self.table.setObjectName("weightsTable")
        self.table.setItemDelegate(WeightDelegate(self.table))
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
        self.history_button = QPushButton(self.tr("From &previous years"), self)
        self.history_button.setObjectName("historyButton")
        self.history_button.setAccessibleName(
            self.tr("From previous years: the monthly shares of up to three earlier years")
        )
        self.history_button.setEnabled(history is not None)
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
        self.history_button.clicked.connect(self.from_history)
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
        tools.addWidget(self.history_button)
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

    def from_history(self) -> None:
        """The earlier years' monthly shares, or a line saying why there are none."""
        if self._history is None:
            return
        found = self._history()
        if isinstance(found, str):
            self.message.setText(f"⚠ {found}")
            self.message.setVisible(True)
            return
        self.model.set_percents([100.0 * w for w in found])

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
