"""The keyboard goes where the eye goes: switching panes puts the focus into the pane's
table (not the year box, whose arrow keys would change the year). Undo and redo keep
their toolbar labels and name the step in the tooltip and in the Edit menu; Ctrl+Z in
the window restores exactly what each kind of write changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QToolBar
from pytestqt.qtbot import QtBot

from aipdesk.domain.model import Project, Target
from aipdesk.domain.months import Month
from aipdesk.ui.main_window import FOCUS_STYLE, MainWindow
from tests.test_operations import state

YEAR = (Month(2021, 1), Month(2021, 12))


def focused(window: MainWindow) -> str:
    widget = window.focusWidget()
    return widget.objectName() if widget is not None else ""


@pytest.mark.parametrize(
    ("key", "table"),
    [
        (Qt.Key.Key_1, "dashboardTable"),
        (Qt.Key.Key_2, "projectsTable"),
        (Qt.Key.Key_3, "integrationsTable"),
        (Qt.Key.Key_4, "trainingTable"),
        (Qt.Key.Key_5, "targetsTable"),
    ],
)
def test_alt_number_puts_the_focus_into_the_panes_table(
    window: MainWindow, qtbot: QtBot, key: Qt.Key, table: str
) -> None:
    window.year_combo.setFocus()
    qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
    assert focused(window) == table
    assert isinstance(window.focusWidget(), QAbstractItemView)


def test_ctrl_tab_and_the_tabs_put_the_focus_into_the_table(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.show_pane("dashboard")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane() == "projects" and focused(window) == "projectsTable"
    qtbot.keyClick(
        window.focusWidget(),
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.current_pane() == "dashboard" and focused(window) == "dashboardTable"
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert window.current_pane() == "integrations" and focused(window) == "integrationsTable"


def test_the_year_box_does_not_take_the_arrow_keys_after_a_pane_switch(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.year_combo.setFocus()
    year = window.year
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    view = window.integrations.view
    row = view.currentIndex().row()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Down)
    assert window.year == year and window.year_combo.currentData() == year
    assert view.currentIndex().row() == row + 1  # the table took the key


def test_the_focus_is_drawn(window: MainWindow) -> None:
    # Fusion (Linux) barely marks a focused combo box or table: the window adds a ring.
    assert window.styleSheet() == FOCUS_STYLE
    assert "QComboBox:focus" in FOCUS_STYLE and "QAbstractItemView:focus" in FOCUS_STYLE


def toolbar_texts(window: MainWindow) -> dict[str, str]:
    bar = window.findChild(QToolBar, "headerBar")
    assert bar is not None
    return {
        action.objectName(): bar.widgetForAction(action).text()  # type: ignore[union-attr]
        for action in (window.action_undo, window.action_redo)
    }


def test_toolbar_labels_stay_and_the_tooltip_names_the_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    bar = window.findChild(QToolBar, "headerBar")
    assert bar is not None
    width = bar.sizeHint().width()
    fixed = {"actionUndo": "Rückgängig", "actionRedo": "Wiederholen"}
    assert toolbar_texts(window) == fixed
    assert window.action_undo.toolTip() == "Nichts rückgängig zu machen"
    assert not window.action_undo.isEnabled()

    window.backend.set_target(Target("NEUSTART", "integrations", *YEAR, 800))
    step = "Zielwert NeuStart Integrationen 2021 ändern"
    assert window.undo_stack.undoText() == step
    assert toolbar_texts(window) == fixed
    assert window.action_undo.toolTip() == f"Rückgängig: {step}"
    assert window.action_undo.text() == f"&Rückgängig: {step}"  # the Edit menu's entry
    assert bar.sizeHint().width() == width  # the toolbar does not jump

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert toolbar_texts(window) == fixed
    assert window.action_redo.toolTip() == f"Wiederholen: {step}"
    assert window.action_redo.text() == f"&Wiederholen: {step}"
    assert window.action_undo.toolTip() == "Nichts rückgängig zu machen"
    assert bar.sizeHint().width() == width


def test_an_ampersand_in_a_step_is_not_a_mnemonic(window: MainWindow) -> None:
    window.backend.add_project(Project("AL", "Arbeit & Leben"), ())
    assert "&&" not in window.undo_stack.undoText()
    # The step names the project by its name; its "&" is doubled, so it shows as "&".
    assert window.action_undo.text() == "&Rückgängig: Projekt Arbeit && Leben anlegen"
    window.backend.edit_project("AL", name="Arbeit & Leben neu")
    assert window.action_undo.text().count("&") == 1


WRITES: dict[str, Callable[[Any], object]] = {
    "target": lambda b: b.set_target(Target("NEUSTART", "integrations", *YEAR, 800)),
    "plan curve": lambda b: b.set_target(
        Target("LIA", "job_starts", *YEAR, 300, tuple([0.05] * 10 + [0.25, 0.25]))
    ),
    "project": lambda b: b.add_project(Project("NEU", "Neu"), ("integrations",)),
    "project change": lambda b: b.edit_project("IP", active=False),
    "copy to next year": lambda b: b.copy_targets(2021),
}


@pytest.mark.parametrize("kind", list(WRITES))
def test_ctrl_z_in_the_window_restores_exactly(window: MainWindow, qtbot: QtBot, kind: str) -> None:
    db = window.backend.db
    before = state(db)
    WRITES[kind](window.backend)
    after = state(db)
    assert after != before
    assert window.undo_stack.count() == 1
    assert window.action_undo.toolTip() == "Rückgängig: " + window.undo_stack.undoText()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert state(db) == before
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert state(db) == after
