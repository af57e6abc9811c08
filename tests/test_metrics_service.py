"""Adding and changing metrics through the services: the catalogue rules, the change
log, and nothing changed on a refusal."""

from __future__ import annotations

from typing import Any

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Area, Direction, Metric, MetricKind
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor, Changes
from aipdesk.services.maintenance import history
from aipdesk.services.projects import add_metric, edit_metric, read_catalog
from aipdesk.services.values import log_value
from aipdesk.store.database import Database
from tests.conftest import snapshot

FLOW, STOCK, RATIO = MetricKind.FLOW, MetricKind.STOCK, MetricKind.RATIO


def test_add_a_ratio_and_its_parts(db: Database, actor: Actor) -> None:
    add_metric(db, actor, Metric("coachings", "Coachings", FLOW))
    add_metric(db, actor, Metric("clients", "Betreute (Bestand)", STOCK))
    changes = add_metric(
        db,
        actor,
        Metric("coaching_rate", "Coachingquote", RATIO, unit="%", numerator="coachings",
               denominator="clients", green_pct=95, amber_pct=80),
    )
    assert changes == Changes(metrics=frozenset({"coaching_rate"}))
    rate = read_catalog(db).metrics["coaching_rate"]
    assert (rate.numerator, rate.denominator, rate.green_pct, rate.amber_pct) == (
        "coachings", "clients", 95, 80)
    (entry,) = [c for c in history(db, metric="coaching_rate")]
    assert (entry.user, entry.action, entry.entity, entry.old) == ("tester", "insert", "metric",
                                                                   None)
    assert entry.new is not None and entry.new["numerator"] == "coachings"


def test_a_davon_metric_goes_into_its_parents_grid(db: Database, actor: Actor) -> None:
    add_metric(db, actor, Metric("training_it", "davon IT", FLOW, parent="training_entries"),
               area_of_parent=True)
    add_metric(db, actor, Metric("other", "Andere", FLOW, area=Area.TRAINING))
    metrics = read_catalog(db).metrics
    assert metrics["training_it"].area is Area.TRAINING
    assert metrics["other"].area is Area.TRAINING


REFUSED: list[tuple[str, Metric, str]] = [
    (
        "numerator a stock",
        Metric("q", "Quote", RATIO, numerator="elb_stock", denominator="elb_stock"),
        "ratio_numerator_kind",
    ),
    (
        "denominator a flow",
        Metric("q", "Quote", RATIO, numerator="integrations", denominator="job_starts"),
        "ratio_denominator_kind",
    ),
    ("ratio without parts", Metric("q", "Quote", RATIO, numerator="integrations"),
     "ratio_needs_parts"),
    ("unknown parent", Metric("q", "davon q", FLOW, parent="nope"), "unknown_metric"),
    ("flow under a stock", Metric("q", "davon q", FLOW, parent="lzb_stock"), "parent_kind"),
    ("davon of a ratio", Metric("q", "davon q", RATIO, parent="integration_rate",
                                numerator="integrations", denominator="elb_stock"),
     "davon_of_ratio"),
    ("partition without parent", Metric("q", "q", FLOW, partition=True),
     "partition_needs_parent"),
    ("amber above green", Metric("q", "q", FLOW, green_pct=90, amber_pct=95), "thresholds"),
    ("amber zero", Metric("q", "q", FLOW, green_pct=90, amber_pct=0), "thresholds"),
    ("duplicate", Metric("integrations", "Integrationen", FLOW), "duplicate_metric"),
    ("bad code", Metric("a b", "x", FLOW), "bad_code"),
    ("empty name", Metric("q", " ", FLOW), "empty_name"),
]


@pytest.mark.parametrize(("case", "metric", "code"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_additions_change_nothing(
    db: Database, actor: Actor, case: str, metric: Metric, code: str
) -> None:
    before = snapshot(db)
    with pytest.raises(DomainError) as refused:
        add_metric(db, actor, metric)
    assert refused.value.code == code
    assert snapshot(db) == before


def test_change_a_metric(db: Database, actor: Actor) -> None:
    changes = edit_metric(db, actor, "lzb_stock", green_pct=99.0, amber_pct=97.0,
                          name="LZB (Bestand)")
    assert changes == Changes(metrics=frozenset({"lzb_stock"}))
    lzb = read_catalog(db).metrics["lzb_stock"]
    assert (lzb.name, lzb.green_pct, lzb.amber_pct, lzb.direction) == (
        "LZB (Bestand)", 99.0, 97.0, Direction.DOWN)
    last = history(db, metric="lzb_stock")[-1]
    assert last.old is not None and last.new is not None
    assert (last.old["green_pct"], last.new["green_pct"]) == (100.0, 99.0)
    assert (last.old["name"], last.new["name"]) == (
        "Langzeitleistungsbeziehende (Bestand)", "LZB (Bestand)")
    before = snapshot(db)
    assert not edit_metric(db, actor, "lzb_stock", green_pct=99.0)  # the same again
    assert snapshot(db) == before


CHANGES_REFUSED: list[tuple[str, str, dict[str, Any], str]] = [
    ("cycle", "training_entries", {"parent": "training_entries_degree"}, "davon_cycle"),
    ("self", "integrations", {"parent": "integrations"}, "parent_cycle"),
    ("numerator becomes a stock", "integrations", {"kind": STOCK}, "ratio_numerator_kind"),
    ("parent kind with children", "training_entries", {"kind": STOCK}, "parent_kind"),
    ("green below amber", "integrations", {"green_pct": 80.0}, "thresholds"),
    ("partition of a top metric", "integrations", {"partition": True},
     "partition_needs_parent"),
    ("unknown", "nope", {"name": "x"}, "unknown_metric"),
]


@pytest.mark.parametrize(("case", "code", "fields", "error"), CHANGES_REFUSED,
                         ids=[r[0] for r in CHANGES_REFUSED])
def test_refused_changes_change_nothing(
    db: Database, actor: Actor, case: str, code: str, fields: dict[str, Any], error: str
) -> None:
    before = snapshot(db)
    with pytest.raises(DomainError) as refused:
        edit_metric(db, actor, code, **fields)
    assert refused.value.code == error
    assert snapshot(db) == before


def test_a_metric_with_values_does_not_become_a_ratio(db: Database, actor: Actor) -> None:
    add_metric(db, actor, Metric("coachings", "Coachings", FLOW))
    from aipdesk.services.projects import track_metric

    track_metric(db, actor, "LIA", "coachings")
    log_value(db, actor, "LIA", "coachings", Month(2021, 1), 4)
    before = snapshot(db)
    with pytest.raises(DomainError) as refused:
        edit_metric(db, actor, "coachings", kind=RATIO, numerator="integrations",
                    denominator="elb_stock")
    assert refused.value.text("de") == (
        "„Coachings“ (coachings) kann keine Quote werden: für die Kennzahl sind schon "
        "Monatswerte erfasst (1), eine Quote wird berechnet"
    )
    assert snapshot(db) == before
