"""Datei → Bericht als PDF… and Drucken… in the window, driven like a user (the file
dialog answered by the test, the preview opened without blocking)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from aipdesk.ui.main_window import MainWindow


def file_menu_actions(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [action.objectName() for action in menu.actions()]  # type: ignore[union-attr]


def test_the_file_menu_has_report_and_print(window: MainWindow) -> None:
    names = file_menu_actions(window)
    assert "actionReport" in names and "actionPrint" in names
    report = window.findChild(QAction, "actionReport")
    printing = window.findChild(QAction, "actionPrint")
    assert report.text() == "&Bericht als PDF…" and printing.text() == "&Drucken…"
    assert report.isEnabled() and printing.isEnabled()  # the figures are loaded


def test_report_as_pdf_in_the_background_then_open_folder(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "Bericht"  # without ".pdf": the window adds it
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "PDF (*.pdf)"))
    )
    with qtbot.waitSignal(window.exported, timeout=120_000) as signal:
        window.findChild(QAction, "actionReport").trigger()
    written = tmp_path / "Bericht.pdf"
    assert signal.args == [str(written)]
    assert written.read_bytes().startswith(b"%PDF-1.4")
    assert b'pdfaid:part="1"' in written.read_bytes()
    box = window.findChild(QMessageBox, "reportDoneMessage")
    assert box is not None and str(written) in box.text()
    assert any(b.objectName() == "openFolderButton" for b in box.buttons())
    box.close()
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-l", "1", str(written), "-"], capture_output=True, text=True
        ).stdout
        assert "Seite 1 von" in text and "Zielen im Plan" in text


def test_print_opens_the_preview_of_the_same_pages(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.findChild(QAction, "actionPrint").trigger()
    qtbot.waitUntil(
        lambda: window.findChild(QPrintPreviewDialog, "reportPrintPreview") is not None,
        timeout=60_000,
    )
    dialog = window.findChild(QPrintPreviewDialog, "reportPrintPreview")
    assert dialog.isVisible()
    # What the preview paints goes to a printer: here one that prints into a PDF file.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setFullPage(True)
    dialog.paintRequested.emit(printer)
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "Seite 1 von" in text and "Meldestand 2021" in text and "NeuStart:" in text
    dialog.reject()
    qtbot.waitUntil(lambda: window.reports.preview is None, timeout=10_000)


def test_the_progress_is_german_too(window: MainWindow) -> None:
    """The progress and failure texts come from the exchange's actions, in German."""
    dialog = window.reports._busy(window.reports.tr("Writing the report…"))
    assert dialog.windowTitle() == "Bitte warten"
    assert dialog.labelText() == "Der Bericht wird geschrieben…"
    window.reports._done_busy()
