"""One worksheet of the export: openpyxl writes its frame, `RowWriter` its rows.

openpyxl (write-only mode) writes a sheet's structure: column widths, frozen
panes, filters, conditional formats, print set-up, charts. The rows are
serialised by `styles.RowWriter` into a temporary spool file (five to ten times
faster than openpyxl's cell objects, and every text an inline string, never a
formula) and spliced into the sheet openpyxl wrote when the sheet is finished.
"""

from __future__ import annotations

import math
import re
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from aipdesk.exchange.styles import RowWriter, Styled

EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")


class SpoolSheet:
    """A worksheet: openpyxl writes its frame, `RowWriter` its rows into a spool file."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        # Closed by finish() or discard(); a temporary file vanishes even if neither runs.
        self.spool: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115
        self.rows = RowWriter(self.spool)

    @property
    def row(self) -> int:
        return self.rows.row

    def append(self, values: Sequence[Any], height: float | None = None) -> int:
        return self.rows.append(values, height)

    def paragraph(self, cell: Styled, last_column: str, chars: float, line: float) -> int:
        """A text over the columns A…`last_column`, wrapped, its row as high as it needs."""
        text = str(cell.value or "")
        lines = sum(max(1, math.ceil(len(part) / chars)) for part in text.split("\n"))
        row = self.append([cell], height=line * lines + 3)
        self.ws.merged_cells.add(f"A{row}:{last_column}{row}")
        return row

    def skip(self, rows: int = 1) -> None:
        self.rows.row += rows  # empty rows need no element

    def finish(self) -> None:
        """Let openpyxl write the sheet without rows, then put the spooled rows into it."""
        self.ws.close()
        frame_path = Path(self.ws._writer.out)
        frame = frame_path.read_bytes()
        found = list(EMPTY_SHEET_DATA.finditer(frame))
        if len(found) != 1:
            raise RuntimeError(f"unexpected worksheet frame from openpyxl: {frame[:200]!r}")
        start, end = found[0].span()
        self.spool.flush()
        self.spool.seek(0)
        with open(frame_path, "wb") as out:
            out.write(frame[:start])
            out.write(b"<sheetData>")
            while chunk := self.spool.read(1 << 20):
                out.write(chunk.encode("utf-8"))
            out.write(b"</sheetData>")
            out.write(frame[end:])
        self.spool.close()

    def discard(self) -> None:
        if not self.spool.closed:
            self.spool.close()
        with suppress(Exception):
            if not self.ws.closed:
                self.ws.close()
        with suppress(Exception):
            if self.ws._writer is not None:
                self.ws._writer.cleanup()
