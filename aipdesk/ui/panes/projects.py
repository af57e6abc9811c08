"""The projects pane: every project in a table, the chosen one's details beside it.

Coordinators add projects, edit them and switch them off here. A deactivated project
stays listed (greyed, "no" in the Aktiv column) because its figures remain in the
history; it just accepts no new values.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Project
from aipdesk.domain.months import Period
from aipdesk.services.base import Changes
from aipdesk.services.results import Snapshot
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import (
    ItemRole,
    SortRole,
    fmt,
    month_label,
    number_text,
    show_error,
    status_text,
)
from aipdesk.ui.dialogs.metrics_dialog import MetricsDialog
from aipdesk.ui.dialogs.project_dialog import ProjectDialog

COL_CODE, COL_NAME, COL_PERIOD, COL_ACTIVE = range(4)
_Index = QModelIndex | QPersistentModelIndex


def muted_text() -> QColor:
    """Grey for inactive rows, mixed from the palette so the text stays readable."""
    palette = QGuiApplication.palette()
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mix = 0.6  # 60 % text on the base: #666 on white, 5.7:1

    def blend(a: float, b: float) -> float:
        return mix * a + (1 - mix) * b

    return QColor.fromRgbF(
        blend(text.redF(), base.redF()),
        blend(text.greenF(), base.greenF()),
        blend(text.blueF(), base.blueF()),
    )


def _h3(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


class ProjectsModel(QAbstractTableModel):
    """Projects in catalogue order; fed with `set_rows`, it never reads data itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Project] = []
        self._headers = (self.tr("Code"), self.tr("Name"), self.tr("Period"), self.tr("Active"))

    def set_rows(self, rows: list[Project] | tuple[Project, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, code: str) -> int:
        return next((i for i, p in enumerate(self._rows) if p.code == code), -1)

    def period_text(self, period: Period) -> str:
        first, last = period.first, period.last
        if first and last:
            return f"{first} – {last}"
        if first:
            return self.tr("from {0}").format(first)
        if last:
            return self.tr("until {0}").format(last)
        return self.tr("open-ended")

    def active_text(self, project: Project) -> str:
        return self.tr("yes") if project.active else self.tr("no")

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        project, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                project.code,
                project.name,
                self.period_text(project.period),
                self.active_text(project),
            )[column]
        if role == SortRole:
            first = project.period.first
            return (
                project.code.casefold(),
                project.name.casefold(),
                first.index if first else -1,
                int(project.active),
            )[column]
        if role == ItemRole:
            return project
        if role == Qt.ItemDataRole.ToolTipRole:  # the full name when the column elides it
            if project.active:
                return project.name
            return project.name + "\n" + self.tr("Deactivated: accepts no new values")
        if role == Qt.ItemDataRole.ForegroundRole and not project.active:
            return muted_text()
        if role == Qt.ItemDataRole.FontRole and not project.active:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class ProjectsPane(QWidget):
    """List of projects with details, and the buttons to add, edit and (de)activate."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectsPane")
        self.backend = backend
        self.snapshot: Snapshot | None = None
        self.model = ProjectsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self._make_table()
        self._make_buttons()
        self.details = QTextBrowser(self)
        self.details.setObjectName("projectDetails")
        self.details.setAccessibleName(self.tr("Details of the selected project"))
        self.details.setOpenLinks(False)
        self._make_layout()
        self._selection_changed()

    # -- construction ----------------------------------------------------------------------
    def _make_table(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("projectsTable")
        self.table.setAccessibleName(self.tr("Projects"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # catalogue order first
        self.table.setSortingEnabled(True)
        for column in (COL_CODE, COL_PERIOD, COL_ACTIVE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self.edit_project)

    def _make_buttons(self) -> None:
        self.new_button = QPushButton(self.tr("&New project…"), self)
        self.new_button.setObjectName("newProjectButton")
        self.new_button.setAccessibleName(self.tr("New project"))
        self.edit_button = QPushButton(self.tr("C&hange…"), self)
        self.edit_button.setObjectName("editProjectButton")
        self.edit_button.setAccessibleName(self.tr("Edit the selected project"))
        self.active_button = QPushButton(self.tr("&Deactivate"), self)
        self.active_button.setObjectName("activeProjectButton")
        self.metrics_button = QPushButton(self.tr("&Metrics…"), self)
        self.metrics_button.setObjectName("metricsButton")
        self.metrics_button.setAccessibleName(
            self.tr("Metrics: add one, change names, kinds, davon parents and thresholds")
        )
        self.new_button.clicked.connect(self.new_project)
        self.edit_button.clicked.connect(self.edit_project)
        self.active_button.clicked.connect(self.toggle_active)
        self.metrics_button.clicked.connect(self.show_metrics)

    def _make_layout(self) -> None:
        label = QLabel(self.tr("Project &list:"), self)
        label.setBuddy(self.table)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.metrics_button)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(label)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        details_label = QLabel(self.tr("Detail&s:"), self)
        details_label.setBuddy(self.details)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(details_label)
        column.addWidget(self.details, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("projectsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 9)
        splitter.setStretchFactor(1, 11)
        splitter.setSizes([900, 1100])  # scaled to the real width: the details get more
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- data ------------------------------------------------------------------------------
    def set_snapshot(self, snapshot: Snapshot, changes: Changes | None = None) -> None:
        """Show `snapshot`; `changes` (None = everything) says what a write touched."""
        previous, self.snapshot = self.snapshot, snapshot
        if changes is not None and not (changes.projects or changes.targets or changes.metrics):
            # Only monthly values: the table is unchanged, the details only show figures.
            project = self.selected_project()
            if project and previous and any(key[0] == project.code for key in changes.values):
                self._show_details()
            return
        code = self.selected_code()
        if changes is None or changes.projects or previous is None:
            self.model.set_rows(snapshot.projects)
        self.select(code or (snapshot.projects[0].code if snapshot.projects else ""))
        self._selection_changed()

    def selected_project(self) -> Project | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ItemRole) if rows else None

    def selected_code(self) -> str | None:
        project = self.selected_project()
        return project.code if project else None

    def select(self, code: str) -> None:
        row = self.model.row_of(code)
        if row < 0:
            self.table.clearSelection()
            return
        index = self.proxy.mapFromSource(self.model.index(row, COL_CODE))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _selection_changed(self) -> None:
        project = self.selected_project()
        writable = not self.backend.read_only
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(project is not None and writable)
        self.active_button.setEnabled(project is not None and writable)
        active = project is None or project.active
        self.active_button.setText(self.tr("&Deactivate") if active else self.tr("Re&activate"))
        self.active_button.setAccessibleName(
            self.tr("Deactivate the selected project")
            if active
            else self.tr("Reactivate the selected project")
        )
        self._show_details()

    def _show_details(self) -> None:
        project = self.selected_project()
        if project is None or self.snapshot is None:
            self.details.setPlainText(self.tr("Choose a project in the list to see its details."))
            return
        self.details.setHtml(self._details_html(self.snapshot, project))

    def _details_html(self, snapshot: Snapshot, project: Project) -> str:
        code = project.code
        active = self.model.active_text(project)
        if not project.active:
            active += " – " + self.tr("accepts no new values")
        facts = [
            (self.tr("Code"), code),
            (self.tr("Period"), self.model.period_text(project.period)),
            (self.tr("Active"), active),
        ]
        parts = [f"<h2>{escape(project.name)}</h2><table cellpadding='2'>"]
        parts += [f"<tr><td><b>{escape(k)}:</b></td><td>{escape(v)}</td></tr>" for k, v in facts]
        parts.append("</table>")
        parts.append(_h3(self.tr("Description")))
        text = escape(project.description).replace("\n", "<br>")
        parts.append(f"<p>{text}</p>" if text else _p(self.tr("No description.")))
        parts.append(_h3(self.tr("Metrics it logs")))
        tracked = snapshot.tracked.get(code, ())
        names = [snapshot.metrics[m].name for m in tracked if m in snapshot.metrics]
        items = "".join(f"<li>{escape(name)}</li>" for name in names)
        parts.append(f"<ul>{items}</ul>" if names else _p(self.tr("None yet.")))
        parts.append(self._targets_html(snapshot, code))
        return "".join(parts)

    def _targets_html(self, snapshot: Snapshot, code: str) -> str:
        # self.tr outside f-strings and never aliased, or pyside6-lupdate misses the text.
        rows = [row for row in snapshot.status.rows if row.project.code == code]
        title = _h3(self.tr("Targets {0}").format(snapshot.year))
        if not rows:
            return title + _p(self.tr("No target in this year."))
        note = self.tr(
            "Plan and actual up to {0}. A target runs over the calendar year unless "
            "another period is given."
        ).format(month_label(snapshot.report_month))
        heads = (
            self.tr("Metric"),
            self.tr("Target"),
            self.tr("Plan to date"),
            self.tr("Actual to date"),
            self.tr("Status"),
        )
        out = [
            title,
            _p(note),
            "<table border='1' cellspacing='0' cellpadding='4'"
            " style='border-collapse: collapse'><tr>",
        ]
        out += [f"<th align='left'>{escape(head)}</th>" for head in heads]
        out.append("</tr>")
        for row in rows:
            p, m, period = row.progress, row.metric, row.target.period
            metric = escape(m.name)
            if period != Period.year(snapshot.year):  # e.g. GUIDE: the whole project period
                metric += "<br><small>" + escape(self.tr("period {0}").format(period)) + "</small>"
            figures = (
                number_text(row.target.value, m) or self.tr("no number"),
                number_text(p.plan_to_date, m) or fmt().number(None),
                number_text(p.actual_to_date, m) or fmt().number(None),
            )
            out.append(
                f"<tr><td>{metric}</td>"
                + "".join(f"<td align='right'>{escape(f)}</td>" for f in figures)
                + f"<td>{escape(status_text(p.status))}</td></tr>"
            )
        out.append("</table>")
        return "".join(out)

    # -- actions ---------------------------------------------------------------------------
    def new_project(self) -> ProjectDialog | None:
        return self._open_dialog(None)

    def edit_project(self) -> ProjectDialog | None:
        project = self.selected_project()
        return self._open_dialog(project) if project else None

    def _open_dialog(self, project: Project | None) -> ProjectDialog | None:
        if self.backend.read_only:
            return None  # double-click and Enter too: a read-only database is not edited
        if self.snapshot is None:
            return None
        dialog = ProjectDialog(self.backend, self.snapshot, project, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if project is None:
            dialog.accepted.connect(lambda: self.select(dialog.code_edit.text()))
        dialog.open()
        return dialog

    def show_metrics(self) -> MetricsDialog | None:
        """The catalogue of metrics, where coordinators add and change them."""
        if self.snapshot is None or not self.backend.is_open:
            return None
        dialog = MetricsDialog(self.backend, self.snapshot.metrics, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def toggle_active(self) -> QMessageBox | None:
        """Ask, then switch the selected project off (or on again)."""
        project = self.selected_project()
        if project is None or self.backend.read_only:
            return None
        if project.active:
            question = self.tr(
                "Deactivate project {0}? It stays in the lists and its figures "
                "remain, but it accepts no new values."
            ).format(project.name)
            verb = self.tr("&Deactivate")
        else:
            question = self.tr("Reactivate project {0}? It accepts values again.").format(
                project.name
            )
            verb = self.tr("Re&activate")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Change project"),
            question,
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmActiveMessage")
        box.setAccessibleName(self.tr("Confirm the change"))
        confirm = box.addButton(verb, QMessageBox.ButtonRole.AcceptRole)
        confirm.setObjectName("confirmButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        code, active = project.code, not project.active

        def answered(button: QAbstractButton) -> None:
            if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
                self._set_active(code, active)

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def _set_active(self, code: str, active: bool) -> None:
        try:
            self.backend.edit_project(code, active=active)
        except DomainError as error:
            show_error(self, self.backend.message(error))
