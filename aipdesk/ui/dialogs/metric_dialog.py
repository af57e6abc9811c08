"""Add a metric (Kennzahl) or change one: name, kind, unit, direction, davon parent and
partition, a ratio's parts, the traffic-light thresholds and the grid it is entered in.

The input is checked as it is typed against the same rules the services apply
(`aipdesk.domain.catalogue.check_metric`); OK stays disabled until it is valid and
a line says why. The write goes through the Backend; a refusal is shown and the
dialog stays open with everything typed.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.catalogue import check_metric, label
from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import CODE_RE, Area, Direction, Metric, MetricKind
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import labelled_form, ok_cancel, show_error


def _threshold(name: str, accessible: str, value: float, parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setRange(0.1, 1000.0)
    box.setDecimals(1)
    box.setSingleStep(1.0)
    box.setSuffix(" %")
    box.setValue(value)
    return box


class MetricDialog(QDialog):
    """New metric (`metric` None) or a change of `metric`; a metric's code never changes."""

    def __init__(
        self,
        backend: Backend,
        metrics: dict[str, Metric],
        metric: Metric | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("metricDialog")
        self.backend, self.metrics, self.editing = backend, metrics, metric
        self.setWindowTitle(
            self.tr("New metric")
            if metric is None
            else self.tr("Change metric {0}").format(label(metric, metrics))
        )
        self.setAccessibleName(self.windowTitle())
        self._make_fields()
        self._lay_out()
        if metric is not None:
            self._fill(metric)
        self._enable()
        for signal in (
            self.code_edit.textChanged,
            self.name_edit.textChanged,
            self.unit_edit.textChanged,
            self.kind_combo.currentIndexChanged,
            self.direction_combo.currentIndexChanged,
            self.parent_combo.currentIndexChanged,
            self.partition_check.toggled,
            self.numerator_combo.currentIndexChanged,
            self.denominator_combo.currentIndexChanged,
            self.green_box.valueChanged,
            self.amber_box.valueChanged,
            self.area_combo.currentIndexChanged,
        ):
            signal.connect(self._changed)
        self._check()

    # -- construction ----------------------------------------------------------------------
    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        return combo

    def _make_fields(self) -> None:
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("codeEdit")
        self.code_edit.setAccessibleName(self.tr("Code"))
        self.code_edit.setMaxLength(32)
        self.code_edit.setPlaceholderText(self.tr("e.g. integrations_women"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.kind_combo = self._combo("kindCombo", self.tr("Kind"))
        self.kind_combo.addItem(self.tr("Count (adds up over months)"), MetricKind.FLOW)
        self.kind_combo.addItem(self.tr("Stock (level at month end)"), MetricKind.STOCK)
        self.kind_combo.addItem(self.tr("Ratio (count ÷ average stock)"), MetricKind.RATIO)
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setObjectName("unitEdit")
        self.unit_edit.setAccessibleName(self.tr("Unit"))
        self.unit_edit.setMaxLength(16)
        self.direction_combo = self._combo("directionCombo", self.tr("Better is"))
        self.direction_combo.addItem(self.tr("more"), Direction.UP)
        self.direction_combo.addItem(self.tr("less"), Direction.DOWN)
        self.parent_combo = self._combo("parentCombo", self.tr("Part of (davon)"))
        self.partition_check = QCheckBox(
            self.tr("One part of a split: the parts never add up to more than the whole"), self
        )
        self.partition_check.setObjectName("partitionCheck")
        self.numerator_combo = self._combo("numeratorCombo", self.tr("Numerator (a count)"))
        self.denominator_combo = self._combo("denominatorCombo", self.tr("Denominator (a stock)"))
        others = [
            m for m in self.metrics.values() if self.editing is None or m.code != self.editing.code
        ]
        self.parent_combo.addItem(self.tr("– none –"), None)
        for metric in others:
            if metric.kind is not MetricKind.RATIO:
                self.parent_combo.addItem(label(metric, self.metrics), metric.code)
            if metric.kind is MetricKind.FLOW:
                self.numerator_combo.addItem(label(metric, self.metrics), metric.code)
            if metric.kind is MetricKind.STOCK:
                self.denominator_combo.addItem(label(metric, self.metrics), metric.code)
        self.green_box = _threshold("greenBox", self.tr("Green from"), 100.0, self)
        self.amber_box = _threshold("amberBox", self.tr("Amber from"), 90.0, self)
        self.area_combo = self._combo("areaCombo", self.tr("Entered in"))
        self.area_combo.addItem(self.tr("Integrations"), Area.INTEGRATION)
        self.area_combo.addItem(self.tr("Training"), Area.TRAINING)
        self.message = QLabel(self)
        self.message.setObjectName("metricDialogMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons, self.ok_button = ok_cancel(self)

    def _lay_out(self) -> None:
        rows: list[tuple[str, QWidget, QWidget]] = [
            (self.tr("&Code:"), self.code_edit, self.code_edit),
            (self.tr("&Name:"), self.name_edit, self.name_edit),
            (self.tr("&Kind:"), self.kind_combo, self.kind_combo),
            (self.tr("&Unit:"), self.unit_edit, self.unit_edit),
            (self.tr("&Better is:"), self.direction_combo, self.direction_combo),
            (self.tr("&Part of (davon):"), self.parent_combo, self.parent_combo),
            ("", self.partition_check, self.partition_check),
            (self.tr("N&umerator:"), self.numerator_combo, self.numerator_combo),
            (self.tr("&Denominator:"), self.denominator_combo, self.denominator_combo),
            (self.tr("&Green from:"), self.green_box, self.green_box),
            (self.tr("&Amber from:"), self.amber_box, self.amber_box),
            (self.tr("&Entered in:"), self.area_combo, self.area_combo),
        ]
        form = labelled_form(self, rows)
        chain: list[QWidget] = [field for _, field, _ in rows]
        chain += [self.ok_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(
            max(self.sizeHint().width(), self.fontMetrics().averageCharWidth() * 80),
            self.sizeHint().height(),
        )

    def _fill(self, metric: Metric) -> None:
        self.code_edit.setText(metric.code)
        self.code_edit.setReadOnly(True)
        self.code_edit.setToolTip(self.tr("The code of a metric cannot be changed"))
        self.name_edit.setText(metric.name)
        self.unit_edit.setText(metric.unit)
        for combo, value in (
            (self.kind_combo, metric.kind),
            (self.direction_combo, metric.direction),
            (self.parent_combo, metric.parent),
            (self.numerator_combo, metric.numerator),
            (self.denominator_combo, metric.denominator),
            (self.area_combo, metric.area),
        ):
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)
        self.partition_check.setChecked(metric.partition)
        self.green_box.setValue(metric.green_pct)
        self.amber_box.setValue(metric.amber_pct)
        self.name_edit.setFocus()

    # -- checking --------------------------------------------------------------------------
    def _changed(self) -> None:
        self._enable()
        self._check()

    def kind(self) -> MetricKind:
        # Qt hands the enum back as its plain string.
        return MetricKind(self.kind_combo.currentData())

    def _enable(self) -> None:
        ratio = self.kind() is MetricKind.RATIO
        has_parent = self.parent_combo.currentData() is not None
        self.numerator_combo.setEnabled(ratio)
        self.denominator_combo.setEnabled(ratio)
        self.parent_combo.setEnabled(not ratio)
        self.partition_check.setEnabled(has_parent and not ratio)
        if not has_parent or ratio:
            self.partition_check.setChecked(False)
        self.area_combo.setEnabled(not ratio)

    def value(self) -> Metric:
        """The metric as typed (it may still break a rule: see `problem()`)."""
        ratio = self.kind() is MetricKind.RATIO
        return Metric(
            code=self.code_edit.text().strip(),
            name=self.name_edit.text().strip(),
            kind=self.kind(),
            direction=Direction(self.direction_combo.currentData()),
            area=Area(self.area_combo.currentData()),
            unit=self.unit_edit.text().strip(),
            parent=None if ratio else self.parent_combo.currentData(),
            partition=self.partition_check.isChecked(),
            numerator=self.numerator_combo.currentData() if ratio else None,
            denominator=self.denominator_combo.currentData() if ratio else None,
            green_pct=self.green_box.value(),
            amber_pct=self.amber_box.value(),
            description=self.editing.description if self.editing else "",
        )

    def problem(self) -> str:
        """What is wrong with the input, in words; empty when it can be stored."""
        code = self.code_edit.text().strip()
        if self.editing is None:
            if not code:
                return self.tr("Type a code: letters, digits, _ and -.")
            if not CODE_RE.fullmatch(code):
                return self.tr(
                    "“{0}” is not a valid code: letters, digits, _ and -, at most 32."
                ).format(code)
            if code.casefold() in {c.casefold() for c in self.metrics}:
                return self.tr("A metric with the code “{0}” exists already.").format(code)
        if not self.name_edit.text().strip():
            return self.tr("Type a name.")
        if self.kind() is MetricKind.RATIO and not (
            self.numerator_combo.currentData() and self.denominator_combo.currentData()
        ):
            return self.tr("A ratio needs a count as numerator and a stock as denominator.")
        try:
            check_metric(self.value(), self.metrics)
        except DomainError as error:
            return self.backend.message(error)
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.message.setText(f"⚠ {problem}" if problem else "")
        self.message.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        if self.problem():
            return
        metric = self.value()
        try:
            if self.editing is None:
                self.backend.add_metric(metric)
            else:
                fields = {
                    name: getattr(metric, name)
                    for name in (
                        "name",
                        "kind",
                        "direction",
                        "area",
                        "unit",
                        "parent",
                        "partition",
                        "numerator",
                        "denominator",
                        "green_pct",
                        "amber_pct",
                    )
                    if getattr(metric, name) != getattr(self.editing, name)
                }
                self.backend.edit_metric(self.editing.code, **fields)
        except DomainError as error:
            show_error(self, self.backend.message(error))
            return
        super().accept()
