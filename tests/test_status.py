"""The status of a year: the service over the store, and its statement count."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from aipdesk.domain.model import Metric, MetricKind, Project, Status
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.demo import load_demo
from aipdesk.services.projects import add_metric, add_project
from aipdesk.services.status import fallback_report_month, status
from aipdesk.services.targets import set_target
from aipdesk.services.values import log_value
from aipdesk.store.database import Database


@contextmanager
def count_statements(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def test_status_over_logged_values(db: Database, actor: Actor) -> None:
    for month, value in ((1, 50), (2, 60), (3, 65)):
        log_value(db, actor, "NEUSTART", "integrations", Month(2021, month), value)
    log_value(db, actor, "NEUSTART", "integrations", Month(2020, 1), 40)
    report = status(db, 2021)
    assert report.report_month == Month(2021, 3)  # the latest month with a value
    row = next(r for r in report.rows if r.project.code == "NEUSTART")
    assert row.progress.actual_to_date == 175
    assert row.progress.plan_to_date == pytest.approx(175)
    assert row.progress.status is Status.GREEN
    # Only January of the previous year has a value: no comparable Vorjahr.
    assert row.progress.previous_year_actual is None
    log_value(db, actor, "NEUSTART", "integrations", Month(2020, 2), 50)
    log_value(db, actor, "NEUSTART", "integrations", Month(2020, 3), 60)
    row = next(r for r in status(db, 2021).rows if r.project.code == "NEUSTART")
    assert row.progress.previous_year_actual == 40 + 50 + 60
    explicit = status(db, 2021, Month(2021, 2))
    row = next(r for r in explicit.rows if r.project.code == "NEUSTART")
    assert row.progress.actual_to_date == 110


def test_ratio_and_stock_from_the_database(db: Database, actor: Actor) -> None:
    for month, (integrations, elb, lzb) in enumerate(
        [(500, 28000, 17500), (520, 27900, 17300), (560, 27800, 17200)], start=1
    ):
        log_value(db, actor, "JC", "integrations", Month(2021, month), integrations)
        log_value(db, actor, "JC", "elb_stock", Month(2021, month), elb)
        log_value(db, actor, "JC", "lzb_stock", Month(2021, month), lzb)
    rows = {r.metric.code: r.progress for r in status(db, 2021).rows if r.project.code == "JC"}
    assert rows["integration_rate"].actual_to_date == pytest.approx(100 * 1580 / 27900)
    assert rows["lzb_stock"].actual_to_date == pytest.approx(52000 / 3)
    assert rows["lzb_stock"].status is Status.AMBER


def test_multi_year_target_listed_in_every_year_it_spans(db: Database, actor: Actor) -> None:
    log_value(db, actor, "GUIDE", "participants", Month(2019, 11), 7)
    log_value(db, actor, "GUIDE", "participants", Month(2021, 2), 5)
    for year in (2019, 2021, 2024):
        assert any(r.project.code == "GUIDE" for r in status(db, year).rows)
    assert not any(r.project.code == "GUIDE" for r in status(db, 2025).rows)
    guide = next(r for r in status(db, 2021, Month(2021, 2)).rows if r.project.code == "GUIDE")
    assert guide.progress.actual_to_date == 12  # runs over the whole period up to the month
    assert guide.progress.months_elapsed == 16


def test_statement_count_does_not_grow_with_targets(db: Database, actor: Actor) -> None:
    log_value(db, actor, "NEUSTART", "integrations", Month(2021, 1), 5)
    status(db, 2021)  # the projects and metrics are read once, then cached
    with count_statements(db) as few:
        status(db, 2021)
    add_metric(db, actor, Metric("extra", "Extra", MetricKind.FLOW))
    for i in range(30):
        code = f"P{i}"
        add_project(db, actor, Project(code, f"Projekt {i}"), metrics=("extra",))
        set_target(db, actor, code, "extra", Month(2021, 1), Month(2021, 12), 100 + i)
        log_value(db, actor, code, "extra", Month(2021, 1), i)
    status(db, 2021)
    with count_statements(db) as many:
        report = status(db, 2021)
    assert len(report.rows) == 14 + 30  # the catalogue's 14 targets of 2021 and 30 new
    assert len(many) == len(few)


def test_demo_gives_a_mix_of_statuses(db: Database, actor: Actor) -> None:
    load_demo(db, actor, 2021)
    statuses = [r.progress.status for r in status(db, 2021).rows]
    for light in (Status.GREEN, Status.AMBER, Status.RED):
        assert light in statuses
    again = status(db, 2021)
    assert [r.progress for r in again.rows] == [r.progress for r in status(db, 2021).rows]


def test_fallback_report_month() -> None:
    from datetime import date

    assert fallback_report_month(2021, date(2026, 11, 23)) == Month(2021, 12)
    assert fallback_report_month(2026, date(2026, 11, 23)) == Month(2026, 10)
    assert fallback_report_month(2026, date(2026, 1, 5)) == Month(2026, 1)
    assert fallback_report_month(2030, date(2026, 11, 23)) == Month(2030, 1)


def test_default_year(empty_db: Database, actor: Actor) -> None:
    from datetime import date

    from aipdesk.services.catalogue import load_catalogue
    from aipdesk.services.views import default_year

    today = date(2026, 11, 23)
    assert default_year(empty_db, today) == 2026  # nothing at all: the current year
    load_catalogue(empty_db, actor)
    assert default_year(empty_db, today) == 2021  # the catalogue's year
    log_value(empty_db, actor, "NEUSTART", "integrations", Month(2022, 3), 5)
    assert default_year(empty_db, today) == 2022  # the latest logged value


def test_the_default_report_month_is_the_meldeschluss_month(db: Database, actor: Actor) -> None:
    for month in range(1, 7):
        log_value(db, actor, "NEUSTART", "integrations", Month(2021, month), 50)
        if month < 6:
            log_value(db, actor, "LIA", "job_starts", Month(2021, month), 20)
    log_value(db, actor, "NEUSTART", "integrations", Month(2021, 12), 9)  # typed by mistake
    log_value(db, actor, "IP", "integrations", Month(2021, 11), 3)  # nothing else of IP yet
    report = status(db, 2021)
    assert report.report_month == Month(2021, 5)  # LIA has not reported June yet
    assert report.choice is not None and report.choice.latest == Month(2021, 12)
    assert [(h.project, str(h.missing)) for h in report.choice.holdups] == [("LIA", "2021-06")]
    neustart = next(r for r in report.rows if r.project.code == "NEUSTART")
    assert neustart.progress.actual_to_date == 250 and neustart.progress.complete
    log_value(db, actor, "LIA", "job_starts", Month(2021, 6), 20)
    report = status(db, 2021)
    assert report.report_month == Month(2021, 6)  # the stray December value does not count
    assert report.choice is not None
    assert {(h.project, str(h.missing)) for h in report.choice.holdups} == {
        ("NEUSTART", "2021-07"),
        ("LIA", "2021-07"),
    }
    assert status(db, 2021, Month(2021, 3)).choice is None  # asked for: no reason to give


def test_an_unreported_month_makes_a_row_incomplete_not_red(db: Database, actor: Actor) -> None:
    for month, value in ((1, 60), (2, 55), (3, 70), (5, 58), (6, 62)):
        log_value(db, actor, "NEUSTART", "integrations", Month(2021, month), value)
    row = next(r for r in status(db, 2021, Month(2021, 6)).rows if r.project.code == "NEUSTART")
    assert row.progress.months_missing == (Month(2021, 4),)
    assert row.progress.plan_to_date == pytest.approx(700 * 5 / 12)
    assert row.progress.status is Status.GREEN  # 305 of 291.7: 104.6 %
    data = row.to_json()
    assert data["months_missing"] == ["2021-04"] and data["complete"] is False
    assert data["report_month"] == "2021-06"
