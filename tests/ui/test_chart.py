"""The progress chart: what it plots, its German labels, hover texts and reuse
(when it loads: test_chart_loading.py).

The session installs the shipped German translation for every GUI test (tests/ui/conftest.py),
so the texts asserted here are those of resources/translations/aipdesk_de.ts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, QTranslator
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from aipdesk.domain.months import Month
from aipdesk.services.views import ChartData
from aipdesk.ui.chart import ProgressChart, forecast_points

ROOT = Path(__file__).resolve().parents[2]
# English source -> the shipped German (contexts "Months" and "ProgressChart" of aipdesk_de.ts).
GERMAN = {
    "Jan": "Jan",
    "Feb": "Feb",
    "Mar": "Mär",
    "Apr": "Apr",
    "May": "Mai",
    "Jun": "Jun",
    "Jul": "Jul",
    "Aug": "Aug",
    "Sep": "Sep",
    "Oct": "Okt",
    "Nov": "Nov",
    "Dec": "Dez",
    "Monthly actual": "Ist je Monat",
    "Actual to date": "Ist bis dahin",
    "Monthly level": "Bestand je Monat",
    "Average to date": "Durchschnitt bis dahin",
    "Monthly rate": "Quote je Monat",
    "Rate to date": "Quote bis dahin",
    "Plan to date": "Soll bis dahin",
    "Target": "Zielwert",
    "Forecast": "Hochrechnung",
    "Previous year": "Vorjahr",
    "Select a target in the table to see its chart.": (
        "Zielwert in der Tabelle auswählen, um sein Diagramm zu sehen."
    ),
}
FLOW_LABELS = [
    "Monthly actual",
    "Actual to date",
    "Plan to date",
    "Target",
    "Forecast",
    "Previous year",
]


class StandIn(QTranslator):
    """Installed over the shipped German: the chart's texts must come from tr() in its own
    contexts, so they follow whatever translator is installed. Other contexts fall through
    (None) to the translators below it."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return f"[{source}]" if context in ("ProgressChart", "Months") else None

    def isEmpty(self) -> bool:
        return False


@contextmanager
def installed(translator: QTranslator) -> Iterator[None]:
    """`translator` on top of those installed already (the session's German), removed after."""
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def chart(qtbot: Any) -> ProgressChart:
    widget = ProgressChart()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    return widget


def get(backend: Any, project: str, metric: str, month: Month) -> ChartData:
    data = backend.chart(project, metric, 2021, month)
    assert isinstance(data, ChartData)
    return data


def neustart(backend: Any, month: int = 12) -> ChartData:
    return get(backend, "NEUSTART", "integrations", Month(2021, month))


def line(item: Any) -> tuple[list[float], list[float]]:
    x, y = item.getData()
    return ([] if x is None else [float(v) for v in x]), ([] if y is None else list(y))


def present(values: tuple[float | None, ...]) -> list[float]:
    return [v for v in values if v is not None]


def legend_texts(chart: ProgressChart) -> list[str]:
    return [label.text for _sample, label in chart.legend.items]


# -- what is plotted ------------------------------------------------------------------------
def test_bars_are_the_monthly_actuals(chart: ProgressChart, backend: Any) -> None:
    data = neustart(backend)
    chart.set_data(data)
    assert [float(h) for h in chart.bar_item.opts["height"]] == list(data.monthly)
    assert [float(x) for x in chart.bar_item.opts["x"]] == [float(i) for i in range(12)]
    assert data.monthly[2] == 72  # the demo's March, so the check above is not vacuous


def test_no_bars_after_the_report_month(chart: ProgressChart, backend: Any) -> None:
    data = neustart(backend, 6)
    assert data.monthly[8] is not None  # the demo has logged September already
    chart.set_data(data)
    assert [float(h) for h in chart.bar_item.opts["height"]] == list(data.monthly[:6])


def test_actual_line_is_the_cumulative_actual(chart: ProgressChart, backend: Any) -> None:
    data = neustart(backend, 6)
    chart.set_data(data)
    x, y = line(chart.actual_item)
    assert y == present(data.cumulative) == [55, 112, 184, 243, 298, 355]
    assert x == [0, 1, 2, 3, 4, 5]
    assert chart.actual_item.opts["symbol"] == "o"  # points, not colour alone


