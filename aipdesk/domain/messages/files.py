"""Texts of the refusals around files: import, databases, safety, outputs, the catalogue's rules."""

from __future__ import annotations

from aipdesk.domain.messages.codes import Code

# code -> (German, English); parameters are filled with str.format.
FILES: dict[Code, tuple[str, str]] = {
    # Import of a workbook (aipdesk import, the GUI's import): `where` is the file name or
    # "Sheet!Cell"; user text quoted in {text}, {found} comes shortened to one line.
    Code.import_file_missing: (
        "{where}: Die Datei gibt es nicht",
        "{where}: the file does not exist",
    ),
    Code.import_file_empty: ("{where}: Die Datei ist leer", "{where}: the file is empty"),
    Code.import_cannot_open: (
        "{where}: Die Datei lässt sich nicht öffnen ({reason})",
        "{where}: cannot open the file ({reason})",
    ),
    Code.import_file_too_large: (
        "{where}: Die Datei ist zu groß für einen Import ({size} MB, höchstens {limit} MB)",
        "{where}: the file is too large to import ({size} MB, at most {limit} MB)",
    ),
    Code.import_not_xlsx: (
        "{where}: Die Datei ist keine Excel-Arbeitsmappe (.xlsx); bitte in Excel als "
        "„Excel-Arbeitsmappe (*.xlsx)“ speichern",
        "{where}: the file is not an Excel workbook (.xlsx); please save it in Excel as "
        '"Excel Workbook (*.xlsx)"',
    ),
    Code.import_binary: (
        "{where}: Die Datei ist im binären Excel-Format (.xlsb); bitte als "
        "„Excel-Arbeitsmappe (*.xlsx)“ speichern",
        "{where}: the file is in the binary Excel format (.xlsb); please save it as "
        '"Excel Workbook (*.xlsx)"',
    ),
    Code.import_encrypted: (
        "{where}: Die Datei ist kennwortgeschützt (verschlüsselt) oder im alten Excel-Format "
        "(.xls); bitte ohne Kennwort als „Excel-Arbeitsmappe (*.xlsx)“ speichern",
        "{where}: the file is password-protected (encrypted) or in the old Excel format (.xls); "
        'please save it without a password as "Excel Workbook (*.xlsx)"',
    ),
    Code.import_macros: (
        "{where}: Die Datei enthält Makros (.xlsm); Arbeitsmappen mit Makros werden nicht "
        "eingelesen. Bitte als „Excel-Arbeitsmappe (*.xlsx)“ ohne Makros speichern",
        "{where}: the file contains macros (.xlsm); workbooks with macros are not read. Please "
        'save it as "Excel Workbook (*.xlsx)" without macros',
    ),
    Code.import_compression: (
        "{where}: Die Datei ist mit einem Verfahren gepackt, das Excel nicht verwendet "
        "(Methode {method}); bitte in Excel als „Excel-Arbeitsmappe (*.xlsx)“ speichern",
        "{where}: the file is packed with a method Excel does not use (method {method}); "
        'please save it in Excel as "Excel Workbook (*.xlsx)"',
    ),
    Code.import_broken: (
        "{where}: Die Datei ist beschädigt und lässt sich nicht lesen",
        "{where}: the file is damaged and cannot be read",
    ),
    Code.import_part_missing: (
        "{where}: Die Datei ist unvollständig: der Bestandteil {part} fehlt",
        "{where}: the file is incomplete: the part {part} is missing",
    ),
    Code.import_bad_reference: (
        "{where}: Die Datei ist beschädigt: sie enthält einen ungültigen Zellbezug",
        "{where}: the file is damaged: it holds an invalid cell reference",
    ),
    Code.import_bad_value: (
        "{where}: Die Datei ist beschädigt: ein Wert passt nicht zu seinem Typ (etwa ein Datum, "
        "das es nicht gibt, oder ein Verweis auf einen fehlenden Text)",
        "{where}: the file is damaged: a value does not fit its type (such as a date that does "
        "not exist, or a reference to a missing text)",
    ),
    Code.import_xml_forbidden: (
        "{where}: Die Datei ist beschädigt oder manipuliert: sie enthält XML-Anweisungen "
        "(DTD, Entitäten), die nicht ausgeführt werden",
        "{where}: the file is damaged or tampered with: it holds XML declarations (DTD, "
        "entities) that are not processed",
    ),
    Code.import_unreadable: (
        "{where}: Die Datei lässt sich nicht lesen ({kind})",
        "{where}: the file cannot be read ({kind})",
    ),
    Code.import_too_big: (
        "{where}: Die Arbeitsmappe ist zu groß für einen Import (mehr als {limit} Zellen oder "
        "zu große Bestandteile)",
        "{where}: the workbook is too large to import (more than {limit} cells or oversized parts)",
    ),
    Code.import_no_sheet: (
        "{where}: Blatt „{template}“ (Erfassungsvorlage) oder „{export}“ (Export) fehlt; "
        "gefunden: {found}",
        '{where}: sheet "{template}" (entry template) or "{export}" (export) is missing; '
        "found: {found}",
    ),
    Code.import_not_a_grid: (
        "{where}: Blatt „{sheet}“ ist kein Tabellenblatt (sondern z. B. ein Diagrammblatt)",
        '{where}: sheet "{sheet}" is not a worksheet (but e.g. a chart sheet)',
    ),
    Code.import_empty_chartsheet: (
        "{where}: Die Datei enthält ein leeres Diagrammblatt, das sich nicht lesen lässt; bitte "
        "das Blatt löschen und die Datei erneut speichern",
        "{where}: the file holds an empty chart sheet that cannot be read; please delete the "
        "sheet and save the file again",
    ),
    Code.import_bad_header: (
        "{where}: Die Kopfzeile muss mit {expected} beginnen (gefunden: {found})",
        "{where}: the header row must start with {expected} (found: {found})",
    ),
    Code.import_no_months: (
        "{where}: In der Kopfzeile stehen keine Monate (JJJJ-MM ab Spalte D)",
        "{where}: the header row holds no months (YYYY-MM from column D on)",
    ),
    Code.import_formula: (
        "{where}: Formeln werden nicht übernommen",
        "{where}: formulas are not accepted",
    ),
    Code.import_no_month_column: (
        "{where}: Wert in einer Spalte ohne Monat (JJJJ-MM) in der Kopfzeile",
        "{where}: value in a column without a month (YYYY-MM) in the header row",
    ),
    Code.import_missing_code: (
        "{where}: {column} fehlt in einer Zeile mit Werten",
        "{where}: {column} is missing in a row with values",
    ),
    Code.import_bad_code: (
        '{where}: "{text}" ist kein gültiges Kürzel',
        '{where}: "{text}" is not a valid code',
    ),
    Code.import_bad_year: (
        '{where}: "{text}" ist kein gültiges Jahr',
        '{where}: "{text}" is not a valid year',
    ),
    Code.import_month_year: (
        "{where}: Monat {month} passt nicht zum Jahr {year}",
        "{where}: month {month} does not match the year {year}",
    ),
    Code.duplicate_cell: (
        "{where}: {project} / {metric} / {month} steht doppelt in der Datei (auch {other})",
        "{where}: {project} / {metric} / {month} appears twice in the file (also {other})",
    ),
    Code.db_missing: (
        "Die Datenbank {path} gibt es nicht; neu anlegen mit: aipdesk init --db {path}",
        "there is no database {path}; create it with: aipdesk init --db {path}",
    ),
    Code.db_unreachable: (
        "Die Datenbank {path} lässt sich nicht öffnen: {reason}",
        "cannot open the database {path}: {reason}",
    ),
    # Safety (read-only files, network shares, damage, backups, restore)
    Code.read_only: (
        "Die Datenbank {path} ist schreibgeschützt: Änderungen sind nicht möglich",
        "the database {path} is read-only: changes are not possible",
    ),
    Code.read_only_outdated: (
        "Die Datenbank {path} ist schreibgeschützt und müsste erst aktualisiert werden "
        "(Schema {found}, aktuell {head}); bitte einmal mit Schreibrecht öffnen. "
        "Die Datei wurde nicht verändert",
        "the database {path} is read-only and would first have to be upgraded "
        "(schema {found}, current {head}); please open it once with write permission. "
        "The file was left unchanged",
    ),
    Code.network_share: (
        "Die Datenbank liegt auf einem Netzlaufwerk ({share}): aipdesk nutzt dort das "
        "Rollback-Journal statt WAL. Für die gemeinsame Nutzung durch mehrere Personen ist "
        "PostgreSQL die richtige Wahl (siehe README).",
        "the database lies on a network share ({share}): aipdesk uses the rollback journal "
        "there instead of WAL. For shared use by several people, PostgreSQL is the right "
        "choice (see README).",
    ),
    Code.network_share_in_use: (
        "Die Datenbank {path} liegt auf einem Netzlaufwerk ({share}) und ist noch von einem "
        "anderen Programm im WAL-Modus geöffnet: bitte dort schließen und erneut öffnen. "
        "Die Datei wurde nicht verändert",
        "the database {path} lies on a network share ({share}) and is still open in WAL mode "
        "in another program: please close it there and open it again. The file was left "
        "unchanged",
    ),
    Code.db_damaged: (
        "Die Datenbank {path} ist beschädigt ({detail}); die Datei wurde nicht verändert. {offer}",
        "the database {path} is damaged ({detail}); the file was left unchanged. {offer}",
    ),
    Code.daily_backup_failed: (
        "Die tägliche Sicherung von {path} ist fehlgeschlagen ({reason}); die Arbeit geht "
        "trotzdem weiter",
        "the daily backup of {path} failed ({reason}); work goes on nevertheless",
    ),
    Code.restore_refused: (
        "{source} wird nicht wiederhergestellt: {reason}. Die Datenbank {path} wurde nicht "
        "verändert",
        "{source} is not restored: {reason}. The database {path} was left unchanged",
    ),
    # Catalogue
    Code.davon_of_ratio: (
        "{metric} kann keine davon-Kennzahl von {parent} sein: davon-Kennzahlen gibt es nur "
        "zu Zählgrößen und Beständen, {parent} ist eine Quote",
        "{metric} cannot be a davon metric of {parent}: davon metrics exist only for counts "
        "and stocks, {parent} is a ratio",
    ),
    Code.davon_cycle: (
        "{metric} kann nicht davon-Kennzahl von {parent} sein: das ergäbe einen Kreis ({chain})",
        "{metric} cannot be a davon metric of {parent}: that would make a cycle ({chain})",
    ),
    Code.ratio_numerator_kind: (
        "Der Zähler der Quote {ratio} muss eine Zählgröße sein; {metric} ist {kind}",
        "the numerator of the ratio {ratio} must be a count; {metric} is {kind}",
    ),
    Code.ratio_denominator_kind: (
        "Der Nenner der Quote {ratio} muss ein Bestand sein; {metric} ist {kind}",
        "the denominator of the ratio {ratio} must be a stock; {metric} is {kind}",
    ),
    Code.parts_without_ratio: (
        "Nur eine Quote hat Zähler und Nenner; {metric} ist {kind}",
        "only a ratio has a numerator and a denominator; {metric} is {kind}",
    ),
    Code.ratio_has_values: (
        "{metric} kann keine Quote werden: für die Kennzahl sind schon Monatswerte erfasst "
        "({count}), eine Quote wird berechnet",
        "{metric} cannot become a ratio: monthly values are logged for it already ({count}), "
        "and a ratio is computed",
    ),
    Code.partition_exceeds_parent: (
        "{parts} = {values} = {total} übersteigt {parent} = {parent_value} "
        "({project}, {month}): die Teile einer Aufteilung sind zusammen höchstens so groß "
        "wie das Ganze",
        "{parts} = {values} = {total} exceeds {parent} = {parent_value} ({project}, {month}): "
        "the parts of a split together are at most as large as the whole",
    ),
    Code.weights_zero: (
        "Die Monatsgewichte sind alle 0: mindestens ein Monat braucht ein Gewicht über 0",
        "the monthly weights are all 0: at least one month needs a weight above 0",
    ),
    Code.weights_not_finite: (
        "Monatsgewicht {weight} ({month}) ist keine endliche Zahl",
        "monthly weight {weight} ({month}) is not a finite number",
    ),
    Code.history_missing: (
        "Plankurve aus Vorjahr für {series} nicht möglich: im Vorjahreszeitraum {period} "
        "fehlen Werte ({months}), und keines der {years} Jahre davor ist vollständig",
        "plan curve from the previous year for {series} not possible: the previous year's "
        "period {period} lacks values ({months}), and none of the {years} years before is "
        "complete",
    ),
    Code.history_zero: (
        "Plankurve aus Vorjahr für {series} nicht möglich: die vollständigen Vorjahre "
        "({periods}) ergeben zusammen jeweils 0",
        "plan curve from the previous year for {series} not possible: the complete earlier "
        "years ({periods}) each add up to 0",
    ),
    Code.several_targets: (
        "{project} / {metric} hat im Jahr {year} mehrere Zielwerte ({periods}); bitte mit "
        "--first den Anfangsmonat des gemeinten angeben",
        "{project} / {metric} has several targets in {year} ({periods}); please name the "
        "first month of the one meant with --first",
    ),
    Code.denominator_plan_not_ratio: (
        "Ein geplanter Durchschnitt des Nenners gehört nur zu einer Quote; {metric} ist {kind}",
        "a planned mean of the denominator belongs only to a ratio; {metric} is {kind}",
    ),
    Code.project_in_use: (
        "Projekt {project} lässt sich nicht mehr entfernen: dazu sind schon Monatswerte oder "
        "Zielwerte gespeichert",
        "project {project} can no longer be removed: monthly values or targets of it are "
        "stored already",
    ),
    Code.metric_in_use: (
        "Kennzahl {metric} lässt sich nicht mehr entfernen: sie wird schon verwendet "
        "(Monatswerte, Zielwerte, Projekte, davon-Kennzahlen oder Quoten)",
        "metric {metric} can no longer be removed: it is in use already (monthly values, "
        "targets, projects, davon metrics or ratios)",
    ),
    Code.tracking_in_use: (
        "{project} kann {metric} nicht mehr abgeben: dazu sind schon Monatswerte oder "
        "Zielwerte gespeichert",
        "{project} cannot stop logging {metric}: monthly values or targets of it are "
        "stored already",
    ),
    # Hardening
    Code.output_refused: (
        "{path} wird nicht geschrieben: {reason}. Es wurde nichts verändert",
        "{path} is not written: {reason}. Nothing was changed",
    ),
    Code.output_failed: (
        "Die Datei {path} lässt sich nicht schreiben ({reason}); ist sie noch in Excel "
        "geöffnet oder der Ordner schreibgeschützt? Es wurde nichts verändert",
        "cannot write the file {path} ({reason}); is it still open in Excel, or is the "
        "folder read-only? Nothing was changed",
    ),
    Code.output_lost: (
        "Die Ausgabe ließ sich nicht schreiben ({reason})",
        "the output could not be written ({reason})",
    ),
    Code.output_lost_after_change: (
        "Die Änderung ist gespeichert, aber die Meldung darüber ließ sich nicht ausgeben "
        "({reason})",
        "the change is stored, but the report of it could not be written ({reason})",
    ),
    Code.text_control: (
        "{what} enthält ein Zeichen, das hier nicht erlaubt ist ({char}, an Stelle {position})",
        "{what} contains a character that is not allowed here ({char}, at position {position})",
    ),
    Code.text_empty: ("{what} darf nicht leer sein", "{what} must not be empty"),
    Code.note_not_exportable: (
        "Die Bemerkung zu {project} / {metric} / {month} lässt sich nicht unverändert in "
        "die Arbeitsmappe schreiben: {message}. Bitte die Bemerkung in aipdesk korrigieren; "
        "es wurde nichts geschrieben",
        "the note of {project} / {metric} / {month} cannot be written into the workbook "
        "unchanged: {message}. Please correct the note in aipdesk; nothing was written",
    ),
    Code.db_no_rights: (
        "Die Anmeldung hat keine Rechte auf die Datenbank {path}; bitte die IT fragen "
        "(siehe README, Gemeinsame Datenbank). Es wurde nichts verändert",
        "the login has no rights on the database {path}; please ask IT (see README, "
        "shared database). Nothing was changed",
    ),
    Code.db_connection_lost: (
        "Die Verbindung zur Datenbank {path} ist abgebrochen; was nicht bestätigt wurde, "
        "ist nicht gespeichert. Bitte erneut versuchen",
        "the connection to the database {path} was lost; nothing unconfirmed was stored. "
        "Please try again",
    ),
    Code.db_empty: (
        "Die Datei {path} ist leer, keine Datenbank; sie wurde nicht verändert. Anlegen mit: "
        "aipdesk init --db {path}",
        "the file {path} is empty, no database; it was left unchanged. Create one with: "
        "aipdesk init --db {path}",
    ),
    Code.merge_bad_rows: (
        "{other}: {count} Monatswert(e) dort verletzen die Regeln für Eingaben; nichts wurde "
        "zusammengeführt. {rows}",
        "{other}: {count} monthly value(s) there break the rules for input; nothing was "
        "merged. {rows}",
    ),
}
