"""The first start greets an empty database with three steps, each a button that leads
there; the Hilfe menu lists the shortcuts, shows the manual inside the window and says
which version under which licence this is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableWidget, QTextBrowser, QToolButton
from pytestqt.qtbot import QtBot

import aipdesk
from aipdesk.app import build_main_window
from aipdesk.ui.help import manual_text
from aipdesk.ui.main_window import MainWindow


@pytest.fixture
def empty_window(tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    """A window on a database made on first start: the catalogue, no values."""
    window = build_main_window(str(tmp_path / "first.sqlite"), user="tester")
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.show()
    yield window
    window.close()


def button(window: MainWindow, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_welcome_panel_on_an_empty_database(empty_window: MainWindow, qtbot: QtBot) -> None:
    window = empty_window
    panel = window.dashboard.welcome
    assert panel.objectName() == "welcomePanel" and panel.isVisible()
    texts = [b.text() for b in panel.buttons()]
    assert texts == ["1. Werte erfassen", "2. Ziele prüfen", "3. Arbeitsmappe exportieren"]

    qtbot.mouseClick(button(window, "welcomeEnterValues"), Qt.MouseButton.LeftButton)
    assert window.current_pane() == "integrations"
    assert window.focusWidget() is window.integrations.view
    window.show_pane("dashboard")
    qtbot.mouseClick(button(window, "welcomeCheckTargets"), Qt.MouseButton.LeftButton)
    assert window.current_pane() == "targets"
    window.show_pane("dashboard")
    exports: list[bool] = []
    window.exchange.export = lambda: exports.append(True)  # type: ignore[method-assign]
    qtbot.mouseClick(button(window, "welcomeExport"), Qt.MouseButton.LeftButton)
    assert exports == [True]


def test_welcome_panel_goes_once_a_value_is_logged(empty_window: MainWindow) -> None:
    from aipdesk.domain.months import Month

    window = empty_window
    window.backend.log_value("NEUSTART", "integrations", Month(window.year or 2021, 1), 5)
    assert not window.dashboard.welcome.isVisible()


def test_no_welcome_panel_on_the_demo(window: MainWindow) -> None:
    assert not window.dashboard.welcome.isVisible()


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_help_menu(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[-1] == "&Hilfe"
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.objectName() for a in help_menu.actions()] == [
        "actionShortcuts",
        "actionManual",
        "actionAbout",
    ]


def test_shortcuts_dialog_lists_the_keys(window: MainWindow, qtbot: QtBot) -> None:
    action(window, "actionShortcuts").trigger()
    table = window.findChild(QTableWidget, "shortcutsTable")
    assert table is not None
    qtbot.waitUntil(table.isVisible)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Strg+Z"] == "Letzte Änderung rückgängig machen"
    assert rows["Strg+E"] == "Arbeitsmappe exportieren"
    assert rows["F1"] == "Handbuch"
    assert "Alt+1 … Alt+5" in rows
    # Every shortcut the window's actions have is listed.
    listed = " ".join(rows)
    for name in ("actionUndo", "actionExport", "actionImport", "actionQuit", "actionReload"):
        key = (
            action(window, name)
            .shortcut()
            .toString(action(window, name).shortcut().SequenceFormat.NativeText)
        )
        assert key in listed, name
    table.window().close()


def test_manual_is_a_page_inside_the_window(window: MainWindow, qtbot: QtBot) -> None:
    tabs = window.tabs
    count = tabs.count()
    action(window, "actionManual").trigger()
    browser = window.findChild(QTextBrowser, "manualBrowser")
    assert browser is not None and tabs.currentWidget() is browser
    assert tabs.count() == count + 1 and tabs.tabText(count) == "Handbuch"
    text = browser.toPlainText()
    for topic in (
        "Werte erfassen",
        "Bemerkung",
        "Aus Excel einfügen",
        "Ziele prüfen",
        "Arbeitsmappe exportieren",
        "Importieren",
        "Rückgängig",
    ):
        assert topic in text, topic
    assert window.focusWidget() is browser
    # Opening it again shows the same page; its close button takes it away.
    action(window, "actionManual").trigger()
    assert tabs.count() == count + 1
    close = window.findChild(QToolButton, "closeManualButton")
    assert close is not None
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert tabs.count() == count
    assert window.help.manual is None


def test_manual_in_english_and_german() -> None:
    assert manual_text("de").startswith("# Handbuch")
    assert manual_text("en").startswith("# Manual")
    for lang in ("de", "en"):
        assert "Ctrl+Z" in manual_text(lang) or "Strg+Z" in manual_text(lang)


def test_about_names_version_and_licence(window: MainWindow, qtbot: QtBot) -> None:
    action(window, "actionAbout").trigger()
    box = window.findChild(QMessageBox, "aboutMessage")
    assert box is not None
    assert f"aipdesk {aipdesk.__version__}" in box.text()
    assert "Lizenz: EUPL-1.2" in box.text()
    box.close()
