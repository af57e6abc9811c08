"""The rows of an imported worksheet, as openpyxl's read-only worksheet gives them.

openpyxl opens the workbook (parts, relationships, styles, shared strings,
properties: small) and says where the sheet's part is; its rows are streamed from
the XML by `sheetxml`, instead of openpyxl's cell objects, which cost most of an
import's time and memory. Only the current row is held.

The values are openpyxl's, to the letter: the common cells (numbers, dates by
their style, shared, inline and plain strings, booleans) are converted here as
openpyxl's `WorkSheetParser.parse_cell` converts them; a row with any other cell
(a formula, rich text, an error value, an ISO date, a reference or a number that
openpyxl would refuse) is handed to openpyxl's own `parse_row`, inside
`guard.parsing`, so that it is read or refused exactly as before. The rows are
then numbered, padded and skipped as `ReadOnlyWorksheet._cells_by_row` does, and
counted against the guard's limits a second time.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Generator, Iterator
from typing import Any

from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet._reader import WorkSheetParser

from aipdesk.domain.errors import Code
from aipdesk.exchange import guard
from aipdesk.exchange.cells import Cell, Row
from aipdesk.exchange.guard import parsing, refuse
from aipdesk.exchange.sheetxml import (
    NotFast,
    RawRow,
    Record,
    fast_blocks,
    node_element,
    record_element,
    row_element,
    row_elements,
)

# The kinds of the common cells a column not read passes over (`sheet_rows`' columns).
_UNREAD = frozenset({"n", "s", "str", "inlineStr", "b"})
MAX_COLUMN = 18_278  # ZZZ: the widest column openpyxl names
# A cell as openpyxl's parser gives it: row, column, value, data type.
Parsed = tuple[int, int, Any, str]


def sheet_rows(
    ws: Any, where: str, columns: Collection[int] | None = None
) -> Generator[Row, None, None]:
    """(row number, {column: cell}) of every row with content of the read-only worksheet
    `ws`, in the order of the file.

    The guard counted the sheet's rows and cells before parsing; they are counted
    again here as openpyxl would yield them (rows padded to their last cell).

    With `columns`, the common cells (numbers, strings, booleans) of the other columns
    are passed over unread, as if empty: the import reads only the columns it uses. A
    row with any other cell there (a formula, an error value, a date as text) is still
    read whole by openpyxl, and refused or read exactly as without `columns`. The rows
    are then taken from the XML's bytes as long as they are written as programs write
    them (`_Fast`); from the first row that is not, they are read element by element."""
    book = ws.parent
    cells = _RowParser(
        WorkSheetParser(
            None,
            ws._shared_strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        ),
        where,
        columns,
    )
    numbering = _Numbering(where)
    given = 0
    if columns:
        fast = _Fast(cells, numbering, columns)
        try:
            for block in fast_blocks(ws._get_source, where):
                yield from fast.rows(block)
            return
        except (NotFast, _Slow):
            given = fast.given
    yield from numbering.numbered(cells.parse(row_elements(ws._get_source, where, given)))


class _Numbering:
    """The rows as openpyxl's read-only worksheet yields them, with content only.

    A row numbered below the rows before it is skipped; one numbered beyond the last
    row a sheet can have is refused (openpyxl yields an empty row for every number
    skipped). A row is padded to the column of its last cell (a cell further right
    than that is dropped); the padded cells of all rows are bounded."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.counter = 1  # the number the next row gets
        self.grid = guard.MAX_GRID

    def numbered(self, rows: Iterator[tuple[int, list[Parsed]]]) -> Iterator[Row]:
        for number, parsed in rows:
            if number < self.counter:
                continue
            self.next_row(number)
            if not parsed:
                continue
            width = parsed[-1][1]
            self.padded(width)
            found: dict[int, Cell] = {}
            for row, column, value, kind in _placed(parsed, width):
                if value is None or (value.__class__ is str and not value.strip()):
                    continue  # blank text counts as empty
                found[column] = Cell(row, column, value, kind == "f")
            if found:
                yield next(iter(found.values())).row, found

    def next_row(self, number: int) -> None:
        if number > guard.MAX_ROWS:
            raise refuse(self.where, Code.import_too_big, limit=guard.MAX_CELLS)
        self.counter = number + 1

    def padded(self, width: int) -> None:
        self.grid -= width
        if self.grid < 0:
            raise refuse(self.where, Code.import_too_big, limit=guard.MAX_CELLS)


