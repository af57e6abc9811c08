"""The budget page of the Controllingbericht: the budget of the Eingliederungstitel at the
report month, as `aipdesk budget status --year Y --month M --json` gives it.

A title that states the message (spent so far against the plan to date), the allocation
(Abb. 2) in a line, the table of total, groups and instruments (plan, plan to date,
committed, spent, available, the two quotas, forecast, status), and a chart per group in
IBCS notation: Vorjahr grey, Soll outlined, Ausgaben (Ist) solid, from zero, with the
deviation Ausgaben − Soll as a bar coloured by the status. Every amount is the report's
cents formatted German (`domain.money.format_cents`); nothing is computed here but the
title's share and where to draw.
"""

from __future__ import annotations

from aipdesk.domain.budget import Level
from aipdesk.domain.budget_figures import Figures
from aipdesk.domain.messages import Note
from aipdesk.domain.model import Status
from aipdesk.domain.money import format_cents
from aipdesk.format import Formatter
from aipdesk.services.budget_status import BudgetReport
from aipdesk.ui.report import ibcs
from aipdesk.ui.report.data import ReportData
from aipdesk.ui.report.layout import (
    AMBER,
    BAD,
    BODY_W,
    CENTER,
    GOOD,
    GREY,
    INK,
    LIGHT,
    MARGIN,
    MUTED,
    RIGHT,
    WHITE,
    Block,
    Canvas,
)

ROW_H = 4.1
SIZE = 5.8
CODE_W, NAME_W, AMOUNT_W, QUOTA_W, STATUS_W = 11.0, 33.0, 17.0, 10.0, 11.0
COLUMNS = (
    (Note.report_budget_col_plan, AMOUNT_W),
    (Note.report_budget_col_to_date, AMOUNT_W),
    (Note.report_budget_col_committed, AMOUNT_W),
    (Note.report_budget_col_spent, AMOUNT_W),
    (Note.report_budget_col_available, AMOUNT_W),
    (Note.report_budget_col_committed_pct, QUOTA_W),
    (Note.report_budget_col_spent_pct, QUOTA_W),
    (Note.report_col_forecast, AMOUNT_W),
)
STATUS_COLOURS = {"green": GOOD, "amber": AMBER, "red": BAD, "none": MUTED}
STATUS_NOTES = {
    "green": Note.report_status_green,
    "amber": Note.report_status_amber,
    "red": Note.report_status_red,
    "none": Note.report_status_none,
}
CHART_H = 58.0


def heading(data: ReportData, report: BudgetReport) -> tuple[str, str]:
    """The page's title (its message) and lead (the allocation)."""
    say, fmt, lang = data.say, data.fmt, data.lang
    month = fmt.month(report.report_month, long=True)
    total = report.rows[0]
    if total.plan_to_date > 0:
        quota = fmt.percent(100.0 * total.spent_to_date / total.plan_to_date)
        quota = quota.replace(" %", "\u00a0%")  # never broken before the sign
        title = say(
            Note.report_budget_title,
            year=report.year,
            spent=format_cents(total.spent_to_date, lang),
            quota=quota,
            month=month,
        )
    else:
        title = say(Note.report_budget_title_none, year=report.year, month=month)
    a = report.allocation
    allocation = (
        say(Note.budget_no_allocation, year=report.year)
        if a is None
        else say(
            Note.budget_allocation,
            **{key: format_cents(getattr(a, key), lang) for key in a.__annotations__},
        )
    )
    lead = say(
        Note.report_budget_lead, year=report.year, month=report.report_month, allocation=allocation
    )
    return title, lead


def sub_heading(text: str) -> Block:
    def paint(c: Canvas, top: float) -> None:
        c.text(MARGIN, top, BODY_W, 5.0, text, 9.0, bold=True)

    return Block(6.0, paint, gap=3.0, keep_with_next=True)


def budget_blocks(data: ReportData, report: BudgetReport) -> list[Block]:
    """The table and the chart, below the page's heading."""
    say = data.say
    month = data.fmt.month(report.report_month, long=True)
    blocks = [sub_heading(say(Note.report_budget_table_heading, month=month))]
    blocks.append(_header(data))
    blocks.extend(_row(data, row) for row in report.rows)
    groups = [row for row in report.rows if row.level is Level.GROUP]
    if groups:
        blocks.append(sub_heading(say(Note.report_budget_chart_heading, month=month)))
        blocks.append(_chart(data, groups))
    return blocks


def figures(row: Figures, lang: str, fmt: Formatter) -> list[str]:
    """Plan, Soll, Gebunden, Ausgaben, Verfügbar, the quotas, Hochrechnung as shown."""

    def money(cents: int | None) -> str:
        return "–" if cents is None else format_cents(cents, lang)

    def pct(value: float | None) -> str:
        return fmt.percent(None if value is None else round(value, 1))

    return [
        money(row.plan),
        money(row.plan_to_date),
        money(row.committed),
        money(row.spent_to_date),
        money(row.available),
        pct(row.bindungsquote_pct),
        pct(row.ausgabequote_pct),
        money(row.forecast),
    ]


