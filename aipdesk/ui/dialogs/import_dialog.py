"""Preview of an import (or a merge): what is new, changed, unchanged, in conflict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.model import Status
from aipdesk.services.batch import Kind, Plan, PlanItem
from aipdesk.ui.common import fmt, ok_cancel, status_color

ORDER = {Kind.CONFLICT: 0, Kind.CHANGED: 1, Kind.NEW: 2, Kind.UNCHANGED: 3}


class ImportPreviewDialog(QDialog):
    """Lists every value of the file against the database before anything is written."""

    def __init__(self, plan: Plan, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Import preview"))
        self.plan = plan
        counts = plan.counts()
        summary = QLabel(
            self.tr(
                "{source}: {new} new, {changed} changed, {unchanged} unchanged, "
                "{conflicts} in conflict. Nothing is stored before you confirm."
            ).format(
                source=source,
                new=counts[Kind.NEW],
                changed=counts[Kind.CHANGED],
                unchanged=counts[Kind.UNCHANGED],
                conflicts=counts[Kind.CONFLICT],
            ),
            self,
        )
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("importTable")
        self.table.setAccessibleName(self.tr("Values of the file"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Project"),
                self.tr("Metric"),
                self.tr("Month"),
                self.tr("File"),
                self.tr("Database"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        items = sorted(plan.items, key=lambda i: (ORDER[i.kind], i.incoming.key()))
        shown = [i for i in items if i.kind is not Kind.UNCHANGED]
        self.table.setRowCount(len(shown))
        for row, item in enumerate(shown):
            self._fill(row, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.skip = QCheckBox(self.tr("&Keep the database's value where it conflicts"), self)
        self.skip.setObjectName("skipConflicts")
        self.skip.setChecked(True)
        self.skip.setVisible(bool(counts[Kind.CONFLICT]))
        conflict_hint = QLabel(
            self.tr(
                "A conflict is a value that was changed in the database after the file was made."
            ),
            self,
        )
        conflict_hint.setWordWrap(True)
        conflict_hint.setVisible(bool(counts[Kind.CONFLICT]))
        self.buttons, self.ok_button = ok_cancel(self)
        self.ok_button.setText(self.tr("&Store"))
        self.ok_button.setEnabled(
            bool(counts[Kind.NEW] + counts[Kind.CHANGED] + counts[Kind.CONFLICT])
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        for widget in (summary, self.table, conflict_hint, self.skip, self.buttons):
            layout.addWidget(widget)
        self.resize(820, 520)

    def _fill(self, row: int, item: PlanItem) -> None:
        kind = {
            Kind.NEW: self.tr("new"),
            Kind.CHANGED: self.tr("changed"),
            Kind.UNCHANGED: self.tr("unchanged"),
            Kind.CONFLICT: self.tr("conflict"),
        }
        incoming, stored = item.incoming, item.stored
        before = "–" if stored is None else fmt().number(stored.value)
        if stored is not None and item.kind is Kind.CONFLICT:
            when = fmt().timestamp(stored.updated_at) if stored.updated_at else ""
            before += " " + self.tr("({0}, {1})").format(stored.updated_by, when)
        texts = (
            kind[item.kind],
            incoming.project,
            incoming.metric,
            str(incoming.month),
            fmt().number(incoming.value),
            before,
        )
        for column, text in enumerate(texts):
            cell = QTableWidgetItem(text)
            if column >= 4:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if item.kind is Kind.CONFLICT:
                color = status_color(Status.RED)
                if color is not None:
                    cell.setBackground(QBrush(color))
            if incoming.where:
                cell.setToolTip(incoming.where)
            self.table.setItem(row, column, cell)

    def skip_conflicts(self) -> bool:
        return self.skip.isChecked()
