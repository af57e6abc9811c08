"""The Excel workbook of a year (DESIGN §6): `Übersicht`, one sheet per project, `Daten`.

Every figure of Soll, Ist, Zielerreichung, Abweichung and Hochrechnung comes from
the status report (`compute_progress`), so the workbook shows what `aipdesk
status` prints; the charts' points come from `views.charts` (`target_curve`), the
same curves the window's chart draws.

openpyxl (write-only mode) writes the workbook's structure: styles, column
widths, frozen panes, filters, conditional formats, print set-up, charts and
document properties. The rows themselves are serialised by `styles.RowWriter`,
which is five to ten times faster than openpyxl's cell objects and makes every
text an inline string, never a formula; each sheet's rows are spliced into the
sheet openpyxl wrote. The file is written atomically: a temporary file in the
target folder, renamed over the target only when complete.
"""

from __future__ import annotations

import math
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import Area, Metric, MetricKind, Project
from aipdesk.domain.months import Month
from aipdesk.domain.progress import Inputs, actual
from aipdesk.domain.reporting import Holdup
from aipdesk.domain.text import note_problem
from aipdesk.exchange.styles import (
    CHANGE,
    COUNT,
    MONTHS_SHORT,
    PERCENT_VALUE,
    SHEET_NAME_BAD,
    RowWriter,
    Styled,
    Styles,
    column_pixels,
    fit_width,
    formats_of,
    month_label,
    print_setup,
    set_widths,
    status_rules,
    status_text,
)
from aipdesk.exchange.template import mark_created
from aipdesk.format import number
from aipdesk.outputs import check_output, write_atomically
from aipdesk.services import views
from aipdesk.services.database import Database
from aipdesk.services.results import ChartData, GridRow, Snapshot, StatusRow
from aipdesk.services.views import Cell

__all__ = [
    "DATA_HEADER",
    "DATA_SHEET",
    "OVERVIEW_HEADER",
    "OVERVIEW_SHEET",
    "ExportResult",
    "export_workbook",
    "values_of_year",
]

OVERVIEW_SHEET = "Übersicht"
DATA_SHEET = "Daten"
OVERVIEW_HEADER = (
    "Projekt",
    "Kennzahl",
    "Zielwert",
    "Soll bis Berichtsmonat",
    "Ist bis Berichtsmonat",
    "Zielerreichung",
    "Abweichung",
    "Hochrechnung",
    "Status",
)
# After the contracted columns: how complete the row is, the comparable Vorjahr and the
# planned change, and the official Kennzahlen (gleitend 12 Monate) beside the steering view.
OVERVIEW_MORE = (
    "Gemeldet",
    "Vorjahr (gleiche Monate)",
    "Veränderung zum Vorjahr",
    "Veränderung geplant",
    "Gleitend 12 Monate",
    "Veränderung zum Vorjahresmonat (K2/K3)",
)
# The contracted start of Daten (codes in Projekt and Kennzahl); the import reads these.
DATA_KEY_COLUMNS = ("Jahr", "Monat", "Projekt", "Kennzahl", "Wert")
DATA_NOTE_COLUMN = "Bemerkung"
DATA_HEADER = (
    *DATA_KEY_COLUMNS,
    "Projektname",
    "Kennzahlname",
    DATA_NOTE_COLUMN,
    "geändert von",
    "geändert am",
)
GRID_TAIL = ("Summe", "Zielwert", "Soll", "Ist", "Zielerreichung", "Status")
OVERVIEW_HEADER_ROW = 6  # below the title block
DATA_CHUNK = 5_000  # Daten rows per progress report
RESERVED_NAMES = {OVERVIEW_SHEET.casefold(), DATA_SHEET.casefold(), "history"}
CHART_HEIGHT_CM = 8.0
ROW_CM = 0.53  # a row of the default height (15 pt)
CHART_ROWS = math.ceil(CHART_HEIGHT_CM / ROW_CM) + 2
EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")

Progress = Callable[[int, int], None]


LoggedValue = Cell  # one logged monthly value, as views.year_cells gives it


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sheets: tuple[str, ...]
    rows_in_daten: int
    report_month: Month


def values_of_year(db: Database, year: int) -> list[LoggedValue]:
    """Every logged value of `year` with note and who changed it when."""
    return list(views.year_cells(db, year))


