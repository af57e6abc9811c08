"""The entry template: a workbook in which a team lead types a year's monthly values.

Sheet `Erfassung` (DESIGN §6): header row Projekt, Kennzahl, Bezeichnung, then
one `YYYY-MM` column per month; one row per (project, metric) with the codes in
Projekt and Kennzahl. Stored values are filled in; only the month cells inside
the project's period are unlocked, with a whole-number validation on them.
Sheet `Anleitung` explains in German how to fill it in and send it back.

The moment the template was made (UTC, to the microsecond) is kept as the
custom document property `aipdesk.erstellt` (and, to the second, as the core
property "created"); the import compares it with the database to find values
that were changed after the template was handed out (conflicts).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aipdesk.domain.catalogue import label
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import Metric, Project
from aipdesk.domain.months import Month
from aipdesk.exchange.budget_template import (
    BudgetRow,
    add_budget_sheet,
    budget_rows,
    entry_sheet_setup,
    instructions,
)
from aipdesk.exchange.layout import (
    CREATED_PROPERTY,
    FIRST_MONTH_COLUMN,
    INSTRUCTIONS_SHEET,
    KIND_PROPERTY,
    KIND_TEMPLATE,
    TEMPLATE_HEADER,
    TEMPLATE_SHEET,
    YEAR_PROPERTY,
)
from aipdesk.exchange.stamp import mark_created
from aipdesk.outputs import check_output, write_atomically
from aipdesk.services.results import GridRow, Snapshot
from aipdesk.services.views import snapshot

if TYPE_CHECKING:
    from aipdesk.services.database import Database

__all__ = [
    "CREATED_PROPERTY",
    "HEADER",
    "INSTRUCTIONS_SHEET",
    "SHEET",
    "TemplateRow",
    "mark_created",
    "template_rows",
    "write_template",
]

SHEET = TEMPLATE_SHEET
HEADER = TEMPLATE_HEADER

HEADER_FILL = "DDEBF7"  # light blue
CODE_FILL = "F2F2F2"  # light grey: locked code and name columns
CLOSED_FILL = "BFBFBF"  # grey: month outside the project period, locked
GRID_COLOR = "A6A6A6"

VALIDATION_ERROR_TITLE = "Ungültiger Wert"
VALIDATION_ERROR = (
    "Bitte eine ganze Zahl ab 0 eingeben: keine Nachkommastellen, keine negativen Zahlen, "
    "kein Text. Leer lassen, wenn es für den Monat keinen Wert gibt."
)
VALIDATION_PROMPT_TITLE = "Monatswert"
VALIDATION_PROMPT = "Ganze Zahl ab 0. Leer lassen, wenn es keinen Wert gibt."


def _label(project: Project, metric: Metric, metrics: Mapping[str, Metric]) -> str:
    """The row's readable name: "Jobcenter Kreis Unna (gesamt): Integrationen (Frauen)"."""
    return f"{project.name}: {label(metric, metrics)}"


@dataclass(frozen=True)
class TemplateRow:
    """One row of the sheet: codes, readable name, and per month its value and whether it
    is open for entry (inside the project period)."""

    project: str
    metric: str
    label: str
    values: tuple[int | None, ...]
    editable: tuple[bool, ...]


def template_rows(snap: Snapshot, project: str | None = None) -> list[TemplateRow]:
    """The rows of the template of `snap.year`: every active project whose period touches
    the year (or the one `project`), each logged (not computed) metric in grid order."""
    months = tuple(Month(snap.year, m) for m in range(1, 13))
    grid_rows: dict[tuple[str, str], GridRow] = {
        row.key(): row for grid in snap.grids.values() for row in grid.rows
    }
    projects = list(snap.projects)
    if project is not None:
        chosen = [p for p in projects if p.code == project]
        if not chosen:
            raise DomainError(Code.unknown_project, project=project)
        if not chosen[0].active:
            raise DomainError(Code.project_inactive, project=chosen[0].name)
        projects = chosen
    else:
        projects = [p for p in projects if p.active and p.period.overlaps_year(snap.year)]
    rows = []
    for p in projects:
        for code in snap.tracked.get(p.code, ()):
            metric = snap.metrics[code]
            if metric.is_computed:
                continue
            grid_row = grid_rows.get((p.code, code))
            editable = tuple(p.active and p.period.contains(m) for m in months)
            values: tuple[int | None, ...] = (
                tuple(None if v is None else int(v) for v in grid_row.values)
                if grid_row is not None
                else (None,) * 12
            )
            # A value outside the period (period shortened later) is not offered for editing.
            values = tuple(v if open_ else None for v, open_ in zip(values, editable, strict=True))
            label_ = _label(p, metric, snap.metrics)
            rows.append(TemplateRow(p.code, code, label_, values, editable))
    return rows


