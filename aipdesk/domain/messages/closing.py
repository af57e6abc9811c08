"""Texts of the monthly close: refusals (`Code`), undo steps and report lines (`Note`).

Projects, metrics and months are named as people know them ("NeuStart", "Mai 2021").
"""

from __future__ import annotations

from aipdesk.domain.messages.codes import Code, Note

CLOSING: dict[Code | Note, tuple[str, str]] = {
    Code.month_incomplete: (
        "{project}, {month}: noch nicht vollständig – es fehlen Werte für {missing}",
        "{project}, {month}: not complete yet – values missing for {missing}",
    ),
    Code.month_in_future: (
        "{project}, {month}: der Monat ist noch nicht zu Ende und kann nicht gemeldet werden",
        "{project}, {month}: the month has not ended yet and cannot be reported",
    ),
    Code.month_already: (
        "{project}, {month}: ist bereits {state}",
        "{project}, {month}: is {state} already",
    ),
    Code.month_not_reported: (
        "{project}, {month}: noch nicht gemeldet – freigeben lässt sich nur ein gemeldeter Monat",
        "{project}, {month}: not reported yet – only a reported month can be approved",
    ),
    Code.month_is_open: (
        "{project}, {month}: ist offen – nur ein gemeldeter oder freigegebener Monat lässt "
        "sich wieder öffnen",
        "{project}, {month}: is open – only a reported or approved month can be reopened",
    ),
    Code.month_locked: (
        "{project}, {month}: der Monat ist freigegeben und damit gesperrt ({metric}); "
        "ändern erst nach »Monat wieder öffnen« mit Begründung",
        "{project}, {month}: the month is approved and therefore locked ({metric}); "
        "change it only after “reopen month” with a reason",
    ),
    Code.months_locked: (
        "Nichts übernommen: {count} Werte liegen in freigegebenen (gesperrten) Monaten: {cells}",
        "Nothing taken over: {count} values lie in approved (locked) months: {cells}",
    ),
    Code.reopen_needs_reason: (
        "{project}, {month}: wieder öffnen braucht eine Begründung",
        "{project}, {month}: reopening needs a reason",
    ),
    Code.deadline_before_month: (
        "Meldeschluss {due} für {month} liegt vor dem Ende des Monats",
        "deadline {due} for {month} lies before the end of the month",
    ),
    Code.month_state_changed: (
        "{project}, {month}: der Stand des Monats wurde inzwischen geändert ({state}); "
        "nichts geändert",
        "{project}, {month}: the month's state was changed meanwhile ({state}); nothing changed",
    ),
    Code.bad_day: (
        '"{text}" ist kein Datum (TT.MM.JJJJ, z. B. 14.06.2021)',
        '"{text}" is not a date (YYYY-MM-DD, e.g. 2021-06-14)',
    ),
    Note.op_report_month: ("{project} {month} melden", "Report {project} {month}"),
    Note.op_approve_month: ("{project} {month} freigeben", "Approve {project} {month}"),
    Note.op_reopen_month: ("{project} {month} wieder öffnen", "Reopen {project} {month}"),
    Note.op_set_deadline: ("Meldeschluss {month} ändern", "Change the deadline of {month}"),
    Note.op_month_state: (
        "Stand {project} {month} wiederherstellen",
        "Restore the state of {project} {month}",
    ),
    Note.cli_month_reported: ("{project}, {month}: gemeldet", "{project}, {month}: reported"),
    Note.cli_month_approved: (
        "{project}, {month}: freigegeben (gesperrt)",
        "{project}, {month}: approved (locked)",
    ),
    Note.cli_month_reopened: (
        "{project}, {month}: wieder offen – Begründung: {reason}",
        "{project}, {month}: open again – reason: {reason}",
    ),
    Note.cli_month_unchanged: (
        "{project}, {month}: ist bereits {state}, nichts geändert",
        "{project}, {month}: is {state} already, nothing changed",
    ),
    Note.cli_deadline_set: ("Meldeschluss {month}: {due}", "deadline of {month}: {due}"),
    Note.month_open: ("offen", "open"),
    Note.month_reported: ("gemeldet", "reported"),
    Note.month_approved: ("freigegeben", "approved"),
    Note.month_on_time: ("pünktlich", "on time"),
    Note.month_late: ("verspätet", "late"),
    Note.month_missing: ("fehlt", "missing"),
    Note.month_closes_in: ("schließt in {days} Tagen", "closes in {days} days"),
    Note.month_closes_today: ("schließt heute", "closes today"),
    Note.month_changed_after: (
        "{count} nach Freigabe geändert",
        "{count} changed after approval",
    ),
    Note.month_timeliness: (
        "{project}: {on_time} von {due} Monaten pünktlich gemeldet ({pct})",
        "{project}: {on_time} of {due} months reported on time ({pct})",
    ),
    Note.month_col_project: ("Projekt", "Project"),
    Note.month_col_month: ("Monat", "Month"),
    Note.month_col_state: ("Stand", "State"),
    Note.month_col_due: ("Meldeschluss", "Deadline"),
    Note.month_col_timely: ("Pünktlich", "Timeliness"),
    Note.month_col_changed: ("Nach Freigabe geändert", "Changed after approval"),
    Note.status_provisional: (
        "Vorläufig: {count} Zeilen beruhen auf Monaten, die noch nicht freigegeben sind "
        "(Freigegeben kleiner als die Monate bis zum Berichtsmonat)",
        "Provisional: {count} rows rest on months not approved yet (Approved below the "
        "months up to the report month)",
    ),
}
