"""The Targets pane: the year's Zielwerte with period and plan curve, edited in place.

The pane only calls the Backend. A write is shown once the main window hands the
next snapshot to `set_snapshot` (it does so on every `Backend.changed`).
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import MetricKind, Target
from aipdesk.domain.months import Month
from aipdesk.domain.progress import elapsed_months
from aipdesk.domain.rules import parse_number
from aipdesk.services.base import Changes
from aipdesk.services.results import Snapshot
from aipdesk.ui.backend import Backend
from aipdesk.ui.clipboard import install_copy
from aipdesk.ui.common import (
    SortRole,
    month_label,
    muted,
    number_text,
    show_error,
    show_refusal,
)
from aipdesk.ui.dialogs.copy_targets_dialog import CopyTargetsDialog
from aipdesk.ui.dialogs.target_dialog import TargetDialog
from aipdesk.ui.dialogs.weights_dialog import WeightsDialog
from aipdesk.ui.models.targets_model import (
    COL_CURVE,
    COL_METRIC,
    COL_PERIOD,
    COL_PROJECT,
    COL_VALUE,
    Key,
    TargetEntry,
    TargetsModel,
    value_text,
)
from aipdesk.ui.plan_preview import PlanPreview, plan_line


class TargetsTable(QTableView):
    """F2 or a digit anywhere in a row edits the row's Zielwert, as in a spreadsheet."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        text = event.text()
        starts_edit = event.key() == Qt.Key.Key_F2 or (
            len(text) == 1
            and (text.isdigit() or text in "-,.")
            and not event.modifiers()
            & (
                Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier
            )
        )
        if (
            starts_edit
            and self.state() != QAbstractItemView.State.EditingState
            and current.isValid()
            and current.column() != COL_VALUE
        ):
            self.selectionModel().setCurrentIndex(
                current.siblingAtColumn(COL_VALUE), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        super().keyPressEvent(event)


class TargetsPane(QWidget):
    """The targets of the shown year: edit values in place, add, remove, copy, plan curves."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetsPane")
        self.backend = backend
        self.snapshot: Snapshot | None = None
        self._wanted: Key | None = None  # select this target after the next refresh

        self.model = TargetsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setObjectName("targetsProxy")
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = self._make_table()
        self._make_buttons()
        self.preview = PlanPreview(self)
        self.preview.setObjectName("targetPreview")
        self.caption = QLabel(self)
        self.caption.setObjectName("previewCaption")
        self.caption.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("targetsMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.hint = QLabel(
            self.tr(
                "To change a target value, select it and type a number or press F2; "
                "Enter stores it, Esc cancels."
            ),
            self,
        )
        self.hint.setObjectName("targetsHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {muted(self).name()}")
        self._lay_out()

        self.model.value_entered.connect(self._store_value)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)
        self._selection_changed()

    # -- construction ----------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = TargetsTable(self)
        table.setObjectName("targetsTable")
        table.setAccessibleName(self.tr("Targets of the year"))
        table.setAccessibleDescription(
            self.tr(
                "F2 or typing changes the target value, Enter stores it; Enter on the plan "
                "curve edits it; Delete removes the target."
            )
        )
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows may be selected to copy them (Ctrl+C); the buttons act on one.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        # Rows follow the font (150 % text still fits); the table asks for its rows' height.
        table.verticalHeader().setDefaultSectionSize(round(table.fontMetrics().height() * 1.6))
        table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        header = table.horizontalHeader()
        for column in (COL_PROJECT, COL_METRIC):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (COL_PERIOD, COL_VALUE, COL_CURVE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setSortingEnabled(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the catalogue's order
        remove = QAction(self.tr("Remove target"), table)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_target)
        table.addAction(remove)
        self.remove_action = remove
        install_copy(table)
        return table

    def _make_buttons(self) -> None:
        def button(name: str, text: str, accessible: str, slot: Any) -> QPushButton:
            widget = QPushButton(text, self)
            widget.setObjectName(name)
            widget.setAccessibleName(accessible)
            widget.setToolTip(accessible)
            widget.clicked.connect(slot)
            return widget

        self.new_button = button(
            "newTargetButton", self.tr("&New target…"), self.tr("New target"), self.new_target
        )
        self.edit_button = button(
            "editTargetButton",
            self.tr("C&hange…"),
            self.tr("Change the selected target: period, value, planned change rate"),
            self.edit_target,
        )
        self.curve_button = button(
            "editCurveButton",
            self.tr("Edit plan &curve…"),
            self.tr("Edit the plan curve of the selected target"),
            self.edit_curve,
        )
        self.remove_button = button(
            "removeTargetButton",
            self.tr("&Remove target"),
            self.tr("Remove the selected target"),
            self.remove_target,
        )
        self.copy_button = button(
            "copyTargetsButton",
            self.tr("Copy targets to ne&xt year"),
            self.tr("Copy the calendar-year targets to the next year"),
            self.copy_targets,
        )

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for widget in (self.new_button, self.edit_button, self.curve_button, self.remove_button):
            buttons.addWidget(widget)
        buttons.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.copy_button)
        box = QGroupBox(self.tr("Soll line of the selected target"), self)
        box.setObjectName("previewBox")
        inside = QVBoxLayout(box)
        inside.addWidget(self.caption)
        inside.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    # -- data ------------------------------------------------------------------------------
    def set_snapshot(self, snapshot: Snapshot, changes: Changes | None = None) -> None:
        """Show the targets of `snapshot`; the selected target stays selected."""
        shown = self.snapshot
        unchanged = (
            changes is not None
            and shown is not None
            and snapshot.year == shown.year
            and not (changes.targets or changes.projects or changes.metrics)
        )
        if unchanged and not self._wanted and shown and shown.report_month == snapshot.report_month:
            self.snapshot = snapshot  # values only: the targets, Soll lines and captions stay
            return
        key = self._wanted or self._selected_key()
        self._wanted = None
        self.snapshot = snapshot
        self.model.read_only = self.backend.read_only
        if not unchanged:
            projects = {p.code: p for p in snapshot.projects}
            self.model.set_rows(
                [
                    TargetEntry(t, projects[t.project], snapshot.metrics[t.metric])
                    for t in snapshot.targets
                    if t.project in projects and t.metric in snapshot.metrics
                ]
            )
        self.copy_button.setToolTip(
            self.tr("Copy the calendar-year targets of {0} to {1}").format(
                snapshot.year, snapshot.year + 1
            )
        )
        self.select(key)
        self._selection_changed()

    def selected(self) -> TargetEntry | None:
        """The one selected target (None when none or several are selected)."""
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            return None
        return self.model.entry(self.proxy.mapToSource(rows[0]).row())

    def _selected_key(self) -> Key | None:
        entry = self.selected()
        return entry.key() if entry else None

    def select(self, key: Key | None) -> None:
        """Select the target `key` (else the first row), the Zielwert cell current."""
        row = self.model.row_of(key) if key else None
        if row is None and self.model.rowCount() == 0:
            return
        source = self.model.index(row or 0, COL_VALUE)
        current = self.table.currentIndex()
        column = current.column() if current.isValid() else COL_VALUE
        index = self.proxy.mapFromSource(source).siblingAtColumn(column)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)

    def _selection_changed(self) -> None:
        entry = self.selected()
        writable = not self.backend.read_only
        for widget in (self.edit_button, self.curve_button, self.remove_button, self.remove_action):
            widget.setEnabled(entry is not None and writable)
        self.new_button.setEnabled(self.snapshot is not None and writable)
        self.copy_button.setEnabled(self.snapshot is not None and writable)
        if entry is None or self.snapshot is None:
            self.caption.clear()
            self.preview.clear()
            return
        self.preview.show_target(entry.metric, entry.target, self.snapshot.report_month)
        self.caption.setText(self._caption(entry, self.snapshot.report_month))

    def _caption(self, entry: TargetEntry, report_month: Month) -> str:
        target, metric = entry.target, entry.metric
        title = self.tr("{0} – {1}, {2} ({3} months)").format(
            entry.project.name, metric.name, target.period, target.months
        )
        if target.value is None:
            detail = self.tr("No target number yet: the line shows the planned share in %.")
        elif metric.kind is MetricKind.STOCK:
            detail = self.tr("Stock: the Soll is the target, {0}, in every month.").format(
                value_text(target.value, metric)
            )
        else:
            k = elapsed_months(target, report_month)
            soll = (plan_line(metric, target)[k - 1] or 0.0) if k else 0.0
            detail = self.tr("Soll by {0}: {1} of {2}.").format(
                month_label(report_month),
                number_text(soll, metric),
                value_text(target.value, metric),
            )
        return f"<b>{html.escape(title)}</b><br>{html.escape(detail)}"

    # -- writes ----------------------------------------------------------------------------
    def _store(self, target: Target) -> bool:
        """Store an edit of a shown target, handing back the version it was shown with."""
        try:
            self.backend.set_target(target, expected=target.version)
        except DomainError as error:
            self._refused(error)
            return False
        return True

    def _refused(self, error: DomainError) -> None:
        show_refusal(self, error, self.backend.lang)

    def _store_value(self, target: Target, text: str) -> None:
        try:
            value = parse_number(text) if text.strip() else None
        except DomainError as error:
            show_error(self, self.backend.message(error))
            return
        if value != target.value:
            self._wanted = (target.project, target.metric, target.first)
            self._store(replace(target, value=value))

    def new_target(self) -> None:
        if self.snapshot is None or self.backend.read_only:
            return
        entry = self.selected()
        dialog = TargetDialog(
            self.backend, self.snapshot, entry.target.project if entry else None, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done() -> None:  # stored by the dialog; the refresh may already have run
            target, year = dialog.target(), self.snapshot.year if self.snapshot else 0
            key = (target.project, target.metric, target.first)
            if self.model.row_of(key) is None:
                self._wanted = key
            else:
                self.select(key)
            text = self.tr("Target added: {0} – {1}, {2}.").format(
                dialog.project_combo.currentText(), dialog.metric_combo.currentText(), target.period
            )
            if not target.period.overlaps_year(year):
                text += " " + self.tr("Choose the year {0} to see it.").format(target.first.year)
            self._say(text)

        dialog.accepted.connect(done)
        dialog.open()

    def edit_target(self) -> TargetDialog | None:
        """Change the selected target in a dialog: period end, value, the planned change
        rate and, for a ratio, the planned mean of its denominator."""
        entry = self.selected()
        if entry is None or self.snapshot is None or self.backend.read_only:
            return None
        dialog = TargetDialog(self.backend, self.snapshot, parent=self, editing=entry.target)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._wanted = entry.key()
        dialog.open()
        return dialog

    def edit_curve(self) -> None:
        entry = self.selected()
        if entry is None or self.backend.read_only:
            return
        target = entry.target

        def history() -> tuple[float, ...] | str:
            try:
                return self.backend.history_weights(
                    target.project, target.metric, target.first, target.months
                )
            except DomainError as error:
                return self.backend.message(error)

        dialog = WeightsDialog(
            target, entry.metric, f"{entry.project.name} – {entry.metric.name}", self, history
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done() -> None:
            weights = dialog.weights()
            linear = max(weights) - min(weights) < 1e-9
            self._wanted = entry.key()
            self._store(replace(entry.target, weights=None if linear else weights))

        dialog.accepted.connect(done)
        dialog.open()

    def remove_target(self) -> None:
        entry = self.selected()
        if entry is None or self.backend.read_only:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove target"),
            self.tr("Remove the target of {0} – {1} for {2}? The monthly values stay.").format(
                entry.project.name, entry.metric.name, entry.target.period
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmRemove")
        box.setAccessibleName(self.tr("Confirm removal"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(answer: int) -> None:
            if answer != QMessageBox.StandardButton.Yes:
                return
            try:
                self.backend.clear_target(*entry.key(), expected=entry.target.version)
            except DomainError as error:
                self._refused(error)
                return
            self._say(
                self.tr("Target removed: {0} – {1}.").format(entry.project.name, entry.metric.name)
            )

        box.finished.connect(done)
        box.open()

    def copy_targets(self) -> CopyTargetsDialog | None:
        """Say what would be copied to the next year and what not (why); copy once the
        user agrees, as one undoable step."""
        if self.snapshot is None or self.backend.read_only:
            return None
        snapshot, year = self.snapshot, self.snapshot.year
        try:
            copies, skipped = self.backend.copy_plan(year)
        except DomainError as error:
            show_error(self, self.backend.message(error))
            return None
        projects = {p.code: p for p in snapshot.projects}
        dialog = CopyTargetsDialog(year, copies, skipped, projects, snapshot.metrics, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._copy(year))
        dialog.open()
        return dialog

    def _copy(self, year: int) -> None:
        try:
            changes = self.backend.copy_targets(year)
        except DomainError as error:
            show_error(self, self.backend.message(error))
            return
        count = len(changes.targets)
        if count:
            self._say(self.tr("Targets copied to {0}: {1}.").format(year + 1, count))
        else:
            self._say(self.tr("No targets copied: {0} already has all of them.").format(year + 1))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)

    def _activated(self, index: QModelIndex) -> None:
        if index.column() == COL_CURVE:
            self.edit_curve()
