"""The davon rule on every write path: a child never above its parent, the children
marked as a partition never above it in sum; refused with nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Metric, MetricKind
from aipdesk.domain.months import Month
from aipdesk.exchange.merge import merge_database
from aipdesk.services.base import Actor
from aipdesk.services.batch import Incoming, plan_values, write_values
from aipdesk.services.catalogue import load_catalogue
from aipdesk.services.projects import add_metric, edit_metric, track_metric
from aipdesk.services.values import clear_value, get_value, log_value
from aipdesk.store.database import Database, open_database
from tests.conftest import snapshot

LIA_NAME = "LiA – Langzeitarbeitslose in Arbeit"

MARCH, APRIL = Month(2021, 3), Month(2021, 4)
YOUNG = "job_starts_u25"
OLDER = "job_starts_25plus"


@pytest.fixture
def split(db: Database, actor: Actor) -> Database:
    """LiA's job starts split by age: two davon metrics that form a partition."""
    for code, name in ((YOUNG, "davon unter 25"), (OLDER, "davon ab 25")):
        add_metric(
            db,
            actor,
            Metric(code, name, MetricKind.FLOW, parent="job_starts", partition=True),
            area_of_parent=True,
        )
        track_metric(db, actor, "LIA", code)
    return db


def refused(db: Database, write: object, *args: object, **kwargs: object) -> DomainError:
    """Run a write that must be refused; prove nothing changed, return the refusal."""
    before = snapshot(db)
    with pytest.raises(DomainError) as info:
        write(db, *args, **kwargs)  # type: ignore[operator]
    assert snapshot(db) == before
    return info.value


def test_log_refuses_parts_above_the_parent(split: Database, actor: Actor) -> None:
    log_value(split, actor, "LIA", "job_starts", MARCH, 100)
    log_value(split, actor, "LIA", YOUNG, MARCH, 60)
    log_value(split, actor, "LIA", OLDER, MARCH, 40)  # 60 + 40 = 100: the whole, fine
    error = refused(split, log_value, actor, "LIA", OLDER, MARCH, 41)  # 60 + 41 = 101
    assert error.code == "partition_exceeds_parent"
    assert error.text("de") == (
        "Arbeitsaufnahmen (unter 25) + Arbeitsaufnahmen (ab 25) = 60 + 41 = 101 übersteigt "
        f"Arbeitsaufnahmen = 100 ({LIA_NAME}, März 2021): die Teile einer Aufteilung sind zusammen "
        "höchstens so groß wie das Ganze"
    )
    # The parent written second: 99 < 60 + 40.
    error = refused(split, log_value, actor, "LIA", "job_starts", MARCH, 99)
    assert f"= 60 + 40 = 100 übersteigt Arbeitsaufnahmen = 99 ({LIA_NAME}, März 2021)" in str(error)
    assert get_value(split, "LIA", "job_starts", MARCH) == (100, None)


def test_a_cleared_parent_bounds_nothing_until_logged_again(split: Database, actor: Actor) -> None:
    log_value(split, actor, "LIA", "job_starts", MARCH, 100)
    log_value(split, actor, "LIA", YOUNG, MARCH, 60)
    log_value(split, actor, "LIA", OLDER, MARCH, 40)
    assert clear_value(split, actor, "LIA", "job_starts", MARCH)
    log_value(split, actor, "LIA", OLDER, MARCH, 45)  # no parent: nothing to exceed
    error = refused(split, log_value, actor, "LIA", "job_starts", MARCH, 100)  # 60 + 45 = 105
    assert "60 + 45 = 105 übersteigt Arbeitsaufnahmen = 100" in str(error)
    log_value(split, actor, "LIA", "job_starts", MARCH, 105)


def test_parts_logged_before_the_parent(split: Database, actor: Actor) -> None:
    log_value(split, actor, "LIA", YOUNG, APRIL, 30)
    log_value(split, actor, "LIA", OLDER, APRIL, 25)
    refused(split, log_value, actor, "LIA", "job_starts", APRIL, 54)  # 30 + 25 = 55 > 54
    log_value(split, actor, "LIA", "job_starts", APRIL, 55)


