"""Restoring a backup from the window: the File menu entry, and the offer made when the
database file turns out to be damaged on opening."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from aipdesk.domain.errors import DomainError
from aipdesk.errors import describe_unexpected
from aipdesk.ui.common import show_error

if TYPE_CHECKING:
    from aipdesk.ui.main_window import MainWindow


class BackupActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.backend = window.backend

    def restore(self, path: str | None = None) -> QMessageBox | None:
        """Ask for a backup (the backup folder first), confirm, then restore it."""
        if not self.backend.can_restore:
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Restore a backup"),
                self.backend.backup_folder(),
                self.tr("aipdesk database (*.sqlite *.db);;All files (*)"),
            )
            if not path:
                return None
        text = self.tr(
            "Replace the database by the state saved in {0}?\n\nThe current state is backed "
            "up first: Undo (Ctrl+Z) brings it back."
        ).format(Path(path).name)
        return self._ask(self.tr("Restore a backup"), text, path, "confirmRestore")

    def offer(self, error: DomainError) -> QMessageBox | None:
        """The database could not be opened because it is damaged: offer its newest
        backup (the damaged file is kept, as a backup of its own, before the restore)."""
        backup = error.params.get("backup")
        if error.code != "db_damaged" or not backup:
            return None
        text = self.tr(
            "{0}\n\nRestore the newest backup now? The damaged file is kept as a backup."
        ).format(self.backend.message(error))
        return self._ask(self.tr("Database damaged"), text, backup, "offerBackup")

    def _ask(self, title: str, text: str, path: str, name: str) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName(name)
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        restore.clicked.connect(lambda: self._run(path))
        box.open()
        return box

    def _run(self, path: str) -> None:
        try:
            result: Any = self.backend.restore(path)
        except DomainError as error:
            show_error(self.window, self.backend.message(error), self.tr("Restore refused"))
            return
        except Exception as error:  # a full disk, a file taken away: words, no traceback
            text = describe_unexpected(error, self.backend.lang)
            show_error(self.window, text, self.tr("Restore failed"))
            return
        saved = (
            self.tr("The previous state is saved in {0}.").format(result.backup_of_current)
            if result.backup_of_current
            else ""
        )
        self.window.restored(
            self.tr("Restored from {0}.").format(Path(result.restored_from).name) + " " + saved
        )
