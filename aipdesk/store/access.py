"""Who may write what on a shared PostgreSQL database: granting and revoking the roles,
and telling a person what the database refused.

The database enforces the rules itself (migration 0006: row-level security on
`monthly_values`, `month_states` and `change_log`, reading `access_grants`). This
module gives the group roles their privileges and puts logins into them:

- ``aipdesk_teamlead``: reads every table; writes values and notes (not which cell
  a row is), the state of months (not the approval stamps) and change-log rows;
- ``aipdesk_coordinator``: reads every table, writes every table but the change log
  (only appends to it), `access_grants` and `alembic_version`.

Granting is the owner's (or a superuser's) business: only the owner of the tables may
grant privileges on them, and putting a login into a group role takes CREATEROLE (or
ADMIN OPTION on the group). A grant re-applies the privileges every time, so a table a
later migration added is covered by the next grant.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note, phrase
from aipdesk.domain.months import Month
from aipdesk.format import month_words
from aipdesk.store.changelog import now
from aipdesk.store.models import AccessGrantRow, Base, ProjectRow

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

TEAMLEAD, COORDINATOR = "teamlead", "coordinator"
GROUPS = {TEAMLEAD: "aipdesk_teamlead", COORDINATOR: "aipdesk_coordinator"}
# What a team lead writes besides reading everything (column lists: the cell or month a
# row is about stays as it is).
TEAMLEAD_WRITES = {
    "monthly_values": "INSERT, UPDATE (value, note, version, updated_by, updated_at), DELETE",
    "month_states": "INSERT, UPDATE (state, reported_by, reported_at, first_reported_at, version)",
    "change_log": "INSERT",
    "value_reviews": "INSERT, UPDATE",  # their own values zur Klärung (migration 0008)
}
# Tables nobody but the owner writes.
OWNER_ONLY = ("alembic_version", "access_grants")
# The trigger of migration 0006 that guards approved months says this.
APPROVED_MONTH = "aipdesk: approved month"
# How people call what a table holds (refusals of a coordinator's tables).
TABLE_WORDS = {
    "projects": ("die Projekte", "the projects"),
    "metrics": ("die Kennzahlen", "the metrics"),
    "project_metrics": ("die Kennzahlen der Projekte", "the metrics of the projects"),
    "targets": ("die Zielwerte", "the targets"),
    "month_deadlines": ("den Meldeschluss", "the deadlines"),
    "validation_rules": ("die Prüfregeln", "the validation rules"),
    "value_reviews": ("die Werte zur Klärung", "the values to be clarified"),
    "settings": ("die Einstellungen", "the settings"),
    "access_grants": ("die Zugänge", "the access rights"),
    "change_log": ("das Änderungsprotokoll", "the change log"),
}
# The table a change-log entry of a kind belongs to (its refusal is told as that table's).
ENTITY_TABLES = {
    "value": "monthly_values",
    "month": "month_states",
    "target": "targets",
    "project": "projects",
    "metric": "metrics",
    "tracking": "project_metrics",
    "deadline": "month_deadlines",
}


@dataclass
class Holder:
    """One line of `aipdesk access list`: a login, its role, its projects (codes)."""

    login: str
    role: str
    projects: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"login": self.login, "role": self.role, "projects": self.projects}


# -- opening a shared database -------------------------------------------------------------


def check_opening(conn: Connection, revision: str | None, head: str, where: str) -> None:
    """Refuse, in one line, a login that could not go on: one that may not read the schema
    (no grant), may not create it (an empty database) or may not upgrade it (an older
    one). A login that may read a schema at head opens it without creating anything."""
    row = conn.execute(
        text(
            "SELECT current_user, "
            "coalesce(has_schema_privilege(current_schema(), 'CREATE'), false), "
            "CASE WHEN to_regclass('alembic_version') IS NULL THEN NULL "
            "ELSE has_table_privilege('alembic_version', 'SELECT') END, "
            "(SELECT pg_has_role(current_user, c.relowner, 'USAGE') "
            " FROM pg_class c WHERE c.oid = to_regclass('alembic_version')), "
            "(SELECT pg_get_userbyid(c.relowner) "
            " FROM pg_class c WHERE c.oid = to_regclass('alembic_version'))"
        )
    ).one()
    login, may_create, may_read, owns, owner = row
    if may_read is None:  # an empty database: the migrations create the schema
        if not may_create:
            raise DomainError(Code.access_no_create, login=login, path=where)
        return
    if not may_read:
        raise DomainError(Code.access_no_access, login=login, path=where)
    if revision != head and not owns:
        raise DomainError(
            Code.access_outdated,
            login=login,
            path=where,
            found=revision or "–",
            head=head,
            owner=owner,
        )


def current_revision(conn: Connection) -> str | None:
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


# -- what the database refused -----------------------------------------------------------


def explain(engine: Engine, refused: DomainError) -> DomainError:
    """A refusal of the database (``db_no_rights`` with the table and row the engine
    found) told as what was refused in people's words; the original if nothing is known.
    Runs after the refused unit of work was rolled back, on a connection of its own."""
    table = str(refused.params.get("table") or "")
    row = dict(refused.params.get("row") or {})
    try:
        with engine.connect() as conn:
            login = conn.execute(text("SELECT current_user")).scalar()
            facts = _row_facts(conn, table, row, str(refused.params.get("detail") or ""))
    except Exception:  # the refusal stands as it was
        return refused
    project, month = facts.get("project"), facts.get("month")
    where = {"project": project or "–", "login": login}
    if isinstance(month, Month):
        where["month"] = month_words(month)
    if table == "change_log":  # told as the table the entry is about
        table = ENTITY_TABLES.get(str(row.get("entity")), table)
    approved = facts.get("approved") or row.get("state") == "approved"
    approved = approved or APPROVED_MONTH in str(refused.params.get("reason"))
    if table in ("monthly_values", "month_states") and approved:
        where.setdefault("month", "–")
        return DomainError(Code.access_approve, **where)
    if table == "monthly_values":
        return DomainError(Code.access_values, **where)
    if table == "month_states":
        where.setdefault("month", "–")
        return DomainError(Code.access_month, **where)
    if table in TABLE_WORDS or table in {t.name for t in Base.metadata.sorted_tables}:
        words = TABLE_WORDS.get(table, (table, table))
        return DomainError(Code.access_catalogue, what=words, login=login)
    return refused


def _row_facts(conn: Connection, table: str, row: dict[str, Any], detail: str) -> dict[str, Any]:
    """The project's name and the month a refused row is about, as far as known."""
    project_id, year, month = row.get("project_id"), row.get("year"), row.get("month")
    numbers = [int(n) for n in re.findall(r"\d+", detail)]
    if len(numbers) == 3:  # the trigger's detail: project id, year, month
        project_id, year, month = numbers
    row_id = row.get(f"{table}_id", row.get("id"))
    if project_id is None and row_id is not None and table in ("monthly_values", "month_states"):
        found = conn.execute(
            text(f"SELECT project_id, year, month FROM {table} WHERE id = :id"), {"id": row_id}
        ).first()
        if found is not None:
            project_id, year, month = found
    if project_id is None and row.get("project"):  # a change-log entry names the code
        project_id = conn.execute(
            select(ProjectRow.id).where(ProjectRow.code == row["project"])
        ).scalar()
    name = None
    if project_id is not None:
        name = conn.execute(select(ProjectRow.name).where(ProjectRow.id == project_id)).scalar()
    facts: dict[str, Any] = {"project": name}
    if isinstance(year, int) and isinstance(month, int) and 1 <= month <= 12:
        facts["month"] = Month(year, month)
        facts["approved"] = (
            project_id is not None
            and conn.execute(
                text(
                    "SELECT 1 FROM month_states WHERE project_id = :p AND year = :y "
                    "AND month = :m AND state = 'approved'"
                ),
                {"p": project_id, "y": year, "m": month},
            ).first()
            is not None
        )
    return facts


