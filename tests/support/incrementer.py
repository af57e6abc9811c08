"""A writer process for the concurrency tests and bench/concurrency.py:
`python -c INCREMENTER URL USER COUNT` prints the conflicts it met."""

from __future__ import annotations

import textwrap

# Each process adds 1 to the same cell N times: read the value and its version, write
# value + 1 expecting that version, and on a conflict read again. With optimistic
# concurrency no increment is lost; a busy database makes a writer wait, never fail.
INCREMENTER = textwrap.dedent(
    """
    import sys
    from aipdesk.domain.errors import DomainError
    from aipdesk.domain.months import Month
    from aipdesk.services.base import Actor
    from aipdesk.services.database import open_database
    from aipdesk.services.values import log_value
    from aipdesk.services.views import year_cells

    url, user, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    db = open_database(url, create=False)
    month = Month(2021, 3)
    conflicts = 0

    def current():
        for cell in year_cells(db, 2021):
            if (cell.project, cell.metric, cell.month) == ("NEUSTART", "integrations", month):
                return cell.value, cell.version
        return 0, 0

    done = 0
    while done < count:
        value, version = current()
        try:
            cell = ("NEUSTART", "integrations", month)
            log_value(db, Actor(user, "gui"), *cell, value + 1, expected=version)
            done += 1
        except DomainError as error:
            assert error.code == "value_conflict", error
            conflicts += 1
    print(conflicts)
    """
)
