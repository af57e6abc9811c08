"""A write shown without reading the year again (`views.refresh`) shows exactly what a
full read shows: the same status rows, report month, grids and Meldestand (its marks and
its totals)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.demo import load_demo
from aipdesk.services.ops import SetCells
from aipdesk.services.results import Snapshot
from aipdesk.services.views import refresh, snapshot
from aipdesk.store.database import Database


def shown(snap: Snapshot) -> tuple[Any, ...]:
    """What the window shows of a snapshot."""
    return (
        snap.report_month,
        snap.status.to_json(),
        None if snap.status.choice is None else snap.status.choice,
        {area: grid.rows for area, grid in snap.grids.items()},
        snap.gaps,
        snap.years,
        snap.matrix,
        None if snap.matrix is None else snap.matrix.totals,
    )


@pytest.fixture
def demo(db: Database, actor: Actor) -> Database:
    load_demo(db, actor, 2021)
    return db


def cells_of(snap: Snapshot) -> list[tuple[str, str, Month]]:
    return [
        (row.project.code, row.metric.code, month)
        for grid in snap.grids.values()
        for row in grid.rows
        for month, editable in zip(row.months, row.editable, strict=True)
        if editable
    ]


@pytest.mark.parametrize("pinned", [None, Month(2021, 6)])
def test_a_refresh_shows_what_a_full_read_shows(
    demo: Database, actor: Actor, pinned: Month | None
) -> None:
    rng = random.Random(4711)
    snap = snapshot(demo, 2021, pinned)
    cells = cells_of(snap)
    for step in range(40):
        chosen = rng.sample(cells, rng.choice([1, 1, 1, 3]))
        wanted: dict[Any, Any] = {}
        for key in chosen:
            row = next(r for g in snap.grids.values() for r in g.rows if r.key() == key[:2])
            old = row.values[key[2].month - 1]
            if old is not None and rng.random() < 0.3:
                wanted[key] = None  # clear: a gap appears, the report month may move
            else:
                # A small change keeps the davon and partition rules.
                wanted[key] = (max(0, (old or 0) - rng.randint(0, 2)), f"Schritt {step}")
        try:
            result = SetCells(wanted).run(demo, actor)
        except Exception:  # a clear or lower value a rule refuses: nothing changed
            continue
        fast = refresh(snap, result.changes, pinned)
        assert fast is not None
        full = snapshot(demo, 2021, pinned)
        assert shown(fast) == shown(full), step
        snap = fast


def test_a_refresh_is_declined_when_more_than_values_changed(demo: Database, actor: Actor) -> None:
    from aipdesk.services.ops import SetTarget

    snap = snapshot(demo, 2021)
    result = SetTarget("NEUSTART", "integrations", Month(2021, 1), Month(2021, 12), 800).run(
        demo, actor
    )
    assert refresh(snap, result.changes, None) is None


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    found: list[str] = []

    def count(*args: Any) -> None:
        found.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield found
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_an_edit_costs_the_same_statements_however_many_values(
    demo: Database, actor: Actor
) -> None:
    """One value typed: the write and its refresh take a fixed number of statements, with
    the year holding 200 values or 2,000 more."""
    key = ("NEUSTART", "integrations", Month(2021, 3))

    def edit(value: int) -> int:
        snap = snapshot(demo, 2021)
        with statements(demo) as done:
            result = SetCells({key: (value, None)}).run(demo, actor)
            assert refresh(snap, result.changes, None) is not None
        return len(done)

    few = edit(70)
    more = {("JC", "training_entries", Month(2021, m)): (1000 + m, None) for m in range(1, 13)}
    SetCells(more).run(demo, actor)
    for year in range(2010, 2021):  # older years: values the year shown never reads
        SetCells({("EXG", "integrations", Month(year, m)): (m, None) for m in range(1, 13)}).run(
            demo, actor
        )
    assert edit(71) == few


def test_the_chart_after_an_edit_is_the_one_a_read_gives(demo: Database, actor: Actor) -> None:
    """The dashboard's chart is computed from the figures the window holds after its own
    write; it equals the chart read from the database, and where the values held do not
    reach the end of a target (a period past the year shown) the window must read."""
    from aipdesk.services.views import NEEDS_READ, chart_data, snapshot_chart

    snap = snapshot(demo, 2021)
    key = ("NEUSTART", "integrations", Month(2021, 5))
    result = SetCells({key: (123, "neu")}).run(demo, actor)
    fast = refresh(snap, result.changes, None)
    assert fast is not None
    mine = snapshot_chart(fast, "NEUSTART", "integrations")
    read = chart_data(demo, "NEUSTART", "integrations", 2021, fast.report_month)
    assert mine == read and read is not None and read.monthly[4] == 123
    assert snapshot_chart(fast, "NEUSTART", "no_such_metric") is None
    from aipdesk.services.ops import SetTarget

    SetTarget("NEUSTART", "integrations", Month(2021, 1), Month(2022, 12), 1400).run(demo, actor)
    longer = snapshot(demo, 2021)
    assert snapshot_chart(longer, "NEUSTART", "integrations") is NEEDS_READ
