"""The dashboard's Meldestand: the project × month matrix in a sortable table."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from aipdesk.services.reporting_matrix import ReportingMatrix
from aipdesk.ui.clipboard import install_copy
from aipdesk.ui.common import SortRole
from aipdesk.ui.models.reporting_model import COL_PROJECT, COL_TOTAL, COLUMNS, ReportingModel


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

    def set_matrix(self, matrix: ReportingMatrix | None) -> None:
        self.model_.set_matrix(matrix)
        width = self.fontMetrics().horizontalAdvance("10 of 12") + 16
        for column in range(COLUMNS):
            if column == COL_PROJECT:
                continue
            if column == COL_TOTAL:
                self.setColumnWidth(column, max(width, self.sizeHintForColumn(column)))
            else:
                self.setColumnWidth(column, self.fontMetrics().horizontalAdvance("Mmm 00/00") + 8)
