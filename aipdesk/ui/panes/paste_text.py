"""Why a paste into an entry grid is refused, in words, with the names people know."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from aipdesk.domain.table_text import TableTextError
from aipdesk.services.paste import PasteRefused
from aipdesk.ui.common import month_label


def _nothing_stored() -> str:
    return QCoreApplication.translate("Paste", "Nothing was pasted.")


def table_text_refusal(error: TableTextError) -> str:
    """The clipboard holds no table of values that could be pasted."""
    texts = {
        "empty": QCoreApplication.translate("Paste", "The clipboard holds no text to paste."),
        "too_long": QCoreApplication.translate(
            "Paste", "The clipboard holds more than {0} characters: too much for a grid."
        ),
        "too_many_rows": QCoreApplication.translate(
            "Paste", "The clipboard holds more than {0} rows: too many for a grid."
        ),
        "too_many_columns": QCoreApplication.translate(
            "Paste", "The clipboard holds more than {0} columns: a year has 12 months."
        ),
        "control": QCoreApplication.translate(
            "Paste",
            "Row {1}, column {2} of the clipboard holds a control character ({3}): "
            "only numbers can be pasted.",
        ),
        "formula": QCoreApplication.translate(
            "Paste",
            "Row {1}, column {2} of the clipboard holds a formula ({3}): copy the values, "
            "not the formulas.",
        ),
    }
    text = texts[error.kind].format(
        f"{error.limit:,}".replace(",", "."), error.row, error.column, error.text
    )
    return f"{text} {_nothing_stored()}"


def paste_refusal(refused: PasteRefused, lang: str) -> str:
    """A block that does not fit where it was pasted, or a cell it cannot take."""
    if refused.kind == "edge":
        text = QCoreApplication.translate(
            "Paste",
            "The clipboard holds {0} rows × {1} columns, but from the selected cell the grid "
            "has room for {2} rows × {3} months.",
        ).format(refused.rows, refused.columns, refused.room_rows, refused.room_columns)
        return f"{text} {_nothing_stored()}"
    assert refused.row is not None and refused.month is not None
    where = f"{refused.row.project.name} · {refused.row.metric.name} · {month_label(refused.month)}"
    if refused.kind == "bad_value" and refused.reason is not None:
        why = refused.reason.text(lang)
    else:
        why = {
            "computed": QCoreApplication.translate(
                "Paste", "this row is computed and cannot be edited"
            ),
            "inactive": QCoreApplication.translate(
                "Paste", "the project is deactivated and cannot be edited"
            ),
            "outside": QCoreApplication.translate(
                "Paste", "the month lies outside the project period"
            ),
        }[refused.kind]
    text = f"{where}: {why}."
    if refused.count > 1:
        text += " " + QCoreApplication.translate(
            "Paste", "{0} more cells of the clipboard cannot be taken either."
        ).format(refused.count - 1)
    return f"{text} {_nothing_stored()}"
