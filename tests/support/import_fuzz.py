"""Hostile input for the Excel import: the world every case starts from, the cases and
the property they are held to (tests/test_import_fuzz.py, bench/fuzz_import.py).

Every case starts from a valid file (the entry template of the demo database, an
export with its `Daten` sheet) and breaks it on one of four levels:

- cells and sheets, serialised by a small writer of our own so that any cell type
  can be written (numbers of any size, booleans, dates, times, durations, error
  values, formulas, huge and non-XML text, raw `<c>` elements), with deleted,
  renamed and extra sheets, moved headers, extra and duplicated rows, changed
  month headers and unknown codes;
- workbooks opened and saved by openpyxl itself (what other tools write);
- single parts of the real files (sheet, workbook, relationships, content types,
  styles, properties) replaced or edited: broken XML, entity bombs, external
  entities, deep nesting, wrong encodings, missing parts, nested zips;
- the bytes of the zip: truncated, flipped, overwritten, random, lying sizes,
  other compression methods, nested zips.

The property of every case: `import_workbook` returns a report or raises a
DomainError, nothing else. A refusal names the file or a sheet and cell in one
line (German and English) and leaves every table of the database as it was; an
accepted import writes exactly the values its report lists as new or changed
(conflicts unless skipped), with one change-log entry each, and nothing else.
"""

from __future__ import annotations

import functools
import hashlib
import io
import random
import re
import struct
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from aipdesk.domain.errors import MESSAGES, DomainError
from aipdesk.domain.months import Month
from aipdesk.exchange.export import export_workbook
from aipdesk.exchange.importer import import_workbook
from aipdesk.exchange.template import mark_created, write_template
from aipdesk.services.base import Actor
from aipdesk.services.batch import KEEP, Kind
from aipdesk.services.demo import load_demo
from aipdesk.services.values import log_value
from aipdesk.store.database import Database, open_database

ACTOR = Actor("fuzz", "import")
YEAR = 2021
MAX_MESSAGE = 600  # characters: a refusal is one readable line, whatever the file holds

# Notes that look like formulas: the export must keep them as text, the import read them back.
FORMULA_NOTES = (
    '=HYPERLINK("http://example.invalid/x","klick")',
    "+1",
    "-2",
    "@SUM(A1)",
    "=cmd|' /C calc'!A0",
    "=1+1",
)

# -- the world: a database and the valid files every case starts from -----------------------

Model = list[tuple[str, dict[tuple[int, int], Any]]]  # sheets: (title, {(row, column): value})


class World:
    """The database and the valid files every case starts from (a plain class: hypothesis
    prints it among the arguments of the strategies, and a dataclass would print it whole)."""

    def __init__(
        self,
        folder: Path,
        db: Database,
        template: bytes,
        export: bytes,
        template_model: Model,
        export_model: Model,
        template_custom: bytes,
        codes: tuple[str, ...],
        small_export: bytes,
    ) -> None:
        self.folder = folder
        self.db = db
        self.template = template  # aipdesk template 2021 of the demo database
        self.export = export  # aipdesk export 2021; its Daten sheet has formula-like notes
        self.template_model = template_model
        self.export_model = export_model
        self.template_custom = template_custom  # docProps/custom.xml: the made-at stamp
        self.codes = codes  # project and metric codes of the catalogue
        self.small_export = small_export  # the export's Daten sheet alone, saved by openpyxl
        self.outcomes: Counter[str] = Counter()
        # Cases that reached the importer's last-line handler: (kind, what the library
        # raised, what was done to the file).
        self.unreadable: list[tuple[str, str, str]] = []

    def close(self) -> None:
        self.db.close()

    def __repr__(self) -> str:
        return f"World({str(self.folder)!r})"


def make_world(folder: Path) -> World:
    """The demo database (values of 2021, some notes that look like formulas) and its files."""
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(folder / "fuzz.sqlite")
    load_demo(db, ACTOR, YEAR)  # the catalogue and the deterministic demo values
    for month, note in enumerate(FORMULA_NOTES, start=1):
        log_value(db, ACTOR, "LIA", "job_starts", Month(YEAR, month), 20 + month, note=note)
    template_path = write_template(db, YEAR, folder / "vorlage.xlsx")
    export_path = folder / "export.xlsx"
    export_workbook(db, YEAR, None, export_path)
    template, export = template_path.read_bytes(), export_path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(template)) as archive:
        custom = archive.read("docProps/custom.xml")
    codes: set[str] = set()
    with db.engine.connect() as conn:
        for table in ("projects", "metrics"):
            codes |= {row[0] for row in conn.exec_driver_sql(f"SELECT code FROM {table}")}
    export_model = _model(export_path, ("Übersicht", "Daten"))
    small = openpyxl.Workbook()
    mark_created(small, datetime.now(UTC))
    small.active.title = "Übersicht"
    daten = small.create_sheet("Daten")
    for (row, column), value in export_model[1][1].items():
        daten.cell(row, column).value = value
    buffer = io.BytesIO()
    small.save(buffer)
    return World(
        folder,
        db,
        template,
        export,
        _model(template_path, ("Erfassung", "Anleitung")),
        export_model,
        custom,
        tuple(sorted(codes)),
        buffer.getvalue(),
    )


