"""`budgetPlanDialog`: an instrument's plan for the year and its plan curve, as a
target's plan curve is edited: the amount in euros (German or plain), one weight per
month (any non-negative numbers; the plan to date is the plan times the share of the
weights up to the month), "Linear" for equal weights. OK stores it as one operation
(`SetBudgetPlan`, one undo step); a bad amount or weight is named and nothing stored."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aipdesk.domain.errors import DomainError
from aipdesk.domain.money import format_cents, parse_cents
from aipdesk.ui.common import month_names

MONTHS = 12


class BudgetPlanDialog(QDialog):
    def __init__(
        self,
        title: str,
        plan: int,
        weights: tuple[str, ...] | None,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("budgetPlanDialog")
        self.setWindowTitle(self.tr("Plan and plan curve – {0}").format(title))
        self._lang = lang
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.amount = QLineEdit(format_cents(plan, lang), self)
        self.amount.setObjectName("budgetPlanAmount")
        form.addRow(self.tr("Plan for the year (€):"), self.amount)
        layout.addLayout(form)
        intro = QLabel(
            self.tr(
                "Weight of each month: the plan to date is the plan times the share of the "
                "weights up to the month. Equal weights (or none) are linear."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(MONTHS, 1, self)
        self.table.setObjectName("budgetPlanWeights")
        self.table.setHorizontalHeaderLabels([self.tr("Weight")])
        self.table.setVerticalHeaderLabels(list(month_names()))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        shown = weights or ("1",) * MONTHS
        for month, weight in enumerate(shown):
            self.table.setItem(month, 0, QTableWidgetItem(_shown(weight, lang)))
        layout.addWidget(self.table)
        linear = QPushButton(self.tr("&Linear"), self)
        linear.setObjectName("budgetPlanLinear")
        linear.clicked.connect(self.make_linear)
        self.message = QLabel(self)
        self.message.setObjectName("budgetPlanMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.addButton(linear, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_plan: int | None = None
        self.result_weights: tuple[str, ...] | None = None

    def make_linear(self) -> None:
        for month in range(MONTHS):
            self.table.setItem(month, 0, QTableWidgetItem("1"))

    def _accept(self) -> None:
        try:
            plan = parse_cents(self.amount.text(), ("Plan", "plan"))
        except DomainError as error:
            self.message.setText(error.text(self._lang))
            return
        weights: list[str] = []
        for month in range(MONTHS):
            item = self.table.item(month, 0)
            text = (item.text() if item is not None else "").strip()
            weight = _weight(text)
            if weight is None:
                self.message.setText(
                    self.tr('{0}: "{1}" is not a weight (a number, not negative)').format(
                        month_names()[month], text
                    )
                )
                return
            weights.append(weight)
        if sum(Decimal(w) for w in weights) == 0:
            self.message.setText(self.tr("The weights add up to 0: there is no plan curve."))
            return
        self.result_plan = plan
        # Equal weights are the linear curve: stored as none, as a new plan has.
        self.result_weights = None if len(set(weights)) == 1 else tuple(weights)
        self.accept()


def _weight(text: str) -> str | None:
    """A weight as typed ("0,5", "0.5", "2"): its plain decimal text, None if it is none."""
    try:
        value = Decimal(text.replace(".", "").replace(",", ".") if "," in text else text)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0:
        return None
    return format(value.normalize(), "f")


def _shown(weight: str, lang: str) -> str:
    """A stored weight ("0.5") as the language writes it ("0,5" in German)."""
    return weight.replace(".", DECIMAL_MARK.get(lang, ","))


DECIMAL_MARK = {"de": ",", "en": "."}
