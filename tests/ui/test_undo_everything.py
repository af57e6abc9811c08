"""Every write of the window is one undo step with a name; Ctrl+Z puts back exactly what
it replaced and Ctrl+Y does it again: grid values and notes, targets and plan curves,
copied targets, projects, metrics, imports. A read overtaken by a newer one is dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from aipdesk.domain.model import Metric, MetricKind, Project, Target
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.ops import SetCells
from aipdesk.services.targets import list_targets
from aipdesk.services.values import get_value
from aipdesk.ui.main_window import MainWindow
from aipdesk.ui.models.grid_model import FIRST_MONTH
from tests.test_operations import state

MARCH = Month(2021, 3)


def stack_texts(window: MainWindow) -> list[str]:
    stack = window.undo_stack
    return [stack.text(i) for i in range(stack.count())]


def undo(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)


def type_cell(
    window: MainWindow, qtbot: QtBot, project: str, metric: str, month: int, text: str
) -> None:
    pane = window.integrations
    window.show_pane("integrations")
    row = pane.model.find(project, metric)
    assert row is not None
    view = pane.view
    view.setFocus()
    view.setCurrentIndex(pane.model.index(row, FIRST_MONTH + month - 1))
    qtbot.keyClicks(view, text[0])
    editor = view.findChild(QLineEdit, "cellEditor")
    assert editor is not None
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_every_operation_is_undone_and_redone_exactly(window: MainWindow, qtbot: QtBot) -> None:
    backend = window.backend
    db = backend.db
    year = (Month(2021, 1), Month(2021, 12))
    march = get_value(db, "NEUSTART", "integrations", MARCH)
    assert march is not None
    steps: list[tuple[str, Any]] = [
        ("cell", lambda: type_cell(window, qtbot, "NEUSTART", "integrations", 3, "77")),
        ("target", lambda: backend.set_target(Target("NEUSTART", "integrations", *year, 800))),
        (
            "curve",
            lambda: backend.set_target(
                Target("LIA", "job_starts", *year, 300, tuple([0.05] * 10 + [0.25, 0.25]))
            ),
        ),
        ("copy", lambda: backend.copy_targets(2021)),
        ("project", lambda: backend.add_project(Project("NEU", "Neu"), ("integrations",))),
        ("change", lambda: backend.edit_project("IP", active=False)),
        (
            "metric",
            lambda: backend.add_metric(Metric("u25", "davon unter 25", MetricKind.FLOW)),
        ),
        ("thresholds", lambda: backend.edit_metric("lzb_stock", amber_pct=97.0)),
    ]
    states = [state(db)]
    for _name, act in steps:
        act()
        states.append(state(db))
        assert states[-1] != states[-2]
    assert window.undo_stack.count() == len(steps)
    names = stack_texts(window)
    assert names[0] == f"NeuStart Integrationen Mär 2021: {march[0]} → 77"
    assert names[1] == "Zielwert NeuStart Integrationen 2021 ändern"
    assert names[3] == "Zielwerte 2021 ins Jahr 2022 kopieren"
    for expected in reversed(states[:-1]):
        undo(window, qtbot)
        assert state(db) == expected
    for expected in states[1:]:
        redo(window, qtbot)
        assert state(db) == expected
    # The window shows what the database holds after all that.
    assert window.snapshot is not None
    neustart = next(r for r in window.dashboard.model.rows() if r.project.code == "NEUSTART")
    assert neustart.target.value == 800


def test_a_note_after_a_value_is_undone_in_turn_without_a_conflict(
    window: MainWindow, qtbot: QtBot
) -> None:
    db = window.backend.db
    before = get_value(db, "NEUSTART", "integrations", MARCH)
    type_cell(window, qtbot, "NEUSTART", "integrations", 3, "77")
    row = window.integrations.model.row_at(
        window.integrations.model.find("NEUSTART", "integrations")
    )
    window.integrations.set_note(row, MARCH, "Ostern")
    assert get_value(db, "NEUSTART", "integrations", MARCH) == (77, "Ostern")
    undo(window, qtbot)
    assert get_value(db, "NEUSTART", "integrations", MARCH) == (77, None)
    undo(window, qtbot)
    assert get_value(db, "NEUSTART", "integrations", MARCH) == before
    assert window.undo_stack.index() == 0


def test_a_colleagues_write_in_between_is_still_a_conflict(
    window: MainWindow, qtbot: QtBot
) -> None:
    db = window.backend.db
    type_cell(window, qtbot, "NEUSTART", "integrations", 3, "77")
    SetCells({("NEUSTART", "integrations", MARCH): (12, None)}).run(db, Actor("kollegin", "gui"))
    shown: list[str] = []
    window.backend.failed.disconnect()
    window.backend.failed.connect(shown.append)
    undo(window, qtbot)
    assert get_value(db, "NEUSTART", "integrations", MARCH) == (12, None)
    assert shown and "kollegin" in shown[0]
    assert window.undo_stack.count() == 0  # the step that would lie is dropped


def test_an_import_is_one_undo_step(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from aipdesk.exchange.template import write_template

    db = window.backend.db
    path = write_template(db, 2022, tmp_path / "vorlage.xlsx", project="NEUSTART")
    book = load_workbook(path)
    sheet = book["Erfassung"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "NEUSTART" and row[1].value == "integrations":
            for month in range(1, 4):
                row[header.index(f"2022-{month:02d}")].value = 10 * month
    book.save(path)
    before = state(db)
    file, plan = window.backend.plan_import(str(path))
    window.backend.apply_import(file, True, plan)
    assert get_value(db, "NEUSTART", "integrations", Month(2022, 2)) == (20, None)
    assert stack_texts(window)[-1] == "vorlage.xlsx übernehmen (3 Werte)"
    undo(window, qtbot)
    assert state(db) == before


def test_a_read_overtaken_by_a_newer_one_is_dropped(window: MainWindow, qtbot: QtBot) -> None:
    runner = window.backend.runner
    got: list[str] = []
    loop = QEventLoop()

    def slow() -> str:
        import time

        time.sleep(0.2)
        return "old"

    runner.submit(slow, got.append, lambda e: None, channel="test")
    runner.submit(lambda: "new", lambda r: (got.append(r), loop.quit()), lambda e: None, "test")
    QTimer.singleShot(5_000, loop.quit)
    loop.exec()
    qtbot.wait(50)
    assert got == ["new"]


def test_targets_pane_changes_are_undone_by_ctrl_z(window: MainWindow, qtbot: QtBot) -> None:
    db = window.backend.db
    pane = window.targets
    window.show_pane("targets")
    key = ("TAAM", "taam_new", Month(2021, 1))
    pane.select(key)
    target = pane.selected().target  # type: ignore[union-attr]
    pane._store_value(target, "75")
    stored = {(t.project, t.metric, t.first): t for t in list_targets(db)}
    assert stored[key].value == 75
    undo(window, qtbot)
    stored = {(t.project, t.metric, t.first): t for t in list_targets(db)}
    assert stored[key].value == 70
