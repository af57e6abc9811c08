"""The AIP 2021 catalogue (DESIGN §4) and its idempotent loading."""

from __future__ import annotations

from aipdesk.domain.model import Direction, MetricKind
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.targets import list_targets, set_target
from aipdesk.store.database import Database
from aipdesk.store.queries import load_catalog
from tests.conftest import snapshot


def test_catalogue_figures(db: Database) -> None:
    targets = {(t.project, t.metric): t for t in list_targets(db)}
    assert targets[("JC", "integration_rate")].value == 24.6
    assert targets[("JC", "lzb_stock")].value == 17046
    assert targets[("JC", "training_entries")].value == 730
    assert targets[("JC", "training_entries_degree")].value == 220
    assert targets[("NEUSTART", "integrations")].value == 700
    assert targets[("LIA", "job_starts")].value == 300
    guide = targets[("GUIDE", "participants")]
    assert (guide.value, guide.first, guide.last) == (235, Month(2019, 11), Month(2024, 4))
    assert targets[("TAAM", "taam_new")].value == 70
    assert targets[("TAAM", "taam_stock")].value == 400
    assert targets[("IP", "integrations")].value is None
    with db.read() as session:
        catalog = load_catalog(session)
    rate = catalog.metrics["integration_rate"]
    assert (rate.kind, rate.numerator, rate.denominator) == (
        MetricKind.RATIO,
        "integrations",
        "elb_stock",
    )
    assert catalog.metrics["lzb_stock"].direction is Direction.DOWN
    assert catalog.metrics["training_entries_degree"].parent == "training_entries"
    sectors = [m.name for m in catalog.children("training_entries")]
    for sector in (
        "Lagerwirtschaft",
        "Pflege und Gesundheit",
        "Erziehung",
        "Führung von Fahrzeugen und Transportgeräten",
        "Schutz und Sicherheit",
    ):
        assert f"davon {sector}" in sectors
    assert str(catalog.projects["NEUSTART"].period) == "2016-01 – 2022-12"
    assert catalog.projects["IP"].period.last == Month(2021, 12)
    assert list(catalog.projects) == ["JC", "NEUSTART", "LIA", "GUIDE", "IP", "EXG", "TAAM"]


def test_second_load_changes_nothing_and_keeps_edits(db: Database, actor: Actor) -> None:
    set_target(db, actor, "NEUSTART", "integrations", Month(2021, 1), Month(2021, 12), 650)
    before = snapshot(db)
    assert not load_catalogue(db, actor)
    assert snapshot(db) == before
    (neustart,) = [t for t in list_targets(db) if t.project == "NEUSTART"]
    assert neustart.value == 650
