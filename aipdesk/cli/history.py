"""`aipdesk history`: the change log, one line per entry, in the words of the command
line's language: who, through what, what happened to what ("geändert Wert"), the
project, metric and month as people know them, and what it was before and after.

The change log stores codes and JSON (its contract); only the telling is translated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from aipdesk.cli.listing import AREAS, KINDS
from aipdesk.domain.audit import VALUE_KEYS, Change, describe
from aipdesk.domain.errors import DomainError
from aipdesk.domain.escape import visible
from aipdesk.domain.messages import pick
from aipdesk.domain.months import Month
from aipdesk.format import Formatter, date_words, formatter

Pair = tuple[str, str]

# Through what a change was made (`Actor.source`).
SOURCES: dict[str, Pair] = {
    "cli": ("Befehlszeile", "command line"),
    "gui": ("Fenster", "window"),
    "import": ("Import", "import"),
    "merge": ("Zusammenführung", "merge"),
    "demo": ("Demodaten", "demo data"),
    "catalogue": ("Katalog", "catalogue"),
}
ACTIONS: dict[str, Pair] = {
    "insert": ("neu", "new"),
    "update": ("geändert", "changed"),
    "delete": ("gelöscht", "deleted"),
    "restore": ("wiederhergestellt", "restored"),
}
ENTITIES: dict[str, Pair] = {
    "value": ("Wert", "value"),
    "target": ("Zielwert", "target"),
    "project": ("Projekt", "project"),
    "metric": ("Kennzahl", "metric"),
    "tracking": ("Erfassung", "tracking"),
    "database": ("Datenbank", "database"),
    "month": ("Monat", "month"),
    "deadline": ("Meldeschluss", "deadline"),
    "review": ("Klärung", "review"),
    "rule": ("Prüfregel", "rule"),
    "access": ("Zugang", "access"),
    "budget": ("Budget", "budget"),
}
# The fields of a target, project, metric or restore entry, in the order they are told.
FIELDS: dict[str, Pair] = {
    "value": ("Zielwert", "target"),
    "code": ("Kürzel", "code"),
    "name": ("Name", "name"),
    "kind": ("Art", "kind"),
    "first": ("ab", "from"),
    "last": ("bis", "to"),
    "weights": ("Plankurve", "plan curve"),
    "change_pct": ("Veränderung geplant %", "planned change %"),
    "denominator_plan": ("Ø Nenner geplant", "planned mean denominator"),
    "active": ("aktiv", "active"),
    "parent": ("davon von", "davon of"),
    "partition": ("Aufteilung", "split"),
    "numerator": ("Zähler", "numerator"),
    "denominator": ("Nenner", "denominator"),
    "unit": ("Einheit", "unit"),
    "direction": ("besser", "better"),
    "green_pct": ("grün ab %", "green from %"),
    "amber_pct": ("gelb ab %", "amber from %"),
    "area": ("Erfassung", "logged under"),
    "description": ("Beschreibung", "description"),
    "from": ("aus", "from"),
    "backup_of_previous": ("Sicherung des vorigen Stands", "backup of the previous state"),
    "state": ("Stand", "state"),
    "reason": ("Begründung", "reason"),
    "due": ("Meldeschluss", "deadline"),
    "checked_by": ("geprüft von", "checked by"),
    "left": ("links", "left"),
    "relation": ("Beziehung", "relation"),
    "right": ("rechts", "right"),
    "login": ("Anmeldung", "login"),
    "role": ("Rolle", "role"),
}
# Where a field means something else than on a target.
ENTITY_FIELDS: dict[str, dict[str, Pair]] = {"review": {"value": ("Wert", "value")}}
WORDS: dict[str, Mapping[Any, Pair]] = {
    "kind": KINDS,
    "area": AREAS,
    "direction": {"up": ("mehr", "more"), "down": ("weniger", "less")},
    "role": {
        "teamlead": ("Teamleitung", "team lead"),
        "coordinator": ("Koordination", "coordinator"),
    },
    "state": {
        "open": ("offen", "open"),
        "reported": ("gemeldet", "reported"),
        "approved": ("freigegeben", "approved"),
    },
}
YES_NO = {True: ("ja", "yes"), False: ("nein", "no")}
METRIC_FIELDS = frozenset({"parent", "numerator", "denominator"})
MONTH_FIELDS = frozenset({"first", "last"})


class HistoryLines:
    """Tells change-log entries in `lang`; `project` and `metric` name a code as people
    know it (an unknown code, of something since removed, as it is)."""

    def __init__(
        self, lang: str, project: Callable[[str], str], metric: Callable[[str], str]
    ) -> None:
        self.lang = lang
        self.fmt: Formatter = formatter(lang)
        self.project = project
        self.metric = metric
        self._entity = ""
        self.widths = [
            max(len(pick(pair, lang)) for pair in table.values())
            for table in (SOURCES, ACTIONS, ENTITIES)
        ]

    def word(self, table: Mapping[Any, Pair], key: Any) -> str:
        pair = table.get(key)
        return str(key) if pair is None else pick(pair, self.lang)

    def line(self, change: Change) -> str:
        """One entry on one line; what users typed (names, notes) is shown escaped."""
        when = self.fmt.timestamp(change.at, seconds=True)
        words = (
            self.word(SOURCES, change.source),
            self.word(ACTIONS, change.action),
            self.word(ENTITIES, change.entity),
        )
        head = " ".join(w.ljust(width) for w, width in zip(words, self.widths, strict=True))
        where = " / ".join(self._where(change))
        self._entity = change.entity
        told = self._what(change.old, change.new)
        tail = f"{where}: {told}" if where and told else where or told
        return visible(f"{when}  {change.user:<12} {head} {tail}".rstrip())

    def _where(self, change: Change) -> Sequence[str]:
        parts = []
        if change.project:
            parts.append(self.project(change.project))
        if change.metric:
            parts.append(self.metric(change.metric))
        if change.month:
            month = self.fmt.month(change.month, long=True)
            # A target is kept under its first month.
            parts.append(
                pick(("ab ", "from "), self.lang) + month if change.entity == "target" else month
            )
        return parts

    def _what(self, old: Any, new: Any) -> str:
        """Before → after: a value with its note and origin; of anything else the fields
        that changed (all of them where it was made or removed)."""
        if old is None and new is None:
            return ""
        if _is_value(old) and _is_value(new):
            return f"{self._side(old)} → {self._side(new)}"
        if isinstance(old, dict) and isinstance(new, dict):
            changed = [k for k in _ordered(old.keys() | new.keys()) if old.get(k) != new.get(k)]
            return "; ".join(
                f"{self._field(k)} {self._shown(k, old.get(k))} → {self._shown(k, new.get(k))}"
                for k in changed
            )
        return f"{self._side(old)} → {self._side(new)}"

    def _side(self, payload: Any) -> str:
        if _is_value(payload):
            return describe(payload, self.fmt.number)
        if isinstance(payload, dict):
            return ", ".join(
                f"{self._field(k)} {self._shown(k, payload[k])}"
                for k in _ordered(payload.keys())
                if payload[k] not in (None, "")
            )
        return describe(payload)

    def _field(self, key: str) -> str:
        return self.word({**FIELDS, **ENTITY_FIELDS.get(self._entity, {})}, key)

    def _shown(self, key: str, value: Any) -> str:
        if key == "weights":  # a list of twelve shares says little on one line
            return pick(("linear", "linear") if value is None else ("eigene", "custom"), self.lang)
        if key in WORDS and value in WORDS[key]:
            return self.word(WORDS[key], value)
        if value is None or value == "":
            return "–"
        if isinstance(value, bool):
            return self.word(YES_NO, value)
        if isinstance(value, (int, float)):
            return _number(self.fmt, value)
        if key in METRIC_FIELDS and isinstance(value, str):
            return self.metric(value)
        if key in ("left", "right") and isinstance(value, list):
            return " + ".join(self.metric(str(code)) for code in value)
        if key == "due" and isinstance(value, str):
            try:
                return pick(date_words(date.fromisoformat(value)), self.lang)
            except ValueError:
                return value
        if key in MONTH_FIELDS and isinstance(value, str):
            try:
                return self.fmt.month(Month.parse(value))
            except DomainError:
                return value
        return str(value)


def _is_value(payload: Any) -> bool:
    return isinstance(payload, dict) and "value" in payload and set(payload) <= VALUE_KEYS


def _ordered(keys: Any) -> list[str]:
    order = list(FIELDS)
    return sorted(keys, key=lambda k: (order.index(k) if k in order else len(order), k))


def _number(fmt: Formatter, value: float) -> str:
    """A figure as stored, grouped as the language writes it: 17046 -> "17.046", 24.6 ->
    "24,6" (up to four decimals, none where it is whole)."""
    decimals = 0 if float(value).is_integer() else min(len(repr(float(value)).split(".")[1]), 4)
    return fmt.number(value, decimals)
