"""Ctrl+C on any table of the window: the selected block as tab-separated text.

The cells are copied as shown (German numbers, "1.234"), rows by line and cells by
tab, so that Excel, LibreOffice and aipdesk's own grids take them back; a selection
that is not a rectangle is copied as the rectangle of its rows and columns, its other
cells empty (rows and columns without a selected cell are left out, as spreadsheets
join such selections). `install_copy(view)` wires Ctrl+C into a view that has no other use for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication

from aipdesk.domain.table_text import table_text


def selection_text(view: QAbstractItemView) -> str:
    """The selected cells of `view` (else its current cell) as tab-separated text."""
    model, selection = view.model(), view.selectionModel()
    indexes = selection.selectedIndexes() if selection is not None else []
    if not indexes and view.currentIndex().isValid():
        indexes = [view.currentIndex()]
    if model is None or not indexes:
        return ""
    header = getattr(view, "horizontalHeader", lambda: None)()
    hidden_row = getattr(view, "isRowHidden", lambda _row: False)
    hidden_column = getattr(view, "isColumnHidden", lambda _column: False)
    texts = {(i.row(), i.column()): i.data(Qt.ItemDataRole.DisplayRole) for i in indexes}
    rows = sorted({r for r, _ in texts if not hidden_row(r)})
    columns = sorted(
        {c for _, c in texts if not hidden_column(c)},
        key=lambda c: header.visualIndex(c) if header is not None else c,
    )
    return table_text(
        ["" if texts.get((r, c)) is None else str(texts[(r, c)]) for c in columns] for r in rows
    )


def copy_selection(view: QAbstractItemView) -> str:
    """Put the selection of `view` on the clipboard; returns the text copied."""
    text = selection_text(view)
    if text:
        clipboard = QApplication.clipboard()
        clipboard.setText(text)
    return text


class _CopyKey(QObject):
    """Ctrl+C on the view copies its selection, not only the current cell (Qt's own)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Copy)
            and isinstance(watched, QAbstractItemView)
            and watched.state() != QAbstractItemView.State.EditingState
        ):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                copy_selection(watched)
            return True
        return False


def install_copy(view: QAbstractItemView) -> None:
    """Ctrl+C copies the selection of `view` as tab-separated text."""
    copier = _CopyKey(view)
    copier.setObjectName("copyKey")
    view.installEventFilter(copier)
