<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../aipdesk/ui/backup_actions.py" line="33"/>
        <location filename="../../aipdesk/ui/backup_actions.py" line="43"/>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/backup_actions.py" line="35"/>
        <source>aipdesk database (*.sqlite *.db);;All files (*)</source>
        <translation>aipdesk-Datenbank (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/backup_actions.py" line="40"/>
        <source>Replace the database by the state saved in {0}?

The current state is backed up first: Undo (Ctrl+Z) brings it back.</source>
        <translation>Die Datenbank durch den in {0} gesicherten Stand ersetzen?

Der jetzige Stand wird vorher gesichert: Rückgängig (Strg+Z) holt ihn zurück.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/backup_actions.py" line="52"/>
        <source>{0}

Restore the newest backup now? The damaged file is kept as a backup.</source>
        <translation>{0}

Die neueste Sicherung jetzt wiederherstellen? Die beschädigte Datei bleibt als Sicherung erhalten.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/backup_actions.py" line="54"/>
        <source>Database damaged</source>
        <translation>Datenbank beschädigt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/backup_actions.py" line="65"/>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/backup_actions.py" line="77"/>
        <source>Restore refused</source>
        <translation>Wiederherstellung abgelehnt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/backup_actions.py" line="81"/>
        <source>Restore failed</source>
        <translation>Wiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/backup_actions.py" line="84"/>
        <source>The previous state is saved in {0}.</source>
        <translation>Der vorherige Stand ist gesichert in {0}.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/backup_actions.py" line="89"/>
        <source>Restored from {0}.</source>
        <translation>Wiederhergestellt aus {0}.</translation>
    </message>
</context>
<context>
    <name>BudgetChart</name>
    <message>
        <location filename="../../aipdesk/ui/chart/budget_chart.py" line="56"/>
        <source>Budget chart</source>
        <translation>Budgetdiagramm</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/budget_chart.py" line="60"/>
        <source>Select a budget line in the table to see its chart.</source>
        <translation>Wählen Sie eine Budgetzeile in der Tabelle, um ihr Diagramm zu sehen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/budget_chart.py" line="106"/>
        <source>{0}, {1}: plan to date {2} €, spent {3} €, committed {4} €; plan for the year {5} €.</source>
        <translation>{0}, {1}: Plan bis dahin {2} €, ausgegeben {3} €, gebunden {4} €; Jahresplan {5} €.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/budget_chart.py" line="133"/>
        <source>Report month {0} · amounts in €</source>
        <translation>Berichtsmonat {0} · Beträge in €</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/budget_chart.py" line="177"/>
        <source>Plan to date (plan curve)</source>
        <translation>Plan bis dahin (Plankurve)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/budget_chart.py" line="178"/>
        <source>Spent to date</source>
        <translation>Ausgaben bis dahin</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/budget_chart.py" line="179"/>
        <source>Committed</source>
        <translation>Gebunden</translation>
    </message>
</context>
<context>
    <name>BudgetGridModel</name>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="209"/>
        <source>Spending</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="210"/>
        <source>Commitments due {0}</source>
        <translation>Bindungen fällig {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="220"/>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="220"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="254"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="257"/>
        <source>Note: {0}</source>
        <translation>Bemerkung: {0}</translation>
    </message>
</context>
<context>
    <name>BudgetModel</name>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="85"/>
        <source>Budget line</source>
        <translation>Budgetzeile</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="86"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="87"/>
        <source>Plan to
report month</source>
        <translation>Plan bis
Berichtsmonat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="88"/>
        <source>Committed</source>
        <translation>Gebunden</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="89"/>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="90"/>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="91"/>
        <source>Commitment
rate</source>
        <translation>Bindungs-
quote</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="92"/>
        <source>Spending
rate</source>
        <translation>Ausgabe-
quote</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="93"/>
        <source>Forecast</source>
        <translation>Hochrechnung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="94"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="95"/>
        <source>Previous
year</source>
        <translation>Vorjahr</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="96"/>
        <source>Cost per
result</source>
        <translation>Kosten je
Ergebnis</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="109"/>
        <source>of which {0}</source>
        <translation>davon {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/budget_model.py" line="141"/>
        <source>Spent to date ÷ {0} results</source>
        <translation>Ausgaben bis dahin ÷ {0} Ergebnisse</translation>
    </message>
</context>
<context>
    <name>BudgetPane</name>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="84"/>
        <source>Budget by instrument</source>
        <translation>Budget nach Instrumenten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="100"/>
        <source>Monthly budget entries</source>
        <translation>Monatliche Budgetwerte</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="116"/>
        <source>Edit &amp;note…</source>
        <translation>&amp;Bemerkung bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="122"/>
        <source>Show &amp;history…</source>
        <translation>&amp;Verlauf anzeigen…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="133"/>
        <source>Type an amount in euros (350.000,30 or 400000.20); Enter moves down, Tab right, Delete clears, Ctrl+V pastes from a spreadsheet, Shift+F2 edits the note, Ctrl+H shows the history. Every entry can be undone (Ctrl+Z).</source>
        <translation>Betrag in Euro eingeben (350.000,30 oder 400000.20); Enter geht nach unten, Tab nach rechts, Entf löscht, Strg+V fügt aus einer Tabellenkalkulation ein, Umschalt+F2 bearbeitet die Bemerkung, Strg+H zeigt den Verlauf. Jede Eingabe lässt sich rückgängig machen (Strg+Z).</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="144"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="150"/>
        <source>&amp;Plan and plan curve…</source>
        <translation>&amp;Plan und Plankurve…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="164"/>
        <source>Monthly entry</source>
        <translation>Monatswerte</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="165"/>
        <source>Plan curve and spending</source>
        <translation>Plankurve und Ausgaben</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="188"/>
        <source>This database holds no budget.</source>
        <translation>Diese Datenbank enthält kein Budget.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="205"/>
        <source>Budget of the Eingliederungstitel {0}, report month {1} (amounts in €)</source>
        <translation>Budget Eingliederungstitel {0}, Berichtsmonat {1} (Beträge in €)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="224"/>
        <source>Allocation {0} − administration {1} = EGL {2}; bound by prior commitments {3}; available for planning {4}</source>
        <translation>Zuteilung {0} − Entnahme Verwaltung {1} = EGL-Leistungen {2}; durch Vorbindungen gebunden {3}; verfügbar für die Planung {4}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="277"/>
        <source>{0}: select an instrument to enter its monthly values.</source>
        <translation>{0}: Wählen Sie ein Instrument, um seine Monatswerte einzugeben.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="282"/>
        <source>Monthly values {0} – {1}</source>
        <translation>Monatswerte {0} – {1}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="404"/>
        <source>The clipboard holds {0} rows × {1} columns, but from the selected cell the grid has room for {2} rows × {3} months. Nothing was stored.</source>
        <translation>Die Zwischenablage enthält {0} Zeilen × {1} Spalten, ab der gewählten Zelle ist im Raster Platz für {2} Zeilen × {3} Monate. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="421"/>
        <source>Nothing was stored.</source>
        <translation>Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/budget.py" line="453"/>
        <source>Enter the amount first.</source>
        <translation>Bitte zuerst den Betrag eingeben: Eine Bemerkung gehört zu einem Wert.</translation>
    </message>
</context>
<context>
    <name>BudgetPlanDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/budget_plan_dialog.py" line="43"/>
        <source>Plan and plan curve – {0}</source>
        <translation>Plan und Plankurve – {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/budget_plan_dialog.py" line="49"/>
        <source>Plan for the year (€):</source>
        <translation>Plan für das Jahr (€):</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/budget_plan_dialog.py" line="53"/>
        <source>Weight of each month: the plan to date is the plan times the share of the weights up to the month. Equal weights (or none) are linear.</source>
        <translation>Gewicht je Monat: der Plan bis zum Monat ist der Plan mal dem Anteil der Gewichte bis dahin. Gleiche Gewichte (oder keine) sind linear.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/budget_plan_dialog.py" line="62"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/budget_plan_dialog.py" line="69"/>
        <source>&amp;Linear</source>
        <translation>&amp;Linear</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/budget_plan_dialog.py" line="103"/>
        <source>{0}: &quot;{1}&quot; is not a weight (a number, not negative)</source>
        <translation>{0}: „{1}“ ist kein Gewicht (eine Zahl, nicht negativ)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/budget_plan_dialog.py" line="110"/>
        <source>The weights add up to 0: there is no plan curve.</source>
        <translation>Die Gewichte ergeben zusammen 0: das ist keine Plankurve.</translation>
    </message>
</context>
<context>
    <name>CopyTargetsDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="29"/>
        <source>Copy targets to {0}</source>
        <translation>Zielwerte nach {0} kopieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="35"/>
        <source>These {0} targets of {1} are copied to {2}, with their plan curves; the step can be undone:</source>
        <translation>Diese {0} Zielwerte von {1} werden mit ihren Plankurven nach {2} kopiert; der Schritt lässt sich rückgängig machen:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="39"/>
        <source>No target of {0} can be copied to {1}.</source>
        <translation>Kein Zielwert von {0} kann nach {1} kopiert werden.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="46"/>
        <source>Targets to copy</source>
        <translation>Zu kopierende Zielwerte</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="53"/>
        <source>Targets not copied</source>
        <translation>Nicht kopierte Zielwerte</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="57"/>
        <source>Not copied:</source>
        <translation>Nicht kopiert:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="64"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="90"/>
        <source>without a number</source>
        <translation>ohne Zahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="96"/>
        <source>already has a target in {0}</source>
        <translation>hat für {0} schon einen Zielwert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="99"/>
        <source>the project is deactivated</source>
        <translation>das Projekt ist deaktiviert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="101"/>
        <source>the project period ends {0}</source>
        <translation>der Projektzeitraum endet {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/copy_targets_dialog.py" line="102"/>
        <source>its target period {0} is not a calendar year and stays as it is</source>
        <translation>der Zielzeitraum {0} ist kein Kalenderjahr und bleibt, wie er ist</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="78"/>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="123"/>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="172"/>
        <source>Reporting status</source>
        <translation>Meldestand</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="87"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="97"/>
        <source>Targets and progress</source>
        <translation>Zielwerte und Fortschritt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="122"/>
        <source>Progress</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="214"/>
        <source>Report month {0} – {1}.</source>
        <translation>Berichtsmonat {0} – {1}.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="218"/>
        <source>Report month {0}, as chosen.</source>
        <translation>Berichtsmonat {0}, wie gewählt.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="222"/>
        <source>Reporting status up to {0}: every project has logged every month.</source>
        <translation>Meldestand bis {0}: Alle Projekte haben alle Monate erfasst.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="227"/>
        <source>{0} more</source>
        <translation>{0} weitere</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="229"/>
        <source>Reporting status up to {0}: {1} of {2} projects complete; months missing: {3} – see the tab Reporting status.</source>
        <translation>Meldestand bis {0}: {1} von {2} Projekten vollständig; es fehlen Monate: {3} – siehe Reiter „Meldestand“.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="246"/>
        <source>Budget {0} up to {1}: {2} of {3} spent ({4}), committed {5} ({6}), forecast {7} – {8}</source>
        <translation>Budget {0} bis {1}: {2} von {3} ausgegeben ({4}), gebunden {5} ({6}), Hochrechnung {7} – {8}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="263"/>
        <source>Reporting status ✓</source>
        <translation>Meldestand ✓</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="265"/>
        <source>Reporting status (1 missing)</source>
        <translation>Meldestand (1 fehlt)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/dashboard.py" line="266"/>
        <source>Reporting status ({0} missing)</source>
        <translation>Meldestand ({0} fehlen)</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <location filename="../../aipdesk/ui/month_close.py" line="83"/>
        <source>Deadline</source>
        <translation>Meldeschluss</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/month_close.py" line="86"/>
        <source>Deadline for {0} (default: the 10th of the following month):</source>
        <translation>Meldeschluss für {0} (sonst der 10. des Folgemonats):</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="41"/>
        <source>Please wait</source>
        <translation>Bitte warten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="63"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="85"/>
        <source>Export workbook</source>
        <translation>Arbeitsmappe exportieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="87"/>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="145"/>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="169"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="93"/>
        <source>Writing the workbook…</source>
        <translation>Arbeitsmappe wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="106"/>
        <source>Workbook exported</source>
        <translation>Arbeitsmappe exportiert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="107"/>
        <source>The workbook was saved as
{0}</source>
        <translation>Die Arbeitsmappe wurde gespeichert als
{0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="117"/>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="132"/>
        <source>All projects</source>
        <translation>Alle Projekte</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="135"/>
        <source>Entry template</source>
        <translation>Erfassungsvorlage</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="135"/>
        <source>Template for:</source>
        <translation>Vorlage für:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="143"/>
        <source>Save entry template</source>
        <translation>Erfassungsvorlage speichern</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="149"/>
        <source>Writing the template…</source>
        <translation>Vorlage wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="158"/>
        <source>Entry template saved: {0}</source>
        <translation>Erfassungsvorlage gespeichert: {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="167"/>
        <source>Import workbook</source>
        <translation>Arbeitsmappe importieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="173"/>
        <source>Reading the workbook…</source>
        <translation>Arbeitsmappe wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="197"/>
        <source>Import done: {0} values stored.</source>
        <translation>Import abgeschlossen: {0} Werte gespeichert.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="207"/>
        <source>Merge another aipdesk database</source>
        <translation>Andere aipdesk-Datenbank zusammenführen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="209"/>
        <source>aipdesk database (*.sqlite *.db);;All files (*)</source>
        <translation>aipdesk-Datenbank (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="214"/>
        <source>Comparing the databases…</source>
        <translation>Datenbanken werden verglichen…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="224"/>
        <source>{0}: {1} new values, {2} conflicts.</source>
        <translation>{0}: {1} neue Werte, {2} Konflikte.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="229"/>
        <source>Merge databases</source>
        <translation>Datenbanken zusammenführen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="237"/>
        <source>Keep &amp;ours</source>
        <translation>&amp;Hier behalten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="238"/>
        <source>Take &amp;theirs</source>
        <translation>&amp;Dort übernehmen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="244"/>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/exchange_actions.py" line="257"/>
        <source>Merge done: {0} values taken.</source>
        <translation>Zusammenführung abgeschlossen: {0} Werte übernommen.</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="70"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="71"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="73"/>
        <source>Target</source>
        <translation>Zielwert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="74"/>
        <source>Attainment</source>
        <translation>Zielerreichung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="72"/>
        <source>Total / Ø</source>
        <translation>Summe / Ø</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="77"/>
        <source>The year&apos;s logged months: their sum; for stocks (Ø) their average</source>
        <translation>Die gemeldeten Monate des Jahres: ihre Summe; bei Bestandsgrößen (Ø) ihr Durchschnitt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="140"/>
        <source>Average (Ø) of the logged months of {0}: {1}</source>
        <translation>Durchschnitt (Ø) der gemeldeten Monate {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="142"/>
        <source>Sum of the logged months of {0}: {1}</source>
        <translation>Summe der gemeldeten Monate {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="150"/>
        <source>Target and attainment: period {0} up to the report month – actual {1}, plan {2}, target {3}</source>
        <translation>Zielwert und Zielerreichung: Zeitraum {0} bis zum Berichtsmonat – Ist {1}, Soll {2}, Zielwert {3}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="174"/>
        <source>Outside the project period: not editable</source>
        <translation>Außerhalb des Projektzeitraums: nicht änderbar</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="177"/>
        <source>Month approved: locked (reopen it from the context menu to change it)</source>
        <translation>Monat freigegeben: gesperrt (zum Ändern im Kontextmenü wieder öffnen)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="180"/>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="192"/>
        <source>Note: {0}</source>
        <translation>Bemerkung: {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/grid_model.py" line="190"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
</context>
<context>
    <name>GridPane</name>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="83"/>
        <source>Monthly values</source>
        <translation>Monatswerte</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="85"/>
        <source>Training entries per month</source>
        <translation>Weiterbildungseintritte je Monat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="112"/>
        <source>Type a number to log it; Enter moves down, Tab right, Delete clears, Ctrl+C copies, Ctrl+V pastes from a spreadsheet. Shift+F2 edits the note; right-click a cell (or press the menu key) for its note, history and the monthly close. Grey cells lie outside the project period or in an approved (locked) month.</source>
        <translation>Zahl eintippen, um sie zu erfassen; Enter geht nach unten, Tab nach rechts, Entf löscht, Strg+C kopiert, Strg+V fügt aus einer Tabellenkalkulation ein. Umschalt+F2 bearbeitet die Bemerkung; Rechtsklick auf eine Zelle (oder die Menütaste) für Bemerkung, Verlauf und Monatsabschluss. Graue Zellen liegen außerhalb des Projektzeitraums oder in einem freigegebenen (gesperrten) Monat.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="122"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="140"/>
        <source>Edit &amp;note…</source>
        <translation>&amp;Bemerkung bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="142"/>
        <source>Show &amp;history…</source>
        <translation>&amp;Verlauf anzeigen…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="144"/>
        <source>&amp;Clear value</source>
        <translation>Wert &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="147"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="151"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="333"/>
        <source>Select a month cell to paste into.</source>
        <translation>Zum Einfügen eine Monatszelle auswählen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="342"/>
        <source>Pasted: nothing changed.</source>
        <translation>Eingefügt: nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="350"/>
        <source>Pasted; values changed: {0}.</source>
        <translation>Eingefügt; geänderte Werte: {0}.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="380"/>
        <source>This cell cannot be edited: it lies outside the project period or is computed.</source>
        <translation>Diese Zelle lässt sich nicht bearbeiten: Sie liegt außerhalb des Projektzeitraums oder wird berechnet.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/grid.py" line="391"/>
        <source>Log a value first: a note belongs to a monthly value.</source>
        <translation>Zuerst einen Wert erfassen: Eine Bemerkung gehört zu einem Monatswert.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="68"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="71"/>
        <source>&amp;Manual</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="75"/>
        <source>&amp;About aipdesk</source>
        <translation>Ü&amp;ber aipdesk</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="78"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="94"/>
        <source>Show a pane (Overview … Targets)</source>
        <translation>Ansicht zeigen (Übersicht … Ziele)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="95"/>
        <source>Next, previous pane</source>
        <translation>Nächste, vorherige Ansicht</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="98"/>
        <source>Choose the year, the report month</source>
        <translation>Jahr, Berichtsmonat wählen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="100"/>
        <source>Undo the last change</source>
        <translation>Letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="101"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="102"/>
        <source>Digits</source>
        <translation>Ziffern</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="102"/>
        <source>Entry grid: type a value; Enter stores it</source>
        <translation>Erfassung: Wert tippen; Enter speichert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="103"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="103"/>
        <source>Entry grid: store and move down</source>
        <translation>Erfassung: speichern und nach unten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="104"/>
        <source>Entry grid: store and move right</source>
        <translation>Erfassung: speichern und nach rechts</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="105"/>
        <source>Entry grid: clear the value</source>
        <translation>Erfassung: Wert löschen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="106"/>
        <source>Entry grid: paste cells copied from Excel</source>
        <translation>Erfassung: aus Excel kopierte Zellen einfügen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="107"/>
        <source>Entry grid: edit the note (Bemerkung)</source>
        <translation>Erfassung: Bemerkung bearbeiten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="108"/>
        <source>Entry grid: history of the value</source>
        <translation>Erfassung: Historie des Werts</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="109"/>
        <source>Export the workbook</source>
        <translation>Arbeitsmappe exportieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="110"/>
        <source>Import a workbook</source>
        <translation>Arbeitsmappe importieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="111"/>
        <source>Read everything again</source>
        <translation>Alles neu laden</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="112"/>
        <location filename="../../aipdesk/ui/help.py" line="151"/>
        <location filename="../../aipdesk/ui/help.py" line="155"/>
        <source>Manual</source>
        <translation>Handbuch</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="113"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="119"/>
        <location filename="../../aipdesk/ui/help.py" line="124"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="125"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="125"/>
        <source>What they do</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="160"/>
        <location filename="../../aipdesk/ui/help.py" line="161"/>
        <source>Close the manual</source>
        <translation>Handbuch schließen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="178"/>
        <source>About aipdesk</source>
        <translation>Über aipdesk</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="190"/>
        <source>aipdesk {0}

Steering the yearly labour-market and integration programme (AIP) of a Jobcenter: monthly values, targets, progress and the workbook for management.

Licence: {1}</source>
        <translation>aipdesk {0}

Steuerung des jährlichen Arbeitsmarkt- und Integrationsprogramms (AIP) eines Jobcenters: Monatswerte, Ziele, Zielerreichung und die Arbeitsmappe für die Geschäftsführung.

Lizenz: {1}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="39"/>
        <source>History</source>
        <translation>Änderungsverlauf</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="46"/>
        <source>Changes of this value</source>
        <translation>Änderungen dieses Werts</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="49"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="50"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="51"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="52"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="53"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="72"/>
        <source>No changes recorded for this value.</source>
        <translation>Zu diesem Wert sind keine Änderungen protokolliert.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="80"/>
        <source>command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="81"/>
        <source>window</source>
        <translation>Programmoberfläche</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="82"/>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="83"/>
        <source>merge</source>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="84"/>
        <source>demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/history_dialog.py" line="85"/>
        <source>catalogue</source>
        <translation>Katalog</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="40"/>
        <source>Import preview</source>
        <translation>Vorschau des Imports</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="46"/>
        <source>{source}: {new} new, {changed} changed, {unchanged} unchanged, {conflicts} in conflict. Nothing is stored before you confirm.</source>
        <translation>{source}: {new} neu, {changed} geändert, {unchanged} unverändert, {conflicts} im Konflikt. Gespeichert wird erst nach Bestätigung.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="87"/>
        <source>Values of the file</source>
        <translation>Werte der Datei</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="89"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="63"/>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="90"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="61"/>
        <source>Values by project and metric</source>
        <translation>Werte je Projekt und Kennzahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="64"/>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="91"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="65"/>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="76"/>
        <source>The first {0} values to store:</source>
        <translation>Die ersten {0} Werte zum Speichern:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="78"/>
        <source>The first {0} values to store ({1} more are counted above):</source>
        <translation>Die ersten {0} Werte zum Speichern (weitere {1} sind oben gezählt):</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="92"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="93"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="94"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="105"/>
        <source>&amp;Keep the database&apos;s value where it conflicts</source>
        <translation>Bei Konflikten den Wert der Datenbank &amp;behalten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="111"/>
        <source>A conflict is a value that was changed in the database after the file was made.</source>
        <translation>Ein Konflikt ist ein Wert, der in der Datenbank nach dem Erstellen der Datei geändert wurde.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="118"/>
        <source>&amp;Store</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="122"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="66"/>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="172"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="67"/>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="173"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="68"/>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="174"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="69"/>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="175"/>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/import_dialog.py" line="181"/>
        <source>({0}, {1})</source>
        <translation>({0}, {1})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="109"/>
        <source>aipdesk – labour-market and integration programme</source>
        <translation>aipdesk – Arbeitsmarkt- und Integrationsprogramm</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="119"/>
        <source>Panes</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="136"/>
        <source>&amp;Overview</source>
        <translation>Über&amp;sicht</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="137"/>
        <source>&amp;Projects</source>
        <translation>&amp;Projekte</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="138"/>
        <source>&amp;Integrations</source>
        <translation>&amp;Integrationen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="139"/>
        <source>&amp;Training</source>
        <translation>&amp;Weiterbildung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="140"/>
        <source>Tar&amp;gets</source>
        <translation>&amp;Ziele</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="29"/>
        <source>Entry &amp;template…</source>
        <translation>Erfassungs&amp;vorlage…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="31"/>
        <source>&amp;Merge database…</source>
        <translation>Datenbank &amp;zusammenführen…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="33"/>
        <source>&amp;Report as PDF…</source>
        <translation>&amp;Bericht als PDF…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="35"/>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="41"/>
        <source>Write the year&apos;s figures as an Excel workbook</source>
        <translation>Die Zahlen des Jahres als Excel-Arbeitsmappe schreiben</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="47"/>
        <source>Take values from an entry template or an export</source>
        <translation>Werte aus einer Erfassungsvorlage oder einem Export übernehmen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="53"/>
        <source>An Excel sheet for team leads to fill in offline</source>
        <translation>Ein Excel-Blatt, das Teamleitungen offline ausfüllen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="59"/>
        <source>Take the values of another aipdesk database</source>
        <translation>Die Werte einer anderen aipdesk-Datenbank übernehmen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="63"/>
        <source>The month&apos;s controlling report as an archivable PDF (PDF/A)</source>
        <translation>Der Controllingbericht des Monats als archivierbares PDF (PDF/A)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="69"/>
        <source>Print the month&apos;s controlling report</source>
        <translation>Den Controllingbericht des Monats drucken</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="76"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="77"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="153"/>
        <source>&amp;Next pane</source>
        <translation>&amp;Nächste Ansicht</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="156"/>
        <source>P&amp;revious pane</source>
        <translation>&amp;Vorherige Ansicht</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="167"/>
        <source>&amp;IBCS notation in the chart</source>
        <translation>&amp;IBCS-Notation im Diagramm</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="171"/>
        <source>Actual solid and dark, plan outlined, forecast dashed, previous year grey</source>
        <translation>Ist ausgefüllt und dunkel, Plan umrandet, Hochrechnung gestrichelt, Vorjahr grau</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="244"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="320"/>
        <source>Database: {0} · User: {1}</source>
        <translation>Datenbank: {0} · Benutzer: {1}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="195"/>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="141"/>
        <source>&amp;Budget</source>
        <translation>&amp;Budget</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="208"/>
        <source>Read-only: you have no write permission for this database. You can look at everything and export it, but not change anything.</source>
        <translation>Schreibgeschützt: Sie haben keine Schreibrechte für diese Datenbank. Sie können alles ansehen und exportieren, aber nichts ändern.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="229"/>
        <source>Backup restored</source>
        <translation>Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="25"/>
        <source>E&amp;xport workbook…</source>
        <translation>Arbeitsmappe e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="27"/>
        <source>&amp;Import workbook…</source>
        <translation>Arbeitsmappe &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="80"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="84"/>
        <source>&amp;Restore backup…</source>
        <translation>Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="86"/>
        <source>Replace the database by a backup (the current state is backed up first)</source>
        <translation>Die Datenbank durch eine Sicherung ersetzen (der jetzige Stand wird vorher gesichert)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="92"/>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="99"/>
        <source>Header</source>
        <translation>Kopfleiste</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="106"/>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="109"/>
        <source>Report month</source>
        <translation>Berichtsmonat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="87"/>
        <location filename="../../aipdesk/ui/window_chrome.py" line="111"/>
        <source>&amp;Year:</source>
        <translation>&amp;Jahr:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/help.py" line="88"/>
        <location filename="../../aipdesk/ui/window_chrome.py" line="113"/>
        <source>Report &amp;month:</source>
        <translation>Berichts&amp;monat:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="128"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="184"/>
        <source>For &amp;review…</source>
        <translation>Zur &amp;Klärung…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="186"/>
        <source>Values stored although implausible, until they are checked</source>
        <translation>Trotz Unplausibilität gespeicherte Werte, bis sie geprüft sind</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="200"/>
        <location filename="../../aipdesk/ui/window_chrome.py" line="141"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/window_chrome.py" line="144"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="304"/>
        <location filename="../../aipdesk/ui/main_window.py" line="307"/>
        <source>Loading failed</source>
        <translation>Laden fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/main_window.py" line="351"/>
        <source>Year {0}, report month {1}</source>
        <translation>Jahr {0}, Berichtsmonat {1}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="108"/>
        <source>Input rejected</source>
        <translation>Eingabe nicht übernommen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="114"/>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="127"/>
        <source>The window now shows the current values.</source>
        <translation>Die Anzeige zeigt jetzt den aktuellen Stand.</translation>
    </message>
</context>
<context>
    <name>MetricDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="59"/>
        <source>New metric</source>
        <translation>Neue Kennzahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="61"/>
        <source>Change metric {0}</source>
        <translation>Kennzahl {0} ändern</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="96"/>
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="98"/>
        <source>e.g. integrations_women</source>
        <translation>z. B. integrations_women</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="101"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="102"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="103"/>
        <source>Count (adds up over months)</source>
        <translation>Zählgröße (summiert sich über die Monate)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="104"/>
        <source>Stock (level at month end)</source>
        <translation>Bestand (Stand am Monatsende)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="105"/>
        <source>Ratio (count ÷ average stock)</source>
        <translation>Quote (Zählgröße ÷ durchschnittlicher Bestand)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="108"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="110"/>
        <source>Better is</source>
        <translation>Besser ist</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="111"/>
        <source>more</source>
        <translation>mehr</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="112"/>
        <source>less</source>
        <translation>weniger</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="113"/>
        <source>Part of (davon)</source>
        <translation>Teil von (davon)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="115"/>
        <source>One part of a split: the parts never add up to more than the whole</source>
        <translation>Teil einer Aufteilung: die Teile ergeben zusammen nie mehr als das Ganze</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="118"/>
        <source>Numerator (a count)</source>
        <translation>Zähler (eine Zählgröße)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="119"/>
        <source>Denominator (a stock)</source>
        <translation>Nenner (ein Bestand)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="123"/>
        <source>– none –</source>
        <translation>– keine –</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="131"/>
        <source>Green from</source>
        <translation>Grün ab</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="132"/>
        <source>Amber from</source>
        <translation>Gelb ab</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="133"/>
        <source>Entered in</source>
        <translation>Erfasst in</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="134"/>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="135"/>
        <source>Training</source>
        <translation>Weiterbildung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="144"/>
        <source>&amp;Code:</source>
        <translation>&amp;Kürzel:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="145"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="146"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="147"/>
        <source>&amp;Unit:</source>
        <translation>Ein&amp;heit:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="148"/>
        <source>&amp;Better is:</source>
        <translation>&amp;Besser ist:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="149"/>
        <source>&amp;Part of (davon):</source>
        <translation>Teil von (&amp;davon):</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="151"/>
        <source>N&amp;umerator:</source>
        <translation>&amp;Zähler:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="152"/>
        <source>&amp;Denominator:</source>
        <translation>N&amp;enner:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="153"/>
        <source>&amp;Green from:</source>
        <translation>&amp;Grün ab:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="154"/>
        <source>&amp;Amber from:</source>
        <translation>Ge&amp;lb ab:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="155"/>
        <source>&amp;Entered in:</source>
        <translation>Erfasst &amp;in:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="174"/>
        <source>The code of a metric cannot be changed</source>
        <translation>Das Kürzel einer Kennzahl lässt sich nicht ändern</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="237"/>
        <source>Type a code: letters, digits, _ and -.</source>
        <translation>Bitte ein Kürzel eingeben: Buchstaben, Ziffern, _ und -.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="240"/>
        <source>“{0}” is not a valid code: letters, digits, _ and -, at most 32.</source>
        <translation>„{0}“ ist kein gültiges Kürzel: Buchstaben, Ziffern, _ und -, höchstens 32 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="243"/>
        <source>A metric with the code “{0}” exists already.</source>
        <translation>Eine Kennzahl mit dem Kürzel „{0}“ gibt es schon.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="245"/>
        <source>Type a name.</source>
        <translation>Bitte einen Namen eingeben.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metric_dialog.py" line="249"/>
        <source>A ratio needs a count as numerator and a stock as denominator.</source>
        <translation>Eine Quote braucht eine Zählgröße als Zähler und einen Bestand als Nenner.</translation>
    </message>
</context>
<context>
    <name>MetricsDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="123"/>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="130"/>
        <source>Metrics of the catalogue</source>
        <translation>Kennzahlen des Katalogs</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="140"/>
        <source>&amp;New metric…</source>
        <translation>&amp;Neue Kennzahl…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="142"/>
        <source>C&amp;hange…</source>
        <translation>Än&amp;dern…</translation>
    </message>
</context>
<context>
    <name>MetricsModel</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="57"/>
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="58"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="59"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="60"/>
        <source>Part of</source>
        <translation>davon von</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="61"/>
        <source>Ratio of</source>
        <translation>Quote aus</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="62"/>
        <source>Better is</source>
        <translation>Besser ist</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="63"/>
        <source>Green / amber from</source>
        <translation>Grün / gelb ab</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="64"/>
        <source>Entered in</source>
        <translation>Erfasst in</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="92"/>
        <source>count</source>
        <translation>Zählgröße</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="93"/>
        <source>stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="94"/>
        <source>ratio</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="100"/>
        <source>{0} (split)</source>
        <translation>{0} (Aufteilung)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="107"/>
        <source>more</source>
        <translation>mehr</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="107"/>
        <source>less</source>
        <translation>weniger</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="111"/>
        <source>computed</source>
        <translation>berechnet</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="112"/>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/metrics_dialog.py" line="112"/>
        <source>Training</source>
        <translation>Weiterbildung</translation>
    </message>
</context>
<context>
    <name>MonthClose</name>
    <message>
        <location filename="../../aipdesk/ui/month_close.py" line="120"/>
        <source>Change deadline…</source>
        <translation>Meldeschluss ändern…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/month_close.py" line="140"/>
        <source>Report month</source>
        <translation>Berichtsmonat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/month_close.py" line="144"/>
        <source>Approve month</source>
        <translation>Monat freigeben</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/month_close.py" line="148"/>
        <source>Reopen month…</source>
        <translation>Monat wieder öffnen…</translation>
    </message>
</context>
<context>
    <name>MonthField</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="54"/>
        <source>{0}: month</source>
        <translation>{0}: Monat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="55"/>
        <source>{0}: year</source>
        <translation>{0}: Jahr</translation>
    </message>
</context>
<context>
    <name>Months</name>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="53"/>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="54"/>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="41"/>
        <location filename="../../aipdesk/ui/common.py" line="55"/>
        <source>Mar</source>
        <translation>Mär</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="56"/>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="57"/>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="58"/>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="59"/>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="60"/>
        <source>Aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="61"/>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="62"/>
        <source>Oct</source>
        <translation>Okt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="63"/>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="41"/>
        <location filename="../../aipdesk/ui/common.py" line="64"/>
        <source>Dec</source>
        <translation>Dez</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/note_dialog.py" line="40"/>
        <location filename="../../aipdesk/ui/dialogs/note_dialog.py" line="61"/>
        <source>Note</source>
        <translation>Bemerkung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/note_dialog.py" line="41"/>
        <source>Note on {0}</source>
        <translation>Bemerkung zu {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/note_dialog.py" line="44"/>
        <source>Note on {0}:</source>
        <translation>Bemerkung zu {0}:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/note_dialog.py" line="50"/>
        <source>&amp;Value (a note belongs to a monthly value):</source>
        <translation>&amp;Wert (eine Bemerkung gehört zu einem Monatswert):</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/note_dialog.py" line="53"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/note_dialog.py" line="58"/>
        <source>&amp;Note:</source>
        <translation>&amp;Bemerkung:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/note_dialog.py" line="67"/>
        <source>Ctrl+Enter saves, Esc cancels.</source>
        <translation>Strg+Enter speichert, Esc bricht ab.</translation>
    </message>
</context>
<context>
    <name>Paste</name>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="13"/>
        <source>Nothing was pasted.</source>
        <translation>Nichts wurde eingefügt.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="19"/>
        <source>The clipboard holds no text to paste.</source>
        <translation>Die Zwischenablage enthält keinen Text zum Einfügen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="20"/>
        <source>The clipboard holds more than {0} characters: too much for a grid.</source>
        <translation>Die Zwischenablage enthält mehr als {0} Zeichen: zu viel für eine Tabelle.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="23"/>
        <source>The clipboard holds more than {0} rows: too many for a grid.</source>
        <translation>Die Zwischenablage enthält mehr als {0} Zeilen: zu viele für eine Tabelle.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="26"/>
        <source>The clipboard holds more than {0} columns: a year has 12 months.</source>
        <translation>Die Zwischenablage enthält mehr als {0} Spalten: ein Jahr hat 12 Monate.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="29"/>
        <source>Row {1}, column {2} of the clipboard holds a control character ({3}): only numbers can be pasted.</source>
        <translation>Zeile {1}, Spalte {2} der Zwischenablage enthält ein Steuerzeichen ({3}): Nur Zahlen lassen sich einfügen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="34"/>
        <source>Row {1}, column {2} of the clipboard holds a formula ({3}): copy the values, not the formulas.</source>
        <translation>Zeile {1}, Spalte {2} der Zwischenablage enthält eine Formel ({3}): Bitte die Werte kopieren, nicht die Formeln.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="49"/>
        <source>The clipboard holds {0} rows × {1} columns, but from the selected cell the grid has room for {2} rows × {3} months.</source>
        <translation>Die Zwischenablage enthält {0} Zeilen × {1} Spalten, ab der gewählten Zelle hat die Tabelle aber nur Platz für {2} Zeilen × {3} Monate.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="61"/>
        <source>this row is computed and cannot be edited</source>
        <translation>diese Zeile wird berechnet und lässt sich nicht bearbeiten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="64"/>
        <source>the project is deactivated and cannot be edited</source>
        <translation>das Projekt ist deaktiviert und lässt sich nicht bearbeiten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="67"/>
        <source>the month lies outside the project period</source>
        <translation>der Monat liegt außerhalb des Projektzeitraums</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/paste_text.py" line="73"/>
        <source>{0} more cells of the clipboard cannot be taken either.</source>
        <translation>{0} weitere Zellen der Zwischenablage lassen sich ebenfalls nicht übernehmen.</translation>
    </message>
</context>
<context>
    <name>PlanPreview</name>
    <message>
        <location filename="../../aipdesk/ui/plan_preview.py" line="49"/>
        <source>Soll line preview</source>
        <translation>Vorschau des Soll-Verlaufs</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/plan_preview.py" line="57"/>
        <location filename="../../aipdesk/ui/plan_preview.py" line="71"/>
        <source>Select a target to see its Soll line.</source>
        <translation>Zielwert auswählen, um seinen Soll-Verlauf zu sehen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/plan_preview.py" line="81"/>
        <source>No target number yet: there is no Soll to show.</source>
        <translation>Noch kein Zielwert festgelegt: kein Soll darstellbar.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/plan_preview.py" line="92"/>
        <source>Soll from {0} in {1} to {2} in {3}</source>
        <translation>Soll von {0} ({1}) bis {2} ({3})</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/plan_preview.py" line="164"/>
        <source>Target {0}</source>
        <translation>Zielwert {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/plan_preview.py" line="172"/>
        <source>Report month</source>
        <translation>Berichtsmonat</translation>
    </message>
</context>
<context>
    <name>PlausibilityDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/plausibility_dialog.py" line="36"/>
        <source>Implausible value</source>
        <translation>Unplausibler Wert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/plausibility_dialog.py" line="42"/>
        <source>This value lies far outside its series:</source>
        <translation>Dieser Wert liegt weit außerhalb seiner Reihe:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../aipdesk/ui/dialogs/plausibility_dialog.py" line="44"/>
        <source>%n values lie far outside their series:</source>
        <translation>
            <numerusform>%n Wert liegt weit außerhalb seiner Reihe:</numerusform>
            <numerusform>%n Werte liegen weit außerhalb ihrer Reihe:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../aipdesk/ui/dialogs/plausibility_dialog.py" line="56"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/plausibility_dialog.py" line="63"/>
        <source>Store it all the same? It is then listed for review (Zur Klärung) until a coordinator has checked it.</source>
        <translation>Trotzdem speichern? Er steht dann »Zur Klärung«, bis die Koordination ihn geprüft hat.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/plausibility_dialog.py" line="71"/>
        <source>Note: why the value is right</source>
        <translation>Bemerkung: warum der Wert stimmt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/plausibility_dialog.py" line="73"/>
        <source>&amp;Note (why it is right):</source>
        <translation>&amp;Bemerkung (warum er stimmt):</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/plausibility_dialog.py" line="76"/>
        <source>Store for review</source>
        <translation>Zur Klärung speichern</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="51"/>
        <source>Progress chart</source>
        <translation>Fortschrittsdiagramm</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="221"/>
        <source>Select a target in the table to see its chart.</source>
        <translation>Zielwert in der Tabelle auswählen, um sein Diagramm zu sehen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="162"/>
        <source>Monthly level</source>
        <translation>Bestand je Monat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="114"/>
        <location filename="../../aipdesk/ui/chart/widget.py" line="143"/>
        <source>Loading the chart…</source>
        <translation>Diagramm wird geladen…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="162"/>
        <source>Average to date</source>
        <translation>Durchschnitt bis dahin</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="164"/>
        <source>Monthly rate</source>
        <translation>Quote je Monat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="164"/>
        <source>Rate to date</source>
        <translation>Quote bis dahin</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="166"/>
        <source>Monthly actual</source>
        <translation>Ist je Monat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="166"/>
        <source>Actual to date</source>
        <translation>Ist bis dahin</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="170"/>
        <source>Plan to date</source>
        <translation>Soll bis dahin</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="171"/>
        <source>Target</source>
        <translation>Zielwert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="172"/>
        <source>Forecast</source>
        <translation>Hochrechnung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="173"/>
        <source>Previous year</source>
        <translation>Vorjahr</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="225"/>
        <source>Chart of one target&apos;s progress: monthly actual values as bars; actual to date, plan to date, target, forecast and previous year as lines.</source>
        <translation>Diagramm zur Zielerreichung eines Zielwerts: Monatswerte (Ist) als Balken; Ist bis dahin, Soll bis dahin, Zielwert, Hochrechnung und Vorjahr als Linien.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="333"/>
        <source>Target period {0} – {1} · report month {2}</source>
        <translation>Zielzeitraum {0} – {1} · Berichtsmonat {2}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="354"/>
        <source>Level</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="355"/>
        <source>Rate</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="356"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/chart/widget.py" line="393"/>
        <source>{0}. Actual to date {1}, plan to date {2}, target {3}, forecast {4} (report month {5}).</source>
        <translation>{0}. Ist bis dahin {1}, Soll bis dahin {2}, Zielwert {3}, Hochrechnung {4} (Berichtsmonat {5}).</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="104"/>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="106"/>
        <source>Edit project {0}</source>
        <translation>Projekt {0} bearbeiten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="131"/>
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="133"/>
        <source>e.g. NEUSTART</source>
        <translation>z. B. NEUSTART</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="136"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="139"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="147"/>
        <source>&amp;From</source>
        <translation>&amp;ab</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="148"/>
        <source>Has a start month</source>
        <translation>Mit Anfangsmonat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="148"/>
        <source>Start year</source>
        <translation>Anfangsjahr</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="148"/>
        <source>Start month</source>
        <translation>Anfangsmonat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="154"/>
        <source>&amp;Until</source>
        <translation>b&amp;is</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="155"/>
        <source>Has an end month</source>
        <translation>Mit Endmonat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="155"/>
        <source>End year</source>
        <translation>Endjahr</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="155"/>
        <source>End month</source>
        <translation>Endmonat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="161"/>
        <source>Problems with the input</source>
        <translation>Fehler in der Eingabe</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="165"/>
        <source>Save the project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="167"/>
        <source>Cancel without saving</source>
        <translation>Ohne Speichern abbrechen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="173"/>
        <source>Metrics the project logs</source>
        <translation>Vom Projekt erfasste Kennzahlen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="175"/>
        <source>Space switches the metric under the cursor on or off</source>
        <translation>Leertaste schaltet die Kennzahl unter dem Cursor ein oder aus</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="186"/>
        <source>{0}: already logged by this project</source>
        <translation>{0}: wird von diesem Projekt bereits erfasst</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="196"/>
        <source>&amp;Code:</source>
        <translation>&amp;Kürzel:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="197"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="198"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="199"/>
        <source>Start:</source>
        <translation>Beginn:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="200"/>
        <source>End:</source>
        <translation>Ende:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="201"/>
        <source>&amp;Metrics it logs:</source>
        <translation>&amp;Erfasste Kennzahlen:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="205"/>
        <source>Without a start or end month the project is open-ended on that side.</source>
        <translation>Ohne Anfangs- oder Endmonat ist der Projektzeitraum auf dieser Seite offen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="227"/>
        <source>The code of a project cannot be changed</source>
        <translation>Das Kürzel eines Projekts kann nicht geändert werden</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="241"/>
        <source>Enter a code.</source>
        <translation>Kürzel eingeben.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="245"/>
        <source>The code may hold letters, digits, _ and - only (no spaces, at most 32 characters) and must start with a letter or digit.</source>
        <translation>Das Kürzel darf nur Buchstaben, Ziffern, _ und - enthalten (keine Leerzeichen, höchstens 32 Zeichen) und muss mit einem Buchstaben oder einer Ziffer beginnen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="251"/>
        <source>A project with the code &quot;{0}&quot; exists already.</source>
        <translation>Ein Projekt mit dem Kürzel „{0}“ gibt es bereits.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="256"/>
        <source>Enter a name.</source>
        <translation>Namen eingeben.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/project_dialog.py" line="260"/>
        <source>The end month {0} lies before the start month {1}.</source>
        <translation>Der Endmonat {0} liegt vor dem Anfangsmonat {1}.</translation>
    </message>
</context>
<context>
    <name>ProjectsModel</name>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="88"/>
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="88"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="88"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="88"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="103"/>
        <source>from {0}</source>
        <translation>ab {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="105"/>
        <source>until {0}</source>
        <translation>bis {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="106"/>
        <source>open-ended</source>
        <translation>unbefristet</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="109"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="109"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="153"/>
        <source>Deactivated: accepts no new values</source>
        <translation>Deaktiviert: nimmt keine neuen Werte an</translation>
    </message>
</context>
<context>
    <name>ProjectsPane</name>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="179"/>
        <source>Details of the selected project</source>
        <translation>Details des ausgewählten Projekts</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="188"/>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="207"/>
        <source>&amp;New project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="209"/>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="210"/>
        <source>C&amp;hange…</source>
        <translation>Ände&amp;rn…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="212"/>
        <source>Edit the selected project</source>
        <translation>Ausgewähltes Projekt bearbeiten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="213"/>
        <location filename="../../aipdesk/ui/panes/projects.py" line="301"/>
        <location filename="../../aipdesk/ui/panes/projects.py" line="422"/>
        <source>&amp;Deactivate</source>
        <translation>Dea&amp;ktivieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="215"/>
        <source>&amp;Metrics…</source>
        <translation>&amp;Kennzahlen…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="218"/>
        <source>Metrics: add one, change names, kinds, davon parents and thresholds</source>
        <translation>Kennzahlen: anlegen, Namen, Art, davon-Zuordnung und Ampelschwellen ändern</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="226"/>
        <source>Project &amp;list:</source>
        <translation>Projekt&amp;liste:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="239"/>
        <source>Detail&amp;s:</source>
        <translation>D&amp;etails:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="301"/>
        <location filename="../../aipdesk/ui/panes/projects.py" line="427"/>
        <source>Re&amp;activate</source>
        <translation>Rea&amp;ktivieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="303"/>
        <source>Deactivate the selected project</source>
        <translation>Ausgewähltes Projekt deaktivieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="305"/>
        <source>Reactivate the selected project</source>
        <translation>Ausgewähltes Projekt reaktivieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="312"/>
        <source>Choose a project in the list to see its details.</source>
        <translation>Projekt in der Liste auswählen, um die Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="320"/>
        <source>accepts no new values</source>
        <translation>nimmt keine neuen Werte an</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="322"/>
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="323"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="324"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="329"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="331"/>
        <source>No description.</source>
        <translation>Keine Beschreibung.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="332"/>
        <source>Metrics it logs</source>
        <translation>Erfasste Kennzahlen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="336"/>
        <source>None yet.</source>
        <translation>Noch keine.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="343"/>
        <source>Targets {0}</source>
        <translation>Zielwerte {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="345"/>
        <source>No target in this year.</source>
        <translation>Kein Zielwert in diesem Jahr.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="347"/>
        <source>Plan and actual up to {0}. A target runs over the calendar year unless another period is given.</source>
        <translation>Soll und Ist bis {0}. Ein Zielwert gilt für das Kalenderjahr, sofern kein anderer Zeitraum angegeben ist.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="351"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="352"/>
        <source>Target</source>
        <translation>Zielwert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="353"/>
        <source>Plan to date</source>
        <translation>Soll bis dahin</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="354"/>
        <source>Actual to date</source>
        <translation>Ist bis dahin</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="355"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="369"/>
        <source>period {0}</source>
        <translation>Zeitraum {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="371"/>
        <source>no number</source>
        <translation>ohne Zahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="419"/>
        <source>Deactivate project {0}? It stays in the lists and its figures remain, but it accepts no new values.</source>
        <translation>Projekt {0} deaktivieren? Es bleibt mit seinen Zahlen in den Listen erhalten, nimmt aber keine neuen Werte mehr an.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="424"/>
        <source>Reactivate project {0}? It accepts values again.</source>
        <translation>Projekt {0} reaktivieren? Es nimmt dann wieder Werte an.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="430"/>
        <source>Change project</source>
        <translation>Projekt ändern</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/projects.py" line="436"/>
        <source>Confirm the change</source>
        <translation>Änderung bestätigen</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../aipdesk/ui/month_close.py" line="44"/>
        <source>Reopen month</source>
        <translation>Monat wieder öffnen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/month_close.py" line="48"/>
        <source>{0}: why is the month opened again? The reason is kept in the history.</source>
        <translation>{0}: Warum wird der Monat wieder geöffnet? Die Begründung steht im Änderungsprotokoll.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/month_close.py" line="63"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../aipdesk/ui/report_actions.py" line="44"/>
        <source>Save report as PDF</source>
        <translation>Bericht als PDF speichern</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/report_actions.py" line="44"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/report_actions.py" line="57"/>
        <source>Writing the report…</source>
        <translation>Der Bericht wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/report_actions.py" line="65"/>
        <source>Report saved</source>
        <translation>Bericht gespeichert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/report_actions.py" line="66"/>
        <source>The report ({0} pages) was saved as
{1}</source>
        <translation>Der Bericht ({0} Seiten) wurde gespeichert als
{1}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/report_actions.py" line="82"/>
        <source>Reading the report…</source>
        <translation>Die Zahlen des Berichts werden gelesen…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/report_actions.py" line="98"/>
        <source>Print report</source>
        <translation>Bericht drucken</translation>
    </message>
</context>
<context>
    <name>ReportingMatrixView</name>
    <message>
        <location filename="../../aipdesk/ui/panes/reporting_view.py" line="30"/>
        <source>Reporting status by project and month</source>
        <translation>Meldestand nach Projekt und Monat</translation>
    </message>
</context>
<context>
    <name>ReportingModel</name>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="93"/>
        <source>{0} of {1}</source>
        <translation>{0} von {1}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="105"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="107"/>
        <source>Reported</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="109"/>
        <source>On time</source>
        <translation>Pünktlich</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="118"/>
        <source>Months reported by the deadline, of those reported or past their deadline</source>
        <translation>Bis zum Meldeschluss gemeldete Monate, von den gemeldeten oder über den Meldeschluss hinaus fälligen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="123"/>
        <source>Months reported of the months due, all projects: {0}</source>
        <translation>Gemeldete von fälligen Monaten, alle Projekte: {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="129"/>
        <source>{0}: not due yet</source>
        <translation>{0}: noch nicht fällig</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="130"/>
        <source>{0}: {1} projects reported</source>
        <translation>{0}: {1} Projekten gemeldet</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="154"/>
        <source>{0} of {1} months reported</source>
        <translation>{0} von {1} Monaten gemeldet</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="182"/>
        <source>{0}: no deadline passed yet</source>
        <translation>{0}: noch kein Meldeschluss vorbei</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="183"/>
        <source>{0}: {1} months reported on time ({2} %)</source>
        <translation>{0}: {1} Monaten pünktlich gemeldet ({2} %)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="222"/>
        <source>all values logged</source>
        <translation>alle Werte erfasst</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="223"/>
        <source>not complete: {0}</source>
        <translation>nicht vollständig: {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="224"/>
        <source>after the report month, logged already</source>
        <translation>nach dem Berichtsmonat, schon erfasst</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="236"/>
        <source>approved by {0} (locked)</source>
        <translation>freigegeben von {0} (gesperrt)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="238"/>
        <source>reported by {0}</source>
        <translation>gemeldet von {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="240"/>
        <source>not reported by the team lead</source>
        <translation>von der Teamleitung nicht gemeldet</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="242"/>
        <source>on time (deadline {0})</source>
        <translation>pünktlich (Meldeschluss {0})</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="245"/>
        <source>missing (deadline {0} passed)</source>
        <translation>fehlt (Meldeschluss {0} vorbei)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="247"/>
        <source>late (deadline {0})</source>
        <translation>verspätet (Meldeschluss {0})</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="250"/>
        <source>deadline {0}: closes today</source>
        <translation>Meldeschluss {0}: schließt heute</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="252"/>
        <source>deadline {0}: closes in {1} days</source>
        <translation>Meldeschluss {0}: schließt in {1} Tagen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="255"/>
        <source>{0} values changed after approval</source>
        <translation>{0} Werte nach Freigabe geändert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="225"/>
        <source>after the report month, not due yet</source>
        <translation>nach dem Berichtsmonat, noch nicht fällig</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/reporting_model.py" line="226"/>
        <source>outside the project period</source>
        <translation>außerhalb der Projektlaufzeit</translation>
    </message>
</context>
<context>
    <name>Reviews</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="49"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="50"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="51"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="52"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="53"/>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="54"/>
        <source>Stored by</source>
        <translation>Gespeichert von</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="55"/>
        <source>On</source>
        <translation>Am</translation>
    </message>
</context>
<context>
    <name>ReviewsDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="111"/>
        <source>For review</source>
        <translation>Zur Klärung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="116"/>
        <source>Values stored although they lie far outside their series, until a coordinator has checked them.</source>
        <translation>Werte, die trotz großer Abweichung von ihrer Reihe gespeichert wurden – bis die Koordination sie geprüft hat.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="125"/>
        <source>Values for review</source>
        <translation>Werte zur Klärung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="134"/>
        <source>Nothing to review.</source>
        <translation>Nichts zur Klärung.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="138"/>
        <source>&amp;Checked</source>
        <translation>&amp;Geprüft</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/reviews_dialog.py" line="140"/>
        <source>Mark the selected value as checked</source>
        <translation>Den ausgewählten Wert als geprüft markieren</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="75"/>
        <source>green</source>
        <translation>grün</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="76"/>
        <source>amber</source>
        <translation>gelb</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="77"/>
        <source>red</source>
        <translation>rot</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/common.py" line="78"/>
        <source>no status</source>
        <translation>kein Status</translation>
    </message>
</context>
<context>
    <name>StatusModel</name>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="89"/>
        <location filename="../../aipdesk/ui/models/status_model.py" line="106"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="90"/>
        <location filename="../../aipdesk/ui/models/status_model.py" line="107"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="91"/>
        <source>Target</source>
        <translation>Zielwert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="92"/>
        <source>Plan</source>
        <translation>Soll</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="93"/>
        <source>Actual
(cumulative)</source>
        <translation>Ist
(kumuliert)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="94"/>
        <source>Attainment</source>
        <translation>Ziel-
erreichung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="95"/>
        <source>Deviation</source>
        <translation>Abwei-
chung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="96"/>
        <source>Forecast</source>
        <translation>Hoch-
rechnung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="97"/>
        <source>Previous year</source>
        <translation>Vorjahr</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="98"/>
        <source>Change</source>
        <translation>Verände-
rung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="99"/>
        <source>Rolling
12 months</source>
        <translation>Gleitend
12 Monate</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="100"/>
        <source>vs. month
a year ago</source>
        <translation>ggü. Vor-
jahresmonat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="101"/>
        <source>Reported</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="102"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="108"/>
        <source>Target value of the period</source>
        <translation>Zielwert für den Zielzeitraum</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="109"/>
        <source>Plan of the reported months up to the report month (Soll)</source>
        <translation>Soll der gemeldeten Monate bis zum Berichtsmonat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="111"/>
        <source>Actual of the reported months since the start of the target period (stocks: their average; ratios: the cumulative quote)</source>
        <translation>Ist der gemeldeten Monate seit Beginn des Zielzeitraums, kumuliert (Bestände: ihr Durchschnitt; Quoten: die kumulierte Quote)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="118"/>
        <source>Actual of the same months one year earlier; – unless all of them were reported</source>
        <translation>Ist derselben Monate ein Jahr früher; „–“, wenn nicht alle gemeldet sind</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="120"/>
        <source>Change against the previous year (same months), and the planned one</source>
        <translation>Veränderung gegenüber dem Vorjahr (gleiche Monate) und die geplante Veränderungsrate</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="122"/>
        <source>Official figure over the 12 months up to the report month (the integration rate: K2); – unless all 12 months have values</source>
        <translation>Amtliche Kennzahl über die 12 Monate bis zum Berichtsmonat (Integrationsquote: K2); „–“, wenn nicht alle 12 Monate Werte haben</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="126"/>
        <source>Change against a year earlier: the rolling figure (K2), for stocks the month&apos;s stock (K3)</source>
        <translation>Veränderung gegenüber einem Jahr zuvor: der gleitende Wert (K2), bei Beständen der Bestand des Monats (K3)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="129"/>
        <source>Months reported of the months elapsed; ⚠ names what is missing</source>
        <translation>Gemeldete von den vergangenen Monaten; ⚠ nennt, was fehlt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="130"/>
        <source>decided on the attainment as shown; green from 100 %, amber from 90 %</source>
        <translation>nach der angezeigten Zielerreichung; grün ab 100 %, gelb ab 90 %</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="204"/>
        <source>{0} (plan {1})</source>
        <translation>{0} (Plan {1})</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="217"/>
        <source>{0} of {1} months reported, complete</source>
        <translation>{0} von {1} Monaten gemeldet, vollständig</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="220"/>
        <source>{0} of {1} months reported, incomplete: {2} missing</source>
        <translation>{0} von {1} Monaten gemeldet, unvollständig: es fehlt {2}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="277"/>
        <source>Missing: {0} – plan and actual count the reported months only</source>
        <translation>Es fehlt: {0} – Soll und Ist zählen nur die gemeldeten Monate</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="280"/>
        <source>{0} of {1} months approved{2}</source>
        <translation>{0} von {1} Monaten freigegeben{2}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="283"/>
        <source>: the figures are provisional</source>
        <translation>: die Zahlen sind vorläufig</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="114"/>
        <source>Actual ÷ plan; plan ÷ actual where less is better</source>
        <translation>Ist ÷ Soll; Soll ÷ Ist, wo weniger besser ist</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="115"/>
        <source>Actual − plan</source>
        <translation>Ist − Soll</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="116"/>
        <source>Projected value at the period end</source>
        <translation>Hochgerechneter Wert am Ende des Zielzeitraums</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="253"/>
        <source>Change against the previous year: {0}</source>
        <translation>Veränderung zum Vorjahr: {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="257"/>
        <source>The same 12 months a year earlier: {0}</source>
        <translation>Dieselben 12 Monate ein Jahr früher: {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="263"/>
        <source>Planned on the numerator with the planned mean of the denominator: {0}</source>
        <translation>Über den Zähler geplant, mit dem geplanten Durchschnitt des Nenners: {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="266"/>
        <source>Planned on the numerator with the denominator&apos;s expected mean from the trend of its last 12 months: {0}</source>
        <translation>Über den Zähler geplant, mit dem erwarteten Durchschnitt des Nenners aus dem Trend seiner letzten 12 Monate: {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="269"/>
        <source>Planned on the numerator with the denominator&apos;s mean so far: {0}</source>
        <translation>Über den Zähler geplant, mit dem bisherigen Durchschnitt des Nenners: {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/status_model.py" line="272"/>
        <source>{0} of {1} months reported · period {2}</source>
        <translation>{0} von {1} Monaten gemeldet · Zeitraum {2}</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="83"/>
        <source>New target</source>
        <translation>Neuer Zielwert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="86"/>
        <source>Change target {0} – {1}</source>
        <translation>Zielwert {0} – {1} ändern</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="95"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="101"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="102"/>
        <source>First month</source>
        <translation>Erster Monat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="103"/>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="106"/>
        <source>Target value</source>
        <translation>Zielwert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="107"/>
        <source>e.g. 700 or 24,6 – empty: no number yet</source>
        <translation>z. B. 700 oder 24,6 – leer: noch keine Zahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="110"/>
        <source>Planned change against the previous year</source>
        <translation>Geplante Veränderung gegenüber dem Vorjahr</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="111"/>
        <source>in %, e.g. 14,5 or -0,6 – empty: none</source>
        <translation>in %, z. B. 14,5 oder -0,6 – leer: keine</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="114"/>
        <source>Planned mean of the denominator</source>
        <translation>Geplanter Durchschnitt des Nenners</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="116"/>
        <source>e.g. 28.800 – empty: from the trend of the last 12 months</source>
        <translation>z. B. 28.800 – leer: aus dem Trend der letzten 12 Monate</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="163"/>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="164"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Kennzahl:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="165"/>
        <source>&amp;First month:</source>
        <translation>&amp;Erster Monat:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="166"/>
        <source>&amp;Last month:</source>
        <translation>&amp;Letzter Monat:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="167"/>
        <source>Target &amp;value:</source>
        <translation>&amp;Zielwert:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="168"/>
        <source>Planned &amp;change (%):</source>
        <translation>Geplante &amp;Veränderung (%):</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="170"/>
        <source>Planned mean of the &amp;denominator:</source>
        <translation>Geplanter Ø des &amp;Nenners:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="212"/>
        <source>Choose a project.</source>
        <translation>Projekt auswählen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="214"/>
        <source>Choose a metric.</source>
        <translation>Kennzahl auswählen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="217"/>
        <source>The last month lies before the first month.</source>
        <translation>Der letzte Monat liegt vor dem ersten Monat.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="224"/>
        <source>“{0}” is not a number: type e.g. 700 or 24,6, or leave the field empty.</source>
        <translation>„{0}“ ist keine Zahl: z. B. 700 oder 24,6 eingeben oder das Feld leer lassen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="227"/>
        <source>A target value must not be negative.</source>
        <translation>Ein Zielwert darf nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="233"/>
        <source>“{0}” is not a change rate: type e.g. 14,5 or -0,6.</source>
        <translation>„{0}“ ist keine Veränderungsrate: z. B. 14,5 oder -0,6 eingeben.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="235"/>
        <source>A planned change must lie above −100 %.</source>
        <translation>Eine geplante Veränderung muss über −100 % liegen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="240"/>
        <source>Only a ratio has a denominator: leave the planned mean empty.</source>
        <translation>Nur eine Quote hat einen Nenner: den geplanten Durchschnitt bitte leer lassen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="245"/>
        <source>“{0}” is not a number: type e.g. 28.800.</source>
        <translation>„{0}“ ist keine Zahl: z. B. 28.800 eingeben.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="247"/>
        <source>The planned mean of the denominator must be greater than 0.</source>
        <translation>Der geplante Durchschnitt des Nenners muss größer als 0 sein.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/target_dialog.py" line="251"/>
        <source>{0} already has a target for {1} in {2}: change that one, or choose months that do not overlap.</source>
        <translation>{0} hat für {1} im Zeitraum {2} bereits einen Zielwert: diesen ändern oder Monate wählen, die sich nicht überschneiden.</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="72"/>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="80"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="73"/>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="81"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="74"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="75"/>
        <source>Target value</source>
        <translation>Zielwert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="76"/>
        <source>Plan curve</source>
        <translation>Plankurve</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="82"/>
        <source>Target period</source>
        <translation>Zielzeitraum</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="83"/>
        <source>Value to reach over the period; F2 or typing changes it</source>
        <translation>Im Zeitraum zu erreichender Wert; ändern mit F2 oder durch Eingabe</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="84"/>
        <source>How the target is spread over the months</source>
        <translation>Verteilung des Zielwerts auf die Monate</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="124"/>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="124"/>
        <source>custom</source>
        <translation>individuell</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="141"/>
        <source>{0} months</source>
        <translation>{0} Monate</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="143"/>
        <source>No number in the programme yet; type one to set it</source>
        <translation>Im Programm noch ohne Zahl; zum Festlegen eine Zahl eingeben</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/models/targets_model.py" line="145"/>
        <source>Enter or double-click edits the plan curve</source>
        <translation>Enter oder Doppelklick bearbeitet die Plankurve</translation>
    </message>
</context>
<context>
    <name>TargetsPane</name>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="122"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="125"/>
        <source>To change a target value, select it and type a number or press F2; Enter stores it, Esc cancels.</source>
        <translation>Zielwert ändern: Zahl eingeben oder F2 drücken; Enter speichert, Esc bricht ab.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="144"/>
        <source>Targets of the year</source>
        <translation>Zielwerte des Jahres</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="147"/>
        <source>F2 or typing changes the target value, Enter stores it; Enter on the plan curve edits it; Delete removes the target.</source>
        <translation>F2 oder Eingabe ändert den Zielwert, Enter speichert; Enter auf der Plankurve bearbeitet sie; Entf entfernt den Zielwert.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="174"/>
        <location filename="../../aipdesk/ui/panes/targets.py" line="433"/>
        <source>Remove target</source>
        <translation>Zielwert entfernen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="193"/>
        <source>&amp;New target…</source>
        <translation>&amp;Neuer Zielwert…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="193"/>
        <source>New target</source>
        <translation>Neuer Zielwert</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="197"/>
        <source>C&amp;hange…</source>
        <translation>Än&amp;dern…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="198"/>
        <source>Change the selected target: period, value, planned change rate</source>
        <translation>Den gewählten Zielwert ändern: Zeitraum, Wert, geplante Veränderungsrate</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="203"/>
        <source>Edit plan &amp;curve…</source>
        <translation>Plan&amp;kurve bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="204"/>
        <source>Edit the plan curve of the selected target</source>
        <translation>Plankurve des ausgewählten Zielwerts bearbeiten</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="209"/>
        <source>&amp;Remove target</source>
        <translation>Zielwert &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="210"/>
        <source>Remove the selected target</source>
        <translation>Ausgewählten Zielwert entfernen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="215"/>
        <source>Copy targets to ne&amp;xt year</source>
        <translation>Zielwerte ins &amp;Folgejahr kopieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="216"/>
        <source>Copy the calendar-year targets to the next year</source>
        <translation>Zielwerte des Kalenderjahrs ins Folgejahr kopieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="227"/>
        <source>Soll line of the selected target</source>
        <translation>Soll-Verlauf des ausgewählten Zielwerts</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="270"/>
        <source>Copy the calendar-year targets of {0} to {1}</source>
        <translation>Zielwerte des Kalenderjahrs {0} nach {1} kopieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="319"/>
        <source>{0} – {1}, {2} ({3} months)</source>
        <translation>{0} – {1}, {2} ({3} Monate)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="323"/>
        <source>No target number yet: the line shows the planned share in %.</source>
        <translation>Noch kein Zielwert festgelegt: Die Linie zeigt den geplanten Anteil in %.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="325"/>
        <source>Stock: the Soll is the target, {0}, in every month.</source>
        <translation>Bestand: Das Soll ist in jedem Monat der Zielwert, {0}.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="331"/>
        <source>Soll by {0}: {1} of {2}.</source>
        <translation>Soll bis {0}: {1} von {2}.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="377"/>
        <source>Target added: {0} – {1}, {2}.</source>
        <translation>Zielwert angelegt: {0} – {1}, {2}.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="381"/>
        <source>Choose the year {0} to see it.</source>
        <translation>Zum Anzeigen das Jahr {0} wählen.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="434"/>
        <source>Remove the target of {0} – {1} for {2}? The monthly values stay.</source>
        <translation>Zielwert von {0} – {1} im Zeitraum {2} entfernen? Die Monatswerte bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="441"/>
        <source>Confirm removal</source>
        <translation>Entfernen bestätigen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="454"/>
        <source>Target removed: {0} – {1}.</source>
        <translation>Zielwert entfernt: {0} – {1}.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="486"/>
        <source>Targets copied to {0}: {1}.</source>
        <translation>Zielwerte nach {0} kopiert: {1}.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/targets.py" line="488"/>
        <source>No targets copied: {0} already has all of them.</source>
        <translation>Keine Zielwerte kopiert: {0} hat sie bereits alle.</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <location filename="../../aipdesk/ui/undo_actions.py" line="18"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/undo_actions.py" line="21"/>
        <location filename="../../aipdesk/ui/undo_actions.py" line="44"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/undo_actions.py" line="23"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/undo_actions.py" line="26"/>
        <location filename="../../aipdesk/ui/undo_actions.py" line="51"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/undo_actions.py" line="45"/>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/undo_actions.py" line="52"/>
        <source>Nothing to redo</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
</context>
<context>
    <name>WeightsDialog</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="217"/>
        <source>Plan curve – {0}</source>
        <translation>Plankurve – {0}</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="223"/>
        <source>Share of the target planned for each of the {0} months of {1}. The Soll (plan to date) is the target times the cumulative share.</source>
        <translation>Geplanter Anteil des Zielwerts für jeden der {0} Monate im Zeitraum {1}. Das Soll bis dahin ist der Zielwert mal dem kumulierten Anteil.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="233"/>
        <source>For a stock metric the Soll is the target itself in every month: the plan curve has no effect on it.</source>
        <translation>Bei einer Bestandskennzahl ist das Soll in jedem Monat der Zielwert selbst: Die Plankurve wirkt sich darauf nicht aus.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="244"/>
        <source>Monthly weights</source>
        <translation>Monatsgewichte</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="267"/>
        <source>&amp;Linear</source>
        <translation>&amp;Linear</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="269"/>
        <source>Linear: equal weight for every month</source>
        <translation>Linear: gleiches Gewicht für jeden Monat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="270"/>
        <source>&amp;Normalise to 100 %</source>
        <translation>Auf 100 % &amp;normieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="273"/>
        <source>Normalise: scale the weights so they add up to 100 %</source>
        <translation>Normieren: Gewichte so skalieren, dass sie zusammen 100 % ergeben</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="275"/>
        <source>From &amp;previous years</source>
        <translation>Aus &amp;Vorjahren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="278"/>
        <source>From previous years: the monthly shares of up to three earlier years</source>
        <translation>Aus Vorjahren: die Monatsanteile von bis zu drei früheren Jahren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="353"/>
        <source>Weights must not be negative: {0}.</source>
        <translation>Gewichte dürfen nicht negativ sein: {0}.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="357"/>
        <source>The weights add up to {0} %; they must add up to 100 %. “Normalise to 100 %” scales them for you.</source>
        <translation>Die Gewichte ergeben zusammen {0} %; sie müssen 100 % ergeben. „Auf 100 % normieren“ gleicht sie an.</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="364"/>
        <source>Sum: {0} %</source>
        <translation>Summe: {0} %</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="374"/>
        <source>“{0}” is not a number: type a percentage such as 8,5.</source>
        <translation>„{0}“ ist keine Zahl: einen Prozentwert wie 8,5 eingeben.</translation>
    </message>
</context>
<context>
    <name>WeightsModel</name>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="105"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="106"/>
        <source>Weight (%)</source>
        <translation>Gewicht (%)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="107"/>
        <source>Cumulative (%)</source>
        <translation>Kumuliert (%)</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="108"/>
        <source>Soll to date</source>
        <translation>Soll bis dahin</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/dialogs/weights_dialog.py" line="128"/>
        <source>Share of the target planned for this month; type a number, e.g. 8,5</source>
        <translation>Geplanter Anteil des Zielwerts für diesen Monat; Zahl eingeben, z. B. 8,5</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../aipdesk/ui/panes/welcome.py" line="31"/>
        <source>Getting started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/welcome.py" line="33"/>
        <source>Welcome to aipdesk</source>
        <translation>Willkommen bei aipdesk</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/welcome.py" line="40"/>
        <source>No values are logged for this year yet. Three steps to the first report:</source>
        <translation>Für dieses Jahr sind noch keine Werte erfasst. In drei Schritten zum ersten Bericht:</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/welcome.py" line="51"/>
        <source>1. Enter values</source>
        <translation>1. Werte erfassen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/welcome.py" line="52"/>
        <source>Each project&apos;s monthly figures in the entry grid (Integrationen).</source>
        <translation>Die Monatswerte jedes Projekts im Erfassungsraster (Integrationen).</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/welcome.py" line="57"/>
        <source>2. Check the targets</source>
        <translation>2. Ziele prüfen</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/welcome.py" line="58"/>
        <source>The year&apos;s target values and plan curves (Ziele).</source>
        <translation>Die Zielwerte und Plankurven des Jahres (Ziele).</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/welcome.py" line="63"/>
        <source>3. Export the workbook</source>
        <translation>3. Arbeitsmappe exportieren</translation>
    </message>
    <message>
        <location filename="../../aipdesk/ui/panes/welcome.py" line="64"/>
        <source>The Excel workbook for management, with an overview and charts.</source>
        <translation>Die Excel-Arbeitsmappe für die Geschäftsführung, mit Übersicht und Diagrammen.</translation>
    </message>
</context>
</TS>
