"""SQLAlchemy 2 typed models. The schema itself is created only by the Alembic migrations
in `db/migrations`; a test checks that these models and the migrations agree."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ProjectRow(Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    first_year: Mapped[int | None] = mapped_column(Integer)
    first_month: Mapped[int | None] = mapped_column(Integer)
    last_year: Mapped[int | None] = mapped_column(Integer)
    last_month: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class MetricRow(Base):
    __tablename__ = "metrics"
    __table_args__ = (
        CheckConstraint("kind IN ('flow', 'stock', 'ratio')", name="ck_metrics_kind"),
        CheckConstraint("direction IN ('up', 'down')", name="ck_metrics_direction"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(8))
    direction: Mapped[str] = mapped_column(String(4), default="up")
    area: Mapped[str] = mapped_column(String(16), default="integration")
    unit: Mapped[str] = mapped_column(String(16), default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("metrics.id"))
    numerator_id: Mapped[int | None] = mapped_column(ForeignKey("metrics.id"))
    denominator_id: Mapped[int | None] = mapped_column(ForeignKey("metrics.id"))
    green_pct: Mapped[float] = mapped_column(Float, default=100.0)
    amber_pct: Mapped[float] = mapped_column(Float, default=90.0)
    # A davon metric that is one part of a split of its parent (sectors, women/men): the
    # parts of one parent never add up to more than the parent (DESIGN §3).
    is_partition: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # How far beyond its own series a value may lie before it must be confirmed
    # (services.plausibility); None: the default rule.
    plausibility_factor: Mapped[float | None] = mapped_column(Float)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ProjectMetricRow(Base):
    """Which metrics a project logs (the rows of its entry grid), in order."""

    __tablename__ = "project_metrics"

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metrics.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class TargetRow(Base):
    __tablename__ = "targets"
    __table_args__ = (
        UniqueConstraint(
            "project_id", "metric_id", "first_year", "first_month", name="uq_targets_start"
        ),
        CheckConstraint("value IS NULL OR value >= 0", name="ck_targets_value"),
        Index("ix_targets_years", "last_year", "first_year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    metric_id: Mapped[int] = mapped_column(ForeignKey("metrics.id"))
    first_year: Mapped[int] = mapped_column(Integer)
    first_month: Mapped[int] = mapped_column(Integer)
    last_year: Mapped[int] = mapped_column(Integer)
    last_month: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float)
    weights: Mapped[str | None] = mapped_column(Text)  # JSON list of floats, None = linear
    change_pct: Mapped[float | None] = mapped_column(Float)  # planned Veränderungsrate, %
    denominator_plan: Mapped[float | None] = mapped_column(Float)  # ratio: planned mean D̂
    origin: Mapped[str] = mapped_column(String(16), default="user")  # catalogue | user
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ValueRow(Base):
    __tablename__ = "monthly_values"
    __table_args__ = (
        UniqueConstraint("project_id", "metric_id", "year", "month", name="uq_values_cell"),
        CheckConstraint("value >= 0", name="ck_values_nonnegative"),
        CheckConstraint("month BETWEEN 1 AND 12", name="ck_values_month"),
        # Serves "latest month of a year" and the per-year scans of the status query.
        Index("ix_values_year_month", "year", "month"),
        # Covers the status aggregation: series, month and value without the table.
        Index("ix_values_series", "project_id", "metric_id", "year", "month", "value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    metric_id: Mapped[int] = mapped_column(ForeignKey("metrics.id"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    value: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ChangeRow(Base):
    """Append-only change log: who changed what, when, from which value to which."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_cell", "project", "metric", "year", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(16))  # cli | gui | import | merge | catalogue
    action: Mapped[str] = mapped_column(String(8))  # insert | update | delete
    entity: Mapped[str] = mapped_column(String(16))  # value | target | project | metric
    project: Mapped[str | None] = mapped_column(String(32))
    metric: Mapped[str | None] = mapped_column(String(32))
    year: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)
    old: Mapped[str | None] = mapped_column(Text)  # JSON
    new: Mapped[str | None] = mapped_column(Text)  # JSON


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class MonthStateRow(Base):
    """A project's month once it has left "open" (no row: open). Approved months are
    locked; the first report decides timeliness, the first approval starts the count of
    changes after approval."""

    __tablename__ = "month_states"
    __table_args__ = (
        UniqueConstraint("project_id", "year", "month", name="uq_month_states_month"),
        CheckConstraint("state IN ('open', 'reported', 'approved')", name="ck_month_states_state"),
        CheckConstraint("month BETWEEN 1 AND 12", name="ck_month_states_month"),
        Index("ix_month_states_year", "year", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(9))  # open | reported | approved
    reported_by: Mapped[str | None] = mapped_column(String(100))
    reported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    first_reported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    approved_by: Mapped[str | None] = mapped_column(String(100))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    first_approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)


