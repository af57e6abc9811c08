"""Budget: the budget of the Eingliederungstitel as `aipdesk budget status` computes it –
total, groups and instruments with plan, commitments, spending, quotas, forecast, status,
Vorjahr and cost per result; below it the monthly entry grid of the instrument selected
and, on a tab beside it, the chart of the selected line's plan curve against its
spending and commitments.

Typing an amount (German "350.000,30" or plain "400000.20") stores it at once as one
operation and one undo step; Enter moves down, Tab right, Delete clears, Shift+F2 edits
the note. A refused amount keeps the editor open and says why.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.budget import Level
from aipdesk.domain.budget_figures import Figures
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.money import format_cents, parse_cents
from aipdesk.domain.months import Month
from aipdesk.domain.table_text import TableTextError, read_table_text
from aipdesk.services.base import Changes
from aipdesk.services.results import BudgetView, Snapshot
from aipdesk.ui.backend import Backend
from aipdesk.ui.chart.budget_chart import BudgetChart, BudgetChartData
from aipdesk.ui.clipboard import install_copy
from aipdesk.ui.common import ItemRole, month_label, refusal_text, show_error, show_refusal
from aipdesk.ui.dialogs.budget_plan_dialog import BudgetPlanDialog
from aipdesk.ui.dialogs.history_dialog import HistoryDialog, amount_text, due_of
from aipdesk.ui.dialogs.note_dialog import NoteDialog
from aipdesk.ui.models.budget_model import (
    COL_NAME,
    BudgetGridModel,
    BudgetGridRow,
    BudgetModel,
    grid_rows,
    month_of,
    short_name,
)
from aipdesk.ui.panes.grid_view import GridView
from aipdesk.ui.panes.paste_text import table_text_refusal

if TYPE_CHECKING:
    from aipdesk.services.budget import SetBudgetEntry

__all__ = ["BudgetPane"]


class BudgetPane(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("budgetPane")
        self.backend = backend
        self.budget: BudgetView | None = None
        self.year: int | None = None
        self._selected: str | None = None  # the code of the line selected
        self._refusal: str | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("budgetHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)

        self.model = BudgetModel(backend.lang, self)
        self.table = QTableView(self)
        self.table.setObjectName("budgetTable")
        self.table.setAccessibleName(self.tr("Budget by instrument"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        install_copy(self.table)

        self.grid_model = BudgetGridModel(self._write, backend.lang, self)
        self.grid = GridView(self, self._take_refusal)
        self.grid.setObjectName("budgetGrid")
        self.grid.setAccessibleName(self.tr("Monthly budget entries"))
        self.grid.setModel(self.grid_model)
        self.delegate = self.grid.delegate
        self.grid.verticalHeader().setDefaultSectionSize(self.grid.fontMetrics().height() + 6)
        self.grid.clear_requested.connect(self._clear)
        self.grid.paste_requested.connect(self.paste)
        self.action_note = QAction(self.tr("Edit &note…"), self)
        self.action_note.setObjectName("budgetActionNote")
        self.action_note.setShortcut(QKeySequence("Shift+F2"))
        self.action_note.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action_note.triggered.connect(self.edit_note)
        self.grid.addAction(self.action_note)
        self.action_history = QAction(self.tr("Show &history…"), self)
        self.action_history.setObjectName("budgetActionHistory")
        self.action_history.setShortcut(QKeySequence("Ctrl+H"))
        self.action_history.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action_history.triggered.connect(self.show_history)
        self.grid.addAction(self.action_history)

        self.grid_title = QLabel(self)
        self.grid_title.setObjectName("budgetGridTitle")
        self.hint = QLabel(
            self.tr(
                "Type an amount in euros (350.000,30 or 400000.20); Enter moves down, Tab "
                "right, Delete clears, Ctrl+V pastes from a spreadsheet, Shift+F2 edits the "
                "note, Ctrl+H shows the history. Every entry can be undone (Ctrl+Z)."
            ),
            self,
        )
        self.hint.setObjectName("budgetHint")
        self.hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("budgetMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        entry = QWidget(self)
        entry_layout = QVBoxLayout(entry)
        entry_layout.setContentsMargins(0, 4, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.grid_title, 1)
        self.plan_button = QPushButton(self.tr("&Plan and plan curve…"), self)
        self.plan_button.setObjectName("budgetPlanButton")
        self.plan_button.setEnabled(False)
        self.plan_button.clicked.connect(self.edit_plan)
        title_row.addWidget(self.plan_button)
        entry_layout.addLayout(title_row)
        entry_layout.addWidget(self.hint)
        entry_layout.addWidget(self.grid, 1)
        entry_layout.addWidget(self.message)

        self.chart = BudgetChart(self, backend.lang)
        self.below = QTabWidget(self)
        self.below.setObjectName("budgetTabs")
        self.below.setDocumentMode(True)
        self.below.addTab(entry, self.tr("Monthly entry"))
        self.below.addTab(self.chart, self.tr("Plan curve and spending"))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("budgetSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.below)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)
        self._sized = False

    # -- feeding ---------------------------------------------------------------------------
    def set_snapshot(self, snapshot: Snapshot, changes: Changes | None = None) -> None:
        budget = snapshot.budget
        if budget is self.budget and snapshot.year == self.year:
            return  # a write that did not touch the budget
        self.budget, self.year = budget, snapshot.year
        read_only = self.backend.read_only or not self.backend.is_open
        self.grid_model.read_only = read_only
        self.hint.setVisible(not read_only)
        if budget is None:
            self.heading.setText(self.tr("This database holds no budget."))
            self.model.set_rows(())
            self._show_line()
            return
        report = budget.report
        self.heading.setText(self._heading(budget))
        self.model.set_rows(report.rows)
        if not self._sized and self.model.rowCount():
            self._size_columns()
        if self._selected is None or self.model.find(self._selected) is None:
            first = next((r for r in report.rows if r.level is Level.INSTRUMENT), report.rows[0])
            self.select(first.code)
        else:
            self._show_line()

    def _heading(self, budget: BudgetView) -> str:
        report = budget.report
        text = self.tr("Budget of the Eingliederungstitel {0}, report month {1} (amounts in €)")
        line = text.format(report.year, month_label(report.report_month))
        a = report.allocation
        if a is None:
            return line
        money = [
            format_cents(cents, self.backend.lang)
            for cents in (
                a.allocation,
                a.admin_transfer,
                a.available_for_measures,
                a.prior_commitments,
                a.available_for_planning,
            )
        ]
        return (
            line
            + "\n"
            + self.tr(
                "Allocation {0} − administration {1} = EGL {2}; bound by prior commitments {3}; "
                "available for planning {4}"
            ).format(*money)
        )

    def _size_columns(self) -> None:
        """Amounts as wide as their text, the name gets what is left."""
        self._sized = True
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # The row names and the year's sum as wide as they are (a sum runs to millions),
        # the months share the rest.
        grid_header = self.grid.horizontalHeader()
        grid_header.setMinimumSectionSize(self.grid.fontMetrics().horizontalAdvance("0.000,00"))
        grid_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        grid_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        last = self.grid_model.columnCount() - 1
        grid_header.setSectionResizeMode(last, QHeaderView.ResizeMode.ResizeToContents)

    # -- selection -------------------------------------------------------------------------
    def select(self, code: str) -> bool:
        """Select the line `code` (FBW, a group, EGL): its grid and chart are shown."""
        number = self.model.find(code)
        if number is None:
            return False
        self.table.setCurrentIndex(self.model.index(number, COL_NAME))
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ItemRole) if current.isValid() else None
        self._selected = row.code if row is not None else None
        self._show_line()

    def selected(self) -> Figures | None:
        number = None if self._selected is None else self.model.find(self._selected)
        return None if number is None else self.model.row_at(number)

    def _show_line(self) -> None:
        row, budget = self.selected(), self.budget
        self.plan_button.setEnabled(
            row is not None and row.level is Level.INSTRUMENT and not self.grid_model.read_only
        )
        if row is None or budget is None:
            self.grid_model.set_rows(())
            self.chart.set_data(None)
            self.grid_title.setText("")
            return
        report = budget.report
        curve = budget.curves.get(row.code)
        self.chart.set_data(
            None if curve is None else BudgetChartData.of(row.name, report.report_month, curve)
        )
        if row.level is not Level.INSTRUMENT:
            self.grid_model.set_rows(())
            self.grid_title.setText(
                self.tr("{0}: select an instrument to enter its monthly values.").format(
                    short_name(row)
                )
            )
            return
        self.grid_title.setText(self.tr("Monthly values {0} – {1}").format(report.year, row.name))
        self.grid_model.set_rows(grid_rows(row.code, report.year, budget.entries))

    # -- writes ----------------------------------------------------------------------------
    def _entry(self, row: BudgetGridRow, month: Month, amount: int | None) -> SetBudgetEntry:
        # The operations load the database stack: imported when the first entry is written.
        from aipdesk.services.budget import COMMITTED, SetBudgetEntry
        from aipdesk.services.values import KEEP

        cell = row.cells[month.month - 1]
        return SetBudgetEntry(
            row.instrument,
            month,
            row.kind,
            amount,
            row.due if row.kind == COMMITTED else None,
            KEEP,
            0 if cell is None else cell.version,
        )

    def _where(self, row: BudgetGridRow, month: Month) -> str:
        line = self.selected()
        name = short_name(line) if line is not None else row.instrument
        return f"{name} · {self.grid_model.label(row)} · {month_label(month)}"

    def _write(self, row: BudgetGridRow, month: Month, text: str) -> bool:
        """Called by the grid model's setData with the text typed ("" clears)."""
        try:
            amount = None if text == "" else parse_cents(text)
            self.backend.execute(self._entry(row, month, amount), self)
        except DomainError as error:
            if error.code in (Code.budget_conflict,):
                show_refusal(self, error, self.backend.lang)
                return False
            refused = refusal_text(error, self.backend.lang)
            self._refusal = refused
            self.message.setText(f"⚠ {self._where(row, month)}: {refused}")
            return False
        self.message.clear()
        return True

    def _take_refusal(self) -> str | None:
        refusal, self._refusal = self._refusal, None
        return refusal

    def _clear(self, indexes: list[QModelIndex]) -> None:
        entries = []
        for index in indexes:
            month = month_of(index.column())
            row: BudgetGridRow = index.data(ItemRole)
            if month is None or row is None or row.cells[month] is None:
                continue
            entries.append(self._entry(row, Month(row.year, month + 1), None))
        if not entries:
            return
        from aipdesk.services.budget import SetBudgetEntries

        op = entries[0] if len(entries) == 1 else SetBudgetEntries(tuple(entries))
        try:
            self.backend.execute(op, self)
        except DomainError as error:
            show_refusal(self, error, self.backend.lang)
            return
        self.message.clear()

    def edit_plan(self) -> BudgetPlanDialog | None:
        """The selected instrument's plan and plan curve in `budgetPlanDialog`; OK stores
        them as one operation (one undo step), based on the version read."""
        row, budget = self.selected(), self.budget
        if row is None or budget is None or row.level is not Level.INSTRUMENT:
            return None
        year = budget.report.year
        shown = self.backend.budget_plan(row.code, year)
        dialog = BudgetPlanDialog(
            f"{short_name(row)} {year}", shown.plan, shown.weights, self.backend.lang, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def store() -> None:
            from aipdesk.domain.messages import Note
            from aipdesk.services.budget import SetBudgetPlan
            from aipdesk.services.operation import told

            assert dialog.result_plan is not None
            text = told(Note.op_budget_plan, instrument=short_name(row), year=year)
            op = SetBudgetPlan(
                row.code,
                year,
                dialog.result_plan,
                dialog.result_weights,
                expected=shown.version,
                text=text,
            )
            try:
                self.backend.execute(op, self)
            except DomainError as error:
                show_refusal(self, error, self.backend.lang)

        dialog.accepted.connect(store)
        dialog.open()
        return dialog

    def paste(self) -> bool:
        """Paste the clipboard's tab-separated amounts (from Excel, LibreOffice or aipdesk)
        at the current cell as one undo step: every cell is read first, and one that is
        not an amount, or a block past the grid's edge, refuses all of it."""
        if self.grid_model.read_only:
            return False
        index = self.grid.currentIndex()
        start = month_of(index.column()) if index.isValid() else None
        if start is None:
            return False
        try:
            block = read_table_text(QApplication.clipboard().text())
        except TableTextError as error:
            show_error(self, table_text_refusal(error))
            return False
        rows = self.grid_model.rowCount()
        if index.row() + len(block) > rows or start + len(block[0]) > 12:
            show_error(
                self,
                self.tr(
                    "The clipboard holds {0} rows × {1} columns, but from the selected cell "
                    "the grid has room for {2} rows × {3} months. Nothing was stored."
                ).format(len(block), len(block[0]), rows - index.row(), 12 - start),
            )
            return False
        entries = []
        for offset, line in enumerate(block):
            row: BudgetGridRow = self.grid_model.index(index.row() + offset, 0).data(ItemRole)
            for column, text in enumerate(line):
                month = Month(row.year, start + column + 1)
                try:
                    amount = None if text == "" else parse_cents(text)
                except DomainError as error:
                    where = self._where(row, month)
                    show_error(
                        self,
                        f"{where}: {refusal_text(error, self.backend.lang)} – "
                        + self.tr("Nothing was stored."),
                    )
                    return False
                if amount is None and row.cells[start + column] is None:
                    continue  # an empty cell pasted on an empty one
                entries.append(self._entry(row, month, amount))
        if not entries:
            return False
        from aipdesk.services.budget import SetBudgetEntries

        try:
            self.backend.execute(SetBudgetEntries(tuple(entries)), self)
        except DomainError as error:
            show_refusal(self, error, self.backend.lang)
            return False
        self.message.clear()
        return True

    def edit_note(self) -> NoteDialog | None:
        """The note of the current entry in a dialog (on an empty cell it asks for the
        amount too: a note belongs to an entry)."""
        index = self.grid.currentIndex()
        month = month_of(index.column()) if index.isValid() else None
        if month is None or self.grid_model.read_only:
            return None
        row: BudgetGridRow = index.data(ItemRole)
        cell, when = row.cells[month], Month(row.year, month + 1)

        def save(value: str | None, note: str) -> str | None:
            try:
                if cell is None:
                    if not value:
                        return None if not note else self.tr("Enter the amount first.")
                    amount = parse_cents(value)
                else:
                    if (note or None) == cell.note:
                        return None
                    amount = cell.amount
                op = self._entry(row, when, amount)
                self.backend.execute(replace(op, note=note or None), self)
            except DomainError as error:
                return refusal_text(error, self.backend.lang)
            return None

        note = "" if cell is None else (cell.note or "")
        dialog = NoteDialog(self._where(row, when), note, save, cell is None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_history(self) -> HistoryDialog | None:
        """Who changed the current entry when, from which amount to which (Ctrl+H)."""
        index = self.grid.currentIndex()
        month = month_of(index.column()) if index.isValid() else None
        if month is None or not self.backend.is_open:
            return None
        row: BudgetGridRow = index.data(ItemRole)
        when = Month(row.year, month + 1)
        changes = [
            change
            for change in self.backend.history(row.instrument, row.kind, when)
            if change.entity == "budget" and due_of(change) in (None, row.due)
        ]
        dialog = HistoryDialog(changes, self._where(row, when), self, amount_text)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
