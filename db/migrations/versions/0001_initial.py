"""Initial schema: projects, metrics, targets, monthly values, change log, settings.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(32), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("first_year", sa.Integer()),
        sa.Column("first_month", sa.Integer()),
        sa.Column("last_year", sa.Integer()),
        sa.Column("last_month", sa.Integer()),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "metrics",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(32), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("direction", sa.String(4), nullable=False),
        sa.Column("area", sa.String(16), nullable=False),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("metrics.id")),
        sa.Column("numerator_id", sa.Integer(), sa.ForeignKey("metrics.id")),
        sa.Column("denominator_id", sa.Integer(), sa.ForeignKey("metrics.id")),
        sa.Column("green_pct", sa.Float(), nullable=False),
        sa.Column("amber_pct", sa.Float(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('flow', 'stock', 'ratio')", name="ck_metrics_kind"),
        sa.CheckConstraint("direction IN ('up', 'down')", name="ck_metrics_direction"),
    )
    op.create_table(
        "project_metrics",
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id"), primary_key=True),
        sa.Column("metric_id", sa.Integer(), sa.ForeignKey("metrics.id"), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "targets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("metric_id", sa.Integer(), sa.ForeignKey("metrics.id"), nullable=False),
        sa.Column("first_year", sa.Integer(), nullable=False),
        sa.Column("first_month", sa.Integer(), nullable=False),
        sa.Column("last_year", sa.Integer(), nullable=False),
        sa.Column("last_month", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float()),
        sa.Column("weights", sa.Text()),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint(
            "project_id", "metric_id", "first_year", "first_month", name="uq_targets_start"
        ),
        sa.CheckConstraint("value IS NULL OR value >= 0", name="ck_targets_value"),
    )
    op.create_table(
        "monthly_values",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("metric_id", sa.Integer(), sa.ForeignKey("metrics.id"), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("project_id", "metric_id", "year", "month", name="uq_values_cell"),
        sa.CheckConstraint("value >= 0", name="ck_values_nonnegative"),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name="ck_values_month"),
    )
    op.create_index("ix_values_year_month", "monthly_values", ["year", "month"])
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(100), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("project", sa.String(32)),
        sa.Column("metric", sa.String(32)),
        sa.Column("year", sa.Integer()),
        sa.Column("month", sa.Integer()),
        sa.Column("old", sa.Text()),
        sa.Column("new", sa.Text()),
    )
    op.create_index("ix_change_log_cell", "change_log", ["project", "metric", "year", "month"])
    op.bulk_insert(
        sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text)),
        [{"key": "application", "value": "aipdesk"}],
    )


def downgrade() -> None:
    for table in (
        "change_log",
        "monthly_values",
        "targets",
        "project_metrics",
        "metrics",
        "projects",
        "settings",
    ):
        op.drop_table(table)
