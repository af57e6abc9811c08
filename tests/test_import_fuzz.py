"""Hostile input: the Excel import fed malformed workbooks (issue "hostile input").

The cases, the four levels on which they break a valid file and the property every case
is held to are in tests/support/import_fuzz.py.

The four fuzz tests run 1,010 cases on every CI run (derandomized: the same cases
each time; `pytest --hypothesis-show-statistics` shows their outcomes), about 40 s on
two cores. `bench/fuzz_import.py` runs the same strategies in a larger campaign with a
seed and writes its counts to bench/RESULTS.md.

Also here: plain regression tests for what the fuzzing found, the export → import
round trip of text that looks like a formula, and a scan of aipdesk's sources for
eval, exec, pickle and the like.
"""

from __future__ import annotations

import ast
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.exchange.export import export_workbook
from aipdesk.exchange.importer import import_workbook, read_workbook
from aipdesk.exchange.template import write_template
from aipdesk.services.batch import Kind
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.demo import load_demo
from aipdesk.services.values import get_value, log_value
from aipdesk.store.database import Database, open_database
from tests.support.import_fuzz import (
    ACTOR,
    ENTITY_BOMB,
    EXAMPLES,
    FORMULA_NOTES,
    XXE,
    YEAR,
    Case,
    Options,
    World,
    build_xlsx,
    byte_garbage,
    bz2_bomb,
    check_refusal,
    custom_stamp,
    make_world,
    model_workbooks,
    openpyxl_workbooks,
    part_mutations,
    read_parts,
    run_case,
    state,
    unchanged,
    write_parts,
)

ROOT = Path(__file__).resolve().parents[1]

# -- the tests ---------------------------------------------------------------------------------

FUZZ = settings(
    derandomize=True,  # the same cases on every run: CI is reproducible
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,  # conftest's autouse fixture; ours is per module
    ],
)
CASES_RUN: Counter[str] = Counter()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    made = make_world(tmp_path_factory.mktemp("fuzz"))
    yield made
    made.close()


def _run(world: World, case: Case, family: str) -> None:
    outcome = run_case(world, case)
    event(outcome)
    CASES_RUN[family] += 1


@pytest.mark.slow
@settings(FUZZ, max_examples=EXAMPLES["model"])
@given(data=st.data())
def test_fuzz_cells_and_sheets(world: World, data: st.DataObject) -> None:
    _run(world, data.draw(model_workbooks(world)), "model")


@pytest.mark.slow
@settings(FUZZ, max_examples=EXAMPLES["openpyxl"])
@given(data=st.data())
def test_fuzz_workbooks_saved_by_openpyxl(world: World, data: st.DataObject) -> None:
    _run(world, data.draw(openpyxl_workbooks(world)), "openpyxl")


@pytest.mark.slow
@settings(FUZZ, max_examples=EXAMPLES["parts"])
@given(data=st.data())
def test_fuzz_parts_of_the_zip(world: World, data: st.DataObject) -> None:
    _run(world, data.draw(part_mutations(world)), "parts")


@pytest.mark.slow
@settings(FUZZ, max_examples=EXAMPLES["bytes"])
@given(data=st.data())
def test_fuzz_zip_bytes(world: World, data: st.DataObject) -> None:
    _run(world, data.draw(byte_garbage(world)), "bytes")


@pytest.mark.slow
def test_fuzz_case_count(world: World) -> None:
    """Runs after the fuzz tests of this module: together they ran at least 1,000 cases."""
    if set(CASES_RUN) != set(EXAMPLES):
        pytest.skip("only part of the fuzz tests ran")
    assert sum(CASES_RUN.values()) >= 1000, CASES_RUN
    # Both sides of the property were exercised, not only refusals.
    assert world.outcomes["accepted"] > 0 and world.outcomes["accepted (dry run)"] > 0
    refusals = {k for k in world.outcomes if k.startswith("refused")}
    assert len(refusals) >= 15, world.outcomes


# -- what the fuzzing found, kept as plain tests -----------------------------------------------

