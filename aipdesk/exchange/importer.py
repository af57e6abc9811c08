"""Reading monthly values back from a workbook: the entry template or an export's `Daten`.

`read_workbook` only reads and checks the cells (no database); `import_workbook`
compares the values with the database (new, changed, unchanged, conflict) and
writes them in one transaction, or nothing at all. Every rejection names the
place: the sheet and cell (`Erfassung!G5: "-3" ist keine gültige Anzahl`), or
the file when the file as a whole is refused.

Files come from other people's computers, so they are treated as untrusted:
the container is checked before openpyxl sees it (zip, no encryption, no
macros, bounded sizes), openpyxl parses through defusedxml, and the number of
cells read is capped.
"""

from __future__ import annotations

import os
import warnings
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.domain.rules import parse_count
from aipdesk.exchange.export import DATA_KEY_COLUMNS, DATA_NOTE_COLUMN, DATA_SHEET
from aipdesk.exchange.template import CREATED_PROPERTY, HEADER, SHEET
from aipdesk.services.base import Actor, CellKey, Changes
from aipdesk.services.batch import KEEP, Incoming, Kind, Plan, PlanItem, plan_values, write_values

if TYPE_CHECKING:
    from aipdesk.services.database import Database

__all__ = [
    "EXPORT_HEADER",
    "EXPORT_SHEET",
    "MESSAGES",
    "ImportFile",
    "ImportReport",
    "import_workbook",
    "read_workbook",
]

# The export's Daten layout, as the export writes it.
EXPORT_SHEET = DATA_SHEET
EXPORT_HEADER = DATA_KEY_COLUMNS
NOTE_HEADER = DATA_NOTE_COLUMN

# Limits for untrusted files. A year's template has a few hundred cells, an export's
# `Daten` sheet one row per monthly value; these bounds are far above both.
MAX_FILE_BYTES = 50_000_000  # the file on disk
MAX_PART_BYTES = 100_000_000  # any one part of the zip, unpacked (sheet XML, shared strings)
MAX_TOTAL_BYTES = 250_000_000  # all parts together, unpacked
MAX_PARTS = 10_000
MAX_CELLS = 1_000_000  # cells (and rows) read from the sheet

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx, old .xls
ZIP_MAGIC = b"PK\x03\x04"
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam")
WORKBOOK_CONTENT_TYPES = (
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
)

# Texts of the rejections (German, English). They are raised through the generic
# code "at_cell" for now; each key is the error code proposed for domain/errors.py.
MESSAGES: dict[str, tuple[str, str]] = {
    "import_file_missing": (
        "Die Datei gibt es nicht",
        "the file does not exist",
    ),
    "import_file_empty": (
        "Die Datei ist leer",
        "the file is empty",
    ),
    "import_file_too_large": (
        "Die Datei ist zu groß für einen Import ({size} MB, höchstens {limit} MB)",
        "the file is too large to import ({size} MB, at most {limit} MB)",
    ),
    "import_not_xlsx": (
        "Die Datei ist keine Excel-Arbeitsmappe (.xlsx); bitte in Excel als "
        "„Excel-Arbeitsmappe (*.xlsx)“ speichern",
        "the file is not an Excel workbook (.xlsx); please save it in Excel as "
        '"Excel Workbook (*.xlsx)"',
    ),
    "import_binary": (
        "Die Datei ist im binären Excel-Format (.xlsb); bitte als "
        "„Excel-Arbeitsmappe (*.xlsx)“ speichern",
        'the file is in the binary Excel format (.xlsb); please save it as "Excel Workbook '
        '(*.xlsx)"',
    ),
    "import_encrypted": (
        "Die Datei ist kennwortgeschützt (verschlüsselt) oder im alten Excel-Format (.xls); "
        "bitte ohne Kennwort als „Excel-Arbeitsmappe (*.xlsx)“ speichern",
        "the file is password-protected (encrypted) or in the old Excel format (.xls); "
        'please save it without a password as "Excel Workbook (*.xlsx)"',
    ),
    "import_macros": (
        "Die Datei enthält Makros (.xlsm); Arbeitsmappen mit Makros werden nicht eingelesen. "
        "Bitte als „Excel-Arbeitsmappe (*.xlsx)“ ohne Makros speichern",
        "the file contains macros (.xlsm); workbooks with macros are not read. Please save "
        'it as "Excel Workbook (*.xlsx)" without macros',
    ),
    "import_broken": (
        "Die Datei ist beschädigt und lässt sich nicht lesen",
        "the file is damaged and cannot be read",
    ),
    "import_too_big": (
        "Die Arbeitsmappe ist zu groß für einen Import (mehr als {limit} Zellen oder "
        "zu große Bestandteile)",
        "the workbook is too large to import (more than {limit} cells or oversized parts)",
    ),
    "import_no_sheet": (
        "Blatt „{template}“ (Erfassungsvorlage) oder „{export}“ (Export) fehlt; gefunden: {found}",
        'sheet "{template}" (entry template) or "{export}" (export) is missing; found: {found}',
    ),
    "import_bad_header": (
        "Die Kopfzeile muss mit {expected} beginnen (gefunden: {found})",
        "the header row must start with {expected} (found: {found})",
    ),
    "import_no_months": (
        "In der Kopfzeile stehen keine Monate (JJJJ-MM ab Spalte D)",
        "the header row holds no months (YYYY-MM from column D on)",
    ),
    "import_formula": (
        "Formeln werden nicht übernommen",
        "formulas are not accepted",
    ),
    "import_no_month_column": (
        "Wert in einer Spalte ohne Monat (JJJJ-MM) in der Kopfzeile",
        "value in a column without a month (YYYY-MM) in the header row",
    ),
    "import_missing_code": (
        "{column} fehlt in einer Zeile mit Werten",
        "{column_en} is missing in a row with values",
    ),
    "import_bad_code": (
        '"{text}" ist kein gültiges Kürzel',
        '"{text}" is not a valid code',
    ),
    "import_bad_year": (
        '"{text}" ist kein gültiges Jahr',
        '"{text}" is not a valid year',
    ),
    "import_month_year": (
        "Monat {month} passt nicht zum Jahr {year}",
        "month {month} does not match the year {year}",
    ),
}


