"""The main window: header with year and report month, five panes, undo, loading off-thread.

What it remembers between starts is in `window_state`, the Hilfe menu in `help`."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
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
from aipdesk.ui.exchange_actions import ExchangeActions
from aipdesk.ui.help import HelpMenu
from aipdesk.ui.panes.dashboard import DashboardPane
from aipdesk.ui.panes.grid import GridPane
from aipdesk.ui.panes.projects import ProjectsPane
from aipdesk.ui.panes.targets import TargetsPane
from aipdesk.ui.undo_actions import UndoActions
from aipdesk.ui.window_state import WindowState, available_screens, default_rect

PANES = ("dashboard", "projects", "integrations", "training", "targets")
# Where the keyboard focus is must always be visible (Fusion, the style on Linux, marks a
# focused combo box or table barely): a ring in the highlight colour.
FOCUS_STYLE = """
QComboBox:focus { border: 2px solid palette(highlight); border-radius: 3px; padding: 1px 4px; }
QAbstractItemView:focus, QTextBrowser:focus { border: 2px solid palette(highlight); }
"""


class MainWindow(QMainWindow):
    loaded = Signal()  # a snapshot has been read and shown
    exported = Signal(str)  # the path of a workbook just written
    load_failed = Signal(object)  # the exception; the user has been told in words

    def __init__(
        self, backend: Backend, year: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.backend = backend
        self.year = year  # None: the default year, found when the database is open
        self.report_month: Month | None = None
        # A month the user picked stays; otherwise the Meldeschluss month is taken anew
        # with every refresh (it moves on when the last missing value comes in).
        self.month_pinned = False
        self.snapshot: Snapshot | None = None
        self._painted = False
        self._first_paint = threading.Event()  # the loader waits for it (at most 0.5 s)
        self._pending: Snapshot | None = None
        self.setWindowTitle(self.tr("aipdesk – labour-market and integration programme"))
        self.setStyleSheet(FOCUS_STYLE)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        backend.undo_stack = self.undo_stack  # every write pushes its step here

        self._make_actions()
        self._make_header()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("paneTabs")
        self.tabs.setAccessibleName(self.tr("Panes"))
        self.tabs.setDocumentMode(True)
        self.dashboard = DashboardPane(backend, self)
        self.projects = ProjectsPane(backend, self)
        self.integrations = GridPane(backend, self.undo_stack, Area.INTEGRATION, self)
        self.training = GridPane(backend, self.undo_stack, Area.TRAINING, self)
        self.targets = TargetsPane(backend, self)
        self.panes: dict[str, QWidget] = {
            "dashboard": self.dashboard,
            "projects": self.projects,
            "integrations": self.integrations,
            "training": self.training,
            "targets": self.targets,
        }
        titles = [
            self.tr("&Overview"),
            self.tr("&Projects"),
            self.tr("&Integrations"),
            self.tr("&Training"),
            self.tr("Tar&gets"),
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
        self._make_menus(titles)

        self.db_label = QLabel(self)
        self.db_label.setObjectName("databaseLabel")
        self.statusBar().addPermanentWidget(self.db_label)

        self.exchange = ExchangeActions(self)
        self.action_export.triggered.connect(lambda: self.exchange.export())
        self.action_import.triggered.connect(lambda: self.exchange.import_())
        self.action_template.triggered.connect(lambda: self.exchange.template())
        self.action_merge.triggered.connect(lambda: self.exchange.merge())
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
        """A backup was restored: forget the undo steps (they belong to the replaced
        state) and read everything of the restored database."""
        self.undo_stack.clear()
        self.snapshot = None
        self.reload()
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

    def _make_actions(self) -> None:
        self.undo_actions = UndoActions(self.undo_stack, self)
        self.action_undo, self.action_redo = self.undo_actions.undo, self.undo_actions.redo
        self.action_export = QAction(self.tr("E&xport workbook…"), self)
        self.action_export.setObjectName("actionExport")
        self.action_import = QAction(self.tr("&Import workbook…"), self)
        self.action_import.setObjectName("actionImport")
        self.action_template = QAction(self.tr("Entry &template…"), self)
        self.action_template.setObjectName("actionTemplate")
        self.action_merge = QAction(self.tr("&Merge database…"), self)
        self.action_merge.setObjectName("actionMerge")
        for action, tip in (
            (self.action_export, self.tr("Write the year's figures as an Excel workbook")),
            (self.action_import, self.tr("Take values from an entry template or an export")),
            (self.action_template, self.tr("An Excel sheet for team leads to fill in offline")),
            (self.action_merge, self.tr("Take the values of another aipdesk database")),
        ):
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setEnabled(False)  # until the figures are loaded
        # Short labels in the toolbar (it must fit a laptop screen); the tooltips say more.
        self.action_export.setIconText(self.tr("Export"))
        self.action_import.setIconText(self.tr("Import"))
        self.action_export.setShortcut(QKeySequence("Ctrl+E"))
        self.action_import.setShortcut(QKeySequence("Ctrl+I"))
        self.action_quit = QAction(self.tr("&Quit"), self)
        self.action_quit.setObjectName("actionQuit")
        self.action_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.action_quit.triggered.connect(self.close)
        self.action_restore = QAction(self.tr("&Restore backup…"), self)
        self.action_restore.setObjectName("actionRestore")
        tip = self.tr("Replace the database by a backup (the current state is backed up first)")
        self.action_restore.setToolTip(tip)
        self.action_restore.setStatusTip(tip)
        self.action_restore.setEnabled(False)  # until the database is open
        self.action_reload = QAction(self.tr("Re&load"), self)
        self.action_reload.setObjectName("actionReload")
        self.action_reload.setShortcut(QKeySequence.StandardKey.Refresh)
        self.action_reload.triggered.connect(self.reload)

    def _make_header(self) -> None:
        bar = QToolBar(self.tr("Header"), self)
        bar.setObjectName("headerBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.year_combo = QComboBox(bar)
        self.year_combo.setObjectName("yearCombo")
        self.year_combo.setAccessibleName(self.tr("Year"))
        self.month_combo = QComboBox(bar)
        self.month_combo.setObjectName("monthCombo")
        self.month_combo.setAccessibleName(self.tr("Report month"))
        self.month_combo.setMinimumContentsLength(10)
        year_label = QLabel(self.tr("&Year:"), bar)
        year_label.setBuddy(self.year_combo)
        month_label_ = QLabel(self.tr("Report &month:"), bar)
        month_label_.setBuddy(self.month_combo)
        for widget in (year_label, self.year_combo, month_label_, self.month_combo):
            bar.addWidget(widget)
        bar.addSeparator()
        for action in (self.action_undo, self.action_redo):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.action_export, self.action_import):
            bar.addAction(action)
        self.year_combo.activated.connect(self._year_chosen)
        self.month_combo.activated.connect(self._month_chosen)

    def _make_menus(self, titles: list[str]) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (
            self.action_export,
            self.action_import,
            self.action_template,
            self.action_merge,
            self.action_restore,
            self.action_reload,
            self.action_quit,
        ):
            menu.addAction(action)
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        menu.addAction(self.action_undo)
        menu.addAction(self.action_redo)
        menu = self.menuBar().addMenu(self.tr("&View"))
        for index, title in enumerate(titles):
            action = QAction(title.replace("&", ""), self)
            action.setObjectName(f"actionShow{PANES[index].title()}")
            action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.show_pane(PANES[i]))
            menu.addAction(action)
        menu.addSeparator()
        for name, text, keys, step in (
            ("actionNextPane", self.tr("&Next pane"), "Ctrl+Tab", 1),
            ("actionPreviousPane", self.tr("P&revious pane"), "Ctrl+Shift+Tab", -1),
        ):
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, s=step: self._step_pane(s))
            menu.addAction(action)

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the snapshot of the chosen year and month off the GUI thread (on the first
        call this also imports the database stack and opens the database there)."""
        year, month = self.year, self.wanted_month()
        backend = self.backend
        self.statusBar().showMessage(self.tr("Loading…"))

        first_paint = self._first_paint

        def load() -> Snapshot:
            # Importing the database stack holds the GIL; the window paints first.
            first_paint.wait(0.5)
            return backend.snapshot(year if year is not None else backend.default_year(), month)

        self.backend.runner.submit(load, self._loaded, self._load_failed, channel="snapshot")

    def event(self, event: QEvent) -> bool:
        # The first snapshot is shown only after the window has painted once: the
        # window appears at once, the figures (and pyqtgraph for the chart) follow.
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self._first_paint.set()
            if self._pending is not None:
                QTimer.singleShot(0, self._show_pending)
        return super().event(event)

    def _loaded(self, snapshot: Snapshot) -> None:
        if self.isVisible() and not self._painted:
            self._pending = snapshot
        else:
            self._apply(snapshot)

    def _show_pending(self) -> None:
        snapshot, self._pending = self._pending, None
        if snapshot is not None:
            self._apply(snapshot)

    def _load_failed(self, error: BaseException) -> None:
        self.statusBar().clearMessage()
        if isinstance(error, DomainError) and self.backups.offer(error) is not None:
            pass  # damaged: the newest backup is offered
        elif isinstance(error, DomainError):
            show_error(self, self.backend.message(error), self.tr("Loading failed"))
        else:
            show_error(
                self, describe_unexpected(error, self.backend.lang), self.tr("Loading failed")
            )
        self.load_failed.emit(error)

    def _apply(self, snapshot: Snapshot, changes: Changes | None = None) -> None:
        if self.year is not None and snapshot.year != self.year:
            return  # an older request that the user has overtaken
        if self.snapshot is None:
            self._show_database_state()
            self.db_label.setText(
                self.tr("Database: {0} · User: {1}").format(
                    self.backend.db.where, self.backend.actor.user
                )
            )
        self.year = snapshot.year
        self.snapshot = snapshot
        self.backend.remember_names(snapshot.projects, snapshot.metrics.values())
        self.action_export.setEnabled(True)
        self.action_template.setEnabled(True)
        for action in (self.action_import, self.action_merge):
            action.setEnabled(not self.backend.read_only)
        self.report_month = snapshot.report_month
        self._fill_combos(snapshot)
        self.dashboard.set_snapshot(snapshot, changes)
        self.projects.set_snapshot(snapshot, changes)
        self.integrations.set_snapshot(snapshot, changes)
        self.training.set_snapshot(snapshot, changes)
        self.targets.set_snapshot(snapshot, changes)
        self.statusBar().showMessage(
            self.tr("Year {0}, report month {1}").format(
                snapshot.year, month_label(snapshot.report_month)
            ),
            5000,
        )
        self.loaded.emit()

    def _fill_combos(self, snapshot: Snapshot) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in snapshot.years:
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(snapshot.year))
        self.year_combo.blockSignals(False)
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        for number in range(1, 13):
            month = Month(snapshot.year, number)
            self.month_combo.addItem(month_label(month), month)
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
        if snapshot is None:
            year, month = self.snapshot.year, self.wanted_month()
            snapshot = self.backend.runner.call(lambda: self.backend.snapshot(year, month))
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
        self.state.save()
        self.backend.shutdown()
        super().closeEvent(event)
