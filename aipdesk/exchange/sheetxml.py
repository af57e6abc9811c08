"""The `row` elements of a worksheet part, streamed by expat with defusedxml's guards.

Two parsers read the same XML, both with the protections defusedxml gives
openpyxl (an entity declaration or an external reference is refused, an
undefined entity is a syntax error) and one more: a document type declaration
is refused (no worksheet has one), and both in document order, each row at its
end as ElementTree's iterparse gives it:

- the lean one knows only the cells aipdesk, Excel and LibreOffice write: `<c>`
  with at most a value `<v>` and an inline string `<is><t>…</t></is>`. It keeps
  per cell its attributes and those two texts (`Record`) and nothing else;
- the exact one keeps every element inside a row (`Node`), as ElementTree would,
  for what openpyxl reads in other cells (formulas, rich text, a row inside a row).

A sheet is read by the lean parser; at the first element it does not know, the
part is read again from its start by the exact parser, which passes over the rows
given already. Rows that ended before a syntax error are given before the
refusal, as iterparse does.

Before both, `fast_blocks` gives what stands inside `<sheetData>` as bytes, in
blocks that end where a row ends, without a call into Python per element: expat
still reads every byte (the same guards, the same refusals), but with no handlers
inside `<sheetData>`; a block is given only once expat has accepted it. Its
reader (`sheetrows`) must take a block only if every byte of it belongs to a row
it knows (no comment, CDATA, processing instruction or namespace declaration can
then stand among them). It stops (`NotFast`) at rows before or after
`<sheetData>`, another encoding than UTF-8, or any error; the caller reads on
with `row_elements(..., skip=rows given)`, which gives the rest, or the refusal,
exactly as without it.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from typing import IO, Any
from xml.etree.ElementTree import Element
from xml.parsers import expat

from aipdesk.domain.errors import Code
from aipdesk.exchange import guard
from aipdesk.exchange.guard import parsing, refuse

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# Element names as expat reports them: namespace and local name joined with "}".
ROW_TAG, CELL_TAG, VALUE_TAG = f"{MAIN}}}row", f"{MAIN}}}c", f"{MAIN}}}v"
DATA_TAG = f"{MAIN}}}sheetData"
INLINE_TAG, TEXT_TAG = f"{MAIN}}}is", f"{MAIN}}}t"
CHUNK = 1 << 16  # bytes of the part fed to the parser at a time
MAX_DEPTH = 64  # elements inside a row (a cell with rich text is five deep)

# A common cell: [attributes, text of its <v> (None: no <v>), text of its <is><t>
# (None: no <is>; "" an <is> without <t>)].
Record = list[Any]
# Any element: [name, attributes, text before its first child, children].
Node = list[Any]
# A row: its attributes and its cells, as records if all are common, else as nodes.
RawRow = tuple[dict[str, str], list[Record] | None, list[Node] | None]


class _Forbidden(Exception):
    """A document type declaration, an entity declaration or an external reference."""


class _Unknown(Exception):
    """An element the lean parser does not know: the exact one reads the part."""


class NotFast(Exception):
    """The rows from here on are for `row_elements`: `fast_blocks` cannot give them."""


def row_elements(open_part: Callable[[], IO[bytes]], where: str, skip: int = 0) -> Iterator[RawRow]:
    """Every `row` element of the main namespace in the part `open_part()` opens,
    wherever it stands (as openpyxl looks for them), at its end, in document order;
    the first `skip` of them passed over (given already by `fast_blocks`)."""
    given = 0
    source = _opened(open_part, where)
    try:
        for row in _read(source, _lean, where):
            given += 1
            if given > skip:
                yield row
        return
    except _Unknown:
        pass
    finally:
        source.close()
    source = _opened(open_part, where)
    try:
        for index, row in enumerate(_read(source, _exact, where)):
            if index >= max(given, skip):
                yield row
    finally:
        source.close()


# -- the rows of <sheetData> as bytes -----------------------------------------------------------

SHEET_DATA = b"<sheetData>"
SHEET_DATA_END = b"</sheetData>"
ROW_END = b"</row>"
MAX_HEAD = 1 << 22  # bytes before <sheetData> (columns, views: a few hundred in a workbook)
MAX_BLOCK = 1 << 22  # bytes of one row not ended yet
_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})")


def fast_blocks(open_part: Callable[[], IO[bytes]], where: str) -> Iterator[bytes]:
    """What stands inside the part's `<sheetData>` (UTF-8), in blocks that end where a
    row ends (the last where `<sheetData>` ends), each given once expat has read it
    without fault. `NotFast` where it cannot go on. If every byte of the blocks given
    belongs to a `row` element of them, those rows are the rows `row_elements` gives
    first, in the same order."""
    try:
        source = open_part()
    except Exception:
        raise NotFast from None
    try:
        yield from _blocks(source)
    finally:
        source.close()


def _blocks(source: IO[bytes]) -> Iterator[bytes]:
    parser = _expat(None, None, None)
    seen: list[str] = []

    def no_rows(tag: str, attrs: dict[str, str]) -> None:
        if tag == ROW_TAG:
            raise NotFast  # a row outside <sheetData>: row_elements gives it

    def feed(data: bytes, final: bool = False) -> None:
        try:
            parser.Parse(data, final)
        except Exception:  # refused or broken: row_elements says how
            raise NotFast from None

    def read() -> bytes:
        try:
            return source.read(CHUNK)
        except Exception:
            raise NotFast from None

    buffer = b""
    while (at := buffer.find(SHEET_DATA)) < 0:
        chunk = read()
        if not chunk or len(buffer) > MAX_HEAD:
            raise NotFast
        buffer += chunk
    head = buffer[:at].removeprefix(codecs.BOM_UTF8)
    declared = _ENCODING.match(head)
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        raise NotFast  # the bytes of the text would be read in another encoding
    parser.StartElementHandler = no_rows
    feed(buffer[:at])
    parser.StartElementHandler = lambda tag, attrs: seen.append(tag)
    feed(SHEET_DATA)  # the element <sheetData> itself, in the main namespace
    if seen != [DATA_TAG]:
        raise NotFast
    parser.StartElementHandler = None  # no call into Python per element among the rows
    buffer = buffer[at + len(SHEET_DATA) :]
    while True:
        end = buffer.find(SHEET_DATA_END)
        cut = end if end >= 0 else buffer.rfind(ROW_END) + len(ROW_END)
        if end >= 0 or cut >= len(ROW_END):  # whole rows (and what ends <sheetData>)
            block, buffer = buffer[:cut], buffer[cut:]
            feed(block)
            if block:
                yield block
        if end >= 0:
            break
        if len(buffer) > MAX_BLOCK:
            raise NotFast
        chunk = read()
        if not chunk:
            feed(buffer, True)  # a part that ends inside <sheetData>: broken
            raise NotFast
        buffer += chunk
    parser.StartElementHandler = no_rows  # what follows </sheetData> may hold rows
    while buffer:
        feed(buffer)
        buffer = read()
    feed(b"", True)


def _opened(open_part: Callable[[], IO[bytes]], where: str) -> IO[bytes]:
    with parsing(where):
        return open_part()


Handlers = tuple[
    Callable[[str, dict[str, str]], None], Callable[[str], None], Callable[[str], None]
]


def _read(
    source: IO[bytes], handlers: Callable[[list[RawRow]], Handlers], where: str
) -> Iterator[RawRow]:
    done: list[RawRow] = []
    parser = _expat(*handlers(done))
    while True:
        with parsing(where):  # zipfile: a checksum that does not match, bad deflate data
            chunk = source.read(CHUNK)
        failure = None
        try:
            parser.Parse(chunk, not chunk)
        except expat.ExpatError:  # not well-formed, undefined entity, bad encoding
            failure = refuse(where, Code.import_broken)
        except _Forbidden:
            raise refuse(where, Code.import_xml_forbidden) from None
        except MemoryError:
            raise refuse(where, Code.import_too_big, limit=guard.MAX_CELLS) from None
        yield from done
        done.clear()
        if failure is not None:
            raise failure
        if not chunk:
            return


def _expat(
    start: Callable[[str, dict[str, str]], None] | None,
    end: Callable[[str], None] | None,
    data: Callable[[str], None] | None,
) -> Any:
    """An expat parser as ElementTree's (namespace and name joined with "}") with
    defusedxml's guards, and no document type declaration."""

    def forbidden(*args: Any) -> None:
        raise _Forbidden

    def skipped(name: str, is_parameter_entity: bool) -> None:
        if not is_parameter_entity:  # ElementTree: "undefined entity"
            raise expat.ExpatError(f"undefined entity &{name};")

    parser: Any = expat.ParserCreate(None, "}")
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = forbidden
    parser.EntityDeclHandler = forbidden
    parser.UnparsedEntityDeclHandler = forbidden
    parser.ExternalEntityRefHandler = forbidden
    parser.SkippedEntityHandler = skipped
    return parser