def _refuse(where: str, key: str, **params: Any) -> DomainError:
    de, en = MESSAGES[key]
    return DomainError("at_cell", where=where, message=(de.format(**params), en.format(**params)))


def _at(where: str, error: DomainError) -> DomainError:
    return DomainError("at_cell", where=where, message=(error.text("de"), error.text("en")))


@dataclass(frozen=True)
class ImportFile:
    """What a workbook says: its values, when it was made and which layout it has."""

    incoming: tuple[Incoming, ...]
    made_at: datetime | None  # UTC; values stored after it are conflicts
    kind: Literal["template", "export"]
    sheet: str
    name: str = ""  # the file name, for messages


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


# -- the container --------------------------------------------------------------------------


def _check_container(path: Path, where: str) -> None:
    """Refuse what is not a plain, bounded .xlsx before any XML parser sees it."""
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise _refuse(where, "import_macros")
    if suffix == ".xlsb":
        raise _refuse(where, "import_binary")
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise _refuse(where, "import_not_xlsx")
        with path.open("rb") as handle:
            magic = handle.read(8)
    except FileNotFoundError:
        raise _refuse(where, "import_file_missing") from None
    except OSError as error:
        raise DomainError(
            "at_cell",
            where=where,
            message=(
                f"Die Datei lässt sich nicht öffnen ({error.strerror or error})",
                f"cannot open the file ({error.strerror or error})",
            ),
        ) from None
    if size == 0:
        raise _refuse(where, "import_file_empty")
    if size > MAX_FILE_BYTES:
        raise _refuse(
            where,
            "import_file_too_large",
            size=round(size / 1e6),
            limit=round(MAX_FILE_BYTES / 1e6),
        )
    if magic.startswith(OLE2_MAGIC):
        raise _refuse(where, "import_encrypted")
    if not magic.startswith(ZIP_MAGIC):
        raise _refuse(where, "import_not_xlsx")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, where)
    except DomainError:
        raise
    except Exception:  # BadZipFile, zlib.error, EOFError, OSError, …: a damaged zip
        raise _refuse(where, "import_broken") from None


def _check_archive(archive: zipfile.ZipFile, where: str) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise _refuse(where, "import_too_big", limit=MAX_CELLS)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(where, "import_encrypted")
        if info.file_size > MAX_PART_BYTES:
            raise _refuse(where, "import_too_big", limit=MAX_CELLS)
        total += info.file_size
        name = info.filename.lower()
        if name.endswith("vbaproject.bin") or name.endswith("vbaprojectsignature.bin"):
            raise _refuse(where, "import_macros")
    if total > MAX_TOTAL_BYTES:
        raise _refuse(where, "import_too_big", limit=MAX_CELLS)
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise _refuse(where, "import_not_xlsx")
    types = archive.read("[Content_Types].xml")
    if b"macroenabled" in types.lower():
        if b"binary" in types.lower():
            raise _refuse(where, "import_binary")
        raise _refuse(where, "import_macros")
    if not any(t in types for t in WORKBOOK_CONTENT_TYPES):
        raise _refuse(where, "import_not_xlsx")  # a .docx, an .ods or any other zip
    if archive.testzip() is not None:  # every part unpacks and matches its checksum
        raise _refuse(where, "import_broken")