DATEN_HEADER = ("Jahr", "Monat", "Projekt", "Kennzahl", "Wert", "Projektname", "Bemerkung")


@pytest.fixture
def catalogue_db(tmp_path: Path) -> Iterator[Database]:
    """A SQLite database with the AIP 2021 catalogue and no values (this module's own)."""
    db = open_database(tmp_path / "katalog.sqlite")
    load_catalogue(db, ACTOR)
    yield db
    db.close()


def daten_file(path: Path, *rows: list[Any], custom: bytes | None = None) -> Path:
    cells = {(1, c): h for c, h in enumerate(DATEN_HEADER, start=1)}
    for r, row in enumerate(rows, start=2):
        cells.update({(r, c): v for c, v in enumerate(row, start=1) if v is not None})
    path.write_bytes(build_xlsx([("Daten", cells)], Options(custom=custom)))
    return path


def refusal(db: Database, path: Path) -> DomainError:
    before = state(db)
    with pytest.raises(DomainError) as caught:
        import_workbook(db, ACTOR, path)
    assert unchanged(before, state(db))
    check_refusal(caught.value, Case("", b"", name=path.name))
    return caught.value


@pytest.mark.parametrize(
    ("row", "message"),
    [
        # isdigit() took "²⁰²¹" for digits, int() did not: a ValueError, reported as damage
        (["²⁰²¹", 1, "LIA", "job_starts", 5], 'Daten!A2: "²⁰²¹" ist kein gültiges Jahr'),
        ([2021, "²", "LIA", "job_starts", 5], 'Daten!B2: "²" ist kein gültiger Monat'),
        # float(10**400): OverflowError, reported as damage
        ([2021, 10**400, "LIA", "job_starts", 5], 'Daten!B2: "2021-100000000000'),
        # int() of 5,000 digits: ValueError (Python's limit on int digits), reported as damage
        ([2021, 1, "LIA", "job_starts", "9" * 5000], 'Daten!E2: "9999999999'),
        # a code of 1 MB was quoted whole in "unknown project": a 1 MB message
        ([2021, 1, "X" * 1_000_000, "job_starts", 5], 'Daten!C2: "XXXXXXXXXX'),
        # a line break in a code broke the one-line message
        ([2021, 1, "LIA\nJC", "job_starts", 5], 'Daten!C2: "LIA JC" ist kein gültiges Kürzel'),
    ],
    ids=["year-superscript", "month-superscript", "month-huge", "count-5000-digits",
         "code-1MB", "code-newline"],
)  # fmt: skip
def test_cells_the_fuzzing_found_are_refused_by_name(
    catalogue_db: Database, tmp_path: Path, row: list[Any], message: str
) -> None:
    error = refusal(catalogue_db, daten_file(tmp_path / "f.xlsx", row))
    assert str(error).startswith(message), str(error)


def test_unicode_decimal_digits_still_count(catalogue_db: Database, tmp_path: Path) -> None:
    path = daten_file(tmp_path / "f.xlsx", ["٢٠٢١", "٣", "LIA", "job_starts", 5])
    report = import_workbook(catalogue_db, ACTOR, path, dry_run=True)
    assert [i.incoming.key() for i in report.items] == [("LIA", "job_starts", Month(2021, 3))]


def test_a_stamp_outside_the_datetime_range_counts_as_no_stamp(tmp_path: Path) -> None:
    # "0001-01-01T00:30+05:00" lies before the year 1 in UTC: an OverflowError used to
    # refuse the whole file as damaged.
    path = daten_file(
        tmp_path / "f.xlsx",
        [2021, 1, "LIA", "job_starts", 5],
        custom=custom_stamp("0001-01-01T00:30:00+05:00"),
    )
    file = read_workbook(path)
    assert file.made_at is None or file.made_at.year > 1


