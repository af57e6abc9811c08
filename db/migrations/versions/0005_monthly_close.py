"""The monthly close: month states per project, deadlines, values to be clarified,
validation rules, and a plausibility factor per metric.

- `month_states`: one row per project and month that has left "open": reported by the
  team lead (every metric the project logs has a value), approved by a coordinator
  (then its values are locked). No row means open. The first report and the first
  approval are kept apart from the latest: timeliness is judged on the first report,
  changes after approval are counted from the first approval.
- `month_deadlines`: the Meldeschluss of a month where a coordinator moved it; without
  a row it is the 10th of the following month.
- `value_reviews`: values stored although implausible ("zur Klärung"), until a
  coordinator marks them checked.
- `validation_rules`: Σ left ≤ | = | ≥ Σ right over metrics of one project and month,
  checked on approval; the sides are JSON lists of metric codes.
- `metrics.plausibility_factor`: how far beyond its series a value may lie before it
  must be confirmed (NULL: the default rule).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "month_states",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(9), nullable=False),
        sa.Column("reported_by", sa.String(100)),
        sa.Column("reported_at", sa.DateTime(timezone=True)),
        sa.Column("first_reported_at", sa.DateTime(timezone=True)),
        sa.Column("approved_by", sa.String(100)),
        sa.Column("approved_at", sa.DateTime(timezone=True)),
        sa.Column("first_approved_at", sa.DateTime(timezone=True)),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("project_id", "year", "month", name="uq_month_states_month"),
        sa.CheckConstraint(
            "state IN ('open', 'reported', 'approved')", name="ck_month_states_state"
        ),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name="ck_month_states_month"),
    )
    op.create_index("ix_month_states_year", "month_states", ["year", "month"])
    op.create_table(
        "month_deadlines",
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("month", sa.Integer(), primary_key=True),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name="ck_month_deadlines_month"),
    )
    op.create_table(
        "value_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("metric_id", sa.Integer(), sa.ForeignKey("metrics.id"), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("flagged_by", sa.String(100), nullable=False),
        sa.Column("flagged_at", sa.DateTime(timezone=True)),
        sa.Column("checked_by", sa.String(100)),
        sa.Column("checked_at", sa.DateTime(timezone=True)),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name="ck_value_reviews_month"),
    )
    op.create_index(
        "ix_value_reviews_cell", "value_reviews", ["project_id", "metric_id", "year", "month"]
    )
    op.create_table(
        "validation_rules",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("left_side", sa.Text(), nullable=False),
        sa.Column("relation", sa.String(2), nullable=False),
        sa.Column("right_side", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint("relation IN ('<=', '=', '>=')", name="ck_validation_rules_relation"),
    )
    op.add_column("metrics", sa.Column("plausibility_factor", sa.Float(), nullable=True))


def downgrade() -> None:
    # SQLite drops a plain column in place (3.35+), as in 0004.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE metrics DROP COLUMN plausibility_factor")
    else:
        op.drop_column("metrics", "plausibility_factor")
    op.drop_table("validation_rules")
    op.drop_index("ix_value_reviews_cell", table_name="value_reviews")
    op.drop_table("value_reviews")
    op.drop_table("month_deadlines")
    op.drop_index("ix_month_states_year", table_name="month_states")
    op.drop_table("month_states")
