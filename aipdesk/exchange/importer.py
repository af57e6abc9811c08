"""Importing monthly values from a workbook: the entry template or an export's `Daten`.

One way to import a file, for the command line and the window alike:

- `read_workbook(path) -> ImportFile` reads and checks the cells (no database);
- `plan_import(db, file) -> Plan` compares the values with the database (new,
  changed, unchanged, conflict), writing nothing: the window shows it as a preview;
- `import_operation(file, plan, *, skip_conflicts) -> WriteValues | None` is the
  write as an operation (`services.ops`): one unit of work, all or nothing, each
  change logged with the file's name and the cell it came from, and its inverse
  (the window runs it and keeps the inverse as one undo step);
- `apply_import(db, actor, file, plan, *, skip_conflicts) -> Changes` runs that
  operation (the command line);
- `import_workbook(db, actor, path, dry_run, skip_conflicts) -> ImportReport` is
  the three in a row (`aipdesk import`).

Every rejection is a DomainError naming the place: the sheet and cell
(`Erfassung!G5: "-3" ist keine gültige Anzahl`), or the file when the file as a
whole is refused; user text is quoted shortened to one line.

Files come from other people's computers, so they are treated as untrusted:

- the container and every part's size, checksum and markup are checked before
  any XML parser sees them (`aipdesk.exchange.guard`): a zip of the two packing
  methods Excel writes, the number of parts, rows, cells and shared strings
  bounded;
- openpyxl reads the workbook's small parts through defusedxml (no entities,
  nothing fetched) in read-only mode; a sheet's rows are streamed from its XML
  under the same guards and no DTD (`sheetxml`, `sheetrows`), one row at a time,
  as openpyxl would read them; a formula is never evaluated (a formula cell is
  refused), and the cells read are counted again as they come;
- every call into zipfile and openpyxl runs inside `guard.parsing`, which turns
  what a library raises on a damaged file into a DomainError naming the file; the
  checks of our own code run outside it, so a mistake of ours is never passed
  off as a damaged file (tests/test_import_fuzz.py feeds thousands of malformed
  workbooks and counts what reaches that last line).
"""

from __future__ import annotations

import functools
import os
import warnings
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from aipdesk.domain.errors import Code
from aipdesk.exchange.budget_import import (
    BudgetIncoming,
    TakeOverBudget,
    read_budget_data,
    read_budget_template,
)
from aipdesk.exchange.cells import cell_name, header_text
from aipdesk.exchange.guard import check_container, parsing, refuse, shown
from aipdesk.exchange.imported import ImportFile, ImportReport
from aipdesk.exchange.layout import (
    BUDGET_DATA_SHEET,
    BUDGET_TEMPLATE_SHEET,
    DATA_KEY_COLUMNS,
    DATA_SHEET,
    TEMPLATE_HEADER,
    TEMPLATE_SHEET,
)
from aipdesk.exchange.paused import paused
from aipdesk.exchange.readers import export_columns, found_names, matches
from aipdesk.exchange.readers import read_export as _read_export
from aipdesk.exchange.readers import read_template as _read_template
from aipdesk.exchange.sheetrows import sheet_rows
from aipdesk.exchange.stamp import made_at
from aipdesk.services.base import Actor, CellKey, Changes
from aipdesk.services.batch import Kind, Plan, WriteValues, plan_values
from aipdesk.services.operation import Operation, Steps

if TYPE_CHECKING:
    from aipdesk.services.database import Database

__all__ = [
    "EXPORT_HEADER",
    "EXPORT_SHEET",
    "ImportFile",
    "ImportReport",
    "apply_import",
    "import_operation",
    "import_workbook",
    "plan_import",
    "read_workbook",
]

# The export's Daten layout, as the export writes it.
EXPORT_SHEET = DATA_SHEET
EXPORT_HEADER = DATA_KEY_COLUMNS


def _header_row(ws: Any, where: str) -> list[str]:
    rows = sheet_rows(ws, where)
    try:
        first = next(rows, None)
    finally:
        rows.close()
    if first is None or first[0] != 1:
        return []
    cells = first[1]
    return [header_text(cells.get(c)) for c in range(1, max(cells) + 1)]


# -- the workbook ----------------------------------------------------------------------------


def _find_sheet(names: list[str], wanted: str) -> str | None:
    for name in names:
        if name == wanted:
            return name
    for name in names:
        if name.strip().casefold() == wanted.casefold():
            return name
    return None