def _placed(parsed: list[Parsed], width: int) -> list[Parsed]:
    """The cells of a row padded to `width`, by column: of two cells in one column the
    later one, none right of `width`."""
    last = 0
    for cell in parsed:
        if cell[1] <= last:
            break
        last = cell[1]
    else:
        return parsed  # left to right, as every program writes them
    placed = {cell[1]: cell for cell in parsed if cell[1] <= width}
    return [placed[column] for column in sorted(placed)]


class _RowParser:
    """Rows to cells as openpyxl's `WorkSheetParser.parse_row`: the common cells here, any
    row with another kind of cell by `parse_row` itself (`openpyxl` below)."""

    def __init__(
        self, openpyxl: WorkSheetParser, where: str, columns: Collection[int] | None = None
    ) -> None:
        self.openpyxl = openpyxl
        self.wanted = None if columns is None else frozenset(columns)
        self.where = where
        self.strings = openpyxl.shared_strings
        self.dates = openpyxl.date_formats
        self.durations = openpyxl.timedelta_formats
        self.epoch = openpyxl.epoch
        self.row_counter = 0
        self.columns: dict[str, int] = {}

    def parse(self, rows: Iterator[RawRow]) -> Iterator[tuple[int, list[Parsed]]]:
        for attrs, records, nodes in rows:
            parsed = self.common(attrs, records) if records is not None else None
            yield parsed if parsed is not None else self.by_openpyxl(attrs, records, nodes)

    def by_openpyxl(
        self, attrs: dict[str, str], records: list[Record] | None, nodes: list[Any] | None
    ) -> tuple[int, list[Parsed]]:
        if records is not None:
            children = [record_element(record) for record in records]
        else:
            children = [node_element(node) for node in nodes or ()]
        parser = self.openpyxl
        parser.row_counter = self.row_counter
        with parsing(self.where):
            number, cells = parser.parse_row(row_element(attrs, children))
        self.row_counter = parser.row_counter
        return number, [(c["row"], c["column"], c["value"], c["data_type"]) for c in cells]

    def common(
        self, attrs: dict[str, str], records: list[Record]
    ) -> tuple[int, list[Parsed]] | None:
        """The row if openpyxl would read all its cells as `cell` does, else None."""
        r = attrs.get("r")
        if r is None:
            number = self.row_counter + 1
        elif r.isdigit() and r.isascii():
            number = int(r)
        else:
            return None
        cells: list[Parsed] = []
        column = 0
        cell = self.cell
        for record in records:
            parsed = cell(record, number, r, column)
            if parsed is None:
                return None
            column = parsed[1]
            cells.append(parsed)
        self.row_counter = number
        return number, cells

    def cell(self, record: Record, number: int, r: str | None, column: int) -> Parsed | None:
        """One cell as `WorkSheetParser.parse_cell` makes it, or None where openpyxl would
        do more (or refuse it): then openpyxl reads the row."""
        attrs, text, strings = record
        kind = attrs.get("t", "n")
        style: Any = attrs.get("s", 0)
        if style:
            if not (style.isdigit() and style.isascii()):
                return None
            style = int(style)
        reference = attrs.get("r")
        if reference:
            row = number
            letters = reference[: -len(r)] if r and reference.endswith(r) else None
            column = self.columns.get(letters, 0) if letters else 0
            if not column:
                row, column = self.reference(reference)
                if not column:
                    return None
        else:
            row, column = number, column + 1
        if self.wanted is not None and column not in self.wanted and kind in _UNREAD:
            return row, column, None, kind  # a common cell of a column not read: unread
        if kind == "inlineStr":
            return (row, column, None, kind) if strings is None else (row, column, strings, "s")
        if not text:
            return row, column, None, kind
        try:
            if kind == "n":
                value: Any = float(text) if "." in text or "E" in text or "e" in text else int(text)
                if style in self.dates:
                    try:
                        moment = from_excel(value, self.epoch, timedelta=style in self.durations)
                    except (OverflowError, ValueError):
                        return row, column, "#VALUE!", "e"  # out of the range of dates
                    return row, column, moment, "d"
                return row, column, value, "n"
            if kind == "s":
                return row, column, self.strings[int(text)], "s"
            if kind == "b":
                return row, column, bool(int(text)), "b"
        except (ValueError, IndexError):
            return None  # openpyxl refuses it, in its own words
        if kind == "str":
            return row, column, text, "s"
        return None

    def reference(self, reference: str) -> tuple[int, int]:
        """(row, column) of an A1 reference in capitals; column 0 if it is another kind."""
        letters = reference.rstrip("0123456789")
        digits = reference[len(letters) :]
        if not digits or not digits.isascii():
            return 0, 0
        column = self.columns.get(letters)
        if column is None:
            if not (1 <= len(letters) <= 3 and letters.isascii() and letters.isalpha()):
                return 0, 0
            if not letters.isupper():
                return 0, 0
            column = 0
            for letter in letters:
                column = column * 26 + ord(letter) - 64
            self.columns[letters] = column
        return int(digits), column


