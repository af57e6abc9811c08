"""Targets through the services: plan curves (typed, kept, from earlier years), planned
change rate and planned denominator mean, removing the target of a year."""

from __future__ import annotations

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Target
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor, Changes
from aipdesk.services.maintenance import history
from aipdesk.services.targets import (
    FROM_HISTORY,
    KEEP,
    list_targets,
    remove_target,
    set_target,
    targets_of_year,
)
from aipdesk.services.values import log_value
from aipdesk.store.database import Database
from tests.conftest import snapshot

LIA_NAME = "LiA – Langzeitarbeitslose in Arbeit"

JAN, DEC = Month(2021, 1), Month(2021, 12)


def target(db: Database, project: str, metric: str, first: Month = JAN) -> Target:
    (found,) = [t for t in list_targets(db) if (t.project, t.metric, t.first) ==
                (project, metric, first)]
    return found


def test_weights_are_scaled_to_add_up_to_one(db: Database, actor: Actor) -> None:
    # Six months of weight 1 and six of weight 3: 24 in all, so 1/24 and 3/24 = 1/8.
    set_target(db, actor, "LIA", "job_starts", JAN, DEC, 300, ["1"] * 6 + ["3"] * 6)
    weights = target(db, "LIA", "job_starts").weights
    assert weights == pytest.approx((1 / 24,) * 6 + (1 / 8,) * 6)
    set_target(db, actor, "LIA", "job_starts", JAN, DEC, 300, ("0,5",) * 12)  # German decimals
    assert target(db, "LIA", "job_starts").weights == pytest.approx((1 / 12,) * 12)


def test_weights_refused_change_nothing(db: Database, actor: Actor) -> None:
    before = snapshot(db)
    for weights, code in (((1,) * 11, "weights_count"), ((1,) * 11 + (-1,), "weights_negative"),
                          ((0,) * 12, "weights_zero")):
        with pytest.raises(DomainError) as refused:
            set_target(db, actor, "LIA", "job_starts", JAN, DEC, 300, weights)
        assert refused.value.code == code
    assert snapshot(db) == before


def test_change_rate_and_planned_denominator(db: Database, actor: Actor) -> None:
    changes = set_target(db, actor, "JC", "integration_rate", JAN, DEC, "24,6",
                         change_pct="+14,5", denominator_plan="27.500")
    assert changes == Changes(targets=frozenset({("JC", "integration_rate")}))
    rate = target(db, "JC", "integration_rate")
    assert (rate.value, rate.change_pct, rate.denominator_plan) == (24.6, 14.5, 27_500)
    last = history(db, "JC", "integration_rate")[-1]
    assert last.new is not None and (last.new["change_pct"], last.new["denominator_plan"]) == (
        14.5, 27_500)
    # Left out: kept (as the window's target editor leaves them); None: cleared.
    set_target(db, actor, "JC", "integration_rate", JAN, DEC, 25)
    rate = target(db, "JC", "integration_rate")
    assert (rate.value, rate.change_pct, rate.denominator_plan) == (25, 14.5, 27_500)
    set_target(db, actor, "JC", "integration_rate", JAN, DEC, 25, change_pct=None,
               denominator_plan=None)
    rate = target(db, "JC", "integration_rate")
    assert (rate.change_pct, rate.denominator_plan) == (None, None)


def test_a_planned_denominator_only_for_a_ratio(db: Database, actor: Actor) -> None:
    before = snapshot(db)
    with pytest.raises(DomainError) as refused:
        set_target(db, actor, "LIA", "job_starts", JAN, DEC, 300, denominator_plan=100)
    assert refused.value.text("de") == (
        "Ein geplanter Durchschnitt des Nenners gehört nur zu einer Quote; „Arbeitsaufnahmen“ "
        "(job_starts) ist eine Zählgröße"
    )
    with pytest.raises(DomainError) as refused:
        set_target(db, actor, "JC", "lzb_stock", JAN, DEC, 17046, change_pct=-100)
    assert refused.value.code == "change_pct_invalid"
    assert snapshot(db) == before


def test_kept_weights_follow_the_period(db: Database, actor: Actor) -> None:
    curve = (0.05,) * 4 + (0.1,) * 8
    set_target(db, actor, "LIA", "job_starts", JAN, DEC, 300, curve)
    set_target(db, actor, "LIA", "job_starts", JAN, DEC, 320, KEEP)
    assert target(db, "LIA", "job_starts").weights == curve
    set_target(db, actor, "LIA", "job_starts", JAN, Month(2021, 6), 150, KEEP)  # 6 months now
    assert target(db, "LIA", "job_starts").weights is None  # linear


def _log_year(db: Database, actor: Actor, project: str, metric: str, year: int,
              values: list[int]) -> None:
    for index, value in enumerate(values):
        log_value(db, actor, project, metric, Month(year, index + 1), value)


