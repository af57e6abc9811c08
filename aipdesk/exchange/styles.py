"""Looks of the exported workbook: number formats, fonts, fills, print set-up, and the
XML of the cells themselves.

Number formats are written in the file's neutral (English) syntax; Excel and
LibreOffice show them in the reader's locale, so a German reader sees
``17.046``, ``96,6%``, ``24,6 %`` and ``05.03.2024 14:30``.

Cells are serialised here rather than by openpyxl (see `RowWriter`): text always
becomes an inline string, never a formula, whatever it begins with.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import IO, Any, NamedTuple
from xml.sax.saxutils import escape

from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule, DataBarRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from aipdesk.domain.model import Metric, MetricKind, Status
from aipdesk.format import GERMAN

MONTHS_SHORT = GERMAN.month_names()
MONTHS_LONG = GERMAN.month_names(long=True)

# Number formats (DESIGN §3: flows are counts, stocks are averages, ratios percent values).
COUNT = "#,##0"
DECIMAL = "#,##0.0"
# A ratio's values are percent values already (24.6 means 24,6 %): shown with a literal " %".
PERCENT_VALUE = '#,##0.0" %"'
# Zielerreichung is written as a fraction (0.966) in Excel's percent format: 96,6 %.
ATTAINMENT = "0.0%"
CHANGE = "+0.0%;-0.0%;0.0%"  # a change in percent, signed (no colour: for LZB less is good)
# Abweichung: a sign always, negative ones in red (Excel and LibreOffice both know [Red]).
DEVIATION_COUNT = "+#,##0;[Red]-#,##0;0"
DEVIATION_DECIMAL = "+#,##0.0;[Red]-#,##0.0;0.0"
DEVIATION_POINTS = '+#,##0.0" %-Pkt.";[Red]-#,##0.0" %-Pkt.";0.0" %-Pkt."'
DATETIME = "DD.MM.YYYY hh:mm"
MONTH_YEAR = "MMMM YYYY"
YEAR = "0"

NAVY = "1F3864"
GREY = "595959"
HEADER_FILL = PatternFill("solid", start_color=NAVY, end_color=NAVY)
BAND_FILL = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
STATUS_COLOURS = {  # Excel's own "good / neutral / bad" cell styles
    Status.GREEN: ("C6EFCE", "006100"),
    Status.AMBER: ("FFEB9C", "9C5700"),
    Status.RED: ("FFC7CE", "9C0006"),
}
BAR_COLOUR = "A6A6A6"  # the Zielerreichung's data bars: grey, the status keeps the colours
MAX_TEXT = 32_767  # Excel's limit for one cell
# Characters XML 1.0 cannot carry (openpyxl refuses them as well).
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def font(*, size: float = 11, **options: Any) -> Font:
    """Calibri, as the workbook's default font: a font without a name prints as a serif
    in LibreOffice."""
    return Font(name="Calibri", family=2, size=size, **options)


def status_text(status: Status) -> str:
    return status.german  # grün, gelb, rot, – (no status without target or data)


def month_label(year: int, month: int) -> str:
    return f"{MONTHS_LONG[month - 1]} {year}"


def formats_of(metric: Metric) -> tuple[str, str]:
    """(value format, deviation format) of a metric's figures, as the command line rounds."""
    if metric.kind is MetricKind.RATIO or metric.unit == "%":
        return PERCENT_VALUE, DEVIATION_POINTS
    if metric.kind is MetricKind.STOCK:
        return DECIMAL, DEVIATION_DECIMAL
    return COUNT, DEVIATION_COUNT


def clean_text(text: str) -> str:
    """Text as a cell may hold it: no control characters, at most 32,767 characters."""
    return ILLEGAL.sub("", text)[:MAX_TEXT]


def escape_header(text: str) -> str:
    """Text inside a print header or footer: `&` starts a code there."""
    return text.replace("&", "&&")


# --------------------------------------------------------------------------- cells


class Styled(NamedTuple):
    """A value with the index of its cell format (the workbook's `cellXfs`)."""

    value: Any
    style: int


class Look:
    """A cell format, registered once in the workbook's style table."""

    def __init__(
        self,
        ws: WriteOnlyWorksheet,
        *,
        number_format: str | None = None,
        font: Font | None = None,
        fill: PatternFill | None = None,
        alignment: Alignment | None = None,
    ) -> None:
        proto = WriteOnlyCell(ws)
        if number_format is not None:
            proto.number_format = number_format
        if font is not None:
            proto.font = font
        if fill is not None:
            proto.fill = fill
        if alignment is not None:
            proto.alignment = alignment
        self.style = int(proto.style_id)  # adds the format to the workbook's table
        self.number_format = number_format

    def __call__(self, value: Any = None) -> Styled:
        return Styled(value, self.style)


COLUMNS = [get_column_letter(i) for i in range(1, 51)]


def cell_xml(column: int, row: int, value: Any) -> str:
    """One `<c>` element; text is an inline string (never a formula), numbers are numbers."""
    style = 0
    if type(value) is Styled:
        value, style = value
    ref = f"{COLUMNS[column]}{row}"
    s = f' s="{style}"' if style else ""
    if value is None:
        return f'<c r="{ref}"{s}/>' if style else ""
    kind = type(value)
    if kind is int:
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    if kind is float:
        if not math.isfinite(value):
            return f'<c r="{ref}"{s}/>' if style else ""
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    if kind is str:
        text = escape(clean_text(value))
        space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime | date):
        return f'<c r="{ref}"{s}><v>{to_excel(value)!r}</v></c>'
    if isinstance(value, int | float):
        return cell_xml(column, row, Styled(float(value), style))
    raise TypeError(f"cannot write {kind.__name__} into a cell")


