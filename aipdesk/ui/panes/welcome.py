"""The first start: while no value is logged, the Übersicht opens with three steps, each a
button that leads there (enter values, check the targets, export the workbook)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from aipdesk.services.results import Snapshot


def is_empty(snapshot: Snapshot) -> bool:
    """Whether nothing is logged in the year shown (the year shown by default is the
    latest with values, so on a database with values this is not the first start)."""
    return not any(
        value is not None
        for grid in snapshot.grids.values()
        for row in grid.rows
        for value in row.values
    )


class WelcomePanel(QFrame):
    enter_values = Signal()
    check_targets = Signal()
    export = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.setAccessibleName(self.tr("Getting started"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(self.tr("Welcome to aipdesk"), self)
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr("No values are logged for this year yet. Three steps to the first report:"),
            self,
        )
        intro.setWordWrap(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title, 0, 0, 1, 2)
        layout.addWidget(intro, 1, 0, 1, 2)
        steps = (
            (
                "welcomeEnterValues",
                self.tr("1. Enter values"),
                self.tr("Each project's monthly figures in the entry grid (Integrationen)."),
                self.enter_values,
            ),
            (
                "welcomeCheckTargets",
                self.tr("2. Check the targets"),
                self.tr("The year's target values and plan curves (Ziele)."),
                self.check_targets,
            ),
            (
                "welcomeExport",
                self.tr("3. Export the workbook"),
                self.tr("The Excel workbook for management, with an overview and charts."),
                self.export,
            ),
        )
        for number, (name, text, explanation, signal) in enumerate(steps, start=2):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(signal.emit)
            label = QLabel(explanation, self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            layout.addWidget(button, number, 0)
            layout.addWidget(label, number, 1)
        layout.setColumnStretch(1, 1)
        self.hide()

    def buttons(self) -> list[QPushButton]:
        return [b for b in self.findChildren(QPushButton) if b.objectName().startswith("welcome")]
