"""The monthly close, as rules: the states of a project's month, the Meldeschluss and
timeliness.

A month of a project is open until its team lead reports it (every metric the project
logs has a value), then reported until a coordinator approves it; an approved month is
locked. Reopening (with a reason) makes it open again. The Meldeschluss of a month is
the 10th of the following month unless a coordinator moved it; a month counts as
reported on time when its first report came on or before that day.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note
from aipdesk.domain.months import Month

DEFAULT_DEADLINE_DAY = 10  # of the month after the reported one


class MonthState(StrEnum):
    OPEN = "open"
    REPORTED = "reported"
    APPROVED = "approved"


# What each state is called ("offen", "gemeldet", "freigegeben").
STATE_WORDS = {
    MonthState.OPEN: Note.month_open,
    MonthState.REPORTED: Note.month_reported,
    MonthState.APPROVED: Note.month_approved,
}


def default_deadline(month: Month) -> date:
    """The Meldeschluss of `month` unless moved: the 10th of the following month."""
    following = month.shift(1)
    return date(following.year, following.month, DEFAULT_DEADLINE_DAY)


def on_time(first_reported: date | None, due: date, today: date) -> bool | None:
    """Reported on or before `due` (True), after it or not by it (False); None while the
    month is not reported and its Meldeschluss has not passed."""
    if first_reported is not None:
        return first_reported <= due
    if today > due:
        return False
    return None


def days_left(due: date, today: date) -> int:
    """Days until the Meldeschluss (0: today, negative: passed)."""
    return (due - today).days


_GERMAN_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_day(text: str) -> date:
    """A calendar day as typed: "14.06.2021" or "2021-06-14"."""
    typed = text.strip()
    if found := _GERMAN_DAY.match(typed):
        day, month, year = (int(part) for part in found.groups())
    elif found := _ISO_DAY.match(typed):
        year, month, day = (int(part) for part in found.groups())
    else:
        raise DomainError(Code.bad_day, text=typed)
    try:
        return date(year, month, day)
    except ValueError:
        raise DomainError(Code.bad_day, text=typed) from None
