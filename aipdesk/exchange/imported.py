"""What an import produces: the file's values (`ImportFile`) and the outcome (`ImportReport`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal

from aipdesk.domain.messages import Note, message, pick
from aipdesk.exchange.budget_import import BudgetIncoming
from aipdesk.exchange.paused import paused
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
    # Budget entries (`Budgetdaten` of an export, `Budgeterfassung` of a template).
    budget: tuple[BudgetIncoming, ...] = ()
    budget_sheet: str = ""

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

    @paused
    def summary(self, lang: str = "de") -> str:
        """A few readable lines for the command line, however large the file: counts, the
        counts by project and metric, the first conflicts and changes, the result."""
        counts = self.counts()
        made = self.file.made_at.strftime("%d.%m.%Y %H:%M UTC") if self.file.made_at else None
        head = message(
            Note.import_made if made else Note.import_file,
            lang,
            file=self.file.name,
            kind=KIND_OF_FILE[self.file.kind],
            sheet=self.file.sheet,
            made=made or "",
        )
        head += ": " + message(
            Note.import_counts,
            lang,
            new=counts[Kind.NEW],
            changed=counts[Kind.CHANGED],
            unchanged=counts[Kind.UNCHANGED],
            conflicts=counts[Kind.CONFLICT],
        )
        lines = [head]
        if self.file.since() is None:
            lines.append("  " + message(Note.import_no_stamp, lang))
        preview = summarise(self.plan)
        groups = [g for g in preview.groups if g.new + g.changed + g.conflicts]
        if groups:
            lines.append("  " + message(Note.import_by_pair, lang))
        for group in groups[:GROUP_LINES]:
            lines.append(
                f"    {group.project} / {group.metric}, {group.months}: " + _counted(group, lang)
            )
        if len(groups) > GROUP_LINES:
            lines.append(
                "    " + message(Note.import_more_pairs, lang, count=len(groups) - GROUP_LINES)
            )
        for item in preview.listed:
            lines.append(_line(item, lang))
        if self.file.budget:
            count, sheet = len(self.file.budget), self.file.budget_sheet
            lines.append("  " + message(Note.import_budget, lang, count=count, sheet=sheet))
        if preview.more:
            lines.append("  " + message(Note.import_more_values, lang, count=preview.more))
        if preview.implausible_count:
            lines.append("  " + preview.implausible_text(lang))
        if self.dry_run:
            lines.append(message(Note.import_dry_run, lang))
        else:
            text = message(Note.import_stored, lang, count=self.written)
            if self.skipped:
                text += " " + message(Note.import_skipped, lang, count=len(self.skipped))
            lines.append(text)
            if self.file.budget:
                lines.append(message(Note.import_budget_stored, lang, count=len(self.file.budget)))
        return "\n".join(lines)


KIND_OF_FILE = {"template": ("Erfassungsvorlage", "entry template"), "export": ("Export", "export")}
KIND_WORDS = {
    Kind.NEW: ("neu", "new"),
    Kind.CHANGED: ("geändert", "changed"),
    Kind.UNCHANGED: ("unverändert", "unchanged"),
    Kind.CONFLICT: ("im Konflikt", "in conflict"),
}
LINE_LABELS = {
    Kind.NEW: ("neu", "new"),
    Kind.CHANGED: ("geändert", "changed"),
    Kind.CONFLICT: ("KONFLIKT", "CONFLICT"),
}


def _counted(group: Group, lang: str) -> str:
    return ", ".join(
        f"{group.count(kind)} {pick(words, lang)}"
        for kind, words in KIND_WORDS.items()
        if group.count(kind)
    )


def _line(item: PlanItem, lang: str) -> str:
    """One value that changes: `KONFLIKT  Erfassung!H5  NEUSTART / integrations / 2021-05: …`."""
    incoming, stored = item.incoming, item.stored
    line = (
        f"  {pick(LINE_LABELS[item.kind], lang):<9} {incoming.where:<14} {incoming.project} / "
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
        line += " " + message(Note.import_conflict_by, lang, user=stored.updated_by, at=when)
    return line