def test_notes_keep_their_spaces_both_ways(catalogue_db: Database, tmp_path: Path) -> None:
    # The export keeps leading and trailing spaces of a note; the import stripped them, so
    # a round trip changed every such note.
    path = daten_file(tmp_path / "f.xlsx", [2021, 1, "LIA", "job_starts", 5, "LiA", "  Messe  "])
    import_workbook(catalogue_db, ACTOR, path)
    assert get_value(catalogue_db, "LIA", "job_starts", Month(2021, 1)) == (5, "  Messe  ")
    again = import_workbook(catalogue_db, ACTOR, path)
    assert again.counts()[Kind.UNCHANGED] == 1 and not again.changes


def test_a_value_in_the_last_row_of_a_sheet_is_no_reason_to_refuse(tmp_path: Path) -> None:
    cells = {(1, c): h for c, h in enumerate(("Projekt", "Kennzahl", "Bezeichnung", "2021-01"), 1)}
    cells.update({(2, 1): "LIA", (2, 2): "job_starts", (2, 4): 5, (1_048_576, 3): "Notiz"})
    path = tmp_path / "f.xlsx"
    path.write_bytes(build_xlsx([("Erfassung", cells)], Options()))
    assert len(read_workbook(path).incoming) == 1
    cells[(1_048_577, 3)] = "beyond the last row Excel has"
    path.write_bytes(build_xlsx([("Erfassung", cells)], Options()))
    with pytest.raises(DomainError, match="zu groß"):
        read_workbook(path)


def test_a_bzip2_part_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    # zipfile unpacks bzip2 and LZMA parts without a bound on the output: 4 KB of bzip2
    # can hold gigabytes. This one holds 20 MB of spaces and declares a few KB.
    import tracemalloc

    path = tmp_path / "bombe.xlsx"
    path.write_bytes(bz2_bomb(write_template_bytes(tmp_path)))
    tracemalloc.start()
    try:
        with pytest.raises(DomainError) as caught:
            read_workbook(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.code == "import_compression"
    assert "Methode 12" in str(caught.value)
    assert peak < 5_000_000


def write_template_bytes(folder: Path) -> bytes:
    db = open_database(folder / "vorlage.sqlite")
    try:
        load_catalogue(db, ACTOR)
        return write_template(db, YEAR, folder / "vorlage.xlsx").read_bytes()
    finally:
        db.close()


def test_too_many_parts_are_refused_before_zipfile_reads_its_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aipdesk.exchange import guard

    path = tmp_path / "teile.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(guard.MAX_PARTS + 1):
            archive.writestr(f"p/{i}", b"")

    def no_zipfile(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("zipfile read the directory of a file with too many parts")

    monkeypatch.setattr(guard.zipfile, "ZipFile", no_zipfile)
    with pytest.raises(DomainError) as caught:
        read_workbook(path)
    assert caught.value.code == "import_too_big"


def _template_parts(tmp_path: Path) -> dict[str, bytes]:
    return read_parts(write_template_bytes(tmp_path))


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda p: p.pop("xl/workbook.xml"), "import_part_missing"),
        (lambda p: p.pop("xl/worksheets/sheet1.xml"), "import_no_sheet"),  # openpyxl drops it
        (
            lambda p: p.update(
                {"xl/workbook.xml": p["xl/workbook.xml"].replace(b'r:id="rId1"', b'r:id="rId9"')}
            ),
            "import_part_missing",
        ),
        (
            lambda p: p.update({"xl/styles.xml": ENTITY_BOMB.encode() + b"<styleSheet/>"}),
            "import_xml_forbidden",
        ),
        (
            lambda p: p.update({"xl/styles.xml": XXE.encode() + b"<styleSheet>&xxe;</styleSheet>"}),
            "import_xml_forbidden",
        ),
        (
            lambda p: p.update(
                {
                    "xl/worksheets/sheet1.xml": re.sub(
                        rb'<dimension ref="[^"]*"',
                        b'<dimension ref="A1:ZZZZ9"',
                        p["xl/worksheets/sheet1.xml"],
                    )
                }
            ),
            "import_bad_reference",
        ),
        (
            lambda p: p.update(
                {
                    "xl/worksheets/sheet1.xml": re.sub(
                        rb'<c r="D2"[^>]*?(/>|>.*?</c>)',
                        b'<c r="D2" t="d"><v>2021-02-30</v></c>',
                        p["xl/worksheets/sheet1.xml"],
                        count=1,
                    )
                }
            ),
            "import_bad_value",
        ),
        (
            lambda p: p.update(
                {"xl/worksheets/sheet1.xml": p["xl/worksheets/sheet1.xml"][:-100]}
            ),
            "import_broken",
        ),
    ],
    ids=["no-workbook", "no-sheet", "sheet-rel-nowhere", "entities", "external-entity",
         "dimension", "date-30-feb", "truncated-xml"],
)  # fmt: skip
def test_what_the_libraries_raise_becomes_a_precise_refusal(
    tmp_path: Path, edit: Callable[[dict[str, bytes]], Any], code: str
) -> None:
    parts = _template_parts(tmp_path)
    edit(parts)
    path = tmp_path / "f.xlsx"
    path.write_bytes(write_parts(parts))
    with pytest.raises(DomainError) as caught:
        read_workbook(path)
    assert caught.value.code == code, str(caught.value)
    assert str(caught.value).startswith("f.xlsx: ")


