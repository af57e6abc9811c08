"""The progress chart of one target: monthly Ist as bars; Ist to date, Soll, target value,
Hochrechnung and Vorjahr as lines.

pyqtgraph (and numpy with it) costs about 0.3 s to import, so it is imported when the
chart first has something to draw, or right after it is first shown; until then a plain
QLabel stands in. Later updates reuse the plot items (`setData`/`setOpts`), because the
chart follows every edit in the table.

Run alone for a look: ``python -m aipdesk.ui.chart [DB] [--screenshot out.png]``.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from aipdesk import format as fmt
from aipdesk.domain.model import MetricKind
from aipdesk.domain.months import Month
from aipdesk.ui.common import month_label, month_names, muted, number_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from aipdesk.services.results import ChartData

# Okabe–Ito colours, safe for the common colour-vision deficiencies. The lines differ by
# style and marker too (solid with points, dash-dot, dashed, dotted), never by colour alone.
IST_COLOR = "#0072B2"  # blue: Ist to date (solid, points) and its Hochrechnung (dashed)
BAR_COLOR = "#56B4E9"  # sky blue: monthly Ist (bars, translucent)
PLAN_COLOR = "#D55E00"  # vermillion: Soll (dash-dot)
TARGET_COLOR = "#009E73"  # bluish green: target value (solid, horizontal)
# On a dark palette the blue is too dim; sky blue takes its place and the bars turn grey-blue.
IST_COLOR_DARK = "#56B4E9"
BAR_COLOR_DARK = "#2F6F95"
# Vorjahr uses the palette's muted text colour (thin, dotted).

BAR_WIDTH = 0.6
BAR_ALPHA = 140


@dataclass(frozen=True)
class ChartLabels:
    """The legend and hover labels, in the UI language."""

    monthly: str
    actual: str
    plan: str
    target: str
    forecast: str
    previous: str


def _points(values: Sequence[float | None]) -> tuple[list[float], list[float]]:
    """x (month index) and y of the values that are there; None leaves a gap."""
    xs: list[float] = []
    ys: list[float] = []
    for index, value in enumerate(values):
        if value is not None:
            xs.append(float(index))
            ys.append(float(value))
    return xs, ys


def reported(data: ChartData) -> tuple[list[float | None], list[float | None]]:
    """Monthly Ist and Vorjahr as of the report month: values logged for later months
    (or, for Vorjahr, whose previous-year month is later) are not drawn."""
    monthly = [
        v if m <= data.report_month else None
        for m, v in zip(data.months, data.monthly, strict=True)
    ]
    previous = [
        v if m.shift(-12) <= data.report_month else None
        for m, v in zip(data.months, data.previous, strict=True)
    ]
    return monthly, previous


def plan_is_target(data: ChartData) -> bool:
    """A stock's Soll is the target value in every month: one line shows both."""
    value = data.target.value
    return value is not None and all(
        p is not None and math.isclose(p, value, rel_tol=1e-9) for p in data.plan
    )


def forecast_points(data: ChartData) -> tuple[list[float], list[float]]:
    """The dashed Hochrechnung: from the last Ist to date to the forecast at the period end.

    A stock's Ist is already the running average and its Hochrechnung that same average,
    so its line runs flat at the forecast.
    """
    xs, ys = _points(data.cumulative)
    if data.forecast is None or not xs:
        return [], []
    last = float(len(data.months) - 1)
    start = data.forecast if data.metric.kind is MetricKind.STOCK else ys[-1]
    return [xs[-1], last], [float(start), float(data.forecast)]


def month_tick_label(month: Month, with_year: bool) -> str:
    name = month_names()[month.month - 1]
    return f"{name} {month.year % 100:02d}" if with_year else name


def month_tick_step(count: int, pixels: float, label_pixels: float = 46.0) -> int:
    """Every how many months a label fits: 1, 2, 3, 6 or 12 (aligned to January)."""
    per_month = pixels / max(1, count)
    for step in (1, 2, 3, 6):
        if per_month * step >= label_pixels:
            return step
    return 12


