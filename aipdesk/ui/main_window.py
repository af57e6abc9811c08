"""The main window: header with year and report month, five panes, undo, loading off-thread.

What it remembers between starts is in `window_state`, the Hilfe menu in `help`."""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.errors import DomainError
from aipdesk.domain.model import Area
from aipdesk.domain.months import Month
from aipdesk.errors import describe_unexpected
from aipdesk.services.base import Changes
from aipdesk.services.results import Snapshot
from aipdesk.ui.backend import Backend
from aipdesk.ui.backup_actions import BackupActions
from aipdesk.ui.common import month_label, show_error
from aipdesk.ui.dialogs.reviews_dialog import add_reviews_action
from aipdesk.ui.exchange_actions import ExchangeActions
from aipdesk.ui.help import HelpMenu
from aipdesk.ui.panes.budget import BudgetPane
from aipdesk.ui.panes.dashboard import DashboardPane
from aipdesk.ui.panes.grid import GridPane
from aipdesk.ui.panes.projects import ProjectsPane
from aipdesk.ui.panes.targets import TargetsPane
from aipdesk.ui.report_actions import ReportActions
from aipdesk.ui.undo_actions import UndoActions
from aipdesk.ui.window_chrome import PANES as PANES
from aipdesk.ui.window_chrome import make_actions, make_header, make_menus
from aipdesk.ui.window_state import WindowState, available_screens, default_rect


def budget_concerned(snapshot: Snapshot, changes: Changes) -> bool:
    """Whether a write changes the budget's figures: a budget entry or plan, or a value
    counting an instrument's results (cost per result)."""
    if changes.budget:
        return True
    budget = snapshot.budget
    return budget is not None and any((p, m) in budget.linked for p, m, _ in changes.values)


# Where the keyboard focus is must always be visible (Fusion, the style on Linux, marks a
# focused combo box or table barely): a ring in the highlight colour.
FOCUS_STYLE = """
QComboBox:focus { border: 2px solid palette(highlight); border-radius: 3px; padding: 1px 4px; }
QAbstractItemView:focus, QTextBrowser:focus { border: 2px solid palette(highlight); }
"""


