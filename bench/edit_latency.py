"""Time from a grid edit to the dashboard and the chart showing it, on 100,000 values.

The edit goes through the real path: GridModel.setData -> GridPane -> services
(one transaction, change log) -> Changes -> main window -> dashboard, grids, chart.
Goal (issue 3): median <= 50 ms. Writes a section of bench/RESULTS.md.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/edit_latency.py [--edits 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo, for bench.results

from sqlalchemy import func, insert, select

from aipdesk.domain.model import Metric, MetricKind, Project
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.demo import load_demo
from aipdesk.services.projects import add_metric, add_project
from aipdesk.services.targets import set_target
from aipdesk.store.database import open_database
from aipdesk.store.models import ValueRow
from aipdesk.store.queries import load_catalog
from bench.results import write_section

TOTAL = 100_000
EXTRA_PROJECTS = 40


def build(path: Path) -> int:
    """Demo data plus synthetic projects logging two metrics over 20 years: 100,000 values."""
    db = open_database(path)
    actor = Actor("bench", "bench")
    load_demo(db, actor, 2021)
    add_metric(db, actor, Metric("coachings", "Coachings", MetricKind.FLOW))
    for number in range(EXTRA_PROJECTS):
        code = f"P{number:03d}"
        add_project(db, actor, Project(code, f"Projekt {number}"), ("integrations", "coachings"))
        set_target(db, actor, code, "integrations", Month(2021, 1), Month(2021, 12), 120)
    with db.read() as session:
        have = session.scalar(select(func.count()).select_from(ValueRow)) or 0
        catalog = load_catalog(session)
    stamp = datetime.now(UTC)
    rows, needed = [], TOTAL - have
    month = Month(2021, 12)
    while len(rows) < needed:
        for number in range(EXTRA_PROJECTS):
            for metric in ("integrations", "coachings"):
                if len(rows) < needed:
                    rows.append(
                        {
                            "project_id": catalog.project_ids[f"P{number:03d}"],
                            "metric_id": catalog.metric_ids[metric],
                            "year": month.year,
                            "month": month.month,
                            "value": 10 + number % 7,
                            "note": None,
                            "version": 1,
                            "updated_by": "bench",
                            "updated_at": stamp,
                        }
                    )
        month = month.shift(-1)
    with db.write() as session:
        session.execute(insert(ValueRow), rows)
    with db.read() as session:
        count = session.scalar(select(func.count()).select_from(ValueRow)) or 0
    db.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=51)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from aipdesk.ui.application import build as build_window
    from aipdesk.ui.application import wait_until_loaded
    from aipdesk.ui.models.grid_model import FIRST_MONTH

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        count = build(path)
        window = build_window(str(path))
        window.resize(1440, 900)
        window.show()
        assert wait_until_loaded(window)
        window.dashboard.select("NEUSTART", "integrations")
        QApplication.processEvents()
        model = window.integrations.model
        row = model.find("NEUSTART", "integrations")
        index = model.index(row, FIRST_MONTH + 10)  # November
        timings = []
        for edit in range(args.edits):
            value = 40 + edit % 2  # alternate, so every edit changes the value
            start = time.perf_counter()
            assert model.setData(index, str(value))
            QApplication.processEvents()  # repaint of table and chart
            timings.append(time.perf_counter() - start)
            shown = window.dashboard.chart.data
            assert shown is not None and shown.monthly[10] == value
        window.close()
    median_ms = statistics.median(timings) * 1000
    lines = [
        f"- Database: {count:,} monthly values ({EXTRA_PROJECTS} synthetic projects besides "
        "the AIP 2021 demo); year 2021 shown",
        f"- Edits: {args.edits} grid edits of NEUSTART November through GridModel.setData, "
        "each timed until the dashboard, grids and chart have processed it",
        f"- **Median: {median_ms:.1f} ms** (goal ≤ 50 ms: "
        f"{'met' if median_ms <= 50 else 'missed'}); min {min(timings) * 1000:.1f} ms, "
        f"max {max(timings) * 1000:.1f} ms",
        "- Repeat: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/edit_latency.py`",
    ]
    print("\n".join(lines))
    write_section("Edit to dashboard and chart (`bench/edit_latency.py`)", lines)


if __name__ == "__main__":
    main()
