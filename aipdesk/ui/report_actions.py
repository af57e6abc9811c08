"""Datei → Bericht als PDF… and Drucken…: the monthly Controllingbericht from the window.

The PDF is read and painted off the GUI thread with a progress indicator, then a
message offers to open its folder; printing reads the figures in the background and
opens Qt's print preview, which paints the same pages on the printer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog

from aipdesk.ui.exchange_actions import ExchangeActions, documents_dir
from aipdesk.ui.worker import run_in_background

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from aipdesk.ui.main_window import MainWindow
    from aipdesk.ui.report.data import ReportData


class ReportActions(ExchangeActions):
    """The report's two actions; the progress and failure handling are the exchange's."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.preview: QPrintPreviewDialog | None = None
        window.action_report.triggered.connect(lambda: self.pdf())
        window.action_print.triggered.connect(lambda: self.print_())

    # -- the PDF -----------------------------------------------------------------------------
    def pdf(self, path: str | None = None) -> None:
        if self.window.snapshot is None:
            return
        year, month = self._year_month()
        if path is None:
            suggested = str(Path(documents_dir()) / f"Controllingbericht-{year}-{month}.pdf")
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Save report as PDF"), suggested, self.tr("PDF (*.pdf)")
            )
            if not path:
                return
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
        backend, chosen = self.backend, Path(path)

        def write(report: Any) -> Any:
            from aipdesk.ui.report.writer import write_report

            return write_report(backend.db, year, month, chosen, backend.lang, report)

        self._busy(self.tr("Writing the report…")).show()
        self._task = run_in_background(write, self._written, self._failed, self._progress_to)

    def _written(self, result: Any) -> None:
        self._done_busy()
        self.window.exported.emit(str(result.path))
        self._saved(
            "reportDoneMessage",
            self.tr("Report saved"),
            self.tr("The report ({0} pages) was saved as\n{1}").format(result.pages, result.path),
            result.path,
        )

    # -- printing ----------------------------------------------------------------------------
    def print_(self) -> None:
        if self.window.snapshot is None:
            return
        year, month = self._year_month()
        backend = self.backend

        def read() -> Any:
            from aipdesk.ui.report.data import read_report

            return read_report(backend.db, year, month, backend.lang)

        self._busy(self.tr("Reading the report…")).show()
        self._task = run_in_background(read, self._show_preview, self._failed)

    def _show_preview(self, data: ReportData) -> None:
        # Qt's print support is loaded when first asked for, not at every start.
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from aipdesk.ui.report.writer import a4

        self._done_busy()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)  # the pages keep their own margins
        a4(printer)
        printer.setDocName(f"Controllingbericht {data.year} {data.report_month}")
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("reportPrintPreview")
        dialog.setWindowTitle(self.tr("Print report"))
        dialog.paintRequested.connect(lambda device: paint_on(device, data))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _: setattr(self, "preview", None))
        self.preview = dialog
        self._printer = printer  # lives as long as the dialog that paints on it
        dialog.open()


def paint_on(printer: QPrinter, data: ReportData) -> int:
    """Paint the report's pages on `printer`; returns the number of pages."""
    from aipdesk.ui.report.pages import paint_report

    painter = QPainter(printer)
    try:
        return paint_report(painter, printer, data)
    finally:
        painter.end()
