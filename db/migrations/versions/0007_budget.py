"""The budget of the Eingliederungstitel: its lines, the plan per instrument and year,
and the monthly spending and commitments.

- `budget_instruments`: the lines of the built-in plan (the total EGL, the groups, the
  instruments with their group, the metric whose results they buy, a "davon" line's
  whole, the project whose figures count the results), so that the names live in the
  database like projects and metrics.
- `budget_plans`: the plan of an instrument for a year in cents, its plan curve (JSON
  list of twelve decimal weights, NULL: linear), the amounts the catalogue says fall
  due in later years (JSON {"2022": cents, …}), and whether the catalogue or a user
  set it.
- `budget_entries`: the spending (`spent`) or a new commitment (`committed`) of an
  instrument in a month, in cents (≥ 0). `due_year` is the year a commitment falls
  due; for spending it is the entry's own year (NULLs compare differently in unique
  constraints on SQLite and PostgreSQL, so the key holds no NULL).

Self-contained: it depends on nothing but the tables of 0001.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "budget_instruments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(32), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("group_code", sa.String(32)),
        sa.Column("metric", sa.String(32)),
        sa.Column("part_of", sa.String(32)),
        sa.Column("result_project", sa.String(32)),
        sa.Column("share_pct", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "level IN ('total', 'group', 'instrument')", name="ck_budget_instruments_level"
        ),
    )
    op.create_table(
        "budget_plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "instrument",
            sa.String(32),
            sa.ForeignKey("budget_instruments.code"),
            nullable=False,
        ),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("plan_cents", sa.BigInteger(), nullable=False),
        sa.Column("weights", sa.Text()),
        sa.Column("due", sa.Text()),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("instrument", "year", name="uq_budget_plans_year"),
        sa.CheckConstraint("plan_cents >= 0", name="ck_budget_plans_nonnegative"),
    )
    op.create_table(
        "budget_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "instrument",
            sa.String(32),
            sa.ForeignKey("budget_instruments.code"),
            nullable=False,
        ),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(9), nullable=False),
        sa.Column("due_year", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint(
            "instrument", "year", "month", "kind", "due_year", name="uq_budget_entries_entry"
        ),
        sa.CheckConstraint("amount_cents >= 0", name="ck_budget_entries_nonnegative"),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name="ck_budget_entries_month"),
        sa.CheckConstraint("kind IN ('spent', 'committed')", name="ck_budget_entries_kind"),
        sa.CheckConstraint(
            "due_year >= year AND (kind = 'committed' OR due_year = year)",
            name="ck_budget_entries_due",
        ),
    )
    op.create_index("ix_budget_entries_year", "budget_entries", ["year", "month"])


def downgrade() -> None:
    op.drop_index("ix_budget_entries_year", table_name="budget_entries")
    op.drop_table("budget_entries")
    op.drop_table("budget_plans")
    op.drop_table("budget_instruments")