def _lean(done: list[RawRow]) -> Handlers:
    """Rows of common cells only; `_Unknown` at any other element inside a row."""
    level = 0  # 0 outside rows; 1 in a row, 2 in a cell, 3 in <v> or <is>, 4 in <t>
    row: dict[str, str] = {}
    cells: list[Record] = []
    cell: Record = []
    collect = 0  # the index of the text being collected in `cell`, 0 for none
    texts = 0  # <t> elements in the current <is>

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal level, row, cells, cell, collect, texts
        if level == 1:
            if tag != CELL_TAG:
                raise _Unknown
            level = 2
            cell = [attrs, None, None]
            cells.append(cell)
        elif level == 2:
            level = 3
            if tag == VALUE_TAG and cell[1] is None:
                cell[1] = ""
                collect = 1
            elif tag == INLINE_TAG and cell[2] is None and not attrs:
                cell[2] = ""
                texts = 0
            else:
                raise _Unknown
        elif level == 3:
            if collect or tag != TEXT_TAG or texts:
                raise _Unknown  # an element in <v>, or more than one <t> in <is>
            level = 4
            texts = 1
            collect = 2
        elif level == 0:
            if tag == ROW_TAG:
                level = 1
                row = attrs
                cells = []
        else:
            raise _Unknown

    def end(tag: str) -> None:
        nonlocal level, collect
        if level:
            level -= 1
            collect = 0
            if not level:
                done.append((row, cells, None))

    def data(text: str) -> None:
        if collect:
            cell[collect] += text

    return start, end, data


