"""The main window's actions, header bar and menus, made once at construction.

Texts use the main window's translation context, as they did inside the class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from aipdesk.ui.undo_actions import UndoActions

if TYPE_CHECKING:
    from aipdesk.ui.main_window import MainWindow

PANES = ("dashboard", "projects", "integrations", "training", "targets", "budget")


def make_actions(w: MainWindow) -> None:
    w.undo_actions = UndoActions(w.undo_stack, w)
    w.action_undo, w.action_redo = w.undo_actions.undo, w.undo_actions.redo
    w.action_export = QAction(QCoreApplication.translate("MainWindow", "E&xport workbook…"), w)
    w.action_export.setObjectName("actionExport")
    w.action_import = QAction(QCoreApplication.translate("MainWindow", "&Import workbook…"), w)
    w.action_import.setObjectName("actionImport")
    w.action_template = QAction(QCoreApplication.translate("MainWindow", "Entry &template…"), w)
    w.action_template.setObjectName("actionTemplate")
    w.action_merge = QAction(QCoreApplication.translate("MainWindow", "&Merge database…"), w)
    w.action_merge.setObjectName("actionMerge")
    w.action_report = QAction(QCoreApplication.translate("MainWindow", "&Report as PDF…"), w)
    w.action_report.setObjectName("actionReport")
    w.action_print = QAction(QCoreApplication.translate("MainWindow", "&Print…"), w)
    w.action_print.setObjectName("actionPrint")
    w.action_print.setShortcut(QKeySequence.StandardKey.Print)
    for action, tip in (
        (
            w.action_export,
            QCoreApplication.translate(
                "MainWindow", "Write the year's figures as an Excel workbook"
            ),
        ),
        (
            w.action_import,
            QCoreApplication.translate(
                "MainWindow", "Take values from an entry template or an export"
            ),
        ),
        (
            w.action_template,
            QCoreApplication.translate(
                "MainWindow", "An Excel sheet for team leads to fill in offline"
            ),
        ),
        (
            w.action_merge,
            QCoreApplication.translate("MainWindow", "Take the values of another aipdesk database"),
        ),
        (
            w.action_report,
            QCoreApplication.translate(
                "MainWindow", "The month's controlling report as an archivable PDF (PDF/A)"
            ),
        ),
        (
            w.action_print,
            QCoreApplication.translate("MainWindow", "Print the month's controlling report"),
        ),
    ):
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setEnabled(False)  # until the figures are loaded
    # Short labels in the toolbar (it must fit a laptop screen); the tooltips say more.
    w.action_export.setIconText(QCoreApplication.translate("MainWindow", "Export"))
    w.action_import.setIconText(QCoreApplication.translate("MainWindow", "Import"))
    w.action_export.setShortcut(QKeySequence("Ctrl+E"))
    w.action_import.setShortcut(QKeySequence("Ctrl+I"))
    w.action_quit = QAction(QCoreApplication.translate("MainWindow", "&Quit"), w)
    w.action_quit.setObjectName("actionQuit")
    w.action_quit.setShortcut(QKeySequence("Ctrl+Q"))
    w.action_quit.triggered.connect(w.close)
    w.action_restore = QAction(QCoreApplication.translate("MainWindow", "&Restore backup…"), w)
    w.action_restore.setObjectName("actionRestore")
    tip = QCoreApplication.translate(
        "MainWindow", "Replace the database by a backup (the current state is backed up first)"
    )
    w.action_restore.setToolTip(tip)
    w.action_restore.setStatusTip(tip)
    w.action_restore.setEnabled(False)  # until the database is open
    w.action_reload = QAction(QCoreApplication.translate("MainWindow", "Re&load"), w)
    w.action_reload.setObjectName("actionReload")
    w.action_reload.setShortcut(QKeySequence.StandardKey.Refresh)
    w.action_reload.triggered.connect(w.reload)


def make_header(w: MainWindow) -> None:
    bar = QToolBar(QCoreApplication.translate("MainWindow", "Header"), w)
    bar.setObjectName("headerBar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    w.addToolBar(bar)
    w.year_combo = QComboBox(bar)
    w.year_combo.setObjectName("yearCombo")
    w.year_combo.setAccessibleName(QCoreApplication.translate("MainWindow", "Year"))
    w.month_combo = QComboBox(bar)
    w.month_combo.setObjectName("monthCombo")
    w.month_combo.setAccessibleName(QCoreApplication.translate("MainWindow", "Report month"))
    w.month_combo.setMinimumContentsLength(10)
    year_label = QLabel(QCoreApplication.translate("MainWindow", "&Year:"), bar)
    year_label.setBuddy(w.year_combo)
    month_label_ = QLabel(QCoreApplication.translate("MainWindow", "Report &month:"), bar)
    month_label_.setBuddy(w.month_combo)
    for widget in (year_label, w.year_combo, month_label_, w.month_combo):
        bar.addWidget(widget)
    bar.addSeparator()
    for action in (w.action_undo, w.action_redo):
        bar.addAction(action)
    bar.addSeparator()
    for action in (w.action_export, w.action_import):
        bar.addAction(action)
    w.year_combo.activated.connect(w._year_chosen)
    w.month_combo.activated.connect(w._month_chosen)


def make_menus(w: MainWindow, titles: list[str]) -> None:
    menu = w.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    for action in (
        w.action_export,
        w.action_import,
        w.action_template,
        w.action_merge,
        w.action_report,
        w.action_print,
        w.action_restore,
        w.action_reload,
        w.action_quit,
    ):
        menu.addAction(action)
    menu = w.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    menu.addAction(w.action_undo)
    menu.addAction(w.action_redo)
    menu = w.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    for index, title in enumerate(titles):
        action = QAction(title.replace("&", ""), w)
        action.setObjectName(f"actionShow{PANES[index].title()}")
        action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
        action.triggered.connect(lambda _=False, i=index: w.show_pane(PANES[i]))
        menu.addAction(action)
    menu.addSeparator()
    for name, text, keys, step in (
        ("actionNextPane", QCoreApplication.translate("MainWindow", "&Next pane"), "Ctrl+Tab", 1),
        (
            "actionPreviousPane",
            QCoreApplication.translate("MainWindow", "P&revious pane"),
            "Ctrl+Shift+Tab",
            -1,
        ),
    ):
        action = QAction(text, w)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False, s=step: w._step_pane(s))
        menu.addAction(action)
    menu.addSeparator()
    ibcs = QAction(QCoreApplication.translate("MainWindow", "&IBCS notation in the chart"), w)
    ibcs.setObjectName("actionIbcs")
    ibcs.setCheckable(True)
    ibcs.setToolTip(
        QCoreApplication.translate(
            "MainWindow",
            "Actual solid and dark, plan outlined, forecast dashed, previous year grey",
        )
    )
    ibcs.toggled.connect(w.dashboard.chart.set_notation)
    menu.addAction(ibcs)
    w.action_ibcs = ibcs
