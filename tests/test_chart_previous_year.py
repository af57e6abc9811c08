"""The chart's Vorjahr line compares the year shown: it ends with the target period, and a
period of several years (GUIDE, Nov 2019 – Apr 2024) draws it only up to the end of the
report month's year, never a year beyond. Plain Python (aipdesk.ui.chart.series)."""

from __future__ import annotations

import dataclasses

from aipdesk.domain.model import Metric, MetricKind, Project, Target
from aipdesk.domain.months import Month
from aipdesk.services.results import ChartData
from aipdesk.ui.chart import series


def months(first: Month, last: Month) -> tuple[Month, ...]:
    count = last.index - first.index + 1
    return tuple(first.shift(i) for i in range(count))


def chart(first: Month, last: Month, report: Month) -> ChartData:
    period = months(first, last)
    n = len(period)
    return ChartData(
        project=Project("GUIDE", "GUIDE (rehapro)"),
        metric=Metric("participants", "Teilnehmende", MetricKind.FLOW),
        target=Target("GUIDE", "participants", first, last, 235.0),
        report_month=report,
        months=period,
        monthly=tuple(4.0 if m <= report else None for m in period),
        cumulative=tuple(4.0 * (i + 1) if m <= report else None for i, m in enumerate(period)),
        plan=tuple(235 / n * (i + 1) for i in range(n)),
        # A previous-year value wherever a month a year earlier has one (to Dec 2022 here).
        previous=tuple(
            3.0 * (i + 1) if m <= Month(2022, 12) else None for i, m in enumerate(period)
        ),
        forecast=None,
    )


def last_drawn(values: list[float | None], period: tuple[Month, ...]) -> Month:
    return period[max(i for i, v in enumerate(values) if v is not None)]


def test_a_long_period_ends_the_previous_year_line_with_the_year_shown() -> None:
    data = chart(Month(2019, 11), Month(2024, 4), Month(2021, 12))
    _, previous = series.reported(data)
    assert last_drawn(previous, data.months) == Month(2021, 12)
    # From Nov 2019 to Dec 2021: 26 months drawn, as held.
    assert previous[:26] == list(data.previous[:26])
    assert all(v is None for v in previous[26:])


def test_an_earlier_report_month_keeps_the_whole_calendar_year() -> None:
    data = chart(Month(2021, 1), Month(2021, 12), Month(2021, 6))
    _, previous = series.reported(data)
    assert last_drawn(previous, data.months) == Month(2021, 12)


def test_a_period_that_ends_earlier_ends_the_previous_year_line_too() -> None:
    data = chart(Month(2021, 1), Month(2021, 6), Month(2021, 12))
    _, previous = series.reported(data)
    assert len(previous) == 6
    assert last_drawn(previous, data.months) == Month(2021, 6)
    # Even if more was handed over than the period holds, nothing runs past its end.
    longer = dataclasses.replace(
        data,
        months=months(Month(2021, 1), Month(2021, 12)),
        previous=tuple(float(i) for i in range(12)),
        monthly=(None,) * 12,
    )
    _, previous = series.reported(longer)
    assert last_drawn(previous, longer.months) == Month(2021, 6)