# -- granting, revoking, listing -----------------------------------------------------------


def refuse_sqlite(where: str) -> DomainError:
    return DomainError(Code.access_sqlite, path=where)


def _role_words(role: str, project_name: str | None = None) -> Any:
    if role == COORDINATOR:
        return phrase(Note.access_coordinator)
    return phrase(Note.access_of_project, project=project_name or "–")


def _check_owner(session: Session, where: str) -> str:
    """The connected login, if it owns the tables (or is a superuser); else refused."""
    login, owns, owner = session.execute(
        text(
            "SELECT current_user, pg_has_role(current_user, c.relowner, 'USAGE'), "
            "pg_get_userbyid(c.relowner) FROM pg_class c "
            "WHERE c.oid = to_regclass('access_grants')"
        )
    ).one()
    if not owns:
        raise DomainError(Code.access_not_owner, path=where, owner=owner, login=login)
    return str(login)


def _check_login(session: Session, login: str) -> None:
    found = session.execute(
        text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :login"), {"login": login}
    ).first()
    if found is None:
        names = list(session.execute(text("SELECT rolname FROM pg_roles")).scalars())
        near = (
            difflib.get_close_matches(login, names, n=1)
            or [n for n in names if n.lower() == login.lower()][:1]
        )
        hint = (f" (gemeint: {near[0]}?)", f" (did you mean {near[0]}?)") if near else ("", "")
        raise DomainError(Code.access_no_login, login=login, hint=hint)
    if not found[0] or login in GROUPS.values():
        raise DomainError(Code.access_group_role, login=login)


