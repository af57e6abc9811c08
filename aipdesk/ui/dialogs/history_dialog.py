"""The history of one monthly value: who changed it when, from what to what (change log)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.audit import Change, describe
from aipdesk.domain.escape import visible
from aipdesk.domain.money import format_cents
from aipdesk.ui.common import fmt

SOURCES = ("cli", "gui", "import", "merge", "demo", "catalogue")


class HistoryDialog(QDialog):
    def __init__(
        self,
        changes: list[Change],
        title: str,
        parent: QWidget | None = None,
        told: Callable[[Any], str] | None = None,
    ) -> None:
        """`told` says what an entry held (default: a monthly value with its note)."""
        super().__init__(parent)
        self._told = told
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History"))
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setObjectName("historyTitle")
        layout.addWidget(heading)
        self.table = QTableWidget(len(changes), 5, self)
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("Changes of this value"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Source"),
                self.tr("Before"),
                self.tr("After"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, change in enumerate(reversed(changes)):  # newest first
            cells = (
                fmt().timestamp(change.at),
                change.user,
                self._source(change.source),
                self._value(change.old),
                self._value(change.new),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        if not changes:
            layout.addWidget(QLabel(self.tr("No changes recorded for this value."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def _source(self, source: str) -> str:
        names = {
            "cli": self.tr("command line"),
            "gui": self.tr("window"),
            "import": self.tr("import"),
            "merge": self.tr("merge"),
            "demo": self.tr("demo data"),
            "catalogue": self.tr("catalogue"),
        }
        return names.get(source, source)

    def _value(self, payload: Any) -> str:
        if self._told is not None:
            return self._told(payload)
        return describe(payload, fmt().number)


def due_of(change: Any) -> int | None:
    """The year a logged commitment falls due (None: not said, or spending)."""
    payload = change.new or change.old
    due = payload.get("due_year") if isinstance(payload, dict) else None
    return due if isinstance(due, int) else None


def amount_text(payload: Any) -> str:
    """A logged budget entry as people read it: "1.234,56 €" with its note."""
    if not isinstance(payload, dict) or not isinstance(payload.get("amount_cents"), int):
        return "–"
    text = format_cents(payload["amount_cents"], symbol=True)
    note = payload.get("note")
    return f"{text} ({visible(note)})" if note else text
