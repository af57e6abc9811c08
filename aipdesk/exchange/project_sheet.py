"""One sheet per project: the month grid, the charts, the Vorjahr and the notes."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from aipdesk.domain.model import Metric, MetricKind, Project
from aipdesk.domain.months import Month
from aipdesk.domain.progress import Inputs, actual
from aipdesk.exchange.book import Book, fraction, month_short
from aipdesk.exchange.charts import Curve, write_charts
from aipdesk.exchange.layout import GRID_TAIL
from aipdesk.exchange.spool import SpoolSheet
from aipdesk.exchange.styles import (
    COUNT,
    MONTHS_SHORT,
    fit_width,
    formats_of,
    month_label,
    print_setup,
    set_widths,
    status_rules,
    status_text,
)
from aipdesk.services.results import StatusRow


@dataclass(frozen=True)
class GridLine:
    """One metric row of a project sheet."""

    metric: Metric
    depth: int
    values: tuple[float | None, ...]
    total: float | None
    status_row: StatusRow | None
    label: str


def write_project_sheet(book: Book, project: Project, name: str) -> SpoolSheet:
    sheet = book.sheet(name)
    ws, st = sheet.ws, book.st
    lines = grid_lines(book, project)
    curves = project_curves(book, project)
    label_width = fit_width(
        [line.label for line in lines]
        + [f"{c.row.metric.name}: Soll" for c in curves]
        + ["Kennzahl"],
        30,
        52,
    )
    widths = [label_width, *[8.5] * 12, 10.5, 10.5, 10.5, 10.5, 14, 8.5]
    chars = sum(widths) * 0.95
    set_widths(ws, widths)
    ws.freeze_panes = "B1"
    print_setup(ws, f"{book.title} · {project.name}", book.stamp, None)

    title = project.name
    if project.code.casefold() not in project.name.casefold():
        title += f" ({project.code})"
    sheet.append([st.title(title)], height=22)
    subtitle = (
        f"{book.data.organisation} · AIP {book.year} · Berichtsmonat "
        f"{month_label(book.report.year, book.report.month)} · Stand {book.stamp}"
    )
    sheet.append([st.subtitle(subtitle)])
    details = []
    if project.period.first or project.period.last:
        begin = month_short(project.period.first) if project.period.first else "…"
        end = month_short(project.period.last) if project.period.last else "…"
        details.append(f"Laufzeit {begin} bis {end}")
    if project.description:
        details.append(project.description)
    if details:
        sheet.paragraph(st.subtitle_wrap(" · ".join(details)), "S", chars, 15)
    sheet.skip()

    month_grid(book, sheet, lines, chars)
    if curves:
        write_charts(book, sheet, curves, widths)
    previous_year(book, sheet, project, lines)
    notes(book, sheet, project, widths)
    return sheet


def grid_lines(book: Book, project: Project) -> list[GridLine]:
    snap = book.data.snapshot
    by_metric: dict[str, StatusRow] = {}
    for row in book.status_of.get(project.code, ()):
        by_metric.setdefault(row.metric.code, row)
    lines = [
        GridLine(r.metric, r.depth, r.values, r.total, by_metric.get(r.metric.code), r.metric.name)
        for r in book.grid_of.get(project.code, ())
    ]
    # Ratios are computed, not logged: their row shows the quota to date at each month.
    for code in snap.tracked.get(project.code, ()):
        metric = snap.metrics[code]
        if not metric.is_computed:
            continue
        inputs = book.inputs(project.code, metric)
        months = book.months
        to_date = tuple(
            actual(metric.kind, months[: m + 1], inputs)
            if months[m] <= book.report and months[m] in inputs.numerator
            else None
            for m in range(12)
        )
        lines.append(
            GridLine(
                metric,
                0,
                to_date,
                actual(metric.kind, months, inputs),
                by_metric.get(code),
                f"{metric.name} (bis Monat)",
            )
        )
    return lines


def project_curves(book: Book, project: Project) -> list[Curve]:
    """Cumulative Ist and Soll at each month of the year for each target of `project`."""
    result = []
    for row in book.status_of.get(project.code, ()):
        chart = book.data.charts.get((row.project.code, row.metric.code, row.target.first))
        ist: dict[Month, float | None] = {}
        soll: dict[Month, float | None] = {}
        if chart is not None:
            ist = dict(zip(chart.months, chart.cumulative, strict=True))
            soll = dict(zip(chart.months, chart.plan, strict=True))
        result.append(
            Curve(
                row,
                tuple(ist.get(m) for m in book.months),
                tuple(soll.get(m) for m in book.months),
            )
        )
    return result


def month_grid(book: Book, sheet: SpoolSheet, lines: list[GridLine], chars: float) -> None:
    st = book.st
    sheet.append([st.section(f"Monatswerte {book.year}")], height=18)
    header_row = sheet.append(
        [st.header_left("Kennzahl")]
        + [st.header(m) for m in MONTHS_SHORT]
        + [st.header(f"{GRID_TAIL[0]} {book.year}")]
        + [st.header(h) for h in GRID_TAIL[1:]],
        height=30,
    )
    for line in lines:
        for row in grid_rows(book, line):
            sheet.append(row)
    if lines:
        status_rules(sheet.ws, f"S{header_row + 1}:S{sheet.row}")
    footnote = (
        f"Leere Monate: noch kein Wert gemeldet (keine Null). Summe / Ø {book.year}: die "
        "Summe der gemeldeten Monate des Jahres, bei Bestandsgrößen ihr Durchschnitt (Ø), "
        "bei Quoten der Stand des Jahres. Zielwert, Soll, Ist und Zielerreichung gelten für "
        "den Zielzeitraum bis zum Berichtsmonat; ist er nicht das Kalenderjahr, stehen sie "
        "in einer eigenen Zeile „Zielzeitraum …“."
    )
    sheet.paragraph(st.note(footnote), "S", chars * 1.15, 12)
    sheet.skip()


def total_format(metric: Metric) -> str:
    """The Summe / Ø column's format: a stock's average says "Ø" in its cell."""
    value_format, _ = formats_of(metric)
    if metric.kind is MetricKind.STOCK:
        return f'"Ø "{value_format}'
    return value_format


def period_label(line: GridLine, book: Book) -> str | None:
    """The label of the target's own row where its period is not the calendar year."""
    if line.status_row is None:
        return None
    target = line.status_row.target
    if (target.first, target.last) == (book.months[0], book.months[-1]):
        return None
    report = min(book.report, target.last)
    return (
        f"Zielzeitraum {month_short(target.first)}–{month_short(target.last)}, "
        f"bis {MONTHS_SHORT[report.month - 1]} {report.year}"
    )


