"""The window's Excel and database exchange: export, entry template, import, merge.

Each runs off the GUI thread with a progress indicator; an import or a merge
shows what it would change before anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog

from aipdesk.domain.errors import DomainError
from aipdesk.errors import describe_unexpected
from aipdesk.ui.common import show_error
from aipdesk.ui.worker import Task, run_in_background

if TYPE_CHECKING:
    from aipdesk.ui.main_window import MainWindow


def documents_dir() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class ExchangeActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.backend = window.backend
        self._task: Task | None = None
        self._progress: QProgressDialog | None = None

    # -- shared ------------------------------------------------------------------------------
    def _busy(self, text: str) -> QProgressDialog:
        dialog = QProgressDialog(text, "", 0, 0, self.window)
        dialog.setObjectName("exchangeProgress")
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setCancelButton(None)  # the work is one transaction: it finishes or fails whole
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        self._progress = dialog
        return dialog

    def _done_busy(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _failed(self, error: BaseException) -> None:
        self._done_busy()
        if isinstance(error, DomainError):
            show_error(self.window, self.backend.message(error))
        else:
            show_error(
                self.window,
                describe_unexpected(error, self.backend.lang),
                self.tr("Something went wrong"),
            )

    def _progress_to(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _year_month(self) -> tuple[int, Any]:
        snapshot = self.window.snapshot
        assert snapshot is not None
        return snapshot.year, snapshot.report_month

    # -- export ------------------------------------------------------------------------------
    def export(self, path: str | None = None) -> None:
        if self.window.snapshot is None:
            return
        year, month = self._year_month()
        if path is None:
            suggested = str(Path(documents_dir()) / f"AIP-{year}-Stand-{month}.xlsx")
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Export workbook"),
                suggested,
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not path:
                return
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        self._busy(self.tr("Writing the workbook…")).show()
        self._task = run_in_background(
            lambda report: self.backend.export_workbook(year, month, path, report),
            self._exported,
            self._failed,
            self._progress_to,
        )

    def _exported(self, result: Any) -> None:
        self._done_busy()
        self.window.exported.emit(str(result.path))
        self._saved(
            "exportDoneMessage",
            self.tr("Workbook exported"),
            self.tr("The workbook was saved as\n{0}").format(result.path),
            result.path,
        )

    def _saved(self, name: str, title: str, text: str, path: str | Path) -> None:
        """Say that a file was written, with a button that opens its folder."""
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, self.window
        )
        box.setObjectName(name)
        folder = box.addButton(self.tr("Open &folder"), QMessageBox.ButtonRole.ActionRole)
        folder.setObjectName("openFolderButton")
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- template ----------------------------------------------------------------------------
    def template(self, path: str | None = None, project: str | None = None) -> None:
        snapshot = self.window.snapshot
        if snapshot is None:
            return
        year = snapshot.year
        if path is None:
            everyone = self.tr("All projects")
            choices = [everyone] + [f"{p.code} – {p.name}" for p in snapshot.projects if p.active]
            choice, ok = QInputDialog.getItem(
                self.window, self.tr("Entry template"), self.tr("Template for:"), choices, 0, False
            )
            if not ok:
                return
            project = None if choice == everyone else choice.split(" – ", 1)[0]
            name = f"Erfassung-{year}" + (f"-{project}" if project else "") + ".xlsx"
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Save entry template"),
                str(Path(documents_dir()) / name),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not path:
                return
        self._busy(self.tr("Writing the template…")).show()
        self._task = run_in_background(
            lambda: self.backend.write_template(year, path, project),
            self._template_done,
            self._failed,
        )

    def _template_done(self, path: Any) -> None:
        self._done_busy()
        self.window.statusBar().showMessage(self.tr("Entry template saved: {0}").format(path), 8000)

    # -- import ------------------------------------------------------------------------------
    def import_(self, path: str | None = None) -> None:
        if self.window.snapshot is None:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Import workbook"),
                documents_dir(),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not path:
                return
        self._busy(self.tr("Reading the workbook…")).show()
        chosen = path
        self._task = run_in_background(
            lambda: self.backend.plan_import(chosen),
            lambda result: self._preview(chosen, *result),
            self._failed,
        )

    def _preview(self, path: str, file: Any, plan: Any) -> None:
        from aipdesk.ui.dialogs.import_dialog import ImportPreviewDialog

        self._done_busy()
        dialog = ImportPreviewDialog(plan, Path(path).name, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._store(file, plan, dialog.skip_conflicts()))
        dialog.open()

    def _store(self, file: Any, plan: Any, skip_conflicts: bool) -> None:
        try:
            changes = self.backend.apply_import(file, skip_conflicts, plan)
        except DomainError as error:
            show_error(self.window, self.backend.message(error))
            return
        self.window.statusBar().showMessage(
            self.tr("Import done: {0} values stored.").format(len(changes.values)), 8000
        )

    # -- merge -------------------------------------------------------------------------------
    def merge(self, path: str | None = None) -> None:
        if self.window.snapshot is None:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Merge another aipdesk database"),
                documents_dir(),
                self.tr("aipdesk database (*.sqlite *.db);;All files (*)"),
            )
            if not path:
                return
        chosen = path
        self._busy(self.tr("Comparing the databases…")).show()
        self._task = run_in_background(
            lambda: self.backend.merge(chosen, "ours", True),
            lambda report: self._merge_ask(chosen, report),
            self._failed,
        )

    def _merge_ask(self, path: str, report: Any) -> None:
        self._done_busy()
        conflicts = list(report.conflicts)
        text = self.tr("{0}: {1} new values, {2} conflicts.").format(
            Path(path).name, report.new, len(conflicts)
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Merge databases"),
            text,
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("mergeQuestion")
        if conflicts:
            box.setDetailedText("\n".join(c.line(self.backend.lang) for c in conflicts))
            ours = box.addButton(self.tr("Keep &ours"), QMessageBox.ButtonRole.AcceptRole)
            theirs = box.addButton(self.tr("Take &theirs"), QMessageBox.ButtonRole.AcceptRole)
            ours.setObjectName("keepOursButton")
            theirs.setObjectName("takeTheirsButton")
            ours.clicked.connect(lambda: self._merge_run(path, "ours"))
            theirs.clicked.connect(lambda: self._merge_run(path, "theirs"))
        else:
            take = box.addButton(self.tr("&Merge"), QMessageBox.ButtonRole.AcceptRole)
            take.setObjectName("mergeButton")
            take.clicked.connect(lambda: self._merge_run(path, None))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _merge_run(self, path: str, prefer: Literal["ours", "theirs"] | None) -> None:
        try:
            report = self.backend.merge(path, prefer, False)
        except DomainError as error:
            show_error(self.window, self.backend.message(error))
            return
        self.window.statusBar().showMessage(
            self.tr("Merge done: {0} values taken.").format(len(report.changes.values)), 8000
        )
