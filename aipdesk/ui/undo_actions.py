"""Undo and redo in the menu and the toolbar. The Edit menu's entries name the step
("Rückgängig: Zielwert NeuStart 2021 ändern"); the toolbar shows the actions' fixed icon
texts ("Rückgängig"), so that it does not change its width with every step, and names the
step in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid


class UndoActions(QObject):
    def __init__(self, stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self.stack = stack
        self.undo = QAction(self.tr("&Undo"), parent)
        self.undo.setObjectName("actionUndo")
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.setIconText(self.tr("Undo"))  # the toolbar's label
        self.undo.triggered.connect(stack.undo)
        self.redo = QAction(self.tr("&Redo"), parent)
        self.redo.setObjectName("actionRedo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo.setIconText(self.tr("Redo"))
        self.redo.triggered.connect(stack.redo)
        stack.indexChanged.connect(self.relabel)
        stack.canUndoChanged.connect(self.relabel)
        stack.canRedoChanged.connect(self.relabel)
        stack.undoTextChanged.connect(self.relabel)
        stack.redoTextChanged.connect(self.relabel)
        self.relabel()

    def relabel(self, *_: object) -> None:
        stack = self.stack
        if not all(isValid(o) for o in (stack, self.undo, self.redo)):
            return  # the window is being taken down
        for action, can, step, verb, nothing in (
            (
                self.undo,
                stack.canUndo(),
                stack.undoText(),
                self.tr("Undo"),
                self.tr("Nothing to undo"),
            ),
            (
                self.redo,
                stack.canRedo(),
                stack.redoText(),
                self.tr("Redo"),
                self.tr("Nothing to redo"),
            ),
        ):
            named = f"{verb}: {step}" if can and step else verb
            action.setText("&" + named.replace("&", "&&"))
            action.setIconText(verb)  # setText resets it
            tip = named if can else nothing
            action.setEnabled(can)
            action.setToolTip(tip)
            action.setStatusTip(tip)
