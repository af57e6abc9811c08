"""Where the shipped data folders (`db/`, `resources/`) are, in every way aipdesk runs.

- installed wheel: copied into the package as `aipdesk/_data/<name>` (pyproject force-include)
- source checkout or editable install: `<repo>/<name>` next to the package
- PyInstaller one-folder build: `<bundle>/<name>` (aipdesk.spec puts them there)
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    candidates = [_PACKAGE / "_data" / name, _PACKAGE.parent / name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"aipdesk data folder {name!r} not found in {candidates}")


def migrations_dir() -> Path:
    return data_dir("db") / "migrations"


def catalogue_file() -> Path:
    return data_dir("db") / "catalogue_aip2021.toml"


def budget_file() -> Path:
    return data_dir("db") / "budget_aip2021.toml"


def resources_dir() -> Path:
    return data_dir("resources")
