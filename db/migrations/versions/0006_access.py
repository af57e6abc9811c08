"""Who may write what on a shared PostgreSQL database, enforced by the database itself.

- `access_grants` (both backends): a login is team lead of a project (one row per
  project) or coordinator (no project). On an SQLite file it stays empty: whoever may
  write the file may do everything.
- PostgreSQL: row-level security on `monthly_values`, `month_states` and `change_log`.
  Everybody with the privilege to read reads every row. A coordinator (a row in
  `access_grants`) writes every row. A team lead writes the values of their projects,
  not of an approved month; reports and reopens the months of their projects (the new
  row's state is open or reported, never approved), and a trigger refuses any change
  of an approved month's row to whoever is neither coordinator nor owner; and logs
  changes of values and months of their projects. Policies name no role: they read
  `access_grants` (a row there counts only in this database, while group roles belong
  to the whole server). The table owner bypasses row-level security (not FORCEd): the
  one who ran `aipdesk init` keeps doing everything.
- The group roles `aipdesk_teamlead` and `aipdesk_coordinator` (NOLOGIN) are created
  when missing, if the migrating role may create roles. Their privileges on the
  tables (and the membership of a login) are given by ``aipdesk access grant``
  (aipdesk.store.access), which the owner runs; a later migration that adds a table
  grants on it there.

Subqueries in policies are bound when the policy is created (no search_path can
replace `access_grants` later by a temporary table); the trigger function fixes its
search_path for the same reason.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

GROUPS = ("aipdesk_teamlead", "aipdesk_coordinator")
COORDINATOR = (
    "EXISTS (SELECT 1 FROM access_grants g WHERE g.login = current_user AND g.role = 'coordinator')"
)


def _leads(table: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM access_grants g WHERE g.login = current_user "
        f"AND g.role = 'teamlead' AND g.project_id = {table}.project_id)"
    )


APPROVED = (
    "EXISTS (SELECT 1 FROM month_states s WHERE s.project_id = monthly_values.project_id "
    "AND s.year = monthly_values.year AND s.month = monthly_values.month "
    "AND s.state = 'approved')"
)
LEAD_VALUES = f"{_leads('monthly_values')} AND NOT {APPROVED}"
LEAD_MONTHS = f"{_leads('month_states')} AND state IN ('open', 'reported')"
LEAD_LOG = (
    "entity IN ('value', 'month') AND EXISTS (SELECT 1 FROM access_grants g "
    "JOIN projects p ON p.id = g.project_id WHERE g.login = current_user "
    "AND g.role = 'teamlead' AND p.code = change_log.project)"
)
# (table, policy, command, USING, WITH CHECK)
POLICIES = (
    ("monthly_values", "aipdesk_read", "SELECT", "true", None),
    ("monthly_values", "aipdesk_coordinator", "ALL", COORDINATOR, COORDINATOR),
    ("monthly_values", "aipdesk_teamlead_insert", "INSERT", None, LEAD_VALUES),
    # USING true: another project's row is refused loudly by WITH CHECK (a team lead may
    # not change project, metric or month of a row: column privileges), not skipped.
    ("monthly_values", "aipdesk_teamlead_update", "UPDATE", "true", LEAD_VALUES),
    ("monthly_values", "aipdesk_teamlead_delete", "DELETE", LEAD_VALUES, None),
    ("month_states", "aipdesk_read", "SELECT", "true", None),
    ("month_states", "aipdesk_coordinator", "ALL", COORDINATOR, COORDINATOR),
    ("month_states", "aipdesk_teamlead_insert", "INSERT", None, LEAD_MONTHS),
    ("month_states", "aipdesk_teamlead_update", "UPDATE", "true", LEAD_MONTHS),
    ("change_log", "aipdesk_read", "SELECT", "true", None),
    ("change_log", "aipdesk_coordinator", "INSERT", None, COORDINATOR),
    ("change_log", "aipdesk_teamlead_insert", "INSERT", None, LEAD_LOG),
)
APPROVED_MONTH = "aipdesk: approved month"


def upgrade() -> None:
    op.create_table(
        "access_grants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("login", sa.String(63), nullable=False),
        sa.Column("role", sa.String(11), nullable=False),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id", ondelete="CASCADE")),
        sa.Column("granted_by", sa.String(100), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("login", "role", "project_id", name="uq_access_grants_login"),
        sa.CheckConstraint("role IN ('teamlead', 'coordinator')", name="ck_access_grants_role"),
        sa.CheckConstraint(
            "(role = 'teamlead') = (project_id IS NOT NULL)", name="ck_access_grants_project"
        ),
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.exec_driver_sql("SELECT current_schema()").scalar()
    for table in ("monthly_values", "month_states", "change_log"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    for table, name, command, using, check in POLICIES:
        clauses = f" USING ({using})" if using else ""
        clauses += f" WITH CHECK ({check})" if check else ""
        op.execute(f"CREATE POLICY {name} ON {table} FOR {command} TO PUBLIC{clauses}")
    op.execute(
        "CREATE FUNCTION aipdesk_approved_month_guard() RETURNS trigger LANGUAGE plpgsql "
        f'SET search_path = pg_catalog, "{schema}", pg_temp AS $$ BEGIN '
        "IF OLD.state = 'approved' "
        "AND NOT pg_has_role(current_user, "
        "(SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') "
        f"AND NOT {COORDINATOR} THEN "
        f"RAISE EXCEPTION '{APPROVED_MONTH}' USING ERRCODE = 'insufficient_privilege', "
        "TABLE = 'month_states', DETAIL = concat_ws(' ', OLD.project_id, OLD.year, OLD.month); "
        "END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER month_states_approved_guard BEFORE UPDATE OR DELETE ON month_states "
        "FOR EACH ROW EXECUTE FUNCTION aipdesk_approved_month_guard()"
    )
    for group in GROUPS:
        op.execute(
            "DO $$ BEGIN "
            f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "
            "AND (SELECT rolsuper OR rolcreaterole FROM pg_roles "
            "WHERE rolname = current_user) THEN "
            f"CREATE ROLE {group} NOLOGIN; END IF; END $$"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS month_states_approved_guard ON month_states")
        op.execute("DROP FUNCTION IF EXISTS aipdesk_approved_month_guard()")
        for table, name, *_ in POLICIES:
            op.execute(f"DROP POLICY IF EXISTS {name} ON {table}")
        for table in ("monthly_values", "month_states", "change_log"):
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        # The group roles belong to the server (other databases may use them): they stay,
        # without their privileges here.
        for group in GROUPS:
            op.execute(
                "DO $$ BEGIN "
                f"IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN "
                f"EXECUTE 'REVOKE ALL ON ALL TABLES IN SCHEMA ' || quote_ident(current_schema()) "
                f"|| ' FROM {group}'; "
                f"EXECUTE 'REVOKE ALL ON ALL SEQUENCES IN SCHEMA ' || "
                f"quote_ident(current_schema()) || ' FROM {group}'; END IF; END $$"
            )
    op.drop_table("access_grants")
