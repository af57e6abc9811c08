"""Texts of the budget of the Eingliederungstitel: refusals (`Code`), undo steps and the
command line's report lines (`Note`). Instruments are named as the AIP names them
("FbW – Förderung der beruflichen Weiterbildung"), amounts German formatted."""

from __future__ import annotations

from aipdesk.domain.messages.codes import Code, Note

BUDGET: dict[Code | Note, tuple[str, str]] = {
    Code.budget_unknown_instrument: (
        'Unbekanntes Instrument "{text}".{hint} Alle zeigt: aipdesk budget status --year JJJJ',
        'unknown instrument "{text}".{hint} To see them all: aipdesk budget status --year YYYY',
    ),
    Code.budget_ambiguous_instrument: (
        '"{text}" passt auf mehrere Instrumente: {matches}; bitte das Kürzel angeben',
        '"{text}" fits several instruments: {matches}; please give the code',
    ),
    Code.budget_due_before: (
        "Fälligkeitsjahr {due} liegt vor dem Jahr der Bindung ({year}); nichts gespeichert",
        "the year due {due} lies before the year of the commitment ({year}); nothing stored",
    ),
    Code.budget_month_not_in_year: (
        "Der Berichtsmonat {month} liegt nicht im Jahr {year}",
        "the report month {month} is not in the year {year}",
    ),
    Code.budget_conflict: (
        "{what} {instrument} {period} wurde inzwischen von {user} geändert ({at}): jetzt "
        "{current}. Ihre Änderung wurde nicht gespeichert",
        "{what} {instrument} {period} was changed meanwhile by {user} ({at}): now "
        "{current}. Your change was not saved",
    ),
    Code.budget_no_catalogue: (
        "Die Datenbank kennt die Instrumente des Budgets noch nicht; bitte einmal "
        "aipdesk init ausführen",
        "the database does not know the budget's instruments yet; please run aipdesk init once",
    ),
    Code.import_bad_budget_kind: (
        '"{text}" ist keine Art eines Budgetwerts (Ausgaben oder Bindung)',
        '"{text}" is no kind of budget entry (Ausgaben or Bindung)',
    ),
    Note.import_budget: (
        "Budget: {count} Beträge aus {sheet}",
        "Budget: {count} amounts from {sheet}",
    ),
    Note.import_budget_stored: (
        "Budget: {count} Beträge übernommen (neue und geänderte gespeichert).",
        "Budget: {count} amounts taken over (new and changed ones stored).",
    ),
    Note.op_budget_entry: (
        "{what} {instrument} {month} ändern",
        "Change {what} {instrument} {month}",
    ),
    Note.op_budget_entries: ("{count} Budgetwerte ändern", "Change {count} budget entries"),
    Note.op_budget_plan: (
        "Budgetplan {instrument} {year} ändern",
        "Change budget plan {instrument} {year}",
    ),
    Note.budget_spent: ("Ausgaben", "spending"),
    Note.budget_committed: ("Bindung", "commitment"),
    Note.budget_heading: (
        "Budget Eingliederungstitel {year}, Berichtsmonat {month} (Beträge in €)",
        "Budget of the Eingliederungstitel {year}, report month {month} (amounts in €)",
    ),
    Note.budget_allocation: (
        "Zuteilung {allocation} + BEZ-Verbindungen {transfers_in} − Entnahme Verwaltung "
        "{admin_transfer} = EGL-Leistungen {available_for_measures}; davon durch Vorbindungen "
        "gebunden {prior_commitments}, für Neugeschäft {new_business} + Planungsaufschlag "
        "{planning_surcharge} = verfügbar für die Planung {available_for_planning}",
        "allocation {allocation} + BEZ transfers {transfers_in} − transfer to administration "
        "{admin_transfer} = available for measures {available_for_measures}; bound by prior "
        "commitments {prior_commitments}, new business {new_business} + planning surcharge "
        "{planning_surcharge} = available for planning {available_for_planning}",
    ),
    Note.budget_no_allocation: (
        "Für {year} ist keine Zuteilung hinterlegt.",
        "No allocation is on record for {year}.",
    ),
    Note.budget_part_of: ("davon {name}", "of which {name}"),
    Note.cli_budget_logged: (
        "Gespeichert: {what} {instrument} {month}: {amount} €",
        "Saved: {what} {instrument} {month}: {amount} €",
    ),
    Note.cli_budget_unchanged: (
        "Unverändert: {what} {instrument} {month}: {amount} €",
        "Unchanged: {what} {instrument} {month}: {amount} €",
    ),
    Note.cli_budget_plan_set: (
        "Budgetplan {instrument} {year}: {amount} €",
        "Budget plan {instrument} {year}: {amount} €",
    ),
    Note.cli_budget_plan_unchanged: (
        "Budgetplan {instrument} {year} unverändert: {amount} €",
        "Budget plan {instrument} {year} unchanged: {amount} €",
    ),
    Note.usage_budget_amount: (
        "bitte --spent oder --committed angeben",
        "please give --spent or --committed",
    ),
    Note.usage_budget_due: ("--due braucht --committed", "--due needs --committed"),
}