# -- cells ---------------------------------------------------------------------------------


def _cell_name(column: int, row: int, sheet: str) -> str:
    from openpyxl.utils import get_column_letter

    return f"{sheet}!{get_column_letter(column)}{row}"


@dataclass(frozen=True)
class _Cell:
    row: int
    column: int
    value: Any
    formula: bool


def _rows(ws: Any, where: str) -> Generator[tuple[int, dict[int, _Cell]], None, None]:
    """(row number, {column: cell}) of every row with content, reading at most MAX_CELLS."""
    ws.reset_dimensions()  # never trust the declared size: read what is there
    budget = MAX_CELLS
    for cells in ws.iter_rows(min_row=1, min_col=1):
        budget -= len(cells) + 1
        if budget < 0:
            raise _refuse(where, "import_too_big", limit=MAX_CELLS)
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
        raise _refuse(_cell_name(cell.column, cell.row, sheet), "import_formula")


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
            raise DomainError("bad_count", text=str(value))
        return parse_count(value)
    except DomainError as error:
        if error.code == "negative_count":  # the contract's wording: "-3" is no valid count
            error = DomainError("bad_count", **error.params)
        raise _at(where, error) from None


def _code(cell: _Cell | None, sheet: str, column: str, column_en: str, where: str) -> str:
    if cell is None:
        raise _refuse(where, "import_missing_code", column=column, column_en=column_en)
    _no_formula(cell, sheet)
    if isinstance(cell.value, (datetime, date, time, timedelta, bool)):
        raise _refuse(
            _cell_name(cell.column, cell.row, sheet), "import_bad_code", text=str(cell.value)
        )
    return _text(cell.value)


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
            raise DomainError("bad_month", text=_text(value))
        text = value.strip()
        month = Month.parse(text)
        if len(text) != 7:  # exactly YYYY-MM, as the contract says
            raise DomainError("bad_month", text=text)
        return month
    except DomainError as error:
        raise _at(where, error) from None


# -- the two layouts -------------------------------------------------------------------------


def _matches(found: list[str], expected: tuple[str, ...]) -> bool:
    return [f.casefold() for f in found[: len(expected)]] == [e.casefold() for e in expected]


