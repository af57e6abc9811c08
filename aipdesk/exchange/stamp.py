"""The moment a workbook was made: written by the export and the template, read by the import.

The import compares it with the database: a value stored after the file was made
is a conflict. The core property "created" holds whole seconds only, so the exact
moment (UTC, microseconds) goes into the custom property `aipdesk.erstellt` too;
the import prefers it, and a file without it is of unknown provenance.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aipdesk.exchange.layout import CREATED_PROPERTY


def mark_created(wb: Any, made: datetime) -> None:
    """Stamp an openpyxl workbook with the moment it was made (before it is saved).

    The core property "created" holds whole seconds only, so the exact moment goes into
    the custom property `aipdesk.erstellt` too; the import prefers it. Any workbook that
    may come back to the import (template, export) should carry it.
    """
    from openpyxl.packaging.custom import StringProperty

    if made.tzinfo is None:
        made = made.replace(tzinfo=UTC)
    made = made.astimezone(UTC)
    naive_utc = made.replace(tzinfo=None)
    wb.properties.created = naive_utc
    wb.properties.modified = naive_utc
    wb.properties.creator = "aipdesk"
    props = wb.custom_doc_props
    for prop in list(props.props):
        if prop.name == CREATED_PROPERTY:
            props.props.remove(prop)
    props.append(StringProperty(name=CREATED_PROPERTY, value=made.isoformat()))


def made_at(wb: Any) -> tuple[datetime | None, bool]:
    """When the file was made, and whether aipdesk said so: aipdesk's own stamp
    (microseconds; True), else the core property "created" (False).

    Both come from the file: a stamp that is no valid moment counts as absent."""
    try:
        for prop in wb.custom_doc_props.props:
            if prop.name == CREATED_PROPERTY and isinstance(prop.value, str):
                stamp = datetime.fromisoformat(prop.value.strip())
                stamp = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp
                return stamp.astimezone(UTC), True
    except (AttributeError, TypeError, ValueError, OverflowError):
        pass  # OverflowError: "0001-01-01T00:30+05:00" lies before the year 1 in UTC
    created = getattr(getattr(wb, "properties", None), "created", None)
    if isinstance(created, datetime):
        try:
            return (
                created.replace(tzinfo=UTC) if created.tzinfo is None else created.astimezone(UTC)
            ), False
        except OverflowError:
            return None, False
    return None, False
