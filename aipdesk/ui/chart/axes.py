"""The chart's axes: months of the target period at the bottom, German numbers on the left.

They subclass pyqtgraph's AxisItem, so they are made on first use (`axis_classes()`):
importing this module loads no pyqtgraph.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt

from aipdesk.domain.months import Month
from aipdesk.ui.chart.series import month_tick_step
from aipdesk.ui.common import fmt, month_names


def month_tick_label(month: Month, with_year: bool) -> str:
    name = month_names()[month.month - 1]
    return f"{name} {month.year % 100:02d}" if with_year else name


_AXES: tuple[type, type] | None = None


def axis_classes() -> tuple[type, type]:
    """(MonthAxis, NumberAxis), made on first use so that pyqtgraph is imported only then."""
    global _AXES
    if _AXES is not None:
        return _AXES
    import pyqtgraph as pg

    class MonthAxis(pg.AxisItem):  # type: ignore[misc]
        """Months of the target period at x = 0, 1, …; labels from `month_names()`."""

        def __init__(self) -> None:
            super().__init__("bottom")
            self.months: tuple[Month, ...] = ()
            self._step = 1

        def set_months(self, months: tuple[Month, ...]) -> None:
            if months != self.months:
                self.months = months
                self.picture = None  # pyqtgraph's cached drawing of the axis
                self.update()

        @property
        def with_year(self) -> bool:
            return bool(self.months) and (
                len(self.months) > 12 or self.months[0].year != self.months[-1].year
            )

        def tickValues(
            self, minVal: float, maxVal: float, size: float
        ) -> list[tuple[float, list[float]]]:
            count = len(self.months)
            if not count:
                return []
            first = max(0, math.ceil(minVal))
            last = min(count - 1, math.floor(maxVal))
            if last < first:
                return []
            shown = range(first, last + 1)
            self._step = month_tick_step(len(shown), size)
            major = [float(i) for i in shown if (self.months[i].month - 1) % self._step == 0]
            if self._step == 1:
                return [(1.0, major)]
            minor = [float(i) for i in shown if (self.months[i].month - 1) % self._step]
            return [(float(self._step), major), (1.0, minor)]

        def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
            if spacing < self._step:  # the unlabelled months between the labels
                return [""] * len(values)
            labels = []
            for value in values:
                index = round(value)
                inside = 0 <= index < len(self.months) and abs(value - index) < 1e-6
                labels.append(
                    month_tick_label(self.months[index], self.with_year) if inside else ""
                )
            return labels

    class NumberAxis(pg.AxisItem):  # type: ignore[misc]
        """Values in German format: 17.500, 2,5."""

        def __init__(self) -> None:
            super().__init__("left")
            self.enableAutoSIPrefix(False)

        def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
            step = abs(spacing * scale)
            decimals = 0 if step >= 1 or step == 0 else min(3, math.ceil(-math.log10(step)))
            return [fmt().number(value * scale, decimals) for value in values]

    _AXES = (MonthAxis, NumberAxis)
    return _AXES


def month_plot(parent: Any, name: str, axis_width: int) -> tuple[Any, Any, Any, Any]:
    """A plot over months as the charts draw them: (GraphicsLayoutWidget named `name`,
    its PlotItem, month axis, number axis); no menu, no mouse zoom, horizontal grid."""
    import pyqtgraph as pg

    month_axis_class, number_axis_class = axis_classes()
    view = pg.GraphicsLayoutWidget(parent)
    view.setObjectName(name)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.ci.setContentsMargins(6, 6, 12, 4)
    month_axis, number_axis = month_axis_class(), number_axis_class()
    plot = pg.PlotItem(axisItems={"bottom": month_axis, "left": number_axis})
    view.addItem(plot, row=0, col=0)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.showGrid(x=False, y=True, alpha=0.25)
    plot.getAxis("left").setWidth(axis_width)
    return view, plot, month_axis, number_axis