def _read_template(rows: Iterator[tuple[int, dict[int, _Cell]]], sheet: str) -> list[Incoming]:
    first = next(rows, None)
    header = first[1] if first and first[0] == 1 else {}
    if not header:
        raise _refuse(
            f"{sheet}!A1",
            "import_bad_header",
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
        raise _refuse(_cell_name(len(HEADER) + 1, 1, sheet), "import_no_months")
    incoming: list[Incoming] = []
    for number, cells in rows:
        for cell in cells.values():
            _no_formula(cell, sheet)
        values = {c: cell for c, cell in cells.items() if c > len(HEADER)}
        if not values:
            continue  # a row without values says nothing (names, remarks in column C)
        for column in sorted(values):
            if column not in months:
                raise _refuse(_cell_name(column, number, sheet), "import_no_month_column")
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
    elif text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2999:
        return int(text)
    raise _refuse(_cell_name(cell.column, cell.row, sheet), "import_bad_year", text=text)


def _export_month(cell: _Cell, year: int, sheet: str) -> Month:
    """The Monat column: 1–12, or YYYY-MM (then it must lie in the row's year), or a date."""
    where = _cell_name(cell.column, cell.row, sheet)
    _no_formula(cell, sheet)
    value = cell.value
    try:
        if isinstance(value, (datetime, date)):
            month = Month(value.year, value.month)
        elif isinstance(value, bool):
            raise DomainError("bad_month", text=str(value))
        elif isinstance(value, (int, float)) or (
            isinstance(value, str) and value.strip().isdigit()
        ):
            number = float(value)
            if not number.is_integer():
                raise DomainError("bad_month", text=_text(value))
            month = Month(year, int(number))
        else:
            month = Month.parse(str(value))
    except DomainError as error:
        raise _at(where, error) from None
    if month.year != year:
        raise _refuse(where, "import_month_year", month=str(month), year=year)
    return month


def _read_export(rows: Iterator[tuple[int, dict[int, _Cell]]], sheet: str) -> list[Incoming]:
    first = next(rows, None)
    header = first[1] if first and first[0] == 1 else {}
    width = max(header, default=0)
    names = [_header_text(header.get(c)) for c in range(1, width + 1)]
    if not _matches(names, EXPORT_HEADER):
        raise _refuse(
            f"{sheet}!A1",
            "import_bad_header",
            expected=", ".join(EXPORT_HEADER),
            found=", ".join(names[: len(EXPORT_HEADER)]) or "(leer)",
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
                _cell_name(1, number, sheet), "import_missing_code", column="Jahr", column_en="year"
            )
        if month_cell is None:
            raise _refuse(
                _cell_name(2, number, sheet),
                "import_missing_code",
                column="Monat",
                column_en="month",
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
            note_cell = cells.get(note_column)
            note = None if note_cell is None else _text(note_cell.value) or None
            incoming.append(Incoming(project, metric, month, value, note=note, where=place))
    return incoming


# -- the workbook ----------------------------------------------------------------------------


def _made_at(wb: Any) -> datetime | None:
    """When the file was made: aipdesk's own stamp (microseconds), else the core property."""
    try:
        for prop in wb.custom_doc_props.props:
            if prop.name == CREATED_PROPERTY and isinstance(prop.value, str):
                stamp = datetime.fromisoformat(prop.value.strip())
                return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
    except (AttributeError, TypeError, ValueError):
        pass
    created = getattr(wb.properties, "created", None)
    if isinstance(created, datetime):
        return created.replace(tzinfo=UTC) if created.tzinfo is None else created.astimezone(UTC)
    return None


def _find_sheet(names: list[str], wanted: str) -> str | None:
    for name in names:
        if name == wanted:
            return name
    for name in names:
        if name.strip().casefold() == wanted.casefold():
            return name
    return None


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
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "data validation extension not supported", …
        return openpyxl.load_workbook(handle, read_only=True, data_only=False, keep_links=False)


def read_workbook(path: str | os.PathLike[str]) -> ImportFile:
    """Read the values of an entry template (`Erfassung`) or an export (`Daten`).

    Pure reading and checking, no database: any bad cell raises a DomainError naming
    sheet and cell; a file that is no plain .xlsx is refused as a whole.
    """
    file = Path(path)
    where = file.name or str(file)
    _check_container(file, where)
    try:
        with file.open("rb") as handle:
            wb = _open(handle)
            try:
                return _read(wb, where)
            finally:
                wb.close()
    except DomainError:
        raise
    except MemoryError:
        raise _refuse(where, "import_too_big", limit=MAX_CELLS) from None
    except Exception:  # anything the parser trips over in a damaged or hostile file
        raise _refuse(where, "import_broken") from None


def _read(wb: Any, where: str) -> ImportFile:
    names = list(wb.sheetnames)
    made_at = _made_at(wb)
    template = _find_sheet(names, SHEET)
    export = _find_sheet(names, EXPORT_SHEET)
    if template is not None:
        header = _header_row(wb[template], where)
        if _matches(header, HEADER) or export is None:
            if not _matches(header, HEADER):
                raise _refuse(
                    f"{template}!A1",
                    "import_bad_header",
                    expected=", ".join(HEADER),
                    found=", ".join(header[: len(HEADER)]) or "(leer)",
                )
            incoming = _read_template(_rows(wb[template], where), template)
            return ImportFile(tuple(incoming), made_at, "template", template, where)
    if export is not None:
        incoming = _read_export(_rows(wb[export], where), export)
        return ImportFile(tuple(incoming), made_at, "export", export, where)
    raise _refuse(
        where,
        "import_no_sheet",
        template=SHEET,
        export=EXPORT_SHEET,
        found=", ".join(names) or "–",
    )


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
    plan = plan_values(db, file.incoming, since=file.made_at)
    skipped = tuple(i.incoming.key() for i in plan.of(Kind.CONFLICT)) if skip_conflicts else ()
    if dry_run:
        return ImportReport(file, plan, dry_run=True, skipped=skipped)
    changes = Changes()
    if any(i.kind is not Kind.UNCHANGED for i in plan.items):
        changes = write_values(db, actor, file.incoming, skip=skipped)
    return ImportReport(file, plan, dry_run=False, changes=changes, skipped=skipped)