class MonthDeadlineRow(Base):
    """The Meldeschluss of a month that a coordinator moved (no row: the 10th of the
    following month)."""

    __tablename__ = "month_deadlines"
    __table_args__ = (CheckConstraint("month BETWEEN 1 AND 12", name="ck_month_deadlines_month"),)

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    due: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ValueReviewRow(Base):
    """A value stored although implausible, "zur Klärung" until a coordinator checks it."""

    __tablename__ = "value_reviews"
    __table_args__ = (
        CheckConstraint("month BETWEEN 1 AND 12", name="ck_value_reviews_month"),
        Index("ix_value_reviews_cell", "project_id", "metric_id", "year", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    metric_id: Mapped[int] = mapped_column(ForeignKey("metrics.id"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    value: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    flagged_by: Mapped[str] = mapped_column(String(100))
    flagged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    checked_by: Mapped[str | None] = mapped_column(String(100))
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)


class ValidationRuleRow(Base):
    """Σ left `relation` Σ right over the metrics of one project and month, checked when a
    month is approved; each side a JSON list of metric codes."""

    __tablename__ = "validation_rules"
    __table_args__ = (
        CheckConstraint("relation IN ('<=', '=', '>=')", name="ck_validation_rules_relation"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    left_side: Mapped[str] = mapped_column(Text)
    relation: Mapped[str] = mapped_column(String(2))
    right_side: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AccessGrantRow(Base):
    """Who may write what on a shared PostgreSQL database: a login is team lead of a
    project (one row per project) or coordinator (no project). The database's own
    row-level security reads this table (migration 0006); on an SQLite file it stays
    empty: whoever may write the file may do everything."""

    __tablename__ = "access_grants"
    __table_args__ = (
        UniqueConstraint("login", "role", "project_id", name="uq_access_grants_login"),
        CheckConstraint("role IN ('teamlead', 'coordinator')", name="ck_access_grants_role"),
        CheckConstraint(
            "(role = 'teamlead') = (project_id IS NOT NULL)", name="ck_access_grants_project"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(63))  # a PostgreSQL role name (NAMEDATALEN-1)
    role: Mapped[str] = mapped_column(String(11))  # teamlead | coordinator
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    granted_by: Mapped[str] = mapped_column(String(100))
    granted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class BudgetInstrumentRow(Base):
    """A line of the budget of the Eingliederungstitel: the total, a group or an
    instrument (`aipdesk.domain.budget`)."""

    __tablename__ = "budget_instruments"
    __table_args__ = (
        CheckConstraint(
            "level IN ('total', 'group', 'instrument')", name="ck_budget_instruments_level"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(10))  # total | group | instrument
    group_code: Mapped[str | None] = mapped_column(String(32))
    metric: Mapped[str | None] = mapped_column(String(32))  # whose results it buys
    part_of: Mapped[str | None] = mapped_column(String(32))  # a "davon" line's whole
    result_project: Mapped[str | None] = mapped_column(String(32))  # counts the results
    share_pct: Mapped[str] = mapped_column(String(16), default="")  # as printed
    position: Mapped[int] = mapped_column(Integer, default=0)


class BudgetPlanRow(Base):
    """An instrument's plan for a year in cents, with its plan curve (JSON list of twelve
    decimal weights, None = linear) and the catalogue's amounts due in later years."""

    __tablename__ = "budget_plans"
    __table_args__ = (
        UniqueConstraint("instrument", "year", name="uq_budget_plans_year"),
        CheckConstraint("plan_cents >= 0", name="ck_budget_plans_nonnegative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument: Mapped[str] = mapped_column(String(32), ForeignKey("budget_instruments.code"))
    year: Mapped[int] = mapped_column(Integer)
    plan_cents: Mapped[int] = mapped_column(BigInteger)
    weights: Mapped[str | None] = mapped_column(Text)
    due: Mapped[str | None] = mapped_column(Text)  # JSON {"2022": cents, …}
    origin: Mapped[str] = mapped_column(String(16), default="user")  # catalogue | user
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class BudgetEntryRow(Base):
    """Spending or a new commitment of an instrument in a month, in cents; `due_year` is
    the year a commitment falls due (for spending: the entry's own year)."""

    __tablename__ = "budget_entries"
    __table_args__ = (
        UniqueConstraint(
            "instrument", "year", "month", "kind", "due_year", name="uq_budget_entries_entry"
        ),
        CheckConstraint("amount_cents >= 0", name="ck_budget_entries_nonnegative"),
        CheckConstraint("month BETWEEN 1 AND 12", name="ck_budget_entries_month"),
        CheckConstraint("kind IN ('spent', 'committed')", name="ck_budget_entries_kind"),
        CheckConstraint(
            "due_year >= year AND (kind = 'committed' OR due_year = year)",
            name="ck_budget_entries_due",
        ),
        Index("ix_budget_entries_year", "year", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument: Mapped[str] = mapped_column(String(32), ForeignKey("budget_instruments.code"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(9))  # spent | committed
    due_year: Mapped[int] = mapped_column(Integer)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
