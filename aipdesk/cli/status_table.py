"""The status of a year as text tables for the terminal: the steering view (Soll, Ist,
Zielerreichung, …), which rows are incomplete, and the official Kennzahlen beside it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aipdesk.domain.escape import visible
from aipdesk.domain.messages import Note, message, pick
from aipdesk.format import Formatter, formatter

if TYPE_CHECKING:
    from aipdesk.domain.months import Month
    from aipdesk.domain.reporting import Holdup
    from aipdesk.services.results import StatusReport, StatusRow

STATUS_WORDS = {
    "green": ("grün", "green"),
    "amber": ("gelb", "amber"),
    "red": ("rot", "red"),
    "none": ("–", "–"),
}
STEERING = (
    ("Projekt", "Project"),
    ("Kennzahl", "Metric"),
    ("Zeitraum", "Period"),
    ("Zielwert", "Target"),
    ("Soll", "Plan"),
    ("Ist", "Actual"),
    ("Zielerr.", "Attainment"),
    ("Abweichung", "Deviation"),
    ("Hochrechnung", "Forecast"),
    ("Vorjahr", "Prev. year"),
    ("Gemeldet", "Reported"),
    ("Freigegeben", "Approved"),
    ("Status", "Status"),
)
OFFICIAL = (
    ("Projekt", "Project"),
    ("Kennzahl", "Metric"),
    ("Gleitend 12 Mon.", "Rolling 12 mo."),
    ("12 Mon. Vorjahr", "12 mo. a year ago"),
    ("Veränderung", "Change"),
    ("Veränd. kumuliert", "Change cumulative"),
    ("Veränd. geplant", "Planned change"),
)


def _decimals(row: StatusRow) -> int:
    return 1 if row.metric.unit == "%" or row.metric.kind.value == "stock" else 0


def _pct(fmt: Formatter, value: float | None) -> str:
    return "–" if value is None else fmt.signed(value, 1) + " %"


def _table(header: Sequence[str], lines: Sequence[tuple[str, ...]], numeric: range) -> list[str]:
    rows = [tuple(header), *lines]
    widths = [max(len(line[i]) for line in rows) for i in range(len(header))]
    out = []
    for index, line in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(line)
        ]
        out.append("  ".join(cells).rstrip())
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def format_status(report: StatusReport, lang: str = "de") -> str:
    """Both tables with a heading that says which report month and why."""
    fmt = formatter(lang)
    # Projects, metrics and months as the window names them: "NeuStart (Integrationen)".
    names = {
        (r.project.code, r.metric.code): visible(f"{r.project.name} ({r.metric.name})")
        for r in report.rows
    }

    def name(holdup: Holdup) -> str:
        return names.get(
            (holdup.project, holdup.metric), visible(f"{holdup.project} ({holdup.metric})")
        )

    def period(first: Month, last: Month) -> str:
        return f"{fmt.month(first)} – {fmt.month(last)}"

    steering: list[tuple[str, ...]] = []
    official: list[tuple[str, ...]] = []
    for row in report.rows:
        p, decimals = row.progress, _decimals(row)
        light = pick(STATUS_WORDS[p.status.value], lang)
        project, metric_name = visible(row.project.name), visible(row.metric.name)
        steering.append(
            (
                project,
                metric_name,
                period(row.target.first, row.target.last),
                fmt.number(p.target, decimals),
                fmt.number(p.plan_to_date, decimals),
                fmt.number(p.actual_to_date, decimals),
                fmt.percent(p.attainment_pct),
                fmt.signed(p.deviation, decimals),
                fmt.number(p.forecast, decimals),
                fmt.number(p.previous_year_actual, decimals),
                f"{p.months_reported}/{p.months_elapsed}",
                f"{row.months_approved}/{p.months_elapsed}",
                light if p.complete else f"{light} *",
            )
        )
        official.append(
            (
                project,
                metric_name,
                fmt.number(p.rolling_12m, decimals),
                fmt.number(p.rolling_12m_previous, decimals),
                _pct(fmt, p.yoy_month_change_pct),
                _pct(fmt, p.previous_year_change_pct),
                _pct(fmt, p.planned_change_pct),
            )
        )
    if not report.rows:  # one line, no heading of a report month and no empty table
        return message(Note.status_no_targets, lang, year=report.year)
    month = fmt.month(report.report_month)
    out = [message(Note.status_heading, lang, year=report.year, month=month)]
    if report.choice is not None:
        out.append(report.choice.explain(lang, name, fmt.month))
    out.append("")
    out += _table([pick(h, lang) for h in STEERING], steering, range(3, 12))
    provisional = sum(1 for r in report.rows if r.provisional)
    if provisional:
        out.append(message(Note.status_provisional, lang, count=provisional))
    incomplete = [r for r in report.rows if not r.progress.complete]
    if incomplete:
        out.append("")
        out.append(message(Note.status_incomplete, lang))
        for row in incomplete:
            months = ", ".join(fmt.month(m) for m in row.progress.months_missing)
            out.append(f"  {names[(row.project.code, row.metric.code)]}: {months}")
    out.append("")
    out.append(message(Note.status_official, lang, month=month))
    out += _table([pick(h, lang) for h in OFFICIAL], official, range(2, 7))
    return "\n".join(out)
