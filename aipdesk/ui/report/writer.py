"""The Controllingbericht as a PDF/A-1b file (A4, fonts embedded), and on a printer.

`write_report` reads the figures, paints them into memory with `QPdfWriter` and writes
the file as every file aipdesk writes: refused over a database or anything that is not a
plain file, into a temporary file beside it, renamed over the target when complete
(`aipdesk.outputs`). It runs headless: without a display, Qt's offscreen platform.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from aipdesk.domain.messages import Note
from aipdesk.domain.months import Month
from aipdesk.outputs import check_output, write_atomically
from aipdesk.services.database import Database
from aipdesk.ui.report.data import ReportData, read_report
from aipdesk.ui.report.pages import Progress, paint_report

RESOLUTION = 300  # dpi of the PDF's coordinates (text and lines are vectors anyway)


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int
    report_month: Month


def ensure_gui() -> None:
    """A QGuiApplication for fonts and painting; offscreen where there is no display."""
    if QGuiApplication.instance() is not None:
        return
    displays = ("DISPLAY", "WAYLAND_DISPLAY")
    if not os.environ.get("QT_QPA_PLATFORM") and not any(map(os.environ.get, displays)):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import sys

    QGuiApplication(sys.argv[:1])


def a4(device: QPagedPaintDevice) -> None:
    """A4 portrait, no margins of the device's own: the pages keep theirs."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )


def pdf_bytes(data: ReportData, progress: Progress | None = None) -> tuple[bytes, int]:
    """The report as the bytes of a PDF/A-1b file, and its number of pages."""
    buffer_data = QByteArray()
    buffer = QBuffer(buffer_data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setResolution(RESOLUTION)
    a4(writer)
    writer.setTitle(
        data.say(Note.report_document_title, year=data.year, organisation=data.organisation)
    )
    writer.setCreator("aipdesk")
    painter = QPainter(writer)
    try:
        pages = paint_report(painter, writer, data, progress)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer_data.data()), pages


def write_report(
    db: Database,
    year: int,
    month: Month | None,
    path: Path,
    lang: str = "de",
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ReportResult:
    """Write the report of `year` at `month` (None: the Meldeschluss month) to `path`."""
    target = check_output(path, db.path)
    ensure_gui()
    data = read_report(db, year, month, lang, now)
    content, pages = pdf_bytes(data, progress)
    write_atomically(target, lambda handle: handle.write(content))
    return ReportResult(target, pages, data.report_month)
