"""Checks of untrusted workbooks before, and around, the libraries that parse them.

Files come from other people's computers, so nothing in them is trusted; every limit
is checked before an XML parser sees the part it bounds:

- the container: a zip (no OLE2, no encryption, no macros), only the two packing
  methods Excel writes (a bzip2 or LZMA part could unpack without bound), the number
  of parts its end record declares (field 4 of the end-of-central-directory record:
  the number of entries; field 5 is the directory's size in bytes) and their declared
  sizes bounded;
- every part is unpacked once, in pieces, before parsing: its checksum is tested
  and its markup counted as it streams past. A worksheet may hold at most
  `MAX_ROWS` rows and `MAX_CELLS` cells, and its rows, padded by openpyxl to their
  last cell, at most `MAX_GRID` cells together; the shared strings at most
  `MAX_STRINGS` entries (a 155 KB file can declare twenty million empty ones, which
  openpyxl would build as Python strings: gigabytes). A part in an encoding whose
  markup is not ASCII (UTF-16, EBCDIC) is refused: the count could not see it;
- around every call into zipfile and openpyxl, `parsing` turns what a library raises
  on a damaged or hostile file into a DomainError naming the file: damage (zip,
  deflate, XML syntax, encoding), forbidden XML, exhaustion; anything else a library
  raises there becomes `import_unreadable` naming the exception's kind. The checks of
  aipdesk's own code run outside it, so a mistake of ours is never passed off as a
  damaged file.
"""

from __future__ import annotations

import codecs
import errno
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import ParseError

from aipdesk.domain.errors import Code, DomainError

# Limits for untrusted files. A year's template has a few hundred cells, an export's
# `Daten` sheet one row per monthly value; these bounds are far above both.
MAX_FILE_BYTES = 50_000_000  # the file on disk
MAX_PART_BYTES = 100_000_000  # any one part of the zip, unpacked (sheet XML, shared strings)
MAX_TOTAL_BYTES = 250_000_000  # all parts together, unpacked
MAX_PARTS = 10_000
MAX_ROWS = 1_048_576  # rows of a worksheet (as many as Excel has)
# An export of 100,000 monthly values has a Daten sheet of 100,001 rows of ten columns:
# about 950,000 cells, 1,000,010 once openpyxl pads each row to its last cell.
MAX_CELLS = 1_500_000  # cells of one worksheet
MAX_GRID = 3_000_000  # cells of one worksheet with each row padded to its last cell
MAX_STRINGS = 1_000_000  # entries of the shared strings
SHOWN_CHARS = 60  # characters of user text quoted in a message
CHUNK = 1 << 20  # bytes of a part unpacked at a time
MAX_TAG = 1 << 20  # bytes of one start tag, or of text between two tags, while counting

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx, old .xls
ZIP_MAGIC = b"PK\x03\x04"
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam")
WORKBOOK_CONTENT_TYPES = (
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
)
PACKING_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # what Excel writes
AES_METHOD = 99  # WinZip AES: an encrypted part
ENCRYPTED_FLAGS = 0x1 | 0x40  # traditional and strong encryption
_END_RECORD = struct.Struct("<4s4H2LH")  # end of central directory
_END_RECORD_64 = struct.Struct("<4sQ2H2L4Q")  # zip64 end of central directory
_MISSING_PART = re.compile(r"[\"']There is no item named '(.*)' in the archive[\"']", re.S)
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]+")


def refuse(where: str, code: Code, **params: Any) -> DomainError:
    return DomainError(code, where=where, **params)


