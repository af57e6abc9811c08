"""Tab-separated text, as spreadsheets put it on the clipboard: rows by line, cells by tab.

`table_text` writes a block of cells (what Ctrl+C copies); `read_table_text` reads one
back (what Ctrl+V pastes), from Excel, LibreOffice or aipdesk itself. Clipboard text is
untrusted: its size, shape and characters are bounded before anything is made of it,
and a refusal says what was wrong and where (`TableTextError`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Far above a whole year of every project (a few thousand characters), far below what
# would keep the window busy.
MAX_CHARS = 200_000
MAX_ROWS = 1_000
MAX_COLUMNS = 100


@dataclass(eq=False)
class TableTextError(Exception):
    """Why a text cannot be pasted. `kind`: "empty", "too_long", "too_many_rows",
    "too_many_columns", "control" (a control character in cell `row`, `column`, 1-based)
    or "formula" (the cell holds a spreadsheet formula, quoted in `text`)."""

    kind: str
    row: int = 0
    column: int = 0
    text: str = ""
    limit: int = 0


def _clean(cell: str) -> str:
    """A cell as copied: one line, no tabs (they would split the cell on the way back)."""
    return " ".join(cell.replace("\t", " ").splitlines())


def table_text(rows: Iterable[Sequence[str]]) -> str:
    """The block as tab-separated text: rows by newline, empty cells empty."""
    return "\n".join("\t".join(_clean(cell) for cell in row) for row in rows)


def read_table_text(text: str) -> list[list[str]]:
    """The cells of a tab-separated text, each stripped of surrounding blanks; all rows
    as wide as the widest (missing cells empty). One trailing line break (Excel ends
    every copy with one) and Windows line ends are taken as they come."""
    if len(text) > MAX_CHARS:
        raise TableTextError("too_long", limit=MAX_CHARS)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text.strip():
        raise TableTextError("empty")
    lines = text.split("\n")
    if len(lines) > MAX_ROWS:
        raise TableTextError("too_many_rows", limit=MAX_ROWS)
    rows: list[list[str]] = []
    for number, line in enumerate(lines, 1):
        cells = line.split("\t")
        if len(cells) > MAX_COLUMNS:
            raise TableTextError("too_many_columns", limit=MAX_COLUMNS)
        for column, cell in enumerate(cells, 1):
            bad = next((c for c in cell if ord(c) < 32 or 127 <= ord(c) < 160), None)
            if bad is not None:
                raise TableTextError("control", number, column, f"\\x{ord(bad):02x}")
            cell = cell.strip().replace("\u00a0", " ")
            if cell.startswith("="):
                raise TableTextError("formula", number, column, cell[:40])
            cells[column - 1] = cell.strip()
        rows.append(cells)
    width = max(len(row) for row in rows)
    return [row + [""] * (width - len(row)) for row in rows]
