"""What the Controllingbericht shows, read once: the window's snapshot of the year (its
status is what `aipdesk status` prints), the charts' curves, the organisation.

Plain values, free of Qt: the report is read off the GUI thread and painted wherever
it goes (a PDF file, the print preview).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from aipdesk.domain.catalogue import label
from aipdesk.domain.closing import MonthState
from aipdesk.domain.messages import Note, message
from aipdesk.domain.model import MetricKind, Project, Status
from aipdesk.domain.months import Month
from aipdesk.format import Formatter, formatter
from aipdesk.services.database import Database
from aipdesk.services.reporting_matrix import Mark, reporting_matrix
from aipdesk.services.results import ChartData, GridRow, Snapshot, StatusRow

if TYPE_CHECKING:
    from aipdesk.services.budget_status import BudgetReport


@dataclass(frozen=True)
class Remark:
    """A Bemerkung of the period, as the report lists it."""

    month: Month
    metric: str
    text: str


@dataclass(frozen=True)
class ReportData:
    year: int
    report_month: Month
    organisation: str
    made_at: datetime  # when the figures were read: the "Datenstand"
    snapshot: Snapshot
    charts: dict[tuple[str, str, Month], ChartData]
    lang: str = "de"
    # The budget page's figures at the report month (None: the year has no budget).
    budget: BudgetReport | None = field(default=None)

    @property
    def fmt(self) -> Formatter:
        return formatter(self.lang)

    def say(self, note: Note, **params: Any) -> str:
        return message(note, self.lang, **params)

    @property
    def rows(self) -> tuple[StatusRow, ...]:
        return self.snapshot.status.rows

    def metric_name(self, row: StatusRow | GridRow) -> str:
        return label(row.metric, self.snapshot.metrics)

    def projects(self) -> list[Project]:
        """The projects with a target or a value in the year, in catalogue order."""
        with_rows = {row.project.code for row in self.rows}
        with_values = {
            row.project.code
            for grid in self.snapshot.grids.values()
            for row in grid.rows
            if any(v is not None for v in row.values)
        }
        return [p for p in self.snapshot.projects if p.code in with_rows | with_values]

    def rows_of(self, project: str) -> list[StatusRow]:
        return [row for row in self.rows if row.project.code == project]

    def grid_of(self, project: str) -> list[GridRow]:
        return [
            row
            for grid in self.snapshot.grids.values()
            for row in grid.rows
            if row.project.code == project
        ]

    def chart_of(self, row: StatusRow) -> ChartData | None:
        return self.charts.get((row.project.code, row.metric.code, row.target.first))

    def notes_of(self, project: str) -> list[Remark]:
        """The Bemerkungen of the year up to the report month, by month."""
        notes = []
        for row in self.grid_of(project):
            for month, note in zip(row.months, row.notes, strict=True):
                if note and month <= self.report_month:
                    notes.append(Remark(month, self.metric_name(row), note))
        return sorted(notes, key=lambda n: (n.month, n.metric))

    def decimals(self, row: StatusRow | GridRow) -> int:
        """As the command line shows it: one decimal for quotes and stocks."""
        return 1 if row.metric.unit == "%" or row.metric.kind is not MetricKind.FLOW else 0

    def marks(self) -> list[tuple[Project, list[str]]]:
        """The Meldestand: per project and month up to the report month ✓ approved,
        G reported, v logged but not reported (vorläufig), – missing; "" otherwise."""
        matrix = reporting_matrix(self.snapshot)
        closing = self.snapshot.closing
        symbols = {
            MonthState.APPROVED: self.say(Note.report_mark_approved),
            MonthState.REPORTED: self.say(Note.report_mark_reported),
            MonthState.OPEN: self.say(Note.report_mark_open),
        }
        wanted = {p.code for p in self.projects()}
        result = []
        for row in matrix.rows:
            if row.project.code not in wanted:
                continue
            cells = []
            for month, mark in zip(matrix.months, row.marks, strict=True):
                if mark is Mark.MISSING:
                    cells.append("–")
                elif mark is Mark.REPORTED:
                    state = closing.get((row.project.code, month))
                    cells.append(symbols[state.state if state else MonthState.OPEN])
                else:
                    cells.append("")
            result.append((row.project, cells))
        return result

    def provisional_months(self) -> list[Month]:
        """The months up to the report month some project with a target has not had
        approved yet."""
        months = set()
        for row in self.rows:
            if not row.provisional:
                continue
            last = min(row.target.last, self.report_month)
            for index in range(
                max(row.target.first.index, Month(self.year, 1).index), last.index + 1
            ):
                month = Month.from_index(index)
                state = self.snapshot.closing.get((row.project.code, month))
                if state is None or state.state is not MonthState.APPROVED:
                    months.add(month)
        return sorted(months)


def headline(data: ReportData, rows: list[StatusRow], with_project: bool = True) -> str:
    """The message of a set of targets: how many are on plan (green), and the one that
    lags most ("7 von 9 Zielen im Plan; LiA Arbeitsaufnahmen 5,7 % hinter Plan")."""
    rated = [row for row in rows if row.progress.status is not Status.NONE]
    if not rated:
        return data.say(Note.report_title_none)
    good = [row for row in rated if row.progress.status is Status.GREEN]
    if len(good) == len(rated):
        return data.say(Note.report_title_all, count=len(rated))
    worst = min(
        (row for row in rated if row.progress.attainment_pct is not None),
        key=lambda row: row.progress.attainment_pct or 0.0,
        default=None,
    )
    if worst is None:
        return data.say(Note.report_title_all, count=len(rated))
    attainment = worst.progress.attainment_pct or 0.0
    return data.say(
        Note.report_title_some,
        good=len(good),
        count=len(rated),
        name=(
            f"{worst.project.name} – {data.metric_name(worst)}"
            if with_project
            else data.metric_name(worst)
        ),
        gap=data.fmt.percent(100.0 - round(attainment, 1)),
    )


def read_report(
    db: Database,
    year: int,
    month: Month | None = None,
    lang: str = "de",
    now: datetime | None = None,
) -> ReportData:
    """The report of `year` at `month` (None: the Meldeschluss month, as `status`)."""
    from aipdesk.services import views

    made_at = now or datetime.now().astimezone()
    snap = views.snapshot(db, year, month)
    charts = views.charts(db, year, snap.report_month)
    return ReportData(
        year=year,
        report_month=snap.report_month,
        organisation=views.organisation(db),
        made_at=made_at,
        snapshot=snap,
        charts=charts,
        lang=lang,
        budget=read_budget(db, year, snap.report_month),
    )


def read_budget(db: Database, year: int, month: Month) -> BudgetReport | None:
    """The budget status of `year` at the report's month (what `aipdesk budget status
    --year Y --month M` gives), for the budget page; None when the year has no budget
    (no plan, no entry) or the database knows no instruments."""
    from aipdesk.domain.errors import Code, DomainError
    from aipdesk.services.budget_entries import has_budget
    from aipdesk.services.budget_status import budget_status

    if not has_budget(db, year):
        return None
    try:
        return budget_status(db, year, month)
    except DomainError as error:
        if error.code == Code.budget_no_catalogue:
            return None
        raise
