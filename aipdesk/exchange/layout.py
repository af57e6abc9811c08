"""The layout of the workbooks aipdesk writes and reads back (DESIGN §6).

Sheet names, header rows and document properties are a contract: the export and
the entry template write them, the import recognises a file by them. Keeping them
in one place keeps writer and reader in step.
"""

from __future__ import annotations

# -- the export -------------------------------------------------------------------------

OVERVIEW_SHEET = "Übersicht"
DATA_SHEET = "Daten"
# After Übersicht: which project has logged which month (never read by the import).
REPORTING_SHEET = "Meldestand"
REPORTING_HEADER_ROW = 6  # below the title block, as in Übersicht
OVERVIEW_HEADER = (
    "Projekt",
    "Kennzahl",
    "Zielwert",
    "Soll bis Berichtsmonat",
    "Ist bis Berichtsmonat",
    "Zielerreichung",
    "Abweichung",
    "Hochrechnung",
    "Status",
)
# After the contracted columns: how complete the row is, the comparable Vorjahr and the
# planned change, and the official Kennzahlen (gleitend 12 Monate) beside the steering view.
OVERVIEW_MORE = (
    "Gemeldet",
    "Vorjahr (gleiche Monate)",
    "Veränderung zum Vorjahr",
    "Veränderung geplant",
    "Gleitend 12 Monate",
    "Veränderung zum Vorjahresmonat (K2/K3)",
    "Freigegeben",
)
OVERVIEW_HEADER_ROW = 6  # below the title block
# The contracted start of Daten (codes in Projekt and Kennzahl); the import reads these,
# and the Bemerkung wherever it stands.
DATA_KEY_COLUMNS = ("Jahr", "Monat", "Projekt", "Kennzahl", "Wert")
DATA_NOTE_COLUMN = "Bemerkung"
DATA_HEADER = (
    *DATA_KEY_COLUMNS,
    "Projektname",
    "Kennzahlname",
    DATA_NOTE_COLUMN,
    "geändert von",
    "geändert am",
)
# The columns of a project sheet's month grid after the twelve months.
# "Summe / Ø": a flow's sum, a stock's average (its cells say "Ø"), of the year's months.
GRID_TAIL = ("Summe / Ø", "Zielwert", "Soll", "Ist", "Zielerreichung", "Status")
# The budget of the Eingliederungstitel: its figures after Meldestand, its monthly entries
# after Daten (one row per instrument, month, kind and due year; the import reads them).
BUDGET_SHEET = "Budget"
BUDGET_DATA_SHEET = "Budgetdaten"
BUDGET_KEY_COLUMNS = ("Jahr", "Monat", "Instrument", "Art", "Fällig", "Betrag", "Bemerkung")
BUDGET_DATA_HEADER = (*BUDGET_KEY_COLUMNS, "Bezeichnung", "geändert von", "geändert am")
BUDGET_KINDS = {"spent": "Ausgaben", "committed": "Bindung"}  # the Art column's words
# Names a project's sheet cannot have (compared without case).
RESERVED_NAMES = frozenset(
    {
        OVERVIEW_SHEET.casefold(),
        REPORTING_SHEET.casefold(),
        DATA_SHEET.casefold(),
        "history",
        BUDGET_SHEET.casefold(),
        BUDGET_DATA_SHEET.casefold(),
    }
)

# -- the entry template -------------------------------------------------------------------

TEMPLATE_SHEET = "Erfassung"
INSTRUCTIONS_SHEET = "Anleitung"
TEMPLATE_HEADER = ("Projekt", "Kennzahl", "Bezeichnung")  # then one YYYY-MM column per month
FIRST_MONTH_COLUMN = len(TEMPLATE_HEADER) + 1  # D
# With `--budget`: the month's spending (Ausgaben) per instrument, in euros.
BUDGET_TEMPLATE_SHEET = "Budgeterfassung"
BUDGET_TEMPLATE_HEADER = ("Instrument", "Bezeichnung")  # then one YYYY-MM column per month

# -- document properties ------------------------------------------------------------------

CREATED_PROPERTY = "aipdesk.erstellt"  # the moment the file was made: ISO 8601, UTC, µs
YEAR_PROPERTY = "aipdesk.jahr"
KIND_PROPERTY = "aipdesk.art"
KIND_TEMPLATE = "Erfassungsvorlage"
