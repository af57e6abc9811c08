"""Every operation's inverse puts back exactly what it replaced: values, notes, targets,
projects, metrics and tracking; versions only ever grow, and an editor's own later writes
never make its undo a conflict while a colleague's write still does."""

from __future__ import annotations

from typing import Any

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Metric, MetricKind, Project, Target
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.batch import Incoming
from aipdesk.services.demo import load_demo
from aipdesk.services.ops import (
    AddMetric,
    AddProject,
    ChangeMetric,
    ChangeProject,
    CopyTargets,
    Operation,
    RemoveTarget,
    SetCells,
    SetTarget,
    Steps,
    TrackMetric,
    Versions,
    WriteValues,
)
from aipdesk.services.values import KEEP, get_value
from aipdesk.store.database import Database

MARCH = Month(2021, 3)
NEUSTART = ("NEUSTART", "integrations", MARCH)


def state(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """What the catalogue and the figures say, without ids, versions, stamps and the log."""
    queries = {
        "projects": "SELECT code, name, description, first_year, first_month, last_year, "
        "last_month, active, position FROM projects",
        "metrics": "SELECT m.code, m.name, m.kind, m.direction, m.area, m.unit, p.code, "
        "n.code, d.code, m.green_pct, m.amber_pct, m.is_partition, m.description, m.position "
        "FROM metrics m LEFT JOIN metrics p ON p.id = m.parent_id "
        "LEFT JOIN metrics n ON n.id = m.numerator_id LEFT JOIN metrics d ON d.id = "
        "m.denominator_id",
        "tracking": "SELECT p.code, m.code, t.position FROM project_metrics t "
        "JOIN projects p ON p.id = t.project_id JOIN metrics m ON m.id = t.metric_id",
        "targets": "SELECT p.code, m.code, t.first_year, t.first_month, t.last_year, "
        "t.last_month, t.value, t.weights, t.change_pct, t.denominator_plan FROM targets t "
        "JOIN projects p ON p.id = t.project_id JOIN metrics m ON m.id = t.metric_id",
        "values": "SELECT p.code, m.code, year, month, value, note FROM monthly_values v "
        "JOIN projects p ON p.id = v.project_id JOIN metrics m ON m.id = v.metric_id",
    }
    with db.engine.connect() as conn:
        return {
            name: sorted(map(tuple, conn.exec_driver_sql(sql).fetchall()), key=repr)
            for name, sql in queries.items()
        }


@pytest.fixture
def demo(db: Database, actor: Actor) -> Database:
    load_demo(db, actor, 2021)
    return db


def undo_restores_exactly(db: Database, actor: Actor, op: Operation) -> Operation:
    """Run `op`, check it changed something, run its inverse, check the state is back;
    then redo (the inverse's inverse) and check the state after `op` is back too."""
    before = state(db)
    result = op.run(db, actor)
    assert result.changes and result.inverse is not None
    after = state(db)
    assert after != before
    undone = result.inverse.run(db, actor)
    assert state(db) == before
    assert undone.inverse is not None
    undone.inverse.run(db, actor)
    assert state(db) == after
    # Versions never repeat: what the undo writes is newer than what the operation left.
    for done, back in (
        (result.changes.versions, undone.changes.versions),
        (result.changes.target_versions, undone.changes.target_versions),
    ):
        for key, version in back.items():
            if version and done.get(key):
                assert version > done[key], key
    return result.inverse


def test_setting_clearing_and_noting_cells(demo: Database, actor: Actor) -> None:
    stored = get_value(demo, *NEUSTART)
    assert stored is not None
    undo_restores_exactly(demo, actor, SetCells({NEUSTART: (stored[0] + 7, "Ostern")}))
    undo_restores_exactly(demo, actor, SetCells({NEUSTART: None}))
    undo_restores_exactly(
        demo,
        actor,
        SetCells(
            {NEUSTART: (stored[0], KEEP)}
            | {
                ("LIA", "job_starts", MARCH): (3, None),
                ("NEUSTART", "integrations", Month(2022, 1)): (5, "neu"),
            }
        ),
    )


def test_an_import_is_undone_whole(demo: Database, actor: Actor) -> None:
    incoming = (
        *(
            Incoming("NEUSTART", "integrations", Month(2022, m), 40 + m, "aus der Datei", f"D{m}")
            for m in range(1, 13)
        ),
        Incoming("LIA", "job_starts", MARCH, 1, KEEP, "D13"),
    )
    undo_restores_exactly(demo, actor, WriteValues(incoming, origin="Vorlage.xlsx"))


def test_targets_added_changed_removed_and_copied(demo: Database, actor: Actor) -> None:
    year = (Month(2021, 1), Month(2021, 12))
    undo_restores_exactly(
        demo, actor, SetTarget("NEUSTART", "integrations", *year, 800, None, 5.0, KEEP)
    )
    weights = tuple([0.05] * 10 + [0.25, 0.25])
    undo_restores_exactly(demo, actor, SetTarget("LIA", "job_starts", *year, 300, weights))
    # A target of a metric the project does not log yet: the undo stops logging it too.
    undo_restores_exactly(demo, actor, SetTarget("EXG", "job_starts", *year, 20))
    undo_restores_exactly(demo, actor, RemoveTarget("TAAM", "taam_new", Month(2021, 1)))
    undo_restores_exactly(demo, actor, CopyTargets(2021))


def test_projects_metrics_and_tracking(demo: Database, actor: Actor) -> None:
    project = Project("NEU", "Neues Projekt", description="zum Testen")
    undo_restores_exactly(demo, actor, AddProject(project, ("integrations",)))
    undo_restores_exactly(demo, actor, ChangeProject("LIA", {"name": "LiA neu", "active": False}))
    undo_restores_exactly(demo, actor, TrackMetric("EXG", "job_starts"))
    metric = Metric("integrations_u25", "davon unter 25", MetricKind.FLOW, parent="integrations")
    undo_restores_exactly(demo, actor, AddMetric(metric, area_of_parent=True))
    undo_restores_exactly(
        demo, actor, ChangeMetric("lzb_stock", {"amber_pct": 97.0, "name": "LZB"})
    )
    both = Steps(
        (AddProject(Project("ZWEI", "Zwei")), TrackMetric("ZWEI", "job_starts")),
        ("Projekt ZWEI anlegen", "Add project ZWEI"),
    )
    undo_restores_exactly(demo, actor, both)


def test_an_undo_is_refused_when_it_cannot_put_back(demo: Database, actor: Actor) -> None:
    project = Project("NEU", "Neues Projekt")
    inverse = AddProject(project, ("integrations",)).run(demo, actor).inverse
    assert inverse is not None
    SetCells({("NEU", "integrations", MARCH): (4, None)}).run(demo, actor)
    before = state(demo)
    with pytest.raises(DomainError) as refused:
        inverse.run(demo, actor)
    assert refused.value.code == "project_in_use"
    assert state(demo) == before


def test_own_later_writes_never_make_an_undo_a_conflict(demo: Database, actor: Actor) -> None:
    """Value, then note, then undo both in turn: the window hands the inverses the
    versions its own writes left (`rebased`)."""
    stored = get_value(demo, *NEUSTART)
    assert stored is not None
    own: dict[Any, int] = {}

    def run(op: Operation) -> Operation:
        result = op.rebased(Versions(own, {})).run(demo, actor)
        own.update(result.changes.versions)
        assert result.inverse is not None
        return result.inverse

    shown = {NEUSTART: get_version(demo)}
    undo_value = run(SetCells({NEUSTART: (stored[0] + 1, stored[1])}, shown))
    undo_note = run(SetCells({NEUSTART: (stored[0] + 1, "Bemerkung")}, {NEUSTART: own[NEUSTART]}))
    run(undo_note)
    run(undo_value)  # without rebasing this would be refused as someone else's change
    assert get_value(demo, *NEUSTART) == stored
    # A colleague's write in between is still a conflict.
    undo_again = run(SetCells({NEUSTART: (1, None)}, {NEUSTART: own[NEUSTART]}))
    SetCells({NEUSTART: (2, None)}).run(demo, Actor("kollegin", "gui"))
    with pytest.raises(DomainError) as conflict:
        undo_again.rebased(Versions(own, {})).run(demo, actor)
    assert conflict.value.code == "value_conflict"


def get_version(db: Database) -> int:
    with db.engine.connect() as conn:
        (version,) = conn.exec_driver_sql(
            "SELECT v.version FROM monthly_values v JOIN projects p ON p.id = v.project_id "
            "WHERE p.code = 'NEUSTART' AND v.year = 2021 AND v.month = 3"
        ).one()
    return int(version)


def test_labels_name_the_step_in_german_and_english() -> None:
    op = SetTarget("NEUSTART", "integrations", Month(2021, 1), Month(2021, 12), 700)
    assert op.label() == (
        "Zielwert NEUSTART integrations 2021 ändern",
        "Change target NEUSTART integrations 2021",
    )
    target = Target("NEUSTART", "integrations", Month(2021, 1), Month(2021, 12), 700)
    assert SetTarget.of(target, 3).value == 700
    assert ChangeProject("IP", {"active": False}).label()[0] == "Projekt IP deaktivieren"
