"""`ProgressChart`: the widget that shows one target's progress (see the package).

pyqtgraph (and numpy with it) costs about 0.3 s to import, so it is imported when the
chart first has something to draw, or shortly after it is first shown; until then a plain
QLabel stands in. The dashboard asks for its first drawing to wait until the window has
painted the figures (`set_data(data, defer=True)`). Later updates reuse the plot items
(`setData`/`setOpts`), because the chart follows every edit in the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGraphicsItem, QLabel, QStackedLayout, QWidget

from aipdesk.domain.model import MetricKind
from aipdesk.domain.months import Month
from aipdesk.ui.chart.axes import month_plot
from aipdesk.ui.chart.look import IST_COLOR, PLAN_COLOR, TARGET_COLOR, apply_palette
from aipdesk.ui.chart.series import (
    ChartLabels,
    Points,
    hover_lines,
    item_points,
    shown,
    to_date,
    y_range,
)
from aipdesk.ui.common import month_label, number_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from aipdesk.services.results import ChartData

BAR_WIDTH = 0.6


class ProgressChart(QWidget):
    """The chart of one target's progress; `set_data(None)` shows a hint instead.

    `preload`: import pyqtgraph shortly after the chart is first shown, before it has
    anything to draw (the dashboard leaves it to its first, deferred, drawing instead).
    """

    def __init__(self, parent: QWidget | None = None, *, preload: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.setAccessibleName(self.tr("Progress chart"))
        self.setAccessibleDescription(self._base_description())
        self.setMinimumSize(360, 240)
        self._data: ChartData | None = None
        self._legend_key: tuple[tuple[int, str], ...] = ()
        self._titles_key: tuple[str, str, str, int] | None = None
        self._range_key: tuple[str, str, Month] | None = None
        self._hover_index: int | None = None
        self._drawn: dict[str, Points] = {}  # what each plot item was given
        self._pending = False  # `_data` waits for the plot to be built (set_data defer=True)
        self._preload = preload
        # A child timer dies with the widget, so a build never runs on a deleted chart.
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.timeout.connect(self.draw_pending)

        # Until pyqtgraph is loaded this label is all there is; later it carries the hint.
        self.hint = QLabel(self._select_text(), self)
        self.hint.setObjectName("chartHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.installEventFilter(self)  # a deferred drawing starts once it has painted
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.hint)

        # pyqtgraph objects, made by `_ensure_plot()`.
        self.view: Any = None  # pg.GraphicsLayoutWidget
        self.plot_item: Any = None  # pg.PlotItem
        self.month_axis: Any = None  # MonthAxis
        self.number_axis: Any = None  # NumberAxis
        self.ibcs = False  # the notation: IBCS (True) or colours (False)
        self.legend: Any = None  # pg.LegendItem, in the row under the plot
        self.bar_item: Any = None  # pg.BarGraphItem: monthly Ist (counts and rates)
        self.level_item: Any = None  # pg.PlotDataItem: a stock's monthly level (a line)
        self.actual_item: Any = None  # pg.PlotDataItem: Ist to date
        self.plan_item: Any = None  # Soll to date
        self.target_item: Any = None  # target value, horizontal
        self.forecast_item: Any = None  # Hochrechnung, dashed
        self.previous_item: Any = None  # Vorjahr, dotted
        self.hover_line: Any = None  # pg.InfiniteLine at the month under the mouse
        self.hover_item: Any = None  # pg.TextItem with `hover_text()`

    # -- public ------------------------------------------------------------------------------
    @property
    def data(self) -> ChartData | None:
        return self._data

    @property
    def is_drawn(self) -> bool:
        """Whether pyqtgraph has been loaded and the plot built."""
        return self.view is not None

    @property
    def is_pending(self) -> bool:
        """Whether the data given waits for the plot to be built (see `set_data`)."""
        return self._pending

    def show_loading(self) -> None:
        """No data yet, but it is coming (the database is still being opened)."""
        self._data = None
        self._pending = False
        self._hide_hover()
        self.hint.setText(self.tr("Loading the chart…"))
        self._stack.setCurrentWidget(self.hint)

    def set_notation(self, ibcs: bool) -> None:
        """Draw in the IBCS notation (True) or in colours (False)."""
        if ibcs == self.ibcs:
            return
        self.ibcs = ibcs
        if self.bar_item is not None:
            self._apply_palette()

    def set_data(self, data: ChartData | None, *, defer: bool = False) -> None:
        """Show the chart of `data`, or the hint when no target is chosen.

        `defer`: while the plot is not built yet, leave building and drawing it until the
        window has painted what it shows now (the hint says the chart is loading), so
        that the figures beside the chart are not kept waiting for pyqtgraph's import.
        `data` is the chart's data at once either way.
        """
        self._data = data
        self._pending = False
        if data is None:
            self._hide_hover()
            self.hint.setText(self._select_text())
            self._stack.setCurrentWidget(self.hint)
            self.setAccessibleDescription(self._base_description())
            return
        if defer and self.view is None:
            self._pending = True
            self.hint.setText(self.tr("Loading the chart…"))
            self._stack.setCurrentWidget(self.hint)
            self.hint.update()  # its paint starts the build, also if it showed this already
            return
        self._ensure_plot()
        self._draw(data)
        self._stack.setCurrentWidget(self.view)

    def draw_pending(self) -> None:
        """Build the plot now (importing pyqtgraph) and draw the data that waits for it."""
        self._build_timer.stop()
        self._ensure_plot()
        if self._pending and self._data is not None:
            self.set_data(self._data)

    def labels(self) -> ChartLabels:
        """Legend and hover labels; a stock's line is a running average, a ratio's a rate."""
        kind = self._data.metric.kind if self._data else MetricKind.FLOW
        if kind is MetricKind.STOCK:
            monthly, actual = self.tr("Monthly level"), self.tr("Average to date")
        elif kind is MetricKind.RATIO:
            monthly, actual = self.tr("Monthly rate"), self.tr("Rate to date")
        else:
            monthly, actual = self.tr("Monthly actual"), self.tr("Actual to date")
        return ChartLabels(
            monthly=monthly,
            actual=actual,
            plan=self.tr("Plan to date"),
            target=self.tr("Target"),
            forecast=self.tr("Forecast"),
            previous=self.tr("Previous year"),
        )

    def title(self) -> str:
        if self._data is None:
            return ""
        return f"{self._data.project.name} – {self._data.metric.name}"

    def hover_text(self, month_index: int) -> str:
        """Month, Ist and Soll of one month of the period (what the mouse shows)."""
        data = self._data
        if data is None:
            return ""
        lines = hover_lines(data, month_index, self.labels(), _texts(data), month_label)
        return "\n".join(lines)

    # -- Qt overrides ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._preload and self.view is None and not self._build_timer.isActive():
            # Load pyqtgraph shortly after the window is on screen (never before its first
            # paint: start-up), so that the first chart is quick.
            self._build_timer.start(1500)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.hint and event.type() == QEvent.Type.Paint and self._pending:
            # The hint is painted with everything else the window had to show; the plot
            # is built right after that paint has reached the screen.
            self._build_timer.start(0)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.view is not None:
            self._apply_palette()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_legend()
        if self.view is not None and self._data is not None:
            self._set_titles(self._data)  # the value axis' title may fit now, or no longer

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._hide_hover()

    # -- building ------------------------------------------------------------------------------
    def _select_text(self) -> str:
        return self.tr("Select a target in the table to see its chart.")

    def _base_description(self) -> str:
        return self.tr(
            "Chart of one target's progress: monthly actual values as bars; "
            "actual to date, plan to date, target, forecast and previous year "
            "as lines."
        )

    def _ensure_plot(self) -> None:
        if self.view is not None:
            return
        import pyqtgraph as pg

        self.view, plot, self.month_axis, self.number_axis = month_plot(self, "chartView", 62)
        self.plot_item = plot
        # Axes (and the grid lines the left one draws across the plot) are kept as pixmaps:
        # an edit redraws the lines and bars, not every tick label again.
        for axis in (self.month_axis, self.number_axis):
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

        self.bar_item = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH, pen=None)
        # A stock's levels vary by a few percent, so its axis does not start at zero: bars
        # cut off at the bottom would lie about the levels; a line with squares does not.
        self.level_item = pg.PlotDataItem(symbol="s", symbolSize=6)
        self.previous_item = pg.PlotDataItem(pen=pg.mkPen(width=1.5, style=Qt.PenStyle.DotLine))
        self.plan_item = pg.PlotDataItem(
            pen=pg.mkPen(PLAN_COLOR, width=2, style=Qt.PenStyle.DashDotLine)
        )
        self.target_item = pg.PlotDataItem(pen=pg.mkPen(TARGET_COLOR, width=2))
        self.forecast_item = pg.PlotDataItem(
            pen=pg.mkPen(IST_COLOR, width=2.5, style=Qt.PenStyle.DashLine)
        )
        self.actual_item = pg.PlotDataItem(
            pen=pg.mkPen(IST_COLOR, width=2.5), symbol="o", symbolSize=7
        )
        for z, item in enumerate(
            (
                self.bar_item,
                self.level_item,
                self.previous_item,
                self.plan_item,
                self.target_item,
                self.forecast_item,
                self.actual_item,
            )
        ):
            item.setZValue(z)
            plot.addItem(item)

        self.hover_line = pg.InfiniteLine(angle=90, movable=False)
        self.hover_line.setZValue(20)
        self.hover_item = pg.TextItem(anchor=(0, 0))
        self.hover_item.setZValue(30)
        for item in (self.hover_line, self.hover_item):
            item.hide()
            plot.addItem(item, ignoreBounds=True)

        self.legend = pg.LegendItem(
            colCount=3, horSpacing=10, verSpacing=-4, frame=False, labelTextSize="9pt"
        )
        self.view.addItem(self.legend, row=1, col=0)
        self.view.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignHCenter)
        self.view.scene().sigMouseMoved.connect(self._mouse_moved)

        self._apply_palette()
        self._fit_legend()
        self._stack.addWidget(self.view)

    def _apply_palette(self) -> None:
        apply_palette(self)

    # -- drawing ---------------------------------------------------------------------------------
    def _draw(self, data: ChartData) -> None:
        count = len(data.months)
        self.month_axis.set_months(data.months)
        # Only what changed is handed to pyqtgraph (an item given data is computed and drawn
        # anew): after an edit, the bars, Ist and forecast of a month or two.
        for name, xy in item_points(data).items():
            if self._drawn.get(name) != xy:
                self._drawn[name] = xy
                item = getattr(self, f"{name}_item")
                if item is self.bar_item:
                    item.setOpts(x=xy[0], height=xy[1], width=BAR_WIDTH)
                else:
                    item.setData(*xy)
        self._set_titles(data)
        self._update_legend(data)
        self.plot_item.setXRange(-0.6, count - 0.4, padding=0)
        self._set_y_range(data)
        self.setAccessibleDescription(self._summary(data))
        if self._hover_index is not None:
            self._show_hover(self._hover_index)

    def _set_y_range(self, data: ChartData) -> None:
        """The value axis for `data`; after an edit of the same target it stays where it
        is while everything still fits and no more than 5 % of it is left empty, so that
        the axis with its labels and grid lines is not drawn anew for every edit."""
        low, high = y_range(data)
        key = (data.project.code, data.metric.code, data.target.first)
        (shown_low, shown_high), same = self.plot_item.viewRange()[1], key == self._range_key
        self._range_key = key
        fits = shown_low <= low and high <= shown_high
        if same and fits and shown_high - shown_low <= (high - low) * 1.05:
            return
        self.plot_item.setYRange(low, high, padding=0)

    def _set_titles(self, data: ChartData) -> None:
        """Title and axis labels; set only when they change (pyqtgraph then lays out and
        repaints both axes, the dearest part of drawing the chart again after an edit)."""
        text = self.palette().color(QPalette.ColorRole.Text)
        left = self._left_title(data)
        bottom = self.tr("Target period {0} – {1} · report month {2}").format(
            month_label(data.months[0]),
            month_label(data.months[-1]),
            month_label(data.report_month),
        )
        key = (self.title(), left, bottom, text.rgba())
        if key == self._titles_key:
            return
        self._titles_key = key
        self.plot_item.setTitle(key[0], color=text, size="12pt", bold=True)
        self.plot_item.setLabel("left", left, color=text)
        self.plot_item.setLabel("bottom", bottom, color=text)

    def _left_title(self, data: ChartData) -> str:
        """The value axis' title: the metric's name where the plot is tall enough for it,
        else what is counted (the chart's title names the metric anyway)."""
        unit = data.metric.unit
        name = data.metric.name
        room = self.height() - 150  # title, month axis with its title, legend
        if self.fontMetrics().horizontalAdvance(f"{name} ({unit})" if unit else name) > room:
            name = {
                MetricKind.STOCK: self.tr("Level"),
                MetricKind.RATIO: self.tr("Rate"),
                MetricKind.FLOW: self.tr("Count"),
            }[data.metric.kind]
        return f"{name} ({unit})" if unit else name

    def _update_legend(self, data: ChartData) -> None:
        """Entries for the lines that have something to show; rebuilt only when that changes."""
        labels = self.labels()
        show = shown(data)
        stock = data.metric.kind is MetricKind.STOCK
        entries = [
            (self.level_item if stock else self.bar_item, labels.monthly, show.monthly),
            (self.actual_item, labels.actual, show.actual),
            (self.plan_item, labels.plan, show.plan),
            (self.target_item, labels.target, show.target),
            (self.forecast_item, labels.forecast, show.forecast),
            (self.previous_item, labels.previous, show.previous),
        ]
        key = tuple((id(item), name) for item, name, visible in entries if visible)
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        for item, name, visible in entries:
            if visible:
                self.legend.addItem(item, name)

    def _fit_legend(self) -> None:
        """One row of six entries when the chart is wide, else two or three columns."""
        if self.legend is not None:
            width = self.width()
            self.legend.setColumnCount(6 if width >= 900 else 3 if width >= 520 else 2)

    def _summary(self, data: ChartData) -> str:
        """What a screen reader says about the chart: the figures at the report month."""
        actual, plan = to_date(data)
        text = _texts(data)
        return self.tr(
            "{0}. Actual to date {1}, plan to date {2}, target {3}, forecast {4} "
            "(report month {5})."
        ).format(
            self.title(),
            text(actual),
            text(plan),
            text(data.target.value),
            text(data.forecast),
            month_label(data.report_month),
        )

    # -- hover -----------------------------------------------------------------------------------
    def _mouse_moved(self, pos: QPointF) -> None:
        if self._data is None or self.plot_item is None:
            return
        box = self.plot_item.vb
        if not box.sceneBoundingRect().contains(pos):
            self._hide_hover()
            return
        index = round(box.mapSceneToView(pos).x())
        if 0 <= index < len(self._data.months):
            self._show_hover(index)
        else:
            self._hide_hover()

    def _show_hover(self, index: int) -> None:
        if self._data is None or self.hover_item is None:
            return
        self._hover_index = index
        (left, right), (_bottom, top) = self.plot_item.viewRange()
        on_right = index > (left + right) / 2
        self.hover_item.setAnchor((1, 0) if on_right else (0, 0))
        self.hover_item.setText(self.hover_text(index))
        self.hover_item.setPos(index + (-0.4 if on_right else 0.4), top)
        self.hover_line.setValue(index)
        self.hover_line.show()
        self.hover_item.show()

    def _hide_hover(self) -> None:
        self._hover_index = None
        if self.hover_item is not None:
            self.hover_item.hide()
            self.hover_line.hide()


def _texts(data: ChartData) -> Callable[[float | None], str]:
    """How the chart writes a figure of `data`: German format, its unit, "–" for none."""
    return lambda value: number_text(value, data.metric) or "–"
