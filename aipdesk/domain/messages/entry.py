"""Texts of the refusals of values, months, targets and catalogue entries as typed."""

from __future__ import annotations

from aipdesk.domain.messages.codes import Code

# code -> (German, English); parameters are filled with str.format.
ENTRY: dict[Code, tuple[str, str]] = {
    Code.bad_month: (
        '"{text}" ist kein gültiger Monat (erwartet JJJJ-MM)',
        '"{text}" is not a valid month (expected YYYY-MM)',
    ),
    Code.period_reversed: (
        "Zeitraum {first} – {last}: das Ende liegt vor dem Anfang",
        "period {first} – {last}: the end lies before the start",
    ),
    Code.bad_count: (
        '"{text}" ist keine gültige Anzahl',
        '"{text}" is not a valid count',
    ),
    Code.negative_count: (
        '"{text}" ist keine gültige Anzahl: Werte dürfen nicht negativ sein',
        '"{text}" is not a valid count: values must not be negative',
    ),
    Code.count_too_large: (
        '"{text}" ist zu groß für eine Anzahl',
        '"{text}" is too large for a count',
    ),
    Code.bad_number: (
        '"{text}" ist keine gültige Zahl',
        '"{text}" is not a valid number',
    ),
    Code.month_outside_project: (
        "{month} liegt außerhalb des Zeitraums von Projekt {project} ({period})",
        "{month} lies outside the period of project {project} ({period})",
    ),
    Code.month_outside_target: (
        "{month} liegt außerhalb des Zielzeitraums {period}",
        "{month} lies outside the target period {period}",
    ),
    Code.child_exceeds_parent: (
        "{project}, {month}: {child} ({child_value}) darf nicht größer sein als "
        "{parent} ({parent_value})",
        "{project}, {month}: {child} ({child_value}) must not exceed {parent} ({parent_value})",
    ),
    Code.weights_count: (
        "Die Plankurve braucht {expected} Monatsgewichte, nicht {given}",
        "the plan curve needs {expected} monthly weights, not {given}",
    ),
    Code.weights_negative: (
        "Monatsgewichte dürfen nicht negativ sein ({month}: {weight})",
        "monthly weights must not be negative ({month}: {weight})",
    ),
    Code.weights_sum: (
        "Die Monatsgewichte ergeben zusammen {total} statt 1",
        "the monthly weights add up to {total} instead of 1",
    ),
    Code.target_negative: (
        "Zielwert {value} ist ungültig: er darf nicht negativ sein",
        "target {value} is invalid: it must not be negative",
    ),
    Code.thresholds: (
        "Ampelschwellen ungültig: grün ({green} %) muss mindestens gelb ({amber} %) sein, "
        "beide > 0",
        "status thresholds invalid: green ({green} %) must be at least amber ({amber} %), both > 0",
    ),
    Code.unknown_project: ('Unbekanntes Projekt "{project}"', 'unknown project "{project}"'),
    Code.unknown_metric: ('Unbekannte Kennzahl "{metric}"', 'unknown metric "{metric}"'),
    Code.project_inactive: (
        "Projekt {project} ist deaktiviert: es nimmt keine Werte an",
        "project {project} is deactivated: it accepts no values",
    ),
    Code.metric_not_tracked: (
        "Kennzahl {metric} wird für Projekt {project} nicht erfasst",
        "metric {metric} is not tracked for project {project}",
    ),
    Code.metric_computed: (
        "Kennzahl {metric} wird berechnet (100 · {numerator} ÷ Ø {denominator}) und kann "
        "nicht erfasst werden",
        "metric {metric} is computed (100 · {numerator} ÷ mean {denominator}) and cannot be logged",
    ),
    Code.duplicate_project: (
        'Ein Projekt mit dem Kürzel "{project}" gibt es schon',
        'a project with the code "{project}" exists already',
    ),
    Code.duplicate_metric: (
        'Eine Kennzahl mit dem Kürzel "{metric}" gibt es schon',
        'a metric with the code "{metric}" exists already',
    ),
    Code.bad_code: (
        '"{code}" ist kein gültiges Kürzel (Buchstaben, Ziffern, _ und -, höchstens 32 Zeichen)',
        '"{code}" is not a valid code (letters, digits, _ and -, at most 32 characters)',
    ),
    Code.empty_name: ("Der Name darf nicht leer sein", "the name must not be empty"),
    Code.text_too_long: (
        "{what} ist zu lang: höchstens {limit} Zeichen, nicht {length}",
        "{what} is too long: at most {limit} characters, not {length}",
    ),
    Code.text_nul: (
        "{what} enthält ein Nullzeichen (\\0), das nicht gespeichert werden kann",
        "{what} contains a null character (\\0), which cannot be stored",
    ),
    Code.ratio_needs_parts: (
        "Eine Quote braucht eine Zähler- und eine Nenner-Kennzahl",
        "a ratio needs a numerator and a denominator metric",
    ),
    Code.parent_kind: (
        "{metric} ist {kind}, die Oberkennzahl {parent} aber {parent_kind}: eine "
        "davon-Kennzahl ist von derselben Art wie ihre Oberkennzahl",
        "{metric} is {kind} but its parent {parent} is {parent_kind}: a davon metric is of "
        "the same kind as its parent",
    ),
    Code.parent_cycle: (
        "{metric} kann nicht davon-Kennzahl von sich selbst sein",
        "{metric} cannot be a davon metric of itself",
    ),
    Code.partition_needs_parent: (
        "{metric} kann nur als Aufteilung einer Oberkennzahl markiert werden (davon)",
        "{metric} can only be marked as a split of a parent metric (davon)",
    ),
    Code.change_pct_invalid: (
        "Veränderungsrate {value} % ist ungültig: sie muss über −100 % liegen",
        "change rate {value} % is invalid: it must lie above −100 %",
    ),
    Code.denominator_plan_invalid: (
        "Geplanter Durchschnitt des Nenners {value} ist ungültig: er muss größer als 0 sein",
        "planned mean of the denominator {value} is invalid: it must be greater than 0",
    ),
    Code.no_target: (
        "Für {project} / {metric} gibt es keinen Zielwert im Zeitraum {period}",
        "there is no target for {project} / {metric} in the period {period}",
    ),
    Code.target_overlap: (
        "Für {project} / {metric} gibt es schon einen Zielwert, der {period} überschneidet",
        "{project} / {metric} already has a target overlapping {period}",
    ),
    Code.values_present: (
        "Die Datenbank enthält schon {count} Monatswerte: Demodaten werden nur in eine "
        "leere Datenbank geschrieben",
        "the database already holds {count} monthly values: demo data go only into an "
        "empty database",
    ),
    Code.not_aipdesk_db: (
        "{path} ist keine aipdesk-Datenbank ({reason}); die Datei wurde nicht verändert",
        "{path} is not an aipdesk database ({reason}); the file was left unchanged",
    ),
    Code.newer_schema: (
        "{path} wurde mit einer neueren aipdesk-Version angelegt (Schema {found}); "
        "bitte aipdesk aktualisieren",
        "{path} was created by a newer aipdesk (schema {found}); please update aipdesk",
    ),
    Code.value_conflict: (
        "{project} / {metric} / {month} wurde inzwischen von {user} geändert ({at}): "
        "jetzt {current}. Ihre Änderung wurde nicht gespeichert",
        "{project} / {metric} / {month} was changed meanwhile by {user} ({at}): "
        "now {current}. Your change was not saved",
    ),
    Code.target_conflict: (
        "Der Zielwert {project} / {metric} ab {month} wurde inzwischen von {user} geändert "
        "({at}): jetzt {current}. Ihre Änderung wurde nicht gespeichert",
        "the target {project} / {metric} from {month} was changed meanwhile by {user} "
        "({at}): now {current}. Your change was not saved",
    ),
    Code.money_bad: (
        '{what} "{text}" ist kein Geldbetrag (z. B. 350.000,30 oder 400000.20)',
        '{what} "{text}" is not an amount of money (e.g. 400000.20 or 350.000,30)',
    ),
    Code.money_negative: (
        '{what} "{text}" darf nicht negativ sein',
        '{what} "{text}" must not be negative',
    ),
    Code.money_too_large: (
        '{what} "{text}" ist unplausibel groß (höchstens 1.000.000.000,00 €)',
        '{what} "{text}" is implausibly large (at most 1,000,000,000.00 €)',
    ),
}
