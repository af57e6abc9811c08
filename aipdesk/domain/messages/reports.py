"""Texts of merging another database, of failures no rule foresaw, and of report lines."""

from __future__ import annotations

from aipdesk.domain.messages.codes import Code, Note

# Merging: {where} is the other database; {lines} are the conflicts, one per line.
MERGE: dict[Code, tuple[str, str]] = {
    Code.merge_conflicts: (
        "{where}: {count} (verschiedene Zahlen hier und dort); nichts wurde geändert. "
        "Auflösen mit Vorrang für hier oder dort (--prefer ours|theirs):\n{lines}",
        "{where}: {count} (different numbers here and there); nothing was "
        "changed. Resolve by preferring ours or theirs (--prefer ours|theirs):\n{lines}",
    ),
    Code.merge_busy: (
        "{where}: die Datei wird gerade geändert; bitte aipdesk dort schließen und erneut "
        "versuchen",
        "{where}: the file is being changed right now; please close aipdesk there and try again",
    ),
    Code.merge_old_schema: (
        "{where}: die Datenbank hat ein älteres Schema ({revision}, aktuell {head}); bitte "
        "einmal mit dieser aipdesk-Version öffnen (aipdesk init --db …) und dann erneut "
        "zusammenführen",
        "{where}: the database has an older schema ({revision}, current {head}); please open "
        "it once with this aipdesk version (aipdesk init --db …) and merge again",
    ),
    Code.merge_not_sqlite: (
        "{where}: nur SQLite-Dateien lassen sich zusammenführen",
        "{where}: only SQLite files can be merged",
    ),
    Code.merge_no_file: ("{where}: die Datei gibt es nicht", "{where}: there is no such file"),
    Code.merge_itself: (
        "{where}: das ist diese Datenbank selbst; sie lässt sich nicht mit sich selbst "
        "zusammenführen",
        "{where}: this is this very database; it cannot be merged into itself",
    ),
    Code.merge_catalogues: (
        "{where}: die Kataloge passen nicht zusammen – {problems}. Bitte den Katalog hier "
        "zuerst ergänzen; nichts wurde geändert",
        "{where}: the catalogues do not match – {problems}. Please extend this catalogue "
        "first; nothing was changed",
    ),
    Code.unexpected_locked: (
        "Die Datenbank ist gerade durch einen anderen Vorgang gesperrt; bitte gleich noch "
        "einmal versuchen",
        "the database is locked by another operation; please try again shortly",
    ),
    Code.unexpected_database: ("Datenbankfehler: {detail}", "database error: {detail}"),
    Code.unexpected_file: ("Dateifehler: {detail}", "file error: {detail}"),
    Code.unexpected: (
        "Unerwarteter Fehler ({kind}): {detail}",
        "unexpected error ({kind}): {detail}",
    ),
}

