"""`aipdesk report`: the Controllingbericht as PDF/A. Its text (pdftotext) carries every
figure `status --json` gives, formatted German; PDF/A-1b metadata; fonts embedded."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from aipdesk.format import GERMAN

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdffonts) missing"
)

WORDS = {"green": "● grün", "amber": "▲ gelb", "red": "■ rot", "none": "–"}


def aipdesk(*args: str, display: bool = False) -> subprocess.CompletedProcess[str]:
    """The real command in a child process; without a display unless asked for."""
    env = dict(os.environ)
    if not display:
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
            env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "aipdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


def pdftext(path: Path, page: int | None = None, layout: bool = True) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    done = subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def pages_of(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo with a note on NeuStart's March; its report, `status --json` beside it."""
    folder = tmp_path_factory.mktemp("report")
    db = folder / "demo.sqlite"
    assert aipdesk("demo", "--db", str(db)).returncode == 0
    logged = aipdesk(
        "log",
        "--db",
        str(db),
        "--project",
        "NEUSTART",
        "--metric",
        "integrations",
        "--month",
        "2021-03",
        "--value",
        "61",
        "--note",
        "Zwei Träger fielen im März aus",
    )
    assert logged.returncode == 0, logged.stderr
    status = aipdesk("status", "--db", str(db), "--year", "2021", "--json")
    assert status.returncode == 0, status.stderr
    out = folder / "Bericht.pdf"
    made = aipdesk("report", "--db", str(db), "--year", "2021", "--out", str(out))
    assert made.returncode == 0, made.stderr
    return {"db": db, "pdf": out, "rows": json.loads(status.stdout), "said": made.stdout}


def decimals(row: dict[str, Any]) -> int:
    """As `aipdesk status` shows them: one decimal for a quote or a stock (the demo's
    stocks are the LZB and the TaAM stock, its quotes the Integrationsquoten)."""
    stock_or_quote = "Bestand" in row["metric_name"] or "quote" in row["metric_name"]
    return 1 if stock_or_quote else 0


def test_the_overview_shows_every_figure_of_status_json(demo: dict[str, Any]) -> None:
    text = pdftext(demo["pdf"], page=1)
    lines = text.splitlines()
    rows = demo["rows"]
    assert len(rows) == 14
    at = 0
    for row in rows:
        d = decimals(row)
        shown = [
            GERMAN.number(row["target"], d),
            GERMAN.number(row["plan_to_date"], d),
            GERMAN.number(row["actual_to_date"], d),
            GERMAN.percent(row["attainment_pct"]),
            GERMAN.number(row["forecast"], d),
            GERMAN.number(row["previous_year_actual"], d),
            WORDS[row["status"]],
        ]
        pattern = re.compile(r"\s+".join(re.escape(t) for s in shown for t in s.split()) + r"\s*$")
        # The rows stand in the order of `status`, each on its line after the one before.
        found = next((i for i in range(at, len(lines)) if pattern.search(lines[i])), None)
        assert found is not None, f"{row['project']} {row['metric']}: {shown} not after line {at}"
        at = found + 1
    # By hand, from the demo's figures: the LZB stock averages 17.639,4 against 17.046
    # (less is better: 17.046 ÷ 17.639,4 = 96,6 %, amber), a year before 19.006,4.
    assert re.search(
        r"Langzeitleistungsbeziehende \(Bestand\)\s+17\.046,0\s+17\.046,0\s+17\.639,4\s+"
        r"96,6 %\s+17\.639,4\s+19\.006,4\s+▲ gelb",
        text,
    )


def test_the_title_states_the_message(demo: dict[str, Any]) -> None:
    rows = demo["rows"]
    rated = [r for r in rows if r["status"] != "none"]
    green = [r for r in rated if r["status"] == "green"]
    worst = min(rated, key=lambda r: r["attainment_pct"])
    assert (len(green), len(rated)) == (2, 9)  # NeuStart and the new TaAM places
    assert worst["project"] == "GUIDE" and worst["attainment_pct"] == pytest.approx(76.9, abs=0.05)
    title = " ".join(pdftext(demo["pdf"], page=1, layout=False).split())
    assert (
        "2 von 9 Zielen im Plan; GUIDE (rehapro) – Teilnehmende (Eintritte) 23,1 % hinter Plan"
        in title
    )


def test_the_meldestand_says_what_is_provisional(demo: dict[str, Any]) -> None:
    text = " ".join(pdftext(demo["pdf"], layout=False).split())
    provisional = sum(1 for row in demo["rows"] if row["provisional"])
    assert provisional == 14  # the demo approves no month
    assert f"Vorläufig: {provisional} von 14 Zeilen" in text
    assert "Meldestand 2021" in text and "(Jan 2021 – Dez 2021)" in text


def test_every_page_has_header_and_footer(demo: dict[str, Any]) -> None:
    count = pages_of(demo["pdf"])
    assert count >= 8  # the overview and a page for each of the seven projects at least
    assert demo["said"].strip() == (
        f"Bericht geschrieben: {demo['pdf']} (Berichtsmonat Dezember 2021, {count} Seiten)"
    )
    for page in range(1, count + 1):
        text = pdftext(demo["pdf"], page=page)
        assert f"Seite {page} von {count}" in text
        assert "Jobcenter Kreis Unna" in text
        assert "Berichtsmonat Dezember 2021" in text
        assert re.search(r"Datenstand \d\d\.\d\d\.\d{4} \d\d:\d\d", text)