class RowWriter:
    """Streams the `<row>` elements of one sheet into a file, counting the rows."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.row = 0

    def append(self, values: Sequence[Any], height: float | None = None) -> int:
        self.row += 1
        row = self.row
        ht = f' ht="{height:g}" customHeight="1"' if height else ""
        cells = "".join([cell_xml(i, row, v) for i, v in enumerate(values)])
        self.out.write(f'<row r="{row}"{ht}>{cells}</row>' if cells or ht else "")
        return row


# --------------------------------------------------------------------------- looks


class Styles:
    """All looks of one workbook (style indexes point into the workbook's style tables)."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        white_bold = font(bold=True, color="FFFFFF")
        wrap_centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        top_wrap = Alignment(wrap_text=True, vertical="top")
        self.title = Look(ws, font=font(bold=True, size=14, color=NAVY))
        self.subtitle = Look(ws, font=font(italic=True, color=GREY))
        self.subtitle_wrap = Look(ws, font=font(italic=True, color=GREY), alignment=top_wrap)
        self.section = Look(ws, font=font(bold=True, size=12, color=NAVY))
        self.label = Look(ws, font=font(bold=True))
        self.note = Look(ws, font=font(italic=True, size=9, color=GREY), alignment=top_wrap)
        self.header = Look(ws, font=white_bold, fill=HEADER_FILL, alignment=wrap_centre)
        self.header_left = Look(
            ws,
            font=white_bold,
            fill=HEADER_FILL,
            alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
        )
        self.text = Look(ws)
        self.text_indent = Look(ws, alignment=Alignment(horizontal="left", indent=1))
        self.wrap = Look(ws, alignment=top_wrap)
        self.top = Look(ws, alignment=Alignment(vertical="top"))
        self.status = Look(ws, alignment=Alignment(horizontal="center"))
        self.centre = self.status
        self.attainment = Look(ws, number_format=ATTAINMENT)
        self.datetime = Look(ws, number_format=DATETIME, alignment=Alignment(horizontal="left"))
        self.month_year = Look(ws, number_format=MONTH_YEAR, alignment=Alignment(horizontal="left"))
        self.year = Look(ws, number_format=YEAR, alignment=Alignment(horizontal="left"))
        self._numbers: dict[tuple[str, bool], Look] = {}
        self._ws = ws

    def number(self, number_format: str, bold: bool = False) -> Look:
        key = (number_format, bold)
        if key not in self._numbers:
            self._numbers[key] = Look(
                self._ws,
                number_format=number_format,
                font=font(bold=True) if bold else None,
                fill=BAND_FILL if bold else None,
            )
        return self._numbers[key]


def status_rules(ws: WriteOnlyWorksheet, cells: str) -> None:
    """Fill the status cells in `cells` (a range) by their text: grün, gelb, rot."""
    for status, (fill, ink) in STATUS_COLOURS.items():
        style = DifferentialStyle(
            font=Font(color=ink, bold=True),
            fill=PatternFill("solid", start_color=fill, end_color=fill, bgColor=fill),
        )
        rule = CellIsRule(operator="equal", formula=[f'"{status_text(status)}"'])
        rule.dxf = style
        ws.conditional_formatting.add(cells, rule)


def attainment_bars(ws: WriteOnlyWorksheet, cells: str, highest: float | None) -> None:
    """Data bars in the Zielerreichung cells `cells` (a range of fractions, 1.0 = 100 %):
    one scale for every row, from 0 to the highest attainment (at least 100 %), so
    that bars compare across rows; grey, beside the traffic light of the Status."""
    top = max(1.0, highest or 0.0)
    rule = DataBarRule(
        start_type="num",
        start_value=0,
        end_type="num",
        end_value=round(top, 4),
        color=BAR_COLOUR,
        showValue=True,
        minLength=0,
        maxLength=100,
    )
    ws.conditional_formatting.add(cells, rule)


def set_widths(ws: WriteOnlyWorksheet, widths: Iterable[float]) -> None:
    """Column widths in characters; must be set before the sheet is written."""
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = round(width, 1)


def fit_width(texts: Iterable[str], minimum: float, maximum: float) -> float:
    longest = max((len(t) for t in texts), default=0)
    return max(minimum, min(maximum, longest * 1.1 + 2))


def print_setup(ws: WriteOnlyWorksheet, title: str, stamp: str, title_rows: str | None) -> None:
    """A4 landscape, fit to the page width, header with title and date, footer "Seite x von y".

    Call it before the sheet is written: a write-only sheet writes its properties first.
    """
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddHeader.left.text = escape_header(title[:120])  # Excel allows 255 characters in all
    ws.oddHeader.left.size = 9
    ws.oddHeader.right.text = escape_header(f"Stand: {stamp}")
    ws.oddHeader.right.size = 9
    ws.oddFooter.left.text = "&A"  # the sheet's name
    ws.oddFooter.left.size = 9
    ws.oddFooter.right.text = "Seite &P von &N"
    ws.oddFooter.right.size = 9
    if title_rows:
        ws.print_title_rows = title_rows


def column_pixels(width: float) -> int:
    """Excel's width in characters as pixels at 96 dpi (Calibri 11: 7 px per character)."""
    return int(width * 7 + 5)
