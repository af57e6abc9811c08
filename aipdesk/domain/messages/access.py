"""Texts of the access rights on a shared PostgreSQL database (`aipdesk access`): what the
database refused, in people's words, and the command's reports.

A login is the name someone signs in to the server with; the roles are "Teamleitung"
(of projects) and "Koordination".
"""

from __future__ import annotations

from aipdesk.domain.messages.codes import Code, Note

ACCESS: dict[Code | Note, tuple[str, str]] = {
    Code.access_values: (
        "Keine Berechtigung: Werte von {project} darf nur die Teamleitung von {project} oder "
        "die Koordination ändern (Anmeldung {login}). Es wurde nichts verändert",
        "Not permitted: values of {project} may be changed only by the team lead of "
        "{project} or the coordination (login {login}). Nothing was changed",
    ),
    Code.access_month: (
        "Keine Berechtigung: den Monat {month} von {project} darf nur die Teamleitung von "
        "{project} melden (Anmeldung {login}). Es wurde nichts verändert",
        "Not permitted: the month {month} of {project} may be reported only by the team "
        "lead of {project} (login {login}). Nothing was changed",
    ),
    Code.access_approve: (
        "Keine Berechtigung: {project}, {month} – Monate freigeben und freigegebene Monate "
        "ändern oder wieder öffnen darf nur die Koordination (Anmeldung {login}). "
        "Es wurde nichts verändert",
        "Not permitted: {project}, {month} – only the coordination may approve months and "
        "change or reopen approved ones (login {login}). Nothing was changed",
    ),
    Code.access_catalogue: (
        "Keine Berechtigung: {what} darf nur die Koordination ändern (Anmeldung {login}). "
        "Es wurde nichts verändert",
        "Not permitted: only the coordination may change {what} (login {login}). "
        "Nothing was changed",
    ),
    Code.access_no_access: (
        "Keine Berechtigung: die Anmeldung {login} hat keinen Zugang zur Datenbank {path}; "
        "die Koordination richtet ihn mit »aipdesk access grant {login} --project …« oder "
        "»… --coordinator« ein",
        "Not permitted: the login {login} has no access to the database {path}; the "
        "coordination sets it up with “aipdesk access grant {login} --project …” or "
        "“… --coordinator”",
    ),
    Code.access_no_create: (
        "Keine Berechtigung: die Anmeldung {login} darf in der Datenbank {path} nichts "
        "anlegen; angelegt wird sie einmal von ihrem Eigentümer mit »aipdesk init«, den "
        "Zugang richtet die Koordination mit »aipdesk access grant« ein",
        "Not permitted: the login {login} may not create anything in the database {path}; "
        "its owner creates it once with “aipdesk init”, the coordination sets up access "
        "with “aipdesk access grant”",
    ),
    Code.access_outdated: (
        "Keine Berechtigung: die Datenbank {path} hat die Schemaversion {found}, diese "
        "aipdesk-Version braucht {head}; umstellen kann sie nur ihr Eigentümer ({owner}) "
        "mit »aipdesk init«, die Anmeldung {login} nicht. Es wurde nichts verändert",
        "Not permitted: the database {path} has schema version {found}, this aipdesk needs "
        "{head}; only its owner ({owner}) can upgrade it with “aipdesk init”, the login "
        "{login} cannot. Nothing was changed",
    ),
    Code.access_sqlite: (
        "{path} ist eine SQLite-Datei: wer sie schreiben darf, darf alles; Rollen "
        "(Teamleitung, Koordination) gibt es nur auf einer gemeinsamen PostgreSQL-Datenbank. "
        "Es wurde nichts verändert",
        "{path} is an SQLite file: whoever may write it may do everything; roles (team lead, "
        "coordination) exist only on a shared PostgreSQL database. Nothing was changed",
    ),
    Code.access_not_owner: (
        "Keine Berechtigung: Zugänge zur Datenbank {path} vergibt nur ihr Eigentümer "
        "({owner}); angemeldet ist {login}. Es wurde nichts verändert",
        "Not permitted: access to the database {path} is granted only by its owner "
        "({owner}); signed in is {login}. Nothing was changed",
    ),
    Code.access_no_createrole: (
        "Keine Berechtigung: die Gruppenrolle {group} fehlt auf dem Server, und die Anmeldung "
        "{login} darf keine Rollen anlegen (CREATEROLE); bitte die IT fragen. "
        "Es wurde nichts verändert",
        "Not permitted: the group role {group} is missing on the server, and the login "
        "{login} may not create roles (CREATEROLE); please ask IT. Nothing was changed",
    ),
    Code.access_cannot_grant: (
        "Keine Berechtigung: die Anmeldung {login} darf die Gruppenrolle {group} nicht "
        "vergeben (es braucht CREATEROLE oder ADMIN OPTION auf {group}); bitte die IT "
        "fragen. Es wurde nichts verändert",
        "Not permitted: the login {login} may not grant the group role {group} (that takes "
        "CREATEROLE or ADMIN OPTION on {group}); please ask IT. Nothing was changed",
    ),
    Code.access_no_login: (
        "Die Anmeldung »{login}« gibt es auf dem Server nicht{hint}; anlegen lässt sie die "
        "IT (CREATE ROLE … LOGIN). Es wurde nichts verändert",
        "there is no login “{login}” on the server{hint}; IT creates it (CREATE ROLE … "
        "LOGIN). Nothing was changed",
    ),
    Code.access_group_role: (
        "»{login}« ist keine Anmeldung, sondern eine Rolle ohne LOGIN; Zugänge gibt es nur "
        "für Anmeldungen. Es wurde nichts verändert",
        "“{login}” is no login but a role without LOGIN; access is granted to logins only. "
        "Nothing was changed",
    ),
    Code.access_not_granted: (
        "{login} ist nicht {role}; es wurde nichts verändert",
        "{login} is not {role}; nothing was changed",
    ),
    Code.access_refused: (
        "Keine Berechtigung: die Datenbank lehnt ab ({detail}). Es wurde nichts verändert",
        "Not permitted: the database refuses ({detail}). Nothing was changed",
    ),
    Note.cli_access_granted: ("{login}: {role}", "{login}: {role}"),
    Note.cli_access_unchanged: (
        "{login} ist bereits {role}, nichts geändert",
        "{login} is {role} already, nothing changed",
    ),
    Note.cli_access_revoked: ("{login}: nicht mehr {role}", "{login}: no longer {role}"),
    Note.cli_access_none: (
        "Noch keine Zugänge vergeben (aipdesk access grant)",
        "No access granted yet (aipdesk access grant)",
    ),
    Note.access_teamlead: ("Teamleitung", "team lead"),
    Note.access_coordinator: ("Koordination", "coordination"),
    Note.access_of_project: ("Teamleitung von {project}", "team lead of {project}"),
    Note.access_col_login: ("Anmeldung", "Login"),
    Note.access_col_role: ("Rolle", "Role"),
    Note.access_col_projects: ("Projekte", "Projects"),
}
