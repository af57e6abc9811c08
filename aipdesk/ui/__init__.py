"""The PySide6 desktop application: the only package that imports Qt.

Importing PySide6 installs an import hook that asks of every module imported later
whether its source mentions "PySide6" (for PySide's `__feature__` switching). It answers
through `inspect.getsource`, which tokenizes the whole file and keeps its lines in
`linecache`: about a fifth of the time of every later import, such as SQLAlchemy's on
the window's loader thread (bench/startup.py). `_quicker_pyside_check` gives the hook
the same answer from the file's bytes.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6  # noqa: F401  (installs the hook)


def _quicker_pyside_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "aipdesk", False):
        return  # another PySide6 than the one this was written for, or done already

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))  # built in, compiled, without a file
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    uses_pyside.aipdesk = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


_quicker_pyside_check()
