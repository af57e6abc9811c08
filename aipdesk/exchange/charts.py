"""The native charts of a project sheet: Ist and Soll to date, month by month.

Their points are the curves of `views.charts` (`target_curve`), the same the
window's chart draws; they are written as rows of the sheet, and each chart
refers to its two rows. Two charts stand side by side, over rows kept free.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from openpyxl.chart import LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from aipdesk.domain.model import MetricKind
from aipdesk.exchange.book import Book, month_short
from aipdesk.exchange.spool import SpoolSheet
from aipdesk.exchange.styles import COUNT, MONTHS_SHORT, PERCENT_VALUE, column_pixels, formats_of
from aipdesk.format import number
from aipdesk.services.results import StatusRow

CHART_HEIGHT_CM = 8.0
ROW_CM = 0.53  # a row of the default height (15 pt)
CHART_ROWS = math.ceil(CHART_HEIGHT_CM / ROW_CM) + 2


@dataclass(frozen=True)
class Curve:
    """A target's cumulative Ist and Soll at each month of the year."""

    row: StatusRow
    ist: tuple[float | None, ...]  # Jan–Dez of the year
    soll: tuple[float | None, ...]


def write_charts(book: Book, sheet: SpoolSheet, curves: list[Curve], widths: list[float]) -> None:
    """The chart data (Ist and Soll to date per month), then one chart per target,
    two side by side, over rows kept free for them."""
    st = book.st
    sheet.append([st.section("Soll und Ist im Verlauf (kumuliert bis zum Monat)")], height=18)
    header_row = sheet.append(
        [st.header_left("Reihe")] + [st.header(m) for m in MONTHS_SHORT], height=18
    )
    placed: list[tuple[Curve, int, int]] = []
    for curve in curves:
        figure = st.number(formats_of(curve.row.metric)[0])
        name = curve.row.metric.name
        first = sheet.append([st.text(f"{name}: Ist")] + [figure(v) for v in curve.ist])
        if curve.row.target.value is not None:
            sheet.append([st.text(f"{name}: Soll")] + [figure(v) for v in curve.soll])
        placed.append((curve, first, sheet.row))
    sheet.skip()
    split, width_px = _halves([column_pixels(w) for w in widths])
    for index, (curve, first, last) in enumerate(placed):
        top = sheet.row + 1 + (index // 2) * CHART_ROWS
        column = "A" if index % 2 == 0 else get_column_letter(split + 1)
        chart = line_chart(book, sheet.ws, curve, header_row, first, last, width_px)
        sheet.ws.add_chart(chart, f"{column}{top}")
    sheet.skip(math.ceil(len(placed) / 2) * CHART_ROWS)


def line_chart(
    book: Book,
    ws: WriteOnlyWorksheet,
    curve: Curve,
    header_row: int,
    first: int,
    last: int,
    width_px: int,
) -> LineChart:
    """A line chart of the rows `first` (Ist) and `last` (Soll, if another row)."""
    metric, p = curve.row.metric, curve.row.progress
    chart = LineChart()
    ratio = formats_of(metric)[0] == PERCENT_VALUE
    if p.target is None:
        target = "ohne Zielwert"
    else:
        decimals = 0 if float(p.target).is_integer() else 1
        target = f"Zielwert {number(p.target, decimals)}{' %' if ratio else ''}"
    span = curve.row.target
    if (span.first, span.last) != (book.months[0], book.months[-1]):
        target += f", {month_short(span.first)} bis {month_short(span.last)}"
    chart.title = _chart_title(f"{metric.name} ({target})")
    chart.style = 2
    chart.height = CHART_HEIGHT_CM
    chart.width = max(8.0, width_px / 96 * 2.54 - 0.5)
    chart.legend.position = "b"
    if metric.kind is MetricKind.RATIO:
        y_title, ist_name = "Quote in %", "Ist (Quote bis Monat)"
    elif metric.kind is MetricKind.STOCK:
        y_title, ist_name = "Bestand (Ø bis Monat)", "Ist (Ø bis Monat)"
    else:
        y_title, ist_name = "Anzahl (kumuliert)", "Ist (kumuliert)"
    chart.y_axis.title = y_title
    chart.x_axis.title = f"Monat {book.year}"
    chart.y_axis.number_format = '#,##0" %"' if ratio else COUNT
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    data = Reference(ws, min_col=2, max_col=13, min_row=first, max_row=last)
    chart.add_data(data, from_rows=True, titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=2, max_col=13, min_row=header_row))
    looks = [(ist_name, "1F4E79", None), ("Soll (bis Monat)", "C55A11", "dash")]
    for series, (name, colour, dash) in zip(chart.series, looks, strict=False):
        series.tx = SeriesLabel(v=name)
        series.smooth = False
        series.graphicalProperties.line.solidFill = colour
        series.graphicalProperties.line.width = 28_575  # 2.25 pt
        if dash:
            series.graphicalProperties.line.dashStyle = dash
        series.marker.symbol = "circle" if dash is None else "none"
        if dash is None:
            series.marker.size = 5
            series.marker.graphicalProperties.solidFill = colour
            series.marker.graphicalProperties.line.solidFill = colour
    return chart


def _chart_title(text: str, size: int = 1100) -> Title:
    """A chart title in bold `size`/100 pt (the default 14 pt wraps most names)."""
    props = CharacterProperties(sz=size, b=True)
    paragraph = Paragraph(
        pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)]
    )
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _halves(pixels: list[int]) -> tuple[int, int]:
    """Where to start the right one of two charts side by side (a column index), and the
    width in pixels that both charts can take."""
    best = (0, 0)
    for split in range(1, len(pixels)):
        width = min(sum(pixels[:split]), sum(pixels[split:]))
        if width > best[1]:
            best = (split, width)
    return best[0], best[1] - 8
