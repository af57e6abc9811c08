"""Asks before an implausible value is stored: the values far outside their series,
the first few named, and the Bemerkung that says why they are right all the same.

The grid pane opens it when a write (a typed value, a paste) is refused as implausible
(services.plausibility); accepting stores the values with the note and lists them
"zur Klärung", cancelling stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import pick
from aipdesk.services.base import CellKey
from aipdesk.ui.common import labelled_form, ok_cancel, show_refusal

IMPLAUSIBLE = (Code.implausible_value, Code.implausible_values)


class PlausibilityDialog(QDialog):
    """`confirmed(note)` is called once the person has given a note and said yes."""

    def __init__(
        self,
        error: DomainError,
        lang: str,
        confirmed: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("plausibilityDialog")
        self.setWindowTitle(self.tr("Implausible value"))
        self.keys: list[CellKey] = list(error.params.get("keys", []))
        self._confirmed = confirmed
        layout = QVBoxLayout(self)
        count = len(self.keys)
        intro = (
            self.tr("This value lies far outside its series:")
            if count == 1
            else self.tr("%n values lie far outside their series:", "", count)
        )
        layout.addWidget(QLabel(intro, self))
        lines = []
        for names, value, usual in error.params.get("named", []):
            where = " · ".join(
                pick(names[k], lang) if isinstance(names[k], tuple) else names[k]
                for k in ("project", "metric", "month")
            )
            lines.append(f"{where}: {pick(value, lang)} ({pick(usual, lang)})")
        more = count - len(lines)
        if more > 0:
            lines.append(self.tr("and %n more", "", more))
        listed = QLabel("\n".join(lines), self)
        listed.setObjectName("plausibilityValues")
        layout.addWidget(listed)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Store it all the same? It is then listed for review (Zur Klärung) "
                    "until a coordinator has checked it."
                ),
                self,
            )
        )
        self.note = QLineEdit(self)
        self.note.setObjectName("plausibilityNote")
        self.note.setAccessibleName(self.tr("Note: why the value is right"))
        layout.addLayout(
            labelled_form(self, [(self.tr("&Note (why it is right):"), self.note, self.note)])
        )
        buttons, self.ok = ok_cancel(self)
        self.ok.setText(self.tr("Store for review"))
        self.ok.setEnabled(False)
        self.note.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        layout.addWidget(buttons)
        self.accepted.connect(self._accept)

    def _accept(self) -> None:
        self._confirmed(self.note.text().strip())


def ask_plausibility(
    pane: QWidget,
    error: DomainError,
    lang: str,
    wanted: Mapping[CellKey, tuple[int, str | None] | None],
    shown: Mapping[CellKey, int],
    text: tuple[str, str],
) -> PlausibilityDialog:
    """Open the dialog for a write of `pane` refused as implausible; once confirmed, the
    same write again with the note on the implausible values, listed "zur Klärung"."""
    backend = pane.backend  # type: ignore[attr-defined]

    def store(note: str) -> None:
        keys = [key for key in error.params.get("keys", []) if wanted.get(key) is not None]
        cells = dict(wanted)
        for key in keys:
            value = cells[key]
            assert value is not None
            cells[key] = (value[0], note)
        try:
            backend.set_cells(
                cells, shown, text, pane, forced=dict.fromkeys(keys, note), confirm=True
            )
        except DomainError as again:
            show_refusal(pane, again, lang)

    dialog = PlausibilityDialog(error, lang, store, pane)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