def test_a_stock_child_never_exceeds_its_parent(db: Database, actor: Actor) -> None:
    add_metric(db, actor, Metric("elb_u25", "davon unter 25", MetricKind.STOCK, parent="elb_stock"))
    track_metric(db, actor, "JC", "elb_u25")
    log_value(db, actor, "JC", "elb_stock", MARCH, 27_800)
    error = refused(db, log_value, actor, "JC", "elb_u25", MARCH, 27_801)
    assert (
        "Erwerbsfähige Leistungsberechtigte (Bestand) (unter 25) (27801) darf nicht größer sein "
        "als Erwerbsfähige Leistungsberechtigte (Bestand) (27800)"
    ) in str(error)
    log_value(db, actor, "JC", "elb_u25", MARCH, 4_100)
    refused(db, log_value, actor, "JC", "elb_stock", MARCH, 4_099)


def test_import_checks_the_final_state_of_the_family(split: Database, actor: Actor) -> None:
    log_value(split, actor, "LIA", "job_starts", MARCH, 100)
    log_value(split, actor, "LIA", YOUNG, MARCH, 60)
    # Both parts come in: 70 + 40 = 110 > 100; the place named is the first part's.
    bad = [
        Incoming("LIA", YOUNG, MARCH, 70, where="Erfassung!F7"),
        Incoming("LIA", OLDER, MARCH, 40, where="Erfassung!F8"),
    ]
    error = refused(split, write_values, actor, bad)
    assert str(error).startswith(
        "Erfassung!F7: Arbeitsaufnahmen (unter 25) + Arbeitsaufnahmen (ab 25) = 70 + 40 = 110 "
        "übersteigt Arbeitsaufnahmen = 100 (LiA – Langzeitarbeitslose in Arbeit, März 2021)"
    )
    with pytest.raises(DomainError):
        plan_values(split, bad)
    # The same parts with a parent that grows in the same file: fine (final state).
    changes = write_values(
        split, actor, [*bad, Incoming("LIA", "job_starts", MARCH, 110, where="Erfassung!F6")]
    )
    assert len(changes.values) == 3
    # One part against the stored other one: 75 + 40 = 115 > 110.
    error = refused(split, write_values, actor, [Incoming("LIA", YOUNG, MARCH, 75, where="G7")])
    assert str(error).startswith("G7: ") and "75 + 40 = 115" in str(error)
    # A lower parent against the stored parts: 110 > 100.
    error = refused(
        split, write_values, actor, [Incoming("LIA", "job_starts", MARCH, 100, where="G6")]
    )
    assert str(error).startswith("G6: ") and "70 + 40 = 110 übersteigt" in str(error)


def test_import_names_the_child_that_is_too_big(split: Database, actor: Actor) -> None:
    incoming = [
        Incoming("LIA", "job_starts", MARCH, 50, where="Erfassung!F6"),
        Incoming("LIA", OLDER, MARCH, 51, where="Erfassung!F8"),
    ]
    error = refused(split, write_values, actor, incoming)
    assert str(error) == (
        f"Erfassung!F8: {LIA_NAME}, März 2021: Arbeitsaufnahmen (ab 25) (51) darf nicht "
        "größer sein als Arbeitsaufnahmen (50)"
    )


def test_marking_a_partition_checks_the_stored_values(db: Database, actor: Actor) -> None:
    for code, name in ((YOUNG, "davon unter 25"), (OLDER, "davon ab 25")):
        add_metric(db, actor, Metric(code, name, MetricKind.FLOW, parent="job_starts"))
        track_metric(db, actor, "LIA", code)
    for month, whole, young, older in ((Month(2021, 2), 50, 20, 30), (MARCH, 40, 30, 20),
                                       (APRIL, 30, 20, 15)):
        log_value(db, actor, "LIA", "job_starts", month, whole)
        log_value(db, actor, "LIA", YOUNG, month, young)
        log_value(db, actor, "LIA", OLDER, month, older)
    edit_metric(db, actor, YOUNG, partition=True)  # one part alone: 30 <= 40 always
    # Both marked: March (30 + 20 = 50 > 40) is the first month that breaks the rule.
    error = refused(db, edit_metric, actor, OLDER, partition=True)
    assert str(error).startswith(
        "Arbeitsaufnahmen (unter 25) + Arbeitsaufnahmen (ab 25) = 30 + 20 = 50 übersteigt "
        "Arbeitsaufnahmen = 40 (LiA – Langzeitarbeitslose in Arbeit, März 2021)"
    )
    log_value(db, actor, "LIA", OLDER, MARCH, 10)
    error = refused(db, edit_metric, actor, OLDER, partition=True)
    assert f"20 + 15 = 35 übersteigt Arbeitsaufnahmen = 30 ({LIA_NAME}, April 2021)" in str(error)
    log_value(db, actor, "LIA", OLDER, APRIL, 10)
    assert edit_metric(db, actor, OLDER, partition=True)
    refused(db, log_value, actor, "LIA", OLDER, APRIL, 11)  # 20 + 11 = 31 > 30 now


