"""`BudgetChart`: one budget line's plan curve (cumulative plan) against its spending and
its commitments to date, month by month. pyqtgraph is imported when the chart first has
something to draw (as for `ProgressChart`); until then a label stands in.

The figures are integer cents from `budget status`; the plot takes whole euros (the
drawing's coordinates), the labels and the description are written from the cents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from aipdesk.domain.budget_figures import Figures
from aipdesk.domain.money import CENTS, format_cents
from aipdesk.domain.months import Month
from aipdesk.ui.chart.axes import month_plot
from aipdesk.ui.chart.look import IST_COLOR, PLAN_COLOR, TARGET_COLOR
from aipdesk.ui.common import month_label


@dataclass(frozen=True)
class BudgetChartData:
    """What the chart draws for one line: cents at the end of each month of the year."""

    title: str
    report_month: Month
    plan: tuple[int, ...]  # plan to date, January … December
    spent: tuple[int, ...]  # spent to date, January … report month
    committed: tuple[int, ...]  # committed, January … report month

    @classmethod
    def of(cls, title: str, report_month: Month, curve: tuple[Figures, ...]) -> BudgetChartData:
        upto = curve[: report_month.month]
        return cls(
            title,
            report_month,
            tuple(f.plan_to_date for f in curve),
            tuple(f.spent_to_date for f in upto),
            tuple(f.committed for f in upto),
        )

    @property
    def months(self) -> tuple[Month, ...]:
        return tuple(Month(self.report_month.year, m) for m in range(1, 13))


class BudgetChart(QWidget):
    def __init__(self, parent: QWidget | None = None, lang: str = "de") -> None:
        super().__init__(parent)
        self.setObjectName("budgetChart")
        self.setAccessibleName(self.tr("Budget chart"))
        self.setMinimumSize(360, 200)
        self.lang = lang
        self._data: BudgetChartData | None = None
        self.hint = QLabel(self.tr("Select a budget line in the table to see its chart."), self)
        self.hint.setObjectName("budgetChartHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.hint)
        self.view: Any = None  # pg.GraphicsLayoutWidget, made on the first drawing
        self.plot_item: Any = None
        self.plan_item: Any = None
        self.spent_item: Any = None
        self.committed_item: Any = None

    @property
    def data(self) -> BudgetChartData | None:
        return self._data

    @property
    def is_drawn(self) -> bool:
        return self.view is not None

    def set_data(self, data: BudgetChartData | None) -> None:
        """Draw `data`, if the chart is on screen (else when it is first shown)."""
        if data == self._data and (data is None or self.view is not None):
            return
        self._data = data
        if data is None:
            self._stack.setCurrentWidget(self.hint)
            self.setAccessibleDescription("")
            return
        self.setAccessibleDescription(self.summary())
        if self.isVisible():
            self.draw()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._data is not None:
            self.draw()

    def summary(self) -> str:
        """The figures at the report month, in words (screen readers, the tooltip)."""
        data = self._data
        if data is None:
            return ""
        month = data.report_month.month
        return self.tr(
            "{0}, {1}: plan to date {2} €, spent {3} €, committed {4} €; plan for the year {5} €."
        ).format(
            data.title,
            month_label(data.report_month),
            format_cents(data.plan[month - 1], self.lang),
            format_cents(data.spent[-1] if data.spent else 0, self.lang),
            format_cents(data.committed[-1] if data.committed else 0, self.lang),
            format_cents(data.plan[-1], self.lang),
        )

    def draw(self) -> None:
        data = self._data
        if data is None:
            return
        self._ensure_plot()
        self.month_axis.set_months(data.months)

        def euros(values: tuple[int, ...]) -> tuple[list[int], list[int]]:
            return list(range(len(values))), [cents // CENTS for cents in values]

        self.plan_item.setData(*euros(data.plan))
        self.spent_item.setData(*euros(data.spent))
        self.committed_item.setData(*euros(data.committed))
        text = self.palette().color(QPalette.ColorRole.Text)
        self.plot_item.setTitle(data.title, color=text, size="11pt", bold=True)
        self.plot_item.setLabel(
            "bottom",
            self.tr("Report month {0} · amounts in €").format(month_label(data.report_month)),
            color=text,
        )
        top = max([*data.plan, *data.spent, *data.committed, CENTS]) // CENTS
        self.plot_item.setXRange(-0.4, 11.4, padding=0)
        self.plot_item.setYRange(0, top * 21 // 20, padding=0)
        self._stack.setCurrentWidget(self.view)

    def _ensure_plot(self) -> None:
        if self.view is not None:
            return
        import pyqtgraph as pg

        self.view, self.plot_item, self.month_axis, _ = month_plot(self, "budgetChartView", 84)
        plot = self.plot_item
        base = self.palette().color(QPalette.ColorRole.Base)
        text = self.palette().color(QPalette.ColorRole.Text)
        self.view.setBackground(base)
        for name in ("left", "bottom"):
            plot.getAxis(name).setPen(pg.mkPen(text))
            plot.getAxis(name).setTextPen(pg.mkPen(text))
        # Told apart by style and marker too, never by colour alone.
        self.plan_item = pg.PlotDataItem(
            pen=pg.mkPen(PLAN_COLOR, width=2, style=Qt.PenStyle.DashDotLine)
        )
        self.committed_item = pg.PlotDataItem(
            pen=pg.mkPen(TARGET_COLOR, width=2, style=Qt.PenStyle.DashLine),
            symbol="s",
            symbolSize=6,
            symbolBrush=pg.mkBrush(TARGET_COLOR),
        )
        self.spent_item = pg.PlotDataItem(
            pen=pg.mkPen(IST_COLOR, width=2.5),
            symbol="o",
            symbolSize=7,
            symbolBrush=pg.mkBrush(IST_COLOR),
        )
        for z, item in enumerate((self.plan_item, self.committed_item, self.spent_item)):
            item.setZValue(z)
            plot.addItem(item)
        legend = pg.LegendItem(colCount=3, horSpacing=10, frame=False, labelTextSize="9pt")
        legend.opts["labelTextColor"] = text
        self.view.addItem(legend, row=1, col=0)
        self.view.ci.layout.setAlignment(legend, Qt.AlignmentFlag.AlignHCenter)
        legend.addItem(self.plan_item, self.tr("Plan to date (plan curve)"))
        legend.addItem(self.spent_item, self.tr("Spent to date"))
        legend.addItem(self.committed_item, self.tr("Committed"))
        self._stack.addWidget(self.view)