def test_plan_line_is_the_plan_over_the_whole_period(chart: ProgressChart, backend: Any) -> None:
    data = neustart(backend, 6)
    chart.set_data(data)
    x, y = line(chart.plan_item)
    assert x == [float(i) for i in range(12)]
    assert y == pytest.approx(list(data.plan))
    assert len(y) == 12 and y[-1] == pytest.approx(700)


def test_target_line_is_horizontal_at_the_target_value(chart: ProgressChart, backend: Any) -> None:
    data = neustart(backend)
    chart.set_data(data)
    x, y = line(chart.target_item)
    assert y == [700, 700]
    assert x[0] < 0 and x[-1] > 11  # across the whole period
    assert "Zielwert" in legend_texts(chart)

    no_value = dataclasses.replace(data, target=dataclasses.replace(data.target, value=None))
    chart.set_data(no_value)
    assert line(chart.target_item) == ([], [])
    assert "Zielwert" not in legend_texts(chart)


def test_forecast_is_dashed_from_the_last_actual_to_the_period_end(
    chart: ProgressChart, backend: Any
) -> None:
    data = neustart(backend, 6)
    assert data.forecast == pytest.approx(710)
    chart.set_data(data)
    x, y = line(chart.forecast_item)
    assert x == [5, 11]
    assert y == pytest.approx([355, data.forecast])
    assert chart.forecast_item.opts["pen"].style() != chart.actual_item.opts["pen"].style()
    assert "Hochrechnung" in legend_texts(chart)


def test_stock_forecast_is_flat_and_plan_coincides_with_target(
    chart: ProgressChart, backend: Any
) -> None:
    data = get(backend, "JC", "lzb_stock", Month(2021, 6))
    assert data.metric.kind == "stock"
    chart.set_data(data)
    x, y = line(chart.forecast_item)
    assert x == [5, 11]
    assert y == pytest.approx([data.forecast, data.forecast])
    assert data.forecast == pytest.approx(data.cumulative[5])
    # Soll of a stock is the target value every month: one line shows it, not two on top.
    assert line(chart.target_item)[1] == [17046, 17046]
    assert line(chart.plan_item) == ([], [])
    assert legend_texts(chart) == [
        "Bestand je Monat",
        "Durchschnitt bis dahin",
        "Zielwert",
        "Hochrechnung",
        "Vorjahr",
    ]
    # A stock's axis does not start at zero, so its monthly levels are a line (with
    # squares), never bars cut off at the bottom; the solid line is the running average.
    assert list(chart.bar_item.opts["height"]) == []
    assert line(chart.level_item) == ([0, 1, 2, 3, 4, 5], list(data.monthly[:6]))
    assert chart.plot_item.viewRange()[1][0] > 0
    assert line(chart.actual_item)[1] == pytest.approx(present(data.cumulative))


def test_no_forecast_entry_when_the_period_is_over(chart: ProgressChart, backend: Any) -> None:
    data = neustart(backend)
    chart.set_data(data)
    x, y = line(chart.forecast_item)
    assert x == [11, 11] and y == pytest.approx([734, 734])  # a point: nothing left to project
    assert legend_texts(chart) == [GERMAN[label] for label in FLOW_LABELS if label != "Forecast"]


def test_previous_year_line_is_thin_dotted(chart: ProgressChart, backend: Any) -> None:
    data = neustart(backend)
    chart.set_data(data)
    assert line(chart.previous_item)[1] == list(data.previous)
    pen = chart.previous_item.opts["pen"]
    assert pen.style().name == "DotLine"
    assert pen.widthF() < chart.actual_item.opts["pen"].widthF()


def test_ratio_bars_are_monthly_rates(chart: ProgressChart, backend: Any) -> None:
    data = get(backend, "JC", "integration_rate", Month(2021, 12))
    chart.set_data(data)
    heights = [float(h) for h in chart.bar_item.opts["height"]]
    assert heights == pytest.approx(list(data.monthly))
    assert max(heights) < 5 < max(line(chart.actual_item)[1])  # rates, not a running sum
    assert legend_texts(chart)[:2] == ["Quote je Monat", "Quote bis dahin"]
    assert chart.plot_item.getAxis("left").labelText == "Integrationsquote (%)"


