"""The table and cell editor of the entry grids, keyed like a spreadsheet.

Enter stores and moves down, Tab right; a value the rules refuse keeps the editor open
with what was typed and says why beside it. Delete clears the selection, Ctrl+C copies
it, Ctrl+V pastes; the Menu key and Shift+F10 open the menu of the current cell.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPolygon,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from aipdesk.ui.clipboard import copy_selection
from aipdesk.ui.models.grid_model import NoteRole

Index = QModelIndex | QPersistentModelIndex
_MOVES = {
    Qt.Key.Key_Tab: QStyledItemDelegate.EndEditHint.EditNextItem,
    Qt.Key.Key_Backtab: QStyledItemDelegate.EndEditHint.EditPreviousItem,
    Qt.Key.Key_Return: QStyledItemDelegate.EndEditHint.NoHint,
    Qt.Key.Key_Enter: QStyledItemDelegate.EndEditHint.NoHint,
}


class CellDelegate(QStyledItemDelegate):
    """Number editor for month cells; Enter commits and moves down; notes get a corner mark.

    `refusal` tells, right after a commit, why the value just typed was not stored
    (None: it was, or nothing changed): the editor then stays open.
    """

    move_down = Signal()

    def __init__(self, view: QTableView, refusal: Callable[[], str | None]) -> None:
        super().__init__(view)
        self._refusal = refusal
        self.message = QLabel(view.viewport())
        self.message.setObjectName("cellMessage")
        self.message.setWordWrap(True)
        self.message.setFrameShape(QFrame.Shape.Box)
        self.message.setAutoFillBackground(True)
        self.message.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.message.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.message.setMargin(4)
        self.message.hide()
        self.closeEditor.connect(self.hide_message)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("cellEditor")
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setAccessibleName(str(index.data(Qt.ItemDataRole.AccessibleTextRole) or ""))
        editor.destroyed.connect(self.hide_message)
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(editor, QLineEdit)
        ):
            key = event.key()
            if key in _MOVES:
                self.commitData.emit(editor)
                refused = self._refusal()
                if refused:
                    self.show_message(editor, refused)
                    return True
                self.closeEditor.emit(editor, _MOVES[Qt.Key(key)])
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.move_down.emit()
                return True
        return super().eventFilter(editor, event)

    def show_message(self, editor: QLineEdit, text: str) -> None:
        """Say beside the open editor why its value was refused; the text stays to be
        corrected (selected, so that typing replaces it)."""
        self.message.setText("⚠ " + text)
        self.message.setAccessibleName(text)
        viewport = self.message.parentWidget()
        assert viewport is not None
        width = max(editor.width() * 3, editor.fontMetrics().averageCharWidth() * 40)
        width = min(width, viewport.width())
        self.message.setFixedWidth(width)
        self.message.adjustSize()
        place = editor.geometry()
        x = min(place.left(), max(0, viewport.width() - width))
        y = place.bottom() + 2
        if y + self.message.height() > viewport.height():
            y = max(0, place.top() - self.message.height() - 2)
        self.message.move(x, y)
        self.message.show()
        self.message.raise_()
        editor.selectAll()
        editor.setToolTip(text)

    def hide_message(self) -> None:
        self.message.hide()

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
    """Keyboard entry like a spreadsheet: Return moves down, Delete clears, Ctrl+C copies,
    Ctrl+V pastes, the Menu key (or Shift+F10) opens the current cell's menu."""

    clear_requested = Signal(list)  # of QModelIndex
    paste_requested = Signal()
    menu_requested = Signal(QModelIndex, QPoint)  # the cell, where the menu goes (global)

    def __init__(self, parent: QWidget, refusal: Callable[[], str | None]) -> None:
        """`refusal`: why the value just typed was not stored (see CellDelegate)."""
        super().__init__(parent)
        self.delegate = CellDelegate(self, refusal)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.delegate.move_down.connect(self.move_down)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            key, modifiers = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_down()
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                copy_selection(self)
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_requested.emit()
                return
            if key == Qt.Key.Key_Menu or (
                key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier
            ):
                self.menu_at_current()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
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

    def event(self, event: QEvent) -> bool:
        # Ctrl+C and Ctrl+V belong to the grid, not to a shortcut of the window.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self.state() != QAbstractItemView.State.EditingState
            and (
                event.matches(QKeySequence.StandardKey.Copy)
                or event.matches(QKeySequence.StandardKey.Paste)
            )
        ):
            event.accept()
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
            if index.isValid():
                self.menu_requested.emit(index, event.globalPos())
            return
        self.menu_at_current()  # the keyboard's menu: at the current cell, not the pointer

    def menu_at_current(self) -> None:
        index = self.currentIndex()
        if not index.isValid():
            return
        self.scrollTo(index)
        rect = self.visualRect(index)
        self.menu_requested.emit(index, self.viewport().mapToGlobal(rect.bottomLeft()))

    def move_down(self) -> None:
        current = self.currentIndex()
        model = self.model()
        if current.isValid() and current.row() + 1 < model.rowCount():
            self.setCurrentIndex(model.index(current.row() + 1, current.column()))
