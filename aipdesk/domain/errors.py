"""Domain errors carry a code and parameters; the text exists in German and English.

The user interface is German with English as the second language, so every
rejection can be told in both without the domain knowing about Qt or gettext.
"""

from __future__ import annotations

from typing import Any

from aipdesk.domain.escape import visible

# code -> (German, English). Parameters are filled with str.format.
MESSAGES: dict[str, tuple[str, str]] = {
    "bad_month": (
        '"{text}" ist kein gültiger Monat (erwartet JJJJ-MM)',
        '"{text}" is not a valid month (expected YYYY-MM)',
    ),
    "period_reversed": (
        "Zeitraum {first} – {last}: das Ende liegt vor dem Anfang",
        "period {first} – {last}: the end lies before the start",
    ),
    "bad_count": (
        '"{text}" ist keine gültige Anzahl',
        '"{text}" is not a valid count',
    ),
    "negative_count": (
        '"{text}" ist keine gültige Anzahl: Werte dürfen nicht negativ sein',
        '"{text}" is not a valid count: values must not be negative',
    ),
    "count_too_large": (
        '"{text}" ist zu groß für eine Anzahl',
        '"{text}" is too large for a count',
    ),
    "bad_number": (
        '"{text}" ist keine gültige Zahl',
        '"{text}" is not a valid number',
    ),
    "month_outside_project": (
        "{month} liegt außerhalb des Zeitraums von Projekt {project} ({period})",
        "{month} lies outside the period of project {project} ({period})",
    ),
    "month_outside_target": (
        "{month} liegt außerhalb des Zielzeitraums {period}",
        "{month} lies outside the target period {period}",
    ),
    "child_exceeds_parent": (
        "{project} {month}: {child} ({child_value}) darf nicht größer sein als "
        "{parent} ({parent_value})",
        "{project} {month}: {child} ({child_value}) must not exceed {parent} ({parent_value})",
    ),
    "weights_count": (
        "Die Plankurve braucht {expected} Monatsgewichte, nicht {given}",
        "the plan curve needs {expected} monthly weights, not {given}",
    ),
    "weights_negative": (
        "Monatsgewichte dürfen nicht negativ sein ({month}: {weight})",
        "monthly weights must not be negative ({month}: {weight})",
    ),
    "weights_sum": (
        "Die Monatsgewichte ergeben zusammen {total} statt 1",
        "the monthly weights add up to {total} instead of 1",
    ),
    "target_negative": (
        "Zielwert {value} ist ungültig: er darf nicht negativ sein",
        "target {value} is invalid: it must not be negative",
    ),
    "thresholds": (
        "Ampelschwellen ungültig: grün ({green} %) muss mindestens gelb ({amber} %) sein, "
        "beide > 0",
        "status thresholds invalid: green ({green} %) must be at least amber ({amber} %), both > 0",
    ),
    "unknown_project": ('Unbekanntes Projekt "{project}"', 'unknown project "{project}"'),
    "unknown_metric": ('Unbekannte Kennzahl "{metric}"', 'unknown metric "{metric}"'),
    "project_inactive": (
        "Projekt {project} ist deaktiviert: es nimmt keine Werte an",
        "project {project} is deactivated: it accepts no values",
    ),
    "metric_not_tracked": (
        "Kennzahl {metric} wird für Projekt {project} nicht erfasst",
        "metric {metric} is not tracked for project {project}",
    ),
    "metric_computed": (
        "Kennzahl {metric} wird berechnet ({formula}) und kann nicht erfasst werden",
        "metric {metric} is computed ({formula}) and cannot be logged",
    ),
    "duplicate_project": (
        'Ein Projekt mit dem Kürzel "{project}" gibt es schon',
        'a project with the code "{project}" exists already',
    ),
    "duplicate_metric": (
        'Eine Kennzahl mit dem Kürzel "{metric}" gibt es schon',
        'a metric with the code "{metric}" exists already',
    ),
    "bad_code": (
        '"{code}" ist kein gültiges Kürzel (Buchstaben, Ziffern, _ und -, höchstens 32 Zeichen)',
        '"{code}" is not a valid code (letters, digits, _ and -, at most 32 characters)',
    ),
    "empty_name": ("Der Name darf nicht leer sein", "the name must not be empty"),
    "text_too_long": (
        "{what} ist zu lang: höchstens {limit} Zeichen, nicht {length}",
        "{what} is too long: at most {limit} characters, not {length}",
    ),
    "text_nul": (
        "{what} enthält ein Nullzeichen (\\0), das nicht gespeichert werden kann",
        "{what} contains a null character (\\0), which cannot be stored",
    ),
    "ratio_needs_parts": (
        "Eine Quote braucht eine Zähler- und eine Nenner-Kennzahl",
        "a ratio needs a numerator and a denominator metric",
    ),
    "parent_kind": (
        "{metric} ist {kind}, die Oberkennzahl {parent} aber {parent_kind}: eine "
        "davon-Kennzahl ist von derselben Art wie ihre Oberkennzahl",
        "{metric} is {kind} but its parent {parent} is {parent_kind}: a davon metric is of "
        "the same kind as its parent",
    ),
    "parent_cycle": (
        "{metric} kann nicht davon-Kennzahl von sich selbst sein",
        "{metric} cannot be a davon metric of itself",
    ),
    "partition_needs_parent": (
        "{metric} kann nur als Aufteilung einer Oberkennzahl markiert werden (davon)",
        "{metric} can only be marked as a split of a parent metric (davon)",
    ),
    "change_pct_invalid": (
        "Veränderungsrate {value} % ist ungültig: sie muss über −100 % liegen",
        "change rate {value} % is invalid: it must lie above −100 %",
    ),
    "denominator_plan_invalid": (
        "Geplanter Durchschnitt des Nenners {value} ist ungültig: er muss größer als 0 sein",
        "planned mean of the denominator {value} is invalid: it must be greater than 0",
    ),
    "no_target": (
        "Für {project} / {metric} gibt es keinen Zielwert im Zeitraum {period}",
        "there is no target for {project} / {metric} in the period {period}",
    ),
    "target_overlap": (
        "Für {project} / {metric} gibt es schon einen Zielwert, der {period} überschneidet",
        "{project} / {metric} already has a target overlapping {period}",
    ),
    "values_present": (
        "Die Datenbank enthält schon {count} Monatswerte: Demodaten werden nur in eine "
        "leere Datenbank geschrieben",
        "the database already holds {count} monthly values: demo data go only into an "
        "empty database",
    ),
    "not_aipdesk_db": (
        "{path} ist keine aipdesk-Datenbank ({reason}); die Datei wurde nicht verändert",
        "{path} is not an aipdesk database ({reason}); the file was left unchanged",
    ),
    "newer_schema": (
        "{path} wurde mit einer neueren aipdesk-Version angelegt (Schema {found}); "
        "bitte aipdesk aktualisieren",
        "{path} was created by a newer aipdesk (schema {found}); please update aipdesk",
    ),
    "value_conflict": (
        "{project} / {metric} / {month} wurde inzwischen von {user} geändert ({at}): "
        "jetzt {current}. Ihre Änderung wurde nicht gespeichert",
        "{project} / {metric} / {month} was changed meanwhile by {user} ({at}): "
        "now {current}. Your change was not saved",
    ),
    "target_conflict": (
        "Der Zielwert {project} / {metric} ab {month} wurde inzwischen von {user} geändert "
        "({at}): jetzt {current}. Ihre Änderung wurde nicht gespeichert",
        "the target {project} / {metric} from {month} was changed meanwhile by {user} "
        "({at}): now {current}. Your change was not saved",
    ),
    "at_cell": ("{where}: {message}", "{where}: {message}"),
    # Import of a workbook (aipdesk import, the GUI's import): `where` is the file name or
    # "Sheet!Cell"; user text quoted in {text}, {found} comes shortened to one line.
    "import_file_missing": ("{where}: Die Datei gibt es nicht", "{where}: the file does not exist"),
    "import_file_empty": ("{where}: Die Datei ist leer", "{where}: the file is empty"),
    "import_cannot_open": (
        "{where}: Die Datei lässt sich nicht öffnen ({reason})",
        "{where}: cannot open the file ({reason})",
    ),
    "import_file_too_large": (
        "{where}: Die Datei ist zu groß für einen Import ({size} MB, höchstens {limit} MB)",
        "{where}: the file is too large to import ({size} MB, at most {limit} MB)",
    ),
    "import_not_xlsx": (
        "{where}: Die Datei ist keine Excel-Arbeitsmappe (.xlsx); bitte in Excel als "
        "„Excel-Arbeitsmappe (*.xlsx)“ speichern",
        "{where}: the file is not an Excel workbook (.xlsx); please save it in Excel as "
        '"Excel Workbook (*.xlsx)"',
    ),
    "import_binary": (
        "{where}: Die Datei ist im binären Excel-Format (.xlsb); bitte als "
        "„Excel-Arbeitsmappe (*.xlsx)“ speichern",
        "{where}: the file is in the binary Excel format (.xlsb); please save it as "
        '"Excel Workbook (*.xlsx)"',
    ),
    "import_encrypted": (
        "{where}: Die Datei ist kennwortgeschützt (verschlüsselt) oder im alten Excel-Format "
        "(.xls); bitte ohne Kennwort als „Excel-Arbeitsmappe (*.xlsx)“ speichern",
        "{where}: the file is password-protected (encrypted) or in the old Excel format (.xls); "
        'please save it without a password as "Excel Workbook (*.xlsx)"',
    ),
    "import_macros": (
        "{where}: Die Datei enthält Makros (.xlsm); Arbeitsmappen mit Makros werden nicht "
        "eingelesen. Bitte als „Excel-Arbeitsmappe (*.xlsx)“ ohne Makros speichern",
        "{where}: the file contains macros (.xlsm); workbooks with macros are not read. Please "
        'save it as "Excel Workbook (*.xlsx)" without macros',
    ),
    "import_compression": (
        "{where}: Die Datei ist mit einem Verfahren gepackt, das Excel nicht verwendet "
        "(Methode {method}); bitte in Excel als „Excel-Arbeitsmappe (*.xlsx)“ speichern",
        "{where}: the file is packed with a method Excel does not use (method {method}); "
        'please save it in Excel as "Excel Workbook (*.xlsx)"',
    ),
    "import_broken": (
        "{where}: Die Datei ist beschädigt und lässt sich nicht lesen",
        "{where}: the file is damaged and cannot be read",
    ),
    "import_part_missing": (
        "{where}: Die Datei ist unvollständig: der Bestandteil {part} fehlt",
        "{where}: the file is incomplete: the part {part} is missing",
    ),
    "import_bad_reference": (
        "{where}: Die Datei ist beschädigt: sie enthält einen ungültigen Zellbezug",
        "{where}: the file is damaged: it holds an invalid cell reference",
    ),
    "import_bad_value": (
        "{where}: Die Datei ist beschädigt: ein Wert passt nicht zu seinem Typ (etwa ein Datum, "
        "das es nicht gibt, oder ein Verweis auf einen fehlenden Text)",
        "{where}: the file is damaged: a value does not fit its type (such as a date that does "
        "not exist, or a reference to a missing text)",
    ),
    "import_xml_forbidden": (
        "{where}: Die Datei ist beschädigt oder manipuliert: sie enthält XML-Anweisungen "
        "(DTD, Entitäten), die nicht ausgeführt werden",
        "{where}: the file is damaged or tampered with: it holds XML declarations (DTD, "
        "entities) that are not processed",
    ),
    "import_unreadable": (
        "{where}: Die Datei lässt sich nicht lesen ({kind})",
        "{where}: the file cannot be read ({kind})",
    ),
    "import_too_big": (
        "{where}: Die Arbeitsmappe ist zu groß für einen Import (mehr als {limit} Zellen oder "
        "zu große Bestandteile)",
        "{where}: the workbook is too large to import (more than {limit} cells or oversized parts)",
    ),
    "import_no_sheet": (
        "{where}: Blatt „{template}“ (Erfassungsvorlage) oder „{export}“ (Export) fehlt; "
        "gefunden: {found}",
        '{where}: sheet "{template}" (entry template) or "{export}" (export) is missing; '
        "found: {found}",
    ),
    "import_not_a_grid": (
        "{where}: Blatt „{sheet}“ ist kein Tabellenblatt (sondern z. B. ein Diagrammblatt)",
        '{where}: sheet "{sheet}" is not a worksheet (but e.g. a chart sheet)',
    ),
    "import_empty_chartsheet": (
        "{where}: Die Datei enthält ein leeres Diagrammblatt, das sich nicht lesen lässt; bitte "
        "das Blatt löschen und die Datei erneut speichern",
        "{where}: the file holds an empty chart sheet that cannot be read; please delete the "
        "sheet and save the file again",
    ),
    "import_bad_header": (
        "{where}: Die Kopfzeile muss mit {expected} beginnen (gefunden: {found})",
        "{where}: the header row must start with {expected} (found: {found})",
    ),
    "import_no_months": (
        "{where}: In der Kopfzeile stehen keine Monate (JJJJ-MM ab Spalte D)",
        "{where}: the header row holds no months (YYYY-MM from column D on)",
    ),
    "import_formula": (
        "{where}: Formeln werden nicht übernommen",
        "{where}: formulas are not accepted",
    ),
    "import_no_month_column": (
        "{where}: Wert in einer Spalte ohne Monat (JJJJ-MM) in der Kopfzeile",
        "{where}: value in a column without a month (YYYY-MM) in the header row",
    ),
    "import_missing_code": (
        "{where}: {column} fehlt in einer Zeile mit Werten",
        "{where}: {column_en} is missing in a row with values",
    ),
    "import_bad_code": (
        '{where}: "{text}" ist kein gültiges Kürzel',
        '{where}: "{text}" is not a valid code',
    ),
    "import_bad_year": (
        '{where}: "{text}" ist kein gültiges Jahr',
        '{where}: "{text}" is not a valid year',
    ),
    "import_month_year": (
        "{where}: Monat {month} passt nicht zum Jahr {year}",
        "{where}: month {month} does not match the year {year}",
    ),
    "duplicate_cell": (
        "{where}: {project} / {metric} / {month} steht doppelt in der Datei (auch {other})",
        "{where}: {project} / {metric} / {month} appears twice in the file (also {other})",
    ),
    "db_missing": (
        "Die Datenbank {path} gibt es nicht; neu anlegen mit: aipdesk init --db {path}",
        "there is no database {path}; create it with: aipdesk init --db {path}",
    ),
    "db_unreachable": (
        "Die Datenbank {path} lässt sich nicht öffnen: {reason}",
        "cannot open the database {path}: {reason}",
    ),
    # Safety (read-only files, network shares, damage, backups, restore)
    "read_only": (
        "Die Datenbank {path} ist schreibgeschützt: Änderungen sind nicht möglich",
        "the database {path} is read-only: changes are not possible",
    ),
    "read_only_outdated": (
        "Die Datenbank {path} ist schreibgeschützt und müsste erst aktualisiert werden "
        "(Schema {found}, aktuell {head}); bitte einmal mit Schreibrecht öffnen. "
        "Die Datei wurde nicht verändert",
        "the database {path} is read-only and would first have to be upgraded "
        "(schema {found}, current {head}); please open it once with write permission. "
        "The file was left unchanged",
    ),
    "network_share": (
        "Die Datenbank liegt auf einem Netzlaufwerk ({share}): aipdesk nutzt dort das "
        "Rollback-Journal statt WAL. Für die gemeinsame Nutzung durch mehrere Personen ist "
        "PostgreSQL die richtige Wahl (siehe README).",
        "the database lies on a network share ({share}): aipdesk uses the rollback journal "
        "there instead of WAL. For shared use by several people, PostgreSQL is the right "
        "choice (see README).",
    ),
    "network_share_in_use": (
        "Die Datenbank {path} liegt auf einem Netzlaufwerk ({share}) und ist noch von einem "
        "anderen Programm im WAL-Modus geöffnet: bitte dort schließen und erneut öffnen. "
        "Die Datei wurde nicht verändert",
        "the database {path} lies on a network share ({share}) and is still open in WAL mode "
        "in another program: please close it there and open it again. The file was left "
        "unchanged",
    ),
    "db_damaged": (
        "Die Datenbank {path} ist beschädigt ({detail}); die Datei wurde nicht verändert. {offer}",
        "the database {path} is damaged ({detail}); the file was left unchanged. {offer}",
    ),
    "daily_backup_failed": (
        "Die tägliche Sicherung von {path} ist fehlgeschlagen ({reason}); die Arbeit geht "
        "trotzdem weiter",
        "the daily backup of {path} failed ({reason}); work goes on nevertheless",
    ),
    "restore_refused": (
        "{source} wird nicht wiederhergestellt: {reason}. Die Datenbank {path} wurde nicht "
        "verändert",
        "{source} is not restored: {reason}. The database {path} was left unchanged",
    ),
    # Catalogue
    "davon_of_ratio": (
        "{metric} kann keine davon-Kennzahl von {parent} sein: davon-Kennzahlen gibt es nur "
        "zu Zählgrößen und Beständen, {parent} ist eine Quote",
        "{metric} cannot be a davon metric of {parent}: davon metrics exist only for counts "
        "and stocks, {parent} is a ratio",
    ),
    "davon_cycle": (
        "{metric} kann nicht davon-Kennzahl von {parent} sein: das ergäbe einen Kreis ({chain})",
        "{metric} cannot be a davon metric of {parent}: that would make a cycle ({chain})",
    ),
    "ratio_numerator_kind": (
        "Der Zähler der Quote {ratio} muss eine Zählgröße sein; {metric} ist {kind}",
        "the numerator of the ratio {ratio} must be a count; {metric} is {kind}",
    ),
    "ratio_denominator_kind": (
        "Der Nenner der Quote {ratio} muss ein Bestand sein; {metric} ist {kind}",
        "the denominator of the ratio {ratio} must be a stock; {metric} is {kind}",
    ),
    "parts_without_ratio": (
        "Nur eine Quote hat Zähler und Nenner; {metric} ist {kind}",
        "only a ratio has a numerator and a denominator; {metric} is {kind}",
    ),
    "ratio_has_values": (
        "{metric} kann keine Quote werden: für die Kennzahl sind schon Monatswerte erfasst "
        "({count}), eine Quote wird berechnet",
        "{metric} cannot become a ratio: monthly values are logged for it already ({count}), "
        "and a ratio is computed",
    ),
    "partition_exceeds_parent": (
        "{parts} = {values} = {total} übersteigt {parent} = {parent_value} "
        "({project} {month}): die Teile einer Aufteilung sind zusammen höchstens so groß "
        "wie das Ganze",
        "{parts} = {values} = {total} exceeds {parent} = {parent_value} ({project} {month}): "
        "the parts of a split together are at most as large as the whole",
    ),
    "weights_zero": (
        "Die Monatsgewichte sind alle 0: mindestens ein Monat braucht ein Gewicht über 0",
        "the monthly weights are all 0: at least one month needs a weight above 0",
    ),
    "weights_not_finite": (
        "Monatsgewicht {weight} ({month}) ist keine endliche Zahl",
        "monthly weight {weight} ({month}) is not a finite number",
    ),
    "history_missing": (
        "Plankurve aus Vorjahr für {series} nicht möglich: im Vorjahreszeitraum {period} "
        "fehlen Werte ({months}), und keines der {years} Jahre davor ist vollständig",
        "plan curve from the previous year for {series} not possible: the previous year's "
        "period {period} lacks values ({months}), and none of the {years} years before is "
        "complete",
    ),
    "history_zero": (
        "Plankurve aus Vorjahr für {series} nicht möglich: die vollständigen Vorjahre "
        "({periods}) ergeben zusammen jeweils 0",
        "plan curve from the previous year for {series} not possible: the complete earlier "
        "years ({periods}) each add up to 0",
    ),
    "several_targets": (
        "{project} / {metric} hat im Jahr {year} mehrere Zielwerte ({periods}); bitte mit "
        "--first den Anfangsmonat des gemeinten angeben",
        "{project} / {metric} has several targets in {year} ({periods}); please name the "
        "first month of the one meant with --first",
    ),
    "denominator_plan_not_ratio": (
        "Ein geplanter Durchschnitt des Nenners gehört nur zu einer Quote; {metric} ist {kind}",
        "a planned mean of the denominator belongs only to a ratio; {metric} is {kind}",
    ),
    "project_in_use": (
        "Projekt {project} lässt sich nicht mehr entfernen: dazu sind schon Monatswerte oder "
        "Zielwerte gespeichert",
        "project {project} can no longer be removed: monthly values or targets of it are "
        "stored already",
    ),
    "metric_in_use": (
        "Kennzahl {metric} lässt sich nicht mehr entfernen: sie wird schon verwendet "
        "(Monatswerte, Zielwerte, Projekte, davon-Kennzahlen oder Quoten)",
        "metric {metric} can no longer be removed: it is in use already (monthly values, "
        "targets, projects, davon metrics or ratios)",
    ),
    "tracking_in_use": (
        "{project} kann {metric} nicht mehr abgeben: dazu sind schon Monatswerte oder "
        "Zielwerte gespeichert",
        "{project} cannot stop logging {metric}: monthly values or targets of it are "
        "stored already",
    ),
    # Hardening
    "output_refused": (
        "{path} wird nicht geschrieben: {reason}. Es wurde nichts verändert",
        "{path} is not written: {reason}. Nothing was changed",
    ),
    "output_failed": (
        "Die Datei {path} lässt sich nicht schreiben ({reason}); ist sie noch in Excel "
        "geöffnet oder der Ordner schreibgeschützt? Es wurde nichts verändert",
        "cannot write the file {path} ({reason}); is it still open in Excel, or is the "
        "folder read-only? Nothing was changed",
    ),
    "output_lost": (
        "Die Ausgabe ließ sich nicht schreiben ({reason})",
        "the output could not be written ({reason})",
    ),
    "output_lost_after_change": (
        "Die Änderung ist gespeichert, aber die Meldung darüber ließ sich nicht ausgeben "
        "({reason})",
        "the change is stored, but the report of it could not be written ({reason})",
    ),
    "text_control": (
        "{what} enthält ein Zeichen, das hier nicht erlaubt ist ({char}, an Stelle {position})",
        "{what} contains a character that is not allowed here ({char}, at position {position})",
    ),
    "text_empty": ("{what} darf nicht leer sein", "{what} must not be empty"),
    "note_not_exportable": (
        "Die Bemerkung zu {project} / {metric} / {month} lässt sich nicht unverändert in "
        "die Arbeitsmappe schreiben: {message}. Bitte die Bemerkung in aipdesk korrigieren; "
        "es wurde nichts geschrieben",
        "the note of {project} / {metric} / {month} cannot be written into the workbook "
        "unchanged: {message}. Please correct the note in aipdesk; nothing was written",
    ),
    "db_no_rights": (
        "Die Anmeldung hat keine Rechte auf die Datenbank {path}; bitte die IT fragen "
        "(siehe README, Gemeinsame Datenbank). Es wurde nichts verändert",
        "the login has no rights on the database {path}; please ask IT (see README, "
        "shared database). Nothing was changed",
    ),
    "db_connection_lost": (
        "Die Verbindung zur Datenbank {path} ist abgebrochen; was nicht bestätigt wurde, "
        "ist nicht gespeichert. Bitte erneut versuchen",
        "the connection to the database {path} was lost; nothing unconfirmed was stored. "
        "Please try again",
    ),
    "db_empty": (
        "Die Datei {path} ist leer, keine Datenbank; sie wurde nicht verändert. Anlegen mit: "
        "aipdesk init --db {path}",
        "the file {path} is empty, no database; it was left unchanged. Create one with: "
        "aipdesk init --db {path}",
    ),
    "merge_bad_rows": (
        "{other}: {count} Monatswert(e) dort verletzen die Regeln für Eingaben; nichts wurde "
        "zusammengeführt. {rows}",
        "{other}: {count} monthly value(s) there break the rules for input; nothing was "
        "merged. {rows}",
    ),
}

_LANGUAGE = {"de": 0, "en": 1}
# Parameters that are messages of their own, composed by aipdesk (their parameters were
# made visible already; a list of conflicts keeps its line breaks).
_COMPOSED = frozenset({"message"})


class DomainError(Exception):
    """A rejected input or operation, explained to a person in German or English."""

    def __init__(self, code: str, /, **params: Any) -> None:
        if code not in MESSAGES:
            raise KeyError(f"no message for error code {code!r}")
        self.code = code
        self.params = params
        super().__init__(self.text("de"))

    def text(self, lang: str = "de") -> str:
        index = _LANGUAGE.get(lang, 0)
        params = {}
        for key, value in self.params.items():
            # A parameter may itself be given in both languages as a (de, en) pair.
            chosen = value[index] if isinstance(value, tuple) else value
            if isinstance(chosen, str) and key not in _COMPOSED:
                chosen = visible(chosen)  # quoted user text stays on its line, inert
            params[key] = chosen
        return MESSAGES[self.code][index].format(**params)

    def __str__(self) -> str:
        return self.text("de")
