"""The progress chart of one target: monthly Ist as bars; Ist to date, Soll, target value,
Hochrechnung and Vorjahr as lines.

- `series`: what is drawn, worked out from `ChartData` (points, ranges, legend, hover); no Qt
- `axes`: the month and number axes (pyqtgraph subclasses, made on first use)
- `widget`: `ProgressChart`, the widget; pyqtgraph is imported when it first draws
- `__main__`: the chart alone, for a look: ``python -m aipdesk.ui.chart [DB] [--screenshot PNG]``
"""

from aipdesk.ui.chart.series import ChartLabels, forecast_points, plan_is_target, reported
from aipdesk.ui.chart.widget import ProgressChart

__all__ = ["ChartLabels", "ProgressChart", "forecast_points", "plan_is_target", "reported"]
