"""Texts of the plausibility check, the list "zur Klärung" and the validation rules that
a month's approval checks: refusals (`Code`), undo steps and report lines (`Note`).

Projects, metrics and months are named as people know them ("NeuStart", "Mai 2021").
"""

from __future__ import annotations

from aipdesk.domain.messages.codes import Code, Note

PLAUSIBILITY: dict[Code | Note, tuple[str, str]] = {
    Code.implausible_value: (
        "{value} für {project} · {metric} · {month} liegt weit außerhalb der Reihe "
        "({usual}); nichts gespeichert",
        "{value} for {project} · {metric} · {month} lies far outside its series "
        "({usual}); nothing stored",
    ),
    Code.implausible_values: (
        "{count} Werte liegen weit außerhalb ihrer Reihe, zuerst {value} für {project} · "
        "{metric} · {month} ({usual}); nichts gespeichert",
        "{count} values lie far outside their series, first {value} for {project} · "
        "{metric} · {month} ({usual}); nothing stored",
    ),
    Code.implausible_log: (
        "{message} – mit --force und --note TEXT trotzdem speichern (steht dann zur Klärung)",
        "{message} – store it anyway with --force and --note TEXT (it is then listed for review)",
    ),
    Code.review_not_found: (
        "{project} · {metric} · {month}: nichts zur Klärung offen",
        "{project} · {metric} · {month}: nothing open for review",
    ),
    Code.rule_exists: (
        "Eine Prüfregel »{name}« gibt es schon",
        "a validation rule “{name}” exists already",
    ),
    Code.rule_unknown: (
        "Unbekannte Prüfregel »{name}«. Alle zeigt: aipdesk rule list",
        "unknown validation rule “{name}”. To see them all: aipdesk rule list",
    ),
    Code.rule_side_empty: (
        "Prüfregel »{name}«: beide Seiten brauchen mindestens eine Kennzahl",
        "validation rule “{name}”: both sides need at least one metric",
    ),
    Code.rule_metric_computed: (
        "Prüfregel »{name}«: {metric} wird berechnet und hat keine eigenen Werte",
        "validation rule “{name}”: {metric} is computed and has no values of its own",
    ),
    Code.rule_relation: (
        "Prüfregel »{name}«: die Beziehung muss <=, = oder >= sein, nicht »{relation}«",
        "validation rule “{name}”: the relation must be <=, = or >=, not “{relation}”",
    ),
    Code.rule_failed: (
        "{project}, {month}: Prüfregel »{name}« verletzt: {left} = {left_sum} {relation} "
        "{right} = {right_sum} gilt nicht; nicht freigegeben",
        "{project}, {month}: validation rule “{name}” fails: {left} = {left_sum} {relation} "
        "{right} = {right_sum} does not hold; not approved",
    ),
    Note.import_implausible: (
        "{count} Werte liegen weit außerhalb ihrer Reihe und stehen nach dem Übernehmen zur "
        "Klärung (Begründung: die Datei): {first}",
        "{count} values lie far outside their series and are listed for review once taken "
        "over (reason: the file): {first}",
    ),
    Note.usual_up_to: ("üblich bis {high}", "usually up to {high}"),
    Note.usual_between: ("üblich {low} bis {high}", "usually {low} to {high}"),
    Note.op_force_values: (
        "{count} unplausible Werte zur Klärung speichern",
        "Store {count} implausible values for review",
    ),
    Note.op_check_review: (
        "{project} {metric} {month} als geprüft markieren",
        "Mark {project} {metric} {month} as checked",
    ),
    Note.op_add_rule: ("Prüfregel »{name}« anlegen", "Add validation rule “{name}”"),
    Note.op_remove_rule: ("Prüfregel »{name}« entfernen", "Remove validation rule “{name}”"),
    Note.cli_review_checked: (
        "{project} · {metric} · {month}: geprüft",
        "{project} · {metric} · {month}: checked",
    ),
    Note.cli_no_reviews: ("Nichts zur Klärung.", "Nothing to review."),
    Note.cli_rule_added: (
        "Prüfregel »{name}« angelegt: {rule}",
        "validation rule “{name}” added: {rule}",
    ),
    Note.cli_rule_removed: ("Prüfregel »{name}« entfernt", "validation rule “{name}” removed"),
    Note.cli_no_rules: ("Keine Prüfregeln.", "No validation rules."),
    Note.review_col_project: ("Projekt", "Project"),
    Note.review_col_metric: ("Kennzahl", "Metric"),
    Note.review_col_month: ("Monat", "Month"),
    Note.review_col_value: ("Wert", "Value"),
    Note.review_col_reason: ("Begründung", "Reason"),
    Note.review_col_flagged: ("Von, am", "By, on"),
    Note.review_col_checked: ("Geprüft", "Checked"),
    Note.rule_col_name: ("Name", "Name"),
    Note.rule_col_rule: ("Regel", "Rule"),
    Note.usage_force_needs_note: (
        "--force braucht --note TEXT: warum der Wert trotzdem stimmt",
        "--force needs --note TEXT: why the value is right all the same",
    ),
}