def _header(data: ReportData) -> Block:
    say = data.say

    def paint(c: Canvas, top: float) -> None:
        line = say(Note.report_budget_col_line)
        c.text(MARGIN, top, CODE_W + NAME_W, ROW_H, line, SIZE, bold=True)
        x = MARGIN + CODE_W + NAME_W
        for note, width in COLUMNS:
            c.text(x, top, width, ROW_H, say(note), SIZE, bold=True, align=RIGHT)
            x += width
        c.text(x + 1.5, top, STATUS_W, ROW_H, say(Note.report_col_status), SIZE, bold=True)
        c.line(MARGIN, top + ROW_H, MARGIN + BODY_W, top + ROW_H, INK, 0.3)

    return Block(ROW_H, paint, keep_with_next=True)


def _row(data: ReportData, row: Figures) -> Block:
    say, fmt, lang = data.say, data.fmt, data.lang
    bold = row.level is not Level.INSTRUMENT
    total = row.level is Level.TOTAL
    name = row.name.split(" – ")[0] if row.level is Level.INSTRUMENT else row.name
    if row.part_of:
        name = say(Note.budget_part_of, name=name)
    indent = 2.5 if row.level is Level.INSTRUMENT else 0.0
    texts = figures(row, lang, fmt)

    def paint(c: Canvas, top: float) -> None:
        if row.level is Level.TOTAL:
            c.box(MARGIN, top, BODY_W, ROW_H, fill=LIGHT)
        c.text(MARGIN, top, CODE_W, ROW_H, row.code, SIZE, bold=bold)
        c.text(MARGIN + CODE_W + indent, top, NAME_W - indent, ROW_H, name, SIZE, bold=bold)
        x = MARGIN + CODE_W + NAME_W
        for text, (_, width) in zip(texts, COLUMNS, strict=True):
            c.text(x, top, width, ROW_H, text, SIZE, bold=total, align=RIGHT)
            x += width
        status = say(STATUS_NOTES[row.status])
        c.text(x + 1.5, top, STATUS_W, ROW_H, status, SIZE, color=STATUS_COLOURS[row.status])
        c.line(MARGIN, top + ROW_H, MARGIN + BODY_W, top + ROW_H, LIGHT, 0.15)

    return Block(ROW_H, paint, gap=0.6 if row.level is Level.GROUP else 0.0)


LEGEND = (
    ("previous", Note.report_legend_previous),
    ("plan", Note.report_budget_legend_to_date),
    ("actual", Note.report_budget_legend_spent),
    ("delta", Note.report_budget_legend_delta),
)


def _chart(data: ReportData, groups: list[Figures]) -> Block:
    """Per group: Vorjahr grey, Soll outlined, Ausgaben solid, from zero; below, the
    deviation Ausgaben − Soll as a bar in the status's colour."""
    say, lang = data.say, data.lang

    def paint(c: Canvas, top: float) -> None:
        ibcs.legend(c, MARGIN, top, say, LEGEND)
        x, y, w = MARGIN + 2.0, top + 5.0, BODY_W - 4.0
        main_h, label_h, delta_h = 30.0, 7.0, 14.0
        slot = w / len(groups)
        values = [
            v
            for g in groups
            for v in (g.plan_to_date, g.spent_to_date, g.previous_year_spent)
            if v is not None
        ]
        top_value = max(values, default=0)
        scale = (main_h - 4.0) / top_value if top_value > 0 else 0.0
        base = y + main_h
        bar_w = slot * 0.22
        for index, g in enumerate(groups):
            left = x + index * slot
            if g.previous_year_spent is not None:
                c.box(left + slot * 0.18, base, bar_w, -g.previous_year_spent * scale, fill=GREY)
            c.box(
                left + slot * 0.5,
                base,
                bar_w,
                -g.plan_to_date * scale,
                fill=WHITE,
                outline=INK,
                width=0.25,
            )
            c.box(left + slot * 0.34, base, bar_w, -g.spent_to_date * scale, fill=INK)
            shown = format_cents(g.spent_to_date, lang)
            c.text(
                left,
                base - max(g.spent_to_date, g.plan_to_date) * scale - 3.4,
                slot,
                3.2,
                shown,
                5.0,
                bold=True,
                align=CENTER,
            )
            c.text(left, base + 0.4, slot, label_h - 0.4, g.name, 5.5, align=CENTER, color=MUTED)
        c.line(x, base, x + w, base, INK, 0.3)
        deltas = [g.spent_to_date - g.plan_to_date for g in groups]
        reach = max((abs(d) for d in deltas), default=0)
        mid = base + label_h + delta_h / 2
        dscale = (delta_h / 2 - 3.0) / reach if reach > 0 else 0.0
        c.line(x, mid, x + w, mid, INK, 0.2)
        c.text(x - 2.0, mid - 1.6, 4.0, 3.2, "Δ", 6, color=MUTED)
        for index, (g, delta) in enumerate(zip(groups, deltas, strict=True)):
            left = x + index * slot
            colour = STATUS_COLOURS.get(g.status, MUTED)
            if Status(g.status) is Status.NONE:
                continue
            c.box(left + slot * 0.34, mid, bar_w, -delta * dscale, fill=colour)
            text = ("+" if delta > 0 else "") + format_cents(delta, lang)
            text_y = mid - delta * dscale - 3.0 if delta >= 0 else mid - delta * dscale + 0.2
            c.text(left, text_y, slot, 2.8, text, 5.0, align=CENTER)

    return Block(CHART_H, paint, gap=2.0)