_AXES: tuple[type, type] | None = None


def _axis_classes() -> tuple[type, type]:
    """The axis subclasses, made on first use so that pyqtgraph is imported only then."""
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
            return [fmt.number(value * scale, decimals) for value in values]

    _AXES = (MonthAxis, NumberAxis)
    return _AXES


class ProgressChart(QWidget):
    """The chart of one target's progress; `set_data(None)` shows a hint instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.setAccessibleName(self.tr("Progress chart"))
        self.setAccessibleDescription(self._base_description())
        self.setMinimumSize(360, 240)
        self._data: ChartData | None = None
        self._legend_key: tuple[tuple[int, str], ...] = ()
        self._hover_index: int | None = None
        # A child timer dies with the widget, so a build never runs on a deleted chart.
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        # Shortly after the window is on screen (never before its first paint: start-up).
        self._build_timer.setInterval(1500)
        self._build_timer.timeout.connect(self._ensure_plot)

        # Until pyqtgraph is loaded this label is all there is; later it carries the hint.
        self.hint = QLabel(self.tr("Select a target in the table to see its chart."), self)
        self.hint.setObjectName("chartHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.hint)

        # pyqtgraph objects, made by `_ensure_plot()`.
        self.view: Any = None  # pg.GraphicsLayoutWidget
        self.plot_item: Any = None  # pg.PlotItem
        self.month_axis: Any = None  # MonthAxis
        self.number_axis: Any = None  # NumberAxis
        self.legend: Any = None  # pg.LegendItem, in the row under the plot
        self.bar_item: Any = None  # pg.BarGraphItem: monthly Ist
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

    def set_data(self, data: ChartData | None) -> None:
        """Show the chart of `data`, or the hint when no target is chosen."""
        self._data = data
        if data is None:
            self._hide_hover()
            self._stack.setCurrentWidget(self.hint)
            self.setAccessibleDescription(self._base_description())
            return
        self._ensure_plot()
        self._draw(data)
        self._stack.setCurrentWidget(self.view)

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
        if data is None or not 0 <= month_index < len(data.months):
            return ""
        labels = self.labels()
        monthly, previous = reported(data)

        def text(value: float | None) -> str:
            return number_text(value, data.metric) or "–"

        lines = [
            month_label(data.months[month_index]),
            f"{labels.monthly}: {text(monthly[month_index])}",
            f"{labels.actual}: {text(data.cumulative[month_index])}",
            f"{labels.plan}: {text(data.plan[month_index])}",
        ]
        if month_index == len(data.months) - 1 and data.forecast is not None:
            lines.append(f"{labels.forecast}: {text(data.forecast)}")
        if previous[month_index] is not None:
            lines.append(f"{labels.previous}: {text(previous[month_index])}")
        return "\n".join(lines)

    # -- Qt overrides ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.view is None:
            # Load pyqtgraph once the window is on screen and idle, so a chart is quick.
            self._build_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.view is not None:
            self._apply_palette()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_legend()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._hide_hover()

    # -- building ------------------------------------------------------------------------------
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

        month_axis_class, number_axis_class = _axis_classes()
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setObjectName("chartView")
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.ci.setContentsMargins(6, 6, 12, 4)
        self.month_axis = month_axis_class()
        self.number_axis = number_axis_class()
        plot = pg.PlotItem(axisItems={"bottom": self.month_axis, "left": self.number_axis})
        self.plot_item = plot
        self.view.addItem(plot, row=0, col=0)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=False, y=True, alpha=0.25)
        plot.getAxis("left").setWidth(62)

        self.bar_item = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH, pen=None)
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
        import pyqtgraph as pg

        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        grey = muted(self)
        dark = base.lightness() < 128
        ist = QColor(IST_COLOR_DARK if dark else IST_COLOR)
        bar = QColor(BAR_COLOR_DARK if dark else BAR_COLOR)
        bar.setAlpha(BAR_ALPHA)

        self.view.setBackground(base)
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self.bar_item.setOpts(brush=pg.mkBrush(bar))
        self.previous_item.setPen(pg.mkPen(grey, width=1.5, style=Qt.PenStyle.DotLine))
        self.forecast_item.setPen(pg.mkPen(ist, width=2.5, style=Qt.PenStyle.DashLine))
        self.actual_item.setPen(pg.mkPen(ist, width=2.5))
        self.actual_item.setSymbolBrush(pg.mkBrush(ist))
        self.actual_item.setSymbolPen(pg.mkPen(base, width=1))
        self.hover_line.setPen(pg.mkPen(grey, width=1))
        self.hover_item.setColor(text)
        fill = QColor(base)
        fill.setAlpha(235)
        self.hover_item.fill = pg.mkBrush(fill)
        self.hover_item.border = pg.mkPen(grey)
        self.legend.opts["labelTextColor"] = text
        for _sample, label in self.legend.items:
            label.setText(label.text, color=text)
        if self._data is not None:
            self._set_titles(self._data)

    # -- drawing ---------------------------------------------------------------------------------
    def _draw(self, data: ChartData) -> None:
        count = len(data.months)
        monthly, previous = reported(data)
        self.month_axis.set_months(data.months)
        xs, heights = _points(monthly)
        self.bar_item.setOpts(x=xs, height=heights, width=BAR_WIDTH)
        self.actual_item.setData(*_points(data.cumulative))
        self.plan_item.setData(*_points([] if plan_is_target(data) else data.plan))
        self.previous_item.setData(*_points(previous))
        self.forecast_item.setData(*forecast_points(data))
        value = data.target.value
        if value is None:
            self.target_item.setData([], [])
        else:
            self.target_item.setData([-0.5, count - 0.5], [float(value), float(value)])

        self._set_titles(data)
        self._update_legend(data)
        self.plot_item.setXRange(-0.6, count - 0.4, padding=0)
        self.plot_item.setYRange(*self._y_range(data), padding=0)
        self.setAccessibleDescription(self._summary(data))
        if self._hover_index is not None:
            self._show_hover(self._hover_index)

    def _set_titles(self, data: ChartData) -> None:
        text = self.palette().color(QPalette.ColorRole.Text)
        self.plot_item.setTitle(self.title(), color=text, size="12pt", bold=True)
        unit = data.metric.unit
        left = f"{data.metric.name} ({unit})" if unit else data.metric.name
        self.plot_item.setLabel("left", left, color=text)
        bottom = self.tr("Target period {0} – {1} · report month {2}").format(
            month_label(data.months[0]),
            month_label(data.months[-1]),
            month_label(data.report_month),
        )
        self.plot_item.setLabel("bottom", bottom, color=text)

    def _update_legend(self, data: ChartData) -> None:
        """Entries for the lines that have something to show; rebuilt only when that changes."""
        labels = self.labels()
        monthly, previous = reported(data)
        forecast_x, _ = forecast_points(data)
        entries = [
            (self.bar_item, labels.monthly, any(v is not None for v in monthly)),
            (self.actual_item, labels.actual, any(v is not None for v in data.cumulative)),
            (
                self.plan_item,
                labels.plan,
                any(v is not None for v in data.plan) and not plan_is_target(data),
            ),
            (self.target_item, labels.target, data.target.value is not None),
            # Nothing to forecast once the period is over: the Hochrechnung is the Ist.
            (
                self.forecast_item,
                labels.forecast,
                bool(forecast_x) and forecast_x[0] < forecast_x[-1],
            ),
            (self.previous_item, labels.previous, any(v is not None for v in previous)),
        ]
        key = tuple((id(item), name) for item, name, shown in entries if shown)
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        for item, name, shown in entries:
            if shown:
                self.legend.addItem(item, name)

    def _fit_legend(self) -> None:
        """One row of six entries when the chart is wide, else two or three columns."""
        if self.legend is not None:
            width = self.width()
            self.legend.setColumnCount(6 if width >= 900 else 3 if width >= 520 else 2)

    @staticmethod
    def _y_range(data: ChartData) -> tuple[float, float]:
        values = [
            v
            for series in (*reported(data), data.cumulative, data.plan)
            for v in series
            if v is not None
        ]
        values += [v for v in (data.target.value, data.forecast) if v is not None]
        if not values:
            return 0.0, 1.0
        high = max(values)
        if data.metric.kind is MetricKind.STOCK:
            # Levels vary by a few percent: zoom in on them (bars are cut at the bottom).
            low = min(values)
            span = max(high - low, abs(high) * 0.02, 1.0)
            return max(0.0, low - 0.3 * span), high + 0.15 * span
        # Counts and rates start at zero, so bar heights compare honestly.
        return min(0.0, min(values)), (high * 1.12 if high > 0 else 1.0)

    def _summary(self, data: ChartData) -> str:
        """What a screen reader says about the chart: the figures at the report month."""
        xs, ys = _points(data.cumulative)
        index = int(xs[-1]) if xs else None
        actual = ys[-1] if ys else None
        plan = data.plan[index] if index is not None else None

        def text(value: float | None) -> str:
            return number_text(value, data.metric) or "–"

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


# -- run alone ---------------------------------------------------------------------------------
def _install_translation(lang: str) -> None:
    """The app's translation, when one is shipped (resources/translations/aipdesk_<lang>.qm)."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from aipdesk.paths import resources_dir

    try:
        folder = resources_dir() / "translations"
    except FileNotFoundError:
        return
    translator = QTranslator(QCoreApplication.instance())
    if translator.load(f"aipdesk_{lang}", str(folder)):
        QCoreApplication.installTranslator(translator)


