"""The safety net itself: an exception inside a Qt override must not pass unnoticed."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot


class BrokenModel(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            raise ZeroDivisionError("broken data()")
        return None


@pytest.mark.qt_no_exception_capture  # this test checks our own hook, not pytest-qt's
def test_exception_in_data_reaches_the_hook(qtbot: QtBot,
                                            qt_exceptions: list[BaseException]) -> None:
    view = QListView()
    qtbot.addWidget(view)
    raised: list[BaseException] = []
    try:  # PySide 6.11 re-raises at the next Python-called Qt method, or hands it to the hook
        view.setModel(BrokenModel())
        view.show()
        qtbot.waitExposed(view)
        view.grab()  # paints, so data() runs
    except ZeroDivisionError as exc:
        raised.append(exc)
    view.hide()
    seen = raised + [e for e in qt_exceptions if isinstance(e, ZeroDivisionError)]
    assert seen, "an exception in data() went unnoticed"
    qt_exceptions.clear()  # expected here: do not fail this test
    assert sys.excepthook is not sys.__excepthook__