def test_a_project_page_has_grid_chart_notes_and_official_figures(demo: dict[str, Any]) -> None:
    count = pages_of(demo["pdf"])
    texts = [pdftext(demo["pdf"], page=p, layout=False) for p in range(1, count + 1)]
    page = next(t for t in texts if "NeuStart: " in t)
    flat = " ".join(page.split())
    assert "NeuStart: 1 von 1 Zielen im Plan" in flat or "NeuStart: Alle 1 Ziele im Plan" in flat
    assert "Monatswerte 2021" in flat
    assert "Integrationen, bis zum Monat kumuliert (Jan 2021 – Dez 2021)" in flat
    assert "Mär 2021 · Integrationen: Zwei Träger fielen im März aus" in flat
    row = next(r for r in demo["rows"] if r["project"] == "NEUSTART")
    assert "Amtliche Kennzahlen, gleitend 12 Monate bis Dezember 2021" in flat
    assert GERMAN.number(row["rolling_12m"]) in flat
    assert GERMAN.signed(row["yoy_month_change_pct"], 1) + " %" in flat


def test_pdf_a_1b_with_embedded_fonts(demo: dict[str, Any]) -> None:
    content = demo["pdf"].read_bytes()
    assert content.startswith(b"%PDF-1.4")
    xmp = re.search(rb"<x:xmpmeta.*?</x:xmpmeta>", content, re.S)
    assert xmp is not None, "no XMP metadata"
    assert re.search(rb'pdfaid:part\s*=\s*"1"', xmp.group()) or b"<pdfaid:part>1<" in xmp.group()
    assert re.search(rb'pdfaid:conformance\s*=\s*"B"', xmp.group()) or (
        b"<pdfaid:conformance>B<" in xmp.group()
    )
    assert b"/OutputIntents" in content  # PDF/A: the colours' output intent
    fonts = subprocess.run(
        ["pdffonts", str(demo["pdf"])], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts, "no fonts"
    for line in fonts:  # name, type, encoding, then emb sub uni and the object id
        embedded = re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        assert embedded, f"not embedded: {line}"


def test_english_and_a_report_month(demo: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "report-en.pdf"
    made = aipdesk(
        "--lang",
        "en",
        "report",
        "--db",
        str(demo["db"]),
        "--year",
        "2021",
        "--month",
        "2021-06",
        "--out",
        str(out),
    )
    assert made.returncode == 0, made.stderr
    assert "report month June 2021" in made.stdout
    text = pdftext(out, page=1)
    assert "Page 1 of" in text and "Attainm." in text and "Data as of" in text
    status = aipdesk(
        "status", "--db", str(demo["db"]), "--year", "2021", "--month", "2021-06", "--json"
    )
    neustart = next(r for r in json.loads(status.stdout) if r["project"] == "NEUSTART")
    english = re.compile(
        r"Integrationen\s+700\s+{}\s+{}\s+{}".format(
            *(
                re.escape(f"{v:,.0f}")
                for v in (neustart["plan_to_date"], neustart["actual_to_date"])
            ),
            re.escape(f"{neustart['attainment_pct']:.1f} %"),
        )
    )
    assert english.search(text), text[:2000]


def test_refuses_to_write_over_the_database(demo: dict[str, Any]) -> None:
    before = demo["db"].read_bytes()
    made = aipdesk("report", "--db", str(demo["db"]), "--year", "2021", "--out", str(demo["db"]))
    assert made.returncode == 1
    assert "geöffnete Datenbank" in made.stderr and "Traceback" not in made.stderr
    assert demo["db"].read_bytes() == before


def test_a_month_outside_the_year_is_a_usage_error(demo: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    made = aipdesk(
        "report",
        "--db",
        str(demo["db"]),
        "--year",
        "2021",
        "--month",
        "2022-01",
        "--out",
        str(out),
    )
    assert made.returncode == 2 and not out.exists()


def euros(amount: float | None) -> str:
    """A JSON amount (euros, at most two decimals) as the report shows it: 1.234,50."""
    if amount is None:
        return "–"
    cents = round(amount * 100)
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole:,}".replace(",", ".") + f",{rest:02d}"


def test_the_budget_page_shows_every_figure_of_budget_status_json(demo: dict[str, Any]) -> None:
    month = demo["rows"][0]["report_month"]
    done = aipdesk(
        "budget", "status", "--db", str(demo["db"]), "--year", "2021", "--month", month, "--json"
    )
    assert done.returncode == 0, done.stderr
    budget = json.loads(done.stdout)
    last = pages_of(demo["pdf"])
    text = pdftext(demo["pdf"], page=last)
    assert "Budget Eingliederungstitel 2021" in text
    assert f"Seite {last} von {last}" in text
    assert "verfügbar für die Planung 12.379.403,00" in text  # Abb. 2 of the AIP
    lines = text.splitlines()
    at = 0
    for row in budget["rows"]:
        shown = [
            euros(row["plan"]),
            euros(row["plan_to_date"]),
            euros(row["committed"]),
            euros(row["spent_to_date"]),
            euros(row["available"]),
            GERMAN.percent(row["bindungsquote_pct"]),
            GERMAN.percent(row["ausgabequote_pct"]),
            euros(row["forecast"]),
            WORDS[row["status"]],
        ]
        pattern = re.compile(r"\s+".join(re.escape(t) for s in shown for t in s.split()) + r"\s*$")
        found = next(
            (
                i
                for i in range(at, len(lines))
                if lines[i].split()[:1] == [row["code"]] and pattern.search(lines[i])
            ),
            None,
        )
        assert found is not None, f"{row['code']}: {shown} not after line {at}"
        at = found + 1
    # By hand: FbW plans 4,707,481 € and (demo) spends 86 % of its plan to date: amber.
    fbw = next(line for line in lines if line.split()[:1] == ["FBW"])
    assert "4.707.481,00" in fbw and "86,0 %" in fbw and "▲ gelb" in fbw