def test_moving_a_metric_under_another_parent_checks_its_values(
    db: Database, actor: Actor
) -> None:
    add_metric(db, actor, Metric("coachings", "Coachings", MetricKind.FLOW))
    track_metric(db, actor, "LIA", "coachings")
    log_value(db, actor, "LIA", "coachings", MARCH, 31)
    log_value(db, actor, "LIA", "job_starts", MARCH, 30)
    error = refused(db, edit_metric, actor, "coachings", parent="job_starts")
    assert "Coachings (31) darf nicht größer sein als Arbeitsaufnahmen (30)" in str(error)
    log_value(db, actor, "LIA", "coachings", MARCH, 30)
    assert edit_metric(db, actor, "coachings", parent="job_starts")


def test_women_and_men_never_more_than_all(db: Database, actor: Actor) -> None:
    log_value(db, actor, "JC", "integrations", MARCH, 120)
    log_value(db, actor, "JC", "integrations_women", MARCH, 70)
    error = refused(db, log_value, actor, "JC", "integrations_men", MARCH, 60)
    assert str(error).startswith(
        "Integrationen (Frauen) + Integrationen (Männer) = 70 + 60 = 130 übersteigt "
        "Integrationen = 120 (Jobcenter Kreis Unna (gesamt), März 2021)"
    )
    log_value(db, actor, "JC", "integrations_men", MARCH, 50)
    # The same for the ELB stock: 13,700 + 14,200 = 27,900 > 27,800.
    log_value(db, actor, "JC", "elb_stock", MARCH, 27_800)
    log_value(db, actor, "JC", "elb_stock_women", MARCH, 13_700)
    error = refused(db, log_value, actor, "JC", "elb_stock_men", MARCH, 14_200)
    assert "13700 + 14200 = 27900 übersteigt Erwerbsfähige Leistungsberechtigte (Bestand) = " \
        "27800" in str(error)


def test_fbw_sectors_never_more_than_the_total(db: Database, actor: Actor) -> None:
    log_value(db, actor, "JC", "training_entries", MARCH, 60)
    for sector, value in (("training_logistics", 20), ("training_care", 20),
                          ("training_education", 10), ("training_transport", 10)):
        log_value(db, actor, "JC", sector, MARCH, value)  # 60 of 60
    refused(db, log_value, actor, "JC", "training_security", MARCH, 1)
    # abschlussorientiert cuts across the sectors: only bounded by the total.
    log_value(db, actor, "JC", "training_entries_degree", MARCH, 60)


def test_merge_checks_the_family_after_the_merge(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    other_path = tmp_path / "laptop.sqlite"
    other = open_database(other_path)
    load_catalogue(other, actor)
    log_value(other, actor, "JC", "integrations_men", MARCH, 60)  # fine on the laptop alone
    other.close()
    log_value(db, actor, "JC", "integrations", MARCH, 120)
    log_value(db, actor, "JC", "integrations_women", MARCH, 70)
    error = refused(db, merge_database, Actor("anna", "merge"), other_path)
    assert (
        "Integrationen (Frauen) + Integrationen (Männer) = 70 + 60 = 130 übersteigt "
        "Integrationen = 120 (Jobcenter Kreis Unna (gesamt), März 2021)"
    ) in str(error)
    log_value(db, actor, "JC", "integrations", MARCH, 130)
    assert merge_database(db, Actor("anna", "merge"), other_path).new == 1
