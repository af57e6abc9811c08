"""Team leads list their own implausible values "zur Klärung" on a shared database.

A team lead who confirms an implausible value of their project (with a Bemerkung) stores
the value and its entry in `value_reviews`, both logged. Migration 0006 let team leads
log values and months only, and gave them no right on `value_reviews`: the confirmed
value was refused as "Keine Berechtigung". PostgreSQL now has row-level security on
`value_reviews` too (everyone reads; a coordinator writes every row; a team lead inserts
and updates the rows of their projects), team leads may log entries of entity `review`
of their projects, and the group role `aipdesk_teamlead` (where it exists) gets the
table's privileges; `aipdesk access grant` gives them as well. SQLite: nothing to do.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COORDINATOR = (
    "EXISTS (SELECT 1 FROM access_grants g WHERE g.login = current_user AND g.role = 'coordinator')"
)
LEADS_REVIEWS = (
    "EXISTS (SELECT 1 FROM access_grants g WHERE g.login = current_user "
    "AND g.role = 'teamlead' AND g.project_id = value_reviews.project_id)"
)


def _log_policy(entities: str) -> str:
    return (
        f"entity IN ({entities}) AND EXISTS (SELECT 1 FROM access_grants g "
        "JOIN projects p ON p.id = g.project_id WHERE g.login = current_user "
        "AND g.role = 'teamlead' AND p.code = change_log.project)"
    )


def _lead_log(entities: str) -> None:
    op.execute("DROP POLICY IF EXISTS aipdesk_teamlead_insert ON change_log")
    op.execute(
        "CREATE POLICY aipdesk_teamlead_insert ON change_log FOR INSERT TO PUBLIC "
        f"WITH CHECK ({_log_policy(entities)})"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _lead_log("'value', 'month', 'review'")
    op.execute("ALTER TABLE value_reviews ENABLE ROW LEVEL SECURITY")
    for name, command, using, check in (
        ("aipdesk_read", "SELECT", "true", None),
        ("aipdesk_coordinator", "ALL", COORDINATOR, COORDINATOR),
        ("aipdesk_teamlead_insert", "INSERT", None, LEADS_REVIEWS),
        ("aipdesk_teamlead_update", "UPDATE", LEADS_REVIEWS, LEADS_REVIEWS),
    ):
        clauses = f" USING ({using})" if using else ""
        clauses += f" WITH CHECK ({check})" if check else ""
        op.execute(f"CREATE POLICY {name} ON value_reviews FOR {command} TO PUBLIC{clauses}")
    op.execute(
        "DO $$ BEGIN "
        "IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'aipdesk_teamlead') THEN "
        "GRANT INSERT, UPDATE ON value_reviews TO aipdesk_teamlead; "
        "GRANT USAGE ON SEQUENCE value_reviews_id_seq TO aipdesk_teamlead; "
        "END IF; END $$"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in (
        "aipdesk_teamlead_update",
        "aipdesk_teamlead_insert",
        "aipdesk_coordinator",
        "aipdesk_read",
    ):
        op.execute(f"DROP POLICY IF EXISTS {name} ON value_reviews")
    op.execute("ALTER TABLE value_reviews DISABLE ROW LEVEL SECURITY")
    _lead_log("'value', 'month'")
