"""Before the targets of a year are copied to the next: what is copied, what not, and why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QVBoxLayout, QWidget

from aipdesk.domain.model import Metric, Project, Target
from aipdesk.ui.common import month_label, ok_cancel
from aipdesk.ui.models.targets_model import value_text


class CopyTargetsDialog(QDialog):
    """Lists the copies (project, metric, value) and the targets left as they are, each
    with its reason; OK ("Kopieren") runs the copy as one undoable step."""

    def __init__(
        self,
        year: int,
        copies: Sequence[Target],
        skipped: Sequence[tuple[Target, str]],
        projects: Mapping[str, Project],
        metrics: Mapping[str, Metric],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("copyTargetsDialog")
        self.setWindowTitle(self.tr("Copy targets to {0}").format(year + 1))
        self.setAccessibleName(self.windowTitle())
        self._projects, self._metrics, self._year = projects, metrics, year
        layout = QVBoxLayout(self)
        if copies:
            intro = self.tr(
                "These {0} targets of {1} are copied to {2}, with their plan curves; "
                "the step can be undone:"
            ).format(len(copies), year, year + 1)
        else:
            intro = self.tr("No target of {0} can be copied to {1}.").format(year, year + 1)
        heading = QLabel(intro, self)
        heading.setObjectName("copyIntro")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.copy_list = QListWidget(self)
        self.copy_list.setObjectName("copyList")
        self.copy_list.setAccessibleName(self.tr("Targets to copy"))
        for target in copies:
            self.copy_list.addItem(f"{self._names(target)}: {self._value(target)}")
        self.copy_list.setVisible(bool(copies))
        layout.addWidget(self.copy_list, 2)
        self.skip_list = QListWidget(self)
        self.skip_list.setObjectName("skipList")
        self.skip_list.setAccessibleName(self.tr("Targets not copied"))
        for target, reason in skipped:
            self.skip_list.addItem(f"{self._names(target)}: {self._reason(target, reason)}")
        if skipped:
            label = QLabel(self.tr("Not copied:"), self)
            label.setBuddy(self.skip_list)
            layout.addWidget(label)
            layout.addWidget(self.skip_list, 1)
        else:
            self.skip_list.hide()
        self.buttons, self.ok_button = ok_cancel(self)
        self.ok_button.setText(self.tr("&Copy"))
        self.ok_button.setEnabled(bool(copies))
        self.ok_button.setDefault(True)
        layout.addWidget(self.buttons)
        (self.copy_list if copies else self.skip_list).setFocus()
        # Wide enough for the longest line (names and reasons are long), within the screen.
        texts = [
            w.item(n).text() for w in (self.copy_list, self.skip_list) for n in range(w.count())
        ]
        widest = max((self.fontMetrics().horizontalAdvance(t) for t in texts), default=0)
        line = self.fontMetrics().height()
        screen = self.screen().availableGeometry()
        width = min(max(line * 36, widest + line * 4), int(screen.width() * 0.9))
        self.resize(width, min(line * 30, int(screen.height() * 0.9)))

    def _names(self, target: Target) -> str:
        project = self._projects.get(target.project)
        metric = self._metrics.get(target.metric)
        return (
            f"{project.name if project else target.project} – "
            f"{metric.name if metric else target.metric}"
        )

    def _value(self, target: Target) -> str:
        metric = self._metrics.get(target.metric)
        if target.value is None or metric is None:
            return self.tr("without a number")
        return value_text(target.value, metric)

    def _reason(self, target: Target, reason: str) -> str:
        project = self._projects.get(target.project)
        if reason == "exists":
            return self.tr("already has a target in {0}").format(self._year + 1)
        if reason == "ended":
            if project is not None and not project.active:
                return self.tr("the project is deactivated")
            last = project.period.last if project is not None else None
            return self.tr("the project period ends {0}").format(month_label(last) if last else "")
        return self.tr("its target period {0} is not a calendar year and stays as it is").format(
            target.period
        )
