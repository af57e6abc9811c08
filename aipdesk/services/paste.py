"""A block of pasted cells onto an entry grid: which monthly values it sets or clears.

Pure: it works on the grid rows the window shows, checks every cell first and refuses
the whole block with the first problem named (`PasteRefused`), so that the window
stores all of it as one operation (`SetCells`) or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.domain.rules import parse_count
from aipdesk.services.results import GridRow

MONTHS = 12

# A cell's new state: its value with the note it keeps, or None (cleared).
State = tuple[int, str | None] | None


@dataclass(eq=False)
class PasteRefused(Exception):
    """Why a block cannot be pasted where it was.

    kind: "edge" (the block reaches past the grid: `rows` × `columns` given, `room_rows`
    × `room_columns` free from the start cell), "computed" (a row the window computes,
    such as a quote), "inactive" (a deactivated project), "outside" (a month outside the
    project period), "bad_value" (`reason` says why `text` is no count). Each names its
    first cell by `row` and `month`; `count` tells how many cells have a problem.
    """

    kind: str
    row: GridRow | None = None
    month: Month | None = None
    text: str = ""
    reason: DomainError | None = None
    count: int = 1
    rows: int = 0
    columns: int = 0
    room_rows: int = 0
    room_columns: int = 0


def _locked(row: GridRow) -> str:
    if row.metric.is_computed:
        return "computed"
    if not row.project.active:
        return "inactive"
    return "outside"


def plan_paste(
    rows: Sequence[GridRow], top: int, left: int, block: Sequence[Sequence[str]]
) -> dict[tuple[GridRow, Month], State]:
    """The cells that `block` changes when pasted with its first cell at grid row `top`,
    month offset `left` (0 = January): a text sets the value (German "1.234" or plain
    "1234"), an empty text clears it; cells that stay as they are are left out.

    An empty text over an empty cell changes nothing and is taken anywhere (a copied row
    brings the empty months outside another project's period along); anything else over a
    cell that cannot be edited refuses the block.
    """
    height, width = len(block), max((len(line) for line in block), default=0)
    if top + height > len(rows) or left + width > MONTHS:
        raise PasteRefused(
            "edge",
            rows=height,
            columns=width,
            room_rows=len(rows) - top,
            room_columns=MONTHS - left,
        )
    cells: dict[tuple[GridRow, Month], State] = {}
    problems: list[PasteRefused] = []
    for number, line in enumerate(block):
        row = rows[top + number]
        for column, text in enumerate(line):
            offset = left + column
            month, current = row.months[offset], row.values[offset]
            if text == "" and current is None:
                continue
            if not row.editable[offset]:
                problems.append(PasteRefused(_locked(row), row, month, text))
                continue
            if text == "":
                cells[(row, month)] = None
                continue
            try:
                value = parse_count(text)
            except DomainError as error:
                problems.append(PasteRefused("bad_value", row, month, text, error))
                continue
            if value != current:
                cells[(row, month)] = (value, row.notes[offset])
    if problems:
        first = problems[0]
        first.count = len(problems)
        raise first
    return cells
