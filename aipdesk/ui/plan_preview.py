"""The Soll line of a target over its period, painted with QPainter: the plan-curve
editor's live preview and the targets pane's picture of the selected target."""

from __future__ import annotations

import math
from itertools import accumulate
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from aipdesk.domain.curves import planned_schedule
from aipdesk.domain.model import Metric, MetricKind, Target
from aipdesk.domain.months import Month
from aipdesk.ui.common import decimals_for, fmt, month_label, muted


def plan_line(metric: Metric, target: Target) -> tuple[float | None, ...]:
    """The planned Soll at each period month (the schedule the chart's Soll line follows)."""
    return tuple(planned_schedule(metric, target))


def _share_line(target: Target) -> tuple[float, ...]:
    """The cumulative planned share in percent, for a target without a number yet."""
    return tuple(100.0 * share for share in accumulate(target.weight_list()))


def _ticks(maximum: float) -> tuple[list[float], float]:
    """About four round steps (1, 2, 2.5, 5 × 10^k) from 0 to at least `maximum`."""
    maximum = maximum if maximum > 0 else 1.0
    raw = maximum / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    count = math.ceil(maximum / step - 1e-9)
    return [k * step for k in range(count + 1)], count * step


class PlanPreview(QWidget):
    """The Soll line over a target's period: a small QPainter chart.

    One line and two axes need no pyqtgraph, and the panes then do not pay its
    import time at start-up. The figures are also given as accessible description.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Soll line preview"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._months: tuple[Month, ...] = ()
        self._values: tuple[float, ...] = ()
        self._goal: float | None = None
        self._marker: int | None = None
        self._unit = ""
        self._decimals = 0
        self._empty = self.tr("Select a target to see its Soll line.")

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 60, self.fontMetrics().height() * 14)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 30, self.fontMetrics().height() * 8)

    def values(self) -> tuple[float, ...]:
        """What the line shows, one value per period month (empty when nothing is shown)."""
        return self._values

    def clear(self, text: str = "") -> None:
        self._months, self._values, self._goal, self._marker = (), (), None, None
        self._empty = text or self.tr("Select a target to see its Soll line.")
        self.setAccessibleDescription(self._empty)
        self.update()

    def show_target(
        self, metric: Metric, target: Target, report_month: Month | None = None
    ) -> None:
        months = tuple(target.period.months())
        if target.value is None:
            if metric.kind is MetricKind.STOCK:
                self.clear(self.tr("No target number yet: there is no Soll to show."))
                return
            values, goal, unit, decimals = _share_line(target), 100.0, "%", 0
        else:
            values = tuple(v or 0.0 for v in plan_line(metric, target))
            goal, unit, decimals = target.value, metric.unit, decimals_for(metric)
        self._months, self._values, self._goal = months, values, goal
        self._unit, self._decimals = unit, decimals
        inside = report_month is not None and target.period.contains(report_month)
        self._marker = months.index(report_month) if inside and report_month else None
        self.setAccessibleDescription(
            self.tr("Soll from {0} in {1} to {2} in {3}").format(
                self._text(values[0]),
                month_label(months[0]),
                self._text(values[-1]),
                month_label(months[-1]),
            )
        )
        self.update()

    def _text(self, value: float, decimals: int | None = None) -> str:
        text = fmt().number(value, self._decimals if decimals is None else decimals)
        return f"{text} %" if self._unit == "%" else text

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self._values:
            painter.setPen(muted(self))
            painter.drawText(
                QRectF(self.rect()),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self._empty,
            )
            return
        fm = self.fontMetrics()
        pad = fm.height() / 2
        ticks, top = _ticks(max((*self._values, self._goal or 0.0)))
        step = ticks[1] if len(ticks) > 1 else top
        decimals = 0 if float(step).is_integer() else (1 if float(step * 10).is_integer() else 2)
        labels = [self._text(t, decimals) for t in ticks]
        left = max(fm.horizontalAdvance(label) for label in labels) + 2 * pad
        plot = QRectF(
            left,
            fm.height() + pad,
            self.width() - left - 2 * pad,
            self.height() - 2 * fm.height() - 3 * pad,
        )
        if plot.width() < 20 or plot.height() < 20:
            return
        n = len(self._values)

        def x(i: float) -> float:
            return plot.left() + (i + 0.5) * plot.width() / n

        def y(v: float) -> float:
            return plot.bottom() - v / top * plot.height()

        text_color = palette.color(QPalette.ColorRole.Text)
        for tick, label in zip(ticks, labels, strict=True):
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
            painter.drawLine(QPointF(plot.left(), y(tick)), QPointF(plot.right(), y(tick)))
            painter.setPen(text_color)
            painter.drawText(
                QRectF(0, y(tick) - fm.height() / 2, left - pad, fm.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
        self._paint_months(painter, plot, x, fm.horizontalAdvance("Mmm 0000") + pad)
        if self._goal is not None:
            pen = QPen(text_color, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(
                QPointF(plot.left(), y(self._goal)), QPointF(plot.right(), y(self._goal))
            )
            painter.drawText(
                QRectF(
                    plot.left(), y(self._goal) - fm.height() - 2, plot.width() - pad, fm.height()
                ),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                self.tr("Target {0}").format(self._text(self._goal)),
            )
        if self._marker is not None:
            painter.setPen(QPen(muted(self), 1, Qt.PenStyle.DotLine))
            painter.drawLine(
                QPointF(x(self._marker), plot.top()), QPointF(x(self._marker), plot.bottom())
            )
            painter.setPen(text_color)
            label = self.tr("Report month")
            width = fm.horizontalAdvance(label) + 2
            left_edge = min(max(0.0, x(self._marker) - width / 2), self.width() - width)
            painter.drawText(
                QRectF(left_edge, 0, width, fm.height()), int(Qt.AlignmentFlag.AlignCenter), label
            )
        line = QPen(palette.color(QPalette.ColorRole.Highlight), max(2.0, fm.height() / 8))
        painter.setPen(line)
        points = [QPointF(x(i), y(v)) for i, v in enumerate(self._values)]
        painter.drawPolyline(points)
        if n <= 24:
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            for point in points:
                painter.drawEllipse(point, 2.5, 2.5)

    def _paint_months(self, painter: QPainter, plot: QRectF, x: Any, label_width: float) -> None:
        """Month labels under the axis, as many as fit: every month, quarter, half or year."""
        n = len(self._months)
        step = next((s for s in (1, 2, 3, 6, 12, 24) if s * plot.width() / n >= label_width), 48)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        height = self.fontMetrics().height()
        for i, month in enumerate(self._months):
            if month.index % step and not (step == 1 or n == 1):
                continue
            painter.drawLine(QPointF(x(i), plot.bottom()), QPointF(x(i), plot.bottom() + 4))
            painter.drawText(
                QRectF(x(i) - label_width / 2, plot.bottom() + 6, label_width, height),
                int(Qt.AlignmentFlag.AlignCenter),
                month_label(month),
            )