def test_long_period_is_drawn_whole(chart: ProgressChart, backend: Any) -> None:
    data = get(backend, "GUIDE", "participants", Month(2021, 12))
    assert len(data.months) == 54
    chart.set_data(data)
    assert line(chart.plan_item)[0] == [float(i) for i in range(54)]
    x, y = line(chart.forecast_item)
    assert x[-1] == 53 and y[-1] == pytest.approx(data.forecast)
    # Vorjahr is the same months a year earlier, all reported (DESIGN §3): from Nov 2018
    # on, before GUIDE began, so there is none – as the dashboard's table and the
    # workbook say ("–"); no line of partial sums.
    assert data.previous == (None,) * 54
    assert line(chart.previous_item)[0] == []


def test_forecast_points_without_actuals(backend: Any) -> None:
    data = neustart(backend)
    empty = dataclasses.replace(data, cumulative=(None,) * 12, forecast=None)
    assert forecast_points(empty) == ([], [])


# -- axes, title, legend --------------------------------------------------------------------
def test_month_ticks_are_german(chart: ProgressChart, backend: Any) -> None:
    chart.set_data(neustart(backend))
    axis = chart.month_axis
    levels = axis.tickValues(-0.6, 11.6, 800)
    spacing, values = levels[0]
    assert axis.tickStrings(values, 1, spacing) == [
        "Jan",
        "Feb",
        "Mär",
        "Apr",
        "Mai",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Okt",
        "Nov",
        "Dez",
    ]
    # Narrow: every other month is labelled, the rest are ticks without text.
    levels = axis.tickValues(-0.6, 11.6, 300)
    (major_spacing, major), (minor_spacing, minor) = levels
    assert axis.tickStrings(major, 1, major_spacing) == ["Jan", "Mär", "Mai", "Jul", "Sep", "Nov"]
    assert set(axis.tickStrings(minor, 1, minor_spacing)) == {""}


def test_long_period_ticks_carry_the_year(chart: ProgressChart, backend: Any) -> None:
    chart.set_data(get(backend, "GUIDE", "participants", Month(2021, 12)))
    axis = chart.month_axis
    spacing, values = axis.tickValues(-0.6, 53.6, 4000)[0]
    labels = axis.tickStrings(values, 1, spacing)
    assert labels[:5] == ["Nov 19", "Dez 19", "Jan 20", "Feb 20", "Mär 20"]
    assert labels[-1] == "Apr 24"
    spacing, values = axis.tickValues(-0.6, 53.6, 900)[0]
    assert axis.tickStrings(values, 1, spacing)[:3] == ["Jan 20", "Apr 20", "Jul 20"]


def test_value_axis_is_german(chart: ProgressChart, backend: Any) -> None:
    chart.set_data(get(backend, "JC", "lzb_stock", Month(2021, 12)))
    axis = chart.number_axis
    assert axis.tickStrings([17000.0, 17500.0], 1, 500) == ["17.000", "17.500"]
    assert axis.tickStrings([2.5, 3.0], 1, 0.5) == ["2,5", "3,0"]


def test_y_range_starts_at_zero_for_flows_and_zooms_for_stock(
    chart: ProgressChart, backend: Any
) -> None:
    chart.set_data(neustart(backend))
    low, high = chart.plot_item.viewRange()[1]
    assert low == 0 and high > 734
    data = get(backend, "JC", "lzb_stock", Month(2021, 12))
    chart.set_data(data)
    low, high = chart.plot_item.viewRange()[1]
    values = present(data.monthly) + present(data.previous)
    assert 0 < low < min(values) and high > max(values)


