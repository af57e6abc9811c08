"""Small things every pane shares: status texts and colours, number texts, messages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.model import Metric, MetricKind, Status
from aipdesk.domain.months import Month
from aipdesk.format import Formatter, formatter

# Roles shared by the table models: raw values for sorting and the row object for tests.
SortRole = Qt.ItemDataRole.UserRole + 1
ItemRole = Qt.ItemDataRole.UserRole + 2


def fmt() -> Formatter:
    """The formatter of the window's language (set by aipdesk.ui.i18n.install)."""
    return formatter("en" if QLocale().language() == QLocale.Language.English else "de")


# Written out as QCoreApplication.translate("Context", "text") so pyside6-lupdate finds
# them: the window's month names follow its translator (tests/ui/test_translations.py
# checks that the German ones are those of aipdesk.format, which the CLI and workbook use).
def month_names() -> tuple[str, ...]:
    # Twelve look-ups per call add up where hundreds of months are named (the Meldestand of
    # 400 projects after every edit): the names are kept while March and December read the
    # same (they differ between German, English and any other translator installed).
    key = (QCoreApplication.translate("Months", "Mar"), QCoreApplication.translate("Months", "Dec"))
    if key not in _MONTH_NAMES:
        _MONTH_NAMES.clear()
        _MONTH_NAMES[key] = _translated_month_names()
    return _MONTH_NAMES[key]


_MONTH_NAMES: dict[tuple[str, str], tuple[str, ...]] = {}


def _translated_month_names() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("Months", "Jan"),
        QCoreApplication.translate("Months", "Feb"),
        QCoreApplication.translate("Months", "Mar"),
        QCoreApplication.translate("Months", "Apr"),
        QCoreApplication.translate("Months", "May"),
        QCoreApplication.translate("Months", "Jun"),
        QCoreApplication.translate("Months", "Jul"),
        QCoreApplication.translate("Months", "Aug"),
        QCoreApplication.translate("Months", "Sep"),
        QCoreApplication.translate("Months", "Oct"),
        QCoreApplication.translate("Months", "Nov"),
        QCoreApplication.translate("Months", "Dec"),
    )


def month_label(month: Month) -> str:
    return f"{month_names()[month.month - 1]} {month.year}"


def status_text(status: Status) -> str:
    """Status as text with a symbol, never colour alone (BITV 2.0)."""
    return {
        Status.GREEN: "● " + QCoreApplication.translate("Status", "green"),
        Status.AMBER: "▲ " + QCoreApplication.translate("Status", "amber"),
        Status.RED: "■ " + QCoreApplication.translate("Status", "red"),
        Status.NONE: "– " + QCoreApplication.translate("Status", "no status"),
    }[status]


def status_color(status: Status) -> QColor | None:
    """A background that keeps dark text readable (contrast ≥ 4.5:1 with black)."""
    return {
        Status.GREEN: QColor("#c8e6c9"),
        Status.AMBER: QColor("#ffe0a3"),
        Status.RED: QColor("#f8c4c4"),
    }.get(status)


def decimals_for(metric: Metric) -> int:
    return 1 if metric.unit == "%" or metric.kind is MetricKind.STOCK else 0


def number_text(value: float | None, metric: Metric) -> str:
    text = fmt().number(value, decimals_for(metric), empty="")
    return f"{text} %" if text and metric.unit == "%" else text


def muted(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.ColorRole.PlaceholderText)


def show_error(parent: QWidget | None, text: str, title: str | None = None) -> None:
    """A rejection or failure, said in words; never a traceback."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("Messages", "Input rejected"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorMessage")
    box.setAccessibleName(QCoreApplication.translate("Messages", "Error message"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


# Errors that mean someone else changed what an edit was based on (services.versions).
CONFLICTS = (Code.value_conflict, Code.target_conflict, Code.budget_conflict)


def refusal_text(error: DomainError, lang: str) -> str:
    """Why an edit was refused; after a conflict the window has reloaded, and says so."""
    text = error.text(lang)
    if error.code in CONFLICTS:
        text += "\n\n" + QCoreApplication.translate(
            "Messages", "The window now shows the current values."
        )
    return text


def show_refusal(parent: QWidget | None, error: DomainError, lang: str) -> None:
    show_error(parent, refusal_text(error, lang))


def labelled_form(parent: QWidget, rows: Sequence[tuple[str, QWidget, QWidget]]) -> QFormLayout:
    """A form of (label text with mnemonic, field, the widget the mnemonic focuses)."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    for text, field, buddy in rows:
        label = QLabel(text, parent)
        label.setBuddy(buddy)
        form.addRow(label, field)
    return form


def ok_cancel(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    """OK and Cancel wired to accept/reject; the OK button (objectName okButton) returned
    so that the dialog can disable it while the input is invalid."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.setObjectName("buttonBox")
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setObjectName("okButton")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok
