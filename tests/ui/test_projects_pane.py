"""The projects pane over the 2021 demo database, driven like a person would, by object name."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Project
from aipdesk.domain.months import Month, Period
from aipdesk.services.base import Changes
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import ItemRole, SortRole
from aipdesk.ui.dialogs.project_dialog import ProjectDialog
from aipdesk.ui.panes.projects import (
    COL_ACTIVE,
    COL_CODE,
    COL_NAME,
    COL_PERIOD,
    ProjectsModel,
    ProjectsPane,
)
from tests.conftest import snapshot as db_rows

CATALOGUE = ["JC", "NEUSTART", "LIA", "GUIDE", "IP", "EXG", "TAAM"]


@pytest.fixture
def pane(backend: Backend, qtbot: QtBot) -> ProjectsPane:
    widget = ProjectsPane(backend)
    qtbot.addWidget(widget)
    widget.set_snapshot(backend.snapshot(2021))
    # As the main window does: every committed write refreshes the pane.
    backend.changed.connect(lambda changes: widget.set_snapshot(backend.snapshot(2021), changes))
    widget.resize(1200, 700)
    widget.show()
    return widget


def table(pane: ProjectsPane) -> QTableView:
    view = pane.findChild(QTableView, "projectsTable")
    assert view is not None
    return view


def column(pane: ProjectsPane, col: int) -> list[str]:
    model = table(pane).model()
    return [model.index(row, col).data() for row in range(model.rowCount())]


def row_of(pane: ProjectsPane, code: str) -> int:
    return column(pane, COL_CODE).index(code)


def select(pane: ProjectsPane, qtbot: QtBot, code: str) -> None:
    view = table(pane)
    view.setFocus()
    index = view.model().index(row_of(pane, code), COL_NAME)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert pane.selected_code() == code


def button(pane: ProjectsPane, name: str) -> QPushButton:
    found = pane.findChild(QPushButton, name)
    assert found is not None, name
    return found


def open_dialog(pane: ProjectsPane, qtbot: QtBot, name: str) -> ProjectDialog:
    qtbot.mouseClick(button(pane, name), Qt.MouseButton.LeftButton)
    dialog = pane.findChild(ProjectDialog, "projectDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def ok_button(dialog: ProjectDialog) -> QPushButton:
    found = dialog.findChild(QPushButton, "okButton")
    assert found is not None
    return found


def codes(backend: Backend) -> dict[str, Project]:
    return {p.code: p for p in backend.snapshot(2021).projects}


# -- the model alone -------------------------------------------------------------------------
def test_model_passes_qt_model_tests(backend: Backend, qtmodeltester: Any) -> None:
    model = ProjectsModel()
    model.set_rows(backend.snapshot(2021).projects)
    qtmodeltester.check(model, force_py=True)


def test_model_texts_roles_and_inactive_rows(qapp: object) -> None:
    model = ProjectsModel()
    model.set_rows(
        [
            Project("A", "Alpha", Period(Month(2020, 1), None)),
            Project("B", "Beta", Period(None, Month(2021, 12)), active=False),
            Project("C", "Gamma"),
        ]
    )
    texts = [[model.index(r, c).data() for c in range(4)] for r in range(3)]
    assert texts == [
        ["A", "Alpha", "ab 2020-01", "ja"],
        ["B", "Beta", "bis 2021-12", "nein"],
        ["C", "Gamma", "unbefristet", "ja"],
    ]
    assert model.index(1, COL_CODE).data(ItemRole).code == "B"
    assert model.index(0, COL_PERIOD).data(SortRole) == Month(2020, 1).index
    assert model.index(1, COL_PERIOD).data(SortRole) < model.index(0, COL_PERIOD).data(SortRole)
    # Inactive rows are greyed (and italic), active rows keep the view's colours.
    assert model.index(1, COL_NAME).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, COL_NAME).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, COL_NAME).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(0, COL_CODE).data(Qt.ItemDataRole.FontRole) is None
    assert model.data(QModelIndex()) is None


# -- the pane -------------------------------------------------------------------------------
def test_table_lists_the_catalogue(pane: ProjectsPane) -> None:
    assert column(pane, COL_CODE) == CATALOGUE
    periods = dict(zip(CATALOGUE, column(pane, COL_PERIOD), strict=True))
    assert periods["NEUSTART"] == "2016-01 – 2022-12"
    assert periods["LIA"] == "ab 2020-01"
    assert periods["IP"] == "bis 2021-12"
    assert periods["JC"] == "unbefristet"
    assert set(column(pane, COL_ACTIVE)) == {"ja"}


def test_selecting_neustart_shows_description_metrics_and_target(
    pane: ProjectsPane, qtbot: QtBot
) -> None:
    select(pane, qtbot, "NEUSTART")
    text = pane.findChild(QTextBrowser, "projectDetails").toPlainText()
    assert "Vermeidung bzw. Beendigung von Langzeitarbeitslosigkeit" in text
    assert "Integrationen" in text  # the metric it logs
    assert "700" in text  # its target 2021
    assert "734" in text  # actual to date in December 2021
    assert "● grün" in text  # status in words with a symbol
    assert "JC" not in text.split("NeuStart", 1)[1]  # nothing of another project


def test_selection_survives_a_refresh(pane: ProjectsPane, backend: Backend, qtbot: QtBot) -> None:
    select(pane, qtbot, "GUIDE")
    pane.set_snapshot(backend.snapshot(2021))
    assert pane.selected_code() == "GUIDE"
    assert "GUIDE (rehapro)" in pane.findChild(QTextBrowser, "projectDetails").toPlainText()


def test_value_changes_leave_the_table_alone(
    pane: ProjectsPane, backend: Backend, qtbot: QtBot
) -> None:
    select(pane, qtbot, "EXG")
    source = pane.model
    december = backend.value("EXG", "integrations", Month(2021, 12))
    assert december is not None
    with qtbot.assertNotEmitted(source.modelReset):
        backend.log_value("EXG", "integrations", Month(2021, 12), december[0] + 400)
    details = pane.findChild(QTextBrowser, "projectDetails").toPlainText()
    assert "509" in details  # actual to date: 109 in the demo data, now 400 more
    with qtbot.waitSignal(source.modelReset):
        pane.set_snapshot(backend.snapshot(2021), Changes(projects=frozenset({"EXG"})))
    assert pane.selected_code() == "EXG"


def test_add_a_project_through_the_dialog(
    pane: ProjectsPane, backend: Backend, qtbot: QtBot
) -> None:
    dialog = open_dialog(pane, qtbot, "newProjectButton")
    assert not ok_button(dialog).isEnabled()  # nothing typed yet
    qtbot.keyClicks(dialog.findChild(QLineEdit, "codeEdit"), "JOBBOX")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "nameEdit"), "Jobbox Unna")
    qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "descriptionEdit"), "Offene Sprechstunde")
    dialog.start.check.setChecked(True)
    metrics = dialog.findChild(QListWidget, "metricsList")
    names = [metrics.item(i).text() for i in range(metrics.count())]
    assert "Integrationsquote" not in names  # computed, nobody logs it
    metrics.item(names.index("Integrationen")).setCheckState(Qt.CheckState.Checked)
    assert ok_button(dialog).isEnabled()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    stored = codes(backend)["JOBBOX"]
    assert (stored.name, stored.description) == ("Jobbox Unna", "Offene Sprechstunde")
    assert stored.period == Period(Month(2021, 1), None)
    assert backend.snapshot(2021).tracked["JOBBOX"] == ("integrations",)
    assert column(pane, COL_CODE)[-1] == "JOBBOX"
    assert pane.selected_code() == "JOBBOX"
    assert not dialog.isVisible()


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("a b", "nur Buchstaben, Ziffern, _ und - enthalten"),
        ("LIA", "Kürzel „LIA“ gibt es bereits"),
        ("lia", "Kürzel „LIA“ gibt es bereits"),
    ],
)
def test_bad_code_blocks_ok_and_says_why(
    pane: ProjectsPane, backend: Backend, qtbot: QtBot, code: str, reason: str
) -> None:
    before = db_rows(backend.db)
    dialog = open_dialog(pane, qtbot, "newProjectButton")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "codeEdit"), code)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "nameEdit"), "Irgendwas")
    label = dialog.findChild(QLabel, "validationLabel")
    assert reason in label.text()
    assert label.isVisible()
    assert not ok_button(dialog).isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter does not get past the check either
    assert dialog.isVisible()
    assert db_rows(backend.db) == before
    assert column(pane, COL_CODE) == CATALOGUE


def test_end_before_start_and_empty_name_are_explained(pane: ProjectsPane, qtbot: QtBot) -> None:
    select(pane, qtbot, "GUIDE")
    dialog = open_dialog(pane, qtbot, "editProjectButton")
    assert dialog.findChild(QLineEdit, "codeEdit").isReadOnly()
    dialog.findChild(QLineEdit, "nameEdit").clear()
    dialog.end.year.setValue(2019)
    dialog.end.month.setCurrentIndex(0)
    text = dialog.findChild(QLabel, "validationLabel").text()
    assert "Namen eingeben." in text
    assert "Der Endmonat 2019-01 liegt vor dem Anfangsmonat 2019-11." in text
    assert not ok_button(dialog).isEnabled()


def test_edit_the_name(pane: ProjectsPane, backend: Backend, qtbot: QtBot) -> None:
    select(pane, qtbot, "EXG")
    dialog = open_dialog(pane, qtbot, "editProjectButton")
    name = dialog.findChild(QLineEdit, "nameEdit")
    name.selectAll()
    qtbot.keyClicks(name, "Startup Beratung")  # keyClicks aborts on non-ASCII
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    stored = codes(backend)["EXG"]
    assert stored.name == "Startup Beratung"
    assert stored.period == Period()  # untouched
    assert column(pane, COL_NAME)[row_of(pane, "EXG")] == "Startup Beratung"
    assert pane.selected_code() == "EXG"


def test_rejection_keeps_the_dialog_open(
    pane: ProjectsPane, backend: Backend, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(pane, qtbot, "newProjectButton")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "codeEdit"), "NEU")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "nameEdit"), "Neu")

    def refuse(*args: object, **kwargs: object) -> Changes:
        raise DomainError("duplicate_project", project="NEU")

    monkeypatch.setattr(backend, "add_project", refuse)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    error = dialog.findChild(QMessageBox, "errorMessage")
    assert error is not None and "NEU" in error.text()
    assert dialog.isVisible()
    error.close()


def test_deactivate_ip_after_confirming(pane: ProjectsPane, backend: Backend, qtbot: QtBot) -> None:
    select(pane, qtbot, "IP")
    toggle = button(pane, "activeProjectButton")
    assert toggle.text() == "Dea&ktivieren"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    box = pane.findChild(QMessageBox, "confirmActiveMessage")
    assert box is not None and "Integration Point" in box.text()
    assert codes(backend)["IP"].active  # nothing happens before the answer
    qtbot.mouseClick(box.findChild(QPushButton, "confirmButton"), Qt.MouseButton.LeftButton)

    assert not codes(backend)["IP"].active
    assert column(pane, COL_ACTIVE)[row_of(pane, "IP")] == "nein"
    assert pane.selected_code() == "IP"
    assert toggle.text() == "Rea&ktivieren"
    with pytest.raises(DomainError) as raised:
        backend.log_value("IP", "integrations", Month(2021, 6), 5)
    assert raised.value.code == "project_inactive"


def test_cancel_leaves_the_project_active(
    pane: ProjectsPane, backend: Backend, qtbot: QtBot
) -> None:
    before = db_rows(backend.db)
    select(pane, qtbot, "LIA")
    box = pane.toggle_active()
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert db_rows(backend.db) == before


def test_buttons_are_named_and_follow_the_selection(pane: ProjectsPane) -> None:
    for name in ("newProjectButton", "editProjectButton", "activeProjectButton"):
        assert button(pane, name).accessibleName()
        assert "&" in button(pane, name).text()
    pane.table.clearSelection()
    assert not button(pane, "editProjectButton").isEnabled()
    assert not button(pane, "activeProjectButton").isEnabled()


def test_new_project_by_keyboard_only(pane: ProjectsPane, backend: Backend, qtbot: QtBot) -> None:
    dialog = open_dialog(pane, qtbot, "newProjectButton")
    code = dialog.findChild(QLineEdit, "codeEdit")
    qtbot.waitUntil(lambda: code.hasFocus())  # the first field has the focus
    order = []
    for _ in range(7):  # the month pickers are switched off, so Tab skips year and month
        order.append(QApplication.focusWidget().objectName())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert order == [
        "codeEdit",
        "nameEdit",
        "descriptionEdit",
        "startCheck",
        "endCheck",
        "metricsList",
        "cancelButton",  # OK is disabled while the code and name are empty
    ]
    qtbot.keyClicks(dialog.findChild(QLineEdit, "codeEdit"), "KB")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "nameEdit"), "Tastatur")
    metrics = dialog.findChild(QListWidget, "metricsList")
    metrics.setFocus()
    qtbot.keyClick(metrics, Qt.Key.Key_Home)
    qtbot.keyClick(metrics, Qt.Key.Key_Down)  # the second metric: Arbeitsaufnahmen
    qtbot.keyClick(metrics, Qt.Key.Key_Space)
    assert dialog.checked_metrics() == ("job_starts",)
    qtbot.keyClick(dialog.findChild(QLineEdit, "nameEdit"), Qt.Key.Key_Return)
    assert backend.snapshot(2021).tracked["KB"] == ("job_starts",)
