"""The sheet `Budget`: the budget of the Eingliederungstitel as `aipdesk budget status`
gives it, at the workbook's report month.

The allocation (Abb. 2 of the AIP), then one row for the total, each group and each
instrument with plan, plan to date, committed, available, spent to date, forecast, the two
quotas, status, Vorjahr, cost per result and what falls due in later years; below, the
groups' plan to date, spending and commitments as a native bar chart. Every figure is
the `BudgetReport`'s (`services.budget_status`): amounts are euros with two decimals
written exactly (`domain.money.to_json`), quotas the JSON's percent (one decimal) as a
fraction in Excel's percent format, status in words with the status colours.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.utils import get_column_letter

from aipdesk.domain.budget import Allocation, Level
from aipdesk.domain.budget_figures import Figures
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import Status
from aipdesk.domain.money import to_json
from aipdesk.domain.months import Month
from aipdesk.exchange.book import Book
from aipdesk.exchange.charts import _chart_title
from aipdesk.exchange.layout import BUDGET_SHEET
from aipdesk.exchange.spool import SpoolSheet
from aipdesk.exchange.styles import (
    ATTAINMENT,
    Look,
    fit_width,
    month_label,
    print_setup,
    set_widths,
    status_rules,
    status_text,
)
from aipdesk.services.budget_entries import BudgetEntry, entries_of_year, has_budget
from aipdesk.services.budget_status import BudgetReport, budget_status
from aipdesk.services.database import Database

# Euros with cents, thousands grouped: a German reader sees "1.234.567,89 €".
AMOUNT = '#,##0.00 "€"'
ALLOCATION_LINES = (
    ("allocation", "Zuteilung Eingliederungstitel"),
    ("transfers_in", "+ BEZ-Verbindungen"),
    ("admin_transfer", "− Entnahme Verwaltung"),
    ("available_for_measures", "= EGL-Leistungen (für Maßnahmen verfügbar)"),
    ("prior_commitments", "davon durch Vorbindungen gebunden"),
    ("new_business", "= für Neugeschäft"),
    ("planning_surcharge", "+ Planungsaufschlag"),
    ("available_for_planning", "= verfügbar für die Planung"),
)
TABLE_HEADER = (
    "Kürzel",
    "Bezeichnung",
    "Plan",
    "Soll bis Berichtsmonat",
    "Gebunden",
    "Verfügbar",
    "Ausgaben bis Berichtsmonat",
    "Hochrechnung",
    "Bindungsquote",
    "Ausgabequote",
    "Status",
    "Vorjahr (gleiche Monate)",
    "Ergebnisse",
    "Kosten je Ergebnis",
)  # then "Fällig YYYY" for each later year
CHART_SERIES = ("Soll bis Berichtsmonat", "Ausgaben", "Gebunden")
CHART_ROWS = 20


@dataclass(frozen=True)
class BudgetData:
    """The budget as the workbook shows it: the status at the report month and the
    stored entries behind it (`Budgetdaten`)."""

    report: BudgetReport | None  # None: the year has no budget (no plan, no entry)
    entries: list[BudgetEntry]
    names: dict[str, str]  # instrument code -> name


def read_budget(db: Database, year: int, month: Month) -> BudgetData | None:
    """The budget of `year` at `month`; None when the database knows no instruments."""
    try:
        report = budget_status(db, year, month) if has_budget(db, year) else None
    except DomainError as error:
        if error.code == Code.budget_no_catalogue:
            return None
        raise
    entries = entries_of_year(db, year)
    if report is None and not entries:
        return None
    names = {} if report is None else {row.code: row.name for row in report.rows}
    return BudgetData(report, entries, names)


def amount(cents: int | None) -> int | float | None:
    return None if cents is None else to_json(cents)


def quota(pct: float | None) -> float | None:
    """A quota as the JSON gives it (percent, one decimal) as Excel's fraction."""
    return None if pct is None else round(pct, 1) / 100.0


def due_years(report: BudgetReport) -> list[int]:
    return sorted({year for row in report.rows for year in row.due})


def row_values(row: Figures, years: list[int]) -> list[object]:
    """The figures of one line in the order of `TABLE_HEADER` and `years` (plain values)."""
    return [
        row.code,
        row.name,
        amount(row.plan),
        amount(row.plan_to_date),
        amount(row.committed),
        amount(row.available),
        amount(row.spent_to_date),
        amount(row.forecast),
        quota(row.bindungsquote_pct),
        quota(row.ausgabequote_pct),
        status_text(Status(row.status)),
        amount(row.previous_year_spent),
        row.results,
        amount(row.cost_per_result),
        *(amount(row.due.get(year, 0)) for year in years),
    ]


