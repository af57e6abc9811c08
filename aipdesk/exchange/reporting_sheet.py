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

from aipdesk.domain.closing import MonthState
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
TIMELY_HEADER = "Pünktlich"
# The monthly close over the marks: reported by the team lead, approved (locked).
CLOSE_SYMBOL = {MonthState.REPORTED: "☑", MonthState.APPROVED: "✔"}
MAX_GAP_LINES = 100  # the missing metrics named below the matrix, month by month


def of(reported: int, due: int) -> str:
    return f"{reported} von {due}"


def write_reporting_sheet(book: Book, matrix: ReportingMatrix | None = None) -> SpoolSheet:
    matrix = matrix or reporting_matrix(book.data.snapshot)
    sheet = book.sheet(REPORTING_SHEET)
    ws, st = sheet.ws, book.st
    names = [row.project.name for row in matrix.rows]
    widths = [
        fit_width([*names, "Gemeldet (Projekte)", "Berichtsmonat"], 18, 48),
        *[7.5] * 12,
        11,
        11,
    ]
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
        [
            st.header_left("Projekt"),
            *[st.header(m) for m in MONTHS_SHORT],
            st.header(TOTAL_HEADER),
            st.header(TIMELY_HEADER),
        ],
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
    green_fill, green_ink = STATUS_COLOURS[Status.GREEN]
    amber_fill, amber_ink = STATUS_COLOURS[Status.AMBER]
    approved = Look(
        ws,
        alignment=centre,
        font=font(bold=True, color=green_ink),
        fill=PatternFill("solid", start_color=green_fill, end_color=green_fill),
    )
    late = Look(
        ws,
        alignment=centre,
        font=font(bold=True, color=amber_ink),
        fill=PatternFill("solid", start_color=amber_fill, end_color=amber_fill),
    )
    right = Look(ws, alignment=Alignment(horizontal="right"))
    bold_right = Look(ws, alignment=Alignment(horizontal="right"), font=font(bold=True))
    closing = book.data.snapshot.closing
    for row in matrix.rows:
        cells = []
        hit = due = 0
        for offset, mark in enumerate(row.marks):
            close = closing.get((row.project.code, matrix.months[offset]))
            if close is None or close.state is MonthState.OPEN:
                cells.append(look[mark](SYMBOL[mark]))
            elif close.on_time is False:  # reported after the Meldeschluss
                cells.append(late(CLOSE_SYMBOL[close.state] + "!"))
            elif close.state is MonthState.APPROVED:
                cells.append(approved(CLOSE_SYMBOL[close.state]))
            else:
                cells.append(look[Mark.REPORTED](CLOSE_SYMBOL[close.state]))
            if close is not None and close.on_time is not None:
                due += 1
                hit += int(close.on_time)
        sheet.append(
            [
                st.text(row.project.name),
                *cells,
                right(of(row.reported, row.due)),
                right(of(hit, due) if due else "–"),
            ]
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
        f"Monaten (Zeile) bzw. Projekten (Spalte).",
        "Monatsabschluss: ☑ von der Teamleitung gemeldet, ✔ von der Koordination freigegeben "
        "(gesperrt); „!“: nach dem Meldeschluss gemeldet (verspätet). „Pünktlich“: bis zum "
        "Meldeschluss gemeldete Monate von denen, die gemeldet oder deren Meldeschluss vorbei "
        "ist.",
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