def _runs(columns: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive column numbers as (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for column in columns:
        if runs and runs[-1][1] == column - 1:
            runs[-1] = (runs[-1][0], column)
        else:
            runs.append((column, column))
    return runs


def _instructions(year: int, project: str | None, made: datetime) -> list[tuple[str, str]]:
    """(style, text) lines of the Anleitung sheet; style is "title", "head" or "";
    `project` is the name of the one project the template is for."""
    scope = f"Projekt {project}" if project else "alle aktiven Projekte"
    stamp = made.strftime("%d.%m.%Y %H:%M:%S UTC")
    return [
        ("title", f"Erfassungsvorlage AIP {year}"),
        ("", f"Für {scope}. Erstellt am {stamp} mit aipdesk."),
        ("", ""),
        ("head", "So füllen Sie die Vorlage aus"),
        (
            "",
            "1. Öffnen Sie das Blatt „Erfassung“. Jede Zeile ist eine Kennzahl eines Projekts; "
            "die Spalten rechts daneben sind die Monate (JJJJ-MM).",
        ),
        (
            "",
            "2. Tragen Sie in die weißen Monatszellen die Monatswerte ein: ganze Zahlen ab 0, "
            "ohne Nachkommastellen. Bei Bestandsgrößen (Bestand) gilt der Stand am Monatsende.",
        ),
        (
            "",
            "3. Bereits gespeicherte Werte sind vorausgefüllt. Sie können sie überschreiben, "
            "wenn sie falsch sind.",
        ),
        (
            "",
            "4. Eine leere Zelle bedeutet „kein Wert“. Sie löscht keinen gespeicherten Wert. "
            "Einen Wert löschen kann nur die Projektkoordination in aipdesk selbst.",
        ),
        (
            "",
            "5. Graue Zellen liegen außerhalb des Projektzeitraums und sind gesperrt.",
        ),
        (
            "",
            "6. Bitte tippen Sie Zahlen ein, keine Formeln: Formeln werden nicht übernommen.",
        ),
        (
            "",
            "7. Ändern Sie nicht die Spalten Projekt und Kennzahl, die Kopfzeile und die "
            "Blattnamen: aipdesk erkennt die Werte daran.",
        ),
        ("", ""),
        ("head", "So geben Sie die Vorlage zurück"),
        (
            "",
            "8. Speichern Sie die Datei als „Excel-Arbeitsmappe (*.xlsx)“, ohne Kennwort und "
            "ohne Makros (nicht als .xlsm oder .xls).",
        ),
        (
            "",
            "9. Senden Sie die Datei an die Projektkoordination / das Controlling. Dort wird sie "
            "in aipdesk mit „Importieren“ eingelesen (oder mit: aipdesk import Datei.xlsx).",
        ),
        (
            "",
            "10. Vor dem Speichern zeigt aipdesk, welche Werte neu, geändert oder unverändert "
            "sind. Werte, die nach dem Erstellen dieser Vorlage in aipdesk geändert wurden, "
            "erscheinen als Konflikt und werden nur nach Rückfrage überschrieben.",
        ),
        (
            "",
            "11. Enthält eine einzige Zelle einen ungültigen Wert, wird die ganze Datei "
            "abgewiesen und nichts gespeichert. Die Meldung nennt Blatt und Zelle, zum Beispiel "
            '„Erfassung!G5: "-3" ist keine gültige Anzahl“. Korrigieren Sie die Zelle und '
            "senden Sie die Datei erneut.",
        ),
        ("", ""),
        (
            "",
            "Der Blattschutz hat kein Kennwort; er soll nur versehentliche Änderungen an "
            "Codes und Kopfzeile verhindern.",
        ),
    ]


def _text(ws: Any, row: int, column: int, text: str) -> Any:
    """A cell holding `text` as text: openpyxl makes a formula of any text starting with
    "=" (a project named "=cmd|' /C calc'!A0"); a template holds no formula at all."""
    cell = ws.cell(row=row, column=column)
    cell.value = text
    cell.data_type = "s"
    return cell


def _build(
    rows: list[TemplateRow],
    year: int,
    project: str | None,
    made: datetime,
    budget: list[BudgetRow] | None = None,
) -> Any:
    from openpyxl import Workbook
    from openpyxl.packaging.custom import IntProperty, StringProperty
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    months = [Month(year, m) for m in range(1, 13)]
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET

    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    code_fill = PatternFill("solid", fgColor=CODE_FILL)
    closed_fill = PatternFill("solid", fgColor=CLOSED_FILL)
    side = Side(style="thin", color=GRID_COLOR)
    border = Border(left=side, right=side, top=side, bottom=side)
    unlocked = Protection(locked=False)

    for column, text in enumerate([*HEADER, *(str(m) for m in months)], start=1):
        cell = _text(ws, 1, column, text)
        cell.font = bold
        cell.fill = header_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center" if column > len(HEADER) else "left")

    open_ranges: list[str] = []
    for r, row in enumerate(rows, start=2):
        for column, text in enumerate((row.project, row.metric, row.label), start=1):
            cell = _text(ws, r, column, text)
            cell.fill = code_fill
            cell.border = border
        for index, (value, editable) in enumerate(zip(row.values, row.editable, strict=True)):
            cell = ws.cell(row=r, column=FIRST_MONTH_COLUMN + index)
            cell.border = border
            cell.number_format = "#,##0"
            if editable:
                cell.value = value
                cell.protection = unlocked
            else:
                cell.fill = closed_fill
        columns = [FIRST_MONTH_COLUMN + i for i, e in enumerate(row.editable) if e]
        for first, last in _runs(columns):
            a, b = get_column_letter(first), get_column_letter(last)
            open_ranges.append(f"{a}{r}" if first == last else f"{a}{r}:{b}{r}")

    if open_ranges:
        validation = DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop",
            errorTitle=VALIDATION_ERROR_TITLE,
            error=VALIDATION_ERROR,
            showInputMessage=True,
            promptTitle=VALIDATION_PROMPT_TITLE,
            prompt=VALIDATION_PROMPT,
            sqref=" ".join(open_ranges),
        )
        ws.add_data_validation(validation)

    widths = {1: 12, 2: 26, 3: max([32, *(min(len(r.label), 70) + 2 for r in rows)])}
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width
    for index in range(len(months)):
        ws.column_dimensions[get_column_letter(FIRST_MONTH_COLUMN + index)].width = 10
    entry_sheet_setup(ws, FIRST_MONTH_COLUMN)

    lines = _instructions(year, project, made)
    if budget is not None:
        add_budget_sheet(wb, budget, year)
        lines += instructions()
    guide = wb.create_sheet(INSTRUCTIONS_SHEET)
    guide.column_dimensions["A"].width = 110
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, (style, text) in enumerate(lines, start=1):
        cell = _text(guide, r, 1, text) if text else guide.cell(row=r, column=1)
        cell.alignment = wrap
        if style == "title":
            cell.font = Font(bold=True, size=14)
        elif style == "head":
            cell.font = bold
    guide.protection.sheet = True

    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)  # sheet names are part of the contract
    wb.properties.title = f"AIP {year} – Erfassungsvorlage" + (f" {project}" if project else "")
    mark_created(wb, made)
    wb.custom_doc_props.append(IntProperty(name=YEAR_PROPERTY, value=year))
    wb.custom_doc_props.append(StringProperty(name=KIND_PROPERTY, value=KIND_TEMPLATE))
    return wb


def write_template(
    db: Database,
    year: int,
    path: str | os.PathLike[str],
    project: str | None = None,
    now: datetime | None = None,
    budget: bool = False,
) -> Path:
    """Write the entry template of `year` (all active projects, or `project`) to `path`;
    with `budget`, the sheet `Budgeterfassung` for the instruments' monthly spending.

    `now` is the moment the template counts as made (default: the current time); values
    stored after it show as conflicts when the template comes back.
    """
    Month(year, 1)  # rejects an impossible year with the usual message
    made = now or datetime.now(UTC)
    if made.tzinfo is None:
        made = made.replace(tzinfo=UTC)
    made = made.astimezone(UTC)
    # `made` is taken before the values are read: a value changed in between is a
    # (harmless) conflict, never a change that slips through unseen.
    target = check_output(path, db.path)
    snap = snapshot(db, year)
    rows = template_rows(snap, project)
    # The sheets name the project as people know it (the rows keep its code).
    name = next((p.name for p in snap.projects if p.code == project), project)
    spending = budget_rows(db, year) if budget else None
    return write_atomically(target, _build(rows, year, name, made, spending).save)
