"""Texts of the command line (its reports and usage errors, projects and metrics as
typed) and of the steps on the undo stack."""

from __future__ import annotations

from aipdesk.domain.messages.codes import Code, Note

# Projects and metrics as typed: {text} is what was typed, {hint} a suggestion or "".
TYPED: dict[Code, tuple[str, str]] = {
    Code.no_such_project: (
        'Unbekanntes Projekt "{text}".{hint} Alle Projekte zeigt: aipdesk list projects',
        'unknown project "{text}".{hint} To see them all: aipdesk list projects',
    ),
    Code.no_such_metric: (
        'Unbekannte Kennzahl "{text}".{hint} Alle Kennzahlen zeigt: aipdesk list metrics',
        'unknown metric "{text}".{hint} To see them all: aipdesk list metrics',
    ),
    Code.ambiguous_project: (
        '"{text}" passt auf mehrere Projekte: {matches}; bitte das Kürzel angeben',
        '"{text}" fits several projects: {matches}; please give the code',
    ),
    Code.ambiguous_metric: (
        '"{text}" passt auf mehrere Kennzahlen: {matches}; bitte das Kürzel angeben',
        '"{text}" fits several metrics: {matches}; please give the code',
    ),
    Code.bad_year: (
        '"{text}" ist kein gültiges Jahr (JJJJ)',
        '"{text}" is not a valid year (YYYY)',
    ),
}

