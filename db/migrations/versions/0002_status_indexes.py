"""Indexes for the status query: targets by year, and monthly values covering the value.

The status of a year aggregates every target's values in one statement; with
these indexes SQLite finds a year's targets without scanning all of them and
reads the values from the index alone (bench/status_scale.py: 0.18 s -> 0.11 s).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_targets_years", "targets", ["last_year", "first_year"])
    op.create_index("ix_values_series", "monthly_values",
                    ["project_id", "metric_id", "year", "month", "value"])


def downgrade() -> None:
    op.drop_index("ix_values_series", "monthly_values")
    op.drop_index("ix_targets_years", "targets")
