"""What an import produces: the file's values (`ImportFile`) and the outcome (`ImportReport`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal

from aipdesk.exchange.preview import Group, summarise
from aipdesk.services.base import CellKey, Changes
from aipdesk.services.batch import Incoming, Kind, Plan, PlanItem

__all__ = ["CLOCK_TOLERANCE", "ImportFile", "ImportReport"]

# How far a file's stamp may lie ahead of this computer's clock (another computer's
# clock may run a little fast); beyond it, the stamp is implausible.
CLOCK_TOLERANCE = timedelta(minutes=5)
GROUP_LINES = 40  # lines of counts by project and metric on the command line


@dataclass(frozen=True)
class ImportFile:
    """What a workbook says: its values, when it was made and which layout it has."""

    incoming: tuple[Incoming, ...]
    made_at: datetime | None  # UTC; values stored after it are conflicts
    kind: Literal["template", "export"]
    sheet: str
    name: str = ""  # the file name, for messages
    stamped: bool = False  # made_at is aipdesk's own stamp (not Excel's "created")

    def since(self, now: datetime | None = None) -> datetime | None:
        """The moment after which a stored value counts as newer than the file: aipdesk's
        stamp, if it is plausible. None when the file's provenance is unknown (no stamp,
        only Excel's "created", or a stamp in the future): then every value the file
        would change is a conflict."""
        moment = now or datetime.now(UTC)
        if not self.stamped or self.made_at is None:
            return None
        if self.made_at > moment + CLOCK_TOLERANCE:
            return None
        return self.made_at


@dataclass(frozen=True)
class ImportReport:
    """The outcome of an import: the plan (every value of the file against the database)
    and, unless it was a dry run, what was written."""

    file: ImportFile
    plan: Plan
    dry_run: bool
    changes: Changes = field(default_factory=Changes)
    skipped: tuple[CellKey, ...] = ()  # conflicts left as they are (skip_conflicts)

    @property
    def items(self) -> tuple[PlanItem, ...]:
        return self.plan.items

    def counts(self) -> dict[Kind, int]:
        return self.plan.counts()

    @property
    def written(self) -> int:
        return len(self.changes.values)

    def summary(self, lang: str = "de") -> str:
        """A few readable lines for the command line, however large the file: counts, the
        counts by project and metric, the first conflicts and changes, the result."""
        de = lang != "en"
        counts = self.counts()
        kind_text = {
            "template": "Erfassungsvorlage" if de else "entry template",
            "export": "Export" if de else "export",
        }[self.file.kind]
        made = self.file.made_at.strftime("%d.%m.%Y %H:%M UTC") if self.file.made_at else None
        head = f"{self.file.name} ({kind_text}, {'Blatt' if de else 'sheet'} {self.file.sheet}"
        if made:
            head += f", {'erstellt' if de else 'made'} {made}"
        head += "): "
        if de:
            head += (
                f"{counts[Kind.NEW]} neu, {counts[Kind.CHANGED]} geändert, "
                f"{counts[Kind.UNCHANGED]} unverändert, {counts[Kind.CONFLICT]} im Konflikt"
            )
        else:
            head += (
                f"{counts[Kind.NEW]} new, {counts[Kind.CHANGED]} changed, "
                f"{counts[Kind.UNCHANGED]} unchanged, {counts[Kind.CONFLICT]} in conflict"
            )
        lines = [head]
        if self.file.since() is None:
            lines.append(
                "  Herkunft unbekannt (kein gültiger Zeitstempel von aipdesk): jede Änderung "
                "gilt als Konflikt"
                if de
                else "  provenance unknown (no valid aipdesk time stamp): every change counts "
                "as a conflict"
            )
        preview = summarise(self.plan)
        groups = [g for g in preview.groups if g.new + g.changed + g.conflicts]
        if groups:
            lines.append("  je Projekt und Kennzahl:" if de else "  by project and metric:")
        for group in groups[:GROUP_LINES]:
            lines.append(
                f"    {group.project} / {group.metric}, {group.months}: " + _counted(group, de)
            )
        if len(groups) > GROUP_LINES:
            rest = len(groups) - GROUP_LINES
            lines.append(
                f"    … und {rest} weitere Paare von Projekt und Kennzahl"
                if de
                else f"    … and {rest} more pairs of project and metric"
            )
        for item in preview.listed:
            lines.append(_line(item, de))
        if preview.more:
            lines.append(
                f"  … und {preview.more} weitere Werte (oben je Projekt und Kennzahl gezählt)"
                if de
                else f"  … and {preview.more} more values (counted by project and metric above)"
            )
        if self.dry_run:
            lines.append("Probelauf: nichts gespeichert." if de else "Dry run: nothing was stored.")
        else:
            text = (
                f"Gespeichert: {self.written} Werte." if de else f"Stored: {self.written} values."
            )
            if self.skipped:
                text += (
                    f" {len(self.skipped)} Konflikte übersprungen (Wert der Datenbank bleibt)."
                    if de
                    else f" {len(self.skipped)} conflicts skipped (the database keeps its value)."
                )
            lines.append(text)
        return "\n".join(lines)


def _counted(group: Group, de: bool) -> str:
    words = (
        (Kind.NEW, "neu", "new"),
        (Kind.CHANGED, "geändert", "changed"),
        (Kind.UNCHANGED, "unverändert", "unchanged"),
        (Kind.CONFLICT, "im Konflikt", "in conflict"),
    )
    return ", ".join(
        f"{group.count(kind)} {word_de if de else word_en}"
        for kind, word_de, word_en in words
        if group.count(kind)
    )


def _line(item: PlanItem, de: bool) -> str:
    """One value that changes: `KONFLIKT  Erfassung!H5  NEUSTART / integrations / 2021-05: …`."""
    label = {
        Kind.NEW: "neu" if de else "new",
        Kind.CHANGED: "geändert" if de else "changed",
        Kind.CONFLICT: "KONFLIKT" if de else "CONFLICT",
    }
    incoming, stored = item.incoming, item.stored
    line = (
        f"  {label[item.kind]:<9} {incoming.where:<14} {incoming.project} / "
        f"{incoming.metric} / {incoming.month}: "
    )
    if stored is None:
        line += str(incoming.value)
    else:
        line += f"{stored.value} → {incoming.value}"
    if item.kind is Kind.CONFLICT and stored is not None:
        when = (
            stored.updated_at.astimezone(UTC).strftime("%d.%m.%Y %H:%M UTC")
            if stored.updated_at
            else "?"
        )
        line += (
            f" (in der Datenbank geändert von {stored.updated_by} am {when})"
            if de
            else f" (changed in the database by {stored.updated_by} on {when})"
        )
    return line
