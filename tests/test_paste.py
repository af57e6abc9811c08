"""Pasted text, without the window: reading tab-separated text, planning the cells it
sets, and storing a parent with its davon values in one operation in any order."""

from __future__ import annotations

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Area
from aipdesk.domain.months import Month
from aipdesk.domain.table_text import TableTextError, read_table_text, table_text
from aipdesk.services.base import Actor
from aipdesk.services.paste import PasteRefused, plan_paste
from aipdesk.services.values import SetCells, get_value
from aipdesk.services.views import snapshot
from aipdesk.store.database import Database


def test_table_text_round_trip() -> None:
    block = [["1.234", "", "7"], ["", "2", ""]]
    text = table_text(block)
    assert text == "1.234\t\t7\n\t2\t"
    assert read_table_text(text + "\r\n") == block


def test_cells_with_tabs_or_line_breaks_are_copied_on_one_line() -> None:
    assert table_text([["a\tb", "c\nd"]]) == "a b\tc d"


def test_windows_line_ends_blanks_and_ragged_rows() -> None:
    assert read_table_text("1\t 2 \r\n3\r\n") == [["1", "2"], ["3", ""]]
    assert read_table_text("5") == [["5"]]
    assert read_table_text("1\u00a0234") == [["1 234"]]


@pytest.mark.parametrize(
    ("text", "kind", "where"),
    [
        ("", "empty", (0, 0)),
        ("\r\n", "empty", (0, 0)),
        ("1\t" * 100_001, "too_long", (0, 0)),
        ("\t".join("1" * 101), "too_many_columns", (0, 0)),
        ("1\n" * 1_002, "too_many_rows", (0, 0)),
        ("1\t2\n3\t4\x07", "control", (2, 2)),
        ("1\t2\x7f", "control", (1, 2)),
        ("1\n\t=SUM(A1:A3)", "formula", (2, 2)),
    ],
)
def test_hostile_text_is_refused_with_its_place(
    text: str, kind: str, where: tuple[int, int]
) -> None:
    with pytest.raises(TableTextError) as caught:
        read_table_text(text)
    assert caught.value.kind == kind
    assert (caught.value.row, caught.value.column) == where


def test_plan_of_a_paste(db: Database) -> None:
    rows = snapshot(db, 2021).grids[Area.INTEGRATION].rows
    top = next(n for n, r in enumerate(rows) if r.key() == ("NEUSTART", "integrations"))
    cells = plan_paste(rows, top, 10, [["1.234", ""]])  # Nov 1234, Dec cleared (empty)
    assert {(r.key(), m): v for (r, m), v in cells.items()} == {
        (("NEUSTART", "integrations"), Month(2021, 11)): (1234, None)
    }  # the empty December stays empty: nothing to clear
    with pytest.raises(PasteRefused) as caught:
        plan_paste(rows, top, 10, [["1", "2", "3"]])
    assert (caught.value.kind, caught.value.room_columns) == ("edge", 2)
    with pytest.raises(PasteRefused) as caught:
        plan_paste(rows, top, 0, [["x"], ["-1"], ["3"]])
    refused = caught.value
    assert refused.kind == "bad_value" and refused.count == 2 and refused.text == "x"
    assert refused.row is not None and refused.row.key() == ("NEUSTART", "integrations")
    assert isinstance(refused.reason, DomainError)


def test_a_family_lowered_and_raised_in_one_operation_in_any_order(
    db: Database, actor: Actor
) -> None:
    """The davon rule holds for the state after all cells, not after each one."""
    may = Month(2021, 5)
    SetCells({("JC", "training_entries", may): (50, None)}).run(db, actor)
    SetCells({("JC", "training_care", may): (40, None)}).run(db, actor)
    lowered = {
        ("JC", "training_care", may): (3, None),  # the child first: 3 ≤ 50 already
        ("JC", "training_entries", may): (5, None),
    }
    result = SetCells(dict(reversed(lowered.items()))).run(db, actor)  # parent first: 5 < 40
    assert get_value(db, "JC", "training_entries", may) == (5, None)
    assert result.inverse is not None
    result.inverse.run(db, actor)  # the undo raises both, child first
    assert get_value(db, "JC", "training_care", may) == (40, None)
    with pytest.raises(DomainError) as caught:
        SetCells(
            {("JC", "training_entries", may): (5, None), ("JC", "training_care", may): (6, None)}
        ).run(db, actor)
    assert caught.value.code == "child_exceeds_parent"
    assert get_value(db, "JC", "training_entries", may) == (50, None)