def write_budget_sheet(book: Book, report: BudgetReport) -> SpoolSheet:
    sheet = book.sheet(BUDGET_SHEET)
    ws, st = sheet.ws, book.st
    years = due_years(report)
    names = [row.name for row in report.rows] + [text for _, text in ALLOCATION_LINES]
    widths = [14.0, fit_width(names, 30, 60), *[15.0] * (len(TABLE_HEADER) - 2)]
    widths += [14.0] * len(years)
    set_widths(ws, widths)
    print_setup(ws, f"{book.title} · Budget", book.stamp, None)
    report_month = report.report_month
    sheet.append(
        [st.title(f"{book.data.organisation}: AIP {book.year} – Budget Eingliederungstitel")],
        height=22,
    )
    sheet.append([st.label("Jahr"), st.year(book.year)])
    sheet.append(
        [st.label("Berichtsmonat"), st.text(month_label(report_month.year, report_month.month))]
    )
    sheet.append([st.label("Stand"), st.text(book.stamp)])
    sheet.skip()
    money, money_bold = st.number(AMOUNT), st.number(AMOUNT, bold=True)
    _allocation(sheet, book, report.allocation, money, money_bold)
    sheet.skip()
    sheet.append([st.section("Plan, Bindungen und Ausgaben je Instrument")], height=18)
    header = [st.header_left(TABLE_HEADER[0]), st.header_left(TABLE_HEADER[1])]
    header += [st.header(text) for text in TABLE_HEADER[2:]]
    header += [st.header(f"Fällig {year}") for year in years]
    header_row = sheet.append(header, height=32)
    ws.freeze_panes = f"C{header_row + 1}"
    first = header_row + 1
    share = st.attainment
    share_bold = st.number(ATTAINMENT, bold=True)
    count, count_bold = st.number("#,##0"), st.number("#,##0", bold=True)
    for row in report.rows:
        bold = row.level is not Level.INSTRUMENT
        values = row_values(row, years)
        name = values[1] if row.part_of is None else f"davon {values[1]}"
        cells: list[object] = [
            (st.label if bold else st.text)(values[0]),
            (st.label if bold else st.text_indent)(name),
        ]
        for index, value in enumerate(values[2:], start=2):
            if index in (8, 9):
                cells.append((share_bold if bold else share)(value))
            elif index == 10:
                cells.append(st.status(value))
            elif index == 12:
                cells.append((count_bold if bold else count)(value))
            else:
                cells.append((money_bold if bold else money)(value))
        sheet.append(cells)
    status_column = get_column_letter(11)
    status_rules(ws, f"{status_column}{first}:{status_column}{sheet.row}")
    sheet.skip()
    for line in _notes(report):
        sheet.paragraph(st.note(line), get_column_letter(len(TABLE_HEADER)), sum(widths), 12)
    _chart(book, sheet, report, money, widths)
    return sheet


def _allocation(
    sheet: SpoolSheet, book: Book, allocation: Allocation | None, money: Look, bold: Look
) -> None:
    st = book.st
    sheet.append([st.section("Mittelverteilung (Abb. 2 des AIP)")], height=18)
    if allocation is None:
        sheet.append([None, st.text(f"Für {book.year} ist keine Zuteilung hinterlegt.")])
        return
    for key, text in ALLOCATION_LINES:
        look = bold if text.startswith("=") else money
        label = st.label(text) if text.startswith("=") else st.text(text)
        sheet.append([None, label, look(amount(getattr(allocation, key)))])


def _notes(report: BudgetReport) -> list[str]:
    month = report.report_month
    return [
        f"Zahlen wie „aipdesk budget status --year {report.year} --month {month}“. Soll: der "
        "Plan nach der Plankurve bis zum Berichtsmonat; Gebunden: Vorbindungen aus früheren "
        "Jahren, fällig im Jahr, und neue Bindungen bis zum Berichtsmonat; Verfügbar: Plan − "
        "Gebunden; Hochrechnung: Ausgaben ÷ Anteil der Plankurve bis zum Berichtsmonat.",
        "Status auf Ausgaben ÷ Soll: grün 90–110 %, gelb 75–90 % oder 110–125 %, sonst rot. "
        "Gruppen und Gesamt summieren ihre Instrumente („davon“-Zeilen nur einmal). Kosten je "
        "Ergebnis: Ausgaben ÷ Ist der verknüpften Kennzahl in denselben Monaten. Die Beträge "
        "der einzelnen Monate stehen im Blatt „Budgetdaten“.",
    ]


def _chart(
    book: Book, sheet: SpoolSheet, report: BudgetReport, money: Look, widths: list[float]
) -> None:
    """The groups' plan to date, spending and commitments: rows of their own, a chart."""
    st = book.st
    groups = [row for row in report.rows if row.level is Level.GROUP]
    if not groups:
        return
    sheet.skip()
    sheet.append([st.section("Soll, Ausgaben und Bindungen je Gruppe")], height=18)
    header_row = sheet.append(
        [
            st.header_left("Kürzel"),
            st.header_left("Gruppe"),
            *(st.header(text) for text in CHART_SERIES),
        ],
        height=32,
    )
    for row in groups:
        sheet.append(
            [
                st.text(row.code),
                st.text(row.name),
                *(
                    money(amount(cents))
                    for cents in (row.plan_to_date, row.spent_to_date, row.committed)
                ),
            ]
        )
    last = sheet.row
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.style = 2
    month = report.report_month
    chart.title = _chart_title(
        f"Budget {report.year} bis {month_label(month.year, month.month)}: "
        "Soll, Ausgaben und Bindungen je Gruppe"
    )
    chart.height = 10.0
    chart.width = 24.0
    chart.legend.position = "b"
    chart.y_axis.title = "Euro"
    chart.y_axis.number_format = '#,##0 "€"'
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    data = Reference(sheet.ws, min_col=3, max_col=5, min_row=header_row, max_row=last)
    chart.add_data(data, titles_from_data=True)
    # The groups' codes (I … IV, SONST) under the bars: their names stand in the rows above.
    chart.set_categories(Reference(sheet.ws, min_col=1, min_row=header_row + 1, max_row=last))
    # IBCS-like: plan outlined, spending solid dark, commitments grey.
    for series, (name, fill, line) in zip(
        chart.series,
        (
            (CHART_SERIES[0], "FFFFFF", "262626"),
            (CHART_SERIES[1], "262626", "262626"),
            (CHART_SERIES[2], "A6A6A6", "A6A6A6"),
        ),
        strict=True,
    ):
        series.tx = SeriesLabel(v=name)
        series.graphicalProperties.solidFill = fill
        series.graphicalProperties.line.solidFill = line
    sheet.skip()
    sheet.ws.add_chart(chart, f"A{sheet.row + 1}")
    sheet.skip(CHART_ROWS)
