"""Add a target or change one: project, metric, period, value, the planned change rate
and, for a ratio, the planned mean of its denominator, checked as they are typed.

OK stays disabled while the input is invalid and a line says why. The write goes
through the Backend; a rejection is shown and the dialog stays open with the input.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import MetricKind, Target
from aipdesk.domain.months import Month
from aipdesk.domain.rules import parse_number
from aipdesk.services.results import Snapshot
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import labelled_form, month_names, ok_cancel, show_error


def _number(text: str) -> float | None:
    return parse_number(text) if text.strip() else None


def _edit_text(value: float | None) -> str:
    """A stored number as a person types it: 24,6 and 17046, not 24.6 or 17046.0."""
    if value is None:
        return ""
    return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")


class MonthField(QWidget):
    """A month as a month combo and a year spin box (the same controls as the project dialog)."""

    def __init__(self, name: str, accessible: str, default: Month, parent: QWidget) -> None:
        super().__init__(parent)
        self.month = QComboBox(self)
        self.month.setObjectName(f"{name}Month")
        self.month.addItems(list(month_names()))
        self.month.setCurrentIndex(default.month - 1)
        self.year = QSpinBox(self)
        self.year.setObjectName(f"{name}Year")
        self.year.setRange(1900, 2999)
        self.year.setValue(default.year)
        self.month.setAccessibleName(self.tr("{0}: month").format(accessible))
        self.year.setAccessibleName(self.tr("{0}: year").format(accessible))
        self.setFocusProxy(self.month)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.month)
        layout.addWidget(self.year)
        layout.addStretch(1)

    def value(self) -> Month:
        return Month(self.year.value(), self.month.currentIndex() + 1)


class TargetDialog(QDialog):
    """New target of the shown year (the calendar year and the selected project by
    default), or a change of `editing` (its project, metric and first month stay)."""

    def __init__(
        self,
        backend: Backend,
        snapshot: Snapshot,
        project: str | None = None,
        parent: QWidget | None = None,
        editing: Target | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("targetDialog")
        self.backend, self.snapshot, self.editing = backend, snapshot, editing
        if editing is None:
            self.setWindowTitle(self.tr("New target"))
        else:
            self.setWindowTitle(
                self.tr("Change target {0} – {1}").format(
                    editing.project, snapshot.metrics[editing.metric].name
                )
            )
            project = editing.project
        self.setAccessibleName(self.windowTitle())

        self.project_combo = QComboBox(self)
        self.project_combo.setObjectName("projectCombo")
        self.project_combo.setAccessibleName(self.tr("Project"))
        for item in snapshot.projects:
            if item.active:
                self.project_combo.addItem(item.name, item.code)
        self.metric_combo = QComboBox(self)
        self.metric_combo.setObjectName("metricCombo")
        self.metric_combo.setAccessibleName(self.tr("Metric"))
        self.first = MonthField("first", self.tr("First month"), Month(snapshot.year, 1), self)
        self.last = MonthField("last", self.tr("Last month"), Month(snapshot.year, 12), self)
        self.value_edit = QLineEdit(self)
        self.value_edit.setObjectName("valueEdit")
        self.value_edit.setAccessibleName(self.tr("Target value"))
        self.value_edit.setPlaceholderText(self.tr("e.g. 700 or 24,6 – empty: no number yet"))
        self.change_edit = QLineEdit(self)
        self.change_edit.setObjectName("changeEdit")
        self.change_edit.setAccessibleName(self.tr("Planned change against the previous year"))
        self.change_edit.setPlaceholderText(self.tr("in %, e.g. 14,5 or -0,6 – empty: none"))
        self.denominator_edit = QLineEdit(self)
        self.denominator_edit.setObjectName("denominatorEdit")
        self.denominator_edit.setAccessibleName(self.tr("Planned mean of the denominator"))
        self.denominator_edit.setPlaceholderText(
            self.tr("e.g. 28.800 – empty: from the trend of the last 12 months")
        )
        self.message = QLabel(self)
        self.message.setObjectName("targetDialogMessage")
        self.message.setWordWrap(True)
        self.buttons, self.ok_button = ok_cancel(self)
        self._lay_out()

        if project is not None and (index := self.project_combo.findData(project)) >= 0:
            self.project_combo.setCurrentIndex(index)
        self._fill_metrics()
        if editing is not None:
            self._fill(editing)
        self.project_combo.currentIndexChanged.connect(self._fill_metrics)
        for signal in (
            self.metric_combo.currentIndexChanged,
            self.first.month.currentIndexChanged,
            self.first.year.valueChanged,
            self.last.month.currentIndexChanged,
            self.last.year.valueChanged,
            self.value_edit.textChanged,
            self.change_edit.textChanged,
            self.denominator_edit.textChanged,
        ):
            signal.connect(self._check)
        self._check()

    def _fill(self, target: Target) -> None:
        """The target being changed: what identifies it (project, metric, first month)
        is shown but fixed."""
        if (index := self.metric_combo.findData(target.metric)) < 0:
            self.metric_combo.addItem(self.snapshot.metrics[target.metric].name, target.metric)
            index = self.metric_combo.count() - 1
        self.metric_combo.setCurrentIndex(index)
        self.first.month.setCurrentIndex(target.first.month - 1)
        self.first.year.setValue(target.first.year)
        self.last.month.setCurrentIndex(target.last.month - 1)
        self.last.year.setValue(target.last.year)
        for widget in (self.project_combo, self.metric_combo, self.first):
            widget.setEnabled(False)
        self.value_edit.setText(_edit_text(target.value))
        self.change_edit.setText(_edit_text(target.change_pct))
        self.denominator_edit.setText(_edit_text(target.denominator_plan))
        self.value_edit.setFocus()

    def _lay_out(self) -> None:
        rows = (
            (self.tr("&Project:"), self.project_combo, self.project_combo),
            (self.tr("&Metric:"), self.metric_combo, self.metric_combo),
            (self.tr("&First month:"), self.first, self.first.month),
            (self.tr("&Last month:"), self.last, self.last.month),
            (self.tr("Target &value:"), self.value_edit, self.value_edit),
            (self.tr("Planned &change (%):"), self.change_edit, self.change_edit),
            (
                self.tr("Planned mean of the &denominator:"),
                self.denominator_edit,
                self.denominator_edit,
            ),
        )
        form = labelled_form(self, rows)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _fill_metrics(self) -> None:
        """The metrics the project logs first, then every other metric that can be logged."""
        code = self.project_combo.currentData()
        tracked = self.snapshot.tracked.get(code, ()) if code else ()
        others = [
            m for m in self.snapshot.metrics.values() if m.code not in tracked and not m.is_computed
        ]
        self.metric_combo.blockSignals(True)
        self.metric_combo.clear()
        for metric_code in tracked:
            self.metric_combo.addItem(self.snapshot.metrics[metric_code].name, metric_code)
        if tracked and others:
            self.metric_combo.insertSeparator(self.metric_combo.count())
        for metric in others:
            self.metric_combo.addItem(metric.name, metric.code)
        free = (
            i
            for i in range(self.metric_combo.count())
            if self.metric_combo.itemData(i)
            and self._overlapping(code, self.metric_combo.itemData(i)) is None
        )
        self.metric_combo.setCurrentIndex(next(free, 0))
        self.metric_combo.blockSignals(False)
        self._check()

    # -- checking --------------------------------------------------------------------------
    def problem(self) -> str:
        """What is wrong with the input, in words; empty when it can be stored."""
        project, metric = self.project_combo.currentData(), self.metric_combo.currentData()
        if not project:
            return self.tr("Choose a project.")
        if not metric:
            return self.tr("Choose a metric.")
        first, last = self.first.value(), self.last.value()
        if last < first:
            return self.tr("The last month lies before the first month.")
        text = self.value_edit.text().strip()
        if text:
            try:
                value = parse_number(text)
            except DomainError:
                return self.tr(
                    "“{0}” is not a number: type e.g. 700 or 24,6, or leave the field empty."
                ).format(text)
            if value < 0:
                return self.tr("A target value must not be negative.")
        change = self.change_edit.text().strip()
        if change:
            try:
                rate = parse_number(change)
            except DomainError:
                return self.tr("“{0}” is not a change rate: type e.g. 14,5 or -0,6.").format(change)
            if rate <= -100:
                return self.tr("A planned change must lie above −100 %.")
        plan = self.denominator_edit.text().strip()
        ratio = self.snapshot.metrics[metric].kind is MetricKind.RATIO
        self.denominator_edit.setEnabled(ratio)
        if plan and not ratio:
            return self.tr("Only a ratio has a denominator: leave the planned mean empty.")
        if plan:
            try:
                mean = parse_number(plan)
            except DomainError:
                return self.tr("“{0}” is not a number: type e.g. 28.800.").format(plan)
            if mean <= 0:
                return self.tr("The planned mean of the denominator must be greater than 0.")
        other = self._overlapping(project, metric)
        if other is not None:
            return self.tr(
                "{0} already has a target for {1} in {2}: change that one, "
                "or choose months that do not overlap."
            ).format(
                self.project_combo.currentText(), self.metric_combo.currentText(), other.period
            )
        return ""

    def _overlapping(self, project: str, metric: str) -> Target | None:
        """A known target of the pair that shares a month with the chosen period."""
        first, last = self.first.value(), self.last.value()
        return next(
            (
                t
                for t in self.snapshot.targets
                if (t.project, t.metric) == (project, metric)
                and t.first <= last
                and first <= t.last
                and (self.editing is None or t.first != self.editing.first)
            ),
            None,
        )

    def _check(self) -> None:
        problem = self.problem()
        self.message.setText(f"⚠ {problem}" if problem else "")
        self.message.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)

    def target(self) -> Target:
        """The target as typed; call only when `problem()` is empty. A change keeps
        the plan curve while the period keeps its length."""
        first, last = self.first.value(), self.last.value()
        weights = None
        if self.editing is not None and self.editing.months == last.index - first.index + 1:
            weights = self.editing.weights
        return Target(
            self.project_combo.currentData(),
            self.metric_combo.currentData(),
            first,
            last,
            _number(self.value_edit.text()),
            weights,
            change_pct=_number(self.change_edit.text()),
            denominator_plan=_number(self.denominator_edit.text()),
        )

    def accept(self) -> None:
        if self.problem():
            return
        try:
            expected = self.editing.version if self.editing is not None else None
            self.backend.set_target(self.target(), expected=expected)
        except DomainError as error:
            show_error(self, self.backend.message(error))
            return
        super().accept()