class MainWindow(QMainWindow):
    loaded = Signal()  # a snapshot has been read and shown
    # The figures last shown, from the start-up cache, are shown while the database is
    # still being opened (aipdesk.services.startcache); `loaded` follows with the real read.
    cache_shown = Signal()
    exported = Signal(str)  # the path of a workbook just written
    load_failed = Signal(object)  # the exception; the user has been told in words

    # Made by aipdesk.ui.window_chrome at construction.
    undo_actions: UndoActions
    action_undo: QAction
    action_redo: QAction
    action_export: QAction
    action_import: QAction
    action_template: QAction
    action_merge: QAction
    action_report: QAction
    action_print: QAction
    action_quit: QAction
    action_restore: QAction
    action_reload: QAction
    action_ibcs: QAction
    year_combo: QComboBox
    month_combo: QComboBox

    def __init__(
        self, backend: Backend, year: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.backend = backend
        self.year = year  # None: the default year, found when the database is open
        self.start_year = year  # what the window was started with (the start-up cache's key)
        self.report_month: Month | None = None
        # A month the user picked stays; otherwise the Meldeschluss month is taken anew
        # with every refresh (it moves on when the last missing value comes in).
        self.month_pinned = False
        self.snapshot: Snapshot | None = None
        self._painted = False
        self._first_paint = threading.Event()  # the loader waits for it (at most 0.5 s)
        self._pending: Snapshot | None = None
        # Figures from the start-up cache: shown, nothing editable, until the real read.
        self.showing_cache = False
        self._pending_cached = False
        self._state_shown = False  # the database's state (banners, label) is shown
        self._period_said: tuple[int, Month] | None = None  # in the status bar
        self.setWindowTitle(self.tr("aipdesk – labour-market and integration programme"))
        self.setStyleSheet(FOCUS_STYLE)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        backend.undo_stack = self.undo_stack  # every write pushes its step here

        make_actions(self)
        make_header(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("paneTabs")
        self.tabs.setAccessibleName(self.tr("Panes"))
        self.tabs.setDocumentMode(True)
        self.dashboard = DashboardPane(backend, self)
        self.projects = ProjectsPane(backend, self)
        self.integrations = GridPane(backend, self.undo_stack, Area.INTEGRATION, self)
        self.training = GridPane(backend, self.undo_stack, Area.TRAINING, self)
        self.targets = TargetsPane(backend, self)
        self.budget = BudgetPane(backend, self)
        self.panes: dict[str, QWidget] = {
            "dashboard": self.dashboard,
            "projects": self.projects,
            "integrations": self.integrations,
            "training": self.training,
            "targets": self.targets,
            "budget": self.budget,
        }
        titles = [
            self.tr("&Overview"),
            self.tr("&Projects"),
            self.tr("&Integrations"),
            self.tr("&Training"),
            self.tr("Tar&gets"),
            self.tr("&Budget"),
        ]
        for pane, title in zip(self.panes.values(), titles, strict=True):
            self.tabs.addTab(pane, title)
            pane.setAccessibleName(title.replace("&", ""))
        # Banners above the panes: a read-only database, and what the user should know
        # about the database (a network share, a daily backup that failed).
        self.read_only_banner = self._banner("readOnlyBanner")
        self.notice_banner = self._banner("noticeBanner")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.notice_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        make_menus(self, titles)
        self.action_reviews = add_reviews_action(self)

        self.db_label = QLabel(self)
        self.db_label.setObjectName("databaseLabel")
        self.statusBar().addPermanentWidget(self.db_label)

        self.exchange = ExchangeActions(self)
        self.action_export.triggered.connect(lambda: self.exchange.export())
        self.action_import.triggered.connect(lambda: self.exchange.import_())
        self.action_template.triggered.connect(lambda: self.exchange.template())
        self.action_merge.triggered.connect(lambda: self.exchange.merge())
        self.reports = ReportActions(self)
        self.backups = BackupActions(self)
        self.action_restore.triggered.connect(lambda: self.backups.restore())
        backend.changed.connect(self._on_changed)
        backend.stale.connect(self.refresh)
        backend.failed.connect(lambda text: show_error(self, text))
        self.dashboard.chart_requested.connect(self._show_chart)
        welcome = self.dashboard.welcome
        welcome.enter_values.connect(lambda: self.show_pane("integrations"))
        welcome.check_targets.connect(lambda: self.show_pane("targets"))
        welcome.export.connect(self.action_export.trigger)
        self.tabs.currentChanged.connect(self._focus_pane)
        self.help = HelpMenu(self)
        self.state = WindowState(self)
        self._shown = False
        screens = available_screens()
        if screens:
            self.setGeometry(default_rect(screens[0], QSize(0, 32)))

    # -- construction ----------------------------------------------------------------------
    def _banner(self, name: str) -> QLabel:
        banner = QLabel(self)
        banner.setObjectName(name)
        banner.setWordWrap(True)
        banner.setTextFormat(Qt.TextFormat.PlainText)
        banner.setAccessibleName(self.tr("Notice"))
        banner.setMargin(8)
        # Amber like the traffic light, dark text: readable in light and dark palettes.
        banner.setStyleSheet("QLabel { background: #ffe08a; color: #3a2c00; }")
        banner.hide()
        return banner

    def _show_database_state(self) -> None:
        """Once the database is open: say if it is read-only, and what else to know."""
        db = self.backend.db
        read_only = self.backend.read_only
        self.read_only_banner.setText(
            self.tr(
                "Read-only: you have no write permission for this database. You can look at "
                "everything and export it, but not change anything."
            )
        )
        self.read_only_banner.setVisible(read_only)
        notices = [notice.text(self.backend.lang) for notice in db.notices]
        self.notice_banner.setText("\n".join(notices))
        self.notice_banner.setVisible(bool(notices))
        self.action_restore.setEnabled(self.backend.can_restore)

    def restored(self, message: str) -> None:
        """A backup was restored (one undo step, whose changes had the figures read anew):
        show the restored database's state; without figures yet (a damaged database on
        opening), read them."""
        if self.snapshot is None:
            self._state_shown = False  # the restored file's state is shown with its figures
            self.reload()
        else:
            self._show_database_state()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Backup restored"),
            message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("restoredMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the snapshot of the chosen year and month off the GUI thread (on the first
        call this also imports the database stack and opens the database there)."""
        year, month = self.year, self.wanted_month()
        backend = self.backend
        self.statusBar().showMessage(self.tr("Loading…"))

        first_paint = self._first_paint
        # The start's own request is stored for the next start (startcache).
        remember = year == self.start_year and month is None

        def load() -> Snapshot:
            # Importing the database stack holds the GIL; the window paints first (and
            # the figures of the start-up cache, if there are any).
            first_paint.wait(0.5)
            return backend.read_snapshot(year, month, remember=remember)

        self.backend.runner.submit(load, self._loaded, self._load_failed, channel="snapshot")

    def show_cached(self, snapshot: Snapshot) -> None:
        """Show `snapshot` from the start-up cache until the real read replaces it: after
        the first paint, and before the database worker starts its imports."""
        if self.snapshot is not None or self._pending is not None:
            return
        self._pending, self._pending_cached = snapshot, True
        if self._painted:
            QTimer.singleShot(0, self._show_pending)

    def event(self, event: QEvent) -> bool:
        # The first snapshot is shown only after the window has painted once: the
        # window appears at once, the figures (and pyqtgraph for the chart) follow.
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            if self._pending is not None:
                QTimer.singleShot(0, self._show_pending)
            if not self._pending_cached:
                self._first_paint.set()
        return super().event(event)

    def _loaded(self, snapshot: Snapshot) -> None:
        self._pending_cached = False
        if self.isVisible() and not self._painted:
            self._pending = snapshot
        else:
            self._pending = None
            self._apply(snapshot)

    def _show_pending(self) -> None:
        snapshot, self._pending = self._pending, None
        cached, self._pending_cached = self._pending_cached, False
        if snapshot is not None:
            self._apply(snapshot, cached=cached)
        if cached:
            self.repaint()  # the cached figures on screen now, then the worker's imports
        self._first_paint.set()

    def _load_failed(self, error: BaseException) -> None:
        self.statusBar().clearMessage()
        self._pending, self._pending_cached = None, False
        self._first_paint.set()
        if self.showing_cache:
            self._clear()  # figures from the cache must not hide what went wrong
        if isinstance(error, DomainError) and self.backups.offer(error) is not None:
            pass  # damaged: the newest backup is offered
        elif isinstance(error, DomainError):
            show_error(self, self.backend.message(error), self.tr("Loading failed"))
        else:
            show_error(
                self, describe_unexpected(error, self.backend.lang), self.tr("Loading failed")
            )
        self.load_failed.emit(error)

    def _apply(
        self, snapshot: Snapshot, changes: Changes | None = None, *, cached: bool = False
    ) -> None:
        if self.year is not None and snapshot.year != self.year:
            return  # an older request that the user has overtaken
        if not self._state_shown and self.backend.is_open:
            self._state_shown = True
            self._show_database_state()
            self.db_label.setText(
                self.tr("Database: {0} · User: {1}").format(
                    self.backend.db.where, self.backend.actor.user
                )
            )
        self.showing_cache = cached
        self.year = snapshot.year
        self.snapshot = snapshot
        self.backend.remember_names(snapshot.projects, snapshot.metrics.values())
        # Exports and imports need the open database; edits wait for it too
        # (Backend.read_only until it is open).
        for action in self._reading_actions():
            action.setEnabled(not cached)
        for action in (self.action_import, self.action_merge):
            action.setEnabled(not cached and not self.backend.read_only)
        self.report_month = snapshot.report_month
        self._fill_combos(snapshot)
        self.dashboard.set_snapshot(snapshot, changes)
        self.projects.set_snapshot(snapshot, changes)
        self.integrations.set_snapshot(snapshot, changes)
        self.training.set_snapshot(snapshot, changes)
        self.targets.set_snapshot(snapshot, changes)
        self.budget.set_snapshot(snapshot, changes)
        if cached:
            self.cache_shown.emit()  # "Loading…" stays in the status bar
            return
        period = (snapshot.year, snapshot.report_month)
        if changes is None or period != self._period_said:
            # Said when figures are read or the period moves, not after every edit: a
            # status bar paints its message at once, and the same words say nothing new.
            self._period_said = period
            self.statusBar().showMessage(
                self.tr("Year {0}, report month {1}").format(
                    snapshot.year, month_label(snapshot.report_month)
                ),
                5000,
            )
        self.loaded.emit()

    def _clear(self) -> None:
        """Empty the panes, as they are when no snapshot has been read."""
        shown = self.snapshot
        self.showing_cache = False
        self.snapshot = None
        self.year = self.start_year
        self.report_month = None
        if shown is None:
            return
        blank = Snapshot.blank(shown.year, shown.report_month)
        for pane in (self.projects, self.integrations, self.training, self.targets, self.budget):
            pane.set_snapshot(blank)
        self.projects.snapshot = self.targets.snapshot = None
        self.dashboard.clear()
        for action in self._reading_actions():
            action.setEnabled(False)
        self.year_combo.clear()
        self.month_combo.clear()

    def _reading_actions(self) -> tuple[QAction, ...]:
        """What reads the open database (no figures from the start-up cache)."""
        return (self.action_export, self.action_template, self.action_report, self.action_print)

    def _fill_combos(self, snapshot: Snapshot) -> None:
        """The years and the months of the year shown; filled anew only when they change
        (after an edit they seldom do, and filling them lays out the header again)."""
        years = tuple(self.year_combo.itemData(n) for n in range(self.year_combo.count()))
        if years != snapshot.years:
            self.year_combo.blockSignals(True)
            self.year_combo.clear()
            for year in snapshot.years:
                self.year_combo.addItem(str(year), year)
            self.year_combo.blockSignals(False)
        if self.year_combo.currentData() != snapshot.year:
            self.year_combo.blockSignals(True)
            self.year_combo.setCurrentIndex(self.year_combo.findData(snapshot.year))
            self.year_combo.blockSignals(False)
        first = self.month_combo.itemData(0) if self.month_combo.count() == 12 else None
        if first != Month(snapshot.year, 1):
            self.month_combo.blockSignals(True)
            self.month_combo.clear()
            for number in range(1, 13):
                month = Month(snapshot.year, number)
                self.month_combo.addItem(month_label(month), month)
            self.month_combo.blockSignals(False)
        if self.month_combo.currentIndex() != snapshot.report_month.month - 1:
            self.month_combo.blockSignals(True)
            self.month_combo.setCurrentIndex(snapshot.report_month.month - 1)
            self.month_combo.blockSignals(False)

    def wanted_month(self) -> Month | None:
        """The report month to read: the one the user picked, else None (the default)."""
        return self.report_month if self.month_pinned else None

    def _year_chosen(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year != self.year:
            self.year, self.report_month, self.month_pinned = year, None, False
            self.reload()

    def _month_chosen(self, index: int) -> None:
        month = self.month_combo.itemData(index)
        if month != self.report_month or not self.month_pinned:
            self.report_month, self.month_pinned = month, True
            self.reload()

    def set_period(self, year: int, month: Month | None = None) -> None:
        """Switch year and report month programmatically (tests, command line);
        without a month, the default (Meldeschluss) month."""
        self.year, self.report_month, self.month_pinned = year, month, month is not None
        self.reload()

    # -- changes ---------------------------------------------------------------------------
    def _on_changed(self, changes: Changes, initiator: object = None) -> None:
        """An operation committed: show it, and let each pane update what it concerns.

        A write of monthly values is applied to the figures shown without reading the
        year again (`views.refresh`: its rows, targets and Meldestand only); anything
        else is read anew on the database worker.
        """
        if self.snapshot is None:
            return  # nothing shown yet: the first load brings the change along
        from aipdesk.services.views import refresh

        snapshot = refresh(self.snapshot, changes, self.wanted_month())
        year, month = self.snapshot.year, self.wanted_month()
        if snapshot is None:
            snapshot = self.backend.runner.call(lambda: self.backend.snapshot(year, month))
        elif budget_concerned(snapshot, changes):
            budget = self.backend.runner.call(lambda: self.backend.budget(year, month))
            snapshot = replace(snapshot, budget=budget)
        self._apply(snapshot, changes)

    def refresh(self) -> None:
        """Read everything shown again, now (after another user's change came to light)."""
        if self.snapshot is None:
            return
        year, month = self.snapshot.year, self.wanted_month()
        self._apply(self.backend.runner.call(lambda: self.backend.snapshot(year, month)))

    def _show_chart(self) -> None:
        self.tabs.setCurrentWidget(self.dashboard)

    def show_pane(self, name: str) -> None:
        """Show a pane with the keyboard focus in its table (also when it is shown already)."""
        self.tabs.setCurrentWidget(self.panes[name])
        self._focus_pane()

    def current_pane(self) -> str:
        widget = self.tabs.currentWidget()
        return next((name for name, pane in self.panes.items() if pane is widget), PANES[0])

    def _step_pane(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())
        self._focus_pane()

    def _focus_pane(self, *_: object) -> None:
        """The keyboard focus goes into the pane shown: its table (not the year box, whose
        arrow keys would change the year), or the page itself (the manual)."""
        widget = self.tabs.currentWidget()
        if widget is None:
            return
        name = widget.objectName().removesuffix("Pane")
        table = widget.findChild(QAbstractItemView, f"{name}Table")
        (table if table is not None else widget).setFocus(Qt.FocusReason.TabFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._shown:
            self._shown = True
            self.state.restore()
            self.loaded.connect(self.state.restore_splitters)
            QTimer.singleShot(0, self._focus_pane)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.snapshot is not None and not self.showing_cache and not self.month_pinned:
            # What the next start shows at once, if anything changed since it was stored.
            self.backend.remember_start(self.start_year)
        self.state.save()
        self.backend.shutdown()
        super().closeEvent(event)
