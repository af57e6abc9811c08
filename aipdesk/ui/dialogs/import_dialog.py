"""Preview of an import: what is new, changed, unchanged, in conflict.

However large the file, the preview summarises (`exchange.preview.summarise`): one
line per project and metric with its months and counts, and below it the first
values to decide on (conflicts, then changes and new values), not one line for
each of 100,000 values.
"""

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
from aipdesk.exchange.preview import Group, summarise
from aipdesk.services.batch import Kind, Plan, PlanItem
from aipdesk.ui.common import fmt, ok_cancel, status_color

LISTED = 50  # values listed one by one below the summary


class ImportPreviewDialog(QDialog):
    """Shows what the file would change, before anything is written: counts by project and
    metric, and the first values to store (conflicts first)."""

    def __init__(self, plan: Plan, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Import preview"))
        self.plan = plan
        preview = summarise(plan, LISTED)
        counts = preview.counts
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
        self.groups = self._table(
            "importGroups",
            self.tr("Values by project and metric"),
            [
                self.tr("Project"),
                self.tr("Metric"),
                self.tr("Months"),
                self.tr("new"),
                self.tr("changed"),
                self.tr("unchanged"),
                self.tr("conflict"),
            ],
        )
        self.groups.setRowCount(len(preview.groups))
        for row, group in enumerate(preview.groups):
            self._fill_group(row, group)
        listed = QLabel(
            self.tr("The first {0} values to store:").format(len(preview.listed))
            if not preview.more
            else self.tr("The first {0} values to store ({1} more are counted above):").format(
                len(preview.listed), preview.more
            ),
            self,
        )
        listed.setObjectName("importListed")
        listed.setVisible(bool(preview.listed))
        self.table = self._table(
            "importTable",
            self.tr("Values of the file"),
            [
                self.tr("Kind"),
                self.tr("Project"),
                self.tr("Metric"),
                self.tr("Month"),
                self.tr("File"),
                self.tr("Database"),
            ],
        )
        self.table.setRowCount(len(preview.listed))
        for row, item in enumerate(preview.listed):
            self._fill(row, item)
        self.table.setVisible(bool(preview.listed))
        implausible = QLabel(preview.implausible_text(fmt().lang), self)
        implausible.setObjectName("importImplausible")
        implausible.setWordWrap(True)
        implausible.setVisible(bool(preview.implausible_count))
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
        for widget in (
            summary,
            self.groups,
            listed,
            self.table,
            implausible,
            conflict_hint,
            self.skip,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.resize(820, 560)

    def _table(self, name: str, accessible: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setAccessibleName(accessible)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _fill_group(self, row: int, group: Group) -> None:
        texts = (
            group.project,
            group.metric,
            group.months,
            *(
                fmt().number(group.count(kind))
                for kind in (Kind.NEW, Kind.CHANGED, Kind.UNCHANGED, Kind.CONFLICT)
            ),
        )
        for column, text in enumerate(texts):
            cell = QTableWidgetItem(text)
            if column >= 3:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if group.conflicts:
                color = status_color(Status.RED)
                if color is not None:
                    cell.setBackground(QBrush(color))
            self.groups.setItem(row, column, cell)

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