def _ensure_groups(session: Session, me: str) -> None:
    """The group roles exist and hold their privileges on this database's tables."""
    may_create = session.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    for group in GROUPS.values():
        exists = session.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :g"), {"g": group}
        ).first()
        if exists is None:
            if not may_create:
                raise DomainError(Code.access_no_createrole, group=group, login=me)
            session.execute(text(f"CREATE ROLE {group} NOLOGIN"))
    schema = session.execute(text("SELECT quote_ident(current_schema())")).scalar()
    lead, coordinator = GROUPS[TEAMLEAD], GROUPS[COORDINATOR]
    statements = [
        f"GRANT USAGE ON SCHEMA {schema} TO {lead}, {coordinator}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {lead}, {coordinator}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {coordinator}",
        f"GRANT INSERT ON change_log TO {coordinator}",
    ]
    for table in Base.metadata.sorted_tables:
        if table.name not in OWNER_ONLY and table.name != "change_log":
            statements.append(f"GRANT INSERT, UPDATE, DELETE ON {table.name} TO {coordinator}")
    for table_name, privileges in TEAMLEAD_WRITES.items():
        statements.append(f"GRANT {privileges} ON {table_name} TO {lead}")
        sequence = session.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table_name}
        ).scalar()
        if sequence:
            statements.append(f"GRANT USAGE ON SEQUENCE {sequence} TO {lead}")
    for statement in statements:
        session.execute(text(statement))


def _membership(session: Session, group: str, login: str, *, grant: bool) -> None:
    """GRANT or REVOKE `group` TO/FROM `login`; a login that may not is told why."""
    quoted = session.execute(text("SELECT quote_ident(:l)"), {"l": login}).scalar()
    statement = f"GRANT {group} TO {quoted}" if grant else f"REVOKE {group} FROM {quoted}"
    try:
        with session.begin_nested():
            session.execute(text(statement))
    except DomainError as error:
        if error.code is not Code.db_no_rights:
            raise
        me = session.execute(text("SELECT current_user")).scalar()
        raise DomainError(Code.access_cannot_grant, login=me, group=group) from None


def grant(
    session: Session, where: str, login: str, project: tuple[int, str] | None
) -> tuple[bool, Any]:
    """Make `login` team lead of `project` (id, name) or, without one, coordinator.
    Returns (whether anything changed, the role in words)."""
    me = _check_owner(session, where)
    _check_login(session, login)
    role = COORDINATOR if project is None else TEAMLEAD
    project_id, name = project if project is not None else (None, None)
    _ensure_groups(session, me)
    _membership(session, GROUPS[role], login, grant=True)
    existing = session.scalar(
        select(AccessGrantRow.id).where(
            AccessGrantRow.login == login,
            AccessGrantRow.role == role,
            AccessGrantRow.project_id.is_(None)
            if project_id is None
            else AccessGrantRow.project_id == project_id,
        )
    )
    if existing is None:
        session.add(
            AccessGrantRow(
                login=login, role=role, project_id=project_id, granted_by=me, granted_at=now()
            )
        )
        session.flush()
    return existing is None, _role_words(role, name)


def revoke(session: Session, where: str, login: str, project: tuple[int, str] | None) -> Any:
    """Take the role back; refused if `login` does not hold it. Returns the role in words.
    The login leaves the group role when it holds no such right here any more."""
    _check_owner(session, where)
    role = COORDINATOR if project is None else TEAMLEAD
    project_id, name = project if project is not None else (None, None)
    words = _role_words(role, name)
    condition = [AccessGrantRow.login == login, AccessGrantRow.role == role]
    if project_id is not None:
        condition.append(AccessGrantRow.project_id == project_id)
    if session.scalar(select(AccessGrantRow.id).where(*condition).limit(1)) is None:
        raise DomainError(Code.access_not_granted, login=login, role=words)
    session.execute(delete(AccessGrantRow).where(*condition))
    left = session.scalar(
        select(AccessGrantRow.id).where(AccessGrantRow.login == login, AccessGrantRow.role == role)
    )
    member = session.execute(
        text("SELECT pg_has_role(:l, :g, 'MEMBER')"), {"l": login, "g": GROUPS[role]}
    ).scalar()
    if left is None and member:
        _membership(session, GROUPS[role], login, grant=False)
    return words


def holders(session: Session, order: Sequence[str]) -> list[Holder]:
    """Every login with a right here: coordinators first, then team leads, each with
    their projects (codes, in the order `order` of the catalogue)."""
    rank = {code: index for index, code in enumerate(order)}
    rows = session.execute(
        select(AccessGrantRow.login, AccessGrantRow.role, ProjectRow.code).outerjoin(
            ProjectRow, ProjectRow.id == AccessGrantRow.project_id
        )
    ).all()
    found: dict[tuple[str, str], Holder] = {}
    for login, role, code in rows:
        holder = found.setdefault((role, login), Holder(login, role))
        if code is not None:
            holder.projects.append(code)
    for holder in found.values():
        holder.projects.sort(key=lambda c: (rank.get(c, len(rank)), c))
    return [found[key] for key in sorted(found, key=lambda k: (k[0] != COORDINATOR, k[1]))]
