"""The chart's look: colours from the palette (light or dark) and the notation (colours,
or IBCS: Ist solid and dark, Soll outlined, Hochrechnung dashed, Vorjahr grey)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from aipdesk.ui.common import muted

if TYPE_CHECKING:
    from aipdesk.ui.chart.widget import ProgressChart

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
# IBCS notation (View ▸ IBCS notation): Ist solid and dark (bars and line), Soll outlined
# (a thin line with hollow points), Hochrechnung dashed, Vorjahr solid grey.
IBCS_IST = "#262626"
IBCS_IST_DARK = "#E6E6E6"
BAR_ALPHA = 140


def apply_palette(chart: ProgressChart) -> None:
    """The chart's pens and brushes from the palette (light or dark) and the notation."""
    import pyqtgraph as pg

    palette = chart.palette()
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    grey = muted(chart)
    dark = base.lightness() < 128
    ist = QColor(IST_COLOR_DARK if dark else IST_COLOR)
    bar = QColor(BAR_COLOR_DARK if dark else BAR_COLOR)
    bar.setAlpha(BAR_ALPHA)

    chart.view.setBackground(base)
    for name in ("left", "bottom"):
        axis = chart.plot_item.getAxis(name)
        axis.setPen(pg.mkPen(text))
        axis.setTextPen(pg.mkPen(text))
    chart.bar_item.setOpts(brush=pg.mkBrush(bar))
    level = QColor(bar)
    level.setAlpha(255)
    chart.level_item.setPen(pg.mkPen(level, width=1.5))
    chart.level_item.setSymbolBrush(pg.mkBrush(level))
    chart.level_item.setSymbolPen(pg.mkPen(base, width=1))
    chart.previous_item.setPen(pg.mkPen(grey, width=1.5, style=Qt.PenStyle.DotLine))
    chart.forecast_item.setPen(pg.mkPen(ist, width=2.5, style=Qt.PenStyle.DashLine))
    chart.actual_item.setPen(pg.mkPen(ist, width=2.5))
    chart.actual_item.setSymbolBrush(pg.mkBrush(ist))
    chart.actual_item.setSymbolPen(pg.mkPen(base, width=1))
    plan = QColor(PLAN_COLOR)
    chart.plan_item.setSymbol(None)
    if chart.ibcs:
        ist = QColor(IBCS_IST_DARK if dark else IBCS_IST)
        solid = QColor(ist)
        solid.setAlpha(200)
        chart.bar_item.setOpts(brush=pg.mkBrush(solid))
        chart.previous_item.setPen(pg.mkPen(grey, width=2))
        chart.forecast_item.setPen(pg.mkPen(ist, width=2, style=Qt.PenStyle.DashLine))
        chart.actual_item.setPen(pg.mkPen(ist, width=2.5))
        chart.actual_item.setSymbolBrush(pg.mkBrush(ist))
        plan = QColor(ist)
        chart.plan_item.setSymbol("o")
        chart.plan_item.setSymbolSize(7)
        chart.plan_item.setSymbolBrush(pg.mkBrush(base))  # outlined: hollow points
        chart.plan_item.setSymbolPen(pg.mkPen(ist, width=1.5))
    style = Qt.PenStyle.SolidLine if chart.ibcs else Qt.PenStyle.DashDotLine
    chart.plan_item.setPen(pg.mkPen(plan, width=1.5 if chart.ibcs else 2, style=style))
    chart.hover_line.setPen(pg.mkPen(grey, width=1))
    chart.hover_item.setColor(text)
    fill = QColor(base)
    fill.setAlpha(235)
    chart.hover_item.fill = pg.mkBrush(fill)
    chart.hover_item.border = pg.mkPen(grey)
    chart.legend.opts["labelTextColor"] = text
    for _sample, label in chart.legend.items:
        label.setText(label.text, color=text)
    if chart._data is not None:
        chart._set_titles(chart._data)
