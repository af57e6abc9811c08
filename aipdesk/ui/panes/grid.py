"""Integrationen and Weiterbildung: a spreadsheet-like grid of monthly values.

Type a number and it is stored at once through the services; Enter moves down,
Tab right, Delete clears; Ctrl+C copies the selection as tab-separated text and Ctrl+V
pastes such text (from Excel, LibreOffice or aipdesk) as one step, all cells or none.
Every edit is undoable. A note (Bemerkung) per cell is shown as a tooltip and a corner
marker; Shift+F2 edits it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.closing import MonthState
from aipdesk.domain.errors import DomainError
from aipdesk.domain.messages import Note
from aipdesk.domain.model import Area
from aipdesk.domain.months import Month
from aipdesk.domain.rules import parse_count
from aipdesk.domain.table_text import TableTextError, read_table_text
from aipdesk.services.base import Changes
from aipdesk.services.operation import told
from aipdesk.services.paste import PasteRefused, State, plan_paste
from aipdesk.services.results import Grid, GridRow, Snapshot
from aipdesk.ui.backend import Backend
from aipdesk.ui.clipboard import copy_selection
from aipdesk.ui.common import (
    CONFLICTS,
    ItemRole,
    month_label,
    refusal_text,
    show_error,
    show_refusal,
)
from aipdesk.ui.dialogs.history_dialog import HistoryDialog
from aipdesk.ui.dialogs.note_dialog import NoteDialog
from aipdesk.ui.dialogs.plausibility_dialog import IMPLAUSIBLE, ask_plausibility
from aipdesk.ui.models.grid_model import (
    COL_METRIC,
    COL_PROJECT,
    FIRST_MONTH,
    GridModel,
    month_of,
)
from aipdesk.ui.month_close import MonthClose
from aipdesk.ui.panes.grid_view import GridView
from aipdesk.ui.panes.paste_text import paste_refusal, table_text_refusal


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
        self._refusal: str | None = None  # why the value just typed was not stored
        self._closing: Any = {}  # the monthly close of the year shown (Snapshot.closing)
        self.closer = MonthClose(backend, self)
        self.model = GridModel(self._write, self)
        self.view = GridView(self, self._take_refusal)
        self.view.setObjectName(f"{name}Table")
        self.view.setAccessibleName(
            self.tr("Monthly values")
            if area is Area.INTEGRATION
            else self.tr("Training entries per month")
        )
        self.view.setModel(self.model)
        self.delegate = self.view.delegate
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.view.menu_requested.connect(self._context_menu)
        self.view.clear_requested.connect(self._clear)
        self.view.paste_requested.connect(self.paste)

        self.hint = QLabel(self)
        self.hint.setObjectName(f"{name}Hint")
        self.hint.setWordWrap(True)
        self.hint.setText(
            self.tr(
                "Type a number to log it; Enter moves down, Tab right, Delete clears, "
                "Ctrl+C copies, Ctrl+V pastes from a spreadsheet. Shift+F2 edits the note; "
                "right-click a cell (or press the menu key) for its note, history and the "
                "monthly close. Grey cells lie outside the project period or in an approved "
                "(locked) month."
            )
        )
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}Message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self._make_actions(name)
        self._sized = False
        self._grid: Grid | None = None  # the grid shown

    def _make_actions(self, name: str) -> None:
        def action(key: str, text: str, shortcut: QKeySequence | None = None) -> QAction:
            made = QAction(text, self)
            made.setObjectName(f"{name}Action{key}")
            if shortcut is not None:
                made.setShortcut(shortcut)
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            return made

        self.action_note = action("Note", self.tr("Edit &note…"), QKeySequence("Shift+F2"))
        self.action_note.triggered.connect(self.edit_note)
        self.action_history = action("History", self.tr("Show &history…"), QKeySequence("Ctrl+H"))
        self.action_history.triggered.connect(self.show_history)
        self.action_clear = action("Clear", self.tr("&Clear value"))
        self.action_clear.triggered.connect(lambda: self._clear([self.view.currentIndex()]))
        # Ctrl+C and Ctrl+V are keys of the view itself (GridView); shown in the menu.
        self.action_copy = action("Copy", self.tr("&Copy"))
        self.action_copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.action_copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.action_copy.triggered.connect(lambda: copy_selection(self.view))
        self.action_paste = action("Paste", self.tr("&Paste"))
        self.action_paste.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        self.action_paste.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.action_paste.triggered.connect(self.paste)
        self.view.addActions([self.action_note, self.action_history])

    # -- feeding ---------------------------------------------------------------------------
    def set_snapshot(self, snapshot: Snapshot, changes: Changes | None = None) -> None:
        self.model.read_only = self.backend.read_only
        self.hint.setVisible(not self.backend.read_only)  # it explains how to type values
        grid = snapshot.grids[self.area]
        if snapshot.closing is not self._closing:  # the monthly close read anew
            self._closing = snapshot.closing
            self.model.set_locked(
                frozenset(
                    (project, month.month - 1)
                    for (project, month), close in snapshot.closing.items()
                    if close.state is MonthState.APPROVED and month.year == snapshot.year
                )
            )
        if grid is self._grid:
            return  # a write elsewhere: the very same rows
        self._grid = grid
        self.model.set_rows(grid.rows)
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
        """Called by the model's setData with the typed text ("" clears the value).

        A refusal is said in the pane's message line and kept for the cell editor, which
        then stays open with the text (`CellDelegate`): no box takes the keyboard away."""
        old = self._state(row, month)
        try:
            new = None if text == "" else (parse_count(text), old[1] if old else None)
        except DomainError as error:
            self._refuse_typed(row, month, error)
            return False
        refused = self._store({(row, month): new}, self._label(row, month, old, new))
        if refused is not None and refused.code in IMPLAUSIBLE:
            return False  # the editor closes; a dialog asks for the note (`_store`)
        if refused is not None:
            self._refuse_typed(row, month, refused)
            return False
        self.message.clear()
        return True

    def _refuse_typed(self, row: GridRow, month: Month, error: DomainError) -> None:
        if error.code in CONFLICTS:
            # Someone else changed the cell: the window reloads, the editor closes over
            # the value now stored, and a box says whose it is.
            self._refused(error)
            return
        text = refusal_text(error, self.backend.lang)
        self._refusal = text
        self.say(f"⚠ {row.project.name} · {row.metric.name} · {month_label(month)}: {text}")

    def _take_refusal(self) -> str | None:
        refusal, self._refusal = self._refusal, None
        return refusal

    def say(self, text: str) -> None:
        self.message.setText(text)

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
        self, cells: dict[tuple[GridRow, Month], State], text: tuple[str, str]
    ) -> DomainError | None:
        """Store the cells as one operation and one undo step; the refusal, if any.

        The write hands back the versions of the values as shown, so that a value
        someone else has changed meanwhile is not overwritten unseen (the window then
        reloads).
        """
        wanted = {(*row.key(), month): state for (row, month), state in cells.items()}
        shown = {(*row.key(), month): row.versions[row.months.index(month)] for row, month in cells}
        try:
            self.backend.set_cells(wanted, shown, text, self, confirm=True)
        except DomainError as error:
            if error.code in IMPLAUSIBLE:
                ask_plausibility(self, error, self.backend.lang, wanted, shown, text)
            return error
        self.message.clear()  # what it said was about an earlier step
        return None

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
            text = self._label(row, month, self._state(row, month), None)
        else:
            text = told(Note.op_clear_values, count=len(cells))
        error = self._store(dict.fromkeys(cells), text)
        if error is not None:
            self._refused(error)

    # -- the clipboard -----------------------------------------------------------------------
    def _paste_target(self, height: int, width: int) -> tuple[int, int, int, int] | None:
        """Where a block goes: (row, column, height, width) from the top left of the
        selection; a single copied cell fills a selected rectangle."""
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes:
            return None
        top = min(i.row() for i in indexes)
        left = min(i.column() for i in indexes)
        rows = max(i.row() for i in indexes) - top + 1
        columns = max(i.column() for i in indexes) - left + 1
        if (height, width) == (1, 1) and len(indexes) == rows * columns:
            return top, left, rows, columns
        return top, left, height, width

    def paste(self) -> bool:
        """Paste the clipboard's tab-separated text at the selection as one undo step:
        every cell is checked first, and a single problem refuses all of it."""
        if self.backend.read_only:
            return False
        try:
            block = read_table_text(QApplication.clipboard().text())
        except TableTextError as error:
            show_error(self, table_text_refusal(error))
            return False
        target = self._paste_target(len(block), len(block[0]))
        if target is None:
            return False
        top, column, height, width = target
        if (height, width) != (len(block), len(block[0])):
            block = [[block[0][0]] * width for _ in range(height)]
        left = month_of(column)
        if left is None:
            show_error(self, self.tr("Select a month cell to paste into."))
            return False
        try:
            cells = plan_paste(self.model.rows(), top, left, block)
        except PasteRefused as problem:
            show_error(self, paste_refusal(problem, self.backend.lang))
            return False
        self._select_block(top, column, height, width)
        if not cells:
            self.say(self.tr("Pasted: nothing changed."))
            return True
        count = len(cells)
        refused = self._store(cells, told(Note.op_paste_values, count=count))
        if refused is not None:
            if refused.code not in IMPLAUSIBLE:  # else a dialog asks for a note
                self._refused(refused)
            return False
        self.say(self.tr("Pasted; values changed: {0}.").format(count))
        return True

    def _select_block(self, top: int, left: int, height: int, width: int) -> None:
        selection = QItemSelection(
            self.model.index(top, left), self.model.index(top + height - 1, left + width - 1)
        )
        self.view.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    # -- notes and history -------------------------------------------------------------------
    def _current_cell(self) -> tuple[GridRow, Month] | None:
        index = self.view.currentIndex()
        month = month_of(index.column()) if index.isValid() else None
        if month is None:
            return None
        return self.model.row_at(index.row()), self.model.row_at(index.row()).months[month]

    def edit_note(self) -> NoteDialog | None:
        """The note (Bemerkung) of the current cell in a dialog; on an empty cell the
        dialog asks for the value too (a note belongs to a monthly value)."""
        cell = self._current_cell()
        if cell is None or self.backend.read_only:
            return None
        row, month = cell
        if not row.editable[row.months.index(month)]:
            self.say(
                "⚠ "
                + self.tr(
                    "This cell cannot be edited: it lies outside the project period or is computed."
                )
            )
            return None
        state = self._state(row, month)

        def save(value: str | None, note: str) -> str | None:
            if state is None:
                if not value:
                    if not note:
                        return None  # nothing typed: nothing to store
                    return self.tr("Log a value first: a note belongs to a monthly value.")
                try:
                    new = (parse_count(value), note or None)
                except DomainError as error:
                    return refusal_text(error, self.backend.lang)
            else:
                if (note or None) == state[1]:
                    return None
                new = (state[0], note or None)
            refused = self._store({(row, month): new}, self._label(row, month, state, new))
            return None if refused is None else refusal_text(refused, self.backend.lang)

        where = f"{row.project.name} · {row.metric.name} · {month_label(month)}"
        note = (state[1] or "") if state else ""
        dialog = NoteDialog(where, note, save, state is None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def set_note(self, row: GridRow, month: Month, note: str) -> None:
        old = self._state(row, month)
        assert old is not None
        new = (old[0], note or None)
        error = self._store({(row, month): new}, self._label(row, month, old, new))
        if error is not None:
            self._refused(error)

    def show_history(self) -> None:
        cell = self._current_cell()
        if cell is None or not self.backend.is_open:  # not yet: figures from the cache
            return
        row, month = cell
        dialog = HistoryDialog(
            self.backend.history(*row.key(), month),
            f"{row.project.name} · {row.metric.name} · {month_label(month)}",
            self,
        )
        dialog.open()

    def _context_menu(self, index: QModelIndex, position: QPoint) -> QMenu | None:
        """The menu of a cell at `position` (global): of the clicked cell for the mouse,
        of the current cell for the menu key and Shift+F10."""
        if not index.isValid() or month_of(index.column()) is None:
            return None
        if index != self.view.currentIndex():
            self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setObjectName("gridContextMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editable = bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
        has_value = index.data(Qt.ItemDataRole.UserRole) is not None
        self.action_note.setEnabled(editable)
        self.action_clear.setEnabled(editable and has_value)
        self.action_paste.setEnabled(editable)
        menu.addAction(self.action_note)
        menu.addAction(self.action_clear)
        menu.addSeparator()
        menu.addAction(self.action_copy)
        menu.addAction(self.action_paste)
        menu.addSeparator()
        menu.addAction(self.action_history)
        row, month = self.model.row_at(index.row()), month_of(index.column())
        assert month is not None
        close = self._closing.get((row.project.code, row.months[month]))
        if close is not None:
            self.closer.add_to(menu, row.project, row.months[month], close.state)
        actions = (self.action_note, self.action_clear, self.action_paste)

        def enable() -> None:  # the shortcuts work again once the menu is gone
            for action in actions:
                action.setEnabled(True)

        menu.aboutToHide.connect(enable)
        menu.popup(position)
        return menu