def _exact(done: list[RawRow]) -> Handlers:
    """Rows with every element inside them; a row inside a row is given first and then
    stands in its parent cleared, as ElementTree's `clear()` leaves it."""
    stack: list[Node] = []  # the open elements from the outermost open row inwards

    def start(tag: str, attrs: dict[str, str]) -> None:
        if stack:
            if len(stack) > MAX_DEPTH:  # no workbook nests so deep; the nodes would recurse
                raise expat.ExpatError("elements nested too deep in a row")
            node: Node = [tag, attrs, None, []]
            stack[-1][3].append(node)
            stack.append(node)
        elif tag == ROW_TAG:
            stack.append([tag, attrs, None, []])

    def end(tag: str) -> None:
        if stack:
            node = stack.pop()
            if tag == ROW_TAG:
                kids = node[3]
                records: list[Record] = []
                for kid in kids:
                    record = _record(kid)
                    if record is None:
                        done.append((node[1], None, kids))
                        break
                    records.append(record)
                else:
                    done.append((node[1], records, None))
                node[1], node[2], node[3] = {}, None, []

    def data(text: str) -> None:
        if stack:
            node = stack[-1]
            if not node[3]:  # text after a child is that child's tail: never read
                node[2] = text if node[2] is None else node[2] + text

    return start, end, data


def _record(node: Node) -> Record | None:
    """The cell `node` as the lean parser records it, None if it would not know it."""
    tag, attrs, _, kids = node
    if tag != CELL_TAG:
        return None
    record: Record = [attrs, None, None]
    for kid in kids:
        name, kid_attrs, text, inner = kid
        if name == VALUE_TAG and record[1] is None and not inner:
            record[1] = text or ""
        elif name == INLINE_TAG and record[2] is None and not kid_attrs and len(inner) <= 1:
            if inner and (inner[0][0] != TEXT_TAG or inner[0][3]):
                return None
            record[2] = (inner[0][2] or "") if inner else ""
        else:
            return None
    return record


# -- as ElementTree's elements, for openpyxl --------------------------------------------------


def node_element(node: Node) -> Element:
    """A node as ElementTree's element (names as "{namespace}name")."""
    tag, attrs, text, kids = node
    element = Element(_name(tag), {_name(k): v for k, v in attrs.items()})
    element.text = text
    element.extend(node_element(kid) for kid in kids)
    return element


def record_element(record: Record) -> Element:
    """A common cell as ElementTree's element."""
    attrs, value, strings = record
    element = Element(_name(CELL_TAG), {_name(k): v for k, v in attrs.items()})
    if value is not None:
        v = Element(_name(VALUE_TAG))
        v.text = value or None
        element.append(v)
    if strings is not None:
        inline = Element(_name(INLINE_TAG))
        t = Element(_name(TEXT_TAG))
        t.text = strings or None
        inline.append(t)
        element.append(inline)
    return element


def row_element(attrs: dict[str, str], children: list[Element]) -> Element:
    element = Element(_name(ROW_TAG), {_name(k): v for k, v in attrs.items()})
    element.extend(children)
    return element


def _name(name: str) -> str:
    return "{" + name if "}" in name else name