def test_title_legend_and_accessibility(qtbot: Any, backend: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    QVBoxLayout(parent).addWidget(ProgressChart(parent))
    chart = parent.findChild(ProgressChart, "progressChart")
    assert chart is not None
    chart.set_data(neustart(backend, 6))
    assert chart.plot_item.titleLabel.text == "NeuStart – Integrationen"
    assert chart.title() == "NeuStart – Integrationen"
    assert legend_texts(chart) == [
        "Ist je Monat",
        "Ist bis dahin",
        "Soll bis dahin",
        "Zielwert",
        "Hochrechnung",
        "Vorjahr",
    ]
    assert chart.accessibleName()
    description = chart.accessibleDescription()
    assert "NeuStart – Integrationen" in description
    assert "355" in description and "350" in description and "710" in description


def test_texts_follow_the_installed_translator(qtbot: Any, backend: Any) -> None:
    with installed(StandIn()):
        chart = ProgressChart()
        qtbot.addWidget(chart)
        assert chart.hint.text() == "[Select a target in the table to see its chart.]"
        chart.set_data(neustart(backend, 6))
        assert legend_texts(chart) == [f"[{label}]" for label in FLOW_LABELS]
        assert chart.hover_text(2).splitlines()[0] == "[Mar] 2021"
    # The stand-in is gone again: the next drawing is back in the shipped German.
    chart.set_data(neustart(backend, 6))
    assert legend_texts(chart) == [GERMAN[label] for label in FLOW_LABELS]
    assert chart.hover_text(2).splitlines()[0] == "Mär 2021"


# -- hover ----------------------------------------------------------------------------------
def test_hover_text_is_german(chart: ProgressChart, backend: Any) -> None:
    chart.set_data(neustart(backend))
    text = chart.hover_text(2)
    assert text.splitlines()[0] == "Mär 2021"
    assert "Ist je Monat: 72" in text
    assert "Ist bis dahin: 184" in text
    assert "Soll bis dahin: 175" in text
    assert "Vorjahr: 162" in text
    assert chart.hover_text(12) == "" and chart.hover_text(-1) == ""


def test_hover_numbers_use_german_format(chart: ProgressChart, backend: Any) -> None:
    chart.set_data(get(backend, "JC", "lzb_stock", Month(2021, 12)))
    text = chart.hover_text(0)
    assert "Bestand je Monat: 18.051,0" in text
    assert "Soll bis dahin: 17.046,0" in text
    chart.set_data(get(backend, "JC", "integration_rate", Month(2021, 12)))
    assert "Quote bis dahin: 3,4 %" in chart.hover_text(1)
    assert "Hochrechnung: 23,1 %" in chart.hover_text(11)


def test_hover_after_the_report_month_shows_no_actual(chart: ProgressChart, backend: Any) -> None:
    chart.set_data(neustart(backend, 6))
    text = chart.hover_text(8)
    assert "Ist je Monat: –" in text and "Ist bis dahin: –" in text
    assert "Soll bis dahin: 525" in text


def test_mouse_over_a_month_shows_its_values(
    chart: ProgressChart, backend: Any, qtbot: Any
) -> None:
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_data(neustart(backend))
    box = chart.plot_item.vb
    scene = chart.view.scene()
    scene.sigMouseMoved.emit(box.mapViewToScene(QPointF(2.2, 300)))
    assert chart.hover_item.isVisible()
    assert chart.hover_item.textItem.toPlainText() == chart.hover_text(2)
    assert chart.hover_line.value() == 2
    scene.sigMouseMoved.emit(box.mapViewToScene(QPointF(9.9, 100)))
    assert chart.hover_item.textItem.toPlainText() == chart.hover_text(10)
    scene.sigMouseMoved.emit(QPointF(1, 1))  # over the title, outside the plot
    assert not chart.hover_item.isVisible()
    assert not chart.hover_line.isVisible()


# -- hint, reuse, laziness ------------------------------------------------------------------
def test_without_data_the_hint_is_shown(backend: Any, qtbot: Any) -> None:
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.show()
    hint = chart.findChild(QLabel, "chartHint")
    assert hint is not None and hint.isVisible()
    assert hint.text() == GERMAN["Select a target in the table to see its chart."]
    chart.set_data(neustart(backend))
    assert not hint.isVisible() and chart.view.isVisible()
    chart.set_data(None)
    assert hint.isVisible() and not chart.view.isVisible()
    assert chart.data is None and chart.hover_text(0) == ""


def test_set_data_again_reuses_the_plot_items(chart: ProgressChart, backend: Any) -> None:
    chart.set_data(neustart(backend))
    names = [
        "view",
        "plot_item",
        "legend",
        "bar_item",
        "actual_item",
        "plan_item",
        "target_item",
        "forecast_item",
        "previous_item",
        "hover_item",
        "month_axis",
    ]
    before = {name: getattr(chart, name) for name in names}
    plot_children = list(chart.plot_item.items)
    data = get(backend, "JC", "integration_rate", Month(2021, 9))
    chart.set_data(data)
    chart.set_data(neustart(backend, 6))
    for name in names:
        assert getattr(chart, name) is before[name], name
    assert list(chart.plot_item.items) == plot_children
    assert line(chart.actual_item)[1] == [55, 112, 184, 243, 298, 355]