def export_workbook(
    db: Database,
    year: int,
    month: Month | None,
    path: Path,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Write the workbook of `year` at report month `month` (None: the latest with a value).

    `progress(done, total)` is called after each step (reading, each sheet, every
    few thousand `Daten` rows, saving). `now` is the export time (default: now; a
    naive value is local time); it stands in the title blocks in local time and,
    in UTC, in the document's `created`. A failure leaves neither a partial file
    at `path` nor a temporary file; an earlier file at `path` stays as it was. A
    `path` that is a database, a journal or no plain file is refused
    (``output_refused``); a failed write (full disk) is ``output_failed``.
    """
    path = check_output(path, db.path)
    stamp = datetime.now(UTC) if now is None else now.astimezone(UTC)
    data = _read(db, year, month)
    return _Writer(data, stamp, progress).write(path)


# --------------------------------------------------------------------------- reading


@dataclass
class _Data:
    year: int
    organisation: str
    snapshot: Snapshot
    cells: list[LoggedValue]
    previous: list[LoggedValue]
    charts: dict[views.ChartKey, ChartData]
    series: dict[tuple[str, str], dict[Month, float]]

    @property
    def report_month(self) -> Month:
        return self.snapshot.report_month

    @property
    def rows(self) -> tuple[StatusRow, ...]:
        return self.snapshot.status.rows


def _read(db: Database, year: int, month: Month | None) -> _Data:
    snap = views.snapshot(db, year, month)  # its status is `status(db, year, month)`
    cells = values_of_year(db, year)
    _check_notes(cells)
    previous = values_of_year(db, year - 1)
    series: dict[tuple[str, str], dict[Month, float]] = defaultdict(dict)
    for cell in previous:
        series[(cell.project, cell.metric)][cell.month] = cell.value
    for cell in cells:
        series[(cell.project, cell.metric)][cell.month] = cell.value
    # The curves of every target, as the window's chart draws them (one read).
    charts = views.charts(db, year, snap.report_month)
    return _Data(
        year=year,
        organisation=views.organisation(db),
        snapshot=snap,
        cells=cells,
        previous=previous,
        charts=charts,
        series=dict(series),
    )


def _check_notes(cells: Iterable[LoggedValue]) -> None:
    """Every note goes into the workbook whole, so that its import brings it back as it
    is: a note stored before aipdesk checked notes (too long for a cell, or with control
    characters a cell cannot hold) is refused, naming it, rather than cut or cleaned."""
    for cell in cells:
        problem = note_problem(cell.note) if cell.note else None
        if problem is not None:
            raise DomainError(
                Code.note_not_exportable,
                project=cell.project,
                metric=cell.metric,
                month=str(cell.month),
                message=(problem.text("de"), problem.text("en")),
            )


def _local(moment: datetime) -> datetime:
    """A moment as the reader's wall-clock time (Excel has no time zones)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # the store keeps UTC
    return moment.astimezone().replace(tzinfo=None, microsecond=0)


# --------------------------------------------------------------------------- sheets


class _Sheet:
    """A worksheet: openpyxl writes its frame, `RowWriter` its rows into a spool file."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        # Closed by finish() or discard(); a temporary file vanishes even if neither runs.
        self.spool: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115
        self.rows = RowWriter(self.spool)

    @property
    def row(self) -> int:
        return self.rows.row

    def append(self, values: Sequence[Any], height: float | None = None) -> int:
        return self.rows.append(values, height)

    def paragraph(self, cell: Styled, last_column: str, chars: float, line: float) -> int:
        """A text over the columns A…`last_column`, wrapped, its row as high as it needs."""
        text = str(cell.value or "")
        lines = sum(max(1, math.ceil(len(part) / chars)) for part in text.split("\n"))
        row = self.append([cell], height=line * lines + 3)
        self.ws.merged_cells.add(f"A{row}:{last_column}{row}")
        return row

    def skip(self, rows: int = 1) -> None:
        self.rows.row += rows  # empty rows need no element

    def finish(self) -> None:
        """Let openpyxl write the sheet without rows, then put the spooled rows into it."""
        self.ws.close()
        frame_path = Path(self.ws._writer.out)
        frame = frame_path.read_bytes()
        found = list(EMPTY_SHEET_DATA.finditer(frame))
        if len(found) != 1:
            raise RuntimeError(f"unexpected worksheet frame from openpyxl: {frame[:200]!r}")
        start, end = found[0].span()
        self.spool.flush()
        self.spool.seek(0)
        with open(frame_path, "wb") as out:
            out.write(frame[:start])
            out.write(b"<sheetData>")
            while chunk := self.spool.read(1 << 20):
                out.write(chunk.encode("utf-8"))
            out.write(b"</sheetData>")
            out.write(frame[end:])
        self.spool.close()

    def discard(self) -> None:
        if not self.spool.closed:
            self.spool.close()
        with suppress(Exception):
            if not self.ws.closed:
                self.ws.close()
        with suppress(Exception):
            if self.ws._writer is not None:
                self.ws._writer.cleanup()


@dataclass(frozen=True)
class _GridLine:
    """One metric row of a project sheet."""

    metric: Metric
    depth: int
    values: tuple[float | None, ...]
    total: float | None
    status_row: StatusRow | None
    label: str


@dataclass(frozen=True)
class _Curve:
    row: StatusRow
    ist: tuple[float | None, ...]  # Jan–Dez of the year
    soll: tuple[float | None, ...]


class _Writer:
    def __init__(self, data: _Data, now: datetime, progress: Progress | None) -> None:
        self.data = data
        self.now = now
        self.local_now = _local(now)
        self.stamp = self.local_now.strftime("%d.%m.%Y %H:%M")
        self.year = data.year
        self.report = data.report_month
        self.months = [Month(self.year, m) for m in range(1, 13)]
        self.progress = progress
        self.wb = Workbook(write_only=True)
        self.styles: Styles | None = None
        self.sheets: list[_Sheet] = []
        self.title = f"{data.organisation} · AIP {self.year}"
        snap = data.snapshot
        # Everything per project, grouped once (thousands of projects stay linear).
        self.status_of: dict[str, list[StatusRow]] = defaultdict(list)
        for row in data.rows:
            self.status_of[row.project.code].append(row)
        self.grid_of: dict[str, list[GridRow]] = defaultdict(list)
        for area in Area:
            for grid_row in snap.grids[area].rows:
                self.grid_of[grid_row.project.code].append(grid_row)
        self.notes_of: dict[str, list[LoggedValue]] = defaultdict(list)
        for cell in data.cells:
            if cell.note:
                self.notes_of[cell.project].append(cell)
        self.previous_of: dict[str, dict[str, dict[Month, float]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        for cell in data.previous:
            self.previous_of[cell.project][cell.metric][cell.month] = cell.value
        with_values = {cell.project for cell in data.cells}
        self.projects = [
            p for p in snap.projects if p.code in with_values or p.code in self.status_of
        ]
        self.sheet_names = _sheet_names([p.code for p in self.projects])
        self.daten_steps = max(1, math.ceil(len(data.cells) / DATA_CHUNK))
        self.total = 1 + 1 + len(self.projects) + self.daten_steps + 1
        self.done = 0

    # ------------------------------------------------------------------ driver

    def step(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)

    def write(self, path: Path) -> ExportResult:
        try:
            self.step()  # read
            self.properties()
            self.overview()
            self.sheets[-1].finish()  # one spool file open at a time, however many projects
            self.step()
            for project in self.projects:
                self.project_sheet(project)
                self.sheets[-1].finish()
                self.step()
            rows = self.daten()
            self.sheets[-1].finish()
            write_atomically(path, self.wb.save)
        except BaseException:
            for sheet in self.sheets:
                sheet.discard()
            raise
        self.step()
        names = tuple(sheet.ws.title for sheet in self.sheets)
        return ExportResult(path, names, rows, self.report)

    def properties(self) -> None:
        props = self.wb.properties
        props.title = f"AIP {self.year} – {self.data.organisation}"
        props.subject = f"Arbeitsmarkt- und Integrationsprogramm {self.year}, " + (
            f"Berichtsmonat {month_label(self.report.year, self.report.month)}"
        )
        props.creator = "aipdesk"
        props.lastModifiedBy = "aipdesk"
        mark_created(self.wb, self.now)  # UTC, exact: the import's "file made at"
        props.language = "de-DE"

    def sheet(self, name: str) -> _Sheet:
        ws = self.wb.create_sheet(name)
        if self.styles is None:
            self.styles = Styles(ws)
        sheet = _Sheet(ws)
        self.sheets.append(sheet)
        return sheet

    @property
    def st(self) -> Styles:
        assert self.styles is not None
        return self.styles

    # ------------------------------------------------------------------ Übersicht

    def overview(self) -> None:
        sheet = self.sheet(OVERVIEW_SHEET)
        ws, st, rows = sheet.ws, self.st, self.data.rows
        widths = [
            fit_width([r.project.name for r in rows] + ["Berichtsmonat"], 16, 40),
            fit_width([r.metric.name for r in rows], 24, 48),
            *[14.5] * 6,
            10,
            fit_width([self.reported_text(r) for r in rows], 12, 40),
            *[14.5] * 5,
        ]
        set_widths(ws, widths)
        last = get_column_letter(len(OVERVIEW_HEADER) + len(OVERVIEW_MORE))
        ws.freeze_panes = f"A{OVERVIEW_HEADER_ROW + 1}"
        print_setup(ws, self.title, self.stamp, f"{OVERVIEW_HEADER_ROW}:{OVERVIEW_HEADER_ROW}")
        self.title_block(sheet, f"{self.data.organisation}: AIP {self.year} – Übersicht")
        sheet.skip(OVERVIEW_HEADER_ROW - 1 - sheet.row)
        sheet.append([st.header(h) for h in (*OVERVIEW_HEADER, *OVERVIEW_MORE)], height=46)
        first = sheet.row + 1
        change = st.number(CHANGE)
        for row in rows:
            p = row.progress
            value_format, deviation_format = formats_of(row.metric)
            figure = st.number(value_format)
            sheet.append(
                [
                    st.text(row.project.name),
                    st.text(row.metric.name),
                    figure(p.target),
                    figure(p.plan_to_date),
                    figure(p.actual_to_date),
                    st.attainment(_fraction(p.attainment_pct)),
                    st.number(deviation_format)(p.deviation),
                    figure(p.forecast),
                    st.status(status_text(p.status)),
                    st.text(self.reported_text(row)),
                    figure(p.previous_year_actual),
                    change(_fraction(p.previous_year_change_pct)),
                    change(_fraction(p.planned_change_pct)),
                    figure(p.rolling_12m),
                    change(_fraction(p.yoy_month_change_pct)),
                ]
            )
        status_rules(ws, f"I{first}:I{max(sheet.row, first)}")
        ws.auto_filter.ref = f"A{OVERVIEW_HEADER_ROW}:{last}{max(sheet.row, OVERVIEW_HEADER_ROW)}"
        sheet.skip()
        chars = sum(widths) * 1.1  # a 9 pt note fits more characters than the 11 pt width
        for line in self.overview_notes():
            sheet.paragraph(st.note(line), last, chars, 12)

    @staticmethod
    def reported_text(row: StatusRow) -> str:
        """„6 von 6“, or „5 von 6, es fehlt Apr 2021“ for an incomplete row."""
        p = row.progress
        text = f"{p.months_reported} von {p.months_elapsed}"
        if p.complete:
            return text
        missing = ", ".join(f"{MONTHS_SHORT[m.month - 1]} {m.year}" for m in p.months_missing[:6])
        more = f" und {len(p.months_missing) - 6} weitere" if len(p.months_missing) > 6 else ""
        verb = "fehlt" if len(p.months_missing) == 1 else "fehlen"
        return f"{text}, es {verb} {missing}{more}"

    def holdup_name(self, holdup: Holdup) -> str:
        names = {(r.project.code, r.metric.code): r for r in self.data.rows}
        row = names.get((holdup.project, holdup.metric))
        return f"{row.project.name} ({row.metric.name})" if row else holdup.project

    def title_block(self, sheet: _Sheet, title: str) -> None:
        st = self.st
        sheet.append([st.title(title)], height=22)
        sheet.append([st.label("Jahr"), st.year(self.year)])
        report = datetime(self.report.year, self.report.month, 1)
        sheet.append([st.label("Berichtsmonat"), st.month_year(report)])
        sheet.append([st.label("Stand"), st.datetime(self.local_now)])

    def overview_notes(self) -> list[str]:
        lines = []
        if self.data.snapshot.status.choice is not None:
            lines.append(
                "Berichtsmonat: "
                + self.data.snapshot.status.choice.explain("de", self.holdup_name)
                + "."
            )
        lines += [
            "Soll: Zielwert × geplanter Anteil der gemeldeten Monate des Zielzeitraums bis zum "
            "Berichtsmonat (Bestandsgrößen: Zielwert; Ist ist dort der Durchschnitt der "
            "Monate). Ein Monat ohne Wert zählt weder im Soll noch im Ist; „Gemeldet“ nennt "
            "ihn.",
            "Quoten: Soll über die Zählergröße geplant, mit dem erwarteten Durchschnitt des "
            "Nenners im Zielzeitraum (geplant, sonst Trend der letzten 12 Monate).",
            "Vorjahr: dieselben Monate ein Jahr früher, nur wenn alle gemeldet sind. "
            "Gleitend 12 Monate: die 12 Monate bis zum Berichtsmonat (Integrationsquote: K2, "
            "Langzeitleistungsbezug: Veränderung zum Vorjahresmonat K3, nach der "
            "Kennzahlen-Verordnung zu § 48a SGB II).",
            "Zielerreichung: Ist ÷ Soll, bei Kennzahlen „weniger ist besser“ Soll ÷ Ist. "
            "Ampel nach den Schwellen der Kennzahl (Standard: grün ab 100 %, gelb ab 90 %); "
            "„–“: kein Zielwert oder noch keine Werte.",
            "Hochrechnung: Ist bei gleichbleibendem Tempo am Ende des Zielzeitraums. "
            "Quoten in %, ihre Abweichung in Prozentpunkten (%-Pkt.).",
        ]
        year = (self.months[0], self.months[-1])
        for row in self.data.rows:
            if (row.target.first, row.target.last) != year:
                lines.append(
                    f"Zielzeitraum {row.project.name} – {row.metric.name}: "
                    f"{_month_short(row.target.first)} bis {_month_short(row.target.last)}."
                )
        return lines

    # ------------------------------------------------------------------ project sheets

    def grid_lines(self, project: Project) -> list[_GridLine]:
        snap = self.data.snapshot
        by_metric: dict[str, StatusRow] = {}
        for row in self.status_of.get(project.code, ()):
            by_metric.setdefault(row.metric.code, row)
        lines = [
            _GridLine(
                r.metric, r.depth, r.values, r.total, by_metric.get(r.metric.code), r.metric.name
            )
            for r in self.grid_of.get(project.code, ())
        ]
        # Ratios are computed, not logged: their row shows the quota to date at each month.
        for code in snap.tracked.get(project.code, ()):
            metric = snap.metrics[code]
            if not metric.is_computed:
                continue
            inputs = self.inputs(project.code, metric)
            months = self.months
            to_date = tuple(
                actual(metric.kind, months[: m + 1], inputs)
                if months[m] <= self.report and months[m] in inputs.numerator
                else None
                for m in range(12)
            )
            lines.append(
                _GridLine(
                    metric,
                    0,
                    to_date,
                    actual(metric.kind, months, inputs),
                    by_metric.get(code),
                    f"{metric.name} (bis Monat)",
                )
            )
        return lines

    def inputs(self, project: str, metric: Metric) -> Inputs:
        empty: dict[Month, float] = {}
        if metric.kind is MetricKind.RATIO:
            assert metric.numerator and metric.denominator
            return Inputs(
                numerator=self.data.series.get((project, metric.numerator), empty),
                denominator=self.data.series.get((project, metric.denominator), empty),
            )
        return Inputs(values=self.data.series.get((project, metric.code), empty))

    def curves(self, project: Project) -> list[_Curve]:
        """Cumulative Ist and Soll at each month of the year for each target of `project`."""
        result = []
        for row in self.status_of.get(project.code, ()):
            chart = self.data.charts.get((row.project.code, row.metric.code, row.target.first))
            ist: dict[Month, float | None] = {}
            soll: dict[Month, float | None] = {}
            if chart is not None:
                ist = dict(zip(chart.months, chart.cumulative, strict=True))
                soll = dict(zip(chart.months, chart.plan, strict=True))
            result.append(
                _Curve(
                    row,
                    tuple(ist.get(m) for m in self.months),
                    tuple(soll.get(m) for m in self.months),
                )
            )
        return result

    def project_sheet(self, project: Project) -> None:
        sheet = self.sheet(self.sheet_names[project.code])
        ws, st = sheet.ws, self.st
        lines = self.grid_lines(project)
        curves = self.curves(project)
        label_width = fit_width(
            [line.label for line in lines]
            + [f"{c.row.metric.name}: Soll" for c in curves]
            + ["Kennzahl"],
            30,
            52,
        )
        widths = [label_width, *[8.5] * 12, 10.5, 10.5, 10.5, 10.5, 14, 8.5]
        chars = sum(widths) * 0.95
        set_widths(ws, widths)
        ws.freeze_panes = "B1"
        print_setup(ws, f"{self.title} · {project.name}", self.stamp, None)

        title = project.name
        if project.code.casefold() not in project.name.casefold():
            title += f" ({project.code})"
        sheet.append([st.title(title)], height=22)
        subtitle = (
            f"{self.data.organisation} · AIP {self.year} · Berichtsmonat "
            f"{month_label(self.report.year, self.report.month)} · Stand {self.stamp}"
        )
        sheet.append([st.subtitle(subtitle)])
        details = []
        if project.period.first or project.period.last:
            begin = _month_short(project.period.first) if project.period.first else "…"
            end = _month_short(project.period.last) if project.period.last else "…"
            details.append(f"Laufzeit {begin} bis {end}")
        if project.description:
            details.append(project.description)
        if details:
            sheet.paragraph(st.subtitle_wrap(" · ".join(details)), "S", chars, 15)
        sheet.skip()

        self.month_grid(sheet, lines, chars)
        if curves:
            self.charts(sheet, curves, widths)
        self.previous_year(sheet, project, lines)
        self.notes(sheet, project, widths)

    def month_grid(self, sheet: _Sheet, lines: list[_GridLine], chars: float) -> None:
        st = self.st
        sheet.append([st.section(f"Monatswerte {self.year}")], height=18)
        header_row = sheet.append(
            [st.header_left("Kennzahl")]
            + [st.header(m) for m in MONTHS_SHORT]
            + [st.header(h) for h in GRID_TAIL],
            height=30,
        )
        for line in lines:
            sheet.append(self.grid_row(line))
        if lines:
            status_rules(sheet.ws, f"S{header_row + 1}:S{sheet.row}")
        footnote = (
            "Leere Monate: noch kein Wert gemeldet (keine Null). Summe: bei Bestandsgrößen "
            "der Durchschnitt der gemeldeten Monate, bei Quoten der Stand des Jahres. Soll, "
            "Ist und Zielerreichung über den Zielzeitraum bis zum Berichtsmonat."
        )
        sheet.paragraph(st.note(footnote), "S", chars * 1.15, 12)
        sheet.skip()

    def grid_row(self, line: _GridLine) -> list[Any]:
        st = self.st
        value_format, _ = formats_of(line.metric)
        monthly = st.number(value_format if line.metric.is_computed else COUNT)
        bold = st.number(value_format, bold=True)
        figure = st.number(value_format)
        label = st.text_indent if line.depth else st.text
        p = line.status_row.progress if line.status_row else None
        tail: list[Any] = [bold(line.total)]
        if p is not None:
            tail += [
                figure(p.target),
                figure(p.plan_to_date),
                figure(p.actual_to_date),
                st.attainment(_fraction(p.attainment_pct)),
                st.status(status_text(p.status)),
            ]
        return [label(line.label)] + [monthly(v) for v in line.values] + tail

    def charts(self, sheet: _Sheet, curves: list[_Curve], widths: list[float]) -> None:
        """The chart data (Ist and Soll to date per month), then one chart per target,
        two side by side, over rows kept free for them."""
        st = self.st
        sheet.append([st.section("Soll und Ist im Verlauf (kumuliert bis zum Monat)")], height=18)
        header_row = sheet.append(
            [st.header_left("Reihe")] + [st.header(m) for m in MONTHS_SHORT], height=18
        )
        placed: list[tuple[_Curve, int, int]] = []
        for curve in curves:
            figure = st.number(formats_of(curve.row.metric)[0])
            name = curve.row.metric.name
            first = sheet.append([st.text(f"{name}: Ist")] + [figure(v) for v in curve.ist])
            if curve.row.target.value is not None:
                sheet.append([st.text(f"{name}: Soll")] + [figure(v) for v in curve.soll])
            placed.append((curve, first, sheet.row))
        sheet.skip()
        split, width_px = _halves([column_pixels(w) for w in widths])
        for index, (curve, first, last) in enumerate(placed):
            top = sheet.row + 1 + (index // 2) * CHART_ROWS
            column = "A" if index % 2 == 0 else get_column_letter(split + 1)
            chart = self.chart(sheet.ws, curve, header_row, first, last, width_px)
            sheet.ws.add_chart(chart, f"{column}{top}")
        sheet.skip(math.ceil(len(placed) / 2) * CHART_ROWS)

    def chart(
        self,
        ws: WriteOnlyWorksheet,
        curve: _Curve,
        header_row: int,
        first: int,
        last: int,
        width_px: int,
    ) -> LineChart:
        """A line chart of the rows `first` (Ist) and `last` (Soll, if another row)."""
        metric, p = curve.row.metric, curve.row.progress
        chart = LineChart()
        ratio = formats_of(metric)[0] == PERCENT_VALUE
        if p.target is None:
            target = "ohne Zielwert"
        else:
            decimals = 0 if float(p.target).is_integer() else 1
            target = f"Zielwert {number(p.target, decimals)}{' %' if ratio else ''}"
        span = curve.row.target
        if (span.first, span.last) != (self.months[0], self.months[-1]):
            target += f", {_month_short(span.first)} bis {_month_short(span.last)}"
        chart.title = _chart_title(f"{metric.name} ({target})")
        chart.style = 2
        chart.height = CHART_HEIGHT_CM
        chart.width = max(8.0, width_px / 96 * 2.54 - 0.5)
        chart.legend.position = "b"
        if metric.kind is MetricKind.RATIO:
            y_title, ist_name = "Quote in %", "Ist (Quote bis Monat)"
        elif metric.kind is MetricKind.STOCK:
            y_title, ist_name = "Bestand (Ø bis Monat)", "Ist (Ø bis Monat)"
        else:
            y_title, ist_name = "Anzahl (kumuliert)", "Ist (kumuliert)"
        chart.y_axis.title = y_title
        chart.x_axis.title = f"Monat {self.year}"
        chart.y_axis.number_format = '#,##0" %"' if ratio else COUNT
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        data = Reference(ws, min_col=2, max_col=13, min_row=first, max_row=last)
        chart.add_data(data, from_rows=True, titles_from_data=False)
        chart.set_categories(Reference(ws, min_col=2, max_col=13, min_row=header_row))
        looks = [(ist_name, "1F4E79", None), ("Soll (bis Monat)", "C55A11", "dash")]
        for series, (name, colour, dash) in zip(chart.series, looks, strict=False):
            series.tx = SeriesLabel(v=name)
            series.smooth = False
            series.graphicalProperties.line.solidFill = colour
            series.graphicalProperties.line.width = 28_575  # 2.25 pt
            if dash:
                series.graphicalProperties.line.dashStyle = dash
            series.marker.symbol = "circle" if dash is None else "none"
            if dash is None:
                series.marker.size = 5
                series.marker.graphicalProperties.solidFill = colour
                series.marker.graphicalProperties.line.solidFill = colour
        return chart

    def previous_year(self, sheet: _Sheet, project: Project, lines: list[_GridLine]) -> None:
        st, previous = self.st, self.year - 1
        sheet.append([st.section(f"Vorjahr {previous}")], height=18)
        logged = self.previous_of.get(project.code, {})
        plain = [line for line in lines if not line.metric.is_computed]
        if not logged or not plain:
            sheet.append([st.text(f"Keine Werte für {previous} gemeldet.")])
            sheet.skip()
            return
        sheet.append(
            [st.header_left("Kennzahl")]
            + [st.header(m) for m in MONTHS_SHORT]
            + [st.header("Summe")],
            height=18,
        )
        months = [m.shift(-12) for m in self.months]
        count = st.number(COUNT)
        for line in plain:
            values = logged.get(line.metric.code, {})
            total = actual(line.metric.kind, months, Inputs(values=values))
            label = st.text_indent if line.depth else st.text
            sheet.append(
                [label(line.metric.name)]
                + [count(values.get(m)) for m in months]
                + [st.number(formats_of(line.metric)[0], bold=True)(total)]
            )
        sheet.skip()

    def notes(self, sheet: _Sheet, project: Project, widths: list[float]) -> None:
        st, ws = self.st, sheet.ws
        sheet.append([st.section(f"Bemerkungen {self.year}")], height=18)
        order = {code: i for i, code in enumerate(self.data.snapshot.tracked.get(project.code, ()))}
        notes = sorted(
            self.notes_of.get(project.code, ()),
            key=lambda c: (c.month, order.get(c.metric, len(order)), c.metric),
        )
        if not notes:
            sheet.append([st.text("Keine Bemerkungen.")])
            return
        row = sheet.append(
            [st.header_left("Kennzahl"), st.header("Monat"), None, st.header_left("Bemerkung")],
            height=18,
        )
        ws.merged_cells.add(f"B{row}:C{row}")
        ws.merged_cells.add(f"D{row}:S{row}")
        chars = sum(widths[3:]) * 0.9
        metrics = self.data.snapshot.metrics
        for cell in notes:
            text = cell.note or ""
            lines = sum(max(1, math.ceil(len(part) / chars)) for part in text.split("\n"))
            row = sheet.append(
                [
                    st.top(metrics[cell.metric].name),
                    st.top(month_label(cell.month.year, cell.month.month)),
                    None,
                    st.wrap(text),
                ],
                height=15 * lines + 2 if lines > 1 else None,
            )
            ws.merged_cells.add(f"B{row}:C{row}")
            ws.merged_cells.add(f"D{row}:S{row}")

    # ------------------------------------------------------------------ Daten

    def daten(self) -> int:
        sheet = self.sheet(DATA_SHEET)
        ws, st = sheet.ws, self.st
        snap = self.data.snapshot
        cells = self.data.cells
        projects = {p.code: p for p in snap.projects}
        metrics = snap.metrics
        project_order = {p.code: i for i, p in enumerate(snap.projects)}
        metric_order = {code: i for i, code in enumerate(metrics)}
        ordered = sorted(
            cells,
            key=lambda c: (
                project_order.get(c.project, len(project_order)),
                c.project,
                metric_order.get(c.metric, len(metric_order)),
                c.metric,
                c.month,
            ),
        )
        used_projects = {c.project for c in cells}
        used_metrics = {c.metric for c in cells}
        project_names = {code: projects[code].name for code in used_projects}
        metric_names = {code: metrics[code].name for code in used_metrics}
        set_widths(
            ws,
            [
                7,
                7.5,
                fit_width(used_projects | {"Projekt"}, 10, 34),
                fit_width(used_metrics | {"Kennzahl"}, 12, 34),
                9,
                fit_width(set(project_names.values()) | {"Projektname"}, 14, 44),
                fit_width(set(metric_names.values()) | {"Kennzahlname"}, 16, 48),
                fit_width({c.note for c in cells if c.note} | {"Bemerkung"}, 14, 60),
                fit_width({c.updated_by for c in cells if c.updated_by} | {"geändert von"}, 13, 24),
                17,
            ],
        )
        ws.freeze_panes = "A2"
        print_setup(ws, f"{self.title} · Daten", self.stamp, "1:1")
        sheet.append([st.header(h) for h in DATA_HEADER], height=20)
        count, when, centre = st.number(COUNT).style, st.datetime.style, st.centre.style
        local: dict[datetime, datetime] = {}
        append, year = sheet.append, self.year
        for index, c in enumerate(ordered, start=1):
            stamp = None
            if c.updated_at is not None:
                shown = local.get(c.updated_at)
                if shown is None:
                    shown = local[c.updated_at] = _local(c.updated_at)
                stamp = Styled(shown, when)
            append(
                [
                    Styled(year, centre),
                    Styled(c.month.month, centre),
                    c.project,
                    c.metric,
                    Styled(c.value, count),
                    project_names[c.project],
                    metric_names[c.metric],
                    c.note or None,
                    c.updated_by or None,
                    stamp,
                ]
            )
            if index % DATA_CHUNK == 0:
                self.step()
        ws.auto_filter.ref = f"A1:{get_column_letter(len(DATA_HEADER))}{sheet.row}"
        for _ in range(self.daten_steps - len(ordered) // DATA_CHUNK):
            self.step()
        return len(ordered)


# --------------------------------------------------------------------------- helpers


def _chart_title(text: str, size: int = 1100) -> Title:
    """A chart title in bold `size`/100 pt (the default 14 pt wraps most names)."""
    props = CharacterProperties(sz=size, b=True)
    paragraph = Paragraph(
        pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)]
    )
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _fraction(percent: float | None) -> float | None:
    return None if percent is None else percent / 100.0


def _halves(pixels: list[int]) -> tuple[int, int]:
    """Where to start the right one of two charts side by side (a column index), and the
    width in pixels that both charts can take."""
    best = (0, 0)
    for split in range(1, len(pixels)):
        width = min(sum(pixels[:split]), sum(pixels[split:]))
        if width > best[1]:
            best = (split, width)
    return best[0], best[1] - 8


def _month_short(month: Month) -> str:
    return f"{month.month:02d}/{month.year}"


def _sheet_names(codes: Iterable[str]) -> dict[str, str]:
    """A sheet name per project code: Excel forbids []:*?/\\, more than 31 characters and
    names that differ only in case; `Übersicht`, `Daten` and `History` are taken."""
    taken = set(RESERVED_NAMES)
    names = {}
    for code in codes:
        base = SHEET_NAME_BAD.sub("_", code)[:31].strip("'") or "Projekt"
        name, n = base, 2
        while name.casefold() in taken:
            suffix = f"~{n}"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        taken.add(name.casefold())
        names[code] = name
    return names
