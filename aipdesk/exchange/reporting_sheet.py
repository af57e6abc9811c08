"""The sheet `Meldestand`: which project has logged which month, as the window's matrix.

The marks and totals come from `services.reporting_matrix` (what the dashboard's
`reportingMatrix` shows): ✓ every metric logged, – something missing, up to the report
month; the months after it in grey (✓ where logged already); months outside a
project's period empty. The last column and the last row hold "n von m" (months
reported of those due). The import never reads this sheet (it reads `Erfassung` or
`Daten` only).
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Font, PatternFill

from aipdesk.domain.model import Status
from aipdesk.exchange.book import Book
from aipdesk.exchange.layout import REPORTING_HEADER_ROW, REPORTING_SHEET
from aipdesk.exchange.spool import SpoolSheet
from aipdesk.exchange.styles import (
    GREY,
    MONTHS_SHORT,
    STATUS_COLOURS,
    Look,
    fit_width,
    font,
    month_label,
    print_setup,
    set_widths,
)
from aipdesk.services.reporting_matrix import Mark, ReportingMatrix, reporting_matrix

SYMBOL = {
    Mark.REPORTED: "✓",
    Mark.MISSING: "–",
    Mark.AHEAD: "✓",
    Mark.OPEN: None,
    Mark.OUTSIDE: None,
}
TOTAL_HEADER = "Gemeldet"
MAX_GAP_LINES = 100  # the missing metrics named below the matrix, month by month


def of(reported: int, due: int) -> str:
    return f"{reported} von {due}"


def write_reporting_sheet(book: Book, matrix: ReportingMatrix | None = None) -> SpoolSheet:
    matrix = matrix or reporting_matrix(book.data.snapshot)
    sheet = book.sheet(REPORTING_SHEET)
    ws, st = sheet.ws, book.st
    names = [row.project.name for row in matrix.rows]
    widths = [fit_width([*names, "Gemeldet (Projekte)", "Berichtsmonat"], 18, 48), *[7.5] * 12, 11]
    set_widths(ws, widths)
    ws.freeze_panes = f"B{REPORTING_HEADER_ROW + 1}"
    print_setup(ws, book.title, book.stamp, f"{REPORTING_HEADER_ROW}:{REPORTING_HEADER_ROW}")
    # The title block of Übersicht, its month and time as text: the narrow month column
    # would show a date as "###" (text runs on into the empty cells beside it).
    sheet.append([st.title(f"{book.data.organisation}: AIP {book.year} – Meldestand")], height=22)
    sheet.append([st.label("Jahr"), st.year(book.year)])
    report = book.report
    sheet.append([st.label("Berichtsmonat"), st.text(month_label(report.year, report.month))])
    sheet.append([st.label("Stand"), st.text(book.stamp)])
    sheet.skip(REPORTING_HEADER_ROW - 1 - sheet.row)
    sheet.append(
        [st.header_left("Projekt"), *[st.header(m) for m in MONTHS_SHORT], st.header(TOTAL_HEADER)],
        height=20,
    )
    centre = Alignment(horizontal="center")
    red_fill, red_ink = STATUS_COLOURS[Status.RED]
    grey = PatternFill("solid", start_color="F2F2F2", end_color="F2F2F2")
    look = {
        Mark.REPORTED: Look(ws, alignment=centre),
        Mark.MISSING: Look(
            ws,
            alignment=centre,
            font=font(bold=True, color=red_ink),
            fill=PatternFill("solid", start_color=red_fill, end_color=red_fill),
        ),
        Mark.AHEAD: Look(ws, alignment=centre, font=Font(name="Calibri", color=GREY), fill=grey),
        Mark.OPEN: Look(ws, fill=grey),
        Mark.OUTSIDE: Look(ws, fill=grey),
    }
    right = Look(ws, alignment=Alignment(horizontal="right"))
    bold_right = Look(ws, alignment=Alignment(horizontal="right"), font=font(bold=True))
    for row in matrix.rows:
        sheet.append(
            [st.text(row.project.name)]
            + [look[mark](SYMBOL[mark]) for mark in row.marks]
            + [right(of(row.reported, row.due))]
        )
    totals = [matrix.month_total(offset) for offset in range(12)]
    sheet.append(
        [st.label("Gemeldet (Projekte)")]
        + [bold_right(of(*total)) if total[1] else None for total in totals]
        + [bold_right(of(*matrix.total()))]
    )
    sheet.skip()
    chars = sum(widths) * 1.1
    for line in notes(matrix):
        sheet.paragraph(st.note(line), "N", chars, 12)
    return sheet


def notes(matrix: ReportingMatrix) -> list[str]:
    report = matrix.report_month
    lines = [
        f"✓: alle Kennzahlen des Projekts für den Monat gemeldet; –: mindestens eine fehlt. "
        f"Fällig sind die Monate bis zum Berichtsmonat {MONTHS_SHORT[report.month - 1]} "
        f"{report.year} innerhalb der Projektlaufzeit; spätere Monate grau (✓: schon "
        f"gemeldet), Monate außerhalb der Laufzeit leer. „n von m“: gemeldete von fälligen "
        f"Monaten (Zeile) bzw. Projekten (Spalte)."
    ]
    gaps = [
        (row, offset)
        for row in matrix.rows
        for offset, mark in enumerate(row.marks)
        if mark is Mark.MISSING
    ]
    for row, offset in gaps[:MAX_GAP_LINES]:
        names = ", ".join(metric.name for metric in row.missing[offset])
        lines.append(f"Es fehlt {row.project.name}, {MONTHS_SHORT[offset]} {matrix.year}: {names}.")
    if len(gaps) > MAX_GAP_LINES:
        lines.append(f"… und {len(gaps) - MAX_GAP_LINES} weitere fehlende Monate.")
    return lines
