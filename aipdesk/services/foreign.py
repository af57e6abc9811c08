"""The monthly values of another aipdesk database file, checked like typed input.

A file brought for a merge may come from anywhere, and may have been made by hand:
a value of 3.5, a month 13, two rows for one cell, a project code holding a line
break and an escape sequence. Every row is read as it is stored (no conversion by
the database layer that could hide or drop it) and checked by the rules a value
typed into aipdesk meets: codes, year and month, a whole count within bounds, the
note and the name of whoever wrote it. One bad row refuses the whole merge; the
refusal names the first few, quoted so that a terminal shows them and does
nothing else.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.escape import visible
from aipdesk.domain.model import CODE_RE
from aipdesk.domain.months import Month
from aipdesk.domain.rules import MAX_COUNT
from aipdesk.domain.text import check_line, check_note
from aipdesk.store.locations import read_only_uri

SHOWN_ROWS = 3  # bad rows a refusal names
SHOWN_CHARS = 40  # characters of a stored text a refusal quotes

QUERY = (
    "SELECT v.id, p.code, m.code, v.year, v.month, v.value, v.note, v.updated_by "
    "FROM monthly_values v LEFT JOIN projects p ON p.id = v.project_id "
    "LEFT JOIN metrics m ON m.id = v.metric_id ORDER BY v.id"
)


@dataclass(frozen=True)
class ForeignCell:
    """One monthly value of the other database, as stored there."""

    project: str
    metric: str
    month: Month
    value: int
    note: str | None
    updated_by: str


class _Bad(Exception):
    """A rule a stored row breaks, in German and English."""

    def __init__(self, de: str, en: str) -> None:
        super().__init__(de)
        self.de, self.en = de, en


def _quoted(value: object) -> str:
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    text = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
    return f'"{visible(text)}"'


def _text(value: object, de: str, en: str) -> str:
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            shown = _quoted(value)
            raise _Bad(f"{de} {shown} ist kein UTF-8", f"{en} {shown} is no UTF-8") from None
    shown = _quoted(value)
    raise _Bad(f"{de} {shown} ist kein Text", f"{en} {shown} is no text")


def _invalid(de: str, en: str, value: object) -> _Bad:
    shown = _quoted(value)
    return _Bad(f"{de} {shown} ist ungültig", f"{en} {shown} is invalid")


def _cell(row: tuple[object, ...]) -> ForeignCell:
    """The cell of one stored row, or `_Bad` saying what breaks a rule."""
    _, project, metric, year, month, value, note, user = row
    project_code = None if project is None else _text(project, "Projekt", "project")
    metric_code = None if metric is None else _text(metric, "Kennzahl", "metric")
    if project_code is None or not CODE_RE.fullmatch(project_code):
        raise _invalid("Projekt-Kürzel", "project code", project)
    if metric_code is None or not CODE_RE.fullmatch(metric_code):
        raise _invalid("Kennzahl-Kürzel", "metric code", metric)
    if type(year) is not int or not 1 <= year <= 9999:
        raise _invalid("Jahr", "year", year)
    if type(month) is not int or not 1 <= month <= 12:
        raise _invalid("Monat", "month", month)
    if type(value) is not int or not 0 <= value <= MAX_COUNT:
        shown = _quoted(value)
        raise _Bad(f"Wert {shown} ist keine gültige Anzahl", f"value {shown} is not a valid count")
    note_text = None if note is None else _text(note, "Bemerkung", "note")
    user_text = _text(user, "Benutzername", "user name")
    try:
        if note_text is not None:
            check_note(note_text)
        check_line(user_text, ("Der Benutzername", "the user name"), 100)
    except DomainError as error:
        raise _Bad(error.text("de"), error.text("en")) from None
    return ForeignCell(
        project_code, metric_code, Month(year, month), value, note_text or None, user_text
    )


def _place(row: tuple[object, ...]) -> tuple[str, str]:
    """A bad row as people know it: its cell, when codes and month can be told; else its
    row number in the file."""
    number, project, metric, year, month = row[:5]
    try:
        codes = [_text(code, "", "") for code in (project, metric)]
    except _Bad:
        codes = []
    if (
        len(codes) == 2
        and all(CODE_RE.fullmatch(code) for code in codes)
        and type(year) is int
        and type(month) is int
        and 1 <= year <= 9999
        and 1 <= month <= 12
    ):
        cell = f"{codes[0]} / {codes[1]} / {Month(year, month)}"
        return f"{cell} (Zeile {number})", f"{cell} (row {number})"
    return f"Zeile {number}", f"row {number}"


def read_cells(path: Path, name: str) -> list[ForeignCell]:
    """Every monthly value of the aipdesk database file `path` (a private copy; `name`
    is the file the user named), each checked like typed input.

    Raises ``merge_bad_rows`` naming the first bad rows (and how many there are), or
    ``db_damaged`` when the file cannot be read. Reads without writing a byte.
    """
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as error:
        raise DomainError(Code.db_unreachable, path=name, reason=str(error)) from None
    conn.text_factory = bytes  # decoded here: text that is no UTF-8 is a bad row
    cells: list[ForeignCell] = []
    bad: list[tuple[str, str]] = []
    seen: dict[tuple[str, str, Month], object] = {}
    try:
        for row in conn.execute(QUERY):
            try:
                cell = _cell(tuple(row))
            except _Bad as error:
                de, en = _place(tuple(row))
                bad.append((f"{de}: {error.de}", f"{en}: {error.en}"))
                continue
            key = (cell.project, cell.metric, cell.month)
            if key in seen:
                what = f"{cell.project} / {cell.metric} / {cell.month}"
                bad.append(
                    (
                        f"Zeile {row[0]}: {what} steht doppelt (auch Zeile {seen[key]})",
                        f"row {row[0]}: {what} appears twice (also row {seen[key]})",
                    )
                )
                continue
            seen[key] = row[0]
            cells.append(cell)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        raise DomainError(
            Code.db_damaged, path=name, detail=str(error), backup=None, offer=("", "")
        ) from None
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
    if bad:
        first = bad[:SHOWN_ROWS]
        rows = ("; ".join(de for de, _ in first), "; ".join(en for _, en in first))
        raise DomainError(Code.merge_bad_rows, other=name, count=len(bad), rows=rows)
    return cells