def main(argv: list[str] | None = None) -> int:
    import tempfile
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from aipdesk.domain.errors import DomainError
    from aipdesk.services.base import Actor
    from aipdesk.services.database import open_database
    from aipdesk.services.demo import load_demo
    from aipdesk.services.views import default_report_month
    from aipdesk.ui.backend import Backend

    parser = argparse.ArgumentParser(
        prog="python -m aipdesk.ui.chart",
        description="Show the progress chart of one target (default: a demo database).",
    )
    parser.add_argument("db", nargs="?", help="database file (default: a temporary demo)")
    parser.add_argument("--project", default="NEUSTART")
    parser.add_argument("--metric", default="integrations")
    parser.add_argument("--year", type=int, default=2021)
    parser.add_argument("--month", help="report month YYYY-MM (default: latest with values)")
    parser.add_argument("--lang", default="de", choices=("de", "en"))
    parser.add_argument("--screenshot", metavar="PNG", help="write the chart as PNG and exit")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args.lang != "en":
        _install_translation(args.lang)
    with tempfile.TemporaryDirectory() as folder:
        if args.db:
            db = open_database(args.db)
        else:
            db = open_database(Path(folder) / "demo.sqlite")
            load_demo(db, Actor("demo", "demo"), args.year)
        try:
            month = Month.parse(args.month) if args.month else default_report_month(db, args.year)
            data = Backend(db, Actor("demo", "demo"), args.lang).chart(
                args.project, args.metric, args.year, month
            )
        except DomainError as error:
            print(f"aipdesk: {error.text(args.lang)}", file=sys.stderr)
            return 1
        finally:
            db.close()
    if data is None:
        print(
            f"aipdesk: no target for {args.project} {args.metric} in {args.year}", file=sys.stderr
        )
        return 1
    chart = ProgressChart()
    chart.resize(960, 540)
    chart.set_data(data)
    chart.show()
    if args.screenshot:
        app.processEvents()
        chart.grab().save(args.screenshot)
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
