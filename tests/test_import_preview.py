"""The summary of an import, however large the file: counts by project and metric and the
first values to store, not one line per value (command line; the window: tests/ui)."""

from __future__ import annotations

from aipdesk.domain.months import Month
from aipdesk.exchange.imported import GROUP_LINES, ImportFile, ImportReport
from aipdesk.exchange.preview import LIMIT, summarise
from aipdesk.services.batch import Incoming, Kind, Plan, PlanItem, Stored


def large_plan(projects: int = 50, metrics: int = 20) -> Plan:
    items = []
    for project in range(projects):
        for metric in range(metrics):
            for month in range(1, 13):
                incoming = Incoming(
                    f"P{project:02d}", f"m{metric:02d}", Month(2021, month), month, where="x"
                )
                if project == 7 and metric == 3 and month in (4, 5):
                    kind, stored = Kind.CONFLICT, Stored(1, None, "kollegin", None)
                elif month == 12:
                    kind, stored = Kind.UNCHANGED, Stored(month, None, "team", None)
                else:
                    kind, stored = Kind.NEW, None
                items.append(PlanItem(incoming, stored, kind))
    return Plan(tuple(items))


def test_summarise_counts_by_project_and_metric() -> None:
    preview = summarise(large_plan())
    assert preview.counts == {
        Kind.NEW: 11_000 - 2,
        Kind.CHANGED: 0,
        Kind.UNCHANGED: 1_000,
        Kind.CONFLICT: 2,
    }
    assert len(preview.groups) == 1_000
    group = next(g for g in preview.groups if (g.project, g.metric) == ("P07", "m03"))
    assert (group.months, group.new, group.unchanged, group.conflicts) == (
        "2021-01 – 2021-12",
        9,
        1,
        2,
    )
    assert [item.kind for item in preview.listed[:3]] == [Kind.CONFLICT, Kind.CONFLICT, Kind.NEW]
    assert len(preview.listed) == LIMIT and preview.more == 11_000 - LIMIT
    assert [i.incoming.month for i in preview.problems] == [Month(2021, 4), Month(2021, 5)]


def test_the_command_line_report_of_a_large_file_is_short() -> None:
    file = ImportFile((), None, "export", "Daten", "gross.xlsx")
    lines = ImportReport(file, large_plan(), dry_run=True).summary("de").splitlines()
    assert len(lines) < GROUP_LINES + LIMIT + 10
    assert "10998 neu" in lines[0] and "2 im Konflikt" in lines[0]
    assert lines[3] == "    P00 / m00, 2021-01 – 2021-12: 11 neu, 1 unverändert"
    assert "    … und 960 weitere Paare von Projekt und Kennzahl" in lines
    conflicts = [line for line in lines if line.lstrip().startswith("KONFLIKT")]
    assert len(conflicts) == 2 and "P07 / m03 / 2021-04: 1 → 4" in conflicts[0]
    assert "  … und 10980 weitere Werte (oben je Projekt und Kennzahl gezählt)" in lines
    assert lines[-1] == "Probelauf: nichts gespeichert."
