"""The list "Zur Klärung": values stored although implausible, until a coordinator has
checked them ("Geprüft"). Reached from the menu Bearbeiten (`actionReviews`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.errors import DomainError
from aipdesk.ui.common import fmt, show_refusal

if TYPE_CHECKING:
    from aipdesk.services.plausibility import Review
    from aipdesk.ui.backend import Backend
    from aipdesk.ui.main_window import MainWindow

ItemRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class ReviewsModel(QAbstractTableModel):
    """The entries "zur Klärung", fed by `set_rows`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Review] = []
        self._headers = [
            QCoreApplication.translate("Reviews", "Project"),
            QCoreApplication.translate("Reviews", "Metric"),
            QCoreApplication.translate("Reviews", "Month"),
            QCoreApplication.translate("Reviews", "Value"),
            QCoreApplication.translate("Reviews", "Reason"),
            QCoreApplication.translate("Reviews", "Stored by"),
            QCoreApplication.translate("Reviews", "On"),
        ]

    def set_rows(self, rows: Sequence[Review]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ItemRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        f = fmt()
        cells = (
            row.project_name,
            row.metric_name,
            f.month(row.month),
            f.number(row.value),
            row.reason,
            row.flagged_by,
            f.timestamp(row.flagged_at) if row.flagged_at else "",
        )
        return cells[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class ReviewsDialog(QDialog):
    """Lists the open entries; "Geprüft" marks the selected one checked (an operation,
    undoable like every other write)."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setObjectName("reviewsDialog")
        self.setWindowTitle(self.tr("For review"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Values stored although they lie far outside their series, until a "
                    "coordinator has checked them."
                ),
                self,
            )
        )
        self.model = ReviewsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("reviewsTable")
        self.table.setAccessibleName(self.tr("Values for review"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("Nothing to review."), self)
        self.empty.setObjectName("reviewsEmpty")
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.check = QPushButton(self.tr("&Checked"), self)
        self.check.setObjectName("reviewCheckButton")
        self.check.setToolTip(self.tr("Mark the selected value as checked"))
        buttons.addButton(self.check, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.check.clicked.connect(self.check_selected)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        backend.changed.connect(self._changed)
        self.resize(760, 360)
        self.reload()

    def reload(self) -> None:
        from aipdesk.services.plausibility import list_reviews

        db = self.backend.db
        rows = self.backend.runner.call(lambda: list_reviews(db))
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def _changed(self, changes: Any, _initiator: object = None) -> None:
        if changes.reviews:
            self.reload()

    def _update_buttons(self) -> None:
        self.check.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def check_selected(self) -> None:
        from aipdesk.services.plausibility import CheckReview

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        review: Review = rows[0].data(ItemRole)
        try:
            self.backend.execute(CheckReview(*review.key()), self)
        except DomainError as error:
            show_refusal(self, error, self.backend.lang)
            self.reload()


def add_reviews_action(window: MainWindow) -> QAction:
    """ "Zur Klärung…" in the menu Bearbeiten: opens the list."""
    action = QAction(QCoreApplication.translate("MainWindow", "For &review…"), window)
    action.setObjectName("actionReviews")
    tip = QCoreApplication.translate(
        "MainWindow", "Values stored although implausible, until they are checked"
    )
    action.setToolTip(tip)
    action.setStatusTip(tip)

    def show() -> None:
        if not window.backend.is_open:
            return
        dialog = ReviewsDialog(window.backend, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(show)
    edit = QCoreApplication.translate("MainWindow", "&Edit")
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu) and menu.title() == edit:
            menu.addSeparator()
            menu.addAction(action)
            break
    else:
        window.addAction(action)
    return action