def _model(path: Path, sheets: tuple[str, ...]) -> list[tuple[str, dict[tuple[int, int], Any]]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    model = []
    for title in sheets:
        cells = {}
        for r, row in enumerate(wb[title].iter_rows(values_only=True), start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    cells[(r, c)] = value
        model.append((title, cells))
    wb.close()
    return model


# -- the state of the database, to prove what a case changed ---------------------------------

Key = tuple[str, str, int, int]  # project, metric, year, month


@dataclass(frozen=True)
class State:
    values: dict[Key, tuple[Any, ...]]  # value, note, version, updated by, updated at
    log_count: int  # change-log rows (the log is append-only)
    log_last: int  # the highest change-log id
    new_log: tuple[tuple[Any, ...], ...]  # change-log rows after `since`
    rest: str  # checksum of every row of every other table (projects, targets, …)


def state(db: Database, since: int | None = None) -> State:
    """Every monthly value, the change log's extent (and its rows after id `since`), and a
    checksum of every row of every other table."""
    with db.engine.connect() as conn:
        values = {
            (p, m, y, mo): (v, n, ver, by, at)
            for p, m, y, mo, v, n, ver, by, at in conn.exec_driver_sql(
                "SELECT p.code, m.code, v.year, v.month, v.value, v.note, v.version, "
                "v.updated_by, v.updated_at FROM monthly_values v "
                "JOIN projects p ON p.id = v.project_id JOIN metrics m ON m.id = v.metric_id"
            )
        }
        rows = conn.exec_driver_sql("SELECT COUNT(*) FROM monthly_values").scalar_one()
        assert rows == len(values)
        count, last = conn.exec_driver_sql(
            "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM change_log"
        ).one()
        new_log: tuple[tuple[Any, ...], ...] = ()
        if since is not None:
            new_log = tuple(
                map(
                    tuple,
                    conn.exec_driver_sql(
                        "SELECT * FROM change_log WHERE id > ? ORDER BY id", (since,)
                    ),
                )
            )
        tables = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            # The values zur Klärung are written with the values they list.
            "AND name NOT IN ('monthly_values', 'change_log', 'value_reviews') ORDER BY name"
        ).scalars()
        digest = hashlib.sha256()
        for table in list(tables):
            for row in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1"):
                digest.update(repr((table, *row)).encode())
    return State(values, count, last, new_log, digest.hexdigest())


def unchanged(before: State, after: State) -> bool:
    return (before.values, before.log_count, before.log_last, before.rest) == (
        after.values,
        after.log_count,
        after.log_last,
        after.rest,
    )


# -- one case -----------------------------------------------------------------------------------


class Case:
    """One file to import and how to import it (a plain class for a short repr)."""

    __slots__ = ("data", "dry_run", "how", "name", "skip_conflicts")

    def __init__(
        self,
        how: str,
        data: bytes,
        name: str = "fall.xlsx",
        dry_run: bool = False,
        skip_conflicts: bool = False,
    ) -> None:
        self.how = how  # what was done to the file, for reports
        self.data = data
        self.name = name
        self.dry_run = dry_run
        self.skip_conflicts = skip_conflicts

    def __repr__(self) -> str:
        digest = hashlib.sha256(self.data).hexdigest()[:12]
        return (
            f"Case({self.how!r}, {len(self.data)} bytes sha256:{digest}, name={self.name!r}, "
            f"dry_run={self.dry_run}, skip_conflicts={self.skip_conflicts})"
        )


PLACE = re.compile(r"^(?P<sheet>.+)!(?P<cell>[A-Z]{1,3}[1-9][0-9]*|R[0-9]+C[0-9]+): \S")


def label(error: DomainError) -> str:
    """The error code; for a rule's message placed at a cell, also the rule's code."""
    if error.code != "at_cell":
        return error.code
    reason = error.params.get("reason")  # the importer keeps the code of what it places
    if reason:
        return f"at_cell/{reason}"
    message = error.params.get("message")  # services.batch places rules' messages as text
    english = message[1] if isinstance(message, tuple) else str(message)
    for code, (_, template) in MESSAGES.items():
        if code == "at_cell":
            continue
        pattern = re.sub(r"\\\{[a-z_]+\\\}", ".*", re.escape(template))
        if re.fullmatch(pattern, english, re.S):
            return f"at_cell/{code}"
    return "at_cell/?"


def check_refusal(error: DomainError, case: Case) -> str:
    for lang in ("de", "en"):
        text = error.text(lang)
        assert text.strip(), f"empty {lang} message"
        assert "\n" not in text and "\r" not in text, f"more than one line: {text[:300]!r}"
        assert len(text) <= MAX_MESSAGE, f"{len(text)} characters: {text[:300]!r}…"
        assert text.startswith(f"{case.name}: ") or PLACE.match(text), (
            f"names neither the file nor a cell: {text[:300]!r}"
        )
        text.encode("utf-8")  # printable on any terminal that speaks UTF-8
    return label(error)


def _root(error: BaseException) -> str:
    """What a library raised below the DomainError the importer made of it, and where."""
    seen = error
    while (inner := seen.__cause__ or seen.__context__) is not None:
        seen = inner
    tb = seen.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    module = tb.tb_frame.f_globals.get("__name__", "?") if tb is not None else "?"
    return f"{type(seen).__name__} in {module}: {str(seen)[:160]}"


def run_case(world: World, case: Case) -> str:
    """Import `case` into the world's database and check the property; the outcome's label.

    Anything but a report or a DomainError propagates (the test fails on it).
    """
    path = world.folder / case.name
    path.write_bytes(case.data)
    before = state(world.db)
    try:
        report = import_workbook(
            world.db, ACTOR, path, dry_run=case.dry_run, skip_conflicts=case.skip_conflicts
        )
    except DomainError as error:
        assert unchanged(before, state(world.db)), "a refused import changed the database"
        outcome = "refused: " + check_refusal(error, case)
        if error.code in ("import_unreadable", "import_cannot_open"):
            kind = str(error.params.get("kind", error.code))
            world.unreadable.append((kind, _root(error), case.how))
        world.outcomes[outcome] += 1
        return outcome
    finally:
        path.unlink(missing_ok=True)
    after = state(world.db, since=before.log_last)
    report.summary("de")
    report.summary("en")
    if case.dry_run:
        assert unchanged(before, after), "a dry run changed the database"
        assert not report.changes
        outcome = "accepted (dry run)"
    else:
        check_written(before, after, report)
        outcome = "accepted"
    world.outcomes[outcome] += 1
    return outcome


def check_written(before: State, after: State, report: Any) -> None:
    """The database changed in exactly the values the report lists, each logged once."""
    assert after.rest == before.rest, "an import changed projects, metrics or targets"
    assert set(before.values) <= set(after.values), "an import deleted values"
    skipped = set(report.skipped)
    items = {_key(item.incoming.key()): item for item in report.items}
    assert len(items) == len(report.items), "the plan lists a cell twice"
    expected = {
        key
        for key, item in items.items()
        if item.kind in (Kind.NEW, Kind.CHANGED)
        or (item.kind is Kind.CONFLICT and item.incoming.key() not in skipped)
    }
    changed = {k for k in after.values if before.values.get(k) != after.values[k]}
    written = {_key(k) for k in report.changes.values}
    assert changed == expected == written, (changed, expected, written)
    for key in changed:
        incoming = items[key].incoming
        value, note, version, by, _ = after.values[key]
        old = before.values.get(key)
        assert value == incoming.value
        want_note = (old[1] if old else None) if incoming.note is KEEP else incoming.note
        assert note == want_note
        assert version == (old[2] + 1 if old else 1)
        assert by == ACTOR.user
    # Besides the values: an entry per implausible value listed zur Klärung (entity review).
    value_log = [row for row in after.new_log if row[5] == "value"]
    reviews = [row for row in after.new_log if row[5] == "review"]
    assert len(value_log) + len(reviews) == len(after.new_log), "an entry of another kind"
    assert after.log_count == before.log_count + len(after.new_log)
    assert len(value_log) == len(changed), "not one log entry per value"
    logged = {(row[6], row[7], row[8], row[9]) for row in value_log}
    assert all(ACTOR.user in row and ACTOR.source in row for row in after.new_log)
    assert logged == changed, (logged, changed)
    assert {(row[6], row[7], row[8], row[9]) for row in reviews} <= changed


def _key(key: tuple[str, str, Month]) -> Key:
    project, metric, month = key
    return (project, metric, month.year, month.month)


# -- a minimal xlsx writer: any cell content, any sheet list ---------------------------------


@dataclass(frozen=True)
class Formula:
    text: str
    cached: str | None = None


@dataclass(frozen=True)
class ErrorValue:
    text: str  # "#DIV/0!", written as an error cell (t="e")


@dataclass(frozen=True)
class Raw:
    """A `<c>` element written as given: type, value text, style, or a whole inner XML."""

    t: str | None = None
    v: str | None = None
    s: int | None = None
    inner: str | None = None
    r: str | None = None  # overrides the coordinate ("" leaves it out)


@dataclass(frozen=True)
class Huge:
    """Text of `times` repetitions of `unit` (hypothesis draws at most a few KB itself)."""

    unit: str
    times: int

    def text(self) -> str:
        return (self.unit or "x") * self.times


_XML_OK = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_XML_BAD = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Escaped text; characters XML cannot carry become character references (which any
    XML parser refuses: that is the point)."""
    return _XML_BAD.sub(lambda m: f"&#x{ord(m.group()):X};", escape(text))


DATE_STYLE, TIME_STYLE, DURATION_STYLE, BAD_STYLE = 1, 2, 3, 99

STYLES = (
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="[h]:mm:ss"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs></styleSheet>"
)
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


@dataclass
class Options:
    shared_strings: bool = False
    dates_as_iso: bool = False
    custom: bytes | None = None  # docProps/custom.xml
    dimension: str | None = "auto"  # the declared <dimension ref>: "auto" the true one
    compression: int = zipfile.ZIP_DEFLATED


def cell_xml(ref: str, value: Any, strings: list[str] | None) -> str:
    r = f' r="{ref}"' if ref else ""

    def text_cell(text: str) -> str:
        if strings is not None:
            strings.append(text)
            return f'<c{r} t="s"><v>{len(strings) - 1}</v></c>'
        return f'<c{r} t="inlineStr"><is><t xml:space="preserve">{xml_text(text)}</t></is></c>'

    if isinstance(value, Raw):
        if value.r is not None:
            r = f' r="{xml_text(value.r)}"' if value.r else ""
        t = f' t="{xml_text(value.t)}"' if value.t is not None else ""
        s = f' s="{value.s}"' if value.s is not None else ""
        inner = value.inner if value.inner is not None else ""
        if value.v is not None:
            inner += f"<v>{xml_text(value.v)}</v>"
        return f"<c{r}{t}{s}>{inner}</c>"
    if isinstance(value, Formula):
        cached = f"<v>{xml_text(value.cached)}</v>" if value.cached is not None else ""
        return f"<c{r}><f>{xml_text(value.text)}</f>{cached}</c>"
    if isinstance(value, ErrorValue):
        return f'<c{r} t="e"><v>{xml_text(value.text)}</v></c>'
    if isinstance(value, Huge):
        return text_cell(value.text())
    if isinstance(value, bool):
        return f'<c{r} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f"<c{r}><v>{value}</v></c>"
    if isinstance(value, float):
        return f"<c{r}><v>{value!r}</v></c>"
    if isinstance(value, str):
        return text_cell(value)
    if isinstance(value, timedelta):
        return f'<c{r} s="{DURATION_STYLE}"><v>{to_excel(value)!r}</v></c>'
    if isinstance(value, time):
        return f'<c{r} s="{TIME_STYLE}"><v>{to_excel(value)!r}</v></c>'
    if isinstance(value, date):
        if strings is not None and len(strings) % 2:  # some as ISO text, some as serials
            return f'<c{r} t="d"><v>{value.isoformat()}</v></c>'
        return f'<c{r} s="{DATE_STYLE}"><v>{to_excel(value)!r}</v></c>'
    raise TypeError(type(value))


def sheet_xml(cells: dict[tuple[int, int], Any], strings: list[str] | None, dim: str | None) -> str:
    rows: dict[int, list[tuple[int, Any]]] = {}
    for (r, c), value in cells.items():
        rows.setdefault(r, []).append((c, value))
    out = [f'<worksheet xmlns="{MAIN_NS}">']
    if dim == "auto":  # without it openpyxl parses the whole sheet once more to look for it
        top = max((r for r, _ in cells), default=1)
        right = min(max((c for _, c in cells), default=1), 18_278)
        dim = f"A1:{get_column_letter(right)}{top}"
    if dim is not None:
        out.append(f'<dimension ref="{xml_text(dim)}"/>')
    out.append("<sheetData>")
    for r in sorted(rows):
        if all(value is None for _, value in rows[r]):
            continue
        out.append(f'<row r="{r}">')
        for c, value in sorted(rows[r], key=lambda cv: cv[0]):
            if value is None:
                continue
            ref = f"{get_column_letter(c)}{r}" if c <= 18278 else ""
            out.append(cell_xml(ref, value, strings))
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def build_xlsx(model: list[tuple[str, dict[tuple[int, int], Any]]], options: Options) -> bytes:
    strings: list[str] | None = [] if options.shared_strings else None
    sheets = [sheet_xml(cells, strings, options.dimension) for _, cells in model]
    overrides = [
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{CT_SHEET}"/>'
        for i in range(1, len(sheets) + 1)
    ]
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{CT_MAIN}"/>' + "".join(overrides)
    )
    if strings is not None:
        types += (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    types += (
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.custom-properties+xml"/></Types>'
    )
    root_rels = (
        f'<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="{REL_NS}/custom-properties" Target="docProps/custom.xml"/>'
        "</Relationships>"
    )
    sheet_list = "".join(
        f'<sheet name="{xml_text(title)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, (title, _) in enumerate(model, start=1)
    )
    workbook = (
        f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{sheet_list}</sheets></workbook>'
    )
    n = len(model)
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    rels += f'<Relationship Id="rId{n + 1}" Type="{REL_NS}/styles" Target="styles.xml"/>'
    if strings is not None:
        rels += (
            f'<Relationship Id="rId{n + 2}" Type="{REL_NS}/sharedStrings" '
            'Target="sharedStrings.xml"/>'
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", options.compression) as archive:

        def put(name: str, text: str | bytes) -> None:
            data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
            archive.writestr(name, data)

        put("[Content_Types].xml", types)
        put("_rels/.rels", root_rels)
        put("xl/workbook.xml", workbook)
        put(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG_REL_NS}">{rels}</Relationships>',
        )
        put("xl/styles.xml", STYLES)
        for i, xml in enumerate(sheets, start=1):
            put(f"xl/worksheets/sheet{i}.xml", xml)
        if strings is not None:
            items = "".join(f'<si><t xml:space="preserve">{xml_text(s)}</t></si>' for s in strings)
            put("xl/sharedStrings.xml", f'<sst xmlns="{MAIN_NS}">{items}</sst>')
        if options.custom is not None:
            put("docProps/custom.xml", options.custom)
    return buffer.getvalue()


# -- strategies: cell contents ------------------------------------------------------------------

NASTY_CHARS = "\x00\x01\x08\x0b\x0c\x1b\x7f\x85\xa0\u2028\u2029\ufeff\ufffe\uffff\ud800\udfff"
UNICODE_DIGITS = ("²⁰²¹", "２０２１", "٢٠٢١", "߂߀߂߁", "𝟐𝟎𝟐𝟏", "२०२१", "1²", "٣")
ERROR_CODES = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!")


@functools.cache  # one strategy object: hypothesis analyses each new one afresh
def texts(codes: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.text(max_size=12),
        st.text(st.characters(codec="utf-8"), max_size=30),
        st.text(st.sampled_from(NASTY_CHARS + "aZ0 -=+@"), min_size=1, max_size=6),
        st.sampled_from(FORMULA_NOTES),
        st.sampled_from(ERROR_CODES),
        st.sampled_from(UNICODE_DIGITS),
        st.sampled_from(
            (
                "12",
                "1.234",
                "1.234.567",
                " 7 ",
                "1,5",
                "-0",
                "+3",
                "-3",
                "0x10",
                "1e3",
                "1_000",
                "",
                " ",
                "\u00a0",
                "NaN",
                "inf",
                "9" * 40,
                "9" * 5000,
                "2021-01",
                "2021-1",
                "2021-13",
                " 2021-02 ",
                "2021-00",
                "1899-12",
                "3000-01",
                "0000-01",
                "2021-01-15",
                "Januar",
                "2021",
                "02",
            )
        ),
        st.sampled_from(codes),
        st.sampled_from(codes).map(str.lower),
        st.sampled_from(codes).map(lambda c: f" {c} "),
        st.builds(Huge, st.text(min_size=1, max_size=3), st.integers(1, 1_000_000)),
    )


@functools.cache  # one strategy object: hypothesis analyses each new one afresh
def numbers() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.integers(-5, 2000),
        st.integers(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.sampled_from((10**9, 10**9 + 1, 2**63, -(2**63) - 1, 10**400, -(10**400))),
        st.floats(),
        st.sampled_from((0.5, -0.0, 1e308, 5e-324, 2021.0, 1e9, 3.0000000001)),
    )


@functools.cache  # one strategy object: hypothesis analyses each new one afresh
def moments() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
        st.dates(min_value=date(1900, 3, 1)),
        st.times(),
        st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=100_000)),
        st.sampled_from((datetime(YEAR, 3, 1), date(YEAR, 5, 31), datetime(1900, 1, 1))),
    )


@functools.cache  # one strategy object: hypothesis analyses each new one afresh
def raws() -> st.SearchStrategy[Raw]:
    value_texts = st.one_of(
        st.sampled_from(
            (
                "1e400",
                "-1e400",
                "NaN",
                "nan",
                "inf",
                "1.5",
                "abc",
                "",
                "9" * 5000,
                "99999999999999999999",
                "0x1F",
                "2",
                "-1",
                "1048577",
                "2021-02-30",
                "2021-02-01T25:00:00",
                "99999-01-01",
                "2958466",
                "-700000",
                "1e20",
            )
        ),
        st.text(max_size=8),
    )
    return st.builds(
        Raw,
        t=st.sampled_from((None, "n", "s", "b", "e", "str", "inlineStr", "d", "zz", "")),
        v=st.one_of(st.none(), value_texts),
        s=st.sampled_from((None, 0, DATE_STYLE, TIME_STYLE, DURATION_STYLE, BAD_STYLE, -1)),
        inner=st.sampled_from(
            (
                None,
                "<is><t>NEUSTART</t></is>",
                "<is><r><t>rich</t></r><r><t> text</t></r></is>",
                "<is/>",
                "<f>1+2</f>",
                '<f t="shared" si="0" ref="D2:D9">D1+1</f>',
                '<f t="array" ref="D2:D3">SUM(A1:A2)</f>',
                '<f t="dataTable" ref="D2:D3" dt2D="1" dtr="1" r1="A1" r2="B1"/>',
                "<v>1</v><v>2</v>",
                "<x:v xmlns:x='urn:other'>5</x:v>",
            )
        ),
        r=st.sampled_from((None, None, None, "", "A0", "a1", "1A", "XFE1", "ZZZ1", "AAAA1", "D-1")),
    )


@functools.cache  # one strategy object: hypothesis analyses each new one afresh
def cell_values(codes: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(),
        st.booleans(),
        numbers(),
        texts(codes),
        moments(),
        st.builds(
            Formula,
            st.sampled_from(("1+2", "SUM(D2:O2)", 'HYPERLINK("x")', "", "A1", "1/0")),
            st.one_of(st.none(), st.sampled_from(("3", "5", "#DIV/0!", "x"))),
        ),
        st.builds(ErrorValue, st.sampled_from(ERROR_CODES)),
        raws(),
    )


@functools.cache  # one strategy object: hypothesis analyses each new one afresh
def counts() -> st.SearchStrategy[Any]:
    """Values a person would type into a month cell: mostly fine, sometimes not."""
    return st.one_of(st.integers(0, 500), st.integers(0, 500).map(str), st.just(None))


# -- strategies: workbooks from our own writer -------------------------------------------------

SHEET_NAMES = (
    "Erfassung",
    "Daten",
    "erfassung",
    " Erfassung ",
    "DATEN",
    "Anleitung",
    "Übersicht",
    "Tabelle1",
    "",
    "Erfassung (2)",
    "x" * 40,
    "'Daten'",
    "Da[ten]",
    "Erfassung\u00a0",
    "ＥＲＦＡＳＳＵＮＧ",
    "Daten\u200b",
    "E" * 300,
)


@st.composite
def model_workbooks(draw: st.DrawFn, world: World) -> Case:
    base_name = draw(st.sampled_from(("template", "template", "export")))  # an export is slower
    base = world.template_model if base_name == "template" else world.export_model
    model: Model = [(title, dict(cells)) for title, cells in base]
    main = 0 if base_name == "template" else 1  # the sheet the import reads
    steps: list[str] = []
    values = cell_values(world.codes)
    for _ in range(draw(st.integers(0, 6))):
        if not model:
            break
        kind = draw(
            st.sampled_from(
                (
                    "cell",
                    "cell",
                    "cell",
                    "count",
                    "count",
                    "header",
                    "code",
                    "far",
                    "clear",
                    "rows",
                    "cols",
                    "duplicate",
                    "sheet",
                    "block",
                )
            )
        )
        index = (
            min(main, len(model) - 1)
            if draw(st.integers(0, 4))
            else draw(st.integers(0, len(model) - 1))
        )
        title, cells = model[index]
        keys = sorted(cells)
        max_row = max((r for r, _ in keys), default=1)
        max_col = max((c for _, c in keys), default=1)
        if kind == "cell" and keys:
            key = draw(st.sampled_from(keys))
            cells[key] = draw(values)
            steps.append(f"{title}!{get_column_letter(key[1])}{key[0]}={cells[key]!r:.60}")
        elif kind == "count":
            row = draw(st.integers(2, max_row + 1))
            col = draw(st.integers(4, 15)) if base_name == "template" else 5
            cells[(row, col)] = draw(counts())
            steps.append(f"count {title}!{get_column_letter(col)}{row}")
        elif kind == "header":
            col = draw(st.integers(1, max_col + 2))
            cells[(1, col)] = draw(
                st.one_of(
                    values,
                    st.builds(
                        lambda y, m: f"{y}-{m:02d}", st.integers(1899, 3000), st.integers(0, 13)
                    ),
                    st.sampled_from(("Projekt", "Kennzahl", "Jahr", "Monat", "Wert", "Bemerkung")),
                )
            )
            steps.append(f"header {title}!{get_column_letter(col)}1")
        elif kind == "code":
            row = draw(st.integers(2, max(max_row, 2)))
            col = draw(st.sampled_from((1, 2) if base_name == "template" else (3, 4)))
            cells[(row, col)] = draw(
                st.one_of(
                    st.sampled_from(world.codes),
                    st.text(st.sampled_from("ABCXYZ_-0 "), max_size=8),
                    values,
                )
            )
            steps.append(f"code {title}!{get_column_letter(col)}{row}")
        elif kind == "far":
            row = draw(st.sampled_from((max_row + 1, 300, 5000) * 3 + (1048576, 1048577, 10**7)))
            col = draw(st.sampled_from((1, 4, 5, 16384, 16385, 18278, 18279, 20000)))
            cells[(row, col)] = draw(values)
            steps.append(f"far cell {title} R{row}C{col}")
        elif kind == "clear" and keys:
            key = draw(st.sampled_from(keys))
            del cells[key]
            steps.append(f"clear {title} {key}")
        elif kind in ("rows", "cols"):
            at, count = draw(st.integers(1, max(max_row, 2))), draw(st.integers(-1, 3))
            axis = 0 if kind == "rows" else 1
            moved = {}
            for key, value in cells.items():
                pos = key[axis]
                if pos >= at:
                    if count < 0 and pos == at:
                        continue  # deleted
                    pos = pos + count
                new = (pos, key[1]) if axis == 0 else (key[0], pos)
                if new[0] >= 1 and new[1] >= 1:
                    moved[new] = value
            model[index] = (title, moved)
            steps.append(f"{kind} {title} at {at} {count:+d}")
        elif kind == "duplicate" and keys:
            src = draw(st.integers(1, max_row))
            dest = draw(st.sampled_from((src + 1, max_row + 1, max_row + 5)))
            for (r, c), value in list(cells.items()):
                if r == src:
                    cells[(dest, c)] = value
            steps.append(f"duplicate row {src} of {title} to {dest}")
        elif kind == "block":
            top, left = draw(st.integers(1, max_row + 3)), draw(st.integers(1, max_col + 3))
            block = {}
            for _ in range(draw(st.integers(1, 8))):
                r, c = top + draw(st.integers(0, 3)), left + draw(st.integers(0, 3))
                block[(r, c)] = draw(values)
            cells.update(block)
            steps.append(f"block {title} {block!r:.200}")
        elif kind == "sheet":
            action = draw(st.sampled_from(("delete", "rename", "add", "copy", "swap")))
            if action == "delete":
                del model[index]
            elif action == "rename":
                model[index] = (draw(st.sampled_from(SHEET_NAMES)), cells)
            elif action == "add":
                extra = {(1, 1): draw(values)} if draw(st.booleans()) else {}
                model.insert(
                    draw(st.integers(0, len(model))), (draw(st.sampled_from(SHEET_NAMES)), extra)
                )
            elif action == "copy":
                other = (
                    world.export_model[1] if base_name == "template" else world.template_model[0]
                )
                model.append((other[0], dict(other[1])))
            else:
                model.reverse()
            steps.append(f"sheet {action} ({title})")
    options = Options(
        shared_strings=draw(st.booleans()),
        custom=draw(
            st.sampled_from(
                (world.template_custom,) * 4  # the template's own stamp
                + (
                    None,
                    b"<Properties/>",
                    b"<Properties><property",  # not well-formed
                    world.template_custom.replace(b"+00:00<", b"+14:00<"),
                    custom_stamp("0001-01-01T00:30:00+05:00"),
                    custom_stamp("9999-12-31T23:59:59-14:00"),
                    custom_stamp("gestern"),
                    custom_stamp("2021-02-30T00:00:00"),
                    custom_stamp("x" * 10_000),
                )
            )
        ),
        dimension=draw(
            st.sampled_from(("auto",) * 6 + (None, "A1:XFD1048576", "A1:A1", "Z", "A1:ZZZZ9"))
        ),
        compression=draw(st.sampled_from((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED))),
    )
    return Case(
        f"{base_name} model: "
        + "; ".join(steps)
        + f" [shared strings {options.shared_strings}, dimension {options.dimension!r}, "
        + f"properties {(options.custom or b'-')[-90:]!r}]",
        build_xlsx(model, options),
        name=draw(st.sampled_from(NAMES)),
        dry_run=draw(st.booleans()),
        skip_conflicts=draw(st.booleans()),
    )


NAMES = ("fall.xlsx",) * 30 + ("Fall 1 (Kopie).xlsx", "fäll.XLSX", "fall.xlsm", "fall.xlsb", "fall")


def custom_stamp(stamp: str) -> bytes:
    return (
        '<Properties xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"'
        ' xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties">'
        '<property name="aipdesk.erstellt" fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2">'
        f"<vt:lpwstr>{xml_text(stamp)}</vt:lpwstr></property></Properties>"
    ).encode()


# -- strategies: workbooks written by openpyxl -------------------------------------------------


@functools.cache  # one strategy object: hypothesis analyses each new one afresh
def openpyxl_values(codes: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(),
        st.booleans(),
        numbers().filter(lambda v: not isinstance(v, int) or abs(v) < 10**300),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=20),
        st.sampled_from(FORMULA_NOTES + ERROR_CODES + UNICODE_DIGITS + ("=1+2", "=SUM(D2:D3)")),
        st.sampled_from(codes),
        moments(),
        st.builds(Huge, st.sampled_from("ab9 "), st.integers(1, 300_000)),
        counts(),
    )


@st.composite
def openpyxl_workbooks(draw: st.DrawFn, world: World) -> Case:
    # The export with its charts takes openpyxl half a second to load and save: its Daten
    # layout is covered by the other families, here a minimal one stands in for it.
    base_name = draw(st.sampled_from(("template", "template", "export")))
    wb = openpyxl.load_workbook(
        io.BytesIO(world.template if base_name == "template" else world.small_export)
    )
    sheet = "Erfassung" if base_name == "template" else "Daten"
    steps = []
    values = openpyxl_values(world.codes)
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(("cell",) * 6 + ("rows", "cols", "sheet", "move")))
        ws = wb[sheet] if sheet in wb.sheetnames else wb.worksheets[0]
        if kind == "cell":
            row = draw(st.integers(1, ws.max_row + 2))
            col = draw(st.integers(1, ws.max_column + 2))
            value = draw(values)
            if isinstance(value, Huge):
                value = value.text()
            ws.cell(row, col).value = value
            steps.append(f"{ws.title}!{get_column_letter(col)}{row}={value!r:.60}")
        elif kind == "rows":
            at, amount = draw(st.integers(1, 5)), draw(st.integers(1, 3))
            (ws.insert_rows if draw(st.booleans()) else ws.delete_rows)(at, amount)
            steps.append(f"rows at {at} ±{amount}")
        elif kind == "cols":
            at, amount = draw(st.integers(1, 6)), draw(st.integers(1, 3))
            (ws.insert_cols if draw(st.booleans()) else ws.delete_cols)(at, amount)
            steps.append(f"cols at {at} ±{amount}")
        elif kind == "move":
            rows, cols = draw(st.integers(-2, 3)), draw(st.integers(-2, 3))
            ws.move_range("A1:O3", rows=max(rows, 0), cols=max(cols, 0))
            steps.append(f"move A1:O3 by {rows},{cols}")
        else:
            action = draw(st.sampled_from(("delete", "rename", "add")))
            if action == "delete" and len(wb.sheetnames) > 1:
                del wb[ws.title]
            elif action == "rename":
                ws.title = draw(st.sampled_from(("Daten", "Erfassung", "Tabelle1", "ERFASSUNG")))
            else:
                wb.create_sheet(draw(st.sampled_from(("Daten", "Erfassung", "Neu"))))
            steps.append(f"sheet {action}")
    buffer = io.BytesIO()
    wb.save(buffer)
    return Case(
        f"openpyxl {base_name}: " + "; ".join(steps),
        buffer.getvalue(),
        dry_run=draw(st.booleans()),
        skip_conflicts=draw(st.booleans()),
    )


# -- strategies: parts of the real files -------------------------------------------------------


def read_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@functools.lru_cache(maxsize=8)
def _parts(data: bytes) -> dict[str, bytes]:
    """The parts of one of the base files, read once (callers copy the dict)."""
    return read_parts(data)


def write_parts(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@functools.cache  # one strategy object: hypothesis analyses each new one afresh
def part_edits(world: World) -> st.SearchStrategy[tuple[str, Callable[[bytes], bytes | None]]]:
    """(description, edit of one part's bytes; None deletes the part)."""

    def sub(pattern: bytes, repl: bytes, count: int = 1) -> Callable[[bytes], bytes]:
        return lambda data: re.sub(pattern, repl, data, count=count)

    def prefix_doctype(doctype: str, entity: str) -> Callable[[bytes], bytes]:
        def edit(data: bytes) -> bytes:
            body = re.sub(rb"^<\?xml[^>]*\?>", b"", data)
            body = re.sub(
                rb"(<v>)[^<]*(</v>)", rb"\g<1>" + entity.encode() + rb"\g<2>", body, count=1
            )
            body = re.sub(
                rb"(<t>)[^<]*(</t>)", rb"\g<1>" + entity.encode() + rb"\g<2>", body, count=1
            )
            return doctype.encode() + body

        return edit

    def nested(depth: int) -> Callable[[bytes], bytes]:
        return lambda data: data.replace(
            b"</sheetData>", b"</sheetData>" + b"<a>" * depth + b"</a>" * depth, 1
        )

    def cell(xml: str) -> Callable[[bytes], bytes]:
        return sub(rb"<c [^>]*?(/>|>.*?</c>)", xml.encode("utf-8", "surrogatepass"))

    raw_cells = raws().map(lambda raw: cell_xml(raw.r if raw.r is not None else "D2", raw, None))
    return st.one_of(
        st.tuples(st.just("delete part"), st.just(lambda data: None)),
        st.tuples(st.just("empty part"), st.just(lambda data: b"")),
        st.builds(
            lambda n: (f"truncated part at {n}", lambda data: data[:n]), st.integers(0, 3000)
        ),
        st.builds(
            lambda junk: (f"random part {junk[:16]!r}", lambda data: junk), st.binary(max_size=300)
        ),
        st.just(("entity bomb", prefix_doctype(ENTITY_BOMB, "&lol3;"))),
        st.just(("external entity", prefix_doctype(XXE, "&xxe;"))),
        st.just(("doctype only", prefix_doctype("<!DOCTYPE x>", "1"))),
        st.builds(lambda d: (f"nested {d} deep", nested(d)), st.sampled_from((100, 5000, 200_000))),
        st.just(
            ("utf-16 declared", lambda data: b'<?xml version="1.0" encoding="UTF-16"?>' + data)
        ),
        st.just(("latin-1 bytes", lambda data: data.replace(b"<t>", b"<t>\xe4\xf6\xfc", 1))),
        st.just(("invalid utf-8", lambda data: data.replace(b"<t>", b"<t>\xed\xa0\x80\xff", 1))),
        st.just(("bom", lambda data: b"\xef\xbb\xbf" + data)),
        st.just(
            ("utf-16 re-encoded", lambda data: data.decode("utf-8", "replace").encode("utf-16"))
        ),
        st.just(("processing instruction", lambda data: b"<?evil do?>" + data)),
        st.builds(lambda xml: (f"cell {xml[:80]}", cell(xml)), raw_cells),
        st.builds(
            lambda text: (
                f"text cell {text!r:.60}",
                cell(f'<c r="D2" t="inlineStr"><is><t>{xml_text(text)}</t></is></c>'),
            ),
            texts(world.codes).map(lambda t: t.text() if isinstance(t, Huge) else t),
        ),
        st.builds(
            lambda r: (f"row r={r!r}", sub(rb'<row r="\d+"', f'<row r="{r}"'.encode())),
            st.sampled_from(("0", "-1", "1.5", "x", "", "1e3", "99999999999", "2.0", "1048577")),
        ),
        st.builds(
            lambda name: (
                f"sheet named {name!r}",
                sub(rb'<sheet name="[^"]*"', f'<sheet name="{xml_text(name)}"'.encode()),
            ),
            st.sampled_from(SHEET_NAMES),
        ),
        st.just(("sheet id to nowhere", sub(rb'r:id="rId\d+"', b'r:id="rId99"'))),
        st.just(("no sheets", sub(rb"<sheets>.*</sheets>", b"<sheets/>"))),
        st.just(
            (
                "rel target outside",
                sub(rb'Target="[^"]*sheet\d+\.xml"', b'Target="../../../etc/passwd"'),
            )
        ),
        st.just(
            (
                "rel target external",
                sub(rb'(Target="[^"]*sheet\d+\.xml")', rb'\1 TargetMode="External"'),
            )
        ),
        st.just(
            (
                "rel target missing",
                sub(rb'Target="[^"]*sheet(\d+)\.xml"', rb'Target="/xl/worksheets/nope\1.xml"'),
            )
        ),
        st.just(("content type changed", sub(rb"sheet\.main\+xml", b"template.main+xml"))),
        st.just(
            ("content type text", lambda data: data.replace(b"application/xml", b"text/plain"))
        ),
        st.builds(
            lambda style: (
                f"style {style}",
                sub(rb'(<c r="D\d+") s="\d+"', f'\\1 s="{style}"'.encode(), 5),
            ),
            st.sampled_from((14, 22, 46, -1, 999999)),
        ),
        st.just(
            ("dimension huge", sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"'))
        ),
        st.just(("dimension garbage", sub(rb'<dimension ref="[^"]*"', b'<dimension ref="1:A"'))),
        st.builds(
            lambda stamp: (
                f"stamp {stamp!r:.40}",
                sub(
                    rb"<vt:lpwstr>[^<]*</vt:lpwstr>",
                    f"<vt:lpwstr>{xml_text(stamp)}</vt:lpwstr>".encode(),
                ),
            ),
            st.sampled_from(
                (
                    "0001-01-01T00:30:00+05:00",
                    "9999-12-31T23:59:59-14:00",
                    "",
                    "2021-13-01",
                    "x" * 5000,
                    "2021-01-01T00:00:00+99:00",
                )
            ),
        ),
        st.builds(
            lambda stamp: (
                f"created {stamp!r}",
                sub(rb"(<dcterms:created[^>]*>)[^<]*", b"\\g<1>" + stamp.encode()),
            ),
            st.sampled_from(
                (
                    "0001-01-01T00:00:00Z",
                    "9999-12-31T23:59:59Z",
                    "gestern",
                    "",
                    "2021-02-30T00:00:00Z",
                )
            ),
        ),
        st.just(
            ("many formulas", lambda data: re.sub(rb"<v>(\d+)</v>", rb"<f>\1+1</f><v>\1</v>", data))
        ),
        st.just(
            (
                "shared strings to nowhere",
                lambda data: re.sub(
                    rb't="inlineStr"><is><t>[^<]*</t></is>', b't="s"><v>7</v>', data, count=3
                ),
            )
        ),
    )


SHEET_PARTS = {"template": "xl/worksheets/sheet1.xml", "export": "xl/worksheets/sheet9.xml"}


@st.composite
def part_mutations(draw: st.DrawFn, world: World) -> Case:
    base_name = draw(st.sampled_from(("template", "template", "export")))  # an export is slower
    parts = dict(_parts(world.template if base_name == "template" else world.export))
    names = list(parts)
    steps = []
    for _ in range(draw(st.integers(1, 3))):
        target = draw(
            st.one_of(
                st.just(SHEET_PARTS[base_name]),
                st.sampled_from(
                    (
                        "xl/workbook.xml",
                        "xl/_rels/workbook.xml.rels",
                        "[Content_Types].xml",
                        "xl/styles.xml",
                        "docProps/custom.xml",
                        "docProps/core.xml",
                        "_rels/.rels",
                    )
                ),
                st.sampled_from(names),
            )
        )
        how, edit = draw(part_edits(world))
        if target not in parts:
            continue
        result = edit(parts[target])
        if result is None:
            del parts[target]
        else:
            parts[target] = result
        steps.append(f"{target}: {how}")
    extra = draw(st.sampled_from((None,) * 8 + ("nested zip", "vba", "embedded", "duplicate")))
    if extra == "nested zip":
        parts["xl/embeddings/inner.zip"] = world.template
        steps.append("nested zip part")
    elif extra == "vba":
        parts["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0" + bytes(60)
        steps.append("vbaProject.bin")
    elif extra == "embedded":
        parts["xl/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
        steps.append("embedded OLE object")
    data = write_parts(parts, draw(st.sampled_from((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED))))
    if extra == "duplicate":  # the same part name twice: zipfile reads the last one
        data = _append_duplicate(data, SHEET_PARTS[base_name], b"<worksheet/>")
        steps.append("duplicate sheet part")
    return Case(
        f"{base_name} parts: " + "; ".join(steps),
        data,
        dry_run=draw(st.booleans()),
        skip_conflicts=draw(st.booleans()),
    )


def _append_duplicate(data: bytes, name: str, content: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": exactly what we want here
        for info, body in parts:
            archive.writestr(info, body)
        archive.writestr(name, content)
    return buffer.getvalue()


# -- strategies: the bytes of the zip ----------------------------------------------------------


def _with_central(data: bytes, patch: Callable[[bytearray, int], None]) -> bytes:
    """Apply `patch(buffer, offset)` to every central directory and local header."""
    out = bytearray(data)
    for signature in (b"PK\x01\x02", b"PK\x03\x04"):
        start = 0
        while (found := out.find(signature, start)) >= 0:
            patch(out, found)
            start = found + 4
    return bytes(out)


def _set_sizes(size: int) -> Callable[[bytearray, int], None]:
    def patch(buf: bytearray, at: int) -> None:
        if buf[at : at + 4] == b"PK\x01\x02":
            buf[at + 24 : at + 28] = struct.pack("<L", size)  # uncompressed size
        else:
            buf[at + 22 : at + 26] = struct.pack("<L", size)

    return patch


def _set_method(method: int) -> Callable[[bytearray, int], None]:
    def patch(buf: bytearray, at: int) -> None:
        offset = 10 if buf[at : at + 4] == b"PK\x01\x02" else 8
        buf[at + offset : at + offset + 2] = struct.pack("<H", method)

    return patch


def _set_flags(flags: int) -> Callable[[bytearray, int], None]:
    def patch(buf: bytearray, at: int) -> None:
        offset = 8 if buf[at : at + 4] == b"PK\x01\x02" else 6
        buf[at + offset : at + offset + 2] = struct.pack("<H", flags)

    return patch


def bz2_bomb(template: bytes) -> bytes:
    """A copy of the template whose sheet is bzip2-packed and lies about its size."""
    parts = read_parts(template)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name == "xl/worksheets/sheet1.xml":
                archive.writestr(name, data + b" " * 20_000_000, compress_type=zipfile.ZIP_BZIP2)
            else:
                archive.writestr(name, data)
    return _with_central(
        buffer.getvalue(), _only_method(12, _set_sizes(len(parts["xl/worksheets/sheet1.xml"])))
    )


def _only_method(
    method: int, patch: Callable[[bytearray, int], None]
) -> Callable[[bytearray, int], None]:
    def apply(buf: bytearray, at: int) -> None:
        offset = 10 if buf[at : at + 4] == b"PK\x01\x02" else 8
        if struct.unpack("<H", buf[at + offset : at + offset + 2])[0] == method:
            patch(buf, at)

    return apply


@st.composite
def byte_garbage(draw: st.DrawFn, world: World) -> Case:
    base_name = draw(st.sampled_from(("template", "template", "export")))  # an export is slower
    data = world.template if base_name == "template" else world.export
    kind = draw(
        st.sampled_from(
            (
                "truncate",
                "flip",
                "overwrite",
                "random",
                "magic+random",
                "drop part",
                "sizes",
                "method",
                "flags",
                "nested",
                "prefix",
                "comment",
                "eocd",
            )
        )
    )
    rng = random.Random(draw(st.integers(0, 2**32)))
    if kind == "truncate":
        n = draw(st.integers(0, len(data)))
        data, how = data[:n], f"truncated to {n} bytes"
    elif kind == "flip":
        out = bytearray(data)
        flips = draw(st.integers(1, 20))
        for _ in range(flips):
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        data, how = bytes(out), f"{flips} bits flipped (seed {rng.random():.6f})"
    elif kind == "overwrite":
        at = draw(st.integers(0, len(data) - 1))
        junk = draw(st.binary(min_size=1, max_size=64))
        data, how = data[:at] + junk + data[at + len(junk) :], f"overwritten at {at}: {junk!r:.40}"
    elif kind == "random":
        data = draw(st.binary(max_size=4096))
        how = f"random bytes {data[:16]!r}"
    elif kind == "magic+random":
        magic = draw(
            st.sampled_from(
                (
                    b"PK\x03\x04",
                    b"PK\x05\x06",
                    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                    b"%PDF-1.4",
                    b"\xef\xbb\xbf",
                )
            )
        )
        data = magic + draw(st.binary(max_size=2048))
        how = f"magic {magic!r} + random bytes"
    elif kind == "drop part":
        parts = dict(_parts(data))
        name = draw(st.sampled_from(sorted(parts)))
        del parts[name]
        data, how = write_parts(parts), f"part {name} left out"
    elif kind == "sizes":
        size = draw(st.sampled_from((0, 1, 0xFFFFFFFF, 0xFFFFFFFE, 200_000_000, 99_999_999)))
        data, how = _with_central(data, _set_sizes(size)), f"declared sizes {size}"
    elif kind == "method":
        method = draw(st.sampled_from((0, 1, 6, 9, 12, 14, 93, 95, 98, 99)))
        data, how = _with_central(data, _set_method(method)), f"compression method {method}"
    elif kind == "flags":
        flags = draw(st.sampled_from((0x1, 0x8, 0x40, 0x800, 0x2000, 0xFFFF)))
        data, how = _with_central(data, _set_flags(flags)), f"flags {flags:#x}"
    elif kind == "nested":
        inner = draw(st.sampled_from(("top", "as sheet", "deep")))
        if inner == "top":
            data, how = write_parts({"inner.xlsx": data}), "the xlsx zipped once more"
        elif inner == "as sheet":
            parts = dict(_parts(data))
            parts[SHEET_PARTS[base_name]] = world.template
            data, how = write_parts(parts), "a zip where the sheet XML belongs"
        else:
            for _ in range(5):
                data = write_parts(
                    {
                        "[Content_Types].xml": _parts(world.template)["[Content_Types].xml"],
                        "x.xlsx": data,
                    }
                )
            how = "zip in zip five deep"
    elif kind == "prefix":
        junk = draw(st.binary(max_size=200))
        data, how = junk + data, f"{len(junk)} bytes before the zip"
    elif kind == "comment":
        data, how = data + draw(st.binary(max_size=100)), "bytes after the zip"
    else:  # the end-of-directory record says something else
        out = bytearray(data)
        at = out.rfind(b"PK\x05\x06")
        field_at, width = draw(st.sampled_from(((8, 2), (10, 2), (12, 4), (16, 4), (20, 2))))
        value = draw(st.sampled_from((0, 1, 0xFFFF, 0xFFFFFFFF, 12345)))
        out[at + field_at : at + field_at + width] = (value % (1 << (8 * width))).to_bytes(
            width, "little"
        )
        data, how = bytes(out), f"end record field {field_at} = {value}"
    return Case(
        f"{base_name} bytes: {how}",
        data,
        name=draw(st.sampled_from(NAMES)),
        dry_run=draw(st.booleans()),
        skip_conflicts=draw(st.booleans()),
    )


# Examples per fuzz test; together at least 1,000 cases in every CI run.
EXAMPLES = {"model": 380, "openpyxl": 50, "parts": 270, "bytes": 310}