def _grid(wb: Any, name: str, where: str) -> Any:
    """The worksheet `name`; a chart sheet of that name is refused."""
    with parsing(where):
        ws = wb[name]
    if not callable(getattr(ws, "iter_rows", None)):
        raise refuse(cell_name(1, 1, name), Code.import_not_a_grid, sheet=shown(name))
    with parsing(where):
        ws.size()
    return ws


def _open(handle: IO[bytes]) -> Any:
    """The workbook, read-only, as `openpyxl.load_workbook(handle, read_only=True,
    data_only=False, keep_links=False)` opens it, but without parsing whole sheets.

    openpyxl reads each sheet's declared size (`<dimension>`) when it opens a workbook
    read-only, waiting for the end of `<sheetData>`: a sheet without one (openpyxl's
    write-only mode writes none: aipdesk's exports) is parsed to its end for it, every
    sheet of the workbook, before a value is read. Here the size is looked for up to
    the start of `<sheetData>` (where it stands), and checked as openpyxl checks it, of
    the sheet read only (`_grid`); the import never trusts it (`sheetrows` counts what
    is there)."""
    import openpyxl

    if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise RuntimeError("defusedxml is not installed: refusing to parse untrusted workbooks")
    reader = _reader_class()(handle, read_only=True, data_only=False, keep_links=False)
    reader.read()
    return reader.wb


@functools.cache
def _reader_class() -> Any:
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
    from openpyxl.worksheet.dimensions import SheetDimension
    from openpyxl.xml.functions import iterparse  # defusedxml's

    class UnsizedSheet(ReadOnlyWorksheet):  # type: ignore[misc]
        def _get_size(self) -> None:
            """Nothing when the workbook is opened: only the sheet read is sized (`size`);
            the others are never parsed (an export has one per project)."""

        def size(self) -> None:
            """The declared size, if it stands before the rows (openpyxl's
            `parse_dimensions`, stopping where the rows start)."""
            source = self._get_source()
            try:
                for _, element in iterparse(source, events=("start",)):
                    if element.tag == DIMENSION_TAG:
                        bounds = SheetDimension.from_tree(element).boundaries
                        self._min_column, self._min_row, self._max_column, self._max_row = bounds
                        return
                    if element.tag == DATA_TAG:
                        return
            finally:
                source.close()

    class Reader(ExcelReader):  # type: ignore[misc]
        def read_worksheets(self) -> None:
            """openpyxl's `read_worksheets` in read-only mode, with unsized sheets."""
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files:
                    continue
                if "chartsheet" in rel.Type:
                    self.read_chartsheet(sheet, rel)
                    continue
                ws = UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)

    return Reader


@paused
def read_workbook(path: str | os.PathLike[str]) -> ImportFile:
    """Read the values of an entry template (`Erfassung`) or an export (`Daten`).

    Pure reading and checking, no database: any bad cell raises a DomainError naming
    sheet and cell; a file that is no plain .xlsx is refused as a whole.
    """
    file = Path(path)
    where = shown(file.name or str(file), 255)
    check_container(file, where)
    try:
        handle = file.open("rb")
    except FileNotFoundError:  # removed since it was checked
        raise refuse(where, Code.import_file_missing) from None
    except OSError as error:
        raise refuse(
            where, Code.import_cannot_open, reason=shown(error.strerror or error)
        ) from None
    with handle, warnings.catch_warnings():
        # openpyxl warns about what it skips or repairs ("data validation extension not
        # supported", "Cell J2 is marked as a date but …"): the refusals say what matters.
        warnings.simplefilter("ignore")
        with parsing(where):
            wb = _open(handle)
        try:
            return _read(wb, where)
        finally:
            with parsing(where):
                wb.close()


def _read(wb: Any, where: str) -> ImportFile:
    with parsing(where):
        names = [str(name) for name in wb.sheetnames]
    made, stamped = made_at(wb)
    template = _find_sheet(names, TEMPLATE_SHEET)
    export = _find_sheet(names, EXPORT_SHEET)
    if template is not None:
        header = _header_row(_grid(wb, template, where), where)
        if matches(header, TEMPLATE_HEADER) or export is None:
            if not matches(header, TEMPLATE_HEADER):
                raise refuse(
                    cell_name(1, 1, template),
                    Code.import_bad_header,
                    expected=", ".join(TEMPLATE_HEADER),
                    found=found_names(header, len(TEMPLATE_HEADER)),
                )
            incoming = _read_template(sheet_rows(_grid(wb, template, where), where), template)
            budget, sheet = _read_budget(wb, names, where)
            return ImportFile(
                tuple(incoming), made, "template", template, where, stamped, budget, sheet
            )
    if export is not None:
        grid = _grid(wb, export, where)
        columns = export_columns(_header_row(grid, where))  # the columns the import uses
        incoming = _read_export(sheet_rows(grid, where, columns), export)
        budget, sheet = _read_budget(wb, names, where)
        return ImportFile(tuple(incoming), made, "export", export, where, stamped, budget, sheet)
    raise refuse(
        where,
        Code.import_no_sheet,
        template=TEMPLATE_SHEET,
        export=EXPORT_SHEET,
        found=shown(", ".join(names), 120) or "–",
    )