def shown(value: Any, limit: int = SHOWN_CHARS) -> str:
    """User text for a message: one line, control characters as spaces, shortened."""
    text = _UNPRINTABLE.sub(" ", value if isinstance(value, str) else _as_text(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# -- the boundary to the libraries that parse the file ----------------------------------------


@contextmanager
def parsing(where: str) -> Iterator[None]:
    """Around each call into zipfile or openpyxl on the untrusted file: what they raise on
    a damaged or hostile file becomes a DomainError naming the file."""
    try:
        yield
    except DomainError:
        raise
    except Exception as error:  # the last line is in unreadable: for parsing the file only
        raise unreadable(where, error) from None


def unreadable(where: str, error: BaseException) -> DomainError:
    from defusedxml.common import DefusedXmlException  # type: ignore[import-untyped]

    # openpyxl wraps what goes wrong while it reads the workbook's parts in a ValueError
    # ("Unable to read workbook: could not read worksheets …") raised from the real cause.
    while error.__cause__ is not None:
        error = error.__cause__
    if isinstance(error, MemoryError):  # a part that parses into more than there is memory
        return refuse(where, Code.import_too_big, limit=MAX_CELLS)
    if isinstance(error, DefusedXmlException):  # DTD, entities, external references
        return refuse(where, Code.import_xml_forbidden)
    if isinstance(
        error,
        (
            zipfile.BadZipFile,  # no zip, a bad directory, a checksum that does not match
            zlib.error,  # deflate data that does not inflate
            EOFError,  # a part shorter than its header says
            ParseError,  # XML that is not well-formed (also: bytes that are no UTF-8)
            UnicodeError,  # text in an encoding it does not claim
        ),
    ):
        return refuse(where, Code.import_broken)
    origin = _raised_in(error)  # "module.function" of the library code that raised it
    if isinstance(error, KeyError):
        if missing := _MISSING_PART.fullmatch(str(error)):  # zipfile: no such part
            return refuse(where, Code.import_part_missing, part=shown(missing.group(1), 80))
        if origin.startswith(("openpyxl.reader.", "openpyxl.packaging.")):
            # a sheet or part whose relationship id (r:id="rId7") leads nowhere
            return refuse(where, Code.import_part_missing, part=shown(error.args[0], 80))
    if isinstance(error, AttributeError) and origin.startswith(
        "openpyxl.reader.excel.ExcelReader.read_chartsheet"
    ):
        # openpyxl 3.1 cannot read a chart sheet without a chart (it expects its drawing)
        return refuse(where, Code.import_empty_chartsheet)
    if isinstance(error, NotImplementedError) and origin.startswith("zipfile."):
        return refuse(where, Code.import_broken)  # "zip file version 8.4": no Excel writes it
    if isinstance(error, (ValueError, TypeError)) and origin.startswith(
        ("openpyxl.utils.cell.", "openpyxl.worksheet._reader.WorkSheetParser.parse_row")
    ):
        # a reference openpyxl cannot convert: <c r="1A">, <dimension ref="A1:ZZZZ9">,
        # <row r="x">, a shared formula in a cell without any reference
        return refuse(where, Code.import_bad_reference)
    if isinstance(error, (ValueError, TypeError, IndexError)) and origin.startswith(
        (
            "openpyxl.descriptors.",
            "openpyxl.utils.datetime.",
            "openpyxl.worksheet._reader.WorkSheetParser.parse_cell",
            "openpyxl.worksheet._reader._cast_number",
        )
    ):
        # a value that does not fit its type: a cell t="d" with "2021-02-30", t="b" with
        # "x", t="s" pointing past the shared strings; a created date that does not exist
        return refuse(where, Code.import_bad_value)
    if isinstance(error, OSError):
        if error.errno == errno.EINVAL:  # zipfile seeking to an offset the file cannot have
            return refuse(where, Code.import_broken)
        # the file vanished or cannot be read while it is open
        return refuse(where, Code.import_cannot_open, reason=shown(error.strerror or error))
    # The last line. The libraries raise many kinds on hostile input (KeyError for a
    # missing part, ValueError or TypeError for an attribute they cannot convert,
    # IndexError for a shared string that is not there, …): none may escape as a traceback.
    return refuse(where, Code.import_unreadable, kind=type(error).__name__)


def _raised_in(error: BaseException) -> str:
    """Where `error` was raised: "module.function" of the innermost frame of its traceback."""
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return ""
    code = tb.tb_frame.f_code
    name = getattr(code, "co_qualname", code.co_name)
    return f"{tb.tb_frame.f_globals.get('__name__', '')}.{name}"


# -- the container --------------------------------------------------------------------------


def check_container(path: Path, where: str) -> None:
    """Refuse what is not a plain, bounded .xlsx before any XML parser sees it."""
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise refuse(where, Code.import_macros)
    if suffix == ".xlsb":
        raise refuse(where, Code.import_binary)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise refuse(where, Code.import_not_xlsx)
        with path.open("rb") as handle:
            magic = handle.read(8)
            if size > MAX_FILE_BYTES:
                raise refuse(
                    where,
                    Code.import_file_too_large,
                    size=round(size / 1e6),
                    limit=round(MAX_FILE_BYTES / 1e6),
                )
            if magic.startswith(ZIP_MAGIC) and _declared_parts(handle, size) > MAX_PARTS:
                raise refuse(where, Code.import_too_big, limit=MAX_CELLS)
    except FileNotFoundError:
        raise refuse(where, Code.import_file_missing) from None
    except OSError as error:
        raise refuse(
            where, Code.import_cannot_open, reason=shown(error.strerror or error)
        ) from None
    if size == 0:
        raise refuse(where, Code.import_file_empty)
    if magic.startswith(OLE2_MAGIC):
        raise refuse(where, Code.import_encrypted)
    if not magic.startswith(ZIP_MAGIC):
        raise refuse(where, Code.import_not_xlsx)
    with parsing(where):
        archive = zipfile.ZipFile(path)
    with archive:
        _check_archive(archive, where)


def _declared_parts(handle: IO[bytes], size: int) -> int:
    """How many parts the zip's end record declares, read before zipfile builds its
    directory (a 50 MB file could declare a million parts). 0 when there is no end
    record: zipfile then refuses the file itself."""
    tail_size = min(size, _END_RECORD.size + 65_535)  # the record and a comment at most
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _END_RECORD.size:
        return 0
    # Fields: signature, this disk, the directory's disk, entries on this disk, entries
    # in all (4), the directory's size in bytes (5), its offset, the comment's length.
    parts = int(_END_RECORD.unpack_from(tail, at)[4])
    if parts != 0xFFFF:
        return parts
    # zip64: the locator (20 bytes) before the end record points to the zip64 record.
    if at < 20 or tail[at - 20 : at - 16] != b"PK\x06\x07":
        return parts
    (offset,) = struct.unpack_from("<Q", tail, at - 12)
    if offset > size - _END_RECORD_64.size:
        return parts
    handle.seek(offset)
    record = handle.read(_END_RECORD_64.size)
    if record[:4] != b"PK\x06\x06":
        return parts
    return int(_END_RECORD_64.unpack(record)[7])


def _check_archive(archive: zipfile.ZipFile, where: str) -> None:
    infos = archive.infolist()  # read by the constructor already
    if len(infos) > MAX_PARTS:
        raise refuse(where, Code.import_too_big, limit=MAX_CELLS)
    total = 0
    for info in infos:
        if info.flag_bits & ENCRYPTED_FLAGS or info.compress_type == AES_METHOD:
            raise refuse(where, Code.import_encrypted)
        if info.compress_type not in PACKING_METHODS:
            # bzip2 and LZMA parts are unpacked by zipfile without a bound on the output.
            raise refuse(where, Code.import_compression, method=info.compress_type)
        if info.file_size > MAX_PART_BYTES:
            raise refuse(where, Code.import_too_big, limit=MAX_CELLS)
        total += info.file_size
        name = info.filename.lower()
        if name.endswith("vbaproject.bin") or name.endswith("vbaprojectsignature.bin"):
            raise refuse(where, Code.import_macros)
    if total > MAX_TOTAL_BYTES:
        raise refuse(where, Code.import_too_big, limit=MAX_CELLS)
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise refuse(where, Code.import_not_xlsx)
    with parsing(where):
        types = archive.read("[Content_Types].xml")
    if b"macroenabled" in types.lower():
        if b"binary" in types.lower():
            raise refuse(where, Code.import_binary)
        raise refuse(where, Code.import_macros)
    if not any(t in types for t in WORKBOOK_CONTENT_TYPES):
        raise refuse(where, Code.import_not_xlsx)  # a .docx, an .ods or any other zip
    for info in infos:
        _scan(archive, info, where).check(where)


# -- counting the markup of each part before it is parsed -------------------------------------

_PREFIX = rb"<(?:[A-Za-z_][\w.-]*:)?"  # <row, <x:row: the prefix is the file's to choose
_ROW = re.compile(_PREFIX + rb"row(?=[\s/>])")
_CELL = re.compile(_PREFIX + rb"c(?=[\s/>])")
_STRING = re.compile(_PREFIX + rb"si(?=[\s/>])")
_ROW_NUMBER = re.compile(_PREFIX + rb"row\s[^>]*?\br\s*=\s*[\"']\s*([0-9]{1,15})")
_CELL_COLUMN = re.compile(_PREFIX + rb"c\s[^>]*?\br\s*=\s*[\"']\s*\$?([A-Za-z]{1,7})\s*\$?[0-9]")
# What Excel, LibreOffice and openpyxl write: found by a search for a literal, fast.
_PLAIN_ROW = re.compile(rb"<row[\s/>]")
_PLAIN_CELL = re.compile(rb"<c[\s/>]")
_PLAIN_STRING = re.compile(rb"<si[\s/>]")
_PLAIN_ROW_NUMBER = re.compile(rb'<row r="([0-9]{1,15})"')
_PLAIN_COLUMN = re.compile(rb' r="\$?([A-Za-z]{1,7})\$?[0-9]')  # a cell reference
# Markup written otherwise (a namespace prefix, r='…', spaces around =) is counted by the
# slower patterns above. (A reference the plain pattern misses only makes the padded size
# look smaller: openpyxl's rows are counted again as they are read.)
_IRREGULAR = (b":c", b":row", b":si", b"r='", b"r =", b"r= ")
_DECLARED = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})")
_MARKUP = '<?xml version="1.0"?><row r="1"><c r="A1"><si>'


