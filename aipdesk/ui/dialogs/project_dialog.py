"""Add a project or edit one: code, name, description, period and the metrics it logs.

The dialog checks the input as it is typed and says in words what is wrong; OK stays
disabled until the input is valid. The write goes through the Backend; a rejection is
shown and the dialog stays open with everything typed so far.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import CODE_RE, Project
from aipdesk.domain.months import Month, Period
from aipdesk.services.results import Snapshot
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import labelled_form, month_names, ok_cancel, show_error


class MonthPicker(QWidget):
    """An optional month: a check box that switches it on, a year and a month."""

    def __init__(
        self,
        name: str,
        label: str,
        accessible: tuple[str, str, str],
        default: Month,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.check.setObjectName(f"{name}Check")
        self.year = QSpinBox(self)
        self.year.setObjectName(f"{name}Year")
        self.year.setRange(1900, 2999)
        self.year.setValue(default.year)
        self.month = QComboBox(self)
        self.month.setObjectName(f"{name}Month")
        self.month.addItems(list(month_names()))
        self.month.setCurrentIndex(default.month - 1)
        for widget, text in zip((self.check, self.year, self.month), accessible, strict=True):
            widget.setAccessibleName(text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.year)
        layout.addWidget(self.month)
        layout.addStretch(1)
        self.check.toggled.connect(self._enable)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.year.setEnabled(on)
        self.month.setEnabled(on)

    def value(self) -> Month | None:
        if not self.check.isChecked():
            return None
        return Month(self.year.value(), self.month.currentIndex() + 1)

    def set_value(self, month: Month | None) -> None:
        self.check.setChecked(month is not None)
        if month is not None:
            self.year.setValue(month.year)
            self.month.setCurrentIndex(month.month - 1)


class ProjectDialog(QDialog):
    """New project (`project` None) or edit of `project`; the code of a project never changes."""

    def __init__(
        self,
        backend: Backend,
        snapshot: Snapshot,
        project: Project | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectDialog")
        self.backend = backend
        self.project = project
        # Codes differing only in case would be confused in lists and workbooks: refuse them.
        self._existing = {p.code.casefold(): p.code for p in snapshot.projects}
        self._tracked = set(snapshot.tracked.get(project.code, ())) if project else set()
        self.setWindowTitle(
            self.tr("New project")
            if project is None
            else self.tr("Edit project {0}").format(project.code)
        )
        self.setAccessibleName(self.windowTitle())
        self._make_fields(snapshot)
        self._make_metrics(snapshot)
        self._make_layout()
        if project is not None:
            self._fill(project)
        for signal in (
            self.code_edit.textChanged,
            self.name_edit.textChanged,
            self.start.check.toggled,
            self.start.year.valueChanged,
            self.start.month.currentIndexChanged,
            self.end.check.toggled,
            self.end.year.valueChanged,
            self.end.month.currentIndexChanged,
        ):
            signal.connect(self._validate)
        self._validate()

    # -- construction ----------------------------------------------------------------------
    def _make_fields(self, snapshot: Snapshot) -> None:
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("codeEdit")
        self.code_edit.setAccessibleName(self.tr("Code"))
        self.code_edit.setMaxLength(32)
        self.code_edit.setPlaceholderText(self.tr("e.g. NEUSTART"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setObjectName("descriptionEdit")
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.setTabChangesFocus(True)  # Tab must leave the field (keyboard use)
        lines = self.fontMetrics().lineSpacing()
        self.description_edit.setMinimumHeight(lines * 3)
        self.description_edit.setMaximumHeight(lines * 6)
        year = snapshot.year
        self.start = MonthPicker(
            "start",
            self.tr("&From"),
            (self.tr("Has a start month"), self.tr("Start year"), self.tr("Start month")),
            Month(year, 1),
            self,
        )
        self.end = MonthPicker(
            "end",
            self.tr("&Until"),
            (self.tr("Has an end month"), self.tr("End year"), self.tr("End month")),
            Month(year, 12),
            self,
        )
        self.validation_label = QLabel(self)
        self.validation_label.setObjectName("validationLabel")
        self.validation_label.setAccessibleName(self.tr("Problems with the input"))
        self.validation_label.setWordWrap(True)
        self.validation_label.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons, self.ok_button = ok_cancel(self)
        self.ok_button.setAccessibleName(self.tr("Save the project"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel without saving")
        )

    def _make_metrics(self, snapshot: Snapshot) -> None:
        self.metrics_list = QListWidget(self)
        self.metrics_list.setObjectName("metricsList")
        self.metrics_list.setAccessibleName(self.tr("Metrics the project logs"))
        self.metrics_list.setAccessibleDescription(
            self.tr("Space switches the metric under the cursor on or off")
        )
        for metric in snapshot.metrics.values():
            if metric.is_computed:
                continue  # a ratio is computed from logged metrics, nobody logs it
            item = QListWidgetItem(metric.name, self.metrics_list)
            item.setData(Qt.ItemDataRole.UserRole, metric.code)
            item.setToolTip(metric.code)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if metric.code in self._tracked:
                item.setCheckState(Qt.CheckState.Checked)
                item.setToolTip(self.tr("{0}: already logged by this project").format(metric.code))
            else:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
                item.setCheckState(Qt.CheckState.Unchecked)
            item.setFlags(flags)
        self.metrics_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.metrics_list.setMinimumWidth(self.metrics_list.sizeHintForColumn(0) + 40)

    def _make_layout(self) -> None:
        rows: list[tuple[str, QWidget, QWidget]] = [
            (self.tr("&Code:"), self.code_edit, self.code_edit),
            (self.tr("&Name:"), self.name_edit, self.name_edit),
            (self.tr("&Description:"), self.description_edit, self.description_edit),
            (self.tr("Start:"), self.start, self.start.check),
            (self.tr("End:"), self.end, self.end.check),
            (self.tr("&Metrics it logs:"), self.metrics_list, self.metrics_list),
        ]
        form = labelled_form(self, rows)
        hint = QLabel(
            self.tr("Without a start or end month the project is open-ended on that side."), self
        )
        hint.setWordWrap(True)
        chain: list[QWidget] = [self.code_edit, self.name_edit, self.description_edit]
        chain += [self.start.check, self.start.year, self.start.month]
        chain += [self.end.check, self.end.year, self.end.month, self.metrics_list]
        chain += [self.ok_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)  # top to bottom, as the form reads
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.validation_label)
        layout.addWidget(self.buttons)
        self.resize(
            max(self.sizeHint().width(), self.fontMetrics().averageCharWidth() * 90),
            self.sizeHint().height(),
        )

    def _fill(self, project: Project) -> None:
        self.code_edit.setText(project.code)
        self.code_edit.setReadOnly(True)
        self.code_edit.setToolTip(self.tr("The code of a project cannot be changed"))
        self.name_edit.setText(project.name)
        self.description_edit.setPlainText(project.description)
        self.start.set_value(project.period.first)
        self.end.set_value(project.period.last)
        self.name_edit.setFocus()

    # -- validation ------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What is wrong with the input, in words; empty when it can be saved."""
        found: list[str] = []
        code = self.code_edit.text()
        if self.project is None:
            if not code:
                found.append(self.tr("Enter a code."))
            elif not CODE_RE.match(code):
                found.append(
                    self.tr(
                        "The code may hold letters, digits, _ and - only (no spaces, at most 32 "
                        "characters) and must start with a letter or digit."
                    )
                )
            elif code.casefold() in self._existing:
                found.append(
                    self.tr('A project with the code "{0}" exists already.').format(
                        self._existing[code.casefold()]
                    )
                )
        if not self.name_edit.text().strip():
            found.append(self.tr("Enter a name."))
        first, last = self.start.value(), self.end.value()
        if first is not None and last is not None and last < first:
            found.append(
                self.tr("The end month {0} lies before the start month {1}.").format(last, first)
            )
        return found

    def _validate(self) -> None:
        found = self.problems()
        self.validation_label.setText("\n".join(found))
        self.validation_label.setVisible(bool(found))
        self.ok_button.setEnabled(not found)
        # The disabled button says why, for the mouse (tooltip) and for screen readers.
        self.ok_button.setToolTip("\n".join(found))
        self.ok_button.setAccessibleDescription(" ".join(found))

    # -- saving ----------------------------------------------------------------------------
    def checked_metrics(self) -> tuple[str, ...]:
        """Codes of the metrics checked in the list that the project does not log yet."""
        codes = []
        for row in range(self.metrics_list.count()):
            item = self.metrics_list.item(row)
            code = item.data(Qt.ItemDataRole.UserRole)
            if item.checkState() == Qt.CheckState.Checked and code not in self._tracked:
                codes.append(code)
        return tuple(codes)

    def accept(self) -> None:
        if self.problems():
            self._validate()
            return
        try:
            self._save()
        except DomainError as error:
            show_error(self, self.backend.message(error))
            return
        super().accept()

    def _save(self) -> None:
        period = Period(self.start.value(), self.end.value())
        name = self.name_edit.text().strip()
        description = self.description_edit.toPlainText().strip()
        if self.project is None:
            project = Project(self.code_edit.text(), name, period, description)
            self.backend.add_project(project, self.checked_metrics())
            return
        code = self.project.code
        fields = {"name": name, "description": description, "period": period}
        # One step, all or nothing: the project's fields and the metrics it now logs.
        self.backend.change_project(code, fields, tuple(self.checked_metrics()))
