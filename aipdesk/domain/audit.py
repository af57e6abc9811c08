"""An entry of the change log, as the history views show it."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aipdesk.domain.months import Month


@dataclass(frozen=True)
class Change:
    at: datetime
    user: str
    source: str
    action: str
    entity: str
    project: str | None
    metric: str | None
    month: Month | None
    old: Any
    new: Any


def describe(payload: Any, number: Callable[[float], str] = str) -> str:
    """One side of a change, short: `58 ("Ostern")`, with the file a value came from
    (`12 [Vorlage.xlsx Erfassung!G5]`); other entries (targets, projects) as JSON.
    `number` writes the value (`Formatter.number`: "17.046")."""
    if payload is None:
        return "–"
    if isinstance(payload, dict) and "value" in payload and set(payload) <= VALUE_KEYS:
        value = payload["value"]
        text = number(value) if isinstance(value, (int, float)) else str(value)
        if payload.get("note"):
            text += f' ("{payload["note"]}")'
        origin = " ".join(str(payload[k]) for k in ("file", "where") if payload.get(k))
        return f"{text} [{origin}]" if origin else text
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


VALUE_KEYS = frozenset({"value", "note", "file", "where"})
