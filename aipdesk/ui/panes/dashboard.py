"""Übersicht: every target with Soll, Ist, Zielerreichung and status; below it the chart
and, on a tab beside it, the Meldestand (project × month)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.model import Status
from aipdesk.domain.money import format_cents
from aipdesk.domain.reporting import Holdup
from aipdesk.services.base import Changes
from aipdesk.services.reporting_matrix import ReportingMatrix, reporting_matrix
from aipdesk.services.results import Snapshot, StatusRow
from aipdesk.ui.backend import Backend
from aipdesk.ui.chart import ProgressChart
from aipdesk.ui.clipboard import install_copy
from aipdesk.ui.common import ItemRole, SortRole, fmt, month_label, status_text
from aipdesk.ui.models.status_model import COL_METRIC, COL_PROJECT, StatusModel
from aipdesk.ui.month_close import MonthClose
from aipdesk.ui.panes.reporting_view import ReportingMatrixView
from aipdesk.ui.panes.welcome import WelcomePanel, is_empty


def _namer(snapshot: Snapshot) -> Callable[[Holdup], str]:
    """How the report month's explanation names a target that holds it back: "project
    (metric)" of a target shown, else the project's code. Looked up in the catalogue
    the figures were computed from, or else (figures from the start-up cache) in the
    status rows, only when a name is asked for."""
    catalog = snapshot.catalog
    names: dict[tuple[str, str], str] = {}

    def name(held: Holdup) -> str:
        pair = (held.project, held.metric)
        if catalog is not None:
            project, metric = catalog.projects.get(pair[0]), catalog.metrics.get(pair[1])
            if project is not None and metric is not None:
                return f"{project.name} ({metric.name})"
            return held.project
        if not names:
            names.update(
                {
                    (r.project.code, r.metric.code): f"{r.project.name} ({r.metric.name})"
                    for r in snapshot.status.rows
                }
            )
        return names.get(pair, held.project)

    return name


class DashboardPane(QWidget):
    chart_requested = Signal()  # a target was double-clicked

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPane")
        self.backend = backend
        self.snapshot: Snapshot | None = None
        self._selected: tuple[str, str] | None = None

        self.reporting = QLabel(self)
        self.reporting.setObjectName("reportingStrip")
        self.reporting.setWordWrap(True)
        self.reporting.setTextFormat(Qt.TextFormat.PlainText)
        self.reporting.setAccessibleName(self.tr("Reporting status"))
        self.reporting.setFrameShape(QLabel.Shape.StyledPanel)
        self.reporting.setMargin(6)

        # The budget of the Eingliederungstitel beside the targets: its total in one line.
        self.budget_summary = QLabel(self)
        self.budget_summary.setObjectName("budgetSummary")
        self.budget_summary.setWordWrap(True)
        self.budget_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.budget_summary.setAccessibleName(self.tr("Budget"))
        self.budget_summary.setMargin(2)
        self.budget_summary.hide()

        self.model = StatusModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("dashboardTable")
        self.table.setAccessibleName(self.tr("Targets and progress"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # catalogue order first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        install_copy(self.table)  # Ctrl+C: the selected row as tab-separated text

        # pyqtgraph is loaded for the first chart, after the figures (see _refresh_chart).
        self.chart = ProgressChart(self, preload=False)
        # The Meldestand on a tab beside the chart: it never takes the table's height.
        self.matrix = ReportingMatrixView(self)
        self.matrix.closer = MonthClose(backend, self)
        self.below = QTabWidget(self)
        self.below.setObjectName("dashboardTabs")
        self.below.setDocumentMode(True)
        self.below.addTab(self.chart, self.tr("Progress"))
        self.below.addTab(self.matrix, self.tr("Reporting status"))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("dashboardSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.below)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # The first start: three steps to the first report, while nothing is logged.
        self.welcome = WelcomePanel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.welcome)
        layout.addWidget(self.reporting)
        layout.addWidget(self.budget_summary)
        layout.addWidget(self.splitter, 1)
        self._sized = False

    # -- feeding ---------------------------------------------------------------------------
    def set_snapshot(self, snapshot: Snapshot, changes: Changes | None = None) -> None:
        self.snapshot = snapshot
        self.model.set_rows(snapshot.status.rows)
        self.welcome.setVisible(is_empty(snapshot))
        matrix = reporting_matrix(snapshot)
        self.matrix.set_matrix(matrix, snapshot.closing)
        title = self._matrix_title(matrix)
        if self.below.tabText(1) != title:  # a new title lays out the whole pane again
            self.below.setTabText(1, title)
        self.reporting.setText(self._reporting_text(snapshot, matrix))
        summary = self._budget_text(snapshot)
        self.budget_summary.setText(summary)
        self.budget_summary.setVisible(bool(summary))
        if not self._sized and self.model.rowCount():
            self._size_table()
        if self._selected is None and self.model.rowCount():
            rows = [self.model.row_at(n) for n in range(self.model.rowCount())]
            first = next((r for r in rows if r.target.value is not None), rows[0])
            self.select(*self._key(first))
        elif changes is None or self._chart_concerned(changes):
            self._refresh_chart()

    def clear(self) -> None:
        """Nothing shown (the database could not be read)."""
        self.snapshot = None
        self._selected = None
        self.model.set_rows(())
        self.reporting.clear()
        self.budget_summary.clear()
        self.budget_summary.hide()
        self.matrix.set_matrix(None)
        self.below.setTabText(1, self.tr("Reporting status"))
        self.chart.set_data(None)

    def _chart_concerned(self, changes: Changes) -> bool:
        """Whether a change can move the chart shown: anything of the charted project."""
        if self._selected is None or changes.projects or changes.metrics:
            return True
        project = self._selected[0]
        return any(p == project for p, _, _ in changes.values) or any(
            p == project for p, _ in changes.targets
        )

    def _size_table(self) -> None:
        """Columns to their contents; the table as tall as its rows, the chart the rest."""
        self._sized = True
        # Numbers as wide as their values or the longest line of their header, so that
        # the project and metric names get what is left.
        header = self.table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column in range(self.model.columnCount()):
            if column in (COL_PROJECT, COL_METRIC):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            head = max(metrics.horizontalAdvance(line) for line in title.split("\n")) + 18
            self.table.setColumnWidth(column, max(self.table.sizeHintForColumn(column), head))
        # The table as tall as its rows, but never more than half: the chart keeps at
        # least half of the splitter (a third of the window at 1366×768).
        rows = self.table.verticalHeader().length() + self.table.horizontalHeader().height()
        wanted = rows + 2 * self.table.frameWidth() + 4
        total = sum(self.splitter.sizes()) or self.height()
        table = min(wanted, total // 2)
        self.splitter.setSizes([table, total - table])

    def _reporting_text(self, snapshot: Snapshot, matrix: ReportingMatrix) -> str:
        """Why the report month is the one it is; in one line, who has not logged (the
        months themselves are in the matrix)."""
        upto = month_label(snapshot.report_month)
        choice = snapshot.status.choice
        if choice is not None:
            why = self.tr("Report month {0} – {1}.").format(
                upto,
                # The strip stays a line or two: with hundreds of projects behind, the
                # first few are named and the rest counted (the matrix lists them all).
                choice.explain(self.backend.lang, _namer(snapshot), month_label, limit=3),
            )
        else:
            why = self.tr("Report month {0}, as chosen.").format(upto)
        behind = [row for row in matrix.rows if row.reported < row.due]
        if not behind:
            status = self.tr(
                "Reporting status up to {0}: every project has logged every month."
            ).format(upto)
        else:
            shown = [f"{row.project.name} ({row.due - row.reported})" for row in behind[:3]]
            if len(behind) > 3:
                shown.append(self.tr("{0} more").format(len(behind) - 3))
            status = self.tr(
                "Reporting status up to {0}: {1} of {2} projects complete; months missing: "
                "{3} – see the tab Reporting status."
            ).format(upto, len(matrix.rows) - len(behind), len(matrix.rows), ", ".join(shown))
        return f"{why}\n{status}"

    def _budget_text(self, snapshot: Snapshot) -> str:
        """The budget's total: spent of plan, committed, forecast, status ("" without)."""
        budget = snapshot.budget
        if budget is None or not budget.report.rows:
            return ""
        total = budget.report.rows[0]
        lang = self.backend.lang

        def money(cents: int | None) -> str:
            return "–" if cents is None else format_cents(cents, lang, symbol=True)

        return self.tr(
            "Budget {0} up to {1}: {2} of {3} spent ({4}), committed {5} ({6}), forecast {7} – {8}"
        ).format(
            total.code,
            month_label(budget.report.report_month),
            money(total.spent_to_date),
            money(total.plan),
            fmt().percent(total.ausgabequote_pct),
            money(total.committed),
            fmt().percent(total.bindungsquote_pct),
            money(total.forecast),
            status_text(Status(total.status)),
        )

    def _matrix_title(self, matrix: ReportingMatrix) -> str:
        reported, due = matrix.total()
        if reported == due:
            return self.tr("Reporting status ✓")
        if due - reported == 1:
            return self.tr("Reporting status (1 missing)")
        return self.tr("Reporting status ({0} missing)").format(due - reported)

    # -- selection and chart ------------------------------------------------------------------
    @staticmethod
    def _key(row: StatusRow) -> tuple[str, str]:
        return (row.project.code, row.metric.code)

    def select(self, project: str, metric: str) -> bool:
        """Select the row of (project, metric) and show its chart."""
        for number in range(self.proxy.rowCount()):
            row = self.proxy.index(number, COL_PROJECT).data(ItemRole)
            if self._key(row) == (project, metric):
                self.table.selectionModel().setCurrentIndex(
                    self.proxy.index(number, COL_PROJECT),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ItemRole) if current.isValid() else None
        self._selected = self._key(row) if row else None
        self._refresh_chart()

    def _refresh_chart(self) -> None:
        if self.snapshot is None or self._selected is None:
            self.chart.set_data(None)
            return
        if not self.backend.is_open:  # figures from the start-up cache: the chart follows
            self.chart.show_loading()
            return
        # The first chart waits until the table's figures are on screen (defer): building
        # it imports pyqtgraph, a third of a second. Later ones are drawn at once.
        snap = self.snapshot
        data = self.backend.chart(*self._selected, snap.year, snap.report_month, snap)
        if data is not None and data == self.chart.data:
            return  # the write did not change what the chart draws
        self.chart.set_data(data, defer=True)

    def _double_clicked(self, index: QModelIndex) -> None:
        self.below.setCurrentWidget(self.chart)
        self._row_changed(index, QModelIndex())
        self.chart.setFocus()
        self.chart_requested.emit()