COMMANDS: dict[Note, tuple[str, str]] = {
    Note.did_you_mean: (" Meinten Sie {suggestion}?", " Did you mean {suggestion}?"),
    # Steps on the undo stack; {step} is another step's label.
    Note.op_undo: ("{step} zurücknehmen", "Undo {step}"),
    Note.op_add_project: ("Projekt {project} anlegen", "Add project {project}"),
    Note.op_remove_project: ("Projekt {project} entfernen", "Remove project {project}"),
    Note.op_change_project: ("Projekt {project} ändern", "Change project {project}"),
    Note.op_activate_project: ("Projekt {project} aktivieren", "Activate project {project}"),
    Note.op_deactivate_project: (
        "Projekt {project} deaktivieren",
        "Deactivate project {project}",
    ),
    Note.op_track_metric: (
        "{project}: Kennzahl {metric} erfassen",
        "{project}: log metric {metric}",
    ),
    Note.op_untrack_metric: (
        "{project}: Kennzahl {metric} nicht mehr erfassen",
        "{project}: stop logging metric {metric}",
    ),
    Note.op_add_metric: ("Kennzahl {metric} anlegen", "Add metric {metric}"),
    Note.op_remove_metric: ("Kennzahl {metric} entfernen", "Remove metric {metric}"),
    Note.op_change_metric: ("Kennzahl {metric} ändern", "Change metric {metric}"),
    Note.op_change_target: (
        "Zielwert {project} {metric} {year} ändern",
        "Change target {project} {metric} {year}",
    ),
    Note.op_remove_target: (
        "Zielwert {project} {metric} {year} entfernen",
        "Remove target {project} {metric} {year}",
    ),
    Note.op_copy_targets: (
        "Zielwerte {year} ins Jahr {next} kopieren",
        "Copy the targets of {year} to {next}",
    ),
    Note.op_change_values: ("{count} Werte ändern", "Change {count} values"),
    Note.op_clear_values: ("{count} Werte löschen", "Clear {count} values"),
    Note.op_paste_values: ("{count} Werte einfügen", "Paste {count} values"),
    Note.op_clear_value: (
        "Wert {project} {metric} {month} löschen",
        "Clear value {project} {metric} {month}",
    ),
    Note.op_set_value: (
        "Wert {project} {metric} {month}: {value}",
        "Value {project} {metric} {month}: {value}",
    ),
    Note.op_take_over_file: (
        "{origin} übernehmen ({count} Werte)",
        "Take over {origin} ({count} values)",
    ),
    Note.op_take_over: ("{count} Werte übernehmen", "Take over {count} values"),
    Note.op_merge: ("Werte aus {origin} übernehmen", "Take over values from {origin}"),
    Note.op_restore: ("Sicherung {source} wiederherstellen", "Restore backup {source}"),
    # What a conflicting write finds stored now ({current} of value_conflict, …)
    Note.now_target_without_number: ("ohne Zahl", "without a number"),
    Note.now_target_removed: ("entfernt", "removed"),
    Note.now_value_removed: ("leer (der Wert wurde entfernt)", "empty (the value was removed)"),
    # Reports of the command line
    Note.cli_catalogue_counts: (
        "{projects} Projekte, {metrics} Kennzahlen, {targets} Zielwerte",
        "{projects} projects, {metrics} metrics, {targets} targets",
    ),
    Note.cli_catalogue_loaded: (
        "Katalog AIP 2021 geladen: {counts} ({where})",
        "Catalogue AIP 2021 loaded: {counts} ({where})",
    ),
    Note.cli_catalogue_extended: (
        "Katalog AIP 2021 ergänzt (Stand {before} → {revision}): {counts} neu oder "
        "angepasst; Änderungen der Koordination bleiben erhalten ({where})",
        "Catalogue AIP 2021 extended (revision {before} → {revision}): {counts} new or "
        "adjusted; the coordinators' changes are kept ({where})",
    ),
    Note.cli_catalogue_current: (
        "Datenbank ist aktuell, Katalog war schon geladen ({where})",
        "The database is up to date, the catalogue was loaded already ({where})",
    ),
    Note.cli_demo_written: (
        "Demodaten {year}: {count} Monatswerte geschrieben ({where})",
        "Demo data {year}: {count} monthly values written ({where})",
    ),
    Note.cli_value_saved: (
        "{project} / {metric} / {month}: {value} gespeichert",
        "{project} / {metric} / {month}: {value} saved",
    ),
    Note.cli_value_unchanged: (
        "{project} / {metric} / {month}: {value} unverändert",
        "{project} / {metric} / {month}: {value} unchanged",
    ),
    Note.cli_metric_added: ("Kennzahl {metric} angelegt", "Metric {metric} added"),
    Note.cli_metric_changed: ("Kennzahl {metric} geändert", "Metric {metric} changed"),
    Note.cli_metric_unchanged: ("Kennzahl {metric} unverändert", "Metric {metric} unchanged"),
    Note.cli_project_added: (
        "Projekt {project} angelegt ({period})",
        "Project {project} added ({period})",
    ),
    Note.cli_tracks_now: ("{project} erfasst jetzt {metric}", "{project} now logs {metric}"),
    Note.cli_tracks_already: (
        "{project} erfasst {metric} schon",
        "{project} logs {metric} already",
    ),
    Note.cli_target_saved: (
        "Zielwert {project} / {metric} {period} gespeichert",
        "Target {project} / {metric} {period} saved",
    ),
    Note.cli_target_unchanged: (
        "Zielwert {project} / {metric} {period} unverändert",
        "Target {project} / {metric} {period} unchanged",
    ),
    Note.cli_target_removed: (
        "Zielwert {project} / {metric} ({year}) entfernt",
        "Target {project} / {metric} ({year}) removed",
    ),
    Note.cli_workbook_written: (
        "Arbeitsmappe geschrieben: {path} (Berichtsmonat {month}, {count} Monatswerte)",
        "Workbook written: {path} (report month {month}, {count} monthly values)",
    ),
    Note.cli_template_written: (
        "Erfassungsvorlage geschrieben: {path}",
        "Entry template written: {path}",
    ),
    Note.cli_backup_written: ("Sicherung geschrieben: {path}", "Backup written: {path}"),
    Note.cli_no_space: ("kein Platz mehr auf dem Datenträger", "no space left on the device"),
    Note.cli_pipe_closed: (
        "die Gegenseite hat die Verbindung geschlossen",
        "the pipe was closed",
    ),
    # Usage errors (exit code 2)
    Note.usage_month_not_in_year: (
        "--month {month} liegt nicht im Jahr {year}",
        "--month {month} does not lie in the year {year}",
    ),
    Note.usage_pane: ("--pane muss einer von {panes} sein", "--pane must be one of {panes}"),
    Note.usage_partition_without_parent: (
        "--partition nur mit --parent",
        "--partition only with --parent",
    ),
    Note.usage_parts_together: (
        "--numerator und --denominator nur zusammen",
        "--numerator and --denominator only together",
    ),
    Note.usage_nothing_to_change: (
        "nichts zu ändern: mindestens eine Option angeben",
        "nothing to change: give at least one option",
    ),
    Note.usage_last_with_year: (
        "--last nur mit --first, nicht mit --year",
        "--last only with --first, not with --year",
    ),
    Note.usage_first_needs_last: ("--first braucht --last", "--first needs --last"),
}
