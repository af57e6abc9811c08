"""Writes through the services: validation, one transaction, change log, `Changes`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Metric, MetricKind, Project
from aipdesk.domain.months import Month, Period
from aipdesk.services.base import Actor, Changes
from aipdesk.services.maintenance import history
from aipdesk.services.projects import add_metric, add_project, edit_metric, edit_project
from aipdesk.services.targets import clear_target, list_targets, set_target
from aipdesk.services.values import KEEP, clear_value, get_value, log_value
from aipdesk.store.database import Database
from tests.conftest import snapshot

MARCH = Month(2021, 3)

TE = "Eintritte in berufliche Weiterbildung"


def test_log_value_stores_logs_and_reports(db: Database, actor: Actor) -> None:
    changes = log_value(db, actor, "NEUSTART", "integrations", MARCH, "58", note="Ostern")
    assert changes == Changes(values=frozenset({("NEUSTART", "integrations", MARCH)}))
    assert get_value(db, "NEUSTART", "integrations", MARCH) == (58, "Ostern")
    log_value(db, actor, "NEUSTART", "integrations", MARCH, 61)  # note kept
    assert get_value(db, "NEUSTART", "integrations", MARCH) == (61, "Ostern")
    trail = history(db, "NEUSTART", "integrations", MARCH)
    assert [(c.action, c.old, c.new, c.user) for c in trail] == [
        ("insert", None, {"value": 58, "note": "Ostern"}, "tester"),
        ("update", {"value": 58, "note": "Ostern"}, {"value": 61, "note": "Ostern"}, "tester"),
    ]


def test_same_value_again_changes_nothing(db: Database, actor: Actor) -> None:
    log_value(db, actor, "NEUSTART", "integrations", MARCH, 58)
    before = snapshot(db)
    assert not log_value(db, actor, "NEUSTART", "integrations", MARCH, "58", note=KEEP)
    assert snapshot(db) == before


def test_clear_value_makes_the_month_missing(db: Database, actor: Actor) -> None:
    log_value(db, actor, "NEUSTART", "integrations", MARCH, 58)
    assert clear_value(db, actor, "NEUSTART", "integrations", MARCH)
    assert get_value(db, "NEUSTART", "integrations", MARCH) is None
    assert history(db, "NEUSTART", "integrations", MARCH)[-1].action == "delete"
    assert not clear_value(db, actor, "NEUSTART", "integrations", MARCH)


REJECTIONS: list[tuple[str, Callable[[Database, Actor], Any], str]] = [
    (
        "negative",
        lambda db, a: log_value(db, a, "NEUSTART", "integrations", MARCH, "-3"),
        '"-3" ist keine gültige Anzahl',
    ),
    (
        "text",
        lambda db, a: log_value(db, a, "NEUSTART", "integrations", MARCH, "viele"),
        '"viele" ist keine gültige Anzahl',
    ),
    (
        "fraction",
        lambda db, a: log_value(db, a, "NEUSTART", "integrations", MARCH, "3,5"),
        '"3,5" ist keine gültige Anzahl',
    ),
    (
        "unknown project",
        lambda db, a: log_value(db, a, "NOPE", "integrations", MARCH, 1),
        'Unbekanntes Projekt "NOPE"',
    ),
    (
        "unknown metric",
        lambda db, a: log_value(db, a, "NEUSTART", "nope", MARCH, 1),
        'Unbekannte Kennzahl "nope"',
    ),
    (
        "outside project period",
        lambda db, a: log_value(db, a, "NEUSTART", "integrations", Month(2023, 1), 1),
        "Januar 2023 liegt außerhalb des Zeitraums von Projekt NeuStart",
    ),
    (
        "before project start",
        lambda db, a: log_value(db, a, "GUIDE", "participants", Month(2019, 10), 1),
        "Oktober 2019 liegt außerhalb des Zeitraums von Projekt GUIDE (rehapro)",
    ),
    (
        "not tracked",
        lambda db, a: log_value(db, a, "NEUSTART", "job_starts", MARCH, 1),
        "Kennzahl Arbeitsaufnahmen wird für Projekt NeuStart nicht erfasst",
    ),
    (
        "computed",
        lambda db, a: log_value(db, a, "JC", "integration_rate", MARCH, 1),
        "Kennzahl Integrationsquote wird berechnet (100 · Integrationen ÷ Ø Erwerbsfähige "
        "Leistungsberechtigte (Bestand)) und kann nicht erfasst werden",
    ),
    (
        "davon above parent",
        lambda db, a: log_value(db, a, "JC", "training_entries_degree", MARCH, 61),
        f"{TE} (abschlussorientiert) (61) darf nicht größer sein als {TE} (60)",
    ),
    (
        "parent below davon",
        lambda db, a: log_value(db, a, "JC", "training_entries", MARCH, 19),
        f"{TE} (Pflege und Gesundheit) (20) darf nicht größer sein als {TE} (19)",
    ),
    (
        "target negative",
        lambda db, a: set_target(db, a, "LIA", "job_starts", Month(2021, 1), Month(2021, 12), -5),
        "Zielwert -5.0 ist ungültig",
    ),
    (
        "target text",
        lambda db, a: set_target(db, a, "LIA", "job_starts", Month(2021, 1), Month(2021, 12), "x"),
        '"x" ist keine gültige Zahl',
    ),
    (
        "weights all zero",
        lambda db, a: set_target(
            db, a, "LIA", "job_starts", Month(2021, 1), Month(2021, 12), 300, (0,) * 12
        ),
        "Die Monatsgewichte sind alle 0",
    ),
    (
        "weights count",
        lambda db, a: set_target(
            db, a, "LIA", "job_starts", Month(2021, 1), Month(2021, 12), 300, (0.5, 0.5)
        ),
        "Die Plankurve braucht 12 Monatsgewichte, nicht 2",
    ),
    (
        "target overlap",
        lambda db, a: set_target(db, a, "LIA", "job_starts", Month(2021, 6), Month(2022, 5), 300),
        "gibt es schon einen Zielwert, der Jun 2021 – Mai 2022 überschneidet",
    ),
    (
        "target reversed",
        lambda db, a: set_target(db, a, "LIA", "job_starts", Month(2021, 6), Month(2021, 5), 3),
        "das Ende liegt vor dem Anfang",
    ),
    (
        "duplicate project",
        lambda db, a: add_project(db, a, Project("LIA", "Noch einmal LiA")),
        'Ein Projekt mit dem Kürzel "LIA" gibt es schon',
    ),
    (
        "bad code",
        lambda db, a: add_project(db, a, Project("a b", "Leerzeichen")),
        '"a b" ist kein gültiges Kürzel',
    ),
    (
        "inactive project",
        lambda db, a: (
            edit_project(db, a, "IP", active=False),
            log_value(db, a, "IP", "integrations", MARCH, 3),
        ),
        "Projekt Integration Point ist deaktiviert",
    ),
]


@pytest.mark.parametrize(("case", "write", "message"), REJECTIONS, ids=[r[0] for r in REJECTIONS])
def test_rejected_writes_change_nothing(
    db: Database, actor: Actor, case: str, write: Callable[[Database, Actor], Any], message: str
) -> None:
    log_value(db, actor, "JC", "training_entries", MARCH, 60)
    log_value(db, actor, "JC", "training_care", MARCH, 20)
    if case == "inactive project":
        edit_project(db, actor, "IP", active=False)
        write = lambda db, a: log_value(db, a, "IP", "integrations", MARCH, 3)  # noqa: E731
    before = snapshot(db)
    with pytest.raises(DomainError) as info:
        write(db, actor)
    assert message in str(info.value)
    assert snapshot(db) == before


def test_davon_equal_to_parent_is_fine(db: Database, actor: Actor) -> None:
    log_value(db, actor, "JC", "training_entries_degree", MARCH, 30)  # parent not logged yet
    log_value(db, actor, "JC", "training_entries", MARCH, 30)
    with pytest.raises(DomainError):
        log_value(db, actor, "JC", "training_entries", MARCH, 29)


def test_targets_set_edit_clear(db: Database, actor: Actor) -> None:
    jan, dec = Month(2021, 1), Month(2021, 12)
    changes = set_target(
        db, actor, "LIA", "job_starts", jan, dec, "320", weights=(0.05,) * 4 + (0.1,) * 8
    )
    assert changes.targets == {("LIA", "job_starts")}
    (lia,) = [t for t in list_targets(db) if t.project == "LIA"]
    assert lia.value == 320 and lia.weights == (0.05,) * 4 + (0.1,) * 8
    set_target(db, actor, "LIA", "job_starts", Month(2022, 1), Month(2022, 12), 310)
    assert clear_target(db, actor, "LIA", "job_starts", Month(2022, 1))
    assert [t.value for t in list_targets(db) if t.project == "LIA"] == [320]
    actions = [
        (c.entity, c.action)
        for c in history(db, "LIA", "job_starts")
        if c.entity == "target" and c.source == "test"
    ]
    assert actions == [("target", "update"), ("target", "insert"), ("target", "delete")]


def test_projects_and_metrics(db: Database, actor: Actor) -> None:
    add_metric(db, actor, Metric("coachings", "Coachings", MetricKind.FLOW))
    add_project(
        db,
        actor,
        Project("JOBBOX", "Jobbox", Period(Month(2021, 4), None), "Neues Projekt"),
        metrics=("coachings",),
    )
    log_value(db, actor, "JOBBOX", "coachings", Month(2021, 4), 3)
    with pytest.raises(DomainError):
        log_value(db, actor, "JOBBOX", "coachings", Month(2021, 3), 3)
    edit_project(db, actor, "JOBBOX", name="Jobbox Unna")
    edit_metric(db, actor, "coachings", green_pct=95.0, amber_pct=85.0)
    with pytest.raises(DomainError):
        edit_metric(db, actor, "coachings", green_pct=80.0)  # green below amber
    entities = [(c.entity, c.action) for c in history(db, "JOBBOX")]
    assert ("project", "insert") in entities and ("project", "update") in entities


def test_davon_needs_a_count_parent(db: Database, actor: Actor) -> None:
    before = snapshot(db)
    with pytest.raises(DomainError) as info:
        add_metric(db, actor, Metric("x", "davon x", MetricKind.FLOW, parent="lzb_stock"))
    assert info.value.code == "parent_kind"
    assert snapshot(db) == before


def test_copy_targets_to_next_year(db: Database, actor: Actor) -> None:
    set_target(db, actor, "LIA", "job_starts", Month(2021, 1), Month(2021, 12), 300,
               weights=(0.05,) * 4 + (0.1,) * 8)
    set_target(db, actor, "TAAM", "taam_new", Month(2022, 1), Month(2022, 12), 80)  # kept
    from aipdesk.services.targets import copy_targets

    changes = copy_targets(db, actor, 2021)
    assert ("LIA", "job_starts") in changes.targets
    assert ("TAAM", "taam_new") not in changes.targets
    assert ("GUIDE", "participants") not in changes.targets  # a project-period target
    assert ("IP", "integrations") not in changes.targets  # the project ends in 2021
    nxt = {(t.project, t.metric): t for t in list_targets(db) if t.first == Month(2022, 1)}
    assert nxt[("LIA", "job_starts")].weights == (0.05,) * 4 + (0.1,) * 8
    assert nxt[("TAAM", "taam_new")].value == 80
    assert nxt[("NEUSTART", "integrations")].value == 700
    before = snapshot(db)
    assert not copy_targets(db, actor, 2021)  # a second copy changes nothing
    assert snapshot(db) == before


def test_catalog_cache_follows_changes_of_other_processes(db: Database, actor: Actor,
                                                          tmp_path: object) -> None:
    """A second process (here: a second engine on the same database) sees new projects."""
    from aipdesk.services.base import Actor as A
    from aipdesk.store.database import open_database
    from aipdesk.store.queries import load_catalog

    other = open_database(db.path or db.url)
    with other.read() as session:
        assert "JOBBOX" not in load_catalog(session).projects  # now cached there
    add_project(db, actor, Project("JOBBOX", "Jobbox"))
    with other.read() as session:
        assert "JOBBOX" in load_catalog(session).projects
    edit_project(db, actor, "JOBBOX", name="Jobbox Unna")
    with other.read() as session:
        assert load_catalog(session).projects["JOBBOX"].name == "Jobbox Unna"
    log_value(other, A("b", "test"), "NEUSTART", "integrations", MARCH, 3)  # values: no bump
    other.close()


def test_a_rolled_back_unit_of_work_leaves_the_cached_catalog_alone(db: Database,
                                                                     actor: Actor) -> None:
    from aipdesk.services.projects import ensure_tracked
    from aipdesk.store.queries import load_catalog

    with pytest.raises(RuntimeError), db.write() as session:
        catalog = load_catalog(session)
        assert ensure_tracked(session, catalog, actor, "NEUSTART", "job_starts")
        assert "job_starts" in catalog.tracked["NEUSTART"]
        raise RuntimeError("the unit of work fails after changing its catalog")
    with db.read() as session:
        assert "job_starts" not in load_catalog(session).tracked["NEUSTART"]
