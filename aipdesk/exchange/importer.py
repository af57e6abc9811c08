"""Reading monthly values back from a workbook: the entry template or an export's `Daten`.

`read_workbook` only reads and checks the cells (no database); `import_workbook`
compares the values with the database (new, changed, unchanged, conflict) and
writes them in one transaction, or nothing at all. Every rejection is a
DomainError naming the place: the sheet and cell (`Erfassung!G5: "-3" ist keine
gültige Anzahl`), or the file when the file as a whole is refused; user text is
quoted shortened to one line.

Files come from other people's computers, so they are treated as untrusted:

- the container and every part's size, checksum and markup are checked before
  any XML parser sees them (`aipdesk.exchange.guard`): a zip of the two packing
  methods Excel writes, the number of parts, rows, cells and shared strings
  bounded;
- openpyxl parses through defusedxml (no DTD, no entities, nothing fetched), in
  read-only mode, never evaluating a formula (a formula cell is refused), and
  the cells read are counted again as they come;
- every call into zipfile and openpyxl runs inside `_parsing`, which turns what
  a library raises on a damaged file into a DomainError naming the file; the
  checks of our own code run outside it, so a mistake of ours is never passed
  off as a damaged file (tests/test_import_fuzz.py feeds thousands of malformed
  workbooks and counts what reaches that last line).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import CODE_RE
from aipdesk.domain.months import Month
from aipdesk.domain.rules import parse_count
from aipdesk.exchange import guard
from aipdesk.exchange.export import DATA_KEY_COLUMNS, DATA_NOTE_COLUMN, DATA_SHEET
from aipdesk.exchange.guard import check_container as _check_container
from aipdesk.exchange.guard import parsing as _parsing
from aipdesk.exchange.guard import refuse as _refuse
from aipdesk.exchange.guard import shown as _shown
from aipdesk.exchange.guard import unreadable as _unreadable
from aipdesk.exchange.template import CREATED_PROPERTY, HEADER, SHEET
from aipdesk.services.base import Actor, CellKey, Changes
from aipdesk.services.batch import KEEP, Incoming, Kind, Plan, PlanItem, plan_values, write_values

if TYPE_CHECKING:
    from aipdesk.services.database import Database

__all__ = [
    "EXPORT_HEADER",
    "EXPORT_SHEET",
    "ImportFile",
    "ImportReport",
    "import_workbook",
    "read_workbook",
]

# The export's Daten layout, as the export writes it.
EXPORT_SHEET = DATA_SHEET
EXPORT_HEADER = DATA_KEY_COLUMNS
NOTE_HEADER = DATA_NOTE_COLUMN
# How far a file's stamp may lie ahead of this computer's clock (another computer's
# clock may run a little fast); beyond it, the stamp is implausible.
CLOCK_TOLERANCE = timedelta(minutes=5)
MAX_COUNT_TEXT = 40  # characters of a count typed as text ("1.234.567"); longer is no count


def _at(where: str, error: DomainError) -> DomainError:
    """`error` (a domain rule's message) placed at a cell; it keeps its code."""
    return error.at(where)


@dataclass(frozen=True)
class ImportFile:
    """What a workbook says: its values, when it was made and which layout it has."""

    incoming: tuple[Incoming, ...]
    made_at: datetime | None  # UTC; values stored after it are conflicts
    kind: Literal["template", "export"]
    sheet: str
    name: str = ""  # the file name, for messages
    stamped: bool = False  # made_at is aipdesk's own stamp (not Excel's "created")

    def since(self, now: datetime | None = None) -> datetime | None:
        """The moment after which a stored value counts as newer than the file: aipdesk's
        stamp, if it is plausible. None when the file's provenance is unknown (no stamp,
        only Excel's "created", or a stamp in the future): then every value the file
        would change is a conflict."""
        moment = now or datetime.now(UTC)
        if not self.stamped or self.made_at is None:
            return None
        if self.made_at > moment + CLOCK_TOLERANCE:
            return None
        return self.made_at


@dataclass(frozen=True)
class ImportReport:
    """The outcome of an import: the plan (every value of the file against the database)
    and, unless it was a dry run, what was written."""

    file: ImportFile
    plan: Plan
    dry_run: bool
    changes: Changes = field(default_factory=Changes)
    skipped: tuple[CellKey, ...] = ()  # conflicts left as they are (skip_conflicts)

    @property
    def items(self) -> tuple[PlanItem, ...]:
        return self.plan.items

    def counts(self) -> dict[Kind, int]:
        return self.plan.counts()

    @property
    def written(self) -> int:
        return len(self.changes.values)

    def summary(self, lang: str = "de") -> str:
        """A few readable lines for the command line: counts, the values that change, result."""
        de = lang != "en"
        counts = self.counts()
        kind_text = {
            "template": "Erfassungsvorlage" if de else "entry template",
            "export": "Export" if de else "export",
        }[self.file.kind]
        made = self.file.made_at.strftime("%d.%m.%Y %H:%M UTC") if self.file.made_at else None
        head = f"{self.file.name} ({kind_text}, {'Blatt' if de else 'sheet'} {self.file.sheet}"
        if made:
            head += f", {'erstellt' if de else 'made'} {made}"
        head += "): "
        if de:
            head += (
                f"{counts[Kind.NEW]} neu, {counts[Kind.CHANGED]} geändert, "
                f"{counts[Kind.UNCHANGED]} unverändert, {counts[Kind.CONFLICT]} im Konflikt"
            )
        else:
            head += (
                f"{counts[Kind.NEW]} new, {counts[Kind.CHANGED]} changed, "
                f"{counts[Kind.UNCHANGED]} unchanged, {counts[Kind.CONFLICT]} in conflict"
            )
        lines = [head]
        if self.file.since() is None:
            lines.append(
                "  Herkunft unbekannt (kein gültiger Zeitstempel von aipdesk): jede Änderung "
                "gilt als Konflikt"
                if de
                else "  provenance unknown (no valid aipdesk time stamp): every change counts "
                "as a conflict"
            )
        label = {
            Kind.NEW: "neu" if de else "new",
            Kind.CHANGED: "geändert" if de else "changed",
            Kind.CONFLICT: "KONFLIKT" if de else "CONFLICT",
        }
        order = {Kind.CONFLICT: 0, Kind.CHANGED: 1, Kind.NEW: 2}
        shown = sorted(
            (i for i in self.items if i.kind in order),
            key=lambda i: (order[i.kind], i.incoming.key()),
        )
        for item in shown:
            incoming, stored = item.incoming, item.stored
            line = (
                f"  {label[item.kind]:<9} {incoming.where:<14} {incoming.project} / "
                f"{incoming.metric} / {incoming.month}: "
            )
            if stored is None:
                line += str(incoming.value)
            else:
                line += f"{stored.value} → {incoming.value}"
            if item.kind is Kind.CONFLICT and stored is not None:
                when = (
                    stored.updated_at.astimezone(UTC).strftime("%d.%m.%Y %H:%M UTC")
                    if stored.updated_at
                    else "?"
                )
                line += (
                    f" (in der Datenbank geändert von {stored.updated_by} am {when})"
                    if de
                    else f" (changed in the database by {stored.updated_by} on {when})"
                )
            lines.append(line)
        if self.dry_run:
            lines.append("Probelauf: nichts gespeichert." if de else "Dry run: nothing was stored.")
        else:
            text = (
                f"Gespeichert: {self.written} Werte." if de else f"Stored: {self.written} values."
            )
            if self.skipped:
                text += (
                    f" {len(self.skipped)} Konflikte übersprungen (Wert der Datenbank bleibt)."
                    if de
                    else f" {len(self.skipped)} conflicts skipped (the database keeps its value)."
                )
            lines.append(text)
        return "\n".join(lines)


# -- cells ---------------------------------------------------------------------------------


def _cell_name(column: int, row: int, sheet: str) -> str:
    from openpyxl.utils import get_column_letter

    place = _shown(sheet)
    if 1 <= column <= 18_278 and row >= 1:  # what A1 notation can name (A … ZZZ)
        return f"{place}!{get_column_letter(column)}{row}"
    return f"{place}!R{row}C{column}"


@dataclass(frozen=True)
class _Cell:
    row: int
    column: int
    value: Any
    formula: bool


def _parsed(rows: Iterator[Any], where: str) -> Iterator[Any]:
    """The rows openpyxl parses, its failures turned into DomainErrors. Only the library's
    work happens inside the `try`: the consumer's code runs while this generator waits at
    `yield`, and what the consumer raises does not pass through here."""
    try:
        yield from rows
    except Exception as error:
        raise _unreadable(where, error) from None


def _rows(ws: Any, where: str) -> Generator[tuple[int, dict[int, _Cell]], None, None]:
    """(row number, {column: cell}) of every row with content.

    The guard counted the sheet's rows and cells before parsing; they are counted
    again as openpyxl yields them (rows padded to their last cell), a second line."""
    with _parsing(where):
        ws.reset_dimensions()  # never trust the declared size: read what is there
        rows = ws.iter_rows(min_row=1, min_col=1)
    grid = guard.MAX_GRID
    for number, cells in enumerate(_parsed(rows, where), start=1):
        if number > guard.MAX_ROWS:  # <row r="1000000000">: openpyxl yields each before it
            raise _refuse(where, Code.import_too_big, limit=guard.MAX_CELLS)
        if not cells:
            continue
        grid -= len(cells)
        if grid < 0:
            raise _refuse(where, Code.import_too_big, limit=guard.MAX_CELLS)
        found: dict[int, _Cell] = {}
        for cell in cells:
            value = getattr(cell, "value", None)
            if value is None or not hasattr(cell, "row"):
                continue
            if isinstance(value, str) and not value.strip():
                continue  # blank text counts as empty
            formula = getattr(cell, "data_type", None) == "f"
            found[cell.column] = _Cell(cell.row, cell.column, value, formula)
        if found:
            yield next(iter(found.values())).row, found


def _no_formula(cell: _Cell, sheet: str) -> None:
    if cell.formula:
        raise _refuse(_cell_name(cell.column, cell.row, sheet), Code.import_formula)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _count(cell: _Cell, sheet: str) -> int:
    where = _cell_name(cell.column, cell.row, sheet)
    _no_formula(cell, sheet)
    value = cell.value
    try:
        if isinstance(value, (datetime, date, time, timedelta)) or not isinstance(
            value, (int, float, str)
        ):
            raise DomainError(Code.bad_count, text=_shown(value))
        if isinstance(value, str) and len(value.strip()) > MAX_COUNT_TEXT:
            raise DomainError(Code.bad_count, text=_shown(value))  # no count is that long
        return parse_count(value)
    except DomainError as error:
        # The contract's wording: "-3" is no valid count; the text quoted on one line.
        code = Code.bad_count if error.code == Code.negative_count else error.code
        raise _at(where, DomainError(code, text=_shown(error.params.get("text", "")))) from None


def _code(cell: _Cell | None, sheet: str, column: str, column_en: str, where: str) -> str:
    if cell is None:
        raise _refuse(where, Code.import_missing_code, column=(column, column_en))
    _no_formula(cell, sheet)
    text = _text(cell.value) if isinstance(cell.value, (str, int, float)) else ""
    if isinstance(cell.value, bool) or not CODE_RE.match(text):
        # Dates, numbers with a fraction, text with spaces or symbols, 1 MB of text: a
        # code never looks like that, and the message quotes only the start of it.
        raise _refuse(
            _cell_name(cell.column, cell.row, sheet), Code.import_bad_code, text=_shown(cell.value)
        )
    return text


def _header_text(cell: _Cell | None) -> str:
    return "" if cell is None else _text(cell.value)


def _month_header(cell: _Cell, sheet: str) -> Month:
    where = _cell_name(cell.column, cell.row, sheet)
    _no_formula(cell, sheet)
    value = cell.value
    try:
        if isinstance(value, (datetime, date)) and not isinstance(value, time):
            return Month(value.year, value.month)
        if not isinstance(value, str):
            raise DomainError(Code.bad_month, text=_shown(value))
        text = value.strip()
        if len(text) != 7 or not (text[:4] + text[5:]).isdecimal():
            raise DomainError(Code.bad_month, text=_shown(text))  # exactly YYYY-MM
        return Month.parse(text)
    except DomainError as error:
        raise _at(where, error) from None


# -- the two layouts -------------------------------------------------------------------------


def _matches(found: list[str], expected: tuple[str, ...]) -> bool:
    return [f.casefold() for f in found[: len(expected)]] == [e.casefold() for e in expected]


def _found(names: list[str], count: int) -> str:
    return _shown(", ".join(names[:count]), 120) or "(leer)"


def _read_template(rows: Iterator[tuple[int, dict[int, _Cell]]], sheet: str) -> list[Incoming]:
    first = next(rows, None)
    header = first[1] if first and first[0] == 1 else {}
    if not header:
        raise _refuse(
            _cell_name(1, 1, sheet),
            Code.import_bad_header,
            expected=", ".join(HEADER),
            found="(leer)",
        )
    for cell in header.values():
        _no_formula(cell, sheet)
    months: dict[int, Month] = {}
    for column in sorted(header):
        if column > len(HEADER):
            months[column] = _month_header(header[column], sheet)
    if not months:
        raise _refuse(_cell_name(len(HEADER) + 1, 1, sheet), Code.import_no_months)
    incoming: list[Incoming] = []
    for number, cells in rows:
        for cell in cells.values():
            _no_formula(cell, sheet)
        values = {c: cell for c, cell in cells.items() if c > len(HEADER)}
        if not values:
            continue  # a row without values says nothing (names, remarks in column C)
        for column in sorted(values):
            if column not in months:
                raise _refuse(_cell_name(column, number, sheet), Code.import_no_month_column)
        project = _code(cells.get(1), sheet, "Projekt", "project", _cell_name(1, number, sheet))
        metric = _code(cells.get(2), sheet, "Kennzahl", "metric", _cell_name(2, number, sheet))
        for column, cell in sorted(values.items()):
            incoming.append(
                Incoming(
                    project,
                    metric,
                    months[column],
                    _count(cell, sheet),
                    note=KEEP,
                    where=_cell_name(column, number, sheet),
                )
            )
    return incoming


def _year(cell: _Cell, sheet: str) -> int:
    _no_formula(cell, sheet)
    value = cell.value
    text = _text(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        text = str(value)
    elif text.isdecimal() and len(text) == 4 and 1900 <= int(text) <= 2999:
        # isdecimal, not isdigit: "²⁰²¹" is digits to isdigit, but int() refuses it
        return int(text)
    raise _refuse(_cell_name(cell.column, cell.row, sheet), Code.import_bad_year, text=_shown(text))


def _export_month(cell: _Cell, year: int, sheet: str) -> Month:
    """The Monat column: 1–12, or YYYY-MM (then it must lie in the row's year), or a date."""
    where = _cell_name(cell.column, cell.row, sheet)
    _no_formula(cell, sheet)
    value = cell.value
    try:
        if isinstance(value, (datetime, date)):
            month = Month(value.year, value.month)
        elif isinstance(value, bool):
            raise DomainError(Code.bad_month, text=str(value))
        elif isinstance(value, (int, float)) or (
            isinstance(value, str) and value.strip().isdecimal()
        ):
            number = value.strip() if isinstance(value, str) else value
            if isinstance(number, float) and not number.is_integer():  # also inf and nan
                raise DomainError(Code.bad_month, text=_shown(value))
            if isinstance(number, str) and len(number) > 2:
                raise DomainError(Code.bad_month, text=f"{year}-{_shown(number)}")
            if not 1 <= int(number) <= 12:  # 13, -1 and 10**400 alike
                raise DomainError(Code.bad_month, text=f"{year}-{_shown(number)}")
            month = Month(year, int(number))
        else:
            month = Month.parse(_shown(value))
    except DomainError as error:
        if error.code == "bad_month":  # the text as it stands in the cell, shortened
            error = DomainError(Code.bad_month, text=_shown(error.params.get("text", "")))
        raise _at(where, error) from None
    if month.year != year:
        raise _refuse(where, Code.import_month_year, month=str(month), year=year)
    return month


def _note(cell: _Cell | None) -> str | None:
    """The Bemerkung as it stands (an export keeps leading and trailing spaces; so does
    the import, or a round trip would change the note); blank is no note."""
    if cell is None:
        return None
    if isinstance(cell.value, str):
        return cell.value if cell.value.strip() else None
    return _text(cell.value) or None


def _read_export(rows: Iterator[tuple[int, dict[int, _Cell]]], sheet: str) -> list[Incoming]:
    first = next(rows, None)
    header = first[1] if first and first[0] == 1 else {}
    width = max(header, default=0)
    names = [_header_text(header.get(c)) for c in range(1, width + 1)]
    if not _matches(names, EXPORT_HEADER):
        raise _refuse(
            _cell_name(1, 1, sheet),
            Code.import_bad_header,
            expected=", ".join(EXPORT_HEADER),
            found=_found(names, len(EXPORT_HEADER)),
        )
    for cell in header.values():
        _no_formula(cell, sheet)
    note_column = next(
        (c for c, n in enumerate(names, start=1) if n.casefold() == NOTE_HEADER.casefold()),
        None,
    )
    incoming: list[Incoming] = []
    for number, cells in rows:
        for cell in cells.values():
            _no_formula(cell, sheet)
        value_cell = cells.get(5)
        if value_cell is None:
            continue  # no value: says nothing, deletes nothing
        year_cell, month_cell = cells.get(1), cells.get(2)
        if year_cell is None:
            raise _refuse(
                _cell_name(1, number, sheet),
                Code.import_missing_code,
                column=("Jahr", "year"),
            )
        if month_cell is None:
            raise _refuse(
                _cell_name(2, number, sheet),
                Code.import_missing_code,
                column=("Monat", "month"),
            )
        year = _year(year_cell, sheet)
        month = _export_month(month_cell, year, sheet)
        project = _code(cells.get(3), sheet, "Projekt", "project", _cell_name(3, number, sheet))
        metric = _code(cells.get(4), sheet, "Kennzahl", "metric", _cell_name(4, number, sheet))
        value = _count(value_cell, sheet)
        place = _cell_name(5, number, sheet)
        if note_column is None:  # an export without notes says nothing about them
            incoming.append(Incoming(project, metric, month, value, note=KEEP, where=place))
        else:  # an empty Bemerkung is no note
            note = _note(cells.get(note_column))
            incoming.append(Incoming(project, metric, month, value, note=note, where=place))
    return incoming


# -- the workbook ----------------------------------------------------------------------------


def _made_at(wb: Any) -> tuple[datetime | None, bool]:
    """When the file was made, and whether aipdesk said so: aipdesk's own stamp
    (microseconds; True), else the core property "created" (False).

    Both come from the file: a stamp that is no valid moment counts as absent."""
    try:
        for prop in wb.custom_doc_props.props:
            if prop.name == CREATED_PROPERTY and isinstance(prop.value, str):
                stamp = datetime.fromisoformat(prop.value.strip())
                stamp = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp
                return stamp.astimezone(UTC), True
    except (AttributeError, TypeError, ValueError, OverflowError):
        pass  # OverflowError: "0001-01-01T00:30+05:00" lies before the year 1 in UTC
    created = getattr(getattr(wb, "properties", None), "created", None)
    if isinstance(created, datetime):
        try:
            return (
                created.replace(tzinfo=UTC) if created.tzinfo is None else created.astimezone(UTC)
            ), False
        except OverflowError:
            return None, False
    return None, False


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
    with _parsing(where):
        ws = wb[name]
    if not callable(getattr(ws, "iter_rows", None)):
        raise _refuse(_cell_name(1, 1, name), Code.import_not_a_grid, sheet=_shown(name))
    return ws


def _header_row(ws: Any, where: str) -> list[str]:
    rows = _rows(ws, where)
    try:
        first = next(rows, None)
    finally:
        rows.close()
    if first is None or first[0] != 1:
        return []
    cells = first[1]
    return [_header_text(cells.get(c)) for c in range(1, max(cells) + 1)]


def _open(handle: IO[bytes]) -> Any:
    import openpyxl

    if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise RuntimeError("defusedxml is not installed: refusing to parse untrusted workbooks")
    return openpyxl.load_workbook(handle, read_only=True, data_only=False, keep_links=False)


def read_workbook(path: str | os.PathLike[str]) -> ImportFile:
    """Read the values of an entry template (`Erfassung`) or an export (`Daten`).

    Pure reading and checking, no database: any bad cell raises a DomainError naming
    sheet and cell; a file that is no plain .xlsx is refused as a whole.
    """
    file = Path(path)
    where = _shown(file.name or str(file), 255)
    _check_container(file, where)
    try:
        handle = file.open("rb")
    except FileNotFoundError:  # removed since it was checked
        raise _refuse(where, Code.import_file_missing) from None
    except OSError as error:
        raise _refuse(
            where, Code.import_cannot_open, reason=_shown(error.strerror or error)
        ) from None
    with handle, warnings.catch_warnings():
        # openpyxl warns about what it skips or repairs ("data validation extension not
        # supported", "Cell J2 is marked as a date but …"): the refusals say what matters.
        warnings.simplefilter("ignore")
        with _parsing(where):
            wb = _open(handle)
        try:
            return _read(wb, where)
        finally:
            with _parsing(where):
                wb.close()


def _read(wb: Any, where: str) -> ImportFile:
    with _parsing(where):
        names = [str(name) for name in wb.sheetnames]
    made_at, stamped = _made_at(wb)
    template = _find_sheet(names, SHEET)
    export = _find_sheet(names, EXPORT_SHEET)
    if template is not None:
        header = _header_row(_grid(wb, template, where), where)
        if _matches(header, HEADER) or export is None:
            if not _matches(header, HEADER):
                raise _refuse(
                    _cell_name(1, 1, template),
                    Code.import_bad_header,
                    expected=", ".join(HEADER),
                    found=_found(header, len(HEADER)),
                )
            incoming = _read_template(_rows(_grid(wb, template, where), where), template)
            return ImportFile(tuple(incoming), made_at, "template", template, where, stamped)
    if export is not None:
        incoming = _read_export(_rows(_grid(wb, export, where), where), export)
        return ImportFile(tuple(incoming), made_at, "export", export, where, stamped)
    raise _refuse(
        where,
        Code.import_no_sheet,
        template=SHEET,
        export=EXPORT_SHEET,
        found=_shown(", ".join(names), 120) or "–",
    )


def plan_import(db: Database, file: ImportFile) -> Plan:
    """Compare what `file` brings with the database (nothing written): a value changed
    in the database after the file was made is a conflict; when the file's provenance is
    unknown, so is every value the file would change (`ImportFile.since`)."""
    since = file.since()
    return plan_values(db, file.incoming, since=since, changes_conflict=since is None)


def import_workbook(
    db: Database,
    actor: Actor,
    path: str | os.PathLike[str],
    dry_run: bool = False,
    skip_conflicts: bool = False,
) -> ImportReport:
    """Read `path`, compare it with the database and (unless `dry_run`) store it whole.

    Nothing is written when any cell is rejected. With `skip_conflicts`, values changed
    in the database after the file was made keep their database value.
    """
    file = read_workbook(path)
    plan = plan_import(db, file)
    skipped = tuple(i.incoming.key() for i in plan.of(Kind.CONFLICT)) if skip_conflicts else ()
    if dry_run:
        return ImportReport(file, plan, dry_run=True, skipped=skipped)
    changes = Changes()
    if any(i.kind is not Kind.UNCHANGED for i in plan.items):
        changes = write_values(db, actor, file.incoming, skip=skipped)
    return ImportReport(file, plan, dry_run=False, changes=changes, skipped=skipped)
