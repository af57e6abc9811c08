"""Coordinators own the catalogue in the window: metrics added and changed, targets with
their planned change rate and denominator mean, and the plan curve from earlier years —
through the same services as the command line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from aipdesk.domain.model import Direction, MetricKind, Status
from aipdesk.domain.months import Month
from aipdesk.services.maintenance import history
from aipdesk.services.status import status
from aipdesk.services.targets import list_targets
from aipdesk.services.values import get_value
from aipdesk.ui.backend import Backend
from aipdesk.ui.dialogs.metric_dialog import MetricDialog
from aipdesk.ui.dialogs.metrics_dialog import MetricsDialog, MetricsModel
from aipdesk.ui.dialogs.target_dialog import TargetDialog
from aipdesk.ui.dialogs.weights_dialog import WeightsDialog
from aipdesk.ui.panes.projects import ProjectsPane
from aipdesk.ui.panes.targets import TargetsPane


@pytest.fixture
def projects(backend: Backend, qtbot: QtBot) -> Iterator[ProjectsPane]:
    pane = ProjectsPane(backend)
    qtbot.addWidget(pane)
    backend.changed.connect(lambda changes: pane.set_snapshot(backend.snapshot(2021), changes))
    pane.set_snapshot(backend.snapshot(2021))
    pane.show()
    yield pane
    pane.close()


@pytest.fixture
def targets(backend: Backend, qtbot: QtBot) -> Iterator[TargetsPane]:
    pane = TargetsPane(backend)
    qtbot.addWidget(pane)
    backend.changed.connect(lambda changes: pane.set_snapshot(backend.snapshot(2021), changes))
    pane.set_snapshot(backend.snapshot(2021))
    pane.resize(1200, 700)
    pane.show()
    yield pane
    pane.close()


def child(parent: object, kind: type, name: str) -> object:
    found = parent.findChild(kind, name)  # type: ignore[attr-defined]
    assert found is not None, name
    return found


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def open_metrics(projects: ProjectsPane, qtbot: QtBot) -> MetricsDialog:
    button = child(projects, QPushButton, "metricsButton")
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = projects.findChild(MetricsDialog, "metricsDialog")
    assert isinstance(dialog, MetricsDialog) and dialog.isVisible()
    return dialog


def test_the_metrics_model_passes_the_qt_model_test(
    backend: Backend, qtmodeltester: object
) -> None:
    model = MetricsModel()
    model.set_metrics(backend.metrics())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    rows = {model.row_at(r).code: r for r in range(model.rowCount())}
    sector = rows["training_care"]
    assert model.index(sector, 3).data() == "Eintritte in berufliche Weiterbildung (Aufteilung)"
    quote = rows["integration_rate_women"]
    assert (
        model.index(quote, 4).data() == "Integrationen (Frauen) ÷ Ø Erwerbsfähige "
        "Leistungsberechtigte (Bestand) (Frauen)"
    )
    assert model.index(quote, 7).data() == "berechnet"


def test_a_coordinator_adds_a_davon_metric_in_the_window(
    projects: ProjectsPane, backend: Backend, qtbot: QtBot
) -> None:
    metrics = open_metrics(projects, qtbot)
    qtbot.mouseClick(child(metrics, QPushButton, "newMetricButton"), Qt.MouseButton.LeftButton)
    dialog = metrics.findChild(MetricDialog, "metricDialog")
    assert isinstance(dialog, MetricDialog)
    ok = child(dialog, QPushButton, "okButton")
    assert isinstance(ok, QPushButton) and not ok.isEnabled()
    qtbot.keyClicks(child(dialog, QLineEdit, "codeEdit"), "integrations_u25")
    qtbot.keyClicks(child(dialog, QLineEdit, "nameEdit"), "davon unter 25 Jahre")
    choose(dialog.parent_combo, "integrations")
    assert dialog.partition_check.isEnabled()
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    added = backend.metrics()["integrations_u25"]
    assert (added.kind, added.parent, added.partition) == (
        MetricKind.FLOW,
        "integrations",
        False,
    )
    entry = [c for c in history(backend.db) if c.entity == "metric"][-1]
    assert (entry.action, entry.metric, entry.source, entry.user) == (
        "insert",
        "integrations_u25",
        "gui",
        "tester",
    )
    # The list shows it at once, selected.
    assert metrics.selected() is not None and metrics.selected().code == "integrations_u25"


def test_the_dialog_says_what_breaks_a_rule_and_keeps_ok_off(
    projects: ProjectsPane, backend: Backend, qtbot: QtBot
) -> None:
    metrics = open_metrics(projects, qtbot)
    dialog = metrics.new_metric()
    assert dialog is not None
    qtbot.keyClicks(dialog.code_edit, "elb_u25")
    qtbot.keyClicks(dialog.name_edit, "davon unter 25")
    choose(dialog.kind_combo, MetricKind.STOCK)
    choose(dialog.parent_combo, "integrations")  # a stock under a count
    message = child(dialog, QLabel, "metricDialogMessage")
    assert isinstance(message, QLabel) and message.isVisible()
    assert "Integrationen" in message.text() and "Zählgröße" in message.text()
    assert not dialog.ok_button.isEnabled()
    choose(dialog.parent_combo, "elb_stock")
    assert not message.isVisible() and dialog.ok_button.isEnabled()
    # A code that exists already is refused before the services are asked.
    dialog.code_edit.setText("ELB_STOCK")
    assert "gibt es schon" in message.text() and not dialog.ok_button.isEnabled()
    assert "elb_u25" not in backend.metrics()


def test_a_changed_threshold_moves_the_light(
    projects: ProjectsPane, backend: Backend, qtbot: QtBot
) -> None:
    def lzb() -> Status:
        row = next(r for r in status(backend.db, 2021).rows if r.metric.code == "lzb_stock")
        return row.progress.status

    assert lzb() is Status.AMBER  # 96,6 %: amber from 90 %
    metrics = open_metrics(projects, qtbot)
    row = next(
        r for r in range(metrics.model.rowCount()) if metrics.model.row_at(r).code == "lzb_stock"
    )
    metrics.table.selectRow(row)
    dialog = metrics.edit_metric()
    assert dialog is not None and dialog.code_edit.isReadOnly()
    assert dialog.direction_combo.currentData() == Direction.DOWN
    dialog.amber_box.setValue(97.0)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert backend.metrics()["lzb_stock"].amber_pct == 97.0
    assert lzb() is Status.RED


def test_the_target_dialog_sets_change_rate_and_denominator_mean(
    targets: TargetsPane, backend: Backend, qtbot: QtBot
) -> None:
    key = ("JC", "integration_rate", Month(2021, 1))
    targets.select(key)
    dialog = targets.edit_target()
    assert isinstance(dialog, TargetDialog)
    assert dialog.change_edit.text() == "14,5"  # from the catalogue
    assert not dialog.project_combo.isEnabled() and not dialog.metric_combo.isEnabled()
    dialog.change_edit.setText("15,2")
    dialog.denominator_edit.setText("29.000")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    target = next(t for t in list_targets(backend.db) if (t.project, t.metric) == key[:2])
    assert (target.value, target.change_pct, target.denominator_plan) == (24.6, 15.2, 29000.0)
    row = next(r for r in status(backend.db, 2021).rows if r.metric.code == "integration_rate")
    assert row.progress.denominator_basis == "plan"
    assert row.progress.denominator_expected == 29000.0
    # Not a ratio: the planned mean is switched off and refused.
    targets.select(("NEUSTART", "integrations", Month(2021, 1)))
    other = targets.edit_target()
    assert isinstance(other, TargetDialog)
    assert not other.denominator_edit.isEnabled()
    other.change_edit.setText("-100")
    assert other.problem() == "Eine geplante Veränderung muss über −100 % liegen."
    other.reject()


def test_the_plan_curve_from_previous_years(
    targets: TargetsPane, backend: Backend, qtbot: QtBot
) -> None:
    targets.select(("NEUSTART", "integrations", Month(2021, 1)))
    targets.edit_curve()
    dialog = targets.findChild(WeightsDialog, "weightsDialog")
    assert isinstance(dialog, WeightsDialog)
    qtbot.mouseClick(child(dialog, QPushButton, "historyButton"), Qt.MouseButton.LeftButton)
    logged = []
    for month in range(1, 13):
        found = get_value(backend.db, "NEUSTART", "integrations", Month(2020, month))
        assert found is not None  # the demo has 2020; 2019 and 2018 have no values
        logged.append(found[0])
    expected = [100 * v / sum(logged) for v in logged]
    assert dialog.model.percents() == pytest.approx(expected)
    assert dialog.ok_button.isEnabled()
    dialog.reject()
    # GUIDE began in 2019-11: no complete earlier year, and the dialog says so.
    targets.select(("GUIDE", "participants", Month(2019, 11)))
    targets.edit_curve()
    guide = [d for d in targets.findChildren(WeightsDialog) if d.isVisible()][-1]
    before = guide.model.percents()
    qtbot.mouseClick(child(guide, QPushButton, "historyButton"), Qt.MouseButton.LeftButton)
    message = child(guide, QLabel, "weightsMessage")
    assert isinstance(message, QLabel) and message.isVisible()
    assert message.text().startswith("⚠ ")
    assert guide.model.percents() == before
    guide.reject()