def test_plan_curve_from_the_previous_years(db: Database, actor: Actor) -> None:
    # 2020: month m has m integrations (78 in all): shares m/78.
    # 2019: 10 every month (120): shares 1/12. 2018: nothing logged (not usable).
    # The weights are the mean of the two years' shares: (m/78 + 1/12) / 2.
    _log_year(db, actor, "NEUSTART", "integrations", 2020, list(range(1, 13)))
    _log_year(db, actor, "NEUSTART", "integrations", 2019, [10] * 12)
    set_target(db, actor, "NEUSTART", "integrations", JAN, DEC, 700, FROM_HISTORY)
    weights = target(db, "NEUSTART", "integrations").weights
    assert weights == pytest.approx(tuple((m / 78 + 1 / 12) / 2 for m in range(1, 13)))
    assert weights is not None and weights[0] == pytest.approx(0.0480769, abs=1e-7)


def test_plan_curve_of_a_ratio_from_its_numerator(db: Database, actor: Actor) -> None:
    # JC integrations 2020: 100 in Jan–Jun, 300 in Jul–Dec (2,400): 1/24 and 1/8.
    # The ELB stock (the denominator) is logged too but plays no part.
    _log_year(db, actor, "JC", "integrations", 2020, [100] * 6 + [300] * 6)
    _log_year(db, actor, "JC", "elb_stock", 2020, [27_000] * 12)
    set_target(db, actor, "JC", "integration_rate", JAN, DEC, 24.6, FROM_HISTORY)
    assert target(db, "JC", "integration_rate").weights == pytest.approx(
        (1 / 24,) * 6 + (1 / 8,) * 6)


def test_plan_curve_from_history_refused_without_a_complete_year(db: Database,
                                                                  actor: Actor) -> None:
    _log_year(db, actor, "NEUSTART", "integrations", 2020, [50] * 10)  # Nov, Dec missing
    before = snapshot(db)
    with pytest.raises(DomainError) as refused:
        set_target(db, actor, "NEUSTART", "integrations", JAN, DEC, 700, FROM_HISTORY)
    assert refused.value.text("de") == (
        "Plankurve aus Vorjahr für NeuStart / „Integrationen“ (integrations) nicht möglich: im "
        "Vorjahreszeitraum Jan 2020 – Dez 2020 fehlen Werte (November 2020, Dezember 2020), "
        "und keines der 2 Jahre davor ist vollständig"
    )
    assert snapshot(db) == before


def test_remove_the_target_of_a_year(db: Database, actor: Actor) -> None:
    changes = remove_target(db, actor, "LIA", "job_starts", 2021)
    assert changes.targets == {("LIA", "job_starts")}
    assert not [t for t in list_targets(db) if t.project == "LIA"]
    assert history(db, "LIA", "job_starts")[-1].action == "delete"
    # GUIDE's target spans its project period: the target that overlaps 2021 goes.
    remove_target(db, actor, "GUIDE", "participants", 2021)
    assert not [t for t in list_targets(db) if t.project == "GUIDE"]


def test_remove_refused(db: Database, actor: Actor) -> None:
    set_target(db, actor, "LIA", "job_starts", Month(2022, 1), Month(2022, 6), 150)
    set_target(db, actor, "LIA", "job_starts", Month(2022, 7), Month(2022, 12), 160)
    before = snapshot(db)
    with pytest.raises(DomainError) as refused:
        remove_target(db, actor, "LIA", "job_starts", 2023)
    assert refused.value.text("de") == (
        f"Für {LIA_NAME} / Arbeitsaufnahmen gibt es keinen Zielwert im Zeitraum "
        "Jan 2023 – Dez 2023")
    with pytest.raises(DomainError) as refused:
        remove_target(db, actor, "LIA", "job_starts", 2022)
    assert refused.value.text("de").startswith(
        "LiA – Langzeitarbeitslose in Arbeit / Arbeitsaufnahmen hat im Jahr 2022 mehrere "
        "Zielwerte (Jan 2022 – Jun 2022, "
        "Jul 2022 – Dez 2022)")
    with pytest.raises(DomainError) as refused:
        remove_target(db, actor, "NOPE", "job_starts", 2022)
    assert refused.value.code == "unknown_project"
    assert snapshot(db) == before
    remove_target(db, actor, "LIA", "job_starts", 2022, first=Month(2022, 7))
    assert [t.first for t in list_targets(db) if t.project == "LIA"] == [JAN, Month(2022, 1)]


def test_targets_of_a_year(db: Database, actor: Actor) -> None:
    set_target(db, actor, "LIA", "job_starts", Month(2022, 1), Month(2022, 12), 310)
    pairs = [(t.project, t.metric) for t in targets_of_year(db, 2022)]
    # NeuStart's 2021 target ends in 2021; GUIDE's runs to 2024.
    assert pairs == [("LIA", "job_starts"), ("GUIDE", "participants")]
    assert len(targets_of_year(db, 2021)) == len(
        [t for t in list_targets(db) if t.period.overlaps_year(2021)])
