"""Who may write what on a shared PostgreSQL database: aipdesk access grant | revoke | list.
The database enforces the rights itself; these commands are run by its owner."""

from __future__ import annotations

import argparse
from typing import Any

from aipdesk.cli.common import (
    EXIT_OK,
    Translate,
    actor_of,
    lang_of,
    location,
    named_args,
    open_db,
    tell,
    translator,
)
from aipdesk.cli.listing import add_actions, add_json, print_json, print_table
from aipdesk.domain.messages import Note, message


def register(sub: Any, common: argparse.ArgumentParser, lang: str = "de") -> None:
    t = translator(lang)
    actions = add_actions(
        sub,
        common,
        t,
        "access",
        t(
            "Zugänge auf einer gemeinsamen PostgreSQL-Datenbank: Teamleitung, Koordination",
            "access on a shared PostgreSQL database: team leads, coordination",
        ),
    )
    p = actions.add_parser(
        "grant",
        parents=[common],
        help=t(
            "eine Anmeldung zur Teamleitung eines Projekts oder zur Koordination machen",
            "make a login team lead of a project or coordinator",
        ),
    )
    _add_role(p, t)
    p.set_defaults(func=cmd_grant, changes=True)
    p = actions.add_parser(
        "revoke",
        parents=[common],
        help=t("ein Recht zurücknehmen", "take a right back"),
    )
    _add_role(p, t)
    p.set_defaults(func=cmd_revoke, changes=True)
    p = actions.add_parser(
        "list",
        parents=[common],
        help=t("wer welches Recht hat", "who holds which right"),
    )
    add_json(p, t)
    p.set_defaults(func=cmd_list)


def _add_role(p: argparse.ArgumentParser, t: Translate) -> None:
    p.add_argument(
        "login",
        metavar=t("ANMELDUNG", "LOGIN"),
        help=t("Anmeldename auf dem PostgreSQL-Server", "login name on the PostgreSQL server"),
    )
    role = p.add_mutually_exclusive_group(required=True)
    role.add_argument(
        "--project",
        metavar="P",
        help=t(
            "Teamleitung dieses Projekts: Kürzel oder eindeutiger Name",
            "team lead of this project: code or unique name",
        ),
    )
    role.add_argument(
        "--coordinator",
        action="store_true",
        help=t(
            "Koordination: freigeben, wieder öffnen, Ziele und Katalog, alle Werte",
            "coordination: approve, reopen, targets and catalogue, every value",
        ),
    )


def _open(args: argparse.Namespace, write: bool = False) -> Any:
    from aipdesk.services.access import refuse_file

    refuse_file(location(args))  # an SQLite file knows no roles: refused untouched
    db = open_db(args, write=write)
    if write:
        named_args(args, db, metrics=())
    return db


def cmd_grant(args: argparse.Namespace) -> int:
    from aipdesk.services.access import grant

    db = _open(args, write=True)
    changed, role = grant(db, args.login, args.project, actor_of(args))
    tell(
        args,
        Note.cli_access_granted if changed else Note.cli_access_unchanged,
        login=args.login,
        role=role,
    )
    return EXIT_OK


def cmd_revoke(args: argparse.Namespace) -> int:
    from aipdesk.services.access import revoke

    db = _open(args, write=True)
    role = revoke(db, args.login, args.project, actor_of(args))
    tell(args, Note.cli_access_revoked, login=args.login, role=role)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from aipdesk.services.access import holders
    from aipdesk.services.naming import project_name
    from aipdesk.services.projects import read_catalog

    db = _open(args)
    found = holders(db)
    if args.json:
        print_json([holder.to_json() for holder in found])
        return EXIT_OK
    if not found:
        tell(args, Note.cli_access_none)
        return EXIT_OK
    lang = lang_of(args)
    catalog = read_catalog(db)
    roles = {"teamlead": Note.access_teamlead, "coordinator": Note.access_coordinator}
    header = [
        message(note, lang)
        for note in (Note.access_col_login, Note.access_col_role, Note.access_col_projects)
    ]
    rows = [
        [
            holder.login,
            message(roles[holder.role], lang),
            ", ".join(project_name(catalog, code) for code in holder.projects),
        ]
        for holder in found
    ]
    print_table(header, rows)
    return EXIT_OK
