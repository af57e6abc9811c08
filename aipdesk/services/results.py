"""What the services answer with: plain frozen values, free of SQLAlchemy and Qt.

The window imports these types without loading the database stack, so it can
paint before SQLAlchemy is even imported (see bench/startup.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aipdesk.domain.model import Area, Metric, Project, Target
from aipdesk.domain.months import Month
from aipdesk.domain.progress import Progress
from aipdesk.domain.reporting import ReportMonthChoice

if TYPE_CHECKING:
    from aipdesk.domain.budget_figures import Figures
    from aipdesk.services.budget_status import BudgetReport
    from aipdesk.services.month_status import MonthStatus
    from aipdesk.services.reporting_matrix import ReportingMatrix
    from aipdesk.services.status import YearData
    from aipdesk.store.queries import Catalog


@dataclass(frozen=True)
class StatusRow:
    project: Project
    metric: Metric
    target: Target
    progress: Progress
    report_month: Month
    # Of the target's months up to the report month (inside the project's period), how
    # many a coordinator has approved; figures on months not yet approved are vorläufig.
    months_approved: int = 0

    @property
    def provisional(self) -> bool:
        """Built on months not yet approved ("vorläufig")."""
        return self.months_approved < self.progress.months_elapsed

    def to_json(self) -> dict[str, Any]:
        p = self.progress
        return {
            "project": self.project.code,
            "metric": self.metric.code,
            "target": p.target,
            "plan_to_date": p.plan_to_date,
            "actual_to_date": p.actual_to_date,
            "attainment_pct": p.attainment_pct,
            "deviation": p.deviation,
            "forecast": p.forecast,
            "status": p.status.value,
            # Compatible extensions of the contract:
            "project_name": self.project.name,
            "metric_name": self.metric.name,
            "period_first": str(self.target.first),
            "period_last": str(self.target.last),
            "previous_year_actual": p.previous_year_actual,
            "previous_year_change_pct": p.previous_year_change_pct,
            "months_reported": p.months_reported,
            "months_elapsed": p.months_elapsed,
            "report_month": str(self.report_month),
            "months_missing": [str(m) for m in p.months_missing],
            "complete": p.complete,
            "rolling_12m": p.rolling_12m,
            "rolling_12m_previous": p.rolling_12m_previous,
            "yoy_month_change_pct": p.yoy_month_change_pct,
            "planned_change_pct": p.planned_change_pct,
            "denominator_expected": p.denominator_expected,
            "denominator_basis": p.denominator_basis,
            "months_approved": self.months_approved,
            "provisional": self.provisional,
        }


@dataclass(frozen=True)
class StatusReport:
    year: int
    report_month: Month
    rows: tuple[StatusRow, ...]
    # How the report month was chosen when none was asked for (None: asked for, or no
    # value in the year and the previous calendar month was taken).
    choice: ReportMonthChoice | None = None
    # Where the last row of each (project, metric) stands (the one its grid row shows):
    # made with the report, handed on to the report after a write (same targets).
    last: Mapping[tuple[str, str], int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.last and self.rows:
            places = {(r.project.code, r.metric.code): n for n, r in enumerate(self.rows)}
            object.__setattr__(self, "last", places)

    def to_json(self) -> list[dict[str, Any]]:
        return [row.to_json() for row in self.rows]


@dataclass(frozen=True)
class GridRow:
    """One row of an entry grid: a project's metric over the 12 months of a year."""

    project: Project
    metric: Metric
    depth: int  # 0, or 1 for a davon metric shown under its parent
    months: tuple[Month, ...]
    values: tuple[int | None, ...]
    notes: tuple[str | None, ...]
    editable: tuple[bool, ...]
    versions: tuple[int, ...]  # of each month's value (0: none), handed back with an edit
    total: float | None  # sum of the logged months (flow), their mean (stock)
    target: Target | None  # the target overlapping the year, if any
    progress: Progress | None  # that target at the report month

    def key(self) -> tuple[str, str]:
        return (self.project.code, self.metric.code)


@dataclass(frozen=True)
class Grid:
    year: int
    area: Area
    rows: tuple[GridRow, ...]
    # Where the row of each (project, metric) stands; made with the grid, handed on to
    # the grid after a write (same rows, same places).
    position: Mapping[tuple[str, str], int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.position) != len(self.rows):
            places = {row.key(): number for number, row in enumerate(self.rows)}
            object.__setattr__(self, "position", places)


@dataclass(frozen=True)
class Gap:
    """A project that has not logged every metric for some months up to the report month."""

    project: Project
    missing: tuple[Month, ...]


@dataclass(frozen=True)
class Snapshot:
    """Everything the window shows for one year and report month, read in one go."""

    year: int
    report_month: Month
    years: tuple[int, ...]
    status: StatusReport
    grids: dict[Area, Grid]
    gaps: tuple[Gap, ...]
    projects: tuple[Project, ...]
    targets: tuple[Target, ...]  # all targets overlapping the year
    metrics: dict[str, Metric]
    tracked: dict[str, tuple[str, ...]]  # project code -> metric codes it logs, in grid order
    # What the figures were computed from, so that a write can be shown without reading
    # the year again (`aipdesk.services.views.refresh`).
    data: YearData | None = field(default=None, compare=False, repr=False)
    catalog: Catalog | None = field(default=None, compare=False, repr=False)
    # The Meldestand of the grids (None: not made yet; `reporting_matrix` makes it).
    matrix: ReportingMatrix | None = field(default=None, compare=False, repr=False)
    # The monthly close of the year: (project, month) -> state, Meldeschluss, timeliness.
    closing: Mapping[tuple[str, Month], MonthStatus] = field(
        default_factory=dict, compare=False, repr=False
    )

    # The budget of the Eingliederungstitel (None: no budget catalogue); not kept in
    # the start-up cache, the real read brings it.
    budget: BudgetView | None = field(default=None, compare=False, repr=False)

    @classmethod
    def blank(cls, year: int, report_month: Month) -> Snapshot:
        """Nothing to show: what the panes hold before anything has been read."""
        grids = {area: Grid(year, area, ()) for area in Area}
        return cls(
            year, report_month, (), StatusReport(year, report_month, ()), grids, (), (), (), {}, {}
        )


@dataclass(frozen=True)
class ChartData:
    """What the progress chart draws for one target (all lists run over `months`)."""

    project: Project
    metric: Metric
    target: Target
    report_month: Month
    months: tuple[Month, ...]  # the target period
    monthly: tuple[float | None, ...]  # Ist of each month on its own (bars)
    cumulative: tuple[float | None, ...]  # Ist to date at each month up to the report month
    plan: tuple[float | None, ...]  # Soll to date at each month of the period
    previous: tuple[float | None, ...]  # the previous year's Ist to date, same months
    forecast: float | None  # Hochrechnung for the period end


@dataclass(frozen=True)
class BudgetCell:
    """One stored budget entry: its amount in cents, note and version (for the editor)."""

    amount: int
    note: str | None
    version: int


BudgetKey = tuple[str, str, int, int]  # instrument, kind (spent|committed), due year, month


@dataclass(frozen=True)
class BudgetView:
    """What the Budget pane shows: `budget status` of the year (its `report`), every
    line's figures at the end of each month (`curves`, for the chart) and the year's
    entries of every instrument."""

    report: BudgetReport
    curves: Mapping[str, tuple[Figures, ...]]
    entries: Mapping[BudgetKey, BudgetCell]
    # The (project, metric) pairs whose values count the instruments' results (cost
    # per result): a write of their values changes the budget's figures too.
    linked: frozenset[tuple[str, str]] = frozenset()