@dataclass
class _Counts:
    """What one part holds, counted in its bytes: rows (and the highest row number),
    cells (and the widest column a cell names), shared strings."""

    name: str
    rows: int = 0
    highest_row: int = 0
    cells: int = 0
    widest: int = 0
    strings: int = 0

    def add(self, markup: bytes) -> None:
        if b"<" not in markup:
            return
        if any(mark in markup for mark in _IRREGULAR):
            rows, cells, strings = _ROW, _CELL, _STRING
            numbers, columns = _ROW_NUMBER.findall(markup), _CELL_COLUMN.findall(markup)
        else:
            rows, cells, strings = _PLAIN_ROW, _PLAIN_CELL, _PLAIN_STRING
            numbers, columns = _PLAIN_ROW_NUMBER.findall(markup), _PLAIN_COLUMN.findall(markup)
        self.rows += len(rows.findall(markup))
        self.cells += len(cells.findall(markup))
        self.strings += len(strings.findall(markup))
        if numbers:
            self.highest_row = max(self.highest_row, *map(int, numbers))
        for letters in set(columns):
            self.widest = max(self.widest, _column_number(letters))

    @property
    def grid(self) -> int:
        """An upper bound of the cells openpyxl yields: each row padded to its last cell
        (a named column, or, for cells without a reference, one after the other)."""
        return self.rows * self.widest + self.cells

    def check(self, where: str) -> None:
        if (
            self.rows > MAX_ROWS
            or self.highest_row > MAX_ROWS
            or self.cells > MAX_CELLS
            or self.grid > MAX_GRID
            or self.strings > MAX_STRINGS
        ):
            raise refuse(where, Code.import_too_big, limit=MAX_CELLS)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _check_encoding(head: bytes, where: str) -> None:
    """Refuse a part whose markup is not written in ASCII bytes (UTF-16, UTF-32, EBCDIC):
    the counts could not see it; Excel writes UTF-8 only."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or head[:4] in (
        b"\x00<\x00?",
        b"<\x00?\x00",
        b"\x00\x00\x00<",
        b"<\x00\x00\x00",
    ):
        raise refuse(where, Code.import_broken)
    declared = _DECLARED.search(head.removeprefix(codecs.BOM_UTF8)[:300])
    if declared is None:
        return
    try:
        ascii_markup = _MARKUP.encode(declared.group(1).decode("ascii")) == _MARKUP.encode()
    except (LookupError, UnicodeError, ValueError):
        ascii_markup = False
    if not ascii_markup:
        raise refuse(where, Code.import_broken)


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: str) -> _Counts:
    """Unpack one part in pieces: zipfile tests its checksum at the end (and never unpacks
    more than the declared size), the counts bound what a parser would build of it."""
    counts = _Counts(info.filename)
    carry = b""
    first = True
    with parsing(where):
        part = archive.open(info)
    with part:
        while True:
            with parsing(where):  # zipfile: a checksum that does not match, bad deflate data
                chunk = part.read(CHUNK)
            if not chunk:
                break
            if first:
                _check_encoding(chunk[:512], where)
                first = False
            buffer = carry + chunk
            cut = buffer.rfind(b"<")
            if cut < 0:  # text only: no markup to count
                carry = b""
                continue
            end = buffer.find(b">", cut)
            if end >= 0:  # the last tag is whole; what follows it is text
                counts.add(buffer[: end + 1])
                carry = b""
            else:
                counts.add(buffer[:cut])
                carry = buffer[cut:]
                if len(carry) > MAX_TAG:  # one start tag of a megabyte: no workbook has it
                    raise refuse(where, Code.import_too_big, limit=MAX_CELLS)
            counts.check(where)  # stop as soon as a limit is passed
        counts.add(carry)
    return counts
