"""The catalogue of metrics (Kennzahlen) in a table, with New and Change: where a
coordinator adds a metric or changes its name, kind, davon parent, ratio parts or
traffic-light thresholds without touching Python."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.catalogue import label
from aipdesk.domain.model import Area, Direction, Metric, MetricKind
from aipdesk.services.base import Changes
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import ItemRole, fmt
from aipdesk.ui.dialogs.metric_dialog import MetricDialog
from aipdesk.ui.models.rows import RowsModel

(COL_CODE, COL_NAME, COL_KIND, COL_PARENT, COL_PARTS, COL_DIRECTION, COL_LIGHTS, COL_AREA) = range(
    8
)
Index = QModelIndex | QPersistentModelIndex


class MetricsModel(RowsModel):
    COLUMNS = 8

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.metrics: dict[str, Metric] = {}

    @staticmethod
    def row_key(row: Metric) -> str:
        return row.code

    def set_metrics(self, metrics: dict[str, Metric]) -> None:
        self.metrics = dict(metrics)
        self.set_rows(list(metrics.values()))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Part of"),
            self.tr("Ratio of"),
            self.tr("Better is"),
            self.tr("Green / amber from"),
            self.tr("Entered in"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        metric: Metric = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(metric, index.column())
        if role == ItemRole:
            return metric
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NAME:
            return metric.description or None
        return None

    def _name(self, code: str | None) -> str:
        if code is None:
            return ""
        metric = self.metrics.get(code)
        return label(metric, self.metrics) if metric else code

    def _text(self, metric: Metric, column: int) -> str:
        if column == COL_CODE:
            return metric.code
        if column == COL_NAME:
            return metric.name
        if column == COL_KIND:
            return {
                MetricKind.FLOW: self.tr("count"),
                MetricKind.STOCK: self.tr("stock"),
                MetricKind.RATIO: self.tr("ratio"),
            }[metric.kind]
        if column == COL_PARENT:
            if metric.parent is None:
                return ""
            if metric.partition:
                return self.tr("{0} (split)").format(self._name(metric.parent))
            return self._name(metric.parent)
        if column == COL_PARTS:
            if metric.kind is not MetricKind.RATIO:
                return ""
            return f"{self._name(metric.numerator)} ÷ Ø {self._name(metric.denominator)}"
        if column == COL_DIRECTION:
            return self.tr("more") if metric.direction is Direction.UP else self.tr("less")
        if column == COL_LIGHTS:
            return f"{fmt().percent(metric.green_pct)} / {fmt().percent(metric.amber_pct)}"
        if metric.kind is MetricKind.RATIO:
            return self.tr("computed")
        return self.tr("Integrations") if metric.area is Area.INTEGRATION else self.tr("Training")


class MetricsDialog(QDialog):
    """Every metric of the catalogue; New… and Change… open the metric dialog."""

    def __init__(
        self, backend: Backend, metrics: dict[str, Metric], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("metricsDialog")
        self.setWindowTitle(self.tr("Metrics"))
        self.setAccessibleName(self.windowTitle())
        self.backend = backend
        self.model = MetricsModel(self)
        self.model.set_metrics(metrics)
        self.table = QTableView(self)
        self.table.setObjectName("metricsTable")
        self.table.setAccessibleName(self.tr("Metrics of the catalogue"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_metric())
        self.new_button = QPushButton(self.tr("&New metric…"), self)
        self.new_button.setObjectName("newMetricButton")
        self.edit_button = QPushButton(self.tr("C&hange…"), self)
        self.edit_button.setObjectName("editMetricButton")
        for button in (self.new_button, self.edit_button):
            button.setEnabled(not backend.read_only)
        self.new_button.clicked.connect(self.new_metric)
        self.edit_button.clicked.connect(self.edit_metric)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.setObjectName("buttonBox")
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        backend.changed.connect(self._changed)
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()
        width = self.table.horizontalHeader().length() + 2 * self.table.frameWidth() + 40
        self.resize(max(width, 900), self.fontMetrics().lineSpacing() * 30)

    def selected(self) -> Metric | None:
        index = self.table.currentIndex()
        row = index.data(ItemRole) if index.isValid() else None
        return row if isinstance(row, Metric) else None

    def new_metric(self) -> MetricDialog | None:
        return self._open(None)

    def edit_metric(self) -> MetricDialog | None:
        metric = self.selected()
        return self._open(metric) if metric is not None else None

    def _open(self, metric: Metric | None) -> MetricDialog | None:
        if self.backend.read_only:
            return None
        dialog = MetricDialog(self.backend, self.model.metrics, metric, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _changed(self, changes: Changes) -> None:
        if not changes.metrics:
            return
        current = self.selected()
        known = set(self.model.metrics)
        self.model.set_metrics(self.backend.metrics())
        added = sorted(changes.metrics - known)
        self._select(added[0] if added else current.code if current else None)

    def _select(self, code: str | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).code == code:
                self.table.selectRow(row)
                return
