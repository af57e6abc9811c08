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
"""

from __future__ import annotations

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


def row_elements(open_part: Callable[[], IO[bytes]], where: str) -> Iterator[RawRow]:
    """Every `row` element of the main namespace in the part `open_part()` opens,
    wherever it stands (as openpyxl looks for them), at its end, in document order."""
    given = 0
    source = _opened(open_part, where)
    try:
        for row in _read(source, _lean, where):
            given += 1
            yield row
        return
    except _Unknown:
        pass
    finally:
        source.close()
    source = _opened(open_part, where)
    try:
        for index, row in enumerate(_read(source, _exact, where)):
            if index >= given:
                yield row
    finally:
        source.close()


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
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None],
    data: Callable[[str], None],
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
