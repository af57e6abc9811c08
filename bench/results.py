"""Writing one benchmark's section of bench/RESULTS.md, keeping the others."""

from __future__ import annotations

import os
import platform
import re
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
INTRO = (
    "# Benchmarks\n\nMeasured figures of the aipdesk benchmarks; each section is written "
    "by the script or build it names.\n"
)


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = ", " + line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores{cpu}, {platform.system()} {platform.machine()}, "
        f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}"
    )


def write_section(title: str, lines: list[str], path: Path = RESULTS) -> None:
    """Replace the section headed `## {title}` (or append it) with the date, machine and lines."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    body = "\n".join([f"## {title}", "", f"- Date: {stamp}", f"- Machine: {machine()}", *lines])
    text = path.read_text(encoding="utf-8") if path.exists() else INTRO
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: body + "\n\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
