"""One catalogue of every text aipdesk says outside the window's widgets, in German and English.

Each text has a code (`Code` for refusals, `Note` for report lines) and a pair of
templates filled with `str.format`. A parameter may be a `Phrase` (another catalogue
text, told in the same language), a (German, English) pair, or a plain value; user
text is made visible on one line (`aipdesk.domain.escape.visible`) unless the
parameter is one that aipdesk composed itself (`COMPOSED`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from aipdesk.domain.escape import visible
from aipdesk.domain.messages.access import ACCESS
from aipdesk.domain.messages.budget import BUDGET
from aipdesk.domain.messages.closing import CLOSING
from aipdesk.domain.messages.codes import Code, Note
from aipdesk.domain.messages.commands import COMMANDS, TYPED
from aipdesk.domain.messages.entry import ENTRY
from aipdesk.domain.messages.files import FILES
from aipdesk.domain.messages.plausibility import PLAUSIBILITY
from aipdesk.domain.messages.report import REPORT
from aipdesk.domain.messages.reports import MERGE, NOTES

__all__ = [
    "COMPOSED",
    "LANGUAGES",
    "MESSAGES",
    "Code",
    "Note",
    "Phrase",
    "message",
    "phrase",
    "pick",
]

MESSAGES: dict[Code | Note, tuple[str, str]] = {}
for _table in (ENTRY, FILES, MERGE, TYPED, CLOSING, PLAUSIBILITY, ACCESS, BUDGET):
    MESSAGES.update({code: texts for code, texts in _table.items()})
MESSAGES.update({note: texts for note, texts in NOTES.items()})
MESSAGES.update({note: texts for note, texts in COMMANDS.items()})
MESSAGES.update({note: texts for note, texts in REPORT.items()})
LANGUAGES = ("de", "en")
# Parameters that are texts aipdesk composed (their parts were made visible already; a
# list of conflicts keeps its line breaks).
COMPOSED = frozenset({"message", "line", "lines", "problems"})


@dataclass(frozen=True)
class Phrase:
    """A catalogue text with its parameters, told in whichever language is asked for."""

    code: Code | Note
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "de") -> str:
        return message(self.code, lang, **self.params)


def phrase(code: Code | Note, /, **params: Any) -> Phrase:
    return Phrase(code, params)


def pick(pair: tuple[str, str] | Phrase, lang: str) -> str:
    """The German or the English of a (German, English) pair (or a `Phrase`), as `lang` asks."""
    if isinstance(pair, Phrase):
        return pair.text(lang)
    return pair[1] if lang == "en" else pair[0]


def message(code: Code | Note, lang: str = "de", /, **params: Any) -> str:
    """The text of `code` in `lang` ("de" or "en"; anything else is German)."""
    index = 1 if lang == "en" else 0
    filled = {}
    for key, value in params.items():
        if isinstance(value, Phrase):
            chosen: Any = value.text(lang)
        elif isinstance(value, tuple):  # given in both languages as a (de, en) pair
            chosen = value[index]
        else:
            chosen = value
        if isinstance(chosen, str) and key not in COMPOSED and not isinstance(value, Phrase):
            chosen = visible(chosen)  # quoted user text stays on its line, inert
        filled[key] = chosen
    return MESSAGES[code][index].format(**filled)
