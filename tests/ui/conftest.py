"""GUI test fixtures: a demo database, its backend, and failing on swallowed exceptions.

PySide6 >= 6.5 prints exceptions raised inside Python overrides of Qt methods
(`data()`, slots, event handlers) and carries on; pytest-qt cannot see them. The
autouse `qt_exceptions` fixture records them through `sys.excepthook` and fails
the test.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest

from aipdesk.services.base import Actor
from aipdesk.services.demo import load_demo
from aipdesk.store.database import Database, open_database


@pytest.fixture(autouse=True)
def qt_exceptions(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    caught: list[BaseException] = []

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        caught.append(value)
        sys.__excepthook__(kind, value, tb)

    monkeypatch.setattr(sys, "excepthook", hook)
    yield caught
    if caught:
        pytest.fail(f"exception raised inside Qt: {caught[0]!r}", pytrace=False)


@pytest.fixture(autouse=True)
def settings_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each test its own QSettings folder: a window restores and saves its size, pane and
    splitters there, never in the user's settings nor in another test's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(scope="session", autouse=True)
def german(qapp: object) -> None:
    """The product's default language for every GUI test, whatever order they run in."""
    from PySide6.QtWidgets import QApplication

    from aipdesk.ui import i18n

    app = QApplication.instance()
    assert app is not None
    i18n.install(app, "de")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once; each test gets its own copy."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    db = open_database(path)
    load_demo(db, Actor("demo", "demo"), 2021)
    db.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    db = open_database(path)
    yield db
    db.close()


@pytest.fixture
def backend(demo_db: Database, qapp: object) -> object:
    from aipdesk.ui.backend import Backend

    return Backend(demo_db, Actor("tester", "gui"))


@pytest.fixture
def window(demo_template: Path, tmp_path: Path, qtbot: object) -> Iterator[object]:
    """The real main window (build_main_window) on a copy of the demo, figures loaded."""
    import shutil

    from aipdesk.app import build_main_window
    from aipdesk.ui.main_window import MainWindow

    path = tmp_path / "window.sqlite"
    shutil.copy(demo_template, path)
    win = build_main_window(str(path), user="tester")
    assert isinstance(win, MainWindow)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    with qtbot.waitSignal(win.loaded, timeout=20_000):  # type: ignore[attr-defined]
        win.show()
    yield win
    win.close()