def test_our_own_mistakes_are_not_passed_off_as_damaged_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only calls into zipfile and openpyxl run inside the importer's last-line handler; a
    # bug in the importer's own checks must surface as what it is.
    from aipdesk.exchange import importer

    path = tmp_path / "vorlage.xlsx"
    path.write_bytes(write_template_bytes(tmp_path))

    def buggy(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("a bug of ours")

    monkeypatch.setattr(importer, "_read_template", buggy)
    with pytest.raises(KeyError, match="a bug of ours"):
        read_workbook(path)


@pytest.mark.slow
def test_fuzz_cases_reaching_the_last_line(world: World) -> None:
    """Runs after the fuzz tests. The importer turns what zipfile and openpyxl raise into
    precise refusals (damaged zip or XML, forbidden XML, missing part, bad reference, bad
    value); whatever else they raise ends in `import_unreadable`, naming the exception's
    kind. This lists every fuzz case that got there: none in the CI cases, and none may
    come from code of aipdesk (only library calls run inside that handler)."""
    if set(CASES_RUN) != set(EXAMPLES):
        pytest.skip("only part of the fuzz tests ran")
    assert not [u for u in world.unreadable if " in aipdesk." in u[1]], world.unreadable
    assert world.unreadable == [], "\n".join(" | ".join(u) for u in world.unreadable)


# -- exported text that looks like a formula stays text, and comes back the same --------------


def test_formula_like_text_survives_export_and_import(tmp_path: Path) -> None:
    """tests/test_export.py checks that names and notes starting with =, +, -, @ are written
    as inline strings and that no sheet holds a formula; here the import reads such an
    export back and finds every value and note unchanged."""
    db = open_database(tmp_path / "runde.sqlite")
    try:
        load_demo(db, ACTOR, YEAR)
        for month, note in enumerate(FORMULA_NOTES, start=1):
            log_value(db, ACTOR, "LIA", "job_starts", Month(YEAR, month), 20 + month, note=note)
        path = tmp_path / "export.xlsx"
        export_workbook(db, YEAR, None, path)
        with zipfile.ZipFile(path) as archive:
            book = openpyxl.load_workbook(path, read_only=True)
            daten = f"xl/worksheets/sheet{book.sheetnames.index('Daten') + 1}.xml"
            book.close()
            xml = archive.read(daten).decode()
            for member in archive.namelist():
                if member.startswith("xl/worksheets/"):
                    body = archive.read(member)
                    assert b"<f>" not in body and b"<f " not in body, member
        for note in FORMULA_NOTES:
            assert f"<is><t>{escape(note)}</t></is>" in xml, note
        before = state(db)
        report = import_workbook(db, ACTOR, path)
        assert unchanged(before, state(db))
        assert report.counts()[Kind.UNCHANGED] == len(report.items) > 0
        notes = {i.incoming.note for i in report.items}
        assert set(FORMULA_NOTES) <= notes
    finally:
        db.close()


# -- nothing from a file is evaluated or unpickled ----------------------------------------------

FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle",
                     "jsonpickle", "yaml"}  # fmt: skip