def grid_rows(book: Book, line: GridLine) -> list[list[Any]]:
    """The metric's row: its months and the year's Summe / Ø, with the target's figures;
    where the target runs over another period than the year, those figures stand in a
    row of their own, labelled with that period."""
    st = book.st
    value_format, _ = formats_of(line.metric)
    monthly = st.number(value_format if line.metric.is_computed else COUNT)
    bold = st.number(total_format(line.metric), bold=True)
    figure = st.number(value_format)
    label = st.text_indent if line.depth else st.text
    p = line.status_row.progress if line.status_row else None
    tail: list[Any] = []
    if p is not None:
        tail = [
            figure(p.target),
            figure(p.plan_to_date),
            figure(p.actual_to_date),
            st.attainment(fraction(p.attainment_pct)),
            st.status(status_text(p.status)),
        ]
    row = [label(line.label)] + [monthly(v) for v in line.values] + [bold(line.total)]
    period = period_label(line, book)
    if period is None:
        return [row + tail]
    return [row, [st.text_indent(period)] + [None] * 13 + tail]


def previous_year(book: Book, sheet: SpoolSheet, project: Project, lines: list[GridLine]) -> None:
    st, previous = book.st, book.year - 1
    sheet.append([st.section(f"Vorjahr {previous}")], height=18)
    logged = book.previous_of.get(project.code, {})
    plain = [line for line in lines if not line.metric.is_computed]
    if not logged or not plain:
        sheet.append([st.text(f"Keine Werte für {previous} gemeldet.")])
        sheet.skip()
        return
    sheet.append(
        [st.header_left("Kennzahl")]
        + [st.header(m) for m in MONTHS_SHORT]
        + [st.header(f"{GRID_TAIL[0]} gleiche Monate")],
        height=44,
    )
    months = [m.shift(-12) for m in book.months]
    count = st.number(COUNT)
    for line in plain:
        values = logged.get(line.metric.code, {})
        total = comparable_total(line, months, values)
        label = st.text_indent if line.depth else st.text
        sheet.append(
            [label(line.metric.name)]
            + [count(values.get(m)) for m in months]
            + [st.number(total_format(line.metric), bold=True)(total)]
        )
    sheet.paragraph(
        st.note(
            f"Summe / Ø gleiche Monate: über die Monate, die {book.year} gemeldet sind, "
            f"ein Jahr früher – nur wenn {previous} alle gemeldet sind (sonst leer), "
            f"vergleichbar mit Summe / Ø {book.year} oben."
        ),
        "S",
        sum([30, *[8.5] * 12]) * 1.1,
        12,
    )
    sheet.skip()


def comparable_total(
    line: GridLine, months: list[Month], values: dict[Month, float]
) -> float | None:
    """The previous year's Summe / Ø over the months this year's has (DESIGN §3: the same
    months a year earlier, all of them reported), else None."""
    same = [m for m, v in zip(months, line.values, strict=True) if v is not None]
    if not same or any(m not in values for m in same):
        return None
    return actual(line.metric.kind, same, Inputs(values=values))


def notes(book: Book, sheet: SpoolSheet, project: Project, widths: list[float]) -> None:
    st, ws = book.st, sheet.ws
    sheet.append([st.section(f"Bemerkungen {book.year}")], height=18)
    order = {code: i for i, code in enumerate(book.data.snapshot.tracked.get(project.code, ()))}
    found = sorted(
        book.notes_of.get(project.code, ()),
        key=lambda c: (c.month, order.get(c.metric, len(order)), c.metric),
    )
    if not found:
        sheet.append([st.text("Keine Bemerkungen.")])
        return
    row = sheet.append(
        [st.header_left("Kennzahl"), st.header("Monat"), None, st.header_left("Bemerkung")],
        height=18,
    )
    ws.merged_cells.add(f"B{row}:C{row}")
    ws.merged_cells.add(f"D{row}:S{row}")
    chars = sum(widths[3:]) * 0.9
    metrics = book.data.snapshot.metrics
    for cell in found:
        text = cell.note or ""
        lines = sum(max(1, math.ceil(len(part) / chars)) for part in text.split("\n"))
        row = sheet.append(
            [
                st.top(metrics[cell.metric].name),
                st.top(month_label(cell.month.year, cell.month.month)),
                None,
                st.wrap(text),
            ],
            height=15 * lines + 2 if lines > 1 else None,
        )
        ws.merged_cells.add(f"B{row}:C{row}")
        ws.merged_cells.add(f"D{row}:S{row}")
