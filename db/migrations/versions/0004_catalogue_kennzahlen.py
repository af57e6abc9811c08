"""Catalogue fields for coordinators: partition metrics, planned change rates, planned
denominator means.

- `metrics.is_partition`: the davon metrics marked so (the five FbW sectors, women and
  men) never add up to more than their parent for the same project and month.
- `targets.change_pct`: the Veränderungsrate the programme plans against the
  previous year, in percent (AIP 2021: Integrationsquote +14.5, LZB −0.6).
- `targets.denominator_plan`: for a ratio, the expected mean of its denominator
  over the target period, entered by a coordinator; without it the plan uses the
  denominator's trend (DESIGN §3).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "metrics",
        sa.Column("is_partition", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("targets", sa.Column("change_pct", sa.Float(), nullable=True))
    op.add_column("targets", sa.Column("denominator_plan", sa.Float(), nullable=True))


def downgrade() -> None:
    # SQLite drops a plain column in place (3.35+): batch mode would copy `metrics` and
    # drop the original, which the foreign keys of the other tables forbid.
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, column in (
        ("targets", "denominator_plan"),
        ("targets", "change_pct"),
        ("metrics", "is_partition"),
    ):
        if sqlite:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        else:
            op.drop_column(table, column)