FORBIDDEN_BUILTINS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_ATTRIBUTES = {
    ("yaml", "load"),
    ("yaml", "load_all"),
    ("yaml", "unsafe_load"),
    ("yaml", "full_load"),
    ("numpy", "load"),
    ("np", "load"),
    ("pandas", "read_pickle"),
    ("pd", "read_pickle"),
}


def test_nothing_from_a_file_is_evaluated_or_unpickled() -> None:
    """No source of aipdesk calls eval/exec/compile or imports pickle, marshal, shelve or
    yaml (whose load can build arbitrary objects); openpyxl never computes a formula and
    the importer refuses formula cells."""
    found = []
    for path in sorted((ROOT / "aipdesk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [
                    f"{where}:{node.lineno} import {a.name}"
                    for a in node.names
                    if a.name.split(".")[0] in FORBIDDEN_MODULES
                ]
            elif isinstance(node, ast.ImportFrom) and node.module:
                if node.module.split(".")[0] in FORBIDDEN_MODULES:
                    found.append(f"{where}:{node.lineno} from {node.module} import …")
            elif isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Name) and func.id in FORBIDDEN_BUILTINS:
                    found.append(f"{where}:{node.lineno} {func.id}()")
                elif (
                    isinstance(func, ast.Attribute)
                    and isinstance(func.value, ast.Name)
                    and (func.value.id, func.attr) in FORBIDDEN_ATTRIBUTES
                ):
                    found.append(f"{where}:{node.lineno} {func.value.id}.{func.attr}()")
    assert not found, found


def test_the_workbook_is_opened_without_links_and_without_cached_results() -> None:
    source = (ROOT / "aipdesk" / "exchange" / "importer.py").read_text(encoding="utf-8")
    # openpyxl's load_workbook, but for the sheets' declared sizes (importer._open)
    call = re.search(r"_reader_class\(\)\(([^)]*)\)", source)
    assert call is not None
    assert "read_only=True" in call.group(1)
    assert "keep_links=False" in call.group(1)  # external links are not followed
    assert "data_only=False" in call.group(1)  # formulas are seen (and refused), not results
    assert openpyxl.DEFUSEDXML is True


def test_chart_sheets(tmp_path: Path) -> None:
    """A chart sheet beside the data is fine; one named like the data sheet is refused by
    name; an empty one (which openpyxl cannot read) is refused with what to do about it."""
    from openpyxl.chart import BarChart, Reference

    def book(chart_title: str, with_chart: bool = True) -> Path:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Daten" if chart_title == "Erfassung" else "Erfassung"
        for row in (
            ("Projekt", "Kennzahl", "Bezeichnung", "2021-01"),
            ("LIA", "job_starts", "", 5),
        ):
            ws.append(row)
        sheet = wb.create_chartsheet(chart_title)
        if with_chart:
            chart = BarChart()
            chart.add_data(Reference(ws, min_col=4, min_row=1, max_row=2), titles_from_data=True)
            sheet.add_chart(chart)
        path = tmp_path / f"{chart_title}-{with_chart}.xlsx"
        wb.save(path)
        return path

    assert len(read_workbook(book("Diagramm")).incoming) == 1
    with pytest.raises(DomainError) as caught:
        read_workbook(book("Erfassung"))
    assert caught.value.code == "import_not_a_grid"
    assert str(caught.value).startswith("Erfassung!A1: Blatt „Erfassung“ ist kein Tabellenblatt")
    with pytest.raises(DomainError) as caught:
        read_workbook(book("Diagramm", with_chart=False))
    assert caught.value.code == "import_empty_chartsheet"
