"""The AIP 2021 catalogue (DESIGN §4) and its idempotent loading."""

from __future__ import annotations

from pathlib import Path

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Area, Direction, Metric, MetricKind
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.catalogue import load_catalogue, loaded_revision, read_catalogue
from aipdesk.services.maintenance import history
from aipdesk.services.projects import add_metric, edit_metric, read_catalog
from aipdesk.services.targets import clear_target, list_targets, set_target
from aipdesk.services.values import log_value
from aipdesk.store.database import Database, open_database
from aipdesk.store.models import SettingRow
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


REV1 = Path(__file__).parent / "data" / "catalogue_aip2021_rev1.toml"
WOMEN_MEN = {
    "integrations_women": ("integrations", MetricKind.FLOW),
    "integrations_men": ("integrations", MetricKind.FLOW),
    "elb_stock_women": ("elb_stock", MetricKind.STOCK),
    "elb_stock_men": ("elb_stock", MetricKind.STOCK),
}
SECTORS = (
    "training_logistics",
    "training_care",
    "training_education",
    "training_transport",
    "training_security",
)


def test_women_men_and_the_partitions(db: Database) -> None:
    catalog = read_catalog(db)
    for code, (parent, kind) in WOMEN_MEN.items():
        metric = catalog.metrics[code]
        assert (metric.parent, metric.kind, metric.partition) == (parent, kind, True)
        assert metric.area is Area.INTEGRATION
        assert code in catalog.tracked["JC"]
    assert catalog.metrics["integrations_women"].name == "davon Frauen"
    assert catalog.metrics["elb_stock_men"].name == "davon Männer"
    for sex, name in (("women", "Integrationsquote Frauen"), ("men", "Integrationsquote Männer")):
        rate = catalog.metrics[f"integration_rate_{sex}"]
        assert (rate.name, rate.kind, rate.unit) == (name, MetricKind.RATIO, "%")
        assert (rate.numerator, rate.denominator) == (f"integrations_{sex}", f"elb_stock_{sex}")
    assert all(catalog.metrics[code].partition for code in SECTORS)
    # abschlussorientiert cuts across the sectors: a davon metric, not a part of the split.
    assert not catalog.metrics["training_entries_degree"].partition
    targets = {(t.project, t.metric): t for t in list_targets(db)}
    assert targets[("JC", "integration_rate_women")].value is None
    assert targets[("JC", "integration_rate_men")].value is None
    assert targets[("JC", "integration_rate")].change_pct == 14.5
    assert targets[("JC", "lzb_stock")].change_pct == -0.6
    assert targets[("JC", "training_entries")].change_pct is None


def test_the_catalogue_revision_is_remembered(db: Database) -> None:
    with db.read() as session:
        assert loaded_revision(session, "aip2021") == read_catalogue()["revision"] == 2


def _old_database(empty_db: Database, actor: Actor) -> Database:
    """A database as the previous aipdesk made it: revision 1, no revision setting."""
    load_catalogue(empty_db, actor, REV1)
    with empty_db.write() as session:
        session.delete(session.get_one(SettingRow, "catalogue:aip2021:revision"))
    with empty_db.read() as session:
        assert loaded_revision(session, "aip2021") == 1
    return empty_db


