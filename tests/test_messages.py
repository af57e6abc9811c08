"""One message system: codes as enums, one (de, en) catalogue, one formatter."""

from __future__ import annotations

import re
import string
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.messages import MESSAGES, Code, Note, Phrase, message, pick
from aipdesk.domain.months import Month
from aipdesk.format import ENGLISH, GERMAN, formatter

PACKAGE = Path(__file__).resolve().parents[1] / "aipdesk"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_both_texts_and_nothing_else_is_in_the_catalogue() -> None:
    codes = {*Code, *Note}
    assert set(MESSAGES) == codes
    assert not {c.value for c in Code} & {n.value for n in Note}, "a name used twice"
    for code, (de, en) in MESSAGES.items():
        assert de.strip() and en.strip(), code
        assert _fields(de) == _fields(en), f"{code}: German and English ask for other fields"


def test_an_error_keeps_its_code_where_it_is_placed() -> None:
    error = DomainError(Code.negative_count, text="-3")
    placed = error.at("Daten!B7")
    assert placed.code is Code.negative_count and placed.code == "negative_count"
    assert (
        placed.text("de")
        == 'Daten!B7: "-3" ist keine gültige Anzahl: Werte dürfen nicht negativ sein'
    )
    assert placed.text("en") == 'Daten!B7: "-3" is not a valid count: values must not be negative'
    assert str(placed) == placed.text("de")
    assert placed.at("other.xlsx") is placed, "the first, most precise place stays"
    assert error.at("") is error
    # A place from a file is user text: shown on one line, control characters made visible.
    hostile = error.at("B\nC\x1b[2J")
    assert "\n" not in hostile.text("de") and "\x1b" not in hostile.text("de")


def test_an_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        DomainError("no_such_code")  # type: ignore[arg-type]


def test_parameters_in_both_languages_and_phrases_follow_the_language() -> None:
    error = DomainError(Code.not_aipdesk_db, path="x.sqlite", reason=Phrase(Note.empty_file))
    assert (
        error.text("de")
        == "x.sqlite ist keine aipdesk-Datenbank (sie ist leer); die Datei wurde nicht verändert"
    )
    assert (
        error.text("en")
        == "x.sqlite is not an aipdesk database (it is empty); the file was left unchanged"
    )
    assert message(Note.conflicts_many, "en", count=3) == "3 conflicts"
    assert pick(("ja", "yes"), "en") == "yes" and pick(("ja", "yes"), "fr") == "ja"


def test_no_module_words_a_message_by_comparing_the_language() -> None:
    """Outside the catalogue and the formatter, no `lang == "de"` branch chooses a text."""
    # These choose which Qt translation to load, not a text.
    allowed = {
        PACKAGE / "ui" / "i18n.py",
        PACKAGE / "ui" / "chart.py",
        PACKAGE / "ui" / "chart" / "__main__.py",
    }
    pattern = re.compile(r"""lang\s*[!=]=\s*["'](de|en)["']|\bde\s*=\s*lang\b""")
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path in allowed or "messages" in path.parts or path.name == "format.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("lang", "value", "decimals", "expected"),
    [
        ("de", 1234.5, 1, "1.234,5"),
        ("en", 1234.5, 1, "1,234.5"),
        ("de", 17046, 0, "17.046"),
        ("en", 17046, 0, "17,046"),
        ("de", -0.04, 1, "0,0"),
        ("de", None, 0, "–"),
    ],
)
def test_numbers(lang: str, value: float | None, decimals: int, expected: str) -> None:
    assert formatter(lang).number(value, decimals) == expected


def test_percentages_changes_and_months() -> None:
    assert GERMAN.percent(104.94) == "104,9 %" and ENGLISH.percent(104.94) == "104.9 %"
    assert GERMAN.signed(12) == "+12" and GERMAN.signed(-3.25, 1) == "-3,2"
    assert (
        GERMAN.month(Month(2021, 3)) == "Mär 2021" and ENGLISH.month(Month(2021, 3)) == "Mar 2021"
    )
    assert GERMAN.month(Month(2021, 12), long=True) == "Dezember 2021"
    assert ENGLISH.month_names(long=True)[4] == "May"


def test_timestamps_in_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        at = datetime(2026, 11, 24, 9, 15, 30, tzinfo=UTC)  # 10:15:30 in Berlin (CET)
        assert GERMAN.timestamp(at) == "24.11.2026 10:15"
        assert ENGLISH.timestamp(at, seconds=True) == "2026-11-24 10:15:30"
        assert GERMAN.timestamp(at.replace(tzinfo=None)) == "24.11.2026 10:15", "naive is UTC"
    finally:
        monkeypatch.undo()
        time.tzset()
