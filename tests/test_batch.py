"""Many values at once: plan (new/changed/unchanged/conflict) and all-or-nothing writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.batch import Incoming, Kind, plan_values, write_values
from aipdesk.services.maintenance import history
from aipdesk.services.values import get_value, log_value
from aipdesk.store.database import Database
from tests.conftest import snapshot

JAN, FEB, MAR = Month(2021, 1), Month(2021, 2), Month(2021, 3)


def test_plan_classifies_every_value(db: Database, actor: Actor) -> None:
    log_value(db, actor, "NEUSTART", "integrations", JAN, 50)
    log_value(db, actor, "NEUSTART", "integrations", FEB, 60)
    made = datetime.now(UTC)
    log_value(db, Actor("kollege", "gui"), "LIA", "job_starts", JAN, 20)  # after the file
    incoming = [
        Incoming("NEUSTART", "integrations", JAN, 50, where="Daten!E2"),  # unchanged
        Incoming("NEUSTART", "integrations", FEB, 61, where="Daten!E3"),  # changed
        Incoming("NEUSTART", "integrations", MAR, 70, where="Daten!E4"),  # new
        Incoming("LIA", "job_starts", JAN, 22, where="Daten!E5"),  # conflict
    ]
    plan = plan_values(db, incoming, since=made)
    assert [i.kind for i in plan.items] == [Kind.UNCHANGED, Kind.CHANGED, Kind.NEW, Kind.CONFLICT]
    assert plan.of(Kind.CONFLICT)[0].stored.updated_by == "kollege"  # type: ignore[union-attr]
    assert plan.counts()[Kind.NEW] == 1
    assert plan_values(db, incoming, since=made + timedelta(hours=1)).counts()[
        Kind.CONFLICT] == 0


def test_write_values_in_one_transaction_with_change_log(db: Database, actor: Actor) -> None:
    log_value(db, actor, "NEUSTART", "integrations", JAN, 50, note="alt")
    changes = write_values(db, Actor("import", "import"), [
        Incoming("NEUSTART", "integrations", JAN, 55),  # note kept
        Incoming("NEUSTART", "integrations", FEB, 60, note="neu"),
        Incoming("LIA", "job_starts", JAN, 20),
    ])
    assert len(changes.values) == 3
    assert get_value(db, "NEUSTART", "integrations", JAN) == (55, "alt")
    assert get_value(db, "NEUSTART", "integrations", FEB) == (60, "neu")
    last = history(db, "NEUSTART", "integrations", JAN)[-1]
    assert (last.source, last.old, last.new) == ("import", {"value": 50, "note": "alt"},
                                                 {"value": 55, "note": "alt"})
    assert not write_values(db, actor, [Incoming("LIA", "job_starts", JAN, 20)])


@pytest.mark.parametrize(("bad", "message"), [
    (Incoming("NOPE", "integrations", JAN, 1, where="Erfassung!D7"),
     'Erfassung!D7: Unbekanntes Projekt "NOPE"'),
    (Incoming("NEUSTART", "integrations", Month(2023, 1), 1, where="Erfassung!D8"),
     "Erfassung!D8: Januar 2023 liegt außerhalb des Zeitraums von Projekt NeuStart"),
    (Incoming("JC", "training_entries_degree", JAN, 99, where="Erfassung!D9"),
     "Erfassung!D9: Jobcenter Kreis Unna (gesamt), Januar 2021: Eintritte in berufliche "
     "Weiterbildung (abschlussorientiert) (99) darf nicht größer sein als Eintritte in "
     "berufliche Weiterbildung (40)"),
    (Incoming("NEUSTART", "integrations", FEB, 5, where="Erfassung!E4"),
     "Erfassung!E4: NeuStart / Integrationen / Februar 2021 steht doppelt in der Datei "
     "(auch Erfassung!E3)"),
])
def test_one_bad_value_rejects_all(db: Database, actor: Actor, bad: Incoming,
                                   message: str) -> None:
    good = [Incoming("NEUSTART", "integrations", FEB, 5, where="Erfassung!E3"),
            Incoming("JC", "training_entries", JAN, 40, where="Erfassung!D5")]
    before = snapshot(db)
    with pytest.raises(DomainError) as info:
        write_values(db, actor, [*good, bad])
    assert message in str(info.value)
    assert snapshot(db) == before
    with pytest.raises(DomainError):
        plan_values(db, [*good, bad])


def test_davon_checked_on_the_final_state(db: Database, actor: Actor) -> None:
    log_value(db, actor, "JC", "training_entries", JAN, 40)
    log_value(db, actor, "JC", "training_entries_degree", JAN, 30)
    # Both raised together: fine, although the child alone would exceed the old parent.
    write_values(db, actor, [Incoming("JC", "training_entries_degree", JAN, 50),
                             Incoming("JC", "training_entries", JAN, 60)])
    assert get_value(db, "JC", "training_entries_degree", JAN) == (50, None)


@pytest.mark.parametrize("stored_first", ["parent", "child"])
def test_davon_against_a_stored_family_member(db: Database, actor: Actor,
                                              stored_first: str) -> None:
    if stored_first == "parent":
        log_value(db, actor, "JC", "training_entries", JAN, 20)
        incoming = [Incoming("JC", "training_entries_degree", JAN, 30, where="Daten!E2")]
    else:
        log_value(db, actor, "JC", "training_entries_degree", JAN, 30)
        incoming = [Incoming("JC", "training_entries", JAN, 20, where="Daten!E2")]
    before = snapshot(db)
    for attempt in (lambda: plan_values(db, incoming), lambda: write_values(db, actor, incoming)):
        with pytest.raises(DomainError) as info:
            attempt()
        assert "Daten!E2" in str(info.value) and "darf nicht größer sein" in str(info.value)
    assert snapshot(db) == before
