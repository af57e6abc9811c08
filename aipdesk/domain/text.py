"""Rules for text people type or files bring: notes, names, user names.

Whatever is stored comes back unchanged: in the window, on the command line,
through an export and its import. So text is checked where it enters (the
window, `aipdesk log`, an import, a merge) and refused with a message naming the
problem, never trimmed or cleaned silently:

- a *note* (Bemerkung) holds at most `NOTE_LIMIT` characters; line breaks and
  tabs are fine, other control characters are not (they cannot be shown, and
  most cannot be kept in an Excel cell);
- a *name* (project, metric, unit) and a *user name* are one line: no control
  character at all; a user name also none of the invisible characters that
  reorder or hide text on a terminal (bidi overrides, zero-width characters);
- no text holds a lone surrogate (it cannot be stored as UTF-8) or one of the
  two non-characters U+FFFE and U+FFFF (XML cannot carry them).
"""

from __future__ import annotations

import re

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.escape import INVISIBLE, visible

NOTE_LIMIT = 2_000  # characters of a Bemerkung: a few paragraphs; Excel takes 32,767
NOTE = ("Die Bemerkung", "the note")
USER = ("Der Benutzername", "the user name")

# Never in any text: C0 controls but tab and line feed, DEL, C1 controls, surrogates,
# the two non-characters XML 1.0 excludes.
_NEVER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("[\t\n]")


def _refuse_char(what: tuple[str, str], found: re.Match[str]) -> DomainError:
    char = found.group(0)
    if char == "\x00":  # PostgreSQL cannot store it at all: the message says so
        return DomainError(Code.text_nul, what=what)
    named = {"\t": ("Tabulator", "tab"), "\n": ("Zeilenumbruch", "line break")}
    return DomainError(
        Code.text_control,
        what=what,
        char=named.get(char, visible(char)),
        position=found.start() + 1,
    )


def check_note(note: str, what: tuple[str, str] = NOTE) -> str:
    """A Bemerkung as typed: at most `NOTE_LIMIT` characters, line breaks and tabs but
    no other control character. Returns it unchanged."""
    if len(note) > NOTE_LIMIT:
        raise DomainError(Code.text_too_long, what=what, limit=NOTE_LIMIT, length=len(note))
    if found := _NEVER.search(note):
        raise _refuse_char(what, found)
    return note


def check_line(text: str, what: tuple[str, str], limit: int | None = None) -> str:
    """One line of text (a name, a unit): no control character, no line break."""
    if limit is not None and len(text) > limit:
        raise DomainError(Code.text_too_long, what=what, limit=limit, length=len(text))
    if found := _NEVER.search(text) or _BREAKS.search(text):
        raise _refuse_char(what, found)
    return text


def check_paragraphs(text: str, what: tuple[str, str], limit: int | None = None) -> str:
    """Free text of several lines (a description): line breaks and tabs are fine."""
    if limit is not None and len(text) > limit:
        raise DomainError(Code.text_too_long, what=what, limit=limit, length=len(text))
    if found := _NEVER.search(text):
        raise _refuse_char(what, found)
    return text


def check_user(user: str, limit: int) -> str:
    """A user name for the change log: one line, visible, not empty, at most `limit`."""
    if not user.strip():
        raise DomainError(Code.text_empty, what=USER)
    check_line(user, USER, limit)
    if found := INVISIBLE.search(user):  # what reorders or hides text on a terminal
        raise _refuse_char(USER, found)
    return user


def note_problem(note: str) -> DomainError | None:
    """Why a stored note breaks the rule of `check_note` (None: it does not)."""
    try:
        check_note(note)
    except DomainError as error:
        return error
    return None