def _read_budget(wb: Any, names: list[str], where: str) -> tuple[tuple[BudgetIncoming, ...], str]:
    """The budget entries of an export's `Budgetdaten` or a template's `Budgeterfassung`
    (none without either sheet), and the sheet's name."""
    data = _find_sheet(names, BUDGET_DATA_SHEET)
    if data is not None:
        return tuple(read_budget_data(sheet_rows(_grid(wb, data, where), where), data)), data
    entry = _find_sheet(names, BUDGET_TEMPLATE_SHEET)
    if entry is not None:
        rows = sheet_rows(_grid(wb, entry, where), where)
        return tuple(read_budget_template(rows, entry)), entry
    return (), ""


# -- against the database ------------------------------------------------------------------


@paused
def plan_import(db: Database, file: ImportFile) -> Plan:
    """Compare what `file` brings with the database (nothing written): a value changed
    in the database after the file was made is a conflict; when the file's provenance is
    unknown, so is every value the file would change (`ImportFile.since`)."""
    since = file.since()
    return plan_values(db, file.incoming, since=since, changes_conflict=since is None)


def skipped_conflicts(plan: Plan, skip_conflicts: bool) -> tuple[CellKey, ...]:
    """The cells an import leaves as they are: the plan's conflicts, if they are skipped."""
    return tuple(i.incoming.key() for i in plan.of(Kind.CONFLICT)) if skip_conflicts else ()


def import_operation(file: ImportFile, plan: Plan, *, skip_conflicts: bool) -> Operation | None:
    """The write of an import as one operation: what `plan` (from `plan_import`) found new
    or changed in `file`, every value validated again against the database as it is when
    it runs; None when the plan has nothing to write.

    With `skip_conflicts` the plan's conflicts keep their database value. Each value
    written gets its change-log entry with the file's name and the cell it came from
    (`origin`); the operation's inverse puts back what the import replaced. The command
    line (`apply_import`) and the window (`Backend.apply_import`) both run this operation.

    The file's budget entries (`ImportFile.budget`) are set in the same unit of work, one
    undo step with the values (`TakeOverBudget`; an entry as stored already changes
    nothing).
    """
    values: WriteValues | None = None
    if any(_writes(item.kind, skip_conflicts) for item in plan.items):
        skipped = frozenset(skipped_conflicts(plan, skip_conflicts))
        values = WriteValues(file.incoming, skipped, file.name or None)
    if not file.budget:
        return values
    budget = TakeOverBudget(file.budget, file.name or None)
    if values is None:
        return budget
    return Steps((values, budget), values.label())


@paused
def apply_import(
    db: Database, actor: Actor, file: ImportFile, plan: Plan, *, skip_conflicts: bool
) -> Changes:
    """Store an import (`import_operation`) as one transaction, all or nothing; nothing is
    written when the plan has nothing to write."""
    op = import_operation(file, plan, skip_conflicts=skip_conflicts)
    return Changes() if op is None else op.run(db, actor).changes


def _writes(kind: Kind, skip_conflicts: bool) -> bool:
    return kind in (Kind.NEW, Kind.CHANGED) or (kind is Kind.CONFLICT and not skip_conflicts)


def import_workbook(
    db: Database,
    actor: Actor,
    path: str | os.PathLike[str],
    dry_run: bool = False,
    skip_conflicts: bool = False,
) -> ImportReport:
    """Read `path`, compare it with the database and (unless `dry_run`) store it whole:
    `read_workbook`, `plan_import`, `apply_import`.

    Nothing is written when any cell is rejected. With `skip_conflicts`, values changed
    in the database after the file was made keep their database value.
    """
    file = read_workbook(path)
    plan = plan_import(db, file)
    skipped = skipped_conflicts(plan, skip_conflicts)
    if dry_run:
        return ImportReport(file, plan, dry_run=True, skipped=skipped)
    changes = apply_import(db, actor, file, plan, skip_conflicts=skip_conflicts)
    return ImportReport(file, plan, dry_run=False, changes=changes, skipped=skipped)
