"""The note (Bemerkung) of one monthly value, typed without the mouse.

Ctrl+Enter saves, Escape cancels, Tab leaves the text for the buttons (Enter makes a new
line). A note belongs to a value: on an empty cell the dialog asks for the value too.
A refusal is shown in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from aipdesk.ui.common import ok_cancel

# Stores (value text or None when the cell has a value, note); returns why not, or None.
Save = Callable[[str | None, str], str | None]


class NoteDialog(QDialog):
    def __init__(
        self,
        where: str,
        note: str,
        save: Save,
        needs_value: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Note"))
        self.setAccessibleName(self.tr("Note on {0}").format(where))
        self._save = save
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Note on {0}:").format(where), self)
        heading.setObjectName("noteTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.value_edit: QLineEdit | None = None
        if needs_value:
            label = QLabel(self.tr("&Value (a note belongs to a monthly value):"), self)
            self.value_edit = QLineEdit(self)
            self.value_edit.setObjectName("noteValueEdit")
            self.value_edit.setAccessibleName(self.tr("Value"))
            self.value_edit.installEventFilter(self)
            label.setBuddy(self.value_edit)
            layout.addWidget(label)
            layout.addWidget(self.value_edit)
        text_label = QLabel(self.tr("&Note:"), self)
        self.edit = QPlainTextEdit(note, self)
        self.edit.setObjectName("noteEdit")
        self.edit.setAccessibleName(self.tr("Note"))
        self.edit.setTabChangesFocus(True)
        self.edit.installEventFilter(self)
        text_label.setBuddy(self.edit)
        layout.addWidget(text_label)
        layout.addWidget(self.edit, 1)
        hint = QLabel(self.tr("Ctrl+Enter saves, Esc cancels."), self)
        hint.setObjectName("noteHint")
        layout.addWidget(hint)
        self.message = QLabel(self)
        self.message.setObjectName("noteMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons, self.ok_button = ok_cancel(self)
        self.ok_button.setAutoDefault(False)
        layout.addWidget(self.buttons)
        first = self.value_edit or self.edit
        first.setFocus()
        if self.value_edit is not None:
            QWidget.setTabOrder(self.value_edit, self.edit)
        QWidget.setTabOrder(self.edit, self.ok_button)
        cursor = self.edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)
        line = self.fontMetrics().height()
        self.resize(line * 30, line * 14)

    def note(self) -> str:
        return self.edit.toPlainText().strip()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Enter saves from anywhere; in the value line a plain Enter does too.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
                or (watched is self.value_edit and self.value_edit is not None)
            )
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        """Store the note; a refusal keeps the dialog open and says why."""
        value = self.value_edit.text().strip() if self.value_edit is not None else None
        refused = self._save(value, self.note())
        if refused:
            self.message.setText("⚠ " + refused)
            self.message.show()
            return
        super().accept()
