"""The Hilfe menu: the keyboard shortcuts, the manual as a page inside the window, and
what aipdesk is (version, licence).

The manual is Markdown in `resources/manual/` (German and English), shipped like the
translations; it is read when first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
)

import aipdesk
from aipdesk.paths import resources_dir

if TYPE_CHECKING:
    from aipdesk.ui.main_window import MainWindow

LICENCE = "EUPL-1.2"  # pyproject.toml; read from the installed package's metadata first


def manual_text(lang: str) -> str:
    """The manual in `lang` (German where no other language is written)."""
    folder = resources_dir() / "manual"
    path = folder / f"manual_{lang}.md"
    if not path.is_file():
        path = folder / "manual_de.md"
    return path.read_text(encoding="utf-8")


def licence() -> str:
    from importlib import metadata  # only when asked: it is slow to import

    try:
        meta = metadata.metadata("aipdesk")
    except metadata.PackageNotFoundError:
        return LICENCE
    return meta["License-Expression"] or meta["License"] or LICENCE


def mnemonic(label: str) -> str:
    """The letter after the "&" of a label ("&Jahr:" -> "J")."""
    index = label.replace("&&", "").find("&")
    cleaned = label.replace("&&", "")
    return cleaned[index + 1].upper() if 0 <= index < len(cleaned) - 1 else ""


class HelpMenu(QObject):
    """The actions of the Hilfe menu and what they open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.manual: QTextBrowser | None = None
        self.action_shortcuts = QAction(self.tr("&Keyboard shortcuts"), window)
        self.action_shortcuts.setObjectName("actionShortcuts")
        self.action_shortcuts.triggered.connect(self.show_shortcuts)
        self.action_manual = QAction(self.tr("&Manual"), window)
        self.action_manual.setObjectName("actionManual")
        self.action_manual.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.action_manual.triggered.connect(self.show_manual)
        self.action_about = QAction(self.tr("&About aipdesk"), window)
        self.action_about.setObjectName("actionAbout")
        self.action_about.triggered.connect(self.show_about)
        menu = window.menuBar().addMenu(self.tr("&Help"))
        menu.setObjectName("helpMenu")
        for action in (self.action_shortcuts, self.action_manual, self.action_about):
            menu.addAction(action)

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do), in the order the dialog lists them."""
        native = QKeySequence.SequenceFormat.NativeText
        # The header's labels, as translated: their mnemonics differ by language (&Jahr).
        year = QCoreApplication.translate("MainWindow", "&Year:")
        month = QCoreApplication.translate("MainWindow", "Report &month:")

        def keys(text: str) -> str:
            return QKeySequence(text).toString(native)

        return [
            (keys("Alt+1") + " … " + keys("Alt+5"), self.tr("Show a pane (Overview … Targets)")),
            (keys("Ctrl+Tab") + ", " + keys("Ctrl+Shift+Tab"), self.tr("Next, previous pane")),
            (
                keys(f"Alt+{mnemonic(year)}") + ", " + keys(f"Alt+{mnemonic(month)}"),
                self.tr("Choose the year, the report month"),
            ),
            (keys("Ctrl+Z"), self.tr("Undo the last change")),
            (keys("Ctrl+Y") + ", " + keys("Ctrl+Shift+Z"), self.tr("Redo")),
            (self.tr("Digits"), self.tr("Entry grid: type a value; Enter stores it")),
            (self.tr("Enter"), self.tr("Entry grid: store and move down")),
            (keys("Tab"), self.tr("Entry grid: store and move right")),
            (keys("Del"), self.tr("Entry grid: clear the value")),
            (keys("Ctrl+V"), self.tr("Entry grid: paste cells copied from Excel")),
            (keys("Shift+F2"), self.tr("Entry grid: edit the note (Bemerkung)")),
            (keys("Ctrl+H"), self.tr("Entry grid: history of the value")),
            (keys("Ctrl+E"), self.tr("Export the workbook")),
            (keys("Ctrl+I"), self.tr("Import a workbook")),
            (keys("F5"), self.tr("Read everything again")),
            (keys("F1"), self.tr("Manual")),
            (keys("Ctrl+Q"), self.tr("Quit")),
        ]

    def show_shortcuts(self) -> None:
        dialog = QDialog(self.window)
        dialog.setObjectName("shortcutsDialog")
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        rows = self.shortcuts()
        table = QTableWidget(len(rows), 2, dialog)
        table.setObjectName("shortcutsTable")
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for number, (keys, what) in enumerate(rows):
            table.setItem(number, 0, QTableWidgetItem(keys))
            table.setItem(number, 1, QTableWidgetItem(what))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        # Every row without scrolling where the screen allows it.
        rows_height = table.verticalHeader().length() + table.horizontalHeader().height()
        dialog.resize(640, min(rows_height + 90, 700))
        dialog.open()

    def show_manual(self) -> None:
        """The manual as a page beside the panes (a tab of its own, closable)."""
        tabs = self.window.tabs
        if self.manual is None:
            browser = QTextBrowser(tabs)
            browser.setObjectName("manualBrowser")
            browser.setAccessibleName(self.tr("Manual"))
            browser.setOpenExternalLinks(False)
            browser.setMarkdown(manual_text(self.window.backend.lang))
            browser.document().setDocumentMargin(16)
            index = tabs.addTab(browser, self.tr("Manual"))
            close = QToolButton(tabs)
            close.setObjectName("closeManualButton")
            close.setText("×")
            close.setAutoRaise(True)
            close.setToolTip(self.tr("Close the manual"))
            close.setAccessibleName(self.tr("Close the manual"))
            close.clicked.connect(self.close_manual)
            tabs.tabBar().setTabButton(index, tabs.tabBar().ButtonPosition.RightSide, close)
            self.manual = browser
        tabs.setCurrentWidget(self.manual)
        self.manual.setFocus()

    def close_manual(self) -> None:
        if self.manual is not None:
            tabs = self.window.tabs
            tabs.removeTab(tabs.indexOf(self.manual))
            self.manual.deleteLater()
            self.manual = None

    def show_about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About aipdesk"),
            self.about_text(),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("aboutMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def about_text(self) -> str:
        return self.tr(
            "aipdesk {0}\n\nSteering the yearly labour-market and integration programme "
            "(AIP) of a Jobcenter: monthly values, targets, progress and the workbook for "
            "management.\n\nLicence: {1}"
        ).format(aipdesk.__version__, licence())
