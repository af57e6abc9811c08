"""argparse in the language of the command line: its own words ("usage:", "error:",
"the following arguments are required", …) in German, or as they are in English.

argparse looks its texts up through the module's `_` and `ngettext` (gettext) each time
it says something; `speaking(lang)` puts a German table in their place while a parser
is built, parses or writes its help, and gives the originals back afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

# argparse's English texts (Python 3.11 to 3.13) -> German
GERMAN = {
    "usage: ": "Aufruf: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültige Auswahl: %(value)r (möglich sind %(choices)s)"
    ),
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "hier fehlt ein Wert",
    "expected at most one argument": "höchstens ein Wert erlaubt",
    "expected at least one argument": "mindestens ein Wert nötig",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s kann %(matches)s bedeuten"
    ),
    "invalid %(type)s value: %(value)r": "ungültiger Wert (%(type)s): %(value)r",
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "one of the arguments %s is required": "eine dieser Angaben ist nötig: %s",
    "ignored explicit argument %r": "überzähliger Wert %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "unbekannter Befehl %(parser_name)r (möglich sind %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "'%(filename)s' lässt sich nicht öffnen: %(error)s",
    "options": "Optionen",
    "positional arguments": "Argumente",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "unexpected option string: %s": "unerwartete Option: %s",
    "argument %(argument_name)s: not allowed with argument %(argument)s": (
        "%(argument_name)s: nicht zusammen mit %(argument)s erlaubt"
    ),
    "argument '%(argument_name)s' is deprecated": "'%(argument_name)s' ist veraltet",
    "command '%(parser_name)s' is deprecated": "der Befehl '%(parser_name)s' ist veraltet",
}
GERMAN_PLURAL = {
    ("expected %s argument", "expected %s arguments"): ("%s Wert erwartet", "%s Werte erwartet"),
}


def _german(text: str) -> str:
    return GERMAN.get(text, text)


def _german_plural(singular: str, plural: str, count: int) -> str:
    one, many = GERMAN_PLURAL.get((singular, plural), (singular, plural))
    return one if count == 1 else many


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """argparse says its own words in `lang` ("de"; "en" as argparse has them) meanwhile."""
    module = vars(argparse)
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = {"en": saved}.get(lang, (_german, _german_plural))
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
