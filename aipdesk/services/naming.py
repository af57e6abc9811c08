"""Projects and metrics by the names people know them by: in messages (a name, not a
code) and as typed on the command line (a code, or a name where it is unique).

A code is found as typed, then regardless of case; a name regardless of case (for a
metric also its long form, "Integrationen (Frauen)" for "davon Frauen"). What fits
nothing is refused naming what was typed, the nearest code as a suggestion and the
command that lists them all; what fits several is refused naming them.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from aipdesk.domain.catalogue import label
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note, Phrase, phrase
from aipdesk.store.queries import Catalog

__all__ = ["find_metric", "find_project", "metric_name", "project_name", "suggestion"]


def project_name(catalog: Catalog, code: str) -> str:
    """The name of a project ("NeuStart" for NEUSTART); an unknown code as it is."""
    project = catalog.projects.get(code)
    return project.name.strip() or code if project is not None else code


def metric_name(catalog: Catalog, code: str) -> str:
    """The name of a metric ("Integrationen (Frauen)"); an unknown code as it is."""
    metric = catalog.metrics.get(code)
    return label(metric, catalog.metrics) or code if metric is not None else code


def _names(catalog: Catalog, kind: str) -> dict[str, list[str]]:
    """code -> the names it is known by."""
    if kind == "project":
        return {code: [p.name] for code, p in catalog.projects.items()}
    return {code: [m.name, label(m, catalog.metrics)] for code, m in catalog.metrics.items()}


def _find(catalog: Catalog, text: str, kind: str) -> str:
    names = _names(catalog, kind)
    typed = text.strip()
    if typed in names:
        return typed
    folded = typed.casefold()
    for candidates in (
        [code for code in names if code.casefold() == folded],
        [
            code
            for code, known in names.items()
            if any(n.strip().casefold() == folded for n in known)
        ],
    ):
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            listed = ", ".join(f"{c} ({_first_name(names, c)})" for c in candidates)
            code = Code.ambiguous_project if kind == "project" else Code.ambiguous_metric
            raise DomainError(code, text=text, matches=listed)
    code = Code.no_such_project if kind == "project" else Code.no_such_metric
    raise DomainError(code, text=text, hint=suggestion(names, typed))


def _first_name(names: Mapping[str, list[str]], code: str) -> str:
    return names[code][-1].strip()


def suggestion(names: Mapping[str, list[str]], typed: str) -> Phrase | str:
    """ "Meinten Sie NEUSTART?" for the code or name nearest to `typed`; "" if none is near."""
    folded = {code.casefold(): code for code in names}
    for code, known in names.items():
        for name in known:
            folded.setdefault(name.strip().casefold(), code)
    near = difflib.get_close_matches(typed.casefold(), list(folded), n=1, cutoff=0.6)
    if not near:
        return ""
    return phrase(Note.did_you_mean, suggestion=folded[near[0]])


def find_project(catalog: Catalog, text: str) -> str:
    """The code of the project `text` names (its code, or its name where unique)."""
    return _find(catalog, text, "project")


def find_metric(catalog: Catalog, text: str) -> str:
    """The code of the metric `text` names (its code, or its name where unique)."""
    return _find(catalog, text, "metric")
