"""Texts of the monthly Controllingbericht (the PDF of `aipdesk report`, also printed
from the window): headings, column names, legends, the title that states the message."""

from __future__ import annotations

from aipdesk.domain.messages.codes import Note

REPORT: dict[Note, tuple[str, str]] = {
    Note.cli_report_written: (
        "Bericht geschrieben: {path} (Berichtsmonat {month}, {pages} Seiten)",
        "Report written: {path} (report month {month}, {pages} pages)",
    ),
    Note.report_document_title: (
        "Controllingbericht AIP {year} – {organisation}",
        "Controlling report AIP {year} – {organisation}",
    ),
    Note.report_header: (
        "Controllingbericht AIP {year} · Berichtsmonat {month}",
        "Controlling report AIP {year} · report month {month}",
    ),
    Note.report_data_as_of: ("Datenstand {stamp}", "Data as of {stamp}"),
    Note.report_page: ("Seite {page} von {pages}", "Page {page} of {pages}"),
    # The title states the message: how many targets are on plan, and which lags most.
    Note.report_title_all: ("Alle {count} Ziele im Plan", "All {count} targets on plan"),
    Note.report_title_some: (
        "{good} von {count} Zielen im Plan; {name} {gap} hinter Plan",
        "{good} of {count} targets on plan; {name} {gap} behind plan",
    ),
    Note.report_title_none: (
        "Noch kein Ziel mit Soll und Ist",
        "No target with plan and actual yet",
    ),
    Note.report_overview_lead: (
        "Ziele {year} bis {month}. Zielerreichung = Ist ÷ Soll (wo weniger besser ist: "
        "Soll ÷ Ist); ● grün ab 100 %, ▲ gelb ab 90 %, ■ rot darunter, sofern die Kennzahl "
        "nichts anderes festlegt. Balken: Ist dunkel, Soll als Strich, Vorjahr grau.",
        "Targets {year} up to {month}. Attainment = actual ÷ plan (where less is better: "
        "plan ÷ actual); ● green from 100 %, ▲ amber from 90 %, ■ red below, unless the "
        "metric sets other thresholds. Bars: actual dark, plan as a mark, previous year grey.",
    ),
    Note.report_col_target_row: ("Projekt / Kennzahl", "Project / metric"),
    Note.report_col_target: ("Zielwert", "Target"),
    Note.report_col_plan: ("Soll", "Plan"),
    Note.report_col_actual: ("Ist", "Actual"),
    Note.report_col_attainment: ("Zielerr.", "Attainm."),
    Note.report_col_forecast: ("Hochrechn.", "Forecast"),
    Note.report_col_previous: ("Vorjahr", "Prev. year"),
    Note.report_col_status: ("Status", "Status"),
    Note.report_col_bar: ("Ist zu Soll", "Actual vs plan"),
    Note.report_col_metric: ("Kennzahl", "Metric"),
    Note.report_col_total: ("Jahr", "Year"),
    Note.report_col_rolling: ("Gleitend 12 Mon.", "Rolling 12 mo."),
    Note.report_col_rolling_previous: ("12 Mon. Vorjahr", "12 mo. a year ago"),
    Note.report_col_change: ("Veränderung", "Change"),
    Note.report_col_planned_change: ("Veränd. geplant", "Planned change"),
    Note.report_status_green: ("● grün", "● green"),
    Note.report_status_amber: ("▲ gelb", "▲ amber"),
    Note.report_status_red: ("■ rot", "■ red"),
    Note.report_status_none: ("–", "–"),
    Note.report_reporting_heading: ("Meldestand {year}", "Reporting status {year}"),
    Note.report_reporting_legend: (
        "✓ freigegeben · G gemeldet · v vorläufig (noch nicht gemeldet) · leer: nach dem "
        "Berichtsmonat oder außerhalb der Projektlaufzeit",
        "✓ approved · R reported · p provisional (not reported yet) · empty: after the "
        "report month or outside the project's period",
    ),
    Note.report_mark_approved: ("✓", "✓"),
    Note.report_mark_reported: ("G", "R"),
    Note.report_mark_open: ("v", "p"),
    Note.report_provisional: (
        "Vorläufig: {count} von {total} Zeilen beruhen auf Monaten, die noch nicht "
        "freigegeben sind ({months}).",
        "Provisional: {count} of {total} rows rest on months not approved yet ({months}).",
    ),
    Note.report_final: (
        "Alle Zahlen beruhen auf freigegebenen Monaten.",
        "Every figure rests on approved months.",
    ),
    Note.report_project_title: ("{project}: {message}", "{project}: {message}"),
    Note.report_project_no_targets: ("ohne Zielwert", "no target value"),
    Note.report_continued: ("{project} (Fortsetzung)", "{project} (continued)"),
    Note.report_grid_heading: ("Monatswerte {year}", "Monthly values {year}"),
    Note.report_chart_heading: (
        "{metric}, bis zum Monat kumuliert ({period})",
        "{metric}, to date at each month ({period})",
    ),
    Note.report_legend_actual: ("Ist", "Actual"),
    Note.report_legend_plan: ("Plan", "Plan"),
    Note.report_legend_forecast: ("Hochrechnung", "Forecast"),
    Note.report_legend_previous: ("Vorjahr", "Previous year"),
    Note.report_legend_delta: ("Δ Plan absolut", "Δ plan absolute"),
    Note.report_legend_delta_pct: ("Δ Plan in %", "Δ plan in %"),
    Note.report_notes_heading: ("Bemerkungen bis {month}", "Notes up to {month}"),
    Note.report_no_notes: ("Keine Bemerkungen.", "No notes."),
    Note.report_official_heading: (
        "Amtliche Kennzahlen, gleitend 12 Monate bis {month}",
        "Official figures, rolling 12 months up to {month}",
    ),
    Note.report_budget_title: (
        "Budget Eingliederungstitel {year}: {spent} € ausgegeben, {quota} des Solls bis {month}",
        "Budget of the Eingliederungstitel {year}: {spent} € spent, {quota} of plan up to {month}",
    ),
    Note.report_budget_title_none: (
        "Budget Eingliederungstitel {year}: noch kein Soll bis {month}",
        "Budget of the Eingliederungstitel {year}: no plan to date up to {month}",
    ),
    Note.report_budget_lead: (
        "Beträge in €, wie „aipdesk budget status --year {year} --month {month}“. {allocation}",
        "Amounts in €, as “aipdesk budget status --year {year} --month {month}”. {allocation}",
    ),
    Note.report_budget_table_heading: (
        "Plan, Bindungen und Ausgaben bis {month}",
        "Plan, commitments and spending up to {month}",
    ),
    Note.report_budget_chart_heading: (
        "Ausgaben gegen Soll je Gruppe bis {month} (Δ: Ausgaben − Soll)",
        "Spending against plan per group up to {month} (Δ: spent − plan to date)",
    ),
    Note.report_budget_col_line: ("Gruppe / Instrument", "Group / instrument"),
    Note.report_budget_col_plan: ("Plan", "Plan"),
    Note.report_budget_col_to_date: ("Soll", "To date"),
    Note.report_budget_col_committed: ("Gebunden", "Committed"),
    Note.report_budget_col_spent: ("Ausgaben", "Spent"),
    Note.report_budget_col_available: ("Verfügbar", "Available"),
    Note.report_budget_col_committed_pct: ("Bind.q.", "Comm. %"),
    Note.report_budget_col_spent_pct: ("Ausg.q.", "Spent %"),
    Note.report_budget_legend_to_date: ("Soll", "Plan to date"),
    Note.report_budget_legend_spent: ("Ausgaben (Ist)", "Spent (actual)"),
    Note.report_budget_legend_committed: ("Gebunden", "Committed"),
    Note.report_budget_legend_delta: ("Δ Ausgaben − Soll", "Δ spent − plan"),
}
