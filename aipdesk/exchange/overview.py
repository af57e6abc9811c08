"""The sheet `Übersicht`: every target's figures as `aipdesk status` prints them.

The contracted columns (DESIGN §6) and after them how complete each row is, the
comparable Vorjahr with the planned change, and the official Kennzahlen; notes
below say why the report month is the one it is and how the figures are made.
"""

from __future__ import annotations

from datetime import datetime

from openpyxl.utils import get_column_letter

from aipdesk.domain.reporting import Holdup
from aipdesk.exchange.book import Book, fraction, month_short
from aipdesk.exchange.layout import (
    OVERVIEW_HEADER,
    OVERVIEW_HEADER_ROW,
    OVERVIEW_MORE,
    OVERVIEW_SHEET,
)
from aipdesk.exchange.spool import SpoolSheet
from aipdesk.exchange.styles import (
    CHANGE,
    MONTHS_SHORT,
    attainment_bars,
    fit_width,
    formats_of,
    month_label,
    print_setup,
    set_widths,
    status_rules,
    status_text,
)
from aipdesk.services.results import StatusRow


def write_overview(book: Book) -> SpoolSheet:
    sheet = book.sheet(OVERVIEW_SHEET)
    ws, st, rows = sheet.ws, book.st, book.data.rows
    widths = [
        fit_width([r.project.name for r in rows] + ["Berichtsmonat"], 16, 40),
        fit_width([r.metric.name for r in rows], 24, 48),
        *[14.5] * 6,
        10,
        fit_width([reported_text(r) for r in rows], 12, 40),
        *[14.5] * 5,
        fit_width([approved_text(r) for r in rows], 12, 30),
    ]
    set_widths(ws, widths)
    last = get_column_letter(len(OVERVIEW_HEADER) + len(OVERVIEW_MORE))
    ws.freeze_panes = f"A{OVERVIEW_HEADER_ROW + 1}"
    print_setup(ws, book.title, book.stamp, f"{OVERVIEW_HEADER_ROW}:{OVERVIEW_HEADER_ROW}")
    title_block(book, sheet, f"{book.data.organisation}: AIP {book.year} – Übersicht")
    sheet.skip(OVERVIEW_HEADER_ROW - 1 - sheet.row)
    sheet.append([st.header(h) for h in (*OVERVIEW_HEADER, *OVERVIEW_MORE)], height=46)
    first = sheet.row + 1
    change = st.number(CHANGE)
    for row in rows:
        p = row.progress
        value_format, deviation_format = formats_of(row.metric)
        figure = st.number(value_format)
        sheet.append(
            [
                st.text(row.project.name),
                st.text(row.metric.name),
                figure(p.target),
                figure(p.plan_to_date),
                figure(p.actual_to_date),
                st.attainment(fraction(p.attainment_pct)),
                st.number(deviation_format)(p.deviation),
                figure(p.forecast),
                st.status(status_text(p.status)),
                st.text(reported_text(row)),
                figure(p.previous_year_actual),
                change(fraction(p.previous_year_change_pct)),
                change(fraction(p.planned_change_pct)),
                figure(p.rolling_12m),
                change(fraction(p.yoy_month_change_pct)),
                st.text(approved_text(row)),
            ]
        )
    status_rules(ws, f"I{first}:I{max(sheet.row, first)}")
    attained = [fraction(r.progress.attainment_pct) for r in rows]
    highest = max((a for a in attained if a is not None), default=None)
    attainment_bars(ws, f"F{first}:F{max(sheet.row, first)}", highest)
    ws.auto_filter.ref = f"A{OVERVIEW_HEADER_ROW}:{last}{max(sheet.row, OVERVIEW_HEADER_ROW)}"
    sheet.skip()
    chars = sum(widths) * 1.1  # a 9 pt note fits more characters than the 11 pt width
    for line in overview_notes(book):
        sheet.paragraph(st.note(line), last, chars, 12)
    return sheet


def reported_text(row: StatusRow) -> str:
    """„6 von 6“, or „5 von 6, es fehlt Apr 2021“ for an incomplete row."""
    p = row.progress
    text = f"{p.months_reported} von {p.months_elapsed}"
    if p.complete:
        return text
    missing = ", ".join(f"{MONTHS_SHORT[m.month - 1]} {m.year}" for m in p.months_missing[:6])
    more = f" und {len(p.months_missing) - 6} weitere" if len(p.months_missing) > 6 else ""
    verb = "fehlt" if len(p.months_missing) == 1 else "fehlen"
    return f"{text}, es {verb} {missing}{more}"


def approved_text(row: StatusRow) -> str:
    """„6 von 6“, or „3 von 6, vorläufig“ while months up to the report month are not
    yet approved."""
    text = f"{row.months_approved} von {row.progress.months_elapsed}"
    return f"{text}, vorläufig" if row.provisional else text


def title_block(book: Book, sheet: SpoolSheet, title: str) -> None:
    st = book.st
    sheet.append([st.title(title)], height=22)
    sheet.append([st.label("Jahr"), st.year(book.year)])
    report = datetime(book.report.year, book.report.month, 1)
    sheet.append([st.label("Berichtsmonat"), st.month_year(report)])
    sheet.append([st.label("Stand"), st.datetime(book.local_now)])


def overview_notes(book: Book) -> list[str]:
    rows = book.data.rows
    names = {(r.project.code, r.metric.code): r for r in rows}

    def holdup_name(holdup: Holdup) -> str:
        row = names.get((holdup.project, holdup.metric))
        return f"{row.project.name} ({row.metric.name})" if row else holdup.project

    lines = []
    choice = book.data.snapshot.status.choice
    if choice is not None:
        told = choice.explain("de", holdup_name, lambda m: month_label(m.year, m.month))
        lines.append("Berichtsmonat: " + told + ".")
    lines += [
        "Soll: Zielwert × geplanter Anteil der gemeldeten Monate des Zielzeitraums bis zum "
        "Berichtsmonat (Bestandsgrößen: Zielwert; Ist ist dort der Durchschnitt der "
        "Monate). Ein Monat ohne Wert zählt weder im Soll noch im Ist; „Gemeldet“ nennt "
        "ihn.",
        "Quoten: Soll über die Zählergröße geplant, mit dem erwarteten Durchschnitt des "
        "Nenners im Zielzeitraum (geplant, sonst Trend der letzten 12 Monate).",
        "Vorjahr: dieselben Monate ein Jahr früher, nur wenn alle gemeldet sind. "
        "Gleitend 12 Monate: die 12 Monate bis zum Berichtsmonat (Integrationsquote: K2, "
        "Langzeitleistungsbezug: Veränderung zum Vorjahresmonat K3, nach der "
        "Kennzahlen-Verordnung zu § 48a SGB II).",
        "Zielerreichung: Ist ÷ Soll, bei Kennzahlen „weniger ist besser“ Soll ÷ Ist. "
        "Ampel nach den Schwellen der Kennzahl (Standard: grün ab 100 %, gelb ab 90 %); "
        "„–“: kein Zielwert oder noch keine Werte.",
        "Hochrechnung: Ist bei gleichbleibendem Tempo am Ende des Zielzeitraums. "
        "Quoten in %, ihre Abweichung in Prozentpunkten (%-Pkt.).",
    ]
    year = (book.months[0], book.months[-1])
    for row in rows:
        if (row.target.first, row.target.last) != year:
            lines.append(
                f"Zielzeitraum {row.project.name} – {row.metric.name}: "
                f"{month_short(row.target.first)} bis {month_short(row.target.last)}."
            )
    return lines
