"""Text from users and files shown on a terminal or in a message: made visible.

A code, a name or a note can hold characters a terminal acts on instead of
showing: a line break starts a forged line, ESC starts a control sequence
(clear the screen, move the cursor, set the window title), a bidi override
turns the rest of the line around. `visible` writes each of them as an escape
(``\\n``, ``\\x1b``, ``\\u202e``): what is shown is one line, and shows what is
stored.
"""

from __future__ import annotations

import re

# C0 and C1 control characters, DEL, line and paragraph separators, and the format
# characters that reorder or hide text (bidi embeddings, overrides and isolates,
# zero-width characters, the byte-order mark), and lone surrogates.
INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every character a terminal would act on written as an escape.

    `keep_newlines`: leave ``\\n`` as it is (text aipdesk composed of several lines)."""
    if keep_newlines:
        return "\n".join(INVISIBLE.sub(_escape, line) for line in text.split("\n"))
    return INVISIBLE.sub(_escape, text)