NOTES: dict[Note, tuple[str, str]] = {
    Note.notice: ("Hinweis: {message}", "note: {message}"),
    Note.merge_summary: (
        "{where}: {taken} Werte übernommen (neu: {new}, nur Bemerkung: {notes}), gleiche "
        "Zahl: {unchanged}, Konflikte: {conflicts}",
        "{where}: {taken} values taken (new: {new}, note only: {notes}), same number: "
        "{unchanged}, conflicts: {conflicts}",
    ),
    Note.merge_summary_dry: (
        "{where}: {taken} Werte würden übernommen (neu: {new}, nur Bemerkung: {notes}), "
        "gleiche Zahl: {unchanged}, Konflikte: {conflicts}",
        "{where}: {taken} values would be taken (new: {new}, note only: {notes}), same "
        "number: {unchanged}, conflicts: {conflicts}",
    ),
    Note.merge_ours_win: ("{line} (Vorrang hier)", "{line} (ours win)"),
    Note.merge_theirs_win: ("{line} (Vorrang dort)", "{line} (theirs win)"),
    Note.merge_conflict: (
        "{cell}: hier {ours} ({our_user}), dort {theirs} ({their_user})",
        "{cell}: here {ours} ({our_user}), there {theirs} ({their_user})",
    ),
    Note.merge_note_taken: (
        '{cell}: Bemerkung hier "{ours}" ({our_user}), dort "{theirs}" ({their_user}) – '
        "dort übernommen",
        '{cell}: note here "{ours}" ({our_user}), there "{theirs}" ({their_user}) – '
        "taken from there",
    ),
    Note.merge_note_kept: (
        '{cell}: Bemerkung hier "{ours}" ({our_user}), dort "{theirs}" ({their_user}) – '
        "hier behalten",
        '{cell}: note here "{ours}" ({our_user}), there "{theirs}" ({their_user}) – kept here',
    ),
    Note.merge_projects_only_there: ("Projekte nur dort: {names}", "projects only there: {names}"),
    Note.merge_metrics_only_there: ("Kennzahlen nur dort: {names}", "metrics only there: {names}"),
    Note.merge_not_tracked_here: ("hier nicht erfasst: {names}", "not tracked here: {names}"),
    Note.merge_defined_differently: (
        "Kennzahlen anders definiert (Art oder davon): {names}",
        "metrics defined differently (kind or davon): {names}",
    ),
    # A monthly value by the names people know: "NeuStart / Integrationen / Mai 2021"
    Note.merge_cell: ("{project} / {metric} / {month}", "{project} / {metric} / {month}"),
    Note.conflicts_one: ("1 Konflikt", "1 conflict"),
    Note.conflicts_many: ("{count} Konflikte", "{count} conflicts"),
    Note.empty_file: ("sie ist leer", "it is empty"),
    Note.status_heading: (
        "Status {year}, Berichtsmonat {month}",
        "Status {year}, Report month {month}",
    ),
    Note.status_no_targets: ("Für {year} gibt es keine Zielwerte.", "No targets overlap {year}."),
    Note.status_incomplete: (
        "* unvollständig: Soll und Ist nur über die gemeldeten Monate; es fehlen:",
        "* incomplete: plan and actual over the reported months only; missing:",
    ),
    Note.deadline_complete: (
        "Meldeschluss: bis {month} haben alle Ziele mit Werten vollständig gemeldet",
        "reporting deadline: every target with values is complete up to {month}",
    ),
    Note.deadline_missing: (
        "Meldeschluss: bis {month} vollständig gemeldet; es fehlt noch: {missing} "
        "(Werte liegen bis {latest} vor)",
        "reporting deadline: complete up to {month}; still missing: {missing} "
        "(values reach {latest})",
    ),
    Note.deadline_more: ("und {count} weitere", "and {count} more"),
    Note.restored: (
        "Wiederhergestellt: {target} enthält jetzt den Stand aus {source}",
        "Restored: {target} now holds the state of {source}",
    ),
    Note.restore_saved_before: (
        "Der vorherige Stand ist gesichert in: {path}",
        "The previous state is saved in: {path}",
    ),
    Note.restore_nothing_before: (
        "Vorher gab es dort keine Datenbank",
        "There was no database before",
    ),
    Note.restore_old_schema: (
        "Die Sicherung hat Schema {revision}; beim nächsten Öffnen wird sie auf {head} "
        "aktualisiert (mit Sicherung vorher)",
        "The backup has schema {revision}; it is upgraded to {head} on the next open "
        "(with a backup first)",
    ),
    Note.import_file: ("{file} ({kind}, Blatt {sheet})", "{file} ({kind}, sheet {sheet})"),
    Note.import_made: (
        "{file} ({kind}, Blatt {sheet}, erstellt {made})",
        "{file} ({kind}, sheet {sheet}, made {made})",
    ),
    Note.import_counts: (
        "{new} neu, {changed} geändert, {unchanged} unverändert, {conflicts} im Konflikt",
        "{new} new, {changed} changed, {unchanged} unchanged, {conflicts} in conflict",
    ),
    Note.import_no_stamp: (
        "Herkunft unbekannt (kein gültiger Zeitstempel von aipdesk): jede Änderung gilt als "
        "Konflikt",
        "provenance unknown (no valid aipdesk time stamp): every change counts as a conflict",
    ),
    Note.import_by_pair: ("je Projekt und Kennzahl:", "by project and metric:"),
    Note.import_more_pairs: (
        "… und {count} weitere Paare von Projekt und Kennzahl",
        "… and {count} more pairs of project and metric",
    ),
    Note.import_more_values: (
        "… und {count} weitere Werte (oben je Projekt und Kennzahl gezählt)",
        "… and {count} more values (counted by project and metric above)",
    ),
    Note.import_dry_run: ("Probelauf: nichts gespeichert.", "Dry run: nothing was stored."),
    Note.import_stored: ("Gespeichert: {count} Werte.", "Stored: {count} values."),
    Note.import_skipped: (
        "{count} Konflikte übersprungen (Wert der Datenbank bleibt).",
        "{count} conflicts skipped (the database keeps its value).",
    ),
    Note.import_conflict_by: (
        "(in der Datenbank geändert von {user} am {at})",
        "(changed in the database by {user} on {at})",
    ),
    Note.status_official: (
        "Amtliche Kennzahlen, gleitend 12 Monate bis {month} (K2, K3 nach der "
        "Kennzahlen-Verordnung zu § 48a SGB II; – wo ein Monat keinen Wert hat)",
        "Official Kennzahlen, rolling 12 months to {month} (K2, K3 as in the "
        "Kennzahlen-Verordnung on § 48a SGB II; – where a month has no value)",
    ),
}