def test_an_old_database_gets_the_additions(
    empty_db: Database, actor: Actor, tmp_path: Path
) -> None:
    old = _old_database(empty_db, actor)
    assert "integrations_women" not in read_catalog(old).metrics
    # A coordinator changed the LZB target; the Integrationsquote is as the catalogue made it.
    set_target(old, actor, "JC", "lzb_stock", Month(2021, 1), Month(2021, 12), 17_000)

    changes = load_catalogue(old, actor)

    assert changes.metrics == {*WOMEN_MEN, "integration_rate_women", "integration_rate_men",
                               *SECTORS}
    assert changes.targets == {("JC", "integration_rate_women"), ("JC", "integration_rate_men"),
                               ("JC", "integration_rate")}
    assert changes.projects == {"JC"}  # it tracks the new metrics
    targets = {(t.project, t.metric): t for t in list_targets(old)}
    assert targets[("JC", "integration_rate")].change_pct == 14.5
    lzb = targets[("JC", "lzb_stock")]
    assert (lzb.value, lzb.change_pct) == (17_000, None)  # the coordinator's target stays
    with old.read() as session:
        assert loaded_revision(session, "aip2021") == 2
    # The upgraded catalogue is the one a new database gets.
    new = open_database(tmp_path / "new.sqlite")
    load_catalogue(new, actor)
    upgraded, made_new = read_catalog(old), read_catalog(new)
    new.close()
    assert upgraded.metrics == made_new.metrics
    assert list(upgraded.metrics) == list(made_new.metrics)
    assert upgraded.tracked == made_new.tracked
    partitions = [entry for entry in history(old) if entry.entity == "metric"
                  and entry.action == "update"]
    assert {e.metric for e in partitions} == set(SECTORS)
    assert {e.source for e in partitions} == {"catalogue"}
    # A second run changes nothing.
    before = snapshot(old)
    assert not load_catalogue(old, actor)
    assert snapshot(old) == before


def test_the_upgrade_leaves_a_coordinators_work_alone(empty_db: Database, actor: Actor) -> None:
    old = _old_database(empty_db, actor)
    # A coordinator made a metric of a code the catalogue brings later (kept as it is),
    # removed the Integrationsquote target and logged sectors above the FbW total.
    add_metric(old, actor, Metric("integrations_women", "Frauen", MetricKind.FLOW))
    clear_target(old, actor, "JC", "integration_rate", Month(2021, 1))
    march = Month(2021, 3)
    log_value(old, actor, "JC", "training_entries", march, 10)
    log_value(old, actor, "JC", "training_logistics", march, 6)
    log_value(old, actor, "JC", "training_care", march, 6)

    load_catalogue(old, actor)

    catalog = read_catalog(old)
    assert catalog.metrics["integrations_women"] == Metric(
        "integrations_women", "Frauen", MetricKind.FLOW)
    assert catalog.metrics["integrations_men"].partition
    assert not any(catalog.metrics[code].partition for code in SECTORS)  # 6 + 6 > 10
    assert ("JC", "integration_rate") not in {(t.project, t.metric) for t in list_targets(old)}
    # Marking them by hand names the month that breaks the rule.
    edit_metric(old, actor, "training_logistics", partition=True)  # one part alone: 6 <= 10
    with pytest.raises(DomainError) as refused:
        edit_metric(old, actor, "training_care", partition=True)
    assert (
        "= 6 + 6 = 12 übersteigt Eintritte in berufliche Weiterbildung = 10 "
        "(Jobcenter Kreis Unna (gesamt), März 2021)"
    ) in str(refused.value)


def test_init_says_whether_it_loaded_or_added_to_the_catalogue(
    tmp_path: Path, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    from aipdesk.cli import main

    path = tmp_path / "old.sqlite"
    old = open_database(path)
    _old_database(old, actor)
    old.close()
    assert main(["init", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    # Six metrics are new and five become a partition; JC tracks the new ones; two targets
    # are new and the quote and the LZB target get their change rates.
    assert out.startswith(
        "Katalog AIP 2021 ergänzt (Stand 1 → 2): 1 Projekte, 11 Kennzahlen, 4 Zielwerte neu "
        "oder angepasst; Änderungen der Koordination bleiben erhalten"
    )
    assert main(["init", "--db", str(path)]) == 0
    assert capsys.readouterr().out.startswith("Datenbank ist aktuell, Katalog war schon geladen")
    fresh = tmp_path / "new.sqlite"
    assert main(["init", "--db", str(fresh)]) == 0
    assert capsys.readouterr().out.startswith("Katalog AIP 2021 geladen: 7 Projekte")
