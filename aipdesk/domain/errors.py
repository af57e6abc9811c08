"""Domain errors carry a code and parameters; the text exists in German and English.

The user interface is German with English as the second language, so every
rejection can be told in both without the domain knowing about Qt or gettext. The
texts live in one catalogue (`aipdesk.domain.messages`); an error placed at a file,
a sheet's cell or a line (`DomainError.at`) keeps its own code and says where in front.
"""

from __future__ import annotations

from typing import Any

from aipdesk.domain.escape import visible
from aipdesk.domain.messages import MESSAGES, Code, message

__all__ = ["MESSAGES", "Code", "DomainError"]


class DomainError(Exception):
    """A rejected input or operation, explained to a person in German or English."""

    def __init__(self, code: Code, /, **params: Any) -> None:
        self.code = Code(code)  # an unknown code is a programming error: ValueError
        self.params = params
        self.place = ""
        super().__init__(self.text("de"))

    def at(self, where: str) -> DomainError:
        """This refusal placed at `where` ("Daten!B7", a file name); the first place stays."""
        if not where or self.place:
            return self
        placed = DomainError(self.code, **self.params)
        placed.place = where
        placed.args = (placed.text("de"),)
        return placed

    def text(self, lang: str = "de") -> str:
        told = message(self.code, lang, **self.params)
        return f"{visible(self.place)}: {told}" if self.place else told

    def __str__(self) -> str:
        return self.text("de")
