"""The monthly close in the window: report, approve and reopen a project's month from the
context menu of the Meldestand matrix and of the entry grids.

Each action runs the same operation as `aipdesk month close|approve|reopen` through the
backend (one undo step, named with the project and month as people know them);
reopening asks for the reason first. A refusal (the month incomplete, a colleague's
change in between, no right to approve) is shown in one line.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.closing import MonthState
from aipdesk.domain.errors import DomainError
from aipdesk.domain.messages import Note
from aipdesk.domain.model import Project
from aipdesk.domain.months import Month
from aipdesk.format import month_words
from aipdesk.services.operation import told
from aipdesk.ui.backend import Backend
from aipdesk.ui.common import month_label, show_error


class ReopenDialog(QDialog):
    """`reopenDialog`: why a reported or approved month is opened again (required)."""

    def __init__(self, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reopenDialog")
        self.setWindowTitle(self.tr("Reopen month"))
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr(
                "{0}: why is the month opened again? The reason is kept in the history."
            ).format(where),
            self,
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reopenReason")
        self.reason.setTabChangesFocus(True)
        label.setBuddy(self.reason)
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Reopen"))
        self.ok.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.reason.toPlainText().strip()))
        )

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class DeadlineDialog(QDialog):
    """`deadlineDialog`: the Meldeschluss of a month for every project (`deadlineEdit`);
    the 10th of the following month unless a coordinator moves it."""

    def __init__(self, month: Month, due: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineDialog")
        self.setWindowTitle(self.tr("Deadline"))
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr("Deadline for {0} (default: the 10th of the following month):").format(
                month_label(month)
            ),
            self,
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.edit = QDateEdit(QDate(due.year, due.month, due.day), self)
        self.edit.setObjectName("deadlineEdit")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy")
        label.setBuddy(self.edit)
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def due(self) -> date:
        chosen = self.edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())


class MonthClose:
    """Builds the month actions of a context menu and runs them for one pane."""

    def __init__(self, backend: Backend, parent: QWidget) -> None:
        self.backend = backend
        self.parent = parent

    def add_deadline(self, menu: QMenu, month: Month, due: date) -> None:
        """The coordinators' action: move the Meldeschluss of `month` (all projects)."""
        action = menu.addAction(QCoreApplication.translate("MonthClose", "Change deadline…"))
        action.setObjectName("actionSetDeadline")
        action.triggered.connect(lambda: self.ask_deadline(month, due))

    def ask_deadline(self, month: Month, due: date) -> DeadlineDialog:
        dialog = DeadlineDialog(month, due, self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_deadline(month, dialog.due()))
        dialog.open()
        return dialog

    def set_deadline(self, month: Month, due: date) -> bool:
        from aipdesk.services.closing import SetDeadline

        return self._run(SetDeadline(month, due))

    def add_to(self, menu: QMenu, project: Project, month: Month, state: MonthState) -> None:
        """The three actions for `project`'s `month`, enabled as its `state` allows."""
        where = f"{project.name} · {month_label(month)}"
        menu.addSeparator()
        report = menu.addAction(QCoreApplication.translate("MonthClose", "Report month"))
        report.setObjectName("actionReportMonth")
        report.setEnabled(state is MonthState.OPEN)
        report.triggered.connect(lambda: self.report(project, month))
        approve = menu.addAction(QCoreApplication.translate("MonthClose", "Approve month"))
        approve.setObjectName("actionApproveMonth")
        approve.setEnabled(state is MonthState.REPORTED)
        approve.triggered.connect(lambda: self.approve(project, month))
        reopen = menu.addAction(QCoreApplication.translate("MonthClose", "Reopen month…"))
        reopen.setObjectName("actionReopenMonth")
        reopen.setEnabled(state is not MonthState.OPEN)
        reopen.triggered.connect(lambda: self.ask_reopen(project, month))
        for action in (report, approve, reopen):  # the menu stays narrow: the month as a tip
            action.setToolTip(f"{action.text()}: {where}")
            action.setStatusTip(f"{action.text()}: {where}")

    def _text(self, note: Note, project: Project, month: Month) -> tuple[str, str]:
        return told(note, project=project.name, month=month_words(month))

    def report(self, project: Project, month: Month) -> bool:
        from aipdesk.services.closing import ReportMonth

        text = self._text(Note.op_report_month, project, month)
        return self._run(ReportMonth(project.code, month, text=text))

    def approve(self, project: Project, month: Month) -> bool:
        from aipdesk.services.closing import ApproveMonth

        text = self._text(Note.op_approve_month, project, month)
        return self._run(ApproveMonth(project.code, month, text=text))

    def ask_reopen(self, project: Project, month: Month) -> ReopenDialog:
        dialog = ReopenDialog(f"{project.name} · {month_label(month)}", self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.reopen(project, month, dialog.text()))
        dialog.open()
        return dialog

    def reopen(self, project: Project, month: Month, reason: str) -> bool:
        from aipdesk.services.closing import ReopenMonth

        text = self._text(Note.op_reopen_month, project, month)
        return self._run(ReopenMonth(project.code, month, reason, text=text))

    def _run(self, op: Any) -> bool:
        try:
            self.backend.execute(op, self.parent)
        except DomainError as error:
            show_error(self.parent, self.backend.message(error))
            return False
        return True
