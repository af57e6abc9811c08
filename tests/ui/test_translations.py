"""German ships complete: every string in the code is in the .ts, translated, and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "aipdesk_de.ts"
QM = REPO / "resources" / "translations" / "aipdesk_de.qm"


def tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    path = str(found) if found.exists() else shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found (it comes with PySide6-Essentials)")
    return path


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    result = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            result[(name, message.findtext("source") or "")] = message
    return result


def unfinished(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for key, message in messages(ts).items():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            missing.append(key)
    return missing


def test_no_unfinished_translations() -> None:
    assert unfinished(TS) == []


def test_every_string_of_the_code_is_in_the_ts(tmp_path: Path) -> None:
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (REPO / "aipdesk" / "ui").rglob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources,
            "-ts",
            str(copy),
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            "de",
        ],
        check=True,
        capture_output=True,
    )
    assert unfinished(copy) == [], "run `make translations` and translate the new strings"
    assert set(messages(copy)) == set(messages(TS)), "run `make translations`"


def test_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "aipdesk_de.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_mnemonics_keep_their_ampersand() -> None:
    for (context, source), message in messages(TS).items():
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or ""
        if "&" in source.replace("&&", ""):
            assert text.replace("&&", "").count("&") == 1, (context, source, text)
        for placeholder in ("{0}", "{1}", "{2}", "%n"):
            if placeholder in source:
                forms = [f.text or "" for f in translation.iter("numerusform")] or [text]
                assert all(placeholder in f for f in forms), (context, source)


def test_the_window_names_months_as_the_command_line_and_workbook_do() -> None:
    """Month names reach the window through its translator and the command line and the
    workbook through aipdesk.format: both say the same in German and in English."""
    from aipdesk.format import ENGLISH, GERMAN

    found = messages(TS)
    for source, german in zip(ENGLISH.month_names(), GERMAN.month_names(), strict=True):
        element = found[("Months", source)]
        assert element.findtext("translation") == german, source
