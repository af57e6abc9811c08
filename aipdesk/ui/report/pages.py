"""The pages of the Controllingbericht: the overview (every target in a row with its
bullet bar, the Meldestand), one section per project (month grid, a chart per target in
IBCS notation, the Bemerkungen, the official rolling figures), header and footer.

Every figure is the status row's (`compute_progress`, what `aipdesk status --json`
gives), formatted as the command line formats it (`aipdesk.format`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPagedPaintDevice, QPainter

from aipdesk.domain.messages import Note
from aipdesk.domain.model import Project, Status
from aipdesk.domain.months import Month
from aipdesk.services.results import GridRow, StatusRow
from aipdesk.ui.report import budget_page, ibcs
from aipdesk.ui.report.data import ReportData, headline
from aipdesk.ui.report.layout import (
    AMBER,
    BAD,
    BODY_BOTTOM,
    BODY_W,
    GOOD,
    INK,
    LEFT,
    LIGHT,
    MARGIN,
    MUTED,
    PAGE_W,
    RIGHT,
    Block,
    Canvas,
    flow,
)

ROW_H = 5.2
STATUS_NOTES = {
    Status.GREEN: (Note.report_status_green, GOOD),
    Status.AMBER: (Note.report_status_amber, AMBER),
    Status.RED: (Note.report_status_red, BAD),
    Status.NONE: (Note.report_status_none, MUTED),
}
# The overview's columns after the name: (heading, width in mm).
FIGURES = (
    (Note.report_col_target, 15.0),
    (Note.report_col_plan, 15.0),
    (Note.report_col_actual, 15.0),
    (Note.report_col_attainment, 15.0),
    (Note.report_col_forecast, 17.0),
    (Note.report_col_previous, 15.0),
)
STATUS_W, BAR_W = 15.0, 20.0
NAME_W = BODY_W - sum(w for _, w in FIGURES) - STATUS_W - BAR_W - 2.0


def figures(data: ReportData, row: StatusRow) -> list[str]:
    """Zielwert, Soll, Ist, Zielerreichung, Hochrechnung, Vorjahr as shown."""
    p, fmt, decimals = row.progress, data.fmt, data.decimals(row)
    return [
        fmt.number(p.target, decimals),
        fmt.number(p.plan_to_date, decimals),
        fmt.number(p.actual_to_date, decimals),
        fmt.percent(p.attainment_pct),
        fmt.number(p.forecast, decimals),
        fmt.number(p.previous_year_actual, decimals),
    ]


def heading_block(canvas: Canvas, title: str, lead: str, size: float = 13.0) -> Block:
    title_h = canvas.wrapped_height(title, BODY_W, size, bold=True) + 1.5
    lead_h = canvas.wrapped_height(lead, BODY_W, 7.0) if lead else 0.0

    def paint(c: Canvas, top: float) -> None:
        c.paragraph(MARGIN, top, BODY_W, title, size, bold=True)
        if lead:
            c.paragraph(MARGIN, top + title_h, BODY_W, lead, 7.0, MUTED)

    return Block(title_h + lead_h + 2.0, paint)


def small_heading(text: str) -> Block:
    def paint(c: Canvas, top: float) -> None:
        c.text(MARGIN, top, BODY_W, 5.0, text, 9.0, bold=True)

    return Block(6.0, paint, gap=4.0, keep_with_next=True)


# -- the overview ----------------------------------------------------------------------------
def overview(canvas: Canvas, data: ReportData) -> list[Block]:
    month = data.fmt.month(data.report_month, long=True)
    blocks = [
        heading_block(
            canvas,
            headline(data, list(data.rows)),
            data.say(Note.report_overview_lead, year=data.year, month=month),
        ),
        _table_header(data),
    ]
    for project in data.projects():
        rows = data.rows_of(project.code)
        if not rows:
            continue
        blocks.append(_group_row(project))
        blocks.extend(_target_row(data, row) for row in rows)
    blocks.extend(_meldestand(canvas, data))
    return blocks


def _table_header(data: ReportData) -> Block:
    def paint(c: Canvas, top: float) -> None:
        c.text(MARGIN, top, NAME_W, ROW_H, data.say(Note.report_col_target_row), 7, bold=True)
        x = MARGIN + NAME_W
        for note, width in FIGURES:
            c.text(x, top, width, ROW_H, data.say(note), 7, bold=True, align=RIGHT)
            x += width
        c.text(x + 2.0, top, STATUS_W, ROW_H, data.say(Note.report_col_status), 7, bold=True)
        c.text(x + 2.0 + STATUS_W, top, BAR_W, ROW_H, data.say(Note.report_col_bar), 7, bold=True)
        c.line(MARGIN, top + ROW_H, MARGIN + BODY_W, top + ROW_H, INK, 0.3)

    return Block(ROW_H, paint, keep_with_next=True)


def _group_row(project: Project) -> Block:
    def paint(c: Canvas, top: float) -> None:
        c.text(MARGIN, top + 0.6, BODY_W, ROW_H - 0.6, project.name, 7.5, bold=True)

    return Block(ROW_H - 0.6, paint, gap=1.0, keep_with_next=True)


def _target_row(data: ReportData, row: StatusRow) -> Block:
    def paint(c: Canvas, top: float) -> None:
        c.text(MARGIN + 3.0, top, NAME_W - 3.0, ROW_H, data.metric_name(row), 6.5)
        x = MARGIN + NAME_W
        for text, (_, width) in zip(figures(data, row), FIGURES, strict=True):
            c.text(x, top, width, ROW_H, text, 7, align=RIGHT)
            x += width
        note, color = STATUS_NOTES[row.progress.status]
        c.text(x + 2.0, top, STATUS_W, ROW_H, data.say(note), 7, color=color)
        ibcs.bullet(c, x + 2.0 + STATUS_W, top + 0.5, BAR_W, ROW_H - 1.0, row)
        c.line(MARGIN, top + ROW_H, MARGIN + BODY_W, top + ROW_H, LIGHT, 0.15)

    return Block(ROW_H, paint)


def _meldestand(canvas: Canvas, data: ReportData) -> list[Block]:
    marks = data.marks()
    if not marks:
        return []
    months = [Month(data.year, m) for m in range(1, 13)]
    name_w = 60.0
    cell_w = (BODY_W - name_w) / 12

    def header(c: Canvas, top: float) -> None:
        for index, month in enumerate(months):
            c.text(
                MARGIN + name_w + index * cell_w,
                top,
                cell_w,
                ROW_H,
                data.fmt.month_names()[month.month - 1],
                6.5,
                bold=True,
                align=RIGHT,
            )
        c.line(MARGIN, top + ROW_H, MARGIN + BODY_W, top + ROW_H, INK, 0.3)

    def line_of(project: Project, cells: list[str]) -> Block:
        def paint(c: Canvas, top: float) -> None:
            c.text(MARGIN, top, name_w, ROW_H - 1.0, project.name, 6.5)
            for index, cell in enumerate(cells):
                c.text(
                    MARGIN + name_w + index * cell_w,
                    top,
                    cell_w,
                    ROW_H - 1.0,
                    cell,
                    6.5,
                    align=RIGHT,
                )
            c.line(MARGIN, top + ROW_H - 1.0, MARGIN + BODY_W, top + ROW_H - 1.0, LIGHT, 0.15)

        return Block(ROW_H - 1.0, paint)

    provisional = [row for row in data.rows if row.provisional]
    if provisional:
        spans = data.provisional_months()
        when = (
            f"{data.fmt.month(spans[0])} – {data.fmt.month(spans[-1])}"
            if len(spans) > 1
            else data.fmt.month(spans[0])
            if spans
            else ""
        )
        sentence = data.say(
            Note.report_provisional, count=len(provisional), total=len(data.rows), months=when
        )
    else:
        sentence = data.say(Note.report_final)
    legend = data.say(Note.report_reporting_legend)
    text = f"{sentence} {legend}"
    text_h = canvas.wrapped_height(text, BODY_W, 6.5)

    def closing(c: Canvas, top: float) -> None:
        c.paragraph(MARGIN, top + 0.5, BODY_W, text, 6.5, MUTED)

    blocks = [
        small_heading(data.say(Note.report_reporting_heading, year=data.year)),
        Block(ROW_H, header, keep_with_next=True),
    ]
    blocks.extend(line_of(project, cells) for project, cells in marks)
    blocks.append(Block(text_h + 1.0, closing))
    return blocks


# -- a project -------------------------------------------------------------------------------
def project_section(canvas: Canvas, data: ReportData, project: Project) -> list[Block]:
    rows = data.rows_of(project.code)
    rated = [row for row in rows if row.progress.target is not None]
    message = (
        headline(data, rows, with_project=False)
        if rated
        else data.say(Note.report_project_no_targets)
    )
    title = data.say(Note.report_project_title, project=project.name, message=message)
    period = (
        f"{data.fmt.month(project.period.first)} – {data.fmt.month(project.period.last)}"
        if project.period.first and project.period.last
        else ""
    )
    first = heading_block(canvas, title, period, size=12.0)
    first.new_page = True
    first.continued = small_heading(data.say(Note.report_continued, project=project.name))
    blocks = [first]
    grid = data.grid_of(project.code)
    if grid:
        blocks.append(small_heading(data.say(Note.report_grid_heading, year=data.year)))
        blocks.append(_grid(data, grid))
    for row in rows:
        chart = data.chart_of(row)
        if chart is not None:
            blocks.append(_chart(data, row))
    blocks.extend(_notes(canvas, data, project))
    blocks.extend(_official(data, rows))
    return blocks


def _grid(data: ReportData, rows: list[GridRow]) -> Block:
    name_w, total_w = 46.0, 13.0
    cell_w = (BODY_W - name_w - total_w) / 12
    height = ROW_H * (len(rows) + 1)

    def paint(c: Canvas, top: float) -> None:
        fmt = data.fmt
        for index in range(12):
            c.text(
                MARGIN + name_w + index * cell_w,
                top,
                cell_w,
                ROW_H,
                fmt.month_names()[index],
                6.5,
                bold=True,
                align=RIGHT,
            )
        c.text(
            MARGIN + BODY_W - total_w,
            top,
            total_w,
            ROW_H,
            data.say(Note.report_col_total),
            6.5,
            bold=True,
            align=RIGHT,
        )
        c.line(MARGIN, top + ROW_H, MARGIN + BODY_W, top + ROW_H, INK, 0.3)
        for number, row in enumerate(rows, 1):
            y = top + number * ROW_H
            indent = 3.0 * row.depth
            name = row.metric.name if row.depth else data.metric_name(row)
            c.text(MARGIN + indent, y, name_w - indent, ROW_H, name, 6.5)
            for index, (month, value) in enumerate(zip(row.months, row.values, strict=True)):
                if value is None:
                    continue
                later = month > data.report_month  # logged already, after the report month
                c.text(
                    MARGIN + name_w + index * cell_w,
                    y,
                    cell_w,
                    ROW_H,
                    fmt.number(value),
                    6.5,
                    align=RIGHT,
                    color=MUTED if later else INK,
                )
            c.text(
                MARGIN + BODY_W - total_w,
                y,
                total_w,
                ROW_H,
                fmt.number(row.total, data.decimals(row), empty=""),
                6.5,
                bold=True,
                align=RIGHT,
            )
            c.line(MARGIN, y + ROW_H, MARGIN + BODY_W, y + ROW_H, LIGHT, 0.15)

    return Block(height, paint)


CHART_H = 62.0


def _chart(data: ReportData, row: StatusRow) -> Block:
    chart = data.chart_of(row)
    assert chart is not None
    period = f"{data.fmt.month(row.target.first)} – {data.fmt.month(row.target.last)}"
    title = data.say(Note.report_chart_heading, metric=data.metric_name(row), period=period)
    p = row.progress
    facts = (
        "   ".join(
            f"{data.say(note)} {text}"
            for note, text in zip((note for note, _ in FIGURES), figures(data, row), strict=True)
        )
        + f"   {data.say(STATUS_NOTES[p.status][0])}"
    )

    def paint(c: Canvas, top: float) -> None:
        c.text(MARGIN, top, BODY_W, 4.5, title, 8.0, bold=True)
        c.text(MARGIN, top + 4.5, BODY_W, 3.6, facts, 6.5, color=MUTED)
        ibcs.legend(c, MARGIN, top + 8.4, data.say)
        ibcs.chart(
            c,
            MARGIN + 12.0,
            top + 13.0,
            BODY_W - 12.0,
            CHART_H - 14.0,
            chart,
            data.year,
            data.fmt,
            data.decimals(row),
        )

    return Block(CHART_H, paint, gap=4.0)


def _notes(canvas: Canvas, data: ReportData, project: Project) -> list[Block]:
    notes = data.notes_of(project.code)
    month = data.fmt.month(data.report_month, long=True)
    blocks = [small_heading(data.say(Note.report_notes_heading, month=month))]
    if not notes:
        texts = [data.say(Note.report_no_notes)]
    else:
        texts = [f"{data.fmt.month(n.month)} · {n.metric}: {n.text}" for n in notes]
    for text in texts:
        height = canvas.wrapped_height(text, BODY_W, 7.0)

        def paint(c: Canvas, top: float, text: str = text) -> None:
            c.paragraph(MARGIN, top, BODY_W, text, 7.0)

        blocks.append(Block(height + 0.8, paint))
    return blocks


def _official(data: ReportData, rows: list[StatusRow]) -> list[Block]:
    if not rows:
        return []
    month = data.fmt.month(data.report_month, long=True)
    columns = (
        Note.report_col_rolling,
        Note.report_col_rolling_previous,
        Note.report_col_change,
        Note.report_col_planned_change,
    )
    name_w = BODY_W - 4 * 28.0
    fmt = data.fmt

    def pct(value: float | None) -> str:
        return "–" if value is None else fmt.signed(value, 1) + " %"

    def paint(c: Canvas, top: float) -> None:
        c.text(MARGIN, top, name_w, ROW_H, data.say(Note.report_col_metric), 7, bold=True)
        for index, note in enumerate(columns):
            c.text(
                MARGIN + name_w + index * 28.0,
                top,
                28.0,
                ROW_H,
                data.say(note),
                7,
                bold=True,
                align=RIGHT,
            )
        c.line(MARGIN, top + ROW_H, MARGIN + BODY_W, top + ROW_H, INK, 0.3)
        for number, row in enumerate(rows, 1):
            p, decimals = row.progress, data.decimals(row)
            y = top + number * ROW_H
            cells = (
                fmt.number(p.rolling_12m, decimals),
                fmt.number(p.rolling_12m_previous, decimals),
                pct(p.yoy_month_change_pct),
                pct(p.planned_change_pct),
            )
            c.text(MARGIN, y, name_w, ROW_H, data.metric_name(row), 7)
            for index, text in enumerate(cells):
                c.text(MARGIN + name_w + index * 28.0, y, 28.0, ROW_H, text, 7, align=RIGHT)
            c.line(MARGIN, y + ROW_H, MARGIN + BODY_W, y + ROW_H, LIGHT, 0.15)

    return [
        small_heading(data.say(Note.report_official_heading, month=month)),
        Block(ROW_H * (len(rows) + 1), paint),
    ]


def budget_section(canvas: Canvas, data: ReportData) -> list[Block]:
    """The budget page (`budget_page`), when the year has a budget (`read_budget`)."""
    if data.budget is None:
        return []
    title, lead = budget_page.heading(data, data.budget)
    first = heading_block(canvas, title, lead)
    first.new_page = True
    first.continued = small_heading(title)
    return [first, *budget_page.budget_blocks(data, data.budget)]


# -- the whole report ------------------------------------------------------------------------
def blocks_of(canvas: Canvas, data: ReportData) -> list[Block]:
    blocks = overview(canvas, data)
    for project in data.projects():
        blocks.extend(project_section(canvas, data, project))
    blocks.extend(budget_section(canvas, data))
    return blocks


def frame(canvas: Canvas, data: ReportData, page: int, pages: int) -> None:
    """Header (organisation, report and month) and footer (data as of, page n of m)."""
    month = data.fmt.month(data.report_month, long=True)
    top = MARGIN
    canvas.text(MARGIN, top, BODY_W / 2, 5.0, data.organisation, 8.5, bold=True)
    canvas.text(
        MARGIN + BODY_W / 2,
        top,
        BODY_W / 2,
        5.0,
        data.say(Note.report_header, year=data.year, month=month),
        7.5,
        align=RIGHT,
        color=MUTED,
    )
    canvas.line(MARGIN, top + 6.5, PAGE_W - MARGIN, top + 6.5, INK, 0.3)
    bottom = BODY_BOTTOM + 3.0
    canvas.line(MARGIN, bottom, PAGE_W - MARGIN, bottom, LIGHT, 0.2)
    stamp = data.fmt.timestamp(data.made_at)
    canvas.text(
        MARGIN,
        bottom + 1.0,
        BODY_W / 2,
        4.0,
        data.say(Note.report_data_as_of, stamp=stamp),
        7,
        align=LEFT,
        color=MUTED,
    )
    canvas.text(
        MARGIN + BODY_W / 2,
        bottom + 1.0,
        BODY_W / 2,
        4.0,
        data.say(Note.report_page, page=page, pages=pages),
        7,
        align=RIGHT,
        color=MUTED,
    )


Progress = Callable[[int, int], None]


def paint_report(
    painter: QPainter,
    device: QPagedPaintDevice,
    data: ReportData,
    progress: Progress | None = None,
) -> int:
    """Paint every page of the report on `device` (a PDF writer or a printer, full
    page, A4); returns the number of pages."""
    canvas = Canvas(painter, device)
    pages = flow(blocks_of(canvas, data))
    for number, page in enumerate(pages, 1):
        if number > 1:
            device.newPage()
        frame(canvas, data, number, len(pages))
        for block, top in page:
            block.paint(canvas, top)
        if progress is not None:
            progress(number, len(pages))
    return len(pages)
