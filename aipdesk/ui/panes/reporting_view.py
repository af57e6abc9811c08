"""The dashboard's Meldestand: the project × month matrix in a sortable table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from aipdesk.services.reporting_matrix import ReportingMatrix
from aipdesk.ui.clipboard import install_copy
from aipdesk.ui.common import SortRole
from aipdesk.ui.models.reporting_model import (
    COL_PROJECT,
    COL_TIMELY,
    COL_TOTAL,
    COLUMNS,
    ReportingModel,
    month_of,
)


class ReportingMatrixView(QTableView):
    """`reportingMatrix`: fed with a `ReportingMatrix`, sorted by the proxy on `SortRole`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportingMatrix")
        self.setAccessibleName(self.tr("Reporting status by project and month"))
        self.model_ = ReportingModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model_)
        self.proxy.setSortRole(SortRole)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # catalogue order first
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_PROJECT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        install_copy(self)
        # The columns are fitted when other rows come (a year, the catalogue), not after
        # every edit: the total's size hint looks at every row of a hidden table.
        self._fitted = False
        self.model_.modelReset.connect(self._refit)
        self.closer: Any = None  # a MonthClose, given by the pane that owns the backend

    def _refit(self) -> None:
        self._fitted = False

    def set_matrix(self, matrix: ReportingMatrix | None, closing: Any = None) -> None:
        self.model_.set_matrix(matrix, closing)
        if self._fitted:
            return
        self._fitted = True
        # Months as narrow as "12/12" (their totals), the total as wide as "12 of 12":
        # the project names get the rest.
        metrics = self.fontMetrics()
        month = metrics.horizontalAdvance("00/00") + 18
        for column in range(COLUMNS):
            if column in (COL_TOTAL, COL_TIMELY):
                total = metrics.horizontalAdvance(self.model_.of_text(12, 12)) + 18
                self.setColumnWidth(column, max(total, self.sizeHintForColumn(column)))
            elif column != COL_PROJECT:
                self.setColumnWidth(column, month)

    # -- the monthly close from the context menu ----------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The menu of the clicked cell (mouse), or of the current cell (menu key)."""
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
            position = event.globalPos()
        else:
            index = self.currentIndex()
            position = self.viewport().mapToGlobal(self.visualRect(index).center())
        self.month_menu(index, position)

    def month_menu(self, index: Any, position: QPoint) -> QMenu | None:
        """The report / approve / reopen actions of the cell at `index` (of the view)."""
        if self.closer is None or not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        month = month_of(source.column())
        matrix = self.model_.matrix
        if month is None or matrix is None:
            return None
        row = self.model_.row_at(source.row())
        close = self.model_.closing_of(row, month)
        if close is None:  # outside the project's period
            return None
        self.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setObjectName("matrixContextMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.closer.add_to(menu, row.project, matrix.months[month], close.state)
        menu.addSeparator()
        self.closer.add_deadline(menu, matrix.months[month], close.due)
        menu.popup(position)
        return menu
