"""Validation rules a coordinator adds, checked when a month is approved.

A rule says Σ left `relation` Σ right over the values of one project and month, each side
a list of metrics ("Σ FbW-Branchen <= FbW-Eintritte", "Frauen + Männer = Gesamt"). It
applies to a project's month when the project logs every metric the rule names (a rule
about metrics a project does not track says nothing about it). Adding and removing a
rule are operations with their change-log entry; `check_rules` is one of the closing's
`APPROVAL_CHECKS` and refuses an approval naming the rule, its sums and its metrics.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note
from aipdesk.domain.months import Month
from aipdesk.domain.text import check_line
from aipdesk.format import month_words
from aipdesk.services.base import Changes
from aipdesk.services.naming import metric_name, project_name
from aipdesk.services.operation import Operation, Result, Text, Work, told
from aipdesk.store.changelog import now, record
from aipdesk.store.database import Database
from aipdesk.store.models import ValidationRuleRow, ValueRow
from aipdesk.store.queries import Catalog, load_catalog

RELATIONS = ("<=", "=", ">=")
NAME_LENGTH = 200  # validation_rules.name


@dataclass(frozen=True)
class Rule:
    name: str
    left: tuple[str, ...]  # metric codes
    relation: str
    right: tuple[str, ...]

    def holds(self, left: int, right: int) -> bool:
        if self.relation == "<=":
            return left <= right
        if self.relation == ">=":
            return left >= right
        return left == right

    def metrics(self) -> tuple[str, ...]:
        return self.left + self.right

    def text(self, catalog: Catalog | None = None) -> str:
        """ "Frauen + Männer = Gesamt" (codes without a catalogue)."""

        def side(codes: Sequence[str]) -> str:
            return " + ".join(metric_name(catalog, c) if catalog else c for c in codes)

        return f"{side(self.left)} {self.relation} {side(self.right)}"

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "left": list(self.left),
            "relation": self.relation,
            "right": list(self.right),
        }


def _rule(row: ValidationRuleRow) -> Rule:
    return Rule(
        row.name, tuple(json.loads(row.left_side)), row.relation, tuple(json.loads(row.right_side))
    )


def _find(session: Session, name: str) -> ValidationRuleRow | None:
    return session.scalar(select(ValidationRuleRow).where(ValidationRuleRow.name == name))


def _validate(catalog: Catalog, rule: Rule) -> None:
    if not rule.name.strip():
        raise DomainError(Code.empty_name)
    check_line(rule.name, ("Name der Prüfregel", "name of the validation rule"), NAME_LENGTH)
    if rule.relation not in RELATIONS:
        raise DomainError(Code.rule_relation, name=rule.name, relation=rule.relation)
    if not rule.left or not rule.right:
        raise DomainError(Code.rule_side_empty, name=rule.name)
    for code in rule.metrics():
        if catalog.metric(code).is_computed:
            raise DomainError(
                Code.rule_metric_computed, name=rule.name, metric=metric_name(catalog, code)
            )


@dataclass(frozen=True)
class AddRule(Operation):
    rule: Rule

    def label(self) -> Text:
        return told(Note.op_add_rule, name=self.rule.name)

    def apply(self, work: Work) -> Result:
        rule = self.rule
        _validate(work.catalog, rule)
        if _find(work.session, rule.name) is not None:
            raise DomainError(Code.rule_exists, name=rule.name)
        stamp = now()
        work.session.add(
            ValidationRuleRow(
                name=rule.name,
                left_side=json.dumps(list(rule.left)),
                relation=rule.relation,
                right_side=json.dumps(list(rule.right)),
                version=1,
                updated_by=work.actor.user,
                updated_at=stamp,
            )
        )
        _log(work, "insert", None, rule)
        work.session.flush()
        return Result(Changes(), RemoveRule(rule.name))


@dataclass(frozen=True)
class RemoveRule(Operation):
    name: str

    def label(self) -> Text:
        return told(Note.op_remove_rule, name=self.name)

    def apply(self, work: Work) -> Result:
        row = _find(work.session, self.name)
        if row is None:
            raise DomainError(Code.rule_unknown, name=self.name)
        rule = _rule(row)
        work.session.delete(row)
        _log(work, "delete", rule, None)
        work.session.flush()
        return Result(Changes(), AddRule(rule))


def _log(work: Work, action: str, old: Rule | None, new: Rule | None) -> None:
    record(
        work.session,
        user=work.actor.user,
        source=work.actor.source,
        action=action,
        entity="rule",
        old=old.to_json() if old else None,
        new=new.to_json() if new else None,
    )


def rules_for(session: Session, catalog: Catalog, project: str) -> list[Rule]:
    """The rules that apply to `project`: those all of whose metrics it logs."""
    tracked = set(catalog.tracked.get(project, ()))
    rows = session.scalars(select(ValidationRuleRow).order_by(ValidationRuleRow.name))
    return [rule for rule in map(_rule, rows) if set(rule.metrics()) <= tracked]


def check_rules(session: Session, catalog: Catalog, project: str, month: Month) -> None:
    """Refuse the approval of `project`'s `month` if one of the rules that apply fails:
    the first (by name) is named with its sums and its metrics."""
    rules = rules_for(session, catalog, project)
    if not rules:
        return
    codes = {catalog.metric_ids[c]: c for rule in rules for c in rule.metrics()}
    values = {
        codes[mid]: value
        for mid, value in session.execute(
            select(ValueRow.metric_id, ValueRow.value).where(
                ValueRow.project_id == catalog.project_ids[project],
                ValueRow.year == month.year,
                ValueRow.month == month.month,
                ValueRow.metric_id.in_(sorted(codes)),
            )
        )
    }
    for rule in rules:
        left = sum(values.get(code, 0) for code in rule.left)
        right = sum(values.get(code, 0) for code in rule.right)
        if not rule.holds(left, right):
            raise DomainError(
                Code.rule_failed,
                name=rule.name,
                project=project_name(catalog, project),
                month=month_words(month),
                left=" + ".join(metric_name(catalog, c) for c in rule.left),
                right=" + ".join(metric_name(catalog, c) for c in rule.right),
                relation=rule.relation,
                left_sum=left,
                right_sum=right,
            )


def read_rules(db: Database) -> tuple[Catalog, list[Rule]]:
    """The catalogue and every rule, for a listing in names."""
    with db.read() as session:
        catalog = load_catalog(session)
        rows = session.scalars(select(ValidationRuleRow).order_by(ValidationRuleRow.name))
        return catalog, [_rule(row) for row in rows]
