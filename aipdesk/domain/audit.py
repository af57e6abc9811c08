"""An entry of the change log, as the history views show it."""

from __future__ import annotations

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