# -- rows from the bytes of the XML --------------------------------------------------------------


class _Slow(Exception):
    """A row `_Fast` does not read: it and the rows after it are read element by element."""


# A cell as programs write it: `<c r="B7" s="3" t="inlineStr">` (the attributes in this
# order, each optional but r) with a `<v>` or an inline string of one `<t>`, or neither.
_KINDS = rb'(?: t="(n|s|str|inlineStr|b)")?+'  # the common kinds (`_UNREAD`)
_TEXT = rb'(?:<v>([^<\r]*+)</v>)?+(?:<is><t(?: xml:space="preserve")?+>([^<\r]*+)</t></is>)?+'
_ENTITY = re.compile(r"&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _column_letters(column: int) -> bytes:
    letters = b""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = bytes((65 + rest,)) + letters
    return letters


def _row_pattern(wanted: Collection[int], width: int) -> re.Pattern[bytes]:
    """One row of cells in the columns 1 to `width`, each at most once, left to right,
    every reference in the row's own number. Groups: the row's bytes, its number, then
    per column its letters (empty: no cell), and for a column in `wanted` its style,
    kind, value and inline string (the others are passed over unread)."""
    # Any attributes of the row but a namespace declaration (the cells would be another's).
    parts = [rb'([ \t\n]*+<row r="([0-9]{1,7})"(?: (?!xmlns)[A-Za-z][\w:.-]{0,40}="[^"<>]*+")*+>']
    for column in range(1, width + 1):
        name = rb'<c r="(' + _column_letters(column) + rb')\2"'
        if column in wanted:
            body = rb'(?: s="([0-9]{1,9})")?+' + _KINDS + rb"(?:/>|>" + _TEXT + rb"</c>)"
        else:
            text = _TEXT.replace(b"([", b"(?:[")
            body = rb'(?: s="[0-9]{1,9}")?+' + _KINDS.replace(b"(n", b"(?:n")
            body += rb"(?:/>|>" + text + rb"</c>)"
        parts.append(rb"(?:" + name + body + rb")?+")
    parts.append(rb"</row>)")
    return re.compile(b"".join(parts))


def _unescaped(text: str) -> str:
    """Text with XML's references replaced (expat has checked that each is one)."""

    def replaced(match: re.Match[str]) -> str:
        hexadecimal, decimal, named = match.groups()
        if named:
            return _NAMED[named]
        return chr(int(hexadecimal, 16) if hexadecimal else int(decimal))

    return _ENTITY.sub(replaced, text)


class _Fast:
    """The rows of blocks from `sheetxml.fast_blocks`, read by one regular expression per
    block instead of element by element: numbers, inline and shared strings as
    `_RowParser.cell` reads them, other kinds by `cell` itself; the columns not
    wanted only for their place. `_Slow` at the first row it does not read (a cell
    beyond the pattern's columns or out of order, another markup, a value openpyxl
    would read otherwise), before counting it: `given` rows were read."""

    def __init__(self, parser: _RowParser, numbering: _Numbering, columns: Collection[int]) -> None:
        self.parser = parser
        self.numbering = numbering
        wanted = frozenset(columns)
        width = min(max(wanted) + 8, MAX_COLUMN)
        self.pattern = _row_pattern(wanted, width)
        self.given = 0
        # Where each column stands in findall's tuple (the row's bytes, its number, then
        # per column its letters, and for a wanted one style, kind, value, inline string).
        self.last_first: list[tuple[int, int]] = []  # (column, its letters), right to left
        self.wanted: list[tuple[int, int]] = []  # (column, its letters), left to right
        index = 2
        for column in range(1, width + 1):
            self.last_first.insert(0, (column, index))
            if column in wanted:
                self.wanted.append((column, index))
                index += 5
            else:
                index += 1
        self.dated: dict[bytes, bool] = {}  # style attribute -> a date style

    def rows(self, block: bytes) -> Iterator[Row]:
        at = 0
        entities = b"&" in block
        for groups in self.pattern.findall(block):
            whole = groups[0]
            if not block.startswith(whole, at):
                raise _Slow  # something between two rows that is not a row of the pattern
            row = self.row(groups, entities)
            at += len(whole)
            self.given += 1
            if row is not None:
                yield row
        if block[at:].strip(b" \t\n"):
            raise _Slow

    def row(self, groups: tuple[bytes, ...], entities: bool) -> Row | None:
        number = int(groups[1])
        width = 0
        for column, letters in self.last_first:
            if groups[letters]:
                width = column
                break
        found: dict[int, Cell] = {}
        for column, at in self.wanted:
            if column > width:
                break
            kind, text = groups[at + 2], groups[at + 3]
            if kind == b"inlineStr":
                value: Any = groups[at + 4].decode()
                if entities and "&" in value:
                    value = _unescaped(value)
                if not value.strip():
                    continue
            elif not text:
                continue
            else:
                value = text.decode()
                if entities and "&" in value:
                    value = _unescaped(value)
                if not kind or kind == b"n":
                    dated = self.dated.get(groups[at + 1])
                    if dated is None:
                        dated = self.date_style(groups[at + 1])
                    if dated:
                        value = self.generic(groups, at, number, value)
                    else:
                        try:
                            if "." in value or "E" in value or "e" in value:
                                value = float(value)
                            else:
                                value = int(value)
                        except ValueError:
                            raise _Slow from None
                elif kind == b"s":
                    try:
                        value = self.parser.strings[int(value)]
                    except (ValueError, IndexError):
                        raise _Slow from None
                else:
                    value = self.generic(groups, at, number, value)
                if value is None or (value.__class__ is str and not value.strip()):
                    continue
            found[column] = tuple.__new__(Cell, (number, column, value, False))
        self.parser.row_counter = number
        numbering = self.numbering
        if number < numbering.counter:
            return None
        numbering.next_row(number)
        if not width:
            return None
        numbering.padded(width)
        return (number, found) if found else None

    def date_style(self, style: bytes) -> bool:
        dated = (int(style) if style else 0) in self.parser.dates
        self.dated[style] = dated
        return dated

    def generic(self, groups: tuple[bytes, ...], letters: int, number: int, text: str) -> Any:
        """The value of a cell as `_RowParser.cell` reads it; `_Slow` if it would not."""
        r = groups[1].decode()
        attrs = {"r": groups[letters].decode() + r}
        style, kind = groups[letters + 1], groups[letters + 2]
        if style:
            attrs["s"] = style.decode()
        if kind:
            attrs["t"] = kind.decode()
        parsed = self.parser.cell([attrs, text, None], number, r, 0)
        if parsed is None or parsed[3] == "f":
            raise _Slow
        return parsed[2]
