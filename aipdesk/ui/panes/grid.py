"""Integrationen and Weiterbildung: a spreadsheet-like grid of monthly values.

Type a number and it is stored at once through the services; Enter moves down,
Tab right, Delete clears; every edit is undoable. A note (Bemerkung) per cell is
shown as a tooltip and a corner marker.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPainter, QPolygon, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Area
from aipdesk.domain.months import Month
from aipdesk.domain.rules import parse_count
from aipdesk.services.base import Changes
from aipdesk.services.results import GridRow, Snapshot
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import ItemRole, month_label, show_error, show_refusal
from aipdesk.ui.dialogs.history_dialog import HistoryDialog
from aipdesk.ui.models.grid_model import (
    COL_METRIC,
    COL_PROJECT,
    FIRST_MONTH,
    GridModel,
    NoteRole,
    month_of,
)

Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """Number editor for month cells; Enter commits and moves down; notes get a corner mark."""

    move_down = Signal()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("cellEditor")
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setAccessibleName(str(index.data(Qt.ItemDataRole.AccessibleTextRole) or ""))
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            self.move_down.emit()
            return True
        return super().eventFilter(editor, event)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if index.data(NoteRole):
            rect = option.rect
            size = max(6, rect.height() // 4)
            corner = QPolygon(
                [
                    QPoint(rect.right() - size, rect.top()),
                    QPoint(rect.right(), rect.top()),
                    QPoint(rect.right(), rect.top() + size),
                ]
            )
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(option.palette.highlight())
            painter.drawPolygon(corner)
            painter.restore()


class GridView(QTableView):
    """Keyboard entry like a spreadsheet: Return moves down, Delete clears."""

    clear_requested = Signal(list)  # of QModelIndex

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_down()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                indexes = [
                    i for i in self.selectedIndexes() if i.flags() & Qt.ItemFlag.ItemIsEditable
                ]
                current = self.currentIndex()
                if not indexes and current.flags() & Qt.ItemFlag.ItemIsEditable:
                    indexes = [current]
                if indexes:
                    self.clear_requested.emit(indexes)
                return
        super().keyPressEvent(event)

    def move_down(self) -> None:
        current = self.currentIndex()
        model = self.model()
        if current.isValid() and current.row() + 1 < model.rowCount():
            self.setCurrentIndex(model.index(current.row() + 1, current.column()))


class GridPane(QWidget):
    """One entry grid per area: integrations (Integrationen) or training (Weiterbildung)."""

    def __init__(
        self, backend: Backend, undo_stack: QUndoStack, area: Area, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        if backend.undo_stack is None:  # a grid on its own: its stack is the backend's
            backend.undo_stack = undo_stack
        self.undo_stack = backend.undo_stack
        self.area = area
        name = "integrations" if area is Area.INTEGRATION else "training"
        self.setObjectName(f"{name}Pane")
        self.model = GridModel(self._write, self)
        self.view = GridView(self)
        self.view.setObjectName(f"{name}Table")
        self.view.setAccessibleName(
            self.tr("Monthly values")
            if area is Area.INTEGRATION
            else self.tr("Training entries per month")
        )
        self.view.setModel(self.model)
        self.delegate = CellDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.clear_requested.connect(self._clear)
        self.delegate.move_down.connect(self.view.move_down)

        self.hint = QLabel(self)
        self.hint.setObjectName(f"{name}Hint")
        self.hint.setWordWrap(True)
        self.hint.setText(
            self.tr(
                "Type a number to log it; Enter moves down, Tab right, Delete clears. "
                "Right-click a cell for its note and history. Grey cells lie outside the "
                "project period."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)

        self.action_note = QAction(self.tr("Edit &note…"), self)
        self.action_note.setObjectName(f"{name}ActionNote")
        self.action_note.setShortcut(QKeySequence("Shift+F2"))
        self.action_note.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action_note.triggered.connect(self.edit_note)
        self.action_history = QAction(self.tr("Show &history…"), self)
        self.action_history.setObjectName(f"{name}ActionHistory")
        self.action_history.setShortcut(QKeySequence("Ctrl+H"))
        self.action_history.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action_history.triggered.connect(self.show_history)
        self.action_clear = QAction(self.tr("&Clear value"), self)
        self.action_clear.setObjectName(f"{name}ActionClear")
        self.action_clear.triggered.connect(lambda: self._clear([self.view.currentIndex()]))
        self.view.addActions([self.action_note, self.action_history])
        self._sized = False

    # -- feeding ---------------------------------------------------------------------------
    def set_snapshot(self, snapshot: Snapshot, changes: Changes | None = None) -> None:
        self.model.read_only = self.backend.read_only
        self.hint.setVisible(not self.backend.read_only)  # it explains how to type values
        self.model.set_rows(snapshot.grids[self.area].rows)
        if not self._sized and self.model.rowCount():
            self._size_columns()

    def _size_columns(self) -> None:
        """Fit the months to their numbers and cap the name columns, so that the year,
        Summe, Zielwert and Zielerreichung fit a laptop screen without scrolling."""
        self._sized = True
        self.view.resizeColumnsToContents()
        metrics = self.view.fontMetrics()
        self.view.setColumnWidth(
            COL_PROJECT,
            min(self.view.columnWidth(COL_PROJECT), metrics.horizontalAdvance("M" * 18)),
        )
        # The metric names take what the numbers leave (their full text is the tooltip).
        self.view.horizontalHeader().setSectionResizeMode(
            COL_METRIC, QHeaderView.ResizeMode.Stretch
        )
        for column in range(FIRST_MONTH, self.model.columnCount()):
            self.view.setColumnWidth(
                column, max(self.view.columnWidth(column), metrics.horizontalAdvance("0.000") + 14)
            )

    # -- writes ------------------------------------------------------------------------------
    @staticmethod
    def _state(row: GridRow, month: Month) -> tuple[int, str | None] | None:
        offset = row.months.index(month)
        value = row.values[offset]
        return None if value is None else (value, row.notes[offset])

    def _write(self, row: GridRow, month: Month, text: str) -> bool:
        """Called by the model's setData with the typed text ("" clears the value)."""
        old = self._state(row, month)
        try:
            new = None if text == "" else (parse_count(text), old[1] if old else None)
        except DomainError as error:
            self._refused(error)
            return False
        return self._store({(row, month): new}, self._label(row, month, old, new))

    def _label(
        self,
        row: GridRow,
        month: Month,
        old: tuple[int, str | None] | None,
        new: tuple[int, str | None] | None,
    ) -> tuple[str, str]:
        """The undo step in words: "NeuStart Integrationen Mär 2021: 50 → 55"."""
        where = f"{row.project.name} {row.metric.name} {month_label(month)}"
        before = "–" if old is None else str(old[0])
        after = "–" if new is None else str(new[0])
        if old is not None and new is not None and old[0] == new[0]:
            return (f"Bemerkung {where}", f"Note {where}")
        return (f"{where}: {before} → {after}", f"{where}: {before} → {after}")

    def _store(
        self,
        cells: dict[tuple[GridRow, Month], tuple[int, str | None] | None],
        text: tuple[str, str],
    ) -> bool:
        """Store the cells as one operation and one undo step.

        The write hands back the versions of the values as shown, so that a value
        someone else has changed meanwhile is not overwritten unseen (the window then
        reloads).
        """
        wanted = {(*row.key(), month): state for (row, month), state in cells.items()}
        shown = {(*row.key(), month): row.versions[row.months.index(month)] for row, month in cells}
        try:
            self.backend.set_cells(wanted, shown, text, self)
        except DomainError as error:
            self._refused(error)
            return False
        return True

    def _refused(self, error: DomainError) -> None:
        show_refusal(self, error, self.backend.lang)

    def _clear(self, indexes: list[QModelIndex]) -> None:
        cells: list[tuple[GridRow, Month]] = []
        for index in indexes:
            offset = month_of(index.column())
            if offset is None or not index.flags() & Qt.ItemFlag.ItemIsEditable:
                continue
            row: GridRow = index.data(ItemRole)
            if row.values[offset] is not None:
                cells.append((row, row.months[offset]))
        if not cells:
            return
        if len(cells) == 1:
            row, month = cells[0]
            self._write(row, month, "")
            return
        count = len(cells)
        self._store(
            dict.fromkeys(cells),
            (f"{count} Werte löschen", f"Clear {count} values"),
        )

    def _current_cell(self) -> tuple[GridRow, Month] | None:
        index = self.view.currentIndex()
        month = month_of(index.column()) if index.isValid() else None
        if month is None:
            return None
        return self.model.row_at(index.row()), self.model.row_at(index.row()).months[month]

    def edit_note(self) -> None:
        """Ask for the note (Bemerkung) of the current cell and store it with the value."""
        cell = self._current_cell()
        if cell is None:
            return
        row, month = cell
        state = self._state(row, month)
        if state is None:
            show_error(
                self,
                self.tr("Log a value first: a note belongs to a monthly value."),
                self.tr("No value"),
            )
            return
        note, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Note"),
            self.tr("Note on {0} · {1} · {2}:").format(row.project.name, row.metric.name, month),
            state[1] or "",
        )
        if ok:
            self.set_note(row, month, note.strip())

    def set_note(self, row: GridRow, month: Month, note: str) -> None:
        old = self._state(row, month)
        assert old is not None
        new = (old[0], note or None)
        self._store({(row, month): new}, self._label(row, month, old, new))

    def show_history(self) -> None:
        cell = self._current_cell()
        if cell is None or not self.backend.is_open:  # not yet: figures from the cache
            return
        row, month = cell
        dialog = HistoryDialog(
            self.backend.history(*row.key(), month),
            f"{row.project.name} · {row.metric.name} · {month}",
            self,
        )
        dialog.open()

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid() or month_of(index.column()) is None:
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setObjectName("gridContextMenu")
        editable = bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
        has_value = index.data(Qt.ItemDataRole.UserRole) is not None
        self.action_note.setEnabled(editable and has_value)
        self.action_clear.setEnabled(editable and has_value)
        menu.addAction(self.action_note)
        menu.addAction(self.action_clear)
        menu.addSeparator()
        menu.addAction(self.action_history)
        menu.popup(self.view.viewport().mapToGlobal(position))
